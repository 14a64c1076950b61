"""Read a dataset's tables from a folder of CSVs, a ``.zip`` of them or an ``.xlsx`` workbook.

Reading gives *raw* tables: every cell a string, exactly as the user wrote it, so that
validation can report each bad cell with its row and column. Byte-order marks, ``;``
separators with decimal commas (as Indonesian-locale spreadsheets write them) and stray
spaces are handled here and reported as warnings.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd

from foodchain.model.problems import WARNING, Problem
from foodchain.model.schema import TABLES

MAX_UNPACKED_BYTES = 200 * 1024 * 1024

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
            if file.exists():
                frame, probs = read_csv_bytes(file.read_bytes(), table)
                tables[table], problems = frame, problems + probs
        return tables, problems
    return _read_bytes(path.read_bytes(), path.name)


def _read_bytes(data: bytes, filename: str) -> tuple[RawTables, list[Problem]]:
    name = filename.lower()
    if name.endswith(".zip"):
        return _read_zip(data)
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data)
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
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=False,
            quoting=csv.QUOTE_MINIMAL,
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


def _read_zip(data: bytes) -> tuple[RawTables, list[Problem]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return {}, [Problem("dataset", None, None, "the file is not a valid ZIP archive")]
    members = {
        Path(i.filename).name.lower(): i
        for i in archive.infolist()
        if not i.is_dir() and not Path(i.filename).name.startswith((".", "~$")) and "__MACOSX" not in i.filename
    }
    if sum(i.file_size for i in members.values()) > MAX_UNPACKED_BYTES:
        return {}, [Problem("dataset", None, None, "the ZIP unpacks to more than 200 MB; split it")]
    tables, problems = {}, []
    for table in TABLES:
        info = members.get(f"{table}.csv")
        if info is not None:
            frame, probs = read_csv_bytes(archive.read(info), table)
            tables[table], problems = frame, problems + probs
    if not tables:
        problems.append(Problem("dataset", None, None, "the ZIP holds none of the tables (nodes.csv, routes.csv, ...)"))
    return tables, problems


def _read_xlsx(data: bytes) -> tuple[RawTables, list[Problem]]:
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        return {}, [Problem("dataset", None, None, f"the workbook cannot be read: {type(exc).__name__}")]
    tables, problems = {}, []
    by_name = {name.strip().lower(): frame for name, frame in sheets.items()}
    for table in TABLES:
        if table in by_name:
            frame = by_name[table].map(_excel_cell)
            tables[table], problems = _tidy(frame, table, problems)[0], problems
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
