"""Every page runs in AppTest on a fresh store; the main widgets do what they say."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from foodchain.store import Store
from foodchain_app import nav
from tests.conftest import ROOT, TINY

ADMIN_PAGES = {"pages/7_Accounts.py"}  # need an administrator signed in: tests/app/test_auth.py
PAGES = [path for path, _, _ in nav.PAGES if path not in ADMIN_PAGES]  # the app's own menu
TOLL = "Tiny: Tol Barat closed for two days"


@pytest.fixture
def db(tmp_path, monkeypatch):
    """A fresh store per test, seeded with the tiny sample (fast, and its ids are stable)."""
    path = tmp_path / "app.sqlite"
    monkeypatch.setenv("FOODCHAIN_DB", str(path))
    monkeypatch.setenv("FOODCHAIN_SAMPLE", "tiny")
    return path


def app(page: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.session_state["lang"] = lang
    return at.run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_runs(db, page, lang):
    at = ok(app(page, lang))
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value


def test_home_shows_the_active_version_and_baseline(db):
    at = ok(app("Home.py"))
    assert "version **1**" in at.info[0].value and "foodchain" in at.info[0].value
    assert [m.label for m in at.metric][:3] == ["Demand (t/day)", "Delivered (t/day)", "Shortfall (t/day)"]
    assert at.metric[0].value == "112"  # tiny: 100 t rice + 12 t chili a day


def test_switching_language_changes_labels(db):
    at = ok(app("Home.py", "id"))
    before = [m.label for m in at.metric]
    at.sidebar.radio(key="lang_choice").set_value("en").run()
    after = [m.label for m in ok(at).metric]
    assert before[0] == "Permintaan (t/hari)" and after[0] == "Demand (t/day)"
    assert at.title[0].value != "" and at.session_state["lang"] == "en"


def test_bad_upload_lists_errors_and_stores_nothing(db):
    at = app("pages/1_Upload_data.py")
    bad = b"route_id,origin,destination,capacity_t_per_day\nR1,NOWHERE,MKT-NORTH,-5\n"
    at.file_uploader(key="upload_file").set_value(("routes.csv", bad, "text/csv")).run()
    ok(at)
    assert at.error, "the problems must be shown"
    problems = at.dataframe[0].value
    assert {"table", "row", "column", "message"} <= set(problems.columns)
    assert problems["message"].str.contains("NOWHERE").any()
    assert not [b for b in at.button if b.key == "upload_save"]
    assert len(Store(db).versions()) == 1


def test_good_upload_becomes_a_new_version(db):
    at = app("pages/1_Upload_data.py")
    at.text_input(key="upload_user").set_value("Siti (PIBC)")
    at.text_input(key="upload_note").set_value("today's demand")
    demand = (TINY / "demand.csv").read_bytes().replace(b"MKT-SOUTH,rice,40", b"MKT-SOUTH,rice,45")
    at.file_uploader(key="upload_file").set_value(("demand.csv", demand, "text/csv")).run()
    ok(at).button(key="upload_save").click().run()
    versions = Store(db).versions()
    assert len(versions) == 2
    assert versions.iloc[0][["uploader", "note", "state"]].tolist() == ["Siti (PIBC)", "today's demand", "draft"]
    assert "Saved as version 2 (draft)" in ok(at).success[0].value  # stays after the rerun
    at.run()
    assert "Saved as version 2 (draft)" in ok(at).success[0].value
    assert at.selectbox(key="history_pick").value == 2  # the picker follows the newest version
    ok(at.button(key="history_activate").click().run())
    assert Store(db).active_version() == 2
    assert Store(db).events().iloc[0][["version_id", "from_version", "by"]].tolist() == [2, 1, "Siti (PIBC)"]


def test_restore_earlier_version(db):
    store = Store(db)
    ok(app("Home.py"))
    store.add_version(store.load_version(1), "Budi", "copy", activate=True)
    at = app("pages/1_Upload_data.py")
    at.selectbox(key="history_pick").set_value(1).run()
    assert ok(at).button(key="history_activate").disabled  # no name yet
    at.text_input(key="upload_user").set_value("Dewi").run()
    ok(at).button(key="history_activate").click().run()
    assert Store(db).active_version() == 1
    assert Store(db).events().iloc[0][["version_id", "from_version", "by"]].tolist() == [1, 2, "Dewi"]


def run_toll(at: AppTest) -> AppTest:
    at.selectbox(key="scn_saved").set_value(TOLL).run()
    return ok(at).button(key="scn_run").click().run()


def test_run_a_scenario_shows_shortfalls_then_map_and_compare(db):
    at = ok(run_toll(app("pages/3_Scenarios.py")))
    assert not at.error, [e.value for e in at.error]
    shortfall = at.dataframe[-1].value
    assert len(shortfall) > 0 and shortfall["shortfall_t"].sum() == pytest.approx(40.0)
    sf = ok(app("pages/4_Shortfalls.py"))
    assert "Tol Barat" in sf.selectbox(key="sf_run").options[0]  # the newest run is shown first
    sf.selectbox(key="sf_day").select_index(1).run()  # each zone's worst day
    assert ok(sf).metric[0].value == "20.0"  # equity spreads the 40 t over days 1-2: 20 t on the worst day
    # report (xlsx, zip), GeoJSON by zone; the brief needs the scenario, which this new session has not seen
    assert len(sf.get("download_button")) == 3 and "Scenarios page" in sf.caption[-2].value
    sf.selectbox(key="sf_run").select_index(len(sf.selectbox(key="sf_run").options) - 1).run()  # the baseline
    assert [b.key for b in ok(sf).get("download_button")][-1] == "sf_brief"
    assert sf.selectbox(key="sf_day").options[2] == "day 1"  # the tiny scenario has no start_date
    cmp = ok(app("pages/6_Compare.py"))
    totals = cmp.dataframe[0].value
    assert totals["shortfall_t"].tolist() == pytest.approx([0.0, 40.0])


def test_builder_closing_a_corridor_runs(db):
    at = app("pages/3_Scenarios.py")
    at.multiselect(key="b_corridors").set_value(["Tol Barat"]).run()
    ok(at).button(key="scn_run").click().run()
    assert not ok(at).error
    assert at.metric[2].value != ""


def test_a_bad_scenario_file_is_an_error_not_a_traceback(db):
    at = app("pages/3_Scenarios.py")
    at.file_uploader(key="scn_file").set_value(("s.json", b'{"name": "x", "horizon": 2}', "application/json")).run()
    assert ok(at).error


def test_flood_zones_show_the_overlay_before_solving(db):
    at = app("pages/3_Scenarios.py")
    at.multiselect(key="b_flood_zones").set_value(["North"]).run()
    ok(at)
    assert not at.error, [e.value for e in at.error]
    overlay = at.dataframe[0].value
    assert "MKT-NORTH" in set(overlay.astype(str).to_numpy().ravel())
    assert "scn_flood_geojson" in [b.key for b in at.get("download_button")]  # the overlay for QGIS
    at.button(key="scn_run").click().run()
    assert not ok(at).error and at.metric[2].value != "0.0"


def frame_with(at: AppTest, column: str):
    """The last table shown that has ``column``."""
    frames = [d.value for d in at.dataframe if column in d.value.columns]
    assert frames, f"no table with a {column} column"
    return frames[-1]


def test_criticality_ranks_targets_and_tries_levers(db):
    at = app("pages/5_Criticality.py")
    at.selectbox(key="crit_scenario").set_value(TOLL).run()
    at.selectbox(key="crit_targets").set_value("corridors").run()
    ok(at).button(key="crit_run").click().run()
    assert not ok(at).error, [e.value for e in at.error]
    ranking = frame_with(at, "added_shortfall_t")
    # with Tol Barat already shut on days 1-2, closing either toll for all 3 days adds 50 t, the sea route 16 t
    added = ranking.set_index("target")["added_shortfall_t"]
    assert added.to_dict() == pytest.approx({"Tol Timur": 50.0, "Tol Barat": 50.0, "Laut": 16.0})
    assert ranking["rank"].tolist() == [1, 2, 3]
    at.button(key="crit_levers_run").click().run()
    levers = frame_with(ok(at), "shortfall_removed_t")
    assert len(levers) > 0 and levers["shortfall_removed_t"].max() > 0  # reopening Tol Barat helps


def test_criticality_ensemble_runs_when_a_spec_exists(db):
    at = app("pages/5_Criticality.py")
    if not at.selectbox(key="ens_spec").options:
        pytest.skip("no flood ensemble spec in sample_data/scenarios")
    at.number_input(key="ens_runs").set_value(10)
    at.button(key="ens_run").click().run()
    ok(at)
    # the sample spec is written for Jakarta: on the tiny sample it is an error in words, not a traceback
    assert at.error or len(frame_with(at, "p_share_above_5pct")) > 0


# issue 12: numbers asked about, never locked out


def test_an_ambiguous_number_blocks_saving_until_the_convention_is_chosen(db):
    at = app("pages/1_Upload_data.py")
    at.text_input(key="upload_user").set_value("Siti (PIBC)")
    stock = b"node_id,commodity,initial_t\nHUB-CENTRAL,rice,30.000\n"
    at.file_uploader(key="upload_file").set_value(("stock.csv", stock, "text/csv")).run()
    ok(at)
    assert any(
        "30.000" in m and "stock" in str(row)
        for m, row in zip(at.dataframe[0].value["message"], at.dataframe[0].value["table"])
    )
    assert any("read two ways" in w.value for w in at.warning)
    assert at.button(key="upload_save").disabled
    at.radio(key="upload_numbers").set_value("id").run()
    assert not ok(at).button(key="upload_save").disabled
    assert any("60 t to 30,000 t" in w.value for w in at.warning)  # the plausibility flag, in words
    at.button(key="upload_save").click().run()
    assert Store(db).load_version(2).stock["initial_t"].tolist() == [30000.0]


def test_a_damaged_version_never_locks_anyone_out(db):
    import sqlite3

    ok(app("Home.py"))
    store = Store(db)
    store.add_version(store.load_version(1), "Budi", "copy", activate=True)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE dataset_frames SET data = x'00' WHERE version_id = 2")
    for page in PAGES:
        at = ok(app(page))
        assert at.sidebar.radio(key="lang_choice")  # the sidebar renders
        assert any("version 2 cannot be loaded" in e.value for e in at.error), page
    at = app("pages/1_Upload_data.py")
    at.text_input(key="upload_user").set_value("Dewi").run()
    at.selectbox(key="history_pick").set_value(1).run()
    ok(at).button(key="history_activate").click().run()
    assert Store(db).active_version() == 1
    assert not ok(app("Home.py")).error


def test_runs_of_an_earlier_version_stay_visible_with_a_badge_and_a_rerun(db):
    ok(run_toll(app("pages/3_Scenarios.py")))
    store = Store(db)
    store.add_version(store.load_version(1), "Budi", "copy", activate=True)
    sf = ok(app("pages/4_Shortfalls.py"))
    toll = [o for o in sf.selectbox(key="sf_run").options if "Tol Barat" in o]
    assert toll and "computed on version 1" in toll[0]
    runs = store.runs(1)
    sf.selectbox(key="sf_run").set_value(runs.loc[runs["scenario_name"] == TOLL, "key"].iloc[0]).run()
    assert any("computed on data version 1" in w.value for w in ok(sf).warning)
    assert [b for b in sf.button if b.key and b.key.startswith("sf_run_rerun_")]
    cmp = ok(app("pages/6_Compare.py"))
    assert any("computed on version 1" in o for o in cmp.multiselect(key="cmp_runs").options)
    assert any("computed on data version 1" in w.value for w in cmp.warning)
    buttons = [b for b in cmp.button if b.key and b.key.startswith("cmp_runs_rerun_")]
    ok(buttons[0].click().run())
    assert (Store(db).runs(2)["scenario_name"] == TOLL).any()
    assert not any("computed on data version 1" in w.value for w in cmp.warning)
    assert ok(cmp).dataframe[0].value["shortfall_t"].tolist() == pytest.approx([0.0, 40.0])


def test_a_rolling_horizon_run_is_shown_as_approximate_on_scenarios_and_shortfalls(db, monkeypatch):
    """With windows shrunk so that tiny's 4 days roll under ``auto``, the Scenarios page and the
    Shortfalls page (which reads the run back from SQLite) both say the plan is approximate."""
    import foodchain.optimize.rolling as rolling

    monkeypatch.setattr(rolling, "WINDOW_DAYS", 2)
    monkeypatch.setattr(rolling, "KEPT_DAYS", 1)
    monkeypatch.setattr(rolling, "ROLLING_ABOVE_COLUMNS", 0)
    at = app("pages/3_Scenarios.py")
    at.selectbox(key="scn_saved").set_value(TOLL).run()
    days = [n for n in ok(at).number_input if n.key.startswith("scn_days_")][0]
    days.set_value(4).run()
    ok(at).button(key="scn_run").click().run()
    assert not ok(at).error, [e.value for e in at.error]
    assert any(w.value.startswith("The 4 days were solved as a rolling horizon (3 windows of 2 days") for w in at.warning)
    sf = ok(app("pages/4_Shortfalls.py"))
    assert any("rolling horizon" in w.value for w in sf.warning)


def test_a_scenario_longer_than_60_days_opens_on_the_scenarios_page(db):
    """A saved 90-day scenario opens with its 90 days (the days box used to stop at 60, and Streamlit
    refuses a value above the box's maximum)."""
    ok(app("Home.py"))  # creates and seeds the store
    Store(db).save_scenario({"name": "Quarter", "horizon_days": 90, "disruptions": []}, "Siti")
    at = app("pages/3_Scenarios.py")
    at.selectbox(key="scn_saved").set_value("Quarter").run()
    days = [n for n in ok(at).number_input if n.key.startswith("scn_days_")][0]
    assert not at.error and days.value == 90
