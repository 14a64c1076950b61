"""What every benchmark shares: the machine description, timing medians, and RESULTS.md sections."""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

RESULTS = Path(__file__).parent / "RESULTS.md"
HEADER = (
    "# Benchmark results\n\nWritten by the scripts in `benchmarks/`; each section says the command that produced it.\n"
)


def machine() -> str:
    """One line: CPU model, cores, RAM, Python."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kib / 1024**2:.0f} GiB RAM"
    except (OSError, AttributeError):
        ram = "unknown RAM"
    return f"{cpu}, {os.cpu_count()} cores, {ram}, Python {platform.python_version()}"


def median_seconds(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median wall-clock seconds of ``repeats`` calls, and the last call's return value."""
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def write_section(title: str, body: str) -> None:
    """Replace (or append) the ``## title`` section of RESULTS.md, leaving other sections alone."""
    text = RESULTS.read_text() if RESULTS.exists() else HEADER
    section = f"## {title}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", flags=re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
    RESULTS.write_text(text)


def peak_rss_mb() -> float:
    """Peak resident memory so far, in MiB: this process's (with what C libraries such as HiGHS
    allocate) plus its largest finished child's (a Clp solver process). The two peaks may not
    coincide, so the sum is an upper bound on what was resident at any moment."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + child) / 1024


def in_fresh_process(module: str, *args: str) -> dict:
    """Run ``python -m module *args`` in a new interpreter and return the JSON it prints on its last line.

    Peak memory is per process, so each measurement that reports it runs in its own process.
    """
    done = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=Path(__file__).parents[1]
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def lp_size(lp) -> str:
    """``rows x columns (nonzeros)`` of a :class:`~foodchain.optimize.lp.LinearProgram`."""
    rows, cols = lp.shape
    return f"{rows:,} x {cols:,} ({lp.matrix.nnz:,} nonzeros)"


def network_size(dataset, days: int) -> str:
    """Nodes, routes, commodities and days of a dataset, in words."""
    return (
        f"{len(dataset.nodes):,} nodes, {len(dataset.routes):,} routes, "
        f"{len(dataset.commodities)} commodities, {days} day{'s' if days > 1 else ''}"
    )


def verdict(ok: bool) -> str:
    return "**pass**" if ok else "**FAIL**"


def preamble(command: str, repeats: int | None = None) -> str:
    """The first lines of every section: the command, the machine and its load, the repeats."""
    load = os.getloadavg()[0]
    text = f"Command: `{command}`.  \nMachine: {machine()}; load average {load:.1f} when the section started."
    return text + (f"  \nMedians of {repeats} repeats unless a row says otherwise." if repeats else "")


def command(name: str, quick: bool) -> str:
    """The command that reproduces one benchmark's section."""
    return f"python -m benchmarks.run --only {name}" + (" --quick" if quick else "")
