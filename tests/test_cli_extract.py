"""`fls extract` through the command line: formats, and one clear line for every kind of bad input."""
import json

import pytest

from cli.main import main

FLS_CALL = """Operator: Good afternoon and welcome to the Harbor Retail third quarter call.
Jane Roe: Thank you. Third quarter net sales were $2.1 billion.
Jane Roe: For the fourth quarter, we expect net sales of $2.3 billion to $2.4 billion.
Jane Roe: For the full year, we now expect operating income of $410 million to $430 million.
"""


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def call(tmp_path):
    p = tmp_path / "harbor.txt"
    p.write_text(FLS_CALL, encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["table", "jsonl", "json"])
def test_formats(capsys, call, fmt):
    code, out, err = run(capsys, "extract", str(call), "--call-date", "2025-11-19", "--format", fmt)
    assert code == 0, err
    assert out.strip()
    if fmt == "jsonl":
        recs = [json.loads(line) for line in out.splitlines()]
        assert any(r["type"] == "claim" and r["metric"] == "revenue" for r in recs)
    if fmt == "json":
        assert "claims" in json.loads(out)


def _bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Opérateur: Nous prévoyons un chiffre d'affaires de 5 millions.".encode("latin-1"))
    return {"missing": tmp_path / "nope.txt", "directory": tmp_path, "empty": empty, "binary": binary,
            "latin-1": latin}


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "latin-1"])
def test_bad_files_give_one_line_and_nonzero_exit(capsys, tmp_path, case):
    path = _bad_files(tmp_path)[case]
    code, out, err = run(capsys, "extract", str(path), "--call-date", "2025-03-13")
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err


@pytest.mark.parametrize("args,needle", [
    (["--call-date", "2025-13-45"], "call date"),
    (["--call-date", "yesterday"], "call date"),
    (["--fiscal-year-end", "1231"], "fiscal year end"),
])
def test_bad_options(capsys, call, args, needle):
    code, out, err = run(capsys, "extract", str(call), *args)
    assert code != 0
    assert needle in err and len(err.strip().splitlines()) == 1


def test_missing_call_date_is_an_error(capsys, call):
    code, _, err = run(capsys, "extract", str(call))
    assert code != 0 and "--call-date" in err


def test_no_forward_looking_statements_is_fine(capsys, tmp_path):
    p = tmp_path / "quiet.txt"
    p.write_text("Operator: Welcome.\nJohn Doe: Thanks, everyone, for being with us.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(p), "--call-date", "2025-03-13", "--format", "jsonl")
    assert code == 0 and out == ""


def test_help_for_every_command(capsys):
    import click

    from cli.main import cli
    for name in cli.list_commands(click.Context(cli)):
        code, out, _ = run(capsys, name, "--help")
        assert code == 0 and "Usage" in out


def test_an_unexpected_error_is_one_line_too(capsys, call, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr("cli.extract_cmd.extract_file", boom)
    code, out, err = run(capsys, "extract", str(call), "--call-date", "2025-03-13")
    assert code == 70 and out == ""
    assert err.strip() == "fls: internal error: RuntimeError: disk on fire (set FLS_DEBUG=1 for details)"
