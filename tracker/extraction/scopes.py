"""Which segment, geography or product a figure or a milestone is about.

Scope words come from `tracker/data/scopes.toml` (found by `tracker.vocab.finders.scope_finders`); this module decides
which of them belongs to a figure, and reads business-line and product names the lexicon cannot know
("XYZ sales", "dilution from ABC and XYZ", "the X200 launch").
"""
from __future__ import annotations

import re
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Quantity
from tracker.vocab.finders import Term
from tracker.vocab.patterns import pattern
from tracker.vocab.phrase_regex import phrase_pattern

# an acronym right before a metric names a business line ("XYZ sales", "HBM revenue")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z0-9]{1,5})(?:'s)?\s+$")
# "about 15 basis points of drag tied to XYZ and ABC": the named businesses are the scope
_FROM_NAMES = re.compile(r"^\s+(?:of\s+\w+\s+)?from\s+(?:the\s+)?"
                         r"([A-Z][A-Za-z0-9]{1,12}(?:\s+and\s+[A-Z][A-Za-z0-9]{1,12})*)\b")
_PERIOD_TOKEN = re.compile(r"(?:[QH][1-4]|FY\s?\d{2,4}|CY\s?\d{2,4}|[1-4]Q\d{2}|Q[1-4]\s?\d{2,4})", re.I)
_PRODUCT = re.compile(r"\b([A-Z][A-Za-z]*\d+[A-Za-z0-9]*(?:\s+(?:Pro|Max|Plus|Ultra|Mini|XL|Series))?|"
                      r"[A-Z][a-z]+\s+\d{1,3}[A-Za-z]?|[A-Z]{2,}[a-z]*\s+[A-Z][a-z]+|"
                      # a site: "the Austin plant", "our Ohio fab", "the New Albany campus"
                      r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:plant|factory|fab|facility|site|campus|mine|"
                      r"data center|distribution center|warehouse|hub|refinery|line))\b")


@cache
def _not_scope() -> frozenset[str]:
    return frozenset(load("scopes").get("not_scope", {}).get("acronyms", []))


@cache
def _not_product() -> frozenset[str]:
    return frozenset(load("scopes").get("not_product", {}).get("words", []))


_WORD = re.compile(r"[A-Za-z][\w&'\-/.]*")


@cache
def _modifier_rules() -> tuple[frozenset[str], int]:
    """The [modifier] table of scopes.toml: the stop words and the longest name, checked at load."""
    table = load("scopes").get("modifier")
    if not isinstance(table, dict) or set(table) != {"stop", "max_words"}:
        raise LexiconError("scopes.toml: [modifier] must hold exactly 'stop' (a list of words) and 'max_words'")
    stop, most = table["stop"], table["max_words"]
    if not (isinstance(stop, list) and all(isinstance(w, str) and w == w.lower() for w in stop)):
        raise LexiconError("scopes.toml: [modifier] stop must be a list of lower-case words")
    if not isinstance(most, int) or isinstance(most, bool) or not 1 <= most <= 8:
        raise LexiconError("scopes.toml: [modifier] max_words must be a whole number from 1 to 8")
    # a word multiple is the figure itself: "to more than double licence revenue" is about "licence"
    multiples = load("units").get("multiples", {}).get("words", {})
    return frozenset(stop) | frozenset(w.lower() for w in multiples), most


