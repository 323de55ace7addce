"""Verdict rules, table-driven, on invented companies (Northwind Semiconductor, Harbor Retail, Acme Industrial)."""
from __future__ import annotations

from datetime import date

import pytest

import tracker.vocab.lexicon
from tracker.model import (Actual, Claim, Comparator, Event, EventKind, Hedge, Kind, Period, Role, Verdict,
                           Withdrawal)
from tracker.scoring import (ScoringPolicy, VerdictResult, convert, format_value, match_actual, match_events,
                             polarity_of, same_subject, score_claim, score_with_revisions, withdrawal_covers)

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))
FY = Period("2025-FY", date(2025, 1, 1), date(2025, 12, 31))
H1 = Period("2025-H1", date(2025, 1, 1), date(2025, 6, 30), phrase="by mid-2025")
SEP = Period("2025-09", date(2025, 9, 1), date(2025, 9, 30))
M = 1e6


def claim(low=None, high=None, cmp=None, *, kind=Kind.GUIDANCE, metric="revenue", scope=None, unit="USD",
          period=Q2, event=None, baseline=None, quote="We expect revenue of about $75 million.") -> Claim:
    return Claim(kind=kind, metric=metric, scope=scope, comparator=cmp, low=low, high=high, unit=unit,
                 period=period, speaker="Dana Reyes", role=Role.EXECUTIVE, quote=quote, mentions=(),
                 hedge=Hedge.EXPECTED, event=event, baseline=baseline)


def actual(value, *, metric="revenue", scope=None, unit="USD", period=Q2, reported_on=date(2025, 8, 10)) -> Actual:
    return Actual(metric=metric, scope=scope, value=value, unit=unit, period=period, reported_on=reported_on)


def as_of_period(d: date) -> Period:
    return Period(d.isoformat(), d, d)


AFTER = date(2025, 9, 1)


def score(c: Claim, actuals=(), events=(), as_of=AFTER, polarity="up", **kw) -> VerdictResult:
    return score_claim(c, list(actuals), list(events), as_of, polarity=polarity, **kw)


# --- numeric promises ----------------------------------------------------------------------------------

