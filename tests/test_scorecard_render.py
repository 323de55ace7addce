"""Scorecard renderers: structure, escaping and spreadsheet-formula neutralising (invented company)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tracker.errors import InputError
from tracker.model import Actual, Claim, Comparator, Event, EventKind, Hedge, Kind, Period, Role, Verdict
from tracker.scorecard import Scorecard, ScorecardRow, render, verdict_counts
from tracker.scorecard.csv_out import COLUMNS, neutralise
from tracker.scoring import ScoringPolicy, credibility, score_claim

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))
SEP = Period("2025-09", date(2025, 9, 1), date(2025, 9, 30))
AS_OF = date(2025, 12, 1)
M = 1e6
EVIL_QUOTE = '<script>alert("x")</script> & revenue of about $75 million'
FORMULA_QUOTE = '=HYPERLINK("http://evil.example","click")'


def _claim(quote, low=None, high=None, cmp=None, *, kind=Kind.GUIDANCE, metric="revenue", scope=None,
           period=Q2, unit="USD", speaker="Dana Reyes") -> Claim:
    return Claim(kind=kind, metric=metric, scope=scope, comparator=cmp, low=low, high=high, unit=unit,
                 period=period, speaker=speaker, role=Role.EXECUTIVE, quote=quote, mentions=(),
                 hedge=Hedge.EXPECTED, event="open Fab 3" if kind is Kind.MILESTONE else None)


def _card(rows=None) -> Scorecard:
    if rows is None:
        beat = _claim(EVIL_QUOTE, 75 * M, None, Comparator.APPROX)
        formula = _claim(FORMULA_QUOTE, 120 * M, 150 * M, Comparator.RANGE, metric="gross_margin_dollars",
                         scope="Data | Center")
        milestone = _claim("Fab 3 opens in September.", kind=Kind.MILESTONE, metric="milestone", scope="Fab 3",
                           period=SEP, unit=None, speaker="-Mallory")
        actuals = [Actual("revenue", None, 82.8 * M, "USD", Q2, reported_on=date(2025, 8, 1)),
                   Actual("gross_margin_dollars", "data | center", 100.2 * M, "USD", Q2, reported_on=date(2025, 8, 1))]
        events = [Event("NWS", EventKind.ACHIEVED, date(2025, 10, 15), scope="fab 3")]
        results = [score_claim(c, actuals, events, AS_OF, polarity="up") for c in (beat, formula, milestone)]
        rows = (
            ScorecardRow(beat, results[0], None, "nws_q1.txt", date(2025, 3, 13), 1234, 1300,
                         revisions=(("raised", date(2025, 5, 1), "to ~$80.0M"),), notes=("<b>checked</b>",), claim_id=11),
            ScorecardRow(formula, results[1], None, "nws_q1.txt", date(2025, 3, 13), 2000, 2100,
                         override=("dismissed", "=not a real claim"), claim_id=12),
            ScorecardRow(milestone, results[2], None, "nws_q1.txt", date(2025, 3, 13), 3000, 3050, claim_id=13),
        )
        cred = credibility([(r.claim, r.result) for r in rows], ScoringPolicy(min_scored_for_credibility=2))
    else:
        cred = credibility([(r.claim, r.result) for r in rows])
    return Scorecard("Northwind <Semiconductor>", "NWS", AS_OF, "2025-Q2", cred, tuple(rows))


CARD = _card()


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html", "markdown", " HTML "])
def test_every_format_renders(fmt):
    assert render(CARD, fmt).strip()


@pytest.mark.parametrize("fmt", ["pdf", "", "xlsx", "txt"])
def test_unknown_format_is_an_input_error(fmt):
    with pytest.raises(InputError):
        render(CARD, fmt)


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_empty_scorecard_renders(fmt):
    assert render(_card(rows=()), fmt)


# --- escaping ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, raw", [("html", "<script>"), ("html", "<b>checked</b>"), ("html", "<Semiconductor>"),
                                      ("md", "<script>"), ("md", "<b>"), ("md", "Data | Center")])
def test_markup_is_escaped(fmt, raw):
    assert raw not in render(CARD, fmt)


def test_html_shows_escaped_text():
    page = render(CARD, "html")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; revenue" in page
    assert "Northwind &lt;Semiconductor&gt;" in page


HTML_NEEDS = [
    ("doctype", "<!DOCTYPE html>"), ("inline-css", "<style>"), ("dark-mode", "prefers-color-scheme: dark"),
    ("svg-chart", "<svg"), ("bar", "<rect"), ("charset", 'charset="utf-8"'), ("summary", "hit rate"),
]


@pytest.mark.parametrize("needle", [n for _, n in HTML_NEEDS], ids=[i for i, _ in HTML_NEEDS])
def test_html_is_self_contained(needle):
    assert needle in render(CARD, "html")


@pytest.mark.parametrize("forbidden", ["<script", "src=", 'href="http', "url(", "@import", "<link"])
def test_html_loads_nothing(forbidden):
    # the only URL allowed is the SVG namespace, which is an identifier, not a fetch
    page = render(CARD, "html").replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert forbidden not in page


# --- CSV --------------------------------------------------------------------------------------------------

def _csv_rows(card=CARD) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(card, "csv"))))


def test_csv_columns_are_stable():
    assert next(csv.reader(io.StringIO(render(CARD, "csv")))) == list(COLUMNS)
    assert len(_csv_rows()) == 3


def test_csv_formula_neutralised():
    row = _csv_rows()[1]
    assert row["quote"] == "'" + FORMULA_QUOTE
    assert row["verdict"] == "dismissed" and row["computed_verdict"] == "missed"
    assert row["surprise_pct"] == "-25.78"          # a plain negative number stays a number
    assert _csv_rows()[2]["speaker"] == "'-Mallory"


NEUTRALISE = [
    ("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-cmd|x", "'-cmd|x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("-16.5", "-16.5"), ("-3", "-3"), ("plain", "plain"), ("", ""), ("a=b", "a=b"),
]


@pytest.mark.parametrize("cell, expected", NEUTRALISE)
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


CSV_VALUES = [
    (0, "verdict", "beat"), (0, "explanation", "actual $82.8M vs ~$75.0M: +10.4%, beat"), (0, "low", "75000000"),
    (0, "revisions", "raised 2025-05-01: to ~$80.0M"), (0, "start", "1234"), (0, "call_date", "2025-03-13"),
    (2, "verdict", "late"), (2, "days_late", "15"), (2, "deadline", "2025-09-30"),
]


@pytest.mark.parametrize("index, column, value", CSV_VALUES)
def test_csv_values(index, column, value):
    assert _csv_rows()[index][column] == value


# --- JSON -------------------------------------------------------------------------------------------------

def test_json_structure():
    doc = json.loads(render(CARD, "json"))
    assert (doc["format"], doc["version"], doc["ticker"], doc["as_of"]) == ("fls-scorecard", 1, "NWS", "2025-12-01")
    first = doc["rows"][0]
    assert first["claim"]["quote"] == EVIL_QUOTE           # JSON keeps the text exactly; escaping is the reader's
    assert first["claim"]["period"]["end"] == "2025-06-30"
    assert first["result"]["verdict"] == "beat"
    assert first["result"]["actual"]["reported_on"] == "2025-08-01"
    assert first["source"] == {"document": "nws_q1.txt", "call_date": "2025-03-13", "start": 1234, "end": 1300,
                               "where": "nws_q1.txt, chars 1234-1300, call 2025-03-13"}
    assert first["revisions"] == [{"kind": "raised", "date": "2025-05-01", "description": "to ~$80.0M"}]
    assert doc["rows"][1]["override"] == {"verdict": "dismissed", "reason": "=not a real claim"}
    assert list(doc["verdict_counts"].items()) == [("beat", 1), ("late", 1), ("dismissed", 1)]
    assert doc["credibility"]["n_scored"] == 3


# --- Markdown ---------------------------------------------------------------------------------------------

MD_NEEDS = [
    ("title", "# Scorecard: Northwind \\<Semiconductor\\> (NWS)"),
    ("summary", "**Credibility:** hit rate 33% (95% CI 6-79%, n=3)"),
    ("counts-header", "| Verdict | Claims |"),
    ("claims-header", "| Claim | Promise | Actual (source, reported) | Verdict | Marks | Explanation | Speaker | "
                      "Deadline |"),
    ("location", "said by Dana Reyes in nws\\_q1.txt, chars 1234-1300, call 2025-03-13"),
    ("revision", "- revision: raised 2025-05-01: to ~$80.0M"),
    ("override-star", "dismissed\\*"),
    ("late-explanation", "achieved 2025-10-15, 15 days after 2025-09-30: late"),
    ("escaped-pipe", "Data \\| Center"),
]


@pytest.mark.parametrize("needle", [n for _, n in MD_NEEDS], ids=[i for i, _ in MD_NEEDS])
def test_markdown_contents(needle):
    assert needle in render(CARD, "md")


def test_markdown_table_rows_have_equal_cells():
    lines = [line for line in render(CARD, "md").splitlines() if line.startswith("| ")]
    widths = {line.replace("\\|", "").count("|") for line in lines if "Promise" in line or line[2:3].isdigit()}
    assert len(widths) == 1


def test_verdict_counts_follow_enum_order_and_overrides():
    assert verdict_counts(CARD) == [("beat", 1), ("late", 1), ("dismissed", 1)]
    assert Verdict.BEAT.value == "beat"
