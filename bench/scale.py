"""How scoring and the read commands grow with the number of claims, in a SQLite file.

    python bench/scale.py                 # 10,000 and 100,000 claims
    python bench/scale.py 10000 1000000   # any sizes

For each size it builds a database in a temporary folder with bulk inserts (invented companies of 1,000 claims
each: 10 calls of 100 claims over 5 metrics, 2 scopes and 12 quarters, and the quarter's reported figure of
every metric and scope), then times `score_all` (the first scoring, then scoring the same date again, which
replaces the verdicts), `list_companies`, one company's first page of 200 claims, every claim, the verdict
counts and the verdicts of the date as `fls score` prints them. Prints wall and CPU time (CPU time is the
fairer figure on a shared machine) and the peak memory of the process; asserts nothing.
"""
from __future__ import annotations

import hashlib
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from db.models import ActualRecord, ClaimRecord, Company, Document, MentionRecord, utcnow  # noqa: E402
from db.upserts import actual_key  # noqa: E402
from db.queries import list_claims, list_companies, verdict_counts, verdicts_on  # noqa: E402
from db.scoring import score_all  # noqa: E402
from db.session import open_database  # noqa: E402

PER_COMPANY, PER_DOC = 1000, 100
METRICS = ("revenue", "gross margin", "capex", "opex", "units shipped")
SCOPES = (None, "europe")
QUARTERS = [(2020 + q // 4, q % 4 + 1) for q in range(12)]
AS_OF = date(2023, 6, 30)


def _quarter(year: int, q: int) -> tuple[str, date, date]:
    start = date(year, 3 * q - 2, 1)
    end = (date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)) - timedelta(days=1)
    return f"{year}-Q{q}", start, end


def build(url: str, n_claims: int) -> None:
    db = open_database(url)
    now = utcnow()
    n_companies = max(1, n_claims // PER_COMPANY)
    with db.session() as s:
        s.execute(insert(Company), [{"ticker": f"B{c:05d}", "name": f"Bench Company {c}", "fiscal_year_end": "12-31"}
                                    for c in range(n_companies)])
        ids = dict(s.execute(select(Company.ticker, Company.id)).all())
        docs, claims, mentions, actuals = [], [], [], []
        doc_id = claim_id = 0
        for c in range(n_companies):
            company = ids[f"B{c:05d}"]
            for d in range(PER_COMPANY // PER_DOC):
                doc_id += 1
                docs.append({"id": doc_id, "company_id": company, "path": f"/calls/{c}/{d}.txt", "layout": "colon",
                             "sha256": hashlib.sha256(f"{c}/{d}".encode()).hexdigest(), "ingested_at": now,
                             "call_date": date(2020, 1, 15) + timedelta(days=91 * d)})
                for k in range(PER_DOC):
                    claim_id += 1
                    metric, scope = METRICS[k % len(METRICS)], SCOPES[(k // len(METRICS)) % len(SCOPES)]
                    label, start, end = _quarter(*QUARTERS[(d + k // 10) % len(QUARTERS)])
                    quote = f"We expect {metric} between {100 + k} and {110 + k} million in {label}."
                    claims.append({
                        "id": claim_id, "company_id": company, "document_id": doc_id, "fingerprint": f"{claim_id:064x}",
                        "position": k, "status": "active", "kind": "guidance", "metric": metric, "scope": scope,
                        "comparator": "range", "low": 100.0 + k, "high": 110.0 + k, "unit": "USD",
                        "period_label": label, "period_start": start, "period_end": end, "period_phrase": "",
                        "period_fiscal": False, "speaker": f"Speaker {k % 3}", "role": "executive", "quote": quote,
                        "hedge": "expected", "confidence": 0.8, "event": None, "baseline": None, "specific": True})
                    mentions.append({"claim_id": claim_id, "position": 0, "speaker": f"Speaker {k % 3}",
                                     "role": "executive", "quote": quote, "start": 0, "end": len(quote)})
            for year, q in QUARTERS[:10]:
                label, start, end = _quarter(year, q)
                for m, metric in enumerate(METRICS):
                    for scope in SCOPES:
                        actuals.append({"company_id": company, "metric": metric, "scope": scope, "period_label": label,
                                        "period_start": start, "period_end": end, "period_fiscal": False,
                                        "value": 100.0 + 7 * m + q, "unit": "USD", "source_kind": "csv",
                                        "reported_on": end + timedelta(days=30), "created_at": now})
                        actuals[-1]["natural_key"] = actual_key(actuals[-1])
        for table, rows in ((Document, docs), (ClaimRecord, claims), (MentionRecord, mentions),
                            (ActualRecord, actuals)):
            for start in range(0, len(rows), 20000):
                s.execute(insert(table), rows[start:start + 20000])
    db.dispose()


def timed(label: str, fn: Callable[[], object]) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = len(out) if hasattr(out, "__len__") else out
    print(f"  {label:<40} {took * 1000:9.0f} ms wall {cpu * 1000:9.0f} ms cpu  ({size} rows)", flush=True)


def run(n_claims: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        build(url, n_claims)
        db = open_database(url)
        with db.session(write=False) as s:
            total = s.scalar(select(func.count()).select_from(ClaimRecord))
        print(f"{total} claims (built in {time.perf_counter() - t0:.1f} s)", flush=True)
        with db.session() as s:
            timed("score_all (first)", lambda: score_all(s, AS_OF))
        with db.session() as s:
            timed("score_all (again: verdicts replaced)", lambda: score_all(s, AS_OF))
        with db.session() as s:
            timed("score_all one company (again)", lambda: score_all(s, AS_OF, ticker="B00000"))
        with db.session(write=False) as s:
            timed("list_companies", lambda: list_companies(s))
            timed("list_claims one company, first 200", lambda: list_claims(s, ticker="B00000", limit=200))
            timed("list_claims every claim", lambda: list_claims(s))
            timed("verdict_counts", lambda: verdict_counts(s))
            timed("verdicts_on (the table fls score prints)", lambda: verdicts_on(s, AS_OF))
        db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of the process so far: {peak:.0f} MB", flush=True)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000, 100_000]
    for n in sizes:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
