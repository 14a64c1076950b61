"""``foodchain flood-overlay``: the routes and nodes a scenario's floods touch, with their factors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from foodchain.analysis.runner import write_csv
from foodchain.cli.args import add_dataset, days_int
from foodchain.messages import msg
from foodchain.model.dataset import load_dataset
from foodchain.optimize.flood import flood_overlay
from foodchain.optimize.scenario import load_scenario
from foodchain.outdir import check_out_file


def cmd_flood_overlay(args: argparse.Namespace) -> int:
    """Print (and optionally write) the flood overlay of a scenario; exit 0, or 2 on invalid input."""
    if args.out:
        check_out_file(args.out)
    dataset = load_dataset(args.dataset)
    scenario = load_scenario(args.scenario)
    frame = flood_overlay(dataset, scenario, args.days)
    for p in frame.attrs.get("warnings", []):
        print(p.as_line(), file=sys.stderr)
    if not any(d.get("type") == "flood" for d in scenario.disruptions):
        print(msg("cli.no_flood", name=Path(args.scenario).name), file=sys.stderr)
    if args.out:
        write_csv(frame, args.out)  # atomically: a temporary file renamed into place
    if args.geojson:
        from foodchain.gis import dumps, flood_geojson

        Path(args.geojson).write_text(dumps(flood_geojson(dataset, scenario, args.days)), encoding="utf-8")
    with pd.option_context("display.max_rows", None, "display.width", 200, "display.max_colwidth", 60):
        print(frame.to_string(index=False) if len(frame) else msg("cli.flood_touches_nothing"))
    closed = frame[frame["factor"] == 0]
    counts = {"routes": int((frame["kind"] == "route").sum()), "nodes": int((frame["kind"] == "node").sum())}
    line = msg("cli.flood_overlay_summary", **counts, closed=len(closed))
    print(msg("cli.written_to", what=line, path=args.out) if args.out else line)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``foodchain flood-overlay DATASET --scenario FILE [--days N] [--out FILE.csv]``."""
    p = subparsers.add_parser("flood-overlay", help="routes and nodes a flood touches, with their factors")
    add_dataset(p)
    p.add_argument("--scenario", required=True, help="scenario JSON or YAML with flood disruptions")
    p.add_argument("--days", type=days_int, help="days (default: the scenario's horizon)")
    p.add_argument("--out", help="also write the table to this CSV file")
    p.add_argument("--geojson", metavar="FILE", help="also write flood areas and touched routes and nodes as GeoJSON")
    p.set_defaults(func=cmd_flood_overlay)
