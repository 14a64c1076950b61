"""The ``foodchain`` command line (DESIGN.md section 5).

Exit codes: 0 done (a shortfall is a result), 2 invalid input (one line per problem,
``severity: table, row, column, message``, no traceback), 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from foodchain.analysis import commands as analysis_commands
from foodchain.errors import FoodchainError, InvalidInput
from foodchain.model import load_dataset, validate_source
from foodchain.model.problems import errors
from foodchain.optimize import flood, load_scenario, solve
from foodchain.optimize.backends import DEFAULT_SOLVER, SOLVERS

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def cmd_validate(args: argparse.Namespace) -> int:
    """Print every problem; exit 2 when any is an error."""
    problems = validate_source(args.dataset)
    for p in problems:
        print(p.as_line())
    bad = errors(problems)
    print(f"{len(bad)} error(s), {len(problems) - len(bad)} warning(s)" + ("" if bad else f": {args.dataset} is valid"))
    return EXIT_INVALID if bad else EXIT_OK


def _print_warnings(problems) -> None:
    for p in problems:
        print(p.as_line(), file=sys.stderr)


def cmd_solve(args: argparse.Namespace) -> int:
    """Solve the baseline or a scenario and write the result tables into ``--out``."""
    dataset = load_dataset(args.dataset)
    scenario = load_scenario(args.scenario) if args.scenario else None
    result = solve(dataset, scenario, days=args.days, solver=args.solver, time_limit=args.time_limit)
    _print_warnings(result.warnings)
    result.write(args.out)
    s = result.summary()
    print(
        f"{s['status']}: {s['scenario']}, {s['days']} day(s); demand {s['total_demand_t']:,.1f} t, "
        f"shortfall {s['total_shortfall_t']:,.1f} t; results in {args.out}"
    )
    return EXIT_OK


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number >= 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="foodchain", description="Food supply of a megacity under disruption.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check a dataset; exit 0 valid, 2 invalid")
    p.add_argument("dataset", help="folder of CSVs, .zip or .xlsx")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("solve", help="meet demand at least cost; write result tables")
    p.add_argument("dataset")
    p.add_argument("--scenario", help="scenario JSON or YAML (default: the baseline)")
    p.add_argument("--days", type=_positive_int, help="days to solve (default: the scenario's horizon, or 1)")
    p.add_argument("--out", required=True, help="folder for summary.json and the CSV tables")
    p.add_argument("--solver", choices=SOLVERS, default=DEFAULT_SOLVER)
    p.add_argument("--time-limit", type=float, default=None, help="seconds")
    p.set_defaults(func=cmd_solve)
    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []
EXTRA_COMMANDS.append(flood.register)
EXTRA_COMMANDS.append(analysis_commands.register)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InvalidInput as exc:
        for p in exc.problems:
            print(p.as_line(), file=sys.stderr)
        return EXIT_INVALID
    except FoodchainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
