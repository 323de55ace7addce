"""Which actuals, events and withdrawals belong to a claim.

Metric and scope compare case- and whitespace-insensitively; a missing or empty scope means company-wide.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from tracker.model import Actual, Claim, Event, EventKind, Kind, Period, Withdrawal
from tracker.scoring.basis import basis_fit
from tracker.scoring.units import comparison_family

AS_OF_SLACK = timedelta(days=7)   # an as-of figure this close to the deadline is the figure at the deadline
MILESTONE_METRIC = "milestone"

# match tiers: the better the tie to the claim's period, the higher
TIER_LABEL, TIER_DEADLINE, TIER_INTERIM = 3, 2, 1


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def same_subject(a: Claim, b: Claim) -> bool:
    """Same metric, same scope (None == "" == company-wide) and same period label."""
    return (norm(a.metric) == norm(b.metric) and norm(a.scope) == norm(b.scope)
            and norm(a.period.label if a.period else None) == norm(b.period.label if b.period else None))


def is_as_of(period: Period) -> bool:
    """An as-of figure ("at 28 February") rather than a figure for a span."""
    return period.start is not None and period.start == period.end


def known_on(actual: Actual, as_of: date) -> bool:
    """Was the actual public on `as_of`? Without a report date, once its period had ended."""
    if actual.reported_on is not None:
        return actual.reported_on <= as_of
    return actual.period.end is None or actual.period.end <= as_of


def units_comparable(a: str | None, b: str | None) -> bool:
    fam_a, _ = comparison_family(a)
    fam_b, _ = comparison_family(b)
    return fam_a is None or fam_b is None or fam_a == fam_b


def match_tier(claim: Claim, actual: Actual) -> int:
    """0 when the actual is not about the claim's period, else how closely it is (see TIER_*)."""
    period = claim.period
    if period is None:
        return 0
    if norm(period.label) and norm(period.label) == norm(actual.period.label):
        return TIER_LABEL
    if not is_as_of(actual.period) or period.end is None:
        return 0
    at = actual.period.end
    if abs(at - period.end) <= AS_OF_SLACK:
        return TIER_DEADLINE
    if claim.kind is Kind.TARGET and period.start is not None and period.start <= at <= period.end:
        return TIER_INTERIM
    return 0


class ActualIndex(Sequence[Actual]):
    """A company's actuals (in their order) indexed for `match_actual` by metric, scope and period label, with
    the as-of figures of each metric and scope sorted by date: a claim looks only at the actuals that can settle
    it, not at every figure the company ever reported ("revenue 2031-Q3" never reads the 2029 capex figures)."""

    def __init__(self, actuals: Iterable[Actual]) -> None:
        self._all = tuple(actuals)
        self._by_label: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        as_of: dict[tuple[str, str], list[tuple[date, int]]] = defaultdict(list)
        for i, actual in enumerate(self._all):
            subject = (norm(actual.metric), norm(actual.scope))
            if norm(actual.period.label):
                self._by_label[(*subject, norm(actual.period.label))].append(i)
            if is_as_of(actual.period):
                as_of[subject].append((actual.period.end, i))
        self._as_of = {subject: sorted(found) for subject, found in as_of.items()}

    def __len__(self) -> int:
        return len(self._all)

    def __getitem__(self, item):  # noqa: ANN001, ANN204 - an index or a slice, like a tuple
        return self._all[item]

    def candidates(self, claim: Claim) -> list[Actual]:
        """The actuals `match_tier` can tie to the claim (a superset of the matches), in their original order:
        the same period label, or an as-of figure from the period's start (or a week before its end) to a week
        after its end."""
        period = claim.period
        if period is None:
            return []
        subject = (norm(claim.metric), norm(claim.scope))
        picks = list(self._by_label.get((*subject, norm(period.label)), ())) if norm(period.label) else []
        dated = self._as_of.get(subject)
        if dated and period.end is not None:
            first = period.end - AS_OF_SLACK
            if period.start is not None:
                first = min(first, period.start)
            lo = bisect_left(dated, (first, -1))
            hi = bisect_right(dated, (period.end + AS_OF_SLACK, len(self._all)))
            picks += [i for _, i in dated[lo:hi]]
        return [self._all[i] for i in sorted(set(picks))]


