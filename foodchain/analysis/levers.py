"""Mitigation levers: what the city could do, read from JSON or proposed from a scenario.

A lever file is ``{"levers": [lever, ...]}`` (or a bare list). Every lever has a
``type``, a ``cost_rp`` and optionally an ``id`` and a ``note``:

=====================  ==========================================================  ===========
type                   keys (besides cost_rp)                                      solved by
=====================  ==========================================================  ===========
``reopen``             ``routes`` and/or ``corridor`` / ``corridors``: undo the     warm re-solve
                       scenario's closures and cuts of these routes (factor 1)
``add_route_capacity`` ``route``, ``t_per_day`` > 0: more capacity on the days the  warm re-solve
                       route is open (the route must have a capacity)
``add_node_throughput`` ``node``, ``t_per_day`` > 0: more throughput at a hub on    warm re-solve
                       the days it is open (the node must have a throughput)
``release_stock``      ``node``, ``commodity``, ``t`` > 0: extra stock on hand at   rebuild
                       the start of day 1 (e.g. a Bulog / Food Station release)
``temporary_route``    ``origin``, ``destination``, ``capacity_t_per_day`` > 0,     rebuild
                       ``cost_per_t`` (0), ``lead_time_days`` (0), ``route_id``
=====================  ==========================================================  ===========

``cost_rp`` (>= 0) is what carrying out the lever costs the city over the whole horizon,
in rupiah: hiring trucks, pumping a road dry, paying for a stock release. It is *not*
part of the LP objective; it only divides the shortfall removed in the per-rupiah ranking.
:func:`propose_levers` prices its proposals with the unit rates below, which are
placeholders [EST], to be replaced by the agency's own figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from foodchain.errors import InvalidInput
from foodchain.messages import Message, msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import Problem, errors
from foodchain.model.validation import suggest
from foodchain.optimize.factors import Factors
from foodchain.optimize.results import SolveResult
from foodchain.optimize.targets import corridor_names, listed, route_mask
from foodchain.safe_read import load_document

# Unit rates of proposed levers (Rp) [EST]. Truck hire Priok -> Sunter was Rp 1.3-1.6 M a trip
# in 2013 (reference SOURCES.md section 7); at ~10 t a truck that is ~Rp 150,000 a tonne.
RP_PER_T_ROUTE_CAPACITY = 150_000  # per t/day added, per day
RP_PER_T_NODE_THROUGHPUT = 100_000  # extra handling at a hub, per t/day added, per day [EST]
RP_PER_ROUTE_DAY_REOPENED = 50_000_000  # pumps, crews, traffic control per route per closed day [EST]
RP_PER_T_STOCK = 12_000_000  # replacing a tonne of released stock (rice ~Rp 12,000/kg) [EST]

KEYS = {
    "reopen": ({"cost_rp"}, {"routes", "corridor", "corridors"}),
    "add_route_capacity": ({"cost_rp", "route", "t_per_day"}, set()),
    "add_node_throughput": ({"cost_rp", "node", "t_per_day"}, set()),
    "release_stock": ({"cost_rp", "node", "commodity", "t"}, set()),
    "temporary_route": (
        {"cost_rp", "origin", "destination", "capacity_t_per_day"},
        {"cost_per_t", "lead_time_days", "route_id"},
    ),
}
COMMON = {"type", "id", "note"}
POSITIVE = ("t_per_day", "t", "capacity_t_per_day")
REBUILD = {"release_stock", "temporary_route"}


@dataclass(frozen=True)
class Lever:
    """One checked lever: ``type``, its ``params`` (the JSON keys) and ``cost_rp``."""

    id: str
    type: str
    cost_rp: float
    params: dict = field(default_factory=dict, hash=False)
    note: str = ""

    @property
    def kind(self) -> str:
        """What the lever does: its ``type`` (reopen, add_route_capacity, ...)."""
        return self.type

    @property
    def targets(self) -> tuple[str, ...]:
        """The ids the lever acts on: route ids and corridors (reopen), a route id, a node id, or the
        temporary route's origin and destination node ids."""
        p = self.params
        if self.type == "reopen":
            return tuple(p.get("routes", []) + listed(p, "corridors", "corridor"))
        if self.type == "temporary_route":
            return (p["origin"], p["destination"])
        return (str(p.get("route") or p.get("node")),)

    @property
    def target(self) -> str:
        """:attr:`targets` as one line (the ``target`` column of mitigation.csv)."""
        return " -> ".join(self.targets) if self.type == "temporary_route" else ", ".join(self.targets)

    def name(self, dataset: Dataset) -> Message:
        """The lever in words, with place and commodity names: "Reopen Tol Jakarta-Cikampek",
        "Tambah kapasitas rute Kramat Jati → Ciracas" (rendered in the reader's language)."""
        nodes = dataset.node_names()
        routes = dataset.routes.set_index("route_id")
        route_words = (routes["origin"].map(nodes) + " → " + routes["destination"].map(nodes)).to_dict()
        if self.type == "temporary_route":
            target = " → ".join(str(nodes.get(n, n)) for n in self.targets)
        else:
            target = ", ".join(str(route_words.get(i) or nodes.get(i, i)) for i in self.targets)
        if self.type != "release_stock":
            return msg(f"levers.name.{self.type}", target=target)
        commodities = dataset.commodities.set_index("commodity")
        names = commodities["name"] if "name" in commodities else pd.Series(dtype=str)
        commodity = self.params["commodity"]
        return msg("levers.name.release_stock", commodity=names.get(commodity) or commodity, target=target)

    @property
    def amount(self) -> float:
        """t/day added, tonnes released or the temporary route's capacity (NaN for reopen)."""
        for key in POSITIVE:
            if key in self.params:
                return float(self.params[key])
        return float("nan")


