"""Scenarios: named sets of disruptions, checked against a dataset and turned into daily factors.

A scenario (DESIGN.md section 3) is JSON or YAML. Each disruption multiplies route
capacity, node throughput, supply or demand by ``factor`` on days
``start_day..end_day`` (1-based, inclusive; the whole horizon when absent). Several
disruptions on the same target multiply. Unknown types, keys, ids, regions,
corridors and commodities are errors, never ignored.
"""

from __future__ import annotations

import datetime
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from foodchain.errors import InvalidInput, InvalidScenario
from foodchain.messages import msg
from foodchain.model.limits import MAX_FACTOR, MAX_HORIZON_DAYS
from foodchain.model.problems import Problem, errors
from foodchain.model.validation import suggest
from foodchain.optimize.disruptions import DISRUPTIONS, NAME_LISTS
from foodchain.safe_read import MAX_DOC_BYTES, parse_document, read_regular_file

SCENARIO_KEYS = {"name", "description", "horizon_days", "disruptions", "author", "notes", "equity", "start_date"}
EQUITY = ("on", "off")  # share what is short fairly (foodchain.optimize.equity), or not


@dataclass(frozen=True)
class Scenario:
    """A named list of disruptions over ``horizon_days`` days (frozen; see module docstring).

    ``base_dir`` is where relative file names inside the scenario (flood GeoJSON) are
    looked up: the scenario file's folder.
    """

    name: str = "Baseline"
    horizon_days: int = 1
    disruptions: tuple[dict, ...] = ()
    description: str = ""
    start_date: str | None = None  # ISO date of day 1, e.g. "2020-01-01"
    base_dir: Path | None = field(default=None, compare=False)
    equity: str = "on"

    def to_dict(self) -> dict:
        """The scenario as the JSON document it came from."""
        out = {"name": self.name, "horizon_days": self.horizon_days, "disruptions": list(self.disruptions)}
        out |= {"equity": self.equity} if self.equity != "on" else {}
        out |= {"start_date": self.start_date} if self.start_date else {}
        return out | ({"description": self.description} if self.description else {})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def scenario_from_dict(doc: object, base_dir: Path | None = None) -> Scenario:
    """Check the shape of a scenario document (not its ids) and build a :class:`Scenario`.

    Parameters
    ----------
    doc : object
        The parsed document (a dict when well formed).
    base_dir : Path, optional
        The folder of the file it came from, against which flood ``geojson`` files are read.

    Returns
    -------
    Scenario
        ``horizon_days`` defaults to 1, ``equity`` to ``"on"``.

    Raises
    ------
    InvalidScenario
        With every shape error, listed at once.
    """
    problems = check_shape(doc)
    if errors(problems):
        raise InvalidScenario(problems)
    return Scenario(
        name=str(doc.get("name", "Scenario")),
        horizon_days=int(doc.get("horizon_days", 1)),
        disruptions=tuple(doc.get("disruptions", [])),
        description=str(doc.get("description", "")),
        start_date=iso_date(doc.get("start_date")),
        base_dir=base_dir,
        equity=doc.get("equity", "on"),
    )


def load_scenario(source: str | Path | bytes, filename: str | None = None) -> Scenario:
    """Read a scenario from a ``.json``/``.yaml`` file or upload bytes; shape errors raise.

    Reading is bounded (:mod:`foodchain.safe_read`): a regular file of at most 20 MB,
    UTF-8, nested at most 64 deep, YAML without aliases, finite numbers only.

    Parameters
    ----------
    source : str, Path or bytes
        A file path, or the bytes of an upload.
    filename : str, optional
        The upload's name, which says JSON or YAML (default ``scenario.json``); ignored for a path.

    Returns
    -------
    Scenario
        Its ``base_dir`` is the file's folder, ``None`` for bytes.

    Raises
    ------
    InvalidScenario
        When the file cannot be read or parsed, or its shape is wrong.
    """
    base_dir = None
    try:
        if isinstance(source, (bytes, bytearray)):
            data, name = bytes(source), filename or "scenario.json"
        else:
            path = Path(source)
            data, name, base_dir = read_regular_file(path, MAX_DOC_BYTES, "scenario"), path.name, path.parent
        doc = parse_document(data, name, "scenario")
    except InvalidInput as exc:
        raise InvalidScenario(exc.problems) from None
    return scenario_from_dict(doc, base_dir)


def check_shape(doc: object) -> list[Problem]:
    """Keys, types and day ranges of the document itself."""
    if not isinstance(doc, dict):
        return [Problem("scenario", None, None, msg("scenario.not_object"))]
    problems = [
        Problem("scenario", None, k, msg("scenario.unknown_key", key=k, hint=suggest(k, SCENARIO_KEYS)))
        for k in doc
        if k not in SCENARIO_KEYS
    ]
    horizon = doc.get("horizon_days", 1)
    if not isinstance(horizon, int) or isinstance(horizon, bool) or not 1 <= horizon <= MAX_HORIZON_DAYS:
        text = msg("scenario.bad_horizon", max_days=MAX_HORIZON_DAYS, value=repr(horizon))
        problems.append(Problem("scenario", None, "horizon_days", text))
    if doc.get("equity", "on") not in EQUITY:
        problems.append(Problem("scenario", None, "equity", msg("scenario.bad_equity", value=repr(doc["equity"]))))
    problems += check_start_date(doc.get("start_date"))
    disruptions = doc.get("disruptions", [])
    if not isinstance(disruptions, list):
        return problems + [Problem("scenario", None, "disruptions", msg("scenario.disruptions_not_list"))]
    for i, d in enumerate(disruptions, start=1):
        problems += check_disruption_shape(i, d)
    return problems


