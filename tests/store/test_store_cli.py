"""``foodchain store import|log|diff|activate|export``: exit codes 0/2/1, nothing stored on a bad import."""

from __future__ import annotations

import shutil

import pytest
from pandas.testing import assert_frame_equal

from foodchain.cli import main
from foodchain.model.dataset import load_dataset
from foodchain.store import Store
from tests.conftest import TINY


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("FOODCHAIN_DB", str(path))
    return path


def _count(db) -> int:
    return len(Store(db).versions())


def test_import_is_a_draft_then_activate_log_and_diff(db, tmp_path, capsys):
    assert main(["store", "import", str(TINY), "--by", "Ani", "--note", "first", "--activate"]) == 0
    assert "stored as version 1 (active)" in capsys.readouterr().out
    stock = tmp_path / "stock.csv"
    stock.write_text("node_id,commodity,initial_t\nHUB-CENTRAL,rice,75\n")
    assert main(["store", "import", str(stock), "--by", "Budi", "--note", "count"]) == 0
    assert "version 2 (a draft" in capsys.readouterr().out
    assert Store(db).active_version() == 1
    assert main(["store", "diff", "1", "2"]) == 0
    out = capsys.readouterr().out
    assert "changed: stock, HUB-CENTRAL / rice, initial_t, 60, 75" in out
    assert main(["store", "activate", "2", "--by", "Citra", "--note", "checked"]) == 0
    assert "version 2 is active (was 1), by Citra" in capsys.readouterr().out
    assert main(["store", "log"]) == 0
    log = capsys.readouterr().out.splitlines()
    assert log[0].startswith("version 2\tactive") and "Budi\timport\tcount" in log[0]
    assert log[1].startswith("version 1\tretired")
    assert log[2].startswith("activate 1 -> 2\t") and log[2].endswith("Citra\tchecked")


def test_a_bad_import_stores_nothing_and_lists_every_problem(db, tmp_path, capsys):
    assert main(["store", "import", str(TINY), "--by", "Ani", "--activate"]) == 0
    bad = tmp_path / "routes.csv"
    bad.write_text("route_id,origin,destination,capacity_t_per_day\nR1,NOWHERE,MKT-NORTH,-5\n")
    capsys.readouterr()
    assert main(["store", "import", str(bad), "--by", "Ani"]) == 2
    err = capsys.readouterr().err
    assert "NOWHERE" in err and "-5 must be at least 0" in err and "nothing stored" in err
    assert _count(db) == 1


def test_an_ambiguous_number_stops_the_import_until_the_convention_is_given(db, tmp_path, capsys):
    main(["store", "import", str(TINY), "--by", "Ani", "--activate"])
    stock = tmp_path / "stock.csv"
    stock.write_text("node_id,commodity,initial_t\nHUB-CENTRAL,rice,30.000\n")
    capsys.readouterr()
    assert main(["store", "import", str(stock), "--by", "Ani"]) == 2
    err = capsys.readouterr().err
    assert "warning: stock, 2, initial_t, ambiguous number '30.000'" in err and "--numbers" in err
    assert _count(db) == 1
    assert main(["store", "import", str(stock), "--by", "Ani", "--numbers", "id", "--activate"]) == 0
    assert Store(db).load_version(2).stock["initial_t"].tolist() == [30000.0]


def test_blank_name_unknown_versions_and_bad_data_exit_2(db, tmp_path, capsys):
    assert main(["store", "import", str(TINY), "--by", "  "]) == 2
    assert _count(db) == 0
    assert main(["store", "import", str(tmp_path / "missing"), "--by", "Ani"]) == 2
    assert main(["store", "activate", "7", "--by", "Ani"]) == 2
    assert main(["store", "diff", "1", "7"]) == 2
    assert main(["store", "export", "7", "--out", str(tmp_path / "x")]) == 2
    assert "there is no dataset version 7" in capsys.readouterr().err


def test_export_is_a_folder_that_validates_and_reads_back_equal(db, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    nodes = (data / "nodes.csv").read_text().replace("West farms", '"Kebun; ""Barat"", =Pasar"')
    (data / "nodes.csv").write_text(nodes)
    assert main(["store", "import", str(data), "--by", "Ani", "--activate"]) == 0
    out = tmp_path / "export"
    assert main(["store", "export", "1", "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    back, stored = load_dataset(out), Store(db).load_version(1)
    assert stored.nodes["name"][0] == 'Kebun; "Barat", =Pasar'
    for name, frame in stored.tables().items():
        assert_frame_equal(getattr(back, name), frame, check_exact=True)
