"""The period an analyst's question asks about, lent to the answer.

"Could you frame licensing for us in 2026?" — "Licensing income is expected to be about $300 million higher
than capex." The answer names no period: the question did. A figure
of the company's answer that no sentence, frame or antecedent dates takes the one future period the question named
(none when it named several or none), if the answer promises in words of its own ("is expected to", "we
guide"): an opinion ("I think there are two things") promises nothing. The question stops lending at the next
analyst's turn.
"""
from __future__ import annotations

from datetime import date

from tracker.model import FiscalCalendar, Period
from tracker.periods import find_periods
from tracker.extraction.sentence_facts import SentenceFacts, is_future
from tracker.vocab.finders import cue_finder
from tracker.vocab.patterns import pattern


class AskedPeriod:
    def __init__(self, call_date: date, cal: FiscalCalendar) -> None:
        self._call_date, self._cal = call_date, cal
        self._periods: list[Period] = []

    def new_question(self) -> None:
        self._periods = []

    def saw(self, text: str) -> None:
        """One sentence of the analyst's turn; only a question asks about a period: one with "?", or one asked
        without it ("I'm wondering whether you might walk us through hiring plans for 2026."; patterns.toml
        indirect_question)."""
        if not text.rstrip().endswith("?") and not pattern("indirect_question").match(text):
            return
        for p in find_periods(text, self._call_date, self._cal):
            if p.period is not None and is_future(p.period, self._call_date) and p.period not in self._periods:
                self._periods.append(p.period)

    @property
    def period(self) -> Period | None:
        return self._periods[0] if len(self._periods) == 1 else None


def promises(facts: SentenceFacts) -> bool:
    """A forward cue that is more than an opinion softener: "is expected to be" counts, "I think" alone does not."""
    soft = cue_finder("softeners").find(facts.text)
    return any(not any(s.start <= t.start < s.end for s in soft) for t in facts.forward)
