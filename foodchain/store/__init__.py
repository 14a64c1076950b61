"""The SQLite store: dataset versions, named scenarios and run results, never overwritten.

One file (``data/foodchain.sqlite`` under the working folder; the environment variable
``FOODCHAIN_DB`` overrides it) holds three kinds of record:

* **dataset versions** -- the six tables as typed Parquet bytes (lossless, see
  :mod:`foodchain.store.frames`), who uploaded them, when, a note, the version they were
  made from (``parent_id``), and a state: a new version is a *draft* until someone
  activates it (:mod:`foodchain.store.versions`); every activation is an audit event.
  Only valid datasets are stored: :meth:`Store.add_version` takes a
  :class:`~foodchain.model.dataset.Dataset`, which exists only once validation passed.
* **scenarios** -- name, JSON, author; saving a name again adds version n + 1.
* **runs** -- a solve's summary and tables, keyed by dataset version + scenario hash +
  options, so a scenario already run on a version is shown without solving again.

Every write is one ``BEGIN IMMEDIATE`` transaction in WAL mode; a connection is opened
per call, so a :class:`Store` can be shared between threads (browser sessions). Two
sessions uploading at once both end up as versions; neither is lost. A store written by an
earlier foodchain is migrated on open (:mod:`foodchain.store.migrate`), after a backup copy.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from foodchain.errors import FoodchainError, NotFound
from foodchain.model.columns import SOLVE_TABLES
from foodchain.model.dataset import Dataset, load_dataset
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.results import SolveResult
from foodchain.optimize.scenario import scenario_from_dict
from foodchain.store import migrate
from foodchain.store.versions import NameRequired, UnknownVersion, VersionStore, now

__all__ = ["NameRequired", "Store", "UnknownVersion", "default_path", "run_key", "scenario_hash", "seed"]

DEFAULT_PATH = Path("data") / "foodchain.sqlite"
RESULT_TABLES = SOLVE_TABLES  # the tables of a run, as foodchain.model.columns names them

SCHEMA = """
CREATE TABLE IF NOT EXISTS dataset_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, parent_id INTEGER, uploader TEXT NOT NULL, note TEXT NOT NULL,
    source TEXT NOT NULL, created_at TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS scenarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL,
    author TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (name, version));
CREATE TABLE IF NOT EXISTS runs (
    key TEXT PRIMARY KEY, dataset_version INTEGER NOT NULL, scenario_hash TEXT NOT NULL, scenario_name TEXT NOT NULL,
    options TEXT NOT NULL, summary TEXT NOT NULL, tables BLOB NOT NULL, created_at TEXT NOT NULL);
"""


def default_path() -> Path:
    """``$FOODCHAIN_DB`` if set, else ``data/foodchain.sqlite`` under the working folder."""
    return Path(os.environ.get("FOODCHAIN_DB") or DEFAULT_PATH)


def scenario_hash(doc: dict) -> str:
    """A stable hash of a scenario document (key order does not matter)."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def run_key(version_id: int, doc: dict, options: dict) -> str:
    """The key of a run: dataset version + scenario hash + options.

    Parameters
    ----------
    version_id : int
        The dataset version.
    doc : dict
        The scenario document.
    options : dict
        The solve options (days, solver, ...), JSON-able.

    Returns
    -------
    str
        ``v<version>-<scenario hash>-<8 hex digits of the options' SHA-256>``.
    """
    opts = json.dumps(options, sort_keys=True)
    return f"v{version_id}-{scenario_hash(doc)}-{hashlib.sha256(opts.encode()).hexdigest()[:8]}"


