"""The company's name from the operator's welcome, for a transcript whose header names none.

"Good day, and welcome to the Tallow Creek Outfitters fourth quarter 2025 earnings call." names the company
Tallow Creek Outfitters: the text after a welcome opener, up to the rest of the call's title ("fourth quarter",
"earnings call") or a figure ("2025"), else the sentence's end; a possessive just before the title is dropped
("Tallow Creek's fourth quarter"), one inside the name is kept ("Marlowe's Kitchens first quarter"). The phrases are data
(tracker/data/welcome.toml), validated when loaded. Only the first few thousand characters are read: a welcome
further down is someone quoting one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.roles import vocabulary

WELCOME_SPAN = 4000          # characters from the start of the call
_NAME_SPAN = 120             # characters after the opener
_KEYS = {"openers", "name_ends", "max_words"}
_FIGURE = re.compile(r"\d|\n")                  # a year or a figure, or the line's end
_POSSESSIVE = re.compile(r"['’]s$")              # "Acme's" before the call's title: the name is Acme
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class _Welcome:
    openers: re.Pattern[str]
    ends: re.Pattern[str]
    max_words: int


def _phrases(data: dict, key: str) -> list[str]:
    words = data.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w == w.strip().lower() and w
                                                           for w in words):
        raise LexiconError(f"welcome.toml: {key} must be a non-empty list of lower-case phrases")
    if len(set(words)) != len(words):
        raise LexiconError(f"welcome.toml: {key} lists a phrase twice")
    return words


@cache
def _welcome() -> _Welcome:
    data = load("welcome")
    unknown = set(data) - _KEYS
    if unknown:
        raise LexiconError(f"welcome.toml: unknown keys {', '.join(sorted(unknown))}")
    if not isinstance(data.get("max_words"), int) or data["max_words"] < 1:
        raise LexiconError("welcome.toml: max_words must be a positive whole number")
    openers = phrase_pattern(_phrases(data, "openers"))
    ends = phrase_pattern(_phrases(data, "name_ends"))
    return _Welcome(re.compile(rf"(?<!\w)(?:{openers})(?!\w)", re.IGNORECASE),
                    re.compile(rf"(?<!\w)(?:{ends})(?!\w)", re.IGNORECASE), data["max_words"])


def company_in_welcome(text: str) -> str | None:
    """The company the operator welcomes callers to, or None when the call opens otherwise."""
    w = _welcome()
    m = w.openers.search(text[:WELCOME_SPAN])
    if m is None:
        return None
    rest = text[m.end():m.end() + _NAME_SPAN].lstrip()
    stops = [s.start() for s in (w.ends.search(rest), vocabulary().call_words.search(rest), _FIGURE.search(rest))
             if s is not None]
    if not stops:       # only then the sentence's end: "Figma, Inc. Q4" keeps its "Inc."
        end = _SENTENCE_END.search(rest)
        stops = [end.start() if end else len(rest)]
    name = _POSSESSIVE.sub("", rest[:min(stops)].strip(" ,;:-–—"))
    words = name.split()
    if not words or len(words) > w.max_words or not words[0][:1].isupper():
        return None
    return name
