"""Which metric a guided figure belongs to, and the shape of its value: one table row per sentence.

Every sentence is invented (Quillon Foods, Marlow Bank, Fenwick Motors, Tamsin Energy, Penrose Software ...) and
goes through the whole extraction, so a row fails when any step between the words and the claim breaks.
The call is dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

CALL_DATE = "2025-05-01"


def _claims(tmp_path: Path, *sentences: str) -> list[dict]:
    text = "Operator: Welcome to the call.\n\n" + "".join(f"Ada Quill: {s}\n\n" for s in sentences)
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    return [r for r in records(extract_file(path, call_date=CALL_DATE)) if r["type"] == "claim"]


def assert_one_claim(tmp_path: Path, sentence: str, expected: dict) -> None:
    """The sentence gives exactly one claim, with these fields."""
    got = _claims(tmp_path, sentence)
    assert len(got) == 1, got
    assert {k: got[0].get(k) for k in expected} == expected


# (id, sentence, fields the sentence's numeric claim must have)
SHAPES = [
    # growth of a level metric, with its comparison base
    ("growth-yoy", "For Q3, Quillon expects revenue to be up 10% year over year.",
     dict(metric="revenue_growth", measure="yoy_growth", low=10, high=10, unit="%", period="2025-Q3")),
    ("growth-sequential", "Fenwick expects revenue to grow approximately 6% sequentially in Q3.",
     dict(metric="revenue_growth", measure="qoq_growth", comparator="approx", low=6, period="2025-Q3")),
    ("growth-band-range", "Penrose expects revenue to grow in the mid-30% range in 2025.",
     dict(metric="revenue_growth", low=34, high=36, comparator="range", period="2025-FY")),
    ("growth-eps", "We expect 2025 EPS to grow 12%.",
     dict(metric="eps_growth", measure="yoy_growth", low=12, high=12, period="2025-FY")),
    ("growth-negative-band", "For 2025 we see device revenue declining in the low to mid single digits.",
     dict(metric="revenue_growth", low=-6, high=-1, comparator="range")),
    ("growth-verbal-band", "Tamsin expects sales to grow at a low-double-digit rate in 2025.",
     dict(metric="revenue_growth", low=10, high=13, unit="%")),
    ("growth-double-digit-floor", "We expect another year of double-digit revenue growth in 2026.",
     dict(metric="revenue_growth", low=10, high=None, comparator="ge", period="2026-FY")),
    ("growth-increase-in-noun", "We see a 3% to 6% increase in throughput for 2025.",
     dict(metric="throughput_growth", metric_known=False, low=3, high=6)),
    ("growth-open-before", "We expect enrollments to rise between 15% and 16% in Q3.",
     dict(metric="enrollments_growth", metric_known=False, low=15, high=16, period="2025-Q3")),
    ("cagr-through-year", "Tamsin targets a 3% output CAGR through 2027.",
     dict(metric="output_growth", measure="cagr", low=3, high=3, period="2027-FY")),
    # zero-ended ranges, breakeven, signs
    ("flat-to-down", "We expect shipments to be flat to down 4% in 2025.",
     dict(metric="deliveries_growth", low=-4, high=0, comparator="range")),
    ("flat-to-up", "Quillon expects revenue to be flat to up 1% in Q3.",
     dict(metric="revenue_growth", low=0, high=1, comparator="range", period="2025-Q3")),
    ("around-breakeven", "We expect EBITDA to be around breakeven in 2026.",
     dict(metric="ebitda", low=0, high=0, comparator="approx", unit="USD")),
    ("positive-metric", "Fenwick expects positive free cash flow in 2026.",
     dict(metric="free_cash_flow", low=0, high=None, comparator="gt", unit="USD", period="2026-FY")),
    ("loss-sign", "We expect an adjusted EBITDA loss of $400 to $450 million in 2025.",
     dict(metric="adjusted_ebitda", basis="adjusted", low=-450e6, high=-400e6)),
    ("loss-term", "Marlow expects an operating loss of $30 million in Q3.",
     dict(metric="operating_income", low=-30e6, high=-30e6)),
    # moves, multiples, ratios, likeness
    ("raise-from-to", "The board intends to raise the quarterly dividend from $1.15 to $1.25 in Q3.",
     dict(metric="dividend_per_share", low=1.25, high=1.25, comparator="eq")),
    ("more-than-double", "Fenwick targets to more than double subscription revenue in 2025.",
     dict(metric="revenue", measure="multiple", low=2, high=None, unit="x", comparator="gt")),
    ("ratio-to-metric", "We see the provision landing in the range of 1.5% to 2% of GMV in 2025.",
     dict(metric="provision_for_credit_losses", measure="ratio", low=1.5, high=2, unit="% of GMV")),
    ("similar-to-last-year", "For 2026, we expect our fee yield to be similar to 2025's level of 9.8%.",
     dict(metric="fee_yield", metric_known=False, low=9.8, comparator="approx", period="2026-FY")),
    ("in-line-with-last-year", "We expect 2026 gross margin to be in line with last year's 45%.",
     dict(metric="gross_margin", low=45, comparator="approx", period="2026-FY")),
    # units and currencies
    ("power-capacity", "Tamsin expects to add 300 MW of capacity in 2026.",
     dict(metric="power_capacity", low=300, unit="MW", period="2026-FY")),
    ("gigawatts", "We plan to reach 1.5 gigawatts of capacity by the end of 2027.",
     dict(metric="power_capacity", low=1.5, unit="GW")),
    ("euro", "We expect 2025 revenue of EUR 4.2 billion.", dict(metric="revenue", low=4.2e9, unit="EUR")),
    ("danish-kroner", "We expect 2025 revenue of DKK 5 to 6 billion.", dict(metric="revenue", low=5e9, high=6e9,
                                                                            unit="DKK")),
    ("taiwan-dollar", "We expect Q3 revenue of NT$30 billion.", dict(metric="revenue", low=30e9, unit="TWD")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in SHAPES], ids=[r[0] for r in SHAPES])
def test_value_shapes(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    got = numeric[0]
    assert {k: got[k] for k in expected} == expected


# (id, sentence, metric, known, basis)
VOCABULARY = [
    ("plural-inflection", "We expect effective tax rates of 21% to 23% for 2025.", "tax_rate", True, None),
    ("eps-variant", "We expect net income per diluted share of $2.10 in Q3.", "eps", True, None),
    ("basis-after", "For 2025, Fenwick expects EBIT-adjusted of $12 billion to $14 billion.", "operating_income", True,
     "adjusted"),
    ("adjusted-expense", "Marlow expects adjusted expense of about $41 billion for 2025.", "operating_expenses", True,
     "adjusted"),
    ("non-gaap", "We expect non-GAAP gross margin of 54% in Q4.", "gross_margin", True, "non_gaap"),
    ("gaap", "We expect GAAP EPS of $1.50 in Q3.", "eps", True, "gaap"),
    ("charge-off", "Marlow expects its card net charge-off rate to be around 3.4% for 2025.",
     "net_charge_off_rate", True, None),
    ("book-to-bill", "We expect a book-to-bill of 1.1 in Q3.", "book_to_bill", True, None),
    ("segment-margin", "We expect segment margin of 21% to 21.6% in 2025.", "segment_margin", True, None),
    ("orders", "We expect orders of $3 billion in Q3.", "bookings", True, None),
    ("backlog", "We expect backlog to reach $20 billion by the end of 2025.", "backlog", True, None),
    ("deliveries", "Fenwick expects deliveries of 400,000 vehicles in 2025.", "deliveries", True, None),
    ("same-store", "We expect same-store sales to be up 3% in 2025.", "comparable_sales", True, None),
    ("cogs", "We expect cost of revenue of $2.4 billion in Q3.", "cogs", True, None),
    # a growth named before or after what grows, the figure before it "of" (a change is no share base)
    ("growth-of-revenue-before", "We expect pricing to add two percentage points of subscription revenue growth in 2026.",
     "revenue_growth", True, None),
    ("growth-in-revenue-after", "We expect pricing to add one percentage point of growth in product revenue in 2026.",
     "revenue_growth", True, None),
    ("growth-in-net-sales-after", "We expect pricing to add 2 percentage points of growth in net sales in 2026.",
     "revenue_growth", True, None),
    # the verb before a count names what is counted
    ("count-remodel", "In 2025 Harbor plans to remodel 1,750 stores.", "store_remodels", True, None),
    ("count-relocate", "In 2025 Harbor plans to relocate 100 stores.", "store_relocations", True, None),
    ("count-close", "We expect to close 40 branches in 2025.", "branch_closures", True, None),
    ("count-hire", "We aim at hiring up to an additional 5,000 employees by the end of 2025.", "employee_hires",
     True, None),
    # not in the lexicon: the noun phrase, kept
    ("open-of-after", "We expect around $500 million of cost savings in 2025.", "cost_savings", False, None),
    ("open-count", "Quillon intends to install roughly 48,000 cooler doors this year.", "cooler_doors", False,
     None),
    ("open-link-before", "We expect the attach rate to be about 40% in 2025.", "attach_rate", False, None),
    ("open-basis-stripped", "We expect adjusted funding costs of $80 million in Q3.", "funding_costs", False,
     "adjusted"),
    ("open-basis-after", "For Q3 we expect EBITDAR adjusted to be in the $1.5 to $2 billion range.", "ebitdar", False,
     "adjusted"),
]


@pytest.mark.parametrize("sentence, metric, known, basis", [r[1:] for r in VOCABULARY],
                         ids=[r[0] for r in VOCABULARY])
def test_metric_vocabulary(tmp_path, sentence, metric, known, basis):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert [(c["metric"], c["metric_known"], c["basis"]) for c in numeric] == [(metric, known, basis)]


def test_two_metrics_in_one_sentence_are_two_claims(tmp_path):
    got = _claims(tmp_path, "For Q3, Penrose expects COGS of $24.3 to $24.5 billion and operating expense of "
                            "$15.7 to $15.8 billion.")
    assert [(c["metric"], c["low"], c["high"]) for c in got] == [
        ("cogs", 24.3e9, 24.5e9), ("operating_expenses", 15.7e9, 15.8e9)]


def test_a_list_of_metrics_each_with_its_figure(tmp_path):
    got = _claims(tmp_path, "For 2025 Marlow expects NII of approximately $61 billion, adjusted expense of about "
                            "$52 billion, and a card net charge-off rate near 2.8%.")
    assert [(c["metric"], c["basis"], c["low"]) for c in got] == [
        ("net_interest_income", None, 61e9), ("operating_expenses", "adjusted", 52e9), ("net_charge_off_rate", None, 2.8)]


def test_one_growth_figure_for_metrics_listed_together(tmp_path):
    got = _claims(tmp_path, "Penrose expects one more year of double-digit sales and operating profit growth in 2026.")
    assert [(c["metric"], c["low"], c["comparator"]) for c in got] == [
        ("revenue_growth", 10, "ge"), ("operating_income_growth", 10, "ge")]


def test_a_rate_moving_down_is_a_signed_change_not_a_level(tmp_path):
    got = _claims(tmp_path, "For Q3, Quillon expects gross margin to be down 50 basis points year over year.")
    assert [(c["metric"], c["measure"], c["low"]) for c in got] == [("gross_margin_change", "yoy_change", -0.5)]


def test_a_level_then_its_move_keeps_the_level(tmp_path):
    got = _claims(tmp_path, "For Q3, we expect operating margin of 12.4%, which is up 10 basis points sequentially.")
    assert [(c["metric"], c["low"]) for c in got][:1] == [("operating_margin", 12.4)]


def test_respectively_gives_two_ranges_and_no_stray_record(tmp_path):
    got = _claims(tmp_path, "For Q3, we expect gross margin and operating margin to be 45% and 30%, respectively, "
                            "plus or minus 30 basis points.")
    assert [(c["metric"], c["low"], c["high"]) for c in got] == [
        ("gross_margin", 44.7, 45.3), ("operating_margin", 29.7, 30.3)]


def test_growth_restating_a_guided_level_is_a_mention_of_it(tmp_path):
    got = _claims(tmp_path, "For Q3, we expect revenue of $7.5 billion, up 22% year over year.")
    assert [(c["metric"], len(c["mentions"])) for c in got] == [("revenue", 1)]


# sentences that must not give a claim of an unnamed metric
NOT_OPEN = [
    ("looking-back", "Policy rates have fallen 125 basis points over the past two years, and we expect more in 2025."),
    ("undated", "We expect the attach rate to be about 40%."),
    ("comparison-multiple", "I think the revenue in 2025 is more than double of last year."),
    ("generic-count", "We expect 11 points of improvement in Q3."),
    ("time-span", "Having three quarters of results in hand, we expect a strong 2025."),
]


def test_an_undated_growth_looking_back_is_no_claim(tmp_path):
    assert _claims(tmp_path, "Our kettle line continued to see revenue up 11% year over year.") == []


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_OPEN], ids=[r[0] for r in NOT_OPEN])
def test_no_claim_of_an_unnamed_metric(tmp_path, sentence):
    assert [c["metric"] for c in _claims(tmp_path, sentence) if not c["metric_known"]] == []


# metrics.toml is checked when first read: a broken copy of each table metric_reading uses must be an error
BROKEN = [
    ("growth-missing", lambda d: d.pop("growth")),
    ("growth-typo", lambda d: d["growth"].__setitem__("yoyy", d["growth"].pop("yoy"))),
    ("growth-reach-empty", lambda d: d["growth"].__setitem__("reach", [])),
    ("growth-object-link-missing", lambda d: d["growth"].pop("object_link")),
    ("basis-extra-key", lambda d: d["basis"].__setitem__("ifrs", ["ifrs"])),
    ("open-words-empty", lambda d: d["open_metric"].__setitem__("links", [])),
    ("open-max-words-text", lambda d: d["open_metric"].__setitem__("max_words", "four")),
    ("similar-not-a-list", lambda d: d["similar"].__setitem__("words", "similar to")),
    ("sign-typo", lambda d: d["sign"].__setitem__("postive", d["sign"].pop("positive"))),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_metrics_file_is_an_error(monkeypatch, breaks):
    import copy

    from tracker.extraction import figure_positions
    from tracker.vocab import metric_vocab
    from tracker.errors import LexiconError
    from tracker.vocab.lexicon import load

    data = copy.deepcopy(load("metrics"))
    breaks(data)
    monkeypatch.setattr(metric_vocab, "load", lambda name: data if name == "metrics" else load(name))
    monkeypatch.setattr(figure_positions, "load", lambda name: data if name == "metrics" else load(name))
    metric_vocab._vocab.cache_clear()
    figure_positions.sign_words.cache_clear()
    try:
        with pytest.raises(LexiconError):
            metric_vocab._vocab()
            figure_positions.sign_words()
    finally:
        metric_vocab._vocab.cache_clear()
        figure_positions.sign_words.cache_clear()
