"""`fls claim edit`, `fls claim add` and `fls override --clear` through the command line: what they print,
one line on stderr and exit 1 for bad input, nothing written then (issue 10, item 5). The invented Acme call is
tests/cli/data/acme_2025q1_call.txt; its claim 1 is the Q2 revenue guide of $220-240 million."""
from __future__ import annotations

import json

import pytest

from tests.cli.test_commands import count_rows

RUNS = [
    # (what, arguments, exit code, what stdout or stderr starts with, rows of claim_corrections, claims added)
    ("edit a figure", ["claim", "edit", "1", "--high", "250M", "--reason", "slides"], 0,
     "claim 1 corrected: high $240.0M -> $250.0M (slides)", 1, 0),
    ("edit the period", ["claim", "edit", "1", "--period", "2025-Q3", "--reason", "it was Q3"], 0,
     "claim 1 corrected: period 2025-Q2 -> 2025-Q3", 1, 0),
    ("edit without a reason", ["claim", "edit", "1", "--high", "250M", "--reason", ""], 1, "fls: ", 0, 0),
    ("edit nothing", ["claim", "edit", "1", "--reason", "x"], 1, "fls: nothing to correct", 0, 0),
    ("edit a claim of nobody", ["claim", "edit", "999", "--high", "1M", "--reason", "x"], 1,
     "fls: no claim with id 999", 0, 0),
    ("edit a bad date", ["claim", "edit", "1", "--deadline", "soon", "--reason", "x"], 1, "fls: ", 0, 0),
    ("add a missed claim", ["claim", "add", "ACME", "--quote", "Revenue for the first quarter was $210 million",
                            "--metric", "revenue", "--period", "2025-Q1", "--low", "210M", "--reason", "test"], 0,
     "added claim", 0, 1),
    ("add an analyst's words", ["claim", "add", "ACME", "--quote", "Can you talk about the plant openings",
                                "--metric", "plants"], 1, "fls: the quote is said by Dana Brooks (analyst)", 0, 0),
    ("add words the call never said", ["claim", "add", "ACME", "--quote", "We will buy the moon", "--metric", "moon"],
     1, "fls: quote not found in the stored transcripts of ACME", 0, 0),
    ("add without a metric", ["claim", "add", "ACME", "--quote", "Revenue for the first quarter"], 1, "fls: ", 0, 0),
]


@pytest.mark.parametrize(("args", "code", "said", "corrections", "added"), [r[1:] for r in RUNS],
                         ids=[r[0] for r in RUNS])
def test_claim_commands(acme, db_path, args, code, said, corrections, added):
    claims = count_rows(db_path, "claims")
    run = acme(*args)
    assert run.code == code, run.err
    assert (run.out if code == 0 else run.err).startswith(said), (run.out, run.err)
    if code:
        assert run.err.count("\n") == 1
    assert count_rows(db_path, "claim_corrections") == corrections
    assert count_rows(db_path, "claims") == claims + added


def test_the_correction_shows_in_lists_and_scorecards(acme):
    assert acme("claim", "edit", "1", "--period", "2025-Q3", "--reason", "it was Q3").code == 0
    listed = {r["id"]: r for r in json.loads(acme("claims", "ACME", "--format", "json").out)}
    assert listed[1]["period_label"] == "2025-Q3"
    card = json.loads(acme("scorecard", "ACME", "--format", "json").out)
    row = next(r for r in card["rows"] if r["claim_id"] == 1)
    assert "corrected" in row["marks"]
    assert row["correction"]["fields"] == [{"field": "period", "original": "2025-Q2", "corrected": "2025-Q3"},
                                           {"field": "deadline", "original": "2025-06-30", "corrected": "2025-09-30"}]


CLEAR = [
    ("set then clear", [["override", "1", "met", "--reason", "10-Q"], ["override", "1", "--clear", "--reason", "undo"]],
     0, "claim 1: override cleared"),
    ("clear with none set", [["override", "1", "--clear", "--reason", "undo"]], 1, "fls: "),
    ("both a verdict and --clear", [["override", "1", "met", "--clear", "--reason", "x"]], 1,
     "fls: give a VERDICT or --clear"),
]


@pytest.mark.parametrize(("runs", "code", "said"), [c[1:] for c in CLEAR], ids=[c[0] for c in CLEAR])
def test_override_clear(acme, runs, code, said):
    for args in runs[:-1]:
        assert acme(*args).code == 0
    run = acme(*runs[-1])
    assert run.code == code
    assert (run.out if code == 0 else run.err).startswith(said), (run.out, run.err)
    if code == 0:
        rows = {r["id"]: r for r in json.loads(acme("claims", "ACME", "--format", "json").out)}
        assert rows[1]["overridden"] is False
