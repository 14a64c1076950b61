"""What a disruption's names pick in a dataset: one matching rule per word, used everywhere.

Scenarios (:mod:`foodchain.optimize.disruptions`), floods, the analyses (criticality,
ensembles, mitigation) and the app's builder and maps all select routes and nodes here:

* a **route** is a ``route_id`` of ``routes.csv``, matched exactly;
* a **corridor** is a non-blank ``corridor`` of ``routes.csv``, matched exactly; it picks
  every route of that corridor;
* a **node** is a ``node_id`` of ``nodes.csv``, matched exactly;
* a **region** is a non-blank ``region`` of ``nodes.csv``, matched exactly; it picks every
  node of that region;
* a **zone** is a name for a set of places: every node whose ``node_id``, ``name`` or
  ``region`` equals it, ignoring upper/lower case and spaces around. A zone named by a node
  id is that one node; a zone named by a region is every node of the region. What happens
  in a zone (a flood) touches its nodes and every route that starts or ends at one of them
  (their last-mile roads). Ensemble results per zone are per node with demand: the
  one-node zones.

All masks are boolean numpy arrays in the row order of the dataset's tables.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import Problem
from foodchain.model.validation import suggest

ZONE_COLUMNS = ("node_id", "name", "region")  # what a zone's name is compared with


def listed(d: dict, many: str, one: str | None = None) -> list[str]:
    """The names under key ``many`` (a list) and ``one`` (a single name) of ``d``, in that order.

    Parameters
    ----------
    d : dict
        A disruption or spec.
    many : str
        The key of a list of names.
    one : str, optional
        The key of a single name.

    Returns
    -------
    list of str
        The names, duplicates kept.
    """
    return list(d.get(many, [])) + ([d[one]] if one and one in d else [])


def corridor_names(dataset: Dataset) -> list[str]:
    """Non-blank corridors of ``routes.csv`` in the order they first appear."""
    corridors = dataset.routes["corridor"].fillna("")
    return list(dict.fromkeys(corridors[corridors != ""]))


def region_names(dataset: Dataset) -> list[str]:
    """Non-blank regions of ``nodes.csv``, sorted."""
    return sorted(set(dataset.nodes["region"].fillna("")) - {""})


def route_mask(dataset: Dataset, routes: Iterable[str] = (), corridors: Iterable[str] = ()) -> np.ndarray:
    """Routes picked by route id or corridor.

    Parameters
    ----------
    dataset : Dataset
        The network.
    routes, corridors : iterable of str
        Route ids and corridor names, matched exactly; unknown names pick nothing.

    Returns
    -------
    numpy.ndarray of bool, shape [R]
        ``mask[r] = route_id(r) in routes or corridor(r) in corridors``.
    """
    frame = dataset.routes
    return (frame["route_id"].isin(list(routes)) | frame["corridor"].isin(list(corridors))).to_numpy(dtype=bool)


def node_ids(dataset: Dataset, nodes: Iterable[str] = (), regions: Iterable[str] = ()) -> set[str]:
    """Node ids listed in ``nodes`` plus those of every node in ``regions``.

    Parameters
    ----------
    dataset : Dataset
        The network.
    nodes : iterable of str
        Node ids, taken as they are (unknown ids are not checked here).
    regions : iterable of str
        Region names, matched exactly.

    Returns
    -------
    set of str
    """
    frame = dataset.nodes
    return set(nodes) | set(frame.loc[frame["region"].isin(list(regions)), "node_id"])


def rows_at(frame: pd.DataFrame, ids: set[str]) -> np.ndarray:
    """Rows of ``frame`` (nodes, supply, demand or stock) at one of the node ``ids``.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with a ``node_id`` column.
    ids : set of str
        Node ids.

    Returns
    -------
    numpy.ndarray of bool
        One entry per row of ``frame``.
    """
    return frame["node_id"].isin(ids).to_numpy(dtype=bool)


def _key(values: pd.Series) -> pd.Series:
    return values.fillna("").astype(str).str.strip().str.lower()


def zone_node_mask(dataset: Dataset, zone: str) -> np.ndarray:
    """The nodes of a zone (see the module docstring).

    Parameters
    ----------
    dataset : Dataset
        The network.
    zone : str
        A node id, node name or region.

    Returns
    -------
    numpy.ndarray of bool, shape [N]
        ``mask[n] = key(zone) in {key(node_id(n)), key(name(n)), key(region(n))}`` with
        ``key(s) = lower(strip(s))``; all False when the zone names no node.
    """
    nodes, target = dataset.nodes, str(zone).strip().lower()
    mask = np.zeros(len(nodes), dtype=bool)
    for column in ZONE_COLUMNS:
        mask |= (_key(nodes[column]) == target).to_numpy(dtype=bool)
    return mask


def zone_names(dataset: Dataset) -> set[str]:
    """Every name a zone may be given (for "did you mean" hints)."""
    nodes = dataset.nodes
    return set().union(*(set(nodes[c].fillna("").astype(str)) for c in ZONE_COLUMNS)) - {""}


def routes_touching(dataset: Dataset, ids: set[str]) -> np.ndarray:
    """Routes [R] that start or end at one of the node ``ids``.

    Parameters
    ----------
    dataset : Dataset
        The network.
    ids : set of str
        Node ids.

    Returns
    -------
    numpy.ndarray of bool
        One entry per route.
    """
    routes = dataset.routes
    return (routes["origin"].isin(ids) | routes["destination"].isin(ids)).to_numpy(dtype=bool)


def zone_masks(dataset: Dataset, zone: str) -> tuple[np.ndarray, np.ndarray]:
    """What a zone touches: its nodes and the routes starting or ending at one of them.

    Parameters
    ----------
    dataset : Dataset
        The network.
    zone : str
        A node id, node name or region (:func:`zone_node_mask`).

    Returns
    -------
    route_mask : numpy.ndarray of bool, shape [R]
        ``origin(r)`` or ``destination(r)`` in the zone.
    node_mask : numpy.ndarray of bool, shape [N]
        The zone's nodes.
    """
    node_mask = zone_node_mask(dataset, zone)
    inside = set(dataset.nodes.loc[node_mask, "node_id"])
    return routes_touching(dataset, inside), node_mask


def zone_problems(table: str, row: int | None, column: str, zones: list[str], dataset: Dataset) -> list[Problem]:
    """An error for each zone that names no node (see the module docstring).

    Parameters
    ----------
    table, row, column : str, int or None, str
        Where the problems point.
    zones : list of str
        The zone names given.
    dataset : Dataset
        The network.

    Returns
    -------
    list of Problem
        Errors, each with the closest known zone name as a hint.
    """
    known = zone_names(dataset)
    return [
        Problem(table, row, column, msg("scenario.unknown_zone", zone=z, hint=suggest(z, known)))
        for z in zones
        if not zone_node_mask(dataset, z).any()
    ]
