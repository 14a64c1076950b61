"""Default solver: ``auto`` against every single engine on a set of LPs that includes real shapes.

The set: the Jakarta sample under its bundled scenarios at 1, 5, 10, 30 and 90 days, the
stressed synthetic city (tight capacities, base shortfall 2-5 %) at 1 and 7 days, the easy
synthetic city at 1 and 7 days and the regional network at 1 day. On each LP, ``auto`` runs
first; then every single engine (HiGHS dual simplex, HiGHS interior point, Clp dual simplex,
Clp barrier) runs with a time limit of ``auto``'s time x :data:`CAP` + 1 s: an engine stopped
there is slower than ``auto`` by that much at least, which is all the 1.2x target needs to
know. Times are wall seconds of :func:`~foodchain.optimize.backends.solve_lp` (MPS file
writing, process start and solution reading included), all in one process, one after
another; an LP that ``auto`` answers within :data:`SHORT_S` seconds is timed
:data:`REPEATS` times, ``auto`` and the engines taking turns, and each cell is the median
(one run of a 0.3 s LP varies by 30 % on this shared machine). Every engine that finishes
must reach ``auto``'s objective (1e-6 relative; asserted).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from benchmarks.common import command, lp_size, preamble, verdict
from benchmarks.generate import sized_dataset, stressed_dataset
from foodchain import load_dataset, load_scenario
from foodchain.errors import SolverError
from foodchain.optimize.backends import BACKUP_AFTER_SECONDS, RACE_ABOVE_COLUMNS_PER_DAY, solve_lp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.scenario import Scenario

TITLE = "Default solver"
ENGINES = ("highs-simplex", "highs-ipm", "clp-simplex", "clp-barrier")
TARGET = 1.2
CAP = 1.3
SHORT_S = 5.0
REPEATS = 3
SAMPLES = Path(__file__).resolve().parents[1] / "sample_data"
JAKARTA, SCENARIOS = SAMPLES / "jakarta", SAMPLES / "scenarios"
JAKARTA_CASES = (  # scenario file, days
    ("jan2020_flood.json", 1),
    ("jan2020_flood.json", 5),
    ("lebaran_pibc_closed.json", 10),
    ("karawang_harvest_failure.json", 30),
    ("karawang_harvest_failure.json", 90),
)


def lp_of(dataset, scenario: Scenario, days: int):
    return build_lp(build_instance(dataset, scenario_factors(dataset, scenario, days)))


def lp_set(quick: bool):
    """(label, LP) pairs of the benchmark set (quick: Jakarta up to 5 days and the small synthetic shapes)."""
    for label, make in (("stressed city", stressed_dataset), ("easy city", sized_dataset)):
        dataset, _ = make("city", quick=quick)
        for days in (1, 2) if quick else (1, 7):
            yield f"{label}, {days} d", lp_of(dataset, Scenario(horizon_days=days), days)
    if not quick:
        regional, _ = sized_dataset("regional")
        yield "regional, 1 d", lp_of(regional, Scenario(horizon_days=1), 1)
    jakarta = load_dataset(JAKARTA)
    for name, days in JAKARTA_CASES[:2] if quick else JAKARTA_CASES:  # the longest last
        scenario = load_scenario(SCENARIOS / name)
        yield f"Jakarta, {scenario.name}, {days} d", lp_of(jakarta, scenario, days)


def timed(lp, solver: str = "auto", time_limit: float | None = None) -> tuple[float, object]:
    """(wall seconds, solution or None when stopped at the time limit)."""
    start = time.perf_counter()
    try:
        sol = solve_lp(lp, solver, time_limit)
    except SolverError:
        return time.perf_counter() - start, None
    seconds = time.perf_counter() - start
    return seconds, sol if sol.status == "optimal" else None


def row(label: str, lp) -> tuple[str, float]:
    auto_s, auto = timed(lp)
    assert auto is not None, f"auto found no optimum on {label}"
    repeats = REPEATS if auto_s < SHORT_S else 1
    times = {"auto": [auto_s]} | {e: [] for e in ENGINES}
    sols = {}
    for turn in range(repeats):
        if turn:
            times["auto"].append(timed(lp)[0])
        for engine in ENGINES:
            seconds, sols[engine] = timed(lp, engine, CAP * auto_s + 1.0)
            times[engine].append(seconds if sols[engine] is not None else float("inf"))
    auto_s = statistics.median(times["auto"])
    cells, finished = [], {}
    for engine in ENGINES:
        seconds = statistics.median(times[engine])
        if sols[engine] is None or seconds == float("inf"):
            cells.append(f"> {CAP * times['auto'][0] + 1.0:.1f} (stopped)")
            continue
        sol = sols[engine]
        assert abs(sol.objective - auto.objective) <= 1e-6 * abs(auto.objective) + 1e-6, (label, engine)
        finished[engine] = seconds
        cells.append(f"{seconds:.2f}")
    fastest = min(finished, key=finished.get) if finished else "none finished"
    ratio = auto_s / finished[fastest] if finished else 1.0 / CAP
    line = (
        f"| {label} | {lp_size(lp)} | {auto_s:.2f} ({auto.solver}) | " + " | ".join(cells) + f" | {fastest} | "
        f"{ratio:.2f} | {verdict(ratio <= TARGET)} |"
    )
    return line, ratio


def run(quick: bool = False) -> str:
    head = (
        "| LP | rows x columns | `auto` (s) (winner) | HiGHS dual simplex (s) | HiGHS interior point (s) | "
        "Clp dual simplex (s) | Clp barrier (s) | fastest single engine | `auto` / fastest | target <= 1.2 |\n"
        "|---|---|---|---|---|---|---|---|---|---|"
    )
    lines, worst = [], 0.0
    for label, lp in lp_set(quick):
        line, ratio = row(label, lp)
        print(line, flush=True)
        lines.append(line)
        worst = max(worst, ratio)
    return (
        preamble(command("default", quick))
        + f"  \n`auto` runs HiGHS dual simplex alone up to {RACE_ABOVE_COLUMNS_PER_DAY:,} columns per day of the horizon; "
        f"above, Clp's dual simplex (1 day) or barrier (several days) first and the other Clp engine after {BACKUP_AFTER_SECONDS:.0f} s "
        "if no answer has come.\n"
        + f"Single engines are stopped at {CAP} x `auto`'s time + 1 s. LPs that `auto` answers within {SHORT_S:.0f} s: "
        f"medians of {REPEATS} runs, `auto` and the engines taking turns; longer ones: one run each.\n\n"
        + head
        + "\n"
        + "\n".join(lines)
        + f"\n\nWorst `auto` / fastest single engine: {worst:.2f} (target <= {TARGET}): {verdict(worst <= TARGET)}.\n"
    )
