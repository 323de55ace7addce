"""Outlook sections read as a unit: headers, lead-in lists, asides, scope frames and frame ends.

Every case is an invented call by invented companies: a CFO's turn (and sometimes the next speaker's), run
through the whole extraction. A case names the sentence whose claim it checks (by a fragment of its quote and
its metric) and what an analyst would log for it: the period label, where that period came from, the scope.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tracker.contract import claim_record
from tracker.extraction.discourse import validate
from tracker.errors import LexiconError
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load

CALL_DATE = "2025-04-24"       # a first-quarter call: Q2 2025 is under way
HEAD = ("Company: Fernhill Instruments\n\n"
        "Operator: Good afternoon and welcome to the first quarter 2025 earnings call of Fernhill Instruments.\n\n")
NONE = "none"                  # the claim must have no period
SAME = "same"                  # the period the header's own claim has (whatever the resolver makes of it)


def run(tmp_path: Path, *turns: str, fye: str = "12-31") -> list[dict]:
    path = tmp_path / "call.txt"
    path.write_text(HEAD + "\n\n".join(turns) + "\n", encoding="utf-8")
    ex = extract_file(path, call_date=CALL_DATE, fiscal_year_end=fye)
    return [claim_record(c) for c in ex.claims]


def find(claims: list[dict], fragment: str, metric: str) -> dict:
    hits = [c for c in claims if c["metric"] == metric and any(fragment in m["quote"] for m in c["mentions"])]
    assert hits, f"no {metric} claim quoting {fragment!r}: {[(c['metric'], c['quote']) for c in claims]}"
    return hits[0]


def cfo(*sentences: str) -> str:
    return "Marta Ellison: " + " ".join(sentences)


# --- headers set the frame ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Header:
    header: str
    follow: str          # a sentence with no period of its own
    metric: str
    period: str


HEADERS = {
    "now-for-our-outlook": Header("Now for our outlook for the second quarter.",
                                  "Revenue is expected to be $410 million, plus or minus 3%.", "revenue", "2025-Q2"),
    "turning-to-outlook-with-claim": Header(
        "Turning to our outlook for the fourth quarter, we expect revenue of $450 million.",
                                         "We expect gross margin of approximately 52%.", "gross_margin", "2025-Q4"),
    "for-the-coming-quarter": Header("For the coming quarter, we anticipate revenue of $405 million to $425 million.",
                                     "Gross margin should be approximately 51%.", "gross_margin", SAME),
    "now-to-full-year-guidance": Header("Now to our full-year guidance.",
                                        "We expect operating margin of 18% to 19%.", "operating_margin", "2025-FY"),
    "for-fiscal-year-following": Header("For fiscal 2026, we now expect the following:",
                                        "\nRevenue of $1.9 billion to $2.0 billion.", "revenue", "2026-FY"),
    "outlook-as-follows": Header("Our outlook for Q3 is as follows.",
                                 "Revenue of $420 million to $440 million.", "revenue", "2025-Q3"),
    "non-gaap-guidance-as-follows": Header(
        "Taking all of this into account, our non-GAAP guidance for the third quarter is as follows.",
        "We expect operating expenses to be approximately $96 million.", "operating_expenses", "2025-Q3"),
    "moving-to-year-guidance-with-claim": Header(
        "Turning to our 2025 guidance, Ostrander expects adjusted EBITDA of $145 million to $160 million.",
        "We expect capital expenditures of about $60 million.", "capex", "2025-FY"),
    "let-me-turn-to-second-half": Header("Let me turn to the outlook for the second half.",
                                         "We expect free cash flow of about $70 million.", "free_cash_flow", "2025-H2"),
    "next-our-guidance": Header("Next, our guidance for the fourth quarter.",
                                "Operating expenses should be about $99 million.", "operating_expenses", "2025-Q4"),
    "shifting-to-outlook": Header("Shifting to our outlook for the third quarter.",
                                  "We expect revenue of $430 million, plus or minus $10 million.", "revenue",
                                  "2025-Q3"),
    "looking-ahead-to-a-quarter": Header(
        "Looking ahead to the third quarter, we expect revenue of $430 million to $450 million.",
        "Gross margin should be approximately 52%.", "gross_margin", "2025-Q3"),
    "as-we-head-into-the-year": Header(
        "As we head into fiscal 2026, we expect revenue growth of 6% to 8%.",
        "We expect operating margin of about 19%.", "operating_margin", "2026-FY"),
    "period-less-header-then-dated-guidance": Header(
        "Now turning to guidance. We expect second quarter revenue of $400 million to $420 million.",
        "Gross margin is expected to be about 50%.", "gross_margin", "2025-Q2"),
}


@pytest.mark.parametrize("case", HEADERS.values(), ids=HEADERS.keys())
def test_a_header_frames_the_sentences_after_it(tmp_path, case):
    # the follow-up stands in the next paragraph: a header's frame crosses paragraphs within the turn
    claims = run(tmp_path, cfo("Thank you.", case.header) + "\n" + case.follow.lstrip("\n"))
    got = find(claims, case.follow.strip()[:30], case.metric)
    if case.period == SAME:
        own = [c for c in claims if c["quote"].startswith(case.header[:20])]
        assert own and own[0]["period"] and got["period"] == own[0]["period"]
    else:
        assert got["period"] == case.period
    assert got["period_source"] == "frame"
    text = (tmp_path / "call.txt").read_text(encoding="utf-8")
    start = got["period_source_start"]
    # the offset points at the sentence that set the frame (the header, or the first dated guidance under it)
    assert start is not None and text.find(case.header[:20]) <= start < text.find(case.follow.strip())


# --- the sentence's own period wins; asides hold for their own sentence only -------------------------------

@dataclass(frozen=True)
class Aside:
    sentences: tuple[str, ...]
    fragment: str        # the sentence checked
    metric: str
    period: str


ASIDES = {
    "own-period-wins": Aside((
        "Now for our outlook for the second quarter.", "We expect revenue of $410 million.",
        "We expect full year 2025 capital expenditures of about $80 million."),
        "full year 2025 capital", "capex", "2025-FY"),
    "looking-past-does-not-leak": Aside((
        "Now for our outlook for the third quarter.",
        "Looking past this quarter, for the balance of the year, we expect revenue growth of 8% to 10%.",
        "\n\nWe expect gross margin of about 51%."), "gross margin of about 51%", "gross_margin", "2025-Q3"),
    "for-the-full-year-aside": Aside((
        "Turning to our outlook for the third quarter.",
        "For the full year, we expect capital expenditures of about $80 million.",
        "Operating expenses should be approximately $95 million."),
        "Operating expenses should be", "operating_expenses", "2025-Q3"),
    "for-the-full-year-dates-itself": Aside((
        "Turning to our outlook for the third quarter.",
        "For the full year, we expect capital expenditures of about $80 million."),
        "capital expenditures of about", "capex", "2025-FY"),
    "past-the-quarter-aside": Aside((
        "Our outlook for Q3 is as follows.", "Revenue of $420 million to $440 million.",
        "Past Q3, we expect interest expense of about $12 million a quarter.",
        "We expect EPS of $0.40 to $0.44."), "EPS of $0.40", "eps", "2025-Q3"),
    "aside-without-header-stays-put": Aside((
        "Looking past the second quarter, for the full year we expect revenue of $1.7 billion.",
        "\n\nWe expect gross margin of 50%."), "gross margin of 50%", "gross_margin", NONE),
    "full-year-outside-a-section-lends-its-period": Aside((
        "For the full year, we expect revenue of $1.7 billion.", "We expect operating margin of 18%."),
        "operating margin of 18%", "operating_margin", "2025-FY"),
    "looking-past-never-lends-its-period": Aside((
        "Looking past the second quarter, for the full year we expect revenue of $1.7 billion.",
        "We expect operating margin of 18%."), "operating margin of 18%", "operating_margin", NONE),
    "guidance-sentence-lends-period-within-paragraph": Aside((
        "We expect second quarter revenue of $400 million to $420 million.",
        "Gross margin should be about 50%."), "Gross margin should be", "gross_margin", "2025-Q2"),
}


@pytest.mark.parametrize("case", ASIDES.values(), ids=ASIDES.keys())
def test_asides_and_own_periods(tmp_path, case):
    claims = run(tmp_path, cfo(*case.sentences).replace(" \n\n", "\n\n"))
    got = find(claims, case.fragment, case.metric)
    assert (got["period"] or NONE) == case.period


# --- frames end --------------------------------------------------------------------------------------------

ENDS = {
    "handover": (cfo("Now for our outlook for the third quarter.", "We expect revenue of $420 million.",
                     "With that, I'll hand it to the operator for questions.",
                     "We expect gross margin of 50%."),),
    "turn-to-past-results": (cfo("Now for our outlook for the third quarter.", "We expect revenue of $420 million.",
                                 "Now to the results.", "We expect a tax rate of 21%."),),
    "report-of-past-results": (cfo("Now for our outlook for the third quarter.", "We expect revenue of $420 million.",
                                   "Revenue in the first quarter was $400 million, up 9%.",
                                   "We expect gross margin of 50%."),),
    "turn-to-a-slide": (cfo("Now for our outlook for the third quarter.", "We expect revenue of $420 million.",
                            "Turning to Slide 14.", "We expect gross margin of 50%."),),
    "in-closing": (cfo("Turning to our outlook for the third quarter.", "We expect revenue of $420 million.",
                       "In closing, we are proud of the team.", "We expect gross margin of 50%."),),
    "end-of-turn": (cfo("Turning to our outlook for the third quarter.", "We expect revenue of $420 million."),
                    "Peter Lang: Thanks, Marta. We expect gross margin of 50%."),
    "question": (cfo("Turning to our outlook for the third quarter.", "We expect revenue of $420 million.",
                     "What does that mean for margins?", "We expect gross margin of 50%."),),
}


@pytest.mark.parametrize("turns", ENDS.values(), ids=ENDS.keys())
def test_a_frame_ends_with_a_change_of_topic(tmp_path, turns):
    claims = run(tmp_path, *turns)
    metric = "gross_margin" if "gross margin of 50%" in turns[-1] else "tax_rate"
    got = find(claims, "gross margin of 50%" if metric == "gross_margin" else "tax rate of 21%", metric)
    assert got["period"] is None
    assert got["period_source"] is None


# --- scope frames ------------------------------------------------------------------------------------------

SCOPES = {
    "fronted-line": ((cfo("Now for our outlook for the second quarter.",
                          "In Industrial Gases, we expect revenue of $1.2 billion to $1.3 billion."),),
                     "In Industrial Gases", "revenue", "industrial gases"),
    "fronted-segment-carries": ((cfo("Now for our outlook for the second quarter.",
                                     "For our Marine Systems segment, we expect operating income of about $90 million.",
                                     "We expect revenue of $400 million to $420 million."),),
                                "We expect revenue of $400", "revenue", "marine systems"),
    "next-line-replaces": ((cfo("Now for our outlook for the second quarter.",
                                "In Industrial Gases, we expect revenue of $1.2 billion to $1.3 billion.",
                                "In Specialty Coatings, we expect revenue of $600 million to $640 million."),),
                           "In Specialty Coatings", "revenue", "specialty coatings"),
    "back-to-company": ((cfo("Now for our outlook for the second quarter.",
                             "In Industrial Gases, we expect revenue of $1.2 billion to $1.3 billion.",
                             "Now back to company guidance.",
                             "We expect operating expenses of $200 million to $210 million."),),
                        "We expect operating expenses", "operating_expenses", None),
    "total-company-ends-the-line": ((cfo("Now for our outlook for the second quarter.",
                                         "In Industrial Gases, we expect revenue of $1.2 billion to $1.3 billion.",
                                         "For the total company, we expect operating expenses of about $200 million."),),
                                    "For the total company", "operating_expenses", None),
    "named-subject-wins": ((cfo("Now for our outlook for the second quarter.",
                                "In Industrial Gases, we expect revenue of $1.2 billion to $1.3 billion.",
                                "Harbor Logistics revenue should be about $300 million."),),
                           "Harbor Logistics revenue", "revenue", "harbor logistics"),
    "addition-is-no-line": ((cfo("Now for our outlook for the second quarter.",
                                 "In addition, we expect operating expenses of about $95 million."),),
                            "In addition", "operating_expenses", None),
    "company-is-no-line": ((cfo("Now for our outlook for the second quarter.",
                                "Fernhill revenue should be about $410 million."),),
                           "Fernhill revenue", "revenue", None),
    "pronoun-is-no-line": ((cfo("We currently estimate total revenue for the second quarter of $400 million."),),
                           "We currently estimate", "revenue", None),
}


@pytest.mark.parametrize("case", SCOPES.values(), ids=SCOPES.keys())
def test_scope_frames(tmp_path, case):
    turns, fragment, metric, scope = case
    got = find(run(tmp_path, *turns), fragment, metric)
    assert got["scope"] == scope
    assert got["period"] == "2025-Q2"


# --- a topic names the metric of the figures after it -------------------------------------------------------

TOPICS = {
    "topic-inside-a-section": (
        cfo("Now for our outlook for the third quarter.", "Turning to gross margin, we expect pressure from mix.",
            "We expect it to be approximately 51% to 52%."), "approximately 51%", (51, 52), "2025-Q3"),
    "topic-with-its-own-period": (
        cfo("Turning to gross margin.", "For the fourth quarter, we expect it to be about 53%."),
        "about 53%", (53, 53), "2025-Q4"),
}


@pytest.mark.parametrize("case", TOPICS.values(), ids=TOPICS.keys())
def test_a_topic_names_the_metric(tmp_path, case):
    turn, fragment, (low, high), period = case
    got = find(run(tmp_path, turn), fragment, "gross_margin")
    assert (got["low"], got["high"]) == (low, high)
    assert got["period"] == period


def test_a_topic_lends_no_metric_to_a_figure_of_another_unit(tmp_path):
    claims = run(tmp_path, cfo("Now for our outlook for the third quarter.",
                               "Turning to gross margin, we expect pressure.", "We expect it to be about $40 million."))
    assert not [c for c in claims if c["metric"] == "gross_margin"]


# --- lead-in lists -----------------------------------------------------------------------------------------

LISTS = {
    "semicolon-items": (
        cfo("For 2025, we now expect the following.",
            "Net sales of $2.1 billion to $2.2 billion; adjusted EBITDA of $310 million to $330 million; "
            "and capital expenditures of about $90 million."),
        [("revenue", 2.1e9, 2.2e9), ("adjusted_ebitda", 310e6, 330e6), ("capex", 90e6, 90e6)], "2025-FY"),
    "list-lines": (
        cfo("Our guidance for the third quarter is as follows:") +
        "\n- Revenue of $420 million to $440 million\n- Operating expenses of $96 million to $98 million",
        [("revenue", 420e6, 440e6), ("operating_expenses", 96e6, 98e6)], "2025-Q3"),
    "lead-in-and-list-in-one-sentence": (
        cfo("For the third quarter, we expect: revenue of $420 million to $440 million; gross margin of 51% to 52%; "
            "and operating expenses of about $96 million."),
        [("revenue", 420e6, 440e6), ("gross_margin", 51, 52), ("operating_expenses", 96e6, 96e6)], "2025-Q3"),
    "guidance-as-follows-with-colon": (
        cfo("Our guidance for fiscal 2026 is as follows: revenue of $1.9 billion to $2.0 billion; "
            "adjusted EBITDA of $310 million to $330 million; EPS of $4.10 to $4.30, compared to $3.90 in 2024."),
        [("revenue", 1.9e9, 2.0e9), ("adjusted_ebitda", 310e6, 330e6), ("eps", 4.10, 4.30)], "2026-FY"),
    "past-comparison-inside-item": (
        cfo("For fiscal 2025, we now expect the following.",
            "EPS of $4.10 to $4.30, compared to $3.90 in 2024; free cash flow of about $150 million."),
        [("eps", 4.10, 4.30), ("free_cash_flow", 150e6, 150e6)], "2025-FY"),
}


@pytest.mark.parametrize("case", LISTS.values(), ids=LISTS.keys())
def test_each_item_of_a_guidance_list_is_a_claim(tmp_path, case):
    turn, items, period = case
    claims = run(tmp_path, turn)
    for metric, low, high in items:
        got = [c for c in claims if c["metric"] == metric]
        assert got, f"no {metric} claim: {[(c['metric'], c['low']) for c in claims]}"
        assert (got[0]["low"], got[0]["high"]) == pytest.approx((low, high))
        assert got[0]["period"] == period
        assert got[0]["kind"] == "guidance"


# --- where the period came from ----------------------------------------------------------------------------

SOURCES = {
    "year-in-sentence": ("We expect fiscal 2026 revenue of $1.9 billion.", "revenue", "sentence"),
    "relative-to-call": ("We expect revenue next quarter of $420 million.", "revenue", "call_date"),
    "undated": ("Over time we expect gross margin of 55%.", "gross_margin", None),
}


@pytest.mark.parametrize("case", SOURCES.values(), ids=SOURCES.keys())
def test_period_source(tmp_path, case):
    sentence, metric, source = case
    got = find(run(tmp_path, cfo(sentence)), sentence[:25], metric)
    assert got["period_source"] == source
    assert got["period_source_start"] is None


# --- the data is checked when loaded -----------------------------------------------------------------------

def _broken(edit) -> dict:
    data = {t: {k: list(v) for k, v in s.items()} for t, s in load("frames").items()}
    edit(data)
    return data


BROKEN = {
    "unknown-table": lambda d: d.update(asidess={"openers": ["past"]}),
    "unknown-key": lambda d: d["headers"].update(outlok_nouns=["outlook"]),
    "missing-key": lambda d: d["ends"].pop("anywhere"),
    "upper-case": lambda d: d["headers"]["outlook_nouns"].append("Outlook"),
    "duplicate": lambda d: d["asides"]["openers"].append("beyond"),
    "empty-list": lambda d: d["scopes"].update(line_nouns=[]),
    "not-a-string": lambda d: d["headers"]["openers"].append(3),
}


@pytest.mark.parametrize("edit", BROKEN.values(), ids=BROKEN.keys())
def test_a_typo_in_frames_toml_is_an_error(edit):
    with pytest.raises(LexiconError):
        validate(_broken(edit))


def test_the_shipped_frames_toml_is_valid():
    assert validate(load("frames"))
