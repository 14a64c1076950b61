"""Headline tables (analysis/outcomes.py) and comparisons (analysis/compare.py) with hand-checked values.

The network: S (source, rice at Rp 100/t) -> H (hub, 4 t of rice in stock) -> A (10 t/day,
1,000 people) and -> B (5 t/day, 500 people); every route costs Rp 1/t and H -> B carries
at most 10 t/day. A tonne short costs Rp 1,000, so everything that can be delivered is.
Over two days the 4 t of stock are eaten (they are worth nothing at the end) and 30 - 4 =
26 t are bought at S.
"""

from __future__ import annotations

import pytest

from foodchain import scenario_from_dict, solve
from foodchain.analysis.compare import commodity_shortfall, dual_rises, totals, zone_difference, zone_share
from foodchain.analysis.outcomes import WORST, by_commodity, by_day, city_cover, hub_stock, stock_cover, zone_shortfall
from tests.conftest import make_dataset

THROTTLED = {"type": "route_capacity", "routes": ["R-HB"], "factor": 0.3}  # H -> B 3 t/day: B is 2 t short a day
CLOSED_DAY_2 = {"type": "close_route", "routes": ["R-HB"], "start_day": 2}  # and nothing on day 2


def network():
    nodes = [
        ("S", "source"),
        ("H", "hub"),
        {"node_id": "A", "kind": "market", "population": 1000, "region": "North"},
        {"node_id": "B", "kind": "market", "population": 500, "region": "South"},
    ]
    routes = [
        {"route_id": "R-SH", "origin": "S", "destination": "H", "cost_per_t": 1},
        {"route_id": "R-HA", "origin": "H", "destination": "A", "cost_per_t": 1},
        {"route_id": "R-HB", "origin": "H", "destination": "B", "cost_per_t": 1, "capacity_t_per_day": 10},
    ]
    supply = [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 100, "cost_per_t": 100}]
    demand = [
        {"node_id": "A", "commodity": "rice", "demand_t_per_day": 10},
        {"node_id": "B", "commodity": "rice", "demand_t_per_day": 5},
    ]
    stock = [{"node_id": "H", "commodity": "rice", "initial_t": 4}]
    return make_dataset(nodes, routes, supply, demand, stock)


def run(*disruptions):
    return solve(network(), scenario_from_dict({"name": "x", "horizon_days": 2, "disruptions": list(disruptions)}))


@pytest.fixture(scope="module")
def runs():
    return {"base": run(), "throttled": run(THROTTLED), "closed": run(THROTTLED, CLOSED_DAY_2)}


def test_by_commodity_and_by_day(runs):
    row = by_commodity(runs["closed"]).iloc[0]
    assert (row["commodity"], row["demand_t"], row["delivered_t"], row["shortfall_t"]) == ("rice", 30, 23, 7)
    assert row["share_unmet"] == pytest.approx(7 / 30)
    days = by_day(runs["closed"])
    assert days[["day", "demand_t", "shortfall_t"]].values.tolist() == [[1, 15, 2], [2, 15, 5]]
    assert days["share_unmet"].tolist() == pytest.approx([2 / 15, 5 / 15])


def test_zone_shortfall_over_all_days_and_on_the_worst_day(runs):
    zones = zone_shortfall(network(), runs["closed"]).set_index("node_id")
    assert list(zones.index) == ["B", "A"]  # largest share unmet first
    b = zones.loc["B"]
    assert (b["region"], b["demand_t"], b["shortfall_t"], b["share_unmet"]) == ("South", 10, 7, 0.7)
    assert (b["population"], b["people_affected"], b["days_affected"]) == (500, 500, 2)
    assert zones.loc["A", ["shortfall_t", "people_affected", "days_affected"]].tolist() == [0, 0, 0]
    worst = zone_shortfall(network(), runs["closed"], day=WORST).set_index("node_id")
    assert worst.loc["B", ["day", "shortfall_t", "share_unmet"]].tolist() == [2, 5, 1.0]
    day_1 = zone_shortfall(network(), runs["closed"], day=1).set_index("node_id")
    assert day_1.loc["B", ["shortfall_t", "share_unmet"]].tolist() == pytest.approx([2, 0.4])


def test_stock_cover_hub_stock_and_city_cover(runs):
    cover = stock_cover(network(), runs["closed"]).iloc[0]  # H sends 10 + 3 t on day 1 and holds 4 t
    assert (cover["node_id"], cover["stock_t"], cover["sent_t_per_day"]) == ("H", 4, 13)
    assert cover["cover_days"] == pytest.approx(4 / 13)
    stock = hub_stock(network(), runs["closed"]).set_index("day")["stock_t"]
    assert stock[0] == 4 and stock[2] == pytest.approx(0)  # the stock is worth nothing at the end: eaten
    city = city_cover(network()).iloc[0]
    assert (city["hub_stock_t"], city["demand_t_per_day"], city["cover_days"]) == (4, 15, pytest.approx(4 / 15))


def test_totals_and_commodity_shortfall_of_two_runs(runs):
    frame = totals({"base": runs["base"], "throttled": runs["throttled"]}).set_index("run")
    assert frame.loc["base", ["days", "demand_t", "delivered_t", "shortfall_t"]].tolist() == [2, 30, 30, 0]
    assert frame.loc["throttled", ["delivered_t", "shortfall_t"]].tolist() == pytest.approx([26, 4])
    # transport: every tonne eaten crosses H -> market (Rp 1), every tonne bought crosses S -> H (Rp 1)
    assert frame.loc["base", ["transport_cost", "supply_cost"]].tolist() == pytest.approx([30 + 26, 2600])
    assert frame.loc["throttled", ["transport_cost", "supply_cost"]].tolist() == pytest.approx([26 + 22, 2200])
    assert frame.loc["throttled", "share_unmet"] == pytest.approx(4 / 30)
    rice = commodity_shortfall({"base": runs["base"], "throttled": runs["throttled"]}).set_index("run")
    assert rice.loc["throttled", ["demand_t", "shortfall_t"]].tolist() == [30, pytest.approx(4)]


def test_zone_difference_and_the_dual_that_rises(runs):
    assert zone_share(runs["throttled"]).to_dict() == pytest.approx({"A": 0.0, "B": 0.4})
    diff = zone_difference(runs["base"], runs["throttled"])
    assert diff["node_id"].tolist() == ["B", "A"] and diff["difference"].tolist() == pytest.approx([0.4, 0.0])
    rises = dual_rises(runs["base"], runs["throttled"])
    # one more t/day on H -> B saves a tonne short (Rp 1,000) for Rp 100 + 1 + 1 more cost: Rp 898
    assert rises["route_id"].tolist() == ["R-HB"]
    assert rises.iloc[0][["base_price", "scenario_price", "rise"]].tolist() == pytest.approx([0, 898, 898])
