"""Reports: cells never executed by a spreadsheet, numbers stay numbers, names in the reader's language."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import numpy as np
import openpyxl
import pandas as pd
import pytest

from foodchain import load_scenario, solve
from foodchain.analysis.outcomes import report_tables
from foodchain.messages import use_language
from foodchain.model import columns
from foodchain.report import report_xlsx, report_zip, safe_cell, safe_frame
from tests.conftest import SCENARIOS


def test_safe_cell_escapes_formula_starts_only_in_text():
    for text in ["=1+1", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "\tx", "\rx", "-", "+"]:
        assert safe_cell(text) == "'" + text
    for number in ["-1", "+62", "-6.2", "1e3", "-.5"]:  # text that is exactly a number is a number
        assert safe_cell(number) == number
    assert safe_cell("Pasar Induk") == "Pasar Induk"
    assert safe_cell(-3.5) == -3.5 and safe_cell(7) == 7 and safe_cell(None) is None


def test_safe_frame_keeps_numbers_numeric():
    frame = pd.DataFrame({"name": ['=HYPERLINK("x")', "ok"], "shortfall_t": [-1.5, 2.0]})
    out = safe_frame(frame)
    assert out["name"].tolist() == ['\'=HYPERLINK("x")', "ok"]
    assert out["shortfall_t"].tolist() == [-1.5, 2.0]


def test_xlsx_report_one_sheet_per_table_and_no_formulas():
    tables = {
        "by_zone": pd.DataFrame({"name": ["=cmd|' /C calc'!A0"], "t": [-2.0]}),
        "summary": pd.DataFrame({"a": [1]}),
    }
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables, "en")))
    assert book.sheetnames == ["By zone", "summary"]
    sheet = book["By zone"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("'=")
    assert sheet["B2"].value == -2.0 and sheet["B2"].data_type == "n"


def test_zip_report_escapes_csv_cells():
    archive = zipfile.ZipFile(io.BytesIO(report_zip({"by_zone": pd.DataFrame({"name": ["@x"], "t": [1.0]})}, "en")))
    text = archive.read("By zone.csv").decode("utf-8-sig")
    assert text.split("\r\n") == ["Name,t", "'@x,1.0", ""]


@pytest.fixture(scope="module")
def report(tiny):
    result = solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"))
    return result, report_tables(tiny, result)


def _sheet(book, title: str) -> pd.DataFrame:
    rows = [[c.value for c in row] for row in book[title].iter_rows()]
    return pd.DataFrame(rows[1:], columns=rows[0])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_workbook_names_sheets_and_headers_in_the_language_and_keeps_the_values(report, lang):
    _, tables = report
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables, lang)))
    assert book.sheetnames == [columns.title(name, lang) for name in tables]
    for name, frame in tables.items():
        sheet = _sheet(book, columns.title(name, lang))
        assert list(sheet.columns) == [columns.label(c, lang) for c in frame.columns], name
        for column, label in zip(frame.columns, sheet.columns):
            if pd.api.types.is_float_dtype(frame[column]):
                got = pd.to_numeric(sheet[label]).to_numpy(dtype=float)
                np.testing.assert_allclose(got, frame[column].to_numpy(dtype=float), equal_nan=True, err_msg=name)
    zone = book[columns.title("by_zone", lang)]
    share = [c for c in zone[1] if c.value == columns.label("share_unmet", lang)][0]
    cell = zone.cell(row=2, column=share.column)
    assert cell.data_type == "n" and cell.number_format == "0.0%"  # 0.25 shown as 25.0 %, still 0.25


def test_summary_sheet_in_words(report):
    result, tables = report
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables, "id")))
    summary = {row[0]: row[1:] for row in _sheet(book, "Ringkasan").itertuples(index=False)}
    value, about = summary["Total kekurangan (t)"]
    assert value == pytest.approx(result.summary()["total_shortfall_t"]) and about.startswith("kekurangan semua hari")
    assert summary["Pandangan sempurna"][0] == "ya" and summary["Ambang terdampak (%)"][0] == "10%"
    assert "sedikitnya 10%" in summary["Siapa yang terdampak"][0]
    english = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables, "en")))
    assert _sheet(english, "Summary").iloc[0].tolist()[:2] == ["Status", "optimal"]


def test_zip_for_people_in_bahasa_reads_back_as_the_same_numbers(report):
    _, tables = report
    archive = zipfile.ZipFile(io.BytesIO(report_zip(tables, "id")))
    assert sorted(archive.namelist()) == sorted(f"{columns.title(n, 'id')}.csv" for n in tables)
    text = archive.read("Per zona.csv").decode("utf-8-sig")
    assert text.startswith("Id tempat;Nama;Wilayah;Permintaan (t);Kekurangan (t);Tak terpenuhi (0-1);")
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    frame = tables["by_zone"]
    np.testing.assert_allclose(back["Kekurangan (t)"], frame["shortfall_t"])
    np.testing.assert_allclose(back["Tak terpenuhi (0-1)"], frame["share_unmet"])
    people = pd.read_csv(io.StringIO(archive.read("Penduduk terdampak.csv").decode("utf-8-sig")), sep=";")
    assert "semua komoditas" in set(people["Komoditas"]) and "any" not in set(people["Komoditas"])


def test_zip_for_people_in_english_and_raw_solve_tables_unchanged(report, tmp_path):
    result, tables = report
    archive = zipfile.ZipFile(io.BytesIO(report_zip(tables, "en")))
    text = archive.read("Shortfall by place.csv").decode("utf-8-sig")
    assert text.startswith("Place id,Commodity,Day,Demand (t),Delivered (t),Shortfall (t)\r\n")
    back = pd.read_csv(io.StringIO(text))
    np.testing.assert_allclose(back["Shortfall (t)"], result.shortfall["shortfall_t"])
    result.write(tmp_path)  # what `solve --out` writes: data for programs, English and unchanged
    raw = (tmp_path / "shortfall.csv").read_text().splitlines()[0]
    assert raw == "node_id,commodity,day,demand_t,delivered_t,shortfall_t"


def test_language_defaults_to_the_readers(report):
    _, tables = report
    with use_language("id"):
        book = openpyxl.load_workbook(io.BytesIO(report_xlsx({"by_day": tables["by_day"]})))
    assert book.sheetnames == ["Per hari"]


def test_days_get_their_dates_in_the_language_when_day_one_has_a_date(tiny):
    result = replace(solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json")), start_date="2020-01-01")
    tables = report_tables(tiny, result)
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables, "id")))
    by_day = book["Per hari"]
    assert [c.value for c in by_day[1]][:3] == ["Hari", "Tanggal", "Komoditas"]
    assert [by_day["B2"].value, by_day["A2"].value] == ["Rab, 1 Jan 2020", 1]
    assert by_day["F2"].number_format == "0.0%" and by_day["F2"].value == tables["by_day"]["share_unmet"].iloc[0]
    summary = {row[0]: row[1] for row in _sheet(book, "Ringkasan").itertuples(index=False)}
    assert summary["Tanggal hari 1"] == "Rab, 1 Jan 2020"
    archive = zipfile.ZipFile(io.BytesIO(report_zip(tables, "en")))
    assert archive.read("By day.csv").decode("utf-8-sig").splitlines()[1].startswith('1,"Wed, 1 Jan 2020",')
