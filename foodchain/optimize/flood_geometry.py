"""Where routes and nodes lie on the map, and which flood polygons they touch.

Coordinates are WGS84 ``(lon, lat)``. A route follows its ``geometry`` (WKT
LINESTRING) or, when that is blank, the straight line between its endpoints; a node
is the point of its ``lon, lat``. Anything without coordinates is ``None`` here and
touches nothing.
"""

from __future__ import annotations

import numpy as np
import shapely

from foodchain.model.dataset import Dataset
from foodchain.optimize.flood_areas import FloodAreas


def route_geometries(dataset: Dataset) -> tuple[np.ndarray, list[str]]:
    """One LineString per route (None where it cannot be placed) and the ids of those skipped."""
    routes, nodes = dataset.routes, dataset.nodes.set_index("node_id")
    wkt = routes["geometry"].fillna("").astype(str).str.strip().to_numpy()
    geoms = np.full(len(routes), None, dtype=object)
    drawn = wkt != ""
    geoms[drawn] = shapely.from_wkt(wkt[drawn], on_invalid="ignore")
    ends = np.stack(
        [nodes.loc[routes[end], ["lon", "lat"]].to_numpy(dtype=float) for end in ("origin", "destination")], axis=1
    )  # [R, 2 ends, (lon, lat)]
    straight = ~drawn & np.isfinite(ends).all(axis=(1, 2))
    if straight.any():
        geoms[straight] = shapely.linestrings(ends[straight])
    skipped = routes.loc[shapely.is_missing(geoms), "route_id"].tolist()
    return geoms, skipped


def node_points(dataset: Dataset) -> np.ndarray:
    """A point ``(lon, lat)`` per node, None where a coordinate is missing."""
    lon, lat = (dataset.nodes[c].to_numpy(dtype=float) for c in ("lon", "lat"))
    points = np.full(len(lon), None, dtype=object)
    ok = np.isfinite(lon) & np.isfinite(lat)
    points[ok] = shapely.points(lon[ok], lat[ok])
    return points


def route_names(dataset: Dataset) -> np.ndarray:
    """Display name per route: ``origin -> destination (corridor)``."""
    names = dataset.node_names()
    routes = dataset.routes
    text = routes["origin"].map(names) + " -> " + routes["destination"].map(names)
    corridor = routes["corridor"].fillna("")
    return np.where(corridor != "", text + " (" + corridor + ")", text).astype(object)


def touching(areas: FloodAreas, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(geometry index, area index)`` where ``geoms[g]`` intersects ``areas.geometries[a]``.

    Two steps: an ``STRtree`` of the areas gives the pairs whose bounding boxes overlap,
    then one vectorised ``intersects`` with the areas *prepared* keeps the true ones
    (faster than letting the tree test each long route against unprepared polygons).
    Missing geometries (None) touch nothing.

    Parameters
    ----------
    areas : FloodAreas
        The flood polygons.
    geoms : numpy.ndarray
        Shapely geometries (route lines or node points), None where missing.

    Returns
    -------
    g, a : numpy.ndarray of int
        Aligned indices into ``geoms`` and ``areas``.
    """
    present = np.flatnonzero(~shapely.is_missing(geoms))
    if not len(areas) or not len(present):
        return np.empty(0, dtype=int), np.empty(0, dtype=int)
    shapely.prepare(areas.geometries)
    g, a = shapely.STRtree(areas.geometries).query(geoms[present])
    hit = shapely.intersects(areas.geometries[a], geoms[present][g])
    return present[g[hit]], a[hit]


def node_extent(dataset: Dataset) -> tuple[float, float, float, float] | None:
    """``(lon_min, lat_min, lon_max, lat_max)`` of the nodes with coordinates, or None."""
    lon, lat = dataset.nodes["lon"].to_numpy(dtype=float), dataset.nodes["lat"].to_numpy(dtype=float)
    ok = np.isfinite(lon) & np.isfinite(lat)
    return (lon[ok].min(), lat[ok].min(), lon[ok].max(), lat[ok].max()) if ok.any() else None
