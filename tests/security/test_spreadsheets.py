"""Point 4 of issue 13: every file meant for a spreadsheet is inert; numbers are unchanged.

Outputs are read back as a spreadsheet would: XLSX with openpyxl, CSV with the csv module.
"""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from foodchain.ingest import dataset_xlsx, dataset_zip, table_csv
from foodchain.report import report_xlsx, report_zip

PAYLOADS = [
    '=HYPERLINK("http://x","klik")',
    "@SUM(1)",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "Banjir\r=cmd|' /C calc'!A0",
    "Banjir\n=cmd|' /C calc'!A0",
]
TEXT = PAYLOADS + ["Pasar Induk", "-6.2", "+62"]  # the last two are numbers written as text: left as they are


def tables() -> dict[str, pd.DataFrame]:
    n = len(TEXT)
    return {
        "nodes": pd.DataFrame({"name": TEXT, "value_t": [-1.5 * i for i in range(n)], "rank": list(range(n))}),
        "=evil": pd.DataFrame({"=col": ["@x"], "n": [3]}),
    }


def inert(text: str) -> bool:
    """A spreadsheet shows this cell as text: it does not start a formula."""
    return not text.startswith(("=", "+", "-", "@", "\t", "\r")) or text in ("-6.2", "+62")


def check_rows(rows: list[list[str]], columns: tuple = ("name", "value_t", "rank")) -> None:
    header, *body = rows
    assert header == list(columns)
    assert len(body) == len(TEXT), "a CR or LF inside a cell must not start a new row"
    for i, (name, value, rank) in enumerate(body):
        assert inert(name), name
        assert name.lstrip("'") == TEXT[i]
        assert float(value) == -1.5 * i and int(rank) == i


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


REPORT_HEADER = ("Name", "value_t", "Rank")  # a report is for people: result columns by their labels


@pytest.mark.parametrize("make", [report_zip, dataset_zip])
def test_zip_of_csvs(make):
    archive = zipfile.ZipFile(io.BytesIO(make(tables())))
    check_rows(
        csv_rows(archive.read("nodes.csv")), REPORT_HEADER if make is report_zip else ("name", "value_t", "rank")
    )
    assert csv_rows(archive.read("=evil.csv"))[1] == ["'@x", "3"]


def test_single_table_csv():
    check_rows(csv_rows(table_csv(tables()["nodes"])))


@pytest.mark.parametrize("make", [report_xlsx, dataset_xlsx])
def test_workbooks(make):
    book = openpyxl.load_workbook(io.BytesIO(make(tables())))
    rows = [[c.value for c in row] for row in book["nodes"].iter_rows()]
    for row in book["nodes"].iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    header = REPORT_HEADER if make is report_xlsx else ("name", "value_t", "rank")
    check_rows([[str(v).replace("_x000D_", "\r") for v in r] for r in rows], header)  # OOXML's escape of a CR
    assert all(isinstance(r[1], float | int) for r in rows[1:]), "numbers stay numbers"
    if make is report_xlsx:  # a report writes every table it is given; a dataset only the dataset's tables
        assert book.worksheets[1]["A1"].value == "'=col"
    else:
        assert book.sheetnames[:2] == ["nodes", "commodities"] and "=evil" not in book.sheetnames
