"""Which levers help most: each lever solved on top of a scenario, ranked two ways.

For a scenario with total shortfall ``S0`` (t), weighted shortfall ``W0`` (Rp) and
transport + supply cost ``C0`` (Rp) (:mod:`foodchain.analysis.metrics`), lever ``l``
(:mod:`foodchain.analysis.levers`) solved on top of it gives ``S_l, W_l, C_l`` and:

* ``shortfall_removed_t = S0 - S_l``;  ``weighted_shortfall_removed = W0 - W_l``;
* ``added_cost = C_l - C0`` (what moving the extra food costs in the LP);
* ``t_per_million_rp = shortfall_removed_t / (cost_rp / 10^6)``: tonnes of shortfall
  removed per million rupiah the lever costs (infinite for a free lever that helps).

``rank_shortfall`` sorts by shortfall removed (then weighted shortfall removed, then
the lever's cost ascending); ``rank_per_rp`` by ``t_per_million_rp``, then the same.

Capacity levers (reopen, add route capacity, add hub throughput) and stock releases where
the node already holds the commodity are bound changes re-solved warm by a
:class:`~foodchain.optimize.resolver.Resolver`; other stock releases and temporary routes
change the LP's structure and are solved from scratch with :func:`foodchain.solve`. The LP duals behind the ranking come from the scenario's own
solve: ``shadow_price`` of a lever is the sum over the days it acts of the dual of the
capacity it relaxes (Rp per extra t/day; from ``route_use`` / ``node_use``), the
first-order value of one more t/day; ``duals`` lists every binding route and node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from foodchain.analysis.levers import REBUILD, Lever, propose_levers
from foodchain.analysis.metrics import shortfall_weights, solve_variant, study_rows
from foodchain.analysis.runner import Cancel, Progress, check_cancel, write_csv, write_json
from foodchain.errors import SolverError
from foodchain.model.columns import table_columns
from foodchain.model.dataset import Dataset, dataset_from_tables
from foodchain.optimize.resolver import Resolver
from foodchain.optimize.results import SolveResult
from foodchain.optimize.scenario import Scenario
from foodchain.optimize.solve import solve
from foodchain.optimize.targets import listed, route_mask

COLUMNS = table_columns("levers")  # mitigation.csv, as foodchain.model.columns specs it


@dataclass
class MitigationResult:
    """Levers ranked (``levers``), the binding duals of the scenario (``duals``) and its figures (``base``)."""

    levers: pd.DataFrame
    duals: pd.DataFrame
    base: dict
    proposed: list = field(default_factory=list)  # the Lever objects behind ``levers`` (for their names)

    def write(self, out) -> None:
        """Write mitigation.csv, duals.csv and mitigation_summary.json into ``out`` (atomically)."""
        folder = Path(out)
        write_csv(self.levers, folder / "mitigation.csv")
        write_csv(self.duals, folder / "duals.csv")
        write_json(self.base, folder / "mitigation_summary.json")


def _route_mask(dataset: Dataset, params: dict) -> np.ndarray:
    """Routes [R] a reopen lever names by ``routes`` and ``corridor``/``corridors``."""
    return route_mask(dataset, params.get("routes", []), listed(params, "corridors", "corridor"))


def capacity_variant(resolver: Resolver, lever: Lever) -> dict[str, np.ndarray]:
    """The base capacities with a capacity lever applied to route [R, D] or node [N, D] capacity.

    reopen: ``cap(r, d) = capacity(r)`` on every day; add_route_capacity:
    ``cap(r, d) += t_per_day`` where ``cap(r, d) > 0``; add_node_throughput likewise.

    Parameters
    ----------
    resolver : Resolver
        The scenario's base model.
    lever : Lever
        The lever.

    Returns
    -------
    dict of str to numpy.ndarray
        ``{name: [rows, days]}`` capacities in t/day, for :func:`~foodchain.analysis.metrics.solve_variant`.
    """
    dataset = resolver.dataset
    caps = resolver.base_capacities()
    route_cap, node_cap = caps["route"], caps["node"]
    p = lever.params
    if lever.type == "reopen":
        unscaled = np.where(
            np.isnan(dataset.routes["capacity_t_per_day"].to_numpy(dtype=float)),
            np.inf,
            dataset.routes["capacity_t_per_day"].to_numpy(dtype=float),
        )
        mask = _route_mask(dataset, p)
        route_cap[mask] = unscaled[mask, None]
    elif lever.type == "add_route_capacity":
        r = int(np.flatnonzero(dataset.routes["route_id"] == p["route"])[0])
        route_cap[r] = np.where(route_cap[r] > 0, route_cap[r] + p["t_per_day"], 0.0)
    elif lever.type == "add_node_throughput":
        n = int(np.flatnonzero(dataset.nodes["node_id"] == p["node"])[0])
        node_cap[n] = np.where(node_cap[n] > 0, node_cap[n] + p["t_per_day"], 0.0)
    return caps


def stock_release(resolver: Resolver, lever: Lever) -> dict | None:
    """``{(node, commodity): tonnes}`` of a stock release the Resolver can re-solve warm, else ``None``.

    Warm only where the node holds some of the commodity already (see
    :meth:`~foodchain.optimize.resolver.Resolver.solve`); elsewhere the lever is rebuilt.

    Parameters
    ----------
    resolver : Resolver
        The scenario's base model.
    lever : Lever
        The lever.

    Returns
    -------
    dict or None
        ``{(node index, commodity index): t}``, or ``None`` for another lever type or a node
        without that commodity in stock.
    """
    if lever.type != "release_stock":
        return None
    inst, p = resolver.inst, lever.params
    n = np.flatnonzero(inst.node_ids == p["node"])
    k = np.flatnonzero(inst.commodity_ids == p["commodity"])
    key = (int(n[0]), int(k[0])) if len(n) and len(k) else None
    return {key: float(p["t"])} if key in resolver.stock_rows else None


def rebuilt_dataset(dataset: Dataset, lever: Lever) -> Dataset:
    """The dataset with a stock release (extra initial stock) or a temporary route added.

    Parameters
    ----------
    dataset : Dataset
        The network, not changed.
    lever : Lever
        A ``release_stock`` or ``temporary_route`` lever (t, t/day, Rp/t, days).

    Returns
    -------
    Dataset
        A new, validated dataset.
    """
    tables = {name: frame.copy() for name, frame in dataset.tables().items()}
    p = lever.params
    if lever.type == "release_stock":
        stock = tables["stock"]
        held = (stock["node_id"] == p["node"]) & (stock["commodity"] == p["commodity"])
        if held.any():
            stock.loc[held, "initial_t"] += float(p["t"])
        else:
            row = {"node_id": p["node"], "commodity": p["commodity"], "initial_t": float(p["t"])}
            tables["stock"] = pd.concat([stock, pd.DataFrame([row])], ignore_index=True)
    else:
        row = {
            "route_id": p.get("route_id", f"TEMP-{p['origin']}-{p['destination']}"),
            "origin": p["origin"],
            "destination": p["destination"],
            "capacity_t_per_day": float(p["capacity_t_per_day"]),
            "cost_per_t": float(p.get("cost_per_t", 0.0)),
            "lead_time_days": int(p.get("lead_time_days", 0)),
            "mode": "temporary",
        }
        tables["routes"] = pd.concat([tables["routes"], pd.DataFrame([row])], ignore_index=True)
    return dataset_from_tables(tables)


def rebuild_metrics(resolver: Resolver, lever: Lever, scenario: Scenario) -> dict:
    """Solve a structural lever from scratch; figures as :func:`~foodchain.analysis.metrics.outcome_metrics`.

    Parameters
    ----------
    resolver : Resolver
        The scenario's base model.
    lever : Lever
        The lever.
    scenario : Scenario
        The scenario, solved again on the rebuilt dataset over the same horizon.

    Returns
    -------
    dict
        ``status``, ``total_shortfall_t`` and ``weighted_shortfall`` (study area), ``cost``
        (transport + supply, Rp); NaN numbers when no optimum was found.
    """
    days = resolver.inst.days
    try:
        result = solve(rebuilt_dataset(resolver.dataset, lever), scenario, days=days)
    except SolverError as exc:
        return {"status": str(exc), "total_shortfall_t": np.nan, "weighted_shortfall": np.nan, "cost": np.nan}
    short = result.shortfall["shortfall_t"].to_numpy().reshape(-1, days).sum(axis=1)
    study = study_rows(resolver)
    return {
        "status": result.status,
        "total_shortfall_t": float(short[study].sum()),
        "weighted_shortfall": float((shortfall_weights(resolver) * short)[study].sum()),
        "cost": result.transport_cost + result.supply_cost,
    }


def lever_shadow_price(base: SolveResult, lever: Lever, dataset: Dataset) -> float:
    """Sum over days of the dual of the capacity the lever relaxes (NaN for structural levers).

    Parameters
    ----------
    base : SolveResult
        The scenario's solve, with its duals.
    lever : Lever
        The lever.
    dataset : Dataset
        The network (a corridor's routes).

    Returns
    -------
    float
        ``sum_d dual(capacity row, d)`` (Rp per t/day) over the days the capacity is open.
    """
    if lever.type in REBUILD:
        return float("nan")
    if lever.type == "add_node_throughput":
        use = base.node_use
        use = use[(use["node_id"] == lever.params["node"]) & (use["throughput_t"] > 0)]
        return float(use["shadow_price"].sum())
    use = base.route_use
    if lever.type == "add_route_capacity":  # only the days it is open: a closed route takes no extra trucks
        return float(
            use.loc[(use["route_id"] == lever.params["route"]) & (use["capacity_t"] > 0), "shadow_price"].sum()
        )
    ids = dataset.routes.loc[_route_mask(dataset, lever.params), "route_id"]
    return float(use.loc[use["route_id"].isin(ids), "shadow_price"].sum())


def binding_duals(base: SolveResult, dataset: Dataset) -> pd.DataFrame:
    """Every route and node whose capacity binds somewhere: kind, id, name, days_binding,
    shadow_price_sum and shadow_price_max (Rp per extra t/day), largest first.

    Parameters
    ----------
    base : SolveResult
        The scenario's solve, with ``route_use`` and ``node_use`` duals.
    dataset : Dataset
        The network (names).

    Returns
    -------
    pandas.DataFrame
        A capacity binds on a day when its shadow price exceeds 1e-9.
    """
    names = dataset.node_names()
    route_names = dataset.routes.set_index("route_id").apply(
        lambda r: f"{names[r['origin']]} → {names[r['destination']]}", axis=1
    )
    frames = []
    for use, id_col, kind, label in (
        (base.route_use, "route_id", "route", route_names),
        (base.node_use, "node_id", "node", names),
    ):
        bind = use[use["shadow_price"] > 1e-9]
        g = bind.groupby(id_col, sort=False)["shadow_price"].agg(["count", "sum", "max"]).reset_index()
        g.columns = ["id", "days_binding", "shadow_price_sum", "shadow_price_max"]
        g.insert(0, "kind", kind)
        g.insert(2, "name", g["id"].map(label))
        frames.append(g)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["shadow_price_sum", "id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _rank(frame: pd.DataFrame, first: str) -> np.ndarray:
    keys = pd.DataFrame(
        {
            first: frame[first].round(6),
            "w": frame["weighted_shortfall_removed"].round(2),
            "c": frame["cost_rp"],
            "l": frame["lever"],
        }
    )
    order = keys.sort_values(
        [first, "w", "c", "l"], ascending=[False, False, True, True], na_position="last", kind="stable"
    ).index
    rank = np.empty(len(frame), dtype=int)
    rank[order] = np.arange(1, len(frame) + 1)
    return rank


def evaluate_levers(
    dataset: Dataset,
    scenario: Scenario | None,
    levers: list[Lever] | None = None,
    days: int | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> MitigationResult:
    """Solve every lever on top of ``scenario`` and rank them (see the module docstring).

    ``levers`` ``None`` proposes them from the scenario's solve
    (:func:`~foodchain.analysis.levers.propose_levers`). The scenario is solved once, by the
    :class:`~foodchain.optimize.resolver.Resolver` the capacity levers re-solve warm; its
    result tables (duals for the shadow prices) come from that same solve.

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario or None
        The scenario the levers mitigate; ``None`` for the baseline.
    levers : list of Lever, optional
        The levers to try.
    days : int, optional
        The horizon; default the scenario's.
    progress : callable, optional
        Called as ``progress(done, total)`` after each lever.
    cancel : callable, optional
        Returns True to stop.

    Returns
    -------
    MitigationResult
        The levers ranked by shortfall removed (t) and by t per million Rp, the binding
        capacities and the base's figures.

    Raises
    ------
    Cancelled
        When ``cancel`` fires.
    """
    scenario = scenario or Scenario()
    days = days or scenario.horizon_days
    resolver = Resolver(dataset, scenario, days)
    base_result = resolver.result(resolver.base)
    if levers is None:
        levers = propose_levers(dataset, resolver.factors, base_result)
    base = solve_variant(resolver)
    rows = []
    for i, lever in enumerate(levers):
        check_cancel(cancel)
        stock = stock_release(resolver, lever)
        rebuild = lever.type in REBUILD and stock is None
        if rebuild:
            m = rebuild_metrics(resolver, lever, scenario)
        elif stock is not None:
            m = solve_variant(resolver, stock_add=stock)
        else:
            m = solve_variant(resolver, capacity_variant(resolver, lever))
        rows.append(_lever_row(lever, m, base, lever_shadow_price(base_result, lever, dataset), rebuild))
        if progress:
            progress(i + 1, len(levers))
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if not c.startswith("rank")])
    if len(frame):
        frame["rank_shortfall"] = _rank(frame, "shortfall_removed_t")
        frame["rank_per_rp"] = _rank(frame, "t_per_million_rp")
    else:
        frame["rank_shortfall"] = frame["rank_per_rp"] = pd.Series(dtype=int)
    frame = frame.sort_values("rank_shortfall").reset_index(drop=True)[COLUMNS]
    summary = {k: v for k, v in base.items() if k not in ("shortfall_q", "weighted_q")} | {
        "scenario": scenario.name,
        "days": days,
        "levers": len(levers),
    }
    return MitigationResult(frame, binding_duals(base_result, dataset), summary, list(levers))


def _tidy(value: float, tol: float) -> float:
    """``value`` with solver noise (|value| < tol) shown as 0."""
    return 0.0 if abs(value) < tol else float(value)


def _lever_row(lever: Lever, m: dict, base: dict, price: float, rebuild: bool) -> dict:
    removed = _tidy(base["total_shortfall_t"] - m["total_shortfall_t"], 1e-6)
    free = np.inf if removed > 1e-6 else 0.0
    per_rp = removed / (lever.cost_rp / 1e6) if lever.cost_rp > 0 else free
    return {
        "lever": lever.id,
        "type": lever.type,
        "target": lever.target,
        "amount": lever.amount,
        "cost_rp": lever.cost_rp,
        "shortfall_t": m["total_shortfall_t"],
        "shortfall_removed_t": removed,
        "weighted_shortfall_removed": _tidy(base["weighted_shortfall"] - m["weighted_shortfall"], 1.0),
        "added_cost": m["cost"] - base["cost"],
        "t_per_million_rp": per_rp,
        "shadow_price": price,
        "method": "rebuild" if rebuild else "warm re-solve",
        "status": m["status"],
        "note": lever.note,
    }
