"""Re-solve sessions: one LP solved many times with changed bounds, the backends' warm capability.

Batch analyses solve LPs that differ from a base LP only in bounds (same matrix, same
costs). A session holds what a backend can keep between such solves:

* :class:`HighsSession` keeps one HiGHS model: only bounds that differ from the model's
  current ones are changed (``changeColsBounds``, ``changeRowsBounds``), and every solve
  starts from the basis of the first (the base's) optimum, so an answer does not depend on
  which variants were solved before it. Re-solves use dual simplex: a bound change keeps
  the base basis dual feasible.
* :class:`ColdSession` solves each variant from scratch with :func:`~foodchain.optimize.backends.solve_lp`,
  so every backend of :data:`~foodchain.optimize.backends.SOLVERS` can run a batch analysis;
  a backend that learns to re-solve warm gets its own session class here.
* :class:`AutoSession` (the default solver ``auto``) measures which of the two pays: it solves
  the base cold with ``auto`` (timing it), hands the optimum to HiGHS, and re-solves each
  variant warm with a time limit of that cold time; a variant that runs out of it is solved
  cold, and once warm-first has cost more on average than a cold solve the session stays cold.
  Warm HiGHS answers a closure of a one-day network in milliseconds, but on the stressed
  synthetic city at 7 days a warm re-solve took 14-37 s where Clp's barrier solved the same
  LP from scratch in 4-5 s (benchmarks/RESULTS.md, "N-1 on a stressed city").

:func:`open_session` picks the session for a solver name.
"""

from __future__ import annotations

import time

import highspy
import numpy as np

from foodchain.optimize.backends import Solution, highs_model, run_highs, solve_lp, warm_highs
from foodchain.optimize.lp import LinearProgram

WARM = {"highs": "simplex", "highs-simplex": "simplex", "highs-ipm": "ipm"}
"""Solvers re-solved warm on HiGHS, with the method of the base solve: from a dual simplex
base the re-solves took 0.087 s a closure against 0.38 s from an interior-point base on the
stressed city (benchmarks/RESULTS.md, "N-1 on a stressed city"), more than the base solve costs."""


class HighsSession:
    """One HiGHS model of ``lp``, re-solved warm from the basis of its first optimum.

    Parameters
    ----------
    lp
        The base LP; every later :meth:`solve` gets an LP with the same matrix and costs.
    method
        ``"simplex"`` or ``"ipm"`` (interior point with crossover) for the first solve.
    """

    solver = "highs-simplex"

    def __init__(self, lp: LinearProgram, method: str = "simplex", model: highspy.Highs | None = None):
        self.h = highs_model(lp, method=method) if model is None else model
        self.col_upper = _finite(lp.upper)
        self.row_lower, self.row_upper = _finite(lp.row_lower), _finite(lp.row_upper)
        self.basis: highspy.HighsBasis | None = None
        if model is not None:  # a model that holds the base's optimum already
            self.basis = model.getBasis()
            model.setOptionValue("solver", "simplex")

    def solve(self, lp: LinearProgram, time_limit: float | None = None) -> Solution:
        """Solve ``lp`` (the base LP with other bounds) from the first optimum's basis.

        Parameters
        ----------
        lp : LinearProgram
            The base LP with other bounds.
        time_limit : float, optional
            Seconds for this re-solve; a re-solve that reaches it is returned as it is
            (status ``time limit reached``).

        Returns
        -------
        Solution
            With ``model`` the HiGHS model, holding ``lp``, so a second stage can run on it
            warm (:func:`~foodchain.optimize.equity.second_stage`). When dual simplex cannot
            finish from the warm start (other than by the time limit), it runs once more
            from scratch.
        """
        self._change(lp)
        if self.basis is not None:
            self.h.setBasis(self.basis)
        # HiGHS's time limit counts the model's run clock, which keeps running over every solve of it
        limit = self.h.getRunTime() + float(time_limit) if time_limit else highspy.kHighsInf
        self.h.setOptionValue("time_limit", limit)
        try:
            sol = run_highs(self.h)
            if sol.status not in ("optimal", "time limit reached") and self.basis is not None:
                self.h.clearSolver()
                sol = run_highs(self.h)
        finally:
            self.h.setOptionValue("time_limit", highspy.kHighsInf)
        if self.basis is None and sol.status == "optimal":
            self.basis = self.h.getBasis()
            self.h.setOptionValue("solver", "simplex")
        return sol

    def _change(self, lp: LinearProgram) -> None:
        col, lower, upper = _finite(lp.upper), _finite(lp.row_lower), _finite(lp.row_upper)
        c = np.flatnonzero(col != self.col_upper)
        if len(c):
            self.h.changeColsBounds(len(c), c.astype(np.int32), lp.lower[c], col[c])
            self.col_upper[c] = col[c]
        r = np.flatnonzero((upper != self.row_upper) | (lower != self.row_lower))
        if len(r):
            self.h.changeRowsBounds(len(r), r.astype(np.int32), lower[r], upper[r])
            self.row_upper[r], self.row_lower[r] = upper[r], lower[r]


