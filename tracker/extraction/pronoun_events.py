"""A thing expected by a date, named by a pronoun: an event promise without an event verb.

"Our export licence was held up in the spring, and we expect it later this year." promises that the licence
arrives this year. The words are pattern `expect_it_when` of `tracker/data/patterns.toml`: "expect it" / "expect them" followed at once by a time
("later this year", "in Q3", "by the end of the year"), so that "we expect it to be about 12%" is no event. The
event reads "<thing> arrives", the thing being the noun phrase named before the pronoun in the sentence (pattern
`thing_start` opens it). A pronoun with no thing before it in its sentence ("We now expect it sometime this year.")
makes no claim: the thing was promised in an earlier sentence, which the claim set would not know to merge.
"""
from __future__ import annotations

from datetime import date

from tracker.extraction.claims import Said
from tracker.extraction.metric_reading import leading_phrase_name
from tracker.model import Claim, FiscalCalendar, Hedge, Kind
from tracker.vocab.patterns import pattern
from tracker.periods import find_periods
from tracker.extraction.sentence_facts import SentenceFacts, is_future


def _thing(text: str) -> str | None:
    """The first noun phrase opened by a determiner in `text` ("our export licence was held up in the spring" ->
    "export licence")."""
    for m in pattern("thing_start").finditer(text):
        name = leading_phrase_name(text[m.end():])
        if name:
            return name.replace("_", " ")
    return None


def pronoun_events(facts: SentenceFacts, said: Said, call_date: date, cal: FiscalCalendar) -> list[Claim]:
    """The dated event of "our export licence ... and we expect it later this year", or nothing."""
    if facts.counterfactual or facts.figures:
        return []
    m = pattern("expect_it_when").search(facts.text)
    if m is None:
        return []
    # a sentence with no number or event verb was not scanned for periods ("We now expect it sometime this year.")
    periods = facts.periods or find_periods(facts.text, call_date, cal)
    dated = [p for p in periods if p.period is not None and p.start >= m.start() and p.start - m.end() <= 20
             and is_future(p.period, call_date)]
    if not dated:
        return []
    thing = _thing(facts.text[:m.start()])
    if thing is None:
        return []
    period = dated[0].period
    hedge = facts.hedge or Hedge.EXPECTED
    return [Claim(kind=Kind.MILESTONE, metric="milestone", scope=None, comparator=None, low=None, high=None,
                  unit=None, period=period, speaker=said.speaker.name, role=said.speaker.role,
                  quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge, confidence=0.6,
                  event=f"{thing} arrives")]
