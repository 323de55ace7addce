"""What a call's earlier sentences leave for later ones to refer back to, kept in one place.

Each memory is its own reader, with its own rule and module; this class only says when each of them hears a
sentence and when a speaker's turn ends, so the pipeline's loop reads as "a turn starts, a question is heard, a
company sentence is heard":
- `antecedents`: "it", "that number" take the metric of this speaker's previous sentence (anaphora);
- `referents`: "this offering" is the business line named a sentence or two before (referents);
- `levels`: "that level" is the figure of an earlier claim or actual (level_referents);
- `lines`: a figure with no line of its own under a line named just before (line_referents);
- `year_run`: "This year, revenue was $9 billion. Operating income was $4 billion." (year_run);
- `topic`: the product a milestone that names none is about ("we will ship it in Q3");
- `asked`: the period an analyst asked about ("any guidance for 2026?"), which an answer may be about (questions).
"""
from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import date

from tracker.extraction.anaphora import Antecedents
from tracker.extraction.level_referents import LevelMemory
from tracker.extraction.line_referents import LineMemory
from tracker.extraction.questions import AskedPeriod
from tracker.extraction.referents import Referents
from tracker.extraction.scopes import product_scope
from tracker.extraction.year_run import YearRun
from tracker.model import Claim, FiscalCalendar, Kind, Period


class Topic:
    """The product or program the conversation is about: a milestone that names none ("we will ship it in
    Q3") is about the one named in the last few sentences, the analyst's question included. Names are read
    only when a milestone needs one."""

    def __init__(self, reach: int = 3):
        self.recent: deque[str] = deque(maxlen=reach + 1)

    def saw(self, text: str) -> None:
        self.recent.append(text)

    def scoped(self, claim: Claim) -> Claim:
        if claim.kind is not Kind.MILESTONE or claim.scope is not None:
            return claim
        for text in reversed(self.recent):
            found = product_scope(text)
            if found:
                return replace(claim, scope=found)
        return claim


class CallMemory:
    """Every memory of one call, told of turns and sentences in the order they are spoken."""

    def __init__(self, reported: Period, call_date: date, cal: FiscalCalendar) -> None:
        self.topic = Topic()
        self.asked = AskedPeriod(call_date, cal)
        self.referents = Referents()
        self.levels = LevelMemory()
        self.lines = LineMemory()
        self.year_run = YearRun(reported)
        self.antecedents = Antecedents()

    def new_turn(self, company: bool) -> None:
        """A speaker starts: what "it" and "this" point at ends with the last speaker; an analyst's turn is a
        new question."""
        self.year_run.new_turn()
        self.antecedents = Antecedents()
        self.referents.new_turn()
        self.levels.new_turn()
        self.lines.new_turn()
        if not company:
            self.asked.new_question()

    def heard_question(self, text: str) -> None:
        """A sentence of an analyst's turn still sets the topic ("what about the X200?") and the period asked."""
        self.topic.saw(text)
        self.asked.saw(text)

    def heard(self, text: str) -> None:
        """A company sentence, before it is read."""
        self.topic.saw(text)
        self.referents.saw(text)
        self.levels.tick()
        self.lines.saw(text)
