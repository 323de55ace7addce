"""Score one claim, as of a date, against the actuals and events known by then.

Decisions worth knowing (the rest follows the obvious reading of the claim):
- A withdrawal counts only if it happened on or before the end of the claim's period (and on or before the
  scoring date). Taking guidance back after the period is over does not erase it: the claim is scored against
  the actual like any other, and the explanation mentions the late withdrawal.
- A floor ("at least") is met by reaching it and beaten by clearing it by more than the tolerance when more is
  better; a ceiling ("up to") is met by staying under it and beaten by staying well under it when less is
  better. A neutral metric is never beaten: outside a range or point it is missed.
- A target may be settled early by an as-of figure inside its period: reaching it early counts; falling short
  before the deadline (or within the grace period after it) is still pending/awaiting, not missed.
- A milestone with no achievement reported once the grace period is over is UNVERIFIABLE, not MISSED: a
  company rarely announces that something did not happen, so silence is not proof.
- An actual without a report date is taken as known once its period has ended.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tracker.model import Actual, Claim, Comparator, Event, Kind, Verdict
from tracker.scoring.basis import basis_note
from tracker.scoring.growth import GROWTH_MEASURES, growth_of, stored_baseline
from tracker.scoring.describe import CEILINGS, Shape, describe_shape, direction_baseline, has_numbers, shape_of
from tracker.scoring.matching import (TIER_INTERIM, achievement_matches, match_actual, match_tier,
                                      withdrawal_event_matches)
from tracker.scoring.policy import ScoringPolicy, check_polarity, polarity_of
from tracker.scoring.units import convert, format_value

ORIGINAL = "original"
LATEST = "latest revision"


@dataclass(frozen=True)
class VerdictResult:
    verdict: Verdict
    explanation: str
    as_of: date
    actual: Actual | None = None
    event: Event | None = None
    surprise_pct: float | None = None    # (actual - promised midpoint) / |midpoint| * 100, sign = raw difference
    attainment: float | None = None      # actual / target for targets (8.75 of 15 EH/s = 0.583)
    days_late: int | None = None
    against: str = ORIGINAL              # "original" or "latest revision"


NOTE_MAX = 100   # a withdrawal note is often the whole quote: keep the explanation to one short line


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_MAX else text[:NOTE_MAX - 1].rstrip() + "…"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _pct_of(value: float, ref: float) -> float | None:
    return None if ref == 0 else (value - ref) / abs(ref) * 100


def _close(a: float, ref: float, tolerance: float) -> bool:
    return abs(a - ref) <= tolerance * abs(ref) + 1e-12


def _beyond(side: str, polarity: str) -> Verdict:
    """Outside the promise on `side` ("above"/"below"): good, bad, or (neutral) simply off."""
    if polarity == "neutral":
        return Verdict.MISSED
    good = "above" if polarity == "up" else "below"
    return Verdict.BEAT if side == good else Verdict.MISSED


def judge(shape: Shape, value: float, polarity: str, tolerance: float) -> Verdict:
    """The verdict for `value` (in the claim's unit) against a numeric promise."""
    eps = 1e-9 * max(abs(shape.low), abs(shape.high), 1.0)
    if shape.form == "range":
        if shape.low - eps <= value <= shape.high + eps:
            return Verdict.MET
        return _beyond("above" if value > shape.high else "below", polarity)
    if shape.form == "point":
        if _close(value, shape.low, tolerance):
            return Verdict.MET
        return _beyond("above" if value > shape.low else "below", polarity)
    bound = shape.low
    strict = shape.comparator in (Comparator.GT, Comparator.LT)
    if shape.form == "floor":
        ok = value > bound if strict else value >= bound - eps
        beat_polarity = "up"
    else:
        ok = value < bound if strict else value <= bound + eps
        beat_polarity = "down"
    if not ok:
        return Verdict.MISSED
    if polarity == beat_polarity and not _close(value, bound, tolerance):
        return Verdict.BEAT
    return Verdict.MET


def _numeric(claim: Claim, shape: Shape, actual: Actual, value: float, polarity: str,
             policy: ScoringPolicy, as_of: date, *, shown: str | None = None) -> VerdictResult:
    """`shown`: how the figure compared is named ("growth 9.1% (...)"); default "actual $82.8M"."""
    verdict = judge(shape, value, polarity, policy.approx_tolerance)
    surprise = _pct_of(value, shape.reference)
    is_target = claim.kind is Kind.TARGET
    attainment = None
    if (is_target and shape.form != "ceiling") or shape.form == "floor":
        attainment = value / shape.low if shape.low else None
    figure = format_value(value, claim.unit)
    named = shown if shown is not None else f"actual {figure}"
    promise = describe_shape(shape, claim.unit)

    if shape.form == "range":
        if verdict is Verdict.MET:
            where = "within range"
        elif value > shape.high:
            where = f"{_pct_of(value, shape.high):.1f}% above the high end" if shape.high else "above the high end"
        else:
            where = f"{-_pct_of(value, shape.low):.1f}% below the low end" if shape.low else "below the low end"
        text = f"{named} vs {promise}: {where}, {verdict}"
    elif is_target and attainment is not None:
        text = f"{figure if shown is None else shown} of {promise} target ({attainment:.0%}), {verdict}"
    else:
        pct = f"{surprise:+.1f}%, " if surprise is not None else ""
        text = f"{named} vs {promise}: {pct}{verdict}"

    result = VerdictResult(verdict, text, as_of, actual=actual, surprise_pct=surprise, attainment=attainment)
    return _hold_interim(claim, result, policy)


def _hold_interim(claim: Claim, result: VerdictResult, policy: ScoringPolicy) -> VerdictResult:
    """An as-of figure from inside a target's period that falls short does not settle the target while the
    company may still get there (before the deadline) or report the final figure (within the grace period)."""
    if result.verdict is not Verdict.MISSED or result.actual is None or claim.deadline is None:
        return result
    if match_tier(claim, result.actual) != TIER_INTERIM:
        return result
    late_by = (result.as_of - claim.deadline).days
    if late_by > policy.grace_days:
        return result
    at = result.actual.period.end
    head = result.explanation.rsplit(",", 1)[0]
    if late_by <= 0:
        return dataclasses.replace(result, verdict=Verdict.PENDING,
                                   explanation=f"interim {head} on {at}; due {claim.deadline}: pending")
    return dataclasses.replace(result, verdict=Verdict.AWAITING,
                               explanation=f"interim {head} on {at}; deadline {claim.deadline} passed "
                                           f"{_days(late_by)} ago: awaiting")


def _direction(claim: Claim, actual: Actual, value: float, as_of: date) -> VerdictResult:
    base = direction_baseline(claim)
    want_down = claim.comparator in CEILINGS
    strict = claim.comparator not in (Comparator.GE, Comparator.LE)
    if want_down:
        ok = value < base if strict else value <= base
    else:
        ok = value > base if strict else value >= base
    verdict = Verdict.MET if ok else Verdict.MISSED
    moved = "up" if value > base else "down" if value < base else "flat"
    surprise = _pct_of(value, base)
    pct = f"{surprise:+.1f}% " if surprise is not None else ""
    text = (f"actual {format_value(value, claim.unit)} vs baseline {format_value(base, claim.unit)}: "
            f"{pct}({moved}), {verdict}")
    return VerdictResult(verdict, text, as_of, actual=actual, surprise_pct=surprise)


def _unreported(claim: Claim, as_of: date, policy: ScoringPolicy, *, milestone: bool = False) -> VerdictResult:
    """Nothing to score against yet: pending, awaiting the report, or (long past) unverifiable."""
    deadline = claim.deadline
    if deadline is None:
        return VerdictResult(Verdict.UNVERIFIABLE, "no deadline and nothing reported: unverifiable", as_of)
    if as_of <= deadline:
        return VerdictResult(Verdict.PENDING, f"due {deadline}: pending", as_of)
    ago = (as_of - deadline).days
    # a milestone's achievement is announced, not filed: after the grace period silence settles nothing
    give_up_after = policy.grace_days if milestone else policy.unverifiable_after_days
    if ago > give_up_after:
        return VerdictResult(Verdict.UNVERIFIABLE,
                             f"deadline {deadline} passed {_days(ago)} ago; nothing reported: unverifiable", as_of)
    return VerdictResult(Verdict.AWAITING,
                         f"deadline {deadline} passed {_days(ago)} ago; not reported yet: awaiting", as_of)


def _milestone(claim: Claim, events: Sequence[Event], as_of: date, policy: ScoringPolicy) -> VerdictResult:
    done = sorted((e for e in events if achievement_matches(e, claim) and e.on <= as_of), key=lambda e: e.on)
    if not done:
        return _unreported(claim, as_of, policy, milestone=True)
    first = done[0]
    deadline = claim.deadline
    if deadline is None:
        return VerdictResult(Verdict.MET, f"achieved {first.on}: met", as_of, event=first)
    if first.on <= deadline:
        return VerdictResult(Verdict.MET, f"achieved {first.on}, by {deadline}: met", as_of, event=first)
    late = (first.on - deadline).days
    return VerdictResult(Verdict.LATE, f"achieved {first.on}, {_days(late)} after {deadline}: late", as_of,
                         event=first, days_late=late)


def _withdrawal(claim: Claim, events: Sequence[Event], as_of: date, withdrawn_on: date | None,
                withdrawn_note: str) -> tuple[VerdictResult | None, str]:
    """(WITHDRAWN result, or None; a note about a withdrawal ignored because it came after the period)."""
    found: list[tuple[date, str, Event | None]] = []
    if withdrawn_on is not None:
        found.append((withdrawn_on, withdrawn_note, None))
    found += [(e.on, e.note, e) for e in events if withdrawal_event_matches(e, claim)]
    found = sorted((f for f in found if f[0] <= as_of), key=lambda f: f[0])
    deadline = claim.deadline
    for on, note, event in found:
        if deadline is None or on <= deadline:
            note = _one_line(note)
            text = f"withdrawn {on}" + (f" ({note})" if note else "")
            return VerdictResult(Verdict.WITHDRAWN, text, as_of, event=event), ""
    if found:
        return None, f" (withdrawn {found[0][0]}, after the period ended: not counted)"
    return None, ""


def score_claim(claim: Claim, actuals: Sequence[Actual], events: Sequence[Event], as_of: date,
                policy: ScoringPolicy = ScoringPolicy(), *, withdrawn_on: date | None = None,
                polarity: str | None = None, withdrawn_note: str = "") -> VerdictResult:
    """The claim's verdict on `as_of`. `withdrawn_on`/`withdrawn_note`: a withdrawal known from the transcripts;
    `polarity` overrides the metric lexicon ("up", "down" or "neutral")."""
    pol = check_polarity(polarity) if polarity is not None else polarity_of(claim.metric)
    withdrawn, late_note = _withdrawal(claim, events, as_of, withdrawn_on, withdrawn_note)
    if withdrawn is not None:
        return withdrawn
    result = _score_open(claim, actuals, events, as_of, policy, pol)
    if late_note:
        result = dataclasses.replace(result, explanation=result.explanation + late_note)
    return result


def _score_open(claim: Claim, actuals: Sequence[Actual], events: Sequence[Event], as_of: date,
                policy: ScoringPolicy, polarity: str) -> VerdictResult:
    if claim.kind is Kind.MILESTONE and not has_numbers(claim):
        return _milestone(claim, events, as_of, policy)
    if claim.kind is Kind.DIRECTION and direction_baseline(claim) is None:
        return _direction_from_stored(claim, actuals, as_of, policy)
    if claim.kind is not Kind.DIRECTION and not has_numbers(claim):
        return VerdictResult(Verdict.UNVERIFIABLE, "no figure or event to check: unverifiable", as_of)
    if claim.measure in GROWTH_MEASURES and claim.kind is not Kind.DIRECTION:
        return _growth(claim, actuals, as_of, policy, polarity)

    actual = match_actual(claim, actuals, as_of=as_of)
    value = convert(actual.value, actual.unit, claim.unit) if actual is not None else None
    if actual is None or value is None:
        if claim.kind is Kind.MILESTONE:
            return _milestone(claim, events, as_of, policy)
        return _unreported(claim, as_of, policy)
    if claim.kind is Kind.DIRECTION:
        result = _direction(claim, actual, value, as_of)
    else:
        result = _numeric(claim, shape_of(claim), actual, value, polarity, policy, as_of)
    return _with_basis(claim, result)


def _growth(claim: Claim, actuals: Sequence[Actual], as_of: date, policy: ScoringPolicy,
            polarity: str) -> VerdictResult:
    """A growth promise against the growth the stored levels show (tracker.scoring.growth), never the level."""
    growth = growth_of(claim, actuals, as_of)
    if growth is None:
        return _unreported(claim, as_of, policy)
    shown = format_value(growth.pct, claim.unit if claim.unit else "%")
    result = _numeric(claim, shape_of(claim), growth.current, growth.pct, polarity, policy, as_of,
                      shown=growth.describe(shown))
    return _with_basis(claim, result)


def _direction_from_stored(claim: Claim, actuals: Sequence[Actual], as_of: date,
                           policy: ScoringPolicy) -> VerdictResult:
    """"Higher than last quarter" with no figure in the sentence: the baseline is the stored actual of the
    comparison period. Before the deadline the claim is pending whatever is stored; without a stored baseline
    after it, nothing can settle it."""
    base = stored_baseline(claim, actuals, as_of)
    actual = match_actual(dataclasses.replace(claim, unit=None), actuals, as_of=as_of) if base is not None else None
    if base is None or actual is None:
        if claim.deadline is not None and as_of <= claim.deadline:
            return _unreported(claim, as_of, policy)
        if base is None:
            return VerdictResult(Verdict.UNVERIFIABLE, "no baseline to compare against: unverifiable", as_of)
        return _unreported(claim, as_of, policy)
    base_value = convert(base.value, base.unit, actual.unit)
    if base_value is None:
        return VerdictResult(Verdict.UNVERIFIABLE, "baseline in another unit: unverifiable", as_of)
    with_base = dataclasses.replace(claim, baseline=base_value, unit=actual.unit)
    result = _direction(with_base, actual, actual.value, as_of)
    text = result.explanation.replace(" vs baseline ", f" ({actual.period.label}) vs {base.period.label} ", 1)
    return _with_basis(claim, dataclasses.replace(result, explanation=text))


def _with_basis(claim: Claim, result: VerdictResult) -> VerdictResult:
    """The explanation says which basis the actual used was on, when either side states one."""
    if result.actual is None:
        return result
    note = basis_note(claim.basis, result.actual.basis)
    return dataclasses.replace(result, explanation=result.explanation + note) if note else result


def score_with_revisions(original: Claim, revisions: Sequence[Claim], actuals: Sequence[Actual],
                         events: Sequence[Event], as_of: date, policy: ScoringPolicy = ScoringPolicy(), *,
                         withdrawn_on: date | None = None, polarity: str | None = None,
                         withdrawn_note: str = "") -> tuple[VerdictResult, VerdictResult | None]:
    """Score the claim as first stated and, when it was revised, as last revised (`revisions` oldest first).
    The second result is None when there is no revision."""
    kw = dict(withdrawn_on=withdrawn_on, polarity=polarity, withdrawn_note=withdrawn_note)
    first = score_claim(original, actuals, events, as_of, policy, **kw)
    if not revisions:
        return first, None
    latest = score_claim(revisions[-1], actuals, events, as_of, policy, **kw)
    return first, dataclasses.replace(latest, against=LATEST)
