"""N-1 over every route of the city network: warm re-solves against a naive rebuild per closure.

Fast path: one :class:`~foodchain.optimize.resolver.Resolver` (LP built and solved once),
then for each route its capacity set to 0 on every day and the LP re-solved warm from the
base basis; the time of each closure is :meth:`Resolver.solve` alone.

Naive baseline: for each closure, a ``close_route`` scenario, the LP built from scratch, the
PuLP model built from it and solved with CBC (:func:`foodchain.optimize.backends.run_pulp`);
the time of each closure is all of that. CBC is too slow to run on every route, so it runs on
a random sample, and the two paths must agree there on total shortfall and objective.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from benchmarks.common import command, lp_size, network_size, preamble, verdict
from benchmarks.generate import sized_dataset
from foodchain.optimize.backends import run_pulp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.resolver import Resolver
from foodchain.optimize.scenario import Scenario

TITLE = "N-1 closures"
TARGET = 20.0  # naive seconds per closure / fast seconds per closure
REL = 1e-6


def fast_closures(resolver: Resolver, routes: np.ndarray) -> tuple[list[float], dict[int, tuple[float, float]]]:
    """Seconds per closure and {route: (total shortfall t, objective)} of the warm re-solves."""
    seconds, answers = [], {}
    for r in routes:
        caps = resolver.base_capacities()
        caps["route"][r, :] = 0.0
        start = time.perf_counter()
        out = resolver.solve(caps)
        seconds.append(time.perf_counter() - start)
        answers[int(r)] = (out.total_shortfall_t, out.objective)
    return seconds, answers


def naive_closure(dataset, days: int, route_id: str) -> tuple[float, float]:
    """(total shortfall t, objective) of one closure, rebuilt from the scenario and solved by CBC."""
    scenario = Scenario(f"close {route_id}", days, ({"type": "close_route", "routes": [route_id]},))
    lp = build_lp(build_instance(dataset, scenario_factors(dataset, scenario, days)))
    sol = run_pulp(lp, "cbc")
    assert sol.status == "optimal", sol.status
    short = lp.variables["shortfall"]
    x = np.clip(sol.x[short.slice], 0.0, None)
    return float(x[x >= 1e-7].sum()), sol.objective


def agree(a: float, b: float) -> bool:
    return abs(a - b) <= REL * max(abs(a), abs(b), 1.0)


def time_case(dataset, days: int, sample: int, rng: np.random.Generator) -> tuple[str, bool]:
    """One table row: N-1 over every route at ``days``, naive CBC on ``sample`` random routes."""
    resolver = Resolver(dataset, Scenario(horizon_days=days), days)
    routes = np.arange(len(dataset.routes))
    fast_s, fast = fast_closures(resolver, routes)
    picked = rng.choice(routes, size=min(sample, len(routes)), replace=False)
    naive_s = []
    for r in picked:
        start = time.perf_counter()
        short, objective = naive_closure(dataset, days, dataset.routes["route_id"].iloc[r])
        naive_s.append(time.perf_counter() - start)
        assert agree(short, fast[r][0]) and agree(objective, fast[r][1]), (r, (short, objective), fast[r])
    fast_med, naive_med = statistics.median(fast_s), statistics.median(naive_s)
    fast_on_sample = statistics.median(fast_s[r] for r in picked)
    ratio = naive_med / fast_med
    short_routes = sum(v[0] > 1e-6 for v in fast.values())
    row = (
        f"| {days} | {lp_size(resolver.lp)} | {len(routes):,} (all) | {1000 * fast_med:.1f} | {sum(fast_s):.0f} "
        f"| {len(picked)} | {1000 * naive_med:.0f} | {1000 * fast_on_sample:.1f} | {ratio:.1f}x | {short_routes} "
        f"| {verdict(ratio >= TARGET)} |"
    )
    return row, ratio >= TARGET


def run(quick: bool = False) -> str:
    dataset, days = sized_dataset("city", quick=quick)
    rng = np.random.default_rng(7)
    sample = 5 if quick else 20
    lines = [
        "| days | LP rows x columns | closures, fast path | fast ms/closure (median) | fast total (s) "
        "| closures, naive | naive ms/closure (median) | fast ms/closure on the same sample | naive / fast "
        f"| closures with shortfall | target >= {TARGET:.0f}x |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for d in sorted({1, days}):
        row, _ = time_case(dataset, d, sample, rng)
        lines.append(row)
        print(row, flush=True)
    return (
        preamble(command("n1", quick))
        + f"  \nNetwork: city, {network_size(dataset, days)}. Each closure sets one route's capacity to 0 on every"
        f" day. Naive = `close_route` scenario -> LP -> PuLP model -> CBC, on {sample} random routes (seed 7);"
        f" both paths agree on total shortfall and objective to {REL:g} relative on every sampled route"
        " (asserted). Ratio = median naive s/closure / median fast s/closure over all routes.\n\n" + "\n".join(lines)
    )
