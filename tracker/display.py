"""Human-readable numbers: "$82.8M", "10 EH/s", "$120M-$150M", "≥15 EH/s"."""
from __future__ import annotations

from tracker.model import Comparator

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_COMPARATOR_SIGNS = {Comparator.APPROX: "~", Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤",
                     Comparator.LT: "<"}


def _trim(x: float, digits: int = 2) -> str:
    text = f"{x:,.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def format_amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return "?"
    if unit in _SYMBOLS or (unit and len(unit) == 3 and unit.isupper() and unit not in ("BTC",)):
        sign = "-" if value < 0 else ""
        v = abs(value)
        symbol = _SYMBOLS.get(unit, unit + " ")
        for scale, suffix in _SCALES:
            if v >= scale:
                return f"{sign}{symbol}{_trim(v / scale, 2)}{suffix}"
        return f"{sign}{symbol}{_trim(v, 2)}"
    if unit and "/" in unit and unit.split("/")[0] in _SYMBOLS:
        return f"{_SYMBOLS[unit.split('/')[0]]}{_trim(value, 2)}/{unit.split('/', 1)[1]}"
    if unit == "%":
        return f"{_trim(value, 2)}%"
    if unit == "x":
        return f"{_trim(value, 2)}x"
    return f"{_trim(value, 2)} {unit}" if unit else _trim(value, 2)


def format_promise(low: float | None, high: float | None, unit: str | None,
                   comparator: Comparator | str | None) -> str:
    comp = Comparator(comparator) if comparator else None
    if low is None and high is None:
        return "-"
    if low is not None and high is not None and low != high:
        return f"{format_amount(low, unit)} to {format_amount(high, unit)}"
    value = low if low is not None else high
    return _COMPARATOR_SIGNS.get(comp, "") + format_amount(value, unit)
