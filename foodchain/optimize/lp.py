"""The linear programme, built as one sparse matrix by one function per family.

Variables (all >= 0), for route r, commodity k, node n, day d:

* ``flow[r,k,d]``: tonnes leaving on day d, arriving on day d + lead(r); only where k
  can enter at the origin and reach demand from the destination, and d + lead <= last day.
* ``supply[s,d] <= supply_t_per_day(s) x factor``; ``shortfall[q,d] <= demand(q,d)``.
* ``stock[n,k,d]``: tonnes held at the end of day d; ``lost[n,k,d]``: stock thrown away
  because it passed its shelf life.

Constraints:

* ``balance[n,k,d]``: stock[d-1] + supply + arrivals - departures - stock[d] - lost
  + shortfall = demand(n,k,d), with stock[0] = initial stock; delivered = demand - shortfall.
* ``route_capacity[r,d]``: sum_k flow[r,k,d] <= capacity(r) x factor(r,d).
* ``throughput_in[n,d]``, ``throughput_out[n,d]``: sum of arrivals (departures) at n on
  day d <= throughput(n) x factor(n,d).
* ``storage[n,d]``: sum_k stock[n,k,d] <= storage(n).
* ``shelf_life[n,k,d]``: stock[n,k,d] <= arrivals + supply at n of k on days
  d-L+1..d (first in, first out: what is held is the newest; older stock is lost), written
  as a running window with a slack column ``shelf_room[n,k,d] >= 0`` (see
  :func:`define_shelf_life`), so its size is linear in the horizon.
* ``stock_end[n,k]``: stock[n,k,last] + drawdown[n,k] >= initial stock, for commodities
  with a ``stock_value_per_t`` v(k) > 0; ``0 <= drawdown[n,k] <= initial stock``.

Objective: sum cost(r) flow + sum cost(s) supply + sum penalty(k) x vulnerability(n) x shortfall
+ sum v(k) x drawdown. The last term makes initial stock a reserve: with v(k) above the cost of
bringing a tonne in and below the penalty, stock is drawn only when supply cannot meet demand,
and a horizon never ends by eating the reserve just because it is free. Only drawdown costs, so
the LP has no reason to fill stores beyond their initial level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from foodchain.optimize import families
from foodchain.optimize.families import CapacityRows, capacity
from foodchain.optimize.instance import Instance

INF = np.inf
# shelf lives up to this many days are written directly (L inflow days in each row), longer ones as a
# running window: on Jakarta the direct rows take Clp's dual simplex 25 % fewer iterations at 30 days
# (benchmarks/RESULTS.md, "Issue 17: long horizons"), the window keeps 180- and 365-day lives linear
DIRECT_SHELF_LIFE_DAYS = 30


@dataclass
class Family:
    """A named block of consecutive columns or rows, with the index arrays of each member."""

    name: str
    start: int
    keys: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return len(next(iter(self.keys.values()))) if self.keys else 0

    @property
    def slice(self) -> slice:
        return slice(self.start, self.start + self.size)


@dataclass
class LinearProgram:
    """min cost x  s.t.  row_lower <= A x <= row_upper,  lower <= x <= upper."""

    cost: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    matrix: sp.csc_matrix
    row_lower: np.ndarray
    row_upper: np.ndarray
    variables: dict[str, Family] = field(default_factory=dict)
    constraints: dict[str, Family] = field(default_factory=dict)

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns)."""
        return self.matrix.shape


class _Builder:
    def __init__(self) -> None:
        self.cols: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.rows: list[tuple[np.ndarray, np.ndarray]] = []
        self.entries: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self.n_cols = self.n_rows = 0
        self.variables: dict[str, Family] = {}
        self.constraints: dict[str, Family] = {}

    def add_variables(self, name: str, keys: dict, cost, upper) -> Family:
        fam = Family(name, self.n_cols, keys)
        n = fam.size
        self.cols.append(
            (np.broadcast_to(np.asarray(cost, float), n), np.zeros(n), np.broadcast_to(np.asarray(upper, float), n))
        )
        self.n_cols += n
        self.variables[name] = fam
        return fam

    def add_rows(self, name: str, keys: dict, lower, upper) -> Family:
        fam = Family(name, self.n_rows, keys)
        n = fam.size
        self.rows.append((np.broadcast_to(np.asarray(lower, float), n), np.broadcast_to(np.asarray(upper, float), n)))
        self.n_rows += n
        self.constraints[name] = fam
        return fam

    def add_entries(self, rows, cols, values) -> None:
        rows, cols = np.asarray(rows), np.asarray(cols)
        self.entries.append((rows, cols, np.broadcast_to(np.asarray(values, float), rows.shape)))

    def finish(self) -> LinearProgram:
        def cat(parts, i):
            return np.concatenate([p[i] for p in parts]) if parts else np.zeros(0)

        rows, cols, vals = (cat(self.entries, i) for i in range(3))
        matrix = sp.csc_matrix((vals, (rows.astype(np.int64), cols.astype(np.int64))), shape=(self.n_rows, self.n_cols))
        matrix.sum_duplicates()
        return LinearProgram(
            cat(self.cols, 0),
            cat(self.cols, 1),
            cat(self.cols, 2),
            matrix,
            cat(self.rows, 0),
            cat(self.rows, 1),
            self.variables,
            self.constraints,
        )


