"""Commands are imported only when they run: `fls --help` and `fls extract` load no database code."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from cli.main import COMMANDS, cli

DATA = Path(__file__).parent / "data"
HEAVY = ("sqlalchemy", "alembic", "textual", "db", "tui")


@pytest.mark.parametrize("name", sorted(COMMANDS), ids=sorted(COMMANDS))
def test_listed_summary_is_the_commands_own(name):
    real = COMMANDS[name].load()
    listed = click.Command(name, help=COMMANDS[name].summary)
    assert listed.get_short_help_str(200) == real.get_short_help_str(200)


def test_every_registered_command_is_listed():
    ctx = click.Context(cli)
    assert cli.list_commands(ctx) == sorted(COMMANDS)
    assert all(cli.get_command(ctx, name) is not None for name in COMMANDS)


RUNS = [
    ("help", ["--help"]),
    ("extract", ["extract", str(DATA / "acme_2025q1_call.txt"), "--call-date", "2025-04-24", "--format", "jsonl"]),
]


@pytest.mark.parametrize("argv", [a for _, a in RUNS], ids=[i for i, _ in RUNS])
def test_no_database_code_is_imported(argv):
    probe = ("import sys\nfrom cli.main import main\ncode = main(sys.argv[1:])\n"
             f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
             "print('HEAVY', heavy, code, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=False)
    assert "HEAVY [] 0" in done.stderr, done.stderr


def test_a_command_that_is_not_one_is_refused():
    from cli.lazy import LazyCommand

    with pytest.raises(TypeError):
        LazyCommand("cli.main:COMMANDS", "not a command").load()
