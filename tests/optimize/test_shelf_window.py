"""The running-window shelf-life rows give the same optimum as the direct rows they replace.

The direct form (:func:`direct_shelf_lp`, written here independently of ``lp.py``, one loop
per row) is ``stock[n,k,d] - sum of inflows at n of k on days d-L+1..d <= 0`` for
``d >= L - 1``. It replaces the ``shelf_life`` rows and ``shelf_room`` columns of the built
LP; both are solved and must agree on objective and total shortfall.
"""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from foodchain import load_dataset, load_scenario
from foodchain.optimize import lp as lp_module
from foodchain.optimize.backends import solve_lp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import DIRECT_SHELF_LIFE_DAYS, LinearProgram, build_lp
from foodchain.optimize.scenario import Scenario
from tests.analysis.networks import random_network
from tests.conftest import ROOT, SCENARIOS


@pytest.fixture(scope="module")
def jakarta():
    return load_dataset(ROOT / "sample_data" / "jakarta")


def direct_shelf_lp(inst, lp: LinearProgram) -> LinearProgram:
    """``lp`` with its shelf-life family written out directly (every inflow of the window in the row)."""
    stock, flow, sup = lp.variables["stock"], lp.variables["flow"], lp.variables["supply"]
    room, shelf = lp.variables["shelf_room"], lp.constraints["shelf_life"]
    inflow: dict[tuple[int, int, int], list[int]] = {}
    for j in range(flow.size):
        r, k, d = (int(flow.keys[x][j]) for x in ("r", "k", "d"))
        key = (int(inst.route_dest[r]), k, d + int(inst.route_lead[r]))
        inflow.setdefault(key, []).append(flow.start + j)
    for j in range(sup.size):
        s, d = int(sup.keys["s"][j]), int(sup.keys["d"][j])
        inflow.setdefault((int(inst.supply_node[s]), int(inst.supply_k[s]), d), []).append(sup.start + j)
    stock_col = {
        (int(stock.keys["n"][j]), int(stock.keys["k"][j]), int(stock.keys["d"][j])): stock.start + j
        for j in range(stock.size)
    }
    rows, cols, vals = [], [], []
    for i, (n, k, d) in enumerate(zip(*(shelf.keys[x] for x in ("n", "k", "d")))):
        life = int(inst.shelf_life[k])
        rows.append(i), cols.append(stock_col[(int(n), int(k), int(d))]), vals.append(1.0)
        for t in range(int(d) - life + 1, int(d) + 1):
            for c in inflow.get((int(n), int(k), t), []):
                rows.append(i), cols.append(c), vals.append(-1.0)
    keep_rows = np.setdiff1d(np.arange(lp.shape[0]), np.arange(shelf.start, shelf.start + shelf.size))
    keep_cols = np.setdiff1d(np.arange(lp.shape[1]), np.arange(room.start, room.start + room.size))
    direct = sp.csr_matrix((vals, (rows, cols)), shape=(shelf.size, lp.shape[1]))
    matrix = sp.vstack([lp.matrix.tocsr()[keep_rows], direct]).tocsc()[:, keep_cols]
    return LinearProgram(
        lp.cost[keep_cols],
        lp.lower[keep_cols],
        lp.upper[keep_cols],
        matrix,
        np.concatenate([lp.row_lower[keep_rows], np.full(shelf.size, -np.inf)]),
        np.concatenate([lp.row_upper[keep_rows], np.zeros(shelf.size)]),
    )


def assert_same_optimum(inst) -> None:
    lp = build_lp(inst)
    assert lp.constraints["shelf_life"].size > 0, "the case must have shelf-life rows"
    ours, direct = solve_lp(lp, "highs-simplex"), solve_lp(direct_shelf_lp(inst, lp), "highs-simplex")
    assert ours.status == direct.status == "optimal"
    assert ours.objective == pytest.approx(direct.objective, rel=1e-7)
    short = lp.variables["shortfall"]
    shortfall = ours.x[short.slice].sum()
    assert shortfall == pytest.approx(direct.x[short.slice].sum(), rel=1e-7, abs=1e-6)


@pytest.mark.parametrize("seed", range(6))
def test_random_networks_with_a_two_day_shelf_life(seed):
    dataset = random_network(seed)
    assert_same_optimum(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=6), 6)))


@pytest.mark.parametrize("days", [5, 12])
def test_jakarta_lebaran(jakarta, days):
    scenario = load_scenario(SCENARIOS / "lebaran_pibc_closed.json")
    assert_same_optimum(build_instance(jakarta, scenario_factors(jakarta, scenario, days)))


@pytest.mark.parametrize("direct_days", [0, 1])
def test_every_life_as_a_window(monkeypatch, direct_days):
    """With (almost) every shelf life written as a running window, on random networks and Jakarta."""
    monkeypatch.setattr(lp_module, "DIRECT_SHELF_LIFE_DAYS", direct_days)
    dataset = random_network(3)
    assert_same_optimum(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=7), 7)))
    jakarta = load_dataset(ROOT / "sample_data" / "jakarta")
    scenario = load_scenario(SCENARIOS / "lebaran_pibc_closed.json")
    assert_same_optimum(build_instance(jakarta, scenario_factors(jakarta, scenario, 12)))


def test_each_arrival_of_a_long_life_enters_at_most_two_shelf_life_rows(jakarta):
    """The window rows are linear in the horizon: at 200 days each flow or supply column of a commodity
    that keeps more than DIRECT_SHELF_LIFE_DAYS (rice 180, garlic 90) sits in at most two shelf-life rows,
    and each stock and room column in at most two (its own day's row and the next day's)."""
    inst = build_instance(jakarta, scenario_factors(jakarta, Scenario(horizon_days=200), 200))
    lp = build_lp(inst)
    block = lp.matrix.tocsr()[lp.constraints["shelf_life"].slice].tocsc()
    per_column = np.diff(block.indptr)
    flow = lp.variables["flow"]
    long = inst.shelf_life[flow.keys["k"]] > DIRECT_SHELF_LIFE_DAYS
    assert per_column[flow.slice][long].max() == 2
    assert per_column[flow.slice][~long].max() == DIRECT_SHELF_LIFE_DAYS  # shallot: 30 days, written directly
    assert per_column[lp.variables["supply"].slice].max() <= 2  # Jakarta's supply is at sources, which hold no stock
    for name in ("stock", "shelf_room"):
        assert per_column[lp.variables[name].slice].max() <= 2  # its own day's row and the next day's
