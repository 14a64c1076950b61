"""Number conventions: ``1,234.5`` (``en``) or ``1.234,5`` (``id``), read exactly or asked about.

A cell of a number column is read under both conventions:

* ``en`` -- ``.`` is the decimal mark, ``,`` groups thousands in threes: ``1,234.5`` = 1234.5;
* ``id`` -- ``,`` is the decimal mark, ``.`` groups thousands in threes: ``1.234,5`` = 1234.5
  (what Excel writes in an Indonesian locale, and how people write numbers in Indonesia).

A cell valid under only one convention (``12.5``, ``1,5``, ``1.040,0``) has one meaning. A cell
valid under both with different values (``30.000``: 30 or 30000) is *ambiguous*. With
``convention="auto"`` a table whose unambiguous cells all point one way is read that way;
otherwise the separator decides (``;`` files are ``id``, others ``en``) and each ambiguous
cell is a warning naming the raw text and both readings (:func:`ambiguous` finds them).
``en`` or ``id`` read every cell strictly by that convention (a cell invalid under it is left
as written, so validation reports it as "not a number").

Degree columns (``lat``, ``lon``) never hold thousands: a single ``.`` there is a decimal mark.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from foodchain.messages import msg
from foodchain.model.problems import WARNING, Problem
from foodchain.model.schema import TABLES

CONVENTIONS = ("auto", "en", "id")
LABELS = {"auto": "auto", "en": "1,234.5", "id": "1.234,5"}
AMBIGUOUS = "dataset.ambiguous_number"  # the message id of an ambiguous cell
DEGREES = ("lat", "lon")  # never thousands, so no evidence either way

_EN = re.compile(r"^[+-]?([1-9]\d{0,2}(,\d{3})+|\d*)(\.\d+)?$")
_ID = re.compile(r"^[+-]?([1-9]\d{0,2}(\.\d{3})+|\d*)(,\d+)?$")
_SCIENTIFIC = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$")


def number_columns(table: str) -> set[str]:
    """The columns of ``table`` that hold numbers (``float`` or ``int`` in the schema)."""
    return {c.name for c in TABLES[table] if c.dtype in ("float", "int")}


def readings(text: str, degrees: bool = False) -> tuple[float | None, float | None]:
    """The value of ``text`` under ``en`` and under ``id`` (``None`` where it is not a number).

    Parameters
    ----------
    text : str
        A stripped cell.
    degrees : bool, default False
        The cell is a latitude or longitude: a lone ``.`` is then a decimal point, never a
        thousands separator.

    Returns
    -------
    en, id : float or None
    """
    if _SCIENTIFIC.match(text):
        return float(text), None
    has_digit = any(ch.isdigit() for ch in text)
    en = float(text.replace(",", "")) if has_digit and _EN.match(text) else None
    id_ = float(text.replace(".", "").replace(",", ".")) if has_digit and _ID.match(text) else None
    if degrees and "." in text and "," not in text:
        id_ = None
    return en, id_


def canonical(value: float) -> str:
    """A number as plain text that every reader takes the same way (``30000``, ``12.5``)."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _evidence(cells: list[tuple[float | None, float | None]]) -> str | None:
    """``en`` or ``id`` when every cell valid under one convention only points the same way."""
    only_en = any(en is not None and id_ is None for en, id_ in cells)
    only_id = any(id_ is not None and en is None for en, id_ in cells)
    if only_en != only_id:
        return "en" if only_en else "id"
    return None


def read_numbers(
    frame: pd.DataFrame, table: str, convention: str = "auto", separator: str = ","
) -> tuple[pd.DataFrame, list[Problem]]:
    """Rewrite the number cells of a raw table as plain numbers (see the module docstring).

    ``frame`` holds stripped strings with the spreadsheet position in its index (row =
    index + 2). Returns the rewritten frame and the warnings (one per ambiguous cell).

    Parameters
    ----------
    frame : pandas.DataFrame
        The raw table.
    table : str
        The table's name (which columns hold numbers).
    convention : str, default "auto"
        ``auto``, ``en`` or ``id``.
    separator : str, default ","
        The CSV separator: with ``;``, a cell that reads both ways, undecided by the others, is read the ``id`` way.
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"number convention must be one of {', '.join(CONVENTIONS)}")
    known = number_columns(table)
    columns = [c for c in frame.columns if str(c).lower().replace(" ", "_") in known]
    parsed = {}
    for col in columns:
        degrees = str(col).lower() in DEGREES
        parsed[col] = {i: readings(str(v), degrees) for i, v in frame[col].items() if _needs_reading(str(v))}
    chosen = convention
    if convention == "auto":
        evidence = [r for col, cells in parsed.items() if str(col).lower() not in DEGREES for r in cells.values()]
        chosen = _evidence(evidence)
    out, problems = frame.copy(), []
    for col, cells in parsed.items():
        for i, (en, id_) in cells.items():
            value = _pick(en, id_, chosen, separator)
            if value is not None:
                out.at[i, col] = canonical(value)
            if chosen is None and en is not None and id_ is not None and en != id_:
                problems.append(_ambiguity(table, i, col, str(frame.at[i, col]), en, id_, value))
    return out, problems


def _needs_reading(text: str) -> bool:
    return bool(text) and any(ch in text for ch in ".,eE") and any(ch.isdigit() for ch in text)


def _pick(en: float | None, id_: float | None, chosen: str | None, separator: str) -> float | None:
    if chosen == "en":
        return en
    if chosen == "id":
        return id_
    if en is None or id_ is None:
        return en if id_ is None else id_
    return id_ if separator == ";" else en


def _ambiguity(table: str, index, column: str, raw: str, en: float, id_: float, used: float) -> Problem:
    # plain readings (30 / 30000), never regrouped: the point is to show both ways the text can be read
    message = msg(AMBIGUOUS, raw=raw, as_en=_fmt(en), as_id=_fmt(id_), used=_fmt(used))
    return Problem(table, int(index) + 2, column, message, WARNING)


def ambiguous(problems: list[Problem]) -> list[Problem]:
    """The problems that are numbers whose reading depends on the convention."""
    return [p for p in problems if getattr(p.message, "id", None) == AMBIGUOUS]