def define_flow(b: _Builder, inst: Instance) -> Family:
    """flow[r,k,d] for allowed (r,k) and departure days with arrival inside the horizon.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).

    Returns
    -------
    Family
        Columns ``flow[r,k,d]`` (t leaving route r's origin on day d), for every allowed (r, k) and
        every d with ``d + lead(r) <= days - 1``; cost ``route_cost(r)`` Rp/t, upper bound +inf.
    """
    rr, kk = np.nonzero(inst.route_allowed)
    parts = [
        (rr[m], kk[m], np.full(m.sum(), d))
        for d in range(inst.days)
        for m in [d + inst.route_lead[rr] <= inst.days - 1]
    ]
    r, k, d = (np.concatenate([p[i] for p in parts]).astype(np.int64) for i in range(3))
    return b.add_variables("flow", {"r": r, "k": k, "d": d}, inst.route_cost[r], INF)


def define_supply(b: _Builder, inst: Instance) -> Family:
    """supply[s,d] <= available supply (after factors); cost per tonne.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).

    Returns
    -------
    Family
        Columns ``supply[s,d]`` (t/day) for each source s and day d with available supply > 0;
        cost ``supply_cost(s)`` Rp/t, ``0 <= supply[s,d] <= supply_cap[s,d]`` (after the factors).
    """
    s, d = np.nonzero(inst.supply_cap > 0)
    return b.add_variables("supply", {"s": s, "d": d}, inst.supply_cost[s], inst.supply_cap[s, d])


def define_shortfall(b: _Builder, inst: Instance) -> Family:
    """shortfall[q,d] <= demand(q,d); penalty(k) x vulnerability(n) per tonne.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).

    Returns
    -------
    Family
        Columns ``shortfall[q,d]`` (t) for each demand q and day d with demand > 0;
        ``0 <= shortfall[q,d] <= demand[q,d]``, cost ``penalty(k) x vulnerability(n)`` Rp/t.
    """
    q, d = np.nonzero(inst.demand > 0)
    weight = inst.penalty[inst.demand_k[q]] * inst.node_vulnerability[inst.demand_node[q]]
    return b.add_variables("shortfall", {"q": q, "d": d}, weight, inst.demand[q, d])


def define_stock(b: _Builder, inst: Instance) -> Family:
    """stock[n,k,d] at the end of day d where node n may hold commodity k.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).

    Returns
    -------
    Family
        Columns ``stock[n,k,d] >= 0`` (t held at the end of day d), cost 0, for every (n, k) in
        ``inst.stock_allowed`` and every day.
    """
    n, k = np.nonzero(inst.stock_allowed)
    d = np.repeat(np.arange(inst.days), len(n))
    return b.add_variables("stock", {"n": np.tile(n, inst.days), "k": np.tile(k, inst.days), "d": d}, 0.0, INF)


def define_lost(b: _Builder, inst: Instance, stock: Family) -> Family:
    """lost[n,k,d]: stock discarded on days when its shelf life can bind (d >= L - 1).

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    stock : Family
        The ``stock`` columns; ``lost`` takes their keys where shelf life ``L > 0`` and ``d >= L - 1``.

    Returns
    -------
    Family
        Columns ``lost[n,k,d] >= 0`` (t discarded on day d), cost 0.
    """
    life = inst.shelf_life[stock.keys["k"]]
    m = (life > 0) & (stock.keys["d"] >= life - 1)
    return b.add_variables("lost", {key: v[m] for key, v in stock.keys.items()}, 0.0, INF)


