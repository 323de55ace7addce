"""`fls actuals add --event`: the events a CSV row records, one by one, checked by the same rules; and the
as-of date every reading command says (issue 10, items 4 and 7)."""
from __future__ import annotations

import json

import pytest

from tests.cli.test_commands import count_rows

EVENTS = [
    # (what, arguments after `fls actuals add --company ACME`, exit code, stdout or stderr starts with)
    ("a milestone achieved", ["--metric", "milestone", "--as-of", "2025-05-02", "--event", "achieved",
                              "--note", "plant opened"], 0, "added event"),
    ("guidance withdrawn", ["--metric", "revenue", "--period", "2025-FY", "--as-of", "2025-05-02",
                            "--event", "withdrawn"], 0, "added event"),
    ("a revised range", ["--metric", "revenue", "--period", "2025-Q2", "--value", "92M-96M", "--unit", "USD",
                         "--reported-on", "2025-05-02", "--event", "revised"], 0, "added event"),
    ("a reaffirmation", ["--metric", "revenue", "--period", "2025-Q2", "--reported-on", "2025-05-02",
                         "--event", "reaffirmed"], 0, "added event"),
    ("an event naming its claim", ["--metric", "revenue", "--period", "2025-Q2", "--reported-on", "2025-05-02",
                                   "--event", "reaffirmed", "--claim", "1"], 0, "added event"),
    ("a claim of nobody", ["--metric", "milestone", "--as-of", "2025-05-02", "--event", "achieved",
                           "--claim", "4242"], 1, "fls: no claim 4242 of ACME"),
    ("an unknown kind", ["--metric", "revenue", "--as-of", "2025-05-02", "--event", "restated"], 1,
     "fls: unknown event 'restated'"),
    ("a revision without a value", ["--metric", "revenue", "--period", "2025-Q2", "--reported-on", "2025-05-02",
                                    "--event", "revised"], 1, "fls: value is empty"),
    ("--claim without --event", ["--metric", "revenue", "--period", "2025-Q2", "--value", "1M", "--unit", "USD",
                                 "--claim", "1"], 1, "fls: --claim names the claim an event settles"),
    ("a figure without a value", ["--metric", "revenue", "--period", "2025-Q2"], 1, "fls: give --value and --unit"),
]


@pytest.mark.parametrize(("args", "code", "said"), [e[1:] for e in EVENTS], ids=[e[0] for e in EVENTS])
def test_add_an_event(acme, db_path, args, code, said):
    before = count_rows(db_path, "events")
    run = acme("actuals", "add", "--company", "ACME", *args)
    assert run.code == code, run.err
    assert (run.out if code == 0 else run.err).startswith(said)
    assert code == 1 or "\n" not in run.err.strip()
    assert count_rows(db_path, "events") == before + (code == 0)


def test_every_reading_command_says_its_as_of(acme):
    assert acme("score", "--as-of", "2025-09-01").code == 0
    assert acme("score", "--as-of", "2026-03-01").code == 0
    assert acme("score", "--as-of", "2025-09-01").code == 0      # scored last: the date readers open on
    for command in (["claims"], ["companies"], ["speakers"]):
        assert acme(*command).out.startswith("verdicts as of 2025-09-01\n"), command
        assert acme(*command, "--as-of", "2026-03-01").out.startswith("verdicts as of 2026-03-01\n"), command
    rows = json.loads(acme("claims", "--format", "json", "--as-of", "2026-03-01").out)
    assert {r["as_of"] for r in rows} == {"2026-03-01"}
    card = json.loads(acme("scorecard", "ACME", "--format", "json").out)
    assert card["as_of"] == "2025-09-01"


@pytest.mark.parametrize("command", [["claims"], ["companies"], ["speakers"]])
def test_a_date_never_scored_is_an_error(acme, command):
    acme("score", "--as-of", "2026-03-01")
    run = acme(*command, "--as-of", "2026-02-01")
    assert run.code == 1
    assert run.err == "fls: no verdicts stored as of 2026-02-01: run fls score --as-of 2026-02-01 first\n"
