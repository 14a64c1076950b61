"""The XLSX template and dataset download: numbers as numbers, header comments, a kind drop-down."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from pandas.testing import assert_frame_equal

from foodchain.ingest import dataset_xlsx
from foodchain.model.dataset import load_dataset
from foodchain.model.schema import TABLES, spec_frame


def test_download_writes_numbers_as_numbers_and_reads_back_equal(tiny):
    data = dataset_xlsx(tiny.tables())
    book = openpyxl.load_workbook(io.BytesIO(data))
    routes = book["routes"]
    header = [c.value for c in routes[1]]
    row = {h: c.value for h, c in zip(header, routes[2])}
    assert isinstance(row["capacity_t_per_day"], int | float) and row["capacity_t_per_day"] == 80
    assert isinstance(row["route_id"], str)
    back = load_dataset(data, "dataset.xlsx")
    for name, frame in tiny.tables().items():
        assert_frame_equal(getattr(back, name), frame, check_exact=True)


def test_every_header_has_a_comment_in_both_languages_and_kind_has_a_drop_down(tiny):
    book = openpyxl.load_workbook(io.BytesIO(dataset_xlsx(None, lang="en")))
    assert book.sheetnames == ["nodes", "commodities", "routes", "supply", "demand", "stock", "Help", "Petunjuk"]
    stock = book["stock"]
    comment = stock["C1"].comment.text
    assert stock["C1"].value == "initial_t" and "[t]" in comment and "ID: stok" in comment and "EN: stock" in comment
    for sheet in book.worksheets[:6]:
        assert all(cell.comment is not None for cell in sheet[1]), sheet.title
    lists = [dv for dv in book["nodes"].data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"source,hub,market"'] and str(lists[0].sqref).startswith("B2")


def _help(book, title: str) -> pd.DataFrame:
    rows = list(book[title].iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def test_help_sheets_in_both_languages_cover_every_column_chosen_language_first():
    book = openpyxl.load_workbook(io.BytesIO(dataset_xlsx(None, lang="id")))
    assert book.sheetnames[6:] == ["Petunjuk", "Help"]
    bahasa, english = _help(book, "Petunjuk"), _help(book, "Help")
    assert list(bahasa.columns) == ["Tabel", "Kolom", "Wajib", "Tipe", "Satuan", "Bawaan", "Arti"]
    assert list(english.columns) == ["Table", "Column", "Required", "Type", "Unit", "Default", "Meaning"]
    every = [(table, c.name) for table, specs in TABLES.items() for c in specs]
    for frame in (bahasa, english):
        assert list(zip(frame.iloc[:, 0], frame.iloc[:, 1])) == every
        assert frame.iloc[:, 6].map(lambda text: bool(text and text.strip())).all()
    routes = bahasa[bahasa["Tabel"] == "routes"].set_index("Kolom")
    assert routes.loc["capacity_t_per_day", ["Wajib", "Tipe", "Satuan"]].tolist() == ["tidak", "angka", "t/hari"]
    assert routes.loc["route_id", "Wajib"] == "ya" and routes.loc["origin", "Arti"] == "tempat asal rute"
    supply = english[english["Table"] == "supply"].set_index("Column")
    assert supply.loc["cost_per_t", ["Required", "Type", "Unit", "Meaning"]].tolist() == [
        "no",
        "number",
        "Rp/t",
        "purchase cost",
    ]


def test_every_input_column_has_a_meaning_in_bahasa_distinct_from_the_english():
    for table, specs in TABLES.items():
        for spec in specs:
            assert spec.meaning("id").strip() and spec.meaning("id") != spec.description, (table, spec.name)
    assert spec_frame("stock", "id")["required"].tolist() == ["ya", "ya", "ya"]
    assert spec_frame("stock", "en")["meaning"].tolist()[2] == "stock on hand at the start of day 1"


def test_the_workbook_with_help_sheets_reads_back_as_the_dataset(tiny):
    back = load_dataset(dataset_xlsx(tiny.tables(), lang="id"), "dataset.xlsx")
    assert_frame_equal(back.routes, tiny.routes, check_exact=True)
