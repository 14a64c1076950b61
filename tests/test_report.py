"""Report cells are never executed by a spreadsheet; numbers stay numbers."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pandas as pd

from foodchain.report import report_xlsx, report_zip, safe_cell, safe_frame


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
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(tables)))
    assert book.sheetnames == ["by_zone", "summary"]
    sheet = book["by_zone"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("'=")
    assert sheet["B2"].value == -2.0 and sheet["B2"].data_type == "n"


def test_zip_report_escapes_csv_cells():
    archive = zipfile.ZipFile(io.BytesIO(report_zip({"by_zone": pd.DataFrame({"name": ["@x"], "t": [1.0]})})))
    text = archive.read("by_zone.csv").decode("utf-8-sig")
    assert text.split("\r\n") == ["name,t", "'@x,1.0", ""]
