"""Flood overlay timing: 10,000 synthetic routes against 500 flood polygons.

Run from the repository root: ``python -m benchmarks.bench_flood [--routes N] [--polygons P] [--runs K]``.
Prints the median of ``K`` runs of :func:`foodchain.optimize.flood.overlay_disruption`
(reading the inline GeoJSON features, the STRtree overlay, the passability curve and the
overlay table) and of :func:`~foodchain.optimize.flood.apply_overlay`.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time

import numpy as np
import pandas as pd
import shapely

from foodchain import dataset_from_tables
from foodchain.optimize.factors import Factors
from foodchain.optimize.flood import apply_overlay, overlay_disruption

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


def timed(fn, runs: int) -> tuple[float, object]:
    seconds, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), out


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
        with open("/proc/meminfo") as f:
            ram = int(next(line.split()[1] for line in f if line.startswith("MemTotal"))) / 1024**2
    except (OSError, StopIteration):
        ram = float("nan")
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, {ram:.1f} GiB RAM"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--routes", type=int, default=10_000)
    parser.add_argument("--polygons", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--days", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(2020)
    dataset = synthetic_dataset(args.routes, rng)
    disruption = {"type": "flood", "features": synthetic_features(args.polygons, rng)}
    overlay_s, (overlay, problems) = timed(lambda: overlay_disruption(1, disruption, dataset, args.days), args.runs)
    assert not [p for p in problems if p.severity == "error"], problems

    def apply() -> None:
        apply_overlay(overlay, dataset, Factors.ones(dataset, args.days))

    apply_s, _ = timed(apply, args.runs)
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f} (other jobs share the CPUs)")
    print(
        f"sizes: {len(dataset.routes):,} routes, {len(dataset.nodes):,} nodes, {args.polygons} polygons,"
        f" {args.days} days -> {len(overlay):,} overlay rows ({overlay['id'].nunique():,} routes/nodes touched)"
    )
    print(f"overlay_disruption median of {args.runs}: {overlay_s * 1000:.0f} ms")
    print(f"apply_overlay median of {args.runs}: {apply_s * 1000:.0f} ms")


if __name__ == "__main__":
    main()
