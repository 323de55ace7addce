"""The architecture's borders: the domain loads no UI or database library, and nothing connects on import."""
import subprocess
import sys

import pytest


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return {m.split(".")[0] for m in out.split()}


@pytest.mark.parametrize("module", [
    "tracker", "tracker.extraction.extract", "tracker.contract", "tracker.scoring", "tracker.scorecard", "tracker.periods",
    "tracker.quantities", "tracker.transcript",
])
def test_domain_loads_no_textual_or_sqlalchemy(module):
    loaded = _loaded_after(f"import {module}")
    assert "textual" not in loaded
    assert "sqlalchemy" not in loaded


def test_db_import_loads_no_textual_and_opens_no_database(tmp_path):
    code = ("import os; os.environ['FLS_DATABASE_URL'] = 'sqlite:///" + str(tmp_path / "x.db") + "'\n"
            "import db.session, db.models\n")
    loaded = _loaded_after(code)
    assert "textual" not in loaded
    assert not (tmp_path / "x.db").exists()


def test_cli_help_loads_no_textual():
    loaded = _loaded_after("from cli.main import cli")
    assert "textual" not in loaded
