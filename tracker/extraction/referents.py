"""Words that point back to a business line named earlier in the speaker's turn.

"Our Kettle Club offering closed the period in 900 shops. We still plan to take this
offering into more than 1,400 shops by December." The second sentence names no line: "this offering" points back
to the "Kettle Club offering", and the 1,400 shops are about it. The same for "this larger format", "these
programs". The antecedent is the nearest earlier mention of the same noun with a name before it (the words a
business line is named by, read as `scopes.modifier_before` reads them); a demonstrative with its own name
("this larger format") needs no antecedent. Failing that, a thing said to be offered in a count of outlets is what
an offering points to: "we now have fresh bakery in over 500 stores and aim to take this offering to 800 stores"
(the 800 stores are about "fresh bakery"). Nothing is guessed when no earlier sentence names one.

A count in a variant of the line ("more than 1,400 shops, including over 300 shops in our compact version") is
about that variant of it: "kettle club offering compact version".

The words are data: tracker/data/referents.toml [scope], checked when first read.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, replace
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.extraction.metric_reading import singular
from tracker.model import Claim, Kind
from tracker.vocab.phrase_regex import norm, phrase_pattern
from tracker.extraction.scopes import modifier_before
from tracker.vocab.finders import Term
from tracker.vocab.regex_cache import compile_cached

_SCOPE_KEYS = {"demonstratives", "nouns", "reach", "max_between", "offered", "outlets", "variants", "placed", "owners",
               "offerings"}


@dataclass(frozen=True)
class _Rules:
    pointer: re.Pattern[str]      # "this [larger] offering": group "noun"
    noun: re.Pattern[str]         # any mention of a listed noun
    reach: int
    offered: re.Pattern[str]      # "carry fresh bakery in more than 500 stores": group "thing"
    offerings: frozenset[str]     # the nouns (of `nouns`) a thing offered in outlets can stand for
    variant: re.Pattern[str]      # "300 shops in our compact version": groups "num", "name"


def _phrases(table: dict, key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w == w.lower() and w.strip()
                                                          for w in value) or len(set(value)) != len(value):
        raise LexiconError(f"referents.toml: [scope] {key} must be a non-empty list of distinct lower-case phrases")
    return value


def _count(table: dict, key: str, most: int) -> int:
    n = table.get(key)
    if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= most:
        raise LexiconError(f"referents.toml: [scope] {key} must be a whole number from 0 to {most}")
    return n


@cache
def _rules() -> _Rules:
    table = load("referents").get("scope")
    if not isinstance(table, dict) or set(table) != _SCOPE_KEYS:
        raise LexiconError(f"referents.toml: [scope] must hold exactly {sorted(_SCOPE_KEYS)}")
    nouns = phrase_pattern(_phrases(table, "nouns"))
    pointers = phrase_pattern(_phrases(table, "demonstratives"))
    between = _count(table, "max_between", 4)
    outlets = phrase_pattern(_phrases(table, "outlets"))
    placed = phrase_pattern(_phrases(table, "placed"))
    owners = phrase_pattern(_phrases(table, "owners"))
    count = rf"(?:[a-z]+\s+){{0,2}}?\d[\d,.]*\s+(?:[a-z][\w-]*\s+)?(?:{outlets})"
    return _Rules(
        pointer=compile_cached(rf"(?<![\w-])(?:{pointers})(?:\s+[a-z][\w-]*){{0,{between}}}?\s+(?P<noun>{nouns})", re.I),
        noun=compile_cached(rf"(?<![\w-])(?:{nouns})", re.I),
        reach=_count(table, "reach", 10),
        offerings=frozenset(_key(w) for w in _phrases(table, "offerings")),
        offered=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_phrases(table, 'offered'))})\s+"
                           rf"(?P<thing>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{0,2}}?)\s+(?:{placed})\s+{count}", re.I),
        variant=compile_cached(rf"(?P<num>\d[\d,.]*)\s+(?:[a-z][\w-]*\s+)?(?:{outlets})\s+(?:{placed})\s+(?:{owners})\s+"
                           rf"(?P<name>[a-z][\w-]*)\s+(?:{phrase_pattern(_phrases(table, 'variants'))})", re.I))


def _key(noun: str) -> str:
    return " ".join(singular(w) for w in norm(noun).split())


def _named(text: str, start: int, end: int) -> str | None:
    """"the Kettle Club offering" -> "kettle club offering": the noun with the name before it, or None."""
    name = modifier_before(text, Term(start, end, "", text[start:end]))
    return f"{name} {_key(text[start:end])}" if name else None


class Referents:
    """The sentences of one speaker's turn so far, to resolve "this offering" in the next one."""

    def __init__(self) -> None:
        self.recent: deque[str] = deque(maxlen=_rules().reach + 1)     # the sentence being read is the last

    def new_turn(self) -> None:
        self.recent.clear()

    def saw(self, text: str) -> None:
        """Call with each sentence of the turn before reading its claims."""
        self.recent.append(text)

    def line_of(self, text: str) -> str | None:
        """The business line a pointer of `text` names ("this offering" -> "kettle club offering"), or None."""
        rules = _rules()
        m = rules.pointer.search(text)
        if m is None:
            return None
        own = _named(text, m.start("noun"), m.end("noun"))
        if own:
            return own                            # "this larger format": named where it points
        if text[m.start():m.start("noun")].split()[1:] and not m.group(0).lower().startswith("the same"):
            return None                           # "that our platform will ...": a conjunction, no pointer
        key = _key(m.group("noun"))
        earlier = [text[:m.start()], *list(reversed(self.recent))[1:]]
        for said in earlier:
            for hit in reversed(list(rules.noun.finditer(said))):
                if _key(hit.group(0)) == key:
                    found = _named(said, hit.start(), hit.end())
                    if found:
                        return found
            offered = list(rules.offered.finditer(said))
            if offered and key in rules.offerings:
                return offered[-1].group("thing").lower()     # "carry fresh bakery in 500 stores ... this offering"
        return None

    def scoped(self, claims: list[Claim], text: str) -> list[Claim]:
        """Claims of `text` that name no line take the one its pointer names."""
        if not any(c.scope is None and c.kind is not Kind.MILESTONE for c in claims):
            return claims
        line = self.line_of(text)
        if line is None:
            return claims
        variants = {_number(v.group("num")): v.group("name").lower() for v in _rules().variant.finditer(text)}
        return [replace(c, scope=_variant_of(line, c, variants)) if c.scope is None and c.kind is not Kind.MILESTONE
                else c for c in claims]


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return None


def _variant_of(line: str, claim: Claim, variants: dict[float | None, str]) -> str:
    """"including over 300 shops in our compact version": the claim of that count is about the line's variant."""
    name = variants.get(claim.low) or variants.get(claim.high)
    return f"{line} {name} version" if name else line
