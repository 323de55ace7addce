"""Hand-built Extractions for the db tests, about invented companies (the extractor is not needed)."""
from __future__ import annotations

import hashlib
from datetime import date

from tracker.model import (
    Actual,
    CallInfo,
    Claim,
    Comparator,
    Extraction,
    Hedge,
    Kind,
    Layout,
    Mention,
    Period,
    Role,
    Section,
    Sentence,
    Speaker,
    SourceKind,
    Transcript,
    Turn,
    Withdrawal,
)

CFO = Speaker(name="Dana Whitfield", title="Chief Financial Officer", role=Role.EXECUTIVE)
CEO = Speaker(name="Ravi Okafor", title="Chief Executive Officer", role=Role.EXECUTIVE)


def quarter(year: int, q: int) -> Period:
    starts = {1: (1, 1), 2: (4, 1), 3: (7, 1), 4: (10, 1)}
    ends = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
    return Period(label=f"{year}-Q{q}", start=date(year, *starts[q]), end=date(year, *ends[q]),
                  phrase=f"the quarter {q} of {year}")


def full_year(year: int) -> Period:
    return Period(label=f"{year}-FY", start=date(year, 1, 1), end=date(year, 12, 31), phrase=f"for {year}")


def guidance(metric: str, low: float, high: float | None = None, *, period: Period, unit: str = "USD",
             scope: str | None = None, start: int = 0, speaker: Speaker = CFO, kind: Kind = Kind.GUIDANCE,
             quote: str | None = None) -> Claim:
    high = low if high is None else high
    quote = quote or f"We expect {metric} of {low:g} to {high:g} {unit} for {period.label}."
    mention = Mention(speaker=speaker.name, quote=quote, start=start, end=start + len(quote), role=speaker.role)
    return Claim(kind=kind, metric=metric, scope=scope,
                 comparator=Comparator.RANGE if low != high else Comparator.APPROX,
                 low=low, high=high, unit=unit, period=period, speaker=speaker.name, role=speaker.role,
                 quote=quote, mentions=(mention,), hedge=Hedge.EXPECTED, confidence=0.8)


def actual(metric: str, value: float, period: Period, *, unit: str = "USD", scope: str | None = None,
           reported_on: date | None = None) -> Actual:
    return Actual(metric=metric, scope=scope, value=value, unit=unit, period=period,
                  quote=f"{metric} was {value:g} {unit}.", speaker=CFO.name, start=0, end=10,
                  source_kind=SourceKind.TRANSCRIPT, reported_on=reported_on)


def extraction(*, ticker: str | None = "NWSC", company: str = "Northwind Semiconductor",
               call_date: date = date(2025, 2, 20), claims: tuple[Claim, ...] = (),
               actuals: tuple[Actual, ...] = (), withdrawals: tuple[Withdrawal, ...] = (),
               text: str | None = None, fiscal_year_end: str = "12-31") -> Extraction:
    """An Extraction whose transcript text (and so sha256) is derived from its claims unless given."""
    body = text if text is not None else "\n".join(
        [f"{call_date.isoformat()} {ticker} call"] + [c.quote for c in claims] + [w.quote for w in withdrawals])
    sentence = Sentence(text=body, start=0, end=len(body))
    turn = Turn(index=0, speaker=CFO, section=Section.PREPARED, start=0, end=len(body), sentences=(sentence,))
    info = CallInfo(call_date=call_date, company=company, ticker=ticker, title=f"{company} earnings call",
                    fiscal_year_end=fiscal_year_end)
    transcript = Transcript(text=body, layout=Layout.COLON, turns=(turn,), header=info,
                            sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
                            path=f"/calls/{ticker}-{call_date.isoformat()}.txt")
    return Extraction(info=info, transcript=transcript, claims=claims, actuals=actuals, withdrawals=withdrawals)


def withdrawal(metric: str | None, period: Period | None = None, scope: str | None = None) -> Withdrawal:
    return Withdrawal(metric=metric, scope=scope, period=period,
                      quote=f"We are withdrawing our {metric or 'full-year'} guidance.", speaker=CEO.name)


def first_call() -> Extraction:
    """Northwind's Q4 call: guidance for Q1 revenue and gross margin, full-year capex, and Q4 actuals."""
    return extraction(call_date=date(2025, 2, 20), claims=(
        guidance("revenue", 80e6, 90e6, period=quarter(2025, 1), start=100),
        guidance("gross margin", 40, 42, period=quarter(2025, 1), unit="%", start=300),
        guidance("capex", 200e6, period=full_year(2025), start=500),
        guidance("wafer starts", 10_000, period=full_year(2025), unit="units", kind=Kind.TARGET, start=700),
    ), actuals=(actual("revenue", 75e6, quarter(2024, 4)),))


def second_call() -> Extraction:
    """Northwind's Q1 call: raises Q1... no, revises Q1 revenue up, lowers margin, withdraws capex."""
    return extraction(call_date=date(2025, 3, 25), claims=(
        guidance("revenue", 92e6, 96e6, period=quarter(2025, 1), start=120),
        guidance("gross margin", 37, 39, period=quarter(2025, 1), unit="%", start=320),
        guidance("wafer starts", 10_000, period=full_year(2025), unit="units", kind=Kind.TARGET, start=720),
    ), withdrawals=(withdrawal("capex", full_year(2025)),),
        actuals=(actual("revenue", 75e6, quarter(2024, 4)),))