NUMERIC = [
    # id, claim, actual value, polarity, verdict
    ("range-inside", claim(120 * M, 150 * M, Comparator.RANGE), 130 * M, "up", Verdict.MET),
    ("range-at-low-edge", claim(120 * M, 150 * M, Comparator.RANGE), 120 * M, "up", Verdict.MET),
    ("range-above", claim(120 * M, 150 * M, Comparator.RANGE), 160 * M, "up", Verdict.BEAT),
    ("range-below", claim(120 * M, 150 * M, Comparator.RANGE), 100.2 * M, "up", Verdict.MISSED),
    ("range-above-down", claim(120 * M, 150 * M, Comparator.RANGE), 160 * M, "down", Verdict.MISSED),
    ("range-below-down", claim(120 * M, 150 * M, Comparator.RANGE), 100 * M, "down", Verdict.BEAT),
    ("range-above-neutral", claim(120 * M, 150 * M, Comparator.RANGE), 160 * M, "neutral", Verdict.MISSED),
    ("range-below-neutral", claim(120 * M, 150 * M, Comparator.RANGE), 100 * M, "neutral", Verdict.MISSED),
    ("range-no-comparator", claim(120 * M, 150 * M), 140 * M, "up", Verdict.MET),
    ("approx-within", claim(75 * M, 75 * M, Comparator.APPROX), 77 * M, "up", Verdict.MET),
    ("approx-edge", claim(75 * M, 75 * M, Comparator.APPROX), 78.75 * M, "up", Verdict.MET),
    ("approx-above", claim(75 * M, 75 * M, Comparator.APPROX), 82.8 * M, "up", Verdict.BEAT),
    ("approx-below", claim(75 * M, 75 * M, Comparator.APPROX), 70 * M, "up", Verdict.MISSED),
    ("approx-above-down", claim(75 * M, None, Comparator.APPROX), 82.8 * M, "down", Verdict.MISSED),
    ("approx-below-down", claim(75 * M, None, Comparator.APPROX), 60 * M, "down", Verdict.BEAT),
    ("approx-neutral-off", claim(75 * M, None, Comparator.APPROX), 60 * M, "neutral", Verdict.MISSED),
    ("eq-within", claim(8.10, 8.10, Comparator.EQ), 8.2, "up", Verdict.MET),
    ("point-no-comparator", claim(40, None, None, unit="%"), 45, "up", Verdict.BEAT),
    ("floor-met", claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s"), 15.3, "up", Verdict.MET),
    ("floor-beat", claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s"), 17, "up", Verdict.BEAT),
    ("floor-missed", claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s"), 8.75, "up", Verdict.MISSED),
    ("floor-exact-ge", claim(15, None, Comparator.GE, unit="EH/s"), 15, "up", Verdict.MET),
    ("floor-exact-gt", claim(15, None, Comparator.GT, unit="EH/s"), 15, "up", Verdict.MISSED),
    ("floor-neutral-no-beat", claim(20, None, Comparator.GE, unit="%"), 30, "neutral", Verdict.MET),
    ("ceiling-met", claim(None, 500 * M, Comparator.LE, metric="capex"), 490 * M, "down", Verdict.MET),
    ("ceiling-beat", claim(None, 500 * M, Comparator.LE, metric="capex"), 400 * M, "down", Verdict.BEAT),
    ("ceiling-missed", claim(None, 500 * M, Comparator.LE, metric="capex"), 520 * M, "down", Verdict.MISSED),
    ("ceiling-under-up-metric", claim(None, 500 * M, Comparator.LE), 400 * M, "up", Verdict.MET),
    ("ceiling-strict", claim(500 * M, None, Comparator.LT, metric="capex"), 500 * M, "down", Verdict.MISSED),
    ("hashrate-other-prefix", claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s"), None, "up",
     Verdict.MET),
]


@pytest.mark.parametrize("c, value, polarity, expected", [row[1:] for row in NUMERIC], ids=[r[0] for r in NUMERIC])
def test_numeric_verdicts(c, value, polarity, expected):
    actuals = [actual(value, metric=c.metric, unit=c.unit)] if value is not None else [actual(15_200, unit="PH/s")]
    assert score(c, actuals, polarity=polarity).verdict is expected


EXPLAINED = [
    ("approx", claim(75 * M, None, Comparator.APPROX), actual(82.8 * M), "actual $82.8M vs ~$75.0M: +10.4%, beat"),
    ("range-low", claim(120 * M, 150 * M, Comparator.RANGE), actual(100.2 * M),
     "actual $100.2M vs $120.0M-$150.0M: 16.5% below the low end, missed"),
    ("range-in", claim(120 * M, 150 * M, Comparator.RANGE), actual(1.3e8),
     "actual $130.0M vs $120.0M-$150.0M: within range, met"),
    ("target", claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s", period=H1),
     actual(8.75, unit="EH/s", period=as_of_period(date(2025, 6, 30))), "8.75 EH/s of ≥15 EH/s target (58%), missed"),
    ("eps", claim(8.10, None, Comparator.EQ, metric="eps"), actual(8.5, metric="eps"),
     "actual $8.50 vs $8.10: +4.9%, met"),
    ("billions", claim(1.1e9, None, Comparator.APPROX), actual(1.0e9), "actual $1.0B vs ~$1.1B: -9.1%, missed"),
]


@pytest.mark.parametrize("c, a, text", [r[1:] for r in EXPLAINED], ids=[r[0] for r in EXPLAINED])
def test_explanations(c, a, text):
    assert score(c, [a]).explanation == text


def test_surprise_and_attainment():
    r = score(claim(15, None, Comparator.GE, kind=Kind.TARGET, unit="EH/s"), [actual(8.75, unit="EH/s")])
    assert r.attainment == pytest.approx(0.5833, abs=1e-4)
    assert r.surprise_pct == pytest.approx(-41.67, abs=0.01)
    r = score(claim(120 * M, 150 * M, Comparator.RANGE), [actual(162 * M)])
    assert r.surprise_pct == pytest.approx(20.0)
    assert r.attainment is None


# --- no actual yet: pending / awaiting / unverifiable -------------------------------------------------

TIMELINE = [
    ("before-deadline", date(2025, 6, 1), Verdict.PENDING, "due 2025-06-30: pending"),
    ("on-deadline", date(2025, 6, 30), Verdict.PENDING, "due 2025-06-30: pending"),
    ("within-grace", date(2025, 7, 20), Verdict.AWAITING,
     "deadline 2025-06-30 passed 20 days ago; not reported yet: awaiting"),
    ("between-grace-and-cutoff", date(2025, 11, 1), Verdict.AWAITING, None),
    ("at-cutoff", date(2025, 12, 27), Verdict.AWAITING, None),
    ("past-cutoff", date(2026, 3, 31), Verdict.UNVERIFIABLE,
     "deadline 2025-06-30 passed 274 days ago; nothing reported: unverifiable"),
]


@pytest.mark.parametrize("as_of, verdict, text", [r[1:] for r in TIMELINE], ids=[r[0] for r in TIMELINE])
def test_unreported_timeline(as_of, verdict, text):
    r = score(claim(75 * M, None, Comparator.APPROX), [], as_of=as_of)
    assert r.verdict is verdict
    if text:
        assert r.explanation == text


def test_no_deadline_is_unverifiable():
    assert score(claim(75 * M, None, Comparator.APPROX, period=None)).verdict is Verdict.UNVERIFIABLE


def test_qualitative_is_unverifiable():
    c = claim(kind=Kind.QUALITATIVE, quote="We feel good about the second half.")
    assert score(c, [actual(1.0)]).verdict is Verdict.UNVERIFIABLE


# --- knowledge as of a date -----------------------------------------------------------------------------

KNOWN = [
    ("reported-after-as-of", date(2025, 8, 10), date(2025, 8, 1), Verdict.AWAITING),
    ("reported-on-as-of", date(2025, 8, 10), date(2025, 8, 10), Verdict.BEAT),
    ("no-report-date-period-over", None, date(2025, 7, 1), Verdict.BEAT),
    ("no-report-date-period-running", None, date(2025, 6, 1), Verdict.PENDING),
]


@pytest.mark.parametrize("reported_on, as_of, verdict", [r[1:] for r in KNOWN], ids=[r[0] for r in KNOWN])
def test_actual_known_as_of(reported_on, as_of, verdict):
    r = score(claim(75 * M, None, Comparator.APPROX), [actual(90 * M, reported_on=reported_on)], as_of=as_of)
    assert r.verdict is verdict


# --- withdrawals ----------------------------------------------------------------------------------------

WITHDRAWN = [
    ("param-before-deadline", dict(withdrawn_on=date(2025, 5, 20), withdrawn_note="tariffs"), [],
     Verdict.WITHDRAWN, "withdrawn 2025-05-20 (tariffs)"),
    ("long-note-one-line", dict(withdrawn_on=date(2025, 5, 20), withdrawn_note="We are withdrawing\n" + "x" * 200),
     [], Verdict.WITHDRAWN, "withdrawn 2025-05-20 (We are withdrawing " + "x" * 80 + "…)"),
    ("param-after-as-of", dict(withdrawn_on=date(2025, 9, 5)), [], Verdict.BEAT, None),
    ("param-after-period", dict(withdrawn_on=date(2025, 7, 15)), [], Verdict.BEAT,
     "actual $90.0M vs ~$75.0M: +20.0%, beat (withdrawn 2025-07-15, after the period ended: not counted)"),
    ("event-blanket", {}, [Event("NWS", EventKind.WITHDRAWN, date(2025, 5, 2), note="suspended guidance")],
     Verdict.WITHDRAWN, "withdrawn 2025-05-02 (suspended guidance)"),
    ("event-other-metric", {}, [Event("NWS", EventKind.WITHDRAWN, date(2025, 5, 2), metric="capex")],
     Verdict.BEAT, None),
    ("event-other-period", {}, [Event("NWS", EventKind.WITHDRAWN, date(2025, 5, 2), period_label="2025-Q3")],
     Verdict.BEAT, None),
    ("event-on-deadline", {}, [Event("NWS", EventKind.WITHDRAWN, date(2025, 6, 30), metric="Revenue")],
     Verdict.WITHDRAWN, "withdrawn 2025-06-30"),
]


@pytest.mark.parametrize("kw, events, verdict, text", [r[1:] for r in WITHDRAWN], ids=[r[0] for r in WITHDRAWN])
def test_withdrawals(kw, events, verdict, text):
    r = score(claim(75 * M, None, Comparator.APPROX), [actual(90 * M)], events, **kw)
    assert r.verdict is verdict
    if text:
        assert r.explanation == text


# --- milestones -----------------------------------------------------------------------------------------

def _milestone(scope="Fab 3"):
    return claim(kind=Kind.MILESTONE, metric="milestone", scope=scope, unit=None, period=SEP,
                 event="start volume production", quote="Fab 3 starts volume production by September.")


def _achieved(on, scope="fab 3", metric=None):
    return Event("NWS", EventKind.ACHIEVED, on, metric=metric, scope=scope)


MILESTONES = [
    ("on-time", [_achieved(date(2025, 9, 20))], date(2025, 12, 1), Verdict.MET, None),
    ("late", [_achieved(date(2025, 10, 15))], date(2025, 12, 1), Verdict.LATE,
     "achieved 2025-10-15, 15 days after 2025-09-30: late"),
    ("achieved-after-as-of", [_achieved(date(2025, 10, 15))], date(2025, 10, 1), Verdict.AWAITING, None),
    ("pending", [], date(2025, 6, 1), Verdict.PENDING, "due 2025-09-30: pending"),
    ("awaiting", [], date(2025, 11, 1), Verdict.AWAITING, None),
    ("silent-after-grace", [], date(2026, 1, 15), Verdict.UNVERIFIABLE, None),
    ("other-scope", [_achieved(date(2025, 9, 20), scope="Fab 4")], date(2025, 9, 25), Verdict.PENDING, None),
    ("metric-milestone", [_achieved(date(2025, 9, 20), metric="Milestone")], date(2025, 12, 1), Verdict.MET, None),
    ("metric-other", [_achieved(date(2025, 9, 20), metric="revenue")], date(2025, 9, 25), Verdict.PENDING, None),
]


@pytest.mark.parametrize("events, as_of, verdict, text", [r[1:] for r in MILESTONES], ids=[r[0] for r in MILESTONES])
def test_milestones(events, as_of, verdict, text):
    r = score(_milestone(), [], events, as_of=as_of)
    assert r.verdict is verdict
    if text:
        assert r.explanation == text
    if verdict is Verdict.LATE:
        assert r.days_late == 15


# --- direction claims ---------------------------------------------------------------------------------

DIRECTION = [
    ("up-met", Comparator.GT, 80 * M, None, 90 * M, Verdict.MET),
    ("up-missed", Comparator.GT, 80 * M, None, 70 * M, Verdict.MISSED),
    ("up-flat-missed", Comparator.GT, 80 * M, None, 80 * M, Verdict.MISSED),
    ("down-met", Comparator.LT, None, 80 * M, 70 * M, Verdict.MET),
    ("down-missed", Comparator.LT, None, 80 * M, 90 * M, Verdict.MISSED),
]


@pytest.mark.parametrize("cmp, baseline, low, value, verdict", [r[1:] for r in DIRECTION],
                         ids=[r[0] for r in DIRECTION])
def test_direction(cmp, baseline, low, value, verdict):
    c = claim(low, None, cmp, kind=Kind.DIRECTION, baseline=baseline, metric="opex")
    r = score(c, [actual(value, metric="opex")])
    assert r.verdict is verdict


# --- matching actuals ---------------------------------------------------------------------------------

MATCHING = [
    ("same-label", actual(1.0), True),
    ("scope-case-space", actual(1.0, scope="  Data  Center "), False),   # claim is company-wide
    ("empty-scope-is-company", actual(1.0, scope=""), True),
    ("other-metric", actual(1.0, metric="gross_margin"), False),
    ("other-unit-family", actual(1.0, unit="EUR"), False),
    ("as-of-at-deadline", actual(1.0, period=as_of_period(date(2025, 7, 4))), True),
    ("as-of-too-far", actual(1.0, period=as_of_period(date(2025, 7, 8))), False),
    ("other-label", actual(1.0, period=Period("2025-Q1", date(2025, 1, 1), date(2025, 3, 31))), False),
]


@pytest.mark.parametrize("a, matches", [r[1:] for r in MATCHING], ids=[r[0] for r in MATCHING])
def test_match_actual(a, matches):
    assert (match_actual(claim(1.0), [a]) is a) is matches


def test_match_prefers_latest_report_and_closest_period():
    old = actual(1.0, reported_on=date(2025, 7, 30))
    new = actual(2.0, reported_on=date(2025, 8, 30))
    at_deadline = actual(3.0, period=as_of_period(date(2025, 6, 30)), reported_on=date(2025, 9, 30))
    assert match_actual(claim(1.0), [old, new, at_deadline]) is new
    assert match_actual(claim(1.0), [old, new], as_of=date(2025, 8, 1)) is old


def test_scope_normalised():
    c = claim(1.0, scope="Data Center")
    a = actual(1.0, scope=" data   center")
    assert match_actual(c, [a]) is a


INTERIM = [
    # a target for the year, judged by an as-of figure inside the year
    ("short-before-deadline", 12, date(2025, 11, 15), Verdict.PENDING),
    ("reached-early", 15.5, date(2025, 11, 15), Verdict.MET),
    ("short-within-grace", 12, date(2026, 1, 20), Verdict.AWAITING),
    ("short-after-grace", 12, date(2026, 5, 1), Verdict.MISSED),
]


@pytest.mark.parametrize("value, as_of, verdict", [r[1:] for r in INTERIM], ids=[r[0] for r in INTERIM])
def test_interim_target(value, as_of, verdict):
    c = claim(15, None, Comparator.GE, kind=Kind.TARGET, metric="hashrate", unit="EH/s", period=FY)
    a = actual(value, metric="hashrate", unit="EH/s", period=as_of_period(date(2025, 10, 31)),
               reported_on=date(2025, 11, 10))
    r = score(c, [a], as_of=as_of)
    assert r.verdict is verdict
    assert r.attainment == pytest.approx(value / 15)


# --- units, formatting, subjects -----------------------------------------------------------------------

CONVERT = [
    ("EH-to-EH", 15, "EH/s", "EH/s", 15),
    ("PH-to-EH", 15_200, "PH/s", "EH/s", 15.2),
    ("TH-to-PH", 2_000, "TH/s", "PH/s", 2),
    ("money-vs-hash", 1, "USD", "EH/s", None),
    ("usd-dollar-sign", 5, "$", "usd", 5),
    ("unknown-unit", 5, None, "USD", 5),
    ("stores-vs-stores", 12, "Stores", "stores", 12),
]


@pytest.mark.parametrize("value, src, dst, expected", [r[1:] for r in CONVERT], ids=[r[0] for r in CONVERT])
def test_convert(value, src, dst, expected):
    got = convert(value, src, dst)
    assert got == (pytest.approx(expected) if expected is not None else None)


FORMAT = [
    (82.8e6, "USD", "$82.8M"), (1.1e9, "USD", "$1.1B"), (8.1, "USD", "$8.10"), (-5e6, "USD", "-$5.0M"),
    (450_000, "USD", "$450.0K"), (8.75, "EH/s", "8.75 EH/s"), (15.0, "EH/s", "15 EH/s"), (42.5, "%", "42.5%"),
    (1200, "stores", "1,200 stores"), (3.0, None, "3"),
]


@pytest.mark.parametrize("value, unit, text", FORMAT)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


SUBJECTS = [
    ("same", claim(1.0), claim(2.0), True),
    ("none-vs-empty-scope", claim(1.0, scope=None), claim(2.0, scope=""), True),
    ("scope-case", claim(1.0, scope="Data Center"), claim(2.0, scope="data center"), True),
    ("other-scope", claim(1.0, scope="PC"), claim(2.0, scope="data center"), False),
    ("other-period", claim(1.0), claim(2.0, period=FY), False),
    ("other-metric", claim(1.0), claim(2.0, metric="capex"), False),
]


@pytest.mark.parametrize("a, b, same", [r[1:] for r in SUBJECTS], ids=[r[0] for r in SUBJECTS])
def test_same_subject(a, b, same):
    assert same_subject(a, b) is same


COVERS = [
    ("blanket", Withdrawal(None, None, None, "We are withdrawing guidance."), True),
    ("metric", Withdrawal("revenue", None, None, "q"), True),
    ("other-metric", Withdrawal("capex", None, None, "q"), False),
    ("year-covers-quarter", Withdrawal(None, None, FY, "q"), True),
    ("quarter-not-year", Withdrawal(None, None, Period("2025-Q3", date(2025, 7, 1), date(2025, 9, 30)), "q"), False),
    ("scope", Withdrawal(None, "Retail", None, "q"), False),
]


@pytest.mark.parametrize("w, covers", [r[1:] for r in COVERS], ids=[r[0] for r in COVERS])
def test_withdrawal_covers(w, covers):
    assert withdrawal_covers(w, claim(1.0)) is covers


def test_match_events_sorted_and_filtered():
    c = _milestone()
    evs = [_achieved(date(2025, 9, 20)), Event("NWS", EventKind.WITHDRAWN, date(2025, 8, 1)),
           _achieved(date(2025, 9, 1), scope="Fab 9")]
    assert [e.on for e in match_events(c, evs)] == [date(2025, 8, 1), date(2025, 9, 20)]


def test_polarity_from_lexicon(monkeypatch):
    fake = {"metrics": {"opex": {"polarity": "down"}, "tax_rate": {"polarity": "neutral"}}}
    monkeypatch.setattr(tracker.vocab.lexicon, "load", lambda name: fake)
    assert polarity_of("opex") == "down"
    assert polarity_of("unheard_of") == "up"
    # polarity from the lexicon drives the verdict when none is passed
    r = score_claim(claim(75 * M, None, Comparator.APPROX, metric="opex"), [actual(60 * M, metric="opex")], [],
                    AFTER)
    assert r.verdict is Verdict.BEAT


def test_score_with_revisions():
    original = claim(120 * M, 150 * M, Comparator.RANGE)
    raised = claim(150 * M, 170 * M, Comparator.RANGE, quote="We now expect $150 to $170 million.")
    first, latest = score_with_revisions(original, [raised], [actual(160 * M)], [], AFTER, polarity="up")
    assert (first.verdict, first.against) == (Verdict.BEAT, "original")
    assert (latest.verdict, latest.against) == (Verdict.MET, "latest revision")
    assert score_with_revisions(original, [], [actual(160 * M)], [], AFTER, polarity="up")[1] is None


def test_policy_tolerance_is_used():
    c = claim(75 * M, None, Comparator.APPROX)
    strict = ScoringPolicy(approx_tolerance=0.01)
    assert score_claim(c, [actual(77 * M)], [], AFTER, strict, polarity="up").verdict is Verdict.BEAT
