"""Scenario files: shape, ids checked against the dataset, factors per day."""

from __future__ import annotations

import numpy as np
import pytest

from foodchain import InvalidScenario, load_scenario, scenario_from_dict
from foodchain.optimize.factors import scenario_factors
from tests.conftest import SCENARIOS


def messages(exc) -> list[str]:
    return [p.message for p in exc.value.problems if p.severity == "error"]


def test_sample_scenarios_load():
    sc = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    assert sc.horizon_days == 3 and sc.disruptions[0]["corridor"] == "Tol Barat"


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"horizon_days": 0}, "horizon_days must be"),
        ({"horizon": 3}, "unknown key 'horizon'"),
        ({"disruptions": [{"type": "close_coridor", "corridor": "x"}]}, "did you mean 'close_corridor'"),
        ({"disruptions": [{"type": "route_capacity", "routes": ["R"]}]}, "needs 'factor'"),
        ({"disruptions": [{"type": "route_capacity", "routes": ["R"], "factor": -1}]}, "factor must be a number >= 0"),
        ({"disruptions": [{"type": "close_route", "routes": ["R"], "start_day": 3, "end_day": 2}]}, "before start_day"),
        ({"disruptions": [{"type": "close_route", "routes": ["R"], "start_day": 0}]}, "1-based"),
        ({"disruptions": [{"type": "close_route", "routes": "R"}]}, "must be a list"),
        ({"disruptions": [{"type": "close_route", "routes": ["R"], "fator": 0}]}, "not a key of a close_route"),
        ({"disruptions": [{"type": "demand_surge", "factor": 1.2}]}, "needs one of nodes, regions"),
    ],
)
def test_shape_errors(doc, expected):
    with pytest.raises(InvalidScenario) as exc:
        scenario_from_dict(doc)
    assert any(expected in m for m in messages(exc)), messages(exc)


def test_unknown_ids_corridors_regions_and_commodities_are_errors_with_suggestions(tiny):
    sc = scenario_from_dict(
        {
            "horizon_days": 2,
            "disruptions": [
                {"type": "close_corridor", "corridor": "Tol barat"},
                {"type": "route_capacity", "routes": ["R-W-X"], "factor": 0},
                {"type": "demand_surge", "regions": ["Nort"], "commodities": ["rize"], "factor": 1.1},
            ],
        }
    )
    with pytest.raises(InvalidScenario) as exc:
        scenario_factors(tiny, sc)
    found = messages(exc)
    assert any("'Tol barat' is not a corridor" in m and "Tol Barat" in m for m in found)
    assert any("'R-W-X' is not a route_id" in m for m in found)
    assert any("'Nort' is not a region" in m and "North" in m for m in found)
    assert any("'rize' is not a commodity" in m and "rice" in m for m in found)


def test_throttling_an_unlimited_node_is_an_error_but_closing_it_is_not(tiny):
    throttle = scenario_from_dict({"disruptions": [{"type": "node_capacity", "nodes": ["MKT-NORTH"], "factor": 0.5}]})
    with pytest.raises(InvalidScenario) as exc:
        scenario_factors(tiny, throttle)
    assert "nothing to scale" in messages(exc)[0]
    close = scenario_from_dict({"disruptions": [{"type": "node_capacity", "nodes": ["MKT-NORTH"], "factor": 0}]})
    assert scenario_factors(tiny, close).node.min() == 0


def test_factors_multiply_per_day(tiny):
    sc = scenario_from_dict(
        {
            "horizon_days": 3,
            "disruptions": [
                {"type": "route_capacity", "corridor": "Tol Barat", "factor": 0.5, "start_day": 2},
                {"type": "route_capacity", "routes": ["R-W-C"], "factor": 0.5, "start_day": 3, "end_day": 3},
                {"type": "demand_surge", "regions": ["North"], "commodities": ["rice"], "factor": 1.3},
            ],
        }
    )
    f = scenario_factors(tiny, sc)
    wc = int(np.flatnonzero(tiny.routes["route_id"] == "R-W-C")[0])
    assert list(f.route[wc]) == [1.0, 0.5, 0.25]
    north_rice = (tiny.demand["node_id"] == "MKT-NORTH") & (tiny.demand["commodity"] == "rice")
    assert list(f.demand[north_rice.to_numpy()][0]) == [1.3, 1.3, 1.3]
    assert f.demand[~north_rice.to_numpy()].max() == 1.0


def test_disruption_after_the_horizon_is_a_warning(tiny):
    sc = scenario_from_dict(
        {"horizon_days": 5, "disruptions": [{"type": "close_route", "routes": ["R-W-C"], "start_day": 4}]}
    )
    f = scenario_factors(tiny, sc, days=2)
    assert f.route.min() == 1.0
    assert any("no effect" in p.message for p in f.warnings)


def test_yaml_scenarios_and_bad_json(tmp_path):
    y = tmp_path / "s.yaml"
    y.write_text("name: Y\nhorizon_days: 2\ndisruptions:\n  - type: close_route\n    routes: [R-W-C]\n")
    assert load_scenario(y).name == "Y"
    bad = tmp_path / "s.json"
    bad.write_text("{not json")
    with pytest.raises(InvalidScenario) as exc:
        load_scenario(bad)
    assert "not valid JSON" in messages(exc)[0]
