"""Flood ensemble of 200 runs on 1 worker and on 2 (``foodchain.analysis.ensemble.run_ensemble``).

Every corridor and region of the city network floods independently (closed or halved for
1-3 days); each run is a warm re-solve on the worker's cached
:class:`~foodchain.optimize.resolver.Resolver`. Both worker counts must give the same
total shortfall for every run. Workers start cold each time (a new process pool), so
pool start-up and one base solve per worker are part of the 2-worker time.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from benchmarks.common import command, network_size, preamble, verdict
from benchmarks.generate import sized_dataset
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import spec_from_dict
from foodchain.optimize.resolver import Resolver
from foodchain.optimize.scenario import Scenario

TITLE = "Ensemble: 1 worker vs 2"
TARGET = 1.7  # seconds on 1 worker / seconds on 2 workers


def flood_spec(dataset, days: int):
    """Each corridor floods with p = 0.3 (closed), each region with p = 0.2 (capacity halved)."""
    event = {"days": [1, 2, 3], "weights": [0.5, 0.3, 0.2]}
    corridors = sorted(set(dataset.routes["corridor"]) - {""})
    regions = sorted(set(dataset.nodes["region"]) - {""})
    return spec_from_dict(
        {
            "name": "benchmark floods",
            "horizon_days": days,
            "corridors": {c: {"p": 0.3, **event} for c in corridors},
            "zones": {z: {"p": 0.2, "factor": 0.5, **event} for z in regions},
        }
    )


def time_case(dataset, days: int, runs: int, repeats: int) -> str:
    spec = flood_spec(dataset, days)
    seconds = {1: [], 2: []}
    answers = {}
    for _ in range(repeats):
        for workers in (1, 2):  # alternately, so load from other processes falls on both
            start = time.perf_counter()
            result = run_ensemble(dataset, spec, runs, seed=11, workers=workers)
            seconds[workers].append(time.perf_counter() - start)
            answers[workers] = result.runs["total_shortfall_t"].to_numpy()
    assert np.allclose(answers[1], answers[2], rtol=1e-6, atol=1e-6)
    start = time.perf_counter()
    resolver = Resolver(dataset, Scenario(horizon_days=days), days)
    base_s = time.perf_counter() - start
    one, two = statistics.median(seconds[1]), statistics.median(seconds[2])
    ratio = one / two
    return (
        f"| {days} | {runs} | {resolver.lp.shape[0]:,} x {resolver.lp.shape[1]:,} | {base_s:.2f} | {one:.2f} "
        f"| {1000 * one / runs:.1f} | {two:.2f} | {ratio:.2f}x | {verdict(ratio >= TARGET)} |"
    )


def run(quick: bool = False) -> str:
    dataset, _ = sized_dataset("city", quick=quick)
    days = 1  # at 7 days one pass of 200 runs took over 20 minutes (several seconds per run)
    runs, repeats = (20, 1) if quick else (200, 3)
    lines = [
        "| days | runs | LP rows x columns | base build + solve (s) | 1 worker (s) | 1 worker ms/run "
        f"| 2 workers (s) | speed-up | target >= {TARGET}x |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines.append(time_case(dataset, days, runs, repeats))
    return (
        preamble(command("ensemble", quick), repeats)
        + f"  \nNetwork: city, {network_size(dataset, days)}. Spec: every corridor closed with p = 0.3 and every"
        " region's capacity halved with p = 0.2, for 1-3 days; seed 11. Times are whole `run_ensemble` calls.\n\n"
        + "\n".join(lines)
    )
