"""Drafts, activation and rollback with audit events; migration of a format-1 store."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from foodchain.model.dataset import dataset_from_tables
from foodchain.store import NameRequired, Store, UnknownVersion
from foodchain.store.diff import cell_changes, plausibility, row_changes

OLD = Path(__file__).parent / "data" / "old_format_v1.sqlite"


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "store.sqlite")


def _changed_stock(tiny, value):
    tables = {k: v.copy() for k, v in tiny.tables().items()}
    tables["stock"].loc[0, "initial_t"] = value
    return dataset_from_tables(tables)


def test_upload_is_a_draft_until_activated_by_a_named_person(store, tiny):
    v1 = store.add_version(tiny, "Ani", "sample", activate=True)
    v2 = store.add_version(_changed_stock(tiny, 30.0), "Budi", "stock count")
    assert store.active_version() == v1
    assert store.versions().set_index("id")["state"].to_dict() == {v2: "draft", v1: "active"}
    store.activate(v2, "Citra", "checked with PIBC")
    events = store.events()
    assert events.iloc[0][["version_id", "from_version", "by", "note"]].tolist() == [
        v2,
        v1,
        "Citra",
        "checked with PIBC",
    ]
    assert events.iloc[0]["at"].endswith("UTC")
    assert store.versions().set_index("id")["state"].to_dict() == {v2: "active", v1: "retired"}


def test_rollback_is_an_activation_with_its_own_event(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    v2 = store.add_version(_changed_stock(tiny, 30.0), "Budi", activate=True)
    store.activate(v1, "Dewi", "back: the stock count was wrong")
    assert store.active_version() == v1
    assert store.events()[["version_id", "from_version", "by"]].fillna(0).values.tolist() == [
        [v1, v2, "Dewi"],
        [v2, v1, "Budi"],
        [v1, 0, "Ani"],
    ]


@pytest.mark.parametrize("name", ["", "   ", None])
def test_the_name_is_required(store, tiny, name):
    with pytest.raises(NameRequired):
        store.add_version(tiny, name)
    v1 = store.add_version(tiny, "Ani")
    with pytest.raises(NameRequired):
        store.activate(v1, name)
    assert store.events().empty


def test_activating_an_unknown_version_changes_nothing(store, tiny):
    v1 = store.add_version(tiny, "Ani", activate=True)
    with pytest.raises(UnknownVersion):
        store.activate(v1 + 10, "Ani")
    assert store.active_version() == v1 and len(store.events()) == 1


def test_migrates_a_store_written_by_the_first_format(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(OLD, path)
    store = Store(path)
    assert store.backup_path is not None and store.backup_path.exists()
    with sqlite3.connect(store.backup_path) as con:  # the copy is the untouched old format
        assert con.execute("SELECT COUNT(*) FROM dataset_tables").fetchone()[0] == 12
    assert store.versions()[["id", "uploader", "state"]].values.tolist() == [
        [2, "Budi", "retired"],
        [1, "Ani", "active"],
    ]
    v2 = store.load_version(2)
    assert v2.nodes["note"].tolist()[:3] == ["a;b", 'x"y', "Jl. Raya, Bekasi"]
    assert v2.stock["initial_t"].tolist()[0] == 30.0 and str(v2.nodes["population"].dtype) == "Int64"
    assert store.load_version(1).stock["initial_t"].tolist()[0] == 60.0
    assert not store.runs(1).empty and store.get_run(store.runs(1)["key"][0]) is not None
    assert store.scenarios()["name"].tolist() == ["Closure"]
    assert set(store.events()["version_id"]) == {1, 2}
    again = Store(path)  # opening again does not migrate again
    assert again.backup_path is None and len(again.events()) == len(store.events())


def test_a_failed_migration_leaves_the_old_store_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    shutil.copy(OLD, path)
    import foodchain.store.migrate as migrate

    def broken(con):
        con.execute("CREATE TABLE dataset_frames (x)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrate, "migrate", broken)
    with pytest.raises(RuntimeError):
        Store(path)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM dataset_tables").fetchone()[0] == 12
        assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'dataset_frames'").fetchone()


def test_value_level_diff_and_plausibility(tiny):
    new = {k: v.copy() for k, v in _changed_stock(tiny, 30_000.0).tables().items()}
    new["demand"] = new["demand"].iloc[1:]
    cells = cell_changes(tiny.tables(), new)
    assert cells.values.tolist() == [["stock", "HUB-CENTRAL / rice", "initial_t", 60.0, 30_000.0]]
    assert row_changes(tiny.tables(), new).values.tolist() == [["demand", "MKT-NORTH / rice", "removed"]]
    back = cell_changes(new, tiny.tables())
    assert plausibility(back, "id", {"rice": "beras"}) == ["stok HUB-CENTRAL beras turun dari 30.000 t ke 60 t (÷500)"]
    assert plausibility(cells, "en") == ["stock HUB-CENTRAL rice rose from 60 t to 30,000 t (×500)"]
