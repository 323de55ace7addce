"""The word lists metric reading uses (metrics.toml [basis], [growth], [open_metric], [similar], [sign]), each
checked at load and compiled once: a misspelt key is an error, not a rule that silently never fires.

Split from tracker/extraction/metric_reading.py, which decides where in a sentence to look; this module only says what the
words are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.vocab.regex_cache import compile_cached


@dataclass(frozen=True)
class _Vocab:
    basis_before: re.Pattern[str]
    basis_names: dict[str, str]
    basis_after: re.Pattern[str]
    up_before: re.Pattern[str]
    down_before: re.Pattern[str]
    up_after: re.Pattern[str]
    down_after: re.Pattern[str]
    flat: re.Pattern[str]
    growth_after: re.Pattern[str]
    yoy: re.Pattern[str]
    qoq: re.Pattern[str]
    cagr: re.Pattern[str]
    links_before: re.Pattern[str]
    links_after: re.Pattern[str]
    growth_links: re.Pattern[str]
    generic: frozenset[str]
    past: re.Pattern[str]
    similar: re.Pattern[str]
    stop: frozenset[str]
    max_words: int
    qualifiers: frozenset[str] = frozenset()    # "$500 million of annual savings": skipped at a phrase's start


# every table metric_reading reads, with exactly these keys: a misspelt key is an error, not a silent no-op
_SECTION_KEYS = {
    "basis": {"non_gaap", "gaap", "adjusted", "after"},
    "growth": {"up", "down", "link", "reach", "object_link", "object_words", "yoy", "qoq", "cagr"},
    "open_metric": {"max_words", "links", "after_links", "growth_links", "generic", "stop", "past", "qualifiers"},
    "similar": {"words"},
    "sign": {"positive", "negative"},
}


def _words(section: dict, key: str, where: str) -> list[str]:
    value = section.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"metrics.toml [{where}] {key} must be a non-empty list of words")
    return value


def _flat_words() -> list[str]:
    """"flat to down 3%" (units.toml [ranges]) states a change by its very shape."""
    ranges = load("units")["ranges"]
    return [*ranges["flat_down"], *ranges["flat_up"]]


@cache
def _vocab() -> _Vocab:
    data = load("metrics")
    for section in _SECTION_KEYS:
        if not isinstance(data.get(section), dict):
            raise LexiconError(f"metrics.toml has no [{section}] table")
    basis, growth, open_ = data["basis"], data["growth"], data["open_metric"]
    for section, keys in _SECTION_KEYS.items():
        given = set(data.get(section) or {})
        if given != keys:
            raise LexiconError(f"metrics.toml [{section}] must have exactly the keys {sorted(keys)}; "
                               f"unknown {sorted(given - keys)}, missing {sorted(keys - given)}")
    names = {w.casefold(): k for k in ("gaap", "adjusted", "non_gaap") for w in _words(basis, k, "basis")}
    basis_words = phrase_pattern(names)
    verbs_up = phrase_pattern(_words(growth, "up", "growth"))
    verbs_down = phrase_pattern(_words(growth, "down", "growth"))
    link = phrase_pattern(_words(growth, "link", "growth"))
    reach = phrase_pattern(_words(growth, "reach", "growth"))
    # "to decrease to 27% of revenue": the word after the move may name what moves, never the level it reaches
    base = rf"(?:\s+(?:the\s+)?(?:full[\s-]+year|year|quarter|annual|(?!(?:{reach})(?![\w-]))\w+))?"

    def before(verbs: str) -> re.Pattern[str]:
        return compile_cached(rf"(?<![\w-])(?:{verbs}){base}(?:\s+(?:{link}))*\s*$", re.I)

    def after(verbs: str) -> re.Pattern[str]:
        return compile_cached(rf"^(?:\s+[\w&-]+){{0,4}}?\s+(?:{verbs})(?![\w-])", re.I)

    stop = frozenset(w.casefold() for w in _words(open_, "stop", "open_metric"))
    max_words = open_.get("max_words")
    if not isinstance(max_words, int) or not 1 <= max_words <= 8:
        raise LexiconError("metrics.toml [open_metric] max_words must be an integer from 1 to 8")
    return _Vocab(
        basis_before=compile_cached(rf"(?<![\w-])(?P<b>{basis_words})[\s-]+(?:\w+[\s-]+)?$", re.I),
        basis_names=names,
        basis_after=compile_cached(rf"^[\s-]+(?:{phrase_pattern(_words(basis, 'after', 'basis'))})(?![\w-])", re.I),
        up_before=before(verbs_up), down_before=before(verbs_down),
        up_after=after(verbs_up), down_after=after(verbs_down),
        growth_after=compile_cached(rf"^\s+(?:{verbs_up}|{verbs_down})\s+(?:in|of)\s+", re.I),
        flat=compile_cached(rf"(?:{phrase_pattern(_flat_words())})(?![\w-])", re.I),
        yoy=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(growth, 'yoy', 'growth'))})", re.I),
        qoq=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(growth, 'qoq', 'growth'))})", re.I),
        cagr=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(growth, 'cagr', 'growth'))})", re.I),
        links_before=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(open_, 'links', 'open_metric'))})\s*$",
                                re.I),
        growth_links=compile_cached(
            rf"(?<![\w-])(?:{phrase_pattern(_words(open_, 'growth_links', 'open_metric'))})\s*$", re.I),
        links_after=compile_cached(rf"^\s*(?:{phrase_pattern(_words(open_, 'after_links', 'open_metric'))})\s+",
                               re.I),
        generic=frozenset(w.casefold() for w in _words(open_, "generic", "open_metric")),
        similar=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(data.get('similar', {}), 'words', 'similar'))})"
                           rf"(?![\w-])", re.I),
        past=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(open_, 'past', 'open_metric'))})", re.I),
        stop=stop, max_words=max_words,
        qualifiers=frozenset(w.casefold() for w in _words(open_, "qualifiers", "open_metric")))
