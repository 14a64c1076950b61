"""Compare: the baseline and up to three scenario runs side by side, and where extra capacity helps most."""

import altair as alt
import streamlit as st

from foodchain.analysis.compare import commodity_shortfall, dual_rises, totals, zone_difference
from foodchain_app.i18n import t, t_frame
from foodchain_app.maps import diff_colour, zones_deck
from foodchain_app.state import baseline, page, run_choices, stored_run, zones

ctx = page("nav_compare")
if ctx is not None:
    store, version, dataset = ctx
    choices = {k: v for k, v in run_choices(store, version).items() if not v.startswith("Baseline ·")}
    picked = st.multiselect(
        t("runs_to_compare"),
        list(choices),
        format_func=choices.get,
        max_selections=3,
        default=list(choices)[:1],
        key="cmp_runs",
    )
    if not picked:
        st.info(t("no_runs_yet"))
        st.stop()
    runs = {choices[k].split(" · ")[0] + f" ({i + 1})": stored_run(k) for i, k in enumerate(picked)}
    base = baseline(version, max(r.days for r in runs.values()))
    results = {"Baseline": base} | runs
    st.dataframe(t_frame(totals(results)), hide_index=True, width="stretch", key="cmp_totals")
    st.altair_chart(
        alt.Chart(commodity_shortfall(results))
        .mark_bar()
        .encode(
            x=alt.X("commodity:N", title=t("commodity"), axis=alt.Axis(labelAngle=0)),
            xOffset="run:N",
            y=alt.Y("shortfall_t:Q", title=t("shortfall_t")),
            color=alt.Color("run:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)),
            tooltip=["run", "commodity", "shortfall_t", "share_unmet"],
        ),
        width="stretch",
        key="cmp_bars",
    )
    target = st.selectbox(t("difference_for"), list(results)[1:], key="cmp_target")
    diff = zone_difference(base, results[target])
    diff["name"] = diff["node_id"].map(dataset.node_names())
    st.pydeck_chart(
        zones_deck(dataset, zones(version), diff, "difference", colour=diff_colour), height=460, key="cmp_map"
    )
    st.caption(t("diff_legend"))
    c1, c2 = st.columns(2)
    c1.subheader(t("routes_dual_rise"))
    c1.dataframe(t_frame(dual_rises(base, results[target], "route_use")), hide_index=True, key="cmp_route_duals")
    c2.subheader(t("hubs_dual_rise"))
    c2.dataframe(t_frame(dual_rises(base, results[target], "node_use")), hide_index=True, key="cmp_node_duals")
    st.caption(t("dual_note") + " " + t("foresight"))
