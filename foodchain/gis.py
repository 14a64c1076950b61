"""GeoJSON for GIS users (QGIS and the like): shortfall by zone, and a scenario's flood overlay.

Both are RFC 7946 FeatureCollections in WGS84 lon/lat, with plain numbers and strings as properties,
so QGIS opens them as layers and can style or join on ``node_id`` / ``id``.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
from shapely.geometry import mapping

from foodchain import fmt
from foodchain.model.dataset import Dataset
from foodchain.optimize.flood import flood_overlay
from foodchain.optimize.flood_areas import read_flood_areas
from foodchain.optimize.flood_geometry import node_points, route_geometries
from foodchain.optimize.scenario import Scenario
from foodchain.zonemap import class_entry

ZONE_PROPERTIES = ["node_id", "name", "region", "kota", "day", "demand_t", "delivered_t", "shortfall_t"]
ZONE_PROPERTIES += ["share_unmet", "population", "people_affected"]


def _plain(value: object) -> object:
    """A JSON-safe property value: finite numbers rounded, NaN/None as null, the rest as text."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return round(float(value), 4) if math.isfinite(value) else None
    return str(value)


def feature_collection(features: list[dict], name: str) -> dict:
    """A GeoJSON FeatureCollection named ``name``.

    Parameters
    ----------
    features : list of dict
        GeoJSON features.
    name : str
        The layer's name.

    Returns
    -------
    dict
    """
    return {"type": "FeatureCollection", "name": name, "features": features}


def shortfall_geojson(figures: pd.DataFrame, start_date: str | None = None, name: str = "shortfall_by_zone") -> dict:
    """Zones of :func:`foodchain.zonemap.zone_figures` as polygons with their figures as properties
    (plus ``class`` in words and, for a chosen day with a known start date, ``date``).

    Parameters
    ----------
    figures : pandas.DataFrame
        As :func:`~foodchain.zonemap.zone_figures` gives it (shortfall in t, share 0-1).
    start_date : str, optional
        The ISO date of day 1.
    name : str, default "shortfall_by_zone"
        The layer's name.

    Returns
    -------
    dict
        A FeatureCollection, WGS84.
    """
    features = []
    for _, row in figures.iterrows():
        props = {k: _plain(row[k]) for k in ZONE_PROPERTIES if k in row.index}
        props["class"] = class_entry(int(row["class"]))[3]
        if "day" in row.index and start_date and not pd.isna(row["day"]):
            props["date"] = fmt.day_date(start_date, int(row["day"])).isoformat()
        features.append({"type": "Feature", "properties": props, "geometry": mapping(row["geometry"])})
    return feature_collection(features, name)


def flood_geojson(dataset: Dataset, scenario: Scenario, days: int | None = None) -> dict:
    """The floods of ``scenario`` as a layer: their polygons (``layer`` = ``flood_area``) and the
    routes (LineStrings) and nodes (Points) they touch, with depth, capacity factor and days.

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario
        The scenario.
    days : int, optional
        The horizon; default the scenario's. Days in properties are 1-based.

    Returns
    -------
    dict
        A FeatureCollection, WGS84.

    Raises
    ------
    InvalidScenario
        When a flood has errors (:func:`~foodchain.optimize.flood.flood_overlay`).
    """
    days = days or scenario.horizon_days
    features = []
    for i, d in enumerate(scenario.disruptions, start=1):
        if d.get("type") != "flood":
            continue
        areas, _ = read_flood_areas(d, days, scenario.base_dir)
        for k in range(len(areas)):
            props = {"layer": "flood_area", "disruption": i, "name": str(areas.names[k])}
            props |= {"depth_m": _plain(areas.depth_m[k]), "start_day": int(areas.start_day[k])}
            props |= {"end_day": int(areas.end_day[k])}
            features.append({"type": "Feature", "properties": props, "geometry": mapping(areas.geometries[k])})
    overlay = flood_overlay(dataset, scenario, days)
    geoms = {
        "route": dict(zip(dataset.routes["route_id"], route_geometries(dataset)[0])),
        "node": dict(zip(dataset.nodes["node_id"], node_points(dataset))),
    }
    for row in overlay.itertuples(index=False):
        geom = geoms[row.kind].get(row.id)
        if geom is None or geom.is_empty:
            continue
        props = {"layer": f"touched_{row.kind}"} | {k: _plain(v) for k, v in row._asdict().items()}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    return feature_collection(features, f"flood_overlay {scenario.name}")


def dumps(collection: dict) -> str:
    """The collection as GeoJSON text (UTF-8, non-ASCII names kept)."""
    return json.dumps(collection, ensure_ascii=False, allow_nan=False)
