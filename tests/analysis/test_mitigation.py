"""Mitigation levers: hand-checked effects on tiny_west_toll_closed, duals, lever files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from foodchain import load_scenario, solve
from foodchain.analysis.levers import levers_from_list, load_levers, propose_levers
from foodchain.analysis.mitigation import COLUMNS, evaluate_levers
from foodchain.errors import InvalidInput
from foodchain.optimize.factors import scenario_factors
from tests.conftest import SCENARIOS


@pytest.fixture(scope="module")
def closed():
    return load_scenario(SCENARIOS / "tiny_west_toll_closed.json")


def test_reopening_the_closed_corridor_removes_exactly_the_40_t_of_rice(tiny, closed):
    # tests/optimize/test_tiny.py: with Tol Barat closed on days 1-2 the north is 40 t of
    # rice short; with the corridor open again the network meets all demand.
    levers = levers_from_list([{"type": "reopen", "corridor": "Tol Barat", "cost_rp": 10_000_000}], tiny)
    result = evaluate_levers(tiny, closed, levers)
    row = result.levers.iloc[0]
    assert list(result.levers.columns) == COLUMNS
    assert result.base["total_shortfall_t"] == pytest.approx(40.0)
    assert row["shortfall_removed_t"] == pytest.approx(40.0)
    assert row["shortfall_t"] == pytest.approx(0.0)
    assert row["t_per_million_rp"] == pytest.approx(4.0)  # 40 t for Rp 10 M
    assert row["method"] == "warm re-solve"
    # The same from a full solve of the scenario without the closure:
    assert solve(tiny, closed.__class__(horizon_days=3)).summary()["total_shortfall_t"] == pytest.approx(0.0)


def test_levers_are_ranked_by_tonnes_and_by_tonnes_per_rupiah(tiny, closed):
    docs = [
        {"id": "reopen", "type": "reopen", "corridor": "Tol Barat", "cost_rp": 400_000_000},
        {
            "id": "stock",
            "type": "release_stock",
            "node": "HUB-CENTRAL",
            "commodity": "rice",
            "t": 25,
            "cost_rp": 1_000_000,
        },
        {"id": "useless", "type": "add_route_capacity", "route": "R-P-S", "t_per_day": 10, "cost_rp": 0},
        {
            "id": "temp",
            "type": "temporary_route",
            "origin": "HUB-PORT",
            "destination": "MKT-NORTH",
            "capacity_t_per_day": 30,
            "cost_per_t": 300,
            "cost_rp": 50_000_000,
        },
    ]
    table = evaluate_levers(tiny, closed, levers_from_list(docs, tiny)).levers.set_index("lever")
    # 25 t more rice at the central hub on day 1 reaches the north: 25 of the 40 t removed.
    assert table.loc["stock", "shortfall_removed_t"] == pytest.approx(25.0)
    assert table.loc["stock", "method"] == "warm re-solve"  # the hub holds rice already: a change of bounds
    assert table.loc["temp", "method"] == "rebuild"
    # The port has no rice to send north (west closed, east rice all used): nothing removed.
    assert table.loc["temp", "shortfall_removed_t"] == pytest.approx(0.0)
    assert table.loc["useless", "shortfall_removed_t"] == pytest.approx(0.0)
    assert table.loc["useless", "t_per_million_rp"] == 0.0
    assert table["rank_shortfall"].sort_values().index[:2].tolist() == ["reopen", "stock"]
    assert table["rank_per_rp"].sort_values().index[:2].tolist() == ["stock", "reopen"]


def test_lever_shadow_prices_come_from_the_base_solve(tiny, closed):
    base = solve(tiny, closed)
    levers = levers_from_list([{"type": "reopen", "routes": ["R-W-C"], "cost_rp": 0}], tiny)
    result = evaluate_levers(tiny, closed, levers)
    expected = base.route_use.loc[base.route_use["route_id"] == "R-W-C", "shadow_price"].sum()
    assert expected > 0
    assert result.levers.loc[0, "shadow_price"] == pytest.approx(expected)
    assert result.levers.loc[0, "t_per_million_rp"] == np.inf  # free and helpful
    duals = result.duals.set_index("id")
    assert duals.loc["R-W-C", "shadow_price_sum"] == pytest.approx(expected)
    assert (result.duals["shadow_price_sum"] > 0).all()


def test_proposed_levers_reopen_the_closure_and_price_bottlenecks(tiny, closed):
    base = solve(tiny, closed)
    levers = propose_levers(tiny, scenario_factors(tiny, closed), base)
    types = [lv.type for lv in levers]
    assert levers[0].type == "reopen" and levers[0].params == {"corridor": "Tol Barat"}
    assert "release_stock" in types and "add_route_capacity" in types
    assert all(lv.cost_rp > 0 for lv in levers)
    assert len({lv.id for lv in levers}) == len(levers)


def test_bad_lever_file_lists_every_problem(tiny, tmp_path):
    path = tmp_path / "levers.json"
    docs = [
        {"type": "reopen", "corridor": "Tol Barta", "cost_rp": 1},
        {"type": "add_route_capacity", "route": "R-C-N", "t_per_day": -5},
        {"type": "add_node_throughput", "node": "MKT-NORTH", "t_per_day": 5, "cost_rp": 1},
        {"type": "teleport", "cost_rp": 1},
    ]
    path.write_text(json.dumps({"levers": docs}))
    with pytest.raises(InvalidInput) as err:
        load_levers(path, tiny)
    lines = [p.as_line() for p in err.value.problems]
    assert any("'Tol Barta' is not a corridor" in line and "did you mean 'Tol Barat'" in line for line in lines)
    assert "error: levers, 2, cost_rp, a add_route_capacity lever needs 'cost_rp'" in lines
    assert any(line.startswith("error: levers, 2, t_per_day, t_per_day must be a number > 0") for line in lines)
    assert any("MKT-NORTH' has no throughput_t_per_day" in line for line in lines)
    assert any(line.startswith("error: levers, 4, type, unknown lever type 'teleport'") for line in lines)
