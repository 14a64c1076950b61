"""N-1 criticality: close each route, corridor or node in turn and measure the damage.

For every target ``t`` (a route, a corridor = all its routes, or a node) the base
scenario is re-solved with ``t`` closed on every day of the horizon:

* a route ``r``: ``cap(r, d) = 0`` for all days ``d``;
* a corridor ``c``: ``cap(r, d) = 0`` for every route ``r`` with ``corridor(r) = c``;
* a node ``n``: ``throughput(n, d) = 0``, so nothing arrives at or leaves ``n`` by route
  (its own supply, stock and demand stay: a closed market can still eat its own stock).

Closures come on top of the base scenario's own disruptions. Each closure is a change of
bounds in one LP, re-solved warm from the base basis by a
:class:`~foodchain.optimize.resolver.Resolver` (no rebuild), so its answer equals a
full solve of the base scenario plus a ``close_route`` / ``close_corridor`` /
``close_node`` disruption (:func:`closure_scenario`). With ``S`` the total shortfall,
``W`` the weighted shortfall and ``C`` the transport + supply cost of a solve
(:mod:`foodchain.analysis.metrics`):

* ``added_shortfall_t = S(closure) - S(base)`` (t, summed over the days): food that
  does not reach the study area because the target is closed;
* ``added_weighted_shortfall = W(closure) - W(base)`` (Rp of penalty);
* ``added_cost = C(closure) - C(base)`` (Rp of transport and purchase; negative when less
  food can be moved, so it is read after the shortfall, never on its own);
* ``added_external_shortfall_t``: the same as the first for demand outside the study area.

``S`` and ``W`` count the study area only (nodes not marked ``external``), and when a
node is closed its own demand is left out of both: the table measures the damage the
closure does to *other* places (a closed market is short of what it can no longer
receive, which says nothing about its role in the network).

``rank`` 1 is the most critical target: sorted by added shortfall, then added weighted
shortfall, then added cost (all descending), then by target id.

With equity on (the scenario's ``equity`` key, default on, or ``--equity``) every closure is
solved as :func:`foodchain.solve` solves it: the least-weighted-shortfall plan, then the
fair-sharing stage of :mod:`foodchain.optimize.equity` whenever something is short, so each
row equals a full two-stage solve of :func:`closure_scenario`. Equity keeps stage 1's total
weighted shortfall (all demand, within the solver's tolerance), but it chooses *who* is
short: the study-area tonnes, the external tonnes and the cost of a closure can all
differ from the equity-off plan, so the stage cannot be left out without changing the
table. It runs only for closures that leave something short, and a closure whose route
or node carries nothing in either stage of the base is answered by the base without a
solve. With ``equity`` off the table is that of the least-weighted-shortfall plans.

The price is the fair-sharing rounds (primal simplex, warm from the closure's optimum; one
round per distinct share level) for every closure that leaves food short. Measured with
``foodchain criticality sample_data/jakarta --scenario sample_data/scenarios/jan2020_flood.json
--equity on|off --out DIR`` (all cores of a 2-core machine, load about 2): 3.2 s off, 182 s on
(exact max-min shares: many zones are cut off and tie at 100 %, so a closure takes dozens of
rounds). Every column was the same with equity on and off there (added cost to 2e-5 Rp, a
round-off that reorders a few closures tied on every figure). On small
random networks the shortfall columns differ too (tests/analysis/test_criticality.py), which
is why the stage is not skipped. ``--equity off`` gives the quicker table of the
least-weighted-shortfall plans when that is what is wanted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foodchain.analysis.metrics import external_nodes, solve_variant
from foodchain.analysis.runner import Cancel, Progress, map_tasks
from foodchain.errors import InvalidInput
from foodchain.messages import msg
from foodchain.model.columns import table_columns
from foodchain.model.dataset import Dataset
from foodchain.model.problems import Problem
from foodchain.optimize.disruptions import closure, touched
from foodchain.optimize.resolver import cached_resolver
from foodchain.optimize.scenario import Scenario
from foodchain.optimize.targets import corridor_names

TARGETS = {"routes": "route", "corridors": "corridor", "nodes": "node"}
COLUMNS = table_columns("criticality")  # criticality.csv, as foodchain.model.columns specs it
ROUND = {"added_shortfall_t": 6, "added_weighted_shortfall": 2, "added_cost": 2}  # ties below these are noise


def closure_targets(dataset: Dataset, targets: str = "routes") -> list[str]:
    """Ids of the routes, corridor names or node ids to close, in the dataset's order.

    Parameters
    ----------
    dataset : Dataset
        The network.
    targets : str, default "routes"
        ``routes``, ``corridors`` or ``nodes`` (a key of :data:`TARGETS`).

    Returns
    -------
    list of str

    Raises
    ------
    InvalidInput
        For ``targets`` not in :data:`TARGETS`.
    """
    if targets not in TARGETS:
        message = msg("analysis.bad_targets", choices=", ".join(TARGETS), value=targets)
        problem = Problem("options", None, "targets", message)
        raise InvalidInput([problem], "options")
    if targets == "routes":
        return list(dataset.routes["route_id"])
    if targets == "nodes":
        return list(dataset.nodes["node_id"])
    return corridor_names(dataset)


def closure_masks(dataset: Dataset, kind: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Boolean masks (routes [R], nodes [N]) of what closing ``target`` of ``kind`` closes.

    The same selection as the full solve of :func:`closure_scenario` (the disruption
    registry's :func:`~foodchain.optimize.disruptions.touched`).

    Parameters
    ----------
    dataset : Dataset
        The network.
    kind : str
        ``route``, ``corridor`` or ``node``.
    target : str
        The route id, corridor name or node id closed.

    Returns
    -------
    routes, nodes : numpy.ndarray of bool
        ``[R]`` and ``[N]``.
    """
    return touched(dataset, closure(kind, target))


