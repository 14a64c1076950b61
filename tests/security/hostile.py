"""Run the command line as a user would, under an address-space limit, and read what it says."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.conftest import ROOT

MEMORY_LIMIT_BYTES = 1 << 30  # 1 GiB of address space for the whole process
TIME_LIMIT_S = 10.0  # CPU seconds of the child: a shared, loaded machine must not fail the test
HANG_TIMEOUT_S = 120  # wall-clock seconds before a run counts as hung (subprocess.TimeoutExpired)

_RUNNER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from foodchain.cli import main
sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float  # CPU time (user + system) the run used
    wall_seconds: float

    @property
    def error_lines(self) -> list[str]:
        """Lines that report an error (``validate`` prints its problems on stdout, the others on stderr)."""
        return [line for line in (self.out + self.err).splitlines() if line.startswith("error")]


def foodchain(*args: str, limit: int = MEMORY_LIMIT_BYTES, stdin: bytes | None = None) -> Run:
    """``foodchain ARGS`` in a fresh process with at most ``limit`` bytes of address space."""
    before, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER.format(limit=limit), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=HANG_TIMEOUT_S,
        cwd=ROOT,
        input=stdin,
    )
    return Run(done.returncode, done.stdout, done.stderr, _children_cpu() - before, time.perf_counter() - start)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def refused(run: Run, *words: str) -> str:
    """Assert exit 2, one error line holding ``words``, no traceback, within the time limit; the line."""
    assert "Traceback" not in run.err and "MemoryError" not in run.err, run.err
    assert run.code == 2, (run.code, run.err)
    assert len(run.error_lines) == 1, run.err
    line = run.error_lines[0]
    for word in words:
        assert word in line, (word, line)
    assert run.seconds < TIME_LIMIT_S, run.seconds
    return line
