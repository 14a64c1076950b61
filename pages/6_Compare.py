"""Compare: the baseline and up to three scenario runs side by side, and where extra capacity helps most."""

import streamlit as st

from foodchain.analysis.compare import commodity_shortfall, dual_rises, horizons_differ, totals, zone_difference
from foodchain.zonemap import zone_figures
from foodchain_app import charts
from foodchain_app.i18n import t
from foodchain_app.maps import DIFF_STOPS, diff_colour, ramp_legend, zones_deck
from foodchain_app.state import baseline, earlier_run_badge, map_layers, page, run_choices, stored_run, zones
from foodchain_app.tables import show, with_names
from foodchain_app.zone_map import area_names, area_view, class_legend, shortfall_deck

ctx = page("nav_compare")
if ctx is not None:
    store, version, dataset = ctx
    choices = run_choices(store, version, baselines=False)
    picked = st.multiselect(
        t("runs_to_compare"),
        list(choices),
        format_func=choices.get,
        max_selections=3,
        default=list(choices)[:1],
        key="cmp_runs",
        placeholder=t("choose"),
    )
    if not picked:
        st.info(t("no_runs_yet"))
        st.stop()
    for k in picked:
        earlier_run_badge(store, k, version, "cmp_runs")
    stored = [stored_run(k) for k in picked]
    runs = {f"{i + 1}. {r.scenario}": r for i, r in enumerate(stored)}  # the run's own name, not its label
    base = baseline(version, max(r.days for r in runs.values()))
    results = {t("baseline"): base} | runs
    daily = horizons_differ(results)
    st.subheader(t("totals"))
    if daily:
        st.caption(t("per_day_note"))
    show(totals(results), "cmp_totals")
    st.subheader(t("shortfall_by_commodity"))
    value = "shortfall_t_per_day" if daily else "shortfall_t"
    bars = charts.commodity_bars(commodity_shortfall(results), list(results), value)
    st.altair_chart(bars, width="stretch", key="cmp_bars")
    st.subheader(t("same_scale_maps"))
    shapes, layers = zones(version), map_layers(version)
    view = area_view(shapes, area_names(shapes)[0][1], 420)
    for col, (i, name) in zip(st.columns(2), enumerate(list(results)[-2:]), strict=False):
        col.markdown(f"**{name}** · {t('n_days').format(n=results[name].days)}")
        figures = zone_figures(dataset, results[name], shapes)
        deck = shortfall_deck(figures, layers, dataset, view, results[name].start_date)
        col.pydeck_chart(deck, height=420, key=f"cmp_side_{i}")
    st.markdown(class_legend(), unsafe_allow_html=True)
    st.subheader(t("difference_map"))
    target = st.selectbox(t("difference_for"), list(results)[1:], key="cmp_target")
    diff = with_names(zone_difference(base, results[target]), dataset)
    st.pydeck_chart(
        zones_deck(dataset, zones(version), diff, "difference", colour=diff_colour), height=460, key="cmp_map"
    )
    st.markdown(ramp_legend(DIFF_STOPS, t("diff_better"), t("diff_worse")), unsafe_allow_html=True)
    st.caption(t("diff_legend"))
    hubs = set(dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"])
    for table, title, key in (
        ("route_use", "routes_dual_rise", "cmp_route_duals"),
        ("node_use", "hubs_dual_rise", "cmp_node_duals"),
    ):
        st.subheader(t(title))
        rises = dual_rises(base, results[target], table, top=len(dataset.routes) + len(dataset.nodes))
        rises = (rises if table == "route_use" else rises[rises["node_id"].isin(hubs)]).head(10)
        if rises.empty:
            st.info(t("no_dual_rise"))
        else:
            show(with_names(rises, dataset), key)
    st.caption(t("dual_note") + " " + t("foresight"))
