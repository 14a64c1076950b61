"""Rolling horizon: a long horizon solved as overlapping windows; an approximation with a measured gap.

The exact LP grows linearly with the horizon and simplex time about quadratically (Jakarta,
Karawang harvest failure, HiGHS's dual simplex: 90 days 30 s, 365 days 648 s). The rolling
horizon solves windows of ``W`` days, one starting every ``S`` days (``S <= W``), in turn:

* window ``j`` covers days ``a = jS .. b - 1`` with ``b = min(a + W, D)``. Every row of the LP
  holds only columns of its own day or earlier (a flow is dated by its departure; ``stock[d-1]``
  is in day ``d``'s balance; an inflow is in the shelf-life rows of later days), so the window's
  LP is the exact LP of its days given the past: the rows of days ``a .. b-1``, the columns of
  those days and the undated ``drawdown``, with every column of an earlier day fixed at its kept
  value (its terms move to the right-hand side);
* a window that ends before the horizon applies the reserve rows ``stock_end`` to its own last
  day: ``stock[n,k,b-1] + drawdown[n,k] >= initial stock``. Without them each window would eat
  the reserve as if the horizon ended there (67-205 % off the optimum on Jakarta at 90 days);
* the window's first ``S`` days are kept (the last window keeps all of its days). When ``equity``
  is on, its fair-sharing stage shares the shortfall of the kept days (the later ones keep at most
  stage 1's shortfall: the next window plans and shares them again).

What it guarantees: the kept plan satisfies every row of the full LP (each row is met in the
window that keeps its day, with the same values for every column it holds), so it is a feasible
plan and its objective is an upper bound on the optimum. What it does not: optimality. A window
does not see demand beyond its end, and stock carried across window ends is decided with a view
of ``W`` days only. ``benchmarks/RESULTS.md`` ("Rolling horizon") gives the gap measured against
the exact optimum; results say that the plan is an approximation (status ``approximate``).

Shadow prices of a rolling plan are those of the window that kept each day.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from foodchain.messages import msg, num
from foodchain.model.problems import WARNING, Problem
from foodchain.optimize.backends import Solution, require_optimal
from foodchain.optimize.lp import Family, LinearProgram
from foodchain.optimize.portfolio import ProgressFn, SolveProgress

WINDOW_DAYS = 60  # Jakarta at 365 days: 60/30 and 90/45 both within 0.002 % of the optimum; 60/30 is faster
KEPT_DAYS = 30
# horizons whose exact LP has more columns than this are solved as a rolling horizon by ``auto``
# (Jakarta, 1,877 columns a day: 365 days is 685k columns and 11-20 min exact; 212 days (398k) took more than 5 min;
# 160 days is 300k, about 3 min by the square of the horizon)
ROLLING_ABOVE_COLUMNS = 300_000
HORIZON_METHODS = ("auto", "exact", "rolling")
# the largest gap to the exact optimum measured on Jakarta's scenarios (benchmarks/RESULTS.md, "Rolling horizon")
MEASURED_GAP_PERCENT = 2.9  # Cikampek closure forced to roll at 90 days: 2.85 %; at 365 days (auto) far less

# solves one window: (window LP, progress, first day not kept or None) -> its solution (stage 1, and the
# fair-sharing stage if on, which need share only the kept days: later ones are planned again)
WindowSolver = Callable[[LinearProgram, ProgressFn | None, int | None], Solution]


@dataclass(frozen=True)
class Window:
    """Days ``start .. end - 1`` (0-based) of one window, of which ``start .. keep - 1`` are kept."""

    start: int
    end: int
    keep: int


def windows(days: int, window: int | None = None, kept: int | None = None) -> list[Window]:
    """The windows of a ``days``-day horizon: one starting every ``kept`` days, the last reaching the end.

    Parameters
    ----------
    days : int
        The horizon.
    window, kept : int, optional
        Days in each window and days kept of it (default :data:`WINDOW_DAYS` and :data:`KEPT_DAYS`).

    Returns
    -------
    list of Window
        In order; the kept days of all windows are ``0 .. days - 1``, each once.

    Raises
    ------
    ValueError
        When ``kept`` is not 1 .. ``window``.
    """
    window, kept = window or WINDOW_DAYS, kept or KEPT_DAYS
    if not 1 <= kept <= window:
        raise ValueError(f"kept days ({kept}) must be 1 .. window days ({window})")
    out, a = [], 0
    while True:
        b = min(a + window, days)
        out.append(Window(a, b, b if b == days else a + kept))
        if b == days:
            return out
        a += kept


def use_rolling(method: str, days: int, columns: int) -> bool:
    """Whether ``method`` solves this horizon as a rolling horizon.

    ``auto`` does when the horizon is longer than one window and the LP has more than
    :data:`ROLLING_ABOVE_COLUMNS` columns; ``rolling`` whenever the horizon is longer than one window.

    Parameters
    ----------
    method : str
        One of :data:`HORIZON_METHODS`.
    days : int
        The horizon.
    columns : int
        Columns of the exact LP.

    Returns
    -------
    bool
        True for a rolling horizon.

    Raises
    ------
    ValueError
        For a method not in :data:`HORIZON_METHODS`.
    """
    if method not in HORIZON_METHODS:
        raise ValueError(f"horizon method {method!r}: one of {', '.join(HORIZON_METHODS)}")
    if method == "exact" or days <= WINDOW_DAYS:
        return False
    return method == "rolling" or columns > ROLLING_ABOVE_COLUMNS


def rolling_warning(days: int) -> Problem:
    """The warning every rolling-horizon result carries: what was done and the gap measured."""
    text = msg(
        "solver.rolling_warning", days=days, windows=len(windows(days)), window=WINDOW_DAYS, kept=KEPT_DAYS,
        gap=num(MEASURED_GAP_PERCENT, 2),
    )  # fmt: skip
    return Problem("solve", None, "days", text, WARNING)


def _day_of(families: dict[str, Family], n: int) -> np.ndarray:
    """Each column's (row's) day, -1 for the undated (``drawdown``, ``stock_end``)."""
    day = np.full(n, -1, dtype=np.int64)
    for fam in families.values():
        if "d" in fam.keys and fam.size:
            day[fam.slice] = fam.keys["d"]
    return day


def _subset(families: dict[str, Family], take: np.ndarray) -> dict[str, Family]:
    """The families restricted to the members ``take`` keeps, renumbered from 0 in the same order."""
    out, start = {}, 0
    for name, fam in families.items():
        m = take[fam.slice]
        out[name] = Family(name, start, {key: v[m] for key, v in fam.keys.items()})
        start += int(m.sum())
    return out


class _Horizon:
    """The full LP cut by day, and the plan kept so far."""

    def __init__(self, lp: LinearProgram) -> None:
        self.lp = lp
        self.matrix = lp.matrix.tocsr()
        self.col_day = _day_of(lp.variables, lp.shape[1])
        self.row_day = _day_of(lp.constraints, lp.shape[0])
        self.days = int(max(self.col_day.max(initial=-1), self.row_day.max(initial=-1))) + 1
        self.x = np.zeros(lp.shape[1])
        self.row_dual = np.zeros(lp.shape[0])

    def window_lp(self, w: Window) -> tuple[LinearProgram, np.ndarray, np.ndarray]:
        """The LP of window ``w`` with the kept past fixed, its columns and its rows in the full LP."""
        lp, final = self.lp, w.end == self.days
        cols = ((self.col_day >= w.start) & (self.col_day < w.end)) | (self.col_day < 0)
        rows = ((self.row_day >= w.start) & (self.row_day < w.end)) | ((self.row_day < 0) & final)
        a = self.matrix[rows]
        past = a @ self.x  # x holds the kept past only: every later or undated column is still 0
        row_lower, row_upper = lp.row_lower[rows] - past, lp.row_upper[rows] - past
        constraints = _subset(lp.constraints, rows)
        a = a[:, cols]
        if not final and "stock_end" in lp.constraints:
            end_rows, end_fam = self._reserve_at(w.end - 1, cols)
            constraints["stock_end"] = Family("stock_end", a.shape[0], end_fam.keys)
            a = sp.vstack([a, end_rows]).tocsr()
            row_lower = np.concatenate([row_lower, lp.row_lower[end_fam.slice]])
            row_upper = np.concatenate([row_upper, lp.row_upper[end_fam.slice]])
        sub = LinearProgram(
            lp.cost[cols], lp.lower[cols], lp.upper[cols], a.tocsc(), row_lower, row_upper,
            _subset(lp.variables, cols), constraints,
        )  # fmt: skip
        return sub, np.flatnonzero(cols), np.flatnonzero(rows)

    def _reserve_at(self, day: int, cols: np.ndarray) -> tuple[sp.csr_matrix, Family]:
        """The ``stock_end`` rows with each last-day stock column replaced by that of ``day``, in window columns."""
        lp = self.lp
        fam, stock = lp.constraints["stock_end"], lp.variables["stock"]
        rows = self.matrix[fam.slice].tocoo()
        col = rows.col.copy()
        at_end = (col >= stock.start) & (col < stock.start + stock.size)
        per_day = int((stock.keys["d"] == 0).sum())  # stock columns are day-major, the same (n, k) each day
        back = (self.days - 1 - day) * per_day
        col[at_end] -= back
        position = np.cumsum(cols) - 1  # full column -> window column
        return sp.csr_matrix((rows.data, (rows.row, position[col])), shape=(fam.size, int(cols.sum()))), fam

    def keep(self, w: Window, sol: Solution, cols: np.ndarray, rows: np.ndarray) -> None:
        """Keep the solution's values of the kept days (undated columns only in the last window)."""
        final = w.end == self.days
        day = self.col_day[cols]
        take = (day < w.keep) & ((day >= 0) | final)
        self.x[cols[take]] = sol.x[take]
        row_take = self.row_day[rows] < w.keep if not final else np.ones(len(rows), dtype=bool)
        self.row_dual[rows[row_take]] = sol.row_dual[: len(rows)][row_take]


