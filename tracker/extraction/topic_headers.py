"""The topic a verbless header names, for a later sentence that moves something without naming it.

"A few words on our recall reserves. The balance stood at $80 million in March. We expect further declines during
2026." The last sentence names no metric: the declines are of the recall reserves the header named. A
header is a sentence that is only an opener (patterns.toml topic_header) and a noun phrase: a known metric, else an
open one (`metric_known` false); an acronym opening the phrase is its line ("our SX recall reserves" -> scope "sx").
`tracker.extraction.line_referents.LineMemory` asks for it within its reach, after the lines a move named.
"""
from __future__ import annotations

import re
from functools import cache

from tracker.extraction.metric_reading import phrase_name
from tracker.vocab.finders import metric_finder
from tracker.vocab.lexicon import load
from tracker.vocab.patterns import pattern

_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")


@cache
def _not_topics() -> frozenset[str]:
    """Words of a fronted phrase that never name a business line or metric (frames.toml [scopes] not_scope: "results",
    "questions", "slide", ...)."""
    return frozenset(w.lower() for w in load("frames")["scopes"]["not_scope"])


def header_topic(text: str) -> tuple[str, str | None, bool] | None:
    """(metric, scope, known) of a topic header, or None when `text` is not one."""
    m = pattern("topic_header").match(text)
    if m is None:
        return None
    rest = text[m.end():].strip().rstrip(".:").strip()
    words = rest.split()
    if not words or any(not w.replace("-", "").replace("&", "").isalnum() for w in words):
        return None                   # a clause or a list, not one noun phrase
    known = metric_finder().find(rest)
    if len(known) == 1 and known[0].end == len(rest):
        head = rest[:known[0].start].split()
        scope = head[0].lower() if len(head) == 1 and _ACRONYM.fullmatch(head[0]) else None
        return known[0].name, scope, True
    if any(w.lower() in _not_topics() for w in words):
        return None                   # "Turning to questions.", "Moving to our results.": the call's agenda
    scope = words[0].lower() if len(words) > 1 and _ACRONYM.fullmatch(words[0]) else None
    name, _ = phrase_name(" ".join(words[1:] if scope else words))
    if name is None or len(name.split("_")) != len(words) - (1 if scope else 0):
        return None                   # a stop word inside: not a plain noun phrase
    return name, scope, False
