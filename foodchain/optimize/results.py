"""Results of a solve as tidy tables, mapped back from the LP's variable families.

Every column is specced (dtype, unit, labels) in :mod:`foodchain.model.columns`;
``tests/model/test_columns.py`` checks that these tables produce exactly those columns, in order.

Days are 1-based in every table. Nodes marked ``external`` (demand outside the study area)
are solved like any other, but the headline totals of :meth:`SolveResult.summary`
(``total_*``, ``by_commodity``) count the study area only; external demand has its own
``external_demand_t`` and ``external_shortfall_t``. ``shadow_price`` is what one more t/day of capacity
on that route (or node) on that day would lower the objective by (Rp per t/day, >= 0);
it is 0 where the capacity is not binding or the route is unlimited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from foodchain.model.columns import SOLVE_TABLES
from foodchain.optimize.backends import Solution
from foodchain.optimize.instance import Instance
from foodchain.optimize.lp import LinearProgram

TOL = 1e-7


@dataclass
class SolveResult:
    """Everything a solve tells: status, totals and the tables of DESIGN.md section 5."""

    status: str
    objective: float
    days: int
    scenario: str
    solver: str
    shortfall: pd.DataFrame
    flows: pd.DataFrame
    route_use: pd.DataFrame
    node_use: pd.DataFrame
    stock: pd.DataFrame
    supply_use: pd.DataFrame
    transport_cost: float
    supply_cost: float
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    external: frozenset = frozenset()  # node_ids of demand outside the study area
    start_date: str | None = None  # ISO date of day 1 (the scenario's start_date), for showing days as dates
    horizon: dict = field(default_factory=lambda: {"method": "exact"})  # or rolling, with its window and kept days

    @property
    def optimal(self) -> bool:
        return self.status == "optimal"

    def study_shortfall(self) -> pd.DataFrame:
        """Rows of :attr:`shortfall` in the study area (external nodes left out)."""
        return self.shortfall[~self.shortfall["node_id"].isin(self.external)]

    def by_commodity(self) -> dict[str, dict[str, float]]:
        """{commodity: {demand_t, delivered_t, shortfall_t}} over all days, study area only."""
        g = self.study_shortfall().groupby("commodity", sort=False)[["demand_t", "delivered_t", "shortfall_t"]].sum()
        return {k: {c: round(float(v), 6) for c, v in row.items()} for k, row in g.iterrows()}

    def summary(self) -> dict:
        """The ``summary.json`` document (``total_*`` and ``by_commodity``: the study area only)."""
        s = self.study_shortfall()
        ext = self.shortfall[self.shortfall["node_id"].isin(self.external)]
        return {
            "status": self.status,
            "scenario": self.scenario,
            "objective": self.objective,
            "days": self.days,
            "total_demand_t": float(s["demand_t"].sum()),
            "total_delivered_t": float(s["delivered_t"].sum()),
            "total_shortfall_t": float(s["shortfall_t"].sum()),
            "external_demand_t": float(ext["demand_t"].sum()),
            "external_shortfall_t": float(ext["shortfall_t"].sum()),
            "transport_cost": self.transport_cost,
            "supply_cost": self.supply_cost,
            "by_commodity": self.by_commodity(),
            "solver": self.solver,
            "timings_s": self.timings,
            "perfect_foresight": True,
            "horizon": self.horizon,
        } | ({"start_date": self.start_date} if self.start_date else {})

    def write(self, out: str | Path, extra_summary: dict | None = None) -> Path:
        """Write summary.json (with the keys of ``extra_summary`` added after its own), shortfall.csv,
        flows.csv, route_use.csv, node_use.csv, supply_use.csv and (days > 1) stock.csv into ``out``.

        Parameters
        ----------
        out : str or Path
            The folder to write into; created (with its parents) if missing, files in it overwritten.
        extra_summary : dict, optional
            Keys added to ``summary.json`` after :meth:`summary`'s own (a key of both takes this value).

        Returns
        -------
        Path
            The folder written.
        """
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        summary = self.summary() | (extra_summary or {})
        (folder / "summary.json").write_text(
            json.dumps(summary, indent=1, ensure_ascii=False, allow_nan=False)  # strict JSON
        )
        for name in SOLVE_TABLES:
            if name != "stock" or self.days > 1:
                getattr(self, name).to_csv(folder / f"{name}.csv", index=False)
        return folder


def _values(lp: LinearProgram, sol: Solution, name: str) -> np.ndarray:
    return sol.x[lp.variables[name].slice]


def shortfall_matrix(inst: Instance, lp: LinearProgram, sol: Solution) -> np.ndarray:
    """Tonnes short per demand row and day, ``s[q, d]`` [Q, D], read from the ``shortfall`` columns.

    ``s[q, d] = clip(x(shortfall[q, d]), 0, D[q, d])``, and 0 below :data:`TOL` (round-off);
    0 where the LP has no column (no demand).

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    numpy.ndarray
        ``s[q, d]`` in t, shape ``(len(inst.demand_node), inst.days)``; ``d`` is 0-based.
    """
    short = np.zeros((len(inst.demand_node), inst.days))
    fam = lp.variables["shortfall"]
    short[fam.keys["q"], fam.keys["d"]] = _values(lp, sol, "shortfall")
    short = np.clip(short, 0.0, inst.demand)
    short[short < TOL] = 0.0
    return short


def solution_costs(lp: LinearProgram, sol: Solution) -> tuple[float, float]:
    """``(transport_cost, supply_cost)`` of a solution in Rp: ``sum cost(r) flow`` and ``sum cost(s) supply``.

    Parameters
    ----------
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    tuple of float
        ``(transport_cost, supply_cost)`` in Rp.
    """
    flow, sup = lp.variables["flow"], lp.variables["supply"]
    return float(lp.cost[flow.slice] @ sol.x[flow.slice]), float(lp.cost[sup.slice] @ sol.x[sup.slice])


def shortfall_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """One row per demand row and day: demand_t, delivered_t, shortfall_t (:func:`shortfall_matrix`).

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns node_id, commodity, day (1-based), demand_t, delivered_t, shortfall_t (t), one row
        for every demand row and every day (also where demand is 0).
    """
    q, d = np.meshgrid(np.arange(len(inst.demand_node)), np.arange(inst.days), indexing="ij")
    q, d = q.ravel(), d.ravel()
    demand = inst.demand[q, d]
    shortfall = shortfall_matrix(inst, lp, sol)[q, d]
    return pd.DataFrame(
        {
            "node_id": inst.node_ids[inst.demand_node[q]],
            "commodity": inst.commodity_ids[inst.demand_k[q]],
            "day": d + 1,
            "demand_t": demand,
            "delivered_t": demand - shortfall,
            "shortfall_t": shortfall,
        }
    )


def flows_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """Non-zero flows: route_id, commodity, day (of departure), flow_t.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns route_id, commodity, day (1-based day of departure), flow_t (t); only flows above
        :data:`TOL`.
    """
    fam = lp.variables["flow"]
    x = _values(lp, sol, "flow")
    m = x > TOL
    return pd.DataFrame(
        {
            "route_id": inst.route_ids[fam.keys["r"][m]],
            "commodity": inst.commodity_ids[fam.keys["k"][m]],
            "day": fam.keys["d"][m] + 1,
            "flow_t": x[m],
        }
    )


def _per_day(index_size: int, days: int, idx: np.ndarray, d: np.ndarray, values: np.ndarray) -> np.ndarray:
    out = np.zeros((index_size, days))
    np.add.at(out, (idx, d), values)
    return out


def _row_prices(lp: LinearProgram, sol: Solution, name: str, shape: tuple[int, int]) -> np.ndarray:
    prices = np.zeros(shape)
    fam = lp.constraints.get(name)
    if fam is not None and fam.size:
        prices[fam.keys["i"], fam.keys["d"]] = np.maximum(-sol.row_dual[fam.slice], 0.0)
    return prices


def route_use_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """Every route and day: capacity_t (blank: unlimited), flow_t, utilisation, shadow_price.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns route_id, day (1-based), capacity_t (t/day, NaN when unlimited), flow_t (t leaving
        that day), utilisation (flow / capacity; inf for any flow where the capacity is 0 or unlimited) and
        shadow_price (Rp per t/day, >= 0, from the ``route_capacity`` row duals).
    """
    fam = lp.variables["flow"]
    flow = _per_day(len(inst.route_ids), inst.days, fam.keys["r"], fam.keys["d"], _values(lp, sol, "flow"))
    price = _row_prices(lp, sol, "route_capacity", flow.shape)
    cap = np.where(np.isinf(inst.route_cap), np.nan, inst.route_cap)
    with np.errstate(invalid="ignore", divide="ignore"):
        util = np.where(cap > 0, flow / cap, np.where(flow > TOL, np.inf, 0.0))
    r, d = np.meshgrid(np.arange(len(inst.route_ids)), np.arange(inst.days), indexing="ij")
    return pd.DataFrame(
        {
            "route_id": inst.route_ids[r.ravel()],
            "day": d.ravel() + 1,
            "capacity_t": cap.ravel(),
            "flow_t": flow.ravel(),
            "utilisation": util.ravel(),
            "shadow_price": price.ravel(),
        }
    )


def node_use_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """Every node and day: throughput_t, arrivals_t, departures_t and the shadow price of throughput.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns node_id, day (1-based), throughput_t (t/day, NaN when unlimited), arrivals_t and
        departures_t (t arriving and leaving that day) and shadow_price (Rp per t/day, >= 0, the
        sum of the ``throughput_in`` and ``throughput_out`` row prices).
    """
    fam = lp.variables["flow"]
    x, r, d = _values(lp, sol, "flow"), fam.keys["r"], fam.keys["d"]
    n_nodes = len(inst.node_ids)
    arrive = _per_day(
        n_nodes, inst.days + int(inst.route_lead.max(initial=0)), inst.route_dest[r], d + inst.route_lead[r], x
    )[:, : inst.days]
    leave = _per_day(n_nodes, inst.days, inst.route_origin[r], d, x)
    price = _row_prices(lp, sol, "throughput_in", leave.shape) + _row_prices(lp, sol, "throughput_out", leave.shape)
    cap = np.where(np.isinf(inst.node_throughput), np.nan, inst.node_throughput)
    n, dd = np.meshgrid(np.arange(n_nodes), np.arange(inst.days), indexing="ij")
    return pd.DataFrame(
        {
            "node_id": inst.node_ids[n.ravel()],
            "day": dd.ravel() + 1,
            "throughput_t": cap.ravel(),
            "arrivals_t": arrive.ravel(),
            "departures_t": leave.ravel(),
            "shadow_price": price.ravel(),
        }
    )


def stock_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """End-of-day stock per node, commodity and day, with tonnes lost to shelf life.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns node_id, commodity, day (1-based), stock_t (t at the end of the day) and lost_t
        (t discarded that day; 0 where nothing can spoil), sorted by node_id, commodity, day.
    """
    fam, lost = lp.variables["stock"], lp.variables["lost"]
    frame = pd.DataFrame(
        {
            "node_id": inst.node_ids[fam.keys["n"]],
            "commodity": inst.commodity_ids[fam.keys["k"]],
            "day": fam.keys["d"] + 1,
            "stock_t": np.where(_values(lp, sol, "stock") > TOL, _values(lp, sol, "stock"), 0.0),
        }
    )
    lost_t = pd.DataFrame(
        {
            "node_id": inst.node_ids[lost.keys["n"]],
            "commodity": inst.commodity_ids[lost.keys["k"]],
            "day": lost.keys["d"] + 1,
            "lost_t": _values(lp, sol, "lost"),
        }
    )
    frame = frame.merge(lost_t, on=["node_id", "commodity", "day"], how="left").fillna({"lost_t": 0.0})
    frame.loc[frame["lost_t"] < TOL, "lost_t"] = 0.0
    return frame.sort_values(["node_id", "commodity", "day"], kind="stable").reset_index(drop=True)


def supply_use_table(inst: Instance, lp: LinearProgram, sol: Solution) -> pd.DataFrame:
    """Every supply row and day: available_t and used_t.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).

    Returns
    -------
    pandas.DataFrame
        Columns node_id, commodity, day (1-based), available_t (t/day after the factors) and used_t
        (t/day), one row for every supply row and day.
    """
    fam = lp.variables["supply"]
    used = _per_day(len(inst.supply_node), inst.days, fam.keys["s"], fam.keys["d"], _values(lp, sol, "supply"))
    s, d = np.meshgrid(np.arange(len(inst.supply_node)), np.arange(inst.days), indexing="ij")
    return pd.DataFrame(
        {
            "node_id": inst.node_ids[inst.supply_node[s.ravel()]],
            "commodity": inst.commodity_ids[inst.supply_k[s.ravel()]],
            "day": d.ravel() + 1,
            "available_t": inst.supply_cap.ravel(),
            "used_t": used.ravel(),
        }
    )


def make_result(inst: Instance, lp: LinearProgram, sol: Solution, scenario: str) -> SolveResult:
    """Map a solution back to the dataset's ids as a :class:`SolveResult`.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based in the arrays, ``0 .. inst.days - 1``).
    lp : LinearProgram
        The LP that was solved; its variable families give each column's keys.
    sol : Solution
        The backend's solution of ``lp`` (column values ``x``, row duals ``row_dual``).
    scenario : str
        The scenario's name, stored as :attr:`SolveResult.scenario`.

    Returns
    -------
    SolveResult
        Status, objective (Rp) and costs (Rp) of ``sol`` with the tables of this module; ``timings``,
        ``warnings`` and ``start_date`` are left empty for the caller to fill.
    """
    transport_cost, supply_cost = solution_costs(lp, sol)
    return SolveResult(
        status=sol.status,
        objective=float(sol.objective),
        days=inst.days,
        scenario=scenario,
        solver=sol.solver,
        shortfall=shortfall_table(inst, lp, sol),
        flows=flows_table(inst, lp, sol),
        route_use=route_use_table(inst, lp, sol),
        node_use=node_use_table(inst, lp, sol),
        stock=stock_table(inst, lp, sol),
        supply_use=supply_use_table(inst, lp, sol),
        transport_cost=transport_cost,
        supply_cost=supply_cost,
        external=frozenset(inst.node_ids[inst.node_external]) if inst.node_external is not None else frozenset(),
    )
