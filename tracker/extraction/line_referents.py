"""A move with no metric and no business line of its own, about the line the speaker just named.

"Honestly, the kiosk business has firmed a little. We expect a slight further improvement in Q3." The second
sentence moves nothing it names: the improvement is the kiosk business's, as the sentence before said, and a
business line's move is a move of its revenue (as `claims.segment_directions` reads "growth in our X segment").
Only inside one speaker's turn, within `reach` sentences of the one that named the line, and only for a
forward-looking sentence with a future period of its own and no metric, figure or line of its own.
"""
from __future__ import annotations

from collections import deque
from datetime import date

from tracker.extraction.claims import Said, _confidence, lines_after
from tracker.model import Claim, Comparator, Hedge, Kind
from tracker.extraction.sentence_facts import SentenceFacts, is_future
from tracker.extraction.topic_headers import header_topic
from tracker.vocab.finders import cue_finder, metric_spec, scope_finders

REACH = 3          # sentences after the one that named the line


class LineMemory:
    """The last sentences of a speaker's turn, read for a named line only when a sentence needs one (finding
    moves in every sentence would cost more than all the rest of the reading)."""

    def __init__(self) -> None:
        self.recent: deque[str] = deque(maxlen=REACH + 1)     # the sentence being read is the last

    def new_turn(self) -> None:
        self.recent.clear()

    def saw(self, text: str) -> None:
        """Call with each sentence of the turn, before reading its claims."""
        self.recent.append(text)

    def _lines(self) -> list[str]:
        """The lines of the nearest earlier sentence of the turn that names a move of one."""
        for text in list(reversed(self.recent))[1:]:
            for move in reversed(cue_finder("segment_move").find(text)):
                lines = lines_after(text, move.end)
                if lines:
                    return lines
        return []

    def carried(self, facts: SentenceFacts, said: Said, call_date: date) -> list[Claim]:
        """Direction claims of the remembered lines for a sentence that moves nothing it names."""
        if len(self.recent) < 2 or facts.metrics or any(f.metric for f in facts.figures):
            return []
        if not facts.forward_looking or facts.counterfactual or facts.past_marker:
            return []
        geo, seg = scope_finders()
        if geo.search(facts.text) or seg.search(facts.text) or any(
                lines_after(facts.text, m.end) for m in cue_finder("segment_move").find(facts.text)):
            return []         # the sentence names a line of its own
        moves = cue_finder("direction").find(facts.text)
        future = [p.period for p in facts.periods if p.period is not None and is_future(p.period, call_date)]
        if not moves or len(future) != 1 or moves[0].name not in ("up", "down"):
            return []
        lines = self._lines()
        period, hedge = future[0], facts.hedge or Hedge.EXPECTED
        if not lines:
            return self._topic_move(moves[0].name, period, hedge, said)
        return [Claim(
            kind=Kind.DIRECTION, metric="revenue", scope=line,
            comparator=Comparator.GT if moves[0].name == "up" else Comparator.LT, low=None, high=None,
            unit=metric_spec("revenue").get("unit"), period=period, speaker=said.speaker.name, role=said.speaker.role,
            quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
            confidence=_confidence(period, False, hedge)) for line in lines]

    def _topic_move(self, move: str, period, hedge: Hedge, said: Said) -> list[Claim]:
        """"A few words on our recall reserves. ... We expect further declines during 2026.": the move is of
        the topic the nearest header of the turn named (tracker.extraction.topic_headers)."""
        for text in list(reversed(self.recent))[1:]:
            topic = header_topic(text)
            if topic is None:
                continue
            metric, scope, known = topic
            return [Claim(
                kind=Kind.DIRECTION, metric=metric, scope=scope,
                comparator=Comparator.GT if move == "up" else Comparator.LT, low=None, high=None,
                unit=metric_spec(metric).get("unit") if known else None, period=period, speaker=said.speaker.name,
                role=said.speaker.role, quote=said.sentence.text, mentions=(said.mention(),), hedge=hedge,
                confidence=_confidence(period, False, hedge), metric_known=known)]
        return []