def modifier_before(text: str, term: Term | None) -> str | None:
    """The words right before a metric's name that name its business line: "we expect product revenue of
    $1.2 billion" -> "product", "card loss rate of roughly 2.9%" -> "card", "Q2 professional
    services revenue" -> "professional services", "map and video listing revenue growth" -> "map and
    news advertising". The name stops at a stop word of scopes.toml [modifier] (verbs of the promise, function
    words, basis and degree words), at a word with a digit ("Q1", "FY26") and at any punctuation; "and" stays
    inside a name only between two of its words."""
    if term is None:
        return None
    stop, most = _modifier_rules()
    words: list[str] = []
    pos = term.start
    for m in reversed(list(_WORD.finditer(text, max(0, term.start - 80), term.start))):
        gap = text[m.end():pos]
        if gap.strip() or m.group(0).endswith("."):
            break                                  # punctuation between: another phrase
        word = m.group(0).lower()
        base = word[:-2] if word.endswith(("'s", "’s")) else word     # "next year's revenue": "year" stops it
        if any(c.isdigit() for c in word) or (word in stop or base in stop) and not (word == "and" and words):
            break
        words.append(base)                         # "Europe's revenue" is about "europe"
        pos = m.start()
        if len(words) > most:
            return None                            # a clause, not a name
    while words and words[-1] == "and":            # "... and" at the front joins nothing
        words.pop()
    return " ".join(reversed(words)) or None


def with_modifier(scope: str | None, modifier: str | None) -> str | None:
    """The lexicon's scope, or the words before the metric when they say more: "data center GPU revenue" is
    about "data center gpu", not all of "data center"; "product revenue" is about "product". A region the
    lexicon found stays."""
    if modifier is None or scope in (parts := modifier.split(" and ")) and set(parts) <= _lexicon_names():
        return scope        # "DRAM and NAND bit shipments": each line the lexicon knows is its own claim
    if scope is None or scope not in _geographies() and set(scope.split()) < set(modifier.split()):
        return modifier
    # a participle ("deployed", "installed") tells a state of the thing, not a line of business
    line = [w for w in modifier.split() if w not in _geography_words() and not w.endswith("ed")]
    if scope in _geographies() and scope != "global" and line and line[0] != "and":
        # "a small decline in frozen unit volume in Asia" is about frozen goods in Asia, "Europe services
        # revenue" about services in Europe: the region and the line it narrows, region first
        return f"{scope} {' '.join(line)}"
    return scope            # a region stays the scope: "our global deployed capacity" is global


@cache
def _geography_words() -> frozenset[str]:
    """Every word of the lexicon's geography names and phrases ("north", "american", "u.s.", ...)."""
    return frozenset(w for canon, phrases in load("scopes").get("geography", {}).items()
                     for name in (canon, *phrases) for w in name.split())


@cache
def _lexicon_names() -> frozenset[str]:
    """Every scope name and phrase of the lexicon, lower-case."""
    tables = load("scopes")
    return frozenset(name for kind in ("geography", "segment") for canon, phrases in tables.get(kind, {}).items()
                     for name in (canon, *phrases))


@cache
def _geographies() -> frozenset[str]:
    return frozenset(load("scopes").get("geography", {}))


def geography_names() -> frozenset[str]:
    """The lexicon's canonical region names ("europe", "north america", ...)."""
    return _geographies()


def scope_near(geos: list[Term], segs: list[Term], lo: int, hi: int, q: Quantity) -> str | None:
    """Geography wins over segment, except a segment word right after the figure ("6 EH/s installed").
    `geos`/`segs` are the sentence's scope terms; only those inside [lo, hi) count."""
    segments = [t for t in segs if t.start >= lo and t.end <= hi]
    right_after = [t for t in segments if 0 <= t.start - q.end <= 2]
    if right_after:
        return right_after[0].name
    for found in ([t for t in geos if t.start >= lo and t.end <= hi], segments):
        if found:
            return min(found, key=lambda t: abs(t.start - q.start)).name
    return None


def names_after(after: str) -> str | None:
    """Names right after a figure: "... of dilution from XYZ and ABC" -> "xyz and abc"."""
    m = _FROM_NAMES.match(after)
    first = m.group(1).split()[0] if m else ""
    if not m or first in _not_scope() or first.lower() in _not_product():
        return None
    return m.group(1).lower()


def acronym_before(text: str, term: Term | None) -> str | None:
    """An acronym just before the metric's words: "XYZ sales" -> "xyz"."""
    if term is None:
        return None
    m = _ACRONYM_BEFORE.search(text[max(0, term.start - 12):term.start])
    return m.group(1).lower() if m and m.group(1) not in _not_scope() else None


