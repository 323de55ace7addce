"""BILINGUAL: interleaved paragraphs, each tagged with its language ("[ 12] [EN] Jane Doe:text", then
"[中] 译文"), often with decorations (emoji before roster lines, "━━ CALL PARTICIPANTS ━━" banners).

This module only makes the line view: the tag of a source line is no speech (the line's speech starts after it),
a translation line is skipped, decorations are trimmed. The speaker layout is then read from the view.
"""
from __future__ import annotations

import re

from tracker.layouts.base import Line
from tracker.layouts.vocab import layout_words

_TAG = re.compile(r"\s*(?:\[\s*\d{1,5}\s*\]\s*)?\[(?P<tag>[^\]\s]{1,8})\]\s*")
# Box drawing, arrows, dingbats, emoji and variation selectors around a line are decoration.
_DECOR = "\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff"
_LEAD = re.compile(rf"[\s{_DECOR}]+")
_TRAIL = re.compile(rf"[\s{_DECOR}]+$")


def sniff_bilingual(lines: list[Line]) -> float:
    """Share of the non-blank lines that carry a source or translation language tag."""
    words = layout_words()
    tags = words.source_tags | words.translation_tags
    filled = [ln for ln in lines if ln.text]
    tagged = sum(1 for ln in filled if (m := _TAG.match(ln.text)) and m.group("tag").lower() in tags)
    return tagged / len(filled) if filled else 0.0


def bilingual_view(text: str, lines: list[Line]) -> list[Line]:
    words = layout_words()
    out = []
    for ln in lines:
        start, end = ln.start, ln.end
        raw = text[start:end]
        m = _TAG.match(raw)
        tag = m.group("tag").lower() if m else ""
        if tag in words.translation_tags:
            out.append(Line(start, end, raw.strip(), True, ln.line_start))
            continue
        if tag in words.source_tags:
            start += m.end()
        lead = _LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        trail = _TRAIL.search(text, start, end)
        if trail:
            end = trail.start()
        out.append(Line(start, end, text[start:end], ln.translation, ln.line_start if start != ln.line_start else -1))
    return out
