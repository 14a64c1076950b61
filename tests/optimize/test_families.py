"""A capacity family declared once in optimize/families.py reaches solve, N-1 and ensembles.

The test declares a new family, ``cold_chain[r, d]``: chili (a chilled commodity) on route
``r`` leaving on day ``d`` may use at most 30 % of the route's capacity that day,
``flow[r, chili, d] <= 0.3 x cap(r) x factor(r, d)``. Nothing else names it.

The network (hand-checked): source S, market M wanting 2 t of rice and 10 t of chili a day;
route R1 (10 t/day, corridor C) and R2 (5 t/day, corridor D) from S to M; supply plenty.
Without the family 12 t fit into 15 t/day: nothing short. With it chili gets at most
0.3 x (10 + 5) = 4.5 t, so 5.5 t of chili go short.
"""

from __future__ import annotations

import numpy as np
import pytest

from foodchain import Scenario, solve
from foodchain.analysis.criticality import criticality
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import draw_run, run_seeds, spec_from_dict
from foodchain.optimize import families
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.families import CapacityRows
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from tests.conftest import make_dataset

SHARE = 0.3


def chilled_departures(inst, flow):
    """``flow[r, chili, d]`` counts against route ``r`` on its departure day; other commodities do not."""
    return flow.keys["r"], flow.keys["d"], inst.commodity_ids[flow.keys["k"]] == "chili"


@pytest.fixture
def cold_chain(monkeypatch):
    """Declare ``cold_chain`` once, for this test only."""
    spec = CapacityRows("cold_chain", "route", "flow", chilled_departures, share=SHARE)
    monkeypatch.setattr(families, "CAPACITY_ROWS", families.CAPACITY_ROWS + (spec,))


@pytest.fixture
def market():
    return make_dataset(
        [("S", "source"), ("M", "market")],
        [
            {"route_id": "R1", "origin": "S", "destination": "M", "capacity_t_per_day": 10, "corridor": "C"},
            {"route_id": "R2", "origin": "S", "destination": "M", "capacity_t_per_day": 5, "corridor": "D"},
        ],
        [
            {"node_id": "S", "commodity": "rice", "supply_t_per_day": 50},
            {"node_id": "S", "commodity": "chili", "supply_t_per_day": 50},
        ],
        [
            {"node_id": "M", "commodity": "rice", "demand_t_per_day": 2},
            {"node_id": "M", "commodity": "chili", "demand_t_per_day": 10},
        ],
        commodities=[
            {"commodity": "rice", "shortfall_penalty_per_t": 1000.0},
            {"commodity": "chili", "shortfall_penalty_per_t": 3000.0},
        ],
    )


def _chili_short(result) -> float:
    s = result.shortfall
    return float(s.loc[s["commodity"] == "chili", "shortfall_t"].sum())


def test_without_the_declaration_nothing_is_short(market):
    assert solve(market).summary()["total_shortfall_t"] == pytest.approx(0.0, abs=1e-9)


def test_solve_builds_the_declared_family(market, cold_chain):
    lp = build_lp(build_instance(market, scenario_factors(market, Scenario(), 1)))
    assert lp.constraints["cold_chain"].size == 2  # R1 and R2 on day 1
    result = solve(market)
    assert _chili_short(result) == pytest.approx(10 - SHARE * 15)
    chili = result.flows[result.flows["commodity"] == "chili"].set_index("route_id")["flow_t"]
    assert chili.to_dict() == pytest.approx({"R1": SHARE * 10, "R2": SHARE * 5})


def test_n1_closures_honour_the_declared_family(market, cold_chain):
    # Base: 5.5 t short. Closing R1 leaves 0.3 x 5 = 1.5 t of chili: 8.5 t short (+3.0);
    # closing R2 leaves 0.3 x 10 = 3 t: 7 t short (+1.5). Without the family: +7 and +2.
    table = criticality(market, Scenario(), "routes").set_index("target")
    assert table.loc["R1", "added_shortfall_t"] == pytest.approx(3.0)
    assert table.loc["R2", "added_shortfall_t"] == pytest.approx(1.5)
    for route in ("R1", "R2"):
        closed = solve(market, Scenario(disruptions=({"type": "close_route", "routes": [route]},)))
        assert table.loc[route, "shortfall_t"] == pytest.approx(closed.summary()["total_shortfall_t"])


def test_ensemble_floods_scale_the_declared_family(market, cold_chain):
    # Corridor C floods with a depth-drawn factor f: R1 carries 10 f, chili at most 0.3 (10 f + 5),
    # so 8.5 - 3 f t go short. A session that kept the family's base bounds would say 5.5 t.
    doc = {"horizon_days": 1, "corridors": {"C": {"p": 1.0, "days": [1], "depth_m": [0.1, 0.6]}}}
    result = run_ensemble(market, spec_from_dict(doc), 12, seed=3)
    f = np.array([draw_run(spec_from_dict(doc), s)[1][0][0].factor for s in run_seeds(3, 12)])
    assert (f < 1).any() and (f > 0).any()
    assert result.runs["total_shortfall_t"].to_numpy() == pytest.approx(8.5 - 3 * f, abs=1e-6)
