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
from foodchain.optimize.size import check_lp_size

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
        ``"simplex"`` (default) or ``"ipm"`` (interior point with crossover) for the base
        solve; re-solves always use dual simplex. The base basis decides how fast the
        re-solves are: from a dual simplex base they took 0.087 s a closure against 0.38 s
        from an interior-point base on the stressed city (benchmarks/RESULTS.md, "N-1 on a
        stressed city"), more than the base solve itself costs.
    """

    def __init__(
        self,
        dataset: Dataset,
        scenario: Scenario | None = None,
        days: int | None = None,
        method="simplex",
        equity: bool | None = None,
    ):
        scenario = scenario or Scenario()
        self.equity = scenario.equity == "on" if equity is None else equity
        self.dataset, self.scenario_json = dataset, scenario.to_json()
        self.memo: dict = {}  # what analyses derive from the dataset once per Resolver (e.g. flood masks)
        self.factors: Factors = scenario_factors(dataset, scenario, days or scenario.horizon_days)
        self.inst: Instance = build_instance(dataset, self.factors)
        check_lp_size(self.inst)  # an LP too large for memory is refused before it is built
        self.lp: LinearProgram = build_lp(self.inst)
        self.h = highs_model(self.lp, method=method)
        self._index()
        self.col_upper = self._highs(self.lp.upper)
        self.row_upper = self._highs(self.lp.row_upper)
        self.row_lower = -self._highs(-self.lp.row_lower)
        first = run_highs(self.h)
        self.h.setOptionValue("solver", "simplex")
        self.basis = self.h.getBasis()
        self.base = self._finish(first)
        self.base_col_upper, self.base_row_upper = self.col_upper.copy(), self.row_upper.copy()
        self.base_row_lower = self.row_lower.copy()
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
        self.stock_rows = {}  # (n, k) of initial stock: balance row of day 1, stock_end row, drawdown column
        bal = lp.constraints["balance"]
        first = bal.keys["d"] == 0
        day1 = dict(zip(zip(bal.keys["n"][first], bal.keys["k"][first]), bal.start + np.flatnonzero(first)))
        end, draw = lp.constraints.get("stock_end"), lp.variables.get("drawdown")
        ends = dict(zip(zip(end.keys["n"], end.keys["k"]), end.start + np.arange(end.size))) if end else {}
        draws = dict(zip(zip(draw.keys["n"], draw.keys["k"]), draw.start + np.arange(draw.size))) if draw else {}
        for n, k in zip(*np.nonzero(inst.stock0 > 0)):
            self.stock_rows[n, k] = (day1[n, k], ends.get((n, k)), draws.get((n, k)))

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

    def _stock_targets(self, stock_add: dict, col: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        """Bounds with ``t`` more tonnes of initial stock at each ``(n, k)`` of ``stock_add``.

        Initial stock ``s0`` enters the LP in three places: the right-hand side of the day-1
        balance row (``demand - s0``), the lower bound of ``stock_end`` (``s0``) and the upper
        bound of ``drawdown`` (``s0``); adding ``t`` to ``s0`` changes exactly these. Only
        where ``s0 > 0`` already: elsewhere new stock changes which routes may carry the
        commodity (a rebuild, :func:`foodchain.solve`).
        """
        for (n, k), t in stock_add.items():
            if (n, k) not in self.stock_rows:
                raise ValueError("a Resolver adds stock only where there is some already; rebuild instead")
            balance, end, draw = self.stock_rows[n, k]
            lower[balance] -= t
            upper[balance] -= t
            if end is not None:
                lower[end] += t
            if draw is not None:
                col[draw] += t

    def solve(self, route_cap=None, node_cap=None, supply_cap=None, stock_add: dict | None = None) -> Outcome:
        """Solve with these capacities (``None``: the base's), starting from the base basis.

        ``stock_add`` {(node index, commodity index): tonnes} releases extra initial stock
        where some is held already (:meth:`_stock_targets`).

        When the variant only tightens bounds that the base solution already meets (closing a
        route or node that carries nothing), the base optimum stays feasible in a smaller
        feasible set, hence optimal: it is returned without a solve (counted in ``skipped``).
        Otherwise only bounds that differ from the model's current ones are sent to HiGHS.
        """
        base = self.base_capacities()
        caps = [base[i] if c is None else c for i, c in enumerate((route_cap, node_cap, supply_cap))]
        col, row = self._targets(*caps)
        lower = self.base_row_lower.copy()
        if stock_add:
            self._stock_targets(stock_add, col, lower, row)
        elif self._base_still_optimal(col, row):
            self.skipped += 1
            return self.base
        self._change(col, lower, row)
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

    def _change(self, col: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> None:
        c = np.flatnonzero(col != self.col_upper)
        if len(c):
            self.h.changeColsBounds(len(c), c.astype(np.int32), self.lp.lower[c], col[c])
            self.col_upper[c] = col[c]
        r = np.flatnonzero((upper != self.row_upper) | (lower != self.row_lower))
        if len(r):
            self.h.changeRowsBounds(len(r), r.astype(np.int32), lower[r], upper[r])
            self.row_upper[r], self.row_lower[r] = upper[r], lower[r]

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

    digest = hashlib.sha1(usedforsecurity=False)  # a cache key, not a signature
    for name, frame in dataset.tables().items():
        digest.update(name.encode())
        digest.update(",".join(map(str, frame.columns)).encode())
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def cached_resolver(dataset: Dataset, scenario: Scenario | None = None, days: int | None = None) -> Resolver:
    """The :class:`Resolver` of this dataset, scenario and horizon, built once per process.

    Workers of a process pool or Dask cluster call this for every task, so each builds and
    solves the base model once and re-solves it warm for every later task. A call with the
    very dataset object of the cached Resolver skips hashing the tables: datasets are not
    changed in place once loaded.
    """
    scenario = scenario or Scenario()
    days, text = days or scenario.horizon_days, scenario.to_json()
    for resolver in _CACHE.values():  # the same dataset object as the last call: no need to hash its tables
        if resolver.dataset is dataset and resolver.scenario_json == text and resolver.inst.days == days:
            return resolver
    key = (fingerprint(dataset), text, days)
    if key not in _CACHE:
        _CACHE.clear()  # one model at a time: they can be large
        _CACHE[key] = Resolver(dataset, scenario, days)
    return _CACHE[key]
