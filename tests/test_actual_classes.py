"""Reported figures by language class: how calls state a figure as fact, each class on invented sentences.

Calls are dated 2025-07-24 (calendar year, so the reported quarter is 2025-Q2). Companies, people and sentences
are invented; each case names the class of phrasing it stands for.
"""
from __future__ import annotations

from datetime import date

import pytest

from tracker.contract import records
from tracker.model import Actual, Extraction, Period

from tests.test_actuals import CFO, Case, actuals_of

FOUND = [
    # a bare count of a counted metric is in that metric's unit, not dropped for want of one
    pytest.param(Case("In Q2 we added 6 new outlets, bringing our total count of stores to 41.",
                      "stores", 41), id="count-bare-running-total"),
    pytest.param(Case("Paid subscribers reached 912,000, up 40% year over year.", "subscribers", 912000),
                 id="count-bare-reached"),
    pytest.param(Case("We ended the quarter with a diluted share count of 412 million.", "share_count", 412e6),
                 id="count-bare-scaled-share-count"),
    # line items by their own names
    pytest.param(Case("Second quarter EBT adjusted was unchanged year over year at $310 million.",
                      "pretax_income", 310e6), id="line-item-ebt-adjusted"),
    pytest.param(Case("Asset servicing posted net income of $420 million with a pre-tax margin of 29%.",
                      "pretax_margin", 29), id="line-item-pretax-margin"),
    pytest.param(Case("Cash paid for PP&E was $2.3 billion.", "capex", 2.3e9), id="line-item-cash-paid-for-ppe"),
    pytest.param(Case("We returned $1.6 billion to shareholders via dividends and buybacks.",
                      "shareholder_returns", 1.6e9), id="capital-returned-to-shareholders"),
    pytest.param(Case("We paid $1 billion in dividends, bringing our total cash return to investors to more than $5 billion.",
                      "shareholder_returns", 5e9), id="capital-return-running-total"),
    # the price paid per share bought back
    pytest.param(Case("We repurchased 3 million shares in Q2 at an average price of $41.20 a share.",
                      "repurchase_price", 41.2), id="per-share-a-share"),
    pytest.param(Case("Over the spring we bought back 2 million shares at an average price of $27.50 a share.",
                      "repurchase_price", 27.5), id="per-share-bought-back"),
    pytest.param(Case("In Q2 we bought 2 million shares of our stock.", "shares", 2e6), id="count-shares-bought"),
    pytest.param(Case("In Q2 we purchased 2 million shares of our stock.", "shares", 2e6), id="count-shares-purchased"),
    pytest.param(Case("In Q2, 90,000 shares were retired, at a weighted average share price near $118.",
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
    pytest.param(Case("As of quarter-end, cash, cash equivalents and short-term investments totaled $3.2 billion.",
                      "cash", 3.2e9, "2025-06-30"), id="lexicon-balance-listed-with-commas"),
    pytest.param(Case("We paid a quarterly dividend of $0.30 per share at a total cost of $45 million.",
                      "dividends", 45e6), id="weak-cost-refers-back"),
    pytest.param(Case("Field service expenses, excluding the severance items for the plant closure, were $80 million.",
                      "operating_expenses", 80e6), id="aside-between-commas-is-not-an-antecedent"),
    pytest.param(Case("Last year, we saw attach rates of around 15% off of a base of about 6,500 vehicles.",
                      "units", 6500, "2024-FY"), id="weak-base-volume-unit"),
]


SHAPES = [
    # a profit stated as a share of sales is its margin
    pytest.param(Case("As a percentage of net sales, operating profit was 8.4%, a decrease of 40 basis points.",
                      "operating_margin", 8.4), id="share-of-sales-before-metric"),
    pytest.param(Case("Gross profit as a percentage of net sales came in at 30.2%.", "gross_margin", 30.2),
                 id="share-of-sales-after-metric"),
    pytest.param(Case("Operating profit as a percentage of net sales came to 11.3%.", "operating_margin", 11.3),
                 id="share-of-sales-came-to"),
    pytest.param(Case("Gross profit as a percentage of sales amounted to 41.5%.", "gross_margin", 41.5),
                 id="share-of-sales-amounted-to"),
    pytest.param(Case("Member renewal held at 88% in the quarter.", "member_renewal", 88), id="held-at-reads-like-was"),
    # a flat figure against last year is the reported period's, the year named is its baseline
    pytest.param(Case("Same-store sales held flat versus last year.", "comparable_sales", 0), id="flat-held-versus-last-year"),
    pytest.param(Case("Same-store sales were flat on the prior year.", "comparable_sales", 0),
                 id="flat-on-the-prior-year-not-dated-to-it"),
    pytest.param(Case("Gross margin stayed flat on last year.", "gross_margin", 0), id="flat-stayed-on-last-year"),
    # the level a moving metric reached, after its change
    pytest.param(Case("Second quarter bookings grew 21% year-on-year to a record $2.4 billion, and total revenue grew "
                      "9% to $800 million.", "bookings", 2.4e9), id="moved-to-level-not-the-next-metric"),
    pytest.param(Case("Stock-based compensation fell from 22% of revenue in 2024 to 18% in the second quarter.",
                      "stock_based_compensation", 18), id="moved-from-share-to-share"),
    # an amount's own noun after a link, a count of days named with its unit
    pytest.param(Case("We also recorded $30 million in integration charges tied to the merger.",
                      "integration_charges", 30e6), id="amount-in-noun-phrase"),
    pytest.param(Case("Dealer inventory ended at 48 days.", "dealer_inventory_days", 48), id="days-of-a-thing"),
    # a balance date belongs to its own clause
    pytest.param(Case("Deferred revenue at the end of the quarter came to $1.2 billion, up 8%, and net retention remained "
                      "a healthy 112%.", "net_retention", 112), id="as-of-date-stays-in-its-clause"),
    pytest.param(Case("Our backlog as of the end of the quarter stood at $1.2 billion, up 8%, and net retention held at "
                      "a healthy 112%.", "backlog", 1.2e9, "2025-06-30"), id="as-of-date-in-its-clause"),
    pytest.param(Case("By the end of Q2, backlog was $1.2 billion, up 8%, and cash was $300 million.",
                      "cash", 300e6, "2025-06-30"), id="as-of-date-opening-the-sentence-frames-all"),
    # "in <scope>" after an amount is where it was, not what it was
    pytest.param(Case("The net reserve build included $300 million in consumer and $90 million in wholesale.",
                      "reserve_build", 90e6), id="amount-in-a-scope-word"),
    # debt instruments are debt; a part introduced by "including" belongs to the whole named before
    pytest.param(Case("We redeemed $500 million of senior notes during the quarter.", "debt", 500e6),
                 id="debt-instrument"),
    pytest.param(Case("Capital expenditures were $3.1 billion, including $0.8 billion of finance leases.",
                      "capex", 0.8e9), id="including-a-part-of-the-whole"),
    # periods: a rate is over its period, "since" names a baseline, a clause of its own keeps the balance date
    pytest.param(Case("At the end of 2024, we had our strongest year yet, with return on capital approaching 14%, our "
                      "highest since 2011.", "return_on_capital", 14, "2024-FY"), id="rate-has-no-as-of-date"),
    pytest.param(Case("Net leverage sat at 2.9x at quarter end after we repaid $800 million in debt "
                      "maturities.", "debt_repaid", 800e6), id="subordinate-clause-after-balance-date"),
    pytest.param(Case("Net leverage eased to 2.4x after we paid down $600 million of debt maturities.",
                      "debt_repaid", 600e6), id="debt-paid-down-is-no-move"),
    pytest.param(Case("Net leverage eased to 2.4x after we retired $600 million of debt maturities.",
                      "debt_repaid", 600e6), id="debt-retired"),
    # counts: a bare count's own noun, a possessive owns a count
    pytest.param(Case("These block awards have made Corvel one of the biggest holders in the basin with over 310 leases.",
                      "leases", 310), id="bare-count-own-noun-over-unlinked-lexicon-word"),
    pytest.param(Case("The acquired chain's 370 locations also strengthen our delivery network.", "locations", 370),
                 id="possessive-owns-a-count"),
    # line items and rates by their own names, and a rate's level after its change
    pytest.param(Case("As the slide shows, marketing spend was $21 million in the quarter.",
                      "marketing_expense", 21e6), id="marketing-spend"),
    pytest.param(Case("Revenue rose 30% as revenue yield expanded 90 basis points year-over-year to 10.6%.",
                      "revenue_yield", 10.6), id="rate-change-to-level"),
    pytest.param(Case("Total debt to adjusted EBITDA stands at 0.6x, while total debt to equity is a modest 0.4x.",
                      "debt_to_equity", 0.4), id="debt-to-equity"),
    pytest.param(Case("Total debt to adjusted EBITDA stands at 0.6x, while total debt to equity is a modest 0.4x.",
                      "leverage_ratio", 0.6), id="debt-to-adjusted-ebitda"),
    # a lexicon word before the next figure names it only when that figure is of its kind
    pytest.param(Case("In Q2, we used $120 million to repurchase 540,000 shares.", "share_repurchases", 120e6),
                 id="verb-noun-before-a-count-names-the-amount"),
    # a report by "drove"; a subject before an aside set off by commas
    pytest.param(Case("We drove 9% subscription revenue growth and a non-GAAP operating margin of 27%.",
                      "operating_margin", 27), id="drove-reports"),
    pytest.param(Case("Our headcount, which includes the contractors we converted, stands at 8,400 employees.", "headcount",
                      8400), id="subject-before-an-aside"),
    pytest.param(Case("Field service expenses, excluding the severance items, were $80 million in the quarter.",
                      "operating_expenses", 80e6), id="lexicon-subject-before-an-aside"),
    # a total since the year began
    pytest.param(Case("Year-to-date through Q2, Halvard has produced cash flow from operations of $700 million.",
                      "operating_cash_flow", 700e6, "2025-H1"), id="year-to-date-through-q2-is-the-half"),
]


NOT_COUNTS = [
    # a number in words after a determiner or preposition names a group, not a count reported
    pytest.param("In the quarter, we returned all of our free cash flow through these two actions.", "actions",
                 id="these-two-actions"),
    pytest.param("In the quarter, we reported our revenues in three groups.", "groups", id="in-three-groups"),
]


NOT_NAMED = [
    # a phrase that ends in an adverb or a participle has no noun to name a figure; a name ends a phrase
    pytest.param("In Canada, member satisfaction was recently measured at 95%.", "recently_measured",
                 id="participle-head"),
    pytest.param("Gross margin fell, driven by approximately $300 million in freight costs Dana mentioned earlier.",
                 "freight_costs_dana_mentioned_earlier", id="name-starts-a-new-clause"),
]


@pytest.mark.parametrize(("text", "metric"), NOT_NAMED)
def test_no_noun_no_name(text: str, metric: str) -> None:
    assert all(a.metric != metric for a in actuals_of(text)), actuals_of(text)


@pytest.mark.parametrize(("text", "metric"), NOT_COUNTS)
def test_a_number_in_words_after_a_determiner_counts_nothing(text: str, metric: str) -> None:
    assert all(a.metric != metric for a in actuals_of(text)), actuals_of(text)


def test_an_own_count_of_a_lexicon_phrase_keeps_the_lexicon_word() -> None:
    """"our own bitcoin holdings balance reached 1,310": the lexicon word is linked to the figure, with no noun of
    the count's own after it."""
    found = [(a.metric, a.value) for a in actuals_of("By the end of Q2, our own bitcoin holdings reached 1,310.")]
    assert ("btc_holdings", 1310) in found, found


@pytest.mark.parametrize("case", FOUND + ATTACHED + SHAPES)
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


YEAR_END_CALL = "2026-01-28"      # calendar year: the call reports 2025-Q4, the year's last quarter


def _actual_records(tmp_path, turn: str) -> list[dict]:
    from tracker.extraction.extract import extract_file
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nDana Reyes: {turn}\n\n", encoding="utf-8")
    return [r for r in records(extract_file(path, call_date=YEAR_END_CALL)) if r["type"] == "actual"]


def test_a_run_about_the_year_carries_the_year(tmp_path) -> None:
    """"This year, we delivered $9 billion in revenue. Operating income was $4 billion.": the second sentence goes
    on with the year; a sentence naming the quarter ends the run, and a count the company has is as of now."""
    found = {(r["metric"], r["period"]) for r in _actual_records(tmp_path, (
        "This year, we delivered more than $9 billion in revenue, up 13% year-over-year. "
        "Operating income was over $4 billion, up 17% year-over-year. "
        "We now have more than 120 stores across 9 countries. "
        "In the fourth quarter, revenue was $2.6 billion. Gross margin was 41%."))}
    assert ("operating_income", "2025-FY") in found, found
    assert ("stores", "2025-Q4") in found, found
    assert ("gross_margin", "2025-Q4") in found, found
