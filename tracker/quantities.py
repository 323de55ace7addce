"""Find every quantity in a sentence: "$900 million to $1.1 billion", "approximately 10 EH/s", "mid-teens percent".

`find_quantities(text)` returns `Quantity` objects (tracker.model) in text order, non-overlapping, with scale
words applied and units canonical. It works in two passes: a scanner reads single amounts (a figure with its
currency, scale word, unit, per-unit and trailing comparator), then neighbouring amounts are joined into ranges
("X to Y", "between X and Y") or tolerance ranges ("X plus or minus Y"), and the cue words before each result
set its comparator. All vocabulary lives in tracker/data/units.toml.

Also re-exported here: `parse_number`, `unit_family`, `to_base`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tracker.vocab.lexicon import load
from tracker.model import Comparator, Quantity
from tracker.numbers import DIGITS, number_words, parse_number, parse_spelled, spelled_pattern, tidy
from tracker.vocab.phrase_regex import literal_pattern, phrase_pattern
from tracker.vocab.phrase_regex import norm as _norm
from tracker.units import tables, to_base, unit_family
from tracker.vocab.regex_cache import compile_cached
from tracker.fast_init import fast_init

__all__ = ["find_quantities", "parse_number", "unit_family", "to_base"]

# matched words are looked up many times over; their spellings are few
norm = lru_cache(maxsize=4096)(_norm)

_PRE_WINDOW = 60        # characters searched for cue words before a figure
_KEYPAD_WINDOW = 30     # "press star then one": how far back a keypad word makes a bare number a key


@dataclass(slots=True)
class _Amount:
    """One figure as read, before ranges are formed. `low`/`high` are as written (no scale, no factor)."""
    start: int
    end: int
    low: float
    high: float
    kind: str                      # "num" (digits), "words", "vague", "mult"
    scale: float | None = None
    unit: str | None = None
    factor: float = 1.0            # "bps" -> 0.01 "%", "cents" -> 0.01 "USD"
    after: Comparator | None = None
    year_like: bool = False

    def value(self, x: float) -> float:
        return tidy(x * (self.scale or 1.0) * self.factor)


@fast_init
@dataclass(frozen=True)
class _Pre:
    """Cue words just before an amount."""
    start: int                      # of all the cue words
    comparator: Comparator | None = None
    opener: str | None = None       # "between", "from", "in the range of"
    plus_minus: bool = False
    negative: bool = False
    cue_start: int = -1             # of the cue words that still count without a range ("from about 40%")
    flat: int = 0                   # -1 "flat to down 3%", +1 "flat to up 1%": a range with zero at one end


@dataclass(frozen=True)
class _Patterns:
    """Compiled once. Patterns of words run on the lower-cased text (case-insensitive matching is several times
    slower in `re`); `scale`, `unit`, `noun` and `per` run on the text as written because case matters there
    ("M" is a scale, "m" may be metres; "TH/s" is a unit, "th" an ordinal; a capital marks a product name)."""
    core: re.Pattern[str]
    scale: re.Pattern[str]
    unit: re.Pattern[str]
    noun: re.Pattern[str]
    per: re.Pattern[str]
    after: re.Pattern[str]
    pre: re.Pattern[str]
    pre_token: re.Pattern[str]
    join: re.Pattern[str]
    plus_minus: re.Pattern[str]
    plus_minus_token: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    label_before: re.Pattern[str]
    keypad_before: re.Pattern[str]
    clock_after: re.Pattern[str]
    year_cue_before: re.Pattern[str]
    scale_words: dict[str, float]
    scale_abbr: dict[str, float]
    currency_only: frozenset[str]
    positions: dict[str, str]
    bands: dict[str, dict[str, tuple[float, float]]]
    decades: dict[str, tuple[float, float]]
    decade_words: dict[str, float]
    multiples: dict[str, float]
    pre_roles: dict[str, tuple[str, ...]]
    after_roles: dict[str, Comparator]
    modifiers_max: int
    alone: dict[str, tuple[float, float, Comparator]]
    change_from: re.Pattern[str]
    respectively: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = load("units")
    t = tables()

    vague = data["vague"]
    positions = {norm(k): v for k, v in vague["positions"].items()}
    bands: dict[str, dict[str, tuple[float, float]]] = {}
    alone: dict[str, tuple[float, float, Comparator]] = {}
    for spec in vague["bands"].values():
        levels = {lv: (float(spec[lv][0]), float(spec[lv][1])) for lv in ("low", "mid", "high")}
        for w in spec["words"]:
            bands[norm(w)] = levels
            if "alone" in spec:
                alone[norm(w)] = (levels["low"][0], levels["high"][1], Comparator(spec["alone"]))
    decades = {lv: (float(vague["decades"][lv][0]), float(vague["decades"][lv][1])) for lv in ("low", "mid", "high")}
    decade_words = {norm(k): float(v) for k, v in vague["decades"]["words"].items()}
    decade_digits = [f"{d}0{s}" for d in range(1, 10) for s in ("s", "'s", "’s")]
    # "mid-30s", "low twenties", and a decade written as a percentage: "the mid-30% range"
    band_pattern = (rf"{phrase_pattern([*bands, *decade_words, *decade_digits])}"
                    rf"|[1-9]0(?=[ \t]?(?:%|percent|per cent))")
    pos_pattern = phrase_pattern(positions)
    vague_pattern = (rf"(?P<p1>{pos_pattern})(?:[\s-]+(?:to|or|and)[\s-]+(?P<p2>{pos_pattern}))?"
                     rf"[\s-]*(?P<band>{band_pattern})")
    zero_pattern = phrase_pattern(data["zero"]["words"])

    mult = data["multiples"]
    multiples = {norm(k): float(v) for k, v in mult["words"].items()}
    currency = phrase_pattern(t.currency_before, guard=False)
    core = compile_cached(
        rf"(?<![\w.])(?:(?:(?P<cur>{currency})[ \t]?)?(?P<num>{DIGITS})"
        rf"|(?P<vague>{vague_pattern})"
        rf"|(?P<mult>{phrase_pattern(multiples)})(?![\s-]*digit)(?!-[a-z])"
        rf"|(?P<zero>{zero_pattern})"
        rf"|(?P<alone>{phrase_pattern(alone)})"
        rf"|(?P<words>{spelled_pattern()}))")

    sc = data["scales"]
    scale_words = {norm(k): float(v) for k, v in sc["words"].items()}
    scale_abbr = {k: float(v) for k, v in sc["abbreviations"].items()}
    attached = phrase_pattern(scale_abbr, fold=False)
    spaced = phrase_pattern(sc.get("spaced", []), fold=False)
    scale = compile_cached(rf"(?:[\s-]*(?P<w>(?i:{phrase_pattern(scale_words)}))|(?P<a>{attached})|[ \t](?P<sp>{spaced}))"
                       r"(?![A-Za-z0-9])")

    symbols = phrase_pattern(t.symbols, fold=False)
    unit = compile_cached(rf"(?:\s*|-)(?:(?P<sym>{symbols})|(?P<word>(?i:{phrase_pattern(t.words)})))")
    mods = data.get("count_modifiers", {})
    mod_max = int(mods.get("max", 2))
    noun = compile_cached(
        rf"(?P<mods>(?:[\s-]+(?:(?i:{phrase_pattern(mods.get('words', []))})|[A-Z][\w&'.]*|[a-z]{{1,3}}[A-Z][\w&'.]*)){{0,{mod_max}}}?)"
        # a count noun joined on by a hyphen is the first word of a compound, not what is counted: "30
        # store-in-store formats" counts formats
        rf"[\s-]+(?P<noun>(?i:{phrase_pattern(t.nouns)}))(?!-\w)")
    per_sym = phrase_pattern(t.per_symbols, fold=False)
    per_word = phrase_pattern(t.per_words)
    per = compile_cached(rf"(?:\s*/\s*|[\s-]+(?i:per|a|an|each)[\s-]+)(?:(?P<sym>{per_sym})|(?P<word>(?i:{per_word})))")

    cmp_before = data["comparators"]["before"]
    cmp_after = data["comparators"]["after"]
    rng = data["ranges"]
    pre_roles: dict[str, tuple[str, ...]] = {}
    for kind, words in cmp_before.items():
        for w in words:
            pre_roles[norm(w)] = pre_roles.get(norm(w), ()) + (kind,)
    for w in rng["openers"]:
        pre_roles[norm(w)] = pre_roles.get(norm(w), ()) + ("open",)
    for w in rng["negative"]:
        pre_roles[norm(w)] = pre_roles.get(norm(w), ()) + ("neg",)
    for w in rng["fillers"]:
        pre_roles[norm(w)] = pre_roles.get(norm(w), ()) + ("filler",)
    for role in ("flat_down", "flat_up"):
        for w in rng[role]:
            pre_roles[norm(w)] = pre_roles.get(norm(w), ()) + (role,)
    pm_literal = literal_pattern(rng["plus_minus"])
    pre_token = rf"(?:{pm_literal}|{phrase_pattern(pre_roles)})"
    # cue words are matched backwards from the figure on the reversed text: a match, not a search
    pre_reversed = (rf"(?:{literal_pattern(w[::-1] for w in rng['plus_minus'])}"
                    rf"|{phrase_pattern(k[::-1] for k in pre_roles)})")
    pre = compile_cached(rf"(?:[\s-]*{pre_reversed})+(?![0-9a-z])")
    after_roles = {norm(w): Comparator(kind) for kind, words in cmp_after.items() for w in words
                   if w not in ("+", "plus")}
    after = compile_cached(
        rf"(?:\s*|-)(?P<c>{phrase_pattern(after_roles)}|\+(?![\s/]*[-−\d])|plus(?=\s*(?:[,.;:)]|$)))")

    joins = [j for j in rng["joins"] if norm(j)]
    join = compile_cached(rf"\s*(?:(?P<j>{phrase_pattern(joins)})|-)\s*")
    plus_minus = compile_cached(rf"\s*[,(]?\s*{pm_literal}\s*")

    nq = data["not_quantities"]
    months = phrase_pattern(nq["months"])
    month_before = compile_cached(rf"(?<![a-z]){months}\.?,?\s+(?:the\s+)?$")
    month_after = compile_cached(rf"(?:st|nd|rd|th)?,?\s+(?:of\s+)?{months}")
    label_before = compile_cached(rf"(?<![a-z]){phrase_pattern(nq['labels'])}\.?\s*$")
    keypad_before = compile_cached(rf"(?<![a-z]){phrase_pattern(nq['keypad'])}[^.!?\d]*$|\*\s*$")
    clock_after = compile_cached(rf"\s*{phrase_pattern(nq['clock'])}")
    year_cue_before = compile_cached(rf"(?<![a-z]){phrase_pattern(nq['year_cues'])}\s+$")

    return _Patterns(
        core=core, scale=scale, unit=unit, noun=noun, per=per, after=after, pre=pre,
        pre_token=compile_cached(pre_token), join=join, plus_minus=plus_minus,
        plus_minus_token=compile_cached(pm_literal), month_before=month_before,
        month_after=month_after, label_before=label_before, keypad_before=keypad_before,
        clock_after=clock_after, year_cue_before=year_cue_before, scale_words=scale_words,
        scale_abbr=scale_abbr, currency_only=frozenset(sc.get("currency_only", [])), positions=positions,
        bands=bands, decades=decades, decade_words=decade_words, multiples=multiples, pre_roles=pre_roles,
        after_roles=after_roles, modifiers_max=mod_max, alone=alone,
        change_from=compile_cached(rf"(?<![a-z]){phrase_pattern(rng['change_from'])}[^.;:,\d]{{0,50}}$"),
        respectively=compile_cached(rf"\s*,?\s*{phrase_pattern(rng['respectively'])}\s*,?\s*{pm_literal}\s*"))


# --- pass 1: single amounts ----------------------------------------------------------------------------


def _vague(m: re.Match[str], p: _Patterns) -> tuple[float, float]:
    first = p.positions[norm(m.group("p1"))]
    last = p.positions[norm(m.group("p2"))] if m.group("p2") else first
    band = norm(m.group("band"))
    if band in p.bands:
        return p.bands[band][first][0], p.bands[band][last][1]
    base = p.decade_words.get(band)
    if base is None:
        base = float(band[:2])      # "30s", "30's"
    return base + p.decades[first][0], base + p.decades[last][1]


def _read(text: str, low: str, m: re.Match[str], p: _Patterns) -> _Amount | None:
    """The amount starting with core match `m`, extended over scale, unit, per-unit and trailing comparator."""
    t = tables()
    if m.group("vague") is not None:
        bottom, top = _vague(m, p)
        a = _Amount(m.start(), m.end(), bottom, top, "vague")
        um = p.unit.match(text, a.end)
        if um and um.group("word") is not None:
            uw = t.words[norm(um.group("word"))]
            a.unit, a.factor, a.end = uw.unit, uw.factor, um.end()
        return a
    if m.group("mult") is not None:
        v = p.multiples[norm(m.group("mult"))]
        return _Amount(m.start(), m.end(), v, v, "mult", unit="x")
    if m.group("alone") is not None:
        # a band with no position word: "double-digit growth" is at least 10, "single-digit" 1 to 9
        bottom, top, how = p.alone[norm(m.group("alone"))]
        a = _Amount(m.start(), m.end(), bottom, bottom if how is Comparator.GE else top, "vague")
        a.after = how if how is not Comparator.RANGE else None
        um = p.unit.match(text, a.end)
        if um and um.group("word") is not None:
            uw = tables().words[norm(um.group("word"))]
            a.unit, a.factor, a.end = uw.unit, uw.factor, um.end()
        return a
    if m.group("zero") is not None:
        return _Amount(m.start(), m.end(), 0.0, 0.0, "zero")

    cur = None
    if m.group("num") is not None:
        digits = m.group("num")
        v = float(digits.replace(",", ""))
        a = _Amount(m.start(), m.end(), v, v, "num")
        a.year_like = len(digits) == 4 and digits.isdigit() and 1900 <= v <= 2100
        if m.group("cur"):
            cur = t.currency_before[norm(m.group("cur"))]
    else:
        words = m.group("words")
        v = parse_spelled(words)
        if v is None:
            return None
        a = _Amount(m.start(), m.end(), v, v, "words")
        if any(w in p.scale_words for w in norm(words).split()):
            a.scale = 1.0           # "one million": the scale is already in the value

    pos = a.end
    sm = p.scale.match(text, pos)
    if sm and a.scale is None:
        if sm.group("w"):
            a.scale, pos = p.scale_words[norm(sm.group("w"))], sm.end()
        else:
            abbr = sm.group("a") or sm.group("sp")
            if cur or abbr not in p.currency_only:
                a.scale, pos = p.scale_abbr[abbr], sm.end()
    if text.startswith("+", pos) and not p.plus_minus_token.match(text, pos):
        a.after, pos = Comparator.GE, pos + 1          # "10,000+ stores", "$5B+"

    um = p.unit.match(text, pos)
    if um:
        uw = t.symbols[um.group("sym")] if um.group("sym") is not None else t.words[norm(um.group("word"))]
        if cur is None:
            a.unit, a.factor, pos = uw.unit, uw.factor, um.end()
            if uw.family == "money":
                cur = uw.unit
        elif uw.family == "money":
            pos = um.end()                               # "$5 million USD"
    if a.unit is None and cur is None:
        nm = p.noun.match(text, pos)
        if nm and not (a.year_like and nm.group("mods")):
            a.unit, pos = t.nouns[norm(nm.group("noun"))].unit, nm.end()
    if cur is not None:
        a.unit = cur
        pm = p.per.match(text, pos)
        if pm:
            suffix = (t.per_symbols[pm.group("sym")] if pm.group("sym") is not None
                      else t.per_words[norm(pm.group("word"))])
            a.unit = f"{cur}/{suffix}" if suffix else cur
            pos = pm.end()
    am = p.after.match(low, pos)
    if am:
        c = am.group("c")
        a.after = Comparator.GE if c in ("+", "plus") else p.after_roles[norm(c)]
        pos = am.end()
    a.end = pos
    return a


def _is_noise(text: str, low: str, a: _Amount, prev_end: int, p: _Patterns) -> bool:
    """Years, dates, clock times, codes ("X200", "10-K", "5G"), labels ("Phase 2") and telephone keys."""
    if a.kind not in ("num", "words"):
        return False
    s, e = a.start, a.end
    before = text[s - 1] if s else ""
    if before == "-" and s >= 2 and text[s - 2].isalnum() and prev_end != s - 1:
        word = re.search(r"([A-Za-z]+)$", text[max(0, s - 12):s - 1])
        if not (word and "lt" in p.pre_roles.get(norm(word.group(1)), ())):
            return True                     # "COVID-19", "10b5-1"; "sub-10%" is a comparator
    if a.year_like and a.scale is None and (a.unit is None or p.year_cue_before.search(low, max(0, s - 15), s)):
        return True
    if a.unit is not None or a.scale is not None:
        return False
    after = text[e] if e < len(text) else ""
    if after.isalnum() or after == "_":
        return True                         # "5G", "3nm", "1st", "3Q"
    if after == "-" and e + 1 < len(text) and text[e + 1].isalpha():
        return True                         # "10-K", "20-F", "one-time"
    if after in "/:" and after and e + 1 < len(text) and text[e + 1].isdigit():
        return True                         # "24/7", "3/31", "9:00"
    if before in "/:'’" and before and (before in "'’" or (s >= 2 and text[s - 2].isdigit())):
        return True                         # "3/31", "9:30", "'25"
    if a.kind == "words" and norm(text[s:e]) in number_words().not_alone:
        return True                         # "one of our customers"
    lo = max(prev_end, s - 25)
    if p.clock_after.match(low, e) or p.month_after.match(low, e) or p.month_before.search(low, lo, s):
        return True
    if p.label_before.search(low, lo, s) or _after_a_name(text, s):
        return True
    return bool(p.keypad_before.search(low, max(prev_end, s - _KEYPAD_WINDOW), s))


_LAST_WORD = compile_cached(r"(?<![\w'’-])([A-Za-z][\w'’-]*)\s+$")
_NAME = compile_cached(r"[A-Z]|[a-z]+[A-Z]")


def _after_a_name(text: str, s: int) -> bool:
    """A bare number right after a capitalised word inside a sentence names a product or version: "Zephyr 3",
    "Windows 11". The sentence's first word ("Only 5 remain") and "I" do not count."""
    m = _LAST_WORD.search(text, max(0, s - 30), s)
    if m is None or not _NAME.match(m.group(1)) or m.group(1) == "I":
        return False
    head = text[:m.start()].rstrip()
    return bool(head) and head[-1] not in ".!?:;\"“(—–-"


