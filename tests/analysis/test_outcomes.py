"""People affected (threshold on the unmet share per commodity and day) and the study area's own figures."""

from __future__ import annotations

import pytest

from foodchain import Scenario, solve
from foodchain.analysis.outcomes import ANY, people_affected, people_summary, zone_shortfall
from tests.conftest import make_dataset

COMMODITIES = [
    {"commodity": "rice", "shortfall_penalty_per_t": 1000.0},
    {"commodity": "chicken", "shortfall_penalty_per_t": 1000.0},
]


def two_zones(rice_supply_t: float, chicken_supply_t: float = 2.0, external_b: bool = False):
    """S feeds A (1,000 people) and B (500 people): rice 10 t/day each, chicken 1 t/day each."""
    nodes = [
        ("S", "source"),
        {"node_id": "A", "kind": "market", "population": 1000},
        {"node_id": "B", "kind": "market", "population": 500, "external": external_b},
    ]
    routes = [{"route_id": f"R-{m}", "origin": "S", "destination": m} for m in "AB"]
    supply = [
        {"node_id": "S", "commodity": "rice", "supply_t_per_day": rice_supply_t},
        {"node_id": "S", "commodity": "chicken", "supply_t_per_day": chicken_supply_t},
    ]
    demand = [
        {"node_id": m, "commodity": k, "demand_t_per_day": t} for m in "AB" for k, t in (("rice", 10), ("chicken", 1))
    ]
    return make_dataset(nodes, routes, supply, demand, commodities=COMMODITIES)


@pytest.mark.parametrize(
    ("rice_supply_t", "people"),
    [
        (20.0, 0),  # nothing short
        (19.0, 0),  # 1 t short shared: 5 % of each zone's rice, below 10 %
        (18.0, 1500),  # 2 t short shared: 10 % each, the threshold is reached in both
        (17.0, 1500),  # 15 % each
    ],
)
def test_people_affected_by_hand(rice_supply_t, people):
    ds = two_zones(rice_supply_t)
    result = solve(ds, Scenario(horizon_days=2))
    frame = people_affected(ds, result)
    per_day = frame[frame["commodity"] == ANY].set_index("day")["people_affected"]
    assert per_day.to_dict() == {1: people, 2: people}
    summary = people_summary(ds, result)
    assert summary["worst_day_people"] == people
    assert summary["person_days"] == 2 * people
    assert "10%" in summary["definition"]


def test_a_chicken_gap_is_not_hidden_by_rice():
    # Rice met in full; chicken 1 of 2 t: 50 % short in both zones, though under 5 % of all tonnes.
    ds = two_zones(20.0, chicken_supply_t=1.0)
    result = solve(ds)
    frame = people_affected(ds, result).set_index(["commodity", "day"])["people_affected"]
    assert frame[("chicken", 1)] == 1500
    assert ("rice", 1) not in frame.index
    assert frame[(ANY, 1)] == 1500  # a zone counts once, whatever it lacks
    zones = zone_shortfall(ds, result).set_index("node_id")
    assert zones.loc["A", "people_affected"] == 1000 and zones.loc["A", "days_affected"] == 1


def test_the_threshold_is_configurable():
    ds = two_zones(19.0)  # 5 % short in each zone
    result = solve(ds)
    assert people_summary(ds, result, threshold=0.05)["worst_day_people"] == 1500
    assert people_summary(ds, result, threshold=0.051)["worst_day_people"] == 0


def test_external_demand_is_left_out_of_headline_totals_and_counted_apart():
    ds = two_zones(17.0, external_b=True)
    result = solve(ds)
    s = result.summary()
    by_node = result.shortfall.groupby("node_id")[["demand_t", "shortfall_t"]].sum()
    assert s["total_demand_t"] == pytest.approx(by_node.loc["A", "demand_t"]) == pytest.approx(11.0)
    assert s["total_shortfall_t"] == pytest.approx(by_node.loc["A", "shortfall_t"])
    assert s["external_demand_t"] == pytest.approx(11.0)
    assert s["external_shortfall_t"] == pytest.approx(by_node.loc["B", "shortfall_t"])
    assert s["total_shortfall_t"] + s["external_shortfall_t"] == pytest.approx(3.0)
    assert set(s["by_commodity"]) == {"rice", "chicken"}
    assert s["by_commodity"]["rice"]["demand_t"] == pytest.approx(10.0)
    assert list(zone_shortfall(ds, result)["node_id"]) == ["A"]
    assert people_summary(ds, result)["worst_day_people"] in (0, 1000)  # B's 500 are never counted
