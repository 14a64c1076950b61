"""Run the benchmarks and write their sections of benchmarks/RESULTS.md.

``python -m benchmarks.run`` runs them all (about 45 minutes on a 2-core machine, 24 of them N-1);
``--only NAME`` runs one (several ``--only`` allowed); ``--quick`` runs every benchmark
on tiny networks as a smoke test and prints the sections without writing RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib
import time

from benchmarks.common import write_section

BENCHMARKS = {  # name: module
    "core": "benchmarks.bench_core",
    "overhead": "benchmarks.bench_overhead",
    "n1": "benchmarks.bench_n1",
    "scale": "benchmarks.bench_scale",
    "ensemble": "benchmarks.bench_ensemble",
    "flood": "benchmarks.bench_flood",
    "default": "benchmarks.bench_default",
    "n1-stressed": "benchmarks.bench_n1_stressed",
    "jakarta": "benchmarks.bench_jakarta",
    "rolling": "benchmarks.bench_rolling",
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny networks; print, do not write RESULTS.md")
    parser.add_argument("--only", action="append", choices=list(BENCHMARKS), help="run only this benchmark")
    args = parser.parse_args(argv)
    for name in args.only or list(BENCHMARKS):
        module = importlib.import_module(BENCHMARKS[name])
        print(f"== {module.TITLE} ({name})", flush=True)
        start = time.perf_counter()
        body = module.run(quick=args.quick)
        print(body, f"\n({time.perf_counter() - start:.0f} s)\n", flush=True)
        if not args.quick:
            write_section(module.TITLE, body)


if __name__ == "__main__":
    main()
