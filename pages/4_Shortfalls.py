"""Shortfalls: who goes short of what, where and when, on a map, in tables and charts; report, GeoJSON and brief."""

import streamlit as st

from foodchain import fmt
from foodchain.analysis.outcomes import (
    PEOPLE_THRESHOLD,
    WORST,
    by_commodity,
    by_day,
    hub_stock,
    people_summary,
    report_tables,
)
from foodchain.errors import InvalidBoundary
from foodchain.gis import dumps, shortfall_geojson
from foodchain.report import report_xlsx, report_zip
from foodchain.zonemap import zone_figures
from foodchain_app import charts, names
from foodchain_app.i18n import lang, t
from foodchain_app.state import (
    approximate_warning,
    brief_download,
    earlier_run_badge,
    map_layers,
    page,
    run_choices,
    stored_run,
    zones,
)
from foodchain_app.tables import show, with_dates
from foodchain_app.zone_map import area_names, area_view, class_legend, shortfall_deck

ctx = page("nav_shortfalls")
if ctx is not None:
    store, version, dataset = ctx
    choices = run_choices(store, version)
    c1, c2, c3, c4 = st.columns([3, 1, 1, 1])
    key = c1.selectbox(t("run_to_show"), list(choices), format_func=lambda k: choices.get(k, str(k)), key="sf_run")
    earlier_run_badge(store, key, version, "sf_run")
    result = stored_run(key)
    commodity = c2.selectbox(
        t("commodity"),
        [None] + dataset.commodities["commodity"].tolist(),
        key="sf_commodity",
        format_func=names.commodity_labels({None: "all"}),
    )
    day_names = {None: t("all_days"), WORST: t("worst_day")}
    day_names |= {d: fmt.day_label(d, result.start_date, lang()) for d in range(1, result.days + 1)}
    day = c3.selectbox(t("day"), list(day_names), key="sf_day", format_func=lambda d: day_names.get(d, str(d)))
    st.info(t("foresight"))
    approximate_warning(result)
    boundary = st.sidebar.file_uploader(
        t("boundary_file"), type=["geojson", "json"], key="sf_boundary", help=t("boundary_file_help")
    )
    try:
        shapes = zones(version, boundary.getvalue() if boundary else None)
    except InvalidBoundary as exc:
        st.error(f"{t('bad_boundary')} {exc}")
        shapes = zones(version)
    figures = zone_figures(dataset, result, shapes, commodity, day)
    areas = area_names(shapes) + [(t("map_area_all"), None)]
    area = c4.selectbox(t("map_area"), range(len(areas)), format_func=lambda i: areas[i][0], key="sf_area")
    m = st.columns(4)
    m[0].metric(t("shortfall_t"), fmt.number(figures["shortfall_t"].sum(), lang(), 1))
    m[1].metric(
        t("share_unmet_total"), fmt.percent(figures["shortfall_t"].sum() / max(figures["demand_t"].sum(), 1e-9), lang())
    )
    m[2].metric(t("zones_short"), f"{int((figures['shortfall_t'] > 1e-6).sum())} / {len(figures)}")
    people_help = t("people_definition").format(threshold=fmt.percent(PEOPLE_THRESHOLD, lang(), 0))
    m[3].metric(t("people_affected"), fmt.number(figures["people_affected"].sum(), lang()), help=people_help)
    people = people_summary(dataset, result)
    st.caption(
        people_help
        + " "
        + t("people_worst").format(**{k: fmt.number(people[k], lang()) for k in ("worst_day_people", "person_days")})
        + " "
        + t("equity_note")
    )
    outside = result.summary()
    if outside.get("external_demand_t"):
        st.caption(
            t("external_line").format(
                demand=fmt.tonnes(outside["external_demand_t"], lang()),
                short=fmt.tonnes(outside["external_shortfall_t"], lang()),
            )
        )
    layers = map_layers(version)
    view = area_view(shapes, areas[area][1], 620)
    st.pydeck_chart(shortfall_deck(figures, layers, dataset, view, result.start_date), height=620, key="sf_map")
    st.markdown(class_legend(), unsafe_allow_html=True)
    st.caption(t("map_legend_zones") if len(layers.zones) and not boundary else t("map_legend_share"))
    tabs = st.tabs([t("by_zone"), t("by_commodity"), t("by_day"), t("hub_stock")])
    table = figures.drop(columns=[c for c in ("geometry", "class", "kota", "note") if c in figures])
    show(with_dates(table.sort_values("share_unmet", ascending=False), result.start_date), "sf_zone_table", tabs[0])
    show(by_commodity(result), "sf_commodity_table", tabs[1])
    daily = by_day(result)
    tabs[2].altair_chart(charts.shortfall_by_day(daily), width="stretch", key="sf_day_chart")
    show(with_dates(daily, result.start_date), "sf_day_table", tabs[2])
    stock = hub_stock(dataset, result)
    tabs[3].altair_chart(charts.hub_stock(stock), width="stretch", key="sf_stock_chart")
    show(with_dates(stock, result.start_date), "sf_stock_table", tabs[3])
    tables = report_tables(dataset, result)
    c1, c2, c3, c4 = st.columns(4)
    c1.download_button(
        t("download_report_xlsx"), report_xlsx(tables, lang()), "foodchain_shortfalls.xlsx", key="sf_xlsx"
    )
    c2.download_button(t("download_report_zip"), report_zip(tables, lang()), "foodchain_shortfalls.zip", key="sf_zip")
    geojson = dumps(shortfall_geojson(figures, result.start_date)).encode("utf-8")
    c3.download_button(t("download_zone_geojson"), geojson, "foodchain_shortfall_by_zone.geojson", key="sf_geojson")
    brief_download(c4, version, key, boundary.getvalue() if boundary else None)
