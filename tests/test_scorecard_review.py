"""Scorecards for the review meeting, in every format: the claim id (what `fls override` and `fls claim edit`
take), the actual's source and report date, corrected / overridden / outlier marks, the revision history,
figures no claim used, claims with no deadline listed apart, and a company known only by its ticker named once.

Invented company: Brackenfield Foods (BRKF). Its CFO guided Q2 revenue of $80-90M (corrected by an analyst to
$80-95M), capex of $20M (overridden to met), Q2 sauce sales of ~$10M (the report's $46.8M is a +368% surprise:
an outlier, most likely a year read as a quarter) and "a plant in Portugal" with no date at all.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role, SourceKind
from tracker.scorecard import Scorecard, ScorecardRow, render
from tracker.scorecard.model import UnusedActual
from tracker.scoring import credibility, score_claim

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))
AS_OF = date(2025, 9, 1)
M = 1e6


def _claim(metric, low, high, *, period=Q2, kind=Kind.GUIDANCE, unit="USD", quote="") -> Claim:
    return Claim(kind=kind, metric=metric, scope=None, comparator=Comparator.RANGE if low != high else Comparator.APPROX,
                 low=low, high=high, unit=unit, period=period, speaker="Ines Marlowe", role=Role.EXECUTIVE,
                 quote=quote or f"We expect {metric} of {low} to {high}.", mentions=(), hedge=Hedge.EXPECTED,
                 event="a plant in Portugal" if kind is Kind.MILESTONE else None)


def _reported(metric, value, unit="USD") -> Actual:
    return Actual(metric, None, value, unit, Q2, source_kind=SourceKind.CSV, source_ref="/data/brkf_q2.csv",
                  reported_on=date(2025, 8, 6))


ACTUALS = [_reported("revenue", 91 * M), _reported("capex", 26 * M), _reported("sauce sales", 46.8 * M)]
CLAIMS = [
    (21, _claim("revenue", 80 * M, 95 * M), {"corrected": (("high", "$90.0M", "$95.0M"),),
                                             "correction_reasons": ("the press release said 95",)}),
    (22, _claim("capex", 20 * M, 20 * M), {"override": ("met", "capex timing moved, agreed with IR")}),
    (23, _claim("sauce sales", 10 * M, 10 * M), {"revisions": (("raised", date(2025, 5, 2), "to ~$12.0M"),)}),
    (24, _claim("milestone", None, None, period=None, kind=Kind.MILESTONE, unit=None,
                quote="We will open a plant in Portugal."), {}),
]


def _card(company: str = "Brackenfield Foods") -> Scorecard:
    rows = tuple(ScorecardRow(c, score_claim(c, ACTUALS, [], AS_OF, polarity="up"), document="brkf_q1.txt",
                              claim_id=cid, **extra) for cid, c, extra in CLAIMS)
    unused = (UnusedActual(31, _reported("store count", 120, "stores")),)
    return Scorecard(company, "BRKF", AS_OF, None, credibility([(r.claim, r.shown) for r in rows]), rows,
                     unused_actuals=unused)


CARD = _card()

NEEDS = [
    # (what a reviewer needs, markdown, html, csv)
    ("claim id", "| 21 | revenue, 2025-Q2", '<a href="#claim-21">21</a>', "21"),
    ("actual's source and report date", "csv brkf\\_q2.csv, reported 2025-08-06", "csv brkf_q2.csv, reported 2025-08-06",
     "csv brkf_q2.csv"),
    ("corrected mark", "corrected: high $90.0M -\\> $95.0M (the press release said 95)",
     "corrected: high $90.0M -&gt; $95.0M (the press release said 95)", "high $90.0M -> $95.0M"),
    ("overridden mark", "met\\* | overridden", "met*</td><td>overridden", "overridden"),
    ("outlier flagged", "**Outliers:** 1 outlier (|surprise| > 100%)".replace("|", "\\|").replace(">", "\\>"),
     "1 outlier (|surprise| &gt; 100%) in the mean surprise: claim 23", "outlier"),
    ("revision history", "- revision: raised 2025-05-02: to ~$12.0M", "revision: raised 2025-05-02: to ~$12.0M",
     "raised 2025-05-02: to ~$12.0M"),
    ("figures no claim used", "## Reported figures no claim used", "#31 store count 120 stores (2025-Q2)",
     None),
    ("no deadline apart", "## Claims with no deadline", "<h2>Claims with no deadline</h2>", None),
]


@pytest.mark.parametrize(("md", "html", "csv_text"), [n[1:] for n in NEEDS], ids=[n[0] for n in NEEDS])
def test_the_reviewer_finds_it_in_every_format(md, html, csv_text):
    assert md in render(CARD, "md")
    assert html in render(CARD, "html")
    if csv_text is not None:
        assert csv_text in render(CARD, "csv")


def test_claims_without_a_deadline_come_after_the_dated_ones():
    text = render(CARD, "md")
    apart = text.index("## Claims with no deadline")
    assert text.index("| 23 | sauce sales") < apart < text.index("| 24 | milestone")
    assert text.count("| 24 | milestone") == 1


def _csv_rows() -> dict[str, dict[str, str]]:
    return {r["claim_id"]: r for r in csv.DictReader(io.StringIO(render(CARD, "csv")))}


CSV_CELLS = [
    ("21", "actual_reported_on", "2025-08-06"), ("21", "marks", "corrected"),
    ("21", "correction", "high $90.0M -> $95.0M (the press release said 95)"), ("22", "marks", "overridden"),
    ("23", "marks", "outlier"), ("24", "deadline", ""), ("24", "marks", ""), ("24", "actual_source", ""),
]


@pytest.mark.parametrize(("claim", "column", "value"), CSV_CELLS)
def test_csv_cells(claim, column, value):
    assert _csv_rows()[claim][column] == value


def test_json_has_everything_structured():
    doc = json.loads(render(CARD, "json"))
    rows = {r["claim_id"]: r for r in doc["rows"]}
    assert rows[21]["correction"] == {"fields": [{"field": "high", "original": "$90.0M", "corrected": "$95.0M"}],
                                      "reasons": ["the press release said 95"]}
    assert rows[21]["actual_source"] == "csv brkf_q2.csv, reported 2025-08-06"
    assert (rows[22]["marks"], rows[23]["marks"], rows[24]["marks"]) == (["overridden"], ["outlier"], [])
    assert doc["no_deadline"] == [24]
    assert doc["outliers"].startswith("1 outlier")
    assert [(u["id"], u["actual"]["metric"], u["source"]) for u in doc["unused_actuals"]] \
        == [(31, "store count", "csv brkf_q2.csv, reported 2025-08-06")]


@pytest.mark.parametrize(("company", "title"), [
    ("Brackenfield Foods", "Scorecard: Brackenfield Foods (BRKF)"),
    ("BRKF", "Scorecard: BRKF"),          # the header named no company: the ticker stands for it, once
    ("", "Scorecard: BRKF"),
])
def test_title_names_the_company_once(company, title):
    assert f"# {title}" in render(_card(company), "md")
    assert f"<h1>{title}</h1>" in render(_card(company), "html")


def test_the_guidance_history_reads_from_promise_to_actual():
    """Sauce sales: promised ~$10.0M on the call, raised on May 2, reported $46.8M on August 6."""
    doc = json.loads(render(CARD, "json"))
    sauce = next(r for r in doc["rows"] if r["claim_id"] == 23)
    assert [(h["step"], h["date"]) for h in sauce["history"]] == [
        ("initial", None), ("raised", "2025-05-02"), ("final", None), ("actual", "2025-08-06")]
    line = "raised 2025-05-02: to ~$12.0M -> final: to ~$12.0M -> actual 2025-08-06: $46.8M (2025-Q2)"
    assert line in _csv_rows()["23"]["history"]
    assert line.replace(">", "\\>") in render(CARD, "md") and line.replace(">", "&gt;") in render(CARD, "html")
    assert _csv_rows()["21"]["history"] == ""          # never revised: no history to tell
