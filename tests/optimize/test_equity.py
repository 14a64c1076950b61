"""Fair sharing (foodchain.optimize.equity): hand-checked splits and the guarantee that it
never costs weighted shortfall."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foodchain import load_scenario, solve
from tests.conftest import SCENARIOS, make_dataset
from tests.optimize.test_oracle import networks


def shared_source(vulnerability: dict[str, float], supply_t: float = 10.0, demand_t: float = 10.0, stock=()):
    """One source S with ``supply_t`` a day, one free route to each market, ``demand_t`` each (and ``stock`` rows)."""
    held = {row["node_id"]: 100.0 for row in stock}
    nodes = [("S", "source")] + [
        {"node_id": m, "kind": "market", "vulnerability": v, "storage_t": held.get(m, 0.0)}
        for m, v in vulnerability.items()
    ]
    routes = [{"route_id": f"R-{m}", "origin": "S", "destination": m} for m in vulnerability]
    supply = [{"node_id": "S", "commodity": "rice", "supply_t_per_day": supply_t}]
    demand = [{"node_id": m, "commodity": "rice", "demand_t_per_day": demand_t} for m in vulnerability]
    return make_dataset(nodes, routes, supply, demand, stock)


def shares(result) -> dict[str, float]:
    s = result.shortfall.groupby("node_id")[["shortfall_t", "demand_t"]].sum()
    return (s["shortfall_t"] / s["demand_t"]).round(6).to_dict()


def weighted_shortfall(dataset, result) -> float:
    vuln = dataset.nodes.set_index("node_id")["vulnerability"]
    penalty = dataset.commodities.set_index("commodity")["shortfall_penalty_per_t"]
    s = result.shortfall
    return float((s["shortfall_t"] * s["node_id"].map(vuln) * s["commodity"].map(penalty)).sum())


@pytest.mark.parametrize("scarcity", [0.5, 0.3, 0.7, 0.37, 0.013, 0.999])
def test_two_equal_markets_short_of_the_same_share_get_equal_shares(scarcity):
    """Two markets of 10 t share (1 - scarcity) x 20 t: each is short of ``scarcity`` exactly,
    also between the breakpoints of a piecewise-linear penalty (0.37, 0.013, 0.999)."""
    ds = shared_source({"A": 1.0, "B": 1.0}, supply_t=20.0 * (1 - scarcity))
    on = shares(solve(ds))
    assert on == pytest.approx({"A": scarcity, "B": scarcity}, abs=1e-6)
    off = shares(solve(ds, equity=False))
    assert sum(off.values()) == pytest.approx(2 * scarcity)  # same total without equity, however split


@pytest.mark.parametrize(
    ("supply_t", "expected"),
    [
        (20.0, {"A": 0.0, "B": 0.5, "C": 0.5}),
        (13.0, {"A": 0.0, "B": 0.85, "C": 0.85}),
        (7.0, {"A": 0.3, "B": 1, "C": 1}),
    ],
)
def test_vulnerability_2_against_1_is_strict_priority_and_equal_weights_share(supply_t, expected):
    """The documented split, three markets of 10 t each: A (vulnerability 2) is served in
    full first, since a tonne short there weighs twice; B and C (1 each) share what is left
    equally. With 7 t, A gets all of it and is short of 30 %."""
    ds = shared_source({"A": 2.0, "B": 1.0, "C": 1.0}, supply_t=supply_t)
    assert shares(solve(ds)) == pytest.approx(expected, abs=1e-6)
    assert shares(solve(ds, equity=False))["A"] == pytest.approx(expected["A"], abs=1e-6)


def test_every_level_is_shared_exactly_not_only_the_worst():
    """Two separate pools: S1 (6 t) feeds A and B, S2 (14 t) feeds C and D, 10 t each. A
    min-max alone would fix only A and B (70 % short); C and D are each 30 % short too."""
    nodes = [("S1", "source"), ("S2", "source")] + [(m, "market") for m in "ABCD"]
    pool = {"A": "S1", "B": "S1", "C": "S2", "D": "S2"}
    routes = [{"route_id": f"R-{m}", "origin": s, "destination": m} for m, s in pool.items()]
    supply = [{"node_id": "S1", "commodity": "rice", "supply_t_per_day": 6.0}]
    supply += [{"node_id": "S2", "commodity": "rice", "supply_t_per_day": 14.0}]
    demand = [{"node_id": m, "commodity": "rice", "demand_t_per_day": 10.0} for m in pool]
    r = solve(make_dataset(nodes, routes, supply, demand))
    assert shares(r) == pytest.approx({"A": 0.7, "B": 0.7, "C": 0.3, "D": 0.3}, abs=1e-6)


@pytest.mark.parametrize("solver", ["clp-simplex", "cbc"])
def test_other_backends_get_the_same_fair_plan(solver):
    """Stage 1 on another backend; the fair stages restart on HiGHS from its solution."""
    ds = shared_source({m: 1.0 for m in "ABC"}, supply_t=11.0)
    assert shares(solve(ds, solver=solver)) == pytest.approx({m: 19 / 30 for m in "ABC"}, abs=1e-6)


def test_unequal_demand_shares_relative_to_demand():
    """Demand 10 and 30, 20 t to give: 20 t short, half of each zone's demand (5 and 15 t)."""
    nodes = [("S", "source"), ("A", "market"), ("B", "market")]
    routes = [{"route_id": f"R-{m}", "origin": "S", "destination": m} for m in "AB"]
    supply = [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 20}]
    demand = [{"node_id": "A", "commodity": "rice", "demand_t_per_day": 10}]
    demand += [{"node_id": "B", "commodity": "rice", "demand_t_per_day": 30}]
    r = solve(make_dataset(nodes, routes, supply, demand))
    assert shares(r) == {"A": 0.5, "B": 0.5}