def match_actual(claim: Claim, actuals: Sequence[Actual], *, as_of: date | None = None) -> Actual | None:
    """The actual that settles the claim: same metric, scope and comparable unit; the same period label, or an
    as-of figure at the deadline (±7 days), or (targets) an as-of figure inside the period. The actual of the
    claim's own basis wins (tracker.scoring.basis: a non-GAAP claim is never set against a GAAP figure), then
    the closest tie, then the latest report date, then the latest as-of date. With `as_of`, only actuals known
    by then count. Given an ActualIndex, only its candidates for the claim are looked at (same answer, far
    fewer checks)."""
    best: tuple[tuple[int, int, date, date], Actual] | None = None
    for actual in actuals.candidates(claim) if isinstance(actuals, ActualIndex) else actuals:
        if norm(actual.metric) != norm(claim.metric) or norm(actual.scope) != norm(claim.scope):
            continue
        if not units_comparable(claim.unit, actual.unit):
            continue
        if as_of is not None and not known_on(actual, as_of):
            continue
        fit = basis_fit(claim.basis, actual.basis)
        if fit is None:
            continue
        tier = match_tier(claim, actual)
        if tier == 0:
            continue
        key = (fit, tier, actual.reported_on or date.min, actual.period.end or date.min)
        if best is None or key > best[0]:
            best = (key, actual)
    return best[1] if best else None


def _label_fits(event_label: str | None, claim: Claim) -> bool:
    """An event naming a period concerns claims of that period only; an undated claim is not one of them."""
    return event_label is None or (claim.period is not None and norm(event_label) == norm(claim.period.label))


def achievement_matches(event: Event, claim: Claim) -> bool:
    """An ACHIEVED event for this milestone: metric "milestone", the claim's metric or unset; the same scope
    (company-wide == None), or no scope but the claim's period ("the Q1 deliveries happened"); and the claim's
    period label when the event names one."""
    scope_fits = norm(event.scope) == norm(claim.scope) or (not norm(event.scope) and event.period_label is not None)
    return (event.kind is EventKind.ACHIEVED
            and norm(event.metric) in ("", MILESTONE_METRIC, norm(claim.metric))
            and scope_fits
            and _label_fits(event.period_label, claim))


def withdrawal_event_matches(event: Event, claim: Claim) -> bool:
    """A WITHDRAWN event covers the claim; an unset metric, scope or period label means "any" (a blanket
    "we withdraw our guidance")."""
    return (event.kind is EventKind.WITHDRAWN
            and (event.metric is None or norm(event.metric) == norm(claim.metric))
            and (event.scope is None or norm(event.scope) == norm(claim.scope))
            and _label_fits(event.period_label, claim))


def match_events(claim: Claim, events: Sequence[Event]) -> list[Event]:
    """Events (achievements and withdrawals) that concern the claim, oldest first."""
    hits = [e for e in events if achievement_matches(e, claim) or withdrawal_event_matches(e, claim)]
    return sorted(hits, key=lambda e: e.on)


def withdrawal_covers(w: Withdrawal, claim: Claim) -> bool:
    """Does the withdrawal take back this claim? Unset metric/scope/period mean any. A withdrawal of a period
    covers claims for that period label and claims for spans inside it (withdrawing 2025 guidance takes back
    the 2025-Q3 figure too)."""
    if w.metric is not None and norm(w.metric) != norm(claim.metric):
        return False
    if w.scope is not None and norm(w.scope) != norm(claim.scope):
        return False
    if w.period is None:
        return True
    if claim.period is None:
        return False
    if norm(w.period.label) == norm(claim.period.label):
        return True
    spans = (w.period.start, w.period.end, claim.period.start, claim.period.end)
    if any(d is None for d in spans):
        return False
    return w.period.start <= claim.period.start and claim.period.end <= w.period.end
