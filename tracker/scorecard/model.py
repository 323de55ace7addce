"""The scorecard as plain data, plus the small readings every renderer shares."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.model import Claim, Verdict
from tracker.scoring.basis import basis_text
from tracker.scoring.credibility import Credibility
from tracker.scoring.describe import describe_promise
from tracker.scoring.standing import overridden
from tracker.scoring.units import format_value
from tracker.scoring.verdicts import VerdictResult

NONE = "—"


@dataclass(frozen=True)
class ScorecardRow:
    claim: Claim
    result: VerdictResult
    latest: VerdictResult | None = None              # against the latest revision, when revised
    document: str = ""                                # where the claim was said (file name)
    call_date: date | None = None
    start: int | None = None                          # character offsets of the quote in the document
    end: int | None = None
    revisions: tuple[tuple[str, date, str], ...] = ()   # (revision kind, date, short description)
    override: tuple[str, str] | None = None           # (verdict, reason) set by a user
    notes: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """The verdict shown: a dismissal, else a user's override, else the computed one."""
        return str(self.shown.verdict)

    @property
    def shown(self) -> VerdictResult:
        """The result as it counts (tracker.scoring.standing): a dismissed claim's is DISMISSED, an overridden
        one's has the user's verdict, the explanation "overridden: met (reason); computed ...", and the computed
        surprise only when the override agrees with it."""
        if self.result.verdict is Verdict.DISMISSED or not self.override:
            return self.result
        return overridden(self.result, self.override[0], self.override[1])


@dataclass(frozen=True)
class Scorecard:
    company: str
    ticker: str
    as_of: date
    period: str | None
    credibility: Credibility
    rows: tuple[ScorecardRow, ...]
    # (speaker name, credibility of the claims they made), most claims first; "" for unattributed claims
    speakers: tuple[tuple[str, Credibility], ...] = ()


def verdict_counts(card: Scorecard) -> list[tuple[str, int]]:
    """(verdict, count) for every verdict that occurs, in the Verdict enum's order; unknown override
    verdicts last."""
    counts: dict[str, int] = {}
    for row in card.rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    order = [str(v) for v in Verdict]
    ordered = [(v, counts.pop(v)) for v in order if v in counts]
    return ordered + sorted(counts.items())


MEASURE_WORDS = {"yoy_growth": "YoY growth", "qoq_growth": "QoQ growth", "cagr": "CAGR", "multiple": "multiple",
                 "ratio": "ratio"}


def measure_text(measure: str | None) -> str:
    return MEASURE_WORDS.get(measure or "", measure or "")


def subject(claim: Claim) -> str:
    """"revenue (data center), 2025-Q2", then the basis and measure when stated: "..., non-GAAP, YoY growth"."""
    text = claim.metric.replace("_", " ")
    if claim.scope:
        text += f" ({claim.scope})"
    if claim.period is not None:
        text += f", {claim.period.label}"
    for word in (basis_text(claim.basis), measure_text(claim.measure)):
        if word:
            text += f", {word}"
    return text


def promise(claim: Claim) -> str:
    return f"{subject(claim)}: {describe_promise(claim)}"


def actual_text(result: VerdictResult) -> str:
    if result.actual is not None:
        a = result.actual
        return f"{format_value(a.value, a.unit)} ({a.period.label})"
    if result.event is not None:
        return f"{result.event.kind} {result.event.on}"
    return NONE


def location(row: ScorecardRow) -> str:
    """"doc.txt, chars 1234-1300, call 2025-03-13" with whatever is known."""
    parts = [row.document] if row.document else []
    if row.start is not None and row.end is not None:
        parts.append(f"chars {row.start}-{row.end}")
    if row.call_date is not None:
        parts.append(f"call {row.call_date}")
    return ", ".join(parts) or "source unknown"


def revision_lines(row: ScorecardRow) -> list[str]:
    return [f"{kind} {on}" + (f": {text}" if text else "") for kind, on, text in row.revisions]


def deadline_text(claim: Claim) -> str:
    return str(claim.deadline) if claim.deadline else NONE


def override_text(row: ScorecardRow) -> str:
    if not row.override:
        return ""
    verdict, reason = row.override
    return f"set to {verdict} by a user (computed: {row.result.verdict})" + (f": {reason}" if reason else "")


def title(card: Scorecard) -> str:
    name = card.company + (f" ({card.ticker})" if card.ticker else "")
    return f"Scorecard: {name}"


def subtitle(card: Scorecard) -> str:
    text = f"as of {card.as_of}"
    if card.period:
        text += f", period {card.period}"
    return text + f", {len(card.rows)} claim" + ("" if len(card.rows) == 1 else "s")


def speaker_text(name: str) -> str:
    return name or "unattributed"


def mean_surprise_text(cred: Credibility) -> str:
    pct = cred.mean_signed_surprise_pct
    return NONE if pct is None else f"{pct:+.1f}%"


def credibility_details(cred: Credibility) -> str:
    """The figures behind the summary, one line."""
    parts = [f"{cred.n_scored} of {cred.n_claims} claims scored"]
    if cred.mean_signed_surprise_pct is not None:
        parts.append(f"mean surprise {cred.mean_signed_surprise_pct:+.1f}%")
        parts.append(f"mean absolute error {cred.mean_abs_error_pct:.1f}%")
    if cred.late:
        late = f"{cred.late} late"
        if cred.mean_days_late is not None:
            late += f" (mean {cred.mean_days_late:.0f} days)"
        parts.append(late)
    if cred.withdrawn:
        parts.append(f"{cred.withdrawn} withdrawn")
    return ", ".join(parts)
