"""Scenario factors: what each disruption does to each route, node, supply and demand, per day.

:func:`scenario_factors` resolves every disruption's targets in the dataset and
returns arrays of multipliers, one row per route / node / supply row / demand row and
one column per day. Targets multiply when several disruptions touch them. What each
disruption type picks and which table it scales is declared in the registry
(:mod:`foodchain.optimize.disruptions`). A factor other than 0 or >= 1 on a route or
node with no capacity (unlimited) has nothing to scale and is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from foodchain.errors import InvalidScenario
from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.optimize.disruptions import apply_disruption
from foodchain.optimize.scenario import Scenario


@dataclass
class Factors:
    """Daily multipliers (rows follow the dataset tables' row order; columns are days)."""

    route: np.ndarray
    node: np.ndarray
    supply: np.ndarray
    demand: np.ndarray
    overlay: pd.DataFrame = field(default_factory=pd.DataFrame)
    warnings: list[Problem] = field(default_factory=list)
    base_dir: object = None  # where a flood's relative GeoJSON path is looked up

    @classmethod
    def ones(cls, dataset: Dataset, days: int) -> Factors:
        """Factors of 1 everywhere: nothing disrupted.

        Parameters
        ----------
        dataset : Dataset
            The network (its routes, nodes, supply and demand rows).
        days : int
            The horizon in days.

        Returns
        -------
        Factors
            ``[rows, days]`` arrays of ones.
        """

        def one(frame: pd.DataFrame) -> np.ndarray:
            return np.ones((len(frame), days))

        return cls(one(dataset.routes), one(dataset.nodes), one(dataset.supply), one(dataset.demand))


def scenario_factors(dataset: Dataset, scenario: Scenario, days: int | None = None) -> Factors:
    """Daily factors of ``scenario`` on ``dataset`` over ``days`` (default: its horizon).

    Parameters
    ----------
    dataset : Dataset
        The checked dataset.
    scenario : Scenario
        Its disruptions are applied in order; factors on the same target multiply.
    days : int, optional
        Days solved (columns of the factor tables); default ``scenario.horizon_days``.

    Returns
    -------
    Factors
        ``route[R, D]``, ``node[N, D]``, ``supply[S, D]``, ``demand[Q, D]`` (1 = unchanged),
        the flood overlay and the warnings.

    Raises
    ------
    InvalidScenario
        With every problem found (unknown ids, corridors, regions, zones, unscalable factors).
    """
    days = days or scenario.horizon_days
    f = Factors.ones(dataset, days)
    f.base_dir = scenario.base_dir
    problems: list[Problem] = []
    for i, d in enumerate(scenario.disruptions, start=1):
        if d.get("start_day", 1) > days:
            text = msg("scenario.starts_late", day=d["start_day"], days=days)
            problems.append(Problem("scenario", i, "start_day", text, WARNING))
        problems += apply_disruption(i, d, dataset, f, days)
    if errors(problems):
        raise InvalidScenario(problems)
    f.warnings = problems
    return f
