"""Turn a list of phrases into one fast regular expression, and normalise matched text for lookup.

Python's `re` tries the branches of an alternation one by one, so a list of a few hundred unit words would
be slow. Folding the phrases into a prefix tree lets the engine branch on one character at a time, and it
prefers the longest phrase while still backtracking to a shorter one when a longer one cannot finish.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from tracker.vocab.regex_cache import remembered

SPACE_OR_HYPHEN = r"[\s\-]+"
_GAP = re.compile(r"[\s\-]+")


def norm(text: str, fold: bool = True) -> str:
    """The lookup key of a phrase: lower case (unless `fold` is False), runs of spaces and hyphens as one
    space, trimmed."""
    return _GAP.sub(" ", text.casefold() if fold else text).strip()


def phrase_pattern(phrases: Iterable[str], fold: bool = True, guard: bool = True) -> str:
    """A regex (no groups) matching any of `phrases` after `norm`; with `guard`, a phrase that ends in a letter
    or digit must not be followed by one. A space in a phrase matches any run of spaces and hyphens. Compile
    it with re.IGNORECASE (or inside `(?i:...)`) when `fold` is True. The result depends only on the set of
    phrases, so it is kept in the regex cache (tracker.vocab.regex_cache) for the next run."""
    words = tuple(sorted(set(phrases)))
    return remembered(("phrase", words, fold, guard), lambda: _tree_pattern(words, fold, guard))


def _tree_pattern(phrases: tuple[str, ...], fold: bool, guard: bool) -> str:
    trie: dict = {}
    for phrase in phrases:
        key = norm(phrase, fold)
        if not key:
            continue
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return r"(?!)"
    return _emit(trie, "", guard)


def literal_pattern(phrases: Iterable[str]) -> str:
    """A plain alternation of `phrases` taken literally (hyphens and signs kept: "+/-"), longest first;
    spaces match any run of spaces. For short lists of symbols that `norm` would mangle."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))   # fixed: one regex text
    if not ordered:
        return r"(?!)"
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) + ")"


def _emit(node: dict, last: str, use_guard: bool) -> str:
    ends_here = "" in node
    branches = [_atom(ch) + _emit(child, ch, use_guard) for ch, child in sorted(node.items()) if ch]
    guard = r"(?![0-9a-zA-Z])" if use_guard and last.isalnum() else ""
    if not branches:
        return guard
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if not ends_here:
        return body
    return f"(?:{body}|{guard})" if guard else f"(?:{body})?"


def _atom(ch: str) -> str:
    return SPACE_OR_HYPHEN if ch == " " else re.escape(ch)
