"""The disruption registry: every disruption type, its keys, what it picks and how it applies.

A disruption (DESIGN.md section 3) is a dict with a ``type`` of :data:`DISRUPTIONS`.
Each :class:`DisruptionType` declares

* its **keys**: ``required`` and ``optional`` besides :data:`COMMON_KEYS` (checked by
  :mod:`foodchain.optimize.scenario`);
* its **targets**: the keys that name what it touches, one of which must be given; the
  names are matched by the rules of :mod:`foodchain.optimize.targets` (route ids and
  corridors pick routes; node ids and regions pick nodes; zones pick nodes and the routes
  ending at them);
* how it **applies** (``scales``): which daily factor table of
  :class:`~foodchain.optimize.factors.Factors` it multiplies, on days
  ``start_day..end_day`` of its rows::

      route[r, d]  *= f   close_route, close_corridor (f = 0), route_capacity
      node[n, d]   *= f   close_node (f = 0), node_capacity
      supply[s, d] *= f   supply_shock (rows at the picked nodes, of its commodities)
      demand[q, d] *= f   demand_surge (likewise)

  and ``flood`` multiplies route and node factors by the depth-passability factor of the
  flood overlay (:mod:`foodchain.optimize.flood`).

To add a type: declare it in :data:`DISRUPTIONS` (keys, targets, ``scales``), add its words
to ``foodchain/messages/catalog/scenario.py`` (``scenario.type.<name>``) and, if it scales
a new table, a branch in :func:`apply_disruption`. Validation, factors, the analyses and the
app's builder read everything else from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.model.validation import suggest
from foodchain.optimize import flood, targets

if TYPE_CHECKING:
    from foodchain.optimize.factors import Factors

COMMON_KEYS = frozenset({"type", "start_day", "end_day", "note", "name"})
NAME_LISTS = ("routes", "nodes", "regions", "commodities", "corridors", "zones")  # keys holding lists of names


@dataclass(frozen=True)
class DisruptionType:
    """One kind of disruption (see the module docstring).

    Attributes
    ----------
    name : str
        The ``type`` written in a scenario, e.g. ``"close_route"``.
    scales : str
        The factor table it multiplies: ``"route"``, ``"node"``, ``"supply"``, ``"demand"``,
        or ``"flood"`` (route and node factors through the flood overlay).
    required, optional : frozenset of str
        Its own keys besides :data:`COMMON_KEYS`.
    targets : tuple of str
        Keys naming what it touches; one of them must be given (empty: a required key names them).
    closes : bool
        Its factor is 0 (a closure), not the ``factor`` key.
    """

    name: str
    scales: str
    required: frozenset[str]
    optional: frozenset[str]
    targets: tuple[str, ...] = ()
    closes: bool = False

    @property
    def keys(self) -> frozenset[str]:
        """Every key a disruption of this type may have."""
        return COMMON_KEYS | self.required | self.optional

    def label(self):
        """The type in the reader's words (a message)."""
        return msg(f"scenario.type.{self.name}")


def _type(name: str, scales: str, required=(), optional=(), targets=(), closes=False) -> DisruptionType:
    return DisruptionType(name, scales, frozenset(required), frozenset(optional), tuple(targets), closes)


NODES = ("nodes", "regions")
DISRUPTIONS: dict[str, DisruptionType] = {
    t.name: t
    for t in (
        _type("close_route", "route", required={"routes"}, closes=True),
        _type(
            "close_corridor",
            "route",
            optional={"corridor", "corridors"},
            targets=("corridor", "corridors"),
            closes=True,
        ),
        _type("close_node", "node", required={"nodes"}, closes=True),
        _type(
            "route_capacity",
            "route",
            required={"factor"},
            optional={"routes", "corridor", "corridors"},
            targets=("routes", "corridor", "corridors"),
        ),
        _type("node_capacity", "node", required={"factor"}, optional=NODES, targets=NODES),
        _type("supply_shock", "supply", required={"factor"}, optional={*NODES, "commodities"}, targets=NODES),
        _type("demand_surge", "demand", required={"factor"}, optional={*NODES, "commodities"}, targets=NODES),
        _type(
            "flood",
            "flood",
            optional={"geojson", "features", "zones", "depth_m", "passability"},
            targets=("geojson", "features", "zones"),
        ),
    )
}  # fmt: skip (one type a line: the registry reads as a table)
TARGET_KEYS = ("corridor", "corridors", "routes", "nodes", "regions", "zones")  # keys naming places, for display
CLOSURES = {  # what N-1 criticality closes: kind -> the disruption closing one such target
    "route": lambda target: {"type": "close_route", "routes": [target]},
    "corridor": lambda target: {"type": "close_corridor", "corridor": target},
    "node": lambda target: {"type": "close_node", "nodes": [target]},
}


