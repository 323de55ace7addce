"""verdicts_on shows each verdict of a date as a person sees it: newest override, else dismissed, else computed;
and reads the newest computed verdict per claim whatever other dates were scored."""
from __future__ import annotations

from datetime import date

import pytest

from db import edits
from db.ingest import ingest_extraction
from db.queries import list_claims, verdicts_on
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id

AS_OF = date(2025, 6, 30)


@pytest.fixture
def scored(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        score_all(s, AS_OF)
    return db


EDITS = [
    ("no edit: the computed verdict", [], "revenue", None, False),
    ("an override wins", [("override", "revenue", "beat")], "revenue", "beat", True),
    ("the newest override wins", [("override", "revenue", "beat"), ("override", "revenue", "late")], "revenue",
     "late", True),
    ("a dismissed claim shows dismissed", [("dismiss", "capex", None)], "capex", "dismissed", False),
]


@pytest.mark.parametrize(("done", "metric", "shown", "overridden"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_verdict_shown(scored, done, metric, shown, overridden):
    with scored.session() as s:
        for action, which, verdict in done:
            if action == "override":
                edits.override_verdict(s, claim_id(s, which), verdict, "checked the filing", "bo")
            else:
                edits.dismiss_claim(s, claim_id(s, which), "not guidance", "bo")
    with scored.session(write=False) as s:
        row = next(r for r in verdicts_on(s, AS_OF) if r.claim_id == claim_id(s, metric))
        listed = next(r for r in list_claims(s) if r.id == row.claim_id)
    assert row.verdict == (shown or row.computed)
    assert row.overridden is overridden
    assert listed.verdict == row.verdict and listed.overridden is overridden


def test_the_newest_date_is_the_one_listed(scored):
    with scored.session() as s:
        score_all(s, date(2025, 3, 1))     # an earlier date scored later: still not the newest as-of
    with scored.session(write=False) as s:
        rid = claim_id(s, "revenue")
        listed = next(r for r in list_claims(s) if r.id == rid)
        on_date = next(r for r in verdicts_on(s, AS_OF) if r.claim_id == rid)
        before = next(r for r in verdicts_on(s, date(2025, 3, 1)) if r.claim_id == rid)
    assert listed.verdict == on_date.computed != before.computed
