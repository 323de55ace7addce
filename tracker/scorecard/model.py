"""The scorecard as plain data, plus the small readings every renderer shares."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.model import Actual, Claim, Verdict
from tracker.scoring.basis import basis_text
from tracker.scoring.credibility import Credibility
from tracker.scoring.describe import describe_promise
from tracker.scoring.standing import overridden
from tracker.scoring.units import format_value
from tracker.scoring.verdicts import VerdictResult

NONE = "—"
OUTLIER_PCT = 100.0     # a surprise beyond ±100% is flagged: a quarter scored against a year, a unit misread


@dataclass(frozen=True)
class UnusedActual:
    """A reported figure no claim's verdict used: "revenue $70.0M (2025-Q1)" reported but never promised,
    or promised under words the extractor read otherwise. Listed so a reviewer sees what went unchecked."""
    id: int | None
    actual: Actual


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
    claim_id: int | None = None                       # the stored claim's id (what `fls override` takes)
    # a person's corrections (`fls claim edit`): (field, original, corrected) each, and their reasons
    corrected: tuple[tuple[str, str, str], ...] = ()
    correction_reasons: tuple[str, ...] = ()
    added: bool = False                               # added by a person (`fls claim add`), not extracted

    @property
    def outlier(self) -> bool:
        """|surprise| beyond OUTLIER_PCT: "+368%" on a quarterly claim means it was read against a year."""
        pct = self.shown.surprise_pct
        return pct is not None and abs(pct) > OUTLIER_PCT

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
    unused_actuals: tuple[UnusedActual, ...] = ()    # reported (known on as_of) but used by no claim's verdict

    @property
    def dated_rows(self) -> tuple[ScorecardRow, ...]:
        return tuple(r for r in self.rows if r.claim.deadline is not None)

    @property
    def undated_rows(self) -> tuple[ScorecardRow, ...]:
        """Claims with no deadline ("we will expand into Europe"): listed apart, they can never be late."""
        return tuple(r for r in self.rows if r.claim.deadline is None)


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


def source_text(actual: Actual | None) -> str:
    """Where a figure came from and when it was reported: "csv q1.csv, reported 2025-04-28", "transcript
    call.txt", "manual, reported 2025-05-02"; "" without a figure."""
    if actual is None:
        return ""
    text = str(actual.source_kind) + (f" {actual.source_ref.rsplit('/', 1)[-1]}" if actual.source_ref else "")
    return text + (f", reported {actual.reported_on}" if actual.reported_on else "")


def actual_with_source(result: VerdictResult) -> str:
    """"$70.0M (2025-Q1); csv q1.csv, reported 2025-04-28"."""
    source = source_text(result.actual)
    return actual_text(result) + (f"; {source}" if source else "")


def claim_ref(row: ScorecardRow) -> str:
    return str(row.claim_id) if row.claim_id is not None else NONE


def marks(row: ScorecardRow) -> list[str]:
    """What a reviewer must know before trusting the row: overridden, corrected, added, dismissed, outlier."""
    out = []
    if row.result.verdict is Verdict.DISMISSED:
        out.append("dismissed")
    elif row.override:
        out.append("overridden")
    if row.corrected:
        out.append("corrected")
    if row.added:
        out.append("added")
    if row.outlier:
        out.append("outlier")
    return out


def marks_text(row: ScorecardRow) -> str:
    return ", ".join(marks(row))


def correction_text(row: ScorecardRow) -> str:
    """"period 2025-Q2 -> 2025-Q3, high $240.0M -> $250.0M (guidance was for Q3)"; "" when not corrected."""
    if not row.corrected:
        return ""
    text = ", ".join(f"{name} {old} -> {new}" for name, old, new in row.corrected)
    return text + (f" ({'; '.join(row.correction_reasons)})" if row.correction_reasons else "")


