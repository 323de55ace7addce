"""Read one sentence the way an analyst does: what it measures, about which scope and period, in which tense.

`analyse()` turns a sentence into `Figure`s (a quantity tied to a metric, scope and period) plus the cues that
decide whether it promises, reports or withdraws something. The claim and actual builders consume this.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from tracker.extraction.events import has_object, is_noun_use, scheduled
from tracker.extraction.figure_positions import respective_terms, sign_figures, sign_words
from tracker.extraction.fronted_state import in_fronted_with
from tracker.extraction.impacts import impact_on, without_scope_words
from tracker.extraction.listed_figures import format_counts, respective_periods, shared_tail, shared_units, with_points
from tracker.extraction.metric_reading import Reading, implied_unit, read_metric
from tracker.extraction.moved_objects import object_reading
from tracker.model import Comparator, FiscalCalendar, Hedge, Period, Quantity, RevisionKind
from tracker.numbers import number_words
from tracker.vocab.patterns import pattern
from tracker.periods import PeriodMatch, find_periods
from tracker.extraction.range_ends import joined_ends, range_end
from tracker.extraction.topic_lead import fronted_topic
from tracker.extraction.than import bound, difference, is_difference_word, without_than
from tracker.quantities import find_quantities, unit_family
from tracker.extraction.scopes import (acronym_before, acronym_of_head, excluded, excluded_after, mentions_exclusion,
                                       modifier_before, names_after, scope_near, with_modifier)
from tracker.extraction.stance import (RevisionCue, delta_marker_before, is_hypothetical, negated_at, prior_figure, read_stance,
                            referred_back, same_clause)
from tracker.vocab.finders import (Term, cue_finder, metric_finder, metric_spec,
                           scope_finders)
from tracker.fast_init import fast_init

_HEDGE_ORDER = {"conditional": 0, "aspirational": 1, "expected": 2, "firm": 3}
@fast_init
@dataclass(frozen=True)
class Figure:
    quantity: Quantity
    metric: str | None
    metric_term: Term | None
    scope: str | None
    period: PeriodMatch | None
    is_change: bool        # a growth rate or difference, not a level
    is_comparison: bool    # the baseline of a comparison ("compared to $8.2 in the same quarter")
    negative: bool         # named as a loss, or a fall of a rate-of-change metric ("down 2.6%")
    tense: str | None      # "forward", "fact" or "negated": the kind of the nearest cue governing the figure
    unit: str | None       # the quantity's unit, or what the metric and sentence imply ("3.5 billion" of revenue)
    prior: bool            # introduced as earlier guidance ("topping the $35 million we had guided")
    metric_known: bool = True          # False: the metric is the figure's own noun phrase, not a lexicon name
    basis: str | None = None           # "gaap", "non_gaap", "adjusted"
    measure: str | None = None         # None (a level), "yoy_growth", "qoq_growth", "cagr", "multiple", "ratio"
    own_period: bool = False           # its period was paired with it ("20 and 21 ... Q2 and FY26, respectively")


@dataclass
class SentenceFacts:
    text: str
    figures: list[Figure] = field(default_factory=list)
    periods: list[PeriodMatch] = field(default_factory=list)
    metrics: list[Term] = field(default_factory=list)
    forward: list[Term] = field(default_factory=list)
    hedge: Hedge | None = None
    fact_verbs: list[Term] = field(default_factory=list)
    count_verbs: list[Term] = field(default_factory=list)   # "we added 410 clients": a report of this figure only
    milestone_verbs: list[Term] = field(default_factory=list)
    direction: str | None = None      # "up" / "down" / "flat"
    withdrawal: bool = False
    boilerplate: bool = False
    counterfactual: bool = False
    past_marker: bool = False
    prior_refs: list[Term] = field(default_factory=list)
    negations: list[Term] = field(default_factory=list)
    revision: RevisionCue | None = None   # "we are raising our outlook": the sentence restates guidance
    revision_delta: Figure | None = None  # "by 30 basis points": the stated change of the restated figure

    @property
    def forward_looking(self) -> bool:
        return bool(self.forward)


def _hedge(terms: list[Term], text: str) -> Hedge | None:
    levels = {t.name for t in terms}
    if not levels:
        return None
    if "conditional" in levels and re.search(r"\b(if|assuming|subject to|provided that|depending on)\b", text, re.I):
        return Hedge.CONDITIONAL
    best = Hedge(max(levels, key=lambda lv: _HEDGE_ORDER.get(lv, 0)))
    # "I think we will", "we'll probably": a softened promise is an expectation, "hopefully" an aspiration
    soft = {t.name for t in cue_finder("softeners").find(text)}
    if best is Hedge.FIRM and "hope" in soft:
        return Hedge.ASPIRATIONAL
    if best is Hedge.FIRM and soft:
        return Hedge.EXPECTED
    return best


def _segment_bounds(quantities: list[Quantity], i: int, text: str) -> tuple[int, int]:
    """The stretch of text that belongs to quantity i: from the previous quantity to the next."""
    lo = quantities[i - 1].end if i > 0 else 0
    hi = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
    return lo, hi


def _clause_bounds(breaks: list[int], q: Quantity, text: str) -> tuple[int, int]:
    """The clause holding q: between the clause breaks around it."""
    lo = max((b for b in breaks if b <= q.start), default=0)
    hi = min((b for b in breaks if b >= q.end), default=len(text))
    return lo, hi


def _own_clause_first(periods: list[PeriodMatch], clo: int, chi: int, q: Quantity, text: str) -> list[PeriodMatch]:
    """"dealers will double their kiosks in 2024, and we see over 100 kiosks live next year": a period of an
    earlier clause ("in 2024") does not date a figure whose own clause names one ("next year"); a baseline in the
    clause ("our highest since 2014") names none."""
    if not any(clo <= p.start and p.end <= chi for p in _dating(periods, q, text)):
        return periods
    return [p for p in periods if p.end > clo]


def _tense(cues: list[tuple[int, str]], q: Quantity) -> str | None:
    """The nearest cue before the figure decides; failing that, the nearest after it."""
    before = [c for c in cues if c[0] < q.start]
    if before:
        return before[-1][1]
    after = [c for c in cues if c[0] >= q.end]
    return after[0][1] if after else None


def _dating(periods: list[PeriodMatch], q: Quantity, text: str) -> list[PeriodMatch]:
    """The periods that may date figure q: not the baselines of comparisons ("compared to the end of Q3", "our
    highest since 2014")."""
    return [p for p in periods if not pattern("compared_period").search(text[max(0, p.start - 40):p.start])
            and not pattern("compared_period").match(p.phrase + " ")
            and not pattern("since_before").search(text[max(0, p.start - 12):p.start])
            and not (p.start >= q.end and pattern("comparison_between").search(text[q.end:p.start]))]


def period_for(periods: list[PeriodMatch], q: Quantity, lo: int, hi: int, text: str) -> PeriodMatch | None:
    """The period nearest the figure, leaving out the baselines of comparisons ("compared to the end of Q3")."""
    own = _dating(periods, q, text)
    if not own:
        return None
    inside = [p for p in own if p.start >= lo and p.end <= hi]
    pool = inside or own
    return min(pool, key=lambda p: min(abs(p.start - q.end), abs(q.start - p.end)))


def joined(items: list, first, text: str) -> list:
    """`first` and the items listed with it ("fiscal Q2 and fiscal 2026", "DRAM and NAND", "revenue, margin and EPS")."""
    ordered = sorted(items, key=lambda t: t.start)
    i = ordered.index(first)
    group = [first]
    for nxt in ordered[i + 1:]:
        if not pattern("list_joiner").match(text[group[-1].end:nxt.start]):
            break
        group.append(nxt)
    for prev in reversed(ordered[:i]):
        if not pattern("list_joiner").match(text[prev.end:group[0].start]):
            break
        group.insert(0, prev)
    return group


_DIGIT = re.compile(r"\d")


@cache
def _numberish() -> frozenset[str]:
    """Words that can make a quantity without a digit ("ten", "half", "double", "teens", "flat", and the sign words
    of metrics.toml [sign]: "we now see positive equity earnings this year" is equity income above zero)."""
    nw = number_words()
    words = set(nw.small) - set(nw.not_alone) | set(nw.multipliers) | {
        w for p in (*nw.fractions, *nw.phrases) for w in p.split() if w not in ("a", "of", "one")}
    return frozenset(words | set(sign_words()) | {"half", "double", "triple", "digit", "digits", "teens", "flat", "twenties",
                              "thirties", "forties", "fifties"})


def _worth_reading(text: str, facts: SentenceFacts) -> bool:
    """Only a sentence with a number, an event, a withdrawal, a business-line move or a forward move of a metric
    can yield a claim or an actual; the rest (most of a call) skips the costlier period and quantity scans."""
    if facts.withdrawal or _DIGIT.search(text):
        return True
    if facts.milestone_verbs and (facts.forward or pattern("be_word").search(text) or scheduled(text)):
        return True                   # an event promised ("will launch", "to be delivered", "launches this fall")
    if facts.forward and facts.direction:
        return True
    words = set(text.lower().replace("-", " ").split())
    return bool(words & _numberish()) or bool(cue_finder("segment_move").find(text))


_NOUN_AFTER = re.compile(r" [a-z]{3,}")


def _counts_a_noun(q: Quantity, text: str) -> bool:
    """"we completed 412 remodels": a bare number followed by a word may count a thing the lexicon does not know."""
    return q.unit is None and not q.is_range and bool(_NOUN_AFTER.match(text, q.end))


def analyse(text: str, call_date: date, cal: FiscalCalendar) -> SentenceFacts:
    facts = SentenceFacts(text=text)
    # the vocabularies come from one shared pass over the sentence, so reading them all is cheap
    facts.boilerplate = bool(cue_finder("boilerplate").find(text))
    # forward cues, verbs of fact, references to earlier promises, negations and revisions (tracker.extraction.stance)
    stance = read_stance(text)
    forward = list(stance.forward)
    facts.prior_refs = list(stance.prior_refs)
    facts.forward = forward
    # "should come in at a loss of $400 million, largely because of stakes carried under the equity
    # method": a verb inside the explanation of a promise reports nothing
    why = pattern("explanation").search(text) if forward else None
    after_why = why.start() if why and forward[0].start < why.start() else len(text)
    facts.fact_verbs = [t for t in stance.fact_verbs if t.name != "counts" and t.start < after_why]
    facts.count_verbs = [t for t in stance.fact_verbs if t.name == "counts"]
    facts.negations = list(stance.negations)
    facts.revision = stance.revision
    # "delivered" names a past event unless it is a passive ("being delivered", "to be delivered"); "we will not
    # launch" promises no launch
    facts.milestone_verbs = [v for v in cue_finder("milestone").find(text)
                             if (not v.text.lower().endswith("ed") or pattern("be_before").search(text[max(0, v.start - 20):v.start]))
                             and not negated_at(stance, text, v.start) and not is_noun_use(text, v)
                             and not referred_back(stance, v.start) and has_object(text, v)]
    facts.withdrawal = bool(cue_finder("withdrawal").find(text))
    # "Excluding divested bakery sales, we see ...": a metric inside what is left out is not measured (scopes.excluded)
    facts.metrics = metric_finder().find(text)
    if mentions_exclusion(text):
        facts.metrics = [t for t in facts.metrics if not excluded(text, t)]
    # a direction counts only next to the metric it moves ("a new high revenue", "ASP to return to ...")
    near = [d for d in cue_finder("direction").find(text)
            if not negated_at(stance, text, d.start) and any(-40 <= d.start - m.end <= 60 or 0 <= m.start - d.end <= 25 for m in facts.metrics)]
    if near:
        # "If rates fall, hosting revenue could increase": the move in the metric's own clause wins
        facts.direction = next((d for d in near if any(same_clause(text, min(d.end, m.end), max(d.start, m.start))
                                                       for m in facts.metrics)), near[0]).name
    if not _worth_reading(text, facts):
        return facts
    facts.hedge = _hedge(facts.forward, text)
    # "would have been $39.8 million": neither a promise nor a report
    facts.counterfactual = bool(pattern("counterfactual").search(text))
    found = find_quantities(text)
    # "every $5 change in the oil price moves cash flow by $1 billion": a sensitivity, neither promise nor report
    facts.counterfactual = facts.counterfactual or is_hypothetical(text, found)
    # "Last spring we unveiled a plant that will break ground in 2029": a past marker before a
    # forward cue frames the promise, it does not make it a report
    past = pattern("past_marker").search(text)
    facts.past_marker = bool(past) and not any(t.start > past.end() and t.name == "firm" for t in forward) and not (
        # "the four copilots that we unveiled earlier this month launch in the back half": the
        # marker dates the announcement in a relative clause; the scheduled event after it is ahead
        any(v.start > past.end() and not is_noun_use(text, v) for v in cue_finder("scheduled").find(text)))
    if not (facts.forward or facts.withdrawal or facts.milestone_verbs or facts.metrics
            or any(q.unit for q in found)
            or (facts.fact_verbs or facts.count_verbs) and any(_counts_a_noun(q, text) for q in found)):
        return facts                  # bare numbers in a report name nothing we track: no period needed
    facts.periods = find_periods(text, call_date, cal)
    quantities = [q for q in found if not any(p.start <= q.start and q.end <= p.end for p in facts.periods)]
    for m in pattern("flat").finditer(text):    # "comp sales to be roughly flat": a growth rate of about zero
        if pattern("change_after").match(text[m.end():m.end() + 30]):
            continue                  # "margin flat sequentially" is a change of a level, not a level
        if not any(q.start <= m.start() < q.end for q in quantities):
            quantities.append(Quantity(0.0, 0.0, "%", Comparator.APPROX, m.group(0), m.start(), m.end()))
    quantities.extend(sign_figures(facts.metrics, text, quantities))
    quantities.sort(key=lambda q: q.start)
    # "between $4 billion at the low end and $4.5 billion at the high end" is one range (tracker.extraction.range_ends)
    quantities = [range_end(q, text) for q in joined_ends(quantities, text)]
    # "higher than the 17%" with no figure before it: a floor (tracker.extraction.than)
    quantities = [bound(q, text, i == 0) for i, q in enumerate(quantities)]
    quantities = shared_units(with_points(quantities, text, facts.metrics), text)
    paired = respective_periods(facts.periods, quantities, text)
    cues = sorted([(t.start, "forward") for t in facts.forward] + [(t.start, "fact") for t in facts.fact_verbs + facts.count_verbs]
                  + [(t.start, "negated") for t in facts.negations])
    geo, seg = scope_finders()
    geos, segs = geo.find(text), seg.find(text)
    breaks = [m.start() for m in pattern("clause_break").finditer(text)
              if not any(q.start <= m.start() < q.end for q in quantities)]
    listed = respective_terms(facts.metrics, quantities, text)
    # "In terms of ticket prices, we plan for a 2% decline": the fronted topic is the metric (tracker.extraction.topic_lead)
    topic = None if facts.metrics else fronted_topic(text)
    for i, q in enumerate(quantities):
        lo, hi = _segment_bounds(quantities, i, text)
        clo, chi = _clause_bounds(breaks, q, text)
        own = [listed[i]] if i in listed else facts.metrics or ([topic] if topic and unit_family(q.unit) == "percent" else [])
        # "licensing income to run $300 million higher than capex": a difference of two metrics (tracker.extraction.than)
        gap = difference(q, own, lo, hi, text)
        reading = (gap or _level_after_move(facts.figures, quantities, i, text) or object_reading(q, own, lo, text)
                   or read_metric(q, own, lo, hi, text))
        if reading.metric is None:
            reading = _elided_count(facts.figures, q, text) or reading
        metric, term = reading.metric, reading.term
        if metric is None:            # a figure of nothing we track: only its presence matters downstream
            # ... save a count ("we added 410 net new clients"): its tense and period let a report of it be read
            counted = unit_family(q.unit) == "count"
            facts.figures.append(Figure(
                q, None, None, None, (paired.get(i) or period_for(facts.periods, q, lo, hi, text)) if counted else None,
                False, counted and bool(pattern("comparison_before").search(text[max(0, q.start - 40):q.start])), False,
                _tense(cues, q) if counted else None, q.unit if counted else None, False, own_period=i in paired))
            continue
        before = text[max(0, q.start - 40):q.start]
        after = text[q.end:q.end + 40]
        rate = metric is not None and metric_spec(metric).get("measure") == "change"
        falling = bool(pattern("fall_before").search(before))
        if reading.similar_at is not None and not q.is_range:
            q = replace(q, comparator=Comparator.APPROX)
        adverse = bool(pattern("adverse_after").match(after)
                       or pattern("adverse_before").search(text[max(0, q.start - 90):q.start]))
        scope = with_modifier(
            scope_near(geos, segs, max(lo, clo), min(hi, chi), q) or acronym_before(text, term)
            or names_after(after) or acronym_of_head(text, max(lo, clo), q.start, facts.metrics)
            # "data center revenue increased 122% to 3.5 billion": the scope stands before a change figure
            or (scope_near(geos, segs, clo, q.start, q) if term is not None and term.start < lo else None),
            modifier_before(text, term))
        # "revenue ex fuel of about $4 billion": the measure of the part without fuel
        left_out = excluded_after(text, term)
        whole = scope
        if left_out is not None:
            scope = f"{scope} {left_out}" if scope else left_out
        facts.figures.append(Figure(
            quantity=q,
            metric=metric,
            metric_term=term,
            scope=scope,
            # "similar to 2025's 11.4%": the earlier period names the baseline, not the promise
            period=paired.get(i) or period_for(_own_clause_first([p for p in facts.periods if reading.similar_at is None
                                                or not reading.similar_at <= p.start < q.start], clo, chi, q, text),
                                               q, lo, hi, without_than(text, q) if gap else text),
            is_change=reading.measure not in (None, "ratio") or (not rate and bool(
                pattern("change_before").search(before) or pattern("change_after").search(after))),
            is_comparison=bool(pattern("comparison_before").search(before) or pattern("threshold_before").search(before)
                               # a report's "than the 22% in Q3" is an actual of Q3; a promise's is its baseline
                               or i > 0 and bool(facts.forward) and pattern("than_baseline_before").search(before)),
            negative=reading.falling or (rate and falling) or adverse,
            tense="fact" if in_fronted_with(text, q, facts.periods) else _tense(cues, q),
            unit=reading.unit or implied_unit(q, metric, quantities),
            prior=prior_figure(stance, q, text),
            metric_known=reading.known and (topic is None or term is not topic), basis=reading.basis,
            measure=reading.measure or ("impact" if adverse or impact_on(text, q) else None), own_period=i in paired,
        ))
        if not reading.known:
            facts.figures[-1] = without_scope_words(facts.figures[-1])
        # "double-digit sales and EBITDA growth": one figure, a claim for each metric listed
        facts.figures.extend(replace(facts.figures[-1], metric=name) for name in reading.also)
        if left_out is not None and any(t.name == metric and pattern("list_joiner").match(text[t.end:term.start])
                                        for t in facts.metrics if t.end <= term.start):
            # "EBITDA and EBITDA ex Mining of about $4 billion": the whole and the part, each at that figure
            facts.figures.append(replace(facts.figures[-1], scope=whole))
    if near and all(is_difference_word(d.start, quantities, text) for d in near):
        facts.direction = None        # "$300 million higher than capex": the figure's size, not a move
    facts.figures = format_counts(shared_tail(facts.figures, text), text)
    if facts.revision is not None:
        _mark_revision_delta(facts)
    return facts


def _elided_count(figures: list[Figure], q: Quantity, text: str) -> Reading | None:
    """"We added 30,000 kiosks and are on track to install some 60,000 this year": a bare count after a verb of
    making or adding (patterns.toml count_target_before) counts what the count before it in the sentence counts."""
    if q.unit is not None or q.is_range or not pattern("count_target_before").search(text[max(0, q.start - 40):q.start]):
        return None
    prev = next((f for f in reversed(figures) if f.metric is not None and f.unit is not None
                 and unit_family(f.unit) in (None, "count")), None)     # a counted noun ("kiosks") or a count unit
    if prev is None:
        return None
    return Reading(prev.metric, None, prev.metric_known, None, None, False, prev.unit)


def _level_after_move(figures: list[Figure], quantities: list[Quantity], i: int, text: str) -> Reading | None:
    """"Bookings rose 27% versus last year to a record $860 million", "dropped from 57% of sales in fiscal 2029 to 52%": the
    figure after "to" is the level the moving metric reached, whatever lexicon word stands nearer."""
    if i == 0 or not figures or figures[-1].quantity is not quantities[i - 1]:
        return None
    prev, q = figures[-1], quantities[i]
    if not pattern("to_level").match(text[prev.quantity.end:q.start]):
        return None
    if prev.is_comparison and prev.measure == "ratio" and unit_family(q.unit) == "percent":
        return Reading(prev.metric, prev.metric_term, prev.metric_known, prev.basis, "ratio", unit=prev.unit)
    level = prev.metric_term
    if not prev.is_change or level is None or prev.measure not in ("yoy_growth", "qoq_growth", "yoy_change",
                                                                      "qoq_change"):
        return None
    units = metric_spec(level.name).get("units", [])
    if unit_family(q.unit) not in units or metric_spec(level.name).get("measure"):
        return None
    return Reading(level.name, level, True, prev.basis)


def _mark_revision_delta(facts: SentenceFacts) -> None:
    """"raising our margin outlook by 30 basis points, to 21.0% to 21.6%": the figure after a delta marker that
    follows the revising verb is the change, not a level; it is kept as the revision's delta."""
    for i, fig in enumerate(facts.figures):
        q = fig.quantity
        if q.start < facts.revision.end or not delta_marker_before(facts.text, q.start):
            continue
        if q.is_range and facts.revision.kind in (RevisionKind.RAISED, RevisionKind.LOWERED):
            # "lowering the forecast by $50 million to $450 million": the change, then the new figure
            facts.revision_delta = replace(fig, quantity=replace(q, high=q.low), is_comparison=True)
            facts.figures[i] = replace(fig, quantity=replace(q, low=q.high, comparator=None))
            return
        facts.revision_delta = fig
        facts.figures[i] = replace(fig, is_comparison=True)
        return


def is_future(period: Period | None, call_date: date) -> bool:
    return period is not None and period.end is not None and period.end >= call_date


def is_past(period: Period | None, call_date: date) -> bool:
    return period is not None and period.end is not None and period.end < call_date
