"""Reported figures (actuals): each rule of tracker/extraction/actuals.py on invented sentences of invented companies.

Calls are dated 2025-07-24 (calendar year, so the reported quarter is 2025-Q2) unless a case says otherwise.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

import pytest

from tracker.extraction import actuals
from tracker.vocab import lexicon
from tracker.extraction.actuals import sentence_actuals
from tracker.errors import LexiconError
from tracker.extraction.claims import Said, figure_claims
from tracker.model import Role, Sentence, Speaker
from tracker.periods import calendar_from, reported_period
from tracker.extraction.sentence_facts import analyse

CALL = date(2025, 7, 24)
CAL = calendar_from("12-31", anchor=CALL)
CFO = Speaker("Dana Reyes", "Chief Financial Officer", Role.EXECUTIVE)


def actuals_of(text: str, call: date = CALL, year_end: str = "12-31"):
    cal = calendar_from(year_end, anchor=call)
    facts = analyse(text, call, cal)
    found, _ = sentence_actuals(facts, CFO, reported_period(call, cal), call, cal, 0, len(text))
    return found


@dataclass(frozen=True)
class Case:
    text: str
    metric: str
    value: float
    period: str = "2025-Q2"


FOUND = [
    # a count reported as fact names its own metric when the lexicon knows none
    pytest.param(Case("In the quarter we added 410 net new clients, up 12% year over year.",
                      "net_new_clients", 410, "2025-Q2"), id="count-added-net-new-noun"),
    pytest.param(Case("We repurchased 1.7 million shares of our common stock in Q2 for $130 million.",
                      "shares", 1.7e6, "2025-Q2"), id="count-shares-repurchased-scaled"),
    pytest.param(Case("We now serve more than 9,400 customers in 30 countries.",
                      "customers", 9400, "2025-Q2"), id="count-now-serve"),
    pytest.param(Case("In the second quarter, we completed 318 remodels and 22 relocations.",
                      "remodels", 318, "2025-Q2"), id="count-bare-noun-not-in-lexicon"),
    pytest.param(Case("In the second quarter, we completed 318 remodels and 22 relocations.",
                      "relocations", 22, "2025-Q2"), id="count-second-bare-noun"),
    # a change stated with its new level reports the level
    pytest.param(Case("Inventory increased sequentially by $90 million to $2.1 billion.",
                      "inventory", 2.1e9, "2025-Q2"), id="change-by-to-level"),
    # what is left of a buyback program is a balance with its own name
    pytest.param(Case("At the end of Q2, our remaining share repurchase authorization stood at $640 million.",
                      "buyback_authorization_remaining", 640e6, "2025-06-30"), id="authorization-remaining-as-of"),
    # an earlier period past another figure is that figure's baseline
    pytest.param(Case("Against a hard comparison, net sales fell 0.4% to $3.7 billion, following a 24% increase in Q2 of 2024.",
                      "revenue", 3.7e9, "2025-Q2"), id="baseline-period-past-another-figure"),
    pytest.param(Case("Net sales were $3.7 billion and EPS was $1.12 in the second quarter.",
                      "revenue", 3.7e9, "2025-Q2"), id="shared-period-past-another-figure-kept"),
    # an open name a report of money means as a known metric
    pytest.param(Case("We reported second quarter earnings of $1.1 billion or $0.93 per share.",
                      "net_income", 1.1e9, "2025-Q2"), id="reported-earnings-are-net-income"),
    # a percentage called a margin right after a money figure is that metric's margin
    pytest.param(Case("Net income was $22.4 million, a 21.5% profit margin.", "net_margin", 21.5, "2025-Q2"),
                 id="margin-after-money-figure"),
    pytest.param(Case("Adjusted EBITDA was $41 million, a 30.2% margin, and net income was $20 million.",
                      "adjusted_ebitda_margin", 30.2, "2025-Q2"), id="margin-after-basis-metric"),
    # a count the company owns is a level, verb or not
    pytest.param(Case("We keep delivering value to our more than 9,300 customers.", "customers", 9300, "2025-Q2"),
                 id="owned-count-without-verb"),
    pytest.param(Case("In Q2, we used $120 million to repurchase 540,000 shares.", "shares", 540000, "2025-Q2"),
                 id="count-after-used"),
    # banking and subscription measures by their own names
    pytest.param(Case("Remaining performance obligations totaled $4.2 billion, up 30%.", "rpo", 4.2e9, "2025-Q2"),
                 id="rpo-not-backlog"),
    pytest.param(Case("Current RPO was $2.1 billion at the end of Q2, up 18%.", "crpo", 2.1e9, "2025-06-30"),
                 id="current-rpo"),
    pytest.param(Case("Credit costs were $410 million, reflecting net charge-offs of $300 million.",
                      "provision_for_credit_losses", 410e6, "2025-Q2"), id="credit-costs-are-provision"),
    pytest.param(Case("The net reserve build included $90 million in consumer.", "reserve_build", 90e6, "2025-Q2"),
                 id="reserve-build"),
    pytest.param(Case("We returned $90 million to shareholders and had $1.2 billion of authorization remaining.",
                      "buyback_authorization_remaining", 1.2e9, "2025-Q2"), id="authorization-remaining-after"),
]


@pytest.mark.parametrize("case", FOUND)
def test_reported_figure_is_read(case: Case) -> None:
    found = [(a.metric, a.value, a.period.label) for a in actuals_of(case.text)]
    assert (case.metric, pytest.approx(case.value), case.period) in found, found


YEAR_END_CALL = date(2025, 7, 29)     # fiscal year ends June 30: the call reports FY2025-Q4
MID_YEAR_CALL = date(2025, 4, 29)     # the call reports FY2025-Q3: the year has not ended

YEARS = [
    pytest.param("This year, we delivered over $61 billion in revenue, up 9% year-over-year.", YEAR_END_CALL,
                 "revenue", 61e9, "FY2025-FY", id="this-year-on-the-year-end-call"),
    pytest.param("Streaming annual revenue was nearly $4 billion for the first time.", YEAR_END_CALL,
                 "revenue", 4e9, "FY2025-FY", id="annual-before-metric"),
    pytest.param("Our cloud business surpassed $20 billion in annual revenue, up 25%.", YEAR_END_CALL,
                 "revenue", 20e9, "FY2025-FY", id="in-annual-metric-after-figure"),
    pytest.param("Streaming annual revenue was nearly $4 billion.", MID_YEAR_CALL,
                 "revenue", 4e9, "FY2025-Q3", id="annual-mid-year-is-the-quarter-reported"),
    pytest.param("For the full year, revenue was $61 billion.", YEAR_END_CALL,
                 "revenue", 61e9, "FY2025-FY", id="full-year-phrase"),
]


@pytest.mark.parametrize(("text", "call", "metric", "value", "period"), YEARS)
def test_the_year_reported(text: str, call: date, metric: str, value: float, period: str) -> None:
    found = [(a.metric, a.value, a.period.label) for a in actuals_of(text, call, "06-30")]
    assert (metric, pytest.approx(value), period) in found, found


def test_this_year_mid_year_is_not_reported() -> None:
    """Said before the year ends, "this year, we delivered $40 billion" is year to date, not the year's figure."""
    found = actuals_of("This year, we delivered over $40 billion in revenue.", MID_YEAR_CALL, "06-30")
    assert all(a.period.label != "FY2025-FY" for a in found), found