def _number_ok(value, strict: bool) -> bool:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return ok and (value > 0 if strict else value >= 0)


def check_lever_shape(i: int, doc: object) -> list[Problem]:
    """Type, keys and numbers of lever ``i`` (1-based).

    Parameters
    ----------
    i : int
        The lever's 1-based number (the problems' row).
    doc : object
        The lever as parsed.

    Returns
    -------
    list of Problem
        Errors in table ``levers``.
    """
    if not isinstance(doc, dict) or doc.get("type") not in KEYS:
        kind = doc.get("type") if isinstance(doc, dict) else None
        found = msg("levers.unknown_type", type=repr(kind), hint=suggest(kind, KEYS), types=", ".join(KEYS))
        return [Problem("levers", i, "type", found)]
    required, optional = KEYS[doc["type"]]
    allowed = required | optional | COMMON
    problems = [
        Problem("levers", i, k, msg("levers.unknown_key", key=k, type=doc["type"], hint=suggest(k, allowed)))
        for k in doc
        if k not in allowed
    ]
    problems += [
        Problem("levers", i, k, msg("levers.needs_key", type=doc["type"], key=k))
        for k in sorted(required)
        if k not in doc
    ]
    if doc["type"] == "reopen" and not any(k in doc for k in optional):
        problems.append(Problem("levers", i, None, msg("levers.reopen_needs_target")))
    for key in ("cost_rp", "cost_per_t", "lead_time_days", *POSITIVE):
        if key in doc and not _number_ok(doc[key], key in POSITIVE):
            found = "levers.not_number_above" if key in POSITIVE else "levers.not_number_at_least"
            problems.append(Problem("levers", i, key, msg(found, key=key, value=repr(doc[key]))))
    for key in ("routes", "corridors"):
        if key in doc and not (isinstance(doc[key], list) and all(isinstance(v, str) for v in doc[key])):
            problems.append(Problem("levers", i, key, msg("levers.not_list", key=key)))
    return problems


def _known(i: int, key: str, value: str, known: set, noun: str) -> list[Problem]:
    return (
        []
        if value in known
        else [
            Problem("levers", i, key, msg("levers.not_in_dataset", value=value, noun=noun, hint=suggest(value, known)))
        ]
    )