@cache
def _acronym_head() -> re.Pattern[str]:
    words = load("scopes").get("line_heads", {}).get("words")
    if not (isinstance(words, list) and words and all(isinstance(w, str) and w == w.lower() for w in words)):
        raise LexiconError("scopes.toml: [line_heads] words must be a non-empty list of lower-case words")
    return re.compile(rf"\b([A-Z][A-Z0-9]{{1,5}})(?:'s)?\s+(?:{phrase_pattern(words)})(?![\w-])")


def acronym_of_head(text: str, lo: int, end: int, metrics: list[Term]) -> str | None:
    """An acronym before a noun of performance (scopes.toml [line_heads]) earlier in the figure's clause names its
    line when the metric's own words name none: "we expect RX profitability to add about $300 million of
    operating income" is about "rx". An acronym that is itself a metric ("EBIT margin") names none."""
    for m in reversed(list(_acronym_head().finditer(text, lo, end))):
        if m.group(1) in _not_scope() or any(t.start <= m.start(1) < t.end for t in metrics):
            continue
        return m.group(1).lower()
    return None


def excluded_after(text: str, term: Term | None) -> str | None:
    """What a metric leaves out, said right after it (patterns.toml exclusion_after): "revenue ex fuel of about $4
    billion" -> "ex fuel", "operating expenses excluding litigation of $2 billion" -> "ex litigation". The name
    stops where a line's name stops (scopes.toml [modifier] stop words, a digit, punctuation)."""
    if term is None:
        return None
    m = pattern("exclusion_after").match(text[term.end:term.end + 20])
    if m is None:
        return None
    stop, most = _modifier_rules()
    words: list[str] = []
    pos = term.end + m.end()
    for w in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        if text[pos:w.start()].strip() or w.group(0).endswith(".") and words:
            break
        word = w.group(0).lower().rstrip(".")
        if any(c.isdigit() for c in word) or word in stop:
            break
        words.append(word)
        pos = w.end()
        if len(words) >= most:
            break
    return "ex " + " ".join(words) if words else None


def leaves_out(scope: str | None) -> bool:
    """A scope that names what a measure leaves out ("ex mining", "europe ex fuel"; `excluded_after`)."""
    return bool(scope) and (scope.startswith("ex ") or " ex " in scope)


@cache
def _exclusion_gate() -> re.Pattern[str]:
    """The words that open an exclusion (the first slot of patterns.toml exclusion_before), anywhere in a text."""
    words = load("patterns")["exclusion_before"]["slots"][0]["words"]
    return re.compile(rf"(?<![\w-])(?:{phrase_pattern(words)})(?![\w-])", re.I)


def mentions_exclusion(text: str) -> bool:
    """Whether `text` says anything is left out at all: most sentences do not, and need no `excluded` test."""
    return _exclusion_gate().search(text) is not None


def excluded(text: str, term: Term) -> bool:
    """A metric named inside what is left out ("Excluding divested bakery sales, we see ..."; patterns.toml
    exclusion_before) is not what the sentence measures."""
    base = max(0, term.start - 80)
    m = pattern("exclusion_before").search(text[base:term.start])
    if m is None:
        return False
    # fronted or set off ("Excluding X sales, ...", "..., excluding X sales, ...") or closed by the clause's end;
    # "advertising ex TAC revenue growth" still measures revenue
    fronted = not text[:base + m.start()].strip() or text[:base + m.start()].rstrip().endswith((",", ";", "("))
    return fronted or not text[term.end:].strip() or text[term.end:].lstrip()[:1] in ",;.)"


def product_scope(text: str) -> str | None:
    """A product or program name in the sentence ("X200", "Model 9", "Gen 4"), used as a milestone's scope."""
    for m in _PRODUCT.finditer(text):
        name = m.group(1)
        if not _PERIOD_TOKEN.fullmatch(name) and name.split()[0].lower() not in _not_product():
            return name
    return None
