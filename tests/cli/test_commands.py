"""The storing and scoring commands on an invented call (Acme Industrial), through `cli.main.main`."""
from __future__ import annotations

import csv
import io
import json

import pytest

from db.session import open_database
from tests.cli.conftest import ACME_ACTUALS, ACME_BAD, ACME_CALL, DATA


def count_rows(db_path, table: str) -> int:
    from sqlalchemy import text

    database = open_database(str(db_path))
    try:
        with database.engine.connect() as conn:
            return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    finally:
        database.dispose()


def test_ingest_twice_is_unchanged(fls, db_path):
    first = fls("ingest", ACME_CALL)
    assert first.code == 0, first.err
    assert first.out.strip() == f"ingested {ACME_CALL}: 3 claims, 1 actuals, 0 revisions"
    second = fls("ingest", ACME_CALL)
    assert second.code == 0
    assert second.out.strip() == f"unchanged {ACME_CALL} (already ingested)"
    assert count_rows(db_path, "claims") == 3
    assert count_rows(db_path, "documents") == 1


def test_ingest_replace_keeps_claims(fls, db_path):
    fls("ingest", ACME_CALL)
    again = fls("ingest", ACME_CALL, "--replace")
    assert again.code == 0
    assert again.out.startswith(f"re-ingested {ACME_CALL}: 3 claims")
    assert count_rows(db_path, "claims") == 3


def test_ingest_bad_file_writes_nothing_for_it(fls, db_path, tmp_path):
    binary = tmp_path / "garbage.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    run = fls("ingest", binary, ACME_CALL)
    assert run.code == 1
    lines = run.err.strip().splitlines()
    errors = [line for line in lines if line.startswith("fls: ")]
    assert len(errors) == 1 and str(binary) in errors[0]
    assert "Traceback" not in run.err
    # the good file after the bad one is still stored
    assert f"ingested {ACME_CALL}: 3 claims" in run.out
    assert count_rows(db_path, "documents") == 1


def test_ingest_missing_file(fls, db_path, tmp_path):
    run = fls("ingest", tmp_path / "nope.txt")
    assert run.code == 1
    assert run.err.count("\n") == 1 and "nope.txt" in run.err
    assert count_rows(db_path, "documents") == 0


def test_actuals_import_is_idempotent(acme, db_path):
    again = acme("actuals", "import", ACME_ACTUALS)
    assert again.code == 0
    assert again.out.strip() == f"imported {ACME_ACTUALS}: 0 actuals, 0 events (2 rows already stored)"
    assert count_rows(db_path, "actuals") == 3   # 1 from the call, 2 from the CSV


def test_bad_csv_names_lines_and_writes_nothing(fls, db_path):
    fls("ingest", ACME_CALL)
    before = count_rows(db_path, "actuals")
    run = fls("actuals", "import", ACME_BAD)
    assert run.code == 1
    assert run.err.count("\n") == 1
    assert "line 3:" in run.err and "line 4:" in run.err and "line 2:" not in run.err
    assert "Traceback" not in run.err
    assert count_rows(db_path, "actuals") == before


@pytest.mark.parametrize(("args", "expected"), [
    (["--period", "2025-Q3", "--value", "236M", "--unit", "USD"], "added actual 4: revenue 2025-Q3 $236.0M"),
    (["--as-of", "2025-09-30", "--value", "5", "--unit", "units", "--scope", "plants"],
     "added actual 4: revenue / plants 2025-09-30 5 units"),
])
def test_actuals_add(acme, args, expected):
    run = acme("actuals", "add", "--company", "acme", "--metric", "revenue", *args)
    assert run.code == 0, run.err
    assert run.out.strip() == expected


@pytest.mark.parametrize(("args", "message"), [
    ([], "give --period or --as-of (one of them)"),
    (["--period", "2025-Q3", "--as-of", "2025-09-30"], "give --period or --as-of (one of them)"),
    (["--as-of", "30/09/2025"], "bad --as-of date '30/09/2025': use YYYY-MM-DD"),
    (["--period", "2025-Q3", "--reported-on", "soon"], "bad --reported-on date 'soon': use YYYY-MM-DD"),
    (["--period", "2025-Q3", "--company", "XYZ"], "unknown company: XYZ"),
])
def test_actuals_add_errors(acme, args, message):
    base = ["actuals", "add", "--company", "ACME", "--metric", "revenue", "--value", "1M", "--unit", "USD"]
    run = acme(*base, *args)
    assert run.code == 1
    assert run.err.strip() == f"fls: {message}"


@pytest.mark.parametrize("command", [
    ["score", "--as-of", "2025/06/01"],
    ["scorecard", "ACME", "--as-of", "June 1"],
    ["claims", "--due-before", "tomorrow"],
])
def test_bad_date_option(acme, command):
    run = acme(*command)
    assert run.code == 1
    assert run.err.count("\n") == 1
    assert run.err.startswith("fls: bad ") and "use YYYY-MM-DD" in run.err


@pytest.mark.parametrize("command", [
    ["claims", "XYZ"],
    ["score", "--company", "XYZ"],
    ["scorecard", "XYZ"],
])
def test_unknown_company(acme, command):
    run = acme(*command)
    assert run.code == 1
    assert run.err == "fls: unknown company: XYZ\n"


def test_score_prints_the_verdict_table(acme):
    run = acme("score", "--as-of", "2026-03-01")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "verdicts as of 2026-03-01"
    assert lines[1].split() == ["id", "deadline", "metric", "/", "scope", "promise", "actual", "verdict",
                                "explanation"]
    revenue = next(line for line in lines if "$220.0M-$240.0M" in line)
    assert "$231.0M" in revenue and " met " in revenue
    margin = next(line for line in lines if "gross_margin" in line)
    assert "27%" in margin and "missed" in margin


