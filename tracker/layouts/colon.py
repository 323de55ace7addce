"""COLON: "Jane Doe: text" or markdown "**Jane Doe**: text" turns, a label alone on its line allowed
("Jane Doe:" then the text), and "Jane Doe:" over "Chief Designer: text" (the second label is a title)."""
from __future__ import annotations

from tracker.layouts.base import Builder, Line, Parsed, accept_colon_label, colon_speaker, rest_line
from tracker.model import Layout
from tracker.roles import role_of_label, vocabulary

LAYOUT = Layout.COLON


def _labels(lines: list[Line]) -> tuple[dict[int, tuple[str, str, bool, str]], dict[str, int]]:
    counts: dict[str, int] = {}
    labelled: dict[int, tuple[str, str, bool, str]] = {}
    for i, ln in enumerate(lines):
        if ln.text and not ln.translation:
            c = colon_speaker(ln.text)
            if c is not None:
                labelled[i] = c
                counts[c[0]] = counts.get(c[0], 0) + 1
    return {i: c for i, c in labelled.items() if accept_colon_label(c[0], counts[c[0]])}, counts


def sniff_colon(lines: list[Line]) -> int:
    """How many lines start with an accepted "Name:" label."""
    return len(_labels(lines)[0])


def parse_colon(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    labelled, counts = _labels(lines)
    b = Builder(text)
    first = len(lines)
    skip_next = False
    for i, ln in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if not ln.text or set(ln.text) <= set("-*_= \t"):
            b.gap()
            continue
        if b.apart(ln, v.qa):
            continue
        c = labelled.get(i)
        if c is None:
            b.speech(ln)
            continue
        first = min(first, i)
        name, title, parens, rest = c
        nxt = labelled.get(i + 1)
        if not rest and nxt is not None and not title and role_of_label(nxt[0]) is None \
                and counts[nxt[0]] == 1:
            # "Jane Doe:" then "Chief Designer: text": the second label is the first one's title.
            title, rest = nxt[0], nxt[3]
            b.start_turn(name, title, ln.start, parens=parens,
                         label=len(ln.text) + len(lines[i + 1].text) - len(rest))
            if rest:
                b.speech(rest_line(text, lines[i + 1], rest))
            skip_next = True
            continue
        b.start_turn(name, title, ln.start, parens=parens, label=len(ln.text) - len(rest))
        if rest:
            b.speech(rest_line(text, ln, rest))
    return Parsed(LAYOUT, b.done(), b.translations, first, b.label_chars)
