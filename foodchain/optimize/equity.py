"""Fair sharing of what is short: exact lexicographic max-min after the least-shortfall solve.

The first stage is the LP of :mod:`foodchain.optimize.lp`. Its objective is linear in the
shortfall, so when food is short it is indifferent between starving one zone and spreading
the gap over many; the solver returns a vertex, usually the all-or-nothing one. The stages
below keep the weighted shortfall of the first and, among the plans that reach it, pick the
one whose unmet shares (relative to each zone's demand) are *lexicographically smallest from
the top*: the largest unmet share is as small as it can be, then the next largest, and so on.

Notation: demand row ``q`` (node ``n(q)``, commodity ``k(q)``), day ``d``, demand
``D[q,d]``, shortfall ``s[q,d]``, weight ``w(q) = penalty(k(q)) x vulnerability(n(q))``
(Rp per tonne short), weighted shortfall ``W = sum w(q) s[q,d]``, unmet share
``x[q,d] = s[q,d] / D[q,d]``, and ``C`` the rest of the objective (transport, supply, stock).
``F`` is the set of the model's other constraints (balances, capacities, ...).

Stage 1 (the model of ``lp.py``): ``min C + W`` over ``F``; optimum ``W1``.

Stage 2, the levels (sequential min-max, Ogryczak's leximin). Start with every contested
``(q,d)`` free (its commodity is short somewhere in stage 1 and ``D[q,d] > 0``; a commodity
nobody is short of stays fully served: ``s = 0``). Repeat:

* ``min t``  over ``F``,  ``W <= W1``  (row ``shortfall_cap``; the first optimum as a bound),
  ``x[q,d] <= t`` for every free ``(q,d)``  (rows ``share_level``),
  ``s[q,d] <= D[q,d] v[q,d]`` for every fixed ``(q,d)``;
* with optimum ``t*``: every free ``(q,d)`` whose ``share_level`` row has a nonzero dual
  cannot go below ``t*`` in any optimal plan (complementary slackness), so it is fixed at
  ``v[q,d] = t*`` (its row is dropped and its share bounded instead). When ``t* = 0`` all
  the rest are fixed at 0.

The duals of the row family sum to 1 (the cost of ``t``), so every round fixes at least one
row and the loop ends; in practice it takes about one round per distinct share level (4 on
the Jakarta Lebaran scenario). Zones that tie at 100 % get degenerate duals and would be
fixed a few at a time (111 rounds at 100 % on the January 2020 flood), so before the first
round every ``(q,d)`` whose shortfall is the same in *every* plan of ``F`` is fixed at that
share (:func:`determined_shortfall`: a zone-day that nothing can reach, because the routes,
hubs and stock that could feed it are closed or empty).

Stage 3, the cost: ``min C + W`` over ``F``, ``W <= W1``, ``s[q,d] <= D[q,d] v[q,d]``.
Among the fair plans it takes the cheapest, so transport cost comes strictly after equity
(no tonne of fairness is ever traded for cheaper transport), and fixed shares cannot fall
below their level without lowering ``W`` below its minimum ``W1``.

What this guarantees:

* ``W(stage 3) <= W1`` (up to the solver's feasibility tolerance): equity never costs
  weighted shortfall (the bound is a constraint, not a price).
* Zones that compete for the same food with the same weight end with *exactly* equal
  unmet shares, at any level of scarcity (two zones short of 30 %, 37 % or 70 % of what they
  need together are each short of 30 %, 37 % or 70 %). Shares are relative to demand: a
  zone needing 30 t and one needing 10 t, given half of it, get 15 t and 5 t.
* Vulnerability gives strict priority: moving a tonne short from a zone of weight ``2p`` to
  one of weight ``p`` would lower ``W`` (stage 1 has done it already) and moving it back
  raises ``W`` above ``W1``; so with vulnerability 2 against 1 the more vulnerable zone is
  served in full before the other gets any of the contested food, and zones of equal weight
  share what is left equally.

Shadow prices (duals) are those of stage 1: the value of capacity in penalty saved. The
stages run only when stage 1 left some demand short. On a HiGHS model they run in place,
warm: each round changes bounds only, so primal simplex starts from the last round's basis
(the first round from stage 1's basis extended by :func:`level_basis`). Other backends' stage
1 is handed to HiGHS through crossover from its primal and dual solution.
"""

from __future__ import annotations

