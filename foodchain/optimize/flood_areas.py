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
from foodchain.messages import msg, num
from foodchain.model.problems import WARNING, Problem
from foodchain.safe_read import MAX_DOC_BYTES, parse_json, read_regular_file

MAX_GEOJSON_BYTES = MAX_DOC_BYTES
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

    Parameters
    ----------
    name : object
        The ``geojson`` value of the disruption (a file name, relative or absolute).
    base_dir : Path or None
        The scenario file's folder.

    Returns
    -------
    doc : object
        The parsed JSON, or ``None`` on a problem.
    problems : list of Problem
        Errors in table ``flood`` (nothing is raised).
    """
    if not isinstance(name, str) or not name.strip():
        return None, [_flood_error(None, "geojson", msg("flood.geojson_name"))]
    if base_dir is None:
        return None, [_flood_error(None, "geojson", msg("flood.not_from_a_file", name=name))]
    path = Path(name)
    if not path.is_absolute():
        path = base_dir / path
    if not path.exists():
        return None, [_flood_error(None, "geojson", msg("flood.file_absent", name=name))]
    try:
        return parse_json(read_regular_file(path, MAX_GEOJSON_BYTES, "flood"), name, "flood"), []
    except InvalidInput as exc:
        first = exc.problems[0].message
        if getattr(first, "id", None) == "file.bad_json":
            message = msg("flood.not_geojson_json", name=name, detail=first.params["detail"])
        else:
            message = msg("flood.file_problem", message=first)
        return None, [_flood_error(None, "geojson", message)]


def feature_list(doc: object, label: str) -> tuple[list, list[Problem]]:
    """The features of a FeatureCollection, a Feature, a bare (Multi)Polygon or a list of features.

    Parameters
    ----------
    doc : object
        Parsed GeoJSON or an inline ``features`` value.
    label : str
        How messages name the source (the quoted file name, or ``features``).

    Returns
    -------
    features : list
        The features, unchecked.
    problems : list of Problem
        Errors in table ``flood`` (nothing is raised).
    """
    if isinstance(doc, list):
        features = doc
    elif isinstance(doc, dict) and doc.get("type") == "FeatureCollection":
        features = doc.get("features")
        if not isinstance(features, list):
            return [], [_flood_error(None, "features", msg("flood.needs_features", label=label))]
    elif isinstance(doc, dict) and doc.get("type") == "Feature":
        features = [doc]
    elif isinstance(doc, dict) and doc.get("type") in POLYGONAL:
        features = [{"type": "Feature", "geometry": doc, "properties": {}}]
    else:
        what = msg("flood.object_of_type", kind=doc.get("type")) if isinstance(doc, dict) else type(doc).__name__
        return [], [_flood_error(None, None, msg("flood.not_geojson", label=label, what=what))]
    if not features:
        return [], [_flood_error(None, "features", msg("flood.no_features", label=label))]
    return features, []


def _swapped(bounds: tuple[float, ...]) -> bool:
    """Coordinates that only make sense as ``(lat, lon)``: second value beyond +-90 but first within it."""
    xmin, ymin, xmax, ymax = bounds
    return (abs(ymin) > 90 or abs(ymax) > 90) and abs(xmin) <= 90 and abs(xmax) <= 90


def coordinate_problem(geom, extent: tuple[float, float, float, float] | None) -> str | None:
    """The message id saying why the coordinates of ``geom`` cannot be WGS84 ``[lon, lat]`` near
    the network (a ``flood.coordinates_*`` message with a ``where`` parameter), or ``None``.

    ``extent`` is ``(lon_min, lat_min, lon_max, lat_max)`` of the dataset's nodes; a
    polygon that misses it but would hit it with the axes swapped was written lat-first.

    Parameters
    ----------
    geom : shapely.Geometry
        A parsed polygon.
    extent : tuple of float or None
        The nodes' bounding box; ``None`` skips the swapped-axes test against it.

    Returns
    -------
    str or None
        A message id, or ``None`` when the coordinates look right.
    """
    bounds = geom.bounds
    if not all(math.isfinite(b) for b in bounds):
        return "flood.coordinates_not_numbers"
    swap_hint = "flood.coordinates_swapped"
    if _swapped(bounds):
        return swap_hint
    xmin, ymin, xmax, ymax = bounds
    if abs(xmin) > 180 or abs(xmax) > 180 or abs(ymin) > 90 or abs(ymax) > 90:
        return "flood.coordinates_range"
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
    note = Problem("flood", n, "geometry", msg("flood.invalid_ring", where=where, reason=reason), WARNING)
    return fixed, [note]


def _geometry(n: int, feature: dict, where: str, extent) -> tuple[object, list[Problem]]:
    doc = feature.get("geometry")
    if not isinstance(doc, dict) or "type" not in doc:
        return None, [_flood_error(n, "geometry", msg("flood.no_geometry", where=where))]
    if doc["type"] not in POLYGONAL:
        return None, [_flood_error(n, "geometry", msg("flood.not_polygon", where=where, kind=doc["type"]))]
    try:
        geom = shape(doc)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, ShapelyError) as exc:
        return None, [_flood_error(n, "geometry", msg("flood.unreadable_coordinates", where=where, detail=str(exc)))]
    if geom.is_empty:
        return None, [_flood_error(n, "geometry", msg("flood.empty_geometry", where=where))]
    problem = coordinate_problem(geom, extent)
    if problem:
        return None, [_flood_error(n, "geometry", msg(problem, where=where))]
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
                _flood_error(n, "depth_m", msg("flood.feature_bad_depth", where=where, value=repr(props["depth_m"])))
            )
        else:
            out["depth_m"] = depth
            if depth > SUSPICIOUS_DEPTH_M:
                problems.append(
                    Problem(
                        "flood",
                        n,
                        "depth_m",
                        msg("flood.depth_centimetres", where=where, depth=num(depth), limit=num(SUSPICIOUS_DEPTH_M)),
                        WARNING,
                    )
                )
    for key in PROPERTY_DAYS:
        value = props.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(_flood_error(n, key, msg("flood.feature_bad_day", where=where, key=key, value=repr(value))))
        else:
            out[key] = value
    if out["start_day"] > out["end_day"]:
        problems.append(
            _flood_error(
                n, "end_day", msg("flood.end_before_start", where=where, end=out["end_day"], start=out["start_day"])
            )
        )
    return out, problems


def parse_features(features: list, label: str, defaults: dict, extent=None) -> tuple[list[dict], list[Problem]]:
    """Check every feature; returns one dict (name, geometry, depth_m, start_day, end_day) per good feature.

    Parameters
    ----------
    features : list
        The features, as :func:`feature_list` gives them.
    label : str
        How messages name the source.
    defaults : dict
        ``depth_m``, ``start_day`` and ``end_day`` (1-based) for features without them.
    extent : tuple of float, optional
        The nodes' bounding box ``(lon_min, lat_min, lon_max, lat_max)``.

    Returns
    -------
    areas : list of dict
        The good features.
    problems : list of Problem
        Errors in table ``flood`` (nothing is raised).
    """
    areas, problems = [], []
    for n, feature in enumerate(features, start=1):
        where = msg("flood.where", label=label, n=n)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(_flood_error(n, None, msg("flood.not_feature", where=where)))
            continue
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            problems.append(_flood_error(n, "properties", msg("flood.properties_object", where=where)))
            continue
        if props.get("name"):
            where = msg("flood.where_named", label=label, n=n, name=props["name"])
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

    Parameters
    ----------
    d : dict
        The disruption: ``geojson`` (a file) and/or ``features`` (inline), with optional
        ``depth_m``, ``start_day`` and ``end_day``.
    days : int
        The horizon in days.
    base_dir : Path, optional
        The scenario file's folder (``None``: a ``geojson`` file is a problem).
    extent : tuple of float, optional
        The nodes' bounding box ``(lon_min, lat_min, lon_max, lat_max)``.

    Returns
    -------
    areas : FloodAreas
        The good polygons.
    problems : list of Problem
        Errors in table ``flood`` (nothing is raised).
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
