"""Importing reported figures and events from a CSV file (`fls actuals import FILE`).

The file is UTF-8 (a byte-order mark is fine) with a header row. Columns, in any order:

    ticker       the company's ticker; the company must already exist (ingest one of its calls first)
    metric       what was measured, as in the claims ("revenue", "hashrate", "gross margin")
    scope        optional: the segment or product line; empty means company-wide
    period       a period label: 2025-Q1, FY2025-Q1, 2025-H1, 2025-FY (in the company's fiscal calendar)
    as_of        a date YYYY-MM-DD: for a figure at a point in time, or the day an event happened
    value        the figure: 82.8M, 1.1B, $100.2M, 8.75, 10.5 (a $ sign means USD when unit is empty)
    unit         USD, EH/s, USD/TH, units, % ...
    reported_on  optional: YYYY-MM-DD the figure was made public (for "revised": the day of the new guidance)
    source       optional: where it comes from (a filing, a press release URL)
    note         optional: free text
    basis        optional: gaap, non_gaap (non-GAAP) or adjusted; empty when the figure does not say. A claim is
                 scored against the figure of its own basis when one is reported (see tracker.scoring.matching)
    event        optional: empty for a figure; "achieved" or "withdrawn" for an event, dated by as_of (or
                 reported_on), with metric/scope/period saying what it covers; "revised" for new guidance
                 (value, unit and period required, dated by reported_on or as_of; a range "11.97-12.17" is
                 fine); "reaffirmed" when the company said its guidance stands (metric and period required)
    claim_id     optional, for an event: the claim it settles (the id `fls claims` shows); then the event
                 touches that claim only, not every claim of its metric and scope

Required in the header: ticker, metric, value, unit, and period or as_of. Every bad row is reported as
"line N: message" (N counts the file's lines, the header is line 1) and then nothing from the file is written.
Importing the same rows again changes nothing, also when several people import the same file at once.

Reading and checking the file (`read_actuals_csv`) only reads the database; writing (`store_actuals`) is the
short part that needs the write lock, so `fls actuals import` holds that lock only while it writes, and does
its duplicate checks inside that write transaction (after taking the companies' writer locks on PostgreSQL,
`db.session.lock_companies`): of N concurrent imports of one file, one stores the rows and the others find
them stored.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.companies import calendar_of, find_company, norm_ticker
from db.models import EVENT_REAFFIRMED, EVENT_REVISED, ClaimRecord, Company, EventRecord
from db.session import lock_companies
from db.upserts import event_key, insert_actuals, insert_new
from db.values import as_of_period, parse_basis, parse_range, parse_value, resolve_period
from tracker.callinfo import parse_date
from tracker.errors import InputError
from tracker.model import EventKind, FiscalCalendar, Period, SourceKind

COLUMNS = ("ticker", "metric", "scope", "period", "as_of", "value", "unit", "reported_on", "source", "note",
           "event", "basis", "claim_id")
REQUIRED = ("ticker", "metric", "value", "unit")
EVENT_KINDS = (EventKind.ACHIEVED.value, EventKind.WITHDRAWN.value, EVENT_REVISED, EVENT_REAFFIRMED)
GUIDANCE_EVENTS = (EVENT_REVISED, EVENT_REAFFIRMED)
# No reported figure comes near a thousand trillion; a value beyond it is a typo (or 400 digits of noise) and
# would print as nonsense ("$100000000000000009025336901632.0T").
MAX_VALUE = 1e15


# The widest text the actuals table keeps per column (db/models.py): a longer cell is refused here, in words,
# rather than by PostgreSQL as "value too long" (SQLite would quietly keep it).
WIDTHS = {"metric": 64, "scope": 64, "unit": 32}


def fits(text: str | None, column: str, error: type[Exception] = InputError) -> str | None:
    """`text` when it fits its column, else `error` saying how long it may be."""
    if text is not None and len(text) > WIDTHS[column]:
        raise error(f"{column} is longer than {WIDTHS[column]} characters: {text[:20]!r}...")
    return text


def check_value(value: float, text: str) -> float:
    """The figure, when it is a finite number below MAX_VALUE in size; else an InputError."""
    if not math.isfinite(value) or abs(value) >= MAX_VALUE:
        raise InputError(f"value {text.strip()!r} is too large (at most 999 trillion)")
    return value


@dataclass(frozen=True)
class ImportResult:
    actuals: int      # figures written
    events: int       # events written (achieved, withdrawn, revised)
    skipped: int = 0  # rows already stored (or repeated in the file)


@dataclass(frozen=True)
class _Figure:
    company_id: int
    ticker: str
    metric: str
    scope: str | None
    period: Period
    value: float
    unit: str | None
    reported_on: date | None
    source: str
    note: str
    basis: str | None = None


@dataclass(frozen=True)
class _Event:
    company_id: int
    ticker: str
    kind: str
    on: date
    metric: str | None
    scope: str | None
    period: Period | None
    value: float | None
    unit: str | None
    source: str
    note: str
    high: float | None = None         # a revised range's high end
    claim_id: int | None = None       # the claim the event settles



def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """(header, [(line number, row)]) with header names lower-cased and cells stripped."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"actuals CSV not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"actuals CSV is a directory: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read actuals CSV {path}: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"actuals CSV is not UTF-8 text: {path}") from None
    if not text.strip():
        raise InputError(f"actuals CSV is empty: {path}")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as exc:
        raise InputError(f"actuals CSV {path.name} line 1: {_csv_problem(exc)}") from None
    missing = [c for c in REQUIRED if c not in header]
    if "period" not in header and "as_of" not in header:
        missing.append("period or as_of")
    if missing:
        raise InputError(f"actuals CSV {path.name} lacks columns: {', '.join(missing)} "
                         f"(expected {', '.join(COLUMNS)})")
    rows = []
    line = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:   # the reader cannot go on after this: report it with the rows before
            rows.append((line + 1, {"__error__": _csv_problem(exc)}))
            break
        first_line, line = line + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            rows.append((first_line, {"__error__": f"{len(cells)} cells but the header has {len(header)}"}))
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        rows.append((first_line, row))
    return header, rows


