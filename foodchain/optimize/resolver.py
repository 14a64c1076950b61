"""One LP built once and re-solved many times with changed capacities: what batch analyses run on.

N-1 criticality, flood ensembles and mitigation solve the same LP hundreds of times with a
few capacities changed. Rebuilding the model each time costs far more than re-solving it:
:class:`Resolver` builds the LP of a base scenario once, solves it in a re-solve session of
the chosen backend (:mod:`foodchain.optimize.sessions`; warm from the base basis on HiGHS),
and for every variant only changes bounds. Which bounds a capacity sets is read from the
family declarations of :mod:`foodchain.optimize.families`, so a variant's LP is the LP a
full rebuild with the same capacities would give (:func:`foodchain.solve`), and a family
declared there is honoured here without naming it. Structural changes (new routes, new
stock where there is none, other demand) need a rebuild and are refused.

With equity on (the scenario's ``equity`` key, as in :func:`foodchain.solve`), a variant that
leaves demand short gets the fair-sharing stage of :mod:`foodchain.optimize.equity` after
its least-shortfall solve, exactly as ``solve`` runs it (on HiGHS, warm on the session's
model, which is restored afterwards). Figures come from :mod:`foodchain.optimize.results`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from foodchain.model.dataset import Dataset
from foodchain.optimize import families
from foodchain.optimize.backends import Solution, require_optimal
from foodchain.optimize.equity import second_stage
from foodchain.optimize.factors import Factors, scenario_factors
from foodchain.optimize.families import BoundMap, initial_stock_bounds, instance_capacities, scenario_capacities
from foodchain.optimize.instance import Instance, build_instance
from foodchain.optimize.lp import LinearProgram, build_lp
from foodchain.optimize.results import SolveResult, make_result, shortfall_matrix, solution_costs
from foodchain.optimize.scenario import Scenario
from foodchain.optimize.sessions import open_session
from foodchain.optimize.size import check_lp_size


@dataclass
class Outcome:
    """What one solve of a variant tells: shortfall per demand row and day, and costs.

    ``shortfall`` is [Q, D] tonnes (:func:`~foodchain.optimize.results.shortfall_matrix`,
    rounded to 1e-9 t so the same run gives the same figures in any process); ``cost`` =
    transport + supply cost (Rp), without the shortfall penalty; ``objective`` includes the
    penalty (stage 1's objective at the final plan, as :func:`foodchain.solve` reports it).
    ``first`` is stage 1's solution when the equity stage ran (else ``solution`` itself).
    """

    status: str
    objective: float
    shortfall: np.ndarray
    transport_cost: float
    supply_cost: float
    solution: Solution
    first: Solution | None = None

    @property
    def cost(self) -> float:
        return self.transport_cost + self.supply_cost

    @property
    def total_shortfall_t(self) -> float:
        return float(self.shortfall.sum())


class Resolver:
    """The LP of ``dataset`` under ``scenario`` over ``days``, solved once and re-solved per variant.

    Parameters
    ----------
    dataset, scenario, days
        As for :func:`foodchain.solve`; the scenario is the *base* every variant starts from.
    solver
        A solver of :data:`~foodchain.optimize.backends.SOLVERS`; its session
        (:func:`~foodchain.optimize.sessions.open_session`) re-solves HiGHS warm and any
        other backend from scratch; the default ``auto`` re-solves warm while that is faster
        than a cold solve (:class:`~foodchain.optimize.sessions.AutoSession`).
    equity
        Run the fair-sharing stage after every solve that leaves demand short
        (default: the scenario's ``equity`` key, as :func:`foodchain.solve`).
    """

    def __init__(
        self,
        dataset: Dataset,
        scenario: Scenario | None = None,
        days: int | None = None,
        solver: str = "auto",
        equity: bool | None = None,
    ):
        scenario = scenario or Scenario()
        self.equity = scenario.equity == "on" if equity is None else equity
        self.dataset, self.scenario_json, self.scenario_name = dataset, scenario.to_json(), scenario.name
        self.memo: dict = {}  # what analyses derive from the dataset once per Resolver (e.g. flood masks)
        self.factors: Factors = scenario_factors(dataset, scenario, days or scenario.horizon_days)
        self.inst: Instance = build_instance(dataset, self.factors)
        check_lp_size(self.inst)  # an LP too large for memory is refused before it is built
        self.lp: LinearProgram = build_lp(self.inst)
        self.bound_map = BoundMap(self.lp, self.inst)
        self.stock_rows = initial_stock_bounds(self.lp, self.inst)
        self.session = open_session(self.lp, solver)
        self.base = self._solve(self.lp)
        self.base_activity = self.lp.matrix @ self.base.solution.x
        self.base_first_activity = self.lp.matrix @ self.base.first.x
        self.solves, self.skipped = 1, 0

    def base_capacities(self) -> dict[str, np.ndarray]:
        """Copies of the base capacities {name: [rows, days]} (names of :data:`~foodchain.optimize.families.CAPACITIES`; inf: unlimited)."""
        return instance_capacities(self.inst)

    def capacities(self, factors: Factors) -> dict[str, np.ndarray]:
        """The capacities of another scenario's ``factors`` on the same dataset."""
        return scenario_capacities(self.dataset, factors)

    def variant_lp(self, caps: dict[str, np.ndarray] | None = None, stock_add: dict | None = None) -> LinearProgram:
        """The base LP with capacities ``caps`` (missing names: the base's) and extra initial stock.

        The matrix and costs are the base's (shared, not copied); only bounds differ, set by
        :meth:`~foodchain.optimize.families.BoundMap.bounds` from the family declarations.

        ``stock_add`` {(node index, commodity index): tonnes} adds ``t`` to the initial stock
        where some is held already (:func:`~foodchain.optimize.families.initial_stock_bounds`):
        the day-1 balance row's sides fall by ``t``, the ``stock_end`` lower bound and the
        ``drawdown`` upper bound rise by ``t``. Elsewhere new stock changes which routes may
        carry the commodity, which is a rebuild (:func:`foodchain.solve`).

        Parameters
        ----------
        caps : dict of str to numpy.ndarray, optional
            ``{name: [rows, days]}`` capacities in t/day.
        stock_add : dict, optional
            ``{(node index, commodity index): t}`` added to the initial stock.

        Returns
        -------
        LinearProgram
            A copy of the base LP with new ``upper``, ``row_lower`` and ``row_upper``.
        """
        caps = self.base_capacities() | (caps or {})
        col, row = self.bound_map.bounds(self.lp, caps)
        lower = self.lp.row_lower.copy()
        for (n, k), t in (stock_add or {}).items():
            if (n, k) not in self.stock_rows:
                raise ValueError("a Resolver adds stock only where there is some already; rebuild instead")
            balance, end, draw = self.stock_rows[n, k]
            lower[balance] -= t
            row[balance] -= t
            if end is not None:
                lower[end] += t
            if draw is not None:
                col[draw] += t
        return replace(self.lp, upper=col, row_lower=lower, row_upper=row)

    def solve(self, caps: dict[str, np.ndarray] | None = None, stock_add: dict | None = None) -> Outcome:
        """Solve with capacities ``caps`` (missing: the base's) and extra stock, as :func:`foodchain.solve` would.

        Parameters
        ----------
        caps
            {capacity name: [rows, days] t/day}, names of :data:`~foodchain.optimize.families.CAPACITIES`
            (``inf``: unlimited; 0 closes).
        stock_add
            {(node index, commodity index): extra tonnes of initial stock} (:meth:`variant_lp`).

        Returns
        -------
        Outcome
            Stage 1's optimum, then (equity on, something short) the fair-sharing stage's plan.

        Raises
        ------
        SolverError
            When a stage finds no optimum (:func:`~foodchain.optimize.backends.require_optimal`).

        When the variant only tightens bounds that the base's plans already meet (closing a
        route or node that carries nothing), the base's answer stays optimal: its stage-1
        plan is feasible in a smaller feasible set, so stage 1's optimum and weighted
        shortfall are unchanged, and its fair plan is feasible in a smaller stage-2 set.
        It is returned without a solve (counted in ``skipped``).
        """
        lp = self.variant_lp(caps, stock_add)
        if not stock_add and self._base_still_optimal(lp):
            self.skipped += 1
            return self.base
        self.solves += 1
        return self._solve(lp)

    def solve_factors(self, factors: Factors) -> Outcome:
        """Solve another scenario (its ``factors``) of the same dataset and horizon.

        Only capacity factors are honoured; demand factors must equal the base's.
        """
        if not np.array_equal(factors.demand, self.factors.demand):
            raise ValueError("a Resolver re-solves capacity and supply changes only; demand changed")
        return self.solve(self.capacities(factors))

    def result(self, outcome: Outcome) -> SolveResult:
        """The full result tables of one outcome (:func:`~foodchain.optimize.results.make_result`)."""
        return make_result(self.inst, self.lp, outcome.solution, self.scenario_name)

    def _base_still_optimal(self, lp: LinearProgram, tol: float = 1e-7) -> bool:
        """Does ``lp`` only tighten the base's upper bounds, and do the base's plans (both stages) meet them?"""
        if (lp.upper > self.lp.upper).any() or (lp.row_upper > self.lp.row_upper).any():
            return False
        fits = [(self.base.solution.x, self.base_activity), (self.base.first.x, self.base_first_activity)]
        return all(bool((x <= lp.upper + tol).all() and (a <= lp.row_upper + tol).all()) for x, a in fits)

    def _solve(self, lp: LinearProgram) -> Outcome:
        first = require_optimal(self.session.solve(lp))
        sol = second_stage(lp, self.inst, first, self.session.solver) if self.equity else first
        transport, supply = solution_costs(lp, sol)
        return Outcome(
            status=sol.status,
            objective=float(sol.objective),
            shortfall=np.round(shortfall_matrix(self.inst, lp, sol), 9),
            transport_cost=transport,
            supply_cost=supply,
            solution=sol,
            first=first,
        )


_CACHE: dict[tuple, Resolver] = {}


def fingerprint(dataset: Dataset) -> str:
    """A short hash of a dataset's tables (equal tables give equal fingerprints in any process)."""
    digest = hashlib.sha1(usedforsecurity=False)  # a cache key, not a signature
    for name, frame in dataset.tables().items():
        digest.update(name.encode())
        digest.update(",".join(map(str, frame.columns)).encode())
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def cached_resolver(dataset: Dataset, scenario: Scenario | None = None, days: int | None = None) -> Resolver:
    """The :class:`Resolver` of this dataset, scenario and horizon, built once per process.

    Workers of a process pool or Dask cluster call this for every task, so each builds and
    solves the base model once and re-solves it for every later task. A call with the very
    dataset object of the cached Resolver skips hashing the tables: datasets are not changed
    in place once loaded. The family declarations are part of the key.

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario, optional
        The base scenario; ``None`` for the baseline.
    days : int, optional
        The horizon; default the scenario's.

    Returns
    -------
    Resolver
        Shared: do not change its base model.
    """
    scenario = scenario or Scenario()
    days, text, declared = days or scenario.horizon_days, scenario.to_json(), families.declared()
    for key, resolver in _CACHE.items():  # the same dataset object as the last call: no need to hash its tables
        if resolver.dataset is dataset and key[1:] == (text, days, declared):
            return resolver
    key = (fingerprint(dataset), text, days, declared)
    if key not in _CACHE:
        _CACHE.clear()  # one model at a time: they can be large
        _CACHE[key] = Resolver(dataset, scenario, days)
    return _CACHE[key]
