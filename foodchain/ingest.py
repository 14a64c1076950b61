"""Uploads merged into a dataset version, what changed between versions, and downloads.

A market manager uploads one table (``routes.csv``, or an ``.xlsx`` with one sheet) or
a whole dataset (``.zip`` / ``.xlsx``). The tables uploaded replace the same tables of
the active version; the merged dataset is validated as a whole, and only a dataset
with no errors becomes a :class:`Candidate` that can be stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from foodchain.errors import InvalidDataset
from foodchain.messages import LANGUAGES, language, msg, num
from foodchain.model.dataset import Dataset, dataset_from_tables
from foodchain.model.io import read_raw
from foodchain.model.numbers import ambiguous
from foodchain.model.problems import Problem, errors
from foodchain.model.schema import NODE_KINDS, TABLES, empty_table, help_frame
from foodchain.spreadsheet import csv_bytes, csv_zip_bytes, xlsx_bytes
from foodchain.store import diff

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


@dataclass
class Candidate:
    """The outcome of an upload: merged tables, every problem, and the dataset if it is valid."""

    tables: dict[str, pd.DataFrame]
    replaced: list[str]
    problems: list[Problem] = field(default_factory=list)
    dataset: Dataset | None = None

    @property
    def ok(self) -> bool:
        return self.dataset is not None

    @property
    def ambiguous(self) -> list[Problem]:
        """Numbers whose reading depends on the convention: saving waits until it is chosen."""
        return ambiguous(self.problems)


def merge_tables(current: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> Candidate:
    """Replace the tables in ``new`` within ``current`` and validate the result as a whole (once).

    Parameters
    ----------
    current : dict of str to pandas.DataFrame
        The tables of the active version, by name.
    new : dict of str to pandas.DataFrame
        The tables that replace theirs.

    Returns
    -------
    Candidate
        The merged tables, the names replaced, the problems (errors or warnings) and the
        dataset (``None`` when there are errors).
    """
    merged = {name: frame for name, frame in current.items()} | dict(new)
    try:
        dataset = dataset_from_tables(merged)
    except InvalidDataset as exc:
        return Candidate(merged, sorted(new), exc.problems, None)
    return Candidate(merged, sorted(new), dataset.warnings, dataset)


def merge_upload(current: dict[str, pd.DataFrame], data: bytes, filename: str, numbers: str = "auto") -> Candidate:
    """Read an upload (CSV, ZIP or XLSX bytes) and merge it into ``current`` (see module docstring).

    ``numbers`` is the number convention of the file (``auto``, ``en`` or ``id``); with
    ``auto``, values such as ``30.000`` are warnings (:attr:`Candidate.ambiguous`).

    Parameters
    ----------
    current : dict of str to pandas.DataFrame
        The tables of the active version, by name.
    data : bytes
        The upload, at most :data:`MAX_UPLOAD_BYTES`.
    filename : str
        Its name (its type).
    numbers : str, default "auto"
        The number convention.

    Returns
    -------
    Candidate
        Problems are returned, never raised.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        size = len(data) / 1024 / 1024
        limit = MAX_UPLOAD_BYTES // 1024 // 1024
        return Candidate(
            current, [], [Problem("dataset", None, None, msg("file.upload_too_big", size=num(size, 0), limit=limit))]
        )
    raw, problems = read_raw(data, filename, numbers)
    if errors(problems) or not raw:
        if not raw and not errors(problems):
            problems.append(Problem("dataset", None, None, msg("file.no_tables", filename=filename)))
        return Candidate(current, [], problems)
    candidate = merge_tables(current, raw)
    candidate.problems = problems + candidate.problems
    return candidate


