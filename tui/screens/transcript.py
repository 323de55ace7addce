"""The transcript reader: the document with every claim highlighted and the actuals it states marked.

`n` / `p` walk through the claims in the order they were said; `enter` opens the current claim's detail
(escape there comes back here). `l` shows or hides machine-translation lines where the transcript has them.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from sqlalchemy.orm import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from db.queries import ClaimDetail, claim_detail, list_claims
from tracker.model import SourceKind, Transcript
from tui.context import load_transcript, offsets_hold
from tui.jobs import run_db

CLAIM_STYLE = "bold underline"
ACTUAL_STYLE = "italic underline"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    claim_id: int | None      # None: an actual


@dataclass(frozen=True)
class TranscriptData:
    title: str
    transcript: Transcript | None
    claims: tuple[ClaimDetail, ...]
    marks: tuple[Mark, ...]


def load(session: Session, claim_id: int, as_of: date | None = None) -> TranscriptData:
    first = claim_detail(session, claim_id, as_of)
    same_doc = [r.id for r in list_claims(session, ticker=first.ticker, as_of=as_of)
                if r.document_id == first.document_id]
    details = tuple(first if cid == first.id else claim_detail(session, cid, as_of) for cid in same_doc)
    transcript = load_transcript(first.document_path)
    marks: set[Mark] = set()
    for d in details:
        for m in d.mentions:
            if transcript is not None and offsets_hold(transcript, m.start, m.end, m.quote):
                marks.add(Mark(m.start, m.end, d.id))
        for _, a in d.actuals:
            if (a.source_kind == SourceKind.TRANSCRIPT and a.source_ref == first.document_path
                    and a.start is not None and a.end is not None):
                marks.add(Mark(a.start, a.end, None))
    title = f"{first.ticker} call {first.call_date or ''}".strip()
    return TranscriptData(title, transcript, details, tuple(sorted(marks, key=lambda m: (m.start, m.end))))


PIECE = 240     # a line longer than this is shown in pieces of whole sentences at least this long


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def pieces(spans: list[tuple[int, int]], sentence_starts: list[int], size: int = PIECE) -> list[tuple[int, int]]:
    """The lines, a long one cut at sentence starts into pieces of about `size` characters: a speech-to-text
    call is often one line of 50,000 characters, and scrolling to "the line" of a claim would show its start,
    screens away from the claim. A piece holds whole sentences, so the claim is within a few rows of its top."""
    out: list[tuple[int, int]] = []
    starts = sorted(sentence_starts)
    for start, end in spans:
        if end - start <= size:
            out.append((start, end))
            continue
        cut = start
        for s in starts:
            if start < s < end and s - cut >= size:
                out.append((cut, s))
                cut = s
        out.append((cut, end))
    return out


def render_line(text: str, start: int, end: int, marks: tuple[Mark, ...]) -> Text:
    out = Text(text[start:end])
    for m in marks:
        if m.start < end and m.end > start:
            style = CLAIM_STYLE if m.claim_id is not None else ACTUAL_STYLE
            out.stylize(style, max(m.start, start) - start, min(m.end, end) - start)
            if m.claim_id is not None and m.start >= start:
                out.append(f" [#{m.claim_id}]", style="dim")
    return out


def in_spans(offset: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s <= offset < e for s, e in spans)


class TranscriptScreen(Screen):
    CSS_PATH = "transcript.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("n", "step(1)", "Next claim"),
        Binding("p", "step(-1)", "Previous claim"),
        Binding("enter", "open_claim", "Claim detail"),
        Binding("l", "toggle_translation", "Translation"),
    ]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.data: TranscriptData | None = None
        self.stops: list[tuple[int, int]] = []     # (offset, claim id) in reading order
        self.current = 0
        self.line_starts: list[int] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield VerticalScroll(id="transcript")
        yield Static("loading…", id="transcript-status", classes="status-line")
        yield Footer()

    def on_mount(self) -> None:
        as_of = self.app.as_of
        run_db(self, lambda s: load(s, self.claim_id, as_of), self._show, group="transcript", exclusive=True)

    async def _show(self, data: TranscriptData) -> None:
        self.data = data
        self.sub_title = data.title
        body = self.query_one("#transcript", VerticalScroll)
        t = data.transcript
        if t is None:
            widgets = [Static("The document file is not available; the stored quotes:", classes="hint")]
            widgets += [Static(Text(f"#{d.id}  {d.claim.quote}"), classes="line") for d in data.claims]
        else:
            spans = pieces(line_spans(t.text), [x.start for turn in t.turns for x in turn.sentences])
            self.line_starts = [s for s, _ in spans]
            widgets = []
            for i, (s, e) in enumerate(spans):
                line = Static(render_line(t.text, s, e, data.marks), id=f"line-{i}", classes="line")
                if in_spans(s, t.translation_spans):
                    line.add_class("translation")
                widgets.append(line)
            self.stops = [(m.start, m.claim_id) for m in data.marks if m.claim_id is not None]
        await body.mount_all(widgets)
        self.current = next((i for i, (_, cid) in enumerate(self.stops) if cid == self.claim_id), 0)
        target = self._mark()
        if target is not None:               # scrolling needs the lines laid out first
            self.call_after_refresh(self._scroll_to, target)

    def _line_index(self, offset: int) -> int:
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def _mark(self) -> Static | None:
        """Highlight the current claim's line and say where we are; return the line to scroll to."""
        status = self.query_one("#transcript-status", Static)
        if not self.stops:
            status.update("no claim positions in this document")
            return None
        offset, claim_id = self.stops[self.current]
        for line in self.query(".current"):
            line.remove_class("current")
        target = self.query_one(f"#line-{self._line_index(offset)}", Static)
        target.add_class("current")
        status.update(f"claim #{claim_id}  ({self.current + 1} of {len(self.stops)} marks)   "
                      "n/p: next/previous   enter: detail   l: translation")
        return target

    def _scroll_to(self, target: Static, settle: int = 3) -> None:
        """Scroll the line to the top; again after the next refreshes, since wrapping the lines above it can
        still change their heights while a long document is being laid out."""
        self.query_one("#transcript", VerticalScroll).scroll_to_widget(target, top=True, animate=False)
        if settle:
            self.call_after_refresh(self._scroll_to, target, settle - 1)

    def _go(self) -> None:
        target = self._mark()
        if target is not None:
            self._scroll_to(target)

    def action_step(self, delta: int) -> None:
        if self.stops:
            self.current = (self.current + delta) % len(self.stops)
            self._go()

    def action_open_claim(self) -> None:
        from tui.screens.claim_detail import ClaimDetailScreen

        if self.stops:
            self.app.push_screen(ClaimDetailScreen(self.stops[self.current][1]))

    def action_toggle_translation(self) -> None:
        body = self.query_one("#transcript", VerticalScroll)
        body.toggle_class("hide-translation")
        if self.data is not None and self.data.transcript is not None and not self.data.transcript.translation_spans:
            self.notify("This transcript has no translation lines.")
