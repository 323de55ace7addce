"""Units as data: the words that name them (from tracker/data/units.toml), their families and base units.

`unit_family("EH/s") == "hashrate"`, `to_base(10, "EH/s") == (1e19, "H/s")`. The word tables built here are
what `tracker.quantities` matches behind a figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.vocab.lexicon import load
from tracker.numbers import tidy
from tracker.vocab.phrase_regex import norm


@dataclass(frozen=True)
class UnitWord:
    """What a unit word means: the canonical unit, a factor for the figure ("bps" is 0.01 "%", "cents" 0.01
    "USD") and the unit's family."""
    unit: str
    factor: float
    family: str


@dataclass(frozen=True)
class UnitTables:
    words: dict[str, UnitWord]          # behind a figure, case-insensitive: "percent", "exahash", "dollars"
    symbols: dict[str, UnitWord]        # behind a figure, case as written: "EH/s", "MW", "kWh"
    nouns: dict[str, UnitWord]          # count nouns and physical units: "stores", "square feet", "months"
    per_words: dict[str, str]           # after money and "per": "share" -> "", "kilowatt hour" -> "kWh"
    per_symbols: dict[str, str]         # after money and "/": "TH" -> "TH", "kWh" -> "kWh"
    currency_before: dict[str, str]     # in front of a figure: "us$" -> "USD", "rmb" -> "RMB"
    families: dict[str, str]            # canonical unit -> family
    si_units: dict[str, tuple[float, str]]   # "EH/s" -> (1e18, "H/s")
    si_per: dict[str, tuple[float, str]]     # "TH" -> (1e12, "H")
    currencies: frozenset[str]


@cache
def tables() -> UnitTables:
    data = load("units")
    words: dict[str, UnitWord] = {}
    symbols: dict[str, UnitWord] = {}
    nouns: dict[str, UnitWord] = {}
    per_words: dict[str, str] = {}
    per_symbols: dict[str, str] = {}
    currency_before: dict[str, str] = {}
    families: dict[str, str] = {}
    si_units: dict[str, tuple[float, str]] = {}
    si_per: dict[str, tuple[float, str]] = {}

    for code, spec in data["currencies"].items():
        families[code] = "money"
        for w in spec.get("before", []):
            currency_before[norm(w)] = code
        for w in spec.get("after", []):
            words[norm(w)] = UnitWord(code, 1.0, "money")
    for w, spec in data.get("minor_currencies", {}).items():
        words[norm(w)] = UnitWord(spec["unit"], float(spec["factor"]), "money")

    for section in ("percent", "basis_points"):
        spec = data[section]
        families[spec["unit"]] = "percent"
        for w in spec["words"]:
            words[norm(w)] = UnitWord(spec["unit"], float(spec.get("factor", 1.0)), "percent")

    mult = data["multiples"]
    families[mult["unit"]] = mult["family"]
    for w in mult["after"]:
        words[norm(w)] = UnitWord(mult["unit"], 1.0, mult["family"])

    prefixes = data["si_prefixes"]
    for spec in data["prefixed"].values():
        fam, base, per = spec["family"], spec["unit"], spec["per"]
        families[base] = fam
        si_units[base] = (1.0, base)
        si_per[per] = (1.0, per)
        for w in spec["words"]:
            words[norm(w)] = UnitWord(base, 1.0, fam)
        for pword, p in prefixes.items():
            letter, factor = p["symbol"], float(p["factor"])
            unit, per_unit = letter + base, letter + per
            families[unit] = fam
            si_units[unit] = (factor, base)
            si_per[per_unit] = (factor, per)
            for w in spec["words"]:
                for phrase in (pword + w, f"{pword} {w}"):
                    words[norm(phrase)] = UnitWord(unit, 1.0, fam)
                    per_words[norm(phrase)] = per_unit
            letters = {letter, letter.upper()}
            for sym in spec["symbols"]:
                variants = {sym, sym.upper()} | ({sym.lower()} if len(sym) > 1 else set())
                for lt in letters:
                    for v in variants:
                        symbols[lt + v] = UnitWord(unit, 1.0, fam)
                        per_symbols[lt + v] = per_unit

    for fam, units in data.get("fixed", {}).items():
        for unit, ws in units.items():
            families[unit] = fam
            for w in ws:
                words[norm(w)] = UnitWord(unit, 1.0, fam)
    for code, ws in data.get("crypto", {}).items():
        families[code] = "crypto"
        for w in ws:
            words[norm(w)] = UnitWord(code, 1.0, "crypto")
    for fam, units in data.get("nouns", {}).items():
        for unit, ws in units.items():
            families[unit] = fam
            for w in ws:
                nouns[norm(w)] = UnitWord(unit, 1.0, fam)
    for suffix, ws in data.get("per_units", {}).items():
        for w in ws:
            per_words[norm(w)] = suffix

    return UnitTables(words=words, symbols=symbols, nouns=nouns, per_words=per_words, per_symbols=per_symbols,
                      currency_before=currency_before, families=families, si_units=si_units, si_per=si_per,
                      currencies=frozenset(data["currencies"]))


@cache
def _families_folded() -> dict[str, str]:
    return {unit.casefold(): fam for unit, fam in tables().families.items()}


def unit_family(unit: str | None) -> str | None:
    """The family of a canonical unit: "USD" -> "money", "EH/s" -> "hashrate", "%" -> "percent",
    "USD/TH" -> "price", "x" -> "ratio", "BTC" -> "crypto", "stores" -> "count". None if unknown or None."""
    if not unit:
        return None
    t = tables()
    fam = t.families.get(unit) or _families_folded().get(unit.casefold())
    if fam:
        return fam
    left, slash, _ = unit.partition("/")
    if slash and left in t.currencies:
        return "price"
    return None


def to_base(value: float, unit: str) -> tuple[float, str]:
    """`value` in `unit` restated in the unit's base: SI prefixes removed ("EH/s" 10 -> 1e19 "H/s"), prices per
    a prefixed unit restated per base unit ("USD/TH" -> "USD/H"). Other units are returned unchanged."""
    t = tables()
    if unit in t.si_units:
        factor, base = t.si_units[unit]
        return tidy(value * factor), base
    left, slash, right = unit.partition("/")
    if slash and left in t.currencies and right in t.si_per:
        factor, base = t.si_per[right]
        return tidy(value / factor), f"{left}/{base}"
    return value, unit
