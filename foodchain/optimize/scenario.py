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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from foodchain.errors import InvalidScenario
from foodchain.model.problems import Problem, errors
from foodchain.model.validation import suggest

COMMON_KEYS = {"type", "start_day", "end_day", "note", "name"}
TYPES: dict[str, dict[str, set[str]]] = {
    # type: {"required": keys, "optional": keys}
    "close_route": {"required": {"routes"}, "optional": set()},
    "close_corridor": {"required": set(), "optional": {"corridor", "corridors"}},
    "close_node": {"required": {"nodes"}, "optional": set()},
    "route_capacity": {"required": {"factor"}, "optional": {"routes", "corridor", "corridors"}},
    "node_capacity": {"required": {"factor"}, "optional": {"nodes", "regions"}},
    "supply_shock": {"required": {"factor"}, "optional": {"nodes", "regions", "commodities"}},
    "demand_surge": {"required": {"factor"}, "optional": {"nodes", "regions", "commodities"}},
    "flood": {"required": set(), "optional": {"geojson", "features", "zones", "depth_m", "passability"}},
}
TARGETS = {  # which keys pick the targets of each type; one of them must be given
    "close_corridor": ("corridor", "corridors"),
    "route_capacity": ("routes", "corridor", "corridors"),
    "node_capacity": ("nodes", "regions"),
    "supply_shock": ("nodes", "regions"),
    "demand_surge": ("nodes", "regions"),
    "flood": ("geojson", "features", "zones"),
}
SCENARIO_KEYS = {"name", "description", "horizon_days", "disruptions", "author", "notes"}
SCENARIO_KEYS |= {"start_date"}  # issue 15: the calendar date of day 1 (ISO, optional)


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

    def to_dict(self) -> dict:
        """The scenario as the JSON document it came from."""
        out = {"name": self.name, "horizon_days": self.horizon_days, "disruptions": list(self.disruptions)}
        out |= {"start_date": self.start_date} if self.start_date else {}
        return out | ({"description": self.description} if self.description else {})

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=1, ensure_ascii=False)


def scenario_from_dict(doc: object, base_dir: Path | None = None) -> Scenario:
    """Check the shape of a scenario document (not its ids) and build a :class:`Scenario`."""
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
    )


def load_scenario(source: str | Path | bytes, filename: str | None = None) -> Scenario:
    """Read a scenario from a ``.json``/``.yaml`` file or upload bytes; shape errors raise."""
    base_dir = None
    if isinstance(source, (bytes, bytearray)):
        text, name = bytes(source).decode("utf-8-sig", errors="replace"), filename or "scenario.json"
    else:
        path = Path(source)
        if not path.is_file():
            raise InvalidScenario([Problem("scenario", None, None, f"'{path.name}' does not exist")])
        text, name, base_dir = path.read_text(encoding="utf-8-sig"), path.name, path.parent
    try:
        doc = yaml.safe_load(text) if name.lower().endswith((".yaml", ".yml")) else json.loads(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        detail = str(exc).splitlines()[0]
        raise InvalidScenario([Problem("scenario", None, None, f"'{name}' is not valid JSON/YAML: {detail}")]) from None
    return scenario_from_dict(doc, base_dir)


def check_shape(doc: object) -> list[Problem]:
    """Keys, types and day ranges of the document itself."""
    if not isinstance(doc, dict):
        return [Problem("scenario", None, None, "a scenario must be an object with name, horizon_days, disruptions")]
    problems = [
        Problem("scenario", None, k, f"unknown key '{k}'{suggest(k, SCENARIO_KEYS)}")
        for k in doc
        if k not in SCENARIO_KEYS
    ]
    horizon = doc.get("horizon_days", 1)
    if not isinstance(horizon, int) or isinstance(horizon, bool) or horizon < 1:
        problems.append(
            Problem("scenario", None, "horizon_days", f"horizon_days must be a whole number >= 1, not {horizon!r}")
        )
    problems += check_start_date(doc.get("start_date"))
    disruptions = doc.get("disruptions", [])
    if not isinstance(disruptions, list):
        return problems + [Problem("scenario", None, "disruptions", "disruptions must be a list")]
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
    return [Problem("scenario", None, "start_date", f"start_date must be a date written YYYY-MM-DD, not {value!r}")]


def check_disruption_shape(i: int, d: object) -> list[Problem]:
    """One disruption: a known type, known keys, a target, a factor >= 0, sane days."""
    where = f"disruptions[{i}]"
    if not isinstance(d, dict) or "type" not in d:
        return [Problem("scenario", i, None, f"{where} must be an object with a 'type'")]
    kind = d["type"]
    if kind not in TYPES:
        return [Problem("scenario", i, "type", f"unknown disruption type '{kind}'{suggest(kind, TYPES)}")]
    allowed = COMMON_KEYS | TYPES[kind]["required"] | TYPES[kind]["optional"]
    problems = [
        Problem("scenario", i, k, f"'{k}' is not a key of a {kind} disruption{suggest(k, allowed)}")
        for k in d
        if k not in allowed
    ]
    problems += [
        Problem("scenario", i, k, f"a {kind} disruption needs '{k}'") for k in TYPES[kind]["required"] if k not in d
    ]
    if kind in TARGETS and not any(k in d for k in TARGETS[kind]):
        problems.append(Problem("scenario", i, None, f"a {kind} disruption needs one of {', '.join(TARGETS[kind])}"))
    if "factor" in d and (
        not isinstance(d["factor"], (int, float)) or isinstance(d["factor"], bool) or d["factor"] < 0
    ):
        problems.append(Problem("scenario", i, "factor", f"factor must be a number >= 0, not {d['factor']!r}"))
    for key in ("start_day", "end_day"):
        if key in d and (not isinstance(d[key], int) or isinstance(d[key], bool) or d[key] < 1):
            problems.append(Problem("scenario", i, key, f"{key} must be a whole number >= 1 (days are 1-based)"))
    if isinstance(d.get("start_day"), int) and isinstance(d.get("end_day"), int) and d["start_day"] > d["end_day"]:
        problems.append(
            Problem("scenario", i, "end_day", f"end_day {d['end_day']} is before start_day {d['start_day']}")
        )
    for key in ("routes", "nodes", "regions", "commodities", "corridors", "zones"):
        if key in d and not (isinstance(d[key], list) and all(isinstance(v, str) for v in d[key])):
            problems.append(Problem("scenario", i, key, f"{key} must be a list of names"))
    return problems


def day_range(d: dict, days: int) -> range:
    """Days (0-based indices) a disruption covers within a horizon of ``days``."""
    start = d.get("start_day", 1)
    end = min(d.get("end_day", days), days)
    return range(start - 1, end)
