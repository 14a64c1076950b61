"""Read a dataset's tables from a folder of CSVs, a ``.zip`` of them or an ``.xlsx`` workbook.

Reading gives *raw* tables: every cell a string, exactly as the user wrote it, so that
validation can report each bad cell with its row and column. Byte-order marks, ``;``
separators with decimal commas (as Indonesian-locale spreadsheets write them) and stray
spaces are handled here and reported as warnings.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from foodchain.errors import InvalidInput
from foodchain.model.limits import MAX_FILE_BYTES, csv_shape_problems, xlsx_tables, zip_tables
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.model.schema import TABLES
from foodchain.safe_read import read_regular_file

RawTables = dict[str, pd.DataFrame]


def read_raw(source: str | Path | bytes, filename: str | None = None) -> tuple[RawTables, list[Problem]]:
    """Read every known table found in ``source``.

    ``source`` is a folder, a ``.csv``, ``.zip`` or ``.xlsx`` path, or the bytes of an
    upload (then ``filename`` tells its type). A single CSV is one table named after
    the file (``routes.csv`` -> ``routes``). Unknown files are ignored. Returns the raw
    tables (all cells ``str``, blanks as ``""``) and the problems met while reading.
    """
    if isinstance(source, (bytes, bytearray)):
        return _read_bytes(bytes(source), filename or "upload")
    path = Path(source)
    if not path.exists():
        return {}, [Problem("dataset", None, None, f"'{path.name}' does not exist")]
    if path.is_dir():
        tables, problems = {}, []
        for table in TABLES:
            file = path / f"{table}.csv"
            if file.exists() or file.is_symlink():
                data, probs = read_file_bounded(file, table)
                frame, more = read_csv_bytes(data, table) if data is not None else (pd.DataFrame(), [])
                tables[table], problems = frame, problems + probs + more
        return tables, problems
    data, problems = read_file_bounded(path, "dataset")
    return _read_bytes(data, path.name) if data is not None else ({}, problems)


def read_file_bounded(path: Path, table: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most 200 MB, or ``None`` and the problem."""
    try:
        return read_regular_file(path, MAX_FILE_BYTES, table), []
    except InvalidInput as exc:
        return None, exc.problems


def _read_bytes(data: bytes, filename: str) -> tuple[RawTables, list[Problem]]:
    name = filename.lower()
    if name.endswith(".zip"):
        return _read_zip(data, filename)
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, filename)
    if name.endswith(".csv"):
        table = Path(name).stem
        if table not in TABLES:
            known = ", ".join(f"{t}.csv" for t in TABLES)
            return {}, [Problem(table, None, None, f"'{filename}' is not one of the tables ({known})")]
        frame, problems = read_csv_bytes(data, table)
        return {table: frame}, problems
    return {}, [Problem("dataset", None, None, f"'{filename}' is not a CSV, ZIP or XLSX file")]


def read_csv_bytes(data: bytes, table: str) -> tuple[pd.DataFrame, list[Problem]]:
    """One CSV table as raw strings; handles a BOM, ``;`` separators and decimal commas."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(table, None, None, "file is not UTF-8; read it as Windows-1252", WARNING))
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    shape = csv_shape_problems(text, sep, table)
    if errors(shape):
        return pd.DataFrame(), shape
    problems += shape
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=False,
            quoting=csv.QUOTE_MINIMAL,
            index_col=False,  # a trailing ',' on every row must not turn the first column into the index
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else "no columns"
        return pd.DataFrame(), [Problem(table, None, None, f"cannot be read as CSV: {detail}")]
    if sep == ";":
        problems.append(Problem(table, None, None, "separated by ';' instead of ','; read it that way", WARNING))
        frame = _decimal_commas(frame)
    return _tidy(frame, table, problems)


def _decimal_commas(frame: pd.DataFrame) -> pd.DataFrame:
    """In a ``;``-separated file, ``1234,5`` means 1234.5: convert cells that are numbers so."""
    pattern = r"^-?\d+(\.\d{3})*(,\d+)?$|^-?\d+,\d+$"
    for col in frame.columns:
        values = frame[col].astype(str).str.strip()
        mask = values.str.match(pattern) & values.str.contains(",")
        frame.loc[mask, col] = values[mask].str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return frame


def _tidy(frame: pd.DataFrame, table: str, problems: list[Problem]) -> tuple[pd.DataFrame, list[Problem]]:
    """Strip spaces around headers and cells (one warning per column), drop blank rows.

    The index keeps each row's position in the file: spreadsheet row = index + 2.
    """
    frame = frame.copy()
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    for col in frame.columns:
        values = frame[col].astype(str)
        stripped = values.str.strip()
        changed = int((stripped != values).sum())
        if changed:
            problems.append(Problem(table, None, col, f"removed spaces around {changed} cell(s)", WARNING))
        frame[col] = stripped
    if len(frame.columns):
        frame = frame[~(frame == "").all(axis=1)]  # the index keeps each row's position
    return frame, problems


def _read_zip(data: bytes, filename: str) -> tuple[RawTables, list[Problem]]:
    contents, problems = zip_tables(data, list(TABLES), filename)  # streamed, real bytes counted
    tables = {}
    for table, raw in contents.items():
        frame, probs = read_csv_bytes(raw, table)
        tables[table], problems = frame, problems + probs
    if not tables and not errors(problems):
        problems.append(Problem("dataset", None, None, "the ZIP holds none of the tables (nodes.csv, routes.csv, ...)"))
    return tables, problems


def _read_xlsx(data: bytes, filename: str) -> tuple[RawTables, list[Problem]]:
    sheets, problems = xlsx_tables(data, list(TABLES), filename)  # read-only streaming, rows and columns counted
    if errors(problems):
        return {}, problems
    tables = {}
    for table, frame in sheets.items():
        frame = frame.map(lambda v: "" if v is None else _excel_cell(v))
        tables[table], problems = _tidy(frame, table, problems)
    if not tables:
        names = ", ".join(TABLES)
        problems.append(Problem("dataset", None, None, f"the workbook has none of the sheets {names}"))
    return tables, problems


def _excel_cell(value: object) -> str:
    """Excel gives integral numbers as ``12.0``; ids like ``1001`` should stay ``1001``."""
    text = str(value)
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


def write_dataset(tables: dict[str, pd.DataFrame], folder: str | Path) -> Path:
    """Write tables as ``<table>.csv`` files in ``folder`` (created if needed)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for table, frame in tables.items():
        frame.to_csv(out / f"{table}.csv", index=False)
    return out
