"""Domain objects shared by every part of fls.

Everything here is a frozen dataclass or a string enum so that objects can be hashed, compared, serialised
to the JSON Lines contract and converted to database rows without surprises. Nothing here does I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tracker.fast_init import fast_init


class Role(StrEnum):
    EXECUTIVE = "executive"
    ANALYST = "analyst"
    OPERATOR = "operator"
    UNKNOWN = "unknown"


class Section(StrEnum):
    PREPARED = "prepared"
    QA = "qa"


class Layout(StrEnum):
    DASH_TITLE = "dash_title"        # "Name - Title" lines, possibly a translation line after each paragraph
    COLON = "colon"                  # "Name: text" or "**Name**: text"
    PARTICIPANTS = "participants"    # participants list, then "Name" / "Title" lines before each turn
    PLAIN = "plain"                  # machine transcription with no speaker labels
    ROSTER = "roster"                # publisher page: "Title — Name" roster, summary, then "Name:text" turns
    PAREN_ROLE = "paren_role"        # "Name (Executives)" / "Name (Analysts)" lines, hard-wrapped speech
    BILINGUAL = "bilingual"          # "[ 12] [EN] text" lines, each followed by a "[中] ..." translation
    TIMESTAMPED = "timestamped"      # caption lines "[00:01:02.000 --> 00:01:09.000] text", no speaker labels


class YearNaming(StrEnum):
    """Which calendar year names a fiscal year that straddles two (Feb 2025 - Jan 2026)."""
    END = "end"        # "fiscal 2026": the year it ends in (most technology companies, June/September year ends)
    START = "start"    # "fiscal 2025": the year it starts in (US retailers)


class NamingSource(StrEnum):
    """Where a call's fiscal year naming came from, strongest first."""
    OPTION = "option"            # --fiscal-year-named
    METADATA = "metadata"        # the call.toml beside the transcript
    COMPANY = "company"          # stored with the company in the database
    TRANSCRIPT = "transcript"    # read from how the call names its quarters and years
    DEFAULT = "default"          # nothing said: January year ends by their start, others by their end


class Hedge(StrEnum):
    FIRM = "firm"
    EXPECTED = "expected"
    ASPIRATIONAL = "aspirational"
    CONDITIONAL = "conditional"


class Kind(StrEnum):
    GUIDANCE = "guidance"        # a financial figure
    TARGET = "target"            # an operating figure
    MILESTONE = "milestone"      # an event by a date
    DIRECTION = "direction"      # up / down / new high against a baseline
    QUALITATIVE = "qualitative"


class Comparator(StrEnum):
    EQ = "eq"
    APPROX = "approx"
    RANGE = "range"
    GE = "ge"
    LE = "le"
    GT = "gt"
    LT = "lt"


class Verdict(StrEnum):
    BEAT = "beat"
    MET = "met"
    MISSED = "missed"
    LATE = "late"
    WITHDRAWN = "withdrawn"
    PENDING = "pending"
    AWAITING = "awaiting"
    UNVERIFIABLE = "unverifiable"
    DISMISSED = "dismissed"      # a false claim a user set aside; kept, and reversible


class RevisionKind(StrEnum):
    RAISED = "raised"
    LOWERED = "lowered"
    MAINTAINED = "maintained"
    NARROWED = "narrowed"
    WIDENED = "widened"
    REITERATED = "reiterated"
    WITHDRAWN = "withdrawn"


class PeriodSource(StrEnum):
    """Where a claim's period came from."""
    SENTENCE = "sentence"      # its own words name the year ("in fiscal 2026")
    CALL_DATE = "call_date"    # a phrase without a year ("next quarter"), placed by the call's date
    FRAME = "frame"            # an outlook header before it ("Now for our outlook for the second quarter.")
    PERSON = "person"          # a person set it (`fls claim edit --period 2025-Q3`, `fls claim add`)


class SourceKind(StrEnum):
    TRANSCRIPT = "transcript"
    CSV = "csv"
    MANUAL = "manual"


# --- transcripts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    name: str
    title: str = ""
    role: Role = Role.UNKNOWN


UNKNOWN_SPEAKER = Speaker(name="", title="", role=Role.UNKNOWN)


@fast_init
@dataclass(frozen=True)
class Sentence:
    """One sentence; `start`/`end` are character offsets into `Transcript.text` (the decoded file)."""
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    index: int
    speaker: Speaker
    section: Section
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class CallInfo:
    """What is known about the call: from the transcript header, a metadata file or the command line."""
    call_date: date | None = None
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    fiscal_year_end: str = "12-31"   # MM-DD
    # Which calendar year names a fiscal year that straddles two: "end" or "start"; None when not given, and
    # then read from the transcript (tracker.fiscal_naming). `fiscal_year_named_from` says where it came from.
    fiscal_year_named: YearNaming | None = None
    fiscal_year_named_from: NamingSource | None = None


@dataclass(frozen=True)
class Transcript:
    text: str                                   # the decoded file (BOM stripped, newlines as in the file)
    layout: Layout
    turns: tuple[Turn, ...]
    header: CallInfo = field(default_factory=CallInfo)
    sha256: str = ""                            # of the file's bytes
    translation_spans: tuple[tuple[int, int], ...] = ()   # lines skipped as machine translation
    path: str | None = None
    warning: str | None = None

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        seen: dict[str, Speaker] = {}
        for t in self.turns:
            seen.setdefault(t.speaker.name, t.speaker)
        return tuple(seen.values())


