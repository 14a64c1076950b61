"""Point 2 of issue 13: tiny hostile files stay under 1 GB and 10 s, each refused in one line (exit 2).

Each case runs ``foodchain`` in a subprocess whose address space is limited to 1 GiB
(``resource.setrlimit(RLIMIT_AS)``): before the fix each of them needed 1.6 to 24 GB.
"""

from __future__ import annotations

import csv
import json
import re
import struct
import zipfile

import openpyxl
import pytest

from tests.conftest import TINY
from tests.security.hostile import foodchain, refused

MB = 1_000_000


def test_xlsx_with_one_cell_at_xfd1048576(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "nodes"
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = "node_id", "kind", "A", "hub"
    sheet["XFD1048576"] = "x"
    path = tmp_path / "wide.xlsx"
    book.save(path)
    assert path.stat().st_size < 20_000
    refused(foodchain("validate", path), "sheet 'nodes' has a value in column 16384", "the limit is 200 columns")


def test_xlsx_rows_are_counted_not_declared(tmp_path):
    """A sheet whose <dimension> claims A1:XFD1048576 but holds a normal table reads normally."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for file in sorted(TINY.glob("*.csv")):
        sheet = book.create_sheet(file.stem)
        for row in csv.reader(file.read_text().splitlines()):
            sheet.append(row)
    path = tmp_path / "tiny.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name], n = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data, count=1)
            assert n == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    run = foodchain("validate", path)
    assert run.code == 0 and "is valid" in run.out, run.out + run.err


def _zip_with_sizes_understated(path, name: str, size: int) -> None:
    """A ZIP whose ``name`` holds ``size`` bytes but whose headers say 100."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for file in TINY.glob("*.csv"):
            if file.name != name:
                z.write(file, file.name)
        with z.open(name, "w", force_zip64=False) as stream:
            stream.write(b"node_id,commodity,demand_t_per_day\n")
            block = b"MKT-NORTH,rice,1\n" * 60_000
            for _ in range(size // len(block)):
                stream.write(block)
    data = bytearray(path.read_bytes())
    marker = name.encode()
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(marker)] == marker:
                struct.pack_into("<I", data, at + size_at, 100)
            start = at + 4
    path.write_bytes(bytes(data))


def test_zip_whose_headers_understate_the_size(tmp_path):
    path = tmp_path / "bomb.zip"
    _zip_with_sizes_understated(path, "demand.csv", 300 * MB)
    assert path.stat().st_size < 5 * MB
    refused(foodchain("validate", path), "bomb.zip", "demand.csv cannot be unpacked")


def test_zip_that_unpacks_beyond_the_limit_is_counted_while_unpacking(tmp_path):
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for file in TINY.glob("*.csv"):
            if file.name != "stock.csv":
                z.write(file, file.name)
        with z.open("stock.csv", "w", force_zip64=True) as stream:
            block = b"x" * MB
            for _ in range(210):
                stream.write(block)
    refused(foodchain("validate", path), "big.zip", "unpacks to more than 200 MB", "the limit is 200 MB")


def test_a_damaged_zip_is_one_line(tmp_path):
    path = tmp_path / "cut.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for file in TINY.glob("*.csv"):
            z.write(file, file.name)
    path.write_bytes(path.read_bytes()[:-30])
    refused(foodchain("validate", path), "cut.zip", "is not a valid ZIP archive")


LAUGHS = "\n".join(
    ["name: lol", "horizon_days: 1", "disruptions: []", "notes:"]
    + [
        f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" if i else "  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
        for i in range(10)
    ]
)


def test_yaml_with_nested_aliases(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS)
    assert len(LAUGHS) < 1000
    refused(foodchain("solve", TINY, "--scenario", path, "--out", tmp_path / "o"), "laughs.yaml", "aliases")


def flood_doc(n_points: int) -> dict:
    ring = [[106.0 + i * 1e-7, -6.0] for i in range(n_points)] + [[106.0, -6.0]]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def test_inline_geojson_is_held_to_the_file_limit(tmp_path):
    doc = {"name": "big", "horizon_days": 1, "disruptions": [{"type": "flood", "features": [flood_doc(1_100_000)]}]}
    path = tmp_path / "inline.json"
    path.write_text(json.dumps(doc))
    assert path.stat().st_size > 20 * MB
    refused(foodchain("solve", TINY, "--scenario", path, "--out", tmp_path / "o"), "inline.json", "the limit is 20 MB")


def test_inline_features_in_a_document_are_held_to_the_file_limit():
    from foodchain.errors import InvalidScenario
    from foodchain.optimize.scenario import scenario_from_dict

    doc = {"name": "big", "horizon_days": 1, "disruptions": [{"type": "flood", "features": [flood_doc(1_100_000)]}]}
    with pytest.raises(InvalidScenario) as err:
        scenario_from_dict(doc)
    assert "the limit is 20 MB, as for a GeoJSON file" in err.value.problems[0].message


def test_deep_json_spec(tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text('{"corridors": ' + "[" * 50_000 + "]" * 50_000 + "}")
    run = foodchain("ensemble", TINY, "--spec", spec, "--runs", "2", "--seed", "1", "--out", tmp_path / "o")
    refused(run, "spec.json", "nested 50001 levels deep")


def test_a_csv_with_too_many_cells(tmp_path):
    path = tmp_path / "demand.csv"
    header = ",".join(["node_id", "commodity", "demand_t_per_day"] + [f"x{i}" for i in range(197)])
    row = ",".join(["MKT-NORTH", "rice", "1"] + ["1"] * 197)
    path.write_text(header + "\n" + "\n".join([row] * 25_001) + "\n")
    refused(foodchain("validate", path), "demand has more than 5,000,000 cells; the limit is 5,000,000")


def test_xlsx_text_cells_are_bounded_before_openpyxl_reads_them(tmp_path):
    path = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open("xl/sharedStrings.xml", "w") as stream:
        block = b"<si><t>a</t></si>" * 60_000
        for _ in range(55 * MB // len(block)):
            stream.write(block)
    refused(foodchain("validate", path), "strings.xlsx", "the limit is 50 MB")
