"""One as-of: every reader takes the date whose stored verdicts it shows, so a review of one date can be read
again after later scorings, and the date last scored is the one a reader opens on.

Invented company: Quillmoor Textiles guided "Q1 2025 revenue of $80 to $90 million" and reported $70 million on
April 28. Scored March 1 the claim is pending (the quarter has not ended); scored June 1 it is missed. Both
verdicts stay stored, and each reader shows the one of the date it is given.
"""
from __future__ import annotations

from datetime import date

import pytest

from db.edits import add_actual
from db.ingest import ingest_extraction
from db.queries import claim_detail, list_claims, list_companies, list_speakers, verdict_counts
from db.review import mark_reviewed, review_queue
from db.scoring import effective_verdict, effective_verdicts, is_scored_on, last_scored, score_all, scored_dates
from tests.db import factories as f
from tests.db.helpers import claim_id

MARCH, JUNE = date(2025, 3, 1), date(2025, 6, 1)


@pytest.fixture
def quillmoor(db):
    call = f.extraction(ticker="QMT", company="Quillmoor Textiles", call_date=date(2025, 2, 12), claims=(
        f.guidance("revenue", 80e6, 90e6, period=f.quarter(2025, 1), start=40),))
    with db.session() as s:
        ingest_extraction(s, call, author="fixture")
        add_actual(s, "QMT", "revenue", None, "2025-Q1", "70M", "USD", "2025-04-28", author="fixture")
        score_all(s, JUNE)
        score_all(s, MARCH)          # an earlier date scored last: the one a reader now opens on
    return db


def _listed(s, as_of):
    return list_claims(s, ticker="QMT", as_of=as_of)[0].verdict


def _counted(s, as_of):
    return next(c.verdict for c in verdict_counts(s, as_of) if c.ticker == "QMT")


def _company_hits(s, as_of):
    return list_companies(s, as_of)[0].credibility.n_scored


def _speaker_hits(s, as_of):
    return list_speakers(s, "QMT", as_of)[0].scored


def _detail(s, as_of):
    return claim_detail(s, claim_id(s, "revenue"), as_of).effective


def _effective(s, as_of):
    v = effective_verdict(s, claim_id(s, "revenue"), as_of)
    return v.value if v else None


def _queue(s, as_of):
    return review_queue(s, "QMT", "2025-Q1", as_of)[0].claim.verdict


READERS = [
    # (what reads, the reader, on March 1, on June 1, with no date: the newest as-of, June 1)
    ("claims list", _listed, "pending", "missed", "missed"),
    ("verdict counts", _counted, "pending", "missed", "missed"),
    ("company credibility: scored claims", _company_hits, 0, 1, 1),
    ("speaker credibility: scored claims", _speaker_hits, 0, 1, 1),
    ("claim detail", _detail, "pending", "missed", "missed"),
    ("effective verdict", _effective, "pending", "missed", "missed"),
    ("review queue", _queue, "pending", "missed", "missed"),
]


@pytest.mark.parametrize(("read", "march", "june", "newest"), [r[1:] for r in READERS], ids=[r[0] for r in READERS])
def test_each_reader_shows_the_verdicts_of_its_date(quillmoor, read, march, june, newest):
    with quillmoor.session(write=False) as s:
        assert (read(s, MARCH), read(s, JUNE), read(s, None)) == (march, june, newest)


def test_a_date_never_scored_has_no_verdicts(quillmoor):
    with quillmoor.session(write=False) as s:
        assert _listed(s, date(2025, 4, 15)) is None
        assert effective_verdicts(s, [claim_id(s, "revenue")], date(2025, 4, 15))[claim_id(s, "revenue")].computed is None
        assert not is_scored_on(s, date(2025, 4, 15)) and is_scored_on(s, MARCH)


def test_the_date_last_scored_is_the_last_one_scored_not_the_newest(quillmoor):
    with quillmoor.session(write=False) as s:
        assert last_scored(s) == MARCH and scored_dates(s) == [MARCH, JUNE]
    with quillmoor.session() as s:
        score_all(s, JUNE)
    with quillmoor.session(write=False) as s:
        assert last_scored(s) == JUNE


def test_nothing_scored_has_no_date(db):
    with db.session(write=False) as s:
        assert last_scored(s) is None and scored_dates(s) == []


def test_a_review_mark_keeps_the_verdict_of_the_date_reviewed(quillmoor):
    """Reviewed on March 1's verdicts, the mark keeps "pending", and June's "missed" shows as changed."""
    with quillmoor.session() as s:
        mark_reviewed(s, claim_id(s, "revenue"), "rhea", as_of=MARCH)
    with quillmoor.session(write=False) as s:
        march, = review_queue(s, "QMT", "2025-Q1", MARCH)
        june, = review_queue(s, "QMT", "2025-Q1", JUNE)
    assert (march.reviewed, march.changed) == (True, False)
    assert (june.reviewed, june.changed) == (True, True)
    assert (june.seen, june.seen_as_of) == ("pending", MARCH)     # the review can be read again as it was


def test_scoring_a_date_again_with_nothing_changed_makes_it_the_date_last_scored(quillmoor):
    """June 1 scored again after March 1 writes no verdict (nothing changed since June 1 was scored), yet it
    is the date a reader now opens on."""
    with quillmoor.session() as s:
        score_all(s, JUNE)
    with quillmoor.session(write=False) as s:
        assert last_scored(s) == JUNE
