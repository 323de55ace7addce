"""Every command answers --help with its own text and exit status 0."""
from __future__ import annotations

import pytest

from cli.main import main

COMMANDS = [
    (["ingest"], "Extract the call transcripts"),
    (["actuals"], "Record reported figures"),
    (["actuals", "import"], "Import reported figures"),
    (["actuals", "add"], "Record one reported figure"),
    (["claims"], "List the stored claims"),
    (["score"], "Score every active claim"),
    (["companies"], "List the companies"),
    (["scorecard"], "The scorecard of TICKER"),
    (["override"], "Set the verdict of claim"),
    (["note"], "Attach the note TEXT"),
    (["dismiss"], "Set aside claim"),
    (["restore"], "Undo `fls dismiss`"),
    (["db"], "schema upgrades"),
    (["db", "upgrade"], "Bring the database schema"),
    (["db", "path"], "Print the database URL"),
    (["demo"], "Store the bundled sample call"),
]


@pytest.mark.parametrize(("command", "text"), COMMANDS, ids=[" ".join(c) for c, _ in COMMANDS])
def test_help(command, text, capsys):
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"Usage: fls {' '.join(command)}" in out
    assert text in " ".join(out.split())