def _csv_problem(exc: csv.Error) -> str:
    """The csv module's complaint in words a spreadsheet user knows."""
    text = str(exc)
    if "unexpected end of data" in text:
        return 'a quoted cell is never closed (a " without its partner): the rest of the file would be one cell'
    if "expected after" in text:
        return 'text after a closing quote (write a " inside a quoted cell as "")'
    if "NUL" in text:
        return "the file contains a NUL byte (not a text CSV)"
    return f"not CSV: {text}"


class _RowError(Exception):
    pass


def _company(session: Session, cache: dict[str, Company | None], ticker: str) -> Company:
    if not ticker:
        raise _RowError("ticker is empty")
    key = norm_ticker(ticker)
    if key not in cache:
        cache[key] = find_company(session, key)
    company = cache[key]
    if company is None:
        raise _RowError(f"unknown ticker {key} (ingest one of its calls first)")
    return company


def _value(row: dict[str, str], *, required: bool) -> tuple[float | None, str | None]:
    text, unit = row.get("value", ""), fits(row.get("unit", "") or None, "unit", _RowError)
    if not text:
        if required:
            raise _RowError("value is empty")
        return None, unit
    try:
        value, dollar = parse_value(text)
        check_value(value, text)
    except InputError as exc:
        raise _RowError(str(exc)) from None
    if unit is None and dollar:
        unit = "USD"
    if unit is None:
        raise _RowError("unit is empty (e.g. USD, EH/s, units, %)")
    return value, unit


def _date(row: dict[str, str], column: str) -> date | None:
    text = row.get(column, "")
    if not text:
        return None
    try:
        return parse_date(text, column)
    except InputError as exc:
        raise _RowError(str(exc)) from None


def _period(session: Session, calendars: dict[int, FiscalCalendar], row: dict[str, str],
            company: Company) -> Period | None:
    label = row.get("period", "")
    if not label:
        return None
    if company.id not in calendars:
        calendars[company.id] = calendar_of(session, company)
    try:
        return resolve_period(label, calendars[company.id])
    except InputError as exc:
        raise _RowError(str(exc)) from None


