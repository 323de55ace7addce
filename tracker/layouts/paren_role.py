"""PAREN_ROLE: "Jane Doe (Executives)", "Sam Poe (Analysts)", "Operator (Operator)" on a line of their own, the
speech hard-wrapped at a fixed width, with page breaks (a blank line, even mid-sentence) and page headers.

A line as long as the wrap width goes on in the next line, across a page break too ("...the Best Companies
to Work" / "" / "For in 2026"); a shorter line ends its paragraph. A line printed on many pages (a page header
or footer) or a page number is no speech.
"""
from __future__ import annotations

import re
from collections import Counter

from tracker.layouts.base import Builder, Line, Parsed, looks_like_name, normalise
from tracker.layouts.vocab import layout_words
from tracker.model import Layout, Role
from tracker.roles import role_of_label, vocabulary

LAYOUT = Layout.PAREN_ROLE
_LABEL = re.compile(r"^(?P<name>[^()]{1,60}?)\s*\((?P<role>[^()]{2,40})\)\s*:?$")
_FULL = 0.85                   # a line this share of the wrap width or longer is wrapped, not ended
_REPEATS = 3                   # a non-speaker line printed this often is a page header or footer


def paren_label(line: str) -> tuple[str, Role] | None:
    """("Jane Doe", EXECUTIVE) for "Jane Doe (Executives)"."""
    m = _LABEL.match(line)
    if m is None:
        return None
    role = layout_words().paren_roles.get(m.group("role").strip().lower())
    name = m.group("name").strip()
    if role is None or not (looks_like_name(name) or role_of_label(name) is not None):
        return None
    return name, role


def sniff_paren_role(lines: list[Line]) -> int:
    return sum(1 for ln in lines if ln.text and not ln.translation and paren_label(ln.text) is not None)


def wrap_width(lines: list[Line]) -> int:
    """The width the text is wrapped at: the length most long lines come close to (the 90th percentile)."""
    lengths = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def page_furniture(lines: list[Line]) -> set[str]:
    """Lines that are page headers, footers or numbers rather than speech."""
    marks = layout_words().page_mark
    counts = Counter(ln.text for ln in lines if ln.text and not ln.translation)
    return {t for t, n in counts.items() if (n >= _REPEATS and paren_label(t) is None) or marks.fullmatch(t)}


def parse_paren_role(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    width = wrap_width(lines)
    furniture = page_furniture(lines)
    b = Builder(text, flow=True)
    first = len(lines)
    wrapped = False                     # the last speech line ran to the wrap width
    for i, ln in enumerate(lines):
        if not ln.text:
            if not wrapped:
                b.gap()
            continue
        if ln.translation:
            b.translation(ln)
            continue
        if ln.text in furniture:
            b.known(ln)
            continue
        if normalise(ln.text) in v.qa:
            b.known(ln)
            b.qa_header()
            wrapped = False
            continue
        lab = paren_label(ln.text)
        if lab is not None:
            first = min(first, i)
            b.start_turn(lab[0], "", ln.start, fixed_role=lab[1], label=len(ln.text))
            wrapped = False
            continue
        b.speech(ln)
        wrapped = width > 0 and len(ln.text) >= _FULL * width
        if not wrapped:
            b.gap()                     # a short line ends its paragraph
    return Parsed(LAYOUT, b.done(), b.translations, first, b.label_chars)
