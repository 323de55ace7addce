"""Numbers written in digits or in words: "1,293", "1.1", "eighty", "two and a half", "a dozen".

The vocabulary (number words, multipliers, fractions, phrases) is data in tracker/data/units.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.vocab.lexicon import load
from tracker.vocab.phrase_regex import norm, phrase_pattern

# digits with optional thousands separators and decimals: "1,355", "12.25", ".5"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+"


def tidy(x: float) -> float:
    """Round away binary noise (18.7e9 - 0.4e9 -> 18.3e9) while keeping 12 significant digits."""
    return float(f"{x:.12g}")


@dataclass(frozen=True)
class NumberWords:
    small: dict[str, float]         # "one" .. "ninety"
    multipliers: dict[str, float]   # "hundred", "dozen", "thousand", "million" ...
    fractions: dict[str, float]     # "a half", "a quarter" (after "and")
    phrases: dict[str, float]       # "a couple of", "a dozen"
    not_alone: frozenset[str]       # "one": a pronoun unless a unit follows
    scales: dict[str, float]        # scale words after digits: "million", "billion"


@cache
def number_words() -> NumberWords:
    data = load("units")
    nw = data["number_words"]
    return NumberWords(
        small={norm(k): float(v) for k, v in nw["small"].items()},
        multipliers={norm(k): float(v) for k, v in nw["multipliers"].items()},
        fractions={norm(k): float(v) for k, v in nw["fractions"].items()},
        phrases={norm(k): float(v) for k, v in nw["phrases"].items()},
        not_alone=frozenset(norm(w) for w in nw.get("not_alone", [])),
        scales={norm(k): float(v) for k, v in data["scales"]["words"].items()},
    )


@cache
def spelled_pattern() -> str:
    """A regex (no groups; compile case-insensitively) for a number in words, including "two and a half",
    "one hundred and twenty-five thousand", "one point five", "a million", "a couple of"."""
    w = number_words()
    small = phrase_pattern(w.small)
    big = phrase_pattern(w.multipliers)
    digit_word = phrase_pattern(k for k, v in w.small.items() if v < 10)
    whole = (rf"(?:{small}|a(?=[\s-]+{big}))(?:[\s-]+{small})?"
             rf"(?:[\s-]+{big}(?:(?:[\s-]+and)?[\s-]+{small}(?:[\s-]+{small})?)?)*")
    tail = rf"(?:[\s-]+and[\s-]+{phrase_pattern(w.fractions)}|[\s-]+point(?:[\s-]+{digit_word})+)?"
    return rf"\b(?:{phrase_pattern(w.phrases)}(?:[\s-]+{big})*|{whole}{tail})"


def parse_spelled(text: str) -> float | None:
    """The value of a number in words as matched by `spelled_pattern`; None if it is not one."""
    w = number_words()
    key = norm(text)
    if key in w.phrases:
        return w.phrases[key]
    for phrase, value in w.phrases.items():
        # "a couple of hundred", "a dozen million"
        rest = key[len(phrase) + 1:].split() if key.startswith(phrase + " ") else None
        if rest and all(r in w.multipliers for r in rest):
            for r in rest:
                value *= w.multipliers[r]
            return tidy(value)
    extra = 0.0
    head, sep, tail = key.partition(" and ")
    while sep:
        if tail in w.fractions:
            extra = w.fractions[tail]
            key = head
            break
        # "one hundred and twenty and a half": look further right
        nxt_head, sep, tail = tail.partition(" and ")
        head = f"{head} and {nxt_head}"
    key, point, decimals = key.partition(" point ")
    if point:
        digits = [w.small.get(d) for d in decimals.split()]
        if not digits or any(d is None or d >= 10 for d in digits):
            return None
        extra += float("0." + "".join(str(int(d)) for d in digits))
    total = current = 0.0
    seen = False
    for tok in key.split():
        if tok == "and":
            continue
        if tok == "a":
            current = 1.0
        elif tok in w.small:
            current += w.small[tok]
        elif tok in w.multipliers:
            m = w.multipliers[tok]
            if m < 1000:
                current = (current or 1.0) * m
            else:
                total += (current or 1.0) * m
                current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    return tidy(total + current + extra)


@cache
def _parse_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    scale = phrase_pattern(number_words().scales)
    digits = re.compile(rf"\s*(?P<n>{DIGITS})(?:[\s-]*(?P<s>{scale}))?\s*", re.IGNORECASE)
    words = re.compile(rf"\s*(?P<n>{spelled_pattern()})(?:[\s-]*(?P<s>{scale}))?\s*", re.IGNORECASE)
    return digits, words


def parse_number(text: str) -> float | None:
    """A number alone, in digits or words, with an optional scale word: "1,293" -> 1293.0, "1.1" -> 1.1,
    "eighty" -> 80.0, "two and a half" -> 2.5, "a dozen" -> 12.0, "1.5 billion" -> 1.5e9.
    None for anything else ("several", "Q3", "")."""
    digits, words = _parse_re()
    w = number_words()
    m = digits.fullmatch(text)
    if m:
        value = float(m.group("n").replace(",", ""))
    else:
        m = words.fullmatch(text)
        if not m:
            return None
        spelled = parse_spelled(m.group("n"))
        if spelled is None:
            return None
        value = spelled
    if m.group("s"):
        value *= w.scales[norm(m.group("s"))]
    return tidy(value)
