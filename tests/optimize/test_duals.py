"""Shadow prices: what one more t/day of a bottleneck route or hub is worth."""

from __future__ import annotations

import pytest

from foodchain import solve
from tests.conftest import make_dataset


def test_bottleneck_route_is_worth_penalty_minus_path_cost():
    # 15 t demanded, 10 t/day fit on the only route: one more t/day saves the penalty
    # (1000) and costs the route (5) and the supply (2): 993 Rp per t/day.
    ds = make_dataset(
        [("S", "source"), ("M", "market")],
        [{"route_id": "R", "origin": "S", "destination": "M", "capacity_t_per_day": 10, "cost_per_t": 5}],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 100, "cost_per_t": 2}],
        [{"node_id": "M", "commodity": "rice", "demand_t_per_day": 15}],
    )
    for solver in ("highs", "clp-simplex", "cbc"):
        r = solve(ds, solver=solver)
        use = r.route_use.set_index("route_id")
        assert use.loc["R", "shadow_price"] == pytest.approx(993.0), solver
        assert use.loc["R", "utilisation"] == pytest.approx(1.0)


def test_a_cheaper_parallel_route_prices_the_saving_not_the_penalty():
    # Demand is met; the cheap route (cost 1) is full, the dear one (cost 4) takes the rest:
    # one more t/day on the cheap route saves 3.
    ds = make_dataset(
        [("S", "source"), ("M", "market")],
        [
            {"route_id": "cheap", "origin": "S", "destination": "M", "capacity_t_per_day": 6, "cost_per_t": 1},
            {"route_id": "dear", "origin": "S", "destination": "M", "capacity_t_per_day": 50, "cost_per_t": 4},
        ],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 100}],
        [{"node_id": "M", "commodity": "rice", "demand_t_per_day": 15}],
    )
    r = solve(ds)
    use = r.route_use.set_index("route_id")["shadow_price"]
    assert use["cheap"] == pytest.approx(3.0)
    assert use["dear"] == pytest.approx(0.0)


def test_hub_throughput_dual():
    ds = make_dataset(
        [("S", "source"), {"node_id": "H", "kind": "hub", "throughput_t_per_day": 8}, ("M", "market")],
        [
            {"route_id": "a", "origin": "S", "destination": "H", "cost_per_t": 1},
            {"route_id": "b", "origin": "H", "destination": "M", "cost_per_t": 1},
        ],
        [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 100}],
        [{"node_id": "M", "commodity": "rice", "demand_t_per_day": 15}],
    )
    r = solve(ds)
    hub = r.node_use.set_index("node_id").loc["H"]
    assert hub["arrivals_t"] == pytest.approx(8) and hub["departures_t"] == pytest.approx(8)
    assert hub["shadow_price"] == pytest.approx(1000 - 2)
    assert r.summary()["total_shortfall_t"] == pytest.approx(7)