import time

import highspy
import numpy as np

from foodchain.errors import SolverError
from foodchain.messages import msg
from foodchain.optimize.backends import Solution, highs_model, run_highs
from foodchain.optimize.instance import Instance
from foodchain.optimize.lp import LinearProgram

NOTHING_SHORT_T = 1e-6
BLOCKING_DUAL = 1e-9  # a share_level row whose dual is below -this holds t up
ZERO_SHARE = 1e-9
PRIMAL_SIMPLEX, DUAL_SIMPLEX = 4, 1
INF = highspy.kHighsInf


def shortfall_weights(lp: LinearProgram) -> np.ndarray:
    """``w`` of each shortfall column: its stage-1 cost (penalty x vulnerability)."""
    return lp.cost[lp.variables["shortfall"].slice]


def needs_equity(lp: LinearProgram, x: np.ndarray) -> bool:
    """Did stage 1 leave anything short? (Otherwise there is nothing to share.)

    Parameters
    ----------
    lp : LinearProgram
        The stage 1 LP.
    x : numpy.ndarray
        Stage 1's column values.

    Returns
    -------
    bool
        ``sum_(q,d) shortfall[q,d] > NOTHING_SHORT_T`` (t).
    """
    return float(x[lp.variables["shortfall"].slice].sum()) > NOTHING_SHORT_T


def contested(lp: LinearProgram, inst: Instance, x: np.ndarray) -> np.ndarray:
    """Mask over shortfall columns: positive demand of a commodity stage 1 left short somewhere.

    Parameters
    ----------
    lp : LinearProgram
        The stage 1 LP.
    inst : Instance
        The instance ``lp`` was built from.
    x : numpy.ndarray
        Stage 1's column values.

    Returns
    -------
    numpy.ndarray of bool
        One entry per ``shortfall[q,d]`` column: True when ``demand[q,d] > 0`` and commodity
        ``k(q)`` has some ``shortfall > NOTHING_SHORT_T`` t in ``x``.
    """
    fam = lp.variables["shortfall"]
    q, d = fam.keys["q"], fam.keys["d"]
    k = inst.demand_k[q]
    short_k = np.unique(k[x[fam.slice] > NOTHING_SHORT_T])
    return np.isin(k, short_k) & (inst.demand[q, d] > 0)


def zero_columns(lp: LinearProgram, tol: float = 1e-9) -> np.ndarray:
    """Columns that are 0 in every feasible point of ``lp``, by propagation over its rows (all ``x >= 0``).

    Two rules, applied until nothing changes:

    * a row ``sum a_j x_j <= u`` with every ``a_j >= 0`` and ``u <= 0`` (a closed route,
      hub or store): every column in it is 0;
    * an equality row ``sum a_j x_j = b`` (a balance): its negative-coefficient columns
      (departures, stock kept, stock lost) satisfy ``sum |a_j| x_j = sum_(a_j > 0) a_j x_j - b
      <= sum_(a_j > 0, x_j not 0) a_j ub_j - b``; when that bound is at most 0 (nothing can
      arrive beyond what demand takes, e.g. only the shortfall column ``s <= D`` against
      ``b = D``) they are all 0.

    Sound, not complete: a column it does not mark may still be 0 in every plan.

    Parameters
    ----------
    lp : LinearProgram
        The LP (lower bounds 0).
    tol : float, default 1e-9
        Slack allowed in the comparisons, relative to the row's right-hand side (t).

    Returns
    -------
    numpy.ndarray of bool
        One entry per column.
    """
    A = lp.matrix.tocsr()
    pos, neg = (A > 0).astype(np.int8), (A < 0).astype(np.int8)
    a_pos = A.multiply(A > 0).tocsr()
    zero = lp.upper <= 0
    closed = (np.asarray(neg.sum(axis=1)).ravel() == 0) & (lp.row_upper <= tol)
    zero |= np.asarray(pos[closed].sum(axis=0)).ravel() > 0
    equality = lp.row_lower == lp.row_upper
    unbounded = np.isinf(lp.upper)
    while True:
        live = ~zero
        open_ended = pos @ (live & unbounded).astype(np.int8)
        reach = a_pos @ np.where(live & ~unbounded, lp.upper, 0.0)
        dry = equality & (open_ended == 0) & (reach - lp.row_upper <= tol * np.maximum(1.0, np.abs(lp.row_upper)))
        now = zero | (np.asarray(neg[dry].sum(axis=0)).ravel() > 0)
        if (now == zero).all():
            return zero
        zero = now


