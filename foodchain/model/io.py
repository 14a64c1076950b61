"""Read a dataset's tables from a folder of CSVs, a ``.zip`` of them or an ``.xlsx`` workbook.

Reading gives *raw* tables: every cell a string, exactly as the user wrote it, so that
validation can report each bad cell with its row and column. Byte-order marks, the
separator (``,`` ``;`` or tab: whichever yields the table's columns), stray spaces and the
number convention (``1,234.5`` or ``1.234,5``, see :mod:`foodchain.model.numbers`) are
handled here and reported as warnings.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from pathlib import Path

import pandas as pd

from foodchain.model.numbers import canonical, read_numbers
from foodchain.model.problems import WARNING, Problem
from foodchain.model.schema import TABLES

MAX_UNPACKED_BYTES = 200 * 1024 * 1024

RawTables = dict[str, pd.DataFrame]


def read_raw(
    source: str | Path | bytes, filename: str | None = None, numbers: str = "auto"
) -> tuple[RawTables, list[Problem]]:
    """Read every known table found in ``source``.

    ``source`` is a folder, a ``.csv``, ``.zip`` or ``.xlsx`` path, or the bytes of an
    upload (then ``filename`` tells its type). A single CSV is one table named after
    the file (``routes.csv`` -> ``routes``). Unknown files are ignored. Returns the raw
    tables (all cells ``str``, blanks as ``""``) and the problems met while reading.
    ``numbers`` is the number convention: ``auto``, ``en`` or ``id``.
    """
    if isinstance(source, (bytes, bytearray)):
        return _read_bytes(bytes(source), filename or "upload", numbers)
    path = Path(source)
    if not path.exists():
        return {}, [Problem("dataset", None, None, f"'{path.name}' does not exist")]
    if path.is_dir():
        tables, problems = {}, []
        for table in TABLES:
            file = path / f"{table}.csv"
            if file.exists():
                frame, probs = read_csv_bytes(file.read_bytes(), table, numbers)
                tables[table], problems = frame, problems + probs
        return tables, problems
    return _read_bytes(path.read_bytes(), path.name, numbers)


def _read_bytes(data: bytes, filename: str, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
    name = filename.lower()
    if name.endswith(".zip"):
        return _read_zip(data, numbers)
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, numbers)
    if name.endswith(".csv"):
        table = Path(name).stem
        if table not in TABLES:
            known = ", ".join(f"{t}.csv" for t in TABLES)
            return {}, [Problem(table, None, None, f"'{filename}' is not one of the tables ({known})")]
        frame, problems = read_csv_bytes(data, table, numbers)
        return {table: frame}, problems
    return {}, [Problem("dataset", None, None, f"'{filename}' is not a CSV, ZIP or XLSX file")]


def read_csv_bytes(data: bytes, table: str, numbers: str = "auto") -> tuple[pd.DataFrame, list[Problem]]:
    """One CSV table as raw strings; handles a BOM, the separator and the number convention."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(table, None, None, "file is not UTF-8; read it as Windows-1252", WARNING))
    parsed = choose_separator(text, table)
    if isinstance(parsed, str):
        return pd.DataFrame(), [Problem(table, None, None, f"cannot be read as CSV: {parsed}")]
    sep, frame = parsed
    if sep != ",":
        name = "a tab" if sep == "\t" else f"'{sep}'"
        problems.append(Problem(table, None, None, f"separated by {name} instead of ','; read it that way", WARNING))
    frame, problems = _tidy(frame, table, problems)
    frame, number_problems = read_numbers(frame, table, numbers, sep)
    return frame, problems + number_problems


SEPARATORS = (",", ";", "\t")


def _parse_with(text: str, sep: str) -> pd.DataFrame:
    return pd.read_csv(
        io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skipinitialspace=False, quoting=csv.QUOTE_MINIMAL
    )


def choose_separator(text: str, table: str) -> tuple[str, pd.DataFrame] | str:
    """Parse ``text`` with each separator (``,`` ``;`` tab) and keep the one that yields the
    table's columns: all required ones first, then the most known ones, then the order above.

    A ``;`` inside a header or a quoted cell never flips a valid comma file. Returns
    ``(separator, frame)``, or the parser's complaint when no separator parses at all.
    """
    specs = TABLES[table]
    best, best_score, complaint = None, None, "no columns"
    for sep in SEPARATORS:
        try:
            frame = _parse_with(text, sep)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            complaint = str(exc).splitlines()[0] if str(exc) else "no columns"
            continue
        headers = {str(c).strip().lstrip("\ufeff").lower().replace(" ", "_") for c in frame.columns}
        score = (
            all(s.name in headers for s in specs if s.required),
            sum(s.name in headers for s in specs),
        )
        if best_score is None or score > best_score:
            best, best_score = (sep, frame), score
    return best if best is not None else complaint


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


def _read_zip(data: bytes, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
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
            frame, probs = read_csv_bytes(archive.read(info), table, numbers)
            tables[table], problems = frame, problems + probs
    if not tables:
        problems.append(Problem("dataset", None, None, "the ZIP holds none of the tables (nodes.csv, routes.csv, ...)"))
    return tables, problems


def _read_xlsx(data: bytes, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
    try:
        sheets = pd.read_excel(
            io.BytesIO(data), sheet_name=None, dtype=object, keep_default_na=False, engine="openpyxl"
        )
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        return {}, [Problem("dataset", None, None, f"the workbook cannot be read: {type(exc).__name__}")]
    tables, problems = {}, []
    by_name = {name.strip().lower(): frame for name, frame in sheets.items()}
    for table in TABLES:
        if table in by_name:
            tables[table], problems = _xlsx_table(by_name[table], table, numbers, problems)
    if not tables:
        names = ", ".join(TABLES)
        problems.append(Problem("dataset", None, None, f"the workbook has none of the sheets {names}"))
    return tables, problems


def _xlsx_table(
    sheet: pd.DataFrame, table: str, numbers: str, problems: list[Problem]
) -> tuple[pd.DataFrame, list[Problem]]:
    """A sheet as raw strings: number cells exactly, text cells (``35.000``) by the convention."""
    frame, problems = _tidy(sheet.map(_excel_cell), table, problems)
    is_text = sheet.map(lambda v: isinstance(v, str)).loc[frame.index].set_axis(frame.columns, axis=1)
    read, number_problems = read_numbers(frame.where(is_text, ""), table, numbers, ",")
    return frame.where(~is_text, read), problems + number_problems


def _excel_cell(value: object) -> str:
    """Excel gives integral numbers as ``12.0``; ids like ``1001`` should stay ``1001``."""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, float | int):
        return canonical(float(value)) if isinstance(value, float) else str(value)
    text = str(value)
    return text[:-2] if text.endswith(".0") and text[:-2].lstrip("-").isdigit() else text


def write_dataset(tables: dict[str, pd.DataFrame], folder: str | Path) -> Path:
    """Write tables as ``<table>.csv`` files in ``folder`` (created if needed)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for table, frame in tables.items():
        frame.to_csv(out / f"{table}.csv", index=False)
    return out
