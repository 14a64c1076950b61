"""Floods over the network: polygons or named zones -> route and node capacity factors.

A ``flood`` disruption (DESIGN.md section 3) is turned into an *overlay*: one row per
route or node a flood area touches, with the water depth there and the capacity
factor that depth gives. :func:`apply_overlay` multiplies the scenario factors by it.

Geometry. A route follows its ``geometry`` (WKT LINESTRING, lon lat) or, when blank,
the straight line between its endpoints' ``lon, lat``; routes with neither are skipped
(warning). A node is its point ``(lon, lat)``. A route or node is touched by a polygon
``P`` when its geometry intersects ``P`` (boundary included): a shapely ``STRtree`` of
the polygons and one vectorised, prepared ``intersects`` find every pair at once
(:mod:`foodchain.optimize.flood_geometry`). A flood given as ``zones`` (names of nodes or
regions, matched case-insensitively against ``name``, ``node_id`` and ``region``)
touches the nodes of the zone and every route that starts or ends at one of them --
what a polygon drawn over the zone would touch.

Passability. The factor of depth ``h`` (m) is the piecewise-linear curve ``c(h)``
through the points ``[[h_0, f_0], [h_1, f_1], ...]`` of ``passability`` (depths
non-decreasing; a depth listed twice is a step, the second factor holding from that
depth on; ``c = f_0`` below ``h_0`` and ``f_last`` beyond the last depth). By default

.. math::

    c(h) = \\begin{cases} 1 & h \\le 0.15 \\\\
                         1 - 0.7\\,(h - 0.15) / 0.35 & 0.15 < h < 0.5 \\\\
                         0 & h \\ge 0.5 \\end{cases}

trucks run normally up to kerb height (0.15 m), slow down to 30 % of capacity just
below 0.5 m and stop at 0.5 m (a medium truck's wading limit) [estimate, after the
depth-disruption function of Pregnolato et al. 2017, whose cars stop at about 0.3 m].
A flood area without a depth closes what it touches (``c = 0``).

Combination. On each day, a route or node touched by several active areas takes the
factor of the deepest (no depth counts as deepest). Closures always apply. A factor
strictly between 0 and 1 on a route or node without a capacity (unlimited) has nothing
to scale: it is a *warning* for floods (not an error, as for explicit disruptions) and
only closures are applied to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from foodchain.errors import InvalidScenario
from foodchain.messages import msg
from foodchain.model.dataset import Dataset
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.optimize.flood_areas import FloodAreas, read_flood_areas
from foodchain.optimize.flood_geometry import node_extent, node_points, route_geometries, route_names, touching
from foodchain.optimize.targets import zone_masks, zone_problems

if TYPE_CHECKING:  # scenario -> disruption registry -> flood: the type is only named here
    from foodchain.optimize.scenario import Scenario

DEFAULT_PASSABILITY = ((0.0, 1.0), (0.15, 1.0), (0.5, 0.3), (0.5, 0.0))
OVERLAY_COLUMNS = ["kind", "id", "name", "flood", "depth_m", "factor", "start_day", "end_day"]
LISTED = 8  # ids named in one warning before "... and N more"


def parse_passability(value: object) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Depths and factors of a passability curve ``[[depth_m, factor], ...]``, or messages why not."""
    if value is None:
        value = DEFAULT_PASSABILITY
    pairs_ok = (
        isinstance(value, (list, tuple))
        and len(value) > 0
        and all(
            isinstance(p, (list, tuple))
            and len(p) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in p)
            for p in value
        )
    )
    if not pairs_ok:
        return np.empty(0), np.empty(0), [msg("flood.passability_pairs")]
    depth = np.array([p[0] for p in value], dtype=float)
    factor = np.array([p[1] for p in value], dtype=float)
    messages = []
    if (depth < 0).any():
        messages.append(msg("flood.passability_negative"))
    if (np.diff(depth) < 0).any() or (len(depth) > 2 and ((depth[2:] == depth[:-2]).any())):
        messages.append(msg("flood.passability_order"))
    if ((factor < 0) | (factor > 1)).any():
        messages.append(msg("flood.passability_factor"))
    return depth, factor, messages


