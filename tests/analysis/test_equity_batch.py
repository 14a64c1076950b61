"""The batch analyses use the model of ``solve``, equity included: a flood run of an ensemble
and a lever of mitigation equal full two-stage solves of the same scenario."""

from __future__ import annotations

import numpy as np
import pytest

from foodchain import Scenario, scenario_from_dict, solve
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import draw_run, run_seeds, spec_from_dict
from foodchain.analysis.levers import levers_from_list
from foodchain.analysis.mitigation import evaluate_levers
from tests.analysis.networks import random_network

DAYS = 2
SPEC = {
    "horizon_days": DAYS,
    "corridors": {c: {"p": 0.6, "days": [1, 2], "depth_m": [0.1, 0.6]} for c in ("C0", "C1", "C2", "Last mile")},
}


def _run_scenario(seed: int, equity: str) -> Scenario:
    """The flood run drawn from ``seed`` as a scenario of route capacity factors."""
    _, hits = draw_run(spec_from_dict(SPEC), seed)
    disruptions = [
        {
            "type": "route_capacity",
            "corridor": event.target,
            "factor": event.factor,
            "start_day": event.start_day,
            "end_day": min(event.start_day + n - 1, DAYS),
        }
        for event, n in hits
    ]
    return scenario_from_dict({"name": "run", "horizon_days": DAYS, "disruptions": disruptions, "equity": equity})


@pytest.mark.parametrize("seed", [1, 3, 4])
def test_ensemble_runs_with_equity_equal_full_two_stage_solves(seed):
    dataset = random_network(seed=seed, n_markets=6)
    spec, runs = spec_from_dict(SPEC), 8
    on = run_ensemble(dataset, spec, runs, seed=seed, scenario=Scenario(horizon_days=DAYS, equity="on")).runs
    off = run_ensemble(dataset, spec, runs, seed=seed, scenario=Scenario(horizon_days=DAYS, equity="off")).runs
    for j, run_seed in enumerate(run_seeds(seed, runs)):
        full = solve(dataset, _run_scenario(run_seed, "on"))
        assert on["total_shortfall_t"][j] == pytest.approx(full.summary()["total_shortfall_t"], abs=1e-6)
        assert on["cost"][j] == pytest.approx(full.transport_cost + full.supply_cost, rel=1e-6, abs=1e-3)
    assert on["weighted_shortfall"].to_numpy() == pytest.approx(off["weighted_shortfall"].to_numpy(), rel=1e-6)
    assert not np.allclose(on["cost"], off["cost"], atol=1e-3)  # the stage ran: fair plans cost otherwise


@pytest.mark.parametrize("seed", [1, 3])
def test_a_reopen_lever_with_equity_equals_a_full_two_stage_solve(seed):
    """Reopening a closed corridor, re-solved warm, equals solve() of the scenario without the closure."""
    dataset = random_network(seed=seed, n_markets=6)
    squeeze = {"type": "route_capacity", "corridor": "Last mile", "factor": 0.5}
    closed = scenario_from_dict(
        {"name": "c", "horizon_days": DAYS, "disruptions": [squeeze, {"type": "close_corridor", "corridor": "C0"}]}
    )
    levers = levers_from_list([{"type": "reopen", "corridor": "C0", "cost_rp": 1e6}], dataset)
    row = evaluate_levers(dataset, closed, levers).levers.iloc[0]
    assert row["method"] == "warm re-solve"
    full = solve(dataset, scenario_from_dict({"name": "o", "horizon_days": DAYS, "disruptions": [squeeze]}))
    base = solve(dataset, closed)
    assert row["shortfall_t"] == pytest.approx(full.summary()["total_shortfall_t"], abs=1e-6)
    added = full.transport_cost + full.supply_cost - base.transport_cost - base.supply_cost
    assert row["added_cost"] == pytest.approx(added, rel=1e-6, abs=1e-3)