def check_lever_ids(i: int, doc: dict, dataset: Dataset) -> list[Problem]:
    """Routes, corridors, nodes and commodities lever ``i`` names exist, and can take the lever.

    Parameters
    ----------
    i : int
        The lever's 1-based number.
    doc : dict
        A lever whose shape is right.
    dataset : Dataset
        The network.

    Returns
    -------
    list of Problem
        Errors in table ``levers``: unknown names, a capacity added to an unlimited route or
        node, a temporary route id that exists.
    """
    routes, nodes = dataset.routes, dataset.nodes
    route_ids, node_ids = set(routes["route_id"]), set(nodes["node_id"])
    problems = []
    for r in doc.get("routes", []) + ([doc["route"]] if "route" in doc else []):
        problems += _known(i, "route", r, route_ids, "route_id")
    for c in listed(doc, "corridors", "corridor"):
        problems += _known(i, "corridor", c, set(corridor_names(dataset)), "corridor")
    for key in ("node", "origin", "destination"):
        if key in doc:
            problems += _known(i, key, doc[key], node_ids, "node_id")
    if "commodity" in doc:
        problems += _known(i, "commodity", doc["commodity"], set(dataset.commodities["commodity"]), "commodity")
    cap = {
        "add_route_capacity": (routes, "route_id", "route", "capacity_t_per_day"),
        "add_node_throughput": (nodes, "node_id", "node", "throughput_t_per_day"),
    }.get(doc["type"])
    if cap and not problems:
        table, id_col, key, column = cap
        if pd.isna(table.loc[table[id_col] == doc[key], column]).all():
            unlimited = msg("levers.unlimited", key=key, value=doc[key], column=column)
            problems.append(Problem("levers", i, key, unlimited))
    if doc["type"] == "temporary_route" and doc.get("route_id") in route_ids:
        problems.append(Problem("levers", i, "route_id", msg("levers.route_exists", value=doc["route_id"])))
    return problems


def levers_from_list(docs: object, dataset: Dataset) -> list[Lever]:
    """Check every lever (shape, then ids) and build them; raises :class:`InvalidInput` listing all problems.

    Parameters
    ----------
    docs : object
        A list of levers, or a document with a ``levers`` list.
    dataset : Dataset
        The network.

    Returns
    -------
    list of Lever
        With unique ids.

    Raises
    ------
    InvalidInput
        Listing every problem of every lever.
    """
    if isinstance(docs, dict) and set(docs) <= {"levers", "name", "description"}:
        docs = docs.get("levers")
    if not isinstance(docs, list):
        raise InvalidInput([Problem("levers", None, None, msg("levers.file_shape"))], "lever list")
    problems = []
    for i, doc in enumerate(docs, start=1):
        shape = check_lever_shape(i, doc)
        problems += shape if errors(shape) else check_lever_ids(i, doc, dataset)
    if errors(problems):
        raise InvalidInput(problems, "lever list")
    return _unique_ids([_lever(i, doc) for i, doc in enumerate(docs, start=1)])


def _lever(i: int, doc: dict) -> Lever:
    params = {k: v for k, v in doc.items() if k not in COMMON | {"cost_rp"}}
    lever = Lever(str(doc.get("id", "")), doc["type"], float(doc["cost_rp"]), params, str(doc.get("note", "")))
    return lever if lever.id else Lever(f"{doc['type']} {lever.target}", lever.type, lever.cost_rp, params, lever.note)


def _unique_ids(levers: list[Lever]) -> list[Lever]:
    """Number repeated ids (``id #2``, ``id #3``) so every row of the ranking is told apart."""
    seen: dict[str, int] = {}
    out = []
    for lever in levers:
        seen[lever.id] = seen.get(lever.id, 0) + 1
        n = seen[lever.id]
        out.append(lever if n == 1 else Lever(f"{lever.id} #{n}", lever.type, lever.cost_rp, lever.params, lever.note))
    return out


def load_levers(source: str | Path, dataset: Dataset) -> list[Lever]:
    """Read and check a lever JSON file (bounded: see :mod:`foodchain.safe_read`).

    Parameters
    ----------
    source : str or Path
        The file.
    dataset : Dataset
        The network.

    Returns
    -------
    list of Lever

    Raises
    ------
    InvalidInput
        When the file cannot be read, or listing every problem of its levers.
    """
    return levers_from_list(load_document(source, "levers"), dataset)


