"""routes.commodities: a route carries only the commodities it names (blank: all)."""

from __future__ import annotations

import pytest

from foodchain import InvalidDataset, solve
from tests.conftest import make_dataset

COMMODITIES = [
    {"commodity": "rice", "shortfall_penalty_per_t": 1000.0},
    {"commodity": "chicken", "shortfall_penalty_per_t": 1000.0},
]


def cold_chain(commodities: str):
    routes = [{"route_id": "COLD", "origin": "S", "destination": "M", "commodities": commodities}]
    supply = [{"node_id": "S", "commodity": k, "supply_t_per_day": 10} for k in ("rice", "chicken")]
    demand = [{"node_id": "M", "commodity": k, "demand_t_per_day": 4} for k in ("rice", "chicken")]
    return make_dataset([("S", "source"), ("M", "market")], routes, supply, demand, commodities=COMMODITIES)


def test_a_forbidden_commodity_does_not_travel():
    r = solve(cold_chain("chicken"))
    by = r.summary()["by_commodity"]
    assert by["chicken"]["shortfall_t"] == pytest.approx(0.0)
    assert by["rice"]["shortfall_t"] == pytest.approx(4.0)  # rice may not ride the cold chain
    assert set(r.flows["commodity"]) == {"chicken"}


def test_blank_means_every_commodity_and_lists_are_split_on_semicolons():
    assert solve(cold_chain("")).summary()["total_shortfall_t"] == pytest.approx(0.0)
    assert solve(cold_chain(" rice ; chicken ")).summary()["total_shortfall_t"] == pytest.approx(0.0)


def test_an_unknown_commodity_is_named_like_any_unknown_id():
    with pytest.raises(InvalidDataset) as err:
        cold_chain("chicken;chiken")
    lines = [p.as_line() for p in err.value.problems]
    assert any("routes" in line and "commodities" in line and "'chiken'" in line for line in lines), lines
