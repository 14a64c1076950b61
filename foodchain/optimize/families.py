"""Which bounds of the LP each capacity sets: the metadata that builds and re-solves read.

A *capacity* is a per-day figure of the dataset that a scenario scales by its factor
(:class:`~foodchain.optimize.factors.Factors`): route capacity, node throughput and supply.
Each is declared once in :data:`CAPACITIES`; each LP family bounded by one is declared once
in :data:`CAPACITY_ROWS` (rows) or :data:`CAPACITY_COLUMNS` (columns). :func:`foodchain.optimize.lp.build_lp`
builds every row family listed here, and a warm re-solve (:class:`~foodchain.optimize.resolver.Resolver`)
turns new capacities into new bounds through :class:`BoundMap`, which reads the same lists.
A new capacity-like family added here therefore reaches ``solve``, N-1 criticality,
ensembles and mitigation at once; nothing else names it.

For a capacity ``cap[i, d]`` (t/day after factors; ``inf``: unlimited) and a family whose
members map column ``j`` to ``(i(j), d(j))``:

* :class:`CapacityRows` ``name[i, d]``: ``sum_{j : (i(j), d(j)) = (i, d)} x_j <= share x cap[i, d]``,
  built only where ``cap[i, d]`` is finite in the built instance. Where a variant closes an
  unlimited capacity (``cap = 0``, the only change :mod:`~foodchain.optimize.factors` allows
  on an unlimited one) there is no row to tighten, so the member columns get upper bound 0,
  which is the same feasible set as the row ``sum x_j <= 0`` a rebuild would make.
* :class:`CapacityColumns` ``x_j <= cap[i(j), d(j)]``: the column's upper bound is the capacity.

Other changes touch bounds too, but not through a capacity: initial stock ``s0[n, k]`` is the
right-hand side of the day-1 ``balance`` row (``demand - s0``), the lower bound of
``stock_end`` and the upper bound of ``drawdown`` (:func:`initial_stock_bounds`); demand
``D[q, d]`` is the upper bound of ``shortfall[q, d]`` and part of the ``balance`` right-hand
side, and the equity stage's pieces are cut from it, so a demand change is a rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from foodchain.model.dataset import Dataset
from foodchain.optimize.factors import Factors
from foodchain.optimize.instance import Instance, scaled_capacity

if TYPE_CHECKING:
    from foodchain.optimize.lp import Family, LinearProgram


@dataclass(frozen=True)
class Capacity:
    """A per-day capacity: ``table.column`` (blank: unlimited) times the factor ``Factors.<name>``.

    ``instance`` names the :class:`~foodchain.optimize.instance.Instance` array [rows, days]
    that holds it after factors.
    """

    name: str
    table: str
    column: str
    instance: str


CAPACITIES: tuple[Capacity, ...] = (
    Capacity("route", "routes", "capacity_t_per_day", "route_cap"),
    Capacity("node", "nodes", "throughput_t_per_day", "node_throughput"),
    Capacity("supply", "supply", "supply_t_per_day", "supply_cap"),
)


def capacity(name: str) -> Capacity:
    """The declared :class:`Capacity` called ``name``."""
    return next(c for c in CAPACITIES if c.name == name)


Members = Callable[[Instance, "Family"], tuple[np.ndarray, np.ndarray, np.ndarray]]
"""``(i, d, take)`` per member of a variable family: the capacity row ``i`` and day ``d`` it
counts against, and whether it counts at all."""


@dataclass(frozen=True)
class CapacityRows:
    """Rows ``name[i, d]``: the ``over`` columns that ``members`` maps to ``(i, d)`` sum to at most
    ``share x cap[i, d]`` of capacity ``capacity`` (see the module docstring)."""

    name: str
    capacity: str
    over: str
    members: Members
    share: float = 1.0


@dataclass(frozen=True)
class CapacityColumns:
    """Columns of family ``name`` whose upper bound is ``cap[i, d]`` of capacity ``capacity``."""

    name: str
    capacity: str
    members: Members


def route_departures(inst: Instance, flow: Family) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``flow[r,k,d]`` counts against route ``r`` on its departure day ``d``.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based).
    flow : Family
        The ``flow`` columns.

    Returns
    -------
    i, d, take : numpy.ndarray
        Per column of ``flow``: the index of the route, the 0-based day of its row, and whether it counts (all True here).
    """
    return flow.keys["r"], flow.keys["d"], np.ones(flow.size, dtype=bool)


