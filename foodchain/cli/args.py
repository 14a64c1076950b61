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


def add_numbers(p: argparse.ArgumentParser) -> None:
    """``--numbers auto|en|id``: how numbers in the data are written (see foodchain.model.numbers)."""
    p.add_argument(
        "--numbers",
        choices=("auto", "en", "id"),
        default="auto",
        help="number convention: en = 1,234.5, id = 1.234,5; auto (default) decides per file "
        "and warns about values such as 30.000 that read differently",
    )
