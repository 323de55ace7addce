"""Finders compiled from the TOML vocabularies: metric terms, scope terms and cue words.

Each finder is built once, on first use, from `tracker/data/*.toml`; the data decides what is found, the code
only how. Matches are (start, end, canonical) triples with offsets into the searched text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.vocab.lexicon import load


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    name: str      # canonical metric / scope / cue level
    text: str


_TOKEN = re.compile(r"[\w&'/]+")


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[list[tuple[int, int]], dict[str, list[int]], tuple[str, ...]]:
    """The lower-case words of a text, their (start, end) offsets, and where each word occurs."""
    low = text.lower()
    if len(low) != len(text):           # a rare letter whose lower case is longer: offsets must still hold
        low = text
        words = tuple(w.lower() for w in _TOKEN.findall(text))
    else:
        words = tuple(_TOKEN.findall(low))
    spans = [m.span() for m in _TOKEN.finditer(low)]
    where: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        where.setdefault(w, []).append(i)
    return spans, where, words


class Finder:
    """Finds any of a set of phrases (case-insensitive, whole words, spaces or hyphens between words) and names
    their canonical key.

    Every finder's phrases also go into one shared index by first word, so a sentence is matched against all
    vocabularies in a single pass (`_all_hits`, cached per text); each finder then reads its own hits.
    """

    _registry: list[Finder] = []
    _union: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}

    def __init__(self, table: dict[str, list[str]]):
        self.id = len(Finder._registry)
        for name, terms in table.items():
            for t in terms:
                words = tuple(w.lower() for w in _TOKEN.findall(t))
                if words:
                    Finder._union.setdefault(words[0], []).append((words, name, self.id))
        for options in Finder._union.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)   # longest first: "adjusted ebitda" over "ebitda"
        Finder._registry.append(self)
        _all_hits.cache_clear()

    def find(self, text: str) -> list[Term]:
        return list(_all_hits(text).get(self.id, ()))

    def search(self, text: str) -> Term | None:
        found = self.find(text)
        return found[0] if found else None


@lru_cache(maxsize=256)
def _all_hits(text: str) -> dict[int, list[Term]]:
    """Every finder's matches in `text`: the longest at each place, never overlapping, in text order."""
    toks, where, words = _tokens(text)
    union = Finder._union
    found: dict[int, list[Term]] = {}
    for word in union.keys() & where.keys():
        for i in where[word]:
            start = toks[i][0]
            if start and text[start - 1] == "-":
                continue                       # "non-cash" is not "cash"
            done = 0                           # bit per finder: its longest phrase here is taken
            for phrase, name, fid in union[word]:
                if done >> fid & 1:
                    continue
                n = len(phrase)
                if n > 1 and (words[i:i + n] != phrase or not all(
                        _joins(text[toks[i + k - 1][1]:toks[i + k][0]]) for k in range(1, n))):
                    continue
                end = toks[i + n - 1][1]          # a token always ends at a word boundary
                found.setdefault(fid, []).append(Term(start, end, name, text[start:end]))
                done |= 1 << fid
    for fid, terms in found.items():
        terms.sort(key=lambda t: (t.start, t.start - t.end))
        kept: list[Term] = []
        for term in terms:
            if not kept or term.start >= kept[-1].end:
                kept.append(term)
        found[fid] = kept
    return found


def _joins(gap: str) -> bool:
    """Words of one phrase are separated by spaces or hyphens only."""
    return bool(gap) and all(c.isspace() or c == "-" for c in gap)


@cache
def metric_finder() -> Finder:
    metrics = load("metrics")["metrics"]
    return Finder({name: spec.get("terms", []) for name, spec in metrics.items()})


@cache
def metric_spec(name: str) -> dict:
    return load("metrics")["metrics"].get(name, {})


@cache
def metric_for_unit_family(family: str) -> str | None:
    return load("metrics").get("by_unit", {}).get(family)


@cache
def _volume_units() -> frozenset[str]:
    return frozenset(load("metrics").get("volume_units", {}).get("nouns", []))


def is_volume_unit(unit: str | None) -> bool:
    return unit is not None and unit.lower() in _volume_units()


@cache
def scope_finders() -> tuple[Finder, Finder]:
    scopes = load("scopes")
    return Finder(scopes.get("geography", {})), Finder(scopes.get("segment", {}))


@cache
def cue_finder(section: str) -> Finder:
    """Cue words of one section of cues.toml, keyed by their sub-table (e.g. hedge level)."""
    data = load("cues")[section]
    return Finder({k: v for k, v in data.items() if isinstance(v, list)})
