"""build_scorecard gives each row what a review meeting needs from the database: the stored claim id, a
person's correction with the original kept, whether a person added the claim, and the reported figures (known
on the date) that no claim's verdict used.

Invented company: Tallow Creek Outfitters (TCO) guided Q1 revenue of $40-44M; it reported revenue of $43M and
a store count no one promised. An analyst corrects the revenue claim's high end.
"""
from __future__ import annotations

from datetime import date

import pytest

from db.corrections import edit_claim
from db.edits import add_actual, override_verdict
from db.ingest import ingest_extraction
from db.queries import build_scorecard
from tests.db import factories as f
from tests.db.helpers import claim_id

AS_OF = date(2025, 6, 1)


@pytest.fixture
def tallow(db):
    call = f.extraction(ticker="TCO", company="Tallow Creek Outfitters", call_date=date(2025, 2, 3), claims=(
        f.guidance("revenue", 40e6, 44e6, period=f.quarter(2025, 1), start=30),
        f.guidance("capex", 9e6, period=f.full_year(2025), start=90)))
    with db.session() as s:
        ingest_extraction(s, call, author="fixture")
        add_actual(s, "TCO", "revenue", None, "2025-Q1", "43M", "USD", "2025-04-30", source="q1 release",
                   author="fixture")
        add_actual(s, "TCO", "store count", None, "2025-Q1", "212", "stores", "2025-04-30", author="fixture")
        add_actual(s, "TCO", "store count", None, "2025-Q2", "220", "stores", "2025-07-30", author="fixture")
        edit_claim(s, claim_id(s, "revenue"), {"high": "45M"}, "the slide said 45", "gil")
        override_verdict(s, claim_id(s, "capex"), "met", "spent early", "gil")
    return db


def _rows(card):
    return {r.claim.metric: r for r in card.rows}


def test_rows_carry_the_claim_id_and_the_correction(tallow):
    with tallow.session(write=False) as s:
        card = build_scorecard(s, "TCO", AS_OF)
        ids = {m: claim_id(s, m) for m in ("revenue", "capex")}
    rows = _rows(card)
    assert {m: r.claim_id for m, r in rows.items()} == ids
    assert rows["revenue"].corrected == (("high", "$44.0M", "$45.0M"),)
    assert rows["revenue"].correction_reasons == ("the slide said 45",)
    assert rows["revenue"].result.actual.reported_on == date(2025, 4, 30)
    assert rows["capex"].override == ("met", "spent early") and not rows["capex"].corrected
    assert card.company == "Tallow Creek Outfitters"


UNUSED = [
    # (period filter, as of, the unused figures listed)
    (None, AS_OF, [("store count", "2025-Q1")]),                                  # Q2's not reported by June 1
    (None, date(2025, 8, 1), [("store count", "2025-Q1"), ("store count", "2025-Q2")]),
    ("2025-Q2", date(2025, 8, 1), [("store count", "2025-Q2")]),
]


@pytest.mark.parametrize(("period", "as_of", "unused"), UNUSED)
def test_figures_no_claim_used(tallow, period, as_of, unused):
    with tallow.session(write=False) as s:
        card = build_scorecard(s, "TCO", as_of, period)
    assert [(u.actual.metric, u.actual.period.label) for u in card.unused_actuals] == unused
    assert all(u.id is not None for u in card.unused_actuals)


NAMES = [
    # (the header's company, the call's opening, the name stored and on the scorecard)
    (None, "Operator: Good day, and welcome to the Fenwick Rail fourth quarter 2024 earnings call.", "Fenwick Rail"),
    ("Fenwick Rail Holdings", "Operator: Good day, and welcome to the Fenwick Rail fourth quarter call.",
     "Fenwick Rail Holdings"),                                        # the header wins
    (None, "Operator: Good day, everyone.", "FRL"),                   # named nowhere: the ticker stands for it
]


@pytest.mark.parametrize(("header", "opening", "name"), NAMES)
def test_the_company_is_named_even_without_a_header(db, header, opening, name):
    from tracker.scorecard import render

    claim = f.guidance("revenue", 40e6, 44e6, period=f.quarter(2025, 1), start=len(opening) + 1)
    call = f.extraction(ticker="FRL", company=header, claims=(claim,), text=f"{opening}\n{claim.quote}")
    with db.session() as s:
        ingest_extraction(s, call, author="fixture")
    with db.session(write=False) as s:
        card = build_scorecard(s, "FRL", AS_OF)
    assert card.company == name
    assert render(card, "md").startswith(f"# Scorecard: {name}" + (" (FRL)" if name != "FRL" else "") + "\n")


def test_history_said_on_the_call_is_no_unused_figure(tallow):
    """'Q4 2024 store count was 205', said on the February call, is history, not a result of a promise."""
    with tallow.session() as s:
        add_actual(s, "TCO", "store count", None, "2024-Q4", "205", "stores", "2025-02-03", author="fixture")
    with tallow.session(write=False) as s:
        card = build_scorecard(s, "TCO", AS_OF)
    assert [u.actual.period.label for u in card.unused_actuals] == ["2025-Q1"]
