"""Jakarta: long horizons, ``mitigate`` on Lebaran and a 1,000-run flood ensemble, end to end.

* Long horizons: :func:`foodchain.solve` of the Karawang harvest failure stretched to 90 days
  with the default solver (size check, build, race, result tables), and the size estimate
  of 365 days with the verdict of the memory check on this machine.
* ``mitigate``: :func:`~foodchain.analysis.mitigation.evaluate_levers` on Lebaran with the
  levers it proposes, as ``foodchain mitigate`` runs it.
* Ensemble: :func:`~foodchain.analysis.ensemble.run_ensemble` of the bundled Jakarta flood
  spec, 1,000 runs on 2 worker processes (pool start-up and each worker's base solve included).
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.common import command, peak_rss_mb, preamble, verdict
from foodchain import load_dataset, load_scenario, solve
from foodchain.analysis.ensemble import run_ensemble
from foodchain.analysis.flood_spec import load_spec
from foodchain.analysis.mitigation import evaluate_levers
from foodchain.errors import InvalidInput
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.size import check_lp_size, estimate_lp_size, memory_limit_bytes

TITLE = "Jakarta: long horizons, mitigation, ensemble"
SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
JAKARTA, SCENARIOS = SAMPLES / "jakarta", SAMPLES / "scenarios"
GIB = 2**30


def long_horizon(dataset, days: int, target_s: float) -> str:
    scenario = load_scenario(SCENARIOS / "karawang_harvest_failure.json")
    start = time.perf_counter()
    result = solve(dataset, scenario, days=days)
    total = time.perf_counter() - start
    t = result.timings
    return (
        f"| `solve`, Karawang harvest failure, {days} days | {total:.1f} s (build {t['build']:.1f}, "
        f"solver {t['solve']:.1f} by {result.solver}, result tables {total - t['build'] - t['solve']:.1f}); "
        f"peak {peak_rss_mb():,.0f} MiB | < {target_s:.0f} s: {verdict(total < target_s)} |"
    )


def size_check(dataset, days: int, target_s: float) -> str:
    inst = build_instance(
        dataset, scenario_factors(dataset, load_scenario(SCENARIOS / "karawang_harvest_failure.json"), days)
    )
    size = estimate_lp_size(inst)
    try:
        check_lp_size(inst)
        verdict_words = "within this machine's memory: not refused"
    except InvalidInput:
        verdict_words = f"refused before building (limit: {memory_limit_bytes() / GIB:.1f} GiB available)"
    return (
        f"| `solve`, Karawang harvest failure, {days} days | not solved: estimate {size.words()}; "
        f"{verdict_words} | < {target_s:.0f} s: **FAIL** |"
    )


def mitigate(dataset) -> str:
    scenario = load_scenario(SCENARIOS / "lebaran_pibc_closed.json")
    start = time.perf_counter()
    result = evaluate_levers(dataset, scenario)
    seconds = time.perf_counter() - start
    return f"| `mitigate`, Lebaran, {len(result.levers)} proposed levers | {seconds:.1f} s | < 10 s: {verdict(seconds < 10)} |"


def ensemble(dataset, runs: int) -> str:
    spec = load_spec(SCENARIOS / "jakarta_flood_spec.json")
    start = time.perf_counter()
    result = run_ensemble(dataset, spec, runs, seed=1, workers=2)
    seconds = time.perf_counter() - start
    return (
        f"| ensemble, Jakarta flood spec, {runs:,} runs, 2 workers | {seconds:.1f} s "
        f"({1000 * seconds / runs:.0f} ms a run; expected shortfall {result.summary['expected_shortfall_t']:,.1f} t)"
        f" | < 60 s: {verdict(seconds < 60)} |"
    )


def run(quick: bool = False) -> str:
    dataset = load_dataset(JAKARTA)
    lines = ["| what | measured | target |", "|---|---|---|"]
    steps = [
        lambda: mitigate(dataset),
        lambda: ensemble(dataset, 20 if quick else 1000),
        lambda: long_horizon(dataset, 10 if quick else 90, 60),
        lambda: size_check(dataset, 365, 300),
    ]
    for step in steps:
        line = step()
        print(line, flush=True)
        lines.append(line)
    return preamble(command("jakarta", quick)) + "\n\n" + "\n".join(lines)
