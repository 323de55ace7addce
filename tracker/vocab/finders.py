"""Finders compiled from the TOML vocabularies: metric terms, scope terms and cue words.

Each finder is built once, on first use, from `tracker/data/*.toml`; the data decides what is found, the code
only how. Matches are (start, end, canonical) triples with offsets into the searched text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from tracker.vocab.lexicon import load
from tracker.fast_init import fast_init


@fast_init
@dataclass(frozen=True)
class Term:
    start: int
    end: int
    name: str      # canonical metric / scope / cue level
    text: str


_TOKEN = re.compile(r"[\w&'/]+")
_SPLIT = re.compile(r"([\w&'/]+)")      # the words and, between them, what separates them


def _pieces(text: str) -> tuple[list[str], list[str], list[int]]:
    """The text cut into words and what lies between them, in one scan: (pieces, lower-case words, offsets).
    pieces[2*i+1] is word i, pieces[2*i] what precedes it; offsets[j] is where piece j ends, so word i spans
    offsets[2*i] to offsets[2*i+1]."""
    low = text.lower()
    if len(low) == len(text):
        pieces = _SPLIT.split(low)
        words = pieces[1::2]
    else:                               # a rare letter whose lower case is longer: offsets must still hold
        pieces = _SPLIT.split(text)
        words = [w.lower() for w in pieces[1::2]]
    return pieces, words, list(accumulate(map(len, pieces)))


class _Node:
    """One word of the shared phrase tree: the words that may follow it, and the phrases that end here (for
    each finder, the first of its phrases that ends here: an earlier entry of the data wins a tie)."""
    __slots__ = ("next", "ends")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.ends: list[tuple[str, int]] = []     # (canonical name, finder id), one per finder


class Finder:
    """Finds any of a set of phrases (case-insensitive, whole words, spaces or hyphens between words) and names
    their canonical key.

    Every finder's phrases also go into one shared tree of words (`_Node`), so a sentence is matched against all
    vocabularies in a single pass (`_all_hits`, cached per text); each finder then reads its own hits. Walking
    the tree from a word costs one dict look-up per word of the longest phrase that could match there, however
    many phrases start with that word ("the", "we").
    """

    _registry: list[Finder] = []
    _root: dict[str, _Node] = {}

    def __init__(self, table: dict[str, list[str]]):
        self.id = len(Finder._registry)
        for name, terms in table.items():
            for t in terms:
                words = tuple(w.lower() for w in _TOKEN.findall(t))
                if words:
                    _insert(words, name, self.id)
        Finder._registry.append(self)
        _all_hits.cache_clear()

    def find(self, text: str) -> list[Term]:
        return list(_all_hits(text).get(self.id, ()))

    def search(self, text: str) -> Term | None:
        found = self.find(text)
        return found[0] if found else None


def _insert(words: tuple[str, ...], name: str, fid: int) -> None:
    node = Finder._root.setdefault(words[0], _Node())
    for w in words[1:]:
        node = node.next.setdefault(w, _Node())
    if all(f != fid for _, f in node.ends):       # the same phrase twice in one finder: the first name holds
        node.ends.append((name, fid))


@lru_cache(maxsize=256)
def _all_hits(text: str) -> dict[int, list[Term]]:
    """Every finder's matches in `text`: the longest at each place, never overlapping, in text order."""
    pieces, words, offsets = _pieces(text)
    root = Finder._root
    found: dict[int, list[Term]] = {}
    kept_end: dict[int, int] = {}       # finder id -> where its last kept term ends
    last = len(words) - 1
    for i in [i for i, word in enumerate(words) if word in root]:
        if pieces[2 * i].endswith("-"):
            continue                           # "non-cash" is not "cash"
        node = root[words[i]]
        start = offsets[2 * i]
        longest: dict[int, tuple[str, int]] = {}  # finder id -> (name, end) of its longest phrase here
        k = i
        while True:
            for name, fid in node.ends:
                longest[fid] = (name, offsets[2 * k + 1])
            if k == last:
                break
            node = node.next.get(words[k + 1])     # the next word first: most phrases end here
            if node is None or not _joins(pieces[2 * k + 2]):
                break
            k += 1
        # starts come in text order, one term per finder each: a term that overlaps the one kept before is dropped
        for fid, (name, end) in longest.items():
            if start >= kept_end.get(fid, 0):
                kept_end[fid] = end
                found.setdefault(fid, []).append(Term(start, end, name, text[start:end]))
    return found


_JOIN = re.compile(r"[\s-]+")     # \s is str.isspace's set of characters


def _joins(gap: str) -> bool:
    """Words of one phrase are separated by spaces or hyphens only."""
    return gap == " " or _JOIN.fullmatch(gap) is not None


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
