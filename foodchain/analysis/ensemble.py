"""Monte Carlo flood ensembles: many random floods, each a warm re-solve of one LP.

Run ``j`` draws, from ``default_rng(seed_j)`` with ``seed_j`` the ``j``-th child of
``SeedSequence(seed)`` (:func:`~foodchain.analysis.flood_spec.run_seeds`), which
corridors and zones of the spec (:mod:`foodchain.analysis.flood_spec`) flood and for
how long. The draws happen before any solve, so the numbers do not depend on how many
workers solve them or where. Each run multiplies the base scenario's capacity factors:

    route(r, d) *= factor(e)   for every flooded event e touching route r on its days d
    node(n, d)  *= factor(e)   for every flooded zone containing node n

and is solved warm by the :class:`~foodchain.optimize.resolver.Resolver` of the base
(one per worker process). With ``S_j`` the total shortfall of run ``j`` (t, all days and
commodities), ``D`` the total demand and ``s_{j,z}`` / ``D_z`` those of zone ``z``
(a node with demand):

* ``share_unmet_j = S_j / D``;  ``expected_shortfall_t = mean_j S_j``;
* ``p_share_above_5pct = #{j : S_j > 0.05 D} / runs`` (over the city), and per zone
  ``#{j : s_{j,z} > 0.05 D_z} / runs``.

Failed solves (no optimum) keep their status and count as missing in the means.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from foodchain.analysis.flood_spec import FloodSpec, check_spec_targets, draw_run, run_seeds
from foodchain.analysis.metrics import external_nodes, solve_variant
from foodchain.analysis.runner import Cancel, Progress, map_tasks, write_csv, write_json
from foodchain.errors import InvalidSpec
from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import Problem, errors
from foodchain.optimize.factors import Factors, scenario_factors
from foodchain.optimize.resolver import cached_resolver
from foodchain.optimize.scenario import Scenario, load_scenario
from foodchain.optimize.targets import route_mask, zone_masks

THRESHOLD = 0.05  # a run or zone "goes short" when more than this share of its demand is unmet
WORST = 5  # runs listed in the summary
Event = tuple[str, str, int, int, float]  # kind, target, start_day, days, factor


@dataclass
class EnsembleResult:
    """Per-run and per-zone tables and the summary document of an ensemble."""

    runs: pd.DataFrame
    zones: pd.DataFrame
    summary: dict

    def write(self, out: str | Path) -> list[Path]:
        """Write ensemble.csv, ensemble_zones.csv and ensemble_summary.json (each atomically)."""
        folder = Path(out)
        return [
            write_csv(self.runs, folder / "ensemble.csv"),
            write_csv(self.zones, folder / "ensemble_zones.csv"),
            write_json(self.summary, folder / "ensemble_summary.json"),
        ]


def event_masks(dataset: Dataset, kind: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Routes [R] and nodes [N] a flooded corridor or zone touches (rules of :mod:`foodchain.optimize.targets`).

    Parameters
    ----------
    dataset : Dataset
        The network.
    kind : str
        ``corridor`` or ``zone``.
    target : str
        The corridor name or zone (node id or region, exact).

    Returns
    -------
    routes, nodes : numpy.ndarray of bool
        ``[R]`` and ``[N]``.
    """
    if kind == "corridor":
        return route_mask(dataset, corridors=[target]), np.zeros(len(dataset.nodes), dtype=bool)
    return zone_masks(dataset, target)


