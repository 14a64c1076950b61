"""``foodchain validate`` and ``foodchain solve``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from foodchain.analysis.outcomes import PEOPLE_THRESHOLD, people_outputs, report_tables
from foodchain.cli.args import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset,
    add_equity,
    add_geojson_options,
    add_numbers,
    days_int,
    positive_seconds,
    share_of_one,
    with_equity,
    zone_shapes_arg,
)
from foodchain.errors import InvalidInput
from foodchain.messages import msg, num
from foodchain.model import load_dataset, validate_source
from foodchain.model.problems import Problem, errors
from foodchain.optimize import load_scenario, solve
from foodchain.optimize.backends import DEFAULT_SOLVER, SOLVERS, status_words
from foodchain.optimize.lp_names import write_scenario_lp
from foodchain.optimize.portfolio import SolveProgress
from foodchain.optimize.rolling import HORIZON_METHODS
from foodchain.outdir import check_out_dir, output_folder
from foodchain.report import report_xlsx, report_zip


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem; exit 2 when any is an error."""
    problems = validate_source(args.dataset, numbers=args.numbers)
    for p in problems:
        print(p.as_line())
    bad = errors(problems)
    counts = {"errors": len(bad), "warnings": len(problems) - len(bad)}
    print(msg("cli.validate_summary", **counts) if bad else msg("cli.validate_valid", **counts, dataset=args.dataset))
    return EXIT_INVALID if bad else EXIT_OK


def _print_warnings(problems) -> None:
    for p in problems:
        print(p.as_line(), file=sys.stderr)


def stderr_progress(every_s: float = 5.0):
    """A ``progress`` callback writing where the solve stands to stderr, and a function ending its line.

    On a terminal the line is rewritten in place about once a second; otherwise (a log file)
    one line is written every ``every_s`` seconds.
    """
    tty = sys.stderr.isatty()
    state = {"last": -every_s, "open": False}

    def progress(p: SolveProgress) -> None:
        if tty:
            print(f"\r\033[K{msg('cli.solving', line=p.line())}", end="", file=sys.stderr, flush=True)
            state["open"] = True
        elif p.elapsed_s - state["last"] >= every_s:
            print(msg("cli.solving", line=p.line()), file=sys.stderr, flush=True)
            state["last"] = p.elapsed_s

    def done() -> None:
        if state["open"]:
            print(file=sys.stderr)

    return progress, done


def cmd_solve(args: argparse.Namespace) -> int:
    """Solve the baseline or a scenario and write the result tables into ``--out``.

    ``--out`` is checked before solving (the LP's size by :func:`foodchain.solve`); the tables
    are written to a temporary folder renamed into place (:mod:`foodchain.outdir`).
    """
    check_out_dir(args.out)
    if args.report:
        check_report_file(args.report)
    dataset = load_dataset(args.dataset, numbers=args.numbers)
    scenario = with_equity(load_scenario(args.scenario) if args.scenario else None, args.equity)
    progress, done = stderr_progress()
    try:
        result = solve(
            dataset,
            scenario,
            days=args.days,
            solver=args.solver,
            time_limit=args.time_limit,
            progress=progress,
            horizon=args.horizon,
        )
    finally:
        done()
    _print_warnings(result.warnings)
    people, people_keys = people_outputs(dataset, result, args.people_threshold)
    with output_folder(args.out) as tmp:
        result.write(tmp, extra_summary=people_keys)
        people.to_csv(Path(tmp) / "people_affected.csv", index=False)
        if args.write_lp:
            write_scenario_lp(dataset, scenario, args.days, Path(tmp) / "model.lp")
    if args.geojson:
        write_zone_geojson(dataset, args.dataset, result, args.geojson, args.boundary, args.people_threshold)
    if args.report:
        write_report(dataset, result, args.report, args.people_threshold)
    s = result.summary()
    line = msg(
        "cli.solve_summary",
        status=status_words(s["status"]),
        scenario=msg("cli.baseline") if s["scenario"] == "Baseline" else s["scenario"],
        days=s["days"],
        demand=num(s["total_demand_t"], 1),
        shortfall=num(s["total_shortfall_t"], 1),
        out=args.out,
    )
    print(line)
    return EXIT_OK


