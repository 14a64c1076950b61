"""Pages show exact, hand-checked figures on the tiny sample (not just "a table appeared").

The tiny sample (sample_data/tiny): regions North = {HUB-PORT, MKT-NORTH}; routes ending or
starting there: R-W-P, R-E-P (into the port), R-P-S, R-P-I (out of it), R-C-N (into the
north market). Demand is 112 t/day (100 rice, 12 chili). With Tol Barat shut on days 1-2,
rice for days 1-2 is East's 2 x 50 t plus the 60 t held at the central market: 40 t short
of 200, all at MKT-NORTH (the least vulnerable market).
"""

from __future__ import annotations

import pytest

from tests.app.test_pages import TOLL, app, db, ok, run_toll  # noqa: F401 (db is a fixture)


def _overlay(zone: str):
    at = app("pages/3_Scenarios.py")
    at.multiselect(key="b_flood_zones").set_value([zone]).run()
    assert not ok(at).error, [e.value for e in at.error]
    return at.dataframe[0].value


def test_a_flooded_region_closes_its_places_and_their_last_mile_routes(db):  # noqa: F811
    overlay = _overlay("North")
    routes = set(overlay.loc[overlay["kind"] == "route", "id"])
    nodes = set(overlay.loc[overlay["kind"] == "node", "id"])
    assert nodes == {"HUB-PORT", "MKT-NORTH"}
    assert routes == {"R-W-P", "R-E-P", "R-P-S", "R-P-I", "R-C-N"}
    assert (overlay["factor"] == 0).all()  # no depth given: closed


def test_a_flooded_market_is_one_place_and_its_one_route(db):  # noqa: F811
    overlay = _overlay("MKT-ISLAND")
    assert sorted(zip(overlay["kind"], overlay["id"])) == [("node", "MKT-ISLAND"), ("route", "R-P-I")]


def test_a_saved_scenario_lists_its_disruptions_in_words(db):  # noqa: F811
    at = app("pages/3_Scenarios.py")
    at.selectbox(key="scn_saved").set_value(TOLL).run()
    described = ok(at).dataframe[0].value
    assert described[["type", "what", "days"]].values.tolist() == [["close_corridor", "Tol Barat", "1–2"]]


def test_compare_totals_by_hand(db):  # noqa: F811
    ok(run_toll(app("pages/3_Scenarios.py")))
    totals = ok(app("pages/6_Compare.py")).dataframe[0].value
    assert totals["run"].tolist() == ["Baseline", f"1. {TOLL}"]  # the run's own name, not its menu label
    assert totals["days"].tolist() == [3, 3]
    assert totals["demand_t"].tolist() == pytest.approx([336.0, 336.0])
    assert totals["delivered_t"].tolist() == pytest.approx([336.0, 296.0])
    assert totals["shortfall_t"].tolist() == pytest.approx([0.0, 40.0])
    assert totals["share_unmet"].tolist() == pytest.approx([0.0, 40 / 336])