def _reopen_proposals(dataset: Dataset, factors: Factors) -> list[dict]:
    """One reopen per corridor (or corridor-less route) with a route cut on some day."""
    routes = dataset.routes
    cut = (factors.route < 1).any(axis=1)
    out, seen = [], set()
    for r in np.flatnonzero(cut):
        corridor, route_id = routes.at[r, "corridor"], routes.at[r, "route_id"]
        key = corridor or route_id
        if key in seen:
            continue
        seen.add(key)
        target = {"corridor": corridor} if corridor else {"routes": [route_id]}
        members = route_mask(dataset, target.get("routes", []), listed(target, "corridors", "corridor"))
        route_days = int((factors.route[members] < 1).sum())
        out.append({"type": "reopen", **target, "cost_rp": route_days * RP_PER_ROUTE_DAY_REOPENED})
    return out


def _capacity_proposals(dataset: Dataset, base: SolveResult, top: int, share: float) -> list[dict]:
    """+``share`` of capacity on the ``top`` routes and hubs with the largest summed shadow prices."""
    out = []
    for use, table, id_col, column, kind, key, rate in (
        (
            base.route_use,
            dataset.routes,
            "route_id",
            "capacity_t_per_day",
            "add_route_capacity",
            "route",
            RP_PER_T_ROUTE_CAPACITY,
        ),
        (
            base.node_use,
            dataset.nodes,
            "node_id",
            "throughput_t_per_day",
            "add_node_throughput",
            "node",
            RP_PER_T_NODE_THROUGHPUT,
        ),
    ):
        open_days = use["capacity_t" if key == "route" else "throughput_t"] > 0  # open and limited
        price = use[open_days].groupby(id_col, sort=False)["shadow_price"].sum()
        price = price[price > 1e-9].sort_values(ascending=False, kind="stable").head(top)
        capacity = table.set_index(id_col)[column]
        for target in price.index:
            add = max(1.0, round(share * float(capacity[target])))
            out.append({"type": kind, key: target, "t_per_day": add, "cost_rp": add * base.days * rate})
    return out


def _stock_proposals(dataset: Dataset, base: SolveResult, top: int) -> list[dict]:
    """Release, at up to ``top`` hubs holding it (else any hubs), the tonnes of each commodity short."""
    short = base.shortfall.groupby("commodity", sort=False)["shortfall_t"].sum()
    hubs = dataset.nodes.loc[dataset.nodes["kind"] == "hub", "node_id"].tolist()
    value = dataset.commodities.set_index("commodity")["stock_value_per_t"]
    out = []
    for commodity, tonnes in short[short > 1e-6].items():
        holding = dataset.stock.loc[
            (dataset.stock["commodity"] == commodity) & dataset.stock["node_id"].isin(hubs), "node_id"
        ]
        rate = float(value.get(commodity) or 0) or RP_PER_T_STOCK
        for hub in list(dict.fromkeys(holding))[:top] or hubs[:top]:
            out.append(
                {
                    "type": "release_stock",
                    "node": hub,
                    "commodity": commodity,
                    "t": round(float(tonnes), 3),
                    "cost_rp": round(float(tonnes) * rate),
                }
            )
    return out


def propose_levers(
    dataset: Dataset, factors: Factors, base: SolveResult, top: int = 3, share: float = 0.25
) -> list[Lever]:
    """Default candidates for a scenario (its ``factors`` and base solve ``base``).

    Reopen every corridor or route the scenario cuts; add ``share`` x capacity (at least
    1 t/day) on the ``top`` routes and hubs with the largest shadow prices summed over the
    days; release, at hubs, the tonnes of each commodity that go short. Costs use the
    module's unit rates [EST].

    Parameters
    ----------
    dataset : Dataset
        The network.
    factors : Factors
        The scenario's ``[rows, days]`` factors.
    base : SolveResult
        The scenario's solve, with its duals.
    top : int, default 3
        How many routes, hubs and commodities to propose for.
    share : float, default 0.25
        The capacity added, as a share of the current capacity.

    Returns
    -------
    list of Lever
    """
    docs = _reopen_proposals(dataset, factors) + _capacity_proposals(dataset, base, top, share)
    docs += _stock_proposals(dataset, base, top)
    return levers_from_list(docs, dataset)
