"""A claim is scored against the actual of its own basis (invented company: Tessel Grain)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role, Verdict
from tracker.scoring import score_claim
from tracker.scoring.basis import basis_fit, basis_note
from tracker.scoring.matching import ActualIndex, match_actual

Q2 = Period("2026-Q2", date(2026, 4, 1), date(2026, 6, 30))
AS_OF = date(2026, 9, 1)
M = 1e6


def claim(basis=None, low=1.40, high=1.50, metric="eps") -> Claim:
    return Claim(kind=Kind.GUIDANCE, metric=metric, scope=None, comparator=Comparator.RANGE, low=low, high=high,
                 unit="USD", period=Q2, speaker="Lise Armand", role=Role.EXECUTIVE,
                 quote="Tessel Grain expects non-GAAP EPS of $1.40 to $1.50 for the second quarter.", mentions=(),
                 hedge=Hedge.EXPECTED, basis=basis)


def actual(value, basis=None, reported=date(2026, 8, 1), metric="eps") -> Actual:
    return Actual(metric=metric, scope=None, value=value, unit="USD", period=Q2, reported_on=reported, basis=basis)


GAAP, NON_GAAP = actual(0.90, "gaap"), actual(1.46, "non_gaap")

CASES = [
    # (id, claim basis, actuals, value used or None, verdict)
    ("non-gaap-claim-takes-the-non-gaap-figure", "non_gaap", [GAAP, NON_GAAP], 1.46, Verdict.MET),
    ("order-of-the-actuals-does-not-matter", "non_gaap", [NON_GAAP, GAAP], 1.46, Verdict.MET),
    ("a-later-gaap-report-does-not-win", "non_gaap", [NON_GAAP, actual(0.91, "gaap", date(2026, 8, 20))], 1.46,
     Verdict.MET),
    ("never-against-gaap-alone", "non_gaap", [GAAP], None, Verdict.AWAITING),
    ("adjusted-claim-takes-a-non-gaap-figure", "adjusted", [GAAP, NON_GAAP], 1.46, Verdict.MET),
    ("gaap-claim-takes-the-gaap-figure", "gaap", [NON_GAAP, GAAP], 0.90, Verdict.MISSED),
    ("unstated-claim-prefers-nothing-and-takes-the-latest", None,
     [GAAP, actual(1.46, "non_gaap", date(2026, 8, 2))], 1.46, Verdict.MET),
    ("unstated-actual-fits-a-non-gaap-claim", "non_gaap", [actual(1.45)], 1.45, Verdict.MET),
    ("same-basis-beats-unstated", "non_gaap", [actual(0.95, None, date(2026, 8, 20)), NON_GAAP], 1.46, Verdict.MET),
]


@pytest.mark.parametrize("basis, actuals, value, verdict", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_basis_decides_the_actual(basis, actuals, value, verdict):
    wanted = claim(basis)
    found = match_actual(wanted, ActualIndex(actuals), as_of=AS_OF)
    assert found == match_actual(wanted, actuals, as_of=AS_OF)
    assert (found.value if found else None) == value
    assert score_claim(wanted, actuals, [], AS_OF).verdict is verdict


@pytest.mark.parametrize("claim_basis, actual_basis, fits", [
    ("gaap", "non_gaap", False), ("adjusted", "gaap", False), ("non_gaap", "adjusted", True),
    (None, "gaap", True), ("gaap", None, True),
], ids=["gaap-vs-non-gaap", "adjusted-vs-gaap", "non-gaap-vs-adjusted", "unstated-claim", "unstated-actual"])
def test_basis_fit(claim_basis, actual_basis, fits):
    assert (basis_fit(claim_basis, actual_basis) is not None) is fits


@pytest.mark.parametrize("claim_basis, actual_basis, note", [
    (None, None, ""),
    ("non_gaap", "non_gaap", " (non-GAAP basis)"),
    ("adjusted", "non_gaap", " (adjusted claim, non-GAAP actual)"),
    ("non_gaap", None, " (non-GAAP claim, actual's basis not stated)"),
    (None, "gaap", " (claim's basis not stated, GAAP actual)"),
], ids=["neither", "same", "family", "claim-only", "actual-only"])
def test_explanation_names_the_basis(claim_basis, actual_basis, note):
    assert basis_note(claim_basis, actual_basis) == note
    result = score_claim(claim(claim_basis), [actual(1.46, actual_basis)], [], AS_OF)
    assert result.explanation.endswith("within range, met" + note)


def test_a_loss_range_is_met_by_a_loss_inside_it():
    """"an adjusted EBITDA loss of $2.0 to $2.25 billion": -2.1B is inside, not a -197% miss."""
    loss = dataclasses.replace(claim("adjusted", -2.25e9, -2.0e9, metric="ebitda"))
    result = score_claim(loss, [actual(-2.1e9, "adjusted", metric="ebitda")], [], AS_OF)
    assert result.verdict is Verdict.MET
    assert result.explanation == "actual -$2.1B vs $2.0B-$2.25B loss: within range, met (adjusted basis)"
