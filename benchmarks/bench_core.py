"""Core solve: build and solve times of the city network at 1, 2 and 7 days, and of the regional
network at 1 day, with each solver method.

Justifies :func:`foodchain.optimize.backends.choose_solver`. Build = scenario factors +
instance arrays + sparse LP; solve = the solver alone, from a fresh model each repeat
(HiGHS dual simplex, HiGHS interior point with crossover, Clp dual simplex and Clp barrier
with crossover on an MPS file, CBC through PuLP). Clp's time is its process, from reading
the MPS file to writing the solution; CBC's PuLP model construction is reported
separately, since the naive path pays it too.
"""

from __future__ import annotations

import time

from benchmarks.common import command, lp_size, median_seconds, network_size, preamble
from benchmarks.generate import sized_dataset
from foodchain.optimize.backends import IPM_ABOVE_COLUMNS, choose_solver, solve_lp, to_pulp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.scenario import Scenario

TITLE = "Core solve"
METHODS = ("highs-simplex", "highs-ipm", "clp-simplex", "clp-barrier", "cbc")  # names of foodchain solvers


def build(dataset, days: int):
    """The LP of ``dataset`` over ``days`` with no disruption."""
    return build_lp(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=days), days)))


def solve_seconds(lp, method: str) -> tuple[float, float]:
    """(solver seconds, objective) of one solve from scratch."""
    sol = solve_lp(lp, method)
    assert sol.status == "optimal", sol.status
    return sol.solve_seconds, sol.objective


def time_case(name: str, dataset, days: int, repeats: int) -> tuple[str, dict[str, float]]:
    """One table row (and the median solve seconds by method) for ``dataset`` over ``days``."""
    build_s, lp = median_seconds(lambda: build(dataset, days), repeats)
    medians, objectives = {}, {}
    for method in METHODS:
        runs = [solve_seconds(lp, method) for _ in range(repeats if method != "cbc" or days == 1 else 1)]
        medians[method] = sorted(r[0] for r in runs)[len(runs) // 2]
        objectives[method] = runs[-1][1]
    spread = max(objectives.values()) - min(objectives.values())
    assert spread <= 1e-6 * abs(objectives["highs-simplex"]) + 1e-6, objectives  # same optimum by every method
    start = time.perf_counter()
    to_pulp(lp)
    pulp_s = time.perf_counter() - start
    fastest = min((m for m in METHODS if m != "cbc"), key=medians.get)  # CBC via PuLP pays for its model
    row = (
        f"| {name} | {days} | {lp_size(lp)} | {build_s:.3f} | {medians['highs-simplex']:.2f} | {medians['highs-ipm']:.2f} | "
        f"{medians['clp-simplex']:.2f} | {medians['clp-barrier']:.2f} | "
        f"{medians['cbc']:.2f} (+{pulp_s:.2f} PuLP model) | {fastest} | {choose_solver(lp)} |"
    )
    return row, medians


def run(quick: bool = False) -> str:
    repeats = 1 if quick else 3
    dataset, days = sized_dataset("city", quick=quick)
    regional, regional_days = sized_dataset("regional", quick=quick)
    lines = [
        "| network | days | LP rows x columns | build (s) | HiGHS dual simplex (s) | HiGHS interior point (s) "
        "| Clp dual simplex (s) | Clp barrier (s) | CBC via PuLP (s) | fastest | `auto` picks |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    cases = [("city", dataset, d, repeats) for d in sorted({1, 2, days})] + [("regional", regional, regional_days, 1)]
    for name, data, d, n in cases:
        row, _ = time_case(name, data, d, n)
        lines.append(row)
        print(row, flush=True)
    return (
        preamble(command("core", quick), repeats)
        + f"  \nNetworks: city, {network_size(dataset, days)}; regional, {network_size(regional, regional_days)}"
        " (one repeat). CBC at more than 1 day: one run.\n"
        f"The default solver `auto` (`choose_solver`) runs HiGHS dual simplex up to {IPM_ABOVE_COLUMNS:,} columns,"
        " Clp barrier above.\n\n" + "\n".join(lines)
    )
