"""Bad input, every command: one line on stderr, exit 1, nothing written (and no database file created by a
command that failed). Invented companies and files only."""
from __future__ import annotations

import csv
import io
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import ACME_CALL, DATA

ACME_HEADER = "ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"


def one_line(run, *words: str, code: int = 1) -> None:
    assert run.code == code, (run.out, run.err)
    assert run.err.count("\n") == 1 and run.err.startswith("fls: "), run.err
    for word in words:
        assert word in run.err, run.err


# --- the --db option ---------------------------------------------------------------------------------------

def _text_file(tmp: Path) -> str:
    path = tmp / "notes.txt"
    path.write_text("shopping list: eggs, flour\n" * 100, encoding="utf-8")
    return str(path)


def _folder(tmp: Path) -> str:
    return str(tmp)


def _unreachable(_tmp: Path) -> str:
    return "postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing?connect_timeout=2"


def _unknown_scheme(_tmp: Path) -> str:
    return "mongodb://127.0.0.1/fls"


def _not_a_url(_tmp: Path) -> str:
    return "postgresql+psycopg://[::1"


@pytest.mark.parametrize("make_db, words", [
    (_text_file, ("not a SQLite database", "notes.txt")),
    (_folder, ("database is a folder",)),
    (_unreachable, ("cannot connect to database", "127.0.0.1")),
    (_unknown_scheme, ("unknown kind of database 'mongodb'",)),
    (_not_a_url, ("not a database URL",)),
], ids=["text-file", "folder", "unreachable-postgres", "unknown-scheme", "not-a-url"])
@pytest.mark.parametrize("command", [
    ["claims"], ["companies"], ["ingest", str(ACME_CALL)], ["note", "1", "hello"], ["db", "upgrade"],
], ids=["claims", "companies", "ingest", "note", "db-upgrade"])
def test_a_database_that_cannot_be_used(fls, tmp_path, make_db, words, command):
    url = make_db(tmp_path)
    run = fls(*command, "--db", url, db=False)
    one_line(run, *words)
    assert "secret" not in run.err


def test_a_read_only_database_reads_but_refuses_writes(fls, db_path):
    assert fls("ingest", ACME_CALL).code == 0
    read_only = f"sqlite:///file:{db_path}?mode=ro&uri=true"
    assert fls("claims", "ACME", "--db", read_only, db=False).code == 0
    one_line(fls("note", "1", "restated", "--db", read_only, db=False), "database is read-only")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only file anyway")
def test_a_read_only_file_refuses_writes(fls, db_path):
    assert fls("ingest", ACME_CALL).code == 0
    db_path.chmod(0o444)
    one_line(fls("note", "1", "restated"), "read-only")


def test_a_writer_waiting_too_long_says_busy_and_readers_do_not_wait(acme, db_path, monkeypatch):
    monkeypatch.setenv("FLS_BUSY_TIMEOUT", "0.3")
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO notes (claim_id, text, author, created_at) VALUES (1, 'x', 'y', '2025-01-01')")
        for read in (["claims", "ACME"], ["companies"], ["scorecard", "ACME"], ["speakers"]):
            assert acme(*read).code == 0, read
        one_line(acme("note", "1", "restated"), "database is busy: another fls is writing; try again")
        one_line(acme("score"), "database is busy")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert acme("note", "1", "restated").code == 0


def test_bad_busy_timeout(acme, monkeypatch):
    monkeypatch.setenv("FLS_BUSY_TIMEOUT", "5m")
    one_line(acme("claims"), "FLS_BUSY_TIMEOUT")


# --- a failing command leaves no database behind ------------------------------------------------------------

@pytest.mark.parametrize("command, words", [
    (["claims", "ACME"], ("unknown company: ACME",)),
    (["scorecard", "ACME"], ("unknown company: ACME",)),
    (["note", "1", "hello"], ("no claim with id 1",)),
    (["override", "1", "met", "--reason", "x"], ("no claim with id 1",)),
    (["actuals", "import", str(DATA / "acme_actuals.csv")], ("unknown ticker ACME",)),
    (["actuals", "add", "--company", "ACME", "--metric", "revenue", "--period", "2025-Q1", "--value", "1M",
      "--unit", "USD"], ("unknown company: ACME",)),
    (["ingest", "no_such_call.txt"], ("no_such_call.txt",)),
    (["ingest", str(ACME_CALL), "--company", "A B"], ("bad ticker",)),
], ids=["claims", "scorecard", "note", "override", "import", "add", "ingest-missing", "ingest-bad-ticker"])
def test_a_failing_command_creates_no_database_file(fls, db_path, command, words):
    one_line(fls(*command), *words)
    assert not db_path.exists()
    assert not Path(f"{db_path}-wal").exists()


def test_reading_a_missing_database_lists_nothing_and_creates_nothing(fls, db_path):
    run = fls("companies", "--format", "json")
    assert run.code == 0 and run.out.strip() == "[]"
    assert not db_path.exists()


# --- ids, tickers, options ----------------------------------------------------------------------------------

@pytest.mark.parametrize("claim_id", [str(2**31), str(2**63), str(2**70), "0"])
@pytest.mark.parametrize("command", [["override", "{}", "met", "--reason", "x"], ["note", "{}", "text"],
                                     ["dismiss", "{}", "--reason", "x"], ["restore", "{}"]],
                         ids=["override", "note", "dismiss", "restore"])
