"""Finders compiled from the TOML vocabularies: metric terms, scope terms and cue words.

Each finder is built once, on first use, from `tracker/data/*.toml`; the data decides what is found, the code
only how. Matches are (start, end, canonical) triples with offsets into the searched text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.lexicon import load


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    name: str      # canonical metric / scope / cue level
    text: str


def _alternation(phrases: list[str]) -> str:
    # longest first so "adjusted ebitda" wins over "ebitda"
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in ordered)


class Finder:
    """Finds any of a set of phrases (case-insensitive, on word boundaries) and names their canonical key."""

    def __init__(self, table: dict[str, list[str]]):
        self._canon: dict[str, str] = {}
        phrases: list[str] = []
        for name, terms in table.items():
            for t in terms:
                key = re.sub(r"[\s-]+", " ", t.strip().lower())
                self._canon.setdefault(key, name)
                phrases.append(t.lower())
        pattern = _alternation(phrases)
        self._re = re.compile(rf"(?<![\w&-])(?:{pattern})(?![\w&])", re.I) if pattern else None

    def find(self, text: str) -> list[Term]:
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(text):
            key = re.sub(r"[\s-]+", " ", m.group(0).lower())
            out.append(Term(m.start(), m.end(), self._canon.get(key, key), m.group(0)))
        return out

    def search(self, text: str) -> Term | None:
        found = self.find(text)
        return found[0] if found else None


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
def scope_finders() -> tuple[Finder, Finder]:
    scopes = load("scopes")
    return Finder(scopes.get("geography", {})), Finder(scopes.get("segment", {}))


@cache
def cue_finder(section: str) -> Finder:
    """Cue words of one section of cues.toml, keyed by their sub-table (e.g. hedge level)."""
    data = load("cues")[section]
    return Finder({k: v for k, v in data.items() if isinstance(v, list)})
