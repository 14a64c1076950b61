"""Scenario builder controls: widgets that turn an analyst's choices into disruption dicts."""

from __future__ import annotations

import json

import streamlit as st

from foodchain.model.dataset import Dataset
from foodchain_app.i18n import t


def _span(label: str, days: int, key: str) -> dict:
    if days <= 1:
        return {}
    start, end = st.slider(label, 1, days, (1, days), key=key)
    return {"start_day": start, "end_day": end}


def closures(dataset: Dataset, days: int) -> list[dict]:
    """Routes and corridors to close, hubs to close or throttle, on a span of days."""
    routes = st.multiselect(t("close_routes"), dataset.routes["route_id"].tolist(), key="b_routes")
    corridors = st.multiselect(t("close_corridors"), sorted(set(dataset.routes["corridor"]) - {""}), key="b_corridors")
    hubs = st.multiselect(
        t("throttle_hubs"), dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"].tolist(), key="b_hubs"
    )
    factor = st.slider(t("hub_factor"), 0.0, 1.0, 0.0, 0.05, key="b_hub_factor", help=t("hub_factor_help"))
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
    regions = sorted(set(dataset.nodes["region"]) - {""})
    c1, c2 = st.columns(2)
    s_nodes = c1.multiselect(t("shock_nodes"), sources, key="b_sup_nodes")
    s_comm = c1.multiselect(t("commodities"), commodities, key="b_sup_comm", help=t("all_if_empty"))
    s_factor = c1.slider(t("supply_factor"), 0.0, 1.0, 0.5, 0.05, key="b_sup_factor")
    d_regions = c2.multiselect(t("surge_regions"), regions, key="b_dem_regions")
    d_comm = c2.multiselect(t("commodities"), commodities, key="b_dem_comm", help=t("all_if_empty"))
    d_factor = c2.slider(t("demand_factor"), 1.0, 3.0, 1.3, 0.05, key="b_dem_factor")
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
    file = st.file_uploader(t("flood_geojson"), type=["geojson", "json"], key="b_flood_file")
    if file is not None:
        try:
            features = json.loads(file.getvalue()).get("features", [])
            out.append({"type": "flood", "features": features})
        except (ValueError, AttributeError):
            st.error(t("bad_geojson"))
    regions = sorted(set(dataset.nodes["region"]) - {""})
    markets = dataset.nodes.loc[dataset.nodes["kind"] == "market", "node_id"].tolist()
    zones = st.multiselect(t("flooded_zones"), regions + markets, key="b_flood_zones", help=t("flooded_zones_help"))
    if zones:
        out.append({"type": "flood", "zones": zones})
    return out