def test_equity_comes_before_transport_cost():
    """B's route costs more; without equity A takes all 10 t, with equity each gets 5 t."""
    ds = shared_source({"A": 1.0, "B": 1.0})
    ds.routes.loc[ds.routes["route_id"] == "R-B", "cost_per_t"] = 50.0
    off, on = solve(ds, equity=False), solve(ds)
    assert shares(off) == {"A": 0.0, "B": 1.0}
    assert shares(on) == {"A": 0.5, "B": 0.5}
    assert on.transport_cost == pytest.approx(5 * 50.0)


def test_the_scenario_key_switches_equity_off(tiny):
    from dataclasses import replace

    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    on, off = solve(tiny, scenario), solve(tiny, replace(scenario, equity="off"))
    assert on.summary()["total_shortfall_t"] == pytest.approx(off.summary()["total_shortfall_t"])
    assert off.timings["equity"] == 0.0


def test_five_markets_share_exactly():
    """Five markets of 7 t, 12 t to give: each is short of 23 / 35 of its demand."""
    ds = shared_source({m: 1.0 for m in "ABCDE"}, supply_t=12.0, demand_t=7.0)
    values = np.array(list(shares(solve(ds)).values()))
    assert values == pytest.approx(np.full(5, 23 / 35), abs=1e-6)


@st.composite
def weighted_networks(draw):
    nodes, routes, supply, demand = draw(networks())
    vuln = {n: draw(st.sampled_from([0.5, 1.0, 1.0, 2.0])) for n in nodes}
    return nodes, routes, supply, demand, vuln


@settings(max_examples=40, deadline=None)
@given(weighted_networks())
def test_equity_never_changes_the_weighted_shortfall(net):
    nodes, routes, supply, demand, vuln = net
    node_rows = [{"node_id": n, "kind": "hub", "vulnerability": vuln[n]} for n in nodes]
    ds = make_dataset(node_rows, routes, supply, demand)
    on, off = solve(ds), solve(ds, equity=False)
    w_on, w_off = weighted_shortfall(ds, on), weighted_shortfall(ds, off)
    assert w_on == pytest.approx(w_off, rel=1e-6, abs=1e-6)


def _lp(dataset, scenario):
    from foodchain.optimize.factors import scenario_factors
    from foodchain.optimize.instance import build_instance
    from foodchain.optimize.lp import build_lp

    return build_lp(build_instance(dataset, scenario_factors(dataset, scenario, scenario.horizon_days)))


def _closed(routes: list[str], days: int = 3):
    from foodchain import Scenario

    return Scenario("closed", days, ({"type": "close_route", "routes": routes},))


def _shortfall_columns(lp, dataset, node: str) -> np.ndarray:
    fam = lp.variables["shortfall"]
    q = dataset.demand["node_id"].to_numpy()[fam.keys["q"]]
    return fam.start + np.flatnonzero(q == node)