def table_changes(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows added, removed and changed per table (rows matched by each table's key).

    Parameters
    ----------
    old, new : dict of str to pandas.DataFrame
        The two versions' tables.

    Returns
    -------
    pandas.DataFrame
        Columns table, added, removed, changed.
    """
    return diff.summary(diff.cell_changes(old, new), diff.row_changes(old, new))


def dataset_zip(tables: dict[str, pd.DataFrame]) -> bytes:
    """The tables as a ZIP of ``<table>.csv`` files, readable by :func:`foodchain.load_dataset`
    (text a spreadsheet would run as a formula is escaped: :mod:`foodchain.spreadsheet`)."""
    return csv_zip_bytes(tables)


def dataset_xlsx(tables: dict[str, pd.DataFrame] | None = None, lang: str | None = None) -> bytes:
    """The tables as a workbook, one sheet per table (``None``: an empty template).

    Numbers are written as numbers (typed tables), text a spreadsheet would run as a formula
    is escaped (:mod:`foodchain.spreadsheet`), each header carries a comment (unit and
    meaning, in Bahasa and English) and ``kind`` has a drop-down list of the node kinds.
    Two help sheets follow the tables, one in each language, ``lang`` first (default
    :func:`foodchain.messages.language`): every column with required yes/no, type, unit,
    default and meaning (:func:`foodchain.model.schema.help_frame`). Reading the workbook
    back ignores them.

    Parameters
    ----------
    tables : dict of str to pandas.DataFrame, optional
        The tables; a missing one becomes an empty sheet.
    lang : str, optional
        ``id`` or ``en``: the help sheet first.

    Returns
    -------
    bytes
        The ``.xlsx`` file.
    """
    tables = tables or {}
    frames = {name: empty_table(name) if tables.get(name) is None else tables[name] for name in TABLES}
    first = lang or language()
    for help_lang in sorted(LANGUAGES, key=lambda x: x != first):
        frames[msg("template.help_sheet").render(help_lang)] = help_frame(help_lang)
    return xlsx_bytes(frames, on_sheet=_annotate)


def _annotate(sheet, table: str, columns: list[str]) -> None:
    """Header comments and the ``kind`` drop-down on one sheet (help sheets: a wide meaning column)."""
    if table not in TABLES:
        sheet.set_column(len(columns) - 1, len(columns) - 1, 100)
        return
    specs = {c.name: c for c in TABLES[table]}
    for i, col in enumerate(columns):
        spec = specs.get(col)
        if spec is None:
            continue
        unit = f" [{spec.unit}]" if spec.unit else ""
        need = " / ".join(
            msg("template.required" if spec.required else "template.optional").render(x) for x in ("id", "en")
        )
        text = f"{col}{unit} ({need})\nID: {spec.meaning('id')}\nEN: {spec.description}"
        sheet.write_comment(0, i, text, {"x_scale": 2.5, "y_scale": 1.6})
        if spec.dtype == "kind":
            sheet.data_validation(1, i, 1_048_575, i, {"validate": "list", "source": list(NODE_KINDS)})


def table_csv(frame: pd.DataFrame) -> bytes:
    """One table as CSV bytes (UTF-8 with a BOM, formula-safe: :mod:`foodchain.spreadsheet`)."""
    return csv_bytes(frame)


def version_changes(store, version_id: int, parent_id: int | None) -> str:
    """What changed from ``parent_id`` to ``version_id``: ``table +added -removed ~changed`` rows
    per table, ``-`` for nothing, ``?`` where a version cannot be read.

    Parameters
    ----------
    store : Store
        The store.
    version_id : int
        The version.
    parent_id : int or None
        The version it was made from; ``None``: all its rows are added.

    Returns
    -------
    str
    """
    try:
        parent = {} if parent_id is None else store.tables(int(parent_id))
        changes = table_changes(parent, store.tables(int(version_id)))
    except Exception:  # a damaged version is listed, not fatal
        return "?"
    changes = changes[(changes[["added", "removed", "changed"]] > 0).any(axis=1)]
    return "; ".join(f"{c.table} +{c.added} -{c.removed} ~{c.changed}" for c in changes.itertuples(index=False)) or "-"


def history(store, limit: int = 20, changes=version_changes) -> pd.DataFrame:
    """The newest ``limit`` versions of a :class:`~foodchain.store.Store`, each with what changed
    from the version it was made from (``changes(store, version, parent)``, e.g. a cached
    :func:`version_changes`: versions never change once stored).

    Parameters
    ----------
    store : Store
        The store.
    limit : int, default 20
        How many versions, newest first.
    changes : callable, default version_changes
        Says what changed in a version.

    Returns
    -------
    pandas.DataFrame
        The store's versions table with a ``changes`` column.
    """
    versions = store.versions().head(limit)
    parents = [None if pd.isna(p) else int(p) for p in versions["parent_id"]]
    return versions.assign(changes=[changes(store, int(v), p) for v, p in zip(versions["id"], parents)])
