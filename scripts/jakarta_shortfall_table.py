"""Print the Markdown table of sample_data/jakarta/README.md: study-area shortfall (t) by scenario and commodity.

Usage: ``python scripts/jakarta_shortfall_table.py [DATASET] [--equity on|off]`` (DATASET: the Jakarta sample).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from foodchain import load_dataset, load_scenario, solve

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = [
    "jan2020_flood",
    "cikampek_closure",
    "karawang_harvest_failure",
    "lebaran_pibc_closed",
    "seribu_sea_storm",
]


def table(dataset_path: Path, equity: bool) -> str:
    dataset = load_dataset(dataset_path)
    goods = list(dataset.commodities["commodity"])
    lines = ["| scenario | days | " + " | ".join(goods) + " | total | outside Jakarta |"]
    lines.append("|" + " --- |" * (len(goods) + 4))
    for name in SCENARIOS:
        scenario = load_scenario(ROOT / "sample_data" / "scenarios" / f"{name}.json")
        s = solve(dataset, scenario, equity=equity).summary()
        cells = [f"{s['by_commodity'].get(k, {}).get('shortfall_t', 0.0):,.0f}" for k in goods]
        total, outside = s["total_shortfall_t"], s["external_shortfall_t"]
        lines.append(f"| {name} | {s['days']} | " + " | ".join(cells) + f" | {total:,.0f} | {outside:,.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dataset", nargs="?", default=str(ROOT / "sample_data" / "jakarta"))
    parser.add_argument("--equity", choices=["on", "off"], default="on")
    args = parser.parse_args()
    print(table(Path(args.dataset), args.equity == "on"))
