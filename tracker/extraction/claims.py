"""Forward-looking claims from analysed sentences.

A sentence promises something when it carries a forward cue (expect, will, target...) and a figure, a
direction or an event tied to a period that has not ended at the time of the call. Restatements are merged into
one claim by `tracker.extraction.claimset.ClaimSet`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from tracker.extraction.actuals import counted_metric, counted_name
from tracker.extraction.events import event_phrase, scheduled
from tracker.extraction.metric_reading import looks_back
from tracker.model import (Claim, Comparator, FiscalCalendar, Hedge, Kind, Mention, Period, Revision, RevisionKind,
                           Sentence, Speaker)
from tracker.units import unit_family
from tracker.extraction.scopes import modifier_before, product_scope, with_modifier
from tracker.vocab.patterns import pattern
from tracker.periods import PeriodMatch
from tracker.extraction.sentence_facts import Figure, SentenceFacts, is_future, is_past, joined
from tracker.extraction.stance import same_clause
from tracker.vocab.finders import Term, cue_finder, metric_spec, scope_finders
from tracker.fast_init import fast_init

@fast_init
@dataclass(frozen=True)
class Said:
    """Who said a sentence, and where."""
    speaker: Speaker
    sentence: Sentence

    def mention(self) -> Mention:
        return Mention(speaker=self.speaker.name, quote=self.sentence.text, start=self.sentence.start,
                       end=self.sentence.end, role=self.speaker.role)


def _unit_and_values(fig: Figure) -> tuple[str | None, float | None, float | None]:
    q = fig.quantity
    return fig.unit, q.low, q.high


def _comparator(fig: Figure, kind: Kind, text: str) -> Comparator | None:
    comp = fig.quantity.comparator
    if comp in (None, Comparator.EQ) and kind is Kind.TARGET and pattern("target_words").search(text):
        # "a goal of reaching 10" is a floor; for a metric where less is better ("deleverage to our 2.75x
        # target") it is a ceiling
        down = metric_spec(fig.metric or "").get("polarity") == "down"
        return Comparator.LE if down else Comparator.GE
    if comp is None:
        return Comparator.RANGE if fig.quantity.is_range else Comparator.EQ
    return comp


def _confidence(period: Period | None, has_value: bool, hedge: Hedge) -> float:
    score = 0.4 + (0.25 if period and period.end else 0) + (0.2 if has_value else 0)
    score += {Hedge.FIRM: 0.15, Hedge.EXPECTED: 0.1, Hedge.ASPIRATIONAL: 0.05, Hedge.CONDITIONAL: 0.0}[hedge]
    return round(min(score, 1.0), 2)


def _periods_of(fig: Figure, facts: SentenceFacts, call_date: date, frame: Period | None) -> list[Period | None]:
    """The figure's period, and any listed with it ("for fiscal Q2 and fiscal 2026"); the frame when none."""
    if fig.period is None:
        return [None if facts.fact_verbs else frame]
    if fig.period.period is None:
        return [None]                            # a vague phrase ("over time"): undated on purpose
    if fig.own_period:
        return [fig.period.period]               # "20 and 21 points ... Q2 and FY26, respectively": one each
    group = joined([p for p in facts.periods if p.period], fig.period, facts.text)
    future = [p.period for p in group if is_future(p.period, call_date)]
    return future or [fig.period.period]


def _scopes_of(fig: Figure, facts: SentenceFacts) -> list[str | None]:
    """The figure's scope, and scopes listed with it ("DRAM and NAND bit shipments")."""
    if fig.scope is None:
        return [None]
    geo, seg = scope_finders()
    terms = [t for t in geo.find(facts.text) + seg.find(facts.text)]
    first = next((t for t in terms if t.name == fig.scope), None)
    if first is None:
        return [fig.scope]
    return list(dict.fromkeys(t.name for t in joined(terms, first, facts.text)))


