"""The SQLite store: versions, restore, scenarios, runs, concurrency, and bad uploads."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from foodchain import dataset_from_tables, load_dataset, solve
from foodchain.errors import NotFound
from foodchain.ingest import MAX_UPLOAD_BYTES, history, merge_upload, table_changes
from foodchain.store import Store, inline_flood_files, run_key, sample_scenarios, seed
from tests.conftest import SCENARIOS, TINY


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "store.sqlite"))
    return Store()


def test_default_path_follows_env(store, tmp_path):
    assert store.path == tmp_path / "store.sqlite"


def test_versions_round_trip_and_parent(store, tiny):
    v1 = store.add_version(tiny, "Ani", "first", activate=True)
    v2 = store.add_version(tiny, "Budi", "second", activate=True)
    assert store.active_version() == v2
    versions = store.versions()
    assert versions["id"].tolist() == [v2, v1]
    assert versions.loc[versions["id"] == v2, "parent_id"].item() == v1
    assert versions["active"].tolist() == [True, False]
    again = store.load_version(v1)
    for name, frame in tiny.tables().items():
        assert len(getattr(again, name)) == len(frame)
    assert solve(again).summary()["total_shortfall_t"] == solve(tiny).summary()["total_shortfall_t"]


def test_activate_earlier_version(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    store.add_version(tiny, "Budi", activate=True)
    store.activate(v1, "Citra")
    assert store.active_version() == v1
    assert store.versions()["active"].sum() == 1
    with pytest.raises(NotFound):
        store.activate(999, "Citra")


def test_upload_single_table_replaces_it_and_validates_whole(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    current = store.raw_tables(v1)
    demand = (TINY / "demand.csv").read_text().replace("MKT-NORTH,rice,50", "MKT-NORTH,rice,70")
    candidate = merge_upload(current, demand.encode(), "demand.csv")
    assert candidate.ok and candidate.replaced == ["demand"]
    changes = table_changes(current, candidate.tables).set_index("table")
    assert changes.loc["demand"].tolist() == [0, 0, 1]
    assert changes.drop("demand")[["added", "removed", "changed"]].to_numpy().sum() == 0
    v2 = store.add_version(candidate.dataset, "Ani", "north eats more", activate=True)
    assert store.load_version(v2).demand["demand_t_per_day"].max() == 70
    assert "demand +0 -0 ~1" in history(store).set_index("id").loc[v2, "changes"]


def test_bad_upload_lists_every_problem_and_leaves_store_intact(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    before = store.versions()
    bad = b"route_id,origin,destination,capacity_t_per_day\nR1,NOWHERE,MKT-NORTH,-5\n"
    candidate = merge_upload(store.raw_tables(v1), bad, "routes.csv")
    assert not candidate.ok
    messages = " ".join(p.message for p in candidate.problems)
    assert "NOWHERE" in messages and "at least 0" in messages
    assert store.versions().equals(before) and store.active_version() == v1


def test_upload_over_size_limit_is_refused(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    candidate = merge_upload(store.raw_tables(v1), b"x" * (MAX_UPLOAD_BYTES + 1), "routes.csv")
    assert not candidate.ok and "limit" in candidate.problems[0].message


def _upload(args):
    path, who = args
    dataset = load_dataset(TINY)
    return Store(path).add_version(dataset, who, "concurrent", activate=True)


def test_two_concurrent_uploads_both_become_versions(tmp_path):
    path = str(tmp_path / "race.sqlite")
    Store(path)
    with ProcessPoolExecutor(2) as pool:
        ids = list(pool.map(_upload, [(path, f"user{i}") for i in range(6)]))
    store = Store(path)
    assert sorted(ids) == sorted(store.versions()["id"].tolist()) and len(set(ids)) == 6
    assert store.versions()["active"].sum() == 1


def test_threads_seeding_at_once_seed_once(tmp_path):
    path = tmp_path / "seed.sqlite"
    results = []
    threads = [threading.Thread(target=lambda: results.append(seed(Store(path), [TINY], SCENARIOS))) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(Store(path).versions()) == 1
    assert sum(r is not None for r in results) == 1
    fitting = sample_scenarios(load_dataset(TINY), SCENARIOS)  # the tiny ones, not Jakarta's
    assert len(fitting) >= 2
    assert len(Store(path).scenarios()) == len(fitting)


def test_scenarios_are_versioned_never_overwritten(store):
    assert store.save_scenario({"name": "flood", "horizon_days": 2, "disruptions": []}, "Ani") == 1
    assert store.save_scenario({"name": "flood", "horizon_days": 3, "disruptions": []}, "Budi") == 2
    assert store.scenario_doc("flood")["horizon_days"] == 3
    assert store.scenario_doc("flood", 1)["horizon_days"] == 2
    assert store.scenarios()["version"].tolist() == [2]


def test_runs_are_stored_and_read_back(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    doc = {"name": "Baseline", "horizon_days": 2, "disruptions": []}
    result = solve(tiny, days=2)
    key = run_key(v1, doc, {"days": 2})
    assert store.get_run(key) is None
    store.save_run(key, v1, doc, {"days": 2}, result)
    back = store.get_run(key)
    assert back.summary()["total_shortfall_t"] == pytest.approx(result.summary()["total_shortfall_t"])
    assert back.route_use["shadow_price"].sum() == pytest.approx(result.route_use["shadow_price"].sum())
    assert store.runs(v1)["key"].tolist() == [key]
    assert run_key(v1, doc, {"days": 3}) != key


def test_a_stored_run_keeps_its_study_area(store, tiny):
    tables = {name: frame.copy() for name, frame in tiny.tables().items()}
    tables["nodes"]["external"] = tables["nodes"]["node_id"] == "MKT-ISLAND"
    ds = dataset_from_tables(tables)
    v1 = store.add_version(ds, "Ani")
    doc = {"name": "Baseline", "horizon_days": 1, "disruptions": []}
    key = run_key(v1, doc, {"days": 1})
    store.save_run(key, v1, doc, {"days": 1}, solve(ds))
    back = store.get_run(key).summary()
    assert back["total_demand_t"] == pytest.approx(100.0)  # 112 t without the island's 12
    assert back["external_demand_t"] == pytest.approx(12.0)


def test_inline_flood_files_reads_geojson(tmp_path):
    (tmp_path / "f.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}')
    doc = {"name": "x", "disruptions": [{"type": "flood", "geojson": "f.geojson"}, {"type": "close_route"}]}
    out = inline_flood_files(doc, tmp_path)
    assert out["disruptions"][0] == {"type": "flood", "features": [{"type": "Feature"}]}
    assert doc["disruptions"][0]["geojson"] == "f.geojson"


def test_seeding_offers_only_the_scenarios_that_fit_the_dataset(tiny):
    names = {doc["name"] for doc in sample_scenarios(tiny, SCENARIOS)}
    assert "Tiny: Tol Barat closed for two days" in names
    jakarta_only = SCENARIOS / "cikampek_closure.json"
    if jakarta_only.exists():  # it names Jakarta corridors the tiny sample does not have
        assert json.loads(jakarta_only.read_text(encoding="utf-8"))["name"] not in names