@pytest.mark.parametrize(("filters", "expected_ids"), [
    ([], [1, 2, 3]),
    (["--metric", "revenue"], [1]),
    (["--verdict", "met"], [1]),
    (["--verdict", "missed"], [3]),
    (["--verdict", "awaiting"], [2]),
    (["--due-before", "2025-07-01"], [1]),
    (["--period", "2025-FY"], [2, 3]),
    (["--speaker", "patel"], [3]),
])
def test_claims_filters(acme, filters, expected_ids):
    acme("score", "--as-of", "2026-03-01")
    run = acme("claims", "ACME", *filters, "--format", "json")
    assert run.code == 0, run.err
    assert [r["id"] for r in json.loads(run.out)] == expected_ids


def test_claims_csv_and_table(acme):
    rows = list(csv.DictReader(io.StringIO(acme("claims", "--format", "csv").out)))
    assert len(rows) == 3 and {r["verdict"] for r in rows} == {"unscored"}
    table = acme("claims").out.splitlines()
    assert table[0].startswith("not scored yet")         # the as-of line: no verdict without its date
    assert table[1].split()[:3] == ["id", "ticker", "deadline"] and len(table) == 1 + 2 + 3


def test_claims_unknown_verdict(acme):
    run = acme("claims", "--verdict", "great")
    assert run.code == 1 and run.err.startswith("fls: unknown verdict 'great'")


def test_companies(acme):
    acme("score", "--as-of", "2026-03-01")
    run = acme("companies", "--format", "json")
    assert run.code == 0
    [row] = json.loads(run.out)
    assert (row["ticker"], row["name"], row["calls"], row["claims"]) == ("ACME", "Acme Industrial Corp.", 1, 3)
    assert "ACME" in acme("companies").out


@pytest.mark.parametrize(("fmt", "check"), [
    ("md", lambda text: text.startswith("# Scorecard: Acme Industrial Corp. (ACME)")),
    ("csv", lambda text: len(list(csv.reader(io.StringIO(text)))) == 4),
    ("json", lambda text: json.loads(text)["ticker"] == "ACME"),
    ("html", lambda text: "<html" in text.lower() and "Acme Industrial" in text),
])
def test_scorecard_output_file(acme, tmp_path, fmt, check):
    out = tmp_path / f"card.{fmt}"
    run = acme("scorecard", "acme", "--as-of", "2026-03-01", "--format", fmt, "-o", out)
    assert run.code == 0, run.err
    assert run.out == ""
    assert run.err == f"wrote {out}\n"
    assert check(out.read_text(encoding="utf-8"))


def test_scorecard_to_stdout_and_period(acme):
    run = acme("scorecard", "ACME", "--as-of", "2026-03-01", "--period", "2025-Q2")
    assert run.code == 0
    assert "period 2025-Q2, 1 claim" in run.out


def test_scorecard_unwritable_output(acme, tmp_path):
    run = acme("scorecard", "ACME", "-o", tmp_path / "missing" / "card.md")
    assert run.code == 1 and run.err.startswith("fls: cannot write")


def test_edits_round_trip(acme):
    acme("score", "--as-of", "2026-03-01")
    assert acme("override", "3", "met", "--reason", "margin restated").out.strip() == \
        "claim 3: verdict set to met"
    assert acme("note", "3", "check the restatement").code == 0
    listed = json.loads(acme("claims", "--format", "json").out)
    assert next(r for r in listed if r["id"] == 3)["verdict"] == "met"
    assert next(r for r in listed if r["id"] == 3)["overridden"] is True
    assert "met*" in acme("score", "--as-of", "2026-03-01").out
    card = acme("scorecard", "ACME", "--as-of", "2026-03-01").out
    assert "note: check the restatement" in card
    assert acme("dismiss", "2", "--reason", "plants dropped from the plan").out.strip() == "claim 2: dismissed"
    assert [r["id"] for r in json.loads(acme("claims", "--verdict", "dismissed", "--format", "json").out)] == [2]
    assert acme("restore", "2").out.strip() == "claim 2: restored"


@pytest.mark.parametrize(("command", "message"), [
    (["override", "99", "met", "--reason", "x"], "fls: no claim with id 99"),
    (["override", "1", "great", "--reason", "x"], "fls: unknown verdict 'great'"),
    (["override", "1", "met", "--reason", " "], "fls: a reason for the override is required"),
    (["restore", "1"], "fls: claim 1 is not dismissed"),
    (["note", "1", ""], "fls: note text is required"),
])
def test_edit_errors(acme, command, message):
    run = acme(*command)
    assert run.code == 1
    assert run.err.startswith(message) and run.err.count("\n") == 1


def test_db_path_and_upgrade(fls, db_path, monkeypatch, tmp_path):
    assert fls("db", "path").out.strip() == f"sqlite:///{db_path}"
    run = fls("db", "upgrade")
    assert run.code == 0 and run.out.startswith(f"sqlite:///{db_path}: schema at revision ")
    monkeypatch.setenv("FLS_DATABASE_URL", str(tmp_path / "env.db"))
    assert fls("db", "path", db=False).out.strip() == f"sqlite:///{tmp_path / 'env.db'}"


def test_db_in_a_missing_folder(fls, tmp_path):
    run = fls("db", "upgrade", "--db", tmp_path / "no" / "such" / "fls.db", db=False)
    assert run.code == 1 and run.err.startswith("fls: database folder does not exist")


def test_fixture_data_is_invented():
    assert "Acme" in (DATA / "acme_2025q1_call.txt").read_text(encoding="utf-8")
