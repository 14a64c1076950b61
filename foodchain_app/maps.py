"""pydeck maps drawn without a basemap (no internet needed): network and zone maps."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pydeck as pdk

from foodchain.geo import located, polygon_rings, route_paths
from foodchain.model.dataset import Dataset

KIND_COLOURS = {"source": [46, 139, 87], "hub": [230, 126, 34], "market": [52, 101, 164]}
KIND_RADIUS = {"source": 1800, "hub": 1200, "market": 500}


def view_for(points: pd.DataFrame) -> pdk.ViewState:
    """A view centred on the points, zoomed to show them all."""
    if points.empty:
        return pdk.ViewState(latitude=-6.2, longitude=106.85, zoom=9)
    lat, lon = points["lat"].astype(float), points["lon"].astype(float)
    span = max(float(lat.max() - lat.min()), float(lon.max() - lon.min()), 0.02)
    zoom = max(min(math.log2(360 / span) - 0.6, 14), 3)
    return pdk.ViewState(latitude=float(lat.mean()), longitude=float(lon.mean()), zoom=zoom)


def _deck(layers: list, view: pdk.ViewState, tooltip: str) -> pdk.Deck:
    return pdk.Deck(
        layers=layers, initial_view_state=view, map_provider=None, map_style=None, tooltip={"text": tooltip}
    )


def network_layers(dataset: Dataset, nodes: pd.DataFrame, routes: pd.DataFrame) -> list:
    """Routes as paths (width in metres grows with log capacity; kept 1-9 px) and nodes as dots (colour by kind)."""
    paths = route_paths(dataset.nodes, routes)
    cap = routes["capacity_t_per_day"].fillna(routes["capacity_t_per_day"].max()).fillna(100.0)
    frame = pd.DataFrame(
        {
            "route_id": routes["route_id"].to_numpy(),
            "path": paths,
            "capacity": routes["capacity_t_per_day"].to_numpy(),
            "width": 150 * (1 + np.log10(1 + cap.to_numpy())),
            "label": routes["origin"] + " → " + routes["destination"],
        }
    )
    frame = frame[frame["path"].notna()]
    frame["capacity"] = frame["capacity"].map(lambda v: "∞" if pd.isna(v) else f"{v:,.0f}")
    pts = located(nodes).copy()
    pts["colour"] = pts["kind"].map(KIND_COLOURS)
    pts["radius"] = pts["kind"].map(KIND_RADIUS)
    pts["label"] = pts["name"].where(pts["name"] != "", pts["node_id"])
    pts["capacity"] = pts["kind"]
    return [
        pdk.Layer(
            "PathLayer",
            frame,
            get_path="path",
            get_width="width",
            width_min_pixels=1,
            width_max_pixels=9,
            cap_rounded=True,
            get_color=[110, 110, 110, 170],
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            pts[["lon", "lat", "colour", "radius", "label", "capacity"]],
            get_position=["lon", "lat"],
            get_fill_color="colour",
            get_radius="radius",
            radius_min_pixels=3,
            radius_max_pixels=14,
            pickable=True,
            stroked=True,
            get_line_color=[255, 255, 255],
            line_width_min_pixels=1,
        ),
    ]


def network_deck(dataset: Dataset, nodes: pd.DataFrame | None = None, routes: pd.DataFrame | None = None) -> pdk.Deck:
    """The network map: sources green, hubs orange, markets blue, routes grey."""
    nodes = dataset.nodes if nodes is None else nodes
    routes = dataset.routes if routes is None else routes
    return _deck(network_layers(dataset, nodes, routes), view_for(located(nodes)), "{label}\n{capacity}")


def share_colour(share: float) -> list[int]:
    """White (all met) to deep red (all unmet)."""
    s = 0.0 if pd.isna(share) else min(max(float(share), 0.0), 1.0)
    return [int(255 - 75 * s), int(245 - 230 * s), int(240 - 220 * s), 200]


def diff_colour(diff: float) -> list[int]:
    """Blue where the scenario is better than the baseline, red where worse, white equal."""
    d = 0.0 if pd.isna(diff) else min(max(float(diff), -1.0), 1.0)
    if d >= 0:
        return [int(255 - 75 * d), int(245 - 230 * d), int(240 - 220 * d), 200]
    return [int(255 + 200 * d), int(245 + 100 * d), 250, 200]


def zones_deck(
    dataset: Dataset,
    zones: pd.DataFrame,
    values: pd.DataFrame,
    value: str,
    colour=share_colour,
    label: str = "{name}\n{text}",
) -> pdk.Deck:
    """Zone polygons (``zones``: node_id, geometry) coloured by ``values[value]`` (joined on node_id)."""
    frame = zones.merge(values, on="node_id", how="left")
    rows = []
    for r in frame.itertuples(index=False):
        v = getattr(r, value)
        name = getattr(r, "name", None) if isinstance(getattr(r, "name", None), str) else r.node_id
        for ring in polygon_rings(r.geometry):
            rows.append({"polygon": ring, "fill": colour(v), "name": name, "text": "" if pd.isna(v) else f"{v:.0%}"})
    polys = pd.DataFrame(rows, columns=["polygon", "fill", "name", "text"])
    pts = located(dataset.nodes, zones["node_id"])
    layers = [
        pdk.Layer(
            "PolygonLayer",
            polys,
            get_polygon="polygon",
            get_fill_color="fill",
            get_line_color=[90, 90, 90],
            line_width_min_pixels=1,
            stroked=True,
            filled=True,
            pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            pts[["lon", "lat"]],
            get_position=["lon", "lat"],
            get_fill_color=[40, 40, 40],
            get_radius=150,
            radius_min_pixels=2,
        ),
    ]
    return _deck(layers, view_for(pts), label)
