"""The :class:`Dataset`: six typed tables of a food-supply network, checked and ready to solve."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from foodchain.errors import InvalidDataset
from foodchain.model.graph import check_network
from foodchain.model.io import read_raw, write_dataset
from foodchain.model.problems import Problem, errors
from foodchain.model.schema import TABLES, column_names
from foodchain.model.validation import parse_tables


@dataclass
class Dataset:
    """A valid dataset: one pandas table per component, defaults filled, ids as ``str``.

    Tables follow DESIGN.md section 2 (``nodes``, ``commodities``, ``routes``,
    ``supply``, ``demand``, ``stock``); extra user columns are kept. ``warnings`` holds
    the problems found that do not stop a solve.
    """

    nodes: pd.DataFrame
    commodities: pd.DataFrame
    routes: pd.DataFrame
    supply: pd.DataFrame
    demand: pd.DataFrame
    stock: pd.DataFrame
    warnings: list[Problem] = field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The six tables by name."""
        return {name: getattr(self, name) for name in TABLES}

    def to_folder(self, folder: str | Path) -> Path:
        """Write the dataset as a folder of CSVs that :func:`load_dataset` reads back."""
        return write_dataset(self.tables(), folder)

    def node_names(self) -> pd.Series:
        """Display name per node_id (the id where no name is given)."""
        names = self.nodes["name"].where(self.nodes["name"] != "", self.nodes["node_id"])
        return pd.Series(names.values, index=self.nodes["node_id"])


def check_tables(raw: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Parse and check raw tables; the network rules run only when the tables parse cleanly."""
    typed, problems = parse_tables(raw)
    if not errors(problems):
        problems += check_network(typed)
    return typed, problems


def dataset_from_tables(raw: dict[str, pd.DataFrame]) -> Dataset:
    """A :class:`Dataset` from in-memory tables (any dtypes); raises :class:`InvalidDataset`."""
    typed, problems = check_tables(raw)
    if errors(problems):
        raise InvalidDataset(problems)
    tables = {}
    for name, frame in typed.items():
        ordered = column_names(name) + [c for c in frame.columns if c not in column_names(name)]
        tables[name] = frame[ordered].reset_index(drop=True)
    return Dataset(**tables, warnings=problems)


def load_dataset(source: str | Path | bytes, filename: str | None = None, numbers: str = "auto") -> Dataset:
    """Read and check a dataset: a folder of CSVs, a ``.zip``, an ``.xlsx`` or upload bytes.

    Raises :class:`~foodchain.errors.InvalidDataset` listing every problem if any is an
    error; otherwise returns the dataset with its warnings. ``numbers`` is the number
    convention (``auto``, ``en`` or ``id``; see :mod:`foodchain.model.numbers`).

    Parameters
    ----------
    source : str, Path or bytes
        The dataset.
    filename : str, optional
        The upload's name, which gives its type.
    numbers : str, default "auto"
        The number convention.

    Returns
    -------
    Dataset

    Raises
    ------
    InvalidDataset
        Listing every problem, when any is an error.
    """
    raw, read_problems = read_raw(source, filename, numbers)
    if errors(read_problems):
        raise InvalidDataset(read_problems)
    try:
        dataset = dataset_from_tables(raw)
    except InvalidDataset as exc:
        raise InvalidDataset(read_problems + exc.problems) from None
    dataset.warnings = read_problems + dataset.warnings
    return dataset


def validate_source(source: str | Path | bytes, filename: str | None = None, numbers: str = "auto") -> list[Problem]:
    """Every problem (errors and warnings) in a dataset, without raising.

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
    list of Problem
    """
    raw, problems = read_raw(source, filename, numbers)
    if errors(problems):
        return problems
    return problems + check_tables(raw)[1]
