"""Fiscal year naming through the command line: read from the call, `--fiscal-year-named`, the metadata file,
stored with the company and then used by `fls actuals import`, `fls actuals add` and `fls claims --period`.

Larkspur Cloud (invented) ends its year on Jan 31 and names it by its end: the year Feb 2025 - Jan 2026 is
"fiscal 2026". Named by the start, "the second quarter of fiscal 2026" would end on 2026-07-31 instead of
2025-07-31."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.models import ActualRecord, AuditRecord, ClaimRecord, Company
from db.session import open_database

FIRST_CALL = """Larkspur Cloud First Quarter Fiscal 2026 Earnings Call
May 28, 2025

Ines Marlowe - Chief Financial Officer: Welcome to the Larkspur Cloud first quarter fiscal 2026 earnings call. For the second quarter of fiscal 2026 we expect revenue of about $540 million. For fiscal 2026 we expect revenue of about $2.2 billion.
"""

# Names no fiscal year: on its own it would be labelled by the January default (the start).
SECOND_CALL = """Larkspur Cloud Earnings Call
August 27, 2025

Ines Marlowe - Chief Financial Officer: For the third quarter we expect revenue of about $560 million.
"""

Q2_DEADLINE = {"end": "2025-07-31", "start": "2026-07-31"}


@pytest.fixture
def call(tmp_path):
    path = tmp_path / "larkspur_call.txt"
    path.write_text(FIRST_CALL, encoding="utf-8")
    return path


def _claims(out: str) -> dict[str, dict]:
    return {r["period"]: r for r in map(json.loads, out.splitlines()) if r["type"] == "claim"}


def _q2_deadline(out: str) -> str:
    return next(r["deadline"] for r in _claims(out).values() if r["period"].endswith("-Q2"))


@pytest.mark.parametrize("option, meta, expected", [
    (None, None, "end"),                 # read from the call: it reports "first quarter fiscal 2026" in May 2025
    ("start", None, "start"),            # the option wins over the call
    ("END", None, "end"),                # any case
    (None, "start", "start"),            # the metadata file wins over the call
    ("end", "start", "end"),             # the option wins over the metadata file
], ids=["read", "option", "option-any-case", "metadata", "option-over-metadata"])
def test_extract_labels_by_the_naming(fls, call, option, meta, expected):
    toml = f'ticker = "LARK"\nfiscal_year_end = "01-31"\n'
    if meta:
        toml += f'fiscal_year_named = "{meta}"\n'
    call.with_suffix(".toml").write_text(toml, encoding="utf-8")
    args = ["extract", call, "--format", "jsonl"] + (["--fiscal-year-named", option] if option else [])
    run = fls(*args, db=False)
    assert run.code == 0, run.err
    assert _q2_deadline(run.out) == Q2_DEADLINE[expected]


def test_extract_json_says_which_naming_and_whence(fls, call):
    run = fls("extract", call, "--fiscal-year-end", "01-31", "--format", "json", db=False)
    assert run.code == 0, run.err
    head = json.loads(run.out)["call"]
    assert (head["fiscal_year_named"], head["fiscal_year_named_from"]) == ("end", "transcript")
    assert {c["period"] for c in json.loads(run.out)["claims"]} >= {"FY2026-Q2", "FY2026-FY"}


@pytest.mark.parametrize("args, toml, message", [
    (["--fiscal-year-named", "middle"], "", "middle"),
    ([], 'fiscal_year_named = "sideways"\n', "fiscal_year_named"),
    ([], "fiscal_year_named = 2026\n", "fiscal_year_named"),
], ids=["bad-option", "bad-metadata-word", "bad-metadata-type"])
def test_bad_naming_is_one_error(fls, call, args, toml, message):
    call.with_suffix(".toml").write_text(toml, encoding="utf-8")
    run = fls("extract", call, "--fiscal-year-end", "01-31", *args, db=False)
    assert run.code != 0 and run.out == ""
    assert message in run.err


def _rows(db_path, column):  # noqa: ANN001, ANN201
    database = open_database(str(db_path))
    try:
        with database.session(write=False) as s:
            return s.scalars(select(column)).all()
    finally:
        database.dispose()


@pytest.fixture
def ingested(fls, call):
    run = fls("ingest", call, "--company", "LARK", "--fiscal-year-end", "01-31")
    assert run.code == 0, run.err
    return fls


def test_ingest_stores_the_naming_read_from_the_call(ingested, db_path):
    assert _rows(db_path, Company.fiscal_year_named) == ["end"]
    assert sorted(_rows(db_path, ClaimRecord.period_label)) == ["FY2026-FY", "FY2026-Q2"]
    listed = json.loads(ingested("companies", "--format", "json").out)
    assert [(c["fiscal_year_end"], c["fiscal_year_named"]) for c in listed] == [("01-31", "end")]


@pytest.mark.parametrize("how", ["import", "add"])
def test_actual_labels_are_read_in_the_companys_naming(ingested, db_path, tmp_path, how):
    if how == "import":
        csv = tmp_path / "reported.csv"
        csv.write_text("ticker,metric,period,value,unit\nLARK,revenue,FY2026-Q2,545M,USD\n", encoding="utf-8")
        run = ingested("actuals", "import", csv)
    else:
        run = ingested("actuals", "add", "--company", "LARK", "--metric", "revenue", "--period", "FY2026-Q2",
                       "--value", "545M", "--unit", "USD")
    assert run.code == 0, run.err
    assert [str(d) for d in _rows(db_path, ActualRecord.period_end)] == [Q2_DEADLINE["end"]]


def test_claims_period_filter_uses_the_companys_labels(ingested):
    run = ingested("claims", "LARK", "--period", "FY2026-Q2", "--format", "json")
    assert run.code == 0, run.err
    assert [r["deadline"] for r in json.loads(run.out)] == [Q2_DEADLINE["end"]]


def test_a_silent_later_call_is_labelled_by_the_stored_naming(ingested, db_path, tmp_path):
    later = tmp_path / "larkspur_q2_call.txt"
    later.write_text(SECOND_CALL, encoding="utf-8")
    run = ingested("ingest", later, "--company", "LARK")      # no year end, no naming: both from the company
    assert run.code == 0, run.err
    run = ingested("claims", "LARK", "--period", "FY2026-Q3", "--format", "json")
    assert [r["deadline"] for r in json.loads(run.out)] == ["2025-10-31"]


def test_an_explicit_naming_replaces_the_stored_one_and_is_audited(ingested, db_path, tmp_path):
    later = tmp_path / "larkspur_q2_call.txt"
    later.write_text(SECOND_CALL, encoding="utf-8")
    run = ingested("ingest", later, "--company", "LARK", "--fiscal-year-named", "start")
    assert run.code == 0, run.err
    assert _rows(db_path, Company.fiscal_year_named) == ["start"]
    assert "fiscal_year_named" in _rows(db_path, AuditRecord.action)


@pytest.mark.parametrize("text, args, noted", [
    (SECOND_CALL, ["--fiscal-year-end", "01-31"], True),                    # silent call, January: a guess
    (SECOND_CALL, ["--fiscal-year-end", "01-31", "--fiscal-year-named", "start"], False),   # given
    (FIRST_CALL, ["--fiscal-year-end", "01-31"], False),                    # read from the call
    (SECOND_CALL, ["--fiscal-year-end", "06-30"], False),                   # June: named by the end
    (SECOND_CALL, [], False),                                               # the calendar year
], ids=["guessed", "given", "read", "june", "december"])
def test_a_guessed_january_naming_is_said_on_stderr(fls, tmp_path, text, args, noted):
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    run = fls("extract", path, "--company", "LARK", *args, "--format", "jsonl", db=False)
    assert run.code == 0
    assert ("--fiscal-year-named end" in run.err) is noted
    assert len(run.err.splitlines()) == (1 if noted else 0)
