"""Every benchmark in one run, its figures printed under one heading each, so that releases can be compared.

    python bench/run_all.py                     # the default sizes (scoring and reads at 100,000 claims)
    python bench/run_all.py --claims 1000000    # scoring and reads at any size
    python bench/run_all.py --quick             # small sizes, a minute or two
    python bench/run_all.py --only scale ingest_history

Each benchmark runs as its own process (so one's memory and imports do not weigh on the next) with this
Python, and its text is shown under its name; the figures each reports (bench/figures.py) are then printed
as one table: benchmark, figure, value, unit and the CPU time behind it. The header gives the machine's
cores, the load average before and after (figures taken on a busy machine are slower: compare CPU times
first) and the commit measured. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from figures import ENV, parse

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def _suite(claims: int, quick: bool) -> list[tuple[str, list[str]]]:
    """(name, arguments) of each benchmark, in the order they run."""
    return [
        ("startup", []),
        ("extract", ["--transcripts", "50" if quick else "300", "--runs", "5" if quick else "20"]),
        ("ingest", ["40" if quick else "400"]),
        ("ingest", ["40" if quick else "10000", "--jobs", str(os.cpu_count() or 1)]),
        ("ingest_history", ["50" if quick else "500"]),
        ("scale", [str(10_000 if quick else claims)]),
    ]


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def _commit() -> str:
    done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True, text=True,
                          check=False)
    return done.stdout.strip()[:72] or "(not a git checkout)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000, help="size of the scoring and reads benchmark")
    parser.add_argument("--quick", action="store_true", help="small sizes everywhere")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these benchmarks")
    args = parser.parse_args(argv)
    suite = [(name, extra) for name, extra in _suite(args.claims, args.quick) if not args.only or name in args.only]
    print(f"fls benchmarks  {datetime.now(UTC):%Y-%m-%d %H:%M} UTC  {os.cpu_count()} cores  {_load()}")
    print(f"commit {_commit()}")
    failed = 0
    table: list[tuple[str, str, float, str, float | None]] = []
    for name, extra in suite:
        print(f"\n== {name} {' '.join(extra)}".rstrip(), flush=True)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, str(BENCH / f"{name}.py"), *extra], capture_output=True, text=True,
                              check=False, cwd=ROOT, env={**os.environ, ENV: "1"})
        for line in done.stdout.splitlines():
            if (fig := parse(line)) is not None:
                table.append((name, *fig))
            else:
                print(f"  {line}" if line.strip() else "", flush=True)
        if done.returncode:
            failed += 1
            last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
            print(f"  FAILED (exit {done.returncode}): {last}")
        print(f"  [{time.perf_counter() - t0:.0f} s, {_load()}]", flush=True)
    print_table(table)
    return 1 if failed else 0


def print_table(rows: list[tuple[str, str, float, str, float | None]]) -> None:
    """Every figure of the run in one table."""
    print(f"\n== all figures ({os.cpu_count()} cores, {_load()})")
    width = max((len(r[1]) for r in rows), default=10)
    print(f"  {'benchmark':<15} {'figure':<{width}} {'value':>12} {'unit':<8} {'cpu':>12}")
    for bench, name, value, unit, cpu in rows:
        print(f"  {bench:<15} {name:<{width}} {value:12.1f} {unit:<8} {'' if cpu is None else f'{cpu:12.1f}'}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
