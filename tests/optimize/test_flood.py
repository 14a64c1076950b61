"""Floods over the network: polygons and zones -> route and node factors (DESIGN.md section 3)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import shapely

from foodchain import InvalidScenario, load_scenario, scenario_from_dict, solve
from foodchain.cli import main
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.flood import flood_overlay, overlay_disruption, passability
from foodchain.optimize.flood_areas import MAX_GEOJSON_BYTES
from foodchain.optimize.flood_geometry import route_geometries
from tests.conftest import ROOT, SCENARIOS, make_dataset

JAKARTA = ROOT / "sample_data" / "jakarta"


def line_network(capacity_r1: float | None = 100.0, hub_throughput: float | None = None):
    """S -> H -> M along lat -6.0 (cheap), S -> A -> M via lat -6.3 (dear, 50 t/day); 80 t/day wanted at M."""
    nodes = [
        {"node_id": "S", "kind": "source", "lat": -6.0, "lon": 106.0},
        {
            "node_id": "H",
            "kind": "hub",
            "name": "Hub",
            "lat": -6.0,
            "lon": 106.2,
            "region": "Middle",
            "throughput_t_per_day": hub_throughput,
        },
        {"node_id": "A", "kind": "hub", "name": "Alt", "lat": -6.3, "lon": 106.2, "region": "South"},
        {"node_id": "M", "kind": "market", "name": "Market", "lat": -6.0, "lon": 106.4, "region": "Middle"},
    ]
    routes = [
        {"route_id": "R1", "origin": "S", "destination": "H", "capacity_t_per_day": capacity_r1, "cost_per_t": 1},
        {"route_id": "R2", "origin": "H", "destination": "M", "capacity_t_per_day": 100, "cost_per_t": 1},
        {"route_id": "R3", "origin": "S", "destination": "A", "capacity_t_per_day": 50, "cost_per_t": 5},
        {"route_id": "R4", "origin": "A", "destination": "M", "capacity_t_per_day": 50, "cost_per_t": 5},
    ]
    return make_dataset(
        nodes,
        routes,
        supply=[{"node_id": "S", "commodity": "rice", "supply_t_per_day": 200}],
        demand=[{"node_id": "M", "commodity": "rice", "demand_t_per_day": 80}],
    )


def box(lon0, lat0, lon1, lat1, **props) -> dict:
    ring = [[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}


OVER_R1 = (106.05, -6.05, 106.15, -5.95)  # the middle of R1, away from every node and other route
NOWHERE = (106.05, -6.5, 106.10, -6.45)


def flood(*features, days=1, **keys):
    return scenario_from_dict(
        {"horizon_days": days, "disruptions": [{"type": "flood", "features": list(features), **keys}]}
    )


def route_capacity(result, route_id: str) -> list[float]:
    use = result.route_use
    return use.loc[use["route_id"] == route_id].sort_values("day")["capacity_t"].tolist()


def error_messages(problems) -> list[str]:
    return [p.message for p in problems if p.severity == "error"]


# --- the overlay gives the same answers as explicit disruptions ---------------------------------


def test_a_polygon_over_a_route_solves_exactly_like_closing_it():
    ds = line_network()
    flooded = solve(ds, flood(box(*OVER_R1)))
    closed = solve(ds, scenario_from_dict({"disruptions": [{"type": "close_route", "routes": ["R1"]}]}))
    assert flooded.objective == pytest.approx(closed.objective, rel=1e-12)
    key = ["route_id", "commodity", "day"]
    both = flooded.flows.merge(closed.flows, on=key, suffixes=("_flood", "_close"), how="outer").fillna(0)
    assert np.allclose(both["flow_t_flood"], both["flow_t_close"])
    assert flooded.summary()["total_shortfall_t"] == pytest.approx(30.0)  # only 50 t/day via A


def test_a_polygon_touching_nothing_changes_nothing():
    ds = line_network()
    base = solve(ds)
    result = solve(ds, flood(box(*NOWHERE, depth_m=2.0)))
    assert result.objective == pytest.approx(base.objective) and result.summary()["total_shortfall_t"] == 0
    assert any("touches no route and no node" in p.message for p in result.warnings)


@pytest.mark.parametrize(
    ("depth", "capacity"), [(0.1, 100.0), (0.15, 100.0), (0.3, 70.0), (0.4, 50.0), (0.5, 0.0), (1.2, 0.0), (None, 0.0)]
)
def test_depth_below_the_threshold_throttles_instead_of_closing(depth, capacity):
    props = {} if depth is None else {"depth_m": depth}
    result = solve(line_network(), flood(box(*OVER_R1, **props)))
    assert route_capacity(result, "R1") == pytest.approx([capacity])
    assert route_capacity(result, "R3") == [50.0]


def test_default_passability_curve_by_hand():
    curve = np.array([0.0, 0.15, 0.5, 0.5]), np.array([1.0, 1.0, 0.3, 0.0])
    depths = [0.0, 0.1, 0.15, 0.325, 0.4999999, 0.5, 3.0, np.nan]
    assert passability(np.array(depths), *curve) == pytest.approx([1, 1, 1, 0.65, 0.3, 0, 0, 0], abs=1e-6)


def test_custom_passability_is_piecewise_linear():
    result = solve(line_network(), flood(box(*OVER_R1, depth_m=0.25), passability=[[0, 1], [1, 0]]))
    assert route_capacity(result, "R1") == pytest.approx([75.0])


@pytest.mark.parametrize(
    ("curve", "expected"),
    [
        ([[0.5, 1], [0.2, 0]], "depths must increase"),
        ([[0, 1], [0.5, 0.5], [0.5, 0.2], [0.5, 0]], "depths must increase"),
        ([[0, 1.5]], "between 0 and 1"),
        ([[-1, 1]], ">= 0 m"),
        ([], "list of [depth_m, factor] pairs"),
        ([[0, "1"]], "list of [depth_m, factor] pairs"),
    ],
)
def test_bad_passability_curves_are_errors(curve, expected):
    _, problems = overlay_disruption(
        1, {"type": "flood", "features": [box(*OVER_R1)], "passability": curve}, line_network(), 1
    )
    assert any(expected in m for m in error_messages(problems)), problems


def test_overlapping_polygons_take_the_deepest_each_day():
    sc = flood(
        box(*OVER_R1, depth_m=0.3, name="shallow", start_day=1, end_day=2),
        box(106.08, -6.02, 106.12, -5.98, depth_m=0.4, name="deep", start_day=2, end_day=2),
        days=3,
    )
    result = solve(line_network(), sc)
    assert route_capacity(result, "R1") == pytest.approx([70.0, 50.0, 100.0])
    overlay = scenario_factors(line_network(), sc).overlay
    assert sorted(overlay["flood"]) == ["deep", "shallow"] and set(overlay["id"]) == {"R1"}


def test_disruption_days_and_depth_apply_where_features_have_none():
    sc = flood(box(*OVER_R1), box(*OVER_R1, depth_m=0.3, start_day=3), days=4, depth_m=1.0, start_day=2, end_day=3)
    overlay = flood_overlay(line_network(), sc)
    assert overlay[["depth_m", "start_day", "end_day"]].values.tolist() == [[1.0, 2, 3], [0.3, 3, 3]]
    assert list(scenario_factors(line_network(), sc).route[0]) == [1.0, 0.0, 0.0, 1.0]


def test_flooded_nodes_lose_throughput_the_same_way():
    ds = line_network(hub_throughput=100.0)
    sc = flood(box(106.19, -6.01, 106.21, -5.99, depth_m=0.3))
    overlay = flood_overlay(ds, sc)
    assert overlay.loc[overlay["kind"] == "node", "id"].tolist() == ["H"]
    assert set(overlay.loc[overlay["kind"] == "route", "id"]) == {"R1", "R2"}  # both end at H
    assert scenario_factors(ds, sc).node[1, 0] == pytest.approx(0.7)
    assert solve(ds, sc).summary()["total_shortfall_t"] == pytest.approx(0.0)  # 70 via H + 10 via A


def test_throttling_an_unlimited_route_is_a_warning_and_only_closures_apply():
    ds = line_network(capacity_r1=None)
    throttled = scenario_factors(ds, flood(box(*OVER_R1, depth_m=0.3)))
    assert throttled.route[0, 0] == 1.0
    assert any(
        "no capacity_t_per_day set" in p.message and "R1" in p.message and p.severity == "warning"
        for p in throttled.warnings
    )
    assert scenario_factors(ds, flood(box(*OVER_R1, depth_m=0.6))).route[0, 0] == 0.0
    with pytest.raises(InvalidScenario):  # the explicit disruption stays an error
        scenario_factors(
            ds, scenario_from_dict({"disruptions": [{"type": "route_capacity", "routes": ["R1"], "factor": 0.7}]})
        )


def test_route_geometry_is_followed_when_given(tiny):
    # R-W-C bends north through (106.72, -6.19); its straight chord passes near -6.205 there.
    near_bend = box(106.715, -6.195, 106.725, -6.185, name="bend")
    overlay = flood_overlay(tiny, flood(near_bend))
    assert overlay["id"].tolist() == ["R-W-C"]
    geoms, skipped = route_geometries(tiny)
    assert skipped == [] and shapely.get_num_coordinates(geoms[0]) == 3


def test_overlay_agrees_with_brute_force_intersection():
    rng = np.random.default_rng(5)
    nodes = [
        {"node_id": f"N{i}", "kind": "hub", "lat": -6.0 - rng.random(), "lon": 106.0 + rng.random()} for i in range(40)
    ]
    pairs = rng.choice(40, size=(150, 2))
    routes = [
        {"route_id": f"R{j}", "origin": f"N{a}", "destination": f"N{b}"} for j, (a, b) in enumerate(pairs) if a != b
    ]
    ds = make_dataset(nodes, routes)
    features = []
    for k in range(25):
        lon, lat, r = 106.0 + rng.random(), -6.0 - rng.random(), 0.02 + 0.05 * rng.random()
        features.append(
            {
                "type": "Feature",
                "properties": {"name": f"F{k}"},
                "geometry": shapely.geometry.mapping(shapely.Point(lon, lat).buffer(r)),
            }
        )
    overlay, _ = overlay_disruption(1, {"type": "flood", "features": features}, ds, 1)
    geoms, _ = route_geometries(ds)
    polys = [shapely.geometry.shape(f["geometry"]) for f in features]
    expected = {
        (rid, f"F{k}") for rid, g in zip(ds.routes["route_id"], geoms) for k, p in enumerate(polys) if g.intersects(p)
    }
    got = set(map(tuple, overlay.loc[overlay["kind"] == "route", ["id", "flood"]].values))
    assert got == expected and len(expected) > 10


# --- zones -------------------------------------------------------------------------------------


def test_zones_by_name_id_or_region_case_insensitively():
    ds = line_network()
    overlay = flood_overlay(
        ds, scenario_from_dict({"disruptions": [{"type": "flood", "zones": ["alt"], "depth_m": 0.8}]})
    )
    assert set(overlay["id"]) == {"A", "R3", "R4"} and (overlay["factor"] == 0).all()
    by_region = flood_overlay(ds, scenario_from_dict({"disruptions": [{"type": "flood", "zones": ["MIDDLE"]}]}))
    assert set(by_region.loc[by_region["kind"] == "node", "id"]) == {"H", "M"}
    assert solve(
        ds, scenario_from_dict({"disruptions": [{"type": "flood", "zones": ["a"], "depth_m": 0.8}]})
    ).objective == pytest.approx(160.0)  # A closed, nothing needed it


def test_unknown_zone_is_an_error_with_a_suggestion():
    with pytest.raises(InvalidScenario) as exc:
        flood_overlay(line_network(), scenario_from_dict({"disruptions": [{"type": "flood", "zones": ["Markte"]}]}))
    assert any("'Markte' is not a node name" in m and "Market" in m for m in error_messages(exc.value.problems))


# --- bad input: a clear problem, never a traceback ----------------------------------------------


def point_feature():
    return {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [106.1, -6.0]}}


def line_feature():
    return {
        "type": "Feature",
        "properties": {"name": "river"},
        "geometry": {"type": "LineString", "coordinates": [[106.1, -6.1], [106.1, -5.9]]},
    }


@pytest.mark.parametrize(
    ("features", "row", "column", "expected"),
    [
        ([box(*OVER_R1), point_feature()], 2, "geometry", "feature 2 is a Point; a flood area must be a Polygon"),
        ([line_feature()], 1, "geometry", "feature 1 ('river') is a LineString"),
        ([box(-6.05, 106.05, -5.95, 106.15)], 1, "geometry", "look like (lat, lon)"),
        ({"type": "FeatureCollection", "features": []}, None, "features", "has no features"),
        ({"type": "Topology", "objects": {}}, None, None, "is not GeoJSON"),
        ([box(*OVER_R1, depth_m="deep")], 1, "depth_m", "depth_m must be a number >= 0"),
        ([box(*OVER_R1, start_day=3, end_day=2)], 1, "end_day", "before start_day"),
        ([box(*OVER_R1, start_day=0)], 1, "start_day", "1-based"),
        (
            [{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[1, 2]]]}}],
            1,
            "geometry",
            "unreadable coordinates",
        ),
        ([{"type": "Feature", "properties": {}}], 1, "geometry", "has no geometry"),
        ([box(500000, 9300000, 510000, 9310000)], 1, "geometry", "outside longitude/latitude range"),
    ],
)
def test_bad_features_are_problems_naming_the_feature(features, row, column, expected):
    _, problems = overlay_disruption(1, {"type": "flood", "features": features}, line_network(), 1)
    found = [p for p in problems if p.severity == "error" and expected in p.message]
    assert found and found[0].table == "flood" and found[0].row == row and found[0].column == column, problems


def test_swapped_coordinates_inside_latitude_range_are_recognised_from_the_network():
    # a network at lon 30, lat 50 and a polygon written (lat, lon): all values are valid degrees
    ds = make_dataset(
        [
            {"node_id": "X", "kind": "hub", "lat": 50.0, "lon": 30.0},
            {"node_id": "Y", "kind": "hub", "lat": 50.2, "lon": 30.2},
        ],
        [{"route_id": "R", "origin": "X", "destination": "Y"}],
    )
    _, problems = overlay_disruption(1, {"type": "flood", "features": [box(49.9, 29.9, 50.3, 30.3)]}, ds, 1)
    assert any("look like (lat, lon)" in m for m in error_messages(problems))


def test_an_invalid_ring_is_repaired_with_a_warning():
    bowtie = {
        "type": "Feature",
        "properties": {"name": "bowtie"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[106.05, -6.05], [106.15, -5.95], [106.15, -6.05], [106.05, -5.95], [106.05, -6.05]]],
        },
    }
    overlay, problems = overlay_disruption(1, {"type": "flood", "features": [bowtie]}, line_network(), 1)
    assert not error_messages(problems)
    assert any(p.severity == "warning" and "repaired" in p.message and p.row == 1 for p in problems)
    assert overlay["id"].tolist() == ["R1"]


def write_scenario(folder, geojson_name="area.geojson", **disruption):
    doc = {"horizon_days": 2, "disruptions": [{"type": "flood", "geojson": geojson_name, **disruption}]}
    (folder / "scenario.json").write_text(json.dumps(doc))
    return folder / "scenario.json"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        (b"<kml></kml>", "is not GeoJSON (not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not UTF-8 text"),
        (b'{"type": "FeatureCollection", "features": []}', "has no features"),
        ("huge", "the limit is 20 MB"),
    ],
)
def test_bad_files_are_problems(tmp_path, content, expected):
    path = tmp_path / "area.geojson"
    if content == "huge":
        with open(path, "wb") as f:
            f.truncate(MAX_GEOJSON_BYTES + 1)
    elif content is not None:
        path.write_bytes(content)
    sc = load_scenario(write_scenario(tmp_path))
    _, problems = overlay_disruption(1, sc.disruptions[0], line_network(), 2, base_dir=sc.base_dir)
    assert any(expected in m for m in error_messages(problems)), problems
    with pytest.raises(InvalidScenario):
        solve(line_network(), sc)


def test_geojson_file_is_read_next_to_the_scenario(tmp_path):
    (tmp_path / "floods").mkdir()
    collection = {"type": "FeatureCollection", "features": [box(*OVER_R1, name="R1 flood", depth_m=0.3)]}
    (tmp_path / "floods" / "f.geojson").write_text(json.dumps(collection))
    sc = load_scenario(write_scenario(tmp_path, "floods/f.geojson", start_day=2))
    result = solve(line_network(), sc)
    assert route_capacity(result, "R1") == pytest.approx([100.0, 70.0])


def test_routes_that_cannot_be_placed_are_skipped_with_a_warning():
    ds = make_dataset(
        [{"node_id": "S", "kind": "source", "lat": -6.0, "lon": 106.0}, ("T", "market")],
        [{"route_id": "R", "origin": "S", "destination": "T"}],
    )
    overlay, problems = overlay_disruption(1, {"type": "flood", "features": [box(105.9, -6.1, 106.1, -5.9)]}, ds, 1)
    assert overlay["id"].tolist() == ["S"]
    assert any("cannot be placed" in p.message and "R" in p.message and p.severity == "warning" for p in problems)


# --- command line -------------------------------------------------------------------------------


def test_cli_flood_overlay_prints_the_table(tmp_path, capsys):
    ds_dir = tmp_path / "ds"
    line_network().to_folder(ds_dir)
    collection = {"type": "FeatureCollection", "features": [box(*OVER_R1, name="Banjir R1", depth_m=0.3)]}
    (tmp_path / "area.geojson").write_text(json.dumps(collection))
    out = tmp_path / "overlay.csv"
    code = main(["flood-overlay", str(ds_dir), "--scenario", str(write_scenario(tmp_path)), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and "Banjir R1" in printed and "R1" in printed and "0.7" in printed
    table = pd.read_csv(out)
    assert table.columns[:8].tolist() == ["kind", "id", "name", "flood", "depth_m", "factor", "start_day", "end_day"]
    assert table["factor"].tolist() == pytest.approx([0.7])


def test_cli_flood_overlay_exits_2_on_a_bad_file(tmp_path, capsys):
    ds_dir = tmp_path / "ds"
    line_network().to_folder(ds_dir)
    (tmp_path / "area.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [point_feature()]}))
    code = main(["flood-overlay", str(ds_dir), "--scenario", str(write_scenario(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2 and "error: flood, 1, geometry" in err and "Traceback" not in err


# --- the January 2020 sample --------------------------------------------------------------------


def test_january_2020_flood_scenario_loads():
    sc = load_scenario(SCENARIOS / "jan2020_flood_polygons.json")
    collection = json.loads((SCENARIOS / "floods" / "jan2020.geojson").read_text())
    assert sc.disruptions[0]["type"] == "flood" and len(collection["features"]) >= 10
    for feature in collection["features"]:
        assert {"name", "start_day", "end_day"} <= set(feature["properties"])


@pytest.mark.skipif(not (JAKARTA / "nodes.csv").exists(), reason="the Jakarta sample (sample_data/jakarta) is absent")
def test_january_2020_flood_solves_on_the_jakarta_sample():
    from foodchain import load_dataset

    ds = load_dataset(JAKARTA)
    sc = load_scenario(SCENARIOS / "jan2020_flood_polygons.json")
    overlay = flood_overlay(ds, sc)
    assert (overlay["kind"] == "route").any() and (overlay["factor"] == 0).any()
    result = solve(ds, sc)
    assert result.optimal
    base = solve(ds, days=sc.horizon_days)
    assert result.objective >= base.objective - 1e-6
