"""An invented database sized by its number of claims, for the benchmarks (and by hand).

    python bench/generate.py 1000000 --db /tmp/big.db          # a SQLite file (or any SQLAlchemy URL)
    python bench/generate.py 100000 --db postgresql+psycopg://...

Companies of 1,000 claims each: 10 calls of 100 claims over 5 metrics and 2 scopes, each call guiding the ten
quarters from its own on, the quarter's reported figure of every metric and scope for the first 10 quarters,
three speakers per company, an override on every 50th claim and every 100th claim dismissed. `add_company`
makes one company with a longer history (the ingest benchmark's). The rows are written with bulk inserts a few
companies at a time, so memory stays that of a few companies whatever the size; nothing is scored. Prints the
size and the time taken.
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
from db.upserts import actual_key  # noqa: E402

PER_COMPANY, PER_DOC = 1000, 100
METRICS = ("revenue", "gross margin", "capex", "opex", "units shipped")
SCOPES = (None, "europe")
AS_OF = date(2023, 6, 30)          # the date the benchmarks score on: 10 quarters reported, later ones due
OVERRIDE_EVERY, DISMISS_EVERY = 50, 100
COMPANIES_PER_WRITE = 20


def quarter(index: int) -> tuple[str, date, date]:
    """Label, first and last day of the `index`-th quarter from 2020-Q1."""
    year, q = 2020 + index // 4, index % 4 + 1
    start = date(year, 3 * q - 2, 1)
    end = (date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)) - timedelta(days=1)
    return f"{year}-Q{q}", start, end


def ticker(c: int) -> str:
    return f"B{c:05d}"


def call_date(d: int) -> date:
    """The date of a company's `d`-th call (one a quarter from January 2020)."""
    return date(2020, 1, 15) + timedelta(days=91 * d)


def _company_rows(c: int, company: int, first_doc: int, first_claim: int, now,  # noqa: ANN001
                  docs: int = PER_COMPANY // PER_DOC) -> Iterator[tuple[type, dict]]:
    """(table, row) of one company: its documents, claims, mentions, speakers, actuals and overrides."""
    for k in range(3):
        yield SpeakerRecord, {"company_id": company, "name": f"Speaker {k}", "title": "Chief Executive Officer",
                              "role": "executive"}
    claim_id = first_claim
    for d in range(docs):
        doc_id = first_doc + d
        yield Document, {"id": doc_id, "company_id": company, "path": f"/calls/{c}/{d}.txt", "layout": "colon",
                         "sha256": hashlib.sha256(f"{c}/{d}".encode()).hexdigest(), "ingested_at": now,
                         "call_date": call_date(d)}
        for k in range(PER_DOC):
            metric, scope = METRICS[k % len(METRICS)], SCOPES[(k // len(METRICS)) % len(SCOPES)]
            label, start, end = quarter(d + k // 10)
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
    for index in range(10):
        label, start, end = quarter(index)
        for m, metric in enumerate(METRICS):
            for scope in SCOPES:
                row = {"company_id": company, "metric": metric, "scope": scope, "period_label": label,
                       "period_start": start, "period_end": end, "period_fiscal": False,
                       "value": 100.0 + 7 * m + index % 4 + 1, "unit": "USD", "source_kind": "csv",
                       "source_ref": "", "reported_on": end + timedelta(days=30), "created_at": now}
                yield ActualRecord, row | {"natural_key": actual_key(row)}   # unique per company (0007)


ORDER = (SpeakerRecord, Document, ClaimRecord, MentionRecord, OverrideRecord, ActualRecord)


def _write(db, rows: dict[type, list[dict]]) -> None:  # noqa: ANN001
    with db.session() as s:
        for table in ORDER:
            if rows[table]:
                s.execute(insert(table), rows[table])


def _next_ids(db) -> tuple[int, int]:  # noqa: ANN001
    with db.session() as s:
        return ((s.scalar(select(func.max(Document.id))) or 0) + 1,
                (s.scalar(select(func.max(ClaimRecord.id))) or 0) + 1)


def _move_sequences(db) -> None:  # noqa: ANN001
    if db.engine.dialect.name == "postgresql":    # ids were given explicitly: move the sequences past them
        with db.session() as s:
            for table in ("documents", "claims"):
                s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"(SELECT max(id) FROM {table}))"))


def add_company(url: str, ticker_: str, calls: int) -> int:
    """One more invented company with `calls` calls of PER_DOC claims (its history). Returns its id."""
    db = open_database(url)
    with db.session() as s:
        s.execute(insert(Company), [{"ticker": ticker_, "name": f"Bench Company {ticker_}",
                                     "fiscal_year_end": "12-31"}])
        company = s.scalar(select(Company.id).where(Company.ticker == ticker_))
    first_doc, first_claim = _next_ids(db)
    rows: dict[type, list[dict]] = {table: [] for table in ORDER}
    for table, row in _company_rows(0, company, first_doc, first_claim, utcnow(), docs=calls):
        rows[table].append(row)
    _write(db, rows)
    _move_sequences(db)
    db.dispose()
    return company


def build(url: str, n_claims: int) -> int:
    """Write the invented companies into the database at `url` (created, or an empty one). Returns the claims."""
    db = open_database(url)
    now = utcnow()
    n_companies = max(1, n_claims // PER_COMPANY)
    with db.session() as s:
        s.execute(insert(Company), [{"ticker": ticker(c), "name": f"Bench Company {c}", "fiscal_year_end": "12-31"}
                                    for c in range(n_companies)])
        ids = dict(s.execute(select(Company.ticker, Company.id)).all())
    first_doc, first_claim = _next_ids(db)
    for first in range(0, n_companies, COMPANIES_PER_WRITE):
        rows: dict[type, list[dict]] = {table: [] for table in ORDER}
        for c in range(first, min(n_companies, first + COMPANIES_PER_WRITE)):
            docs_per = PER_COMPANY // PER_DOC
            for table, row in _company_rows(c, ids[ticker(c)], first_doc + c * docs_per,
                                            first_claim + c * PER_COMPANY, now):
                rows[table].append(row)
        _write(db, rows)
    _move_sequences(db)
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
