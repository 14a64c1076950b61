"""Overhead of ``foodchain.solve`` over the bare solver on the same LP.

End to end = :func:`foodchain.solve` (scenario factors, instance, LP, solver input, solve,
result tables). Bare = the solver alone on the same LP with the solver the default picks
(:func:`~foodchain.optimize.backends.choose_solver`): ``Highs.run()`` with the model already
passed to HiGHS, or the Clp process from reading its MPS file to writing its solution. The
two are timed alternately, so load from other processes falls on both alike.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.common import command, lp_size, network_size, preamble, verdict
from benchmarks.generate import sized_dataset
from foodchain import solve
from foodchain.optimize.backends import choose_solver, solve_lp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.scenario import Scenario

TITLE = "Solve overhead"
TARGET = 1.3  # end to end / bare solver


def closure(days: int) -> Scenario:
    """Corridor North closed on days 1-2 (day 1 at a 1-day horizon)."""
    close = {"type": "close_corridor", "corridor": "Corridor North", "start_day": 1, "end_day": min(2, days)}
    return Scenario("Corridor North closed", days, (close,))


def time_case(dataset, days: int, repeats: int) -> str:
    scenario = closure(days)
    lp = build_lp(build_instance(dataset, scenario_factors(dataset, scenario, days)))
    method = choose_solver(lp)
    bare, whole, totals = [], [], []
    for _ in range(repeats):
        sol = solve_lp(lp, method)
        bare.append(sol.solve_seconds)
        start = time.perf_counter()
        result = solve(dataset, scenario)
        whole.append(time.perf_counter() - start)
        totals.append(result.timings)
    assert abs(result.objective - sol.objective) <= 1e-6 * abs(sol.objective)
    b, w = statistics.median(bare), statistics.median(whole)
    build = statistics.median(t["build"] for t in totals)
    rest = statistics.median(t["total"] - t["build"] - t["solve"] for t in totals)
    return (
        f"| {days} | {lp_size(lp)} | {method} | {b:.3f} | {w:.3f} | {build:.3f} | {rest:.3f} | {w / b:.2f} "
        f"| {verdict(w / b <= TARGET)} |"
    )


def run(quick: bool = False) -> str:
    dataset, days = sized_dataset("city", quick=quick)
    repeats = 1 if quick else 5
    lines = [
        "| days | LP rows x columns | method | bare solver (s) | `foodchain.solve` (s) | of which build (s) "
        f"| of which solver input/output + result tables (s) | end to end / bare | target <= {TARGET} |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for d in sorted({1, days}):
        lines.append(time_case(dataset, d, repeats))
        print(lines[-1], flush=True)
    return (
        preamble(command("overhead", quick), repeats)
        + f"  \nNetwork: city, {network_size(dataset, days)}; scenario: Corridor North closed on days 1-2.\n\n"
        + "\n".join(lines)
    )
