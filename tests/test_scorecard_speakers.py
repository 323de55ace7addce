"""Scorecard renderers: the per-speaker credibility section (invented company and people)."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date

import pytest

from tracker.model import Claim, Comparator, Hedge, Kind, Period, Role, Verdict
from tracker.scorecard import Scorecard, ScorecardRow, render
from tracker.scorecard.csv_out import COLUMNS
from tracker.scoring import VerdictResult, credibility

Q2 = Period("2025-Q2", date(2025, 4, 1), date(2025, 6, 30))
AS_OF = date(2025, 12, 1)


def _pair(speaker: str, verdict: Verdict, surprise: float | None = None) -> tuple[Claim, VerdictResult]:
    claim = Claim(kind=Kind.GUIDANCE, metric="revenue", scope=None, comparator=Comparator.APPROX, low=75e6,
                  high=75e6, unit="USD", period=Q2, speaker=speaker, role=Role.EXECUTIVE,
                  quote=f"{speaker} expects revenue of about $75 million.", mentions=(), hedge=Hedge.EXPECTED)
    return claim, VerdictResult(verdict, str(verdict), AS_OF, surprise_pct=surprise)


CFO = [_pair("Dana Reyes", v, s) for v, s in [(Verdict.BEAT, 10.0), (Verdict.MET, 1.0), (Verdict.BEAT, 6.0),
                                              (Verdict.MISSED, -12.0), (Verdict.MET, 0.0)]]
CEO = [_pair("<Mallory> | Ops", Verdict.MISSED, -20.0), _pair("<Mallory> | Ops", Verdict.PENDING)]
NOBODY = [_pair("", Verdict.BEAT, 4.0)]
PAIRS = CFO + CEO + NOBODY


def _card(speakers=True) -> Scorecard:  # noqa: ANN001
    rows = tuple(ScorecardRow(claim, result, document="hrb_q1.txt") for claim, result in PAIRS)
    card = Scorecard("Harbor Retail", "HRB", AS_OF, None, credibility(PAIRS), rows)
    if not speakers:
        return card
    return dataclasses.replace(card, speakers=(("Dana Reyes", credibility(CFO)), ("<Mallory> | Ops", credibility(CEO)),
                                               ("", credibility(NOBODY))))


CARD = _card()


@pytest.mark.parametrize("fmt, needles", [
    ("md", ["## Credibility per speaker", "| Speaker | Credibility | Scored | Claims | Mean surprise |",
            "| Dana Reyes | hit rate 80% (95% CI 38-96%, n=5) | 5 | 5 | +1.0% |",
            "| \\<Mallory\\> \\| Ops | too few scored claims (n=1) | 1 | 2 | -20.0% |",
            "| unattributed | too few scored claims (n=1) | 1 | 1 | +4.0% |"]),
    ("html", ["<h2>Credibility per speaker</h2>",
              "<tr><td>Dana Reyes</td><td>hit rate 80% (95% CI 38-96%, n=5)</td><td>5</td><td>5</td>"
              "<td>+1.0%</td></tr>",
              "<td>&lt;Mallory&gt; | Ops</td><td>too few scored claims (n=1)</td>",
              "<td>unattributed</td>"]),
])
def test_speaker_section(fmt, needles):
    page = render(CARD, fmt)
    for needle in needles:
        assert needle in page


@pytest.mark.parametrize("fmt, absent", [("md", "Credibility per speaker"), ("html", "Credibility per speaker")])
def test_no_speaker_section_without_speakers(fmt, absent):
    assert absent not in render(_card(speakers=False), fmt)


def test_markdown_speaker_rows_have_equal_cells():
    page = render(CARD, "md")
    section = page.split("## Credibility per speaker")[1].split("\n\n")[1]
    assert {line.replace("\\|", "").count("|") for line in section.splitlines()} == {6}


def test_json_speaker_credibility():
    doc = json.loads(render(CARD, "json"))
    block = doc["speaker_credibility"]
    assert [s["speaker"] for s in block] == ["Dana Reyes", "<Mallory> | Ops", ""]
    assert [(s["credibility"]["n_scored"], s["credibility"]["hits"], s["credibility"]["enough"]) for s in block] == [
        (5, 4, True), (1, 0, False), (1, 1, False)]
    assert block[1]["credibility"]["summary"] == "too few scored claims (n=1)"
    assert json.loads(render(_card(speakers=False), "json"))["speaker_credibility"] == []


def test_csv_stays_one_table_of_claims():
    rows = list(csv.reader(io.StringIO(render(CARD, "csv"))))
    assert rows[0] == list(COLUMNS) and len(rows) == 1 + len(PAIRS)
    assert render(CARD, "csv") == render(_card(speakers=False), "csv")
