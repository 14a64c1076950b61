"""Every map is drawn from bundled shapes: no basemap style, tile or font from the internet."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from foodchain import load_dataset, solve
from foodchain.boundaries import bundled_layers, zone_shapes
from foodchain.zonemap import zone_figures
from foodchain_app.network_map import LAYERS, criticality_deck, network_deck
from foodchain_app.zone_map import area_names, area_view, shortfall_deck
from tests.conftest import ROOT

JAKARTA = ROOT / "sample_data" / "jakarta"


@pytest.fixture(scope="module")
def decks():
    ds = load_dataset(JAKARTA)
    layers = bundled_layers(JAKARTA)
    shapes = zone_shapes(ds.nodes, ds.demand["node_id"].unique().tolist(), layers)
    result = solve(ds)
    areas = area_names(shapes)
    moved = result.flows.groupby("route_id")["flow_t"].sum()
    table = pd.DataFrame(
        {"target": ["Tol Jakarta-Cikampek", "Jagorawi"], "kind": "corridor", "added_shortfall_t": [5.0, 1.0]}
    )
    return {
        "shortfall": shortfall_deck(zone_figures(ds, result, shapes), layers, ds, area_view(shapes, areas[0][1], 500)),
        "network": network_deck(ds, ds.nodes, ds.routes, moved, set(LAYERS), layers),
        "criticality": criticality_deck(ds, table, base=layers),
    }, areas


@pytest.mark.parametrize("name", ["shortfall", "network", "criticality"])
def test_no_map_asks_the_internet(decks, name):
    doc = json.loads(decks[0][name].to_json())
    assert doc["mapStyle"].startswith("data:application/json")  # Streamlit would otherwise fetch a CDN style
    assert "http" not in json.dumps(doc)


def test_the_shortfall_map_opens_on_the_city_with_the_islands_one_choice_away(decks):
    _, areas = decks
    assert [name for name, _ in areas][1:] == ["Kepulauan Seribu"]
    assert len(areas[0][1]) == 42  # the mainland kecamatan


def test_a_critical_last_mile_group_is_the_area_it_serves():
    """A distribution group ranked critical is drawn as the union of its markets' kecamatan (ranked,
    labelled), not as a fan of hub-to-market lines; a road corridor stays a line."""
    import shapely

    from foodchain_app.network_map import served_area

    ds, layers = load_dataset(JAKARTA), bundled_layers(JAKARTA)
    group = "Distribusi Jakarta Timur"
    chosen = ds.routes[ds.routes["corridor"] == group]
    table = pd.DataFrame({"target": [group, "Jagorawi"], "kind": "corridor", "added_shortfall_t": [9.0, 1.0]})
    doc = json.loads(criticality_deck(ds, table, base=layers).to_json())
    polygons = [x for layer in doc["layers"] if layer["@@type"] == "PolygonLayer" for x in layer["data"]]
    served = [p for p in polygons if p.get("rank") == "1"]
    area = served_area(ds, chosen, layers)
    zones = layers.zones.set_index("node_id")["geometry"]
    assert served and all(p["label"].startswith(f"#1 {group}") for p in served)
    for market in set(chosen["destination"]) & set(zones.index):  # every market's kecamatan is inside
        assert area.buffer(1e-9).contains(zones[market])
    assert shapely.MultiPolygon([shapely.Polygon(p["polygon"]) for p in served]).area == pytest.approx(
        area.area, rel=1e-3
    )  # rings rounded to 1e-6 deg
    paths = [x for layer in doc["layers"] if layer["@@type"] == "PathLayer" for x in layer["data"]]
    assert {p["rank"] for p in paths if "rank" in p} == {"2"}  # Jagorawi is a red line, the group is not