def closure_scenario(base: Scenario | None, kind: str, target: str, days: int | None = None) -> Scenario:
    """The base scenario plus ``target`` closed on every day: what one row of the table solves.

    Parameters
    ----------
    base : Scenario or None
        The base scenario; ``None`` for the baseline.
    kind : str
        ``route``, ``corridor`` or ``node``.
    target : str
        The route id, corridor name or node id closed.
    days : int, optional
        The horizon; default the base's.

    Returns
    -------
    Scenario
        The base's disruptions, then the closure (factor 0 on every day).
    """
    base = base or Scenario()
    return Scenario(
        name=f"{base.name} + {kind} {target} closed",
        horizon_days=days or base.horizon_days,
        disruptions=tuple(base.disruptions) + (closure(kind, target),),
        base_dir=base.base_dir,
        equity=base.equity,
    )


def closure_task(dataset: Dataset, scenario: Scenario | None, days: int | None, kind: str | None, target) -> dict:
    """Figures of the base (``kind`` None) or of one closure, on this process's cached Resolver.

    The closure sets ``cap(r, d) = 0`` on the closed routes and ``throughput(n, d) = 0`` on the
    closed node, for every day, and re-solves warm (:func:`~foodchain.analysis.metrics.solve_variant`).

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario or None
        The base scenario.
    days : int or None
        The horizon; default the scenario's.
    kind : str or None
        ``route``, ``corridor`` or ``node``; ``None`` for the base itself.
    target : str or None
        The route id, corridor name or node id closed.

    Returns
    -------
    dict
        The figures of :mod:`foodchain.analysis.metrics` (t and Rp).
    """
    resolver = cached_resolver(dataset, scenario, days)
    if kind is None:
        return solve_variant(resolver)
    caps = resolver.base_capacities()
    route_mask, node_mask = closure_masks(dataset, kind, target)
    caps["route"][route_mask] = 0.0
    caps["node"][node_mask] = 0.0
    return solve_variant(resolver, caps)


