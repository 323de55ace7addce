"""An invented database sized by its number of claims, for the benchmarks (and by hand).

    python bench/generate.py 1000000 --db /tmp/big.db          # a SQLite file (or any SQLAlchemy URL)
    python bench/generate.py 100000 --db postgresql+psycopg://...

Companies of 1,000 claims each: 10 calls of 100 claims over 5 metrics, 2 scopes and 12 quarters, the quarter's
reported figure of every metric and scope for the first 10 quarters, three speakers per company, an override on
every 50th claim and every 100th claim dismissed. The rows are written with bulk inserts one company at a time, so
memory stays that of one company whatever the size; nothing is scored. Prints the size and the time taken.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402

from db.models import (ActualRecord, ClaimRecord, Company, Document, MentionRecord, OverrideRecord,  # noqa: E402
                       SpeakerRecord, utcnow)
from db.session import open_database  # noqa: E402

PER_COMPANY, PER_DOC = 1000, 100
METRICS = ("revenue", "gross margin", "capex", "opex", "units shipped")
SCOPES = (None, "europe")
QUARTERS = [(2020 + q // 4, q % 4 + 1) for q in range(12)]
AS_OF = date(2023, 6, 30)          # the date the benchmarks score on: 10 quarters reported, 2 still due
OVERRIDE_EVERY, DISMISS_EVERY = 50, 100
COMPANIES_PER_WRITE = 20


def quarter(year: int, q: int) -> tuple[str, date, date]:
    start = date(year, 3 * q - 2, 1)
    end = (date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)) - timedelta(days=1)
    return f"{year}-Q{q}", start, end


def ticker(c: int) -> str:
    return f"B{c:05d}"


def _company_rows(c: int, company: int, first_doc: int, first_claim: int, now) -> Iterator[tuple[type, dict]]:  # noqa: ANN001
    """(table, row) of one company: its documents, claims, mentions, speakers, actuals and overrides."""
    for k in range(3):
        yield SpeakerRecord, {"company_id": company, "name": f"Speaker {k}", "title": "Chief Executive Officer",
                              "role": "executive"}
    claim_id = first_claim
    for d in range(PER_COMPANY // PER_DOC):
        doc_id = first_doc + d
        yield Document, {"id": doc_id, "company_id": company, "path": f"/calls/{c}/{d}.txt", "layout": "colon",
                         "sha256": hashlib.sha256(f"{c}/{d}".encode()).hexdigest(), "ingested_at": now,
                         "call_date": date(2020, 1, 15) + timedelta(days=91 * d)}
        for k in range(PER_DOC):
            metric, scope = METRICS[k % len(METRICS)], SCOPES[(k // len(METRICS)) % len(SCOPES)]
            label, start, end = quarter(*QUARTERS[(d + k // 10) % len(QUARTERS)])
            quote = f"We expect {metric} between {100 + k} and {110 + k} million in {label}."
            yield ClaimRecord, {
                "id": claim_id, "company_id": company, "document_id": doc_id, "fingerprint": f"{claim_id:064x}",
                "position": k, "status": "dismissed" if claim_id % DISMISS_EVERY == 0 else "active",
                "kind": "guidance", "metric": metric, "scope": scope,
                "comparator": "range", "low": 100.0 + k, "high": 110.0 + k, "unit": "USD",
                "period_label": label, "period_start": start, "period_end": end, "period_phrase": "",
                "period_fiscal": False, "speaker": f"Speaker {k % 3}", "role": "executive", "quote": quote,
                "hedge": "expected", "confidence": 0.8, "event": None, "baseline": None, "specific": True}
            yield MentionRecord, {"claim_id": claim_id, "position": 0, "speaker": f"Speaker {k % 3}",
                                  "role": "executive", "quote": quote, "start": 0, "end": len(quote)}
            if claim_id % OVERRIDE_EVERY == 0:
                yield OverrideRecord, {"claim_id": claim_id, "verdict": "met", "reason": "checked by hand",
                                       "author": "bench", "created_at": now}
            claim_id += 1
    for year, q in QUARTERS[:10]:
        label, start, end = quarter(year, q)
        for m, metric in enumerate(METRICS):
            for scope in SCOPES:
                yield ActualRecord, {"company_id": company, "metric": metric, "scope": scope, "period_label": label,
                                     "period_start": start, "period_end": end, "period_fiscal": False,
                                     "value": 100.0 + 7 * m + q, "unit": "USD", "source_kind": "csv",
                                     "source_ref": "", "reported_on": end + timedelta(days=30), "created_at": now}


ORDER = (SpeakerRecord, Document, ClaimRecord, MentionRecord, OverrideRecord, ActualRecord)


def build(url: str, n_claims: int) -> int:
    """Write the invented companies into the database at `url` (created, or an empty one). Returns the claims."""
    db = open_database(url)
    now = utcnow()
    n_companies = max(1, n_claims // PER_COMPANY)
    with db.session() as s:
        s.execute(insert(Company), [{"ticker": ticker(c), "name": f"Bench Company {c}", "fiscal_year_end": "12-31"}
                                    for c in range(n_companies)])
        ids = dict(s.execute(select(Company.ticker, Company.id)).all())
        base_doc = s.scalar(select(func.max(Document.id))) or 0
        base_claim = s.scalar(select(func.max(ClaimRecord.id))) or 0
    for first in range(0, n_companies, COMPANIES_PER_WRITE):
        rows: dict[type, list[dict]] = {table: [] for table in ORDER}
        for c in range(first, min(n_companies, first + COMPANIES_PER_WRITE)):
            docs_per = PER_COMPANY // PER_DOC
            for table, row in _company_rows(c, ids[ticker(c)], base_doc + 1 + c * docs_per,
                                            base_claim + 1 + c * PER_COMPANY, now):
                rows[table].append(row)
        with db.session() as s:
            for table in ORDER:
                if rows[table]:
                    s.execute(insert(table), rows[table])
    if db.engine.dialect.name == "postgresql":    # ids were given explicitly: move the sequences past them
        with db.session() as s:
            for table in ("documents", "claims"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT max(id) FROM {table}))"))
    db.dispose()
    return n_companies * PER_COMPANY


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("--db", required=True, help="a SQLite file path or a SQLAlchemy URL")
    args = parser.parse_args(argv)
    url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    t0 = time.perf_counter()
    n = build(url, args.claims)
    print(f"{n} claims written to {args.db} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
