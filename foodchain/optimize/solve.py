"""The orchestrator: dataset + scenario -> factors -> instance -> LP -> solution -> result."""

from __future__ import annotations

import time

from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.optimize import rolling as rolling_horizon
from foodchain.optimize.backends import DEFAULT_SOLVER, require_optimal, solve_lp, warm_highs
from foodchain.optimize.equity import needs_equity, second_stage
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.portfolio import ProgressFn, SolveProgress, polled
from foodchain.optimize.results import SolveResult, make_result
from foodchain.optimize.scenario import Scenario
from foodchain.optimize.size import check_days, check_lp_size


def solve(
    dataset: Dataset,
    scenario: Scenario | None = None,
    days: int | None = None,
    solver: str = DEFAULT_SOLVER,
    time_limit: float | None = None,
    equity: bool | None = None,
    progress: ProgressFn | None = None,
    horizon: str = "auto",
) -> SolveResult:
    """Meet demand at least cost under ``scenario`` (the baseline when ``None``) over ``days``.

    ``days`` defaults to the scenario's horizon (1 for the baseline). The model knows the
    whole scenario in advance (perfect foresight). A shortfall is a result, not an
    error; :class:`~foodchain.errors.SolverError` is raised only when no optimal
    solution was found (the status is given in words). Before the LP is built its size is
    estimated and an LP that would not fit in memory is refused
    (:class:`~foodchain.optimize.size.ModelTooLarge`). ``progress`` receives a
    :class:`~foodchain.optimize.portfolio.SolveProgress` (seconds since the call, phase of each
    engine) after building and about once a second while solving.

    ``equity`` (default: the scenario's ``equity`` key, ``"on"`` unless it says ``"off"``)
    adds the fair-sharing stage of :mod:`foodchain.optimize.equity`: the same weighted
    shortfall, shared evenly across zones relative to their demand.

    ``horizon`` is ``exact`` (one LP over every day), ``rolling`` (overlapping windows, see
    :mod:`foodchain.optimize.rolling`: a feasible plan, status ``approximate``, with a warning
    saying so) or ``auto`` (rolling only for a horizon longer than a window whose LP is larger
    than :data:`~foodchain.optimize.rolling.ROLLING_ABOVE_COLUMNS`: Jakarta from about 160 days).

    Parameters
    ----------
    dataset : Dataset
        A validated network.
    scenario : Scenario, optional
        The disruptions; ``None`` for the baseline.
    days : int, optional
        The horizon in days (1 to :data:`~foodchain.model.limits.MAX_HORIZON_DAYS`).
    solver : str, default DEFAULT_SOLVER
        One of :data:`~foodchain.optimize.backends.SOLVERS`.
    time_limit : float, optional
        Seconds each engine may take.
    equity : bool, optional
        Force the fair-sharing stage on or off.
    progress : callable, optional
        Called with a :class:`~foodchain.optimize.portfolio.SolveProgress`.
    horizon : str, default "auto"
        One of :data:`~foodchain.optimize.rolling.HORIZON_METHODS`.

    Returns
    -------
    SolveResult
        The plan's tables (days 1-based), objective in Rp, timings in seconds and warnings.

    Raises
    ------
    InvalidInput
        For ``days`` out of range, or an LP too large (:class:`~foodchain.optimize.size.ModelTooLarge`).
    InvalidScenario
        When the scenario names what the dataset does not have.
    SolverError
        When no optimal solution was found.
    """
    scenario = scenario or Scenario()
    check_days(days or scenario.horizon_days)  # before any array is allocated
    start = time.perf_counter()
    factors = scenario_factors(dataset, scenario, days or scenario.horizon_days)
    inst = build_instance(dataset, factors)
    size = check_lp_size(inst)
    if progress:
        phase = {msg("solver.building_lp"): msg("solver.up_to", size=size.words())}  # words in the reader's language
        progress(SolveProgress(time.perf_counter() - start, phase))
    lp = build_lp(inst)
    built = time.perf_counter()
    fair = scenario.equity == "on" if equity is None else equity
    seconds = {"solve": 0.0, "equity": 0.0}

    def stages(lp, progress, before_day=None):
        sol = require_optimal(solve_lp(lp, solver, time_limit, progress))
        seconds["solve"] += sol.solve_seconds
        if fair and needs_equity(lp, sol.x):
            first = sol
            sol = polled(
                lambda: second_stage(lp, inst, warm_highs(lp, first, time_limit), solver, time_limit, before_day),
                msg("solver.fair_sharing_stage"),
                progress,
            )
            seconds["equity"] += sol.solve_seconds - first.solve_seconds
        return sol

    rolling = rolling_horizon.use_rolling(horizon, inst.days, lp.shape[1])
    if rolling:
        sol = rolling_horizon.solve_rolling(lp, stages, progress=_since(start, progress))
    else:
        sol = stages(lp, _since(start, progress))
    result = make_result(inst, lp, sol, scenario.name)
    result.timings = {
        "build": built - start,
        **seconds,
        "total": time.perf_counter() - start,
    }
    result.warnings = list(dataset.warnings) + list(factors.warnings)
    if rolling:
        result.horizon = {
            "method": "rolling",
            "window_days": rolling_horizon.WINDOW_DAYS,
            "kept_days": rolling_horizon.KEPT_DAYS,
        }
        result.warnings.append(rolling_horizon.rolling_warning(inst.days))
    result.start_date = scenario.start_date
    return result


def _since(start: float, progress: ProgressFn | None) -> ProgressFn | None:
    """``progress`` with elapsed seconds counted from ``start`` rather than from the solver's start."""
    if progress is None:
        return None
    return lambda p: progress(SolveProgress(time.perf_counter() - start, p.phases))
