"""Fiscal calendars: parsing the year end, quarter/year boundaries, labels and their inverse."""
from datetime import date, timedelta

import pytest

from tracker.errors import InputError
from tracker.fiscal import (calendar_from, fiscal_year_end, fiscal_year_of, fiscal_year_start, half_end,
                            period_from_label, quarter_end, quarter_of, quarter_start, reported_period,
                            uses_calendar_labels, year_period)
from tracker.model import FiscalCalendar


@pytest.mark.parametrize("fye, label_by, expected", [
    ("12-31", None, FiscalCalendar(12, 31, "end")),
    ("01-30", None, FiscalCalendar(1, 30, "start")),       # January year ends are named by their start year
    ("01-31", "end", FiscalCalendar(1, 31, "end")),
    ("09-03", None, FiscalCalendar(9, 3, "end")),
    ("6-30", None, FiscalCalendar(6, 30, "end")),
    ("02-29", None, FiscalCalendar(2, 29, "end")),
])
def test_calendar_from(fye, label_by, expected):
    assert calendar_from(fye, label_by) == expected


@pytest.mark.parametrize("fye", ["13-40", "12/31", "", "1231", "02-30", "00-10"])
def test_calendar_from_rejects_bad_year_end(fye):
    with pytest.raises(InputError, match="is not MM-DD"):
        calendar_from(fye)


def test_calendar_from_rejects_bad_label_by():
    with pytest.raises(InputError, match="naming .middle. must be"):
        calendar_from("06-30", "middle")


@pytest.mark.parametrize("fye, expected", [
    ("12-31", True), ("12-28", True), ("12-24", True), ("01-03", True), ("12-20", False), ("01-30", False),
    ("09-03", False), ("06-30", False),
])
def test_uses_calendar_labels(fye, expected):
    assert uses_calendar_labels(calendar_from(fye)) is expected


@pytest.mark.parametrize("fye, year, q, expected", [
    ("12-31", 2025, 1, date(2025, 3, 31)),
    ("12-31", 2025, 4, date(2025, 12, 31)),
    ("06-30", 2025, 1, date(2024, 9, 30)),                  # FY2025 = Jul 2024 .. Jun 2025
    ("06-30", 2025, 3, date(2025, 3, 31)),
    ("03-31", 2026, 2, date(2025, 9, 30)),
    ("01-31", 2025, 1, date(2025, 4, 30)),                  # label_by start: FY2025 starts Feb 2025
    ("01-31", 2025, 4, date(2026, 1, 31)),
    ("01-30", 2025, 3, date(2025, 10, 30)),                 # 52/53-week: 13 weeks per quarter
    ("01-30", 2025, 4, date(2026, 1, 30)),
    ("09-03", 2026, 1, date(2025, 12, 3)),
    ("09-03", 2026, 2, date(2026, 3, 4)),
    ("09-03", 2026, 4, date(2026, 9, 3)),
    ("12-28", 2024, 4, date(2024, 12, 28)),                 # calendar-like 52/53-week year
    ("12-28", 2024, 1, date(2024, 3, 28)),
])
def test_quarter_end(fye, year, q, expected):
    assert quarter_end(year, q, calendar_from(fye), fiscal=True) == expected


@pytest.mark.parametrize("fye, truth, year, q", [
    # the true 52/53-week dates of an invented company; the approximation must land within 7 days
    ("09-03", date(2025, 11, 27), 2026, 1),
    ("09-03", date(2026, 2, 26), 2026, 2),
    ("09-03", date(2026, 5, 28), 2026, 3),
    ("01-30", date(2025, 10, 31), 2025, 3),
    ("01-30", date(2027, 1, 29), 2026, 4),
])
def test_week_calendars_land_within_a_week(fye, truth, year, q):
    assert abs((quarter_end(year, q, calendar_from(fye)) - truth).days) <= 7


def test_calendar_quarter_end_ignores_fiscal_calendar():
    assert quarter_end(2026, 2, calendar_from("09-03"), fiscal=False) == date(2026, 6, 30)


@pytest.mark.parametrize("fye, d, year", [
    ("12-31", date(2025, 3, 13), 2025),
    ("01-30", date(2025, 11, 19), 2025),
    ("01-30", date(2026, 1, 30), 2025),
    ("01-30", date(2026, 1, 31), 2026),
    ("09-03", date(2025, 12, 17), 2026),
    ("09-03", date(2025, 9, 3), 2025),
    ("06-30", date(2025, 7, 1), 2026),
])
def test_fiscal_year_of(fye, d, year):
    assert fiscal_year_of(d, calendar_from(fye)) == year


@pytest.mark.parametrize("fye, year, expected", [
    ("01-30", 2025, date(2026, 1, 30)),
    ("06-30", 2025, date(2025, 6, 30)),
    ("09-03", 2027, date(2027, 9, 3)),
    ("02-29", 2025, date(2025, 2, 28)),
])
def test_fiscal_year_end(fye, year, expected):
    assert fiscal_year_end(year, calendar_from(fye)) == expected