OPEN = [
    pytest.param("In leasing, originations were $3.2 billion, down 4%.", "originations", 3.2e9,
                 id="open-metric-were"),
    pytest.param("Long-term net inflows were $14 billion, led by equities.", "long_term_net_inflows", 14e9,
                 id="open-metric-modifiers-kept"),
    pytest.param("Dealer loans ended the quarter at $2.3 billion.", "dealer_loans", 2.3e9,
                 id="open-metric-ended-at"),
]


@pytest.mark.parametrize(("text", "metric", "value"), OPEN)
def test_reported_figure_of_an_open_metric(text: str, metric: str, value: float) -> None:
    found = [(a.metric, a.value, a.metric_known) for a in actuals_of(text)]
    assert (metric, pytest.approx(value), False) in found, found


NOT_FOUND = [
    pytest.param("We plan to double our 1,200 partners by next year.", "partners", id="owned-count-in-a-promise"),
    pytest.param("We plan to add 500 net new clients next year.", "net_new_clients", id="count-promised-not-reported"),
    pytest.param("We signed 9 large contracts compared to 4 in the same period last year.", "contracts",
                 id="count-baseline-of-comparison"),
    pytest.param("Inventory increased sequentially by $90 million to $2.1 billion.", "inventory",
                 id="change-by-to-no-range-low"),
]


