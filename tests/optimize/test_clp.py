"""Clp on an MPS file: the same optimum as HiGHS, duals with HiGHS's signs, clear errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from foodchain import Scenario, SolverError, solve
from foodchain.optimize import backends
from foodchain.optimize.backends import highs_model, run_clp, run_highs
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from tests.conftest import make_dataset
from tests.optimize.test_oracle import networks, oracle


@settings(max_examples=15, deadline=None)
@given(networks())
def test_clp_matches_networkx(net):
    nodes, routes, supply, demand = net
    ds = make_dataset([(n, "hub") for n in nodes], routes, supply, demand, commodities=[{"commodity": "rice"}])
    max_flow, min_cost = oracle(nodes, routes, supply, demand)
    for solver in ("clp-simplex", "clp-barrier"):
        result = solve(ds, solver=solver, equity=False)
        total_demand = sum(d["demand_t_per_day"] for d in demand)
        assert result.summary()["total_shortfall_t"] == pytest.approx(total_demand - max_flow, abs=1e-6), solver
        assert result.transport_cost == pytest.approx(min_cost, abs=1e-6), solver


@pytest.mark.parametrize("method", ["simplex", "barrier"])
def test_clp_on_the_tiny_network_is_optimal_with_highs_signs(tiny, method):
    """Same objective as HiGHS; x feasible; c - A^T y is 0 on columns strictly inside their bounds
    and >= 0 on columns at a zero lower bound (dual feasibility with HiGHS's sign convention)."""
    lp = build_lp(build_instance(tiny, scenario_factors(tiny, Scenario(horizon_days=3), 3)))
    clp, ref = run_clp(lp, method), run_highs(highs_model(lp))
    assert clp.status == "optimal" and clp.solver == f"clp-{method}"
    assert clp.objective == pytest.approx(ref.objective, rel=1e-7)
    activity = lp.matrix @ clp.x
    assert (activity <= lp.row_upper + 1e-6).all() and (activity >= lp.row_lower - 1e-6).all()
    assert (clp.x >= -1e-9).all() and (clp.x <= lp.upper + 1e-6).all()
    reduced = lp.cost - lp.matrix.T @ clp.row_dual
    scale = np.abs(lp.cost).max()
    inside = (clp.x > 1e-6) & (clp.x < lp.upper - 1e-6)
    assert inside.any()
    assert np.abs(reduced[inside]).max() <= 1e-7 * scale
    assert reduced[clp.x <= 1e-9].min() >= -1e-7 * scale


def infeasible_lp():
    """A tiny LP no x satisfies: every balance row asks for a million tonnes, every column is at most 1."""
    ds = make_dataset(
        [("S", "source"), ("M", "market")],
        [{"route_id": "R", "origin": "S", "destination": "M", "capacity_t_per_day": 10}],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 5}],
        [{"node_id": "M", "commodity": "rice", "demand_t_per_day": 1}],
    )
    lp = build_lp(build_instance(ds, scenario_factors(ds, Scenario(), 1)))
    lp.row_lower[:] = lp.row_upper[:] = 1e6
    lp.upper[:] = 1.0
    return lp


def test_an_infeasible_lp_comes_back_as_words():
    assert run_clp(infeasible_lp()).status == "infeasible"


def test_a_missing_cbc_program_is_a_solver_error(tiny, monkeypatch):
    monkeypatch.setattr(backends.pulp.PULP_CBC_CMD, "pulp_cbc_path", "/nonexistent/cbc")
    with pytest.raises(SolverError, match="CBC program"):
        solve(tiny, solver="clp-simplex")


def test_auto_runs_highs_on_small_lps_and_races_clp_engines_on_large_ones(tiny, monkeypatch):
    from benchmarks.generate import sized_dataset

    assert solve(tiny).solver == "highs-simplex"
    city, _ = sized_dataset("city")
    lp = build_lp(build_instance(city, scenario_factors(city, Scenario(horizon_days=2), 2)))
    assert lp.shape[1] > backends.RACE_ABOVE_COLUMNS_PER_DAY * backends.lp_days(lp)
    auto = backends.solve_lp(lp)
    assert auto.solver in backends.AUTO_ENGINES and auto.status == "optimal"
    assert auto.objective == pytest.approx(run_highs(highs_model(lp, "ipm")).objective, rel=1e-7)
    monkeypatch.setattr(backends.pulp.PULP_CBC_CMD, "pulp_cbc_path", "/nonexistent/cbc")
    assert backends.choose_solver(lp) == "highs-ipm"


@pytest.mark.parametrize("method", ["simplex", "barrier"])
def test_clp_basis_hands_the_optimum_to_highs(method):
    """Clp's final basis, read back, is optimal for HiGHS at once (the fair-sharing stage re-solves from it)."""
    lp = build_lp(build_instance(*short_network()))
    clp = run_clp(lp, method)
    assert clp.basis is not None and clp.model is None
    warm = backends.warm_highs(lp, clp)
    assert warm.model.getInfo().simplex_iteration_count == 0
    assert warm.status == "optimal" and warm.solver == f"clp-{method}"
    assert warm.objective == pytest.approx(run_highs(highs_model(lp)).objective, rel=1e-9)
    assert backends.warm_highs(lp, warm) is warm  # a HiGHS solution is kept as it is


def test_a_fair_plan_after_clp_equals_the_fair_plan_after_highs():
    dataset, factors = short_network()
    results = [solve(dataset, Scenario(horizon_days=3), solver=s) for s in ("clp-simplex", "highs-simplex")]
    shares = [r.shortfall.groupby("node_id")["shortfall_t"].sum().round(6).to_dict() for r in results]
    assert results[0].summary()["total_shortfall_t"] > 1
    assert shares[0] == shares[1]


def short_network():
    """Two markets sharing one source that supplies 3/4 of their demand, over 3 days."""
    ds = make_dataset(
        [("S", "source"), ("A", "market"), ("B", "market")],
        [
            {"route_id": "SA", "origin": "S", "destination": "A", "capacity_t_per_day": 100},
            {"route_id": "SB", "origin": "S", "destination": "B", "capacity_t_per_day": 100},
        ],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 15}],
        [
            {"node_id": "A", "commodity": "rice", "demand_t_per_day": 10},
            {"node_id": "B", "commodity": "rice", "demand_t_per_day": 10},
        ],
    )
    return ds, scenario_factors(ds, Scenario(horizon_days=3), 3)
