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