def _scan(text: str, low: str, p: _Patterns) -> list[_Amount]:
    found: list[_Amount] = []
    pos, prev_end = 0, -1
    while True:
        m = p.core.search(low, pos)
        if m is None:
            return found
        a = _read(text, low, m, p)
        if a is None or _is_noise(text, low, a, prev_end, p):
            pos = m.end()
            continue
        found.append(a)
        pos = prev_end = a.end


# --- pass 2: ranges, tolerances and comparators --------------------------------------------------------


def _pre(low: str, rev: str, lo: int, hi: int, p: _Patterns) -> _Pre:
    """Cue words ending right at `hi`, not reaching before `lo`. `rev` is `low` reversed."""
    n = len(low)
    m = p.pre.match(rev, n - hi, n - lo)
    if m is None:
        return _Pre(hi)
    start = n - m.end()
    comparators: list[Comparator] = []
    opener = None
    pm = neg = False
    flat = 0
    cue_start = hi
    for tok in p.pre_token.finditer(low, start, hi):
        if p.plus_minus_token.fullmatch(tok.group()):
            pm, cue_start = True, min(cue_start, tok.start())
            continue
        key = norm(tok.group())
        for role in p.pre_roles.get(key, ()):
            if role == "open":
                opener = key
                continue
            if role == "filler":
                continue
            cue_start = min(cue_start, tok.start())
            if role == "neg":
                neg = True
            elif role in ("flat_down", "flat_up"):
                flat = -1 if role == "flat_down" else 1
            else:
                comparators.append(Comparator(role))
    # the more informative cue wins: "up to approximately" is LE
    firm = [c for c in comparators if c is not Comparator.APPROX]
    comparator = firm[-1] if firm else (comparators[-1] if comparators else None)
    return _Pre(start, comparator, opener, pm, neg, cue_start, flat)


