"""Argument types and options shared by every ``foodchain`` command.

Every option is checked when it is parsed, before any data is read: a bad value is
one line (``error: foodchain solve: argument --seed: ...``) and exit 2.
"""

from __future__ import annotations

import argparse
import math
import socket
import sys
from urllib.parse import urlsplit

from foodchain.cli.parser_text import argparse_message
from foodchain.messages import msg, num
from foodchain.model.limits import MAX_HORIZON_DAYS
from foodchain.safe_read import refuse

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2
MAX_RUNS = 100_000
MAX_WORKERS = 256
SCHEDULER_TIMEOUT_S = 5.0


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit 2 (no usage block),
    in the reader's language (argparse's own texts through :func:`argparse_message`)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(msg("cli.usage_error", prog=self.prog, message=argparse_message(message)), file=sys.stderr)
        sys.exit(EXIT_INVALID)


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("cli.not_whole", text=text)) from None


def whole_number(low: int, high: int | None = None, what: str = ""):
    """An argument type: a whole number from ``low`` to ``high`` (inclusive); ``what`` follows the range.

    Parameters
    ----------
    low : int
        The smallest value allowed.
    high : int, optional
        The largest value allowed; ``None`` (default) for no upper bound.
    what : str, optional
        Words shown after the range in the error (e.g. that a horizon is a year at most).

    Returns
    -------
    callable
        ``parse(text) -> int``; it raises ``argparse.ArgumentTypeError`` (one line, exit 2 through
        :class:`OneLineParser`) for text that is not a whole number or is out of range.
    """

    def parse(text: str) -> int:
        value = _whole(text)
        if value < low or (high is not None and value > high):
            if high is None:
                raise argparse.ArgumentTypeError(msg("cli.whole_at_least", low=low, what=what, text=text))
            span = {"low": num(low), "high": num(high), "what": what, "text": text}
            raise argparse.ArgumentTypeError(msg("cli.whole_range", **span))
        return value

    parse.__name__ = "whole number"
    return parse


positive_int = whole_number(1)
days_int = whole_number(1, MAX_HORIZON_DAYS, msg("cli.a_year_at_most"))
runs_int = whole_number(1, MAX_RUNS)
workers_int = whole_number(1, MAX_WORKERS)
seed_int = whole_number(0, 2**63 - 1)


def positive_seconds(text: str) -> float:
    """A finite number of seconds > 0 (``nan``, ``inf`` and negatives are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(msg("cli.not_seconds", text=text)) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(msg("cli.seconds_range", text=text))
    return value


def share_of_one(text: str) -> float:
    """A share ``0 < x <= 1`` (``nan``, ``inf``, 0 and more than 1 are refused)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= 1):
        raise argparse.ArgumentTypeError(msg("cli.not_share", text=text))
    return value


def check_scheduler(address: str, timeout_s: float = SCHEDULER_TIMEOUT_S) -> None:
    """Raise (exit 2) unless a TCP connection to the Dask scheduler ``address`` opens within ``timeout_s``.

    Parameters
    ----------
    address : str
        ``host:port`` or ``tcp://host:port``; the port defaults to 8786.
    timeout_s : float, optional
        Seconds to wait for the connection; default :data:`SCHEDULER_TIMEOUT_S`.

    Raises
    ------
    InvalidInput
        One problem of table ``scheduler``: the address names no host, or the connection is
        refused, fails or times out.
    """
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port or 8786
    except ValueError:
        host, port = None, None
    if not host:
        raise refuse("scheduler", msg("cli.bad_scheduler", address=address))
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            pass
    except OSError as exc:
        reason = msg("cli.timed_out") if isinstance(exc, TimeoutError) else exc.strerror or type(exc).__name__
        message = msg("cli.scheduler_unreachable", address=address, seconds=num(timeout_s), reason=reason)
        raise refuse("scheduler", message) from None


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


def add_equity(p: argparse.ArgumentParser) -> None:
    """``--equity on|off``: share what is short fairly across zones (default: the scenario's ``equity``, else on)."""
    p.add_argument(
        "--equity",
        choices=["on", "off"],
        help="share what is short fairly across zones, at the same weighted shortfall (default: the scenario's, on)",
    )


def with_equity(scenario, equity: str | None):
    """``scenario`` (the baseline when ``None``) with ``--equity`` applied when given.

    Parameters
    ----------
    scenario : Scenario or None
        The scenario read with ``--scenario``; ``None`` for the baseline.
    equity : str or None
        ``"on"`` or ``"off"`` from ``--equity``; ``None`` when the option was not given.

    Returns
    -------
    Scenario or None
        ``scenario`` unchanged when ``equity`` is ``None``, else a copy (of ``Scenario()`` when
        ``scenario`` is ``None``) with its ``equity`` set.
    """
    from dataclasses import replace

    from foodchain.optimize.scenario import Scenario

    if equity is None:
        return scenario
    return replace(scenario or Scenario(), equity=equity)


def add_geojson_options(p: argparse.ArgumentParser, help_text: str) -> None:
    """``--geojson FILE`` and the zone shapes to use (``--boundary FILE``, default: the dataset's own).

    Parameters
    ----------
    p : argparse.ArgumentParser
        The command's parser.
    help_text : str
        The help of ``--geojson`` (what the command writes there).
    """
    p.add_argument("--geojson", metavar="FILE", help=help_text)
    p.add_argument(
        "--boundary",
        metavar="FILE",
        help="zone polygons as GeoJSON with a node_id property (default: DATASET/boundaries, else catchments)",
    )


def zone_shapes_arg(dataset, source: str, boundary: str | None):
    """(map layers, zone polygons) for a command: ``--boundary FILE`` if given, else the dataset's
    own ``boundaries/``, else catchments. A bad boundary file is an input problem (exit 2).

    Parameters
    ----------
    dataset : Dataset
        The network; its zones are the nodes with demand.
    source : str or Path
        Where the dataset was read from (its ``boundaries/`` folder is used when it is a folder).
    boundary : str or None
        The ``--boundary`` file, or ``None``.

    Returns
    -------
    tuple of (MapLayers, pandas.DataFrame)
        The map layers and the zone polygons.

    Raises
    ------
    InvalidInput
        One problem of table ``boundary``: the file is missing, not a regular file, too big, or
        not GeoJSON polygons.
    """
    from pathlib import Path

    from foodchain.boundaries import MAX_BOUNDARY_BYTES, dataset_shapes
    from foodchain.errors import InvalidBoundary, InvalidInput
    from foodchain.model.problems import Problem
    from foodchain.safe_read import read_regular_file

    data = read_regular_file(Path(boundary), MAX_BOUNDARY_BYTES, "boundary") if boundary else None
    try:
        return dataset_shapes(dataset, source, data)
    except InvalidBoundary as exc:
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)  # a Message stays one
        raise InvalidInput([Problem("boundary", None, None, message)]) from None
