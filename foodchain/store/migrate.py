"""Bring a store written by an earlier foodchain up to the current format, on open.

Format 1 (``PRAGMA user_version`` 0) kept each dataset table as CSV text in
``dataset_tables``; reading it back meant guessing the separator, so a valid upload could
become unreadable. Format 2 keeps Parquet bytes in ``dataset_frames`` (see
:mod:`foodchain.store.frames`) and an ``events`` table of activations.

:func:`migrate` first copies the whole file next to it (``<name>.v1-backup-<time>.sqlite``),
then converts every version in ONE transaction: either every version is converted and the
format number raised, or nothing changes. A version whose text no longer validates is kept
as its raw cells (format ``raw``), so it is listed and reported, never lost.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from foodchain.errors import InvalidDataset
from foodchain.model.dataset import dataset_from_tables
from foodchain.model.schema import TABLES
from foodchain.store.frames import FORMAT, frame_from_v1_csv, frame_to_bytes

CURRENT = 2

SCHEMA_V2 = """
CREATE TABLE IF NOT EXISTS dataset_frames (
    version_id INTEGER NOT NULL REFERENCES dataset_versions(id), name TEXT NOT NULL, rows INTEGER NOT NULL,
    format TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (version_id, name));
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, version_id INTEGER NOT NULL,
    from_version INTEGER, by TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL DEFAULT '');
"""


def needs_migration(con: sqlite3.Connection) -> bool:
    """True when the file holds format-1 tables not yet converted."""
    old = con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='dataset_tables'").fetchone()
    return bool(old) and con.execute("PRAGMA user_version").fetchone()[0] < CURRENT


def backup(path: Path) -> Path:
    """A consistent copy of the store file (SQLite's online backup), returned as its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = path.with_name(f"{path.stem}.v1-backup-{stamp}{path.suffix}")
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def migrate(con: sqlite3.Connection) -> int:
    """Convert every format-1 version inside the caller's open transaction; returns how many."""
    create_tables(con)
    rows = con.execute("SELECT version_id, name, csv FROM dataset_tables ORDER BY version_id").fetchall()
    by_version: dict[int, dict] = {}
    for version, name, blob in rows:
        if name in TABLES:
            by_version.setdefault(int(version), {})[name] = frame_from_v1_csv(bytes(blob))
    for version, raw in by_version.items():
        try:
            tables, fmt = dataset_from_tables(raw).tables(), FORMAT
        except InvalidDataset:  # kept as written, reported when loaded
            tables, fmt = raw, "raw"
        con.executemany(
            "INSERT OR REPLACE INTO dataset_frames VALUES (?,?,?,?,?)",
            [(version, n, len(f), fmt, frame_to_bytes(f)) for n, f in tables.items()],
        )
    _replay_activations(con)
    con.execute("DROP TABLE dataset_tables")
    con.execute(f"PRAGMA user_version = {CURRENT}")
    return len(by_version)


def _replay_activations(con: sqlite3.Connection) -> None:
    """Format 1 activated every upload as it was saved, and kept no record of going back:
    one event per version (its uploader, its time), then one for a later return if any."""
    versions = con.execute("SELECT id, uploader, created_at, active FROM dataset_versions ORDER BY id").fetchall()
    sql = "INSERT INTO events (kind, version_id, from_version, by, at, note) VALUES ('activate',?,?,?,?,?)"
    before = None
    for version, uploader, created_at, _ in versions:
        con.execute(sql, (version, before, uploader, created_at, "activated on upload (recorded by the migration)"))
        before = version
    active = [v for v, _, _, flag in versions if flag]
    if active and active[0] != before:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        con.execute(sql, (active[0], before, "unknown", stamp, "went back before the store was migrated"))


def create_tables(con: sqlite3.Connection) -> None:
    """The format-2 tables, and the scenario document on each run (for a re-run on another version)."""
    for statement in SCHEMA_V2.split(";"):
        if statement.strip():
            con.execute(statement)
    if "doc" not in [row[1] for row in con.execute("PRAGMA table_info(runs)")]:
        con.execute("ALTER TABLE runs ADD COLUMN doc TEXT")
