"""Flood ensemble specs: how likely each corridor or zone floods, and for how long.

A spec is a JSON (or YAML) object::

    {"name": "Jakarta rainy-season floods",
     "description": "where the numbers come from",
     "horizon_days": 5,
     "corridors": {"Tol Jakarta-Cikampek": {"p": 0.6, "days": [1, 2, 3], "weights": [0.5, 0.3, 0.2]}},
     "zones": {"Jakarta Timur": {"p": 0.8, "days": [2, 3, 5], "factor": 0.5, "start_day": 1}},
     "scenarios": ["floods/jan2020.json"], "scenario_weights": [1.0]}

Each entry of ``corridors`` (a corridor name of ``routes.csv``) or ``zones`` (a node id,
node name or region of ``nodes.csv``, ignoring case: a zone as :mod:`foodchain.optimize.targets`
defines it) is an *event*, drawn independently in every run:

* ``p`` (required, 0..1): probability that it floods in a run;
* ``days`` (required, whole numbers >= 1) and ``weights`` (optional, >= 0, default
  equal): the flood lasts ``days[i]`` days with probability ``weights[i] / sum(weights)``;
* ``start_day`` (default 1): first flooded day; days past the horizon are cut off;
* ``factor`` (default 0 = closed, 0..1): what is left of the capacity while flooded;
* ``depth_m`` (instead of ``factor``): the water depth in metres, a number or a range
  ``[low, high]`` drawn uniformly in each run; the factor is then the depth-passability
  curve of scenario floods (:data:`foodchain.optimize.flood.DEFAULT_PASSABILITY`), the one
  flood model of the project, so a range of depths gives a range of outcomes, not two.

A flooded corridor multiplies the capacity of each of its routes by ``factor``. A
flooded zone multiplies the throughput of its nodes and the capacity of every route
arriving at or leaving them (its last-mile roads). A route or node without capacity
(unlimited) is closed by ``factor`` 0 and otherwise left as it is.

``scenarios`` (optional) lists scenario files (relative to the spec's folder); each run
first draws one of them (by ``scenario_weights``, default equal) and applies its
capacity and supply factors, then the events on top. Scenarios that change demand
cannot be ensemble members (a run is a warm re-solve of capacities).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from foodchain.errors import InvalidInput, InvalidSpec
from foodchain.messages import msg, num
from foodchain.model.dataset import Dataset
from foodchain.model.limits import MAX_HORIZON_DAYS
from foodchain.model.problems import Problem, errors
from foodchain.model.validation import suggest
from foodchain.optimize.flood import DEFAULT_PASSABILITY, passability
from foodchain.optimize.targets import corridor_names, zone_problems
from foodchain.safe_read import load_document

SPEC_KEYS = {"name", "description", "horizon_days", "corridors", "zones", "scenarios", "scenario_weights", "notes"}
EVENT_KEYS = {"p", "days", "weights", "factor", "depth_m", "start_day", "note", "source"}
SECTIONS = {"corridors": "corridor", "zones": "zone"}
MAX_DEPTH_M = 10.0


@dataclass(frozen=True)
class FloodEvent:
    """One corridor or zone that floods with probability ``p`` for a drawn number of days."""

    kind: str  # "corridor" or "zone"
    target: str
    p: float
    days: tuple[int, ...]
    weights: tuple[float, ...]  # normalised to sum 1
    factor: float = 0.0
    start_day: int = 1
    depth_m: tuple[float, float] | None = None  # drawn uniformly; factor = passability(depth)


@dataclass(frozen=True)
class FloodSpec:
    """A checked spec (see the module docstring); ``scenarios`` are resolved paths."""

    name: str
    horizon_days: int
    events: tuple[FloodEvent, ...]
    description: str = ""
    scenarios: tuple[Path, ...] = ()
    scenario_weights: tuple[float, ...] = ()
    base_dir: Path | None = field(default=None, compare=False)


def _where(section: str, target: str, key: str | None = None) -> str:
    return f"{section}.{target}" + (f".{key}" if key else "")


def _number(value, low: float, high: float | None = None) -> bool:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= low
    return ok and (high is None or value <= high)


def _whole(value, low: int = 1) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def check_event(section: str, target: str, ev: object) -> list[Problem]:
    """Keys, probability, durations, weights, factor and start day of one event.

    Parameters
    ----------
    section : str
        ``corridors`` or ``zones``.
    target : str
        The corridor name or zone the event floods.
    ev : object
        The event as parsed: ``p`` in [0, 1], ``days`` (whole durations in days), optional
        ``weights``, ``factor`` in [0, 1], ``start_day`` (1-based), ``depth_m``.

    Returns
    -------
    list of Problem
        Errors in table ``spec``, the column naming where (``zones.<target>.p``, ...).
    """
    if not isinstance(ev, dict):
        return [Problem("spec", None, _where(section, target), msg("analysis.event_object"))]
    problems = [
        Problem(
            "spec", None, _where(section, target, k), msg("analysis.unknown_key", key=k, hint=suggest(k, EVENT_KEYS))
        )
        for k in ev
        if k not in EVENT_KEYS
    ]
    problems += [
        Problem("spec", None, _where(section, target, k), msg("analysis.key_required", key=k))
        for k in ("p", "days")
        if k not in ev
    ]
    if "p" in ev and not _number(ev["p"], 0, 1):
        problems.append(Problem("spec", None, _where(section, target, "p"), msg("analysis.bad_p", value=repr(ev["p"]))))
    days = ev.get("days", [1])
    if not (isinstance(days, list) and days and all(_whole(d) for d in days)):
        message = msg("analysis.bad_days", value=repr(days))
        problems.append(Problem("spec", None, _where(section, target, "days"), message))
    if "weights" in ev:
        w = ev["weights"]
        if not (isinstance(w, list) and all(_number(x, 0) for x in w) and sum(w) > 0):
            message = msg("analysis.bad_weights", value=repr(w))
            problems.append(Problem("spec", None, _where(section, target, "weights"), message))
        elif isinstance(days, list) and len(w) != len(days):
            message = msg("analysis.weights_count", weights=len(w), days=len(days))
            problems.append(Problem("spec", None, _where(section, target, "weights"), message))
    if "factor" in ev and not _number(ev["factor"], 0, 1):
        message = msg("analysis.bad_factor", value=repr(ev["factor"]))
        problems.append(Problem("spec", None, _where(section, target, "factor"), message))
    if "start_day" in ev and not _whole(ev["start_day"]):
        message = msg("analysis.bad_start_day", value=repr(ev["start_day"]))
        problems.append(Problem("spec", None, _where(section, target, "start_day"), message))
    if "depth_m" in ev:
        problems += _check_depth(_where(section, target, "depth_m"), ev)
    return problems


def _check_depth(where: str, ev: dict) -> list[Problem]:
    """``depth_m``: a number or ``[low, high]`` within 0..MAX_DEPTH_M, and no ``factor`` beside it."""
    value = ev["depth_m"]
    pair = value if isinstance(value, list) else [value, value]
    ok = len(pair) == 2 and all(_number(x, 0, MAX_DEPTH_M) for x in pair) and pair[0] <= pair[1]
    problems = []
    if not ok:
        message = msg("analysis.bad_depth", limit=num(MAX_DEPTH_M), value=repr(value))
        problems.append(Problem("spec", None, where, message))
    if "factor" in ev:
        problems.append(Problem("spec", None, where, msg("analysis.depth_or_factor")))
    return problems


def depth_range(ev: dict) -> tuple[float, float] | None:
    """``depth_m`` of a checked event as (low, high), or None."""
    if "depth_m" not in ev:
        return None
    value = ev["depth_m"]
    low, high = value if isinstance(value, list) else (value, value)
    return float(low), float(high)


def check_spec_shape(doc: object) -> list[Problem]:
    """Every problem of the document itself (not yet its corridor and zone names)."""
    if not isinstance(doc, dict):
        return [Problem("spec", None, None, msg("analysis.spec_object"))]
    problems = [
        Problem("spec", None, k, msg("analysis.unknown_key", key=k, hint=suggest(k, SPEC_KEYS)))
        for k in doc
        if k not in SPEC_KEYS
    ]
    if not _whole(doc.get("horizon_days", 1)) or doc.get("horizon_days", 1) > MAX_HORIZON_DAYS:
        message = msg("analysis.bad_horizon", limit=MAX_HORIZON_DAYS, value=repr(doc["horizon_days"]))
        problems.append(Problem("spec", None, "horizon_days", message))
    for section in SECTIONS:
        events = doc.get(section, {})
        if not isinstance(events, dict):
            problems.append(Problem("spec", None, section, msg("analysis.section_object", section=section)))
            continue
        for target, ev in events.items():
            problems += check_event(section, target, ev)
    problems += _check_scenarios(doc)
    if not any(doc.get(s) for s in (*SECTIONS, "scenarios")):
        problems.append(Problem("spec", None, None, msg("analysis.floods_nothing")))
    return problems


def _check_scenarios(doc: dict) -> list[Problem]:
    files, weights = doc.get("scenarios", []), doc.get("scenario_weights")
    if not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
        return [Problem("spec", None, "scenarios", msg("analysis.scenarios_list"))]
    if weights is None:
        return []
    if not (isinstance(weights, list) and all(_number(x, 0) for x in weights) and sum(weights) > 0):
        return [Problem("spec", None, "scenario_weights", msg("analysis.scenario_weights"))]
    if len(weights) != len(files):
        return [Problem("spec", None, "scenario_weights", msg("analysis.scenario_weights_count"))]
    return []


def _normalised(weights: list[float]) -> tuple[float, ...]:
    total = float(sum(weights))
    return tuple(float(w) / total for w in weights)


def spec_from_dict(doc: object, base_dir: Path | None = None) -> FloodSpec:
    """Check the shape of a spec document and build a :class:`FloodSpec` (raises :class:`InvalidSpec`).

    Parameters
    ----------
    doc : object
        The parsed document.
    base_dir : Path, optional
        The spec file's folder, against which scenario files are named.

    Returns
    -------
    FloodSpec
        Weights normalised to sum 1; ``factor`` defaults to 0 (closed), ``start_day`` to 1.

    Raises
    ------
    InvalidSpec
        With every shape error, listed at once.
    """
    problems = check_spec_shape(doc)
    if errors(problems):
        raise InvalidSpec(problems)
    events = []
    for section, kind in SECTIONS.items():
        for target, ev in doc.get(section, {}).items():
            days = tuple(ev["days"])
            weights = _normalised(ev.get("weights", [1.0] * len(days)))
            factor, start = float(ev.get("factor", 0.0)), ev.get("start_day", 1)
            events.append(FloodEvent(kind, target, float(ev["p"]), days, weights, factor, start, depth_range(ev)))
    files = tuple((base_dir or Path()) / f for f in doc.get("scenarios", []))
    return FloodSpec(
        name=str(doc.get("name", "Flood ensemble")),
        horizon_days=int(doc.get("horizon_days", 1)),
        events=tuple(events),
        description=str(doc.get("description", "")),
        scenarios=files,
        scenario_weights=_normalised(doc.get("scenario_weights", [1.0] * len(files))) if files else (),
        base_dir=base_dir,
    )


def load_spec(source: str | Path) -> FloodSpec:
    """Read a spec from a ``.json`` / ``.yaml`` file (bounded: see :mod:`foodchain.safe_read`);
    problems raise :class:`InvalidSpec`."""
    path = Path(source)
    try:
        doc = load_document(path, "spec")
    except InvalidInput as exc:
        raise InvalidSpec(exc.problems) from None
    return spec_from_dict(doc, path.parent)


def check_spec_targets(spec: FloodSpec, dataset: Dataset) -> list[Problem]:
    """Corridors the dataset lacks, zones that name no node, late start days.

    Corridors and zones are matched as :mod:`foodchain.optimize.targets` defines them.

    Parameters
    ----------
    spec : FloodSpec
        The spec.
    dataset : Dataset
        The network.

    Returns
    -------
    list of Problem
        Errors in table ``spec``, also for scenario files that do not exist.
    """
    corridors = corridor_names(dataset)
    problems = []
    for ev in spec.events:
        section = f"{ev.kind}s"
        if ev.kind == "zone":
            problems += zone_problems("spec", None, _where(section, ev.target), [ev.target], dataset)
        elif ev.target not in corridors:
            message = msg("analysis.not_corridor", target=ev.target, hint=suggest(ev.target, corridors))
            problems.append(Problem("spec", None, _where(section, ev.target), message))
        if ev.start_day > spec.horizon_days:
            message = msg("analysis.start_after_horizon", start=ev.start_day, last=spec.horizon_days)
            problems.append(Problem("spec", None, _where(section, ev.target, "start_day"), message))
    problems += [
        Problem("spec", None, "scenarios", msg("analysis.scenario_file_absent", name=f.name))
        for f in spec.scenarios
        if not f.is_file()
    ]
    return problems


def run_seeds(seed: int, runs: int) -> list[int]:
    """One independent seed per run: ``SeedSequence(seed).spawn(runs)``, as integers.

    Run ``j``'s seed depends only on ``seed`` and ``j`` (not on the number of runs or
    workers), so ``default_rng(run_seeds(seed, n)[j])`` re-draws run ``j`` alone.

    Parameters
    ----------
    seed : int
        The master seed.
    runs : int
        Number of runs.

    Returns
    -------
    list of int
        ``runs`` unsigned 64-bit seeds.
    """
    return [int(child.generate_state(1, dtype=np.uint64)[0]) for child in np.random.SeedSequence(seed).spawn(runs)]


def draw_run(spec: FloodSpec, run_seed: int) -> tuple[int | None, list[tuple[FloodEvent, int]]]:
    """The scenario index (``None`` without scenarios) and the (event, duration) pairs that flood.

    Draw order with ``rng = default_rng(run_seed)``: the scenario (if any), then for each
    event in spec order a uniform ``u`` (floods when ``u < p``), a duration and, for an
    event with ``depth_m``, a depth (uniform in its range); the event of a pair then carries
    the factor of that depth on the scenario floods' passability curve.

    Parameters
    ----------
    spec : FloodSpec
        The spec.
    run_seed : int
        The run's seed (:func:`run_seeds`).

    Returns
    -------
    scenario : int or None
        Index into ``spec.scenarios``.
    hits : list of tuple of (FloodEvent, int)
        The events that flood, with their duration in days.
    """
    curve = np.array(DEFAULT_PASSABILITY, dtype=float)
    rng = np.random.default_rng(run_seed)
    scenario = int(rng.choice(len(spec.scenarios), p=spec.scenario_weights)) if spec.scenarios else None
    hits = []
    for ev in spec.events:
        u = rng.random()
        duration = ev.days[int(rng.choice(len(ev.days), p=ev.weights))]
        if ev.depth_m is not None:
            depth = rng.uniform(*ev.depth_m)
            ev = replace(ev, factor=round(float(passability(np.array([depth]), curve[:, 0], curve[:, 1])[0]), 6))
        if u < ev.p:
            hits.append((ev, duration))
    return scenario, hits
