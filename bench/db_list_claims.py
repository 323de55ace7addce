"""How long listing claims takes for a company with 10,000 claims in a SQLite file.

Builds the database in a temporary folder (bulk inserts, 100 documents of 100 claims, a computed verdict
for each claim and an override for every 50th), then times list_claims: the first page of 200, the full
list, and a filtered page. Prints the figures; asserts nothing.
"""
from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from db.models import ClaimRecord, Company, Document, MentionRecord, OverrideRecord, VerdictRecord, utcnow  # noqa: E402
from db.queries import list_claims  # noqa: E402
from db.session import open_database  # noqa: E402

N_DOCS, PER_DOC = 100, 100
METRICS = ("revenue", "gross margin", "capex", "opex", "units shipped")
VERDICTS = ("beat", "met", "missed", "pending", "awaiting")


def build(url: str) -> None:
    db = open_database(url)
    now = utcnow()
    with db.session() as s:
        company = Company(ticker="NWSC", name="Northwind Semiconductor", fiscal_year_end="12-31")
        s.add(company)
        s.flush()
        docs = [{"company_id": company.id, "sha256": hashlib.sha256(str(i).encode()).hexdigest(),
                 "path": f"/calls/{i}.txt", "call_date": date(2015, 1, 1) + timedelta(days=30 * i),
                 "layout": "colon", "ingested_at": now} for i in range(N_DOCS)]
        s.execute(insert(Document), docs)
        claims = []
        for d in range(N_DOCS):
            for k in range(PER_DOC):
                i = d * PER_DOC + k
                end = date(2015, 3, 31) + timedelta(days=30 * d + k % 365)
                claims.append({
                    "company_id": company.id, "document_id": d + 1, "fingerprint": f"{i:064x}", "position": k,
                    "status": "active", "kind": "guidance", "metric": METRICS[i % len(METRICS)], "scope": None,
                    "comparator": "range", "low": 100.0 + i, "high": 110.0 + i, "unit": "USD",
                    "period_label": f"{end.year}-Q{(end.month - 1) // 3 + 1}", "period_start": end - timedelta(days=90),
                    "period_end": end, "period_phrase": "", "period_fiscal": False,
                    "speaker": "Dana Whitfield", "role": "executive",
                    "quote": f"We expect {METRICS[i % len(METRICS)]} between {100 + i} and {110 + i} million.",
                    "hedge": "expected", "confidence": 0.8, "event": None, "baseline": None, "specific": True})
        s.execute(insert(ClaimRecord), claims)
        s.execute(insert(MentionRecord), [{"claim_id": i + 1, "position": 0, "speaker": "Dana Whitfield",
                                           "role": "executive", "quote": c["quote"], "start": 0, "end": 10}
                                          for i, c in enumerate(claims)])
        s.execute(insert(VerdictRecord), [{"claim_id": i + 1, "as_of": date(2025, 6, 30),
                                           "verdict": VERDICTS[i % len(VERDICTS)], "explanation": "",
                                           "surprise_pct": 1.5, "against": "original", "computed_at": now}
                                          for i in range(len(claims))])
        s.execute(insert(OverrideRecord), [{"claim_id": i + 1, "verdict": "met", "reason": "checked",
                                            "author": "bench", "created_at": now}
                                           for i in range(0, len(claims), 50)])
    db.dispose()


def timed(label: str, fn) -> None:  # noqa: ANN001
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        rows = fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<40} {len(rows):>6} rows  {best * 1000:8.1f} ms (best of 3)")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        build(url)
        print(f"built {N_DOCS * PER_DOC} claims in {time.perf_counter() - t0:.1f} s")
        db = open_database(url)
        with db.session(write=False) as s:
            timed("list_claims first page (200)", lambda: list_claims(s, ticker="NWSC", limit=200))
            timed("list_claims full list", lambda: list_claims(s, ticker="NWSC"))
            timed("list_claims verdict=missed, page 200", lambda: list_claims(s, ticker="NWSC", verdict="missed",
                                                                               limit=200))
            timed("list_claims search 'capex', page 200", lambda: list_claims(s, ticker="NWSC", search="capex",
                                                                               limit=200))
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
