"""Limits on what a dataset may be, and bounded readers for the containers it comes in.

Every limit is stated in words in the problem that reports it. The readers count what
is really there, never what a file *declares*:

* a ZIP's entries are decompressed as a stream, counting real bytes against
  :data:`MAX_UNPACKED_BYTES` (headers that understate an entry's size do not help);
* an XLSX is read with openpyxl in read-only (streaming) mode, counting the rows and
  columns that hold values, never trusting the sheet's declared dimension (a single
  cell at ``XFD1048576`` does not make a 17-billion-cell sheet);
* a CSV is measured (rows, columns, duplicate headers, rows longer than the header)
  with the ``csv`` module before pandas builds a table from it.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from pathlib import Path

import pandas as pd

from foodchain.messages import msg, num
from foodchain.model.problems import WARNING, Problem

MB = 1_000_000
MAX_FILE_BYTES = 200 * MB  # one dataset file read from disk (CSV, ZIP, XLSX)
MAX_UNPACKED_BYTES = 200 * MB  # all tables of a ZIP or XLSX, decompressed
MAX_ROWS = 1_000_000  # rows of one table
MAX_COLUMNS = 200  # columns of one table
MAX_CELLS = 5_000_000  # rows x columns of one table (about 0.5 GB as text cells)
MAX_SHARED_STRINGS_BYTES = 50 * MB  # an XLSX's text cells, unpacked: openpyxl holds them all in memory
EXCEL_MAX_ROWS = 1_048_576  # the last row of a sheet: a row number beyond it is a damaged file
MAX_HORIZON_DAYS = 366  # days a scenario or a solve may cover: a (leap) year
MAX_FACTOR = 100.0  # a scenario factor multiplies capacity, supply or demand at most this much
MAX_VALUE = 1e15  # no quantity (t, t/day, Rp) in a dataset may be larger
MAX_SHELF_LIFE_DAYS = 36_500  # a hundred years: longer is "no limit" (leave it blank)
_CHUNK = 1 << 20


def problem(table: str, message: str, row: int | None = None, column: str | None = None) -> Problem:
    """An error about a whole file or table.

    Parameters
    ----------
    table : str
        The table or file.
    message : str
        The message.
    row, column : int or str, optional
        Where, if anywhere.

    Returns
    -------
    Problem
        An error.
    """
    return Problem(table, row, column, message)


def csv_shape_problems(text: str, sep: str, table: str) -> list[Problem]:
    """Rows, columns, duplicate headers and over-long rows of a CSV text, checked before parsing.

    A row with one more field than the header, that field blank (a trailing comma on
    every row, as some exports write), is only warned of; a longer row with values in
    the extra fields is an error, since those values would be silently dropped.

    Parameters
    ----------
    text : str
        The CSV text.
    sep : str
        Its separator.
    table : str
        The table's name.

    Returns
    -------
    list of Problem
        Errors beyond :data:`MAX_COLUMNS`, :data:`MAX_ROWS` or :data:`MAX_CELLS`; rows
        numbered as in the spreadsheet (header = row 1).
    """
    rows = csv.reader(io.StringIO(text), delimiter=sep)
    header = next(rows, [])
    if len(header) > MAX_COLUMNS:
        return [problem(table, msg("dataset.too_many_columns", table=table, count=len(header), limit=MAX_COLUMNS))]
    problems = _duplicate_headers([h.lstrip("\ufeff") for h in header], table)
    trailing, n = 0, 0
    for n, row in enumerate(rows, start=2):
        if n > MAX_ROWS + 1:
            return problems + [problem(table, msg("dataset.too_many_rows", table=table, limit=num(MAX_ROWS)))]
        if (n - 1) * len(header) > MAX_CELLS:
            return problems + [problem(table, msg("dataset.too_many_cells", table=table, limit=num(MAX_CELLS)))]
        if len(row) > len(header):
            if any(v.strip() for v in row[len(header) :]):
                message = msg("dataset.row_too_long", count=len(row), header=len(header))
                problems.append(problem(table, message, n))
            else:
                trailing += 1
    if trailing:
        problems.append(Problem(table, None, None, msg("dataset.trailing_values", count=trailing), WARNING))
    return problems


def zip_tables(data: bytes, tables: list[str], label: str = "ZIP") -> tuple[dict[str, bytes], list[Problem]]:
    """The bytes of ``<table>.csv`` for each table found in a ZIP, read as a bounded stream.

    Entries are matched by file name in any folder; two entries with the same table
    name (``nodes.csv`` and ``old/nodes.csv``) are an error rather than a silent choice.

    Parameters
    ----------
    data : bytes
        The ZIP.
    tables : list of str
        The tables to look for.
    label : str, default "ZIP"
        How messages name the file.

    Returns
    -------
    tables : dict of str to bytes
        Empty on a problem.
    problems : list of Problem
        Also when the unpacked size exceeds :data:`MAX_UNPACKED_BYTES`.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return {}, [problem("dataset", msg("dataset.zip_invalid", label=label))]
    found: dict[str, list[zipfile.ZipInfo]] = {}
    for info in infos:
        name = Path(info.filename).name
        if info.is_dir() or name.startswith((".", "~$")) or "__MACOSX" in info.filename:
            continue
        found.setdefault(name.lower(), []).append(info)
    problems = [
        problem(
            table,
            msg(
                "dataset.zip_twice",
                table=table,
                count=len(found[f"{table}.csv"]),
                names=", ".join(i.filename for i in found[f"{table}.csv"]),
            ),
        )
        for table in tables
        if len(found.get(f"{table}.csv", [])) > 1
    ]
    if problems:
        return {}, problems
    out, budget = {}, MAX_UNPACKED_BYTES
    for table in tables:
        if f"{table}.csv" in found:
            info = found[f"{table}.csv"][0]
            chunks, _, problems = _unpack(archive, info, budget, label)
            if problems:
                return {}, problems
            out[table] = b"".join(chunks)
            budget -= len(out[table])
    return out, []


