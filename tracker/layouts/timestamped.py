"""TIMESTAMPED: speech-to-text caption lines, each opening with its time span ("[00:01:02.000 --> 00:01:09.000]
we expect revenue of", "[65.02 --> 69.62] $5 million in the third quarter."), cut wherever the recogniser
paused. The times are no speech: a sentence runs on across lines with them left out.

This module only makes the line view: speech starts after the time span; blank lines and caption numbers
("17" above an SRT time line) are dropped, so a sentence is cut only by its punctuation.
"""
from __future__ import annotations

import re

from tracker.layouts.base import Line

_TIME = r"\d{1,6}(?::\d{1,2}){0,2}(?:[.,]\d{1,3})?"
_SPAN = re.compile(rf"\s*\[?\s*{_TIME}\s*-->\s*{_TIME}\s*\]?\s*")
_NUMBER = re.compile(r"\d{1,6}")


def sniff_timestamped(lines: list[Line]) -> float:
    """Share of the non-blank lines that open with a time span or are caption numbers (SubRip writes "17", the
    time span and the words on three lines)."""
    filled = [ln for ln in lines if ln.text]
    timed = sum(1 for ln in filled if _SPAN.match(ln.text))
    if timed < 2:
        return 0.0
    numbers = sum(1 for ln in filled if _NUMBER.fullmatch(ln.text))
    return (timed + numbers) / len(filled)


def timestamped_view(text: str, lines: list[Line]) -> list[Line]:
    out = []
    for ln in lines:
        if not ln.text or _NUMBER.fullmatch(ln.text):
            continue
        m = _SPAN.match(text, ln.start, ln.end)
        if m is None:
            out.append(ln)
            continue
        if m.end() >= ln.end:
            continue                                    # a time span with nothing said
        out.append(Line(m.end(), ln.end, text[m.end():ln.end].strip(), ln.translation, ln.line_start))
    return out
