"""Period phrases resolved against a call date and a fiscal calendar (table-driven)."""
from datetime import date

import pytest

from tracker.errors import PeriodError
from tracker.fiscal import calendar_from
from tracker.periods import PeriodMatch, find_periods, resolve_period

MARCH = date(2025, 3, 13)          # a call in Q1 reporting Q4 2024, calendar fiscal year
DEC = date(2025, 12, 17)           # a call for a company whose 52/53-week year ends near Sep 3
NOV = date(2025, 11, 19)           # a call for a retailer whose year ends near Jan 30


@pytest.mark.parametrize("phrase, label, end", [
    ("Q3", "2025-Q3", date(2025, 9, 30)),
    ("in the third quarter", "2025-Q3", date(2025, 9, 30)),
    ("second quarter of 2025", "2025-Q2", date(2025, 6, 30)),
    ("Q2 of 2025", "2025-Q2", date(2025, 6, 30)),
    ("Q2 2025", "2025-Q2", date(2025, 6, 30)),
    ("Q3'25", "2025-Q3", date(2025, 9, 30)),
    ("2Q25", "2025-Q2", date(2025, 6, 30)),
    ("3Q 2025", "2025-Q3", date(2025, 9, 30)),
    ("first quarter of fiscal 2025", "2025-Q1", date(2025, 3, 31)),
    ("the fourth quarter of FY25", "2025-Q4", date(2025, 12, 31)),
    ("the second half of FY2026", "2026-H2", date(2026, 12, 31)),
    ("full year CY2026", "2026-FY", date(2026, 12, 31)),
    ("the fourth quarter of next year", "2026-Q4", date(2026, 12, 31)),
    ("Q4", "2025-Q4", date(2025, 12, 31)),            # this year's Q4 is ahead
    ("mid-2025", "2025-H1", date(2025, 6, 30)),
    ("by mid-year", "2025-H1", date(2025, 6, 30)),
    ("the middle of next year", "2026-H1", date(2026, 6, 30)),
    ("first half of this year", "2025-H1", date(2025, 6, 30)),
    ("first half of the year", "2025-H1", date(2025, 6, 30)),
    ("H2", "2025-H2", date(2025, 12, 31)),
    ("2H25", "2025-H2", date(2025, 12, 31)),
    ("second half", "2025-H2", date(2025, 12, 31)),
    ("back half of the year", "2025-H2", date(2025, 12, 31)),
    ("by year end", "2025-FY", date(2025, 12, 31)),
    ("by year-end 2026", "2026-FY", date(2026, 12, 31)),
    ("end of the year", "2025-FY", date(2025, 12, 31)),
    ("by the end of 2025", "2025-FY", date(2025, 12, 31)),
    ("this year", "2025-FY", date(2025, 12, 31)),
    ("full-year", "2025-FY", date(2025, 12, 31)),
    ("next year", "2026-FY", date(2026, 12, 31)),
    ("next quarter", "2025-Q2", date(2025, 6, 30)),     # the call is held in Q1
    ("this quarter", "2025-Q1", date(2025, 3, 31)),
    ("the current quarter", "2025-Q1", date(2025, 3, 31)),
    ("by the end of the quarter", "2025-Q1", date(2025, 3, 31)),
    ("last quarter", "2024-Q4", date(2024, 12, 31)),
    ("in May", "2025-05", date(2025, 5, 31)),
    ("by the end of May", "2025-05", date(2025, 5, 31)),
    ("May 2026", "2026-05", date(2026, 5, 31)),
    ("by Sept. 2026", "2026-09", date(2026, 9, 30)),
    ("next month", "2025-04", date(2025, 4, 30)),
    ("by the end of February", "2025-02", date(2025, 2, 28)),   # a past month: as-of use
    ("fiscal 2025", "2025-FY", date(2025, 12, 31)),
    ("FY25", "2025-FY", date(2025, 12, 31)),
    ("FY 2025", "2025-FY", date(2025, 12, 31)),
    ("within 12 months", "2026-03-13", date(2026, 3, 13)),
    ("in the next 12 to 18 months", "2026-09-13", date(2026, 9, 13)),
    ("in a couple of weeks", "2025-03-27", date(2025, 3, 27)),
    ("in a week or so", "2025-03-20", date(2025, 3, 20)),
    ("in a year or two", "2027-03-13", date(2027, 3, 13)),
    ("two years from now", "2027-03-13", date(2027, 3, 13)),
    ("beginning of next year", "2026-Q1", date(2026, 3, 31)),
    ("early next year", "2026-Q1", date(2026, 3, 31)),
    ("early 2026", "2026-Q1", date(2026, 3, 31)),
    ("late 2026", "2026-Q4", date(2026, 12, 31)),
    ("later this year", "2025-FY", date(2025, 12, 31)),
    ("by the end of 2028", "2028-FY", date(2028, 12, 31)),
    ("in 2030", "2030-FY", date(2030, 12, 31)),
    ("'27", "2027-FY", date(2027, 12, 31)),
    ("end of 2024", "2024-FY", date(2024, 12, 31)),
    ("as of February 28", "2025-02-28", date(2025, 2, 28)),
    ("February 28, 2025", "2025-02-28", date(2025, 2, 28)),
    ("March 31, 2025", "2025-03-31", date(2025, 3, 31)),
    ("31 March 2025", "2025-03-31", date(2025, 3, 31)),
    ("2025-06-30", "2025-06-30", date(2025, 6, 30)),
    ("by June 30th", "2025-06-30", date(2025, 6, 30)),
    ("as of December 31", "2024-12-31", date(2024, 12, 31)),
    ("the December quarter", "2025-Q4", date(2025, 12, 31)),
])
def test_resolves_on_a_calendar_year_call(phrase, label, end):
    p = resolve_period(phrase, MARCH, calendar_from("12-31"))
    assert p is not None
    assert (p.label, p.end) == (label, end)
    assert p.phrase == phrase