def _unpack(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, label: str, keep: bool = True
) -> tuple[list[bytes], int, list]:
    """One entry decompressed in 1 MB chunks (kept only if ``keep``), its real size, and problems;
    stops as soon as more than ``budget`` bytes came out."""
    chunks, size = [], 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > budget:
                    return (
                        [],
                        size,
                        [
                            problem(
                                "dataset",
                                msg(
                                    "dataset.unpacked_too_big",
                                    label=label,
                                    entry=info.filename,
                                    limit=num(MAX_UNPACKED_BYTES / MB),
                                ),
                            )
                        ],
                    )
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        detail = str(exc).splitlines()[0][:100] if str(exc) else type(exc).__name__
        damaged = msg("dataset.damaged", label=label, entry=info.filename, detail=detail)
        return [], size, [problem("dataset", damaged)]
    return chunks, size, []


def check_unpacked_size(data: bytes, label: str) -> list[Problem]:
    """Decompress every entry of a ZIP-based file (an XLSX) as a stream, counting real bytes.

    Parameters
    ----------
    data : bytes
        The file.
    label : str
        How messages name the file.

    Returns
    -------
    list of Problem
        An error when it is not a ZIP, unpacks beyond :data:`MAX_UNPACKED_BYTES`, or its shared
        strings exceed :data:`MAX_SHARED_STRINGS_BYTES`.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        return [problem("dataset", msg("dataset.workbook_not_zip", label=label))]
    budget = MAX_UNPACKED_BYTES
    for info in infos:
        _, size, problems = _unpack(archive, info, budget, label, keep=False)
        if problems:
            return problems
        if info.filename.lower().endswith("sharedstrings.xml") and size > MAX_SHARED_STRINGS_BYTES:
            limit = num(MAX_SHARED_STRINGS_BYTES / MB)
            message = msg("dataset.workbook_text_too_big", label=label, size=num(size / MB, 0), limit=limit)
            return [problem("dataset", message)]
        budget -= size
    return []


def xlsx_tables(data: bytes, tables: list[str], label: str = "workbook") -> tuple[dict[str, pd.DataFrame], list]:
    """The sheets named after ``tables`` as raw frames of Excel values, read in streaming mode.

    Only rows that hold a value become rows; the frame's index keeps each row's place
    in the sheet (spreadsheet row = index + 2, as for a CSV). More than
    :data:`MAX_ROWS` rows or a value beyond column :data:`MAX_COLUMNS` is an error.

    Parameters
    ----------
    data : bytes
        The workbook.
    tables : list of str
        The sheet names to read (matched ignoring case and spaces around).
    label : str, default "workbook"
        How messages name the file.

    Returns
    -------
    tables : dict of str to pandas.DataFrame
        Empty on a problem.
    problems : list of Problem
    """
    import openpyxl

    problems = check_unpacked_size(data, label)
    if problems:
        return {}, problems
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        return {}, [problem("dataset", msg("dataset.workbook_unreadable", label=label, detail=type(exc).__name__))]
    out: dict[str, pd.DataFrame] = {}
    try:
        by_name = {name.strip().lower(): name for name in book.sheetnames}
        for table in tables:
            if table in by_name:
                frame, problems = _sheet_frame(book[by_name[table]], table)
                if problems:
                    return {}, problems
                out[table] = frame
    except Exception as exc:  # a damaged sheet fails while it is streamed
        return {}, [problem("dataset", msg("dataset.workbook_unreadable", label=label, detail=type(exc).__name__))]
    finally:
        book.close()
    return out, []


def _sheet_frame(sheet, table: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """One read-only sheet as a frame: header = first row with a value."""
    sheet.reset_dimensions()  # ignore the declared <dimension>: count what is there
    header, rows, index = None, [], []
    for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):  # gaps come as empty rows
        if n > EXCEL_MAX_ROWS or len(rows) > MAX_ROWS:
            return None, [problem(table, msg("dataset.sheet_too_many_rows", table=table, limit=num(MAX_ROWS)))]
        if len(rows) * len(header or ()) > MAX_CELLS:
            return None, [problem(table, msg("dataset.sheet_too_many_cells", table=table, limit=num(MAX_CELLS)))]
        cells = list(values)
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            return None, [
                problem(
                    table,
                    msg("dataset.sheet_too_wide", table=table, column=len(cells), row=n, limit=MAX_COLUMNS),
                )
            ]
        if not cells:
            continue
        if header is None:
            header = cells
            continue
        rows.append(cells)
        index.append(n - 2)  # spreadsheet row = index + 2
    if header is None:
        return pd.DataFrame(), []
    width = max([len(header)] + [len(r) for r in rows])
    names = [
        str(h) if h is not None else f"Unnamed: {i}" for i, h in enumerate(header + [None] * (width - len(header)))
    ]
    dup = _duplicate_headers(names, table)
    if dup:
        return None, dup
    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], columns=names, index=index, dtype=object)
    return frame, []


def _duplicate_headers(names: list[str], table: str) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(names, start=1):
        key = name.strip().lower()
        if key and key in seen:
            out.append(problem(table, msg("dataset.duplicate_header", name=name.strip(), first=seen[key], second=i), 1))
        seen.setdefault(key, i)
    return out
