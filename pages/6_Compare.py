"""Compare: the baseline and up to three scenario runs side by side, and where extra capacity helps most."""

import streamlit as st

from foodchain.analysis.compare import commodity_shortfall, dual_rises, totals, zone_difference
from foodchain_app import charts
from foodchain_app.i18n import t
from foodchain_app.maps import DIFF_STOPS, diff_colour, ramp_legend, zones_deck
from foodchain_app.state import baseline, earlier_run_badge, page, run_choices, stored_run, zones
from foodchain_app.tables import show, with_names

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
    runs = {f"{i + 1}. {choices[k].split(' · ')[0]}": stored_run(k) for i, k in enumerate(picked)}
    base = baseline(version, max(r.days for r in runs.values()))
    results = {t("baseline"): base} | runs
    st.subheader(t("totals"))
    show(totals(results), "cmp_totals")
    st.subheader(t("shortfall_by_commodity"))
    st.altair_chart(charts.commodity_bars(commodity_shortfall(results), list(results)), width="stretch", key="cmp_bars")
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