def determined_shortfall(lp: LinearProgram, columns: np.ndarray, demand: np.ndarray) -> np.ndarray:
    """Unmet shares fixed in every plan: ``s / D`` for ``columns`` whose value is forced, else NaN.

    A shortfall column ``s`` is forced when every other column of its balance row is 0 in
    every plan (:func:`zero_columns`): then ``a_s s = b`` (``s = D`` where no stock was held).

    Parameters
    ----------
    lp : LinearProgram
        The stage 1 LP.
    columns : numpy.ndarray
        Shortfall column indices.
    demand : numpy.ndarray
        Their demand ``D[q,d]`` (t, > 0).

    Returns
    -------
    numpy.ndarray
        One share in [0, 1] per column, NaN where it is not forced.
    """
    zero = zero_columns(lp)
    live_in_row = (lp.matrix != 0).astype(np.int32) @ (~zero).astype(np.int32)  # columns not proven 0, per row
    sub = lp.matrix[:, columns].tocoo()  # the shortfall columns' entries: (row, member, a)
    balance = lp.row_lower[sub.row] == lp.row_upper[sub.row]
    row, member, a = sub.row[balance], sub.col[balance], sub.data[balance]
    out = np.full(len(columns), np.nan)
    alone = (live_in_row[row] == 1) & ~zero[columns[member]]  # the shortfall is the only column left in its balance
    alone &= np.bincount(member, minlength=len(columns))[member] == 1  # one balance row per column, or no claim
    m = member[alone]
    out[m] = np.clip(lp.row_upper[row[alone]] / a[alone] / demand[m], 0.0, 1.0)
    return out


def i32(values) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