def run_task(dataset: Dataset, scenario, days: int, members: list, member: int | None, events: list[Event]) -> dict:
    """Solve one run on this process's cached Resolver: base factors x member x flooded events.

    For each event ``(kind, target, start, n, f)`` the capacities of the routes and nodes it
    touches are multiplied by ``f`` on days ``start .. start + n - 1`` (1-based, cut at the
    horizon): ``cap(i, d) = capacity(i) x base(i, d) x member(i, d) x f``.

    Parameters
    ----------
    dataset : Dataset
        The network.
    scenario : Scenario or None
        The base scenario.
    days : int
        The horizon in days.
    members : list of tuple of numpy.ndarray
        ``(route, node, supply)`` factors of each scenario file of the spec.
    member : int or None
        The member drawn for this run; ``None`` for none.
    events : list of Event
        The flooded events.

    Returns
    -------
    dict
        The figures of :mod:`foodchain.analysis.metrics`.
    """
    resolver = cached_resolver(dataset, scenario, days)
    base = resolver.factors
    route, node, supply = base.route.copy(), base.node.copy(), base.supply.copy()
    if member is not None:
        route, node, supply = route * members[member][0], node * members[member][1], supply * members[member][2]
    for kind, target, start, duration, factor in events:
        span = slice(start - 1, min(start - 1 + duration, days))
        if (kind, target) not in resolver.memo:
            resolver.memo[kind, target] = event_masks(dataset, kind, target)
        routes_hit, nodes_hit = resolver.memo[kind, target]
        route[routes_hit, span] *= factor
        node[nodes_hit, span] *= factor
    caps = resolver.capacities(Factors(route, node, supply, base.demand))
    return solve_variant(resolver, caps)


def member_factors(dataset: Dataset, spec: FloodSpec, days: int) -> list[tuple[np.ndarray, ...]]:
    """(route, node, supply) factors of each scenario file of the spec; demand changes are refused.

    Parameters
    ----------
    dataset : Dataset
        The network.
    spec : FloodSpec
        The checked ensemble spec.
    days : int
        The horizon in days.

    Returns
    -------
    list of tuple of numpy.ndarray
        ``(route, node, supply)`` ``[rows, days]`` per scenario file, in the spec's order.

    Raises
    ------
    InvalidSpec
        When a scenario file changes demand.
    InvalidScenario
        When a scenario file cannot be read or names what the dataset lacks.
    """
    members, problems = [], []
    for path in spec.scenarios:
        f = scenario_factors(dataset, load_scenario(path), days)
        if not np.all(f.demand == 1.0):
            problems.append(Problem("spec", None, "scenarios", msg("analysis.member_changes_demand", name=path.name)))
        members.append((f.route, f.node, f.supply))
    if problems:
        raise InvalidSpec(problems)
    return members


