"""Named days as deadlines: "hiring up to 20,000 people by Labor Day", "open in time for Thanksgiving".

A holiday is a day of the year, fixed ("christmas" = December 25) or moving ("labor day" = the first Monday of
September, "memorial day" = the last Monday of May, "black friday" = the day after the fourth Thursday of
November). The table is data, `periods.toml [holidays]`, checked when loaded:

    "labor day" = { month = 9, weekday = "monday", nth = 1 }
    christmas = { month = 12, day = 25 }
    "black friday" = { month = 11, weekday = "thursday", nth = 4, days_after = 1 }

`nth` counts from the start of the month (1..5) or, negative, from its end (-1 is the last).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tracker.vocab import lexicon
from tracker.errors import LexiconError

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KEYS = {"month", "day", "weekday", "nth", "days_after"}


@dataclass(frozen=True)
class Holiday:
    month: int
    day: int | None = None          # a fixed day of the month
    weekday: int | None = None      # 0 = Monday: with nth, a moving day
    nth: int = 1
    days_after: int = 0

    def in_year(self, year: int) -> date:
        """The holiday's date in `year`."""
        if self.day is not None:
            base = date(year, self.month, self.day)
        else:
            last = calendar.monthrange(year, self.month)[1]
            days = [d for d in range(1, last + 1) if date(year, self.month, d).weekday() == self.weekday]
            base = date(year, self.month, days[self.nth - 1 if self.nth > 0 else self.nth])
        return base + timedelta(days=self.days_after)


def _fail(name: str, why: str) -> LexiconError:
    return LexiconError(f"periods.toml [holidays] {name!r}: {why}")


def _int(name: str, spec: dict, key: str, low: int, high: int, default: int | None = None) -> int | None:
    value = spec.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _fail(name, f"{key} must be a whole number from {low} to {high}")
    return value


def parse_holidays(raw: object) -> dict[str, Holiday]:
    """Validate periods.toml [holidays]: lower-case names, each a fixed day or an nth weekday of a month."""
    if not isinstance(raw, dict) or not raw:
        raise LexiconError("periods.toml [holidays] must be a non-empty table")
    out: dict[str, Holiday] = {}
    for name, spec in raw.items():
        if name != name.lower() or not name.strip() or "  " in name:
            raise _fail(name, "names are lower-case words")
        if not isinstance(spec, dict) or set(spec) - _KEYS or "month" not in spec:
            raise _fail(name, f"expected a table of {sorted(_KEYS)} with a month")
        month = _int(name, spec, "month", 1, 12)
        day = _int(name, spec, "day", 1, 31)
        weekday = spec.get("weekday")
        if (day is None) == (weekday is None):
            raise _fail(name, "give either a day or a weekday (with nth)")
        if weekday is not None and weekday not in _WEEKDAYS:
            raise _fail(name, f"weekday must be one of {', '.join(_WEEKDAYS)}")
        nth = _int(name, spec, "nth", -5, 5, 1)
        if nth == 0 or day is not None and "nth" in spec:
            raise _fail(name, "nth counts weekdays from 1 (or from the end, -1): only with a weekday")
        if day is not None and day > calendar.monthrange(2024, month)[1]:
            raise _fail(name, f"month {month} has no day {day}")
        holiday = Holiday(month, day, _WEEKDAYS.index(weekday) if weekday else None, nth,
                          _int(name, spec, "days_after", 0, 31, 0))
        if weekday is not None and abs(nth) > 4:
            raise _fail(name, "a fifth weekday is not in every month")
        out[name] = holiday
    return out


@cache
def holidays() -> dict[str, Holiday]:
    return parse_holidays(lexicon.load("periods").get("holidays"))


def next_holiday(name: str, on_or_after: date) -> date:
    """The first `name` falling on or after the given day ("by Labor Day" on an August call: this September's)."""
    rule = holidays()[name]
    this = rule.in_year(on_or_after.year)
    return this if this >= on_or_after else rule.in_year(on_or_after.year + 1)


def last_holiday(name: str, before: date) -> date | None:
    """The most recent `name` before the given day (a past-tense "over Memorial Day")."""
    rule = holidays()[name]
    this = rule.in_year(before.year)
    return this if this < before else rule.in_year(before.year - 1)
