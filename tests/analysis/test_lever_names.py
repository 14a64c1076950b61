"""A lever reads as what the city would do, with names instead of ids, in the reader's language."""

from __future__ import annotations

from foodchain.analysis.levers import levers_from_list
from foodchain.messages import use_language

DOCS = [
    {"type": "reopen", "corridor": "Tol Barat", "cost_rp": 0},
    {"type": "add_route_capacity", "route": "R-E-P", "t_per_day": 5, "cost_rp": 0},
    {"type": "add_node_throughput", "node": "HUB-PORT", "t_per_day": 5, "cost_rp": 0},
    {"type": "release_stock", "node": "HUB-PORT", "commodity": "chili", "t": 2, "cost_rp": 0},
    {
        "type": "temporary_route",
        "origin": "SRC-EAST",
        "destination": "HUB-CENTRAL",
        "capacity_t_per_day": 9,
        "cost_rp": 0,
    },
]


def test_lever_names_use_place_corridor_and_commodity_names(tiny):
    levers = levers_from_list(DOCS, tiny)
    assert [lever.name(tiny).render("id") for lever in levers] == [
        "Buka kembali Tol Barat",
        "Tambah kapasitas rute East farms → Port warehouse",
        "Tambah kapasitas bongkar di Port warehouse",
        "Lepas stok Cabai di Port warehouse",
        "Rute sementara East farms → Central wholesale market",
    ]
    assert levers[1].name(tiny) == "Add capacity on route East farms → Port warehouse"  # the value is English
    with use_language("id"):
        assert str(levers[0].name(tiny)) == "Buka kembali Tol Barat"


def test_lever_kind_and_targets_are_ids(tiny):
    levers = levers_from_list(DOCS, tiny)
    assert [(lever.kind, lever.targets) for lever in levers][-2:] == [
        ("release_stock", ("HUB-PORT",)),
        ("temporary_route", ("SRC-EAST", "HUB-CENTRAL")),
    ]
    assert levers[-1].target == "SRC-EAST -> HUB-CENTRAL" and levers[0].id == "reopen Tol Barat"


def test_a_lever_problem_renders_in_bahasa(tiny):
    from foodchain.errors import InvalidInput

    try:
        levers_from_list([{"type": "add_route_capacity", "route": "R-X", "t_per_day": -1}], tiny)
    except InvalidInput as exc:
        lines = [p.as_line("id") for p in exc.problems]
    assert "galat: levers, 1, cost_rp, langkah add_route_capacity memerlukan 'cost_rp'" in lines
    assert any(line.startswith("galat: levers, 1, t_per_day, t_per_day harus berupa angka > 0") for line in lines)
