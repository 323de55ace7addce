"""A metric named as the topic at the front of a sentence.

"In terms of ticket prices, we plan for a decline in Asia of 2 to 3% year-over-year." names no metric where the
figure stands: "Asia" is the line, and the metric is the fronted topic, ticket prices. A topic fronted before the
first comma ("in terms of", "regarding", "as for", "when it comes to": pattern `topic_lead` of
`tracker/data/patterns.toml`) is the metric of the sentence's percentages when the sentence names no known
metric, unless the topic is a period ("In terms of Q3, ...") or a business line ("As for Europe, ..."), which
frames already read. A sum of money needs its own noun: in "Regarding the new plant, we expect about $500 million
of the savings" the topic is a program, not what the money measures.
"""
from __future__ import annotations

import re

from tracker.vocab.patterns import pattern
from tracker.vocab.finders import Term, scope_finders

_MAX_WORDS = 4
_NAME = re.compile(r"[A-Za-z][A-Za-z&'’-]*")


def fronted_topic(text: str) -> Term | None:
    """The fronted topic of the sentence as an open metric term ("pricing"), or None."""
    m = pattern("topic_lead").match(text)
    if m is None:
        return None
    comma = text.find(",", m.end())
    if comma < 0:
        return None
    phrase = text[m.end():comma].strip()
    words = _NAME.findall(phrase)
    if not words or len(words) > _MAX_WORDS or " ".join(words) != re.sub(r"\s+", " ", phrase):
        return None                   # a digit, a period ("Q3") or a clause: no topic noun
    geo, seg = scope_finders()
    if geo.find(phrase) or seg.find(phrase):
        return None                   # "As for Europe, ...": a line, not a metric
    start = m.end() + text[m.end():comma].index(phrase)
    name = "_".join(w.casefold().replace("’", "'").replace("'", "") for w in words).replace("-", "_")
    return Term(start, start + len(phrase), name, phrase)