def unused_text(u: UnusedActual) -> str:
    """"#14 revenue (mining) $70.0M (2025-Q1); csv q1.csv, reported 2025-04-28"."""
    a = u.actual
    head = (f"#{u.id} " if u.id is not None else "") + a.metric.replace("_", " ") + (f" ({a.scope})" if a.scope else "")
    source = source_text(a)
    return f"{head} {format_value(a.value, a.unit)} ({a.period.label})" + (f"; {source}" if source else "")


def outlier_text(card: Scorecard) -> str:
    """"2 outliers (|surprise| > 100%) in the mean surprise: claims 12, 15"; "" when none."""
    ids = [claim_ref(r) for r in card.rows if r.outlier and r.result.verdict is not Verdict.DISMISSED]
    if not ids:
        return ""
    return (f"{len(ids)} outlier{'s' if len(ids) > 1 else ''} (|surprise| > {OUTLIER_PCT:.0f}%) in the mean "
            f"surprise: claim{'s' if len(ids) > 1 else ''} {', '.join(ids)}")


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


def history(row: ScorecardRow) -> list[tuple[str, date | None, str]]:
    """The guidance history of the claim's metric and period, oldest first: (step, date, text) for the
    initial promise on its call, each revision (raised, lowered, reaffirmed, withdrawn) on its date, the final
    guidance when it was revised, and the actual with its report date."""
    steps: list[tuple[str, date | None, str]] = [("initial", row.call_date, describe_promise(row.claim))]
    steps += list(row.revisions)
    moved = [text for kind, _, text in row.revisions if kind != "withdrawn" and text]
    if moved:
        steps.append(("final", None, moved[-1]))
    a = row.result.actual
    if a is not None:
        steps.append(("actual", a.reported_on, f"{format_value(a.value, a.unit)} ({a.period.label})"))
    return steps


def history_text(row: ScorecardRow) -> str:
    """"initial 2025-02-12: $80.0M-$90.0M -> raised 2025-07-30: $92.0M-$96.0M -> final: $92.0M-$96.0M ->
    actual 2025-10-28: $95.0M (2025-Q3)"."""
    return " -> ".join(f"{step}{f' {on}' if on else ''}: {text}" for step, on, text in history(row))


def section_items(row: ScorecardRow) -> list[str]:
    """What a claim's section lists under its quote, in every format (each renderer escapes the text):
    the actual with its source, a correction, a person's addition, the override, an outlier, the verdict against
    the latest revision, the revisions and their history, the notes."""
    items = []
    if row.result.actual is not None:
        items.append(f"actual: {actual_with_source(row.result)}")
    if row.corrected:
        items.append(f"corrected: {correction_text(row)}")
    if row.added:
        items.append("added by a person (not extracted)")
    if row.override:
        items.append(f"override: {override_text(row)}")
    if row.outlier:
        items.append(f"outlier: surprise {row.shown.surprise_pct:+.1f}%, not averaged silently: check the figure")
    if row.latest is not None:
        items.append(f"against the latest revision: {row.latest.verdict}: {row.latest.explanation}")
    items += [f"revision: {line}" for line in revision_lines(row)]
    if row.revisions:
        items.append(f"history: {history_text(row)}")
    items += [f"note: {note}" for note in row.notes]
    return items


def deadline_text(claim: Claim) -> str:
    return str(claim.deadline) if claim.deadline else NONE


def override_text(row: ScorecardRow) -> str:
    if not row.override:
        return ""
    verdict, reason = row.override
    return f"set to {verdict} by a user (computed: {row.result.verdict})" + (f": {reason}" if reason else "")


def title(card: Scorecard) -> str:
    """"Scorecard: Acme Industrial Corp. (ACME)"; a company known only by its ticker is not named twice."""
    company = (card.company or "").strip()
    if company and card.ticker and company.upper() != card.ticker.upper():
        return f"Scorecard: {company} ({card.ticker})"
    return f"Scorecard: {company or card.ticker}"


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
