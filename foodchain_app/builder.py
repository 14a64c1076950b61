"""Scenario builder controls: widgets that turn an analyst's choices into disruption dicts."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foodchain import load_scenario
from foodchain.errors import InvalidInput
from foodchain.model.dataset import Dataset
from foodchain.optimize.disruptions import target_values
from foodchain.optimize.flood_files import bundled_flood_files, confine_flood_files
from foodchain.optimize.targets import corridor_names, region_names
from foodchain.safe_read import parse_json
from foodchain_app.i18n import t
from foodchain_app.names import commodity, commodity_labels
from foodchain_app.state import SAMPLES
from foodchain_app.tables import route_labels

NEW = "—"  # the "start from" choice of a new, empty scenario


def start_doc(store) -> dict:
    """The scenario to start from: an uploaded file, a saved scenario, or an empty one."""
    file = st.session_state.get("scn_file")
    if file is not None:
        uploaded = {f.name: f.getvalue() for f in st.session_state.get("scn_flood_files") or []}
        doc = load_scenario(file.getvalue(), file.name).to_dict()
        return confine_flood_files(doc, uploaded, bundled_flood_files(SAMPLES / "scenarios"))
    chosen = st.session_state.get("scn_saved", NEW)
    return store.scenario_doc(chosen) if chosen != NEW else {"name": "", "horizon_days": 3, "disruptions": []}


def _span(label: str, days: int, key: str) -> dict:
    if days <= 1:
        return {}
    start, end = st.slider(label, 1, days, (1, days), key=key)
    return {"start_day": start, "end_day": end}


def closures(dataset: Dataset, days: int) -> list[dict]:
    """Routes and corridors to close, hubs to close or throttle, on a span of days."""
    labels, names = route_labels(dataset), dataset.node_names()
    routes = st.multiselect(
        t("close_routes"),
        dataset.routes["route_id"].tolist(),
        key="b_routes",
        format_func=lambda r: f"{labels[r]} · {r}",
        placeholder=t("choose"),
    )
    corridors = st.multiselect(
        t("close_corridors"), sorted(corridor_names(dataset)), key="b_corridors", placeholder=t("choose")
    )
    hubs = st.multiselect(
        t("throttle_hubs"),
        dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"].tolist(),
        key="b_hubs",
        format_func=names.get,
        placeholder=t("choose"),
    )
    factor = (
        st.slider(t("hub_factor"), 0, 100, 0, 5, format="%d%%", key="b_hub_factor", help=t("hub_factor_help")) / 100
    )
    span = _span(t("closure_days"), days, "b_span")
    out = []
    if routes:
        out.append({"type": "close_route", "routes": routes} | span)
    if corridors:
        out.append({"type": "close_corridor", "corridors": corridors} | span)
    if hubs:
        out.append({"type": "node_capacity", "nodes": hubs, "factor": factor} | span)
    return out


def shocks(dataset: Dataset, days: int) -> list[dict]:
    """Supply shocks at chosen places and demand surges in chosen regions."""
    commodities = dataset.commodities["commodity"].tolist()
    sources = sorted(set(dataset.supply["node_id"]))
    regions = region_names(dataset)
    c1, c2 = st.columns(2)
    names = dataset.node_names()
    s_nodes = c1.multiselect(
        t("shock_nodes"), sources, key="b_sup_nodes", format_func=names.get, placeholder=t("choose")
    )
    label = commodity_labels()
    s_comm = c1.multiselect(
        t("commodities"), commodities, key="b_sup_comm", help=t("all_if_empty"), placeholder=t("all"), format_func=label
    )
    s_factor = c1.slider(t("supply_factor"), 0, 100, 50, 5, format="%d%%", key="b_sup_factor") / 100
    d_regions = c2.multiselect(t("surge_regions"), regions, key="b_dem_regions", placeholder=t("choose"))
    d_comm = c2.multiselect(
        t("commodities"), commodities, key="b_dem_comm", help=t("all_if_empty"), placeholder=t("all"), format_func=label
    )
    d_factor = c2.slider(t("demand_factor"), 1.0, 3.0, 1.3, 0.05, format="× %.2f", key="b_dem_factor")
    span = _span(t("shock_days"), days, "b_shock_span")
    out = []
    if s_nodes:
        out.append(
            {"type": "supply_shock", "nodes": s_nodes, "factor": s_factor}
            | span
            | ({"commodities": s_comm} if s_comm else {})
        )
    if d_regions:
        out.append(
            {"type": "demand_surge", "regions": d_regions, "factor": d_factor}
            | span
            | ({"commodities": d_comm} if d_comm else {})
        )
    return out


def floods(dataset: Dataset) -> list[dict]:
    """A flood from an uploaded GeoJSON, or from zones picked as flooded."""
    out = []
    file = st.file_uploader(
        t("flood_geojson"), type=["geojson", "json"], key="b_flood_file", help=t("flood_geojson_help")
    )
    if file is not None:
        try:
            features = parse_json(file.getvalue(), file.name, "flood").get("features", [])
            out.append({"type": "flood", "features": features})
        except InvalidInput as exc:  # too large, too deep, not JSON, not finite: the reason in one line
            st.error(f"{t('bad_geojson')} {exc.problems[0].message}")
        except AttributeError:
            st.error(t("bad_geojson"))
    regions = region_names(dataset)
    markets = dataset.nodes.loc[dataset.nodes["kind"] == "market", "node_id"].tolist()
    names = dataset.node_names()
    zones = st.multiselect(
        t("flooded_zones"),
        regions + markets,
        key="b_flood_zones",
        help=t("flooded_zones_help"),
        format_func=lambda z: names.get(z, z),
        placeholder=t("choose"),
    )
    if zones:
        out.append({"type": "flood", "zones": zones})
    return out


def describe(disruptions: list[dict], dataset: Dataset) -> pd.DataFrame:
    """One line per disruption: its type, what it touches (by name), its factor and its days."""
    names = dataset.node_names().to_dict() | route_labels(dataset).to_dict()
    names |= {c: commodity(c) for c in dataset.commodities["commodity"]}
    rows = []
    for d in disruptions:
        what = [names.get(v, str(v)) for v in target_values(d)]
        if d.get("type") == "flood" and not what:
            what = (
                [t("flood_features").format(n=len(d.get("features", [])))]
                if "features" in d
                else [d.get("geojson", "")]
            )
        days = f"{d['start_day']}–{d.get('end_day', d['start_day'])}" if "start_day" in d else t("all_days")
        rows.append({"type": d.get("type", ""), "what": ", ".join(what), "factor": d.get("factor"), "days": days})
    return pd.DataFrame(rows, columns=["type", "what", "factor", "days"])
