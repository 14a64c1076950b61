"""``foodchain store import|log|diff|activate|export``: the app's version store from a script.

The store is the same SQLite file the app uses (``$FOODCHAIN_DB``, else
``data/foodchain.sqlite``). ``import`` validates first: a bad import stores nothing and
exits 2 with every problem. With ``--numbers auto`` (the default), a value such as
``30.000`` whose reading depends on the number convention also stops the import until
``--numbers en`` or ``--numbers id`` says how the file is written.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from foodchain.cli.args import EXIT_INVALID, EXIT_OK, add_numbers
from foodchain.ingest import merge_tables
from foodchain.messages import msg
from foodchain.messages.catalog import CATALOG
from foodchain.model.io import read_raw
from foodchain.model.numbers import ambiguous
from foodchain.model.problems import errors
from foodchain.store import NameRequired, Store, UnknownVersion
from foodchain.store.diff import cell_changes, row_changes


def _refuse(lines: list[str]) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    print(msg("cli.nothing_stored"), file=sys.stderr)
    return EXIT_INVALID


def cmd_import(args: argparse.Namespace) -> int:
    """Validate DATA merged into the active version; store it as a draft (or active)."""
    store = Store()
    active = store.active_version()
    raw, problems = read_raw(args.data, numbers=args.numbers)
    if not raw and not errors(problems):
        return _refuse([p.as_line() for p in problems] + [_error(msg("cli.no_tables", data=args.data))])
    candidate = merge_tables(store.tables(active) if active else {}, raw) if not errors(problems) else None
    problems += candidate.problems if candidate else []
    unsure = ambiguous(problems) if args.numbers == "auto" else []
    if errors(problems) or unsure:
        hint = [_error(msg("cli.say_numbers"))]
        return _refuse([p.as_line() for p in problems] + (hint if unsure else []))
    for p in problems:
        print(p.as_line(), file=sys.stderr)
    try:
        version = store.add_version(candidate.dataset, args.by, args.note, "import", activate=args.activate)
    except NameRequired as exc:
        return _refuse([_error(exc)])
    stored = "cli.stored_active" if args.activate else "cli.stored_draft"
    print(msg(stored, version=version, tables=", ".join(sorted(raw))))
    return EXIT_OK


def _error(text: object) -> str:
    """``error: text`` in the reader's language."""
    return f"{msg('common.error')}: {text}"


def cmd_log(args: argparse.Namespace) -> int:
    """Versions (newest first) and activations, with who, when, note and state."""
    store = Store()
    for v in store.versions().itertuples(index=False):
        state = msg(f"cli.state.{v.state}") if f"cli.state.{v.state}" in CATALOG else v.state
        row = {"at": v.created_at, "by": v.uploader, "source": v.source, "note": v.note}
        print(msg("cli.log_version", version=v.id, state=state, **row))
    for e in store.events().itertuples(index=False):
        before = msg("cli.no_version") if pd.isna(e.from_version) else e.from_version
        row = {"at": e.at, "by": e.by, "note": e.note}
        print(msg("cli.log_activate", before=before, version=e.version_id, **row))  # the only kind of event
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """Changed cells (table, key, column, old, new), then rows added and removed, from A to B."""
    store = Store()
    old, new = store.tables(args.a), store.tables(args.b)
    cells, rows = cell_changes(old, new), row_changes(old, new)
    for c in cells.itertuples(index=False):
        print(f"changed: {c.table}, {c.key}, {c.column}, {_text(c.old)}, {_text(c.new)}")
    for r in rows.itertuples(index=False):
        print(f"{r.change}: {r.table}, {r.key}")
    print(msg("cli.diff_summary", cells=len(cells), rows=len(rows), a=args.a, b=args.b))
    return EXIT_OK


def _text(value: object) -> str:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.15g}"
    return str(value)


def cmd_activate(args: argparse.Namespace) -> int:
    """Make version V the active one (recorded: who, when, from which version)."""
    store = Store()
    before = store.active_version()
    try:
        store.activate(args.version, args.by, args.note)
    except NameRequired as exc:
        print(_error(exc), file=sys.stderr)
        return EXIT_INVALID
    before = msg("cli.no_version") if before is None else before
    print(msg("cli.activated", version=args.version, before=before, by=args.by.strip()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write version V as a folder of CSVs that ``foodchain validate`` accepts."""
    Store().load_version(args.version).to_folder(args.out)
    print(msg("cli.exported", version=args.version, out=args.out))
    return EXIT_OK


def _guard(func):
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except UnknownVersion as exc:
            print(_error(exc), file=sys.stderr)
            return EXIT_INVALID

    return run


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``store`` with its five subcommands."""
    group = sub.add_parser("store", help="dataset versions in the app's store ($FOODCHAIN_DB)")
    cmds = group.add_subparsers(dest="store_command", required=True)
    p = cmds.add_parser("import", help="validate DATA and store it as a draft version (exit 2: nothing stored)")
    p.add_argument("data", help="folder of CSVs, .csv, .zip or .xlsx (tables given replace the active ones)")
    p.add_argument("--by", required=True, help="your name (recorded)")
    p.add_argument("--note", default="", help="what changed and why")
    p.add_argument("--activate", action="store_true", help="also make it the active version")
    add_numbers(p)
    p.set_defaults(func=_guard(cmd_import))
    p = cmds.add_parser("log", help="versions and activations: who, when, note, state")
    p.set_defaults(func=_guard(cmd_log))
    p = cmds.add_parser("diff", help="changed cells, added and removed rows from version A to B")
    p.add_argument("a", type=int)
    p.add_argument("b", type=int)
    p.set_defaults(func=_guard(cmd_diff))
    p = cmds.add_parser("activate", help="make version V the active one")
    p.add_argument("version", type=int)
    p.add_argument("--by", required=True, help="your name (recorded)")
    p.add_argument("--note", default="", help="why")
    p.set_defaults(func=_guard(cmd_activate))
    p = cmds.add_parser("export", help="write version V as a folder of CSVs")
    p.add_argument("version", type=int)
    p.add_argument("--out", required=True, help="folder to write")
    p.set_defaults(func=_guard(cmd_export))
