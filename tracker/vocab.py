"""Finders compiled from the TOML vocabularies: metric terms, scope terms and cue words.

Each finder is built once, on first use, from `tracker/data/*.toml`; the data decides what is found, the code
only how. Matches are (start, end, canonical) triples with offsets into the searched text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.lexicon import load


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    name: str      # canonical metric / scope / cue level
    text: str


_TOKEN = re.compile(r"[\w&'/]+")


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[tuple[tuple[str, int, int], ...], dict[str, list[int]], tuple[str, ...]]:
    """Lower-case word tokens of a text with their offsets, and where each word occurs; shared by every finder
    run on one sentence."""
    low = text.lower()
    if len(low) != len(text):           # a rare letter whose lower case is longer: offsets must still hold
        toks = tuple((m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text))
    else:
        toks = tuple((m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(low))
    words = tuple(t[0] for t in toks)
    where: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        where.setdefault(w, []).append(i)
    return toks, where, words


class Finder:
    """Finds any of a set of phrases (case-insensitive, whole words, spaces or hyphens between words) and names
    their canonical key. Phrases are indexed by their first word, so only the places where such a word occurs
    are tried."""

    def __init__(self, table: dict[str, list[str]]):
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name, terms in table.items():
            for t in terms:
                words = tuple(w.lower() for w in _TOKEN.findall(t))
                if words:
                    index.setdefault(words[0], []).append((words, name))
        for options in index.values():
            options.sort(key=lambda o: len(o[0]), reverse=True)   # longest first: "adjusted ebitda" over "ebitda"
        self._index = index
        self._firsts = frozenset(index)

    def find(self, text: str) -> list[Term]:
        toks, where, words = _tokens(text)
        hits: list[tuple[int, int, Term]] = []
        for word in self._firsts.intersection(where):
            for i in where[word]:
                term = self._match_at(text, toks, words, i)
                if term is not None:
                    hits.append((i, term.end - term.start, term))
        hits.sort(key=lambda h: (h[2].start, -h[1]))
        out: list[Term] = []
        for _, _, term in hits:                # keep the longest at each place, never overlapping
            if not out or term.start >= out[-1].end:
                out.append(term)
        return out

    def _match_at(self, text: str, toks, words: tuple[str, ...], i: int) -> Term | None:
        word, start, _ = toks[i]
        if start and text[start - 1] == "-":
            return None                        # "non-cash" is not "cash"
        for phrase, name in self._index[word]:
            n = len(phrase)
            if n > 1:
                if words[i:i + n] != phrase:
                    continue
                if not all(_joins(text[toks[i + k - 1][2]:toks[i + k][1]]) for k in range(1, n)):
                    continue
            end = toks[i + n - 1][2]
            if end < len(text) and (text[end].isalnum() or text[end] in "&_"):
                continue
            return Term(start, end, name, text[start:end])
        return None

    def search(self, text: str) -> Term | None:
        found = self.find(text)
        return found[0] if found else None


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
