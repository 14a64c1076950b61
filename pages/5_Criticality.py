"""Criticality: which routes, corridors and hubs matter most, which levers help, and flood risk by zone."""

import streamlit as st

from foodchain import fmt
from foodchain.errors import FoodchainError
from foodchain_app import analysis_runs as runs
from foodchain_app import charts
from foodchain_app.auth import ANALYST, require
from foodchain_app.i18n import lang, option_labels, t
from foodchain_app.maps import SHARE_STOPS, ramp_legend, zones_deck
from foodchain_app.network_map import criticality_deck
from foodchain_app.state import map_layers, page, zones
from foodchain_app.tables import show

ctx = page("nav_criticality")
require(ANALYST)
if ctx is not None:
    store, version, dataset = ctx
    names = [runs.NONE] + store.scenarios()["name"].tolist()
    c1, c2 = st.columns([3, 1])
    chosen = c1.selectbox(
        t("on_top_of"),
        names,
        index=names.index(runs.last_run_scenario(store, version, names)),
        key="crit_scenario",
        format_func=option_labels({runs.NONE: "no_scenario"}),
    )
    targets = c2.selectbox(
        t("close_each"),
        ["corridors", "routes", "nodes"],
        key="crit_targets",
        format_func=option_labels({k: "targets_" + k for k in ("corridors", "routes", "nodes")}),
    )
    doc = runs.scenario_doc(store, chosen)
    st.info(t("foresight"))
    tab_rank, tab_levers, tab_risk = st.tabs([t("tab_ranking"), t("tab_levers"), t("tab_risk")])
    try:
        with tab_rank:
            st.caption(t("ranking_help"))
            if st.button(t("rank_now"), key="crit_run", type="primary") or st.session_state.get("crit_shown"):
                st.session_state["crit_shown"] = True
                table = runs.ranking(dataset, version, doc, targets)
                st.altair_chart(charts.ranking(table.head(15)), width="stretch", key="crit_chart")
                st.pydeck_chart(criticality_deck(dataset, table, base=map_layers(version)), height=520, key="crit_map")
                st.caption(t("top_ten_note") + " " + t("crit_map_legend"))
                show(table[[c for c in runs.RANKING_ORDER if c in table]], "crit_table")
        with tab_levers:
            st.caption(t("levers_help"))
            if doc is None:
                st.info(t("levers_need_scenario"))
            elif st.button(t("try_levers"), key="crit_levers_run") or st.session_state.get("levers_shown"):
                st.session_state["levers_shown"] = True
                show(runs.mitigation(dataset, version, doc), "crit_levers")
        with tab_risk:
            specs = runs.spec_files()
            c1, c2, c3 = st.columns([3, 1, 1])
            spec = c1.selectbox(t("flood_spec"), specs, format_func=lambda p: p.name, key="ens_spec")
            n_runs = c2.number_input(t("runs"), 10, 1000, 50, 10, key="ens_runs")
            seed = c3.number_input(t("seed"), 0, 2**31, 1, key="ens_seed")
            if spec and (st.button(t("run_ensemble"), key="ens_run") or st.session_state.get("ens_shown")):
                st.session_state["ens_shown"] = True
                result = runs.ensemble(dataset, version, spec, int(n_runs), int(seed))
                s = result.summary
                m = st.columns(3)
                m[0].metric(t("expected_shortfall"), fmt.number(s["expected_shortfall_t"], lang(), 1))
                m[1].metric(t("p_any_shortfall"), fmt.percent(s["p_any_shortfall"], lang(), 0))
                m[2].metric(t("shortfall_p90"), fmt.number(s["shortfall_t_p90"], lang(), 1))
                values = result.zones.assign(share_unmet=result.zones["p_share_above_5pct"])
                st.pydeck_chart(zones_deck(dataset, zones(version), values, "share_unmet"), height=460, key="ens_map")
                st.markdown(ramp_legend(SHARE_STOPS, "0%", "100%"), unsafe_allow_html=True)
                st.caption(t("risk_legend"))
                show(result.zones, "ens_zones")
    except FoodchainError as exc:
        st.error(str(exc))
