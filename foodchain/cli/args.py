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


def add_geojson_options(p: argparse.ArgumentParser, help_text: str) -> None:
    """``--geojson FILE`` and the zone shapes to use (``--boundary FILE``, default: the dataset's own)."""
    p.add_argument("--geojson", metavar="FILE", help=help_text)
    p.add_argument(
        "--boundary",
        metavar="FILE",
        help="zone polygons as GeoJSON with a node_id property (default: DATASET/boundaries, else catchments)",
    )


def zone_shapes_arg(dataset, source: str, boundary: str | None):
    """(map layers, zone polygons) for a command: ``--boundary FILE`` if given, else the dataset's
    own ``boundaries/``, else catchments. A bad boundary file is an input problem (exit 2)."""
    from pathlib import Path

    from foodchain.boundaries import MAX_BOUNDARY_BYTES, dataset_shapes
    from foodchain.errors import InvalidInput
    from foodchain.model.problems import Problem

    data = None
    if boundary:
        file = Path(boundary)
        if not file.is_file() or file.stat().st_size > MAX_BOUNDARY_BYTES:
            raise InvalidInput([Problem("boundary", None, None, f"'{file.name}' is missing or larger than 20 MB")])
        data = file.read_bytes()
    try:
        return dataset_shapes(dataset, source, data)
    except ValueError as exc:
        raise InvalidInput([Problem("boundary", None, None, str(exc))]) from None
