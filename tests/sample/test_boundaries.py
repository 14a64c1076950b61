"""The Jakarta sample's map shapes: a polygon for every zone, holding its point; kota, sea, kelurahan."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from foodchain import load_dataset
from foodchain.boundaries import bundled_layers, kelurahan, zone_shapes
from tests.conftest import ROOT, TINY

JAKARTA = ROOT / "sample_data" / "jakarta"
KM2_PER_DEG2 = 111.32 * 110.57 * 0.9945  # at 6 degrees south


@pytest.fixture(scope="module")
def jakarta():
    return load_dataset(JAKARTA)


@pytest.fixture(scope="module")
def layers():
    return bundled_layers(JAKARTA)


def test_every_populated_zone_has_a_valid_polygon_holding_its_point(jakarta, layers):
    nodes = jakarta.nodes
    populated = nodes[(nodes["population"].fillna(0) > 0)]
    assert len(populated) == 44
    shapes = layers.zones.set_index("node_id")["geometry"]
    assert set(populated["node_id"]) == set(shapes.index)
    for r in populated.itertuples(index=False):
        geom = shapes[r.node_id]
        assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon"), r.node_id
        assert geom.contains(Point(r.lon, r.lat)), f"{r.name}: its point is outside its polygon"


def test_zone_polygons_do_not_overlap_and_tebet_has_about_its_known_area(layers):
    geoms = list(layers.zones["geometry"])
    total = sum(g.area for g in geoms)
    assert shapely.union_all(geoms).area == pytest.approx(total, rel=0.005)  # overlaps under 0.5 %
    tebet = layers.zones.set_index("node_id").loc["KEC-TEBET", "geometry"]
    assert 8.5 <= tebet.area * KM2_PER_DEG2 <= 10.5  # Tebet is about 9.0 km2


def test_the_outside_buyers_have_no_polygon_and_stay_off_the_zone_map(jakarta, layers):
    zone_ids = jakarta.demand["node_id"].unique().tolist()
    shapes = zone_shapes(jakarta.nodes, zone_ids, layers)
    assert "MKT-BODETABEK" in zone_ids and "MKT-BODETABEK" not in set(shapes["node_id"])
    assert len(shapes) == 44


def test_kota_sea_and_kelurahan_layers(layers):
    assert set(layers.kota["kota"]) == {
        "Jakarta Barat",
        "Jakarta Pusat",
        "Jakarta Selatan",
        "Jakarta Timur",
        "Jakarta Utara",
        "Kepulauan Seribu",
    }
    land = shapely.union_all(list(layers.kota["geometry"]))
    sea = shapely.union_all(layers.sea)
    assert sea.intersection(land).area < 0.001 * land.area
    kel = kelurahan(JAKARTA)
    assert len(kel) == 254 and {"kelurahan", "kecamatan", "kota"} <= set(kel.columns)
    assert all(g.is_valid for g in kel["geometry"])


def test_an_uploaded_boundary_wins_and_a_dataset_without_shapes_gets_catchments(jakarta, layers, tmp_path):
    one = layers.zones.iloc[:1]
    upload = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"node_id": one["node_id"].iloc[0]},
                "geometry": shapely.geometry.mapping(one["geometry"].iloc[0].envelope),
            }
        ],
    }
    shapes = zone_shapes(
        jakarta.nodes, jakarta.demand["node_id"].unique().tolist(), layers, json.dumps(upload).encode()
    )
    assert len(shapes) == 1 and shapes["geometry"].iloc[0].equals(one["geometry"].iloc[0].envelope)
    tiny = load_dataset(TINY)
    empty = bundled_layers(TINY)
    assert empty.zones.empty and empty.kota.empty and empty.sea == []
    cells = zone_shapes(tiny.nodes, tiny.demand["node_id"].unique().tolist(), empty)
    assert set(cells["node_id"]) == set(tiny.demand["node_id"]) & set(tiny.nodes.dropna(subset=["lat"])["node_id"])


def test_the_files_are_what_make_boundaries_writes():
    doc = json.loads((JAKARTA / "boundaries" / "kecamatan.geojson").read_text(encoding="utf-8"))
    frame = pd.DataFrame([f["properties"] for f in doc["features"]])
    assert frame["node_id"].is_unique and (frame["kota"] != "").all()
    assert all(shape(f["geometry"]).is_valid for f in doc["features"])
