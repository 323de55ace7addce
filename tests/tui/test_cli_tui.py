"""`fls tui`: registered, documented, and bad options end in one line on stderr (the app never starts)."""
from __future__ import annotations

import pytest

from cli.main import main


def test_help_lists_the_db_option(capsys):
    assert main(["tui", "--help"]) == 0
    assert "--db URL" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["--as-of", "soon"], "bad as-of date"),
    (["--db", "/no/such/folder/fls.db"], "database folder does not exist"),
])
def test_bad_options(capsys, args, message):
    assert main(["tui", *args]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