def test_ids_out_of_range_are_no_such_claim(acme, command, claim_id):
    run = acme(*[part.replace("{}", claim_id) for part in command])
    one_line(run, f"no claim with id {claim_id}")


@pytest.mark.parametrize("ticker", ["'; DROP TABLE claims;--", "\U0001F680", "AB CD", "-ACME", "X" * 17])
def test_a_ticker_must_look_like_one(fls, db_path, ticker):
    one_line(fls("ingest", ACME_CALL, "--company", ticker), "bad ticker")
    assert not db_path.exists()


@pytest.mark.parametrize("ticker", ["BRK.B", "RDS-A", "0700.HK", "acme"])
def test_real_ticker_shapes_are_accepted(fls, ticker):
    run = fls("ingest", ACME_CALL, "--company", ticker)
    assert run.code == 0, run.err


@pytest.mark.parametrize("command, words", [
    (["ingest", str(ACME_CALL), "--call-date", ""], ("--call-date is empty",)),
    (["ingest", str(ACME_CALL), "--call-date", " "], ("--call-date is empty",)),
    (["ingest", str(ACME_CALL), "--company", ""], ("--company is empty",)),
    (["claims", "--period", "Q7"], ("bad --period",)),
    (["claims", "--period", "last year"], ("bad --period",)),
    (["scorecard", "ACME", "--period", "2025-Q9"], ("bad --period",)),
    (["scorecard", "ACME", "-o", ""], ("-o is empty",)),
], ids=["call-date-empty", "call-date-blank", "company-empty", "claims-period", "claims-period-words",
        "scorecard-period", "output-empty"])
def test_bad_options(acme, command, words):
    one_line(acme(*command), *words)


@pytest.mark.parametrize("option", ["--call-date", "--company", "--fiscal-year-end"])
def test_extract_refuses_empty_options(fls, option):
    one_line(fls("extract", ACME_CALL, option, "", db=False), f"{option} is empty")


@pytest.mark.parametrize("args, words", [
    (["--unit", ""], ("unit is empty",)),
    (["--unit", "  "], ("unit is empty",)),
    (["--unit", "USD", "--value", "1" * 40], ("too large",)),
    (["--unit", "USD", "--value", "9999T"], ("too large",)),
    (["--unit", "USD", "--basis", "nongap"], ("unknown basis 'nongap'",)),
], ids=["unit-empty", "unit-blank", "forty-digits", "huge-scaled", "basis-misspelt"])
def test_actuals_add_refuses_what_the_import_refuses(acme, args, words):
    base = ["actuals", "add", "--company", "ACME", "--metric", "revenue", "--period", "2025-Q3", "--value", "1M"]
    one_line(acme(*base, *args), *words)


def test_a_dollar_value_without_unit_is_usd_in_both(acme):
    run = acme("actuals", "add", "--company", "ACME", "--metric", "revenue", "--period", "2025-Q3",
               "--value", "$1M", "--unit", "")
    assert run.code == 0 and "$1.0M" in run.out, (run.out, run.err)


@pytest.mark.parametrize("rows, words", [
    ('ACME,"revenue,,2025-Q3,,1M,USD,,,,\nACME,revenue,,2025-Q4,,2M,USD,,,,\n',
     ("line 2: a quoted cell is never closed",)),
    ('ACME,"revenue"x,,2025-Q3,,1M,USD,,,,\n', ("line 2: text after a closing quote",)),
    ("ACME,revenue,,2025-Q3,," + "1" * 40 + ",USD,,,,\n", ("line 2: value", "too large")),
    ("ACME,revenue,,2025-Q3,,nan,USD,,,,\n", ("line 2: not a number",)),
], ids=["unclosed-quote", "text-after-quote", "huge-value", "nan"])
def test_bad_csv(acme, tmp_path, rows, words):
    path = tmp_path / "bad.csv"
    path.write_text(ACME_HEADER + rows, encoding="utf-8")
    one_line(acme("actuals", "import", path), *words)


# --- what commands write ------------------------------------------------------------------------------------

def test_claims_csv_is_safe_in_a_spreadsheet(fls, tmp_path):
    call = tmp_path / "call.txt"
    call.write_text(ACME_CALL.read_text(encoding="utf-8").replace(
        "For the second quarter of 2025, we expect", "=HYPERLINK(1) For the second quarter of 2025, we expect"),
        encoding="utf-8")
    assert fls("ingest", call, "--company", "ACME").code == 0
    rows = list(csv.reader(io.StringIO(fls("claims", "--format", "csv").out)))
    quotes = [r[-1] for r in rows[1:]]
    assert any(q.startswith("'=HYPERLINK") for q in quotes), quotes
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r)


def test_scorecard_dash_is_stdout(acme, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = acme("scorecard", "ACME", "-o", "-")
    assert run.code == 0 and run.out.startswith("# Scorecard")
    assert not (tmp_path / "-").exists()


def test_scorecard_output_replaces_a_link_instead_of_following_it(acme, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "card.md"
    link.symlink_to(target)
    run = acme("scorecard", "ACME", "-o", link)
    assert run.code == 0, run.err
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("# Scorecard")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_scorecard_output_to_a_folder(acme, tmp_path):
    one_line(acme("scorecard", "ACME", "-o", tmp_path), "it is a folder")
