"""One claim in full: the quote in context and every restatement, the period and the phrase that set it,
the revisions chain, the actuals matched, the verdicts with their explanations, overrides, notes, audit trail.
A corrected claim says so in its header and lists each corrected field beside its original value; `c` opens
the correction form (tui/screens/claim_edit_form.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from sqlalchemy.orm import Session
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from db.queries import ClaimDetail, claim_detail
from tracker.display import format_amount, format_promise
from tracker.model import Transcript
from tui.claim_ref import ClaimRef
from tui.context import around, load_transcript, offsets_hold
from tui.jobs import run_db
from tui.screens.claim_actions import ClaimActions
from tui.verdicts import verdict_text


@dataclass(frozen=True)
class DetailData:
    detail: ClaimDetail
    transcript: Transcript | None


def load(session: Session, claim_id: int, as_of: date | None = None) -> DetailData:
    detail = claim_detail(session, claim_id, as_of)
    return DetailData(detail, load_transcript(detail.document_path))


def _section(title: str) -> Text:
    return Text(f"\n{title}\n", style="bold underline")


def header_text(d: ClaimDetail, dark: bool = True) -> Text:
    c = d.claim
    text = Text()
    text.append(f"{d.ticker} · claim {d.id} · ", style="bold")
    text.append(f"{c.metric}" + (f" ({c.scope})" if c.scope else ""), style="bold")
    text.append("   ")
    text.append_text(verdict_text(d.effective, bool(d.overrides), dark))
    if d.status != "active":
        text.append(f"   [{d.status}]", style="dim")
    if d.correction is not None:
        text.append("   [corrected]", style="bold")
    if d.origin == "added":
        text.append("   [added by a person]", style="bold")
    text.append(f"\nPromised: {format_promise(c.low, c.high, c.unit, c.comparator)}")
    if c.event:
        text.append(f"   event: {c.event}")
    text.append(f"   kind: {c.kind}   hedge: {c.hedge}   confidence: {c.confidence:.2f}")
    text.append(f"\nSpeaker: {c.speaker or '—'}   call: {d.call_date or '—'}")
    return text


def correction_text(d: ClaimDetail, dark: bool = True) -> Text:
    """"period: 2025-Q2 (original) -> 2025-Q3", one line per field, then the reasons and who gave them."""
    fix = d.correction
    if fix is None:
        return Text("as extracted (c: correct it)", style="dim")
    text = Text()
    for name, original, corrected in fix.fields:
        text.append(f"{name}: {original} (original) -> ")
        text.append(f"{corrected}\n", style="bold")
    text.append(f"why: {'; '.join(fix.reasons)}\nby {', '.join(a or 'unknown' for a in fix.authors)}, "
                f"{fix.at:%Y-%m-%d %H:%M}", style="dim")
    return text


def period_text(d: ClaimDetail, dark: bool = True) -> Text:
    p = d.claim.period
    if p is None:
        return Text("no period resolved", style="dim")
    text = Text(f"{p.label or '—'}   {p.start or '?'} to {p.end or '?'} (deadline)"
                + ("   fiscal" if p.fiscal else ""))
    text.append(f"\nset by: “{p.phrase}”" if p.phrase else "\nset by: (default for the call)", style="italic")
    return text


def quotes_text(d: ClaimDetail, transcript: Transcript | None) -> Text:
    text = Text()
    mentions = d.mentions or ()
    if not mentions:
        text.append(d.claim.quote)
        return text
    for i, m in enumerate(mentions):
        label = "said" if i == 0 else "restated"
        text.append(f"{label} by {m.speaker or 'unknown'} (chars {m.start}–{m.end})\n", style="dim")
        if transcript is not None and offsets_hold(transcript, m.start, m.end, m.quote):
            before, quote, after = around(transcript, m.start, m.end)
            text.append(before + " ", style="dim")
            text.append(quote, style="bold")
            text.append(" " + after + "\n\n", style="dim")
        else:
            text.append(m.quote + "\n\n", style="bold")
    if transcript is None:
        text.append("(document file not found: showing the stored quotes only)", style="dim italic")
    return text


def revisions_text(d: ClaimDetail, dark: bool = True) -> Text:
    lines = [f"← {r.kind} {r.on or ''}: revised claim {r.claim_id}: {r.description}" for r in d.earlier]
    lines += [f"→ {r.kind} {r.on or ''}: " + (f"claim {r.claim_id}: {r.description}" if r.claim_id
                                              else (r.quote or "withdrawn")) for r in d.later]
    return Text("\n".join(lines) if lines else "none", style="" if lines else "dim")


def actuals_text(d: ClaimDetail, dark: bool = True) -> Text:
    if not d.actuals:
        return Text("none reported yet", style="dim")
    return Text("\n".join(f"#{aid}  {format_amount(a.value, a.unit)}  {a.period.label}  "
                          f"({a.source_kind}{', ' + str(a.reported_on) if a.reported_on else ''})"
                          for aid, a in d.actuals))


def verdicts_text(d: ClaimDetail, dark: bool = True) -> Text:
    text = Text()
    for o in d.overrides[:1]:
        text.append(f"override in force: {o.verdict} by {o.author or 'unknown'}: {o.reason}\n", style="bold")
    for v in d.verdicts:
        text.append_text(verdict_text(v.verdict, dark=dark))
        text.append(f"  as of {v.as_of} against {v.against}"
                    + (f", surprise {v.surprise_pct:+.1f}%" if v.surprise_pct is not None else "") + "\n")
        text.append(f"   {v.explanation}\n", style="dim")
    return text if text.plain else Text("not scored yet (press r to score)", style="dim")


def notes_text(d: ClaimDetail, dark: bool = True) -> Text:
    if not d.notes:
        return Text("none", style="dim")
    return Text("\n".join(f"{n.created_at:%Y-%m-%d} {n.author or 'unknown'}: {n.text}" for n in d.notes))


def audit_text(d: ClaimDetail, dark: bool = True) -> Text:
    if not d.audit:
        return Text("no changes by hand", style="dim")
    return Text("\n".join(f"{a.at:%Y-%m-%d %H:%M} {a.author or 'unknown'}: {a.action}"
                          + (f" ({a.after.get('reason')})" if a.after and a.after.get("reason") else "")
                          for a in d.audit))


def current_values(d: ClaimDetail) -> dict[str, str]:
    """The claim's correctable values as text, by field (db.corrections.FIELDS)."""
    c, p = d.claim, d.claim.period
    return {"metric": c.metric, "scope": c.scope or "", "period": (p.label or "") if p else "",
            "deadline": str(p.end or "") if p else "",
            "low": format_amount(c.low, c.unit) if c.low is not None else "",
            "high": format_amount(c.high, c.unit) if c.high is not None else "",
            "unit": c.unit or "", "basis": c.basis or ""}


