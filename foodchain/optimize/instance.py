"""The numbers an LP is built from: a dataset with a scenario's factors applied, as arrays.

Index conventions: nodes ``n``, commodities ``k``, routes ``r``, supply rows ``s``,
demand rows ``q`` follow the dataset tables' row order; days ``d`` are 0-based here
(day 1 is index 0). ``inf`` means unlimited.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from foodchain.model.dataset import Dataset
from foodchain.model.graph import storage_t
from foodchain.optimize.factors import Factors


@dataclass
class Instance:
    """Arrays of one solve; see the module docstring for index conventions."""

    days: int
    node_ids: np.ndarray
    commodity_ids: np.ndarray
    route_ids: np.ndarray
    route_origin: np.ndarray  # [R] node index
    route_dest: np.ndarray  # [R] node index
    route_cost: np.ndarray  # [R] Rp/t
    route_lead: np.ndarray  # [R] days
    route_cap: np.ndarray  # [R, D] t/day after factors (inf: unlimited)
    node_throughput: np.ndarray  # [N, D] t/day after factors (inf: unlimited)
    node_storage: np.ndarray  # [N] t (inf: unlimited)
    node_vulnerability: np.ndarray  # [N]
    penalty: np.ndarray  # [K] Rp per tonne short (before vulnerability)
    shelf_life: np.ndarray  # [K] days (0: no limit)
    stock_value: np.ndarray  # [K] Rp per tonne of initial stock not held at the end
    supply_node: np.ndarray  # [S]
    supply_k: np.ndarray  # [S]
    supply_cap: np.ndarray  # [S, D] t/day after factors
    supply_cost: np.ndarray  # [S]
    demand_node: np.ndarray  # [Q]
    demand_k: np.ndarray  # [Q]
    demand: np.ndarray  # [Q, D] t/day after factors
    stock0: np.ndarray  # [N, K] t at the start of day 1
    route_allowed: np.ndarray  # [R, K] may commodity k use route r at all (permitted and useful)?
    stock_allowed: np.ndarray  # [N, K] may node n hold commodity k?
    node_external: np.ndarray | None = None  # [N] demand outside the study area (nodes.external)

    @property
    def shape(self) -> tuple[int, int, int, int]:
        """(nodes, commodities, routes, days)."""
        return len(self.node_ids), len(self.commodity_ids), len(self.route_ids), self.days


def scaled_capacity(base: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """``base x factor`` per day, where an unlimited base stays unlimited unless closed (0).

    Parameters
    ----------
    base
        [rows] t/day; NaN (a blank cell) means unlimited.
    factor
        [rows, days] multipliers of a scenario.

    Returns
    -------
    numpy.ndarray
        [rows, days]: ``cap[i, d] = base[i] x factor[i, d]``, ``inf`` where ``base`` is
        unlimited and ``factor > 0``, and exactly 0 where ``factor = 0`` (a closure closes
        even an unlimited capacity).
    """
    cap = np.where(np.isnan(base), np.inf, base)[:, None] * np.ones_like(factor)
    with np.errstate(invalid="ignore"):
        scaled = cap * factor
    return np.where(factor == 0, 0.0, scaled)


def default_penalty(dataset: Dataset) -> float:
    """A penalty per tonne short above the cost of any delivery path, so every deliverable tonne is delivered.

    A path visits each route at most once, so its cost is at most
    ``B = min(sum of route costs, (nodes - 1) x largest route cost) + largest supply cost``;
    the default is ``10 B``, divided by the smallest positive vulnerability below 1.
    """
    costs = dataset.routes["cost_per_t"].to_numpy()
    biggest = costs.max() if len(costs) else 0.0
    path = min(costs.sum(), max(len(dataset.nodes) - 1, 0) * biggest)
    bound = max(path + float(dataset.supply["cost_per_t"].max() if len(dataset.supply) else 0.0), 1.0)
    vuln = dataset.nodes["vulnerability"].to_numpy()
    smallest = vuln[vuln > 0].min() if (vuln > 0).any() else 1.0
    return 10.0 * bound / min(1.0, smallest)


def _marks(frame, column: str, node_index: dict[str, int], k_index: dict[str, int], shape) -> np.ndarray:
    """Boolean [N, K]: where ``frame`` has a row with ``column`` > 0 for node n and commodity k."""
    marks = np.zeros(shape, dtype=bool)
    rows = frame[frame[column] > 0]
    n, k = rows["node_id"].map(node_index), rows["commodity"].map(k_index)
    known = (n.notna() & k.notna()).to_numpy()
    marks[n.to_numpy()[known].astype(int), k.to_numpy()[known].astype(int)] = True
    return marks


def _reach(dataset: Dataset, node_index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Per commodity, nodes the commodity can reach from where it enters (``up``) and nodes
    from which it can reach its demand (``down``), as boolean [N, K] arrays."""
    n = len(node_index)
    k_index = {c: i for i, c in enumerate(dataset.commodities["commodity"])}
    origin = dataset.routes["origin"].map(node_index).to_numpy(dtype=int)
    dest = dataset.routes["destination"].map(node_index).to_numpy(dtype=int)
    forward = sp.csr_matrix((np.ones(len(origin)), (dest, origin)), shape=(n, n))  # [to, from]
    shape = (n, len(k_index))
    starts = _marks(dataset.supply, "supply_t_per_day", node_index, k_index, shape)
    starts |= _marks(dataset.stock, "initial_t", node_index, k_index, shape)
    ends = _marks(dataset.demand, "demand_t_per_day", node_index, k_index, shape)
    return _closure(forward, starts), _closure(forward.T.tocsr(), ends)


