"""Export the scorecard shown as Markdown, CSV, JSON or HTML, and say where it was written."""
from __future__ import annotations

from pathlib import Path

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

    def intro(self) -> str:
        return "Leave the file empty for a name made from the company, period and date (in this folder)."

    def fields(self) -> list[Field]:
        return [Field("format", "Format", choices=FORMATS), Field("path", "File (optional)")]

    def prepare(self, v: dict[str, str]) -> Path:
        path = Path(v["path"] or default_path(self.card, v["format"])).expanduser()
        if path.is_dir():
            raise InputError(f"{path} is a folder: give a file name")
        if not path.parent.is_dir():
            raise InputError(f"folder does not exist: {path.parent}")
        path.write_text(render(self.card, v["format"]), encoding="utf-8")
        return path.resolve()

    def apply(self, session: None, path: Path) -> str:
        return f"Scorecard written to {path}"