def node_arrivals(inst: Instance, flow: Family) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``flow[r,k,d]`` counts against its destination on the arrival day ``d + lead(r)``.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based).
    flow : Family
        The ``flow`` columns.

    Returns
    -------
    i, d, take : numpy.ndarray
        Per column of ``flow``: the index of the destination node, the 0-based day of its row, and whether it counts (all True here).
    """
    r = flow.keys["r"]
    return inst.route_dest[r], flow.keys["d"] + inst.route_lead[r], np.ones(flow.size, dtype=bool)


def node_departures(inst: Instance, flow: Family) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``flow[r,k,d]`` counts against its origin on the departure day ``d``.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based).
    flow : Family
        The ``flow`` columns.

    Returns
    -------
    i, d, take : numpy.ndarray
        Per column of ``flow``: the index of the origin node, the 0-based day of its row, and whether it counts (all True here).
    """
    return inst.route_origin[flow.keys["r"]], flow.keys["d"], np.ones(flow.size, dtype=bool)


def supply_days(inst: Instance, supply: Family) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``supply[s,d]`` is bounded by supply row ``s`` on day ``d``.

    Parameters
    ----------
    inst : Instance
        The arrays of the solve (days 0-based).
    supply : Family
        The ``supply`` columns.

    Returns
    -------
    i, d, take : numpy.ndarray
        Per column of ``supply``: the index of the supply row, the 0-based day of its row, and whether it counts (all True here).
    """
    return supply.keys["s"], supply.keys["d"], np.ones(supply.size, dtype=bool)


CAPACITY_ROWS: tuple[CapacityRows, ...] = (
    CapacityRows("route_capacity", "route", "flow", route_departures),
    CapacityRows("throughput_in", "node", "flow", node_arrivals),
    CapacityRows("throughput_out", "node", "flow", node_departures),
)
CAPACITY_COLUMNS: tuple[CapacityColumns, ...] = (CapacityColumns("supply", "supply", supply_days),)


def declared() -> tuple:
    """Every declared family (a cache key: a re-solve session built under other declarations is not reused)."""
    return CAPACITIES, CAPACITY_ROWS, CAPACITY_COLUMNS


def instance_capacities(inst: Instance) -> dict[str, np.ndarray]:
    """Copies of the instance's capacities {name: [rows, days]} (``inf``: unlimited)."""
    return {c.name: getattr(inst, c.instance).copy() for c in CAPACITIES}


def scenario_capacities(dataset: Dataset, factors: Factors) -> dict[str, np.ndarray]:
    """The capacities {name: [rows, days]} of ``dataset`` under ``factors``:
    ``cap[i, d] = table.column[i] x factor[i, d]`` (:func:`~foodchain.optimize.instance.scaled_capacity`).

    Parameters
    ----------
    dataset : Dataset
        The network; the capacities' table columns are in t/day.
    factors : Factors
        Per-row, per-day multipliers of each capacity (1 = unchanged, 0 = closed).

    Returns
    -------
    dict of str to numpy.ndarray
        One ``[rows, days]`` array (t/day) per name in :data:`CAPACITIES`.
    """
    tables = dataset.tables()
    return {
        c.name: scaled_capacity(tables[c.table][c.column].to_numpy(dtype=float), getattr(factors, c.name))
        for c in CAPACITIES
    }


