"""The figures a benchmark reports, in one form `bench/run_all.py` gathers into one table.

A benchmark prints its own lines for a person, and for each figure also calls `figure`, which, when run by
`run_all` (FLS_BENCH_FIGURES=1), prints one marked line: "@figure<TAB>name<TAB>value<TAB>unit<TAB>cpu".
`run_all` keeps those lines out of the text it shows and prints them at the end as one table (benchmark,
figure, value, unit, CPU time), so that two releases' tables can be put side by side.
"""
from __future__ import annotations

import os

MARK = "@figure"
ENV = "FLS_BENCH_FIGURES"


def figure(name: str, value: float, unit: str, cpu: float | None = None) -> None:
    """One figure: `value` in `unit` (ms, s, calls/s, MB, ...), and the CPU time behind it in the same unit
    when the benchmark measured it (the fairer figure on a shared machine)."""
    if os.environ.get(ENV) != "1":
        return
    print(f"{MARK}\t{name}\t{value:.6g}\t{unit}\t{'' if cpu is None else f'{cpu:.6g}'}", flush=True)


def parse(line: str) -> tuple[str, float, str, float | None] | None:
    """(name, value, unit, cpu) of a marked line; None for any other line."""
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 5 or parts[0] != MARK:
        return None
    return parts[1], float(parts[2]), parts[3], float(parts[4]) if parts[4] else None
