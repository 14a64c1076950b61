"""Shapes for maps: catchment polygons of demand zones, and boundary GeoJSON files.

Most datasets give each market or kecamatan a point (lat, lon), not a shape. To colour
zones on a map each zone is given its *catchment*: the Voronoi cell of its point (every
place closer to it than to any other zone), clipped to the region's outline. The outline
is the union of the buffered convex hulls of clusters of zone points (see
:func:`default_outline`), unless the user supplies one. A boundary GeoJSON whose features carry a
``node_id`` property matching the dataset gives the zones' own shapes instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from shapely.geometry import MultiPoint, Point, shape
from shapely.geometry.base import BaseGeometry

from foodchain.errors import InvalidBoundary, InvalidInput
from foodchain.messages import msg
from foodchain.safe_read import parse_json


def located(nodes: pd.DataFrame, ids: pd.Series | list | None = None) -> pd.DataFrame:
    """Nodes with both lat and lon (optionally only those in ``ids``), one row per node_id.

    Parameters
    ----------
    nodes : pandas.DataFrame
        The nodes table.
    ids : sequence of str, optional
        Node ids to keep.

    Returns
    -------
    pandas.DataFrame
    """
    frame = nodes[nodes["lat"].notna() & nodes["lon"].notna()]
    if ids is not None:
        frame = frame[frame["node_id"].isin(set(ids))]
    return frame.drop_duplicates("node_id").reset_index(drop=True)


def default_outline(points: np.ndarray) -> BaseGeometry:
    """The union over clusters of points of their convex hull buffered by half the median
    nearest-neighbour distance ``m``; points closer than ``4 m`` are one cluster, so an island
    or a far suburb gets its own small shape instead of stretching one hull over the sea."""
    if len(points) == 1:
        return Point(points[0]).buffer(0.02)
    diff = points[:, None, :] - points[None, :, :]
    dist = np.sqrt((diff**2).sum(axis=2))
    np.fill_diagonal(dist, np.inf)
    typical = max(float(np.median(dist.min(axis=1))), 0.01)
    _, label = connected_components(csr_matrix(dist < 4 * typical), directed=False)
    hulls = [MultiPoint([tuple(p) for p in points[label == c]]).convex_hull for c in np.unique(label)]
    return shapely.union_all([h.buffer(typical / 2) for h in hulls])


def catchments(
    nodes: pd.DataFrame, ids: pd.Series | list | None = None, outline: BaseGeometry | None = None
) -> pd.DataFrame:
    """One polygon per located zone: the Voronoi cell of its point clipped to ``outline``.

    Returns columns node_id, geometry (shapely). When zones share a point, the first
    gets the cell and the others a small circle around the point.

    Parameters
    ----------
    nodes : pandas.DataFrame
        The nodes table (lon, lat in WGS84).
    ids : sequence of str, optional
        The zones' node ids; default every located node.
    outline : shapely geometry, optional
        The area to clip to; default :func:`default_outline` of the points.
    """
    frame = located(nodes, ids)
    if frame.empty:
        return pd.DataFrame({"node_id": [], "geometry": []})
    points = frame[["lon", "lat"]].to_numpy(dtype=float)
    outline = outline if outline is not None else default_outline(points)
    first = ~pd.DataFrame(points).duplicated().to_numpy()
    unique = points[first]
    if len(unique) >= 2:
        cells = shapely.voronoi_polygons(MultiPoint([tuple(p) for p in unique]), extend_to=outline, ordered=True).geoms
        cells = [c.intersection(outline) for c in cells]
    else:
        cells = [outline]
    geoms, it = [], iter(cells)
    for p, is_first in zip(points, first, strict=True):
        geoms.append(next(it) if is_first else Point(p).buffer(0.003))
    return pd.DataFrame({"node_id": frame["node_id"].to_numpy(), "geometry": geoms})


def read_boundary(data: bytes | str, node_ids: list[str]) -> tuple[pd.DataFrame | None, BaseGeometry | None]:
    """A boundary GeoJSON as zone shapes (features with a ``node_id`` property that is a
    node) or, failing that, as one outline (the union of its polygons).

    Raises :class:`~foodchain.errors.InvalidBoundary` with a message for the user when the
    file is not GeoJSON polygons.

    Parameters
    ----------
    data : bytes or str
        The GeoJSON (bounded as :func:`~foodchain.safe_read.parse_json` reads it).
    node_ids : list of str
        The zones' node ids.

    Returns
    -------
    zones : pandas.DataFrame or None
        Columns node_id, geometry; ``None`` when no feature names a zone.
    outline : shapely geometry or None
        The union of the polygons, when ``zones`` is ``None``.
    """
    try:
        doc = parse_json(data.encode() if isinstance(data, str) else data, "upload", "boundary")
    except InvalidInput as exc:  # too large, too deep, not UTF-8 or not finite (foodchain.safe_read)
        raise InvalidBoundary(msg("file.boundary_not_geojson", detail=exc.problems[0].message)) from None
    try:
        features = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
        geoms = [(f.get("properties") or {}, shape(f["geometry"])) for f in features]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidBoundary(msg("file.boundary_not_geojson", detail=type(exc).__name__)) from None
    polys = [(p, g) for p, g in geoms if g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        raise InvalidBoundary(msg("file.boundary_no_polygons"))
    known = set(node_ids)
    zones = [(str(p.get("node_id")), g) for p, g in polys if str(p.get("node_id")) in known]
    if zones:
        return pd.DataFrame(zones, columns=["node_id", "geometry"]), None
    return None, shapely.union_all([g for _, g in polys])


def polygon_rings(geom: BaseGeometry) -> list[list[list[float]]]:
    """Exterior rings of a (multi)polygon as lists of [lon, lat], for map layers."""
    if geom is None or geom.is_empty:
        return []
    parts = geom.geoms if hasattr(geom, "geoms") else [geom]
    return [[[round(x, 6), round(y, 6)] for x, y in p.exterior.coords] for p in parts if p.geom_type == "Polygon"]


def route_paths(nodes: pd.DataFrame, routes: pd.DataFrame) -> list[list[list[float]] | None]:
    """Each route's path as [[lon, lat], ...]: its WKT geometry, else a straight line
    between its endpoints (``None`` when an endpoint has no coordinates).

    Parameters
    ----------
    nodes : pandas.DataFrame
        The nodes table.
    routes : pandas.DataFrame
        The routes table (its optional WKT ``geometry``).

    Returns
    -------
    list
        One path or ``None`` per route, in table order.
    """
    pos = located(nodes).set_index("node_id")[["lon", "lat"]]
    paths = []
    for r in routes.itertuples(index=False):
        wkt = getattr(r, "geometry", "")
        if isinstance(wkt, str) and wkt.strip():
            try:
                paths.append([[x, y] for x, y in shapely.from_wkt(wkt).coords])
                continue
            except (shapely.errors.GEOSException, NotImplementedError):
                pass
        if r.origin in pos.index and r.destination in pos.index:
            paths.append([pos.loc[r.origin].tolist(), pos.loc[r.destination].tolist()])
        else:
            paths.append(None)
    return paths
