"""Events dated by a bare year follow the calendar; "fiscal 2026" follows the company's fiscal year."""
import json

import pytest

from cli.main import main

CALL = """Operator: Welcome to the Northwind Semiconductor fiscal first quarter call.
Dana Reyes: Thank you. We will begin construction of a third Nevada plant in 2026.
Dana Reyes: The new line will be fully operational by the end of 2029.
Dana Reyes: We expect to start volume production of the new node later in fiscal 2026.
"""


@pytest.fixture
def records(tmp_path, capsys):
    p = tmp_path / "northwind.txt"
    p.write_text(CALL, encoding="utf-8")
    assert main(["extract", str(p), "--call-date", "2025-12-17", "--fiscal-year-end", "09-03",
                 "--format", "jsonl"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize("fragment, deadline", [
    ("begin construction of a third Nevada plant in 2026", "2026-12-31"),
    ("operational by the end of 2029", "2029-12-31"),
    ("later in fiscal 2026", "2026-09-03"),
])
def test_event_deadlines(records, fragment, deadline):
    hits = [r for r in records if r["type"] == "claim" and fragment in r["quote"]]
    assert hits and hits[0]["kind"] == "milestone"
    assert hits[0]["deadline"] == deadline
