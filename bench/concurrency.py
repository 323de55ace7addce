"""Many `fls` programs writing one database at once, as a team runs them, on SQLite and (when a server URL is
given) PostgreSQL: N ingests of N calls of one new company, N ingests of one file, N imports of one CSV, and a
reader during a long import. Prints for each: writers, wall time, exit codes, and the stored counts beside
those of the same commands run one after another; asserts nothing. Note the load (`uptime`) beside figures.

    .venv/bin/python bench/concurrency.py                       # 4 writers, SQLite only
    .venv/bin/python bench/concurrency.py 8 postgresql+psycopg://postgres@127.0.0.1:55433/fls_test
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, make_url, select, text  # noqa: E402

from db.models import ActualRecord, ClaimRecord, Company, Document, EventRecord, RevisionRecord  # noqa: E402
from db.models import SpeakerRecord  # noqa: E402
from db.session import open_database  # noqa: E402

FLS = [sys.executable, "-m", "cli.main"]
_spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
_bench_ingest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench_ingest)
call_text = _bench_ingest.call_text
TABLES = (Company, SpeakerRecord, Document, ClaimRecord, RevisionRecord, ActualRecord, EventRecord)


def write_calls(folder: Path, n: int) -> list[Path]:
    """n calls of the invented Bench Works 0, one a quarter."""
    paths = []
    for i in range(n):
        body, day = call_text(0, i)
        path = folder / f"bw0_{i:02d}.txt"
        path.write_text(body, encoding="utf-8")
        path.with_suffix(".toml").write_text(f'ticker = "BW0"\ncall_date = {day}\n', encoding="utf-8")
        paths.append(path)
    return paths


def write_csv(path: Path, rows: int) -> Path:
    lines = ["ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event"]
    for i in range(rows):
        if i % 5 == 4:
            lines.append(f"BW0,plan {i},,,2025-{1 + i % 12:02d}-15,,,,press {i},,achieved")
        else:
            lines.append(f"BW0,metric {i % 50},,{2020 + i // 200}-Q{1 + i % 4},,{i}.5M,USD,2026-01-{1 + i % 28:02d},"
                         f"filing {i},,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(url: str) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.session(write=False) as s:
            return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) for m in TABLES}
    finally:
        db.dispose()


def at_once(commands: list[list[str]]) -> tuple[float, list[int], set[str]]:
    """Run the commands as simultaneous processes: wall seconds, exit codes, distinct stderr lines."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen([*FLS, *c], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for c in commands]
    errs = [p.communicate()[1] for p in procs]
    return time.perf_counter() - t0, [p.returncode for p in procs], {line for e in errs for line in e.splitlines()}


def one_by_one(commands: list[list[str]]) -> float:
    t0 = time.perf_counter()
    for c in commands:
        subprocess.run([*FLS, *c], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - t0


@contextmanager
def fresh(kind: str, server: str | None, folder: Path) -> Iterator[str]:
    """An empty database with the schema: a new SQLite file, or a new database on the PostgreSQL server."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.db'}"
        open_database(url).dispose()
        yield url
        return
    base = make_url(server)
    name = f"fls_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = base.set(database=name).render_as_string(hide_password=False)
        open_database(url).dispose()
        yield url
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def scenario(label: str, kind: str, server: str | None, folder: Path, setup: list[list[str]],
             commands: Callable[[str], list[list[str]]]) -> None:
    with fresh(kind, server, folder) as url:
        one_by_one([[*c, "--db", url] for c in setup])
        took, codes, errs = at_once(commands(url))
        concurrent = counts(url)
    with fresh("sqlite", None, folder) as url:
        one_by_one([[*c, "--db", url] for c in setup])
        seq_took = one_by_one(commands(url))
        sequential = counts(url)
    same = "same as one by one" if concurrent == sequential else f"DIFFERS from one by one {sequential}"
    print(f"  {kind:<10} {label:<28} {len(codes)} writers {took:6.1f} s (one by one {seq_took:6.1f} s)  "
          f"exit {sorted(codes)}", flush=True)
    print(f"  {'':<10} {'':<28} {concurrent}  {same}", flush=True)
    for line in sorted(errs):
        print(f"  {'':<10} stderr: {line}", flush=True)


def reader_during_import(folder: Path, big_csv: Path, calls: list[Path]) -> None:
    """SQLite: how long `fls claims` takes while a long import holds the write lock."""
    with fresh("sqlite", None, folder) as url:
        one_by_one([["ingest", str(calls[0]), "--db", url]])
        t0 = time.perf_counter()
        importer = subprocess.Popen([*FLS, "actuals", "import", str(big_csv), "--db", url], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reads = []
        while importer.poll() is None:
            r0 = time.perf_counter()
            done = subprocess.run([*FLS, "claims", "BW0", "--db", url], cwd=ROOT, capture_output=True, check=False)
            reads.append((time.perf_counter() - r0, done.returncode))
        took = time.perf_counter() - t0
        worst = max((s for s, _ in reads), default=0.0)
        print(f"  sqlite     reader during import   import {took:6.1f} s exit {importer.returncode}; "
              f"{len(reads)} reads, slowest {worst:4.1f} s, exits {sorted({c for _, c in reads})}", flush=True)


def main(argv: list[str]) -> int:
    writers = int(argv[0]) if argv else 4
    server = argv[1] if len(argv) > 1 else None
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} "
          f"on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        calls = write_calls(folder, writers)
        small_csv = write_csv(folder / "reported.csv", 200)
        big_csv = write_csv(folder / "big.csv", 20_000)
        for kind in ["sqlite"] + (["postgresql"] if server else []):
            scenario("calls of a new company", kind, server, folder, [],
                     lambda url: [["ingest", str(p), "--db", url] for p in calls])
            scenario("one file many times", kind, server, folder, [],
                     lambda url: [["ingest", str(calls[0]), "--db", url]] * writers)
            scenario("one CSV (200 rows) many times", kind, server, folder, [["ingest", str(calls[0])]],
                     lambda url: [["actuals", "import", str(small_csv), "--db", url]] * writers)
        reader_during_import(folder, big_csv, calls)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