@pytest.mark.parametrize("phrase", [
    "over the next few years", "in the near future", "over time", "long term", "in the coming quarters", "soon",
    "over the long term", "going forward", "in the coming months", "within a few quarters", "down the road",
])
def test_vague_phrases_resolve_to_none(phrase):
    assert resolve_period(phrase, MARCH, calendar_from("12-31")) is None


@pytest.mark.parametrize("fye, call, phrase, label, end, fiscal", [
    ("09-03", DEC, "fiscal Q2", "FY2026-Q2", date(2026, 3, 4), True),
    ("09-03", DEC, "fiscal 2026", "FY2026-FY", date(2026, 9, 3), True),
    ("09-03", DEC, "calendar 2026", "2026-FY", date(2026, 12, 31), False),
    ("09-03", DEC, "second half of the calendar year", "2026-H2", date(2026, 12, 31), False),
    ("09-03", DEC, "later in fiscal 2026", "FY2026-FY", date(2026, 9, 3), True),
    ("09-03", DEC, "'27", "FY2027-FY", date(2027, 9, 3), True),
    ("09-03", DEC, "second calendar quarter of 2026", "2026-Q2", date(2026, 6, 30), False),
    ("09-03", DEC, "CQ2", "2026-Q2", date(2026, 6, 30), False),
    ("09-03", DEC, "mid-calendar 2027", "2027-H1", date(2027, 6, 30), False),
    ("09-03", DEC, "early calendar 2026", "2026-Q1", date(2026, 3, 31), False),
    ("09-03", DEC, "early fiscal 2027", "FY2027-Q1", date(2026, 12, 3), True),
    ("09-03", DEC, "next year", "FY2027-FY", date(2027, 9, 3), True),
    ("09-03", DEC, "Q1", "FY2026-Q1", date(2025, 12, 3), True),        # ended two weeks ago: the reported one
    ("09-03", DEC, "this quarter", "FY2026-Q2", date(2026, 3, 4), True),
    ("01-30", NOV, "the fourth quarter", "FY2025-Q4", date(2026, 1, 30), True),
    ("01-30", NOV, "Q4", "FY2025-Q4", date(2026, 1, 30), True),
    ("01-30", NOV, "for the year", "FY2025-FY", date(2026, 1, 30), True),
    ("01-30", NOV, "this year", "FY2025-FY", date(2026, 1, 30), True),
    ("01-30", NOV, "into 2026", "FY2026-FY", date(2027, 1, 30), True),
    ("01-30", NOV, "mid-2027", "2027-H1", date(2027, 6, 30), False),
    ("01-31", MARCH, "Q1 FY25", "FY2025-Q1", date(2025, 4, 30), True),
    ("06-30", date(2025, 8, 20), "Q4", "FY2026-Q4", date(2026, 6, 30), True),   # this fiscal year's is ahead
    ("06-30", date(2025, 8, 20), "Q2", "FY2026-Q2", date(2025, 12, 31), True),
    ("12-31", date(2025, 8, 5), "Q1", "2026-Q1", date(2026, 3, 31), False),   # Q1 ended > 4 months ago
    ("12-31", date(2025, 8, 5), "Q2", "2025-Q2", date(2025, 6, 30), False),   # Q2 ended 5 weeks ago: reported
    ("12-28", date(2025, 2, 10), "Q4 2024", "2024-Q4", date(2024, 12, 28), False),
    ("12-28", date(2025, 2, 10), "calendar Q4 2024", "2024-Q4", date(2024, 12, 31), False),
])
def test_resolves_on_fiscal_calendars(fye, call, phrase, label, end, fiscal):
    p = resolve_period(phrase, call, calendar_from(fye))
    assert p is not None
    assert (p.label, p.end, p.fiscal) == (label, end, fiscal)


