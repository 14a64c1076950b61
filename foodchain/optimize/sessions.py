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

:func:`open_session` picks the session for a solver name.
"""

from __future__ import annotations

import highspy
import numpy as np

from foodchain.optimize.backends import Solution, highs_model, run_highs, solve_lp
from foodchain.optimize.lp import LinearProgram

WARM = {"auto": "simplex", "highs": "simplex", "highs-simplex": "simplex", "highs-ipm": "ipm"}
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

    def __init__(self, lp: LinearProgram, method: str = "simplex"):
        self.h = highs_model(lp, method=method)
        self.col_upper = _finite(lp.upper)
        self.row_lower, self.row_upper = _finite(lp.row_lower), _finite(lp.row_upper)
        self.basis: highspy.HighsBasis | None = None

    def solve(self, lp: LinearProgram) -> Solution:
        """Solve ``lp`` (the base LP with other bounds) from the first optimum's basis.

        Returns
        -------
        Solution
            With ``model`` the HiGHS model, holding ``lp``, so a second stage can run on it
            warm (:func:`~foodchain.optimize.equity.second_stage`). When dual simplex cannot
            finish from the warm start, it runs once more from scratch.
        """
        self._change(lp)
        if self.basis is not None:
            self.h.setBasis(self.basis)
        sol = run_highs(self.h)
        if sol.status != "optimal" and self.basis is not None:
            self.h.clearSolver()
            sol = run_highs(self.h)
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


def open_session(lp: LinearProgram, solver: str = "highs-simplex") -> HighsSession | ColdSession:
    """The re-solve session of ``solver`` for the base LP ``lp``.

    Parameters
    ----------
    lp
        The base LP; the session's first :meth:`solve` should be of it (its basis is the warm start).
    solver
        One of :data:`~foodchain.optimize.backends.SOLVERS`.

    Returns
    -------
    HighsSession or ColdSession
        A :class:`HighsSession` for the solvers of :data:`WARM` (``auto`` included: re-solves
        of a few changed bounds are where warm HiGHS is fastest), a :class:`ColdSession` otherwise.
    """
    if solver in WARM:
        return HighsSession(lp, WARM[solver])
    return ColdSession(lp, solver)


def _finite(values: np.ndarray) -> np.ndarray:
    """Bounds as HiGHS takes them (``kHighsInf`` for unlimited), as a float copy."""
    return np.clip(np.asarray(values, dtype=float), -highspy.kHighsInf, highspy.kHighsInf)