def _join_units(a: _Amount, b: _Amount) -> str | None | bool:
    """The unit a range of a and b is in, or False when they cannot form one."""
    if a.unit == b.unit or b.unit is None:
        return a.unit
    if a.unit is None or b.unit.startswith(a.unit + "/"):
        return b.unit                       # "$0.30 to $0.35 per mile"
    return False


def _range(a: _Amount, b: _Amount) -> tuple[float, float, str | None] | None:
    unit = _join_units(a, b)
    if unit is False or "mult" in (a.kind, b.kind) and a.kind != b.kind and a.unit != b.unit:
        return None
    a_scale, b_scale = a.scale, b.scale
    if a_scale is None and b_scale is not None and a.kind == "num":
        a_scale = b_scale                   # "between $2.1 and $2.3 billion", "$125-145 million"
    elif b_scale is None and a_scale is not None and b.kind == "num":
        b_scale = a_scale
    a_factor = a.factor if a.unit is not None else b.factor
    b_factor = b.factor if b.unit is not None else a.factor
    low = tidy(a.low * (a_scale or 1.0) * a_factor)
    high = tidy(b.high * (b_scale or 1.0) * b_factor)
    if low > high:
        low, high = high, low
    return low, high, unit


def _tolerance(a: _Amount, b: _Amount) -> tuple[float, float] | None:
    """`a` plus or minus `b`: a percentage of a money figure is relative, of a percentage it is points."""
    if a.kind == "vague" or b.kind == "vague":
        return None
    center = a.value(a.low)
    if b.unit == "%" and a.unit != "%":
        delta = abs(center) * b.value(b.low) / 100.0
    elif b.unit is None or b.unit == a.unit or (a.unit or "").startswith(b.unit + "/"):
        scale = b.scale if b.scale is not None else a.scale
        factor = b.factor if b.unit is not None else a.factor
        delta = b.low * (scale or 1.0) * factor
    else:
        return None
    return tidy(center - delta), tidy(center + delta)


