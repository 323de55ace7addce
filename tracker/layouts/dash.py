"""DASH_TITLE: "Jane Doe - Chief Executive Officer" on a line of its own above each turn ("Operator" alone for
the operator), often with a machine-translation line after each paragraph."""
from __future__ import annotations

from tracker.layouts.base import Builder, Draft, Line, Parsed, dash_speaker
from tracker.model import Layout
from tracker.roles import vocabulary

LAYOUT = Layout.DASH_TITLE


def sniff_dash(lines: list[Line]) -> int:
    """How many lines are "Name - Title" speaker lines."""
    return sum(1 for ln in lines if ln.text and not ln.translation and dash_speaker(ln.text) is not None)


def parse_dash(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    b = Builder(text)
    first = len(lines)
    last_label: str | None = None
    for i, ln in enumerate(lines):
        if not ln.text:
            b.gap()
            continue
        if b.apart(ln, v.qa):
            last_label = None
            continue
        sp = dash_speaker(ln.text)
        if sp is not None:
            first = min(first, i)
            if ln.text == last_label and b.drafts and not b.drafts[-1].blocks and not b.open_block:
                b.known(ln)
                continue                                # the same label printed twice
            b.start_turn(sp[0], sp[1], ln.start, label=len(ln.text))
            last_label = ln.text
            continue
        last_label = None
        b.speech(ln)
    return Parsed(LAYOUT, merge_same_speaker(b.done()), b.translations, first, b.label_chars)


def merge_same_speaker(drafts: list[Draft]) -> list[Draft]:
    """A label repeated after a translation gap may split one turn in two: join back-to-back turns by one
    speaker when the second has no new title ("Jane Doe - CEO" / text / translation / "Jane Doe - CEO")."""
    out: list[Draft] = []
    for d in drafts:
        if out and out[-1].name == d.name and out[-1].title == d.title and not d.qa_header:
            prev = out[-1]
            prev.blocks.extend(d.blocks)
            prev.sentences.extend(d.sentences)
            prev.end = d.end
            continue
        out.append(d)
    return out