@dataclass
class _Touch:
    """Positions in the LP's bound arrays and the capacity cell ``(i, d)`` each one follows."""

    capacity: str
    at: np.ndarray
    i: np.ndarray
    d: np.ndarray
    share: float = 1.0


class BoundMap:
    """Where each capacity cell sets a bound of one built LP (read from the declarations above).

    Parameters
    ----------
    lp, inst
        The LP and the instance it was built from.
    """

    def __init__(self, lp: LinearProgram, inst: Instance):
        self.rows, self.closes, self.columns = [], [], []
        for spec in CAPACITY_ROWS:
            fam = lp.constraints.get(spec.name)
            if fam is not None and fam.size:
                at = fam.start + np.arange(fam.size)
                self.rows.append(_Touch(spec.capacity, at, fam.keys["i"], fam.keys["d"], spec.share))
            over = lp.variables[spec.over]
            i, d, take = spec.members(inst, over)
            self.closes.append(_Touch(spec.capacity, over.start + np.flatnonzero(take), i[take], d[take]))
        for spec in CAPACITY_COLUMNS:
            fam = lp.variables[spec.name]
            i, d, take = spec.members(inst, fam)
            self.columns.append(_Touch(spec.capacity, fam.start + np.flatnonzero(take), i[take], d[take]))

    def bounds(self, lp: LinearProgram, caps: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Column and row upper bounds of ``lp`` with the capacities ``caps`` {name: [rows, days]}.

        Parameters
        ----------
        lp : LinearProgram
            The LP this map was made for.
        caps : dict of str to numpy.ndarray
            ``{name: [rows, days]}`` capacities in t/day, as :func:`scenario_capacities` gives.

        Returns
        -------
        col_upper, row_upper
            Copies of ``lp.upper`` and ``lp.row_upper`` with every declared bound set:
            capacity rows to ``share x cap[i, d]``, capacity columns to ``cap[i, d]``, and the
            member columns of a closed cell (``cap[i, d] = 0``) to 0.
        """
        col, row = lp.upper.copy(), lp.row_upper.copy()
        for t in self.rows:
            row[t.at] = t.share * caps[t.capacity][t.i, t.d]
        for t in self.columns:
            col[t.at] = caps[t.capacity][t.i, t.d]
        for t in self.closes:
            col[t.at[caps[t.capacity][t.i, t.d] == 0]] = 0.0
        return col, row


def initial_stock_bounds(
    lp: LinearProgram, inst: Instance
) -> dict[tuple[int, int], tuple[int, int | None, int | None]]:
    """Where initial stock ``s0[n, k] > 0`` sits in the LP's bounds.

    Parameters
    ----------
    lp : LinearProgram
        The built LP (it must have the ``balance`` rows; ``stock_end`` and ``drawdown`` are optional).
    inst : Instance
        The instance ``lp`` was built from; ``inst.stock0`` is in t.

    Returns
    -------
    dict
        ``{(n, k): (balance row of day 1, stock_end row or None, drawdown column or None)}``:
        adding ``t`` tonnes lowers both sides of the balance row by ``t`` and raises the
        ``stock_end`` lower bound and the ``drawdown`` upper bound by ``t``.
    """
    bal = lp.constraints["balance"]
    first = bal.keys["d"] == 0
    day1 = dict(zip(zip(bal.keys["n"][first], bal.keys["k"][first]), bal.start + np.flatnonzero(first)))
    end, draw = lp.constraints.get("stock_end"), lp.variables.get("drawdown")
    ends = dict(zip(zip(end.keys["n"], end.keys["k"]), end.start + np.arange(end.size))) if end else {}
    draws = dict(zip(zip(draw.keys["n"], draw.keys["k"]), draw.start + np.arange(draw.size))) if draw else {}
    return {
        (int(n), int(k)): (int(day1[n, k]), ends.get((n, k)), draws.get((n, k)))
        for n, k in zip(*np.nonzero(inst.stock0 > 0))
    }
