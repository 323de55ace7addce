"""ROSTER: a publisher's page. A roster near the top ("Call participants", then lines "Chief Executive Officer —
Jane Doe", the title first), the publisher's own summary (takeaways, "Revenue-- $5 million", a glossary
"Widget: a thing we sell"), then the call as "Name:text" turns, often with no space after the colon.

The summary and glossary are never company speech: the call starts at a "Full Conference Call Transcript"
line or at the first turn of a rostered speaker (or the operator), whichever comes first, and ends at the
publisher's disclaimer ("The text below is a transcript of the webcast..."). The rostered people
are the company's; anyone else is settled by the usual role rules (introduced by the operator: an analyst).
"""
from __future__ import annotations

import re

from tracker.layouts.base import Builder, Line, Parsed, looks_like_name, normalise, rest_line
from tracker.layouts.vocab import layout_words
from tracker.model import Layout, Role
from tracker.roles import name_matches, role_of_label, role_of_title, vocabulary

LAYOUT = Layout.ROSTER
_ROSTER_SEP = re.compile(r"\s+[-–—]+\s+")
_TURN = re.compile(r"^(?:\*\*)?(?P<label>[^:*\[\]]{1,60}?)(?:\*\*)?:(?P<rest>\S.*|\s+\S.*|)$")
_NICKNAME = re.compile(r"\s*[\"“'‘(][^\"”'’)]{1,20}[\"”'’)]\s*")
_LOOK = 120                    # the roster is looked for this near the top


def read_roster(lines: list[Line]) -> tuple[dict[str, str], int]:
    """{name: title} of the rostered company speakers and the index of the line after the roster."""
    v = vocabulary()
    for i, ln in enumerate(lines[:_LOOK]):
        norm = normalise(ln.text)
        if norm not in v.call_participants and norm not in v.company_participants:
            continue
        people: dict[str, str] = {}
        j = i + 1
        while j < len(lines) and j < i + 40:
            text = lines[j].text
            if not text or lines[j].translation:
                j += 1
                continue
            entry = _entry(text)
            if entry is None:
                break
            people[entry[0]] = entry[1]
            j += 1
        if people:
            return people, j
    return {}, 0


def _entry(line: str) -> tuple[str, str] | None:
    """("Jane Doe", "Chief Executive Officer") for "Chief Executive Officer — Jane Doe" (or the other way round);
    the title must say it is one."""
    parts = _ROSTER_SEP.split(line, maxsplit=1)
    if len(parts) != 2 or len(line) > 140:
        return None
    for title, name in ((parts[0], parts[1]), (parts[1], parts[0])):
        name = " ".join(_NICKNAME.sub(" ", name).split())
        if role_of_title(title.strip()) is not Role.UNKNOWN and looks_like_name(name) \
                and role_of_title(name) is Role.UNKNOWN:
            return name, title.strip()
    return None


def _turn_label(line: str) -> tuple[str, str] | None:
    m = _TURN.match(line)
    if m is None:
        return None
    label = m.group("label").strip()
    if not (looks_like_name(label) or role_of_label(label) is not None) or normalise(label) in vocabulary().header_keys:
        return None
    return label, m.group("rest").strip()


def _listed(label: str, people: dict[str, str]) -> str | None:
    """The rostered name a turn label refers to ("Chirantan Desai" is "Chirantan “CJ” Desai")."""
    if label in people:
        return label
    return next((name for name in people if name_matches(label, name) or name_matches(name, label)), None)


def sniff_roster(lines: list[Line]) -> int:
    """Turn lines of rostered speakers or the operator (0 without a roster)."""
    people, after = read_roster(lines)
    if not people:
        return 0
    n = 0
    for ln in lines[after:]:
        lab = _turn_label(ln.text) if ln.text and not ln.translation else None
        if lab is not None and (_listed(lab[0], people) or role_of_label(lab[0]) is not None):
            n += 1
    return n


def parse_roster(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    starts, ends = layout_words().transcript_starts, layout_words().transcript_end
    people, after = read_roster(lines)
    b = Builder(text)
    first = len(lines)
    started = False
    for ln in lines[:after]:
        if ln.translation:
            b.translation(ln)                           # a translated roster line
    for i in range(after, len(lines)):
        ln = lines[i]
        if not ln.text:
            b.gap()
            continue
        if ln.translation:
            b.translation(ln)
            continue
        norm = normalise(ln.text)
        if started and ends.match(ln.text):
            break                                       # the publisher's disclaimer and links follow
        if not started and norm in starts:
            b.known(ln)
            started = True
            continue
        if norm in v.qa:
            b.known(ln)
            b.qa_header()
            continue
        lab = _turn_label(ln.text)
        listed = _listed(lab[0], people) if lab is not None else None
        if lab is not None and (started or listed or role_of_label(lab[0]) is not None):
            started = True
            first = min(first, i)
            name = listed or lab[0]
            fixed = Role.EXECUTIVE if listed else None
            b.start_turn(name, people.get(name, ""), ln.start, fixed_role=fixed, label=len(ln.text) - len(lab[1]))
            if lab[1]:
                b.speech(rest_line(text, ln, lab[1]))
            continue
        if started:
            b.speech(ln)
    return Parsed(LAYOUT, b.done(), b.translations, first, b.label_chars)
