"""A business named as the subject of its effect on a guided figure: the figure is about that business.

"We expect Larchmont to contribute about one point of revenue growth in 2026." The point of growth is
Larchmont's (an acquisition, a segment, a product line), not the company's: the claim's scope is "larchmont",
even where the metric carries a line of its own ("product revenue growth"). The same for "We expect Orrin and
Vale to dilute operating margin by about 50 basis points" (scope "orrin and vale"). A name is a run of
capitalised words (typography, not English); the verbs around it are data (tracker/data/contributors.toml
[subject]). A name that is a period ("we expect Q4 to benefit ...") names no business.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Claim, FiscalCalendar, Kind
from tracker.periods import find_periods
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.vocab.regex_cache import compile_cached

_KEYS = {"expect", "effect", "joiners", "max_words"}
_CAPITALISED = r"[A-Z][\w&.'-]*"


def _phrases(table: dict, key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w == w.lower() and w.strip()
                                                          for w in value) or len(set(value)) != len(value):
        raise LexiconError(f"contributors.toml: [subject] {key} must be a non-empty list of distinct lower-case "
                           "phrases")
    return value


@cache
def _subject() -> re.Pattern[str]:
    table = load("contributors").get("subject")
    if not isinstance(table, dict) or set(table) != _KEYS:
        raise LexiconError(f"contributors.toml: [subject] must hold exactly {sorted(_KEYS)}")
    most = table["max_words"]
    if not isinstance(most, int) or isinstance(most, bool) or not 1 <= most <= 8:
        raise LexiconError("contributors.toml: [subject] max_words must be a whole number from 1 to 8")
    name = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,{most - 1}}}"
    joiners = phrase_pattern(_phrases(table, "joiners"), guard=False)
    return compile_cached(
        rf"(?<![\w-])(?i:{phrase_pattern(_phrases(table, 'expect'))})\s+"
        rf"(?P<names>{name}(?:\s*,?\s+(?i:{joiners})\s+{name})*)"
        rf"\s+(?i:to)\s+(?i:{phrase_pattern(_phrases(table, 'effect'))})")


def contributor(text: str, call_date: date, cal: FiscalCalendar) -> str | None:
    """"We expect Larchmont to contribute ..." -> "larchmont"; None when no business is the subject."""
    m = _subject().search(text)
    if m is None or find_periods(m.group("names"), call_date, cal):
        return None
    return " ".join(m.group("names").lower().split())


def with_contributor(claims: list[Claim], text: str, call_date: date, cal: FiscalCalendar) -> list[Claim]:
    """The sentence's figures are about the business its subject names."""
    if not any(c.kind is not Kind.MILESTONE for c in claims):
        return claims
    name = contributor(text, call_date, cal)
    if name is None:
        return claims
    return [replace(c, scope=name) if c.kind is not Kind.MILESTONE else c for c in claims]
