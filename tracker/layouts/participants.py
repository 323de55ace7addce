"""PARTICIPANTS: a list of company and call participants ("Jane Doe - Chief Executive Officer") under headers,
then each turn under its speaker's name on a line of its own (an unlisted speaker's title on the next line)."""
from __future__ import annotations

from tracker.layouts.base import Builder, Line, Parsed, dash_speaker, looks_like_name, looks_like_title, normalise
from tracker.model import Layout, Role
from tracker.roles import role_of_label, vocabulary

LAYOUT = Layout.PARTICIPANTS
_LOOK = 80                     # the participants header is looked for this near the top


def sniff_participants(lines: list[Line]) -> int:
    """The number of listed participants (at least 2) when a participants header heads a "Name - Title" list,
    else 0."""
    v = vocabulary()
    for i, ln in enumerate(lines[:_LOOK]):
        norm = normalise(ln.text)
        if (norm in v.company_participants or norm in v.call_participants) and _list_follows(lines, i + 1):
            listed = sum(1 for ln2 in lines[i + 1:i + 40] if ln2.text and (sp := dash_speaker(ln2.text)) and sp[1])
            return max(2, listed)               # the header over a list is evidence enough to try
    return 0


def _list_follows(lines: list[Line], start: int) -> bool:
    """A participants header heads a list of "Name - Title" lines; in a table of contents it heads nothing."""
    following = [ln.text for ln in lines[start:start + 6] if ln.text][:2]
    return any((sp := dash_speaker(t)) is not None and sp[1] for t in following)


def parse_participants(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    listed: dict[str, tuple[str, Role]] = {}
    b = Builder(text)
    mode: str | None = None
    first = len(lines)
    header_line = next((ln.text for ln in lines if ln.text), "")
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        norm = normalise(ln.text)
        if norm in v.company_participants or norm in v.call_participants:
            b.known(ln)
            b.gap()
            mode = "company" if norm in v.company_participants else "call"
            i += 1
            continue
        if mode is not None:
            if not ln.text:
                i += 1
                continue
            sp = dash_speaker(ln.text)
            if sp is not None and sp[1]:
                role = Role.EXECUTIVE if mode == "company" else Role.ANALYST
                listed.setdefault(sp[0], (sp[1], role))
                b.known(ln)
                i += 1
                continue
            mode = None
        if not ln.text:
            b.gap()
            i += 1
            continue
        if ln.translation:
            b.translation(ln)
            i += 1
            continue
        if norm in v.presentation:
            b.known(ln)
            b.gap()
            i += 1
            continue
        if norm in v.qa:
            b.known(ln)
            b.qa_header()
            i += 1
            continue
        if ln.text == header_line and i > 0:
            b.gap()                                     # the header again, atop the Q&A part
            i += 1
            continue
        speaker = _participant_speaker(lines, i, listed)
        if speaker is not None:
            name, title, used = speaker
            first = min(first, i)
            fixed = listed[name][1] if name in listed else None
            if name in listed and not title:
                title = listed[name][0]
            b.start_turn(name, title, ln.start, fixed_role=fixed,
                         label=sum(len(x.text) for x in lines[i:i + used]))
            i += used
            continue
        b.speech(ln)
        i += 1
    return Parsed(LAYOUT, b.done(), b.translations, first, b.label_chars)


def _participant_speaker(lines: list[Line], i: int, listed: dict[str, tuple[str, Role]]
                         ) -> tuple[str, str, int] | None:
    """(name, title, lines used) when line i starts a turn: a listed name, a role label, or an
    unlisted "Name" line with a title line under it and a blank line after."""
    line = lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    after = lines[i + 2].text if i + 2 < len(lines) else ""
    label = line.rstrip(":").strip()
    if role_of_label(label) is not None and len(label) < 40:
        return label, "", 1
    known = label in listed
    if not known and not looks_like_name(label):
        return None
    title_follows = bool(nxt) and looks_like_title(nxt) and not after and nxt not in listed \
        and role_of_label(nxt) is None
    if known:
        return (label, nxt, 2) if title_follows else (label, "", 1)
    if title_follows and len(label.split()) >= 2:
        return label, nxt, 2
    return None