@pytest.mark.parametrize("fye, d, expected", [
    ("12-31", date(2025, 3, 13), (2025, 1)),
    ("09-03", date(2025, 12, 17), (2026, 2)),
    ("01-30", date(2025, 11, 19), (2025, 4)),
])
def test_quarter_of(fye, d, expected):
    assert quarter_of(d, calendar_from(fye)) == expected


@pytest.mark.parametrize("fye, call, label, end", [
    ("12-31", date(2025, 3, 13), "2024-Q4", date(2024, 12, 31)),
    ("12-31", date(2025, 3, 31), "2025-Q1", date(2025, 3, 31)),   # the quarter ending on the call day
    ("09-03", date(2025, 12, 17), "FY2026-Q1", date(2025, 12, 3)),
    ("01-30", date(2025, 11, 19), "FY2025-Q3", date(2025, 10, 30)),
    ("06-30", date(2025, 8, 20), "FY2025-Q4", date(2025, 6, 30)),
])
def test_reported_period(fye, call, label, end):
    p = reported_period(call, calendar_from(fye))
    assert (p.label, p.end) == (label, end)


@pytest.mark.parametrize("fye, label, canonical, start, end, fiscal", [
    ("12-31", "2025-Q2", "2025-Q2", date(2025, 4, 1), date(2025, 6, 30), False),
    ("12-31", "2025-H1", "2025-H1", date(2025, 1, 1), date(2025, 6, 30), False),
    ("12-31", "2025-FY", "2025-FY", date(2025, 1, 1), date(2025, 12, 31), False),
    ("12-31", "FY2025-Q1", "2025-Q1", date(2025, 1, 1), date(2025, 3, 31), False),
    ("12-31", "2025-05", "2025-05", date(2025, 5, 1), date(2025, 5, 31), False),
    ("12-31", "2025-02-28", "2025-02-28", date(2025, 2, 28), date(2025, 2, 28), False),
    ("01-31", "FY2025-Q1", "FY2025-Q1", date(2025, 2, 1), date(2025, 4, 30), True),
    ("01-31", "FY2025-FY", "FY2025-FY", date(2025, 2, 1), date(2026, 1, 31), True),
    ("09-03", "2026-H2", "2026-H2", date(2026, 7, 1), date(2026, 12, 31), False),   # calendar label stays calendar
    ("12-28", "2024-Q4", "2024-Q4", date(2024, 9, 27), date(2024, 12, 28), False),  # fiscal deadline
])
def test_period_from_label(fye, label, canonical, start, end, fiscal):
    p = period_from_label(label, calendar_from(fye))
    assert (p.label, p.start, p.end, p.fiscal) == (canonical, start, end, fiscal)


@pytest.mark.parametrize("label", ["2025-Q5", "Q2 2025", "2025-13", "2025-02-30", "FY2025-05", "next year", ""])
def test_period_from_label_rejects_unknown(label):
    with pytest.raises(InputError):
        period_from_label(label, calendar_from("12-31"))


# --- 52/53-week calendars anchored on a call date (invented companies' calendars) ---------------------------

NORTHWIND = ("09-03", date(2025, 12, 17))   # Thursday nearest Aug 31
HARBOR = ("01-30", date(2025, 11, 19))      # last Friday of January, years named by their start
ACME = ("12-28", date(2024, 10, 29))        # last Saturday of December, calendar labels
KESTREL = ("01-02", date(2025, 6, 1))       # Friday nearest Dec 31, which may fall in the December before


def _anchored(spec):
    fye, anchor = spec
    return calendar_from(fye, anchor=anchor)


@pytest.mark.parametrize("fye, anchor, label_by, weekday", [
    ("09-03", date(2025, 12, 17), "end", 3),        # 2026-09-03 is a Thursday
    ("09-03", date(2025, 9, 3), "end", 2),          # the anchor's own year end: 2025-09-03, a Wednesday
    ("01-30", date(2025, 11, 19), "start", 4),
    ("12-28", date(2024, 10, 29), "end", 5),
    ("01-02", date(2025, 6, 1), "end", 4),          # a December year end in all but name: named like one
    ("02-23", date(2025, 1, 1), "end", 6),          # 5 days before the end of a 28-day February
    ("12-24", date(2024, 6, 1), "end", None),       # 7 days before: never the last of its weekday
    ("09-06", date(2025, 1, 1), "end", None),       # 6 days after: never the nearest to Aug 31
    ("12-20", date(2024, 6, 1), "end", None),       # too far from a month end
    ("06-30", date(2025, 1, 1), "end", None),       # a month end
    ("02-28", date(2025, 1, 1), "end", None),       # a month end (of a 28-day February)
    ("02-29", date(2025, 1, 1), "end", None),
    ("09-03", None, "end", None),                   # no anchor: a fixed date, as before
])
def test_calendar_from_anchor_sets_weekday(fye, anchor, label_by, weekday):
    assert calendar_from(fye, anchor=anchor) == FiscalCalendar(int(fye[:2]), int(fye[3:]), label_by, weekday)