def passability(depth_m: np.ndarray, curve_depth: np.ndarray, curve_factor: np.ndarray) -> np.ndarray:
    """Capacity factor ``c(h)`` for each depth (NaN depth: 0, closed); see the module docstring.

    Parameters
    ----------
    depth_m : numpy.ndarray
        Flood depths in metres (NaN: closed whatever the curve).
    curve_depth, curve_factor : numpy.ndarray
        The curve's points, depths increasing; linear in between, flat beyond both ends.

    Returns
    -------
    numpy.ndarray
        ``c(h)`` per depth, in the curve's range (0 = closed, 1 = unchanged).
    """
    h = np.asarray(depth_m, dtype=float)
    i = np.clip(np.searchsorted(curve_depth, h, side="right") - 1, 0, len(curve_depth) - 1)
    j = np.minimum(i + 1, len(curve_depth) - 1)
    span = curve_depth[j] - curve_depth[i]
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(span > 0, (h - curve_depth[i]) / span, 0.0)
    value = curve_factor[i] + np.clip(t, 0.0, 1.0) * (curve_factor[j] - curve_factor[i])
    value = np.where(h < curve_depth[0], curve_factor[0], value)
    return np.where(np.isnan(h), 0.0, value)


def _rows(kind: str, ids, names, element: np.ndarray, area: np.ndarray, areas: FloodAreas) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kind": kind,
            "id": np.asarray(ids, dtype=object)[element],
            "name": np.asarray(names, dtype=object)[element],
            "flood": areas.names[area],
            "depth_m": areas.depth_m[area],
            "start_day": areas.start_day[area],
            "end_day": areas.end_day[area],
            "_element": element,
        }
    )


def overlay_areas(areas: FloodAreas, dataset: Dataset) -> tuple[pd.DataFrame, list[str]]:
    """Routes and nodes each polygon touches (rows without factors) and the route ids skipped.

    Parameters
    ----------
    areas : FloodAreas
        The checked polygons.
    dataset : Dataset
        The network (node coordinates in WGS84).

    Returns
    -------
    overlay : pandas.DataFrame
        One row per (element, polygon) that touch, with kind, id, name, flood, depth and days.
    skipped : list of str
        Route ids without a geometry (one end without coordinates).
    """
    geoms, skipped = route_geometries(dataset)
    r, a = touching(areas, geoms)
    frames = [_rows("route", dataset.routes["route_id"], route_names(dataset), r, a, areas)]
    n, a = touching(areas, node_points(dataset))
    frames.append(_rows("node", dataset.nodes["node_id"], dataset.node_names().to_numpy(dtype=object), n, a, areas))
    return _concat(frames), skipped


def zone_areas(i: int, d: dict, dataset: Dataset, days: int) -> tuple[pd.DataFrame, list[Problem]]:
    """Rows for a flood given as named zones: the zone's nodes and the routes ending at them.

    A zone is matched as :mod:`foodchain.optimize.targets` defines it (node id, name or
    region, ignoring case and spaces around).

    Parameters
    ----------
    i : int
        The disruption's 1-based number in the scenario (the problems' row).
    d : dict
        The disruption, with ``zones`` and optional ``depth_m``, ``start_day``, ``end_day`` (1-based).
    dataset : Dataset
        The network (node coordinates in WGS84).
    days : int
        The horizon; ``end_day`` defaults to it.

    Returns
    -------
    overlay : pandas.DataFrame
        One row per node of a zone and per route ending at one.
    problems : list of Problem
        Zones that match nothing.
    """
    nodes, routes = dataset.nodes, dataset.routes
    depth = float(d["depth_m"]) if "depth_m" in d else np.nan
    start, end = d.get("start_day", 1), d.get("end_day", max(days, d.get("start_day", 1)))
    frames, problems = [], zone_problems("scenario", i, "zones", d.get("zones", []), dataset)
    for zone in d.get("zones", []):
        route_mask, node_mask = zone_masks(dataset, zone)
        if not node_mask.any():
            continue
        areas = FloodAreas(
            np.array([zone], dtype=object), np.array([None]), np.array([depth]), np.array([start]), np.array([end])
        )
        for kind, ids, names, mask in (
            ("route", routes["route_id"], route_names(dataset), route_mask),
            ("node", nodes["node_id"], dataset.node_names().to_numpy(dtype=object), node_mask),
        ):
            element = np.flatnonzero(mask)
            frames.append(_rows(kind, ids, names, element, np.zeros(len(element), dtype=int), areas))
    return _concat(frames), problems


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        empty = {
            c: pd.Series(dtype=t)
            for c, t in zip(OVERLAY_COLUMNS + ["_element"], [object] * 4 + [float, float, int, int, int])
        }
        return pd.DataFrame(empty)
    return pd.concat(frames, ignore_index=True)


def _check_disruption(i: int, d: dict) -> tuple[np.ndarray, np.ndarray, list[Problem]]:
    depth, factor, messages = parse_passability(d.get("passability"))
    problems = [Problem("scenario", i, "passability", m) for m in messages]
    if "depth_m" in d:
        value = d["depth_m"]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            problems.append(Problem("scenario", i, "depth_m", msg("flood.bad_depth", value=repr(value))))
    return depth, factor, problems