def _closure(step: sp.csr_matrix, starts: np.ndarray) -> np.ndarray:
    """Nodes reachable from ``starts`` [N, K] (every commodity at once) along ``step`` [to, from]."""
    seen = starts.copy()
    frontier = starts
    while frontier.any():
        frontier = (step @ frontier.astype(float) > 0) & ~seen
        seen |= frontier
    return seen


def route_permission(routes, k_index: dict[str, int]) -> np.ndarray:
    """Boolean [R, K]: may route r carry commodity k? (``routes.commodities``; blank: every commodity).

    Parameters
    ----------
    routes : pandas.DataFrame
        The routes table; ``commodities`` is a ``;``-separated list (unknown names ignored).
    k_index : dict of str to int
        Commodity name to its index.

    Returns
    -------
    numpy.ndarray of bool
        ``[R, K]``.
    """
    allowed = np.ones((len(routes), len(k_index)), dtype=bool)
    if "commodities" not in routes:
        return allowed
    for r, text in enumerate(routes["commodities"].fillna("")):
        if text:
            allowed[r] = False
            allowed[r, [k_index[c] for c in text.split(";") if c in k_index]] = True
    return allowed


def build_instance(dataset: Dataset, factors: Factors) -> Instance:
    """Apply ``factors`` to ``dataset`` and index everything for the LP builder.

    Capacities become ``cap[i, d] = capacity(i) x factor[i, d]`` (t/day, ``inf`` where blank),
    supply ``supply_t_per_day(s) x factor[s, d]`` and demand ``demand_t_per_day(q) x factor[q, d]``;
    a blank shortfall penalty takes :func:`default_penalty` (Rp/t). A route may carry k only
    when its origin can receive k and its destination reaches demand for k.

    Parameters
    ----------
    dataset : Dataset
        A validated network.
    factors : Factors
        ``[rows, days]`` multipliers; their number of days is the horizon.

    Returns
    -------
    Instance
        Arrays indexed by row number and 0-based day.
    """
    nodes, routes, com = dataset.nodes, dataset.routes, dataset.commodities
    days = factors.route.shape[1]
    node_index = {n: i for i, n in enumerate(nodes["node_id"])}
    k_index = {c: i for i, c in enumerate(com["commodity"])}
    penalty = com["shortfall_penalty_per_t"].to_numpy(dtype=float)
    penalty = np.where(np.isnan(penalty), default_penalty(dataset), penalty)
    stock0 = np.zeros((len(nodes), len(com)))
    np.add.at(
        stock0,
        (
            dataset.stock["node_id"].map(node_index).to_numpy(dtype=int),
            dataset.stock["commodity"].map(k_index).to_numpy(dtype=int),
        ),
        dataset.stock["initial_t"].to_numpy(dtype=float),
    )
    origin = routes["origin"].map(node_index).to_numpy(dtype=int)
    dest = routes["destination"].map(node_index).to_numpy(dtype=int)
    storage = storage_t(nodes).to_numpy(dtype=float)
    up, down = _reach(dataset, node_index)
    return Instance(
        days=days,
        node_ids=nodes["node_id"].to_numpy(dtype=object),
        commodity_ids=com["commodity"].to_numpy(dtype=object),
        route_ids=routes["route_id"].to_numpy(dtype=object),
        route_origin=origin,
        route_dest=dest,
        route_cost=routes["cost_per_t"].to_numpy(dtype=float),
        route_lead=routes["lead_time_days"].fillna(0).to_numpy(dtype=int),
        route_cap=scaled_capacity(routes["capacity_t_per_day"].to_numpy(dtype=float), factors.route),
        node_throughput=scaled_capacity(nodes["throughput_t_per_day"].to_numpy(dtype=float), factors.node),
        node_storage=storage,
        node_vulnerability=nodes["vulnerability"].to_numpy(dtype=float),
        penalty=penalty,
        shelf_life=com["shelf_life_days"].fillna(0).to_numpy(dtype=int),
        stock_value=com["stock_value_per_t"].fillna(0).to_numpy(dtype=float),
        supply_node=dataset.supply["node_id"].map(node_index).to_numpy(dtype=int),
        supply_k=dataset.supply["commodity"].map(k_index).to_numpy(dtype=int),
        supply_cap=dataset.supply["supply_t_per_day"].to_numpy(dtype=float)[:, None] * factors.supply,
        supply_cost=dataset.supply["cost_per_t"].to_numpy(dtype=float),
        demand_node=dataset.demand["node_id"].map(node_index).to_numpy(dtype=int),
        demand_k=dataset.demand["commodity"].map(k_index).to_numpy(dtype=int),
        demand=dataset.demand["demand_t_per_day"].to_numpy(dtype=float)[:, None] * factors.demand,
        stock0=stock0,
        route_allowed=up[origin] & down[dest] & route_permission(routes, k_index),
        stock_allowed=(up & down & (storage[:, None] > 0)) | (stock0 > 0),
        node_external=nodes["external"].to_numpy(dtype=bool) if "external" in nodes else np.zeros(len(nodes), bool),
    )