@pytest.mark.parametrize("spec, year, q, expected", [
    (NORTHWIND, 2025, 4, date(2025, 8, 28)),
    (NORTHWIND, 2026, 1, date(2025, 11, 27)),
    (NORTHWIND, 2026, 2, date(2026, 2, 26)),
    (NORTHWIND, 2026, 3, date(2026, 5, 28)),
    (NORTHWIND, 2026, 4, date(2026, 9, 3)),         # a 53-week year: Q4 has 14 weeks
    (NORTHWIND, 2027, 4, date(2027, 9, 2)),
    (HARBOR, 2024, 4, date(2025, 1, 31)),
    (HARBOR, 2025, 3, date(2025, 10, 31)),
    (HARBOR, 2025, 4, date(2026, 1, 30)),
    (HARBOR, 2026, 4, date(2027, 1, 29)),
    (ACME, 2024, 3, date(2024, 9, 28)),
    (ACME, 2024, 4, date(2024, 12, 28)),
    (ACME, 2025, 1, date(2025, 3, 29)),
    (ACME, 2025, 4, date(2025, 12, 27)),
    (ACME, 2026, 4, date(2026, 12, 26)),
    (KESTREL, 2024, 4, date(2025, 1, 3)),
    (KESTREL, 2025, 4, date(2026, 1, 2)),
    (KESTREL, 2027, 4, date(2027, 12, 31)),         # the Friday nearest Dec 31 is Dec 31 itself
])
def test_anchored_quarter_end(spec, year, q, expected):
    assert quarter_end(year, q, _anchored(spec)) == expected


@pytest.mark.parametrize("spec, year, start, end", [
    (HARBOR, 2025, date(2025, 2, 1), date(2026, 1, 30)),
    (NORTHWIND, 2026, date(2025, 8, 29), date(2026, 9, 3)),
    (ACME, 2025, date(2024, 12, 29), date(2025, 12, 27)),
    (KESTREL, 2027, date(2027, 1, 2), date(2027, 12, 31)),
])
def test_anchored_fiscal_year_span(spec, year, start, end):
    cal = _anchored(spec)
    assert (fiscal_year_start(year, cal), fiscal_year_end(year, cal)) == (start, end)


@pytest.mark.parametrize("spec, year, h, expected", [
    (ACME, 2025, 1, date(2025, 6, 28)),
    (ACME, 2025, 2, date(2025, 12, 27)),
    (NORTHWIND, 2026, 1, date(2026, 2, 26)),
])
def test_anchored_half_end_is_the_quarter_end(spec, year, h, expected):
    assert half_end(year, h, _anchored(spec)) == expected


@pytest.mark.parametrize("spec, d, year", [
    (NORTHWIND, date(2025, 8, 28), 2025),
    (NORTHWIND, date(2025, 8, 29), 2026),           # after the true FY2025 end, before the nominal 09-03
    (HARBOR, date(2025, 2, 1), 2025),
    (HARBOR, date(2026, 1, 31), 2026),
    (ACME, date(2024, 12, 30), 2025),               # after the Dec 28 year end: already fiscal 2025
    (KESTREL, date(2027, 12, 31), 2027),
    (KESTREL, date(2028, 1, 1), 2028),
])
def test_anchored_fiscal_year_of(spec, d, year):
    assert fiscal_year_of(d, _anchored(spec)) == year


@pytest.mark.parametrize("spec, call, label, start, end", [
    (NORTHWIND, date(2025, 12, 17), "FY2026-Q1", date(2025, 8, 29), date(2025, 11, 27)),
    (HARBOR, date(2025, 11, 19), "FY2025-Q3", date(2025, 8, 2), date(2025, 10, 31)),
    (ACME, date(2024, 10, 29), "2024-Q3", date(2024, 6, 30), date(2024, 9, 28)),
])
def test_anchored_reported_period(spec, call, label, start, end):
    p = reported_period(call, _anchored(spec))
    assert (p.label, p.start, p.end) == (label, start, end)


@pytest.mark.parametrize("spec, label, start, end", [
    (ACME, "2024-Q4", date(2024, 9, 29), date(2024, 12, 28)),
    (NORTHWIND, "FY2026-FY", date(2025, 8, 29), date(2026, 9, 3)),
])
def test_anchored_period_from_label(spec, label, start, end):
    p = period_from_label(label, _anchored(spec))
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize("spec, year", [(NORTHWIND, 2026), (HARBOR, 2025), (ACME, 2025), (KESTREL, 2027)])
def test_anchored_quarters_tile_the_year(spec, year):
    cal = _anchored(spec)
    assert quarter_start(year, 1, cal) == year_period(year, cal).start
    for q in (2, 3, 4):
        assert quarter_start(year, q, cal) - quarter_end(year, q - 1, cal) == timedelta(days=1)
    weeks = (quarter_end(year, 4, cal) - quarter_end(year, 3, cal)).days / 7
    assert weeks in (13, 14)
