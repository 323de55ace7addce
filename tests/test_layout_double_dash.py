"""A common web layout: a table of contents (naming "Call Participants"), a "for the period ending" line, the
call date under the title, and "Name -- Title" speaker lines with "Firm -- Analyst" for analysts."""
import json
from datetime import date
from pathlib import Path

import pytest

from cli.main import main
from tracker.model import Layout, Role, Section
from tracker.transcript import read_transcript

FIXTURE = Path(__file__).parent / "fixtures" / "transcripts" / "double_dash_contents.txt"


@pytest.fixture(scope="module")
def transcript():
    return read_transcript(FIXTURE)


def test_layout_and_call_date(transcript):
    assert transcript.layout is Layout.DASH_TITLE
    assert transcript.header.call_date == date(2025, 5, 8)      # not the "period ending" date
    assert transcript.header.ticker == "FBMO"


@pytest.mark.parametrize("name, role", [("Ana Ruiz", Role.EXECUTIVE), ("Leo Park", Role.EXECUTIVE),
                                        ("Dana Cole", Role.ANALYST), ("Operator", Role.OPERATOR)])
def test_roles(transcript, name, role):
    assert {t.speaker.role for t in transcript.turns if t.speaker.name == name} == {role}


def test_contents_list_does_not_start_qa(transcript):
    sections = [(t.speaker.name, t.section) for t in transcript.turns]
    assert sections[:3] == [("Operator", Section.PREPARED), ("Ana Ruiz", Section.PREPARED),
                            ("Leo Park", Section.PREPARED)]
    assert sections[-1] == ("Ana Ruiz", Section.QA)


@pytest.mark.parametrize("metric, low, high, deadline", [
    ("revenue", 430e6, 450e6, "2025-06-30"),
    ("revenue", 1.80e9, 1.85e9, "2025-12-31"),
    ("gross_margin", 41.5, 42.5, "2025-06-30"),
    ("capex", 60e6, 60e6, "2025-12-31"),
    ("units", 2000, None, "2025-12-31"),
])
def test_claims(capsys, metric, low, high, deadline):
    assert main(["extract", str(FIXTURE), "--format", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    claims = [r for r in recs if r["type"] == "claim" and r["metric"] == metric and r["deadline"] == deadline]
    assert any(r["low"] == pytest.approx(low) and (r["high"] == pytest.approx(high) if high else True)
               for r in claims), claims
    assert not any("Dana Cole" == m["speaker"] for r in recs if r["type"] == "claim" for m in r["mentions"])
