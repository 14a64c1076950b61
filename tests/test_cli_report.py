"""``foodchain solve --report FILE`` writes the report for people in the ``--lang`` language."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from foodchain.cli import main
from foodchain.messages import set_language
from foodchain.model import columns
from tests.conftest import SCENARIOS, TINY

SCENARIO = str(SCENARIOS / "tiny_west_toll_closed.json")


@pytest.fixture(autouse=True)
def reset_language():
    yield
    set_language(None)  # main() sets the language of this thread: leave it as other tests expect


def test_report_xlsx_in_bahasa_beside_english_solve_tables(tmp_path):
    out, report = tmp_path / "out", tmp_path / "laporan.xlsx"
    args = ["solve", str(TINY), "--scenario", SCENARIO, "--out", str(out), "--report", str(report), "--lang", "id"]
    assert main(args) == 0
    book = openpyxl.load_workbook(report)
    assert book.sheetnames[:3] == ["Ringkasan", "Per komoditas", "Per zona"]
    zone = [c.value for c in book["Per zona"][1]]
    assert zone[:5] == ["Id tempat", "Nama", "Wilayah", "Permintaan (t)", "Kekurangan (t)"]
    header = (out / "shortfall.csv").read_text().splitlines()[0]
    assert header == ",".join(columns.table_columns("shortfall"))


def test_report_zip_in_english(tmp_path):
    report = tmp_path / "report.zip"
    args = ["solve", str(TINY), "--scenario", SCENARIO, "--out", str(tmp_path / "o"), "--report", str(report)]
    assert main([*args, "--lang", "en"]) == 0
    archive = zipfile.ZipFile(io.BytesIO(report.read_bytes()))
    text = archive.read("By commodity.csv").decode("utf-8-sig")
    assert text.splitlines()[0] == "Commodity,Demand (t),Delivered (t),Shortfall (t),Unmet (0-1)"
    assert text.splitlines()[2].startswith("rice,300.0,260.0")


def test_a_report_that_is_neither_xlsx_nor_zip_is_refused_before_solving(tmp_path, capsys):
    out = tmp_path / "out"
    args = ["solve", str(TINY), "--out", str(out), "--report", str(tmp_path / "r.pdf"), "--lang", "id"]
    assert main(args) == 2
    assert "harus berakhiran .xlsx" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "r.pdf").exists()
