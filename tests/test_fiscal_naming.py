"""Fiscal years named by their end or their start: defaults, labels under both conventions (January, June and
September year ends, 52/53-week years), reading the convention from a call, and settling a call's calendar.
Every sentence is invented."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tracker.fiscal import (calendar_from, default_year_naming, fiscal_year_of, period_from_label,
                            quarter_period, reported_period, year_period)
from tracker.fiscal_naming import infer_year_naming, settle_calendar
from tracker.model import (CallInfo, Layout, NamingSource, Role, Section, Sentence, Speaker, Transcript, Turn,
                           YearNaming)

END, START = YearNaming.END, YearNaming.START


@pytest.mark.parametrize("fye, expected", [
    ("01-31", START),      # retail: "fiscal 2025" = Feb 2025 - Jan 2026
    ("01-28", START),      # 52/53-week year ending near Jan 31
    ("02-01", START),      # ... which may land in the first days of February
    ("02-03", START),
    ("02-28", END),        # a February month end is a February year end
    ("03-31", END),
    ("06-30", END),
    ("09-03", END),        # 52/53-week year ending near Aug 31
    ("09-30", END),
    ("12-31", END),
    ("01-02", END),        # a December year end in all but name
], ids=lambda v: str(v))
def test_default_naming_of_a_year_end(fye, expected):
    month, day = (int(x) for x in fye.split("-"))
    assert default_year_naming(month, day) is expected
    assert calendar_from(fye).label_by is expected


@pytest.mark.parametrize("fye, named, label, start, end", [
    # January year end: the same 12 months are "FY2026" named by the end and "FY2025" named by the start
    ("01-31", END, "FY2026-FY", date(2025, 2, 1), date(2026, 1, 31)),
    ("01-31", START, "FY2025-FY", date(2025, 2, 1), date(2026, 1, 31)),
    ("01-31", END, "FY2026-Q1", date(2025, 2, 1), date(2025, 4, 30)),
    ("01-31", START, "FY2025-Q1", date(2025, 2, 1), date(2025, 4, 30)),
    ("01-31", END, "FY2026-H2", date(2025, 8, 1), date(2026, 1, 31)),
    # June year end
    ("06-30", END, "FY2025-Q4", date(2025, 4, 1), date(2025, 6, 30)),
    ("06-30", START, "FY2024-Q4", date(2025, 4, 1), date(2025, 6, 30)),
    ("06-30", END, "FY2026-FY", date(2025, 7, 1), date(2026, 6, 30)),
    # September year end
    ("09-30", END, "FY2026-Q1", date(2025, 10, 1), date(2025, 12, 31)),
    ("09-30", START, "FY2025-Q1", date(2025, 10, 1), date(2025, 12, 31)),
    ("09-30", START, "FY2025-FY", date(2025, 10, 1), date(2026, 9, 30)),
], ids=lambda v: str(v))
def test_labels_under_both_conventions(fye, named, label, start, end):
    cal = calendar_from(fye, named)
    period = period_from_label(label, cal)
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize("fye, named, anchor, label, end, weekday", [
    # year ends on the Friday nearest Jan 31 ("01-30" read in the year ending Jan 2026, a Friday)
    ("01-30", START, date(2025, 11, 19), "FY2025-FY", date(2026, 1, 30), 4),
    ("01-30", END, date(2025, 11, 19), "FY2026-FY", date(2026, 1, 30), 4),
    ("01-30", END, date(2025, 11, 19), "FY2027-FY", date(2027, 1, 29), 4),
    # the Thursday nearest Aug 31 ("09-03" read in fiscal 2026): a 53-week year
    ("09-03", END, date(2025, 12, 17), "FY2026-FY", date(2026, 9, 3), 3),
    ("09-03", END, date(2025, 12, 17), "FY2026-Q1", date(2025, 11, 27), 3),
    ("09-03", START, date(2025, 12, 17), "FY2025-Q1", date(2025, 11, 27), 3),
], ids=lambda v: str(v))
def test_week_years_end_on_their_weekday_under_both_conventions(fye, named, anchor, label, end, weekday):
    period = period_from_label(label, calendar_from(fye, named, anchor=anchor))
    assert period.end == end and period.end.weekday() == weekday


def test_a_53_week_year_is_371_days():
    cal = calendar_from("09-03", END, anchor=date(2025, 12, 17))
    fy = year_period(2026, cal)
    assert (fy.end - fy.start).days + 1 == 371


@pytest.mark.parametrize("fye, named, call, label", [
    ("01-31", END, date(2025, 5, 28), "FY2026-Q1"),
    ("01-31", START, date(2025, 5, 28), "FY2025-Q1"),
    ("01-31", END, date(2026, 3, 4), "FY2026-Q4"),
    ("01-31", START, date(2026, 3, 4), "FY2025-Q4"),
    ("06-30", END, date(2025, 7, 29), "FY2025-Q4"),
    ("09-30", END, date(2025, 11, 12), "FY2025-Q4"),
], ids=lambda v: str(v))
def test_the_reported_quarter_is_labelled_by_the_convention(fye, named, call, label):
    assert reported_period(call, calendar_from(fye, named, anchor=call)).label == label


# --- reading the convention from a call ----------------------------------------------------------------

@pytest.mark.parametrize("fye, call, sentences, expected", [
    pytest.param("01-31", date(2025, 3, 12),
                 ["Welcome to the Larkspur Cloud fourth quarter fiscal 2025 earnings call."], END,
                 id="jan-end: Q4 call in March reports the fourth quarter of fiscal 2025"),
    pytest.param("01-31", date(2025, 3, 12),
                 ["Welcome to the Tansy Stores fourth quarter fiscal 2024 earnings call."], START,
                 id="jan-start: Q4 call in March reports the fourth quarter of fiscal 2024"),
    pytest.param("01-31", date(2025, 11, 20),
                 ["We are pleased with our fiscal 2025 third quarter results.",
                  "For fiscal 2025, we now expect net sales of about $20 billion."], START,
                 id="jan-start: November call reports fiscal 2025 third quarter"),
    pytest.param("01-31", date(2025, 5, 28),
                 ["Q1 FY26 subscription revenue grew 14% year over year.",
                  "We expect FY26 subscription revenue of $9.1 billion."], END,
                 id="jan-end: May call with Q1 FY26 and FY26 guidance"),
    pytest.param("01-31", date(2025, 5, 28),
                 ["We expect FY26 subscription revenue of $9.1 billion.",
                  "We expect Q2 FY26 subscription revenue of $2.2 billion."], END,
                 id="jan-end: guidance only, next quarter and the year"),
    pytest.param("01-28", date(2025, 8, 27),
                 ["Net sales in Q2 2025 increased 4% over Q2 2024.",
                  "For Q2 2025 gross profit rose 20 basis points."], START,
                 id="jan-start: 52-week retailer, plain 'Q2 2025' reports the quarter"),
    pytest.param("06-30", date(2025, 7, 29),
                 ["Fiscal year 2025 fourth quarter revenue was $70 billion.",
                  "For FY '26 we expect double-digit revenue growth."], END,
                 id="june-end: fiscal year 2025 fourth quarter"),
    pytest.param("06-30", date(2025, 7, 29),
                 ["Fiscal year 2024 fourth quarter revenue was $70 billion.",
                  "For FY '25 we expect double-digit revenue growth."], START,
                 id="june-start: the same call named by the start"),
    pytest.param("09-03", date(2025, 12, 17),
                 ["Revenue for our fiscal first quarter 2026 was a record.",
                  "We plan to raise fiscal 2026 capital spending to about $9 billion."], END,
                 id="sept-53-week-end: fiscal first quarter 2026 in December"),
    pytest.param("03-31", date(2025, 8, 5),
                 ["These are our results for the first quarter of fiscal 2025.",
                  "We maintain our forecast for fiscal 2025."], START,
                 id="march-start: a year named by its start is read too"),
    pytest.param("01-31", date(2026, 3, 4),
                 ["Segment margin climbed to 9% in fiscal 2026, while we expect 11% in fiscal 2027.",
                  "For fiscal 2027, we expect service revenue of $3 billion.",
                  "Stock compensation slipped from 46% of sales in fiscal 2025 to 41% in fiscal 2026."], END,
                 id="jan-end: in a look-ahead sentence only the latest year looks ahead"),
    pytest.param("01-31", date(2025, 5, 28),
                 ["Revenue grew 12% this quarter.", "We expect revenue of $2 billion next quarter."], None,
                 id="no fiscal year named: the call does not tell"),
    pytest.param("01-31", date(2025, 5, 28),
                 ["In calendar 2026 we expect the market to grow 8%.", "We plan to open 40 stores in 2026."], None,
                 id="calendar and bare years say nothing"),
    pytest.param("01-31", date(2025, 5, 28), ["As we said in fiscal 2025, demand is strong."], None,
                 id="one ambiguous year mention is not enough"),
    pytest.param("12-31", date(2025, 5, 1), ["First quarter fiscal 2025 revenue was $3 billion."], None,
                 id="dec: years track the calendar, nothing to read"),
])
def test_infer_year_naming(fye, call, sentences, expected):
    assert infer_year_naming(sentences, call, fye).named == expected


def test_a_year_ago_comparison_does_not_outvote_the_reported_quarter():
    sentences = ["Revenue in the fourth quarter of fiscal 2025 was $1.2 billion, up from $1.0 billion in the "
                 "fourth quarter of fiscal 2024.", "Fourth quarter fiscal 2025 gross margin was 70%."]
    guess = infer_year_naming(sentences, date(2025, 3, 12), "01-31")
    assert guess.named is END and guess.end > guess.start


# --- settling a call's calendar ---------------------------------------------------------------------------

CFO = Speaker("Ines Marlowe", "Chief Financial Officer", Role.EXECUTIVE)


def _transcript(*sentences: str) -> Transcript:
    sents, pos = [], 0
    for s in sentences:
        sents.append(Sentence(s, pos, pos + len(s)))
        pos += len(s) + 1
    text = " ".join(sentences)
    return Transcript(text=text, layout=Layout.COLON,
                      turns=(Turn(0, CFO, Section.PREPARED, 0, len(text), tuple(sents)),))


END_CALL = _transcript("Welcome to the Larkspur Cloud first quarter fiscal 2026 earnings call.",
                       "We expect fiscal 2026 revenue of $4 billion.")


@pytest.mark.parametrize("given, source, expected_named, expected_from, fy_label", [
    (None, None, END, NamingSource.TRANSCRIPT, "FY2026-FY"),
    (START, NamingSource.OPTION, START, NamingSource.OPTION, "FY2025-FY"),
    (START, NamingSource.METADATA, START, NamingSource.METADATA, "FY2025-FY"),
    (START, NamingSource.COMPANY, START, NamingSource.COMPANY, "FY2025-FY"),
    (END, None, END, NamingSource.OPTION, "FY2026-FY"),
], ids=["read", "option", "metadata", "company", "given-without-source"])
def test_settle_calendar(given, source, expected_named, expected_from, fy_label):
    info = CallInfo(call_date=date(2025, 5, 28), fiscal_year_end="01-31", fiscal_year_named=given,
                    fiscal_year_named_from=source)
    settled, cal = settle_calendar(END_CALL, info)
    assert (settled.fiscal_year_named, settled.fiscal_year_named_from) == (expected_named, expected_from)
    assert year_period(fiscal_year_of(date(2025, 5, 28), cal), cal).label == fy_label


def test_a_silent_call_keeps_the_default():
    info = CallInfo(call_date=date(2025, 5, 28), fiscal_year_end="01-31")
    settled, cal = settle_calendar(_transcript("Revenue grew 12% this quarter."), info)
    assert (settled.fiscal_year_named, settled.fiscal_year_named_from) == (START, NamingSource.DEFAULT)
    assert cal.label_by is START


def test_quarter_labels_follow_the_settled_convention():
    info = CallInfo(call_date=date(2025, 5, 28), fiscal_year_end="01-31")
    _, cal = settle_calendar(END_CALL, info)
    assert quarter_period(2026, 2, cal).end == date(2025, 7, 31)
    _, cal = settle_calendar(END_CALL, replace(info, fiscal_year_named=START))
    assert quarter_period(2026, 2, cal).end == date(2026, 7, 31)


@pytest.mark.parametrize("data", [
    {"naming": {"ahead": ["expect"], "behind": ["was"]}},     # a key nobody reads: a typo
    {"naming": {"ahaed": ["expect"]}},
    {"naming": {"ahead": "expect"}},
    {"naming": {"ahead": ["expect", ""]}},
    {"naming": {"ahead": ["expect"]}, "extra": {}},
], ids=["unknown-key", "misspelt", "not-a-list", "empty-word", "unknown-table"])
def test_a_malformed_fiscal_lexicon_is_an_error(monkeypatch, data):
    from tracker import fiscal_naming
    from tracker.errors import LexiconError

    monkeypatch.setattr(fiscal_naming, "load", lambda name: data)
    fiscal_naming._ahead.cache_clear()
    try:
        with pytest.raises(LexiconError, match="fiscal.toml"):
            fiscal_naming._ahead()
    finally:
        fiscal_naming._ahead.cache_clear()


def test_lines_without_a_speaker_turn_are_read_too():
    headline = ("Larkspur Cloud Reports First Quarter Fiscal 2026 Results\n"
                "Press release, unlabelled.\nWe expect fiscal 2026 revenue of $4 billion, up 12%.")
    transcript = Transcript(text=headline, layout=Layout.PLAIN, turns=())
    settled, _ = settle_calendar(transcript, CallInfo(call_date=date(2025, 5, 28), fiscal_year_end="01-31"))
    assert (settled.fiscal_year_named, settled.fiscal_year_named_from) == (END, NamingSource.TRANSCRIPT)
