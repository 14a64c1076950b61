"""Catchment polygons and boundary files."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point

from foodchain.errors import InvalidBoundary
from foodchain.geo import catchments, read_boundary, route_paths


def test_catchments_cover_each_point_and_do_not_overlap(tiny):
    ids = tiny.demand["node_id"].unique()
    cells = catchments(tiny.nodes, ids)
    assert sorted(cells["node_id"]) == sorted(ids)
    pos = tiny.nodes.set_index("node_id")
    for row in cells.itertuples():
        assert row.geometry.contains(Point(pos.loc[row.node_id, "lon"], pos.loc[row.node_id, "lat"]))
    geoms = cells["geometry"].tolist()
    assert geoms[0].intersection(geoms[1]).area == pytest.approx(0.0, abs=1e-12)


def test_boundary_with_node_ids_gives_zone_shapes():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    doc = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"node_id": "MKT-NORTH"}, "geometry": square}],
    }
    shapes, outline = read_boundary(json.dumps(doc), ["MKT-NORTH"])
    assert shapes["node_id"].tolist() == ["MKT-NORTH"] and outline is None
    shapes, outline = read_boundary(json.dumps(doc), ["OTHER"])
    assert shapes is None and outline.area == pytest.approx(1.0)


def test_boundary_that_is_not_geojson_is_a_clear_error():
    with pytest.raises(InvalidBoundary, match="not GeoJSON"):
        read_boundary(b"not json", [])


def test_route_paths_use_wkt_else_straight_line(tiny):
    paths = route_paths(tiny.nodes, tiny.routes)
    assert len(paths[0]) == 3 and len(paths[1]) == 2


def test_a_far_island_gets_its_own_small_outline_not_a_hull_over_the_sea():
    import numpy as np

    from foodchain.geo import default_outline

    city = np.array([[106.80 + 0.02 * i, -6.20 + 0.02 * j] for i in range(4) for j in range(4)])
    island = np.array([[106.50, -5.70]])
    outline = default_outline(np.vstack([city, island]))
    assert outline.geom_type == "MultiPolygon" and len(outline.geoms) == 2
    assert not outline.contains(Point(106.65, -5.95))  # the sea between them


def test_a_boundary_nested_too_deep_is_a_clear_error():
    with pytest.raises(InvalidBoundary, match="nested 100000 levels deep; the limit is 64"):
        read_boundary(b"[" * 100_000 + b"]" * 100_000, [])
