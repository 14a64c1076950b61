"""Downloadable reports in the reader's language: Excel with one sheet per table, and CSVs in a ZIP.

A report is for people, so :func:`people_tables` names each table and column as
:mod:`foodchain.model.columns` labels it in the chosen language (``id`` or ``en``; default
:func:`foodchain.messages.language`) and writes the summary's figures in words. The values
are not touched: in the workbook numbers stay numbers, shown with a number format by unit
(tonnes ``#,##0.0``, rupiah ``#,##0``, shares ``0.0%``) that the spreadsheet draws with the
reader's own separators; a ZIP in Bahasa is written as a spreadsheet set to Bahasa reads a
CSV (``;`` between cells, ``,`` before decimals), where shares stay fractions (0-1).

The raw ``solve --out`` tables (``shortfall.csv`` ...) are data for programs: they keep their
English column names and are never written through here.

Both files are written by :mod:`foodchain.spreadsheet`: text that a spreadsheet would run
as a formula is escaped and CR/LF inside a CSV cell is quoted.
"""

from __future__ import annotations

import pandas as pd

from foodchain import fmt
from foodchain.messages import Message, language, msg
from foodchain.model import columns
from foodchain.spreadsheet import DANGEROUS_STARTS, csv_zip_bytes, safe_cell, safe_frame, xlsx_bytes

__all__ = ["DANGEROUS_STARTS", "people_tables", "report_xlsx", "report_zip", "safe_cell", "safe_frame"]

FRACTIONS = ("share", "probability", "ratio")
NUMBER_FORMATS = {"t": "#,##0.0", "t/day": "#,##0.0", "m": "0.00", "days": "#,##0.0", "t per million Rp": "#,##0.000"}
NUMBER_FORMATS |= {unit: "0.0%" for unit in FRACTIONS}
NUMBER_FORMATS |= {unit: "#,##0" for unit in ("Rp", "Rp per t/day", "people", "person-days", "count")}
NUMBER_FORMATS |= {unit: "0" for unit in ("day", "rank")}
DATE = "date"  # the column the report adds after ``day`` when day 1's date is known
CSV_DIALECT = {"id": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def header(column: str, lang: str, percent: bool = True) -> str:
    """The header of ``column`` in ``lang``; with ``percent`` False a share is labelled (0-1), not (%).

    Parameters
    ----------
    column : str
        The result column.
    lang : str
        ``id`` or ``en``.
    percent : bool, default True
        Shares shown as percentages.

    Returns
    -------
    str
    """
    if column == DATE:
        return msg("report.date").render(lang)
    text = columns.label(column, lang)
    spec = columns.column(column)
    if not percent and spec is not None and spec.unit in FRACTIONS:
        text = text.replace(" (%)", "") + " (0-1)"
    return text


def _in_words(value: object, lang: str, item: str = "") -> object:
    """A summary value as people read it: messages in ``lang``, yes/no for booleans, the start date as a
    date ("Rab, 1 Jan 2020"), numbers as they are."""
    if item == "start_date" and value:
        return fmt.day_label(1, str(value), lang)
    spec = columns.column(item)
    if spec is not None and spec.unit in FRACTIONS and isinstance(value, float):
        # the header says %; the cell holds text where units differ by row; 10%, but 12.5% as set
        whole = abs(100 * value - round(100 * value)) < 1e-9
        return fmt.percent(value, lang, 0 if whole else 1)
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, bool):
        return msg("report.yes" if value else "report.no").render(lang)
    return "" if value is None else value