def figure_claims(facts: SentenceFacts, said: Said, call_date: date, frame: Period | None, *,
                  explicit: bool = False) -> list[Claim]:
    """Numeric claims: one per figure that names a metric and is not already past.

    Inside a guidance frame ("here is how we see fiscal Q3 shaping up.") a sentence without verbs of fact
    states guidance even without its own cue word ("Gross margin of 61%, give or take 75 basis points").
    Under an outlook header (`explicit`) a past period in the sentence is a comparison, not a report ("EPS of
    $4.10 to $4.30, up from 2024"): it does not take the sentence out of the frame.
    """
    own = facts.periods if not explicit else [p for p in facts.periods if not is_past(p.period, call_date)]
    in_frame = frame is not None and not facts.fact_verbs and not own
    if not (facts.forward_looking or in_frame) or facts.counterfactual:
        return []
    out = []
    hedge = facts.hedge or Hedge.EXPECTED
    for fig in facts.figures:
        if fig.metric is None and fig.tense == "forward" and not fig.is_comparison:
            # "we expect to reach 300 locations by year-end": a promised count names what it counts, as a
            # reported one does ("1,200 Zephyr kiosks" -> kiosks); a count in words ("these two projects") does not
            counted = counted_metric(fig)
            fig = replace(fig, metric=counted, metric_known=False, scope=counted_name(fig)) if counted else fig
        if fig.metric is None or fig.is_comparison or fig.prior or fig.tense in ("fact", "negated"):
            continue
        unit, low, high = _unit_and_values(fig)
        if unit is None:
            continue
        if fig.negative and low is not None:            # "20 basis points of dilution" is -0.2 points
            low, high = -abs(high if high is not None else low), -abs(low)
        # a growth rate or multiple of a metric is the same kind of claim as the metric itself
        spec = metric_spec(fig.metric) or (metric_spec(fig.metric_term.name) if fig.metric_term else {})
        kind = Kind(spec.get("kind", "target" if unit_family(unit) == "count" else "guidance"))
        comparator = _comparator(fig, kind, facts.text)
        if comparator in (Comparator.LE, Comparator.LT) and not fig.quantity.is_range:
            low, high = None, high if high is not None else low
        elif comparator in (Comparator.GE, Comparator.GT) and not fig.quantity.is_range:
            high = None
        for period in _periods_of(fig, facts, call_date, frame):
            if is_past(period, call_date) or (not fig.metric_known and (
                    period is None or facts.fact_verbs or looks_back(facts.text))):
                continue                  # a figure of a metric we cannot name is a claim only when dated, unmixed
            if fig.measure and period is None and (facts.fact_verbs or looks_back(facts.text)):
                continue                  # "Mac continued to see revenue up 15%": an undated growth looking back
            for scope in _scopes_of(fig, facts):
                out.append(Claim(
                    kind=kind, metric=fig.metric, scope=scope, comparator=comparator, low=low, high=high,
                    unit=unit, period=period, speaker=said.speaker.name, role=said.speaker.role,
                    quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
                    confidence=_confidence(period, True, hedge), metric_known=fig.metric_known, basis=fig.basis,
                    measure=fig.measure,
                ))
    return out


def _sentence_scope(text: str) -> str | None:
    geo, seg = scope_finders()
    found = geo.search(text) or seg.search(text)
    return found.name if found else None


def _direction_scope(text: str, term: Term) -> str | None:
    """"a quicker rate of membership revenue growth in the back half": the business line named right before
    the moving metric, as a figure's would be; else the lexicon's line in the sentence."""
    return with_modifier(_sentence_scope(text), modifier_before(text, term))


def _future_period(facts: SentenceFacts, call_date: date) -> Period | None:
    for p in facts.periods:
        if p.period is not None and is_future(p.period, call_date):
            return p.period
    return None


# "to improve" is above the baseline, "to decline" below it, "to be relatively unchanged" about the same
_DIRECTION_COMPARATOR = {"up": Comparator.GT, "down": Comparator.LT, "flat": Comparator.APPROX}


