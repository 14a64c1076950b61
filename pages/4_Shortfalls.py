"""Shortfalls: who goes short of what, where and when, on a map, in tables and charts; report download."""

import streamlit as st

from foodchain.analysis.outcomes import (
    PEOPLE_THRESHOLD,
    WORST,
    by_commodity,
    by_day,
    hub_stock,
    people_summary,
    report_tables,
    zone_shortfall,
)
from foodchain.report import report_xlsx, report_zip
from foodchain_app import charts
from foodchain_app.i18n import option_labels, t
from foodchain_app.maps import SHARE_STOPS, ramp_legend, zones_deck
from foodchain_app.state import page, run_choices, stored_run, zones
from foodchain_app.tables import show

ctx = page("nav_shortfalls")
if ctx is not None:
    store, version, dataset = ctx
    choices = run_choices(store, version)
    c1, c2, c3 = st.columns([3, 1, 1])
    key = c1.selectbox(t("run_to_show"), list(choices), format_func=choices.get, key="sf_run")
    result = stored_run(key)
    commodity = c2.selectbox(
        t("commodity"),
        [None] + dataset.commodities["commodity"].tolist(),
        key="sf_commodity",
        format_func=option_labels({None: "all"}),
    )
    day = c3.selectbox(
        t("day"),
        [None, WORST] + list(range(1, result.days + 1)),
        key="sf_day",
        format_func=option_labels({None: "all_days", WORST: "worst_day"}),
    )
    st.info(t("foresight"))
    boundary = st.sidebar.file_uploader(t("boundary_file"), type=["geojson", "json"], key="sf_boundary")
    try:
        shapes = zones(version, boundary.getvalue() if boundary else None)
    except ValueError as exc:
        st.error(f"{t('bad_boundary')} {exc}")
        shapes = zones(version)
    values = zone_shortfall(dataset, result, commodity, day)
    m = st.columns(4)
    m[0].metric(t("shortfall_t"), f"{values['shortfall_t'].sum():,.1f}")
    m[1].metric(t("share_unmet_total"), f"{values['shortfall_t'].sum() / max(values['demand_t'].sum(), 1e-9):.1%}")
    m[2].metric(t("zones_short"), f"{int((values['shortfall_t'] > 1e-6).sum())} / {len(values)}")
    people_help = t("people_definition").format(threshold=PEOPLE_THRESHOLD)
    m[3].metric(t("people_affected"), f"{values['people_affected'].sum():,.0f}", help=people_help)
    people = people_summary(dataset, result)
    st.caption(people_help + " " + t("people_worst").format(**people) + " " + t("equity_note"))
    outside = result.summary()
    if outside.get("external_demand_t"):
        st.caption(
            t("external_line").format(demand=outside["external_demand_t"], short=outside["external_shortfall_t"])
        )
    st.pydeck_chart(zones_deck(dataset, shapes, values, "share_unmet"), height=520, key="sf_map")
    st.markdown(ramp_legend(SHARE_STOPS, t("share_all_met"), t("share_none_met")), unsafe_allow_html=True)
    st.caption(t("map_legend_share"))
    tabs = st.tabs([t("by_zone"), t("by_commodity"), t("by_day"), t("hub_stock")])
    show(values, "sf_zone_table", tabs[0])
    show(by_commodity(result), "sf_commodity_table", tabs[1])
    daily = by_day(result)
    tabs[2].altair_chart(charts.shortfall_by_day(daily), width="stretch", key="sf_day_chart")
    show(daily, "sf_day_table", tabs[2])
    stock = hub_stock(dataset, result)
    tabs[3].altair_chart(charts.hub_stock(stock), width="stretch", key="sf_stock_chart")
    show(stock, "sf_stock_table", tabs[3])
    tables = report_tables(dataset, result)
    c1, c2 = st.columns(2)
    c1.download_button(t("download_report_xlsx"), report_xlsx(tables), "foodchain_shortfalls.xlsx", key="sf_xlsx")
    c2.download_button(t("download_report_zip"), report_zip(tables), "foodchain_shortfalls.zip", key="sf_zip")