def _parse_row(session: Session, cache: dict[str, Company | None], calendars: dict[int, FiscalCalendar],
               row: dict[str, str]) -> _Figure | _Event:
    if "__error__" in row:
        raise _RowError(row["__error__"])
    company = _company(session, cache, row.get("ticker", ""))
    metric = fits(row.get("metric", "") or None, "metric", _RowError)
    scope = fits(row.get("scope", "") or None, "scope", _RowError)
    source, note = row.get("source", ""), row.get("note", "")
    event = row.get("event", "").lower()
    as_of, reported_on = _date(row, "as_of"), _date(row, "reported_on")
    period = _period(session, calendars, row, company)
    if not event:
        if metric is None:
            raise _RowError("metric is empty")
        if period is not None and as_of is not None:
            raise _RowError("give period or as_of, not both")
        if period is None and as_of is None:
            raise _RowError("period and as_of are both empty (e.g. period 2025-Q1 or as_of 2025-02-28)")
        value, unit = _value(row, required=True)
        try:
            basis = parse_basis(row.get("basis", ""))
        except InputError as exc:
            raise _RowError(str(exc)) from None
        return _Figure(company.id, company.ticker, metric, scope, period or as_of_period(as_of), value, unit,
                       reported_on, source, note, basis)
    if event not in EVENT_KINDS:
        raise _RowError(f"unknown event {event!r}: use {', '.join(EVENT_KINDS)}")
    claim_id = _claim_of(session, company, row.get("claim_id", ""))
    if event in GUIDANCE_EVENTS:
        on = reported_on or as_of
        if on is None:
            raise _RowError(f"a {event} event needs reported_on (the day of the guidance)")
        if metric is None or period is None:
            raise _RowError(f"a {event} event needs metric and period")
        low, high, unit = _guidance_value(row, required=event == EVENT_REVISED)
        return _Event(company.id, company.ticker, event, on, metric, scope, period, low, unit, source, note,
                      high, claim_id)
    on = as_of or reported_on
    if on is None:
        raise _RowError(f"an {event} event needs as_of (the day it happened)")
    return _Event(company.id, company.ticker, event, on, metric, scope, period, None, None, source, note,
                  None, claim_id)


def _claim_of(session: Session, company: Company, text: str) -> int | None:
    """The claim an event names: a claim of the row's company."""
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 2**31 - 1:
        raise _RowError(f"claim_id {text!r} is not a claim id (a whole number, as fls claims shows)")
    owner = session.scalar(select(ClaimRecord.company_id).where(ClaimRecord.id == int(text)))
    if owner != company.id:
        raise _RowError(f"no claim {text} of {company.ticker}")
    return int(text)


def _guidance_value(row: dict[str, str], *, required: bool) -> tuple[float | None, float | None, str | None]:
    """A revision's figure or range ("11.97-12.17") and its unit; a reaffirmation may leave the value out."""
    text, unit = row.get("value", ""), fits(row.get("unit", "") or None, "unit", _RowError)
    if not text:
        if required:
            raise _RowError("value is empty")
        return None, None, unit
    try:
        low, high, dollar = parse_range(text)
        for v in (low, high):
            if v is not None:
                check_value(v, text)
    except InputError as exc:
        raise _RowError(str(exc)) from None
    unit = unit or ("USD" if dollar else None)
    if unit is None:
        raise _RowError("unit is empty (e.g. USD, EH/s, units, %)")
    return low, high, unit


@dataclass(frozen=True)
class ParsedCsv:
    """A checked actuals file: every row good, ready to store."""
    path: Path
    items: tuple[_Figure | _Event, ...]


