"""Does storing a call cost the same whatever the company's history? An invented call, stored into a company
seen for the first time, into one with 10 earlier calls and into one with many (bench/generate.py histories),
in both cases the call right after the last one, so that the earlier calls' claims are about the same quarters
as the new call's and revision linking has candidates.

    python bench/ingest_history.py             # a history of 200 calls (20,000 claims)
    python bench/ingest_history.py 1000        # any number of earlier calls

Each store is `db.ingest.ingest_extraction` of the already extracted call in its own transaction, rolled back
so the next one starts from the same database; the median of 7 is printed (wall and CPU), with the queries
each store sent. Asserts nothing.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from figures import figure  # noqa: E402  (bench/ is on the path: the script's folder)

from sqlalchemy import event  # noqa: E402

import generate  # noqa: E402
from ingest import call_text  # noqa: E402  (bench/ingest.py: the invented calls)
from db.ingest import ingest_extraction  # noqa: E402
from db.session import open_database  # noqa: E402
from tracker.extraction.extract import extract_file  # noqa: E402

RUNS = 7


def store_times(db, extraction) -> tuple[float, float, int]:  # noqa: ANN001
    """Median wall and CPU seconds of storing `extraction`, and the statements one store sent."""
    statements = []

    def count(*_args) -> None:  # noqa: ANN002
        statements.append(1)

    walls, cpus = [], []
    for _ in range(RUNS):
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        session = db.sessions()
        try:
            t0, c0 = time.perf_counter(), time.process_time()
            ingest_extraction(session, extraction, author="bench")
            session.flush()
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        finally:
            session.rollback()
            session.close()
            event.remove(db.engine, "before_cursor_execute", count)
    return statistics.median(walls), statistics.median(cpus), len(statements)


def main(argv: list[str]) -> int:
    history = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'history.db'}"
        t0 = time.perf_counter()
        generate.build(url, 10_000)
        generate.add_company(url, "HIST", history)
        print(f"database: 10 companies of 10 calls, SHORT of 10, HIST of {history} calls (built in "
              f"{time.perf_counter() - t0:.1f} s)", flush=True)
        generate.add_company(url, "SHORT", 10)
        db = open_database(url)
        for ticker, n, what in (("FRESH", history, "no earlier call"), ("SHORT", 10, "10 earlier calls"),
                                ("HIST", history, f"{history} earlier calls")):
            text, day = call_text(0, n)           # the call right after the company's last one
            call = Path(tmp) / f"{ticker}.txt"
            call.write_text(text, encoding="utf-8")
            extraction = extract_file(call, call_date=day.isoformat(), company=ticker)
            wall, cpu, sent = store_times(db, extraction)
            figure(f"store one call, {what}", wall * 1000, "ms", cpu * 1000)
            print(f"  store one call, {what:<22} {wall * 1000:8.1f} ms wall {cpu * 1000:8.1f} ms cpu  "
                  f"{sent:4d} statements  ({len(extraction.claims)} claims)", flush=True)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
