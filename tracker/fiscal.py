"""Fiscal calendars: when a company's fiscal years, halves and quarters start and end, and how they are labelled.

Conventions (real ones):
- A year end within 7 days of Dec 31 (a 52/53-week year ending near the turn of the year) tracks the calendar
  year: periods get calendar labels ("2024-Q4") but their deadlines are the fiscal ends (e.g. Dec 28).
- Otherwise labels are fiscal ("FY2025-Q3"); fiscal year Y is named by the calendar year it ends in
  (label_by "end") or starts in (label_by "start"). Which one a company uses is given (option, metadata file,
  the company's stored calendar) or read from its call (tracker.fiscal_naming); failing both, a year ending in
  January (or in the first week of February, a 52/53-week year ending near Jan 31) is named by its start, as
  US retailers do ("fiscal 2025" = Feb 2025 - Jan 2026), and any other by its end.
- A year end on a month end gives quarters ending on month ends 3, 6, 9 and 12 months after the previous
  year end. Any other day is a 52/53-week calendar: quarter k ends 13*k weeks after the previous year end
  (k = 1..3) and Q4 on the year end itself, so a 53rd week falls in Q4.
- Where a 52/53-week year ends depends on which year the MM-DD was read from. Given an anchor date (the call
  date), the MM-DD of the fiscal year containing it fixes the weekday, and every year ends on that weekday:
  the last one of the month for a day just before a month end ("01-30": last Friday of January), or the one
  nearest the previous month's end for a day just after one ("09-03": the Thursday nearest Aug 31). Without
  an anchor the MM-DD is taken as a fixed date every year, which lands within a week of the true dates.
"""
from __future__ import annotations

from functools import cache

import calendar as _cal
import re
from datetime import date, timedelta

from tracker.errors import InputError
from tracker.model import FiscalCalendar, Period, YearNaming

_MMDD = re.compile(r"^\s*(\d{1,2})-(\d{1,2})\s*$")
# A 52/53-week year ends within this many days of a month end.
_WEEK_YEAR_SLACK_DAYS = 7
# How long after a period ends a bare mention of it ("Q4") still means that ended period: a call reports
# its quarter within about four months.
REPORTING_LAG_DAYS = 120


# --- building calendars ----------------------------------------------------------------------------------


def calendar_from(fiscal_year_end: str = "12-31", label_by: str | None = None, *,
                  anchor: date | None = None) -> FiscalCalendar:
    """Parse "MM-DD" into a FiscalCalendar. label_by None picks `default_year_naming` of that year end.

    With `anchor` (a date in a fiscal year that ends on exactly that MM-DD, such as the call date) a year end
    within a week of a month end becomes a 52/53-week calendar on that date's weekday (see the module doc).
    """
    m = _MMDD.match(fiscal_year_end or "")
    if not m:
        raise InputError(f"fiscal year end '{fiscal_year_end}' is not MM-DD")
    month, day = int(m.group(1)), int(m.group(2))
    try:
        date(2024, month, day)          # a leap year, so "02-29" is allowed
    except ValueError:
        raise InputError(f"fiscal year end '{fiscal_year_end}' is not MM-DD") from None
    if label_by is None:
        label_by = default_year_naming(month, day)
    return FiscalCalendar(year_end_month=month, year_end_day=day, label_by=year_naming(label_by),
                          weekday=_anchored_weekday(month, day, anchor))


def year_naming(value: str) -> YearNaming:
    """"end" or "start" (any case) as a YearNaming; an InputError otherwise."""
    try:
        return YearNaming(str(value).strip().lower())
    except ValueError:
        raise InputError(f"fiscal year naming '{value}' must be 'end' or 'start'") from None


def default_year_naming(month: int, day: int) -> YearNaming:
    """How a year ending on month/day is named when nothing says: by its start when it ends in January or in
    the first week of February (a 52/53-week year ending near Jan 31: "fiscal 2025" of a retailer runs Feb
    2025 - Jan 2026), otherwise by its end ("fiscal 2026" of a June year end ends June 2026)."""
    january = (month == 1 and day > _WEEK_YEAR_SLACK_DAYS) or (month == 2 and day <= _WEEK_YEAR_SLACK_DAYS)
    return YearNaming.START if january else YearNaming.END


def _anchored_weekday(month: int, day: int, anchor: date | None) -> int | None:
    """The weekday years end on, read from the first MM-DD on or after the anchor; None if no weekday rule fits.

    The rule must give back that very date: a day 7 before a month end (or 4-7 after one) is not the last
    weekday of its month (nor the one nearest the month end), so such a year end stays a fixed date.
    """
    if anchor is None or (month == 2 and day == 29):
        return None
    end_year = anchor.year if date(anchor.year, month, day) >= anchor else anchor.year + 1
    named = date(end_year, month, day)
    to_month_end = _month_len(end_year, month) - day
    if to_month_end == 0 or (day > _WEEK_YEAR_SLACK_DAYS and to_month_end > _WEEK_YEAR_SLACK_DAYS):
        return None
    weekday = named.weekday()
    return weekday if _weekday_year_end(end_year, month, day, weekday) == named else None


