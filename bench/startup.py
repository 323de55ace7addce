"""`fls --help` and `fls extract` of the seed as whole processes (start-up included), medians of 5 runs.

Prints wall and CPU time of each and the modules a command imports that it does not need (SQLAlchemy,
Alembic, Textual, the database and UI packages); asserts nothing.
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from figures import figure  # noqa: E402  (bench/ is on the path: the script's folder)
SEED = ROOT / "seeds" / "canaan_2024q4_earnings_call.txt"
FLS = Path(sys.executable).with_name("fls")
RUNS = 5
PROBE = ("import sys\nfrom cli.main import main\ncode = main(sys.argv[1:])\n"
         "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', 'textual', 'db', 'tui'}),"
         " file=sys.stderr)\n")


def measure(label: str, argv: list[str]) -> None:
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([str(FLS), *argv], capture_output=True, check=False)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    probe = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False)
    heavy = probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else "?"
    figure(label, statistics.median(walls) * 1000, "ms", statistics.median(cpus) * 1000)
    print(f"  {label:<28} {statistics.median(walls) * 1000:7.0f} ms wall {statistics.median(cpus) * 1000:7.0f} ms cpu"
          f"  heavy imports: {heavy}", flush=True)


def main() -> int:
    measure("fls --help", ["--help"])
    measure("fls extract seed (jsonl)", ["extract", str(SEED), "--format", "jsonl"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