@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_not_a_reported_level(text: str, word: str) -> None:
    found = actuals_of(text)
    if "by $90 million" in text:
        assert all(a.value != pytest.approx(90e6) for a in found), found
        return
    assert all(a.value not in (500, 4, 1200) for a in found), found


def test_a_count_verb_does_not_make_the_sentence_look_back() -> None:
    """"we added 30,000 kiosks and are on track to install 60,000 kiosks this year": the second is promised."""
    text = "In the first half we added over 30,000 kiosks and remain on track to install some 60,000 kiosks this year."
    facts = analyse(text, CALL, CAL)
    claims = figure_claims(facts, Said(CFO, Sentence(text, 0, len(text))), CALL, None)
    assert any(c.low == 60000 for c in claims), claims
    assert any(a.value == 30000 for a in actuals_of(text))


def test_a_margin_promised_is_a_margin_claim() -> None:
    text = "We expect adjusted EBITDA of $50 million in the third quarter, a 32% margin."
    facts = analyse(text, CALL, CAL)
    claims = figure_claims(facts, Said(CFO, Sentence(text, 0, len(text))), CALL, None)
    assert ("adjusted_ebitda_margin", 32) in [(c.metric, c.low) for c in claims], claims
    assert not actuals_of(text)


def test_broken_owned_and_margin_data_is_an_error(monkeypatch) -> None:
    from tracker.extraction import metric_reading
    broken = copy.deepcopy(lexicon.load("cues"))
    broken["owned"] = {"word": ["our"]}
    monkeypatch.setattr(actuals, "load", lambda name: broken)
    actuals._owned.cache_clear()
    try:
        with pytest.raises(LexiconError):
            actuals._owned()
    finally:
        actuals._owned.cache_clear()
    metrics = copy.deepcopy(lexicon.load("metrics"))
    metrics["margin_after"] = {"words": []}
    monkeypatch.setattr(metric_reading, "load", lambda name: metrics)
    metric_reading._margin_after.cache_clear()
    try:
        with pytest.raises(LexiconError):
            metric_reading._margin_after()
    finally:
        metric_reading._margin_after.cache_clear()


ANNUAL_BREAKS = [
    pytest.param(lambda d: d["annual"].update({"words": []}), id="annual-words-empty"),
    pytest.param(lambda d: d["annual"].update({"wrods": ["annual"]}), id="annual-key-typo"),
    pytest.param(lambda d: d.pop("annual"), id="annual-section-missing"),
]


@pytest.mark.parametrize("edit", ANNUAL_BREAKS)
def test_broken_annual_data_is_an_error(monkeypatch, edit) -> None:
    broken = copy.deepcopy(lexicon.load("cues"))
    edit(broken)
    monkeypatch.setattr(actuals, "load", lambda name: broken)
    actuals._annual.cache_clear()
    try:
        with pytest.raises(LexiconError):
            actuals._annual()
    finally:
        actuals._annual.cache_clear()


def test_reported_names_must_be_metrics(monkeypatch) -> None:
    broken = copy.deepcopy(lexicon.load("metrics"))
    broken["reported_names"]["earnings"] = "net_incom"
    monkeypatch.setattr(actuals, "load", lambda name: broken)
    actuals._reported_names.cache_clear()
    try:
        with pytest.raises(LexiconError):
            actuals._reported_names()
    finally:
        actuals._reported_names.cache_clear()


def test_earnings_in_a_promise_is_not_renamed() -> None:
    """Only reports are renamed: "we expect an increase in earnings" names no net income claim."""
    text = "In the third quarter we expect earnings of about $400 million from the new terminal."
    facts = analyse(text, CALL, CAL)
    claims = figure_claims(facts, Said(CFO, Sentence(text, 0, len(text))), CALL, None)
    assert all(c.metric != "net_income" for c in claims), claims