class ColdSession:
    """Every solve from scratch with ``solver`` (any of :data:`~foodchain.optimize.backends.SOLVERS`)."""

    def __init__(self, lp: LinearProgram, solver: str):
        self.solver = solver

    def solve(self, lp: LinearProgram) -> Solution:
        """Solve ``lp`` with :func:`~foodchain.optimize.backends.solve_lp`."""
        return solve_lp(lp, self.solver)


class AutoSession:
    """``auto`` for batch analyses: warm HiGHS re-solves while they beat a cold solve, cold ones after.

    The first :meth:`solve` (the base) runs ``auto`` cold and records its seconds ``T``; its
    optimum is handed to HiGHS (:func:`~foodchain.optimize.backends.warm_highs`), which keeps
    it as the warm start. Each later solve re-solves warm with a time limit of
    ``max(WARM_FLOOR_S, T)``; when it runs out, the variant is solved cold with ``auto``.
    After :data:`COLD_AFTER` warm attempts the session compares what warm-first costs a
    variant on average (the mean warm attempt, time-outs included, plus ``T`` times the share
    of attempts that timed out) with ``T``, and solves every later variant cold at once when
    warm-first costs more. Every path ends at an optimum of the same
    LP, so objectives and (with the fair-sharing stage) unmet shares do not depend on the
    path; where stage 1 has several optimal plans of the same value, a cold and a warm solve
    may pick different ones.
    """

    solver = "auto"
    WARM_FLOOR_S = 1.0  # a warm re-solve always gets at least this long: below it, a cold solve rarely pays
    COLD_AFTER = 10  # warm attempts before the session may decide to solve cold

    def __init__(self, lp: LinearProgram):
        self.warm: HighsSession | None = None
        self.cold_s = 0.0
        self.wins = self.losses = 0
        self.warm_s = 0.0  # seconds spent in warm attempts, time-outs included
        self.cold_only = False

    def solve(self, lp: LinearProgram) -> Solution:
        """Solve ``lp``: the base (first call) cold and timed, a variant warm or cold as measured.

        Returns
        -------
        Solution
            A warm solution holds the session's HiGHS model (``model``); a cold one is
            handed to a HiGHS model of its own when its engine left a basis.
        """
        if self.warm is None:
            start = time.perf_counter()
            sol = warm_highs(lp, solve_lp(lp, "auto"))
            self.cold_s = time.perf_counter() - start
            if isinstance(sol.model, highspy.Highs) and sol.status == "optimal":
                self.warm = HighsSession(lp, model=sol.model)
            else:  # no basis to start from: HiGHS solves the base itself
                self.warm = HighsSession(lp)
                sol = self.warm.solve(lp)
            return sol
        if self.cold_only:
            return self._cold(lp)
        start = time.perf_counter()
        sol = self.warm.solve(lp, time_limit=max(self.WARM_FLOOR_S, self.cold_s))
        self.warm_s += time.perf_counter() - start
        lost = sol.status == "time limit reached"
        self.wins, self.losses = self.wins + (not lost), self.losses + lost
        tries = self.wins + self.losses
        warm_first = (self.warm_s + self.losses * self.cold_s) / tries  # mean cost of a variant, warm first
        self.cold_only = tries >= self.COLD_AFTER and warm_first > self.cold_s
        return self._cold(lp) if lost else sol

    def _cold(self, lp: LinearProgram) -> Solution:
        return warm_highs(lp, solve_lp(lp, "auto"))


def open_session(lp: LinearProgram, solver: str = "auto") -> HighsSession | ColdSession | AutoSession:
    """The re-solve session of ``solver`` for the base LP ``lp``.

    Parameters
    ----------
    lp
        The base LP; the session's first :meth:`solve` should be of it (its basis is the warm start).
    solver
        One of :data:`~foodchain.optimize.backends.SOLVERS`.

    Returns
    -------
    HighsSession or ColdSession or AutoSession
        An :class:`AutoSession` for ``auto``, a :class:`HighsSession` for the solvers of
        :data:`WARM`, a :class:`ColdSession` otherwise.
    """
    if solver == "auto":
        return AutoSession(lp)
    if solver in WARM:
        return HighsSession(lp, WARM[solver])
    return ColdSession(lp, solver)


def _finite(values: np.ndarray) -> np.ndarray:
    """Bounds as HiGHS takes them (``kHighsInf`` for unlimited), as a float copy."""
    return np.clip(np.asarray(values, dtype=float), -highspy.kHighsInf, highspy.kHighsInf)
