"""Dataset versions: drafts, activation with audit events, typed tables.

A version is stored as a *draft*. Making it the one everybody sees is a separate, named
step, :meth:`VersionStore.activate`, recorded as an event (who, when, from version -> to
version); going back to an earlier version is an activation too. A version's state is
``active`` (the one in use), ``retired`` (was active once) or ``draft`` (never was).

``by`` is the name of the person acting: one parameter everywhere, required, so that an
account name can take its place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import pandas as pd

from foodchain.errors import FoodchainError, NotFound
from foodchain.messages import msg
from foodchain.model.dataset import Dataset, dataset_from_tables
from foodchain.model.schema import TABLES
from foodchain.store.frames import FORMAT, frame_from_bytes, frame_to_bytes

STATES = ("draft", "active", "retired")


class UnknownVersion(NotFound):
    """There is no dataset version with this number."""


class NameRequired(FoodchainError):
    """An upload or activation without the name of the person doing it."""


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def required_name(by: str | None) -> str:
    """``by`` without surrounding spaces; raises :class:`NameRequired` when blank."""
    name = (by or "").strip()
    if not name:
        raise NameRequired(msg("store.name_required"))
    return name


class VersionStore:
    """The dataset-version half of :class:`foodchain.store.Store` (needs ``_write`` and ``_read``)."""

    _write: Callable[[], AbstractContextManager[sqlite3.Connection]]
    _read: Callable[..., list[tuple]]

    def add_version(
        self,
        dataset: Dataset,
        by: str,
        note: str = "",
        source: str = "upload",
        activate: bool = False,
        only_if_empty: bool = False,
    ) -> int | None:
        """Store a valid dataset as a new draft version (made from the active one); return its id.

        ``activate=True`` also makes it active (an activation event by ``by``). With
        ``only_if_empty`` nothing is stored (``None`` returned) when the store already holds
        a version: first-start seeding that two sessions may race to do.

        Parameters
        ----------
        dataset : Dataset
            A validated dataset.
        by : str
            Who stores it.
        note : str, default ""
            What changed.
        source : str, default "upload"
            Where it came from.
        activate : bool, default False
            Also make it the active version.
        only_if_empty : bool, default False
            Store it only into an empty store.

        Returns
        -------
        int or None

        Raises
        ------
        NameRequired
            When ``by`` is blank.
        """
        name = required_name(by)
        frames = [(n, len(f), frame_to_bytes(f)) for n, f in dataset.tables().items()]
        with self._write() as con:
            if only_if_empty and con.execute("SELECT COUNT(*) FROM dataset_versions").fetchone()[0]:
                return None
            parent = con.execute("SELECT id FROM dataset_versions WHERE active = 1").fetchone()
            cur = con.execute(
                "INSERT INTO dataset_versions (parent_id, uploader, note, source, created_at) VALUES (?,?,?,?,?)",
                (parent[0] if parent else None, name, note, source, now()),
            )
            version = int(cur.lastrowid)
            con.executemany(
                "INSERT INTO dataset_frames VALUES (?,?,?,?,?)", [(version, n, r, FORMAT, b) for n, r, b in frames]
            )
            if activate:
                _activate(con, version, name, "")
        return version

    def activate(self, version_id: int, by: str, note: str = "") -> None:
        """Make ``version_id`` the active version and record who did it, when, and from which.

        Parameters
        ----------
        version_id : int
            The version.
        by : str
            Who activates it.
        note : str, default ""
            Why.

        Raises
        ------
        UnknownVersion
            When there is no such version.
        NameRequired
            When ``by`` is blank.
        """
        name = required_name(by)
        with self._write() as con:
            if not con.execute("SELECT 1 FROM dataset_versions WHERE id = ?", (version_id,)).fetchone():
                raise UnknownVersion(msg("store.no_version", version=version_id))
            _activate(con, version_id, name, note)

    def active_version(self) -> int | None:
        rows = self._read("SELECT id FROM dataset_versions WHERE active = 1")
        return int(rows[0][0]) if rows else None

    def newest_version(self) -> int | None:
        rows = self._read("SELECT MAX(id) FROM dataset_versions")
        return int(rows[0][0]) if rows and rows[0][0] is not None else None

    def versions(self) -> pd.DataFrame:
        """Every version, newest first: id, parent_id, uploader, note, source, created_at, active,
        rows, state (``draft`` / ``active`` / ``retired``)."""
        rows = self._read(
            "SELECT v.id, v.parent_id, v.uploader, v.note, v.source, v.created_at, v.active,"
            " (SELECT SUM(rows) FROM dataset_frames t WHERE t.version_id = v.id),"
            " EXISTS (SELECT 1 FROM events e WHERE e.kind = 'activate' AND e.version_id = v.id)"
            " FROM dataset_versions v ORDER BY v.id DESC"
        )
        cols = ["id", "parent_id", "uploader", "note", "source", "created_at", "active", "rows", "was_active"]
        frame = pd.DataFrame(rows, columns=cols)
        frame["active"] = frame["active"].astype(bool)
        state = frame["was_active"].astype(bool).map({True: "retired", False: "draft"})
        return frame.drop(columns="was_active").assign(state=state.where(~frame["active"], "active"))

    def version_info(self, version_id: int) -> dict:
        frame = self.versions()
        row = frame[frame["id"] == version_id]
        if row.empty:
            raise UnknownVersion(msg("store.no_version", version=version_id))
        return row.iloc[0].to_dict()

    def events(self) -> pd.DataFrame:
        """Activations, newest first: id, kind, version_id, from_version, by, at, note."""
        rows = self._read("SELECT id, kind, version_id, from_version, by, at, note FROM events ORDER BY id DESC")
        frame = pd.DataFrame(rows, columns=["id", "kind", "version_id", "from_version", "by", "at", "note"])
        return frame.astype({"version_id": "int64", "from_version": "Int64"})

    def tables(self, version_id: int) -> dict[str, pd.DataFrame]:
        """The tables of a version exactly as stored (typed; raw strings for a ``raw`` version)."""
        rows = self._read("SELECT name, data FROM dataset_frames WHERE version_id = ?", (version_id,))
        if not rows:
            raise UnknownVersion(msg("store.no_version", version=version_id))
        return {name: frame_from_bytes(bytes(blob)) for name, blob in rows if name in TABLES}

    raw_tables = tables  # what an upload is merged into

    def load_version(self, version_id: int) -> Dataset:
        """A stored version as a :class:`Dataset`, its tables exactly as stored.

        A version kept as raw cells (it did not validate when an old store was migrated)
        is validated now and raises :class:`~foodchain.errors.InvalidDataset` if bad.
        """
        formats = {f for (f,) in self._read("SELECT format FROM dataset_frames WHERE version_id = ?", (version_id,))}
        tables = self.tables(version_id)
        if formats != {FORMAT}:
            return dataset_from_tables(tables)
        missing = [t for t in TABLES if t not in tables]
        if missing:
            raise FoodchainError(msg("store.version_lacks_tables", version=version_id, tables=", ".join(missing)))
        return Dataset(**tables)


def _activate(con: sqlite3.Connection, version_id: int, by: str, note: str) -> None:
    before = con.execute("SELECT id FROM dataset_versions WHERE active = 1").fetchone()
    con.execute("UPDATE dataset_versions SET active = (id = ?)", (version_id,))
    con.execute(
        "INSERT INTO events (kind, version_id, from_version, by, at, note) VALUES ('activate',?,?,?,?,?)",
        (version_id, before[0] if before else None, by, now(), note),
    )