def _summary(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    out["item"] = [columns.label(k, lang) for k in frame["item"]]
    words = [_in_words(v, lang, k) for k, v in zip(frame["item"], frame["value"])]
    out["value"] = pd.Series(words, index=frame.index, dtype=object)
    specs = [columns.column(k) for k in frame["item"]]
    out["about"] = [a if spec is None else spec.description[lang] for spec, a in zip(specs, frame["about"])]
    return out


def _rows(name: str, frame: pd.DataFrame, lang: str, start_date: str | None) -> pd.DataFrame:
    """The rows of table ``name`` in ``lang``: the summary in words, "any" commodity in words, and
    the date of each day after ``day`` when day 1's date is known."""
    if name == "report_summary":
        return _summary(frame, lang)
    if name == "people_affected" and "commodity" in frame:
        everything = msg("report.all_commodities").render(lang)
        frame = frame.assign(
            commodity=frame["commodity"].where(frame["commodity"] != columns.ANY_COMMODITY, everything)
        )
    if start_date and "day" in frame and DATE not in frame:
        frame = frame.copy()
        frame.insert(
            frame.columns.get_loc("day") + 1, DATE, [fmt.day_label(int(d), start_date, lang) for d in frame["day"]]
        )
    return frame


def _start_date(tables: dict[str, pd.DataFrame]) -> str | None:
    """Day 1's date as the report's summary gives it (``start_date``), if it does."""
    summary = tables.get("report_summary")
    if summary is None or "item" not in summary:
        return None
    dates = summary.loc[summary["item"] == "start_date", "value"]
    return str(dates.iloc[0]) if len(dates) and dates.iloc[0] else None


def people_tables(
    tables: dict[str, pd.DataFrame], lang: str | None = None, percent: bool = True
) -> dict[str, pd.DataFrame]:
    """``tables`` as people read them in ``lang``: each named by its title, each column by its label.

    Parameters
    ----------
    tables : dict of str to DataFrame
        Result tables by the names of :data:`foodchain.model.columns.TABLES` (others keep their
        names), e.g. :func:`foodchain.analysis.outcomes.report_tables`.
    lang : {"id", "en"}, optional
        The reader's language (default :func:`foodchain.messages.language`).
    percent : bool
        Whether shares are shown as % (a workbook formats them) or written as fractions (CSV).

    Returns
    -------
    dict of str to DataFrame
        The same values, with translated names; a header that two columns would share gets
        the column's name in brackets.
    """
    lang, start_date = lang or language(), _start_date(tables)
    out = {}
    for name, frame in tables.items():
        frame = _rows(name, frame, lang, start_date)
        labels = [header(str(c), lang, percent) for c in frame.columns]
        labels = [f"{t} [{c}]" if labels.count(t) > 1 else t for t, c in zip(labels, frame.columns)]
        out[columns.title(name, lang)] = frame.set_axis(labels, axis=1)
    return out


def _number_formats(frame: pd.DataFrame) -> list[str | None]:
    def one(column: str) -> str | None:
        spec = columns.column(column)
        values = frame[column]
        if spec is None or not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            return None
        number_format = NUMBER_FORMATS.get(spec.unit)
        whole = pd.api.types.is_integer_dtype(values) and number_format and "%" not in number_format
        return "#,##0" if whole else number_format

    return [one(str(c)) for c in frame.columns]


def report_xlsx(tables: dict[str, pd.DataFrame], lang: str | None = None) -> bytes:
    """A workbook in ``lang``: one sheet per table (:func:`people_tables`), text cells escaped,
    numbers kept as numbers with a number format by unit.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The result tables, by name.
    lang : str, optional
        ``id`` or ``en``; default the current language.

    Returns
    -------
    bytes
        The ``.xlsx`` file.
    """
    lang, start_date = lang or language(), _start_date(tables)
    rows = {name: _rows(name, frame, lang, start_date) for name, frame in tables.items()}
    formats = {columns.title(name, lang): _number_formats(frame) for name, frame in rows.items()}
    return xlsx_bytes(people_tables(tables, lang), formats=formats)


def report_zip(tables: dict[str, pd.DataFrame], lang: str | None = None) -> bytes:
    """A ZIP in ``lang`` holding ``<title>.csv`` per table (:func:`people_tables`, shares as 0-1),
    UTF-8 with BOM, CRLF, text cells escaped; in Bahasa ``;``-separated with decimal commas.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame
        The result tables, by name.
    lang : str, optional
        ``id`` or ``en``; default the current language.

    Returns
    -------
    bytes
        The ``.zip`` file.
    """
    lang = lang or language()
    dialect = CSV_DIALECT[lang]
    frames = {name: _text_decimals(f, dialect["decimal"]) for name, f in people_tables(tables, lang, False).items()}
    return csv_zip_bytes(frames, **dialect)


def _text_decimals(frame: pd.DataFrame, decimal: str) -> pd.DataFrame:
    """Numbers inside text columns (the summary's values) written with ``decimal`` as the CSV's numbers are."""
    if decimal == ".":
        return frame
    out = frame.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = [repr(v).replace(".", decimal) if isinstance(v, float) else v for v in out[c]]
    return out
