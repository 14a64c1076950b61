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
from pathlib import Path

import pandas as pd

from foodchain.errors import InvalidInput
from foodchain.messages import msg
from foodchain.model.limits import MAX_FILE_BYTES, csv_shape_problems, xlsx_tables, zip_tables
from foodchain.model.numbers import canonical, read_numbers
from foodchain.model.problems import WARNING, Problem, errors
from foodchain.model.schema import TABLES
from foodchain.safe_read import read_regular_file

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

    Parameters
    ----------
    source : str, Path or bytes
        The dataset.
    filename : str, optional
        The upload's name.
    numbers : str, default "auto"
        The number convention.

    Returns
    -------
    tables : dict of str to pandas.DataFrame
    problems : list of Problem
        Nothing is raised.
    """
    if isinstance(source, (bytes, bytearray)):
        return _read_bytes(bytes(source), filename or "upload", numbers)
    path = Path(source)
    if not path.exists():
        return {}, [Problem("dataset", None, None, msg("dataset.not_found", name=path.name))]
    if path.is_dir():
        tables, problems = {}, []
        for table in TABLES:
            file = path / f"{table}.csv"
            if file.exists() or file.is_symlink():
                data, probs = read_file_bounded(file, table)
                frame, more = read_csv_bytes(data, table, numbers) if data is not None else (pd.DataFrame(), [])
                tables[table], problems = frame, problems + probs + more
        return tables, problems
    data, problems = read_file_bounded(path, "dataset")
    return _read_bytes(data, path.name, numbers) if data is not None else ({}, problems)


def read_file_bounded(path: Path, table: str) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most 200 MB, or ``None`` and the problem.

    Parameters
    ----------
    path : Path
        The file.
    table : str
        The table the problem names.

    Returns
    -------
    data : bytes or None
    problems : list of Problem
    """
    try:
        return read_regular_file(path, MAX_FILE_BYTES, table), []
    except InvalidInput as exc:
        return None, exc.problems


def _read_bytes(data: bytes, filename: str, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
    name = filename.lower()
    if name.endswith(".zip"):
        return _read_zip(data, filename, numbers)
    if name.endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, filename, numbers)
    if name.endswith(".csv"):
        table = Path(name).stem
        if table not in TABLES:
            known = ", ".join(f"{t}.csv" for t in TABLES)
            return {}, [Problem(table, None, None, msg("dataset.not_a_table", filename=filename, known=known))]
        frame, problems = read_csv_bytes(data, table, numbers)
        return {table: frame}, problems
    return {}, [Problem("dataset", None, None, msg("dataset.not_a_file_type", filename=filename))]


def read_csv_bytes(data: bytes, table: str, numbers: str = "auto") -> tuple[pd.DataFrame, list[Problem]]:
    """One CSV table as raw strings; handles a BOM, the separator and the number convention.

    Parameters
    ----------
    data : bytes
        The file's bytes (UTF-8, else read as cp1252 with a warning).
    table : str
        The table's name.
    numbers : str, default "auto"
        ``auto``, ``en`` or ``id``.

    Returns
    -------
    frame : pandas.DataFrame
        All cells text; empty on an error.
    problems : list of Problem
    """
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(table, None, None, msg("dataset.not_utf8"), WARNING))
    sep = choose_separator(text, table)
    shape = csv_shape_problems(text, sep, table)
    if errors(shape):
        return pd.DataFrame(), shape
    problems += shape
    trailing = any(getattr(p.message, "id", None) == "dataset.trailing_values" for p in shape)
    try:
        frame = _parse_with(text, sep, trailing)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else msg("dataset.word.no_columns")
        return pd.DataFrame(), [Problem(table, None, None, msg("dataset.not_csv", detail=detail))]
    if sep != ",":
        name = msg("dataset.word.tab") if sep == "\t" else f"'{sep}'"
        problems.append(Problem(table, None, None, msg("dataset.separator", name=name), WARNING))
    frame, problems = _tidy(frame, table, problems)
    frame, number_problems = read_numbers(frame, table, numbers, sep)
    return frame, problems + number_problems


SEPARATORS = (",", ";", "\t")


def _parse_with(text: str, sep: str, trailing: bool = False) -> pd.DataFrame:
    """The CSV as strings; with ``trailing``, rows that end in blank extra values (checked to be
    blank by :func:`~foodchain.model.limits.csv_shape_problems`) are cut to the header's width."""
    width = len(next(csv.reader(io.StringIO(text), delimiter=sep), []))
    options = {"engine": "python", "on_bad_lines": lambda row: row[:width]} if trailing else {}
    return pd.read_csv(
        io.StringIO(text),
        sep=sep,
        dtype=str,
        keep_default_na=False,
        skipinitialspace=False,
        quoting=csv.QUOTE_MINIMAL,
        index_col=False,  # a trailing ',' on every row must not turn the first column into the index
        **options,
    )


def choose_separator(text: str, table: str) -> str:
    """The separator (``,`` ``;`` or tab) whose header row yields the table's columns: all
    required ones first, then the most known ones, then the order above.

    Only the header row is read (as the csv module splits it, quotes respected), so a ``;``
    inside a header or a quoted cell never flips a valid comma file.

    Parameters
    ----------
    text : str
        The CSV text.
    table : str
        The table whose columns are expected.

    Returns
    -------
    str
    """
    specs = TABLES[table]
    best, best_score = ",", None
    for sep in SEPARATORS:
        header = next(csv.reader(io.StringIO(text), delimiter=sep), [])
        names = {h.strip().lstrip("\ufeff").lower().replace(" ", "_") for h in header}
        score = (all(s.name in names for s in specs if s.required), sum(s.name in names for s in specs))
        if best_score is None or score > best_score:
            best, best_score = sep, score
    return best


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
            problems.append(Problem(table, None, col, msg("dataset.spaces_removed", count=changed), WARNING))
        frame[col] = stripped
    if len(frame.columns):
        frame = frame[~(frame == "").all(axis=1)]  # the index keeps each row's position
    return frame, problems


def _read_zip(data: bytes, filename: str, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
    contents, problems = zip_tables(data, list(TABLES), filename)  # streamed, real bytes counted
    tables = {}
    for table, raw in contents.items():
        frame, probs = read_csv_bytes(raw, table, numbers)
        tables[table], problems = frame, problems + probs
    if not tables and not errors(problems):
        problems.append(Problem("dataset", None, None, msg("dataset.zip_no_tables")))
    return tables, problems


def _read_xlsx(data: bytes, filename: str, numbers: str = "auto") -> tuple[RawTables, list[Problem]]:
    sheets, problems = xlsx_tables(data, list(TABLES), filename)  # read-only streaming, rows and columns counted
    if errors(problems):
        return {}, problems
    tables = {}
    for table, sheet in sheets.items():
        tables[table], problems = _xlsx_table(sheet.map(lambda v: "" if v is None else v), table, numbers, problems)
    if not tables:
        names = ", ".join(TABLES)
        problems.append(Problem("dataset", None, None, msg("dataset.workbook_no_sheets", names=names)))
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
    """Write tables as ``<table>.csv`` files in ``folder`` (created if needed).

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The tables, by name; written without their index.
    folder : str or Path
        The folder.

    Returns
    -------
    Path
        The folder.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for table, frame in tables.items():
        frame.to_csv(out / f"{table}.csv", index=False)
    return out
