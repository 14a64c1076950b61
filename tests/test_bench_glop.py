"""benchmarks/bench_glop.py without OR-Tools: which routes it closes, and its line when ortools is missing."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from benchmarks.bench_glop import CLOSURES, closed_routes, main
from benchmarks.generate import stressed_dataset
from foodchain.optimize.resolver import Resolver
from foodchain.optimize.scenario import Scenario


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    dataset, _ = stressed_dataset("city", quick=True)
    return Resolver(dataset, Scenario(horizon_days=2), 2, equity=False)


def carried_t(resolver: Resolver) -> np.ndarray:
    """Base tonnes on each route over all days, summed independently of the script (per column)."""
    flow = resolver.lp.variables["flow"]
    total = np.zeros(len(resolver.dataset.routes))
    for r, x in zip(flow.keys["r"], resolver.base.solution.x[flow.slice], strict=True):
        total[r] += x
    return total


def test_the_busiest_routes_come_first_then_distinct_random_routes_that_carry_food(resolver):
    carried = carried_t(resolver)
    routes = closed_routes(resolver, 7, np.random.default_rng(7))
    busiest, random = CLOSURES[7]
    used = int((carried > 1e-7).sum())
    assert len(routes) == min(busiest + random, used)
    assert len(set(routes)) == len(routes)
    assert all(carried[r] > 1e-7 for r in routes)
    top = sorted(carried, reverse=True)[:busiest]
    assert [carried[r] for r in routes[:busiest]] == pytest.approx(top)


def test_the_same_seed_closes_the_same_routes(resolver):
    first = closed_routes(resolver, 1, np.random.default_rng(7))
    assert first == closed_routes(resolver, 1, np.random.default_rng(7))
    assert first != closed_routes(resolver, 1, np.random.default_rng(8))


@pytest.mark.skipif(importlib.util.find_spec("ortools") is not None, reason="ortools is installed here")
def test_without_ortools_it_says_so_and_exits_0(capsys):
    assert main([]) == 0
    assert "OR-Tools is not installed" in capsys.readouterr().out
