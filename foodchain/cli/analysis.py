"""``foodchain criticality``, ``ensemble`` and ``mitigate`` (DESIGN.md section 5).

Exit codes as the other commands
(0 done, 2 invalid input with one line per problem, 1 anything else). A tqdm bar on
stderr shows the solves; outputs are written only when every solve has finished.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from foodchain.analysis.criticality import criticality
from foodchain.analysis.ensemble import ensemble_to_folder
from foodchain.analysis.flood_spec import load_spec
from foodchain.analysis.levers import load_levers
from foodchain.analysis.mitigation import evaluate_levers
from foodchain.analysis.runner import tqdm_progress, write_csv
from foodchain.cli.args import (
    add_dataset,
    add_equity,
    check_scheduler,
    days_int,
    runs_int,
    seed_int,
    with_equity,
    workers_int,
)
from foodchain.messages import msg, num
from foodchain.model.dataset import load_dataset
from foodchain.optimize.scenario import load_scenario
from foodchain.outdir import check_out_dir, output_folder


def _load(args: argparse.Namespace):
    """Check --out and --scheduler (before any long work), then read the dataset and scenario."""
    check_out_dir(args.out)
    if getattr(args, "scheduler", None):
        check_scheduler(args.scheduler)
    dataset = load_dataset(args.dataset)
    scenario = load_scenario(args.scenario) if getattr(args, "scenario", None) else None
    scenario = with_equity(scenario, args.equity)
    return dataset, scenario


def cmd_criticality(args: argparse.Namespace) -> int:
    """Close each target in turn; write criticality.csv ranked (1 = most critical)."""
    dataset, scenario = _load(args)
    progress, close = tqdm_progress(f"criticality ({args.targets})")
    try:
        table = criticality(dataset, scenario, args.targets, args.days, args.workers, args.scheduler, progress=progress)
    finally:
        close()
    with output_folder(args.out) as tmp:
        write_csv(table, tmp / "criticality.csv")
    path = Path(args.out) / "criticality.csv"
    top = table.head(3)
    targets = msg(f"cli.targets.{args.targets}")
    print(msg("cli.criticality_summary", count=len(table), targets=targets, top=", ".join(top["target"])))
    print(msg("cli.written", path=path))
    return 0


def cmd_ensemble(args: argparse.Namespace) -> int:
    """Draw and solve --runs floods of --spec; write ensemble.csv, ensemble_zones.csv, ensemble_summary.json."""
    dataset, scenario = _load(args)
    spec = load_spec(args.spec)
    progress, close = tqdm_progress("ensemble")
    try:
        with output_folder(args.out) as tmp:
            result = ensemble_to_folder(
                dataset,
                spec,
                args.runs,
                args.seed,
                tmp,
                scenario=scenario,
                workers=args.workers,
                scheduler=args.scheduler,
                progress=progress,
            )
    finally:
        close()
    s = result.summary
    figures = {
        "expected": num(s["expected_shortfall_t"], 1),
        "demand": num(s["total_demand_t"], 1),
        "p": num(s["p_share_above_5pct"], 2),
    }
    print(msg("cli.ensemble_summary", runs=s["runs"], name=s["name"], seed=s["seed"], **figures, out=args.out))
    return 0


def cmd_mitigate(args: argparse.Namespace) -> int:
    """Rank levers (from --levers, or proposed) on a scenario; write mitigation.csv, duals.csv."""
    dataset, scenario = _load(args)
    levers = load_levers(args.levers, dataset) if args.levers else None  # None: proposed from the scenario
    progress, close = tqdm_progress("levers")
    try:
        result = evaluate_levers(dataset, scenario, levers, args.days, progress=progress)
    finally:
        close()
    with output_folder(args.out) as tmp:
        result.write(tmp)
    best = result.levers.head(1)
    lead = ""
    if len(best):
        lead = msg(
            "cli.mitigate_best", lever=best["lever"].iloc[0], removed=num(best["shortfall_removed_t"].iloc[0], 1)
        )
    print(msg("cli.mitigate_summary", count=len(result.levers), scenario=scenario.name, best=lead, out=args.out))
    return 0


def _common(p: argparse.ArgumentParser, parallel: bool = True, workers: int | None = 1) -> None:
    """DATASET, --out and (``parallel``) --workers (default ``workers``, ``None``: every core) and --scheduler."""
    add_dataset(p)
    add_equity(p)
    p.add_argument("--out", required=True, help="folder for the output files")
    if parallel:
        default = "every core" if workers is None else str(workers)
        p.add_argument(
            "--workers", type=workers_int, default=workers or os.cpu_count() or 1, help=f"local processes ({default})"
        )
        p.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``criticality``, ``ensemble`` and ``mitigate`` commands."""
    p = subparsers.add_parser("criticality", help="close each route, corridor or node in turn; rank the damage")
    _common(p, workers=None)
    p.add_argument("--scenario", help="base scenario JSON or YAML (default: the baseline)")
    p.add_argument("--targets", choices=["routes", "corridors", "nodes"], default="routes")
    p.add_argument("--days", type=days_int, help="days (default: the scenario's horizon, or 1)")
    p.set_defaults(func=cmd_criticality)
    p = subparsers.add_parser("ensemble", help="Monte Carlo floods from a spec of probabilities and durations")
    _common(p)
    p.add_argument("--spec", required=True, help="ensemble spec JSON or YAML")
    p.add_argument("--runs", type=runs_int, required=True)
    p.add_argument("--seed", type=seed_int, required=True)
    p.add_argument("--scenario", help="base scenario the floods come on top of (default: the baseline)")
    p.set_defaults(func=cmd_ensemble)
    p = subparsers.add_parser("mitigate", help="rank levers (reopen, add capacity, release stock, temporary route)")
    _common(p, parallel=False)
    p.add_argument("--scenario", required=True, help="scenario JSON or YAML")
    p.add_argument("--levers", help="lever JSON (default: levers proposed from the scenario)")
    p.add_argument("--days", type=days_int, help="days (default: the scenario's horizon)")
    p.set_defaults(func=cmd_mitigate)
