"""Property tests: arbitrary text never makes the period resolver, the quantity parser or the transcript reader
raise anything but the project's own errors; offsets slice to the text they name; ranges are ordered; periods
end after they start. The number of examples is bounded so that CI stays fast."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.errors import FlsError
from tracker.fiscal import calendar_from
from tracker.periods import find_periods
from tracker.quantities import find_quantities
from tracker.transcript import parse_transcript

EXAMPLES = settings(max_examples=200, deadline=None)

# Text made of the pieces these parsers react to, so that examples reach their rules, plus anything at all.
PIECES = st.sampled_from([
    "$", "1", "2.5", "10", "1,200", "%", " million", " billion", " to ", " and ", "-", " of ", "Q3", "Q1 2026",
    "fiscal 2025", "FY26", "second half", "mid-2025", "by year end", "next year", "next five years", "in 2030",
    "the holiday season", "this fall", "low teens", "mid single digits", "flat to down 3%", "plus or minus",
    "basis points", "EH/s", " revenue", " gross margin", " we expect", " was", ". ", "\n", ":", "Operator",
    "Jane Doe - CFO", "[EN] ", "[00:00:01.000 --> 00:00:02.000] ", "中文", "’", "\u00a0", "(", ")",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)
CALL = st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31))
YEAR_END = st.sampled_from(["12-31", "01-31", "01-28", "06-30", "09-03", "09-27", "03-31"])


@EXAMPLES
@given(TEXT, CALL, YEAR_END)
def test_periods_are_ordered_and_slice_to_their_phrase(text: str, call: date, year_end: str) -> None:
    try:
        found = find_periods(text, call, calendar_from(year_end, anchor=call))
    except FlsError:
        return
    for m in found:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end].lower() == m.phrase.lower()
        if m.period is not None:
            assert m.period.start <= m.period.end


@EXAMPLES
@given(TEXT)
def test_quantities_are_ordered_and_slice_to_their_text(text: str) -> None:
    try:
        found = find_quantities(text)
    except FlsError:
        return
    for q in found:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@EXAMPLES
@given(TEXT)
def test_transcript_sentences_lie_inside_the_text(text: str) -> None:
    try:
        transcript = parse_transcript(text)
    except FlsError:
        return
    for turn in transcript.turns:
        for s in turn.sentences:
            assert 0 <= s.start <= s.end <= len(transcript.text)
            assert s.text.strip()
