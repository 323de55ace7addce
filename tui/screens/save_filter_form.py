"""Save the claims list's current filter under a name (tui/saved_filters.py keeps it in the config folder)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from tui.claim_table import ClaimFilter
from tui.saved_filters import describe, save_filter
from tui.screens.form import Field, FormScreen


class SaveFilterForm(FormScreen):
    TITLE_TEXT = "Save this filter"
    OK_LABEL = "Save"
    NEEDS_DB = False

    def __init__(self, folder: Path, claim_filter: ClaimFilter) -> None:
        super().__init__()
        self.folder, self.claim_filter = folder, claim_filter

    def intro(self) -> str:
        return f"{describe(self.claim_filter)}\n(a name already saved is replaced; kept in {self.folder})"

    def fields(self) -> list[Field]:
        return [Field("name", "Name", placeholder="margins due")]

    def apply(self, session: Session | None, values: dict[str, str]) -> str:
        save_filter(self.folder, values["name"], self.claim_filter)
        return f"Filter saved as {' '.join(values['name'].split())!r}"