class Levels:
    """Stages 2 and 3 on a HiGHS model ``h`` that holds stage 1's LP and its optimum, sharing the
    shortfall columns ``mask`` marks (:func:`contested`, perhaps restricted to some days); the others keep
    at most stage 1's shortfall.

    :meth:`run` adds the ``t`` column, the ``shortfall_cap`` row and the ``share_level`` rows,
    runs the rounds and the cost stage, and :meth:`restore` takes them out again.
    """

    def __init__(self, h: highspy.Highs, lp: LinearProgram, inst: Instance, mask: np.ndarray):
        self.h, self.lp = h, lp
        fam = lp.variables["shortfall"]
        self.cols = fam.start + np.arange(fam.size)
        self.members = np.flatnonzero(mask)  # shortfall columns with a share_level row
        self.demand = inst.demand[fam.keys["q"], fam.keys["d"]][self.members]
        self.others = self.cols[~mask]  # at most stage 1's s: 0 (no demand, nobody short of it) or a day not shared
        self.n_old, self.m_old = lp.shape[1], lp.shape[0]
        self.t = self.n_old
        self.share_rows = self.m_old + 1 + np.arange(len(self.members))
        self.free = np.ones(len(self.members), dtype=bool)
        self.rounds = 0

    def add(self, x: np.ndarray) -> None:
        """Add ``t``, ``shortfall_cap`` and the ``share_level`` rows; start from stage 1's basis.

        Rows whose share is the same in every plan (:func:`determined_shortfall`) are fixed
        at once, before any round.
        """
        h, w = self.h, shortfall_weights(self.lp)
        forced = determined_shortfall(self.lp, self.cols[self.members], self.demand)
        shares = x[self.cols[self.members]] / self.demand
        basis = level_basis(h.getBasis(), np.where(np.isnan(forced), shares, -1.0))
        kept = np.clip(x[self.others], 0.0, None)
        h.changeColsBounds(len(self.others), i32(self.others), np.zeros(len(kept)), kept)
        h.changeColsCost(self.n_old, i32(np.arange(self.n_old)), np.zeros(self.n_old))
        h.addCol(1.0, 0.0, INF, 0, i32([]), np.zeros(0))
        scale = float(w.max())  # coefficients in (0, 1]
        w1 = float(w @ x[self.cols]) / scale
        h.addRow(-INF, w1, len(self.cols), i32(self.cols), w / scale)
        n = len(self.members)
        index = np.empty(2 * n, dtype=np.int32)
        index[0::2], index[1::2] = self.cols[self.members], self.t
        value = np.empty(2 * n)
        value[0::2], value[1::2] = 1.0 / self.demand, -1.0
        h.addRows(n, np.full(n, -INF), np.zeros(n), 2 * n, i32(np.arange(0, 2 * n, 2)), index, value)
        h.setBasis(basis)
        i = np.flatnonzero(~np.isnan(forced))
        self.fix(i, np.maximum(x[self.cols[self.members[i]]], self.demand[i] * forced[i]))

    def fix(self, i: np.ndarray, upper: np.ndarray) -> None:
        """Fix members ``i``: drop their ``share_level`` rows, bound their shortfall by ``upper``.

        Parameters
        ----------
        i : numpy.ndarray
            Indices into :attr:`members`.
        upper : numpy.ndarray
            The shortfall each may keep (t): its level times its demand.
        """
        cols = self.cols[self.members[i]]
        self.h.changeRowsBounds(len(i), i32(self.share_rows[i]), np.full(len(i), -INF), np.full(len(i), INF))
        self.h.changeColsBounds(len(i), i32(cols), np.zeros(len(i)), upper)
        self.free[i] = False

    def round(self) -> None:
        """One min-max round: minimise ``t``, then fix the free rows that hold it up."""
        sol = self._run()
        level = float(sol.x[self.t])
        dual = sol.row_dual[self.share_rows]
        blocked = self.free & (dual < -BLOCKING_DUAL)
        if level <= ZERO_SHARE:
            blocked = self.free.copy()
        elif not blocked.any():  # numerical safety: the row with the strongest dual
            blocked[np.flatnonzero(self.free)[np.argmin(dual[self.free])]] = True
        i = np.flatnonzero(blocked)
        self.fix(i, np.maximum(sol.x[self.cols[self.members[i]]], self.demand[i] * level))

    def cheapest(self) -> Solution:
        """Stage 3: stage 1's objective with every share at most its level.

        ``t`` is fixed at its last value first (a free ``t`` in rows that are all free by now
        made primal simplex report "unbounded" on Jakarta; deleting them instead lost the basis).
        """
        h = self.h
        level = float(h.getSolution().col_value[self.t]) if self.rounds else 0.0  # 0: every share was determined
        h.changeColBounds(self.t, level, level)
        h.changeColsCost(self.n_old, i32(np.arange(self.n_old)), self.lp.cost)
        h.changeColCost(self.t, 0.0)
        return self._run()

    def run(self, x: np.ndarray) -> Solution:
        self.add(x)
        self.h.setOptionValue("simplex_strategy", PRIMAL_SIMPLEX)  # every start is primal feasible
        while self.free.any():
            self.round()
        return self.cheapest()

    def restore(self) -> None:
        """Back to stage 1's LP and costs, without a solution or basis."""
        h, lp = self.h, self.lp
        h.setOptionValue("simplex_strategy", DUAL_SIMPLEX)  # for warm re-solves after bound changes
        h.deleteRows(h.getNumRow() - self.m_old, i32(np.arange(self.m_old, h.getNumRow())))
        h.deleteCols(h.getNumCol() - self.n_old, i32(np.arange(self.n_old, h.getNumCol())))
        upper = np.clip(lp.upper[self.cols], None, INF)
        h.changeColsBounds(len(self.cols), i32(self.cols), lp.lower[self.cols], upper)
        h.changeColsCost(self.n_old, i32(np.arange(self.n_old)), lp.cost)
        h.clearSolver()  # nothing of these stages carried into the next solve: same answers in any order

    def _run(self) -> Solution:
        sol = run_highs(self.h, "equity")
        self.rounds += 1
        if sol.status != "optimal":  # once more from scratch: a warm start can trip on round-off
            self.h.clearSolver()
            sol = run_highs(self.h, "equity")
        if sol.status != "optimal":
            raise SolverError(msg("equity.not_optimal", status=sol.status))
        return sol


