"""Core solve: build and solve times of synthetic networks with each solver method.

Run ``python -m benchmarks.bench_core [--repeats 3]``; writes the "Core solve" section of
RESULTS.md. Build = scenario factors + instance arrays + sparse LP; solve = the solver
alone; CBC goes through PuLP, so its model construction is reported separately.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.common import machine, median_seconds, write_section
from benchmarks.generate import synthetic_dataset
from foodchain.optimize.backends import choose_method, highs_model, run_highs, run_pulp, to_pulp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.scenario import Scenario

CASES = [  # (label, sources, hubs, markets, commodities, days, methods)
    ("city, 1 day", 30, 10, 300, 10, 1, ("simplex", "ipm", "cbc")),
    ("city, 7 days", 30, 10, 300, 10, 7, ("simplex", "ipm", "cbc")),
    ("regional, 1 day", 100, 30, 3000, 10, 1, ("simplex", "ipm")),
]


def time_case(label, n_s, n_h, n_m, n_k, days, methods, repeats) -> str:
    start = time.perf_counter()
    dataset = synthetic_dataset(n_s, n_h, n_m, n_k)
    load = time.perf_counter() - start
    build, lp = median_seconds(
        lambda: build_lp(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=days)))), repeats
    )
    cells = []
    for method in methods:
        if method == "cbc":
            pulp_build, _ = median_seconds(lambda: to_pulp(lp), 1)
            solve, sol = median_seconds(lambda: run_pulp(lp, "cbc").solve_seconds, repeats)
            cells.append(f"{sol:.2f} (+{pulp_build:.2f} PuLP model)")
        else:
            solve, sol = median_seconds(lambda m=method: run_highs(highs_model(lp, m)).solve_seconds, repeats)
            cells.append(f"{sol:.2f}")
    rows, cols = lp.shape
    return (
        f"| {label} | {rows:,} x {cols:,} | {load:.2f} | {build:.3f} | "
        + " | ".join(cells + [""] * (3 - len(cells)))
        + f" | {choose_method(lp)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    lines = [
        "| case | LP rows x columns | generate + validate (s) | build (s) | HiGHS dual simplex (s) | "
        "HiGHS interior point (s) | CBC via PuLP (s) | default picks |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for case in CASES:
        lines.append(time_case(*case, repeats=args.repeats))
        print(lines[-1], flush=True)
    body = (
        f"Command: `python -m benchmarks.bench_core --repeats {args.repeats}`. Machine: {machine()}.\n"
        f"Medians of {args.repeats} runs; solve columns are the solver alone (from a fresh model each run).\n\n"
        + "\n".join(lines)
    )
    write_section("Core solve", body)


if __name__ == "__main__":
    main()
