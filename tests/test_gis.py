"""GeoJSON for QGIS: shortfall by zone and the flood overlay validate and round-trip through shapely."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from shapely.geometry import mapping, shape

from foodchain import load_dataset
from foodchain.cli import main
from foodchain.zonemap import CLASSES, share_class
from tests.conftest import ROOT, SCENARIOS, TINY

JAKARTA = ROOT / "sample_data" / "jakarta"


def _check_feature_collection(doc: dict) -> None:
    """RFC 7946 essentials that QGIS relies on: a FeatureCollection of Features with valid
    geometry in lon/lat and flat, JSON-typed properties."""
    assert doc["type"] == "FeatureCollection" and doc["features"]
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        geom = shape(f["geometry"])
        assert geom.is_valid and not geom.is_empty
        lon_min, lat_min, lon_max, lat_max = geom.bounds
        assert -180 <= lon_min <= lon_max <= 180 and -90 <= lat_min <= lat_max <= 90
        assert shape(mapping(geom)).equals(geom)  # round trip
        assert all(isinstance(v, (str, int, float, bool, type(None))) for v in f["properties"].values())


@pytest.mark.parametrize(
    ("share", "expected"), [(0, 0), (1e-9, 0), (0.01, 1), (0.05, 2), (0.149, 2), (0.15, 3), (0.3, 4), (1.0, 4)]
)
def test_share_classes_have_the_documented_bounds(share, expected):
    assert share_class(share, demand_t=10.0) == expected
    assert share_class(share, demand_t=0.0) == -1 and len(CLASSES) == 5


def test_solve_writes_zone_polygons_whose_figures_add_up(tmp_path):
    scenario = SCENARIOS / "seribu_sea_storm.json"
    out = tmp_path / "zones.geojson"
    assert (
        main(["solve", str(JAKARTA), "--scenario", str(scenario), "--out", str(tmp_path / "o"), "--geojson", str(out)])
        == 0
    )
    doc = json.loads(out.read_text(encoding="utf-8"))
    _check_feature_collection(doc)
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    props = [f["properties"] for f in doc["features"]]
    assert len(props) == 44
    by_zone = sum(p["shortfall_t"] for p in props)
    table = pd.read_csv(tmp_path / "o" / "shortfall.csv")
    unmapped = table.loc[~table["node_id"].isin({p["node_id"] for p in props}), "shortfall_t"].sum()
    assert set(table["node_id"]) - {p["node_id"] for p in props} == {"MKT-BODETABEK"}  # no polygon: left out
    assert by_zone + unmapped == pytest.approx(summary["total_shortfall_t"], abs=0.01)
    assert by_zone > 0
    for p in props:
        assert p["delivered_t"] + p["shortfall_t"] == pytest.approx(p["demand_t"], abs=1e-3)


def test_flood_overlay_geojson_holds_areas_and_touched_routes(tmp_path):
    out = tmp_path / "flood.geojson"
    code = main(
        [
            "flood-overlay",
            str(JAKARTA),
            "--scenario",
            str(SCENARIOS / "jan2020_flood_polygons.json"),
            "--geojson",
            str(out),
        ]
    )
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    _check_feature_collection(doc)
    layers = {f["properties"]["layer"] for f in doc["features"]}
    assert layers == {"flood_area", "touched_route", "touched_node"}
    areas = [shape(f["geometry"]) for f in doc["features"] if f["properties"]["layer"] == "flood_area"]
    routes = [shape(f["geometry"]) for f in doc["features"] if f["properties"]["layer"] == "touched_route"]
    assert len(areas) == 27 and all(any(r.intersects(a) for a in areas) for r in routes)


def test_a_bad_boundary_file_is_an_input_problem(tmp_path, capsys):
    bad = tmp_path / "b.geojson"
    bad.write_text("{not json")
    code = main(
        [
            "solve",
            str(TINY),
            "--out",
            str(tmp_path / "o"),
            "--geojson",
            str(tmp_path / "z.geojson"),
            "--boundary",
            str(bad),
        ]
    )
    assert code == 2 and "boundary" in capsys.readouterr().err


def test_a_dataset_without_boundaries_gets_catchment_polygons(tmp_path):
    tiny = load_dataset(TINY)
    out = tmp_path / "z.geojson"
    assert main(["solve", str(TINY), "--out", str(tmp_path / "o"), "--geojson", str(out)]) == 0
    doc = json.loads(out.read_text())
    _check_feature_collection(doc)
    assert {f["properties"]["node_id"] for f in doc["features"]} <= set(tiny.demand["node_id"])
