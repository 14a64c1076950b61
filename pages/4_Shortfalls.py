"""Shortfalls: who goes short of what, where and when, on a map, in tables and charts; report download."""

import altair as alt
import streamlit as st

from foodchain.analysis.outcomes import WORST, by_commodity, by_day, hub_stock, report_tables, zone_shortfall
from foodchain.report import report_xlsx, report_zip
from foodchain_app.i18n import t, t_frame
from foodchain_app.maps import zones_deck
from foodchain_app.state import page, run_choices, stored_run, zones

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
        format_func=lambda c: t("all") if c is None else c,
    )
    day = c3.selectbox(
        t("day"),
        [None, WORST] + list(range(1, result.days + 1)),
        key="sf_day",
        format_func=lambda d: t("all_days") if d is None else t("worst_day") if d == WORST else str(d),
    )
    boundary = st.sidebar.file_uploader(t("boundary_file"), type=["geojson", "json"], key="sf_boundary")
    try:
        shapes = zones(version, boundary.getvalue() if boundary else None)
    except ValueError as exc:
        st.error(str(exc))
        shapes = zones(version)
    values = zone_shortfall(dataset, result, commodity, day)
    m = st.columns(3)
    m[0].metric(t("shortfall_t"), f"{values['shortfall_t'].sum():,.1f}")
    m[1].metric(t("zones_short"), int((values["shortfall_t"] > 1e-6).sum()))
    m[2].metric(t("people_affected"), f"{values['people_affected'].sum():,.0f}")
    st.pydeck_chart(zones_deck(dataset, shapes, values, "share_unmet"), height=520, key="sf_map")
    st.caption(t("map_legend_share") + " " + t("foresight"))
    tabs = st.tabs([t("by_zone"), t("by_commodity"), t("by_day"), t("hub_stock")])
    tabs[0].dataframe(t_frame(values), hide_index=True, width="stretch", key="sf_zone_table")
    tabs[1].dataframe(t_frame(by_commodity(result)), hide_index=True, width="stretch", key="sf_commodity_table")
    daily = by_day(result)
    tabs[2].altair_chart(
        alt.Chart(daily)
        .mark_line(point=True)
        .encode(
            x=alt.X("day:O", title=t("day")),
            y=alt.Y("shortfall_t:Q", title=t("shortfall_t")),
            color=alt.Color("commodity:N", title=t("commodity")),
        ),
        width="stretch",
        key="sf_day_chart",
    )
    tabs[2].dataframe(t_frame(daily), hide_index=True, width="stretch", key="sf_day_table")
    stock = hub_stock(dataset, result)
    tabs[3].altair_chart(
        alt.Chart(stock)
        .mark_line(point=True)
        .encode(
            x=alt.X("day:O", title=t("day")),
            y=alt.Y("stock_t:Q", title=t("stock_t")),
            color=alt.Color("name:N", title=t("hub")),
            strokeDash=alt.StrokeDash("commodity:N", title=t("commodity")),
        ),
        width="stretch",
        key="sf_stock_chart",
    )
    tables = report_tables(dataset, result)
    c1, c2 = st.columns(2)
    c1.download_button(t("download_report_xlsx"), report_xlsx(tables), "foodchain_shortfalls.xlsx", key="sf_xlsx")
    c2.download_button(t("download_report_zip"), report_zip(tables), "foodchain_shortfalls.zip", key="sf_zip")