def closure(kind: str, target: str) -> dict:
    """The disruption that closes one route, corridor or node (``kind``) on every day.

    Parameters
    ----------
    kind : str
        ``route``, ``corridor`` or ``node`` (a key of :data:`CLOSURES`).
    target : str
        The route id, corridor name or node id.

    Returns
    -------
    dict
        A disruption with factor 0 and no days (every day of the horizon).
    """
    return CLOSURES[kind](target)


def target_values(d: dict) -> list[str]:
    """The places and commodities a disruption names, in :data:`TARGET_KEYS` order, then commodities."""
    return [str(v) for key in (*TARGET_KEYS, "commodities") for v in _as_list(d.get(key))]


def _as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def _unknown(i: int, key: str, values: list[str], known, noun: str) -> list[Problem]:
    known, noun_word = set(known), msg(f"scenario.noun.{noun}")
    return [
        Problem("scenario", i, key, msg("scenario.unknown_target", value=v, noun=noun_word, hint=suggest(v, known)))
        for v in values
        if v not in known
    ]


def pick_routes(i: int, d: dict, dataset: Dataset) -> tuple[np.ndarray, list[Problem]]:
    """Routes [R] a disruption picks by ``routes`` and ``corridor``/``corridors``, and unknown names.

    Parameters
    ----------
    i : int
        The disruption's 1-based number (the problems' row).
    d : dict
        The disruption.
    dataset : Dataset
        The network.

    Returns
    -------
    mask : numpy.ndarray of bool
        One entry per route.
    problems : list of Problem
        Errors for route ids and corridors that do not exist.
    """
    routes, corridors = d.get("routes", []), targets.listed(d, "corridors", "corridor")
    problems = _unknown(i, "routes", routes, dataset.routes["route_id"], "route_id")
    problems += _unknown(i, "corridor", corridors, targets.corridor_names(dataset), "corridor")
    return targets.route_mask(dataset, routes, corridors), problems


def pick_rows(i: int, d: dict, frame: pd.DataFrame, dataset: Dataset) -> tuple[np.ndarray, list[Problem]]:
    """Rows of ``frame`` (nodes, supply or demand) a disruption picks by ``nodes``, ``regions``, ``commodities``.

    Parameters
    ----------
    i : int
        The disruption's 1-based number (the problems' row).
    d : dict
        The disruption.
    frame : pandas.DataFrame
        The table whose rows are picked (it has ``node_id``; ``commodity`` filters when present).
    dataset : Dataset
        The network.

    Returns
    -------
    mask : numpy.ndarray of bool
        One entry per row of ``frame``.
    problems : list of Problem
        Errors for unknown node ids, regions and commodities.
    """
    nodes = dataset.nodes
    problems = _unknown(i, "nodes", d.get("nodes", []), nodes["node_id"], "node_id")
    problems += _unknown(i, "regions", d.get("regions", []), targets.region_names(dataset), "region")
    mask = targets.rows_at(frame, targets.node_ids(dataset, d.get("nodes", []), d.get("regions", [])))
    if "commodities" in d:
        problems += _unknown(i, "commodities", d["commodities"], dataset.commodities["commodity"], "commodity")
        if "commodity" in frame:
            mask = mask & frame["commodity"].isin(d["commodities"]).to_numpy()
    return mask, problems


