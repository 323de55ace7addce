"""How fast `fls ingest` stores many calls, in one process and in worker processes.

    python bench/ingest.py            # 200 invented calls (20 companies, 10 quarters each)
    python bench/ingest.py 10000      # any number of calls
    python bench/ingest.py 10000 --jobs 2                                  # only --jobs 2 (and again)
    python bench/ingest.py 10000 --jobs 2 --db postgresql+psycopg://...    # into this (empty) database

Writes the invented calls (with a metadata .toml beside each) to a temporary folder, then runs the real
command as a whole process: `fls ingest --jobs 1`, `--jobs N` (N = the cores) into another database, and the
second command again (every file already stored). Prints calls per second, the database size and the peak
memory of the largest process, and the load average (`uptime`) before and after each run: on a shared machine
the CPU time is the fairer figure. Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from figures import figure  # noqa: E402  (bench/ is on the path: the script's folder)
FLS = Path(sys.executable).with_name("fls")
QUARTER = ("first", "second", "third", "fourth")
FILLER = ("We continue to invest in our people and our plants, and we thank our customers for their trust.",
          "Our order book remains healthy across regions, and pricing held up well during the quarter.",
          "We also made progress on our safety record and on the energy efficiency of our operations.")


def call_text(company: int, n: int) -> tuple[str, date]:
    """An invented call: a quarter's figures, guidance for the next quarter and the year, a plan, filler."""
    year, q = 2020 + n // 4, n % 4
    day = date(year, 3 * q + 1, 1) + timedelta(days=34)
    nq, ny = (q + 1) % 4, year + (q == 3)
    rev = 200 + 3 * company + 7 * n
    lines = [f"Bench Works {company} {QUARTER[q].title()} Quarter {year} Earnings Call",
             f"{day:%B} {day.day}, {year}", "",
             f"Operator: Good morning and welcome to the Bench Works {company} earnings call.", ""]
    for k in range(6):
        lines += [f"Ann Marsh - Chief Executive Officer: Revenue for the {QUARTER[q]} quarter was ${rev + k} million, "
                  f"up {3 + k}% year over year. {FILLER[k % 3]}", "",
                  f"Ann Marsh - Chief Executive Officer: For the {QUARTER[nq]} quarter of {ny}, we expect revenue "
                  f"between ${rev + 10 + k} million and ${rev + 30 + k} million. We plan to open {2 + k % 3} new plants "
                  f"by the end of {ny + 1}. {FILLER[(k + 1) % 3]}", "",
                  f"Ray Pike - Chief Financial Officer: We expect gross margin of approximately {30 + (n + k) % 5}% "
                  f"for the full year {ny}. Capital expenditures were ${40 + k} million in the quarter. "
                  f"{FILLER[(k + 2) % 3]}", ""]
    return "\n".join(lines) + "\n", day


def write_corpus(folder: Path, n_calls: int) -> list[Path]:
    per_company = 10
    paths = []
    for i in range(n_calls):
        company, n = divmod(i, per_company)
        text, day = call_text(company, n)
        path = folder / f"bw{company:05d}_{n:02d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".toml").write_text(f'ticker = "BW{company:05d}"\ncall_date = {day}\n', encoding="utf-8")
        paths.append(path)
    return paths


def _size_mb(db: str) -> float:
    if "://" not in db:
        return Path(db).stat().st_size / 1e6 if Path(db).exists() else 0.0
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        size = conn.scalar(text("SELECT pg_database_size(current_database())"))
    engine.dispose()
    return size / 1e6


def _server_cpu(db: str) -> float | None:
    """CPU seconds the PostgreSQL server at `db` has used so far, when it runs on this machine (its postmaster
    and every backend it has reaped, from /proc): the work a client's own CPU time leaves out. None for SQLite
    or a server elsewhere."""
    if "://" not in db:
        return None
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            backend = conn.scalar(text("SELECT pg_backend_pid()"))
        postmaster = int(Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()[1])
        fields = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError, IndexError):
        return None
    finally:
        engine.dispose()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")   # utime, stime, cutime, cstime


def _load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(label: str, paths: list[Path], db: str, jobs: int) -> None:
    load_before = _load()
    server_before = _server_cpu(db)
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([str(FLS), "ingest", *map(str, paths), "--jobs", str(jobs), "--db", db],
                          capture_output=True, text=True, check=False)
    took = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    server_after = _server_cpu(db)
    server = server_after - server_before if server_before is not None and server_after is not None else None
    figure(f"{len(paths)} calls, {label}", took, "s", cpu)
    if server is not None:
        figure(f"{len(paths)} calls, {label}, server cpu", server, "s")
    figure(f"{len(paths)} calls, {label}, calls/s", len(paths) / took, "calls/s")
    print(f"  {label:<34} {len(paths) / took:8.1f} calls/s  {took:7.1f} s wall {cpu:7.1f} s cpu  "
          f"db {_size_mb(db):6.1f} MB  exit {done.returncode}  ({load_before} -> {_load()})"
          + (f"  server {server:.1f} s cpu" if server is not None else ""), flush=True)
    if done.returncode:
        print(f"  {(done.stderr.strip().splitlines() or [''])[-1]}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("calls", type=int, nargs="?", default=200)
    parser.add_argument("--jobs", type=int, help="only this many worker processes (default: 1, then the cores)")
    parser.add_argument("--db", help="a SQLAlchemy URL of an empty database (default: SQLite files in a temporary "
                                     "folder)")
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder, args.calls)
        print(f"{args.calls} invented calls, {cores} cores", flush=True)
        if args.jobs is None:
            run("ingest --jobs 1", paths, str(folder / "one.db"), 1)
        jobs = args.jobs or cores
        db = args.db or str(folder / "many.db")
        run(f"ingest --jobs {jobs}", paths, db, jobs)
        run(f"ingest again --jobs {jobs} (all stored)", paths, db, jobs)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  peak memory of the largest process: {peak:.0f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
