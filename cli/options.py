"""Checks on option values that every command shares and that need no database (so `fls extract` stays light)."""
from __future__ import annotations

import re

from tracker.errors import InputError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def text_option(value: str | None, name: str, *, is_date: bool = False) -> str | None:
    """An optional text option, stripped: None stays None, but an empty one (`--call-date ''`) is an error
    rather than silently the same as leaving the option out. With `is_date` it must be YYYY-MM-DD."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise InputError(f"{name} is empty: give a value or leave the option out")
    if is_date and not _ISO_DATE.fullmatch(value):
        raise InputError(f"bad {name.lstrip('-').replace('-', ' ')} {value!r}: use YYYY-MM-DD")
    return value


def period_option(value: str | None, name: str = "--period") -> str | None:
    """A period label to filter on (2025-Q2, FY2025-Q1, 2025-H1, 2025-FY, 2025-05, 2025-02-28): one that could
    never match ("Q7", "last year") is an error, not an empty list that looks like "no such claims"."""
    value = text_option(value, name)
    if value is None:
        return None
    from datetime import date

    from tracker.fiscal import calendar_from, period_from_label

    try:
        period_from_label(value, calendar_from("12-31", anchor=date.today()))
    except InputError as exc:
        raise InputError(f"bad {name}: {exc}") from None
    return value
