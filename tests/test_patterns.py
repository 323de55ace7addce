"""The context patterns of tracker/data/patterns.toml: each reads its language class in invented sentences, and a
broken copy of the data is an error at load, never a rule that silently stops firing."""
from __future__ import annotations

import copy

import pytest

from tracker.vocab import patterns
from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.vocab.patterns import compile_pattern, pattern


def _fires(name: str, text: str) -> bool:
    p = pattern(name)
    return bool(p.match(text) if p.side in ("after", "between") else p.search(text))


# (pattern, text it reads, whether it fires): the text is what the sentence holds on the pattern's side of a figure
CASES = [
    ("change_before", "Unit sales at Ardent Tools were up ", True),
    ("change_before", "we expect bookings to increase by approximately ", True),
    ("change_before", "a decline of nearly ", True),
    ("change_before", "revenue of ", False),
    ("change_before", "the setup ", False),
    ("change_before", "we paid down ", False),
    ("change_after", " year-over-year in the third quarter", True),
    ("change_after", " year over year", True),
    ("change_after", " sequentially, driven by pricing", True),
    ("change_after", " of headwind from currency", True),
    ("change_after", " in revenue", False),
    ("fall_before", "same-store sales are expected to be down ", True),
    ("fall_before", "a decrease of roughly ", True),
    ("fall_before", "margin of ", False),
    ("comparison_before", "compared to the same quarter of ", True),
    ("comparison_before", "up from ", True),
    ("comparison_before", "from ", True),
    ("comparison_before", "revenue was ", False),
    ("threshold_before", "customers spending more than ", True),
    ("threshold_before", "accounts with annual billings of ", True),
    ("threshold_before", "we had more than ", False),
    ("comparison_between", " higher than the prior year", True),
    ("comparison_between", " in the same period of last year", True),
    ("comparison_between", " in the same quarter a year", True),
    ("comparison_between", " in the third quarter", False),
    ("compared_period", "versus the same quarter of ", True),
    ("compared_period", "from ", True),
    ("compared_period", "growth year over ", False),
    ("compared_period", "quarter-over ", False),
    ("compared_period", "flat on the prior ", True),
    ("compared_period", "closed on ", False),
    ("adverse_after", " of dilution from the acquisition", True),
    ("adverse_after", " headwind from currency", True),
    ("adverse_after", " of revenue", False),
    ("adverse_before", "the recall will negatively impact gross margin in the quarter by about ", True),
    ("adverse_before", "the new plant is dilutive to margins by ", True),
    ("adverse_before", "dilution. Separately, capital spending rises by ", False),
    ("adverse_before", "the move will impact our Europe margin by around ", True),
    ("adverse_before", "the move will positively impact our Europe margin by ", False),
    ("impact_before", "the rebate should lift gross margin by about ", True),
    ("impact_before", "the move will impact our Europe margin by ", True),
    ("impact_before", "fees rose by ", False),
    ("delta_by", "lift gross margin by about ", True),
    ("delta_by", "lift gross margin to ", False),
    ("anaphor", "we expect it to be about 12% next year", True),
    ("anaphor", "our expectation for that number is slightly higher", True),
    ("anaphor", "we expect gross margin of about 12% next year", False),
    ("range_anaphor_after", " range this year", True),
    ("range_anaphor_after", " target range", True),
    ("range_anaphor_after", " of revenue", False),
    ("range_anaphor_before", "we should still land inside our ", True),
    ("range_anaphor_before", "we expect revenue of ", False),
    ("low_end_word", "$4 billion at the low end and ", True),
    ("low_end_word", "$4 billion and ", False),
    ("high_end_word", " and $4.5 billion at the high end", True),
    ("high_end_word", " and $4.5 billion in the fourth quarter", False),
    ("low_end_of", "we expect to land at the low end of our ", True),
    ("low_end_of", "we expect to land at ", False),
    ("high_end_of", "capex should come in at the top end of the ", True),
    ("high_end_of", "capex should come in at the top of ", True),
    ("high_end_of", "capex should come in at ", False),
    ("than_baseline_before", "capex of $15 billion in 2025, lower than last year's ", True),
    ("than_baseline_before", "we expect income to be higher than the ", True),
    ("than_baseline_before", "we expect income to be more than ", False),
    ("difference_after", " higher than the dividends", True),
    ("difference_after", " in revenue", False),
    ("difference_down", " lower than the dividends", True),
    ("difference_down", " higher than the dividends", False),
    ("floor_than_before", "the return should stay higher than the ", True),
    ("floor_than_before", "the return should stay higher than ", False),
    ("ceiling_than_before", "the loss rate should stay lower than the ", True),
    ("ceiling_than_before", "the loss rate should stay at ", False),
    ("adverse_after", " impact on free cash flow", True),
    ("favourable_after", " tailwind to EPS", True),
    ("favourable_after", " headwind to EPS", False),
    ("add_before", "the new line is expected to add about ", True),
    ("add_before", "the new line is expected to bring ", False),
    ("add_to_after", " to revenue in 2026", True),
    ("add_to_after", " of revenue in 2026", False),
    ("topic_lead", "In terms of ticket prices, we expect", True),
    ("topic_lead", "And as for freight rates, we expect", True),
    ("topic_lead", "We expect pricing, in terms of", False),
    ("fall_in_before", "we plan for a decline in Asia of ", True),
    ("fall_in_before", "we plan for a decline of ", False),
    ("range_position", "buybacks should land at the high end of our outlook", True),
    ("range_position", "buybacks should land at the high end of the hill", False),
    ("more_than_before", "haul more ore out of Kestrel this year than we did in 2024", True),
    ("more_than_before", "haul more ore out of Kestrel this year", False),
    ("less_than_before", "lower turnaround costs this year than in 2024", True),
    ("less_than_before", "lower turnaround costs this year", False),
    ("open_rise_in", "we expect an increase in managed receivables", True),
    ("open_rise_in", "we expect managed receivables to increase", False),
    ("open_fall_in", "we expect a further decline in warranty claims", True),
    ("open_fall_in", "we expect warranty claims to decline", False),
    ("expect_it_when", "and expect it later this year", True),
    ("expect_it_when", "we expect it to be about 12%", False),
    ("thing_start", "our export licence was held up", True),
    ("thing_start", "export licences were held up", False),
    ("place_before_name", "more ore out of the Kestrel pit", True),
    ("place_before_name", "more ore by Kestrel", False),
    ("count_target_before", "we added 3,000 lockers and are on track to install ", True),
    ("count_target_before", "we added 3,000 lockers and plan to install ", False),
    ("flat", "we expect orders to be roughly flat next year", True),
    ("flat", "a flat-rate tariff", True),
    ("flat", "we expect orders to be lower", False),
    ("counterfactual", "excluding the charge, margin would have been 41%", True),
    ("counterfactual", "margin will be 41%", False),
    ("added_count_before", " by December, along with another 20", True),
    ("added_count_before", " plus another 12", True),
    ("added_count_before", " and we run three", False),
    ("condition_before", "So assuming we ", True),
    ("condition_before", "if we can ", True),
    ("condition_before", "If the weather holds, we ", False),
    ("past_marker", "Earlier this year we opened a plant", True),
    ("past_marker", "Two years ago we promised", True),
    ("past_marker", "Next year we open a plant", False),
    ("be_before", "the turbines are to be ", True),
    ("be_before", "the turbines are being fully ", True),
    ("be_before", "we ", False),
    ("be_word", "the line is to be completed next spring", True),
    ("be_word", "the line completes next spring", False),
    ("clause_break", "revenue rose 5%, while margin fell", True),
    ("clause_break", "orders grew 3% and we expect more", True),
    ("clause_break", "orders of $4 million and about 5% growth", True),
    ("clause_break", "orders grew 3% in Europe", False),
    ("list_joiner", ", ", True),
    ("list_joiner", ", and the ", True),
    ("list_joiner", " and ", True),
    ("list_joiner", " or our ", True),
    ("list_joiner", " compared with ", False),
    ("list_joiner", "&", False),
    ("passive_or_progressive", "the second kiln is being expanded", True),
    ("passive_or_progressive", "we're now building the depot", True),
    ("passive_or_progressive", "the kiln expanded last year", False),
    ("sequential", "margin up 40 basis points sequentially", True),
    ("sequential", "quarter over quarter growth", True),
    ("sequential", "margin up 40 basis points", False),
    ("target_words", "our target of 30% margin", True),
    ("target_words", "we aim to ship 5 million units", True),
    ("target_words", "we expect to ship 5 million units", False),
    ("as_of", "cash at the end of the quarter", True),
    ("as_of", "debt as of June 30", True),
    ("as_of", "revenue in the quarter", False),
    ("by_before", "fees rose by ", True),
    ("by_before", "fees rose to ", False),
    ("per_share", "earnings of $1.10 per diluted share", True),
    ("per_share", "earnings of $1.10 a year", False),
    ("scale_words", "$4 million", True),
    ("scale_words", "$4.10", False),
    ("of_revenue", " of total revenue", True),
    ("of_revenue", " of net sales in Europe", True),
    ("of_revenue", " of free cash flow", False),
    ("explanation", "a loss of $400 million, largely due to stakes", True),
    ("explanation", "revenue driven by demand", True),
    ("explanation", "revenue due in June", False),
    ("fronted_with", " And with more than ", True),
    ("fronted_with", " With ", True),
    ("fronted_with", " We expect to end the year with ", False),
    ("as_share_of_sales", "gross profit as a percentage of net sales came to ", True),
    ("as_share_of_sales", "As a percent of net revenue, operating profit was ", True),
    ("as_share_of_sales", "gross profit of ", False),
    ("guidance_after", " guidance, which builds on our robust first half", True),
    ("guidance_after", " growth in the second half", False),
    ("move_baseline", "growth will moderate compared to ", True),
    ("move_baseline", "capex to be higher than in ", True),
    ("move_baseline", "cycle strong margin performance from the ", False),
    ("share_of_before", "from 41% of ", True),
    ("share_of_before", "9% of total ", True),
    ("share_of_before", "we expect stock-based ", False),
    ("of_after", " of ", True),
    ("of_after", " in organic ", True),
    ("of_after", " to reach the ", False),
    ("loss_word", "an operating loss of", True),
    ("loss_word", "a lossless codec", False),
    ("loss_after", " loss of $12 million", True),
    ("loss_after", " margin of 12%", False),
    ("band_words", "mid-single digits", True),
    ("band_words", "the high teens", True),
    ("band_words", "about 15", False),
    ("compared_after", " of last year", True),
    ("compared_after", " over 2023", True),
    ("compared_after", " by 2027", False),
    ("compared_to_figure", " compared to 4.4x a year ago", True),
    ("compared_to_figure", " versus about $3 billion", True),
    ("compared_to_figure", " compared to last year", False),
    ("as_share_of_sales", "As a percentage of net sales, operating profit was ", True),
    ("as_share_of_sales", "gross profit as a percentage of net sales came to ", True),
    ("as_share_of_sales", "as a percentage of the prior year ", False),
    ("to_level", " year-on-year to a record ", True),
    ("to_level", " in fiscal 2024 to ", True),
    ("to_level", " to ", True),
    ("to_level", " and we expect it to reach ", False),
    ("from_level", "compensation fell from ", True),
    ("from_level", "compensation fell by ", False),
    ("part_of_before", "capital expenditures were $24 billion, including ", True),
    ("part_of_before", "capital expenditures were ", False),
    ("since_before", "our highest since ", True),
    ("since_before", "our highest in ", False),
    ("subordinate_clause", " after we repaid ", True),
    ("subordinate_clause", " after the close ", False),
    ("year_to_date", "Year-to-date through Q3 we have generated ", True),
    ("year_to_date", "In the second quarter we generated ", False),
    ("pointer_subject", "This increase rests on roughly ", True),
    ("pointer_subject", "That outlook assumes ", True),
    ("pointer_subject", "We expect this increase to ", False),
    ("indirect_question", "So I'm wondering whether you might walk us through ", True),
    ("indirect_question", "We were wondering about the weather", False),
    ("exclusion_before", "Excluding store closures and divested bakery ", True),
    ("exclusion_before", "Including store closures and divested bakery ", False),
    ("exclusion_after", " ex fuel of about", True),
    ("exclusion_after", " of about", False),
    ("exclusion_after", ", excluding severance, is", True),
    ("continuation_fragment", "And broadly, up maybe 6%", True),
    ("continuation_fragment", "Andover output rose 10%", False),
    ("subject_modal", "2026 cement dispatches will be somewhat stronger", True),
    ("subject_modal", "2024 cement dispatches were somewhat stronger", False),
    ("topic_header", "A few words on our recall reserves.", True),
    ("topic_header", "We gave an update to investors.", False),
    ("effect_noun_before", "we now see headwinds of about ", True),
    ("effect_noun_before", "we now see revenue of about ", False),
    ("effect_source_after", " from the absence of supplier prepayments", True),
    ("effect_source_after", " to supplier prepayments", False),
]


