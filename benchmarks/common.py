"""What every benchmark shares: the machine description, timing medians, and RESULTS.md sections."""

from __future__ import annotations

import os
import platform
import re
import statistics
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
