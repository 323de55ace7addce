"""A modal form for one action: labelled inputs, an error line, a progress bar, OK / Cancel.

Subclasses list their fields and implement `apply(session, values) -> message`. The work runs in a thread
worker inside one transaction: on an error the transaction is rolled back (nothing written), the message shows
in the form, and the form stays open so the input can be fixed. On success the form closes, the message is
shown as a notification and every screen reloads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from tui.claim_ref import ClaimRef
from tui.jobs import SHOWN_ERRORS, error_text


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: tuple[str, ...] = ()      # a Select instead of an Input


_ROWS = re.compile(r"; (?=line \d+: )")


def error_lines(message: str) -> list[str]:
    """An error that lists bad rows, one line each: "actuals CSV has 2 bad rows: line 2: value is empty;
    line 5: unknown ticker ZZZ" -> the head, "line 2: value is empty", "line 5: unknown ticker ZZZ"."""
    head, sep, rest = message.partition(": line ")
    if not sep:
        return [message] if message else []
    return [f"{head}:", *_ROWS.split("line " + rest)]


class FormScreen(ModalScreen[str | None]):
    CSS_PATH = "form.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    TITLE_TEXT = ""
    OK_LABEL = "OK"
    SHOWS_PROGRESS = False
    NEEDS_DB = True        # False: apply() gets no session (it writes files, not rows)

    def fields(self) -> list[Field]:
        return []

    def intro(self) -> str:
        return ""

    def below_fields(self) -> ComposeResult:
        """Widgets shown under the fields (none by default)."""
        yield from ()

    def prepare(self, values: dict[str, str]) -> Any:
        """Slow work outside the transaction (reading a file); runs in the worker thread."""
        return values

    def apply(self, session: Session | None, prepared: Any) -> str:
        raise NotImplementedError

    def after(self) -> None:
        """On the UI thread, after a successful apply."""

    # --- layout ----------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Label(self.TITLE_TEXT, id="form-title")
            if self.intro():
                yield Static(self.intro(), id="form-intro", markup=False)
            for f in self.fields():
                yield Label(f.label, classes="field-label")
                if f.choices:
                    yield Select([(c, c) for c in f.choices], value=f.value or f.choices[0], allow_blank=False,
                                 id=f"field-{f.name}", compact=True)
                else:
                    yield Input(f.value, placeholder=f.placeholder, id=f"field-{f.name}", compact=True)
            yield from self.below_fields()
            with VerticalScroll(id="form-errors"):
                yield Static("", id="form-error", classes="error", markup=False)
            yield ProgressBar(id="form-progress", show_eta=False)
            with Horizontal(id="form-buttons"):
                yield Button(self.OK_LABEL, id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#form-progress").display = False
        self.query_one("#form-errors").display = False
        first = self.query("Input, Select")
        (first.first() if first else self.query_one("#ok", Button)).focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.fields():
            widget = self.query_one(f"#field-{f.name}")
            out[f.name] = str(widget.value if isinstance(widget, Select | Input) else "").strip()
        return out

    # --- events ----------------------------------------------------------------------------------------

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.is_busy:
            self.dismiss(None)

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def submit(self) -> None:
        if self.is_busy:
            return
        self.show_error("")
        self.is_busy = True
        self.query_one("#ok", Button).disabled = True
        if self.SHOWS_PROGRESS:
            bar = self.query_one("#form-progress", ProgressBar)
            bar.update(total=None, progress=0)
            bar.display = True
        self._run(self.values())

    is_busy = False

    def show_error(self, message: str) -> None:
        """The message, one line per bad row when it lists several, in a list that scrolls on its own."""
        self.query_one("#form-error", Static).update("\n".join(error_lines(message)))
        box = self.query_one("#form-errors", VerticalScroll)
        box.display = bool(message)
        box.scroll_home(animate=False)

    def progress(self, done: int, total: int) -> None:
        """Thread-safe: report progress from apply()."""
        self.app.call_from_thread(self.query_one("#form-progress", ProgressBar).update, total=total, progress=done)

    @work(thread=True, exclusive=True, group="form")
    def _run(self, values: dict[str, str]) -> None:
        try:
            prepared = self.prepare(values)
            if not self.NEEDS_DB:
                message = self.apply(None, prepared)
            else:
                with self.app.database.session() as session:   # type: ignore[attr-defined]
                    message = self.apply(session, prepared)
        except SHOWN_ERRORS as exc:
            self.app.call_from_thread(self._failed, error_text(exc))
            return
        self.app.call_from_thread(self._succeeded, message)

    def _failed(self, message: str) -> None:
        self.is_busy = False
        self.query_one("#ok", Button).disabled = False
        self.query_one("#form-progress").display = False
        self.show_error(message)
        self.after_failure()

    def after_failure(self) -> None:
        """On the UI thread, after apply() failed and its message is shown."""

    def _succeeded(self, message: str) -> None:
        self.is_busy = False
        self.app.notify(message, markup=False)
        self.after()
        self.dismiss(message)
        self.app.data_changed()   # type: ignore[attr-defined]


class ClaimForm(FormScreen):
    """A form about one claim: the claim's summary stands above the fields."""

    def __init__(self, claim: ClaimRef) -> None:
        super().__init__()
        self.claim = claim

    def intro(self) -> str:
        return self.claim.summary