@pytest.mark.parametrize("name, text, fires", CASES, ids=[f"{n}-{'yes' if f else 'no'}-{t.strip()[:28]}"
                                                             for n, t, f in CASES])
def test_pattern_reads_its_class(name, text, fires):
    assert _fires(name, text) is fires


def test_every_pattern_has_a_case_that_fires_and_one_that_does_not():
    names = set(load("patterns"))
    assert names == {n for n, _, f in CASES if f} == {n for n, _, f in CASES if not f}


def _broken(name: str, edit) -> dict:
    spec = copy.deepcopy(load("patterns")[name])
    edit(spec)
    return spec


BREAKS = [
    pytest.param("change_before", lambda s: s.update({"sied": "before"}), id="unknown-key"),
    pytest.param("change_before", lambda s: s.update({"side": "beside"}), id="unknown-side"),
    pytest.param("change_before", lambda s: s.pop("doc"), id="no-doc"),
    pytest.param("change_before", lambda s: s["slots"][0].update({"word": ["up"]}), id="slot-key-typo"),
    pytest.param("change_before", lambda s: s["slots"][0]["words"].append("Up"), id="upper-case-phrase"),
    pytest.param("change_before", lambda s: s["slots"][0]["words"].append("up"), id="phrase-twice"),
    pytest.param("change_before", lambda s: s["slots"][1].update({"optional": "yes"}), id="optional-not-bool"),
    pytest.param("comparison_before", lambda s: s["forms"][0][1].update({"gap": 40}), id="gap-too-wide"),
    pytest.param("comparison_before", lambda s: s.update({"slots": s["forms"][0]}), id="slots-and-forms"),
    pytest.param("compared_period", lambda s: s["slots"][0]["unless_after"].update({"past": ["year"]}),
                 id="unless-after-not-in-slot"),
    pytest.param("flat", lambda s: s.update({"slots": []}), id="empty-form"),
]


@pytest.mark.parametrize("name, edit", BREAKS)
def test_a_broken_pattern_is_an_error(name, edit):
    with pytest.raises(LexiconError, match=name):
        compile_pattern(name, _broken(name, edit))


def test_an_unknown_pattern_name_is_an_error():
    with pytest.raises(LexiconError, match="no pattern named"):
        pattern("chnage_before")


def test_a_broken_data_file_fails_on_first_use(monkeypatch):
    data = copy.deepcopy(load("patterns"))
    data["flat"]["side"] = "upwards"
    monkeypatch.setattr(patterns, "load", lambda name: data)
    patterns._all.cache_clear()
    try:
        with pytest.raises(LexiconError, match="flat"):
            pattern("change_before")
    finally:
        patterns._all.cache_clear()
