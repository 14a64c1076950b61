"""``foodchain validate`` and ``foodchain solve``."""

from __future__ import annotations

import argparse
import sys

from foodchain.cli.args import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset,
    add_equity,
    add_geojson_options,
    add_numbers,
    days_int,
    positive_seconds,
    with_equity,
    zone_shapes_arg,
)
from foodchain.model import load_dataset, validate_source
from foodchain.model.problems import errors
from foodchain.optimize import load_scenario, solve
from foodchain.optimize.backends import DEFAULT_SOLVER, SOLVERS
from foodchain.optimize.size import check_lp_size
from foodchain.outdir import check_out_dir, output_folder


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem; exit 2 when any is an error."""
    problems = validate_source(args.dataset, numbers=args.numbers)
    for p in problems:
        print(p.as_line())
    bad = errors(problems)
    print(f"{len(bad)} error(s), {len(problems) - len(bad)} warning(s)" + ("" if bad else f": {args.dataset} is valid"))
    return EXIT_INVALID if bad else EXIT_OK


def _print_warnings(problems) -> None:
    for p in problems:
        print(p.as_line(), file=sys.stderr)


def cmd_solve(args: argparse.Namespace) -> int:
    """Solve the baseline or a scenario and write the result tables into ``--out``.

    ``--out`` and the LP's size are checked before solving; the tables are written to a
    temporary folder renamed into place (:mod:`foodchain.outdir`).
    """
    check_out_dir(args.out)
    dataset = load_dataset(args.dataset, numbers=args.numbers)
    scenario = with_equity(load_scenario(args.scenario) if args.scenario else None, args.equity)
    check_lp_size(dataset, args.days or (scenario.horizon_days if scenario else 1))
    result = solve(dataset, scenario, days=args.days, solver=args.solver, time_limit=args.time_limit)
    _print_warnings(result.warnings)
    with output_folder(args.out) as tmp:
        result.write(tmp)
    if args.geojson:
        write_zone_geojson(dataset, args.dataset, result, args.geojson, args.boundary)
    s = result.summary()
    print(
        f"{s['status']}: {s['scenario']}, {s['days']} day(s); demand {s['total_demand_t']:,.1f} t, "
        f"shortfall {s['total_shortfall_t']:,.1f} t; results in {args.out}"
    )
    return EXIT_OK


def write_zone_geojson(dataset, source, result, out: str, boundary: str | None = None) -> None:
    """Shortfall by zone over all days as polygons with their figures (for QGIS) into ``out``."""
    from pathlib import Path

    from foodchain.gis import dumps, shortfall_geojson
    from foodchain.zonemap import zone_figures

    _, shapes = zone_shapes_arg(dataset, source, boundary)
    figures = zone_figures(dataset, result, shapes)
    Path(out).write_text(dumps(shortfall_geojson(figures, result.start_date)), encoding="utf-8")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``validate`` and ``solve``."""
    p = sub.add_parser("validate", help="check a dataset; exit 0 valid, 2 invalid")
    add_dataset(p)
    add_numbers(p)
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("solve", help="meet demand at least cost; write result tables")
    add_dataset(p)
    add_numbers(p)
    p.add_argument("--scenario", help="scenario JSON or YAML (default: the baseline)")
    p.add_argument("--days", type=days_int, help="days to solve (default: the scenario's horizon, or 1)")
    p.add_argument("--out", required=True, help="folder for summary.json and the CSV tables")
    p.add_argument("--solver", choices=SOLVERS, default=DEFAULT_SOLVER)
    p.add_argument("--time-limit", type=positive_seconds, default=None, help="seconds (a finite number > 0)")
    add_equity(p)
    add_geojson_options(p, "also write shortfall by zone as GeoJSON polygons (for QGIS) to this file")
    p.set_defaults(func=cmd_solve)
