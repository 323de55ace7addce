"""A figure that measures an action on an object: "to trim our on-shelf item count by 15%".

The company does something to a thing, and the figure after "by" says how much:

- an action that lowers the thing is an amount of reduction, stated as a positive figure: "we reduced debt by
  $2.7 billion" is a debt reduction of $2.7 billion; "cutting our shelf SKU count by 12%" a SKU count
  reduction of 12%;
- one that raises it is a growth of a percentage ("to grow our subscriber base by 10%": subscriber base growth
  of 10%) or a change of an amount ("to increase the dividend by $0.10": a change of $0.10), never the level
  itself ("$0.10" is not the dividend).

The verbs are metrics.toml [growth] up/down, the words between them and the figure at most `object_words`
(what is acted on), then one of `object_link` ("by"). A range ("rose by $217 million to $3.8 billion") is
a move and its end, read elsewhere.
"""
from __future__ import annotations

import re
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.extraction.metric_reading import Reading, phrase_name
from tracker.model import Quantity
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.units import unit_family
from tracker.vocab.finders import Term
from tracker.vocab.regex_cache import compile_cached


def _words(section: dict, key: str) -> list[str]:
    value = section.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"metrics.toml [growth] {key} must be a non-empty list of words")
    return value


@cache
def _moves() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the pattern of a lowering action, of a raising one), each ending right before the figure."""
    growth = load("metrics").get("growth")
    if not isinstance(growth, dict):
        raise LexiconError("metrics.toml has no [growth] table")
    most = growth.get("object_words")
    if not isinstance(most, int) or isinstance(most, bool) or not 1 <= most <= 8:
        raise LexiconError("metrics.toml [growth] object_words must be a whole number from 1 to 8")
    link = phrase_pattern(_words(growth, "object_link"))

    def moved(key: str) -> re.Pattern[str]:
        return compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(growth, key))})"
                          rf"(?P<obj>(?:\s+[\w&'/-]+){{1,{most}}}?)\s+(?:{link})\s*$", re.I)
    return moved("down"), moved("up")


def object_reading(q: Quantity, metrics: list[Term], lo: int, text: str) -> Reading | None:
    """The reading of a figure after an action and its object ("reduce operating expenses by 5%"), or None."""
    family = unit_family(q.unit)
    if q.is_range or family not in ("percent", "money"):
        return None
    before_at = max(lo, q.start - 60)
    before = text[before_at:q.start]
    down, up = _moves()
    m = down.search(before)
    falling = m is not None
    m = m or up.search(before)
    if m is None:
        return None
    s, e = before_at + m.start("obj"), before_at + m.end("obj")
    inside = [t for t in metrics if t.start >= s and t.end <= e]
    if inside:
        term = inside[-1]
        name, known, basis = term.name, True, None
    else:
        term, known = None, False
        name, basis = phrase_name(text[s:e])
        if name is None:
            return None
    if falling:
        return Reading(f"{name}_reduction", term, known, basis)
    if family == "percent":
        return Reading(f"{name}_growth", term, known, basis, "yoy_growth")
    return Reading(f"{name}_change", term, known, basis, "yoy_change")
