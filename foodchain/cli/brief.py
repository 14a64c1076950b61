"""``foodchain brief``: a one- or two-page A4 PDF on one scenario for policymakers."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from foodchain.cli.args import EXIT_OK, add_dataset, zone_shapes_arg
from foodchain.messages import msg, num


def data_label(source: str | Path) -> str:
    """The dataset as named in the brief: its folder or file name and when it was last changed."""
    path = Path(source)
    files = [p for p in (path.iterdir() if path.is_dir() else [path]) if p.is_file()]
    changed = max((p.stat().st_mtime for p in files), default=0.0)
    return f"{path.name} ({pd.Timestamp(changed, unit='s').date().isoformat()})"


def cmd_brief(args: argparse.Namespace) -> int:
    """Solve the scenario and write the brief PDF to ``--out``."""
    from foodchain.brief import BriefInput, build_brief
    from foodchain.model.dataset import load_dataset
    from foodchain.optimize import load_scenario, solve
    from foodchain.store import inline_flood_files

    dataset = load_dataset(args.dataset)
    scenario = load_scenario(args.scenario)
    result = solve(dataset, scenario)
    layers, shapes = zone_shapes_arg(dataset, args.dataset, args.boundary)
    levers = None
    if args.mitigation:
        levers = pd.read_csv(Path(args.mitigation) / "mitigation.csv")
    doc = inline_flood_files(json.loads(scenario.to_json()), scenario.base_dir)
    inp = BriefInput(dataset, result, doc, shapes, layers, data_label(args.dataset), levers)
    Path(args.out).write_bytes(build_brief(inp, args.lang))
    s = result.summary()
    shortfall = num(s["total_shortfall_t"], 1)
    print(msg("cli.brief_summary", scenario=scenario.name, lang=args.lang, shortfall=shortfall, out=args.out))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``brief DATASET --scenario FILE --lang id|en --out FILE.pdf``."""
    p = sub.add_parser("brief", help="one or two A4 pages (PDF) on a scenario, for policymakers")
    add_dataset(p)
    p.add_argument("--scenario", required=True, help="scenario JSON or YAML")
    p.add_argument("--lang", choices=["id", "en"], default="id", help="language of the brief (default id)")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--mitigation", metavar="DIR", help="a `foodchain mitigate` output folder: its top three levers")
    p.add_argument("--boundary", metavar="FILE", help="zone polygons as GeoJSON with a node_id property")
    p.set_defaults(func=cmd_brief)