def write_zone_geojson(
    dataset, source, result, out: str, boundary: str | None = None, people_threshold: float = PEOPLE_THRESHOLD
) -> None:
    """Shortfall by zone over all days as polygons with their figures (for QGIS) into ``out``.

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved.
    source : str
        Where the dataset was read from (the DATASET argument).
    result : SolveResult
        The solve of ``dataset``.
    out : str
        The GeoJSON file to write (overwritten if it exists).
    boundary : str, optional
        The ``--boundary`` file; ``None`` (default) for the dataset's own zone shapes.
    people_threshold : float, optional
        Unmet share (fraction, 0.10 = 10 %) from which a zone's people count as affected;
        default :data:`PEOPLE_THRESHOLD`.

    Raises
    ------
    InvalidInput
        When the boundary file cannot be read or is not GeoJSON polygons (:func:`zone_shapes_arg`).
    """

    from foodchain.gis import dumps, shortfall_geojson
    from foodchain.zonemap import zone_figures

    _, shapes = zone_shapes_arg(dataset, source, boundary)
    figures = zone_figures(dataset, result, shapes, threshold=people_threshold)
    Path(out).write_text(dumps(shortfall_geojson(figures, result.start_date)), encoding="utf-8")


REPORT_SUFFIXES = (".xlsx", ".zip")


def check_report_file(out: str) -> None:
    """``--report FILE`` must end in .xlsx (a workbook) or .zip (CSVs): else exit 2, before solving."""
    if not out.lower().endswith(REPORT_SUFFIXES):
        raise InvalidInput([Problem("report", None, None, msg("report.bad_suffix", path=out))])


def write_report(dataset, result, out: str, people_threshold: float = PEOPLE_THRESHOLD) -> None:
    """The shortfall report of ``result`` in the reader's language (``--lang``) into ``out``:
    a workbook for ``.xlsx``, CSVs in a ZIP for ``.zip`` (:mod:`foodchain.report`).

    Parameters
    ----------
    dataset : Dataset
        The dataset that was solved.
    result : SolveResult
        The solve of ``dataset``.
    out : str
        The report file (overwritten if it exists): a ZIP when it ends in ``.zip`` (any case), else a
        workbook; :func:`check_report_file` refuses other suffixes before the solve.
    people_threshold : float, optional
        Unmet share (fraction, 0.10 = 10 %) from which a zone's people count as affected;
        default :data:`PEOPLE_THRESHOLD`.
    """
    tables = report_tables(dataset, result, people_threshold)
    data = report_zip(tables) if out.lower().endswith(".zip") else report_xlsx(tables)
    Path(out).write_bytes(data)


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
    p.add_argument(
        "--horizon",
        choices=HORIZON_METHODS,
        default="auto",
        help="exact: one LP over all days; rolling: overlapping windows of 60 days, an approximation said so in "
        "the results; auto (default): rolling only where the exact LP is very large (Jakarta at about 160 days and more)",
    )
    p.add_argument(
        "--write-lp", action="store_true", help="also write the LP as model.lp into --out, named by ids and days"
    )
    add_equity(p)
    p.add_argument(
        "--people-threshold",
        type=share_of_one,
        default=PEOPLE_THRESHOLD,
        metavar="SHARE",
        help="unmet share of a commodity on a day from which a zone's people count as affected (default 0.1)",
    )
    add_geojson_options(p, "also write shortfall by zone as GeoJSON polygons (for QGIS) to this file")
    p.add_argument(
        "--report",
        metavar="FILE",
        help="also write the shortfall report for people, in the --lang language: FILE.xlsx or FILE.zip of CSVs",
    )
    p.set_defaults(func=cmd_solve)
