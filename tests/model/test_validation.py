"""Every validation rule with a bad file: all problems at once, as table, row, column, message."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from foodchain import InvalidDataset, load_dataset, validate_source
from foodchain.model.problems import errors
from tests.conftest import TINY


@pytest.fixture
def copy(tmp_path) -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(TINY, folder)
    return folder


def edit(folder: Path, table: str, text_from: str, text_to: str) -> None:
    path = folder / f"{table}.csv"
    content = path.read_text()
    assert text_from in content
    path.write_text(content.replace(text_from, text_to, 1))


def problems_of(folder: Path):
    return validate_source(folder)


def only(problems, severity="error"):
    return [p for p in problems if p.severity == severity]


def test_tiny_is_clean():
    assert validate_source(TINY) == []


def test_missing_table(copy):
    (copy / "routes.csv").unlink()
    (p,) = only(problems_of(copy))
    assert p.table == "routes" and "missing" in p.message


def test_missing_and_misspelt_columns(copy):
    edit(copy, "supply", "supply_t_per_day", "suply_t_per_day")
    (p,) = only(problems_of(copy))
    assert (p.table, p.row, p.column) == ("supply", None, "supply_t_per_day")
    assert "did you mean 'suply_t_per_day'" in p.message


def test_misspelt_optional_column_is_warned_not_ignored_silently(copy):
    edit(copy, "routes", "capacity_t_per_day", "capacty_t_per_day")
    warns = only(problems_of(copy), "warning")
    assert any(p.column == "capacty_t_per_day" and "capacity_t_per_day" in p.message for p in warns)


def test_headers_match_case_insensitively(copy):
    edit(copy, "demand", "demand_t_per_day", "Demand_T_Per_Day")
    assert only(problems_of(copy)) == []


def test_unknown_node_with_suggestion_and_row_number(copy):
    edit(copy, "routes", "R-C-N,HUB-CENTRAL,MKT-NORTH", "R-C-N,HUB-CENTRL,MKT-NORTH")
    (p,) = only(problems_of(copy))
    assert (p.table, p.row, p.column) == ("routes", 6, "origin")  # header is row 1
    assert "'HUB-CENTRL' is not a node_id" in p.message and "did you mean 'HUB-CENTRAL'" in p.message


def test_duplicate_ids(copy):
    edit(copy, "routes", "R-E-P,", "R-E-C,")
    (p,) = only(problems_of(copy))
    assert (p.table, p.row, p.column) == ("routes", 5, "route_id") and "duplicate of row 4" in p.message


def test_negative_non_numeric_and_fractional_numbers_all_reported_at_once(copy):
    edit(copy, "demand", "MKT-NORTH,rice,50", "MKT-NORTH,rice,-5")
    edit(copy, "supply", "SRC-WEST,rice,100,1000", "SRC-WEST,rice,banyak,1000")
    edit(copy, "routes", "R-W-C,SRC-WEST,HUB-CENTRAL,80,200,0", "R-W-C,SRC-WEST,HUB-CENTRAL,80,200,1.5")
    found = {(p.table, p.row, p.column): p.message for p in only(problems_of(copy))}
    assert "must be at least 0" in found[("demand", 2, "demand_t_per_day")]
    assert "'banyak' is not a number" in found[("supply", 2, "supply_t_per_day")]
    assert "not a whole number" in found[("routes", 2, "lead_time_days")]
    assert len(found) == 3


def test_wrong_kind(copy):
    edit(copy, "nodes", "HUB-PORT,hub", "HUB-PORT,gudang")
    (p,) = only(problems_of(copy))
    assert (p.table, p.row, p.column) == ("nodes", 5, "kind") and "source, hub or market" in p.message


def test_empty_nodes_table(copy):
    (copy / "nodes.csv").write_text("node_id,kind\n")
    found = only(problems_of(copy))
    assert any(p.table == "nodes" and "no rows" in p.message for p in found)
    assert any(p.table == "routes" and "is not a node_id" in p.message for p in found)


def test_market_no_route_reaches_is_a_warning(copy):
    with open(copy / "demand.csv", "a") as f:
        f.write("MKT-LONELY,rice,5\n")
    with open(copy / "nodes.csv", "a") as f:
        f.write("MKT-LONELY,market,Lonely,,,,,,,\n")
    problems = problems_of(copy)
    assert only(problems) == []
    assert any("no route reaches 'MKT-LONELY'" in p.message for p in only(problems, "warning"))


def test_demand_nobody_supplies_is_a_warning(copy):
    with open(copy / "commodities.csv", "a") as f:
        f.write("garlic,Bawang putih,,\n")
    with open(copy / "demand.csv", "a") as f:
        f.write("MKT-NORTH,garlic,1\n")
    warns = only(problems_of(copy), "warning")
    assert any("'garlic' is demanded but nobody supplies" in p.message for p in warns)


def test_stock_that_does_not_fit_storage(copy):
    with open(copy / "stock.csv", "a") as f:
        f.write("MKT-NORTH,rice,5\nHUB-PORT,rice,600\n")
    found = only(problems_of(copy))
    assert {p.message.split("'")[1] for p in found} == {"MKT-NORTH", "HUB-PORT"}


def test_swapped_lat_lon_is_named(copy):
    edit(copy, "nodes", "-6.20,106.60", "106.60,-6.20")
    (p,) = only(problems_of(copy))
    assert p.column == "lat" and "swapped" in p.message


def test_bad_geometry(copy):
    edit(copy, "routes", '"LINESTRING (106.60 -6.20, 106.72 -6.19, 106.85 -6.21)"', "POINT (1 2)")
    (p,) = only(problems_of(copy))
    assert p.column == "geometry" and "LINESTRING" in p.message


def test_bom_spaces_and_semicolons_with_decimal_commas_are_handled(copy):
    text = (
        (copy / "supply.csv")
        .read_text()
        .replace(",", ";")
        .replace("SRC-WEST;rice;100;1000", " SRC-WEST ;rice;100,5;1000")
    )
    (copy / "supply.csv").write_bytes("\ufeff".encode() + text.encode())
    problems = problems_of(copy)
    assert only(problems) == []
    assert any("';'" in p.message for p in problems) and any("spaces" in p.message for p in problems)
    ds = load_dataset(copy)
    assert ds.supply.set_index("node_id").loc["SRC-WEST", "supply_t_per_day"] == pytest.approx(100.5)


def test_invalid_dataset_raises_with_every_problem(copy):
    edit(copy, "demand", "MKT-NORTH,rice,50", "MKT-NORHT,rice,x")
    with pytest.raises(InvalidDataset) as exc:
        load_dataset(copy)
    assert len(errors(exc.value.problems)) == 2


def test_zip_and_xlsx_read_the_same_dataset(tmp_path):
    ref = load_dataset(TINY)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for f in TINY.glob("*.csv"):
            z.write(f, f"tiny/{f.name}")
    from_zip = load_dataset(buf.getvalue(), "tiny.zip")
    xlsx = tmp_path / "tiny.xlsx"
    with pd.ExcelWriter(xlsx) as w:
        for name, frame in ref.tables().items():
            frame.to_excel(w, sheet_name=name, index=False)
    from_xlsx = load_dataset(xlsx)
    for other in (from_zip, from_xlsx):
        for name, frame in ref.tables().items():
            pd.testing.assert_frame_equal(frame, other.tables()[name], check_dtype=False, obj=name)


def test_garbage_files_are_reported_not_raised(tmp_path):
    assert "not a valid ZIP" in validate_source(b"not a zip", "x.zip")[0].message
    assert "cannot be read" in validate_source(b"not a workbook", "x.xlsx")[0].message
    assert "not a CSV, ZIP or XLSX" in validate_source(b"", "x.pdf")[0].message
    assert "does not exist" in validate_source(tmp_path / "nope")[0].message


def test_round_trip_through_a_folder(tmp_path):
    ref = load_dataset(TINY)
    back = load_dataset(ref.to_folder(tmp_path / "out"))
    for name, frame in ref.tables().items():
        pd.testing.assert_frame_equal(frame, back.tables()[name], check_dtype=False, obj=name)