def level_basis(first: highspy.HighsBasis, shares: np.ndarray) -> highspy.HighsBasis:
    """Stage 1's basis extended to the first round, primal feasible at stage 1's optimum.

    ``t`` is basic at the largest share; that zone's ``share_level`` row is nonbasic (tight),
    every other new row is basic. One basic variable per new row, as a basis needs.

    Parameters
    ----------
    first : highspy.HighsBasis
        Stage 1's basis.
    shares : numpy.ndarray
        The zones' shares met at stage 1's optimum (one per new ``share_level`` row).

    Returns
    -------
    highspy.HighsBasis
        ``first`` plus the column ``t`` (basic), one basic row and the ``share_level`` rows.
    """
    B = highspy.HighsBasisStatus
    rows = [B.kBasic] * len(shares)
    if len(shares):
        rows[int(np.argmax(shares))] = B.kUpper
    basis = highspy.HighsBasis()
    basis.col_status = list(first.col_status) + [B.kBasic]
    basis.row_status = list(first.row_status) + [B.kBasic] + rows
    basis.valid = True
    return basis


def highs_at(lp: LinearProgram, first: Solution, time_limit: float | None) -> highspy.Highs:
    """A HiGHS model of ``lp`` holding ``first`` (another backend's optimum) with a basis.

    Crossover from ``first``'s primal and dual values gives the basis; if it fails, HiGHS
    solves stage 1 again.

    Parameters
    ----------
    lp : LinearProgram
        The stage 1 LP.
    first : Solution
        Another backend's optimum of ``lp`` (values and row duals).
    time_limit : float or None
        Seconds for HiGHS; ``None`` for no limit.

    Returns
    -------
    highspy.Highs
        The model, solved to optimality.

    Raises
    ------
    SolverError
        When HiGHS does not reach the optimum again.
    """
    h = highs_model(lp, "simplex", time_limit)
    start = highspy.HighsSolution()
    start.col_value = first.x
    start.row_value = lp.matrix @ first.x
    start.row_dual = first.row_dual
    start.col_dual = lp.cost - lp.matrix.T @ first.row_dual
    start.value_valid = start.dual_valid = True
    if h.crossover(start) != highspy.HighsStatus.kOk or not h.getBasis().valid:
        h.clearSolver()
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise SolverError(msg("equity.no_restart"))
    return h


def second_stage(
    lp: LinearProgram, inst: Instance, first: Solution, solver: str, time_limit=None, before_day: int | None = None
) -> Solution:
    """Stages 2 and 3 after ``first`` (stage 1's optimum): the fair plan, with stage 1's duals.

    Runs in place and warm on a HiGHS model (``first.model``, left holding stage 1's LP);
    for other backends on a HiGHS copy (:func:`highs_at`). ``solver`` names the backend of
    ``first``; the stages themselves always run on HiGHS. Returns ``first`` unchanged when
    nothing is short. ``objective`` is stage 1's objective at the fair plan (cost + weighted
    shortfall), so it is comparable with equity off.

    Parameters
    ----------
    lp : LinearProgram
        The stage 1 LP.
    inst : Instance
        The instance ``lp`` was built from (demand in t, days 0-based).
    first : Solution
        Stage 1's optimum.
    solver : str
        The backend of ``first``.
    time_limit : float, optional
        Seconds for each HiGHS run; ``None`` for no limit.
    before_day : int, optional
        Share only the shortfall of days before this one (0-based); later days keep at most stage 1's
        shortfall. A rolling-horizon window passes the first day it does not keep: the days after it
        are planned again, and shared, by the next window. ``None`` (default): every day.

    Returns
    -------
    Solution
        ``first``, or the fair plan: its values, ``objective = cost @ x`` (Rp), ``first``'s
        row duals, status, solver and model, and the seconds of all stages.

    Raises
    ------
    SolverError
        When the HiGHS copy of another backend's optimum cannot be solved again.
    """
    if not needs_equity(lp, first.x):
        return first
    mask = contested(lp, inst, first.x)
    if before_day is not None:
        mask &= lp.variables["shortfall"].keys["d"] < before_day
    if not mask.any():
        return first
    start = time.perf_counter()
    h = first.model if isinstance(first.model, highspy.Highs) else highs_at(lp, first, time_limit)
    x = first.x
    if h is not first.model:  # the copy's own optimum, so that its basis and x agree
        x = np.asarray(h.getSolution().col_value)
    levels = Levels(h, lp, inst, mask)
    try:
        second = levels.run(x)
    finally:
        levels.restore()
    x = second.x[: lp.shape[1]]
    return Solution(
        status=first.status,
        objective=float(lp.cost @ x),
        x=x,
        row_dual=first.row_dual,
        solve_seconds=first.solve_seconds + time.perf_counter() - start,
        solver=first.solver,
        model=first.model,
    )
