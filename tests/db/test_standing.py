"""Dismissed claims are out of every credibility figure; an override sets the verdict's standing, surprise
included, and its explanation says "overridden: met (reason)". The stored figures (fls companies, speakers)
and the scorecard's agree (invented company: Northwind Semiconductor)."""
from __future__ import annotations

from datetime import date

import pytest

from db import edits
from db.edits import add_actual
from db.ingest import ingest_extraction
from db.queries import build_scorecard, list_companies, list_speakers, verdicts_on
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id

AS_OF = date(2026, 3, 1)
SURPRISE = {"revenue": 0.0, "gross margin": (35 - 41) / 41 * 100, "capex": 30.0}   # computed, per claim


@pytest.fixture
def scored(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        add_actual(s, "NWSC", "revenue", None, "2025-Q1", "85M", "USD", "2025-04-30")
        add_actual(s, "NWSC", "gross margin", None, "2025-Q1", "35", "%", "2025-04-30")
        add_actual(s, "NWSC", "capex", None, "2025-FY", "260M", "USD", "2026-02-01")
        score_all(s, AS_OF)
    return db


CASES = [
    # (id, edits on gross margin, hits, scored, claims whose surprise counts)
    ("no-edit", [], 1, 3, ("revenue", "gross margin", "capex")),
    ("dismissed-miss-leaves-every-figure", [("dismiss", None)], 1, 2, ("revenue", "capex")),
    ("override-to-met-drops-the-old-surprise", [("override", "met")], 2, 3, ("revenue", "capex")),
    ("override-agreeing-keeps-the-surprise", [("override", "missed")], 1, 3, ("revenue", "gross margin", "capex")),
    ("dismissal-wins-over-an-override", [("override", "met"), ("dismiss", None)], 1, 2, ("revenue", "capex")),
    ("override-to-dismissed-is-out-too", [("override", "dismissed")], 1, 2, ("revenue", "capex")),
    ("override-to-unverifiable-is-not-scored", [("override", "unverifiable")], 1, 2, ("revenue", "capex")),
]


@pytest.mark.parametrize("done, hits, n, counted", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figures_follow_dismissals_and_overrides(scored, done, hits, n, counted):
    with scored.session() as s:
        margin = claim_id(s, "gross margin")
        for action, verdict in done:
            if action == "dismiss":
                edits.dismiss_claim(s, margin, "a restated figure, not guidance", "bo")
            else:
                edits.override_verdict(s, margin, verdict, "checked the 10-Q", "bo")
    expected = sum(SURPRISE[m] for m in counted) / len(counted)
    with scored.session(write=False) as s:
        stored = next(c for c in list_companies(s) if c.ticker == "NWSC").credibility
        speaker = next(r for r in list_speakers(s, "NWSC") if r.name == f.CFO.name).credibility
        card = build_scorecard(s, "NWSC", AS_OF).credibility
    for cred in (stored, speaker, card):
        assert (cred.hits, cred.n_scored) == (hits, n)
        assert cred.mean_signed_surprise_pct == pytest.approx(expected)


def test_the_override_explanation_everywhere(scored):
    with scored.session() as s:
        edits.override_verdict(s, claim_id(s, "gross margin"), "met", "checked the 10-Q", "bo")
    with scored.session(write=False) as s:
        margin = claim_id(s, "gross margin")
        row = next(r for r in verdicts_on(s, AS_OF) if r.claim_id == margin)
        card_row = next(r for r in build_scorecard(s, "NWSC", AS_OF).rows if r.claim.metric == "gross margin")
    for text in (row.shown_explanation, card_row.shown.explanation):
        assert text.startswith("overridden: met (checked the 10-Q); computed missed: actual 35% vs 40%-42%")
    assert card_row.verdict == "met" and card_row.shown.surprise_pct is None
    assert row.explanation.startswith("actual 35% vs 40%-42%")   # the stored computed verdict is kept as it was
