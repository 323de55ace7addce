from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from db import edits
from db.ingest import ingest_extraction
from db.models import ActualRecord, AuditRecord, ClaimRecord, OverrideRecord
from db.scoring import effective_verdict, score_all
from tests.db import factories as f
from tests.db.helpers import claim_id, row_counts
from tracker.errors import InputError, NotFoundError
from tracker.model import Verdict


@pytest.fixture
def revenue(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        return claim_id(s, "revenue")


def _last_audit(s):
    return s.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()


EDITS = [
    ("override", lambda s, cid: edits.override_verdict(s, cid, "beat", "10-Q shows 95M", "bo"),
     lambda before, after: before is None and after["verdict"] == "beat" and after["reason"] == "10-Q shows 95M"),
    ("add_note", lambda s, cid: edits.add_note(s, cid, "watch the FX effect", "bo"),
     lambda before, after: before is None and after["text"] == "watch the FX effect"),
    ("dismiss", lambda s, cid: edits.dismiss_claim(s, cid, "analyst's words, not management's", "bo"),
     lambda before, after: before == {"status": "active"} and after["status"] == "dismissed"),
]


@pytest.mark.parametrize("action, edit, check", EDITS, ids=[e[0] for e in EDITS])
def test_each_edit_writes_an_audit_row(db, revenue, action, edit, check):
    with db.session() as s:
        edit(s, revenue)
    with db.session() as s:
        row = _last_audit(s)
        assert (row.action, row.entity, row.entity_id, row.author) == (action, "claim", revenue, "bo")
        assert check(json.loads(row.before) if row.before else None, json.loads(row.after))


def test_clear_override_and_restore_are_audited(db, revenue):
    with db.session() as s:
        edits.override_verdict(s, revenue, "missed", "restated lower", "bo")
        edits.dismiss_claim(s, revenue, "duplicate", "bo")
    with db.session() as s:
        assert edits.clear_override(s, revenue, "cy") == 1
        cleared = _last_audit(s)
        assert cleared.action == "clear_override" and json.loads(cleared.before)["verdict"] == "missed"
        assert cleared.after is None
        edits.restore_claim(s, revenue, "cy")
        restored = _last_audit(s)
        assert (restored.action, json.loads(restored.after)) == ("restore", {"status": "active"})
    with db.session() as s:
        assert s.get(ClaimRecord, revenue).status == "active"
        assert s.scalar(select(OverrideRecord)) is None


def test_add_actual_is_audited_and_links_restatements(db, revenue):
    with db.session() as s:
        first = edits.add_actual(s, "nwsc", "revenue", None, "2025-Q1", "$92.5M", None, "2025-04-30",
                                 "10-Q", "", "bo")
        second = edits.add_actual(s, "NWSC", "revenue", None, "2025-Q1", 92.5e6, "USD", date(2025, 5, 2),
                                  "8-K", "", "bo")
    with db.session() as s:
        a, b = s.get(ActualRecord, first.id), s.get(ActualRecord, second.id)
        assert (a.value, a.unit, a.source_kind, a.period_end) == (92.5e6, "USD", "manual", date(2025, 3, 31))
        assert b.restates_id == a.id
        rows = s.scalars(select(AuditRecord).where(AuditRecord.action == "add_actual")).all()
        assert [(r.entity, r.entity_id) for r in rows] == [("actual", a.id), ("actual", b.id)]
        assert json.loads(rows[0].after)["value"] == 92.5e6


@pytest.mark.parametrize("call, error", [
    (lambda s, cid: edits.override_verdict(s, cid, "great", "why", "bo"), "unknown verdict 'great'"),
    (lambda s, cid: edits.override_verdict(s, cid, "met", "  ", "bo"), "reason for the override is required"),
    (lambda s, cid: edits.override_verdict(s, 999_999, "met", "x", "bo"), "no claim with id 999999"),
    (lambda s, cid: edits.clear_override(s, cid, "bo"), "has no override"),
    (lambda s, cid: edits.add_note(s, cid, "", "bo"), "note text is required"),
    (lambda s, cid: edits.dismiss_claim(s, cid, "", "bo"), "reason for dismissing"),
    (lambda s, cid: edits.restore_claim(s, cid, "bo"), "is not dismissed"),
    (lambda s, cid: edits.add_actual(s, "ZZZZ", "revenue", None, "2025-Q1", 1, "USD", None, author="bo"),
     "unknown company: ZZZZ"),
    (lambda s, cid: edits.add_actual(s, "NWSC", "revenue", None, "", 1, "USD", None, author="bo"), "no period"),
])
def test_bad_edits_raise_and_write_nothing(db, revenue, call, error):
    with db.session() as s:
        before = row_counts(s)
    with pytest.raises((InputError, NotFoundError), match=error), db.session() as s:
        call(s, revenue)
    with db.session() as s:
        assert row_counts(s) == before


def test_override_survives_rescoring(db, revenue):
    with db.session() as s:
        edits.override_verdict(s, revenue, "beat", "confirmed by the 10-Q", "bo")
    # the second scoring of 2025-09-01 finds nothing changed (an override is not an input) and scores nothing
    for as_of, scored in ((date(2025, 4, 1), 4), (date(2025, 9, 1), 4), (date(2025, 9, 1), 0)):
        with db.session() as s:
            assert score_all(s, as_of) == scored
        with db.session() as s:
            assert effective_verdict(s, revenue) is Verdict.BEAT
    with db.session() as s:
        edits.clear_override(s, revenue, "bo")
        assert effective_verdict(s, revenue) is Verdict.AWAITING   # Q1 ended, report not yet in