@pytest.mark.parametrize("fye, call, phrase, label", [
    ("12-31", MARCH, "Q4", "2024-Q4"),                   # a report: the most recently ended Q4
    ("12-31", MARCH, "for the quarter", "2024-Q4"),
    ("12-31", MARCH, "revenues this quarter", "2024-Q4"),
    ("12-31", MARCH, "last quarter", "2024-Q4"),
    ("12-31", MARCH, "for the full year", "2024-FY"),
    ("12-31", MARCH, "Q1", "2024-Q1"),
    ("06-30", date(2025, 8, 20), "Q4", "FY2025-Q4"),
    ("06-30", date(2025, 8, 20), "the fourth quarter", "FY2025-Q4"),
])
def test_past_reading_takes_the_ended_period(fye, call, phrase, label):
    p = resolve_period(phrase, call, calendar_from(fye), past=True)
    assert p is not None and p.label == label


@pytest.mark.parametrize("phrase", ["revenue", "the weather was fine", "", "quarterly dividends"])
def test_not_a_period_phrase_raises(phrase):
    with pytest.raises(PeriodError):
        resolve_period(phrase, MARCH, calendar_from("12-31"))


@pytest.mark.parametrize("sentence, phrases", [
    ("We expect revenue in the second quarter of 2025 to be between $50 million and $55 million.",
     ["in the second quarter of 2025"]),
    ("We expect to reach 20 EH/s by the end of the third quarter, and 30 EH/s in 2026.",
     ["by the end of the third quarter", "in 2026"]),
    ("We expect Q3 and Q4 to be strong, and margins to improve over time.", ["Q3", "Q4", "over time"]),
    ("For the full year 2025, revenue should be up.", ["For the full year 2025"]),
    ("Gross margin was 42.5%, up 150 basis points year over year.", []),
    ("May I ask about the second half of our backlog?", []),
    ("We opened 2000 stores and had 2024 employees.", []),
    ("March was a strong month for Harbor Retail.", []),
    ("This is a long-term target.", []),
    ("We will update you as soon as possible.", []),
    ("A year ago we had a loss, and over the past 12 months we grew.", []),
    ("The year-over-year growth was fine.", []),
    ("One of the first half-dozen customers signed.", []),
    ("Growth stayed in the mid-teens through the 2020s.", []),
    ("Our fiscal 2025 guidance of $2,025 million is unchanged.", ["fiscal 2025"]),
    ("We may see more demand in March.", ["in March"]),
    ("İstanbul İzmir demand should recover in the second half of 2025.", ["in the second half of 2025"]),
    ("Northwind plans to launch the new line in the next 12 to 18 months.", ["in the next 12 to 18 months"]),
])
def test_find_periods_phrases(sentence, phrases):
    found = find_periods(sentence, MARCH, calendar_from("12-31"))
    assert [m.phrase for m in found] == phrases
    for m in found:
        assert sentence[m.start:m.end] == m.phrase


def test_find_periods_returns_offsets_in_text_order():
    text = "Acme Industrial expects margins of 20% by mid-2026 and breakeven in Q3."
    found = find_periods(text, MARCH, calendar_from("12-31"))
    assert found == [
        PeriodMatch(text.index("by mid"), text.index(" and"), "by mid-2026", found[0].period),
        PeriodMatch(text.index("in Q3"), len(text) - 1, "in Q3", found[1].period),
    ]
    assert [m.period.label for m in found if m.period] == ["2026-H1", "2025-Q3"]


def test_longest_match_wins_over_its_parts():
    found = find_periods("the second half of fiscal 2026", DEC, calendar_from("09-03"))
    assert len(found) == 1 and found[0].period is not None and found[0].period.label == "FY2026-H2"


def test_vague_match_has_no_period():
    found = find_periods("We will get there over the next few years.", MARCH, calendar_from("12-31"))
    assert [(m.phrase, m.period) for m in found] == [("over the next few years", None)]
