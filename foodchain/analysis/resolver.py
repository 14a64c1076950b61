"""One LP built once and re-solved many times with changed capacities, warm from its basis.

N-1 criticality, flood ensembles and other batch analyses solve the same LP hundreds of
times with a few capacities changed. Rebuilding the model each time costs far more than
re-solving it: :class:`Resolver` builds the LP of a base scenario once, solves it, keeps
the optimal basis, and for every variant only changes bounds in the HiGHS model:

* route ``r`` with a finite capacity: row ``route_capacity[r,d]``,
  ``sum_k flow[r,k,d] <= cap(r) x factor(r,d)`` (``changeRowsBounds``);
* route ``r`` without capacity (unlimited) closed on day ``d`` (factor 0): the upper
  bounds of its columns ``flow[r,k,d]`` become 0 (``changeColsBounds``);
* node ``n`` with a throughput: rows ``throughput_in[n,d]`` and ``throughput_out[n,d]``;
  an unlimited node closed on day ``d``: columns of the flows arriving at ``n`` on day
  ``d`` (departure ``d - lead``) and leaving ``n`` on day ``d`` get upper bound 0;
* supply row ``s``: the upper bound of column ``supply[s,d]``.

Each variant starts from the base basis (``setBasis``), so its answer does not depend on
which variants were solved before it, and bounds not named by a variant are the base's.
Structural changes (new routes, new stock) need a rebuild and are not handled here.

With equity on (the scenario's ``equity`` key, as in :func:`foodchain.solve`), a variant
that leaves demand short gets the fair-sharing stage of :mod:`foodchain.optimize.equity`
on the same HiGHS model, warm from the variant's optimum; the stage's columns and rows are
taken out again afterwards, so the next variant starts from the base basis as before.
Variants with nothing short (most N-1 closures on an unstressed network) skip it.
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np

from foodchain.errors import SolverError
from foodchain.model.dataset import Dataset
from foodchain.optimize.backends import Solution, highs_model, run_highs
from foodchain.optimize.equity import second_stage
from foodchain.optimize.factors import Factors, scenario_factors
from foodchain.optimize.instance import Instance, _scaled_capacity, build_instance
from foodchain.optimize.lp import LinearProgram, build_lp
from foodchain.optimize.scenario import Scenario

BIG = highspy.kHighsInf


@dataclass
class Outcome:
    """What one solve of a variant tells: shortfall per demand row and day, and costs.

    ``shortfall`` is [Q, D] tonnes; ``cost`` = transport + supply cost (Rp), without the
    shortfall penalty; ``objective`` includes the penalty.
    """

    status: str
    objective: float
    shortfall: np.ndarray
    transport_cost: float
    supply_cost: float
    solution: Solution

    @property
    def cost(self) -> float:
        return self.transport_cost + self.supply_cost

    @property
    def total_shortfall_t(self) -> float:
        return float(self.shortfall.sum())


class Resolver:
    """The LP of ``dataset`` under ``scenario`` over ``days``, solved once and re-solved warm.

    Parameters
    ----------
    dataset, scenario, days
        As for :func:`foodchain.solve`; the scenario is the *base* every variant starts from.
    method
        ``"ipm"`` (default: interior point with crossover, fastest from scratch on large
        networks) or ``"simplex"`` for the base solve; re-solves always use dual simplex.
    """

    def __init__(
        self,
        dataset: Dataset,
        scenario: Scenario | None = None,
        days: int | None = None,
        method="ipm",
        equity: bool | None = None,
    ):
        scenario = scenario or Scenario()
        self.equity = scenario.equity == "on" if equity is None else equity
        self.dataset = dataset
        self.factors: Factors = scenario_factors(dataset, scenario, days or scenario.horizon_days)
        self.inst: Instance = build_instance(dataset, self.factors)
        self.lp: LinearProgram = build_lp(self.inst)
        self.h = highs_model(self.lp, method=method)
        self._index()
        self.col_upper = self._highs(self.lp.upper)
        self.row_upper = self._highs(self.lp.row_upper)
        first = run_highs(self.h)
        self.h.setOptionValue("solver", "simplex")
        self.basis = self.h.getBasis()
        self.base = self._finish(first)
        self.base_col_upper, self.base_row_upper = self.col_upper.copy(), self.row_upper.copy()
        self.base_activity = self.lp.matrix @ self.base.solution.x
        self.solves, self.skipped = 1, 0

    @staticmethod
    def _highs(values: np.ndarray) -> np.ndarray:
        return np.where(np.isinf(values), BIG, values).astype(float)

    def _index(self) -> None:
        """Row of each (route, day), (node, day) capacity; flow columns by route, arrival and departure node."""
        inst, lp = self.inst, self.lp
        n_r, n_n, days = len(inst.route_ids), len(inst.node_ids), inst.days
        self.row_of = {}
        for name, size in (("route_capacity", n_r), ("throughput_in", n_n), ("throughput_out", n_n)):
            rows = np.full((size, days), -1, dtype=np.int64)
            fam = lp.constraints.get(name)
            if fam is not None and fam.size:
                rows[fam.keys["i"], fam.keys["d"]] = fam.start + np.arange(fam.size)
            self.row_of[name] = rows
        flow = lp.variables["flow"]
        r, d = flow.keys["r"], flow.keys["d"]
        self.flow_cols = flow.start + np.arange(flow.size)
        self.flow_route_day = (r, d)
        self.flow_arrive = (inst.route_dest[r], d + inst.route_lead[r])  # (node, day) of arrival
        self.flow_leave = (inst.route_origin[r], d)
        sup = lp.variables["supply"]
        self.supply_cols = (sup.start + np.arange(sup.size), sup.keys["s"], sup.keys["d"])

    def base_capacities(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Copies of the base route capacity [R, D], node throughput [N, D] and supply [S, D] (inf: unlimited)."""
        return self.inst.route_cap.copy(), self.inst.node_throughput.copy(), self.inst.supply_cap.copy()

    def capacities(self, factors: Factors) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Route, node and supply capacities of another scenario's ``factors`` on the same dataset."""
        routes, nodes = self.dataset.routes, self.dataset.nodes
        return (
            _scaled_capacity(routes["capacity_t_per_day"].to_numpy(dtype=float), factors.route),
            _scaled_capacity(nodes["throughput_t_per_day"].to_numpy(dtype=float), factors.node),
            self.dataset.supply["supply_t_per_day"].to_numpy(dtype=float)[:, None] * factors.supply,
        )

    def _targets(self, route_cap, node_cap, supply_cap) -> tuple[np.ndarray, np.ndarray]:
        """Column and row upper bounds (HiGHS infinity) that give these capacities."""
        col, row = self.base_col_upper.copy(), self.base_row_upper.copy()
        for name, cap in (("route_capacity", route_cap), ("throughput_in", node_cap), ("throughput_out", node_cap)):
            rows = self.row_of[name]
            m = rows >= 0
            row[rows[m]] = self._highs(cap[m])
        closed = route_cap[self.flow_route_day] == 0
        node_closed = node_cap == 0
        if node_closed.any():
            n, d = self.flow_arrive
            arrive_closed = np.zeros(len(d), dtype=bool)
            ok = d < node_cap.shape[1]
            arrive_closed[ok] = node_closed[n[ok], d[ok]]
            closed |= arrive_closed | node_closed[self.flow_leave]
        col[self.flow_cols[closed]] = 0.0
        cols, s, d = self.supply_cols
        col[cols] = supply_cap[s, d]
        return col, row

    def solve(self, route_cap=None, node_cap=None, supply_cap=None) -> Outcome:
        """Solve with these capacities (``None``: the base's), starting from the base basis.

        When the variant only tightens bounds that the base solution already meets (closing a
        route or node that carries nothing), the base optimum stays feasible in a smaller
        feasible set, hence optimal: it is returned without a solve (counted in ``skipped``).
        Otherwise only bounds that differ from the model's current ones are sent to HiGHS.
        """
        base = self.base_capacities()
        caps = [base[i] if c is None else c for i, c in enumerate((route_cap, node_cap, supply_cap))]
        col, row = self._targets(*caps)
        if self._base_still_optimal(col, row):
            self.skipped += 1
            return self.base
        self._change(col, row)
        self.h.setBasis(self.basis)
        self.solves += 1
        sol = run_highs(self.h)
        if sol.status != "optimal":  # HiGHS could not finish from the warm start: once more from scratch
            self.h.clearSolver()
            sol = run_highs(self.h)
        return self._finish(sol)

    def _base_still_optimal(self, col: np.ndarray, row: np.ndarray, tol: float = 1e-7) -> bool:
        """Do the bounds ``col``, ``row`` only tighten the base's, and does the base solution meet them?"""
        if (col > self.base_col_upper).any() or (row > self.base_row_upper).any():
            return False
        return bool((self.base.solution.x <= col + tol).all() and (self.base_activity <= row + tol).all())

    def solve_factors(self, factors: Factors) -> Outcome:
        """Solve another scenario (its ``factors``) of the same dataset and horizon.

        Only capacity and supply factors are honoured; demand factors must equal the base's.
        """
        if not np.array_equal(factors.demand, self.factors.demand):
            raise ValueError("a Resolver re-solves capacity and supply changes only; demand changed")
        return self.solve(*self.capacities(factors))

    def _change(self, col: np.ndarray, row: np.ndarray) -> None:
        c = np.flatnonzero(col != self.col_upper)
        if len(c):
            self.h.changeColsBounds(len(c), c.astype(np.int32), self.lp.lower[c], col[c])
            self.col_upper[c] = col[c]
        r = np.flatnonzero(row != self.row_upper)
        if len(r):
            lower = np.where(np.isinf(self.lp.row_lower[r]), -BIG, self.lp.row_lower[r])
            self.h.changeRowsBounds(len(r), r.astype(np.int32), lower, row[r])
            self.row_upper[r] = row[r]

    def _finish(self, sol: Solution) -> Outcome:
        if sol.status != "optimal":
            raise SolverError(f"the solver stopped without an optimal solution: {sol.status}")
        lp, inst = self.lp, self.inst
        if self.equity:
            sol = second_stage(lp, inst, sol, "highs-simplex")
        short = np.zeros(inst.demand.shape)
        fam = lp.variables["shortfall"]
        short[fam.keys["q"], fam.keys["d"]] = np.clip(sol.x[fam.slice], 0.0, None)
        short[short < 1e-7] = 0.0
        short = np.round(short, 9)  # below a microgram is round-off: the same run gives the same figures
        flow, sup = lp.variables["flow"], lp.variables["supply"]
        return Outcome(
            status=sol.status,
            objective=float(sol.objective),
            shortfall=short,
            transport_cost=float(lp.cost[flow.slice] @ sol.x[flow.slice]),
            supply_cost=float(lp.cost[sup.slice] @ sol.x[sup.slice]),
            solution=sol,
        )


_CACHE: dict[tuple, Resolver] = {}


def fingerprint(dataset: Dataset) -> str:
    """A short hash of a dataset's tables (equal tables give equal fingerprints in any process)."""
    import hashlib

    import pandas as pd

    digest = hashlib.sha1()
    for name, frame in dataset.tables().items():
        digest.update(name.encode())
        digest.update(",".join(map(str, frame.columns)).encode())
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def cached_resolver(dataset: Dataset, scenario: Scenario | None = None, days: int | None = None) -> Resolver:
    """The :class:`Resolver` of this dataset, scenario and horizon, built once per process.

    Workers of a process pool or Dask cluster call this for every task, so each builds and
    solves the base model once and re-solves it warm for every later task.
    """
    scenario = scenario or Scenario()
    key = (fingerprint(dataset), scenario.to_json(), days or scenario.horizon_days)
    if key not in _CACHE:
        _CACHE.clear()  # one model at a time: they can be large
        _CACHE[key] = Resolver(dataset, scenario, days)
    return _CACHE[key]
