"""Pages show exact, hand-checked figures on the tiny sample (not just "a table appeared").

The tiny sample (sample_data/tiny): regions North = {HUB-PORT, MKT-NORTH}; routes ending or
starting there: R-W-P, R-E-P (into the port), R-P-S, R-P-I (out of it), R-C-N (into the
north market). Demand is 112 t/day (100 rice, 12 chili). With Tol Barat shut on days 1-2,
rice for days 1-2 is East's 2 x 50 t plus the 60 t held at the central market: 40 t short
of 200, all at MKT-NORTH (the least vulnerable market).
"""

from __future__ import annotations

import pytest

from foodchain import fmt
from tests.app.test_pages import TOLL, app, db, ok, run_toll  # noqa: F401 (db is a fixture)


def _overlay(zone: str):
    at = app("pages/3_Scenarios.py")
    at.multiselect(key="b_flood_zones").set_value([zone]).run()
    assert not ok(at).error, [e.value for e in at.error]
    return at.dataframe[0].value


def test_a_flooded_region_closes_its_places_and_their_last_mile_routes(db):  # noqa: F811
    overlay = _overlay("North")
    routes = set(overlay.loc[overlay["kind"] == "route", "id"])
    nodes = set(overlay.loc[overlay["kind"] == "place", "id"])  # kinds are shown in words
    assert nodes == {"HUB-PORT", "MKT-NORTH"}
    assert routes == {"R-W-P", "R-E-P", "R-P-S", "R-P-I", "R-C-N"}
    assert (overlay["factor"] == 0).all()  # no depth given: closed


def test_a_flooded_market_is_one_place_and_its_one_route(db):  # noqa: F811
    overlay = _overlay("MKT-ISLAND")
    assert sorted(zip(overlay["kind"], overlay["id"])) == [("place", "MKT-ISLAND"), ("route", "R-P-I")]


def test_a_saved_scenario_lists_its_disruptions_in_words(db):  # noqa: F811
    at = app("pages/3_Scenarios.py")
    at.selectbox(key="scn_saved").set_value(TOLL).run()
    described = ok(at).dataframe[0].value
    assert described[["type", "what", "days"]].values.tolist() == [["close corridors", "Tol Barat", "1–2"]]


def test_compare_totals_by_hand(db):  # noqa: F811
    ok(run_toll(app("pages/3_Scenarios.py")))
    totals = ok(app("pages/6_Compare.py")).dataframe[0].value
    assert totals["run"].tolist() == ["Baseline", f"1. {TOLL}"]  # the run's own name, not its menu label
    assert totals["days"].tolist() == [3, 3]
    assert totals["demand_t"].tolist() == pytest.approx([336.0, 336.0])
    assert totals["delivered_t"].tolist() == pytest.approx([336.0, 296.0])
    assert totals["shortfall_t"].tolist() == pytest.approx([0.0, 40.0])
    assert totals["share_unmet"].tolist() == pytest.approx([0.0, 40 / 336])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_shortfalls_headline_and_zone_table_by_hand(db, lang):  # noqa: F811
    ok(run_toll(app("pages/3_Scenarios.py")))
    sf = ok(app("pages/4_Shortfalls.py", lang))
    values = [m.value for m in sf.metric[:4]]
    # 40 t of 3 x 112 t; one market of three short; North's 500,000 people lack 40 % of their rice on days 1-2
    assert values == [fmt.number(40.0, lang, 1), fmt.percent(40 / 336, lang), "1 / 3", fmt.number(500_000, lang)]
    assert values[3] == {"en": "500,000", "id": "500.000"}[lang]
    zones = next(d.value for d in sf.dataframe if {"node_id", "share_unmet"} <= set(d.value.columns))
    zones = zones.set_index("node_id")
    assert zones.loc["MKT-NORTH", ["demand_t", "shortfall_t"]].tolist() == pytest.approx([3 * (50 + 6), 40.0])
    assert zones.loc["MKT-NORTH", "share_unmet"] == pytest.approx(40 / 168)
    assert zones.loc[["MKT-SOUTH", "MKT-ISLAND"], "shortfall_t"].tolist() == pytest.approx([0.0, 0.0])