def _weekday_year_end(end_year: int, month: int, day: int, weekday: int) -> date:
    """The year end of a 52/53-week calendar in (or, after a December end, just before) `end_year`."""
    if day <= _WEEK_YEAR_SLACK_DAYS:   # just after a month end: the weekday nearest that month end
        month_end = date(end_year, month, 1) - timedelta(days=1)
        ahead = (weekday - month_end.weekday()) % 7
        return month_end + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    last = date(end_year, month, _month_len(end_year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def uses_calendar_labels(cal: FiscalCalendar) -> bool:
    """True when the fiscal year ends within 7 days of Dec 31, so it is named and labelled like the calendar."""
    m, d = cal.year_end_month, cal.year_end_day
    return (m == 12 and d >= 24) or (m == 1 and d <= 7)


def _month_len(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def _ends_on_month_end(cal: FiscalCalendar) -> bool:
    m, d = cal.year_end_month, cal.year_end_day
    return d >= 28 if m == 2 else d == _month_len(2023, m)


def _add_months_end(d: date, months: int) -> date:
    """The last day of the month `months` after d's month."""
    idx = d.year * 12 + (d.month - 1) + months
    y, m = divmod(idx, 12)
    return date(y, m + 1, _month_len(y, m + 1))


def add_months(d: date, months: int) -> date:
    """d moved by whole months, the day clamped to the target month's length."""
    idx = d.year * 12 + (d.month - 1) + months
    y, m = divmod(idx, 12)
    return date(y, m + 1, min(d.day, _month_len(y, m + 1)))


# --- fiscal years ------------------------------------------------------------------------------------------


def _end_year(label_year: int, cal: FiscalCalendar) -> int:
    """The calendar year in which fiscal year `label_year` ends."""
    if uses_calendar_labels(cal):
        return label_year if cal.year_end_month == 12 else label_year + 1
    return label_year if cal.label_by == YearNaming.END else label_year + 1


def _label_year(end_year: int, cal: FiscalCalendar) -> int:
    if uses_calendar_labels(cal):
        return end_year if cal.year_end_month == 12 else end_year - 1
    return end_year if cal.label_by == YearNaming.END else end_year - 1


@cache
def _year_end_in(end_year: int, cal: FiscalCalendar) -> date:
    """The end of the fiscal year named by MM-DD in `end_year` (a weekday rule may move it into the year before)."""
    m = cal.year_end_month
    if cal.weekday is not None:
        return _weekday_year_end(end_year, m, cal.year_end_day, cal.weekday)
    if _ends_on_month_end(cal):
        return date(end_year, m, _month_len(end_year, m))
    return date(end_year, m, min(cal.year_end_day, _month_len(end_year, m)))


def fiscal_year_end(label_year: int, cal: FiscalCalendar) -> date:
    return _year_end_in(_end_year(label_year, cal), cal)


def fiscal_year_start(label_year: int, cal: FiscalCalendar) -> date:
    return fiscal_year_end(label_year - 1, cal) + timedelta(days=1)


@cache
def fiscal_year_of(d: date, cal: FiscalCalendar) -> int:
    """The label year of the fiscal year containing d."""
    end_year = d.year
    # year ends grow with end_year, but a weekday rule can put one a few days into the year before
    while d > _year_end_in(end_year, cal):
        end_year += 1
    while d <= _year_end_in(end_year - 1, cal):
        end_year -= 1
    return _label_year(end_year, cal)


# --- quarters and halves ---------------------------------------------------------------------------------


@cache
def quarter_end(year_label: int, q: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    """Last day of quarter q (1..4) of fiscal year `year_label` (or of calendar year when fiscal is False)."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter {q} is not 1..4")
    if not fiscal:
        return date(year_label, 3 * q, _month_len(year_label, 3 * q))
    if q == 4:
        return fiscal_year_end(year_label, cal)
    prev_end = fiscal_year_end(year_label - 1, cal)
    if _ends_on_month_end(cal):
        return _add_months_end(prev_end, 3 * q)
    return prev_end + timedelta(weeks=13 * q)


def quarter_start(year_label: int, q: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    if not fiscal:
        return date(year_label, 3 * q - 2, 1)
    if q == 1:
        return fiscal_year_start(year_label, cal)
    return quarter_end(year_label, q - 1, cal) + timedelta(days=1)


def half_end(year_label: int, h: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    return quarter_end(year_label, 2 * h, cal, fiscal)


def half_start(year_label: int, h: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    return quarter_start(year_label, 2 * h - 1, cal, fiscal)


def year_end(year_label: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    return fiscal_year_end(year_label, cal) if fiscal else date(year_label, 12, 31)


def year_start(year_label: int, cal: FiscalCalendar, fiscal: bool = True) -> date:
    return fiscal_year_start(year_label, cal) if fiscal else date(year_label, 1, 1)


@cache
def quarter_of(d: date, cal: FiscalCalendar, fiscal: bool = True) -> tuple[int, int]:
    """(year label, quarter) of the quarter containing d."""
    if not fiscal:
        return d.year, (d.month - 1) // 3 + 1
    y = fiscal_year_of(d, cal)
    for q in (1, 2, 3, 4):
        if d <= quarter_end(y, q, cal):
            return y, q
    return y + 1, 1     # unreachable: d lies in fiscal year y


def shift_quarter(year_label: int, q: int, n: int) -> tuple[int, int]:
    """The quarter n quarters after (year_label, q); n may be negative."""
    y, r = divmod((q - 1) + n, 4)
    return year_label + y, r + 1


# --- periods -----------------------------------------------------------------------------------------------


def _label(year_label: int, suffix: str, cal: FiscalCalendar, fiscal: bool) -> tuple[str, bool]:
    if fiscal and not uses_calendar_labels(cal):
        return f"FY{year_label}-{suffix}", True
    return f"{year_label}-{suffix}", False


def quarter_period(year_label: int, q: int, cal: FiscalCalendar, fiscal: bool = True, phrase: str = "") -> Period:
    label, is_fiscal = _label(year_label, f"Q{q}", cal, fiscal)
    return Period(label, quarter_start(year_label, q, cal, fiscal), quarter_end(year_label, q, cal, fiscal),
                  phrase, is_fiscal)


def half_period(year_label: int, h: int, cal: FiscalCalendar, fiscal: bool = True, phrase: str = "") -> Period:
    label, is_fiscal = _label(year_label, f"H{h}", cal, fiscal)
    return Period(label, half_start(year_label, h, cal, fiscal), half_end(year_label, h, cal, fiscal),
                  phrase, is_fiscal)


def year_period(year_label: int, cal: FiscalCalendar, fiscal: bool = True, phrase: str = "") -> Period:
    label, is_fiscal = _label(year_label, "FY", cal, fiscal)
    return Period(label, year_start(year_label, cal, fiscal), year_end(year_label, cal, fiscal), phrase, is_fiscal)


def month_period(year: int, month: int, phrase: str = "") -> Period:
    return Period(f"{year}-{month:02d}", date(year, month, 1), date(year, month, _month_len(year, month)), phrase)


def day_period(d: date, phrase: str = "", start: date | None = None) -> Period:
    """A period labelled by its ISO end date: an as-of date (start == end) or a span ending on d."""
    return Period(d.isoformat(), start or d, d, phrase)


def reported_period(call_date: date, cal: FiscalCalendar) -> Period:
    """The fiscal quarter most recently ended on or before the call date: the quarter the call reports."""
    y, q = quarter_of(call_date, cal)
    if quarter_end(y, q, cal) != call_date:
        y, q = shift_quarter(y, q, -1)
    return quarter_period(y, q, cal)


_LABEL = re.compile(r"^(?P<fy>FY)?(?P<y>\d{4})-(?:(?P<part>Q[1-4]|H[12]|FY)|(?P<m>\d{2})(?:-(?P<d>\d{2}))?)$",
                    re.IGNORECASE)


def period_from_label(label: str, cal: FiscalCalendar) -> Period:
    """Inverse of the labels: "2025-Q2", "2025-H1", "2025-FY", "2025-05", "FY2025-Q1", "2025-02-28".

    "FYnnnn-…" labels are fiscal periods; plain year labels are calendar periods, except when the fiscal year
    tracks the calendar year (year end near Dec 31): then they are the company's fiscal periods, whose
    labels are calendar ones. The label returned is canonical for `cal`.
    """
    m = _LABEL.match(label.strip())
    if not m:
        raise InputError(f"period label '{label}' is not like 2025-Q2, 2025-H1, 2025-FY, 2025-05, FY2025-Q1 "
                         f"or 2025-02-28")
    y = int(m.group("y"))
    fiscal = bool(m.group("fy")) or uses_calendar_labels(cal)
    part = (m.group("part") or "").upper()
    if part:
        if part == "FY":
            return year_period(y, cal, fiscal)
        if part.startswith("Q"):
            return quarter_period(y, int(part[1]), cal, fiscal)
        return half_period(y, int(part[1]), cal, fiscal)
    if m.group("fy"):
        raise InputError(f"period label '{label}': a month or date takes no FY prefix")
    month = int(m.group("m"))
    try:
        if m.group("d"):
            return day_period(date(y, month, int(m.group("d"))))
        return month_period(y, month)
    except ValueError:
        raise InputError(f"period label '{label}' is not a real month or date") from None