def criticality(
    dataset: Dataset,
    scenario: Scenario | None = None,
    targets: str = "routes",
    days: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> pd.DataFrame:
    """Close each target in turn on top of ``scenario`` and rank them (see the module docstring).

    Returns one row per target with columns :data:`COLUMNS`. ``workers`` > 1 runs the
    closures on a process pool and ``scheduler`` on a Dask cluster; every worker builds
    its own Resolver once. ``progress(done, total)`` and ``cancel`` as in
    :func:`~foodchain.analysis.runner.map_tasks` (:class:`~foodchain.errors.Cancelled`
    is raised when cancelled).

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario, optional
        The base scenario; ``None`` for the baseline.
    targets : str, default "routes"
        ``routes``, ``corridors`` or ``nodes``.
    days : int, optional
        The horizon; default the scenario's.
    workers : int, default 1
        Processes to run the closures on.
    scheduler : str, optional
        A Dask scheduler address, instead of the process pool.
    progress : callable, optional
        Called as ``progress(done, total)``.
    cancel : callable, optional
        Returns True to stop.

    Raises
    ------
    InvalidInput
        For ``targets`` not in :data:`TARGETS`.
    Cancelled
        When ``cancel`` fires.
    """
    ids = closure_targets(dataset, targets)  # raises InvalidInput on an unknown ``targets``
    kind = TARGETS[targets]
    args = [(None, None)] + [(kind, t) for t in ids]
    results: list[dict | None] = [None] * len(args)
    shared = (dataset, scenario, days)
    for i, res in map_tasks(closure_task, shared, args, workers, scheduler, progress, cancel):
        results[i] = res
    return criticality_table(dataset, kind, ids, results[0], results[1:])


def _names(dataset: Dataset, kind: str, ids: list[str]) -> tuple[list[str], list[int]]:
    node_names = dataset.node_names()
    routes = dataset.routes
    if kind == "route":
        r = routes.set_index("route_id")
        names = [f"{node_names[r.at[t, 'origin']]} → {node_names[r.at[t, 'destination']]}" for t in ids]
        return names, [1] * len(ids)
    if kind == "corridor":
        counts = routes["corridor"].value_counts()
        return list(ids), [int(counts[t]) for t in ids]
    touching = pd.concat([routes["origin"], routes["destination"]]).value_counts()
    return [str(node_names[t]) for t in ids], [int(touching.get(t, 0)) for t in ids]


def counted_rows(dataset: Dataset, kind: str, target: str) -> np.ndarray:
    """Boolean per demand row: counted in the ranking? (study area, and not the closed node's own).

    Parameters
    ----------
    dataset : Dataset
        The network.
    kind : str
        ``route``, ``corridor`` or ``node``.
    target : str
        The route id, corridor name or node id closed.

    Returns
    -------
    numpy.ndarray of bool
        One entry per demand row.
    """
    node = dataset.demand["node_id"]
    counted = ~node.isin(external_nodes(dataset))
    if kind == "node":
        counted &= node != target
    return counted.to_numpy()


def _added(base: dict, row: dict, key: str, counted: np.ndarray) -> float:
    value = float((row[key][counted] - base[key][counted]).sum())
    return 0.0 if abs(value) < 1e-6 else value  # round-off of summing many rows, not a change


def criticality_table(dataset: Dataset, kind: str, ids: list[str], base: dict, rows: list[dict]) -> pd.DataFrame:
    """The ranked table from the base's and each closure's figures (per demand row, see the module docstring).

    With ``S``, ``W``, ``C`` the study-area shortfall (t), weighted shortfall (Rp) and cost (Rp)
    over the counted demand rows: ``added_shortfall_t = S(closure) - S(base)``,
    ``added_weighted_shortfall = W(closure) - W(base)``, ``added_cost = C(closure) - C(base)``.

    Parameters
    ----------
    dataset : Dataset
        The network.
    kind : str
        ``route``, ``corridor`` or ``node``.
    ids : list of str
        The targets, in the order of ``rows``.
    base : dict
        The base's figures (:mod:`foodchain.analysis.metrics`).
    rows : list of dict
        Each closure's figures.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`, ranked (1 = most critical).
    """
    names, closed = _names(dataset, kind, ids)
    counted = [counted_rows(dataset, kind, t) for t in ids]
    external = dataset.demand["node_id"].isin(external_nodes(dataset)).to_numpy()
    frame = pd.DataFrame(
        {
            "target": ids,
            "kind": kind,
            "added_shortfall_t": [_added(base, r, "shortfall_q", c) for r, c in zip(rows, counted)],
            "added_cost": [r["cost"] - base["cost"] for r in rows],
            "added_weighted_shortfall": [_added(base, r, "weighted_q", c) for r, c in zip(rows, counted)],
            "added_objective": [r["objective"] - base["objective"] for r in rows],
            "added_external_shortfall_t": [_added(base, r, "shortfall_q", external) for r in rows],
            "shortfall_t": [float(r["shortfall_q"][c].sum()) for r, c in zip(rows, counted)],
            "name": names,
            "routes_closed": closed,
            "status": [r["status"] for r in rows],
        }
    )
    return rank_targets(frame)[COLUMNS]


def rank_targets(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort by added shortfall, weighted shortfall, cost (descending; noise rounded away), then
    target; ``rank`` = position (1 = most critical). Failed solves (NaN) come last."""
    keys = pd.DataFrame({c: frame[c].round(n) for c, n in ROUND.items()})
    keys["target"] = frame["target"]
    order = keys.sort_values(
        list(ROUND) + ["target"], ascending=[False] * len(ROUND) + [True], na_position="last", kind="stable"
    ).index
    out = frame.loc[order].reset_index(drop=True)
    out["rank"] = np.arange(1, len(out) + 1)
    return out