def solve_rolling(
    lp: LinearProgram,
    solve_window: WindowSolver,
    window: int | None = None,
    kept: int | None = None,
    progress: ProgressFn | None = None,
) -> Solution:
    """The rolling-horizon plan of ``lp`` (see the module docstring), status ``approximate``.

    Parameters
    ----------
    lp : LinearProgram
        The full LP of :func:`~foodchain.optimize.lp.build_lp`.
    solve_window : callable
        Solves one window's LP (built like ``lp``: the same families, days absolute) to optimality
        (:class:`~foodchain.errors.SolverError` otherwise), given a progress callback and the first
        day the window does not keep (``None`` for the last window).
    window, kept : int, optional
        Days in each window and days kept of it (default :data:`WINDOW_DAYS` and :data:`KEPT_DAYS`).
    progress : callable, optional
        Receives each window's progress with the window named first.

    Returns
    -------
    Solution
        ``x`` for every column of ``lp``, objective ``cost @ x``, row duals of the window that kept
        each row, ``solver`` naming the engine and the windows.
    """
    start = time.perf_counter()
    window, kept = window or WINDOW_DAYS, kept or KEPT_DAYS
    horizon = _Horizon(lp)
    plan = windows(horizon.days, window, kept)
    engines = []
    for j, w in enumerate(plan):
        sub, cols, rows = horizon.window_lp(w)
        name = msg("solver.rolling_window", j=j + 1, n=len(plan), first=w.start + 1, last=w.end)

        def report(p: SolveProgress, name=name) -> None:
            if progress:
                phases = {f"{name} {engine}": phase for engine, phase in p.phases.items()} or {name: ""}
                progress(SolveProgress(time.perf_counter() - start, phases, p.iterations))

        if progress:
            report(SolveProgress(0.0, {}))
        sol = require_optimal(solve_window(sub, report, None if w.end == horizon.days else w.keep))
        horizon.keep(w, sol, cols, rows)
        engines.append(sol.solver)
    solver = f"{'+'.join(dict.fromkeys(engines))}, rolling horizon {window}/{kept} days ({len(plan)} windows)"
    return Solution(
        "approximate", float(lp.cost @ horizon.x), horizon.x, horizon.row_dual, time.perf_counter() - start, solver
    )