def test_a_cut_off_market_is_fixed_at_100_percent_before_any_round():
    """C's only route is closed: C is short of everything in every plan; A and B share 10 t."""
    from foodchain.optimize.equity import determined_shortfall

    ds = shared_source({m: 1.0 for m in "ABC"})
    scenario = _closed(["R-C"])
    lp = _lp(ds, scenario)
    cols = np.concatenate([_shortfall_columns(lp, ds, m) for m in "ABC"])
    shares_fixed = determined_shortfall(lp, cols, np.full(len(cols), 10.0))
    assert np.isnan(shares_fixed[:6]).all() and (shares_fixed[6:] == 1.0).all()  # A, B free; C at 100 % each day
    assert shares(solve(ds, scenario)) == pytest.approx({"A": 0.5, "B": 0.5, "C": 1.0}, abs=1e-6)


def test_stock_at_a_cut_off_market_leaves_its_share_to_the_rounds():
    """With 5 t of stock at C the share of each day is a choice (which day gets the stock): not fixed."""
    from foodchain.optimize.equity import determined_shortfall

    ds = shared_source({m: 1.0 for m in "ABC"}, stock=[{"node_id": "C", "commodity": "rice", "initial_t": 5.0}])
    scenario = _closed(["R-C"])
    lp = _lp(ds, scenario)
    cols = _shortfall_columns(lp, ds, "C")
    assert np.isnan(determined_shortfall(lp, cols, np.full(len(cols), 10.0))).all()


@st.composite
def closed_networks(draw):
    nodes, routes, supply, demand = draw(networks())
    closed = draw(st.sets(st.sampled_from([r["route_id"] for r in routes]), max_size=3))
    days = draw(st.integers(1, 3))
    return nodes, routes, supply, demand, sorted(closed), days


@settings(max_examples=30, deadline=None)
@given(closed_networks())
def test_columns_proven_zero_are_zero_in_every_plan(net):
    """Oracle: maximise the sum of the columns :func:`zero_columns` marks over the LP's constraints: it is 0;
    and every shortfall it fixes is both the least and the most that column can be."""
    from dataclasses import replace

    from foodchain.optimize.backends import solve_lp
    from foodchain.optimize.equity import determined_shortfall, zero_columns

    nodes, routes, supply, demand, closed, days = net
    ds = make_dataset([(n, "hub") for n in nodes], routes, supply, demand)
    lp = _lp(ds, _closed(closed, days))
    zero = zero_columns(lp)
    if zero.any():
        most = solve_lp(replace(lp, cost=-zero.astype(float)), "highs-simplex")
        assert most.status == "optimal" and -most.objective <= 1e-7
    fam = lp.variables["shortfall"]
    cols = fam.start + np.arange(fam.size)
    demand_t = lp.upper[cols]
    keep = demand_t > 0
    forced = determined_shortfall(lp, cols[keep], demand_t[keep])
    for c, share, d in list(zip(cols[keep], forced, demand_t[keep]))[:6]:
        if np.isnan(share):
            continue
        for sign in (1.0, -1.0):
            cost = np.zeros(lp.shape[1])
            cost[c] = sign
            sol = solve_lp(replace(lp, cost=cost), "highs-simplex")
            assert sol.x[c] == pytest.approx(share * d, abs=1e-7)


@settings(max_examples=30, deadline=None)
@given(closed_networks())
def test_fixing_determined_shares_first_gives_the_same_fair_plan(net):
    """The same shares per node and day with the pre-fixing as with every share left to the rounds."""
    from foodchain.optimize import equity

    nodes, routes, supply, demand, closed, days = net
    ds = make_dataset([(n, "hub") for n in nodes], routes, supply, demand)
    scenario = _closed(closed, days)

    def per_day(result):
        s = result.shortfall
        return (s["shortfall_t"] / s["demand_t"].where(s["demand_t"] > 0)).fillna(0).round(6).to_numpy()

    fast = per_day(solve(ds, scenario))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(equity, "determined_shortfall", lambda lp, columns, demand: np.full(len(columns), np.nan))
        slow = per_day(solve(ds, scenario))
    assert fast == pytest.approx(slow, abs=1e-6)
