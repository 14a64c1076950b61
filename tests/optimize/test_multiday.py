"""Several days: stock carrying a hub through a closure, lead times, storage and shelf life."""

from __future__ import annotations

import pytest

from foodchain import scenario_from_dict, solve
from tests.conftest import make_dataset

NODES = [("SRC", "source"), ("HUB", "hub"), ("MKT", "market")]
ROUTES = [
    {"route_id": "R-IN", "origin": "SRC", "destination": "HUB", "capacity_t_per_day": 100, "cost_per_t": 10},
    {"route_id": "R-OUT", "origin": "HUB", "destination": "MKT", "capacity_t_per_day": 100, "cost_per_t": 1},
]
SUPPLY = [{"node_id": "SRC", "commodity": "rice", "supply_t_per_day": 50}]
DEMAND = [{"node_id": "MKT", "commodity": "rice", "demand_t_per_day": 30}]


def closure(days: int, horizon: int = 5):
    return scenario_from_dict(
        {
            "name": "closed",
            "horizon_days": horizon,
            "disruptions": [{"type": "close_route", "routes": ["R-IN"], "start_day": 1, "end_day": days}],
        }
    )


def test_hub_stock_carries_the_market_through_a_three_day_closure():
    ds = make_dataset(NODES, ROUTES, SUPPLY, DEMAND, stock=[{"node_id": "HUB", "commodity": "rice", "initial_t": 100}])
    r = solve(ds, closure(3))
    assert r.summary()["total_shortfall_t"] == pytest.approx(0.0)
    stock = r.stock.set_index("day")["stock_t"]
    assert stock[3] == pytest.approx(10.0)  # 100 - 3 x 30 at the end of day 3 (never refilled earlier: closed)


def test_a_four_day_closure_outlasts_the_stock_by_20_t():
    ds = make_dataset(NODES, ROUTES, SUPPLY, DEMAND, stock=[{"node_id": "HUB", "commodity": "rice", "initial_t": 100}])
    r = solve(ds, closure(4))
    assert r.summary()["total_shortfall_t"] == pytest.approx(20.0)  # 4 x 30 - 100
    assert r.shortfall.query("day == 5")["shortfall_t"].sum() == pytest.approx(0.0)


def test_lead_time_delays_arrivals():
    routes = [dict(ROUTES[0], lead_time_days=2), ROUTES[1]]
    ds = make_dataset(NODES, routes, SUPPLY, DEMAND)
    r = solve(ds, days=4)
    # Nothing can arrive before day 3: days 1 and 2 are short, days 3 and 4 are served.
    by_day = r.shortfall.set_index("day")["shortfall_t"]
    assert list(by_day) == pytest.approx([30, 30, 0, 0])
    assert set(r.flows.query("route_id == 'R-IN'")["day"]) == {1, 2}  # leaving day 1-2 arrive day 3-4


def test_storage_limits_what_a_hub_can_build_up():
    # Source only on day 1 (supply shock 0 on days 2-3); the hub can keep at most 40 t.
    nodes = [("SRC", "source"), {"node_id": "HUB", "kind": "hub", "storage_t": 40}, ("MKT", "market")]
    ds = make_dataset(nodes, ROUTES, [dict(SUPPLY[0], supply_t_per_day=200)], DEMAND)
    sc = scenario_from_dict(
        {
            "horizon_days": 3,
            "disruptions": [{"type": "supply_shock", "nodes": ["SRC"], "factor": 0, "start_day": 2, "end_day": 3}],
        }
    )
    r = solve(ds, sc)
    assert r.stock.set_index("day")["stock_t"][1] == pytest.approx(40.0)
    assert r.summary()["total_shortfall_t"] == pytest.approx(90 - 30 - 40)


def test_shelf_life_throws_away_stock_older_than_its_life():
    commodities = [{"commodity": "chili", "shortfall_penalty_per_t": 1000, "shelf_life_days": 2}]
    ds = make_dataset(
        [("HUB", "hub"), ("MKT", "market")],
        [{"route_id": "R", "origin": "HUB", "destination": "MKT", "cost_per_t": 1}],
        demand=[{"node_id": "MKT", "commodity": "chili", "demand_t_per_day": 10}],
        stock=[{"node_id": "HUB", "commodity": "chili", "initial_t": 100}],
        commodities=commodities,
    )
    r = solve(ds, days=4)
    # Initial stock may be held at the end of day 1 only (life 2): 10 t used on day 1 and
    # 10 t on day 2, the other 80 t are lost at the end of day 2; days 3 and 4 go short.
    assert list(r.shortfall.set_index("day")["shortfall_t"]) == pytest.approx([0, 0, 10, 10])
    assert r.stock["lost_t"].sum() == pytest.approx(80.0)


def test_node_closure_stops_arrivals_and_departures():
    nodes = [("SRC", "source"), {"node_id": "HUB", "kind": "hub", "throughput_t_per_day": 500}, ("MKT", "market")]
    ds = make_dataset(nodes, ROUTES, SUPPLY, DEMAND, stock=[{"node_id": "HUB", "commodity": "rice", "initial_t": 100}])
    sc = scenario_from_dict(
        {"horizon_days": 2, "disruptions": [{"type": "close_node", "nodes": ["HUB"], "end_day": 1}]}
    )
    r = solve(ds, sc)
    assert list(r.shortfall.set_index("day")["shortfall_t"]) == pytest.approx([30, 0])


def _reserve(value: float):
    rice = {"commodity": "rice", "shortfall_penalty_per_t": 1000.0, "stock_value_per_t": value}
    return make_dataset(
        NODES,
        ROUTES,
        SUPPLY,
        DEMAND,
        stock=[{"node_id": "HUB", "commodity": "rice", "initial_t": 100}],
        commodities=[rice],
    )


def test_without_a_stock_value_a_free_reserve_is_eaten_before_buying():
    r = solve(_reserve(0.0), scenario_from_dict({"name": "base", "horizon_days": 3, "disruptions": []}))
    # 3 x 30 t from the 100 t stock costs only the hub-to-market leg: 90 x 1
    assert r.summary()["transport_cost"] == pytest.approx(90.0)
    assert r.stock.set_index("day")["stock_t"][3] == pytest.approx(10.0)


def test_a_stock_value_keeps_the_reserve_when_supply_can_meet_demand():
    r = solve(_reserve(50.0), scenario_from_dict({"name": "base", "horizon_days": 3, "disruptions": []}))
    # replacing a tonne costs 50 > 10 to bring one in: buy 90 t, keep all 100 t
    assert r.summary()["transport_cost"] == pytest.approx(90 * 11.0)
    assert r.stock.set_index("day")["stock_t"][3] == pytest.approx(100.0)
    assert r.objective == pytest.approx(990.0)


def test_a_stock_value_still_releases_stock_in_a_closure_and_charges_for_it():
    r = solve(_reserve(50.0), closure(2, horizon=3))
    # days 1-2 closed: 60 t from stock (40 left); day 3: the whole 50 t supply comes in, 30 for the
    # market and 20 to refill (10 < 50 a tonne), so stock ends at 60 and 40 t are charged 50 each
    s = r.summary()
    assert s["total_shortfall_t"] == pytest.approx(0.0)
    assert r.stock.set_index("day")["stock_t"][3] == pytest.approx(60.0)
    assert s["transport_cost"] == pytest.approx(60 * 1 + 50 * 10 + 30 * 1)
    assert r.objective == pytest.approx(590.0 + 40 * 50.0)
