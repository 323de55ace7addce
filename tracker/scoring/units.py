"""Unit families, conversion between units of one family, and compact display of values.

Only units that can be converted safely are converted: hash rates by their SI prefix. Money is compared
only in the same currency, counts of things (vehicles, units, deliveries, subscribers: units.toml
[nouns.count]) with each other, and any other unit only against itself (case and spacing aside).
"""
from __future__ import annotations

import re

_SI = {"": 1.0, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18, "Z": 1e21}
_HASHRATE = re.compile(r"^([kmgtpez]?)h/s$", re.IGNORECASE)

# normalised unit -> (currency code, display symbol)
_CURRENCIES = {
    "usd": ("usd", "$"), "$": ("usd", "$"), "us$": ("usd", "$"), "dollar": ("usd", "$"), "dollars": ("usd", "$"),
    "eur": ("eur", "€"), "€": ("eur", "€"), "gbp": ("gbp", "£"), "£": ("gbp", "£"),
    "jpy": ("jpy", "¥"), "cny": ("cny", "CN¥"), "rmb": ("cny", "CN¥"),
}
_PERCENT = {"%", "percent", "pct", "per cent"}


def _norm(unit: str) -> str:
    return " ".join(unit.split()).casefold()


def comparison_family(unit: str | None) -> tuple[str | None, float]:
    """(family, scale to the family's base unit) for comparing two units: "EH/s" -> ("hashrate", 1e18),
    "$" -> ("money:usd", 1.0). Finer than `tracker.units.unit_family` (money splits by currency, an unknown unit
    is its own family). None: no unit, compatible with anything."""
    if unit is None or not unit.strip():
        return None, 1.0
    n = _norm(unit)
    m = _HASHRATE.match(n)
    if m:
        return "hashrate", _SI[m.group(1).upper()]
    if n in _CURRENCIES:
        return "money:" + _CURRENCIES[n][0], 1.0
    if n in _PERCENT:
        return "percent", 1.0
    if _is_count(unit):
        # "50,000 vehicles" promised, "49,200 deliveries" reported: counts of things compare as counts
        return "count", 1.0
    return "unit:" + n, 1.0


def _is_count(unit: str) -> bool:
    """A count noun of units.toml [nouns.count] (vehicles, units, deliveries, subscribers, stores ...)."""
    from tracker.units import unit_family

    return unit_family(unit.strip()) == "count"


def is_money(unit: str | None) -> bool:
    """A currency amount ("USD", "$"), not a price per unit or a percentage."""
    family, _ = comparison_family(unit)
    return family is not None and family.startswith("money:")


def convert(value: float, from_unit: str | None, to_unit: str | None) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`; None when the two are of different families."""
    fam_a, scale_a = comparison_family(from_unit)
    fam_b, scale_b = comparison_family(to_unit)
    if fam_a is None or fam_b is None:
        return value
    if fam_a != fam_b:
        return None
    return value * scale_a / scale_b


def number(value: float) -> str:
    """A plain number with at most two decimals and no trailing zeros: 15, 8.75, 1,200."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def money(value: float, symbol: str = "$") -> str:
    """$82.8M, $1.85B, $8.10: millions and up with one or two decimals, small amounts (prices) with two."""
    sign = "-" if value < 0 else ""
    v = abs(value)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= size:
            text = f"{v / size:.2f}"
            return f"{sign}{symbol}{text[:-1] if text.endswith('0') else text}{suffix}"   # $1.85B, $82.8M
    return f"{sign}{symbol}{v:.2f}"


def format_value(value: float, unit: str | None) -> str:
    """The one way fls shows a figure: $82.8M, $8.10, $10.50/TH, 8.75 EH/s, 42.5%, 1,200 stores."""
    if unit is None or not unit.strip():
        return number(value)
    n = _norm(unit)
    if n in _CURRENCIES:
        return money(value, _CURRENCIES[n][1])
    per = n.split("/", 1)
    if len(per) == 2 and per[0] in _CURRENCIES and per[1]:
        return f"{money(value, _CURRENCIES[per[0]][1])}/{unit.split('/', 1)[1].strip()}"   # a price per unit
    if n in _PERCENT:
        return f"{number(value)}%"
    return f"{number(value)} {unit.strip()}"
