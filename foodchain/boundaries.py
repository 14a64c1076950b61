"""Bundled map shapes of a dataset: zone polygons, kota outlines, the sea, kelurahan.

A dataset folder may carry a ``boundaries/`` folder beside its CSV files (the Jakarta sample
does, written by ``scripts/make_boundaries.py``):

- ``kecamatan.geojson``: zone polygons, property ``node_id`` naming a node of ``nodes.csv``;
- ``kota.geojson``: outlines of the larger areas (property ``kota``);
- ``sea.geojson``: water, drawn under everything as context;
- ``kelurahan.geojson``: the smaller areas, for flood replays (properties ``kelurahan``, ``kecamatan``, ``kota``).

Every file is optional. Zones are the nodes that have demand *and* a polygon: a node without a
polygon (for example an outside buyer such as Bodetabek) is left off the zone map.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from foodchain.errors import InvalidBoundary
from foodchain.geo import catchments, read_boundary
from foodchain.messages import msg

MAX_BOUNDARY_BYTES = 20_000_000  # a boundary file larger than this is refused


@dataclass(frozen=True)
class MapLayers:
    """Shapes to draw under and as the zones. ``zones``: node_id, geometry (and any other properties)."""

    zones: pd.DataFrame = field(default_factory=lambda: pd.DataFrame({"node_id": [], "geometry": []}))
    kota: pd.DataFrame = field(default_factory=lambda: pd.DataFrame({"kota": [], "geometry": []}))
    sea: list[BaseGeometry] = field(default_factory=list)


def read_features(path: Path) -> pd.DataFrame:
    """A GeoJSON FeatureCollection as a frame of its properties plus ``geometry`` (shapely)."""
    if path.stat().st_size > MAX_BOUNDARY_BYTES:
        raise InvalidBoundary(msg("file.boundary_too_big", name=path.name, limit=MAX_BOUNDARY_BYTES // 1_000_000))
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = [dict(f.get("properties") or {}, geometry=shape(f["geometry"])) for f in doc["features"]]
    return pd.DataFrame(rows)


def bundled_layers(folder: str | Path | None) -> MapLayers:
    """The shapes in ``folder``/boundaries (empty layers when the folder or a file is absent)."""
    base = Path(folder) / "boundaries" if folder is not None else None
    if base is None or not base.is_dir():
        return MapLayers()

    def layer(name: str) -> pd.DataFrame | None:
        path = base / name
        return read_features(path) if path.is_file() else None

    zones, kota, sea = layer("kecamatan.geojson"), layer("kota.geojson"), layer("sea.geojson")
    return MapLayers(
        zones=zones[["node_id", "geometry"] + [c for c in zones.columns if c not in ("node_id", "geometry")]]
        if zones is not None and "node_id" in zones
        else MapLayers().zones,
        kota=kota if kota is not None and "kota" in kota else MapLayers().kota,
        sea=list(sea["geometry"]) if sea is not None else [],
    )


def kelurahan(folder: str | Path) -> pd.DataFrame:
    """The kelurahan layer of a dataset folder: kelurahan, kecamatan, kota, geometry."""
    path = Path(folder) / "boundaries" / "kelurahan.geojson"
    if not path.is_file():
        raise FileNotFoundError(f"no kelurahan layer at {path.name}")
    return read_features(path)


def zone_shapes(
    nodes: pd.DataFrame, zone_ids: list[str], layers: MapLayers, boundary: bytes | None = None
) -> pd.DataFrame:
    """Polygons of the zones ``zone_ids`` (node_id, geometry, ...).

    In order of preference: an uploaded ``boundary`` GeoJSON with ``node_id`` properties; the
    bundled zone polygons, when at least one matches; Voronoi catchments of the zone points
    (clipped to the uploaded boundary's outline if it has no ``node_id``). Zones without a
    polygon are left out, so the map shows only the places that have a shape.

    Raises :class:`~foodchain.errors.InvalidBoundary` (a message for the user) when the uploaded
    boundary is not GeoJSON polygons.

    Parameters
    ----------
    nodes : pandas.DataFrame
        The nodes table (lat, lon in WGS84).
    zone_ids : list of str
        The zones' node ids.
    layers : MapLayers
        The bundled layers (their ``zones`` polygons).
    boundary : bytes, optional
        An uploaded boundary GeoJSON.

    Returns
    -------
    pandas.DataFrame
        Columns node_id, geometry (shapely), and any others of the source.
    """
    if boundary:
        shapes, outline = read_boundary(boundary, zone_ids)
        return shapes if shapes is not None else catchments(nodes, zone_ids, outline)
    bundled = layers.zones[layers.zones["node_id"].isin(set(zone_ids))]
    if len(bundled):
        return bundled.reset_index(drop=True)
    return catchments(nodes, zone_ids)


def dataset_shapes(dataset, source: str | Path, boundary: bytes | None = None) -> tuple[MapLayers, pd.DataFrame]:
    """(map layers, zone polygons) of a dataset read from ``source``: the layers in its
    ``boundaries/`` folder when ``source`` is a folder, zones as in :func:`zone_shapes`.

    Parameters
    ----------
    dataset : Dataset
        The network; its zones are the nodes with demand.
    source : str or Path
        Where the dataset was read from.
    boundary : bytes, optional
        An uploaded boundary GeoJSON.

    Returns
    -------
    layers : MapLayers
    zones : pandas.DataFrame

    Raises
    ------
    InvalidBoundary
        When the uploaded boundary is not GeoJSON polygons.
    """
    layers = bundled_layers(source if Path(source).is_dir() else None)
    zone_ids = dataset.demand["node_id"].unique().tolist()
    return layers, zone_shapes(dataset.nodes, zone_ids, layers, boundary)
