"""The Resolver's warm re-solves agree with full rebuilds through foodchain.solve."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from foodchain import load_scenario, scenario_from_dict, solve
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.resolver import Resolver, cached_resolver
from foodchain.optimize.sessions import AutoSession, ColdSession, HighsSession
from tests.analysis.networks import random_network
from tests.conftest import SCENARIOS

TINY_VARIANTS = [
    [{"type": "close_corridor", "corridor": "Tol Barat", "start_day": 1, "end_day": 2}],
    [{"type": "close_route", "routes": ["R-C-N"]}],
    [{"type": "route_capacity", "routes": ["R-E-C", "R-P-I"], "factor": 0.5, "start_day": 2}],
    [{"type": "close_node", "nodes": ["HUB-CENTRAL"], "start_day": 2, "end_day": 2}],
    [{"type": "close_node", "nodes": ["MKT-ISLAND"]}],  # a node without throughput: columns closed
    [{"type": "node_capacity", "nodes": ["HUB-PORT"], "factor": 0.25}],
    [{"type": "supply_shock", "nodes": ["SRC-EAST"], "commodities": ["rice"], "factor": 0.0}],
    [
        {"type": "close_corridor", "corridor": "Tol Timur"},
        {"type": "supply_shock", "nodes": ["SRC-WEST"], "factor": 0.5, "start_day": 3},
    ],
]


def _scenario(disruptions: list[dict], days: int = 3):
    return scenario_from_dict({"name": "variant", "horizon_days": days, "disruptions": disruptions})


def _assert_agrees(resolver: Resolver, dataset, scenario) -> None:
    out = resolver.solve_factors(scenario_factors(dataset, scenario))
    ref = solve(dataset, scenario)
    assert out.status == "optimal"
    assert out.objective == pytest.approx(ref.objective, rel=1e-9, abs=1e-6)
    assert out.total_shortfall_t == pytest.approx(ref.summary()["total_shortfall_t"], abs=1e-6)
    assert out.cost == pytest.approx(ref.transport_cost + ref.supply_cost, rel=1e-9, abs=1e-6)


@pytest.mark.parametrize("disruptions", TINY_VARIANTS, ids=range(len(TINY_VARIANTS)))
def test_tiny_variants_agree_with_full_solves(tiny, disruptions):
    resolver = Resolver(tiny, _scenario([]), 3)
    _assert_agrees(resolver, tiny, _scenario(disruptions))


def test_base_of_a_scenario_agrees_and_variants_add_to_it(tiny):
    base = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    resolver = Resolver(tiny, base)
    assert resolver.base.total_shortfall_t == pytest.approx(40.0)
    assert resolver.base.objective == pytest.approx(solve(tiny, base).objective)
    extra = _scenario(list(base.disruptions) + [{"type": "close_route", "routes": ["R-P-I"]}])
    _assert_agrees(resolver, tiny, extra)


def _random_variants(dataset, rng, n: int) -> list[list[dict]]:
    routes, hubs = list(dataset.routes["route_id"]), ["H0", "H1", "H2"]
    variants = []
    for _ in range(n):
        d = [{"type": "route_capacity", "routes": list(rng.choice(routes, 3, replace=False)), "factor": 0.4}]
        d.append({"type": "close_route", "routes": [str(rng.choice(routes))], "start_day": int(rng.integers(1, 3))})
        if rng.random() < 0.5:
            d.append({"type": "node_capacity", "nodes": [str(rng.choice(hubs))], "factor": 0.5})
        if rng.random() < 0.3:
            d.append({"type": "close_node", "nodes": [str(rng.choice(hubs))], "end_day": 1})
        if rng.random() < 0.4:
            d.append({"type": "supply_shock", "nodes": ["S1"], "factor": 0.3})
        variants.append(d)
    return variants


def test_random_network_variants_agree_with_full_solves():
    dataset = random_network(seed=3)
    resolver = Resolver(dataset, _scenario([]), 3)
    for disruptions in _random_variants(dataset, np.random.default_rng(11), 12):
        _assert_agrees(resolver, dataset, _scenario(disruptions))
    assert resolver.solves + resolver.skipped == 13


def test_answers_do_not_depend_on_the_order_of_variants():
    dataset = random_network(seed=5)
    variants = [_scenario(d) for d in _random_variants(dataset, np.random.default_rng(2), 6)]
    forward = Resolver(dataset, _scenario([]), 3)
    backward = Resolver(dataset, _scenario([]), 3)
    a = [forward.solve_factors(scenario_factors(dataset, s)).objective for s in variants]
    b = [backward.solve_factors(scenario_factors(dataset, s)).objective for s in reversed(variants)][::-1]
    assert a == pytest.approx(b, rel=1e-9)


def test_base_capacities_give_back_the_base(tiny):
    resolver = Resolver(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"))
    resolver.solve(resolver.capacities(scenario_factors(tiny, _scenario([]))))  # move away from the base
    again = resolver.solve()
    assert again.objective == pytest.approx(resolver.base.objective)
    assert again.total_shortfall_t == pytest.approx(40.0)


def test_a_demand_change_is_refused(tiny):
    resolver = Resolver(tiny, _scenario([]), 3)
    surge = _scenario([{"type": "demand_surge", "nodes": ["MKT-NORTH"], "factor": 1.5}])
    with pytest.raises(ValueError, match="demand"):
        resolver.solve_factors(scenario_factors(tiny, surge))


def test_cached_resolver_builds_once_per_dataset_and_scenario(tiny):
    a = cached_resolver(tiny, _scenario([]), 3)
    assert cached_resolver(tiny, _scenario([]), 3) is a
    assert cached_resolver(tiny, _scenario([]), 2) is not a


def test_closing_an_idle_route_reuses_the_base_optimum_and_a_busy_one_is_solved():
    dataset = random_network(seed=3)
    resolver = Resolver(dataset, _scenario([]), 3)
    used = solve(dataset, _scenario([])).flows.groupby("route_id")["flow_t"].sum()
    idle = [r for r in dataset.routes["route_id"] if used.get(r, 0.0) == 0.0]
    busy = used[used > 1.0].index.tolist()
    assert idle and busy
    for route, counter in ((idle[0], "skipped"), (busy[0], "solves")):
        before = getattr(resolver, counter)
        _assert_agrees(resolver, dataset, _scenario([{"type": "close_route", "routes": [route]}]))
        assert getattr(resolver, counter) == before + 1


def _with_stock_value(dataset, commodity: str, value: float):
    from foodchain import dataset_from_tables

    tables = {name: frame.copy() for name, frame in dataset.tables().items()}
    com = tables["commodities"]
    com["stock_value_per_t"] = np.where(com["commodity"] == commodity, value, np.nan)
    return dataset_from_tables(tables)


@pytest.mark.parametrize("seed", [0, 4])
def test_released_stock_agrees_with_a_rebuilt_dataset(tiny, seed):
    """Extra initial stock where some is held: warm re-solve = full solve of the dataset with more stock
    (tiny: 60 t of rice at the central hub; random networks: stock at hubs, a perishable commodity,
    a stock value so the stock_end and drawdown rows take part)."""
    from foodchain.analysis.levers import levers_from_list
    from foodchain.analysis.mitigation import rebuilt_dataset, stock_release

    dataset = tiny if seed == 0 else _with_stock_value(random_network(seed=seed), "rice", 50_000.0)
    scenario = _scenario([{"type": "close_corridor", "corridor": "Tol Barat"}] if seed == 0 else [])
    resolver = Resolver(dataset, scenario, 3)
    stock = dataset.stock[dataset.stock["initial_t"] > 0]
    assert len(stock)
    for node, commodity in zip(stock["node_id"], stock["commodity"]):
        for tonnes in (5.0, 400.0):
            doc = {"type": "release_stock", "node": node, "commodity": commodity, "t": tonnes, "cost_rp": 1.0}
            lever = levers_from_list([doc], dataset)[0]
            out = resolver.solve(stock_add=stock_release(resolver, lever))
            ref = solve(rebuilt_dataset(dataset, lever), scenario)
            assert out.objective == pytest.approx(ref.objective, rel=1e-9, abs=1e-6), (node, commodity, tonnes)
            assert out.total_shortfall_t == pytest.approx(ref.summary()["total_shortfall_t"], abs=1e-6)
    base = resolver.solve()  # the bounds go back: the base answer again
    assert base.objective == pytest.approx(resolver.base.objective, rel=1e-9)


def test_stock_where_none_is_held_is_not_a_warm_change(tiny):
    resolver = Resolver(tiny, _scenario([]), 2)
    n = int(np.flatnonzero(resolver.inst.node_ids == "MKT-NORTH")[0])
    with pytest.raises(ValueError, match="rebuild"):
        resolver.solve(stock_add={(n, 0): 5.0})


@pytest.mark.parametrize("solver", ["clp-simplex", "cbc"])
def test_other_backends_re_solve_from_scratch_and_agree(tiny, solver):
    """A backend without a warm session gets a cold one (open_session): same answers as solve."""
    resolver = Resolver(tiny, _scenario([]), 3, solver=solver)
    assert isinstance(resolver.session, ColdSession) and resolver.session.solver == solver
    assert isinstance(Resolver(tiny, _scenario([]), 3).session, AutoSession)
    assert isinstance(Resolver(tiny, _scenario([]), 3, solver="highs-simplex").session, HighsSession)
    for disruptions in TINY_VARIANTS[:3]:
        _assert_agrees(resolver, tiny, _scenario(disruptions))


def test_an_outcome_gives_the_result_tables_of_a_full_solve(tiny):
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    resolver = Resolver(tiny, _scenario([]), 3)
    mine = resolver.result(resolver.solve_factors(scenario_factors(tiny, scenario)))
    ref = solve(tiny, scenario)
    keys = ["node_id", "commodity", "day"]
    pd.testing.assert_frame_equal(
        mine.shortfall.sort_values(keys).reset_index(drop=True), ref.shortfall.sort_values(keys).reset_index(drop=True)
    )
    assert mine.summary()["total_shortfall_t"] == pytest.approx(40.0)


def test_auto_session_solves_cold_when_warm_re_solves_run_out_of_time_and_agrees(tiny, monkeypatch):
    """Every warm re-solve is given no time (the cold base "took" 1 ns): each variant is solved cold
    with ``auto``; after three attempts (all lost) the session stays cold; every answer equals a full solve."""
    monkeypatch.setattr(AutoSession, "WARM_FLOOR_S", 0.0)
    monkeypatch.setattr(AutoSession, "COLD_AFTER", 3)
    resolver = Resolver(tiny, _scenario([]), 3)
    session = resolver.session
    assert isinstance(session, AutoSession) and session.warm is not None and session.warm.basis is not None
    session.cold_s = 1e-9
    for i, disruptions in enumerate(TINY_VARIANTS):
        _assert_agrees(resolver, tiny, _scenario(disruptions))
        if i == 2:
            assert (session.losses, session.wins, session.cold_only) == (3, 0, True)
    assert session.losses == 3 and session.cold_only  # cold at once after that: no more warm attempts
