"""Hand-checked answers on sample_data/tiny (see the reasoning in each test).

Costs in the baseline (1 day): rice from the 60 t of free stock at HUB-CENTRAL first,
then SRC-WEST (1000 Rp/t) via HUB-CENTRAL (200) for North (100) and South (120), and
via HUB-PORT (400) to the island (600). Chili only from SRC-EAST (5000): North via
HUB-CENTRAL (300 + 100), South via HUB-PORT (250 + 150 = 400 < 300 + 120), island via
HUB-PORT (250 + 600).
"""

from __future__ import annotations

import pytest

from foodchain import load_scenario, solve
from tests.conftest import SCENARIOS


def test_baseline_meets_all_demand_at_the_hand_computed_cost(tiny):
    r = solve(tiny)
    s = r.summary()
    assert s["status"] == "optimal"
    assert s["total_demand_t"] == pytest.approx(112.0)
    assert s["total_shortfall_t"] == pytest.approx(0.0)
    # rice: W-C 30x200 + W-P 10x400 + C-N 50x100 + C-S 40x120 + P-I 10x600 = 25,800
    # chili: E-C 6x300 + C-N 6x100 + E-P 6x250 + P-S 4x150 + P-I 2x600 = 5,700
    assert s["transport_cost"] == pytest.approx(31_500)
    # rice 40 t from the west x 1000 + chili 12 t x 5000
    assert s["supply_cost"] == pytest.approx(100_000)
    assert s["objective"] == pytest.approx(131_500)
    flows = r.flows.set_index(["route_id", "commodity"])["flow_t"]
    assert flows[("R-W-C", "rice")] == pytest.approx(30)
    assert flows[("R-P-S", "chili")] == pytest.approx(4)
    assert ("R-C-S", "chili") not in flows.index


def test_west_toll_closure_leaves_north_short_of_rice_by_40_t(tiny):
    # Days 1-2 without the west: rice available = 2 x 50 (east) + 60 (stock) = 160 for
    # 200 t of demand; the cheapest place to be short is MKT-NORTH (vulnerability 1.0).
    # Equity spreads the 40 t over both days: 20 t (40 % of 50 t) each day.
    r = solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"))
    short = r.shortfall[r.shortfall["shortfall_t"] > 0]
    assert set(short["node_id"]) == {"MKT-NORTH"}
    assert set(short["commodity"]) == {"rice"}
    assert short.set_index("day")["shortfall_t"].to_dict() == pytest.approx({1: 20.0, 2: 20.0})
    off = solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"), equity=False)
    assert off.summary()["total_shortfall_t"] == pytest.approx(40.0)
    closed = r.route_use[(r.route_use["route_id"] == "R-W-C") & (r.route_use["day"] <= 2)]
    assert (closed["capacity_t"] == 0).all() and (closed["flow_t"] == 0).all()


def test_island_storm_shortfall_lands_only_on_the_island(tiny):
    r = solve(tiny, load_scenario(SCENARIOS / "tiny_island_storm.json"))
    short = r.shortfall[r.shortfall["shortfall_t"] > 0]
    assert set(short["node_id"]) == {"MKT-ISLAND"}
    by = r.summary()["by_commodity"]
    assert by["rice"]["shortfall_t"] == pytest.approx(20.0)  # 10 t/day x 2 days
    assert by["chili"]["shortfall_t"] == pytest.approx(4.0)
    assert by["rice"]["demand_t"] == pytest.approx(2 * (50 * 1.2 + 40 + 10))  # surge in the north


@pytest.mark.parametrize("solver", ["highs-ipm", "clp-simplex", "clp-barrier", "cbc", "pulp-highs"])
def test_every_solver_agrees_with_highs(tiny, solver):
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    ref = solve(tiny, scenario)
    other = solve(tiny, scenario, solver=solver)
    assert other.objective == pytest.approx(ref.objective, rel=1e-7)
    assert other.summary()["total_shortfall_t"] == pytest.approx(ref.summary()["total_shortfall_t"], abs=1e-6)


def test_balances_rederived_from_result_tables(tiny):
    """At every node, commodity and day: supply + arrivals + stock before = departures + delivered + stock after + lost."""
    r = solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"))
    routes = tiny.routes.set_index("route_id")
    f = r.flows.join(routes[["origin", "destination", "lead_time_days"]], on="route_id")
    stock0 = tiny.stock.set_index(["node_id", "commodity"])["initial_t"]
    st = r.stock.set_index(["node_id", "commodity", "day"])
    for node in tiny.nodes["node_id"]:
        for k in tiny.commodities["commodity"]:
            for day in range(1, r.days + 1):
                sup = r.supply_use.query("node_id == @node and commodity == @k and day == @day")["used_t"].sum()
                arr = f.query("destination == @node and commodity == @k and day + lead_time_days == @day")[
                    "flow_t"
                ].sum()
                dep = f.query("origin == @node and commodity == @k and day == @day")["flow_t"].sum()
                dlv = r.shortfall.query("node_id == @node and commodity == @k and day == @day")["delivered_t"].sum()
                before = stock0.get((node, k), 0.0) if day == 1 else st["stock_t"].get((node, k, day - 1), 0.0)
                after = st["stock_t"].get((node, k, day), 0.0)
                lost = st["lost_t"].get((node, k, day), 0.0)
                assert sup + arr + before == pytest.approx(dep + dlv + after + lost, abs=1e-6), (node, k, day)


def test_time_limit_comes_back_as_words(tiny):
    from foodchain import SolverError

    with pytest.raises(SolverError, match="time limit reached"):
        solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"), time_limit=1e-12)