def touched(dataset: Dataset, d: dict) -> tuple[np.ndarray, np.ndarray]:
    """Routes and nodes whose capacity a disruption touches, without solving (for warm re-solves).

    Parameters
    ----------
    dataset : Dataset
        The network.
    d : dict
        A disruption of :data:`DISRUPTIONS`: a closure or capacity change picks by its
        target keys; a flood by its ``zones`` only (polygons need the flood overlay).

    Returns
    -------
    route_mask : numpy.ndarray of bool, shape [R]
    node_mask : numpy.ndarray of bool, shape [N]
        Supply and demand disruptions touch no capacity: both all False.
    """
    kind = DISRUPTIONS[d["type"]]
    route_mask, node_mask = np.zeros(len(dataset.routes), bool), np.zeros(len(dataset.nodes), bool)
    if kind.scales == "route":
        route_mask = pick_routes(0, d, dataset)[0]
    elif kind.scales == "node":
        node_mask = pick_rows(0, d, dataset.nodes, dataset)[0]
    for zone in d.get("zones", []) if kind.scales == "flood" else []:
        r, n = targets.zone_masks(dataset, zone)
        route_mask, node_mask = route_mask | r, node_mask | n
    return route_mask, node_mask


def _check_scalable(i: int, factor: float, capacity: pd.Series, ids: pd.Series, noun: str) -> list[Problem]:
    if factor == 0 or factor >= 1:
        return []
    unlimited = ids[capacity.isna().to_numpy()].tolist()
    noun_word = msg(f"scenario.noun.{noun}")
    return [
        Problem("scenario", i, "factor", msg("scenario.unlimited", noun=noun_word, id=x, factor=factor))
        for x in unlimited
    ]


def apply_disruption(i: int, d: dict, dataset: Dataset, f: Factors, days: int) -> list[Problem]:
    """Apply disruption number ``i`` to the daily factors ``f`` in place (see the module docstring).

    Parameters
    ----------
    i : int
        The disruption's 1-based position in the scenario (the row of its problems).
    d : dict
        A disruption whose shape :mod:`foodchain.optimize.scenario` has checked.
    dataset : Dataset
        The network its names are looked up in.
    f : Factors
        ``f.<scales>[mask, start_day-1 : end_day] *= factor`` (0 for a closure).
    days : int
        Days solved; days past the horizon are cut off.

    Returns
    -------
    list of Problem
        Unknown names (errors), unscalable factors on unlimited capacity (errors) and a
        disruption that picks nothing (warning).
    """
    kind = DISRUPTIONS[d["type"]]
    if kind.scales == "flood":
        return _apply_flood(i, d, dataset, f, days)
    span = range(d.get("start_day", 1) - 1, min(d.get("end_day", days), days))
    factor = 0.0 if kind.closes else float(d.get("factor", 1.0))
    if kind.scales == "route":
        mask, problems = pick_routes(i, d, dataset)
        sel = dataset.routes[mask]
        problems += _check_scalable(i, factor, sel["capacity_t_per_day"], sel["route_id"], "route")
    else:
        frame = {"node": dataset.nodes, "supply": dataset.supply, "demand": dataset.demand}[kind.scales]
        mask, problems = pick_rows(i, d, frame, dataset)
        if kind.scales == "node":
            sel = dataset.nodes[mask]
            problems += _check_scalable(i, factor, sel["throughput_t_per_day"], sel["node_id"], "node")
    getattr(f, kind.scales)[np.ix_(mask, span)] *= factor
    if not mask.any() and not errors(problems):
        problems.append(Problem("scenario", i, None, msg("scenario.matches_nothing", type=kind.label()), WARNING))
    return problems


def _apply_flood(i: int, d: dict, dataset: Dataset, f: Factors, days: int) -> list[Problem]:
    """Route and node factors times the flood overlay's (the deepest active flood per element and day)."""
    overlay, problems = flood.overlay_disruption(i, d, dataset, days, base_dir=f.base_dir)
    if errors(problems):
        return problems
    flood.apply_overlay(overlay, dataset, f)
    f.overlay = pd.concat([f.overlay, overlay.assign(disruption=i)], ignore_index=True)
    return problems
