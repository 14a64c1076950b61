"""Fair sharing of what is short: a second, warm-started stage after the least-shortfall solve.

The first stage is the LP of :mod:`foodchain.optimize.lp`. Its objective is linear in the
shortfall, so when food is short it is indifferent between starving one zone and spreading
the gap over many; the solver returns a vertex, usually the all-or-nothing one. The second
stage keeps the weighted shortfall of the first and, among the plans that reach it, picks
the one that shares the gap most evenly relative to each zone's demand.

Notation: demand row ``q`` (node ``n(q)``, commodity ``k(q)``), day ``d``, demand
``D[q,d]``, shortfall ``s[q,d]``, weight ``w(q) = penalty(k(q)) x vulnerability(n(q))``
(Rp per tonne short), weighted shortfall ``W = sum w(q) s[q,d]``, and the unmet share
``x[q,d] = s[q,d] / D[q,d]``.

Stage 1 (the model of ``lp.py``): ``min C(flow, supply, drawdown) + W``; optimum ``W1``.

Stage 2, with ``J`` = :data:`SEGMENTS` equal pieces of the unmet share:

* ``s[q,d] = sum_j u[q,d,j]``, ``0 <= u[q,d,j] <= D[q,d] / J``  (row ``unmet_link``);
* ``sum w(q) s[q,d] <= W1``  (row ``shortfall_cap``; the first optimum as a bound);
* ``min sum_{q,d,j} w(q) (j + 1) / 10 u[q,d,j] + C(flow, supply, drawdown)``.

The penalty ``E = sum w(q) D[q,d] phi(x[q,d])`` has ``phi`` convex and piecewise linear
with slopes ``0.1, 0.2, ..., J/10`` on the pieces ``[j/J, (j+1)/J]``, so the cheaper pieces
fill first and the marginal cost of one more tonne short grows with the zone's unmet share:
moving a tonne short from a zone whose share is in piece ``a`` to one in piece ``b < a``
lowers ``E`` by ``w (a - b) / 10``. (The top slope is ``2 w`` with ``J = 20``, so stage 2's
costs stay near stage 1's: HiGHS refused objectives ten times larger on Jakarta.) At the optimum no such move that keeps ``W`` is left, so zones of
equal weight that compete for the same food end with unmet shares in the same piece
(within ``1/J`` = 5 percentage points of each other; exactly equal where the even split
falls on a breakpoint, as two equal zones short of half their demand). Within a piece the
LP is indifferent, which is the price of staying linear.

What this guarantees:

* ``W(stage 2) <= W1`` (up to the solver's feasibility tolerance): equity never costs weighted shortfall (the bound is a
  constraint, not a price). Zones of higher vulnerability keep strict priority: moving a
  tonne short from a zone of weight 2p to one of weight p would lower ``W``, which stage 1
  has already done; so with vulnerability 2 against 1 the more vulnerable zone is served in
  full before the other gets any of the contested food.
* Transport cost comes after equity: one step of ``E`` is worth ``w / 10`` per tonne; the
  default penalty is 10 times the dearest delivery path (:func:`~foodchain.optimize.instance.default_penalty`),
  so a step is worth at least any path's cost and the stage does not trade
  fairness for cheaper transport (Jakarta's penalties are over 1,000 times its route costs).

Shadow prices (duals) are those of stage 1: the value of capacity in penalty saved.
Stage 2 runs only when stage 1 left some demand short; it starts from stage 1's basis
(HiGHS keeps it when columns and rows are added), so it is a short warm re-solve.
Columns of commodities with no shortfall in stage 1 get no pieces: their shortfall costs
``J w(q) / 10``, the top slope, so stage 2 never gains by moving a gap onto them.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
import scipy.sparse as sp

from foodchain.errors import SolverError
from foodchain.optimize.backends import Solution, run_highs, solve_lp
from foodchain.optimize.instance import Instance
from foodchain.optimize.lp import Family, LinearProgram

SEGMENTS = 20  # pieces of 5 % of a zone's demand
STEP = 0.1  # slope added per piece, as a share of w: a step is worth w / 10 per tonne
NOTHING_SHORT_T = 1e-6


@dataclass
class EquityStage:
    """What stage 2 adds to the LP of stage 1 (see the module docstring).

    ``cost`` is the stage-2 cost of the existing columns; the new columns are the pieces
    ``u[q,d,j]``; ``rows`` [new rows x (old + new columns)] holds the ``unmet_link`` rows,
    then the ``shortfall_cap`` row.
    """

    cost: np.ndarray
    piece_cost: np.ndarray
    piece_upper: np.ndarray
    piece_keys: dict[str, np.ndarray]
    rows: sp.csr_matrix
    row_lower: np.ndarray
    row_upper: np.ndarray


def shortfall_weights(lp: LinearProgram) -> np.ndarray:
    """``w`` of each shortfall column: its stage-1 cost (penalty x vulnerability)."""
    return lp.cost[lp.variables["shortfall"].slice]


def needs_equity(lp: LinearProgram, x: np.ndarray) -> bool:
    """Did stage 1 leave anything short? (Otherwise there is nothing to share.)"""
    return float(x[lp.variables["shortfall"].slice].sum()) > NOTHING_SHORT_T


def equity_stage(lp: LinearProgram, inst: Instance, x: np.ndarray) -> EquityStage:
    """Stage 2's columns, rows and costs, given stage 1's solution ``x``."""
    fam = lp.variables["shortfall"]
    q, d = fam.keys["q"], fam.keys["d"]
    w = shortfall_weights(lp)
    short = x[fam.slice]
    k = inst.demand_k[q]
    active = np.isin(k, np.unique(k[short > NOTHING_SHORT_T]))
    cost = lp.cost.copy()
    cost[fam.slice] = np.where(active, 0.0, STEP * SEGMENTS * w)
    a = np.flatnonzero(active)
    j = np.tile(np.arange(SEGMENTS), len(a))
    member = np.repeat(a, SEGMENTS)
    n_old, n_new = lp.shape[1], len(member)
    links = len(a)
    # unmet_link: s[q,d] - sum_j u[q,d,j] = 0
    link_rows = np.concatenate([np.arange(links), np.repeat(np.arange(links), SEGMENTS)])
    link_cols = np.concatenate([fam.start + a, n_old + np.arange(n_new)])
    link_vals = np.concatenate([np.ones(links), -np.ones(n_new)])
    # shortfall_cap: sum (w / w_max) s <= W1 / w_max (no room: stage 1's plan meets it; room lets noise in)
    scale = float(w.max()) if len(w) else 1.0
    w1 = float(w @ short) / scale
    rows = sp.csr_matrix(
        (
            np.concatenate([link_vals, w / scale]),
            (
                np.concatenate([link_rows, np.full(len(w), links)]),
                np.concatenate([link_cols, fam.start + np.arange(fam.size)]),
            ),
        ),
        shape=(links + 1, n_old + n_new),
    )
    return EquityStage(
        cost=cost,
        piece_cost=w[member] * (j + 1) * STEP,
        piece_upper=inst.demand[q[member], d[member]] / SEGMENTS,
        piece_keys={"q": q[member], "d": d[member], "j": j},
        rows=rows,
        row_lower=np.concatenate([np.zeros(links), [-np.inf]]),
        row_upper=np.concatenate([np.zeros(links), [w1]]),
    )


def stage_two_lp(lp: LinearProgram, stage: EquityStage) -> LinearProgram:
    """Stage 2 as one :class:`LinearProgram` (for backends that cannot add to a model in place)."""
    n_old, n_rows = lp.shape[1], lp.shape[0]
    n_new = len(stage.piece_cost)
    matrix = sp.vstack([sp.hstack([lp.matrix, sp.csc_matrix((n_rows, n_new))]), stage.rows]).tocsc()
    links = stage.rows.shape[0] - 1
    variables = dict(lp.variables) | {"unmet_piece": Family("unmet_piece", n_old, stage.piece_keys)}
    link_keys = {key: v[::SEGMENTS] for key, v in stage.piece_keys.items() if key != "j"}
    constraints = dict(lp.constraints) | {
        "unmet_link": Family("unmet_link", n_rows, link_keys),
        "shortfall_cap": Family("shortfall_cap", n_rows + links, {"i": np.zeros(1, dtype=np.int64)}),
    }
    return LinearProgram(
        cost=np.concatenate([stage.cost, stage.piece_cost]),
        lower=np.concatenate([lp.lower, np.zeros(n_new)]),
        upper=np.concatenate([lp.upper, stage.piece_upper]),
        matrix=matrix,
        row_lower=np.concatenate([lp.row_lower, stage.row_lower]),
        row_upper=np.concatenate([lp.row_upper, stage.row_upper]),
        variables=variables,
        constraints=constraints,
    )


def _highs_bounds(values: np.ndarray) -> np.ndarray:
    return np.clip(values, -highspy.kHighsInf, highspy.kHighsInf)


def run_stage_two_highs(h: highspy.Highs, lp: LinearProgram, stage: EquityStage, x: np.ndarray) -> Solution:
    """Add stage 2 to the HiGHS model ``h`` that holds stage 1's optimum ``x``, run it warm, then take it out again.

    The start is stage 1's basis extended to a primal-feasible basis of stage 2
    (:func:`stage_two_basis`), so primal simplex only has to improve fairness, not restore
    feasibility. Afterwards ``h`` holds stage 1's LP and costs again, without a solution or
    basis (a caller re-solving warm sets its basis first).
    """
    m_old, n_old = lp.shape
    n_new, m_new = len(stage.piece_cost), stage.rows.shape[0]
    basis = stage_two_basis(h.getBasis(), stage, x)
    h.setOptionValue("solver", "simplex")
    h.setOptionValue("simplex_strategy", 4)  # primal: the start is feasible, only the costs changed
    empty_i, empty_f = np.zeros(0, np.int32), np.zeros(0)
    h.addCols(
        n_new, stage.piece_cost, np.zeros(n_new), stage.piece_upper, 0, np.zeros(n_new, np.int32), empty_i, empty_f
    )
    r = stage.rows
    h.addRows(
        m_new,
        _highs_bounds(stage.row_lower),
        _highs_bounds(stage.row_upper),
        r.nnz,
        r.indptr[:-1].astype(np.int32),
        r.indices.astype(np.int32),
        r.data,
    )
    old = np.arange(n_old, dtype=np.int32)
    h.changeColsCost(n_old, old, stage.cost)
    h.setBasis(basis)
    try:
        sol = run_highs(h, "equity")
    finally:
        h.setOptionValue("simplex_strategy", 1)  # back to dual simplex for warm re-solves
        h.deleteRows(m_new, np.arange(m_old, m_old + m_new, dtype=np.int32))
        h.deleteCols(n_new, np.arange(n_old, n_old + n_new, dtype=np.int32))
        h.changeColsCost(n_old, old, lp.cost)
        h.clearSolver()  # no factorisation of stage 2 carried into the next solve: same answers in any order
    return sol


def stage_two_basis(first: highspy.HighsBasis, stage: EquityStage, x: np.ndarray) -> highspy.HighsBasis:
    """Stage 1's basis extended to stage 2, primal feasible at stage 1's optimum ``x``.

    For each shortfall ``s`` with pieces, the pieces below ``s`` sit at their upper bound,
    the piece that holds the rest of ``s`` is basic and its ``unmet_link`` row nonbasic;
    where ``s = 0`` every piece is at 0 and the link row is basic. The ``shortfall_cap`` row
    is basic. That is one basic variable per new row, as a basis needs.
    """
    links = stage.rows.shape[0] - 1
    link_col = stage.rows[:links].indices[stage.rows[:links].data > 0]  # the shortfall column of each link
    short = np.clip(x[link_col], 0.0, None)
    width = stage.piece_upper.reshape(links, SEGMENTS)
    filled = np.cumsum(width, axis=1)
    at_upper = filled <= short[:, None] * (1 + 1e-12)
    first_open = np.minimum(at_upper.sum(axis=1), SEGMENTS - 1)  # the piece that holds the rest
    holds = (short > 0) & ~at_upper[np.arange(links), first_open]
    B = highspy.HighsBasisStatus
    pieces = np.where(at_upper, B.kUpper, B.kLower).astype(object)
    pieces[np.flatnonzero(holds), first_open[holds]] = B.kBasic
    link_rows = np.where(holds, B.kLower, B.kBasic).astype(object)
    basis = highspy.HighsBasis()
    basis.col_status = list(first.col_status) + list(pieces.ravel())
    basis.row_status = list(first.row_status) + list(link_rows) + [B.kBasic]
    basis.valid = True
    return basis


def second_stage(lp: LinearProgram, inst: Instance, first: Solution, solver: str, time_limit=None) -> Solution:
    """Stage 2 after ``first`` (stage 1's optimum): the fair plan, with stage 1's duals.

    Runs in place and warm on a HiGHS model (``first.model``); other backends solve the
    stage-2 LP (:func:`stage_two_lp`) with the same ``solver``. Returns ``first`` unchanged
    when nothing is short. ``objective`` is stage 1's objective evaluated at the fair plan
    (cost + weighted shortfall), so it is comparable with equity off.
    """
    if not needs_equity(lp, first.x):
        return first
    stage = equity_stage(lp, inst, first.x)
    if isinstance(first.model, highspy.Highs):
        second = run_stage_two_highs(first.model, lp, stage, first.x)
    else:
        second = solve_lp(stage_two_lp(lp, stage), solver, time_limit)
    if second.status != "optimal":
        raise SolverError(f"the fair-sharing stage stopped without an optimal solution: {second.status}")
    x = second.x[: lp.shape[1]]
    return Solution(
        status=first.status,
        objective=float(lp.cost @ x),
        x=x,
        row_dual=first.row_dual,
        solve_seconds=first.solve_seconds + second.solve_seconds,
        solver=first.solver,
        model=first.model,
    )
