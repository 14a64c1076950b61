"""The XLSX template and dataset download: numbers as numbers, header comments, a kind drop-down."""

from __future__ import annotations

import io

import openpyxl
from pandas.testing import assert_frame_equal

from foodchain.ingest import dataset_xlsx
from foodchain.model.dataset import load_dataset


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
    book = openpyxl.load_workbook(io.BytesIO(dataset_xlsx(None)))
    assert book.sheetnames == ["nodes", "commodities", "routes", "supply", "demand", "stock"]
    stock = book["stock"]
    comment = stock["C1"].comment.text
    assert stock["C1"].value == "initial_t" and "[t]" in comment and "ID: stok" in comment and "EN: stock" in comment
    for sheet in book:
        assert all(cell.comment is not None for cell in sheet[1]), sheet.title
    lists = [dv for dv in book["nodes"].data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"source,hub,market"'] and str(lists[0].sqref).startswith("B2")