def read_actuals_csv(session: Session, path: str | Path) -> ParsedCsv:
    """Read and check every row (the session is only read). All bad rows are one InputError."""
    path = Path(path)
    _, rows = _read_rows(path)
    cache: dict[str, Company | None] = {}
    calendars: dict[int, FiscalCalendar] = {}
    parsed: list[_Figure | _Event] = []
    errors: list[str] = []
    for line, row in rows:
        try:
            parsed.append(_parse_row(session, cache, calendars, row))
        except _RowError as exc:
            errors.append(f"line {line}: {exc}")
    if errors:
        noun = "bad row" if len(errors) == 1 else "bad rows"
        raise InputError(f"actuals CSV has {len(errors)} {noun}: " + "; ".join(errors))
    return ParsedCsv(path=path, items=tuple(parsed))


def _figure_row(item: _Figure) -> dict:
    return {"company_id": item.company_id, "metric": item.metric, "scope": item.scope,
            "period_label": item.period.label, "period_start": item.period.start, "period_end": item.period.end,
            "period_fiscal": item.period.fiscal, "value": item.value, "unit": item.unit,
            "reported_on": item.reported_on, "source_kind": SourceKind.CSV.value, "source_ref": item.source,
            "note": item.note, "basis": item.basis}


def _event_row(item: _Event) -> dict:
    p = item.period
    row = {"company_id": item.company_id, "kind": item.kind, "on": item.on, "metric": item.metric,
           "scope": item.scope, "period_label": p.label if p else None, "period_start": p.start if p else None,
           "period_end": p.end if p else None, "value": item.value, "unit": item.unit, "source": item.source,
           "note": item.note, "high": item.high, "claim_id": item.claim_id}
    return row | {"natural_key": event_key(row)}


def store_actuals(session: Session, parsed: ParsedCsv, *, author: str) -> ImportResult:
    """Write the rows not stored yet, each figure pointing at the earliest stored figure it restates. Takes
    the companies' writer locks first (PostgreSQL), so the rows are checked against every committed import;
    and each row goes in with `INSERT ... ON CONFLICT DO NOTHING` on its natural key (db.upserts), so that
    even a writer without the lock stores nothing twice."""
    lock_companies(session, {item.ticker for item in parsed.items})
    figures = [_figure_row(item) for item in parsed.items if isinstance(item, _Figure)]
    events = [_event_row(item) for item in parsed.items if isinstance(item, _Event)]
    stored_figures = sum(rid is not None for rid in insert_actuals(session, figures))
    stored_events = len(insert_new(session, EventRecord, events))
    result = ImportResult(actuals=stored_figures, events=stored_events,
                          skipped=len(parsed.items) - stored_figures - stored_events)
    audit.record(session, author=author, action="import_actuals", entity="file", entity_id=None,
                 after={"path": str(parsed.path), "actuals": result.actuals, "events": result.events,
                        "skipped": result.skipped})
    session.flush()
    return result


def add_event(session: Session, fields: dict[str, str], *, author: str) -> EventRecord:
    """Record one event by hand (`fls actuals add --event KIND`): `fields` are the CSV's columns (ticker,
    metric, scope, period, as_of, value, unit, reported_on, source, note, event, claim_id; empty texts for
    none), read by the same rules as a CSV row. Audited."""
    row = {column: (fields.get(column) or "").strip() for column in COLUMNS}
    try:
        item = _parse_row(session, {}, {}, row)
    except _RowError as exc:
        raise InputError(str(exc)) from None
    if not isinstance(item, _Event):
        raise InputError("not an event: give --event achieved, withdrawn, revised or reaffirmed")
    row = _event_row(item)
    stored = session.scalar(select(EventRecord.id).where(EventRecord.company_id == row["company_id"],
                                                         EventRecord.natural_key == row["natural_key"]))
    if stored is not None:
        raise InputError(f"already stored as event {stored}")
    rec = EventRecord(**row)
    session.add(rec)
    session.flush()
    audit.record(session, author=author, action="add_event", entity="event", entity_id=rec.id,
                 after=audit.snapshot(rec))
    return rec


def import_actuals_csv(session: Session, path: str | Path, *, author: str) -> ImportResult:
    """Read every row, and write them all only when none is bad. The caller owns the transaction."""
    return store_actuals(session, read_actuals_csv(session, path), author=author)
