"""Sentence splitting with exact character offsets.

A sentence ends at . ! ? (or an ellipsis) followed by white space, unless the dot belongs to an
abbreviation ("Mr.", "e.g.", "U.S. GAAP"), an initial ("Jin J. Cheng") or the next word starts in
lower case. A sentence never crosses a paragraph: a blank line always ends one, and so does a single
line break unless the line is visibly hard-wrapped (it ends mid-phrase and the next line goes on in
lower case), or the caller says the text flows on across line breaks. Abbreviation lists live in
`tracker/data/sentences.toml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.vocab import lexicon
from tracker.model import Sentence

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Sentence-final punctuation, with any closing quotes or brackets, followed by white space or the end.
_CANDIDATE = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’)\]]*(?=\s|$)")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Z]$")           # "J", "C.J", "J.P"
_OPENERS = "\"'“‘(["
_WRAP_END = re.compile(r"[A-Za-z0-9,;\-–]$")                 # a line that stops mid-phrase
_WRAP_START = re.compile(r"^[a-z0-9$(]")                     # ...and goes on in lower case


@dataclass(frozen=True)
class _Abbreviations:
    never_final: frozenset[str]
    before_number: frozenset[str]
    may_end: frozenset[str]
    openers: frozenset[str]


@cache
def _abbreviations() -> _Abbreviations:
    data = lexicon.load("sentences")
    return _Abbreviations(
        never_final=frozenset(data["never_final"]),
        before_number=frozenset(data["before_number"]),
        may_end=frozenset(data["may_end"]),
        openers=frozenset(data.get("openers", [])),
    )


def split_sentences(text: str, offset: int = 0, *, flow: bool = False) -> list[Sentence]:
    """Split `text` into sentences; each `start`/`end` is an index into `text` plus `offset`.

    With `flow` the text is one paragraph whatever its line breaks: only punctuation ends a sentence
    ("we expect revenue of $5 million\n[12.0 --> 14.5] in the third quarter." is one sentence once the
    caption times are taken out; so is a hard-wrapped paragraph broken by a page break).
    """
    out: list[Sentence] = []
    for start, end in ([(0, len(text))] if flow else paragraphs(text)):
        _split_paragraph(text, start, end, offset, out)
    return out


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` that no sentence may cross (see module doc)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cur_start: int | None = None
    cur_end = start
    pos = start
    while pos <= end:
        m = _LINE_BREAK.search(text, pos, end)
        line_end = m.start() if m else end
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            if cur_start is not None:
                spans.append((cur_start, cur_end))
                cur_start = None
        elif cur_start is None:
            cur_start, cur_end = pos, line_end
        else:
            prev = text[cur_start:cur_end].rstrip()
            if _WRAP_END.search(prev) and _WRAP_START.match(stripped):
                cur_end = line_end                      # a hard-wrapped line: same paragraph
            else:
                spans.append((cur_start, cur_end))
                cur_start, cur_end = pos, line_end
        if m is None:
            break
        pos = m.end()
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    return spans


def _split_paragraph(text: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    abbr = _abbreviations()
    sent_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        nxt = _next_word_start(text, m.end(), end)
        if nxt >= end:
            break                                       # the paragraph's end closes the sentence anyway
        if _is_boundary(text, m, nxt, sent_start, abbr):
            _emit(text, sent_start, m.end(), offset, out)
            sent_start = nxt
    _emit(text, sent_start, end, offset, out)


def _next_word_start(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _is_boundary(text: str, m: re.Match[str], nxt: int, sent_start: int, abbr: _Abbreviations) -> bool:
    first = text[nxt]
    if first in _OPENERS and nxt + 1 < len(text):
        first = text[nxt + 1]
    if first.islower():
        return False                                    # "approx. five", "e.g. this", "we expect... and"
    punct = m.group().rstrip("\"'”’)]")
    if "?" in punct or "!" in punct:
        return True
    if punct.startswith("..") or punct.startswith("…"):
        return first.isupper()
    token = _token_before(text, m.start(), sent_start)
    low = token.lower()
    if low in abbr.never_final:
        return False
    if low in abbr.before_number and first.isdigit():
        return False
    if low in abbr.may_end:
        return first.isupper() and not _starts_with_acronym(text, nxt)
    if token and _INITIALS.match(token):
        # "Jin J. Cheng", "J.P. Morgan" go on; "the Model Q. These models..." ends
        return _word_at(text, nxt).lower() in abbr.openers
    return True


def _token_before(text: str, dot: int, floor: int) -> str:
    i = dot
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return text[i:dot].lstrip(_OPENERS)


def _word_at(text: str, pos: int) -> str:
    end = pos
    while end < len(text) and (text[end].isalpha() or text[end] == "'"):
        end += 1
    return text[pos:end]


def _starts_with_acronym(text: str, pos: int) -> bool:
    return pos + 1 < len(text) and text[pos].isupper() and text[pos + 1].isupper()


def _emit(text: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text=text[start:end], start=start + offset, end=end + offset))
