"""Human-readable figures and promises for tables: "$82.8M", "10 EH/s", "$120.0M-$150.0M", "≥15 EH/s".

One implementation serves the CLI, the UI and the scorecards: the scoring package's formatter.
"""
from __future__ import annotations

from tracker.model import Comparator
from tracker.scoring.describe import describe_shape, shape_from
from tracker.scoring.units import format_value


def format_amount(value: float | None, unit: str | None) -> str:
    return "?" if value is None else format_value(value, unit)


def format_promise(low: float | None, high: float | None, unit: str | None,
                   comparator: Comparator | str | None) -> str:
    shape = shape_from(low, high, comparator)
    return "-" if shape is None else describe_shape(shape, unit)
