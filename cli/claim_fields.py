"""The claim fields `fls claim edit` and `fls claim add` take, as click options (one definition for both)."""
from __future__ import annotations

from collections.abc import Callable

import click

FIELD_HELP = {
    "metric": "What is measured: a metric the lexicon knows (revenue, gross margin) or your own words.",
    "scope": "The segment or product line; none: company-wide.",
    "period": "The period promised, a label in the company's calendar: 2025-Q3, FY2026-Q1, 2025-H2, 2025-FY.",
    "deadline": "YYYY-MM-DD the promise is due (default: the period's end).",
    "low": "The low end of the figure promised: 220M, $1.1B, 31, -2.0B for a loss.",
    "high": "The high end of the figure promised (the same as --low for one figure).",
    "unit": "USD, %, EH/s, units, stores ...",
    "basis": "gaap, non_gaap or adjusted; none: not stated.",
}


def field_options(func: Callable) -> Callable:
    """--metric, --scope, --period, --deadline, --low, --high, --unit, --basis, passed as `fields` (a dict of
    the texts given; an option left out is None)."""
    for name in reversed(tuple(FIELD_HELP)):
        func = click.option(f"--{name}", f"field_{name}", default=None, help=FIELD_HELP[name])(func)
    return func


def given_fields(kwargs: dict) -> dict[str, str | None]:
    """The field options out of a command's keyword arguments, by field name."""
    return {name: kwargs.pop(f"field_{name}") for name in FIELD_HELP}
