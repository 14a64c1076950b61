"""Point 6 of issue 13: output folders are written whole, never mixed with an earlier run."""

from __future__ import annotations

import pytest

from foodchain.cli import main
from foodchain.errors import InvalidInput
from foodchain.outdir import MARKER, output_folder
from tests.conftest import TINY


def test_rerunning_into_the_same_folder_leaves_no_file_of_the_earlier_run(tmp_path):
    out = tmp_path / "out"
    assert main(["solve", str(TINY), "--days", "2", "--out", str(out)]) == 0
    assert (out / "stock.csv").exists() and (out / MARKER).exists()
    assert main(["solve", str(TINY), "--out", str(out)]) == 0  # one day: no stock.csv
    assert not (out / "stock.csv").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [MARKER, "summary.json", "shortfall.csv", "flows.csv", "route_use.csv", "node_use.csv", "supply_use.csv"]
        + ["people_affected.csv"]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left behind


def test_an_interrupted_write_leaves_the_earlier_results_whole(tmp_path):
    out = tmp_path / "out"
    assert main(["solve", str(TINY), "--days", "2", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(KeyboardInterrupt), output_folder(out) as tmp:
        (tmp / "summary.json").write_text("{}")
        raise KeyboardInterrupt
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_folder_foodchain_did_not_write_is_refused_before_anything(tmp_path):
    (tmp_path / "thesis.docx").write_text("years of work")
    with pytest.raises(InvalidInput) as err, output_folder(tmp_path):
        pass
    assert "holds files foodchain did not write" in err.value.problems[0].message
    assert [p.name for p in tmp_path.iterdir()] == ["thesis.docx"]


def test_analyses_write_through_the_same_folders(tmp_path):
    out = tmp_path / "crit"
    args = ["criticality", str(TINY), "--targets", "corridors", "--out", str(out)]
    assert main(args) == 0 and main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "criticality.csv"])


def test_flood_overlay_out_that_is_a_folder_is_refused_first(tmp_path):
    from tests.conftest import SCENARIOS
    from tests.security.hostile import foodchain, refused

    scenario = SCENARIOS / "tiny_island_storm.json"
    refused(foodchain("flood-overlay", TINY, "--scenario", scenario, "--out", tmp_path), "is a folder")


def test_a_foodchain_folder_with_something_added_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    assert main(["solve", str(TINY), "--out", str(out)]) == 0
    assert main(["solve", str(TINY), "--out", str(out / "jan2020")]) == 0  # the README's pattern
    with pytest.raises(InvalidInput) as err, output_folder(out):
        pass
    assert "holds files foodchain did not write" in err.value.problems[0].message
    assert (out / "jan2020" / "summary.json").exists()
