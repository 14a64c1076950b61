"""The disruption registry and the one matching rule per word (route, corridor, node, region, zone)."""

from __future__ import annotations

import numpy as np
import pytest

from foodchain import InvalidScenario, scenario_from_dict
from foodchain.analysis.criticality import closure_masks
from foodchain.analysis.ensemble import event_masks
from foodchain.analysis.flood_spec import check_spec_targets, spec_from_dict
from foodchain.messages import use_language
from foodchain.messages.catalog import CATALOG
from foodchain.optimize.disruptions import DISRUPTIONS, DisruptionType, closure, touched
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.flood import flood_overlay
from foodchain.optimize.targets import zone_masks, zone_node_mask
from tests.optimize.test_flood import line_network


def test_every_type_declares_keys_targets_and_a_table_it_scales():
    for name, kind in DISRUPTIONS.items():
        assert kind.name == name and kind.scales in {"route", "node", "supply", "demand", "flood"}
        assert set(kind.targets) <= kind.optional, name  # a target key is a key of the type
        assert kind.targets or kind.required - {"factor"}, f"{name} names nothing it touches"


@pytest.mark.parametrize(
    ("zone", "nodes"),
    [("alt", {"A"}), ("  MIDDLE ", {"H", "M"}), ("m", {"M"}), ("Market", {"M"}), ("South", {"A"}), ("X", set())],
)
def test_a_zone_is_node_id_name_or_region_ignoring_case(zone, nodes):
    ds = line_network()
    assert set(ds.nodes.loc[zone_node_mask(ds, zone), "node_id"]) == nodes


def test_zone_touches_its_nodes_and_their_last_mile_routes():
    ds = line_network()
    route_mask, node_mask = zone_masks(ds, "Middle")  # H and M: R1 ends at H, R2 joins them, R4 ends at M
    assert list(ds.routes.loc[route_mask, "route_id"]) == ["R1", "R2", "R4"]
    assert list(ds.nodes.loc[node_mask, "node_id"]) == ["H", "M"]


def test_flood_zones_and_ensemble_zones_pick_the_same_routes_and_nodes():
    ds = line_network()
    for zone in ("Middle", "alt", "m"):
        overlay = flood_overlay(ds, scenario_from_dict({"disruptions": [{"type": "flood", "zones": [zone]}]}))
        route_mask, node_mask = event_masks(ds, "zone", zone)
        assert set(overlay.loc[overlay["kind"] == "route", "id"]) == set(ds.routes.loc[route_mask, "route_id"])
        assert set(overlay.loc[overlay["kind"] == "node", "id"]) == set(ds.nodes.loc[node_mask, "node_id"])
        same = touched(ds, {"type": "flood", "zones": [zone]})
        assert np.array_equal(same[0], route_mask) and np.array_equal(same[1], node_mask)


def test_an_ensemble_zone_that_names_no_node_is_an_error_and_a_name_is_accepted():
    ds = line_network()
    spec = spec_from_dict(
        {"horizon_days": 1, "zones": {"market": {"p": 1, "days": [1]}, "Nowher": {"p": 1, "days": [1]}}}
    )
    problems = check_spec_targets(spec, ds)
    assert [p.column for p in problems] == ["zones.Nowher"]
    assert "zone 'Nowher' is not a node name, node_id or region" in problems[0].message


@pytest.mark.parametrize(("kind", "target"), [("route", "R3"), ("node", "H")])
def test_criticality_closes_what_the_closure_disruption_closes(kind, target):
    ds = line_network()
    route_mask, node_mask = closure_masks(ds, kind, target)
    f = scenario_factors(ds, scenario_from_dict({"disruptions": [closure(kind, target)]}))
    assert np.array_equal(route_mask, f.route[:, 0] == 0) and np.array_equal(node_mask, f.node[:, 0] == 0)
    assert route_mask.sum() + node_mask.sum() == 1


def test_closure_of_a_corridor_closes_its_routes(tiny):
    route_mask, node_mask = closure_masks(tiny, "corridor", "Tol Barat")
    assert set(tiny.routes.loc[route_mask, "route_id"]) == set(
        tiny.routes.loc[tiny.routes["corridor"] == "Tol Barat", "route_id"]
    )
    assert route_mask.any() and not node_mask.any()


def test_scenario_messages_name_the_type_in_bahasa():
    with pytest.raises(InvalidScenario) as exc:
        scenario_from_dict({"disruptions": [{"type": "close_route", "routes": ["R1"], "node": "H"}]})
    problem = exc.value.problems[0]
    assert problem.text("en") == "'node' is not a key of a close_route disruption (did you mean 'note'?)"
    with use_language("id"):
        assert str(problem.message).startswith("'node' bukan kunci gangguan penutupan rute (close_route)")


def test_a_type_declared_once_in_the_registry_is_validated_and_applied(monkeypatch):
    """A hub strike (throughput x factor at chosen nodes) needs only its registry entry."""
    strike = DisruptionType("hub_strike", "node", frozenset({"factor", "nodes"}), frozenset())
    monkeypatch.setitem(DISRUPTIONS, "hub_strike", strike)
    monkeypatch.setitem(CATALOG, "scenario.type.hub_strike", {"en": "hub_strike", "id": "mogok hub (hub_strike)"})
    ds = line_network(hub_throughput=100.0)
    with pytest.raises(InvalidScenario) as exc:  # its keys are checked ...
        scenario_from_dict({"disruptions": [{"type": "hub_strike", "nodes": ["H"]}]})
    assert [p.message for p in exc.value.problems] == ["a hub_strike disruption needs 'factor'"]
    doc = {"horizon_days": 2, "disruptions": [{"type": "hub_strike", "nodes": ["H"], "factor": 0.5, "end_day": 1}]}
    f = scenario_factors(ds, scenario_from_dict(doc))  # ... and it scales the node factors it declares
    assert f.node.tolist() == [[1, 1], [0.5, 1], [1, 1], [1, 1]]
    assert (f.route == 1).all() and (f.supply == 1).all() and (f.demand == 1).all()
