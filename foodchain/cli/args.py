"""Argument types and options shared by every ``foodchain`` command."""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def positive_int(text: str) -> int:
    """A whole number >= 1 (days, runs, workers)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be a whole number >= 1")
    return value


def add_dataset(p: argparse.ArgumentParser) -> None:
    """The positional DATASET argument."""
    p.add_argument("dataset", help="folder of CSVs, .zip or .xlsx")


def add_equity(p: argparse.ArgumentParser) -> None:
    """``--equity on|off``: share what is short fairly across zones (default: the scenario's ``equity``, else on)."""
    p.add_argument(
        "--equity",
        choices=["on", "off"],
        help="share what is short fairly across zones, at the same weighted shortfall (default: the scenario's, on)",
    )


def with_equity(scenario, equity: str | None):
    """``scenario`` (the baseline when ``None``) with ``--equity`` applied when given."""
    from dataclasses import replace

    from foodchain.optimize.scenario import Scenario

    if equity is None:
        return scenario
    return replace(scenario or Scenario(), equity=equity)