def direction_claims(facts: SentenceFacts, said: Said, call_date: date,
                     numeric: frozenset[str] = frozenset(), *, frame: Period | None = None,
                     after: Period | None = None) -> list[Claim]:
    """"We expect X to reach a new high / improve in Q1": a move against a baseline, without a number.
    Listed metrics and periods multiply ("new records in revenue, margin and EPS for Q2 and fiscal 2026").
    A sentence naming no period of its own takes the frame's ("Devices revenue should decline." under
    "Turning to how we see the third quarter."); one that names only the baseline year of its move takes the
    year after it (`after`: "capex growth will moderate compared to fiscal 2025")."""
    if not (facts.forward_looking and facts.direction and facts.metrics) or facts.counterfactual:
        return []
    dated = [p for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
    if not dated and after is not None and not facts.fact_verbs:
        frame = after
    elif not dated and (frame is None or facts.periods or facts.fact_verbs):
        return []
    periods = [p.period for p in joined(dated, dated[0], facts.text)] if dated else [frame]
    listed = joined(facts.metrics, facts.metrics[0], facts.text)
    if pattern("guidance_after").match(facts.text[listed[-1].end:]):
        return []     # "we are revising our annual bookings and EPS outlook": about the guide, not a move
    # metrics that got a number in this sentence are claimed by it already
    terms = {t.name: t for t in reversed(listed)}
    metrics = [m for m in dict.fromkeys(t.name for t in joined(facts.metrics, facts.metrics[0], facts.text))
               if not {m, f"{m}_growth", f"{m}_change", f"{m}_reduction"} & numeric]
    hedge = facts.hedge or Hedge.EXPECTED
    wanted = [(metric, period, terms[metric]) for metric in metrics for period in periods]
    wanted += [(t.name, p, t) for t, p in _moved_again(facts, call_date, numeric)]
    return [Claim(
        kind=Kind.DIRECTION, metric=metric, scope=_direction_scope(facts.text, term),
        comparator=_DIRECTION_COMPARATOR[facts.direction], low=None, high=None,
        unit=metric_spec(metric).get("unit"), period=period, speaker=said.speaker.name, role=said.speaker.role,
        quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
        confidence=_confidence(period, False, hedge),
    ) for metric, period, term in wanted]


# how near a later mention of a metric its own period and its move must stand ("'28 opex to be lower")
_AGAIN_REACH = 30


def _moved_again(facts: SentenceFacts, call_date: date, numeric: frozenset[str]) -> list[tuple[Term, Period]]:
    """"we guide to opex of $400 million in 2025, while 2026 opex should be lower": a metric that
    got its figure in one clause and is named again in a later clause, with a period of its own and a move but
    no figure, is a direction claim for that later period. Only the later mention counts: the figure's own period
    stays with the figure."""
    out: list[tuple[Term, Period]] = []
    moves = [d for d in cue_finder("direction").find(facts.text) if d.name == facts.direction]
    for t in facts.metrics:
        if t.name not in numeric:
            continue
        figures = [f for f in facts.figures if f.metric in (t.name, f"{t.name}_growth", f"{t.name}_change")]
        if not figures or any(f.quantity.end > t.start for f in figures):
            continue                      # the figure comes after this mention: it is the figure's own
        if any(f.quantity.start > t.end and same_clause(facts.text, t.end, f.quantity.start) for f in facts.figures):
            continue                      # a figure of its own follows in the clause
        own = {f.period.period.label for f in figures if f.period and f.period.period}
        near = [p for p in facts.periods if p.period is not None and is_future(p.period, call_date)
                and p.period.label not in own and p.start > max(f.quantity.end for f in figures)
                and (0 <= t.start - p.end <= 3 or 0 <= p.start - t.end <= _AGAIN_REACH)]
        if near and any(0 <= d.start - t.end <= _AGAIN_REACH and same_clause(facts.text, t.end, d.start)
                        for d in moves):
            out.append((t, near[0].period))
    return out


def milestone_claims(facts: SentenceFacts, said: Said, call_date: date,
                     cal: FiscalCalendar | None = None) -> list[Claim]:
    """Events promised by a date: a launch, a delivery, a start of production. One per dated event:
    "begin pilot runs early next year and then ramp output later next year" is two."""
    if not facts.milestone_verbs or facts.counterfactual or facts.past_marker:
        return []
    if not (facts.forward_looking or pattern("passive_or_progressive").search(facts.text) or scheduled(facts.text)):
        return []
    # a period that dates a figure ("expenses for the fourth quarter of $650 million") belongs to that figure
    # (not a count in the event's subject, reported or told in words: "the five bots that we unveiled become
    # available in H2" dates the event)
    taken = {(f.period.start, f.period.end) for f in facts.figures if f.metric and f.period and not f.is_comparison
             and not ((f.tense == "fact" or not any(c.isdigit() for c in f.quantity.text))
                      and unit_family(f.unit) in (None, "count")
                      and any(v.start > f.quantity.end for v in facts.milestone_verbs))}
    if len(taken) >= len(facts.periods):
        return []
    hedge = facts.hedge or Hedge.FIRM
    dated = [p for p in facts.periods if p.period is not None and is_future(p.period, call_date)
             and (p.start, p.end) not in taken]
    out, floor, earlier = [], 0, 0
    for n, p in enumerate(dated):
        verbs = [v for v in facts.milestone_verbs if floor <= v.start < p.start]
        if not verbs and not out and n == len(dated) - 1:
            # "in Q3 we will launch ...": the event may follow its only date
            verbs = [v for v in facts.milestone_verbs if 0 <= v.start - p.end <= 40][:1]
        clause_start = max(floor, (verbs[-1].start - 60) if verbs else 0)
        earlier, floor = (floor if out else 0), p.end     # an earlier event's date ends the next event's subject
        if not verbs:
            continue
        verb = verbs[-1]
        if any((f.metric or counted_metric(f)) and f.unit and verb.end <= f.quantity.start
               and same_clause(facts.text, verb.end, f.quantity.start) and f.quantity.start - verb.end <= 25
               for f in facts.figures):
            continue      # "we expect to have up to 40 Harbor stores by year-end": the figure is the claim
        if pattern("condition_before").search(facts.text[max(0, verb.start - 40):verb.start]) \
                and not same_clause(facts.text, verb.end, p.start):
            continue      # "assuming we get the permits, we'll serve half the state by year-end": a condition
        clause = facts.text[clause_start:p.end]
        period = _event_year(p, cal)
        scope = product_scope(clause if out else facts.text[:p.end])
        out.append(Claim(
            kind=Kind.MILESTONE, metric="milestone", scope=scope,
            comparator=None, low=None, high=None, unit=None, period=period, speaker=said.speaker.name,
            role=said.speaker.role, quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
            confidence=_confidence(period, True, hedge),
            event=event_phrase(facts.text, verb, p.start, p.end, scope or product_scope(facts.text[:p.end]), earlier),
        ))
    return out


_BARE_YEAR = re.compile(r"(?<![\w'])(?:(20\d\d)|'(\d\d))(?!\w)")
_FISCAL_WORD = re.compile(r"\b(fiscal|FY)", re.I)


# a fiscal year ending this close to the calendar year's end is the year the company speaks in (a retailer's
# "by the end of 2022" is its fiscal 2022, ending in early February 2023)
_FISCAL_AS_CALENDAR_DAYS = 45


def _event_year(p: PeriodMatch, cal: FiscalCalendar | None) -> Period:
    """An event "in 2026" or "by the end of 2028" is dated by the calendar even where the fiscal year is not:
    plants, launches and ramps are announced in calendar terms; only "fiscal 2026" means the fiscal year, and a
    fiscal year ending within a few weeks of December 31 is the company's everyday year."""
    period = p.period
    m = _BARE_YEAR.search(p.phrase)
    if not (period.fiscal and period.label.endswith("-FY") and m) or _FISCAL_WORD.search(p.phrase):
        return period
    year = int(m.group(1) or "20" + m.group(2))
    if period.end is not None and abs((period.end - date(year, 12, 31)).days) <= _FISCAL_AS_CALENDAR_DAYS:
        return period
    return Period(f"{year}-FY", date(year, 1, 1), date(year, 12, 31), period.phrase, fiscal=False)


def segment_directions(facts: SentenceFacts, said: Said, call_date: date, frame: Period | None) -> list[Claim]:
    """"led by robust gains in our marine and aviation units": a direction per business line."""
    in_frame = frame is not None and not facts.fact_verbs
    if not (facts.forward_looking or in_frame) or facts.counterfactual or facts.past_marker:
        return []
    period = _future_period(facts, call_date) or (frame if not facts.periods else None)
    if period is None:
        return []
    metric = next((m.name for m in facts.metrics if metric_spec(m.name).get("units") == ["money"]), "revenue")
    out = []
    named: set[str] = set()           # directions whose business line the sentence named as a business
    for move in cue_finder("segment_move").find(facts.text):
        if any(f.metric and 0 <= f.quantity.start - move.end <= 80 and same_clause(facts.text, move.end, f.quantity.start)
               for f in facts.figures):
            continue      # "lift our valve and pump unit volumes roughly 15%": a figure claim says it
        business = bool(_LINE_LIST.match(facts.text[move.end:]))
        if move.name in named and not business:
            continue      # "growth for our pumps business, with strength in consumer and industrial": drivers
        if business:
            named.add(move.name)
        for scope in lines_after(facts.text, move.end):
            out.append(Claim(
                kind=Kind.DIRECTION, metric=metric, scope=scope,
                comparator=Comparator.GT if move.name == "up" else Comparator.LT, low=None, high=None,
                unit=metric_spec(metric).get("unit"), period=period, speaker=said.speaker.name,
                role=said.speaker.role, quote=said.sentence.text, mentions=(said.mention(),),
                hedge=facts.hedge or Hedge.EXPECTED, confidence=_confidence(period, False, Hedge.EXPECTED),
            ))
    return out


# "freight, parcel, and the charter divisions": a list of business lines closed by a collective noun
_LINE_LIST = re.compile(r"^\s*(?:our\s+|the\s+)?(?P<items>[A-Za-z][\w&/ ,-]{0,80}?)\s+"
                        r"(?:segments?|businesses|business|divisions?|markets|franchises)\b", re.I)
_ARTICLE = re.compile(r"^(?:and\s+)?(?:our|the|both)\s+", re.I)


def lines_after(text: str, pos: int) -> list[str]:
    """The business lines named right after a move ("gains in our marine and the aviation units"): from
    a list closed by "segments"/"businesses", else the lexicon's scope terms listed there."""
    geo, seg = scope_finders()
    m = _LINE_LIST.match(text[pos:])
    if m:
        items = [_ARTICLE.sub("", i.strip()) for i in re.split(r",|\band\b", m.group("items"))]
        names = []
        for item in (i for i in items if i and not _ARTICLE.match(i + " ")):   # "grow the business": no line
            term = seg.search(item) or geo.search(item)
            names.append(term.name if term else item.lower())
        return list(dict.fromkeys(names))
    scopes = seg.find(text) + geo.find(text)
    after = [t for t in scopes if 0 <= t.start - pos <= 10]
    return [t.name for t in joined(scopes, after[0], text)] if after else []


def with_revision(claims: list[Claim], facts: SentenceFacts) -> list[Claim]:
    """The sentence restates guidance ("we are raising our outlook by 30 basis points, to 21.0% to 21.6%"): its
    claims carry the revision, with the stated change, or the change from the figure they replace ("to $185
    million from $180 million"). "We now expect" is raised or lowered only by such a figure."""
    cue = facts.revision
    if cue is None:
        return claims
    out = []
    for claim in claims:
        revision = _revision_of(claim, cue.kind, facts)
        out.append(replace(claim, revision=revision) if revision else claim)
    return out


def _mid(low: float | None, high: float | None) -> float | None:
    vals = [v for v in (low, high) if v is not None]
    return sum(vals) / len(vals) if vals else None


def _revision_of(claim: Claim, kind: RevisionKind | None, facts: SentenceFacts) -> Revision | None:
    if claim.kind is Kind.MILESTONE and kind is not RevisionKind.MAINTAINED:
        return None
    delta, unit = None, None
    stated = facts.revision_delta
    if stated is not None and stated.quantity.low is not None:
        delta, unit = abs(stated.quantity.low), stated.unit
        if kind is RevisionKind.LOWERED:
            delta = -delta
    else:
        new = _mid(claim.low, claim.high)
        old = next((f for f in facts.figures if f.is_comparison and f.metric == claim.metric
                    and f.unit == claim.unit and f.quantity.low is not None), None)
        if new is not None and old is not None:
            delta, unit = round(new - _mid(old.quantity.low, old.quantity.high), 10), claim.unit
    if kind is None:
        if not delta:
            return None
        kind = RevisionKind.RAISED if delta > 0 else RevisionKind.LOWERED
    return Revision(kind=kind, delta=delta, unit=unit)
