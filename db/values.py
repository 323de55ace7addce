"""Reading the figures and periods a person types (CSV cells, `fls actual add` options)."""
from __future__ import annotations

import re
from datetime import date

from tracker.callinfo import parse_date
from tracker.errors import InputError, PeriodError
from tracker.model import FiscalCalendar, Period

_SCALE = {"": 1.0, "k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}
_VALUE = re.compile(r"^\s*(?P<neg>-)?\s*(?P<cur>\$)?\s*(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)\s*(?P<scale>[a-z]{0,2})\s*$",
                    re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_value(text: str) -> tuple[float, bool]:
    """"82.8M" -> 82_800_000.0; "$1.1B", "8.75", "1,234". Returns (value, had a $ sign)."""
    m = _VALUE.match(text or "")
    if not m or m["scale"].lower() not in _SCALE:
        raise InputError(f"not a number: {text!r} (write e.g. 82.8M, 1.1B, $100.2M, 8.75)")
    value = float(m["num"].replace(",", "")) * _SCALE[m["scale"].lower()]
    return (-value if m["neg"] else value), bool(m["cur"])


_RANGE = re.compile(r"^\s*(?P<low>[^-–\s][^-–]*?)\s*[-–]\s*(?P<high>[^-–\s].*?)\s*$")


def parse_range(text: str) -> tuple[float, float | None, bool]:
    """A figure or a range of two: "12.1" -> (12.1, None), "11.97-12.17" -> (11.97, 12.17), "$2.0B-$2.25B"
    (a dash between two figures; "-2.0B" alone is one negative figure). Returns (low, high, had a $ sign); a
    range whose ends are reversed is an InputError."""
    m = _RANGE.match(text or "")
    if m is None:
        value, dollar = parse_value(text)
        return value, None, dollar
    (low, d1), (high, d2) = parse_value(m["low"]), parse_value(m["high"])
    if low > high:
        raise InputError(f"range {text.strip()!r} runs backwards: write the low end first")
    return low, high, d1 or d2


BASES = ("gaap", "non_gaap", "adjusted")


def parse_basis(text: str | None) -> str | None:
    """The accounting basis a person typed: "GAAP", "non-GAAP" / "non gaap" / "non_gaap", "adjusted"; empty is
    None (not stated). Anything else is an InputError: a typo must not silently become "not stated"."""
    key = re.sub(r"[\s\-]+", "_", (text or "").strip().lower())
    if not key:
        return None
    if key not in BASES:
        raise InputError(f"unknown basis {text.strip()!r}: use gaap, non_gaap or adjusted (or leave it empty)")
    return key


def as_of_period(day: date) -> Period:
    """An as-of figure: a period of one day, labelled by the ISO date."""
    return Period(label=day.isoformat(), start=day, end=day)


def resolve_period(label_or_asof: str, calendar: FiscalCalendar) -> Period:
    """A period label (2025-Q1, FY2025-Q1, 2025-H1, 2025-FY) in the company's fiscal calendar
    (`db.companies.calendar_of`), or an as-of date YYYY-MM-DD."""
    text = (label_or_asof or "").strip()
    if not text:
        raise InputError("no period: give a period label (e.g. 2025-Q1) or an as-of date (YYYY-MM-DD)")
    if _ISO_DATE.match(text):
        return as_of_period(parse_date(text, "as-of date"))
    from tracker.periods import period_from_label

    try:
        return period_from_label(text, calendar)
    except (PeriodError, ValueError) as exc:
        raise InputError(f"bad period {text!r}: {exc}") from None