# --- periods and quantities ----------------------------------------------------------------------------


@dataclass(frozen=True)
class FiscalCalendar:
    """A company's fiscal year: it ends on `year_end` (MM-DD) each year.

    `label_by` says which calendar year names a fiscal year that straddles two: "end" (most companies)
    or "start" (US retailers whose year ends in late January call the year starting Feb 2025 "fiscal 2025").
    `weekday` (0 = Monday) makes it a 52/53-week calendar whose years end on that weekday: the last one of the
    month (year end just before a month end) or the one nearest the previous month's end (just after one).
    None: the year ends on the month end, or on the fixed date.
    """
    year_end_month: int = 12
    year_end_day: int = 31
    label_by: YearNaming = YearNaming.END
    weekday: int | None = None


@fast_init
@dataclass(frozen=True)
class Period:
    """A span of time a claim or actual is about. `end` is the deadline (inclusive)."""
    label: str               # "2025-Q2", "2025-H1", "2025-FY", "2025-05", "FY2025-Q1", "2025-02-28" (as-of)
    start: date | None
    end: date | None
    phrase: str = ""         # the words that set it ("by mid-2025")
    fiscal: bool = False     # a fiscal (not calendar) period label


@fast_init
@dataclass(frozen=True)
class Quantity:
    """A number found in text, scale words applied, in `unit`. Offsets are into the text it was found in."""
    low: float | None
    high: float | None
    unit: str | None
    comparator: Comparator | None
    text: str
    start: int
    end: int

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high


# --- claims and actuals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    speaker: str
    quote: str
    start: int
    end: int
    role: Role = Role.UNKNOWN


@dataclass(frozen=True)
class Revision:
    """How the sentence that states a claim restates earlier guidance: "we are raising our segment margin outlook
    by 30 basis points, to 21.0% to 21.6%" is raised, delta +0.3 %. `delta` is the stated change (or the change
    from the figure it replaces: "to $64 million, up from $61 million"), in `unit`; None where not stated."""
    kind: RevisionKind
    delta: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Claim:
    kind: Kind
    metric: str
    scope: str | None
    comparator: Comparator | None
    low: float | None
    high: float | None
    unit: str | None
    period: Period | None
    speaker: str
    role: Role
    quote: str
    mentions: tuple[Mention, ...]
    hedge: Hedge
    confidence: float = 0.5
    event: str | None = None          # for milestones: what must happen
    baseline: float | None = None     # for direction claims: the figure it is measured against
    # where the period came from (None when there is none); for a frame, the character offset of the
    # sentence that set it
    period_source: PeriodSource | None = None
    period_source_start: int | None = None
    metric_known: bool = True         # False: `metric` is the snake_case noun phrase the lexicon does not know
    basis: str | None = None          # "gaap", "non_gaap", "adjusted" or None (as stated)
    measure: str | None = None        # None: a level; "yoy_growth", "qoq_growth", "cagr", "multiple", "ratio"
    revision: Revision | None = None  # restated in its own sentence: raised, lowered, narrowed, maintained

    @property
    def deadline(self) -> date | None:
        return self.period.end if self.period else None

    @property
    def specific(self) -> bool:
        """Checkable: a value or an event, and a deadline."""
        has_value = self.low is not None or self.high is not None or self.kind in (Kind.MILESTONE, Kind.DIRECTION)
        return has_value and self.deadline is not None


@dataclass(frozen=True)
class Actual:
    metric: str
    scope: str | None
    value: float
    unit: str | None
    period: Period                    # a reported period, or an as-of date (label "2025-02-28", start == end)
    quote: str = ""
    speaker: str = ""
    start: int | None = None
    end: int | None = None
    source_kind: SourceKind = SourceKind.TRANSCRIPT
    source_ref: str = ""
    reported_on: date | None = None
    metric_known: bool = True         # False: `metric` is the snake_case noun phrase the lexicon does not know
    basis: str | None = None          # "gaap", "non_gaap", "adjusted" or None (as stated)


@dataclass(frozen=True)
class PriorClaim:
    """Earlier guidance the call refers to ("topping the $35 million we had guided"), with what came of it."""
    claim: Claim
    actual: Actual | None = None


@dataclass(frozen=True)
class Withdrawal:
    """A statement that withdraws or suspends earlier guidance or a target ("we are withdrawing our
    full-year guidance"). `metric`/`scope`/`period` say which claims it covers; None means "any"."""
    metric: str | None
    scope: str | None
    period: Period | None
    quote: str
    speaker: str = ""
    start: int | None = None
    end: int | None = None


class EventKind(StrEnum):
    ACHIEVED = "achieved"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Event:
    """Something that happened to a milestone or a claim, from outside the transcripts (CSV or manual):
    a milestone achieved on a date, or guidance/targets withdrawn on a date."""
    ticker: str
    kind: EventKind
    on: date
    metric: str | None = None
    scope: str | None = None
    period_label: str | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Extraction:
    info: CallInfo
    transcript: Transcript
    claims: tuple[Claim, ...]
    actuals: tuple[Actual, ...]
    prior_claims: tuple[PriorClaim, ...] = ()
    withdrawals: tuple[Withdrawal, ...] = ()
