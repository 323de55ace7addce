"""A run of sentences about the year just ended, on the call that reports the year's last quarter.

"This year, we delivered $9 billion in revenue, up 15%. Operating income was $4 billion, up 17%." The second
sentence names no period: it goes on with the year the first one named, as an analyst reads it, until a sentence
names a period of its own or the speaker's turn ends.
"""
from __future__ import annotations

from tracker.model import Actual, Period
from tracker.extraction.sentence_facts import SentenceFacts


class YearRun:
    """The fiscal year a speaker is reporting on, carried from sentence to sentence within a turn."""

    def __init__(self, reported: Period) -> None:
        self._reported = reported
        self._year: Period | None = None

    def new_turn(self) -> None:
        self._year = None

    def carried(self, facts: SentenceFacts) -> Period | None:
        """The year an amount or a rate with no period of its own belongs to in this sentence, if a run is on
        (a count the company has, "we now have 400 stores", is as of now and takes no year)."""
        return self._year if not facts.periods else None

    def saw(self, facts: SentenceFacts, found: list[Actual]) -> None:
        """After a sentence: a run starts when every figure it reports is the year's, and stops when a sentence
        names a period of its own and reports anything else."""
        if not self._reported.label.endswith("-Q4"):
            return
        years = [a for a in found if a.period.label.endswith("-FY") and a.period.end == self._reported.end]
        if found and len(years) == len(found):
            self._year = years[0].period
        elif facts.periods or found:
            self._year = None