def run_ensemble(
    dataset: Dataset,
    spec: FloodSpec,
    runs: int,
    seed: int,
    scenario: Scenario | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> EnsembleResult:
    """Draw and solve ``runs`` floods of ``spec`` on top of ``scenario`` (see the module docstring).

    Raises :class:`~foodchain.errors.InvalidSpec` when the spec names
    corridors or zones the dataset lacks, and
    :class:`~foodchain.errors.Cancelled` when ``cancel`` fires.

    Parameters
    ----------
    dataset : Dataset
        The network.
    spec : FloodSpec
        The checked ensemble spec.
    runs : int
        Number of runs.
    seed : int
        The master seed; run ``i`` draws from its own seed (:func:`run_seeds`).
    scenario : Scenario, optional
        The base scenario; ``None`` for the baseline.
    workers : int, default 1
        Processes to run on.
    scheduler : str, optional
        A Dask scheduler address, instead of the process pool.
    progress : callable, optional
        Called as ``progress(done, total)``.
    cancel : callable, optional
        Returns True to stop.

    Returns
    -------
    EnsembleResult
        The runs table, the zones table (study area only) and the summary.
    """
    problems = check_spec_targets(spec, dataset)
    if errors(problems):
        raise InvalidSpec(problems)
    days = spec.horizon_days
    demand = _demand_per_row(dataset, scenario, days)
    members = member_factors(dataset, spec, days)
    seeds = run_seeds(seed, runs)
    draws = [draw_run(spec, s) for s in seeds]
    args = [(member, [(e.kind, e.target, e.start_day, n, e.factor) for e, n in hits]) for member, hits in draws]
    results: list[dict | None] = [None] * runs
    shared = (dataset, scenario, days, members)
    for i, res in map_tasks(run_task, shared, args, workers, scheduler, progress, cancel):
        results[i] = res
    external = external_nodes(dataset)  # headline figures: the study area only
    study_demand = float(demand[~dataset.demand["node_id"].isin(external).to_numpy()].sum())
    run_table = runs_table(spec, seeds, args, results, study_demand)
    zone_table = zones_table(dataset, demand, results)
    zone_table = zone_table[~zone_table["node_id"].isin(external)].reset_index(drop=True)
    return EnsembleResult(run_table, zone_table, summarise(spec, seed, run_table, zone_table, study_demand))


def _demand_per_row(dataset: Dataset, scenario: Scenario | None, days: int) -> np.ndarray:
    """Demand per demand row over the horizon (t), with the base scenario's demand factors."""
    factors = scenario_factors(dataset, scenario or Scenario(horizon_days=days), days)
    return dataset.demand["demand_t_per_day"].to_numpy(dtype=float) * factors.demand.sum(axis=1)


def _describe(events: list[Event], days: int) -> str:
    """``corridor X closed days 1-2; zone Y x0.5 day 3`` (days cut off at the horizon)."""
    parts = []
    for kind, target, start, duration, factor in events:
        end = min(start + duration - 1, days)
        span = f"day {start}" if end == start else f"days {start}-{end}"
        parts.append(f"{kind} {target} {'closed' if factor == 0 else f'x{factor:g}'} {span}")
    return "; ".join(parts)


def runs_table(spec: FloodSpec, seeds: list[int], args: list, results: list[dict], total_demand: float) -> pd.DataFrame:
    """One row per run: run, seed, scenario, flooded, events, shortfall, share unmet, costs, status.

    Parameters
    ----------
    spec : FloodSpec
        The checked ensemble spec.
    seeds : list of int
        Each run's seed.
    args : list
        Each run's ``(member, events)``.
    results : list of dict
        Each run's figures.
    total_demand : float
        Study-area demand over the horizon (t); ``share_unmet = total_shortfall_t / total_demand``.

    Returns
    -------
    pandas.DataFrame
        Runs numbered from 1; seeds as text.
    """
    names = [spec.scenarios[m].name if m is not None else "" for m, _ in args]
    short = np.array([r["total_shortfall_t"] for r in results], dtype=float)
    return pd.DataFrame(
        {
            "run": np.arange(1, len(seeds) + 1),
            "seed": [str(s) for s in seeds],  # 64-bit: kept as text so spreadsheets do not round it
            "scenario": names,
            "flooded": [_describe(events, spec.horizon_days) for _, events in args],
            "events": [len(events) for _, events in args],
            "total_shortfall_t": short,
            "share_unmet": short / total_demand if total_demand > 0 else np.zeros_like(short),
            "weighted_shortfall": [r["weighted_shortfall"] for r in results],
            "cost": [r["cost"] for r in results],
            "objective": [r["objective"] for r in results],
            "status": [r["status"] for r in results],
        }
    )


def zones_table(dataset: Dataset, demand: np.ndarray, results: list[dict]) -> pd.DataFrame:
    """Per node with demand: demand_t, expected and largest shortfall, P(shortfall > 5% of demand).

    Means and probabilities are over the runs that solved (failed runs are left out).

    Parameters
    ----------
    dataset : Dataset
        The network.
    demand : numpy.ndarray
        Demand per demand row over the horizon (t).
    results : list of dict
        Each run's figures (``shortfall_q`` per demand row).

    Returns
    -------
    pandas.DataFrame
        One row per node with demand > 0, by expected shortfall (t) descending, then node id.
    """
    node_of_row = dataset.demand["node_id"].to_numpy()
    zones = pd.unique(node_of_row)
    onehot = (node_of_row[None, :] == zones[:, None]).astype(float)  # [Z, Q]
    solved = [r["shortfall_q"] for r in results if r["status"] == "optimal"]
    per_run = np.array(solved, dtype=float).reshape(len(solved), len(node_of_row)) @ onehot.T  # [runs, Z]
    zone_demand = onehot @ demand
    empty = np.full(len(zones), np.nan)
    frame = pd.DataFrame(
        {
            "node_id": zones,
            "name": dataset.node_names()[zones].to_numpy(),
            "region": dataset.nodes.set_index("node_id").loc[zones, "region"].to_numpy(),
            "demand_t": zone_demand,
            "expected_shortfall_t": per_run.mean(axis=0) if len(solved) else empty,
            "max_shortfall_t": per_run.max(axis=0) if len(solved) else empty,
            "p_share_above_5pct": (per_run > THRESHOLD * zone_demand).mean(axis=0) if len(solved) else empty,
        }
    )
    frame = frame[frame["demand_t"] > 0]
    return frame.sort_values(["expected_shortfall_t", "node_id"], ascending=[False, True]).reset_index(drop=True)


def summarise(spec: FloodSpec, seed: int, runs: pd.DataFrame, zones: pd.DataFrame, total_demand: float) -> dict:
    """The ``ensemble_summary.json`` document.

    Parameters
    ----------
    spec : FloodSpec
        The checked ensemble spec.
    seed : int
        The master seed.
    runs : pandas.DataFrame
        As :func:`runs_table` gives it.
    zones : pandas.DataFrame
        As :func:`zones_table` gives it.
    total_demand : float
        Study-area demand over the horizon (t).

    Returns
    -------
    dict
        Figures over the optimal runs (NaN when none): mean, standard deviation and quantiles of
        the shortfall (t), shares, probabilities, expected cost (Rp), the worst runs.
    """
    good = runs[runs["status"] == "optimal"]
    short = good["total_shortfall_t"]
    worst = good.sort_values(["total_shortfall_t", "run"], ascending=[False, True]).head(WORST)

    def q(p: float) -> float:
        return float(short.quantile(p)) if len(short) else float("nan")

    return {
        "name": spec.name,
        "runs": int(len(runs)),
        "failed_runs": int(len(runs) - len(good)),
        "seed": int(seed),
        "horizon_days": spec.horizon_days,
        "total_demand_t": total_demand,
        "expected_shortfall_t": float(short.mean()) if len(short) else float("nan"),
        "std_shortfall_t": float(short.std(ddof=0)) if len(short) else float("nan"),
        "shortfall_t_p50": q(0.5),
        "shortfall_t_p90": q(0.9),
        "shortfall_t_p95": q(0.95),
        "expected_share_unmet": float(good["share_unmet"].mean()) if len(good) else float("nan"),
        "threshold_share": THRESHOLD,
        "p_share_above_5pct": float((good["share_unmet"] > THRESHOLD).mean()) if len(good) else float("nan"),
        "p_any_shortfall": float((short > 1e-6).mean()) if len(short) else float("nan"),
        "expected_cost": float(good["cost"].mean()) if len(good) else float("nan"),
        "worst_runs": [
            {"run": int(r.run), "seed": r.seed, "total_shortfall_t": float(r.total_shortfall_t), "flooded": r.flooded}
            for r in worst.itertuples()
        ],
        "zones_at_risk": zones.loc[zones["p_share_above_5pct"] > 0, "node_id"].head(10).tolist(),
        "perfect_foresight": True,
    }


def ensemble_to_folder(
    dataset: Dataset, spec: FloodSpec, runs: int, seed: int, out: str | Path, **options
) -> EnsembleResult:
    """:func:`run_ensemble` then :meth:`EnsembleResult.write`: nothing is written unless every run finished.

    Parameters
    ----------
    dataset : Dataset
        The network.
    spec : FloodSpec
        The checked ensemble spec.
    runs, seed : int
        As :func:`run_ensemble`.
    out : str or Path
        The output folder.
    **options
        Passed to :func:`run_ensemble`.

    Returns
    -------
    EnsembleResult
    """
    result = run_ensemble(dataset, spec, runs, seed, **options)
    result.write(out)
    return result
