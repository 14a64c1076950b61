"""City, regional and national networks end to end, each in a fresh process for its peak memory.

Per size: generate + validate (``dataset_from_tables``), then :func:`foodchain.solve` with
its own split into build (factors, instance, LP), solve (the default solver,
:func:`~foodchain.optimize.backends.choose_solver`) and the rest (result tables). Peak
memory is :func:`~benchmarks.common.peak_rss_mb`: the measuring process's ``ru_maxrss``
(with what HiGHS allocates in C) plus that of the Clp process it ran, an upper bound.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from benchmarks.common import command, in_fresh_process, lp_size, peak_rss_mb, preamble, verdict
from benchmarks.generate import sized_dataset
from foodchain import Scenario, solve
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp

TITLE = "Scale: city, regional, national"
NATIONAL_SECONDS, NATIONAL_MB = 60.0, 4096.0
KEYS = ("generate", "build", "solve", "results", "total", "peak_mb")


def child(size: str, quick: bool) -> dict:
    """Measure one size in this (fresh) process."""
    start = time.perf_counter()
    dataset, days = sized_dataset(size, quick=quick)
    generate = time.perf_counter() - start
    result = solve(dataset, Scenario(horizon_days=days))
    peak = peak_rss_mb()
    t = result.timings
    lp = build_lp(build_instance(dataset, scenario_factors(dataset, Scenario(horizon_days=days), days)))
    return {
        "generate": generate,
        "build": t["build"],
        "solve": t["solve"],
        "results": t["total"] - t["build"] - t["solve"],
        "total": t["total"],
        "peak_mb": peak,
        "solver": result.solver,
        "shortfall_t": float(result.shortfall["shortfall_t"].sum()),
        "sizes": f"{len(dataset.nodes):,} nodes, {len(dataset.routes):,} routes, {days} d",
        "lp": lp_size(lp),
    }


def run(quick: bool = False) -> str:
    repeats = {"city": 1 if quick else 3, "regional": 1 if quick else 3, "national": 1 if quick else 2}
    lines = [
        "| size | network | LP rows x columns | method | generate + validate (s) | build (s) | solve (s) "
        "| result tables (s) | `solve` total (s) | peak RSS, Python + solver process (MiB) | shortfall (t) | repeats |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    national = {}
    for size, n in repeats.items():
        runs = [
            in_fresh_process("benchmarks.bench_scale", "--child", size, *(["--quick"] if quick else []))
            for _ in range(n)
        ]
        med = {k: statistics.median(r[k] for r in runs) for k in KEYS}
        last = runs[-1]
        lines.append(
            f"| {size} | {last['sizes']} | {last['lp']} | {last['solver']} | {med['generate']:.2f} | {med['build']:.2f} "
            f"| {med['solve']:.2f} | {med['results']:.2f} | {med['total']:.2f} | {med['peak_mb']:,.0f} "
            f"| {last['shortfall_t']:,.1f} | {n} |"
        )
        print(lines[-1], flush=True)
        national = med
    fast, small = national["total"] < NATIONAL_SECONDS, national["peak_mb"] < NATIONAL_MB
    return (
        preamble(command("scale", quick))
        + "  \nEach repeat is a fresh process; medians over its repeats.\n\n"
        + "\n".join(lines)
        + f"\n\nNational `solve` total {national['total']:.1f} s, target < {NATIONAL_SECONDS:.0f} s: {verdict(fast)}."
        f" Peak {national['peak_mb']:,.0f} MiB, target < {NATIONAL_MB:,.0f} MiB: {verdict(small)}."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="one size in this process (used by benchmarks.run)")
    parser.add_argument("--child", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(json.dumps(child(args.child, args.quick)))


if __name__ == "__main__":
    main()
