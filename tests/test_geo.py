"""Catchment polygons and boundary files."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point

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
    with pytest.raises(ValueError, match="not GeoJSON"):
        read_boundary(b"not json", [])


def test_route_paths_use_wkt_else_straight_line(tiny):
    paths = route_paths(tiny.nodes, tiny.routes)
    assert len(paths[0]) == 3 and len(paths[1]) == 2
