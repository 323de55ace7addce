"""db.queries.list_speakers: credibility per speaker, from the same stored effective verdicts as the
company's."""
from __future__ import annotations

from datetime import date

import pytest

from db import edits
from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.queries import build_scorecard, list_companies, list_speakers
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.errors import NotFoundError
from tracker.model import UNKNOWN_SPEAKER

AS_OF = date(2025, 6, 30)
Q1, FY = f.quarter(2025, 1), f.full_year(2025)


@pytest.fixture
def spoken(db, tmp_path):
    """Northwind: the CFO made five Q1 promises (3 kept, 2 missed), the CEO two (one missed, one pending then
    set to met by a user), and one promise has no speaker. Acme Industrial: one pending promise."""
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30\n"
                   "NWSC,gross margin,2025-Q1,,38,%,2025-04-30\n"
                   "NWSC,opex,2025-Q1,,30M,USD,2025-04-30\n"
                   "NWSC,design wins,2025-Q1,,14,units,2025-04-30\n"
                   "NWSC,bookings,2025-Q1,,70M,USD,2025-04-30\n"
                   "NWSC,wafer starts,2025-Q1,,9000,units,2025-04-30\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.extraction(call_date=date(2025, 2, 20), claims=(
            f.guidance("revenue", 80e6, 90e6, period=Q1, start=100),
            f.guidance("gross margin", 40, 42, period=Q1, unit="%", start=200),
            f.guidance("opex", 30e6, period=Q1, start=300),
            f.guidance("design wins", 12, period=Q1, unit="units", start=400),
            f.guidance("bookings", 90e6, 100e6, period=Q1, start=500),
            f.guidance("wafer starts", 10_000, period=Q1, unit="units", speaker=f.CEO, start=600),
            f.guidance("capex", 200e6, period=FY, speaker=f.CEO, start=700),
            f.guidance("headcount", 900, period=FY, unit="units", speaker=UNKNOWN_SPEAKER, start=800),
        )), author="ana")
        ingest_extraction(s, f.extraction(ticker="ACMI", company="Acme Industrial", claims=(
            f.guidance("revenue", 1e9, period=FY),)), author="ana")
        import_actuals_csv(s, csv, author="ana")
        score_all(s, AS_OF)
        edits.override_verdict(s, claim_id(s, "capex"), "met", "site visit", "bo")


@pytest.mark.parametrize("ticker, expected", [
    (None, [("ACMI", "Dana Whitfield", 1, 0), ("NWSC", "Dana Whitfield", 5, 5), ("NWSC", "Ravi Okafor", 2, 2),
            ("NWSC", "", 1, 0)]),
    ("nwsc", [("NWSC", "Dana Whitfield", 5, 5), ("NWSC", "Ravi Okafor", 2, 2), ("NWSC", "", 1, 0)]),
    ("ACMI", [("ACMI", "Dana Whitfield", 1, 0)]),
])
def test_list_speakers_rows(db, spoken, ticker, expected):
    with db.session(write=False) as s:
        rows = list_speakers(s, ticker)
    assert [(r.ticker, r.name, r.claims, r.scored) for r in rows] == expected


@pytest.mark.parametrize("name, title, role, summary, by_verdict", [
    ("Dana Whitfield", "Chief Financial Officer", "executive", "hit rate 60% (95% CI 23-88%, n=5)",
     {"beat": 2, "met": 1, "missed": 2}),
    # the CEO never had a turn in the transcript, so nothing is known of the title
    ("Ravi Okafor", "", "unknown", "too few scored claims (n=2)", {"missed": 1, "met": 1}),
    ("", "", "unknown", "too few scored claims (n=0)", {"pending": 1}),
])
def test_speaker_credibility(db, spoken, name, title, role, summary, by_verdict):
    with db.session(write=False) as s:
        row = next(r for r in list_speakers(s, "NWSC") if r.name == name)
    assert (row.title, row.role, row.credibility.summary) == (title, role, summary)
    assert row.credibility.by_verdict == by_verdict


def test_speakers_add_up_to_the_company(db, spoken):
    with db.session(write=False) as s:
        company = next(c for c in list_companies(s) if c.ticker == "NWSC")
        rows = list_speakers(s, "NWSC")
    assert sum(r.claims for r in rows) == company.claims
    assert sum(r.scored for r in rows) == company.credibility.n_scored
    assert sum(r.credibility.hits for r in rows) == company.credibility.hits


def test_list_speakers_unknown_ticker(db, spoken):
    with pytest.raises(NotFoundError, match="unknown company: ZZZ"), db.session(write=False) as s:
        list_speakers(s, "zzz")


def test_scorecard_has_speaker_credibility(db, spoken):
    with db.session(write=False) as s:
        card = build_scorecard(s, "NWSC", AS_OF)
        stored = {r.name: r.credibility for r in list_speakers(s, "NWSC")}
    assert [name for name, _ in card.speakers] == ["Dana Whitfield", "Ravi Okafor", ""]
    # computed afresh on the scorecard's date, with the override applied: the same as the stored verdicts
    assert {name: cred.summary for name, cred in card.speakers} == {n: c.summary for n, c in stored.items()}
