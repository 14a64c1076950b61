"""Graph views of a dataset and the validation rules that need the whole network.

The route graph is a :class:`networkx.DiGraph` with one edge per route (parallel routes
between the same pair are merged: capacities added, the cheapest cost kept). Edge
attribute ``capacity`` is absent for unlimited routes, following networkx's
convention that a missing capacity is infinite; ``weight`` is the cost per tonne.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from foodchain.messages import msg, num
from foodchain.model.problems import WARNING, Problem

ROW_OFFSET = 2


def route_graph(nodes: pd.DataFrame, routes: pd.DataFrame) -> nx.DiGraph:
    """Nodes and routes as a directed graph (see the module docstring for attributes).

    Parameters
    ----------
    nodes : pandas.DataFrame
        The nodes table.
    routes : pandas.DataFrame
        The routes table, typed (NaN capacity: unlimited).

    Returns
    -------
    networkx.DiGraph
        One edge per (origin, destination); parallel routes share it: ``weight`` is the least
        cost (Rp/t), ``capacity`` the sum (t/day), absent when any of them is unlimited.
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes["node_id"])
    for r in routes.itertuples(index=False):
        cap = r.capacity_t_per_day
        data = graph.get_edge_data(r.origin, r.destination)
        if data is None:
            attrs = {"weight": r.cost_per_t, "route_ids": [r.route_id]}
            if not math.isnan(cap):
                attrs["capacity"] = cap
            graph.add_edge(r.origin, r.destination, **attrs)
            continue
        data["route_ids"].append(r.route_id)
        data["weight"] = min(data["weight"], r.cost_per_t)
        if "capacity" in data and not math.isnan(cap):
            data["capacity"] += cap
        else:
            data.pop("capacity", None)
    return graph


def holders(supply: pd.DataFrame, stock: pd.DataFrame) -> pd.DataFrame:
    """(node_id, commodity) pairs where a commodity enters the network: supply or stock.

    Parameters
    ----------
    supply : pandas.DataFrame
        The supply table (``supply_t_per_day`` > 0 counts).
    stock : pandas.DataFrame
        The stock table (``initial_t`` > 0 counts).

    Returns
    -------
    pandas.DataFrame
        Columns ``node_id``, ``commodity``, unique pairs.
    """
    s = supply.loc[supply["supply_t_per_day"] > 0, ["node_id", "commodity"]]
    k = stock.loc[stock["initial_t"] > 0, ["node_id", "commodity"]]
    return pd.concat([s, k]).drop_duplicates()


def check_unsupplied_commodities(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Demand for a commodity that no row of supply or stock provides (warning)."""
    provided = set(holders(tables["supply"], tables["stock"])["commodity"])
    demand = tables["demand"]
    problems = []
    for commodity in sorted(set(demand.loc[demand["demand_t_per_day"] > 0, "commodity"]) - provided):
        problems.append(Problem("demand", None, "commodity", msg("dataset.unsupplied", commodity=commodity), WARNING))
    return problems


def check_unreached_markets(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Places with demand that no route reaches and that hold nothing themselves (warning)."""
    demand, routes = tables["demand"], tables["routes"]
    served = set(routes["destination"]) | set(holders(tables["supply"], tables["stock"])["node_id"])
    lonely = demand[(demand["demand_t_per_day"] > 0) & ~demand["node_id"].isin(served)]
    return [
        Problem(
            "demand",
            int(i) + ROW_OFFSET,
            "node_id",
            msg("dataset.unreached", node=n),
            WARNING,
        )
        for i, n in zip(lonely.index, lonely["node_id"])
    ]


def storage_t(nodes: pd.DataFrame) -> pd.Series:
    """Storage per node with the default filled in: unlimited (inf) for hubs, 0 otherwise."""
    default = np.where(nodes["kind"] == "hub", np.inf, 0.0)
    return pd.Series(np.where(nodes["storage_t"].isna(), default, nodes["storage_t"]), index=nodes["node_id"])


def check_stock_fits_storage(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Initial stock at a node, all commodities together, must fit its storage."""
    stock = tables["stock"]
    if stock.empty:
        return []
    storage = storage_t(tables["nodes"])
    total = stock.groupby("node_id")["initial_t"].sum()
    problems = []
    for node, tonnes in total.items():
        cap = storage.get(node, np.inf)
        if tonnes > cap + 1e-9:
            row = int(stock.index[stock["node_id"] == node][0]) + ROW_OFFSET
            problems.append(
                Problem(
                    "stock",
                    row,
                    "initial_t",
                    msg("dataset.stock_over_storage", node=node, stock=num(tonnes), storage=num(cap)),
                )
            )
    return problems


def check_network(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """All rules that look across tables."""
    return check_stock_fits_storage(tables) + check_unsupplied_commodities(tables) + check_unreached_markets(tables)


def unreachable_nodes(
    nodes: pd.DataFrame, routes: pd.DataFrame, supply: pd.DataFrame, stock: pd.DataFrame, kind: str | None = None
) -> list[str]:
    """Nodes no supply or stock can reach by any route (optionally only of one kind).

    Parameters
    ----------
    nodes, routes, supply, stock : pandas.DataFrame
        The typed tables.
    kind : str, optional
        Only nodes of this kind.

    Returns
    -------
    list of str
        Node ids, in table order.
    """
    graph = route_graph(nodes, routes)
    start = set(holders(supply, stock)["node_id"])
    reached = set(start)
    for node in start:
        reached |= nx.descendants(graph, node)
    candidates = nodes if kind is None else nodes[nodes["kind"] == kind]
    return [n for n in candidates["node_id"] if n not in reached]