def define_drawdown(b: _Builder, inst: Instance, stock: Family) -> None:
    """drawdown[n,k] and stock_end[n,k]: initial stock not held at the end costs v(k) a tonne.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    stock : Family
        The ``stock`` columns; the rows read ``stock[n,k,days-1]``.

    Returns
    -------
    None
        Adds columns ``drawdown[n,k]`` (``0 <= drawdown <= stock0[n,k]``, cost ``v(k)`` Rp/t) and rows
        ``stock_end[n,k]``: ``stock[n,k,last] + drawdown[n,k] >= stock0[n,k]``, only for (n, k) with
        initial stock > 0 and ``v(k) > 0``; nothing when there is none.
    """
    n0, k0 = np.nonzero((inst.stock0 > 0) & (inst.stock_value[None, :] > 0))
    if len(n0) == 0:
        return
    n_k, last = len(inst.commodity_ids), stock.keys["d"] == inst.days - 1
    held = stock.keys["n"][last] * n_k + stock.keys["k"][last]
    order = np.argsort(held)
    stock_col = stock.start + np.flatnonzero(last)[order][np.searchsorted(held[order], n0 * n_k + k0)]
    initial = inst.stock0[n0, k0]
    draw = b.add_variables("drawdown", {"n": n0, "k": k0}, inst.stock_value[k0], initial)
    rows = b.add_rows("stock_end", {"n": n0, "k": k0}, initial, INF)
    at = rows.start + np.arange(len(n0))
    b.add_entries(np.concatenate([at, at]), np.concatenate([stock_col, draw.start + np.arange(len(n0))]), 1.0)


def _balance_key(inst: Instance, n, k, d) -> np.ndarray:
    n_k, days = len(inst.commodity_ids), inst.days
    return (np.asarray(n, np.int64) * n_k + k) * days + d


