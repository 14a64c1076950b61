"""Point 5 of issue 13: each hostile input is one clear line and exit 2, checked before any long work."""

from __future__ import annotations

import json
import shutil
import socket
import zipfile

import pytest

from tests.conftest import SCENARIOS, TINY
from tests.security.hostile import foodchain, refused


@pytest.fixture
def data(tmp_path):
    """A copy of the tiny sample to spoil."""
    return shutil.copytree(TINY, tmp_path / "tiny")


def edit(folder, table: str, old: str, new: str) -> None:
    path = folder / f"{table}.csv"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_trailing_comma_on_every_row_is_read_with_one_warning(data):
    path = data / "demand.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0]] + [line + "," for line in lines[1:]]) + "\n")
    run = foodchain("validate", data)
    assert run.code == 0 and "Traceback" not in run.err, run.out + run.err
    warnings = [line for line in run.out.splitlines() if line.startswith("warning")]
    assert warnings == ["warning: demand, , , 6 row(s) end with an empty extra value (a trailing ','); ignored"]


def test_a_value_beyond_the_header_is_an_error(data):
    edit(data, "demand", "MKT-SOUTH,rice,40", "MKT-SOUTH,rice,40,41")
    refused(foodchain("validate", data), "demand, 3, , row has 4 values but the header has 3")


def test_shelf_life_1e20_is_too_large(data):
    edit(data, "commodities", "chili,Cabai,2000000,3", "chili,Cabai,2000000,1e20")
    refused(foodchain("validate", data), "commodities, 3, shelf_life_days", "at most 36,500")


def test_lead_time_1e9_is_refused_before_any_array(data):
    edit(data, "routes", "R-W-C,SRC-WEST,HUB-CENTRAL,80,200,0,", "R-W-C,SRC-WEST,HUB-CENTRAL,80,200,1000000000,")
    refused(foodchain("solve", data, "--out", data.parent / "out"), "routes, 2, lead_time_days", "at most 365")


def test_horizon_1e9_is_refused(tmp_path):
    scenario = tmp_path / "long.json"
    scenario.write_text(json.dumps({"name": "long", "horizon_days": 1_000_000_000, "disruptions": []}))
    refused(foodchain("solve", TINY, "--scenario", scenario, "--out", tmp_path / "o"), "from 1 to 366")


def test_days_beyond_a_year_is_an_option_error(tmp_path):
    refused(foodchain("solve", TINY, "--days", "1000", "--out", tmp_path / "o"), "--days", "from 1 to 366")


@pytest.mark.parametrize("where", ["file", "under_file"])
def test_out_that_is_a_file_or_under_one_fails_before_solving(tmp_path, where):
    file = tmp_path / "taken"
    file.write_text("mine")
    out = file if where == "file" else file / "results"
    line = refused(foodchain("solve", "sample_data/jakarta", "--days", "30", "--out", out), "out")
    assert ("is a file" in line) if where == "file" else ("which is a file" in line)
    assert file.read_text() == "mine"


def test_out_holding_foreign_files_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep")
    refused(foodchain("solve", TINY, "--out", out), "holds files foodchain did not write")
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_latin1_scenario_is_not_utf8(tmp_path):
    scenario = tmp_path / "banjir.json"
    scenario.write_bytes('{"name": "Banjir Cawang – café"}'.replace("–", "-").encode("latin-1"))
    refused(foodchain("solve", TINY, "--scenario", scenario, "--out", tmp_path / "o"), "banjir.json", "is not UTF-8")


def test_json_nested_100000_deep(tmp_path):
    scenario = tmp_path / "deep.json"
    scenario.write_text("[" * 100_000 + "]" * 100_000)
    refused(
        foodchain("solve", TINY, "--scenario", scenario, "--out", tmp_path / "o"), "nested 100000 levels deep", "64"
    )


def test_a_folder_named_nodes_csv(data):
    (data / "nodes.csv").unlink()
    (data / "nodes.csv").mkdir()
    refused(foodchain("validate", data), "nodes.csv", "is a folder")


def test_dev_zero_as_a_dataset_does_not_hang(tmp_path):
    refused(foodchain("validate", "/dev/zero"), "/dev/zero", "not a regular file")


def test_a_named_pipe_as_a_dataset_does_not_hang(tmp_path):
    fifo = tmp_path / "nodes.csv"
    import os

    os.mkfifo(fifo)
    refused(foodchain("validate", fifo), "not a regular file")


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--seed", "-5", "must be a whole number from 0"),
        ("--runs", "0", "must be a whole number from 1"),
        ("--workers", "x", "'x' is not a whole number"),
    ],
)
def test_ensemble_option_ranges(tmp_path, option, value, words):
    args = {"--seed": "1", "--runs": "2", "--workers": "1"} | {option: value}
    spec = SCENARIOS / "jakarta_flood_spec.json"
    flat = [a for pair in args.items() for a in pair]
    refused(foodchain("ensemble", TINY, "--spec", spec, "--out", tmp_path / "o", *flat), option, words)


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "0"])
def test_time_limit_must_be_finite_and_positive(tmp_path, value):
    refused(foodchain("solve", TINY, "--time-limit", value, "--out", tmp_path / "o"), "--time-limit", "> 0")


def test_unreachable_scheduler_fails_fast(tmp_path):
    with socket.socket() as s:  # a port nobody listens on: bound, then closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = foodchain("criticality", TINY, "--scheduler", f"tcp://127.0.0.1:{port}", "--out", tmp_path / "o")
    refused(run, "cannot reach the Dask scheduler", f"127.0.0.1:{port}")
    assert run.wall_seconds < 25, run.wall_seconds  # it waited 30 s for the connection before the fix
    assert not (tmp_path / "o").exists()


def test_the_same_column_header_twice(data):
    edit(data, "demand", "node_id,commodity,demand_t_per_day", "node_id,commodity,demand_t_per_day,demand_t_per_day")
    refused(foodchain("validate", data), "demand, 1, , column 'demand_t_per_day' appears twice (columns 3 and 4)")


def test_a_zip_holding_two_nodes_csv(tmp_path):
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in TINY.glob("*.csv"):
            z.write(file, file.name)
        z.write(TINY / "nodes.csv", "old/nodes.csv")
    refused(foodchain("validate", archive), "nodes.csv 2 times", "old/nodes.csv", "keep one")
