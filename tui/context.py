"""Reading a claim's document again to show its quote in context (only when the file is still there and
still says what was stored: offsets are checked against the stored quote)."""
from __future__ import annotations

from pathlib import Path

from tracker.errors import FlsError
from tracker.model import Sentence, Transcript
from tracker.transcript import read_transcript


def load_transcript(path: str | None) -> Transcript | None:
    """The stored document, re-read; None when it is gone or unreadable (the stored quote is shown instead)."""
    if not path or not Path(path).is_file():
        return None
    try:
        return read_transcript(path)
    except (FlsError, OSError):
        return None


def _words(text: str) -> list[str]:
    return text.casefold().split()


def offsets_hold(transcript: Transcript, start: int, end: int, quote: str) -> bool:
    """True when the text at [start, end) still begins like the stored quote (the file was not edited)."""
    if not 0 <= start < end <= len(transcript.text):
        return False
    here, stored = _words(transcript.text[start:end]), _words(quote)
    n = min(4, len(here), len(stored))
    return n > 0 and here[:n] == stored[:n]


def _sentences(transcript: Transcript) -> list[Sentence]:
    return [s for turn in transcript.turns for s in turn.sentences]


def around(transcript: Transcript, start: int, end: int, n: int = 1) -> tuple[str, str, str]:
    """(the n sentences before, the text at [start, end), the n sentences after)."""
    sentences = _sentences(transcript)
    before = [s for s in sentences if s.end <= start][-n:]
    after = [s for s in sentences if s.start >= end][:n]
    text = transcript.text
    return (" ".join(s.text for s in before), text[start:end], " ".join(s.text for s in after))


def line_of(text: str, offset: int) -> int:
    """The 0-based line number of a character offset."""
    return text.count("\n", 0, max(0, offset))
