"""Reported figures by language class: how calls state a figure as fact, each class on invented sentences.

Calls are dated 2025-07-24 (calendar year, so the reported quarter is 2025-Q2). Companies, people and sentences
are invented; each case names the class of phrasing it stands for.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tracker.actuals import sentence_actuals
from tracker.contract import records
from tracker.model import Actual, Extraction, Period, Role, Speaker
from tracker.periods import calendar_from, reported_period
from tracker.sentence_facts import analyse

CALL = date(2025, 7, 24)
CFO = Speaker("Dana Reyes", "Chief Financial Officer", Role.EXECUTIVE)


def actuals_of(text: str, call: date = CALL, year_end: str = "12-31") -> list[Actual]:
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
    # a bare count of a counted metric is in that metric's unit, not dropped for want of one
    pytest.param(Case("During the quarter we opened 6 new outlets, bringing the total number of stores to 41.",
                      "stores", 41), id="count-bare-running-total"),
    pytest.param(Case("Paid subscribers reached 912,000, up 40% year over year.", "subscribers", 912000),
                 id="count-bare-reached"),
    pytest.param(Case("We ended the quarter with a diluted share count of 412 million.", "share_count", 412e6),
                 id="count-bare-scaled-share-count"),
    # line items by their own names
    pytest.param(Case("Second quarter EBT adjusted was consistent year over year at $310 million.",
                      "pretax_income", 310e6), id="line-item-ebt-adjusted"),
    pytest.param(Case("Wealth management reported net income of $420 million with a pre-tax margin of 29%.",
                      "pretax_margin", 29), id="line-item-pretax-margin"),
    pytest.param(Case("Cash paid for PP&E was $2.3 billion.", "capex", 2.3e9), id="line-item-cash-paid-for-ppe"),
    pytest.param(Case("We returned $1.6 billion to shareholders through dividends and buybacks.",
                      "shareholder_returns", 1.6e9), id="capital-returned-to-shareholders"),
    pytest.param(Case("We paid $1 billion in dividends, bringing our total cash return to shareholders to over $5 billion.",
                      "shareholder_returns", 5e9), id="capital-return-running-total"),
    # the price paid per share bought back
    pytest.param(Case("We repurchased 3 million shares during the quarter at an average price of $41.20 a share.",
                      "repurchase_price", 41.2), id="per-share-a-share"),
    pytest.param(Case("In Q2, we bought back 90,000 shares at a weighted average share price of about $118.",
                      "repurchase_price", 118), id="weighted-average-share-price"),
]


ATTACHED = [
    # the noun phrase a figure is bound to names it before a lexicon word further away
    pytest.param(Case("The quarter included two special items: equipment sale gains of $40 million, mostly from older "
                      "rigs; and severance costs of $12 million.", "equipment_sale_gains", 40e6),
                 id="attached-before-of-not-a-later-lexicon-word"),
    pytest.param(Case("The quarter included two special items: equipment sale gains of $40 million, mostly from older "
                      "rigs; and severance costs of $12 million.", "severance_costs", 12e6),
                 id="attached-before-of-not-an-earlier-lexicon-word"),
    pytest.param(Case("We completed 140 projects, including 60 new stores, 55 remodels and 25 relocations.",
                      "remodels", 55), id="attached-after-bare-count"),
    pytest.param(Case("We completed 140 projects, including 60 new stores, 55 remodels and 25 relocations.",
                      "stores", 60), id="attached-count-own-lexicon-noun-kept"),
    pytest.param(Case("The quarter included a $300 million restructuring charge.", "restructuring_charge", 300e6),
                 id="attached-after-money"),
    pytest.param(Case("These results included the $2.1 billion net gain related to the sale of our stake.",
                      "net_gain", 2.1e9), id="attached-after-money-participle-ends-phrase"),
    pytest.param(Case("Other income rose sequentially, mainly from the revaluation of token holdings, which was a "
                      "$40 million gain in Q2.", "revaluation_of_token_holdings", 40e6),
                 id="attached-relative-clause-antecedent"),
    pytest.param(Case("Our field teams earned a record bonus pool, totaling more than $90 million.",
                      "record_bonus_pool", 90e6), id="attached-appositive-totaling"),
    pytest.param(Case("Our gross retention rate remained a healthy 96%.", "gross_retention_rate", 96),
                 id="attached-link-with-fillers"),
    pytest.param(Case("Average visit frequency hit a record 5.1x compared to 4.4x a year ago.",
                      "average_visit_frequency", 5.1), id="attached-multiple-hit-a-record"),
    pytest.param(Case("And in deposits, we saw net inflows of $9 billion.", "net_inflows", 9e9),
                 id="attached-scope-word-in-another-clause"),
    pytest.param(Case("Revenue from our cloud segment was $5 billion.", "revenue", 5e9),
                 id="lexicon-word-in-the-figures-clause-wins"),
    pytest.param(Case("At the end of the quarter, cash, cash equivalents and short-term investments were $3.2 billion.",
                      "cash", 3.2e9, "2025-06-30"), id="lexicon-balance-listed-with-commas"),
    pytest.param(Case("We paid a quarterly dividend of $0.30 per share at a total cost of $45 million.",
                      "dividends", 45e6), id="weak-cost-refers-back"),
    pytest.param(Case("Field service expenses, excluding the severance items for the plant closure, were $80 million.",
                      "operating_expenses", 80e6), id="aside-between-commas-is-not-an-antecedent"),
    pytest.param(Case("Last year, we saw attach rates of about 20% off of a base of roughly 9,000 vehicles.",
                      "units", 9000, "2024-FY"), id="weak-base-volume-unit"),
]


@pytest.mark.parametrize("case", FOUND + ATTACHED)
def test_reported_figure_is_read(case: Case) -> None:
    found = [(a.metric, a.value, a.period.label) for a in actuals_of(case.text)]
    assert (case.metric, pytest.approx(case.value), case.period) in found, found


def _actual(quote: str, value: float = 10.5) -> Actual:
    period = Period(label="2025-Q2", start=date(2025, 4, 1), end=date(2025, 6, 30))
    return Actual(metric="operating_margin", scope=None, value=value, unit="%", period=period, quote=quote,
                  speaker=CFO.name, start=0, end=len(quote))


def test_a_restated_actual_is_one_record_with_mentions() -> None:
    """"operating margin reached 10.5%" and later "operating margin was 10.5%": one reported figure."""
    first, again = _actual("Operating margin reached 10.5%."), _actual("Operating margin was 10.5%, up 2 points.")
    other = _actual("Operating margin was 9.9% last quarter.", 9.9)
    ex = Extraction(info=None, transcript=None, claims=(), actuals=(first, again, other))
    out = [r for r in records(ex) if r["type"] == "actual"]
    assert [r["value"] for r in out] == [10.5, 9.9]
    assert [m["quote"] for m in out[0]["mentions"]] == [first.quote, again.quote]