def iso_date(value: object) -> str | None:
    """``start_date`` as an ISO date string (YAML may give a date object); ``None`` when absent or bad."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)).isoformat() if len(str(value)) == 10 else None
    except ValueError:
        return None


def check_start_date(value: object) -> list[Problem]:
    """``start_date``, when given, must be a calendar date written YYYY-MM-DD."""
    if value is None or value == "" or iso_date(value) is not None:
        return []
    return [Problem("scenario", None, "start_date", msg("scenario.bad_start_date", value=repr(value)))]


def check_disruption_shape(i: int, d: object) -> list[Problem]:
    """One disruption: a known type (:data:`~foodchain.optimize.disruptions.DISRUPTIONS`),
    its keys, one of its target keys, a factor >= 0, sane days, lists of names.

    Parameters
    ----------
    i : int
        The disruption's 1-based number (the problems' row).
    d : object
        The disruption as parsed.

    Returns
    -------
    list of Problem
        Errors in table ``scenario``; empty when the shape is right.
    """
    if not isinstance(d, dict) or "type" not in d:
        return [Problem("scenario", i, None, msg("scenario.disruption_not_object", where=f"disruptions[{i}]"))]
    if d["type"] not in DISRUPTIONS:
        hint = suggest(d["type"], DISRUPTIONS)
        return [Problem("scenario", i, "type", msg("scenario.unknown_type", type=d["type"], hint=hint))]
    kind = DISRUPTIONS[d["type"]]
    problems = [
        Problem("scenario", i, k, msg("scenario.not_a_key", key=k, type=kind.label(), hint=suggest(k, kind.keys)))
        for k in d
        if k not in kind.keys
    ]
    problems += [
        Problem("scenario", i, k, msg("scenario.needs_key", type=kind.label(), key=k))
        for k in sorted(kind.required)
        if k not in d
    ]
    if kind.targets and not any(k in d for k in kind.targets):
        text = msg("scenario.needs_target", type=kind.label(), keys=", ".join(kind.targets))
        problems.append(Problem("scenario", i, None, text))
    if "factor" in d and not _is_number(d["factor"], 0, MAX_FACTOR):
        text = msg("scenario.bad_factor", max_factor=MAX_FACTOR, value=repr(d["factor"]))
        problems.append(Problem("scenario", i, "factor", text))
    problems += [
        Problem("scenario", i, key, msg("scenario.bad_day", key=key, max_days=MAX_HORIZON_DAYS))
        for key in ("start_day", "end_day")
        if key in d and (not _is_number(d[key], 1, MAX_HORIZON_DAYS) or not isinstance(d[key], int))
    ]
    problems += check_inline_size(i, d)
    if isinstance(d.get("start_day"), int) and isinstance(d.get("end_day"), int) and d["start_day"] > d["end_day"]:
        text = msg("scenario.end_before_start", end=d["end_day"], start=d["start_day"])
        problems.append(Problem("scenario", i, "end_day", text))
    return problems + [
        Problem("scenario", i, key, msg("scenario.not_names", key=key))
        for key in NAME_LISTS
        if key in d and not (isinstance(d[key], list) and all(isinstance(v, str) for v in d[key]))
    ]


def _is_number(value: object, low: float, high: float) -> bool:
    """A real, finite number (not a bool) within ``low..high``."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )


def check_inline_size(i: int, d: dict) -> list[Problem]:
    """Inline flood ``features`` are held to the same limit as a GeoJSON file (20 MB).

    Parameters
    ----------
    i : int
        The disruption's 1-based number.
    d : dict
        The disruption.

    Returns
    -------
    list of Problem
        One error when its ``features``, written as UTF-8 JSON, exceed :data:`MAX_DOC_BYTES`.
    """
    if d.get("type") != "flood" or "features" not in d:
        return []
    size = len(json.dumps(d["features"], ensure_ascii=False, default=str).encode())
    if size <= MAX_DOC_BYTES:
        return []
    text = msg("scenario.features_too_large", size_mb=size / 1e6, limit_mb=MAX_DOC_BYTES / 1e6)
    return [Problem("scenario", i, "features", text)]


def day_range(d: dict, days: int) -> range:
    """Days (0-based indices) a disruption covers within a horizon of ``days``.

    ``start_day`` (default 1) and ``end_day`` (default ``days``, capped at it) are 1-based and
    inclusive; the range is ``start_day - 1 .. min(end_day, days) - 1``.

    Parameters
    ----------
    d : dict
        The disruption.
    days : int
        The horizon in days.

    Returns
    -------
    range
        0-based day indices, empty when the disruption starts after the horizon.
    """
    start = d.get("start_day", 1)
    end = min(d.get("end_day", days), days)
    return range(start - 1, end)
