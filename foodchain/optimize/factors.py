"""Scenario factors: what each disruption does to each route, node, supply and demand, per day.

:func:`scenario_factors` resolves every disruption's targets in the dataset and
returns arrays of multipliers, one row per route / node / supply row / demand row and
one column per day. Targets multiply when several disruptions touch them.
A factor other than 0 or >= 1 on a route or node with no capacity (unlimited) has
nothing to scale and is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from foodchain.errors import InvalidScenario
from foodchain.model.dataset import Dataset
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.model.validation import suggest
from foodchain.optimize.scenario import Scenario, day_range

CLOSURES = {"close_route": "route", "close_corridor": "route", "close_node": "node"}


@dataclass
class Factors:
    """Daily multipliers (rows follow the dataset tables' row order; columns are days)."""

    route: np.ndarray
    node: np.ndarray
    supply: np.ndarray
    demand: np.ndarray
    overlay: pd.DataFrame = field(default_factory=pd.DataFrame)
    warnings: list[Problem] = field(default_factory=list)
    base_dir: object = None  # where a flood's relative GeoJSON path is looked up

    @classmethod
    def ones(cls, dataset: Dataset, days: int) -> Factors:
        def one(frame: pd.DataFrame) -> np.ndarray:
            return np.ones((len(frame), days))

        return cls(one(dataset.routes), one(dataset.nodes), one(dataset.supply), one(dataset.demand))


def _unknown(i: int, key: str, values: list[str], known: pd.Series | set, noun: str) -> list[Problem]:
    known = set(known)
    return [
        Problem("scenario", i, key, f"'{v}' is not a {noun} in the dataset{suggest(v, known)}")
        for v in values
        if v not in known
    ]


def route_mask(i: int, d: dict, dataset: Dataset) -> tuple[np.ndarray, list[Problem]]:
    """Routes a disruption picks, by route id and/or corridor."""
    routes = dataset.routes
    problems = _unknown(i, "routes", d.get("routes", []), routes["route_id"], "route_id")
    corridors = d.get("corridors", []) + ([d["corridor"]] if "corridor" in d else [])
    known = set(routes["corridor"]) - {""}
    problems += _unknown(i, "corridor", corridors, known, "corridor")
    mask = routes["route_id"].isin(d.get("routes", [])) | routes["corridor"].isin(corridors)
    return np.array(mask, dtype=bool), problems


def node_mask(i: int, d: dict, frame: pd.DataFrame, dataset: Dataset) -> tuple[np.ndarray, list[Problem]]:
    """Rows of ``frame`` (nodes, supply or demand) a disruption picks by node and/or region."""
    nodes = dataset.nodes
    problems = _unknown(i, "nodes", d.get("nodes", []), nodes["node_id"], "node_id")
    problems += _unknown(i, "regions", d.get("regions", []), set(nodes["region"]) - {""}, "region")
    in_region = nodes.loc[nodes["region"].isin(d.get("regions", [])), "node_id"]
    picked = set(d.get("nodes", [])) | set(in_region)
    mask = np.array(frame["node_id"].isin(picked), dtype=bool)
    if "commodities" in d:
        problems += _unknown(i, "commodities", d["commodities"], dataset.commodities["commodity"], "commodity")
        if "commodity" in frame:
            mask = mask & frame["commodity"].isin(d["commodities"]).to_numpy()
    return mask, problems


def _check_scalable(i: int, factor: float, capacity: pd.Series, ids: pd.Series, noun: str) -> list[Problem]:
    if factor == 0 or factor >= 1:
        return []
    unlimited = ids[capacity.isna().to_numpy()].tolist()
    return [
        Problem(
            "scenario",
            i,
            "factor",
            f"{noun} '{x}' has no capacity set (unlimited), so factor {factor:g}"
            " has nothing to scale; give it a capacity or use factor 0 to close it",
        )
        for x in unlimited
    ]


def _apply(i: int, d: dict, dataset: Dataset, f: Factors, days: int) -> list[Problem]:
    kind, span = d["type"], day_range(d, days)
    factor = 0.0 if kind in CLOSURES else float(d.get("factor", 1.0))  # a flood has no factor
    if kind in ("close_route", "close_corridor", "route_capacity"):
        mask, problems = route_mask(i, d, dataset)
        sel = dataset.routes[mask]
        problems += _check_scalable(i, factor, sel["capacity_t_per_day"], sel["route_id"], "route")
        f.route[np.ix_(mask, span)] *= factor
    elif kind in ("close_node", "node_capacity"):
        mask, problems = node_mask(i, d, dataset.nodes, dataset)
        sel = dataset.nodes[mask]
        problems += _check_scalable(i, factor, sel["throughput_t_per_day"], sel["node_id"], "node")
        f.node[np.ix_(mask, span)] *= factor
    elif kind == "supply_shock":
        mask, problems = node_mask(i, d, dataset.supply, dataset)
        f.supply[np.ix_(mask, span)] *= factor
    elif kind == "demand_surge":
        mask, problems = node_mask(i, d, dataset.demand, dataset)
        f.demand[np.ix_(mask, span)] *= factor
    else:
        return _apply_flood(i, d, dataset, f, days)
    if not mask.any() and not errors(problems):
        problems.append(Problem("scenario", i, None, f"this {kind} disruption matches nothing in the dataset", WARNING))
    return problems


def _apply_flood(i: int, d: dict, dataset: Dataset, f: Factors, days: int) -> list[Problem]:
    try:
        from foodchain.optimize import flood
    except ImportError:
        return [Problem("scenario", i, "type", "flood disruptions are not supported by this version yet")]
    overlay, problems = flood.overlay_disruption(i, d, dataset, days, base_dir=f.base_dir)
    if errors(problems):
        return problems
    flood.apply_overlay(overlay, dataset, f)
    f.overlay = pd.concat([f.overlay, overlay.assign(disruption=i)], ignore_index=True)
    return problems


def scenario_factors(dataset: Dataset, scenario: Scenario, days: int | None = None) -> Factors:
    """Daily factors of ``scenario`` on ``dataset`` over ``days`` (default: its horizon).

    Raises :class:`~foodchain.errors.InvalidScenario` with every problem found.
    """
    days = days or scenario.horizon_days
    f = Factors.ones(dataset, days)
    f.base_dir = scenario.base_dir
    problems: list[Problem] = []
    for i, d in enumerate(scenario.disruptions, start=1):
        if d.get("start_day", 1) > days:
            problems.append(
                Problem(
                    "scenario",
                    i,
                    "start_day",
                    f"starts on day {d['start_day']}, after the last day solved ({days}): it has no effect",
                    WARNING,
                )
            )
        problems += _apply(i, d, dataset, f, days)
    if errors(problems):
        raise InvalidScenario(problems)
    f.warnings = problems
    return f
