"""Revisions, reaffirmations, negation and the sentences that are not claims (issue 9, items 3 and 5).

Every sentence is invented (companies: Harbor Retail, Cobalt Pipeline, Lumen Foods); each row says what the
sentence must give: claims with their revision, actuals, prior claims, or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tracker.extraction.claimset import ClaimSet
from tracker.extraction.claims import Said, direction_claims, figure_claims, milestone_claims, with_revision
from tracker.model import RevisionKind, Role, Sentence, Speaker
from tracker.periods import calendar_from, reported_period
from tracker.extraction.sentence_facts import analyse
from tracker.extraction.actuals import sentence_actuals

CALL = date(2025, 7, 24)
CAL = calendar_from("12-31", anchor=CALL)
CFO = Speaker("Dana Reyes", "Chief Financial Officer", Role.EXECUTIVE)


def read(text: str):
    facts = analyse(text, CALL, CAL)
    said = Said(CFO, Sentence(text, 0, len(text)))
    found = figure_claims(facts, said, CALL, None)
    found += direction_claims(facts, said, CALL, frozenset(c.metric for c in found))
    found += milestone_claims(facts, said, CALL, CAL)
    claims = ClaimSet()
    for c in with_revision(found, facts):
        claims.add(c)
    actuals, priors = sentence_actuals(facts, CFO, reported_period(CALL, CAL), CALL, CAL, 0, len(text))
    return claims.claims, actuals, priors


@dataclass(frozen=True)
class Rev:
    text: str
    metric: str
    low: float | None
    high: float | None
    kind: RevisionKind | None
    delta: float | None = None


REVISIONS = [
    pytest.param(Rev("We are raising our full-year operating margin outlook by 30 basis points, to 21.0% to 21.6%.",
                     "operating_margin", 21.0, 21.6, RevisionKind.RAISED, 0.3), id="raise-by-bps-to-range"),
    pytest.param(Rev("We are lifting our full-year revenue guidance to $5.2 billion from $5.0 billion.",
                     "revenue", 5.2e9, 5.2e9, RevisionKind.RAISED, 0.2e9), id="lift-to-from"),
    pytest.param(Rev("We now expect full-year revenue of $4.8 billion, down from $5.0 billion.",
                     "revenue", 4.8e9, 4.8e9, RevisionKind.LOWERED, -0.2e9), id="now-expect-lower-from"),
    pytest.param(Rev("We now expect full-year revenue of $4.8 billion.", "revenue", 4.8e9, 4.8e9, None),
                 id="now-expect-without-old-figure-has-no-kind"),
    pytest.param(Rev("We are reaffirming our full-year revenue guidance of $5.0 billion.",
                     "revenue", 5.0e9, 5.0e9, RevisionKind.MAINTAINED), id="reaffirm-guidance-of"),
    pytest.param(Rev("Today we are reiterating our full-year revenue outlook of $5.0 billion.",
                     "revenue", 5.0e9, 5.0e9, RevisionKind.MAINTAINED), id="reiterate-outlook-of"),
    pytest.param(Rev("We still expect full-year revenue of $5.0 billion.", "revenue", 5.0e9, 5.0e9,
                     RevisionKind.MAINTAINED), id="still-expect"),
    pytest.param(Rev("We are narrowing our full-year EPS range to $2.10 to $2.20.", "eps", 2.10, 2.20,
                     RevisionKind.NARROWED), id="narrow-range"),
    pytest.param(Rev("We are lowering our full-year capital expenditures forecast by $50 million to $450 million.",
                     "capex", 450e6, 450e6, RevisionKind.LOWERED, -50e6), id="lower-by-to"),
    pytest.param(Rev("We raised our full-year revenue outlook to $5.3 billion.", "revenue", 5.3e9, 5.3e9,
                     RevisionKind.RAISED), id="raised-past-tense-is-still-a-promise"),
    pytest.param(Rev("We expect full-year revenue of $5.0 billion.", "revenue", 5.0e9, 5.0e9, None),
                 id="plain-guidance-no-revision"),
]


@pytest.mark.parametrize("row", REVISIONS)
def test_revision_in_the_sentence(row: Rev):
    claims, actuals, _ = read(row.text)
    assert not actuals, "a revision is never a reported fact"
    assert len(claims) == 1, claims
    c = claims[0]
    assert (c.metric, c.low, c.high) == (row.metric, pytest.approx(row.low), pytest.approx(row.high))
    assert c.period is not None and c.period.label == "2025-FY"
    if row.kind is None:
        assert c.revision is None
        return
    assert c.revision is not None and c.revision.kind is row.kind
    if row.delta is None:
        assert c.revision.delta is None
    else:
        assert c.revision.delta == pytest.approx(row.delta)


NOT_CLAIMS = [
    pytest.param("We do not expect orders to decline in the fourth quarter.", id="negated-direction"),
    pytest.param("We don't expect revenue to exceed $6 billion in 2025.", id="negated-figure"),
    pytest.param("We will not launch the Aster 2 before the fourth quarter.", id="negated-event"),
    pytest.param("Turning to slide 12, you'll see our updated outlook.", id="signpost-slide"),
    pytest.param("I'll walk you through the guidance for the third quarter in a moment.", id="signpost-walk"),
    pytest.param("I would say we've been telling you for a while that inventories were going to come down in 2026.",
                 id="i-would-say-is-no-conditional"),
    pytest.param("Every $5 change in the oil price moves cash flow by $1 billion in 2026.", id="sensitivity-every"),
    pytest.param("We estimate each 25 basis point move in rates changes net interest income by $80 million in 2026.",
                 id="sensitivity-each-bps"),
    pytest.param("As a rule of thumb, revenue will rise $20 million for every point of share in 2026.",
                 id="sensitivity-rule-of-thumb"),
    pytest.param("If freight costs were to double, gross margin would fall to 30% in 2026.", id="hypothetical-were-to"),
    pytest.param("The quarter included two special items: a $40 million gain on an asset sale and a $12 million "
                 "debt charge, which will lower interest cost in 2026.", id="one-off-items-reported"),
    pytest.param("Net sales grew 8% in the second quarter, ahead of the 5% to 7% we had expected.",
                 id="past-growth-ahead-of-expectation"),
    pytest.param("Gross margin was better than expected at 41% in the second quarter.", id="better-than-expected"),
    pytest.param("Channel stock closed June at 47 days, so at the low end of our 45- to 55-day goal.",
                 id="at-low-end-of-target"),
    pytest.param("We sent out roughly $70 million of kits in May that were expected to ship during the third quarter.",
                 id="were-expected-to-is-past"),
    pytest.param("Online demand has been higher in the premium segments this year.", id="has-been-reports"),
    pytest.param("I believe we sent out $70 million of kits in May that were expected to ship during the third quarter.",
                 id="softener-does-not-make-a-past-expectation-a-promise"),
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_a_claim(text: str):
    claims, _, _ = read(text)
    assert claims == [], [(c.metric, c.low, c.event) for c in claims]


def test_beaten_prior_guide_is_an_actual_and_a_prior_claim():
    _, actuals, priors = read("Gross margin was 41% in the second quarter, ahead of the 38% to 39% we had expected.")
    assert [(a.metric, a.value) for a in actuals] == [("gross_margin", 41.0)]
    assert [(p.claim.low, p.claim.high) for p in priors] == [(38.0, 39.0)]
    assert priors[0].actual is not None and priors[0].actual.value == 41.0


def test_present_state_is_not_the_promise_beside_it():
    """"we now have X in 1,100 stores with plans to extend to 1,600": only the 1,600 is promised."""
    claims, _, _ = read("We now have hot meals in more than 1,100 stores, with plans to extend them to a total "
                        "of more than 1,600 stores by December.")
    assert [c.low for c in claims] == [1600]


def test_a_figure_after_a_segment_move_is_not_also_a_direction():
    """"we expect to grow our data center and client bit shipments about 20% in 2026" is a figure claim, not
    also a revenue direction per line."""
    from tracker.extraction.claims import segment_directions
    text = "We expect to grow our data center and client bit shipments approximately 20% in 2026."
    facts = analyse(text, CALL, CAL)
    assert segment_directions(facts, Said(CFO, Sentence(text, 0, len(text))), CALL, None) == []


def test_negation_leaves_a_later_promise_in_the_sentence():
    claims, _, _ = read("We don't expect a recession, and we expect full-year revenue of $5.0 billion.")
    assert [(c.metric, c.low) for c in claims] == [("revenue", 5.0e9)]


def test_restatement_keeps_the_revision_when_merged():
    claims = ClaimSet()
    for start, text in enumerate(("We expect full-year revenue of $5.0 billion.",
                                  "We are reaffirming our full-year revenue guidance of $5.0 billion.")):
        facts = analyse(text, CALL, CAL)
        said = Said(CFO, Sentence(text, start * 100, start * 100 + len(text)))
        for c in with_revision(figure_claims(facts, said, CALL, None), facts):
            claims.add(c)
    assert len(claims.claims) == 1
    assert claims.claims[0].revision is not None and claims.claims[0].revision.kind is RevisionKind.MAINTAINED
