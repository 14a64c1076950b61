"""N-1 criticality: warm re-solves rank targets exactly as full re-solves of each closure do."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foodchain import InvalidScenario, Scenario, load_scenario, solve
from foodchain.analysis.criticality import (
    COLUMNS,
    closure_scenario,
    closure_targets,
    closure_task,
    criticality,
    rank_targets,
)
from foodchain.errors import Cancelled, InvalidInput
from foodchain.optimize.resolver import cached_resolver
from tests.analysis.networks import random_network
from tests.conftest import SCENARIOS


def _others(result, own: str | None):
    """The result's shortfall rows in the study area, without node ``own``'s."""
    s = result.study_shortfall()
    return s[s["node_id"] != own]


def _weighted(dataset, result, own: str | None = None) -> float:
    """Penalty x vulnerability x shortfall, re-derived from the result table."""
    s = _others(result, own).merge(dataset.nodes[["node_id", "vulnerability"]], on="node_id")
    s = s.merge(dataset.commodities[["commodity", "shortfall_penalty_per_t"]], on="commodity")
    return float((s["shortfall_t"] * s["vulnerability"] * s["shortfall_penalty_per_t"]).sum())


def _oracle(dataset, scenario, targets: str) -> pd.DataFrame:
    """The criticality table rebuilt from one full foodchain.solve per closure (both stages when equity is on)."""
    kind = {"routes": "route", "corridors": "corridor", "nodes": "node"}[targets]
    base = solve(dataset, scenario)
    rows = []
    for t in closure_targets(dataset, targets):
        r = solve(dataset, closure_scenario(scenario, kind, t))
        own = t if kind == "node" else None  # a closed node's own demand is not counted
        rows.append(
            {
                "target": t,
                "added_shortfall_t": _others(r, own)["shortfall_t"].sum() - _others(base, own)["shortfall_t"].sum(),
                "added_weighted_shortfall": _weighted(dataset, r, own) - _weighted(dataset, base, own),
                "added_cost": r.transport_cost + r.supply_cost - base.transport_cost - base.supply_cost,
            }
        )
    return rank_targets(pd.DataFrame(rows))


@pytest.mark.parametrize("targets", ["routes", "corridors", "nodes"])
def test_tiny_ranking_equals_full_resolves(tiny, targets):
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    table = criticality(tiny, scenario, targets)
    oracle = _oracle(tiny, scenario, targets)
    assert list(table.columns) == COLUMNS
    assert list(table["target"]) == list(oracle["target"])
    assert table["added_shortfall_t"].to_numpy() == pytest.approx(oracle["added_shortfall_t"].to_numpy(), abs=1e-6)
    assert table["added_cost"].to_numpy() == pytest.approx(oracle["added_cost"].to_numpy(), abs=1e-6)
    assert list(table["rank"]) == list(range(1, len(table) + 1))


def test_random_network_ranking_equals_full_resolves():
    dataset = random_network(seed=1)
    scenario = Scenario(horizon_days=2)
    table = criticality(dataset, scenario, "routes")
    oracle = _oracle(dataset, scenario, "routes")
    assert list(table["target"]) == list(oracle["target"])
    assert table["added_weighted_shortfall"].to_numpy() == pytest.approx(
        oracle["added_weighted_shortfall"].to_numpy(), abs=1e-3
    )
    assert (table["added_shortfall_t"] > 0).any()


def test_hand_checked_tiny_baseline_ranking(tiny):
    # One day, baseline: closing R-C-N cuts the north off from the central hub; the port
    # route cannot reach it, so its whole demand (50 rice + 6 chili) goes short.
    table = criticality(tiny).set_index("target")
    assert table.loc["R-C-N", "rank"] == 1
    assert table.loc["R-C-N", "added_shortfall_t"] == pytest.approx(56.0)
    # Without R-W-P the island's 10 t of rice come from the east instead (1500 + 250 > 1000 + 400).
    assert table.loc["R-W-P", "added_shortfall_t"] == pytest.approx(0.0)
    assert table.loc["R-W-P", "added_cost"] == pytest.approx(10 * (1500 + 250 - 1000 - 400))


def test_closing_a_node_counts_the_damage_to_other_places_only(tiny):
    # Closing MKT-NORTH leaves its own 56 t short (nothing arrives) but no other market:
    # 0 t added. Closing HUB-CENTRAL cuts the north off (and more): its damage is to others.
    table = criticality(tiny, targets="nodes").set_index("target")
    assert table.loc["MKT-NORTH", "added_shortfall_t"] == pytest.approx(0.0)
    assert table.loc["HUB-CENTRAL", "added_shortfall_t"] >= 56.0 - 1e-6
    assert table.loc["HUB-CENTRAL", "rank"] == 1


def test_parallel_gives_the_same_table(tiny):
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    pd.testing.assert_frame_equal(criticality(tiny, scenario, "nodes"), criticality(tiny, scenario, "nodes", workers=2))


def test_progress_and_cancel(tiny):
    seen = []
    criticality(tiny, targets="corridors", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]  # the base and three corridors
    with pytest.raises(Cancelled):
        criticality(tiny, cancel=lambda: len(seen) > 4, progress=lambda d, t: seen.append(d))


def test_unknown_targets_and_scenario_ids_are_input_errors(tiny):
    with pytest.raises(InvalidInput, match="targets must be one of"):
        criticality(tiny, targets="bridges")
    bad = closure_scenario(None, "route", "R-NOPE", 1)
    with pytest.raises(InvalidScenario, match="R-NOPE"):
        criticality(tiny, bad)


@pytest.mark.parametrize("seed", [2, 3])
def test_pruned_parallel_ranking_equals_full_resolves_on_random_networks(seed):
    """Idle routes answered without a solve (pruning) and closures spread over 2 processes
    give the table of one full solve per closure."""
    dataset = random_network(seed=seed, n_sources=4, n_hubs=3, n_markets=6)
    scenario = Scenario(horizon_days=2)
    table = criticality(dataset, scenario, "routes", workers=2)
    oracle = _oracle(dataset, scenario, "routes").set_index("target").loc[table["target"]]
    for column, tol in (("added_shortfall_t", 1e-6), ("added_cost", 1e-3), ("added_weighted_shortfall", 1e-3)):
        assert table[column].to_numpy() == pytest.approx(oracle[column].to_numpy(), abs=tol), column
    in_process = cached_resolver(dataset, scenario)
    for target in closure_targets(dataset, "routes"):
        closure_task(dataset, scenario, None, "route", target)
    assert in_process.skipped > 0 and in_process.solves > 1  # both paths were exercised


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_closures_with_equity_on_equal_full_two_stage_solves(seed):
    """Every row with equity on equals one full foodchain.solve (both stages) of that closure,
    and the fair-sharing stage changes the table: it is not left out."""
    dataset = random_network(seed=seed, n_sources=3, n_hubs=3, n_markets=6)
    on, off = Scenario(horizon_days=2, equity="on"), Scenario(horizon_days=2, equity="off")
    for targets in ("routes", "nodes"):
        table = criticality(dataset, on, targets).set_index("target")
        oracle = _oracle(dataset, on, targets).set_index("target").loc[table.index]
        for column, tol in (("added_shortfall_t", 1e-6), ("added_cost", 1e-3), ("added_weighted_shortfall", 1e-3)):
            assert table[column].to_numpy() == pytest.approx(oracle[column].to_numpy(), abs=tol), (targets, column)
    routes = criticality(dataset, on, "routes").set_index("target")
    without = criticality(dataset, off, "routes").set_index("target").loc[routes.index]
    assert not np.allclose(routes["added_cost"], without["added_cost"], atol=1e-3)
