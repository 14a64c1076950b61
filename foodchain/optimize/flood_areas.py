"""Flood areas: the polygons of a ``flood`` disruption, read from GeoJSON and checked.

A flood disruption (DESIGN.md section 3) gives its polygons as a GeoJSON file
(``"geojson": "floods/jan2020.geojson"``, relative to the scenario file's folder) and/or
inline (``"features": [...]`` or a whole FeatureCollection). Each feature is a Polygon
or MultiPolygon in WGS84 ``[lon, lat]`` order with optional properties ``name``,
``depth_m``, ``start_day`` and ``end_day``; the disruption's own ``depth_m``,
``start_day`` and ``end_day`` apply where a feature has none.

Reading never raises: every problem is a :class:`~foodchain.model.problems.Problem`
with table ``flood``, row = the feature's number (1-based, ``None`` for the whole file),
column = the property or ``geometry``. Invalid rings are repaired (with a warning);
points, lines, swapped coordinates, empty collections, missing and oversized files are
errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.errors import ShapelyError
from shapely.geometry import shape

from foodchain.errors import InvalidInput
from foodchain.model.problems import WARNING, Problem
from foodchain.safe_read import MAX_DOC_BYTES, parse_json, read_regular_file

MAX_GEOJSON_BYTES = MAX_DOC_BYTES
NOT_FROM_A_FILE = (
    "a scenario that was uploaded, stored or built in the app carries its polygons inline"
    " (upload the GeoJSON file together with the scenario)"
)
POLYGONAL = ("Polygon", "MultiPolygon")
SUSPICIOUS_DEPTH_M = 10.0  # deeper than any urban flood: probably centimetres
PROPERTY_DAYS = ("start_day", "end_day")


@dataclass
class FloodAreas:
    """Checked flood polygons, one entry per feature (arrays aligned).

    ``depth_m`` is NaN where neither the feature nor the disruption gives a depth
    (the area then closes whatever it touches).
    """

    names: np.ndarray  # str
    geometries: np.ndarray  # shapely (Multi)Polygons, lon/lat
    depth_m: np.ndarray  # float, NaN = not given
    start_day: np.ndarray  # int, 1-based
    end_day: np.ndarray  # int, inclusive

    def __len__(self) -> int:
        return len(self.names)


def _flood_error(row: int | None, column: str | None, message: str) -> Problem:
    return Problem("flood", row, column, message)


def read_geojson_file(name: object, base_dir: Path | None) -> tuple[object, list[Problem]]:
    """The parsed JSON of a flood file named in a scenario file (relative to ``base_dir``).

    A scenario that did not come from a file (``base_dir`` is None: uploaded, stored or
    built in the app) names no files at all: its polygons are inline, the app having
    read the files uploaded with it (:mod:`foodchain.optimize.flood_files`). Reading is
    bounded: a regular file of at most 20 MB, nested at most 64 deep, finite numbers.
    """
    if not isinstance(name, str) or not name.strip():
        return None, [_flood_error(None, "geojson", "'geojson' must be the name of a .geojson file")]
    if base_dir is None:
        return None, [_flood_error(None, "geojson", f"flood file '{name}' is not read: {NOT_FROM_A_FILE}")]
    path = Path(name)
    if not path.is_absolute():
        path = base_dir / path
    if not path.exists():
        return None, [
            _flood_error(
                None, "geojson", f"flood file '{name}' does not exist (it is looked up next to the scenario file)"
            )
        ]
    try:
        return parse_json(read_regular_file(path, MAX_GEOJSON_BYTES, "flood"), name, "flood"), []
    except InvalidInput as exc:
        message = exc.problems[0].message.replace("is not valid JSON", "is not GeoJSON (not valid JSON")
        return None, [_flood_error(None, "geojson", f"flood file {message}")]


def feature_list(doc: object, label: str) -> tuple[list, list[Problem]]:
    """The features of a FeatureCollection, a Feature, a bare (Multi)Polygon or a list of features."""
    if isinstance(doc, list):
        features = doc
    elif isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            return [], [_flood_error(None, "features", f"{label}: a FeatureCollection needs a 'features' list")]
    elif isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    elif isinstance(doc, dict) and doc.get("type") in POLYGONAL:
        features = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        what = f"an object of type '{doc.get('type')}'" if isinstance(doc, dict) else type(doc).__name__
        return [], [
            _flood_error(None, None, f"{label} is not GeoJSON: expected a FeatureCollection of Polygons, found {what}")
        ]
    if not features:
        return [], [_flood_error(None, "features", f"{label} has no features (an empty collection floods nothing)")]
    return features, []


def _swapped(bounds: tuple[float, ...]) -> bool:
    """Coordinates that only make sense as ``(lat, lon)``: second value beyond +-90 but first within it."""
    xmin, ymin, xmax, ymax = bounds
    return (abs(ymin) > 90 or abs(ymax) > 90) and abs(xmin) <= 90 and abs(xmax) <= 90


def coordinate_problem(geom, extent: tuple[float, float, float, float] | None) -> str | None:
    """Why the coordinates of ``geom`` cannot be WGS84 ``[lon, lat]`` near the network, or ``None``.

    ``extent`` is ``(lon_min, lat_min, lon_max, lat_max)`` of the dataset's nodes; a
    polygon that misses it but would hit it with the axes swapped was written lat-first.
    """
    bounds = geom.bounds
    if not all(math.isfinite(b) for b in bounds):
        return "has coordinates that are not numbers"
    swap_hint = (
        "coordinates look like (lat, lon); GeoJSON puts longitude first (Jakarta is near"
        " [106.8, -6.2], not [-6.2, 106.8]): swap them"
    )
    if _swapped(bounds):
        return swap_hint
    xmin, ymin, xmax, ymax = bounds
    if abs(xmin) > 180 or abs(xmax) > 180 or abs(ymin) > 90 or abs(ymax) > 90:
        return (
            "has coordinates outside longitude/latitude range; is it in metres (e.g. UTM)? Save it as WGS84 (EPSG:4326)"
        )
    if extent is not None:
        box = shapely.box(*extent).buffer(0.5)
        if not geom.intersects(box) and shapely.box(ymin, xmin, ymax, xmax).intersects(box):
            return swap_hint
    return None


def _repair(n: int, geom, where: str) -> tuple[object, list[Problem]]:
    """A valid polygonal version of ``geom`` (shapely ``make_valid``), with a warning if it changed."""
    if geom.is_valid:
        return geom, []
    reason = shapely.is_valid_reason(geom)
    try:
        fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    except (TypeError, ValueError, ShapelyError):  # older GEOS: the default method
        fixed = shapely.make_valid(geom)
    note = Problem("flood", n, "geometry", f"{where} has an invalid ring ({reason}); repaired with make_valid", WARNING)
    return fixed, [note]


def _geometry(n: int, feature: dict, where: str, extent) -> tuple[object, list[Problem]]:
    doc = feature.get("geometry")
    if not isinstance(doc, dict) or "type" not in doc:
        return None, [_flood_error(n, "geometry", f"{where} has no geometry")]
    if doc["type"] not in POLYGONAL:
        return None, [
            _flood_error(
                n,
                "geometry",
                f"{where} is a {doc['type']}; a flood area must be a"
                " Polygon or MultiPolygon (draw the flooded area, not a point or a line)",
            )
        ]
    try:
        geom = shape(doc)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, ShapelyError) as exc:
        return None, [_flood_error(n, "geometry", f"{where} has unreadable coordinates ({exc})")]
    if geom.is_empty:
        return None, [_flood_error(n, "geometry", f"{where} has an empty geometry")]
    problem = coordinate_problem(geom, extent)
    if problem:
        return None, [_flood_error(n, "geometry", f"{where} {problem}")]
    return _repair(n, geom, where)


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _properties(n: int, props: dict, where: str, defaults: dict) -> tuple[dict, list[Problem]]:
    """``name``, ``depth_m``, ``start_day``, ``end_day`` of one feature, checked; defaults fill gaps."""
    out, problems = dict(defaults), []
    if props.get("name") not in (None, ""):
        out["name"] = str(props["name"])
    if props.get("depth_m") is not None:
        depth = _number(props["depth_m"])
        if depth is None or depth < 0:
            problems.append(
                _flood_error(n, "depth_m", f"{where}: depth_m must be a number >= 0 (metres), not {props['depth_m']!r}")
            )
        else:
            out["depth_m"] = depth
            if depth > SUSPICIOUS_DEPTH_M:
                problems.append(
                    Problem(
                        "flood",
                        n,
                        "depth_m",
                        f"{where}: depth_m {depth:g} is more than {SUSPICIOUS_DEPTH_M:g} m; is it in centimetres?",
                        WARNING,
                    )
                )
    for key in PROPERTY_DAYS:
        value = props.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(
                _flood_error(n, key, f"{where}: {key} must be a whole number >= 1 (days are 1-based), not {value!r}")
            )
        else:
            out[key] = value
    if out["start_day"] > out["end_day"]:
        problems.append(
            _flood_error(n, "end_day", f"{where}: end_day {out['end_day']} is before start_day {out['start_day']}")
        )
    return out, problems


def parse_features(features: list, label: str, defaults: dict, extent=None) -> tuple[list[dict], list[Problem]]:
    """Check every feature; returns one dict (name, geometry, depth_m, start_day, end_day) per good feature."""
    areas, problems = [], []
    for n, feature in enumerate(features, start=1):
        where = f"{label} feature {n}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(_flood_error(n, None, f"{where} is not a GeoJSON Feature"))
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            problems.append(_flood_error(n, "properties", f"{where}: properties must be an object"))
            continue
        if props.get("name"):
            where += f" ('{props['name']}')"
        geom, probs = _geometry(n, feature, where, extent)
        values, more = _properties(n, props, where, defaults | {"name": f"{label} feature {n}"})
        problems += probs + more
        if geom is not None and not any(p.severity == "error" for p in probs + more):
            areas.append(values | {"geometry": geom})
    return areas, problems


def read_flood_areas(
    d: dict, days: int, base_dir: Path | None = None, extent: tuple[float, float, float, float] | None = None
) -> tuple[FloodAreas, list[Problem]]:
    """All polygons of one flood disruption ``d`` (file and inline), checked.

    Days default to the disruption's ``start_day``/``end_day``, else ``1..days``;
    depth defaults to the disruption's ``depth_m``, else NaN (closed).
    """
    depth = _number(d.get("depth_m"))
    defaults = {
        "depth_m": math.nan if depth is None else depth,
        "start_day": d.get("start_day", 1),
        "end_day": d.get("end_day", max(days, d.get("start_day", 1))),
    }
    sources, problems = [], []
    if "geojson" in d:
        doc, problems = read_geojson_file(d["geojson"], base_dir)
        if doc is not None:
            sources.append((doc, f"'{d['geojson']}'"))
    if "features" in d:
        sources.append((d["features"], "features"))
    areas: list[dict] = []
    for doc, label in sources:
        features, probs = feature_list(doc, label)
        found, more = parse_features(features, label, defaults, extent)
        areas, problems = areas + found, problems + probs + more
    return _as_arrays(areas), problems


def _as_arrays(areas: list[dict]) -> FloodAreas:
    def column(key: str, dtype) -> np.ndarray:
        return np.array([a[key] for a in areas], dtype=dtype)

    return FloodAreas(
        names=column("name", object),
        geometries=column("geometry", object),
        depth_m=column("depth_m", float),
        start_day=column("start_day", int),
        end_day=column("end_day", int),
    )
