"""Scenarios: build or load a disruption scenario, save it, run it (cached) and see who goes short."""

import streamlit as st

from foodchain import fmt, scenario_from_dict
from foodchain.errors import FoodchainError, InvalidInput
from foodchain.gis import dumps, flood_geojson
from foodchain.model.limits import MAX_HORIZON_DAYS
from foodchain.optimize.flood import flood_overlay
from foodchain_app import builder
from foodchain_app.auth import ANALYST, require, shared_mode
from foodchain_app.i18n import lang, option_labels, t
from foodchain_app.nav import link
from foodchain_app.state import approximate_warning, page, progress_note, run, show_problems
from foodchain_app.tables import show, with_dates, with_names

ctx = page("nav_scenarios")
require(ANALYST)
if ctx is not None:
    store, version, dataset = ctx
    c1, c2 = st.columns(2)
    c1.selectbox(
        t("start_from"),
        [builder.NEW] + store.scenarios()["name"].tolist(),
        key="scn_saved",
        format_func=option_labels({builder.NEW: "new_scenario"}),
    )
    c2.file_uploader(t("scenario_file"), type=["json", "yaml", "yml"], key="scn_file", help=t("scenario_file_help"))
    c2.file_uploader(
        t("scenario_flood_files"),
        type=["geojson", "json"],
        accept_multiple_files=True,
        key="scn_flood_files",
        help=t("scenario_flood_files_help"),
    )
    try:
        base = builder.start_doc(store)
    except InvalidInput as exc:
        st.error(t("scenario_invalid"))
        show_problems(exc.problems, "scn_file_problems")
        st.stop()
    c1, c2, c3 = st.columns([3, 1, 1])
    name = c1.text_input(t("scenario_name"), value=base.get("name", ""), key=f"scn_name_{base.get('name', '')}")
    days = int(
        c2.number_input(
            t("days"), 1, MAX_HORIZON_DAYS, int(base.get("horizon_days", 1)), key=f"scn_days_{base.get('name', '')}"
        )
    )
    start = c3.date_input(
        t("start_date"),
        value=base.get("start_date"),
        key=f"scn_start_{base.get('name', '')}",
        help=t("start_date_help"),
        format="DD/MM/YYYY",
    )
    with st.expander(t("closures"), expanded=not base["disruptions"]):
        extra = builder.closures(dataset, days)
    with st.expander(t("shocks")):
        extra += builder.shocks(dataset, days)
    with st.expander(t("flood")):
        extra += builder.floods(dataset)
    if base["disruptions"]:
        st.caption(t("base_disruptions").format(n=len(base["disruptions"])))
        show(builder.describe(base["disruptions"], dataset), "scn_base_disruptions")
    doc = {"name": name or t("unnamed"), "horizon_days": days, "disruptions": list(base["disruptions"]) + extra}
    doc |= {"start_date": start.isoformat()} if start else {}
    with st.expander(t("scenario_json")):
        st.json(doc)
    try:
        scenario = scenario_from_dict(doc)
        if any(d.get("type") == "flood" for d in doc["disruptions"]):
            st.subheader(t("flood_overlay"))
            st.caption(t("flood_overlay_help"))
            show(flood_overlay(dataset, scenario, days), "scn_overlay")
            layer = dumps(flood_geojson(dataset, scenario, days)).encode("utf-8")
            st.download_button(
                t("download_flood_geojson"), layer, "foodchain_flood_overlay.geojson", key="scn_flood_geojson"
            )
    except FoodchainError as exc:
        st.error(t("scenario_invalid"))
        show_problems(getattr(exc, "problems", []), "scn_problems")
        st.stop()
    c1, c2, c3 = st.columns([2, 1, 1])
    author = c1.text_input(t("your_name"), key="scn_author", disabled=shared_mode())
    if c2.button(t("save_scenario"), key="scn_save"):
        st.success(t("scenario_saved").format(name=doc["name"], v=store.save_scenario(doc, author)))
    if c3.button(t("run"), key="scn_run", type="primary") or st.session_state.get("scn_last") == doc:
        try:
            slot, progress = progress_note()
            with st.spinner(t("solving")):
                result = run(version, doc, days, progress)
            slot.empty()
        except FoodchainError as exc:
            st.error(str(exc))
            show_problems(getattr(exc, "problems", []), "scn_run_problems")
            st.stop()
        st.session_state["scn_last"] = doc
        s = result.summary()
        approximate_warning(result)
        m = st.columns(3)
        m[0].metric(t("demand_t"), fmt.number(s["total_demand_t"], lang()))
        m[1].metric(t("delivered_t"), fmt.number(s["total_delivered_t"], lang()))
        m[2].metric(t("shortfall_t"), fmt.number(s["total_shortfall_t"], lang(), 1))
        short = result.shortfall[result.shortfall["shortfall_t"] > 1e-6]
        st.subheader(t("who_is_short") if len(short) else t("nobody_short"))
        show(
            with_dates(with_names(short if len(short) else result.shortfall, dataset), result.start_date),
            "scn_shortfall",
        )
        st.info(t("foresight"))
        link("pages/4_Shortfalls.py", t("see_map"), ":material/map:")
