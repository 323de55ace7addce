"""Analysts' corrections (`fls claim edit`, db.corrections.edit_claim): what each field's correction writes,
that the original is kept, that it survives re-ingesting the call and re-scoring, and that bad input writes
nothing (issue 10, item 5).

Invented company: Quillmoor Textiles (QMT) guided "Q2 2025 revenue of $220-240 million" and "gross margin of
about 31% for 2025"; the analyst finds the extractor read them wrong.
"""
from __future__ import annotations

from datetime import date

import pytest

from db.corrections import corrections_of, edit_claim
from db.ingest import ingest_extraction
from db.models import AuditRecord, ClaimRecord, CorrectionRecord
from db.scoring import effective_verdict, score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.errors import InputError


def _call():
    return f.extraction(ticker="QMT", company="Quillmoor Textiles", call_date=date(2025, 2, 12), claims=(
        f.guidance("revenue", 220e6, 240e6, period=f.quarter(2025, 2), start=30),
        f.guidance("gross margin", 31, period=f.full_year(2025), unit="%", start=120)))


@pytest.fixture
def quillmoor(db):
    with db.session() as s:
        ingest_extraction(s, _call(), author="fixture")
    return db


EDITS = [
    # (what, metric of the claim, the fields typed, the columns afterwards, the correction as shown)
    ("the period", "revenue", {"period": "2025-Q3"},
     {"period_label": "2025-Q3", "period_end": date(2025, 9, 30)}, "period 2025-Q2 -> 2025-Q3"),
    ("the high end", "revenue", {"high": "250M"}, {"high": 250e6, "comparator": "range"},
     "high $240.0M -> $250.0M"),
    ("one figure for a range", "revenue", {"low": "230M", "high": "230M"}, {"low": 230e6, "comparator": "approx"},
     "low $220.0M -> $230.0M"),
    ("a loss", "revenue", {"low": "-2.25B", "high": "-2.0B"}, {"low": -2.25e9, "high": -2.0e9}, "low $220.0M ->"),
    ("the basis", "gross margin", {"basis": "non-GAAP"}, {"basis": "non_gaap"}, "basis — -> non_gaap"),
    ("the scope", "revenue", {"scope": "Europe"}, {"scope": "europe"}, "scope — -> europe"),
    ("the metric", "gross margin", {"metric": "operating margin"}, {"metric": "operating_margin"},
     "metric gross margin -> operating_margin"),
    ("the deadline", "gross margin", {"deadline": "2025-10-31"}, {"period_end": date(2025, 10, 31)},
     "deadline 2025-12-31 -> 2025-10-31"),
]


@pytest.mark.parametrize(("metric", "typed", "columns", "shown"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_a_correction_is_kept_audited_and_survives_reingest(quillmoor, metric, typed, columns, shown):
    with quillmoor.session() as s:
        cid = claim_id(s, metric)
        edit_claim(s, cid, typed, "the slides say so", "rhea")
    for step in ("edited", "re-ingested", "re-scored"):
        if step == "re-ingested":
            with quillmoor.session() as s:
                ingest_extraction(s, _call(), author="fixture", replace=True)
        if step == "re-scored":
            with quillmoor.session() as s:
                score_all(s, date(2026, 3, 1))
        with quillmoor.session(write=False) as s:
            rec = s.get(ClaimRecord, cid)
            assert {k: getattr(rec, k) for k in columns} == columns, step
            fix = corrections_of(s, [cid])[cid]
            assert fix.text.startswith(shown) and fix.reasons == ("the slides say so",), step
            assert s.query(AuditRecord).filter_by(action="edit_claim", entity_id=cid).count() == 1, step


BAD = [
    ("no reason", "revenue", {"high": "250M"}, "  ", "reason"),
    ("nothing given", "revenue", {}, "why", "nothing to correct"),
    ("what it already says", "revenue", {"high": "240M"}, "why", "already says that"),
    ("bounds reversed", "revenue", {"low": "300M"}, "why", "is above --high"),
    ("a deadline before the period", "revenue", {"deadline": "2025-03-01"}, "why", "before the period starts"),
    ("an empty value", "revenue", {"scope": " "}, "why", "--scope is empty"),
    ("a period that is none", "revenue", {"period": "next spring"}, "why", "period"),
    ("a field that is none", "revenue", {"colour": "red"}, "why", "cannot correct colour"),
]


@pytest.mark.parametrize(("metric", "typed", "reason", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_corrections_write_nothing(quillmoor, metric, typed, reason, message):
    with quillmoor.session() as s:
        cid = claim_id(s, metric)
        with pytest.raises(InputError, match=message):
            edit_claim(s, cid, typed, reason, "rhea")
    with quillmoor.session(write=False) as s:
        assert s.query(CorrectionRecord).count() == 0
        assert s.query(AuditRecord).filter_by(action="edit_claim").count() == 0


def test_a_corrected_period_is_scored_as_corrected(quillmoor):
    """Guidance for Q2 read as Q2 is missed against Q2's $200M; corrected to Q3 it meets Q3's $231M."""
    from db.edits import add_actual

    with quillmoor.session() as s:
        add_actual(s, "QMT", "revenue", None, "2025-Q2", "200M", "USD", "2025-07-28", author="t")
        add_actual(s, "QMT", "revenue", None, "2025-Q3", "231M", "USD", "2025-10-28", author="t")
        score_all(s, date(2026, 3, 1))
        cid = claim_id(s, "revenue")
        assert effective_verdict(s, cid, date(2026, 3, 1)).value == "missed"
        edit_claim(s, cid, {"period": "2025-Q3"}, "the guidance was for Q3", "rhea")
        score_all(s, date(2026, 3, 1))
        assert effective_verdict(s, cid, date(2026, 3, 1)).value == "met"