class Store(VersionStore):
    """Dataset versions, scenarios and runs in one SQLite file (see the module docstring)."""

    backup_path: Path | None = None  # the copy made before a migration, if one ran

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Convert a format-1 store (backup copy first, then one transaction); create format 2."""
        con = self._connect()
        try:
            old = migrate.needs_migration(con)
        finally:
            con.close()
        if old:
            self.backup_path = migrate.backup(self.path)
        with self._write() as con:
            if migrate.needs_migration(con):
                migrate.migrate(con)
            elif con.execute("PRAGMA user_version").fetchone()[0] < migrate.CURRENT:
                migrate.create_tables(con)
                con.execute(f"PRAGMA user_version = {migrate.CURRENT}")

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        con.execute("PRAGMA busy_timeout=60000")
        return con

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on error)."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        con = self._connect()
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    # -- scenarios -------------------------------------------------------------------------

    def save_scenario(self, doc: dict, author: str, name: str | None = None) -> int:
        """Store a scenario under ``name`` (default: its own name); returns its version (1, 2, ...).

        Parameters
        ----------
        doc : dict
            The scenario document, stored as JSON.
        author : str
            Who saves it (blank: ``anonymous``).
        name : str, optional
            The name to store it under.
        """
        name = (name or doc.get("name") or "Scenario").strip()
        with self._write() as con:
            last = con.execute("SELECT MAX(version) FROM scenarios WHERE name = ?", (name,)).fetchone()[0]
            version = (last or 0) + 1
            con.execute(
                "INSERT INTO scenarios (name, version, doc, author, created_at) VALUES (?,?,?,?,?)",
                (name, version, json.dumps(doc, ensure_ascii=False), author.strip() or "anonymous", now()),
            )
        return version

    def scenarios(self) -> pd.DataFrame:
        """The latest version of each named scenario: name, version, author, created_at."""
        rows = self._read("SELECT name, MAX(version), author, created_at FROM scenarios GROUP BY name ORDER BY name")
        return pd.DataFrame(rows, columns=["name", "version", "author", "created_at"])

    def scenario_doc(self, name: str, version: int | None = None) -> dict:
        """A stored scenario's JSON document (the latest version unless ``version`` is given).

        Parameters
        ----------
        name : str
            The stored name.
        version : int, optional
            The version (1-based); default the latest.

        Returns
        -------
        dict

        Raises
        ------
        NotFound
            When no scenario has this name (and version).
        """
        sql = "SELECT doc FROM scenarios WHERE name = ? " + (  # noqa: S608 -- fixed SQL text; values bound with ?
            "AND version = ?" if version else "ORDER BY version DESC LIMIT 1"
        )
        rows = self._read(sql, (name, version) if version else (name,))
        if not rows:
            raise NotFound(f"there is no scenario named '{name}'")
        return json.loads(rows[0][0])

    # -- runs ------------------------------------------------------------------------------

    def save_run(self, key: str, version_id: int, doc: dict, options: dict, result: SolveResult) -> None:
        """Store a solve's summary and tables under ``key`` (a second save of a key is ignored).

        Parameters
        ----------
        key : str
            The run's key (:func:`run_key`).
        version_id : int
            The dataset version solved.
        doc : dict
            The scenario document.
        options : dict
            The solve options.
        result : SolveResult
            The solve; its tables are stored as CSV files in one ZIP.
        """
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in RESULT_TABLES:
                archive.writestr(f"{name}.csv", getattr(result, name).to_csv(index=False))
        summary = result.summary() | {"transport_cost": result.transport_cost, "supply_cost": result.supply_cost}
        summary["external_nodes"] = sorted(result.external)  # the study area's edge, for the headline figures
        with self._write() as con:
            con.execute(
                "INSERT OR IGNORE INTO runs (key, dataset_version, scenario_hash, scenario_name, options, summary,"
                " tables, created_at, doc) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    key,
                    version_id,
                    scenario_hash(doc),
                    result.scenario,
                    json.dumps(options),
                    json.dumps(summary),
                    buf.getvalue(),
                    now(),
                    json.dumps(doc, ensure_ascii=False),
                ),
            )

    def get_run(self, key: str) -> SolveResult | None:
        """A stored run as a :class:`SolveResult`, or ``None``."""
        rows = self._read("SELECT summary, tables FROM runs WHERE key = ?", (key,))
        if not rows:
            return None
        summary, blob = json.loads(rows[0][0]), bytes(rows[0][1])
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            tables = {
                n: pd.read_csv(archive.open(f"{n}.csv"), dtype={"node_id": str, "route_id": str, "commodity": str})
                for n in RESULT_TABLES
            }
        return SolveResult(
            status=summary["status"],
            objective=summary["objective"],
            days=summary["days"],
            scenario=summary["scenario"],
            solver=summary["solver"],
            **tables,
            transport_cost=summary["transport_cost"],
            supply_cost=summary["supply_cost"],
            timings=summary.get("timings_s", {}),
            start_date=summary.get("start_date"),
            external=frozenset(summary.get("external_nodes", [])),
            horizon=summary.get("horizon", {"method": "exact"}),
        )

    def run_doc(self, key: str) -> tuple[dict, dict] | None:
        """(scenario document, options) of a stored run, to run it again on another version;
        runs stored before documents were kept are matched to a saved scenario by hash."""
        rows = self._read("SELECT doc, scenario_hash, options FROM runs WHERE key = ?", (key,))
        if not rows:
            return None
        doc, digest, options = rows[0]
        if doc:
            return json.loads(doc), json.loads(options)
        for (text,) in self._read("SELECT doc FROM scenarios ORDER BY id DESC"):
            if scenario_hash(json.loads(text)) == digest:
                return json.loads(text), json.loads(options)
        return None

    def runs(self, version_id: int | None = None) -> pd.DataFrame:
        """Stored runs (of one dataset version if given), newest first."""
        sql = "SELECT key, dataset_version, scenario_name, options, created_at FROM runs"
        rows = self._read(
            sql + (" WHERE dataset_version = ?" if version_id else "") + " ORDER BY rowid DESC",
            (version_id,) if version_id else (),
        )
        return pd.DataFrame(rows, columns=["key", "dataset_version", "scenario_name", "options", "created_at"])


def seed(store: Store, candidates: list[Path], scenario_dir: Path | None = None) -> int | None:
    """On first start, store the first candidate dataset folder that validates (and the sample
    scenarios). Returns the new version id, or ``None`` when the store was not empty.

    Parameters
    ----------
    store : Store
        The store.
    candidates : list of Path
        Dataset folders, in order of preference.
    scenario_dir : Path, optional
        The sample scenarios' folder.
    """
    if store.active_version() is not None:
        return None
    for folder in candidates:
        if not (folder / "nodes.csv").exists():
            continue
        try:
            dataset = load_dataset(folder)
        except (FoodchainError, OSError):  # a sample being rebuilt may be briefly invalid: try the next one
            continue
        version = store.add_version(
            dataset, "foodchain", f"sample data: {folder.name}", "sample", activate=True, only_if_empty=True
        )
        if version is not None and scenario_dir is not None and store.scenarios().empty:
            for doc in sample_scenarios(dataset, scenario_dir):
                store.save_scenario(doc, "foodchain")
        return version
    return None


def sample_scenarios(dataset: Dataset, scenario_dir: Path) -> list[dict]:
    """The scenario files of ``scenario_dir`` that fit ``dataset`` (every id they name exists),
    with their flood files read in; scenarios written for another sample are left out.

    Parameters
    ----------
    dataset : Dataset
        The dataset the scenarios must fit.
    scenario_dir : Path
        The folder of ``*.json`` scenario files.

    Returns
    -------
    list of dict
        Scenario documents, in file-name order.
    """
    docs = []
    for file in sorted(scenario_dir.glob("*.json")):
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
            scenario_from_dict(doc)  # a scenario object before its flood files are read in
            doc = inline_flood_files(doc, file.parent)
            scenario_factors(dataset, scenario_from_dict(doc))
        except (FoodchainError, OSError, ValueError):  # another sample's ids, a file being rewritten, not JSON
            continue
        docs.append(doc)
    return docs


def inline_flood_files(doc: dict, base_dir: Path | None) -> dict:
    """A scenario with every flood ``geojson`` file read into ``features``, so that it is
    self-contained once stored (files that cannot be found are left as they are).

    Parameters
    ----------
    doc : dict
        The scenario document; not changed.
    base_dir : Path or None
        The folder ``geojson`` names are relative to (``None``: the working folder).

    Returns
    -------
    dict
    """
    out = dict(doc)
    disruptions = []
    for d in doc.get("disruptions", []) if isinstance(doc.get("disruptions"), list) else []:
        path = Path(base_dir or ".") / str(d.get("geojson", "")) if isinstance(d, dict) else None
        if isinstance(d, dict) and d.get("type") == "flood" and "geojson" in d and path.is_file():
            features = json.loads(path.read_text(encoding="utf-8")).get("features", [])
            d = {k: v for k, v in d.items() if k != "geojson"} | {"features": features}
        disruptions.append(d)
    if "disruptions" in doc:
        out["disruptions"] = disruptions
    return out