SECTIONS = (("Quote in context", None), ("Correction", correction_text), ("Period", period_text), ("Revisions", revisions_text),
            ("Actuals matched", actuals_text), ("Verdict", verdicts_text), ("Notes", notes_text),
            ("Audit trail", audit_text))


class ClaimDetailScreen(ClaimActions, Screen):
    CSS_PATH = "claim_detail.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), *ClaimActions.CLAIM_BINDINGS,
                Binding("c", "edit_claim", "Correct")]

    def __init__(self, claim_id: int) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.data: DetailData | None = None

    @property
    def current_ticker(self) -> str | None:
        return self.data.detail.ticker if self.data else None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="detail"):
            yield Static("loading…", id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"claim {self.claim_id}"
        self.reload()

    def reload(self) -> None:
        as_of = self.app.as_of
        run_db(self, lambda s: load(s, self.claim_id, as_of), self._show, group="detail", exclusive=True)

    def _show(self, data: DetailData) -> None:
        self.data = data
        d = data.detail
        dark = self.app.current_theme.dark
        body = header_text(d, dark)
        for title, render in SECTIONS:
            body.append_text(_section(title))
            body.append_text(quotes_text(d, data.transcript) if render is None else render(d, dark))
        self.query_one("#detail-body", Static).update(body)

    def action_edit_claim(self) -> None:
        """The correction form, its placeholders the claim's values now."""
        from tui.screens.claim_edit_form import ClaimEditForm

        claim = self.selected_claim()
        if claim is None or self.data is None:
            self.notify("The claim is still loading.", severity="warning")
            return
        self.app.push_screen(ClaimEditForm(claim, current_values(self.data.detail)))

    def selected_claim(self) -> ClaimRef | None:
        if self.data is None:
            return None
        d, c = self.data.detail, self.data.detail.claim
        label = c.period.label if c.period else None
        return ClaimRef(id=d.id, ticker=d.ticker, metric=c.metric, scope=c.scope, period_label=label, unit=c.unit,
                        dismissed=d.status == "dismissed",
                        summary=f"{d.ticker} · {c.metric}{f' ({c.scope})' if c.scope else ''}"
                                f"{f', {label}' if label else ''}: {format_promise(c.low, c.high, c.unit, c.comparator)}",
                        verdict=d.effective)