def _respectively(text: str, low: str, a: _Amount, b: _Amount, c: _Amount, p: _Patterns) -> list[Quantity]:
    """"45% and 30%, respectively, plus or minus 50 basis points": each listed figure with the tolerance."""
    if not re.fullmatch(r"\s*,?\s*(?:and\s+)?", low[a.end:b.start]) or not p.respectively.fullmatch(low[b.end:c.start]):
        return []
    out = []
    for x in (a, b):
        tol = _tolerance(x, c)
        if tol is None:
            return []
        out.append(Quantity(tol[0], tol[1], x.unit or c.unit, Comparator.RANGE, text[x.start:x.end], x.start, x.end))
    return out


def _minus_sign(text: str, a: _Amount) -> bool:
    """"-5%" at the start of a phrase (not the dash of "5-7%")."""
    s = a.start
    return s >= 1 and text[s - 1] in "-−" and (s == 1 or text[s - 2] in " \t\n(")


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _lower(text: str) -> str:
    """Lower case with every offset kept (str.lower() may lengthen a few non-ASCII letters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in one sentence, in text order, non-overlapping, longest match; offsets into `text`."""
    if not text:
        return []
    p = _patterns()
    lowered = _lower(text)
    amounts = _scan(text, lowered, p)
    if not amounts:
        return []
    reversed_ = lowered[::-1]
    out: list[Quantity] = []
    prev_end = 0
    i = 0
    while i < len(amounts):
        a = amounts[i]
        start = a.start - 1 if _minus_sign(text, a) else a.start
        sign = -1.0 if start < a.start else 1.0
        pre = _pre(lowered, reversed_, max(prev_end, start - _PRE_WINDOW), start, p)
        if pre.negative:
            sign = -sign
        if i + 2 < len(amounts) and a.low == a.high and amounts[i + 1].low == amounts[i + 1].high:
            listed = _respectively(text, lowered, a, amounts[i + 1], amounts[i + 2], p)
            if listed:
                out.extend(listed)
                prev_end, i = amounts[i + 2].end, i + 3
                continue
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            gap = lowered[a.end:b.start]
            j = p.join.fullmatch(gap)
            if j and (norm(j.group("j") or "") != "and" or (pre.opener or "").endswith("between")):
                r = _range(a, b)
                if r is not None:
                    low, high, unit = r
                    if sign < 0:
                        low = -low
                    q_start = pre.start if (pre.opener or pre.comparator) else start
                    if pre.opener == "from" and p.change_from.search(lowered, max(prev_end, pre.start - 60),
                                                                     pre.start):
                        # "raise the dividend from $1.15 to $1.25": a move to the second figure
                        top = tidy(b.high * (b.scale or a.scale or 1.0) * (b.factor if b.unit else a.factor))
                        out.append(Quantity(top, top, unit, Comparator.EQ, text[q_start:b.end], q_start, b.end))
                    else:
                        out.append(Quantity(min(low, high), max(low, high), unit, Comparator.RANGE,
                                            text[q_start:b.end], q_start, b.end))
                    prev_end, i = b.end, i + 2
                    continue
            if p.plus_minus.fullmatch(gap) and a.low == a.high:
                tol = _tolerance(a, b)
                if tol is not None:
                    low, high = tol
                    if sign < 0:
                        low, high = -high, -low
                    q_start = pre.cue_start if pre.comparator else start
                    out.append(Quantity(low, high, a.unit, Comparator.RANGE, text[q_start:b.end], q_start, b.end))
                    prev_end, i = b.end, i + 2
                    continue
        low, high = a.value(a.low), a.value(a.high)
        if sign < 0:
            low, high = -high, -low
        if pre.plus_minus:
            low, high, comparator = -abs(high), abs(high), Comparator.RANGE       # "±2%"
        elif pre.flat and low == high:
            low, high = (-abs(low), 0.0) if pre.flat < 0 else (0.0, abs(low))   # "flat to down 3%"
            comparator = Comparator.RANGE
        elif low != high:
            comparator = Comparator.RANGE                                           # "mid-teens"
        else:
            comparator = pre.comparator or a.after or Comparator.EQ
        q_start = pre.cue_start if (pre.comparator or pre.plus_minus or pre.negative or pre.flat) else start
        out.append(Quantity(low, high, a.unit, comparator, text[q_start:a.end], q_start, a.end))
        prev_end, i = a.end, i + 1
    return out
