"""Export the scorecard shown as Markdown, CSV, JSON or HTML, and say where it was written.

The form shows the full path it will write to; an existing file is only overwritten after a second press
of Export (the form says so and the button reads "Overwrite").
"""
from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Input, Select, Static

from tracker.errors import InputError
from tracker.scorecard import FORMATS, Scorecard, render
from tui.screens.form import Field, FormScreen


def default_path(card: Scorecard, fmt: str) -> str:
    period = f"_{card.period}" if card.period else ""
    return f"{card.ticker.lower()}_scorecard{period}_{card.as_of}.{fmt}"


class ExportForm(FormScreen):
    TITLE_TEXT = "Export scorecard"
    OK_LABEL = "Export"
    NEEDS_DB = False

    def __init__(self, card: Scorecard) -> None:
        super().__init__()
        self.card = card
        self.confirmed: Path | None = None     # the existing file the user agreed to overwrite

    def intro(self) -> str:
        return "Leave the file empty for a name made from the company, period and date (in this folder)."

    def fields(self) -> list[Field]:
        return [Field("format", "Format", choices=FORMATS), Field("path", "File (optional)")]

    def below_fields(self) -> ComposeResult:
        yield Static("", id="export-target", classes="hint", markup=False)

    def on_mount(self) -> None:
        super().on_mount()
        self._show_target()

    def target(self, values: dict[str, str]) -> Path:
        return Path(values["path"] or default_path(self.card, values["format"])).expanduser().resolve()

    @on(Input.Changed, "#field-path")
    @on(Select.Changed, "#field-format")
    def _show_target(self) -> None:
        if not self.query("#export-target"):
            return
        path = self.target(self.values())
        self.query_one("#export-target", Static).update(f"→ {path}")
        if path != self.confirmed:
            self.query_one("#ok", Button).label = self.OK_LABEL

    def prepare(self, v: dict[str, str]) -> Path:
        path = self.target(v)
        if path.is_dir():
            raise InputError(f"{path} is a folder: give a file name")
        if not path.parent.is_dir():
            raise InputError(f"folder does not exist: {path.parent}")
        if path.exists() and path != self.confirmed:
            self.confirmed = path
            raise InputError(f"{path} exists: press Overwrite to replace it")
        path.write_text(render(self.card, v["format"]), encoding="utf-8")
        return path

    def after_failure(self) -> None:
        if self.confirmed is not None and self.confirmed == self.target(self.values()):
            self.query_one("#ok", Button).label = "Overwrite"

    def apply(self, session: None, path: Path) -> str:
        return f"Scorecard written to {path}"
