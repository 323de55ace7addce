"""The noun phrase a figure is attached to, when that phrase is not a metric the lexicon knows.

An analyst reads a figure's metric off the words it is bound to, before a lexicon word further away:

- after the figure, with no link: "we completed 412 remodels" (remodels), "the $2.1 billion net gain on the sale"
  (net_gain), "about 85% project completion" (project_completion); after an amount, through a link: "$24 million
  in integration charges";
- before it, through a link and any filler words: "pension settlement costs of $90 million", "our annual
  retention was again 97%", "order frequency hit a record 5.1x";
- across a comma, through a relative or appositive link: "primarily from the revaluation of token holdings, which
  was a $40 million gain" (revaluation_of_token_holdings), "the largest bonus pool yet, totaling $90 million".

A lexicon term wins only when it stands in the figure's own clause and stretch ("cloud revenue was $5 billion")
or right after it ("$2 billion of revenue"): see `close_term`. Every word list is data
(metrics.toml [attached_phrase]); this module only decides where to look.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Quantity
from tracker.numbers import number_words
from tracker.vocab.patterns import pattern
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.units import unit_family
from tracker.vocab.finders import Term
from tracker.vocab.regex_cache import compile_cached

_WORD = compile_cached(r"[A-Za-z0-9][\w&'’/-]*[A-Za-z0-9]|[A-Za-z0-9]")
_CLAUSE_END = compile_cached(r"[,;:()—–]|\.\s")
_KEYS = {"links", "fillers", "joiners", "relative", "nouns", "stop", "weak", "money_links", "list_words",
         "no_count_before", "heads", "aside"}


@dataclass(frozen=True)
class _Vocab:
    no_count_before: re.Pattern[str]  # "these two actions": a number in words after these counts nothing reported
    money_link: re.Pattern[str]   # "$17 million in one-time charges": the phrase follows a link
    link_end: re.Pattern[str]     # a link and its fillers at the end of the text before a figure
    relative_end: re.Pattern[str]  # "which was a", "totaling": the phrase stands before the comma
    fillers: re.Pattern[str]
    joiners: frozenset[str]
    weak: frozenset[str]          # a kind of amount, not a metric: "a $40 million gain" names less than its antecedent
    aside: re.Pattern[str]        # ", which includes contractors,": a relative clause between subject and verb
    heads: frozenset[str]         # nouns that end like an adverb or a participle ("supply", "capital employed")
    list_words: frozenset[str]    # the words that join a listed subject: "cash, cash equivalents, and investments"
    nouns: frozenset[str]         # words the open-metric stop list holds as verbs that are nouns here ("spend")
    stop: frozenset[str]
    generic: frozenset[str]
    max_words: int


def _words(section: dict, key: str) -> list[str]:
    value = section.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"metrics.toml [attached_phrase] {key} must be a non-empty list of phrases")
    return value


def _fact_words() -> list[str]:
    """Verbs of fact end a phrase: "we booked net inflows of $7 billion" is net_inflows (cues.toml [fact])."""
    fact = load("cues")["fact"]
    return [w for w in (*fact["verbs"], *fact["counts"]) if " " not in w]


@cache
def _vocab() -> _Vocab:
    data = load("metrics")
    section = data.get("attached_phrase")
    if not isinstance(section, dict) or set(section) != _KEYS:
        given = set(section) if isinstance(section, dict) else set()
        raise LexiconError(f"metrics.toml [attached_phrase] must have exactly the keys {sorted(_KEYS)}; "
                           f"unknown {sorted(given - _KEYS)}, missing {sorted(_KEYS - given)}")
    open_ = data["open_metric"]
    links = phrase_pattern([*open_["links"], *_words(section, "links")])
    fillers = phrase_pattern(_words(section, "fillers"))
    tail = rf"(?:\s+(?:{fillers}))*\s*$"
    return _Vocab(
        link_end=compile_cached(rf"(?<![\w-])(?:{links}){tail}", re.I),
        no_count_before=compile_cached(rf"(?<![\w-])(?:{phrase_pattern(_words(section, 'no_count_before'))})\s+$", re.I),
        money_link=compile_cached(rf"^\s+(?:{phrase_pattern(_words(section, 'money_links'))})(?=\s)", re.I),
        relative_end=compile_cached(rf"^\s*(?:{phrase_pattern(_words(section, 'relative'))}){tail}", re.I),
        fillers=compile_cached(rf"^(?:{fillers})$", re.I),
        joiners=frozenset(w.casefold() for w in _words(section, "joiners")),
        nouns=frozenset(w.casefold() for w in _words(section, "nouns")),
        weak=frozenset(w.casefold() for w in _words(section, "weak")),
        list_words=frozenset(w.casefold() for w in _words(section, "list_words")),
        heads=frozenset(w.casefold() for w in _words(section, "heads")),
        aside=compile_cached(rf",\s*(?:{phrase_pattern(_words(section, 'aside'))})(?![\w-])", re.I),
        stop=frozenset(w.casefold() for w in [*open_["stop"], *_words(section, "stop"), *_fact_words()]),
        generic=frozenset(w.casefold() for w in open_["generic"]),
        max_words=int(open_["max_words"]) + 2)


def _stops(word: str, v: _Vocab) -> bool:
    key = word.casefold()
    if key in v.nouns:
        return False
    return key in v.stop or key.endswith(("'s", "’s")) or any(c.isdigit() for c in word) or key in _count_words()


@cache
def _count_words() -> frozenset[str]:
    """Number words that count ("the next five years") and never name what a figure measures (units.toml)."""
    nw = number_words()
    return frozenset(set(nw.small) - set(nw.not_alone))


def _phrase_before(span: str, v: _Vocab) -> list[str]:
    """The noun phrase ending `span`, read backwards; one joiner may bind two phrases ("gain on the sale of ...":
    "revaluation of token holdings")."""
    tokens = list(_WORD.finditer(span))
    picked: list[str] = []
    edge = len(span)
    joined = False
    for m in reversed(tokens):
        if span[m.end():edge].strip(" \t\n-"):
            break                                  # punctuation between words ends the phrase
        word = m.group()
        if word.casefold() in v.joiners and picked and not joined:
            joined = True
            picked.append(word)
            edge = m.start()
            continue
        if _stops(word, v):
            break
        picked.append(word)
        edge = m.start()
        if len(picked) >= v.max_words:
            break
    while picked and picked[-1].casefold() in v.joiners:
        picked.pop()                               # "of" with nothing before it joins nothing
    return list(reversed(picked))


def _phrase_after(span: str, v: _Vocab) -> list[str]:
    """The noun phrase starting `span`: content words up to a stop word or punctuation."""
    picked: list[str] = []
    edge = 0
    for m in _WORD.finditer(span):
        if span[edge:m.start()].strip(" \t\n-"):
            break
        if _stops(m.group(), v):
            break
        if picked and m.group()[:1].isupper() and not any(w[:1].isupper() for w in picked):
            break                                  # "$800 million in tariff costs Dana mentioned": a new clause
        picked.append(m.group())
        edge = m.end()
        if len(picked) >= v.max_words:
            break
    return picked


def has_noun(words: list[str]) -> bool:
    """False for a run of adverbs and participles only ("recently measured", "significantly"): no noun to name a
    figure by ("units shipped" has one)."""
    v = _vocab()
    return any(not w.casefold().endswith(("ly", "ed")) or w.casefold() in v.heads for w in words)


def _name(words: list[str], v: _Vocab) -> str | None:
    kept = list(words)
    while kept and kept[-1].casefold() in v.generic:
        kept.pop()
    while kept and kept[0].casefold() in v.generic:
        kept.pop(0)
    if not kept or all(w.casefold() in v.generic | v.joiners for w in kept):
        return None
    if not has_noun(kept):
        return None                                # "satisfaction was recently measured at 97%": no noun to name
    return re.sub(r"[^a-z0-9]+", "_", " ".join(kept).casefold().replace("&", " and ")).strip("_") or None


def _after(text: str, q: Quantity, hi: int, v: _Vocab) -> tuple[list[str], str | None] | None:
    """"412 remodels", "$2.1 billion net gain", "85% project completion": the words right after the figure."""
    family = unit_family(q.unit)
    if not (q.unit is None and not q.is_range or family in ("percent", "money")):
        return None
    if q.unit is None and not any(c.isdigit() for c in q.text) \
            and v.no_count_before.search(text[max(0, q.start - 12):q.start]):
        return None                                # "these two actions", "into three groups": not a count reported
    after = text[q.end:hi]
    if not after.startswith(" ") or pattern("change_after").match(after) or pattern("adverse_after").match(after):
        return None
    link = v.money_link.match(after) if family == "money" else None
    after = after[link.end():] if link else after
    words = _phrase_after(after, v)
    if link and len(words) < 2 and not (words and words[-1].casefold().endswith("s")):
        return None                                # "$189 million in wholesale": a scope, not a metric
    if not words or words[0].casefold() in v.generic:
        return None
    return words, (words[-1].casefold() if q.unit is None else None)


def _before(text: str, q: Quantity, lo: int, v: _Vocab) -> list[str] | None:
    """"pension settlement costs of $90 million", "our annual retention was again 97%", and across a comma
    "the revaluation of our token holdings, which was a $40 million gain"."""
    clause = text[lo:q.start]
    cut = max((c.end() for c in _CLAUSE_END.finditer(clause)), default=0)
    own = clause[cut:]
    link = v.link_end.search(own)
    words = _phrase_before(own[:link.start()], v) if link else []
    if words:
        return words
    if cut > 0 and clause[cut - 1] == "," and v.relative_end.match(own):
        return _phrase_before(clause[:cut - 1], v) or None     # "..., which was a $40 million gain"
    if link and cut > 0 and clause[cut - 1] == "," and not own[:link.start()].strip():
        # "our headcount, which includes contractors, stands at 19,300": the subject before the aside
        aside = [m for m in v.aside.finditer(clause, 0, cut - 1)]
        if aside and not _CLAUSE_END.search(clause, aside[-1].end(), cut - 1):
            return _phrase_before(clause[:aside[-1].start()], v) or None
    return None


@lru_cache(maxsize=512)
def attached_phrase(text: str, q: Quantity, lo: int, hi: int) -> tuple[tuple[str, ...], str | None] | None:
    """(words, count unit) of the open noun phrase figure `q` is bound to, or None; the caller names the words
    (basis words out, generic words off the end)."""
    v = _vocab()
    after = _after(text, q, hi, v)
    if after is not None and _name(after[0], v) not in v.weak | {None}:
        return tuple(after[0]), after[1]
    words = _before(text, q, lo, v)
    if not words or _name(words, v) in v.weak | {None}:
        return None                                # "for an all-in cost of $57 million": the cost of what came before
    return tuple(words), None


def close_term(term: Term, q: Quantity, lo: int, hi: int, text: str) -> bool:
    """A lexicon term that names the figure before any attached phrase: in the figure's stretch [lo, hi) and its
    clause ("cloud revenue for the quarter was $5 billion"), or right after it ("$2 billion revenue")."""
    if term.start < lo or term.end > hi:
        return False
    between = text[term.end:q.start] if term.end <= q.start else text[q.end:term.start]
    if term.start >= q.end:
        return not between.strip() or bool(pattern("of_after").match(between))
    v = _vocab()
    own = _after(text, q, hi, v) if q.unit is None and not q.is_range else None
    if own is not None and _name(own[0], v) not in v.weak | {None}:
        # "lease sales ... one of the largest lessees with over 240 leases": a bare count's own noun wins over a
        # lexicon word that is not linked to it ("stores were 16" is linked)
        link = v.link_end.search(between)
        return not (between[:link.start()] if link else between).strip()
    if not _CLAUSE_END.search(between):
        return True
    aside = v.aside.match(between)
    if aside:
        close = between.find(",", aside.end())
        rest = between[close + 1:] if close >= 0 else ""
        link = v.link_end.search(rest)
        if close >= 0 and link and not rest[:link.start()].strip():
            return True                 # "cruise expenses, excluding the charge, were $400 million"
    # "cash, cash equivalents, and short-term investments were $4 billion": the term heads a listed subject
    link = v.link_end.search(between)
    listed = between[:link.start()] if link else between
    if any(c in listed for c in ";:()—–") or ". " in listed:
        return False
    return all(w.casefold() in v.list_words or not _stops(w, v) for w in _WORD.findall(listed))
