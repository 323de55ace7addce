"""The keys that act on one claim (add actual, override, dismiss/restore, note, transcript, guidance history),
shared by the claims list, the claim detail screen and review mode. A screen provides `selected_claim()`."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from tui.claim_ref import ClaimRef
from tui.claim_table import promised, subject


def claim_ref(row: Any) -> ClaimRef:
    """A ClaimRef from a db.queries.ClaimRow."""
    period = f", {row.period_label}" if row.period_label else ""
    return ClaimRef(id=row.id, ticker=row.ticker, metric=row.metric, scope=row.scope,
                    period_label=row.period_label, unit=row.unit, dismissed=row.status == "dismissed",
                    summary=f"{row.ticker} · {subject(row)}{period}: {promised(row)}", verdict=row.verdict)


class ClaimActions:
    CLAIM_BINDINGS = [
        Binding("a", "add_actual", "Actual"),
        Binding("o", "override", "Override"),
        Binding("x", "dismiss_claim", "Dismiss/restore"),
        Binding("n", "add_note", "Note"),
        Binding("t", "transcript", "Transcript"),
        Binding("g", "guidance", "Guidance"),
    ]

    def selected_claim(self) -> ClaimRef | None:
        raise NotImplementedError

    def _open(self, make: Callable[[ClaimRef], Screen]) -> None:
        claim = self.selected_claim()
        if claim is None:
            self.app.notify("No claim selected.", severity="warning")  # type: ignore[attr-defined]
            return
        self.app.push_screen(make(claim))  # type: ignore[attr-defined]

    def action_add_actual(self) -> None:
        from tui.screens.actual_form import ActualForm

        self._open(ActualForm)

    def action_override(self) -> None:
        from tui.screens.override_form import OverrideForm

        self._open(OverrideForm)

    def action_dismiss_claim(self) -> None:
        from tui.screens.dismiss_form import dismiss_or_restore

        self._open(dismiss_or_restore)

    def action_add_note(self) -> None:
        from tui.screens.note_form import NoteForm

        self._open(NoteForm)

    def action_transcript(self) -> None:
        from tui.screens.transcript import TranscriptScreen

        claim = self.selected_claim()
        if claim is not None:
            self.app.push_screen(TranscriptScreen(claim_id=claim.id))  # type: ignore[attr-defined]

    def action_guidance(self) -> None:
        """The guidance history of the claim's metric and period: every call's guide, the actual, the verdict."""
        from tui.screens.guidance import GuidanceScreen

        claim = self.selected_claim()
        if claim is None:
            self.app.notify("No claim selected.", severity="warning")  # type: ignore[attr-defined]
            return
        self.app.push_screen(GuidanceScreen(claim_id=claim.id))  # type: ignore[attr-defined]
