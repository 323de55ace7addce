"""`fls tui`: registered, documented, and bad options end in one line on stderr (the app never starts)."""
from __future__ import annotations

import pytest

from cli import tui_cmd
from cli.main import main


def test_help_lists_the_db_option(capsys):
    assert main(["tui", "--help"]) == 0
    assert "--db URL" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["--as-of", "soon"], "bad as-of date"),
    (["--db", "/no/such/folder/fls.db"], "database folder does not exist"),
])
def test_bad_options(capsys, monkeypatch, args, message):
    monkeypatch.setattr(tui_cmd, "interactive", lambda: True)
    assert main(["tui", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_not_a_terminal_is_one_line_and_no_database(capsys, tmp_path):
    """In a pipe the UI would draw into it and wait for keys forever: it refuses, and creates nothing."""
    db = tmp_path / "fls.db"
    assert main(["tui", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "needs a terminal" in err and len(err.strip().splitlines()) == 1
    assert not db.exists()


def test_a_crash_in_the_ui_exits_non_zero(capsys, monkeypatch, tmp_path):
    from tui.app import FlsApp

    def crash(self) -> None:
        raise RuntimeError("boom in the first screen")

    monkeypatch.setattr(tui_cmd, "interactive", lambda: True)
    monkeypatch.setattr(FlsApp, "on_mount", crash)

    def run_headless(self, *args, **kwargs):   # no real terminal in the test: the same app, headless
        return FlsApp.run_original(self, headless=True)

    monkeypatch.setattr(FlsApp, "run_original", FlsApp.run, raising=False)
    monkeypatch.setattr(FlsApp, "run", run_headless)
    assert main(["tui", "--db", str(tmp_path / "fls.db")]) == tui_cmd.CRASHED