def overlay_disruption(
    i: int, d: dict, dataset: Dataset, days: int, base_dir: Path | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """The overlay of flood disruption number ``i`` (columns ``OVERLAY_COLUMNS``) and its problems.

    Never raises for bad input: errors come back as problems (table ``flood`` for the
    GeoJSON, ``scenario`` for the disruption's own keys), with an empty overlay.

    Parameters
    ----------
    i : int
        The disruption's 1-based number in the scenario.
    d : dict
        The disruption's keys.
    dataset : Dataset
        The network (node coordinates in WGS84).
    days : int
        The horizon in days.
    base_dir : Path, optional
        The scenario file's folder, against which a ``geojson`` file is read (``None``: no files).

    Returns
    -------
    overlay : pandas.DataFrame
        Columns :data:`OVERLAY_COLUMNS`, routes before nodes; days 1-based.
    problems : list of Problem
        Errors and warnings.
    """
    curve_depth, curve_factor, problems = _check_disruption(i, d)
    if errors(problems):
        return _concat([])[OVERLAY_COLUMNS], problems
    areas, probs = read_flood_areas(d, days, base_dir, node_extent(dataset))
    touched, skipped = overlay_areas(areas, dataset)
    zoned, more = zone_areas(i, d, dataset, days)
    problems += probs + more
    if errors(problems):
        return _concat([])[OVERLAY_COLUMNS], problems
    overlay = _concat([touched, zoned])
    overlay["factor"] = passability(overlay["depth_m"].to_numpy(dtype=float), curve_depth, curve_factor)
    overlay = overlay.sort_values(["kind", "id", "start_day"], ascending=[False, True, True], kind="stable")
    problems += _overlay_warnings(i, overlay, dataset, skipped, days)
    if overlay.empty:
        problems.append(Problem("scenario", i, None, msg("flood.touches_nothing"), WARNING))
    return overlay[OVERLAY_COLUMNS].reset_index(drop=True), problems


def _listing(ids: list[str]) -> str:
    shown = ", ".join(ids[:LISTED])
    return msg("flood.listing_more", shown=shown, count=len(ids) - LISTED) if len(ids) > LISTED else shown


def _overlay_warnings(i: int, overlay: pd.DataFrame, dataset: Dataset, skipped: list[str], days: int) -> list[Problem]:
    problems = []
    if skipped:
        problems.append(
            Problem(
                "scenario",
                i,
                None,
                msg("flood.routes_unplaced", count=len(skipped), ids=_listing(skipped)),
                WARNING,
            )
        )
    for kind, table, column in (
        ("route", dataset.routes, "capacity_t_per_day"),
        ("node", dataset.nodes, "throughput_t_per_day"),
    ):
        rows = overlay[(overlay["kind"] == kind) & (overlay["factor"] > 0) & (overlay["factor"] < 1)]
        unlimited = table[column].isna().to_numpy()[rows["_element"].to_numpy(dtype=int)]
        ids = list(dict.fromkeys(rows.loc[unlimited, "id"]))
        if ids:
            problems.append(
                Problem(
                    "scenario",
                    i,
                    "passability",
                    msg(
                        "flood.slows_unlimited",
                        count=len(ids),
                        kind=msg(f"flood.kind.{kind}"),
                        column=column,
                        ids=_listing(ids),
                    ),
                    WARNING,
                )
            )
    late = sorted(set(overlay.loc[overlay["start_day"] > days, "flood"]))
    if late:
        problems.append(
            Problem(
                "scenario",
                i,
                "start_day",
                msg("flood.starts_late", names=_listing(late), days=days),
                WARNING,
            )
        )
    return problems


def overlay_factors(overlay: pd.DataFrame, ids: pd.Series, capacity: pd.Series, days: int) -> np.ndarray:
    """Per element (row of ``ids``) and day, the factor of the deepest active flood row.

    Rows whose element has no capacity (NaN ``capacity``) keep only closures (factor 0).

    Parameters
    ----------
    overlay : pandas.DataFrame
        Rows of one kind (routes or nodes), with ``id``, 1-based ``start_day`` / ``end_day``,
        ``depth_m`` (NaN: closed, deepest) and ``factor``.
    ids : pandas.Series
        The element ids, in table order.
    capacity : pandas.Series
        The elements' capacity in t/day (NaN: unlimited).
    days : int
        The horizon in days.

    Returns
    -------
    numpy.ndarray
        ``[len(ids), days]`` factors (column 0 is day 1), 1 where no flood is active.
    """
    out = np.ones((len(ids), days))
    if overlay.empty:
        return out
    element = pd.Index(ids).get_indexer(overlay["id"])
    start = overlay["start_day"].to_numpy(dtype=int) - 1
    count = np.clip(np.minimum(overlay["end_day"].to_numpy(dtype=int), days) - start, 0, None)
    rows = np.repeat(np.arange(len(overlay)), count)
    day = start[rows] + np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    depth = overlay["depth_m"].to_numpy(dtype=float)
    long = pd.DataFrame(
        {
            "e": element[rows],
            "d": day,
            "key": np.where(np.isnan(depth), np.inf, depth)[rows],
            "f": overlay["factor"].to_numpy(dtype=float)[rows],
        }
    )
    deepest = long.sort_values(["key", "f"], ascending=[True, False], kind="stable").drop_duplicates(
        ["e", "d"], keep="last"
    )
    factor = deepest["f"].to_numpy()
    unlimited = capacity.isna().to_numpy()[deepest["e"].to_numpy()]
    out[deepest["e"].to_numpy(), deepest["d"].to_numpy()] = np.where(unlimited & (factor > 0), 1.0, factor)
    return out


def apply_overlay(overlay: pd.DataFrame, dataset: Dataset, factors) -> None:
    """Multiply ``factors.route[R, D]`` and ``factors.node[N, D]`` in place by the overlay's factors.

    ``route[r, d] *= c(h*)`` where ``h*`` is the deepest depth among the rows of route
    ``r`` active on day ``d`` (likewise for nodes); see :func:`overlay_factors`.

    Parameters
    ----------
    overlay : pandas.DataFrame
        As :func:`overlay_disruption` returns it.
    dataset : Dataset
        The network (node coordinates in WGS84).
    factors : Factors
        Multiplied in place; its ``route`` and ``node`` arrays are ``[rows, days]``.
    """
    days = factors.route.shape[1]
    for kind, table, id_col, column, target in (
        ("route", dataset.routes, "route_id", "capacity_t_per_day", factors.route),
        ("node", dataset.nodes, "node_id", "throughput_t_per_day", factors.node),
    ):
        rows = overlay[overlay["kind"] == kind]
        target *= overlay_factors(rows, table[id_col], table[column], days)


def overlay_with_problems(
    dataset: Dataset, scenario: Scenario, days: int | None = None
) -> tuple[pd.DataFrame, list[Problem]]:
    """Overlays of every flood disruption of ``scenario`` (column ``disruption`` added) and all problems.

    Parameters
    ----------
    dataset : Dataset
        The network (node coordinates in WGS84).
    scenario : Scenario
        The scenario; only its ``flood`` disruptions are read.
    days : int, optional
        The horizon; default ``scenario.horizon_days``.

    Returns
    -------
    overlay : pandas.DataFrame
        Columns :data:`OVERLAY_COLUMNS` and the disruption's 1-based number.
    problems : list of Problem
        Errors and warnings of every flood.
    """
    days = days or scenario.horizon_days
    frames, problems = [], []
    for i, d in enumerate(scenario.disruptions, start=1):
        if d.get("type") == "flood":
            overlay, probs = overlay_disruption(i, d, dataset, days, base_dir=scenario.base_dir)
            frames.append(overlay.assign(disruption=i))
            problems += probs
    columns = OVERLAY_COLUMNS + ["disruption"]
    frames = [f for f in frames if len(f)]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return frame[columns], problems


def flood_overlay(dataset: Dataset, scenario: Scenario, days: int | None = None) -> pd.DataFrame:
    """The routes and nodes the floods of ``scenario`` touch, with depths and factors (for the app).

    Columns ``kind, id, name, flood, depth_m, factor, start_day, end_day, disruption``.
    Raises :class:`~foodchain.errors.InvalidScenario` on errors; warnings are in
    ``frame.attrs["warnings"]``.

    Parameters
    ----------
    dataset : Dataset
        The network (node coordinates in WGS84).
    scenario : Scenario
        The scenario; only its ``flood`` disruptions are read.
    days : int, optional
        The horizon; default ``scenario.horizon_days``.

    Returns
    -------
    pandas.DataFrame
        The overlay, days 1-based, factors in ``[0, 1]``.

    Raises
    ------
    InvalidScenario
        With every error of every flood, listed at once.
    """
    frame, problems = overlay_with_problems(dataset, scenario, days)
    if errors(problems):
        raise InvalidScenario(problems)
    frame.attrs["warnings"] = problems
    return frame
