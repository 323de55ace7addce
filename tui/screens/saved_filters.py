"""Pick a saved claims-list filter: enter applies it, d deletes it (tui/saved_filters.py stores them).

The list shows each filter's name and what it keeps ("margins due: search 'margin', due in the last 30
days"); the screen returns the chosen ClaimFilter to the claims list, which sets its inputs from it.
"""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.claim_table import ClaimFilter
from tui.jobs import SHOWN_ERRORS, error_text
from tui.saved_filters import delete_filter, describe, load_filters


class SavedFiltersScreen(ModalScreen[ClaimFilter | None]):
    CSS_PATH = "saved_filters.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("d", "delete", "Delete")]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.filters: dict[str, ClaimFilter] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="saved"):
            yield Label("Saved filters", id="saved-title")
            yield OptionList(id="saved-list")
            yield Static("loading…", id="saved-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._run(lambda: load_filters(self.folder))

    def _run(self, job) -> None:  # noqa: ANN001
        """Read (or rewrite) the file in a thread; show the filters, or the error."""
        def work() -> None:
            try:
                filters = job()
            except SHOWN_ERRORS as exc:
                self.app.call_from_thread(self._show_error, error_text(exc))
                return
            self.app.call_from_thread(self._show, filters)

        self.run_worker(work, thread=True, exclusive=True, group="saved-filters")

    def _show(self, filters: dict[str, ClaimFilter]) -> None:
        self.filters = filters
        options = self.query_one(OptionList)
        options.clear_options()
        for name, f in filters.items():
            line = Text(name, style="bold", no_wrap=True, overflow="ellipsis")
            line.append(f"  {describe(f)}", style="dim")
            options.add_option(Option(line, id=name))
        if filters:
            options.highlighted = 0
        hint = ("enter applies, d deletes, esc closes" if filters
                else f"none saved yet: press b in the claims list to save one (kept in {self.folder})")
        self.query_one("#saved-hint", Static).update(hint)

    def _show_error(self, message: str) -> None:
        self.query_one("#saved-hint", Static).update(message)

    def _highlighted(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.filters:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.filters.get(str(event.option.id)))

    def action_delete(self) -> None:
        name = self._highlighted()
        if name is not None:
            folder = self.folder
            self._run(lambda: (delete_filter(folder, name), load_filters(folder))[1])

    def action_cancel(self) -> None:
        self.dismiss(None)
