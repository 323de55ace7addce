"""An answer's figure that nothing in the answer dates takes the one future period the analyst's question named.

Every turn is invented; the call is dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tracker.contract import records
from tracker.extraction.extract import extract_file

CALL = ("Operator: Our next question comes from Bo Renn with Fenwick Research.\n\n"
        "Bo Renn: {question}\n\n"
        "Ada Quill: {answer}\n\n")


def _claims(tmp_path: Path, question: str, answer: str) -> list[dict]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\n" + CALL.format(question=question, answer=answer),
                    encoding="utf-8")
    return [r for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


def test_the_question_dates_the_answer(tmp_path):
    got = _claims(tmp_path, "Could you frame licensing for us in 2026?",
                  "Licensing income is expected to be about $300 million higher than capex.")
    assert [(c["metric"], c["low"], c["period"]) for c in got] == [("licensing_income_less_capex", 300e6, "2026-FY")]


def test_the_answers_own_period_wins(tmp_path):
    got = _claims(tmp_path, "Could you frame 2026 for us?", "We expect capex of $4 billion in 2027.")
    assert [(c["metric"], c["period"]) for c in got] == [("capex", "2027-FY")]


def test_two_periods_asked_lend_none(tmp_path):
    got = _claims(tmp_path, "What about 2026 and 2027?",
                  "Licensing income is expected to be about $300 million higher than capex.")
    assert got == []


def test_a_statement_is_no_question(tmp_path):
    got = _claims(tmp_path, "I was thinking about 2026.",
                  "Licensing income is expected to be about $300 million higher than capex.")
    assert got == []


def test_the_question_makes_no_promise(tmp_path):
    """A present-tense statement in the answer stays no claim, whatever the question asked about."""
    got = _claims(tmp_path, "Anything we should keep in mind as we model 2026?",
                  "A 12% levy applies to every shipment we send abroad.")
    assert got == []


def test_an_opinion_takes_no_period_from_the_question(tmp_path):
    got = _claims(tmp_path, "Anything we should keep in mind as we model 2026?",
                  "I think there are three things to remember.")
    assert got == []


# (id, analyst's sentence without "?", the answer's claim period or None)
INDIRECT = [
    ("wondering-whether", "I'm wondering whether you might walk us through hiring plans for 2026.", "2026-FY"),
    ("and-then-could-you", "And then could you frame the kiln rebuilds for 2026.", "2026-FY"),
    ("curious", "I'm curious how you think about upkeep in 2026.", "2026-FY"),
    ("plain-statement", "We are modelling upkeep for 2026.", None),
]




@pytest.mark.parametrize("question, period", [r[1:] for r in INDIRECT], ids=[r[0] for r in INDIRECT])
def test_a_question_without_a_question_mark(tmp_path, question, period):
    """Speech-to-text and some publishers drop the "?": a sentence asked in the words of a question still asks."""
    got = _claims(tmp_path, question, "It is all built into our $75 million capital budget.")
    assert [(c["metric"], c["low"], c.get("period")) for c in got] == [("capex", 75e6, period)]
