"""Figures whose metric was named in the speaker's previous sentence.

"The new plant will weigh on our Europe margin by 30 basis points in 2026. Even so, we should still land inside our
12% to 14% range." The second sentence names no metric: "our 12% to 14% range" is the Europe margin of
the first, and so is "it" in "We expect it to be about 12% next year" or "that number" in "our expectation for
that number is slightly higher". An analyst reads the figure as a claim on the metric of the previous sentence.

The rule, for one speaker's turn:
- the antecedent is the last numeric claim of the sentence right before; failing that, the one metric that
  sentence promised something of without a number ("We expect gross margin to improve in 2026. We expect it to
  reach 42%."), with its one future period; none when the sentence named several metrics or reported;
- a forward-looking sentence with no verb of fact that names no metric of its own and refers back ("it", "that number", "this figure", "our X to Y
  range": patterns `anaphor`, `range_anaphor_before` / `range_anaphor_after` of `tracker/data/patterns.toml`)
  lends the antecedent's metric, scope and basis to each of its unnamed figures whose unit is of the same family;
- such a figure is a level: an impact's measure is not lent ("land inside our 12% to 14% range" after "will
  weigh on margin by 50 basis points" is the margin itself);
- when the sentence names no period, the antecedent's period is lent with the metric ("in 2026" above).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from tracker.extraction.metric_reading import leading_words, phrase_name
from tracker.model import Claim, Period
from tracker.vocab.patterns import pattern
from tracker.extraction.sentence_facts import Figure, SentenceFacts, is_future, period_for
from tracker.units import unit_family
from tracker.vocab.finders import cue_finder, metric_spec

_NOT_LENT = ("impact",)     # measures of an effect, not of the metric's level


@dataclass(frozen=True)
class Antecedent:
    """What a later "it" may stand for: a metric with its scope, basis, measure, period and unit families."""
    metric: str
    scope: str | None
    metric_known: bool
    basis: str | None
    measure: str | None
    period: Period | None
    families: frozenset[str]
    open_subject: bool = False      # read from a sentence's open subject: only a continuing fragment takes it


class Antecedents:
    """The antecedent of the sentence just read, within one speaker's turn: its last numeric claim, else the one
    metric it promised something of without a number ("We expect gross margin to improve in 2026.")."""

    def __init__(self) -> None:
        self._last: Antecedent | None = None

    def take(self) -> Antecedent | None:
        """The previous sentence's antecedent; it refers only one sentence on, so reading forgets it."""
        last, self._last = self._last, None
        return last

    def saw(self, claims: list[Claim], facts: SentenceFacts, call_date: date) -> None:
        numeric = [c for c in claims if c.low is not None or c.high is not None]
        if numeric:
            c = numeric[-1]
            self._last = Antecedent(c.metric, c.scope, c.metric_known, c.basis, c.measure, c.period,
                                    frozenset({unit_family(c.unit)} - {None}))
            return
        names = {t.name for t in facts.metrics}
        self._last = None
        if not names and not facts.figures and facts.forward and not facts.fact_verbs and not facts.past_marker:
            self._last = _open_subject(facts, call_date)
            return
        if len(names) != 1 or not facts.forward or facts.fact_verbs or facts.past_marker:
            return
        name = names.pop()
        future = [p.period for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
        self._last = Antecedent(name, None, True, None, None, future[0] if len(future) == 1 else None,
                                frozenset(metric_spec(name).get("units") or ()))


def refers_back(facts: SentenceFacts, fig: Figure) -> bool:
    """"we expect it to be ...", "that number", "within our 8% to 10% range": the sentence points at a metric named
    before instead of naming one."""
    q = fig.quantity
    if pattern("anaphor").search(facts.text):
        return True
    return bool(pattern("range_anaphor_after").match(facts.text[q.end:q.end + 30])
                and pattern("range_anaphor_before").search(facts.text[max(0, q.start - 12):q.start]))


def _open_subject(facts: SentenceFacts, call_date: date) -> Antecedent | None:
    """"Our 2026 cement dispatches will be somewhat stronger than the plan.": the noun phrase before the sentence's
    modal (patterns.toml subject_modal) is what a following fragment's percentage moves, in the sentence's one
    future period. Only a fragment reads it (`continued`)."""
    m = pattern("subject_modal").search(facts.text)
    future = [p.period for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
    if m is None or len(future) != 1:
        return None
    name, basis = phrase_name(facts.text[:m.start()])
    if name is None:
        return None
    return Antecedent(name, None, False, basis, None, future[0], frozenset({"percent"}), open_subject=True)


def continued(facts: SentenceFacts, prev: Antecedent | None, call_date: date) -> tuple[SentenceFacts, Period | None]:
    """"... will be somewhat stronger than the plan. And broadly, up maybe 6% on the 2025 level.": a fragment
    that opens with a conjunction (patterns.toml continuation_fragment) and has no verb of its own (no cue, no verb
    of fact, no metric) continues the sentence before: its unnamed percentage change is a growth of what that
    sentence's subject names, in its period; a date in the fragment is the baseline's. The period is lent."""
    if (prev is None or not prev.open_subject or facts.metrics or facts.forward or facts.fact_verbs
            or facts.past_marker or not pattern("continuation_fragment").match(facts.text)):
        return facts, None
    figures, lent = [], False
    moves = cue_finder("direction").find(facts.text)
    for fig in facts.figures:
        q = fig.quantity
        move = next((d for d in reversed(moves) if d.end <= q.start), None)   # "up around maybe 10%"
        if fig.metric is not None or unit_family(q.unit) != "percent" or not (fig.is_change or move):
            figures.append(fig)
            continue
        lent = True
        figures.append(replace(fig, metric=f"{prev.metric}_growth", metric_known=False, basis=prev.basis,
                               unit=q.unit, measure="yoy_growth", period=None, tense=None, is_comparison=False,
                               negative=fig.negative or (move is not None and move.name == "down")))
    if not lent:
        return facts, None
    return replace(facts, figures=figures, periods=[]), prev.period     # its own dates are the baseline's


def _pointed_line(facts: SentenceFacts, prev: Antecedent | None) -> SentenceFacts:
    """"We see Nordic revenue of about $300 million in 2026. This increase rests on roughly 12 new stores.": a
    sentence whose subject points at what the one before promised (patterns.toml pointer_subject) is
    about the same line; its figures that name none take the antecedent's scope (never its metric)."""
    if prev is None or prev.scope is None or not pattern("pointer_subject").match(facts.text):
        return facts
    if not any(f.scope is None and f.metric is not None for f in facts.figures):
        return facts
    return replace(facts, figures=[replace(f, scope=prev.scope) if f.scope is None and f.metric is not None else f
                                   for f in facts.figures])


def resolve(facts: SentenceFacts, prev: Antecedent | None,
            call_date: date | None = None) -> tuple[SentenceFacts, Period | None]:
    """The sentence with its unnamed figures read as the antecedent's metric, and the period it lends (None when
    it lends none)."""
    facts = _pointed_line(facts, prev)
    if prev is not None and not prev.open_subject and call_date is not None:
        facts = _effects(facts, prev, call_date)
    if prev is not None and prev.open_subject:
        return continued(facts, prev, call_date) if call_date is not None else (facts, None)
    if prev is None or facts.metrics or not facts.figures or not facts.forward or facts.fact_verbs or facts.past_marker:
        return facts, None            # "It fell from $9 billion last year": a report refers back too, but promises nothing
    figures, lent = [], False
    for fig in facts.figures:
        q = fig.quantity
        if (fig.metric is not None or q.unit is None or unit_family(q.unit) not in prev.families
                or not refers_back(facts, fig)
                or pattern("comparison_before").search(facts.text[max(0, q.start - 40):q.start])):
            figures.append(fig)
            continue
        lent = True
        figures.append(replace(
            fig, metric=prev.metric, scope=prev.scope, metric_known=prev.metric_known, basis=prev.basis,
            unit=q.unit, measure=None if prev.measure in _NOT_LENT else prev.measure,
            period=fig.period or period_for(facts.periods, q, 0, len(facts.text), facts.text)))
    if not lent:
        return facts, None
    dated = any(p.period is not None for p in facts.periods)
    return replace(facts, figures=figures), None if dated else prev.period


def _effects(facts: SentenceFacts, prev: Antecedent, call_date: date) -> SentenceFacts:
    """The sentence with each figure named as a headwind or tailwind (patterns effect_noun_before) read as an
    effect on the previous sentence's metric (`_effect_on`). A metric named in where the effect comes from ("from
    distributor inventory rebuilds") is its cause, not what it is on; a past year then dates the cause."""
    if not facts.forward or facts.counterfactual:
        return facts
    past = pattern("past_marker").search(facts.text) if facts.past_marker else None
    figures, caused = [], False
    for fig in facts.figures:
        q = fig.quantity
        if past is not None and past.start() < q.end or any(v.start < q.end for v in facts.fact_verbs):
            figures.append(fig)         # "last year's headwinds of $1 billion": a report; "... from prepayments
            continue                    # received earlier" after the figure only tells the cause's past
        effect = pattern("effect_noun_before").search(facts.text[max(0, q.start - 40):q.start])
        after = facts.text[q.end:q.end + 60]
        cause = fig.metric_term is not None and fig.metric_term.start > q.end and pattern("effect_source_after").match(after)
        itself = effect is not None and not fig.metric_known and (fig.metric or "").startswith(
            effect.group(0).split()[0].lower().rstrip("s"))      # the open name "headwinds" is the effect noun
        if (effect is None or q.unit is None or unit_family(q.unit) not in prev.families
                or fig.metric is not None and not (cause or itself)):
            figures.append(fig)
            continue
        figures.append(_effect_on(fig, prev, effect.group(0), facts.text, call_date))
        caused = True
    if not caused:
        return facts
    first = min(f.quantity.start for f, g in zip(facts.figures, figures) if f is not g)
    periods = [p for p in facts.periods if p.period is None or is_future(p.period, call_date)]
    # "... from supplier prepayments received in 2025": a verb of fact after the effect tells the cause
    return replace(facts, figures=figures, periods=periods, fact_verbs=[v for v in facts.fact_verbs if v.start < first])


def _effect_on(fig: Figure, prev: Antecedent, said: str, text: str, call_date: date) -> Figure:
    """"We see free cash flow staying healthy. That said, we anticipate headwinds of about $400 million to $600 million
    from the absence of supplier prepayments received in 2025.": an effect (patterns effect_noun_before) on the
    previous sentence's metric, adverse for a headwind, whose line is where it comes from (effect_source_after,
    "supplier prepayments"); a past year in the sentence dates the cause, not the effect."""
    q = fig.quantity
    source = pattern("effect_source_after").match(text[q.end:q.end + 60])
    scope = prev.scope
    if source is not None:
        words = leading_words(text[q.end + source.end():])
        while words and words[-1].lower().endswith("ed"):
            words.pop()                             # "benefits realized": the participle says when, not what
        scope = " ".join(words).lower() or scope
    past = fig.period is not None and fig.period.period is not None and not is_future(fig.period.period, call_date)
    return replace(fig, metric=prev.metric, scope=scope, metric_known=prev.metric_known, basis=prev.basis,
                   unit=q.unit, measure="impact", negative=fig.negative or said.lower().startswith("headwind"),
                   period=None if past else fig.period, tense="forward")     # under the sentence's cue
