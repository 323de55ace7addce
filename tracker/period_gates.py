"""Cheap tests that say which period patterns (tracker/periods.py) can match a sentence at all.

Each period pattern ("core") names a gate: a few lower-case words, or a small regex, of which any match of the
pattern contains one ("the third quarter" contains "quarter"; "fiscal 2026" contains "20" before two digits).
A sentence that opens no gate of a core is not searched by that core: "Margins held up well." opens none and
costs one short pass instead of two dozen regex searches.

Why one pass over the words is exact: the words of all gates are folded into one prefix tree, which at any
position matches the LONGEST gate word starting there. Every other gate word that starts at that position is
a prefix of that longest one (both are prefixes of the rest of the text), so the table `opened_by` (a word ->
the gates having a word that is a prefix of it) names every gate with a word at that position. The search is
repeated from the next character after each hit, so every position where some gate word starts is visited:
the gates opened are exactly those whose own search would have found a word. A hit that is not in the table
(cannot happen while the tree is built from the same words) opens every gate, the safe side: an open gate
only costs a search, a closed one must never hide a match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.vocab.phrase_regex import norm, phrase_pattern
from tracker.vocab.regex_cache import compile_cached


@dataclass(frozen=True)
class Gate:
    """A cheap test any match of a core passes: a lower-case substring (one of `words`), or a small `regex` on
    the sentence as written. `must` is a character every match of the regex contains, tested first ("2025-06-30"
    has a "-": a sentence without one skips the date regex)."""
    words: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    must: str = ""


@dataclass(frozen=True)
class GateSet:
    """All gates of a grammar, opened together: see the module docstring."""
    gates: dict[str, Gate]
    words: re.Pattern[str] = field(init=False)
    opened_by: dict[str, frozenset[str]] = field(init=False)

    def __post_init__(self) -> None:
        owners: dict[str, set[str]] = {}
        for name, gate in self.gates.items():
            for w in gate.words:
                owners.setdefault(norm(w, fold=False), set()).add(name)     # as the tree reads it
        opened_by = {longer: frozenset(g for w, names in owners.items() if longer.startswith(w) for g in names)
                     for longer in owners}
        tree = phrase_pattern(owners, fold=False, guard=False) if owners else r"(?!)"
        object.__setattr__(self, "words", compile_cached(tree))
        object.__setattr__(self, "opened_by", opened_by)

    def open(self, text: str, low: str) -> frozenset[str]:
        """The names of the gates `text` (and `low`, its lower-cased form) opens."""
        opened: set[str] = set()
        m = self.words.search(low)
        while m is not None:
            names = self.opened_by.get(m.group()) or self.opened_by.get(norm(m.group(), fold=False))
            if names is None:
                return frozenset(self.gates)
            opened |= names
            m = self.words.search(low, m.start() + 1)
        for name, gate in self.gates.items():
            if gate.regex is not None and name not in opened and (not gate.must or gate.must in text) \
                    and gate.regex.search(text) is not None:
                opened.add(name)
        return frozenset(opened)