def define_balance(b: _Builder, inst: Instance, fam: dict[str, Family]) -> Family:
    """balance[n,k,d]: inflows - outflows + shortfall = demand - initial stock (day 1).

    For node n, commodity k, day d (0-based):
    ``sum_r arrive flow[r,k,d-lead(r)] - sum_r leave flow[r,k,d] + supply + shortfall
    - stock[d] - lost[d] + stock[d-1] = demand[n,k,d]``, with the initial stock moved to the
    right-hand side on day index 0, day 1 (``rhs = demand - stock0``). Each row is an equality
    (``row_lower = row_upper = rhs``); only keys that have a column or a right-hand side get a row.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    fam : dict of str to Family
        The ``flow``, ``supply``, ``shortfall``, ``stock`` and ``lost`` columns.

    Returns
    -------
    Family
        The ``balance`` rows, keyed by ``n``, ``k``, ``d``.
    """
    flow, sup, short, stock, lost = (fam[x] for x in ("flow", "supply", "shortfall", "stock", "lost"))
    fr, fk, fd = flow.keys["r"], flow.keys["k"], flow.keys["d"]
    sn = stock.keys
    nxt = sn["d"] < inst.days - 1
    terms = [  # (balance key, column, coefficient)
        (_balance_key(inst, inst.route_dest[fr], fk, fd + inst.route_lead[fr]), flow.start, 1.0),
        (_balance_key(inst, inst.route_origin[fr], fk, fd), flow.start, -1.0),
        (
            _balance_key(inst, inst.supply_node[sup.keys["s"]], inst.supply_k[sup.keys["s"]], sup.keys["d"]),
            sup.start,
            1.0,
        ),
        (
            _balance_key(inst, inst.demand_node[short.keys["q"]], inst.demand_k[short.keys["q"]], short.keys["d"]),
            short.start,
            1.0,
        ),
        (_balance_key(inst, sn["n"], sn["k"], sn["d"]), stock.start, -1.0),
        (_balance_key(inst, lost.keys["n"], lost.keys["k"], lost.keys["d"]), lost.start, -1.0),
    ]
    keys = [t[0] for t in terms] + [_balance_key(inst, sn["n"][nxt], sn["k"][nxt], sn["d"][nxt] + 1)]
    cols = [t[1] + np.arange(len(t[0])) for t in terms] + [stock.start + np.flatnonzero(nxt)]
    coef = [np.full(len(t[0]), t[2]) for t in terms] + [np.ones(nxt.sum())]
    rhs_keys, rhs = _balance_rhs(inst)
    unique, inverse = np.unique(np.concatenate(keys + [rhs_keys]), return_inverse=True)
    n_entries = sum(len(x) for x in keys)
    row_rhs = np.zeros(len(unique))
    np.add.at(row_rhs, inverse[n_entries:], rhs)
    n_k, days = len(inst.commodity_ids), inst.days
    fam_rows = b.add_rows(
        "balance", {"n": unique // (n_k * days), "k": (unique // days) % n_k, "d": unique % days}, row_rhs, row_rhs
    )
    b.add_entries(fam_rows.start + inverse[:n_entries], np.concatenate(cols), np.concatenate(coef))
    return fam_rows


def _balance_rhs(inst: Instance) -> tuple[np.ndarray, np.ndarray]:
    q, d = np.nonzero(inst.demand > 0)
    n0, k0 = np.nonzero(inst.stock0 > 0)
    keys = np.concatenate([_balance_key(inst, inst.demand_node[q], inst.demand_k[q], d), _balance_key(inst, n0, k0, 0)])
    return keys, np.concatenate([inst.demand[q, d], -inst.stock0[n0, k0]])


def _capacity_rows(b: _Builder, name: str, keys: np.ndarray, cap: np.ndarray, cols: np.ndarray, shape) -> Family:
    """Rows ``sum of cols sharing a key <= cap[key]`` for keys with a finite cap (key = i x days + d)."""
    finite = np.isfinite(cap.ravel())
    used = np.zeros(finite.size, dtype=bool)
    used[keys] = True
    ids = np.flatnonzero(finite & used)
    row_of = np.full(finite.size, -1, dtype=np.int64)
    row_of[ids] = np.arange(len(ids))
    fam = b.add_rows(name, {"i": ids // shape[1], "d": ids % shape[1]}, -INF, cap.ravel()[ids])
    m = row_of[keys] >= 0
    b.add_entries(fam.start + row_of[keys[m]], cols[m], 1.0)
    return fam


def define_capacity_rows(b: _Builder, inst: Instance, over: Family, spec: CapacityRows) -> Family:
    """``spec.name[i,d]``: the ``over`` columns ``spec.members`` maps to ``(i, d)`` within ``share x cap[i,d]``.

    One function for every family of :data:`~foodchain.optimize.families.CAPACITY_ROWS`:
    ``route_capacity[r,d]`` (all commodities on route r leaving on day d), ``throughput_in``
    / ``throughput_out[n,d]`` (tonnes arriving at / leaving n by route on day d).

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    over : Family
        The columns the rows sum (``flow`` for every family today).
    spec : CapacityRows
        The family: its name, the capacity it reads (t/day, after factors), its share and which
        members of ``over`` fall on row ``(i, d)``.

    Returns
    -------
    Family
        Rows ``sum <= share x cap[i,d]`` (lower bound -inf), keyed by ``i`` and ``d``; only
        ``(i, d)`` with a finite capacity and at least one member get a row.
    """
    cap = spec.share * getattr(inst, capacity(spec.capacity).instance)
    i, d, take = spec.members(inst, over)
    keys = i[take] * inst.days + d[take]
    return _capacity_rows(b, spec.name, keys, cap, over.start + np.flatnonzero(take), cap.shape)


def define_storage(b: _Builder, inst: Instance, stock: Family) -> Family:
    """storage[n,d]: all commodities held at n at the end of day d within its storage.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    stock : Family
        The ``stock`` columns summed per node and day.

    Returns
    -------
    Family
        Rows ``sum_k stock[n,k,d] <= storage(n)`` (t), keyed by ``i`` (= n) and ``d``; nodes
        with infinite storage get no row.
    """
    keys = stock.keys["n"] * inst.days + stock.keys["d"]
    cap = np.repeat(inst.node_storage[:, None], inst.days, axis=1)
    return _capacity_rows(b, "storage", keys, cap, stock.start + np.arange(stock.size), cap.shape)


def define_shelf_life(b: _Builder, inst: Instance, fam: dict[str, Family]) -> Family:
    """shelf_life[n,k,d] (with shelf_room[n,k,d] for long lives): stock held is at most what arrived in the last L days.

    The rule (first in, first out: what is held is the newest; older stock is lost) is
    ``stock[d] <= W[d]`` for ``d >= L - 1``, where ``W[d] = sum_{t=d-L+1..d} in[t]`` sums the
    arrivals and supply ``in[t]`` at n of k. Written out, each row holds ``L`` days of inflow
    columns: ``L x D`` nonzeros per node and commodity. Instead, a column
    ``shelf_room[d] = W[d] - stock[d] >= 0`` (tonnes that arrived in the window and are no
    longer held) and one equality row per day carry the window forward:

    * ``d = L - 1``: ``stock[d] + room[d] - sum_{t=0..L-1} in[t] = 0``;
    * ``d >= L``: ``stock[d] + room[d] - stock[d-1] - room[d-1] - in[d] + in[d-L] = 0``
      (``W[d] = W[d-1] + in[d] - in[d-L]``).

    Summing the rows from ``L - 1`` to ``d`` telescopes to ``stock[d] + room[d] = W[d]``, so
    ``room >= 0`` holds exactly when ``stock[d] <= W[d]``: the feasible plans and the objective
    (room costs nothing) are those of the direct form. Each inflow column appears in at most
    two of these rows (the day it arrives and the day it leaves the window): the family grows
    linearly in ``D``, whatever ``L``.

    The window is used for shelf lives above :data:`DIRECT_SHELF_LIFE_DAYS`; shorter ones keep
    the direct row ``stock[d] - W[d] <= 0`` (no room column), whose ``L`` inflow days cost
    little and which simplex solves in fewer iterations than the chained window rows.

    Parameters
    ----------
    b : _Builder
        The LP under construction; the new block is appended to its columns or rows.
    inst : Instance
        The arrays of one solve (days 0-based, ``0 .. inst.days - 1``).
    fam : dict of str to Family
        The ``stock``, ``flow`` and ``supply`` columns (arrivals and supply are the inflows).

    Returns
    -------
    Family
        The ``shelf_life`` rows, keyed by ``n``, ``k``, ``d`` (``d >= L - 1``, ``L > 0``): window
        rows are equalities ``= 0``, direct rows ``<= 0``. The ``shelf_room`` columns are added
        to ``b`` as a family of their own.
    """
    stock, flow, sup = fam["stock"], fam["flow"], fam["supply"]
    life = inst.shelf_life[stock.keys["k"]]
    m = (life > 0) & (stock.keys["d"] >= life - 1)
    keys = {key: v[m] for key, v in stock.keys.items()}
    life = life[m]
    window = life > DIRECT_SHELF_LIFE_DAYS  # rows written as a running window
    rows = b.add_rows("shelf_life", keys, np.where(window, 0.0, -INF), 0.0)
    room = b.add_variables("shelf_room", {key: v[window] for key, v in keys.items()}, 0.0, INF)
    at = np.arange(rows.size)
    row_of = np.full(len(inst.node_ids) * len(inst.commodity_ids) * inst.days, -1, dtype=np.int64)
    row_of[_balance_key(inst, keys["n"], keys["k"], keys["d"])] = at
    stock_col = stock.start + np.flatnonzero(m)
    room_col = np.full(rows.size, -1, dtype=np.int64)
    room_col[window] = room.start + np.arange(room.size)
    later = window & (keys["d"] > life - 1)  # window rows that carry the window on from the day before
    prev = row_of[_balance_key(inst, keys["n"][later], keys["k"][later], keys["d"][later] - 1)]
    b.add_entries(rows.start + np.concatenate([at, at[window]]), np.concatenate([stock_col, room_col[window]]), 1.0)
    b.add_entries(rows.start + np.concatenate([at[later]] * 2), np.concatenate([stock_col[prev], room_col[prev]]), -1.0)
    r, s = flow.keys["r"], sup.keys["s"]
    inflows = [  # (node, commodity, day of arrival, column)
        (inst.route_dest[r], flow.keys["k"], flow.keys["d"] + inst.route_lead[r], flow.start + np.arange(flow.size)),
        (inst.supply_node[s], inst.supply_k[s], sup.keys["d"], sup.start + np.arange(sup.size)),
    ]
    for n, k, t, col in inflows:
        life_k = inst.shelf_life[k]
        long = life_k > DIRECT_SHELF_LIFE_DAYS
        enter = np.maximum(t, life_k - 1)  # the first window row that holds the arrival
        places = [(enter, -1.0, long), (t + life_k, 1.0, long)]  # enters the window; leaves it L days later
        places += [(t + offset, -1.0, ~long & (offset < life_k)) for offset in range(DIRECT_SHELF_LIFE_DAYS)]
        for day, sign, use in places:
            ok = use & (life_k > 0) & (day < inst.days)
            target = row_of[_balance_key(inst, n[ok], k[ok], day[ok])]
            hit = target >= 0
            b.add_entries(rows.start + target[hit], col[ok][hit], sign)
    return rows


def build_lp(inst: Instance) -> LinearProgram:
    """The whole LP of one instance (see the module docstring for the maths)."""
    b = _Builder()
    fam = {"flow": define_flow(b, inst), "supply": define_supply(b, inst), "shortfall": define_shortfall(b, inst)}
    fam["stock"] = define_stock(b, inst)
    fam["lost"] = define_lost(b, inst, fam["stock"])
    define_balance(b, inst, fam)
    for spec in families.CAPACITY_ROWS:
        define_capacity_rows(b, inst, fam[spec.over], spec)
    define_storage(b, inst, fam["stock"])
    define_shelf_life(b, inst, fam)
    define_drawdown(b, inst, fam["stock"])
    return b.finish()
