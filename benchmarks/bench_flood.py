"""Flood overlay timing: 10,000 synthetic routes against 500 flood polygons.

Run with ``python -m benchmarks.run --only flood``. Reports the median of 5 runs of
:func:`foodchain.optimize.flood.overlay_disruption` (reading the inline GeoJSON features,
the STRtree overlay, the passability curve and the overlay table) and of
:func:`~foodchain.optimize.flood.apply_overlay`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from benchmarks.common import command, median_seconds, preamble
from foodchain import dataset_from_tables
from foodchain.optimize.factors import Factors
from foodchain.optimize.flood import apply_overlay, overlay_disruption

TITLE = "Flood overlay"
LON, LAT = (106.65, 107.05), (-6.40, -6.05)  # roughly Jakarta


def synthetic_dataset(routes: int, rng: np.random.Generator):
    """``routes // 5`` nodes scattered over Jakarta; each route a 5-vertex WKT path between two of them."""
    n = max(routes // 5, 2)
    lon, lat = rng.uniform(*LON, n), rng.uniform(*LAT, n)
    nodes = pd.DataFrame({"node_id": [f"N{i}" for i in range(n)], "kind": "hub", "lat": lat, "lon": lon})
    a = rng.integers(0, n, routes)
    b = (a + rng.integers(1, n, routes)) % n
    t = np.linspace(0, 1, 5)
    xs = lon[a, None] + (lon[b] - lon[a])[:, None] * t + rng.normal(0, 0.003, (routes, 5)) * np.sin(np.pi * t)
    ys = lat[a, None] + (lat[b] - lat[a])[:, None] * t + rng.normal(0, 0.003, (routes, 5)) * np.sin(np.pi * t)
    wkt = shapely.to_wkt(shapely.linestrings(np.stack([xs, ys], axis=2)), rounding_precision=5)
    table = pd.DataFrame(
        {
            "route_id": [f"R{j}" for j in range(routes)],
            "origin": nodes["node_id"].to_numpy()[a],
            "destination": nodes["node_id"].to_numpy()[b],
            "capacity_t_per_day": 100.0,
            "geometry": wkt,
        }
    )
    empty = {
        "supply": ["node_id", "commodity", "supply_t_per_day"],
        "demand": ["node_id", "commodity", "demand_t_per_day"],
        "stock": ["node_id", "commodity", "initial_t"],
    }
    return dataset_from_tables(
        {
            "nodes": nodes,
            "routes": table,
            "commodities": pd.DataFrame({"commodity": ["rice"]}),
            **{k: pd.DataFrame(columns=v) for k, v in empty.items()},
        }
    )


def synthetic_features(polygons: int, rng: np.random.Generator) -> list[dict]:
    """Irregular polygons (buffered points, 0.2-1.5 km across) with random depths and days."""
    centres = shapely.points(rng.uniform(*LON, polygons), rng.uniform(*LAT, polygons))
    shapes = shapely.buffer(centres, rng.uniform(0.001, 0.007, polygons), quad_segs=4)
    return [
        {
            "type": "Feature",
            "geometry": shapely.geometry.mapping(g),
            "properties": {
                "name": f"F{k}",
                "depth_m": float(rng.uniform(0, 1.2)),
                "start_day": 1,
                "end_day": int(rng.integers(1, 6)),
            },
        }
        for k, g in enumerate(shapes)
    ]


def run(quick: bool = False, routes: int = 10_000, polygons: int = 500, runs: int = 5, days: int = 5) -> str:
    """Time the overlay and its application; the RESULTS.md section."""
    if quick:
        routes, polygons, runs = 500, 50, 1
    rng = np.random.default_rng(2020)
    dataset = synthetic_dataset(routes, rng)
    disruption = {"type": "flood", "features": synthetic_features(polygons, rng)}
    overlay_s, (overlay, problems) = median_seconds(lambda: overlay_disruption(1, disruption, dataset, days), runs)
    assert not [p for p in problems if p.severity == "error"], problems
    apply_s, _ = median_seconds(lambda: apply_overlay(overlay, dataset, Factors.ones(dataset, days)), runs)
    return (
        preamble(command("flood", quick), runs)
        + f"  \nSizes: {len(dataset.routes):,} routes (5-vertex paths), {len(dataset.nodes):,} nodes, {polygons} flood"
        f" polygons, {days} days -> {len(overlay):,} overlay rows ({overlay['id'].nunique():,} routes/nodes touched)."
        "\n\n| step | median (ms) |\n|---|---|\n"
        f"| `overlay_disruption` (read features, STRtree overlay, passability, overlay table) | {overlay_s * 1000:.0f} |\n"
        f"| `apply_overlay` | {apply_s * 1000:.0f} |"
    )
