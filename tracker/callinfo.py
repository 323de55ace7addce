"""What we know about a call: its date, company and fiscal calendar.

Three sources: the transcript's own header (a stated call date is the most trustworthy), the command-line
options, and a metadata file beside the transcript (`call.txt` -> `call.toml`). For the call date the header
wins, then the option, then the metadata file; for the company and fiscal year end the option wins.

How fiscal years are named ("end": fiscal 2026 ends in 2026; "start": fiscal 2025 ends in January 2026) comes
from the option, else the metadata file (`fiscal_year_named = "end"`), else what the database knows of the
company (`known`); left None, it is read from the transcript when the calendar is settled
(tracker.fiscal_naming). A stored fiscal year end likewise fills in for one nobody gave.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tracker.errors import InputError
from tracker.fiscal import year_naming
from tracker.model import CallInfo, NamingSource, YearNaming

_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: object, what: str = "date") -> date:
    """A date a user typed (YYYY-MM-DD only: "20250301" and "30/09/2025" are refused); one clear error otherwise.
    Every command and form reads user dates through this one function."""
    text = ("" if value is None else str(value)).strip()      # a TOML metadata file gives a date object
    if not _ISO_DATE.match(text):
        raise InputError(f"bad {what} {text!r}: use YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"bad {what} {text!r}: {exc}") from None


def check_fiscal_year_end(value: str) -> str:
    value = str(value).strip()
    if not _MMDD.match(value):
        raise InputError(f"fiscal year end '{value}' is not MM-DD (e.g. 12-31)")
    return value


def metadata_path(transcript: str | Path) -> Path:
    return Path(transcript).with_suffix(".toml")


def read_metadata(transcript: str | Path) -> dict:
    """The metadata file beside a transcript, or {} when there is none."""
    path = metadata_path(transcript)
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"metadata file {path} is malformed: {exc}") from None


# What the database stores of a company, by ticker: (fiscal year end MM-DD, naming "end"/"start"), None if unknown.
KnownCalendar = Callable[[str], tuple[str | None, str | None]]


def resolve_call_info(header: CallInfo, *, path: str | Path | None = None, call_date: str | None = None,
                      company: str | None = None, fiscal_year_end: str | None = None,
                      fiscal_year_named: str | None = None, known: KnownCalendar | None = None,
                      require_date: bool = True) -> CallInfo:
    """Merge header, options, metadata and what is stored of the company into the CallInfo used for extraction.

    `known(ticker)` gives the stored (fiscal year end, naming) of a company, each None when not stored."""
    meta = read_metadata(path) if path else {}
    ticker = (company or meta.get("ticker") or header.ticker or None)
    stored_fye, stored_named = known(ticker.upper()) if known and ticker else (None, None)
    # (the header's year end is only ever the CallInfo default, so a stored one comes before it)
    fye = check_fiscal_year_end(fiscal_year_end or meta.get("fiscal_year_end") or stored_fye
                                or header.fiscal_year_end or "12-31")
    named, named_from = _naming(fiscal_year_named, meta, path, stored_named)
    option_date = parse_date(call_date, "call date") if call_date else None
    meta_date = meta.get("call_date")
    if isinstance(meta_date, str):
        meta_date = parse_date(meta_date, f"call_date in {metadata_path(path)}")
    resolved = header.call_date or option_date or meta_date
    if resolved is None and require_date:
        raise InputError("no call date: the transcript header states none; pass --call-date YYYY-MM-DD")
    return CallInfo(
        call_date=resolved,
        company=meta.get("company") or header.company,
        ticker=ticker.upper() if ticker else None,
        title=meta.get("event") or header.title,
        fiscal_year_end=fye,
        fiscal_year_named=named,
        fiscal_year_named_from=named_from,
    )


def _naming(option: str | None, meta: dict, path: str | Path | None,
            stored: str | None) -> tuple[YearNaming | None, NamingSource | None]:
    """The fiscal year naming given for a call, and by whom: option, metadata file, stored company."""
    if option:
        return year_naming(option), NamingSource.OPTION
    if meta.get("fiscal_year_named") is not None:
        value = meta["fiscal_year_named"]
        if not isinstance(value, str) or value.strip().lower() not in ("end", "start"):
            raise InputError(f"fiscal_year_named in {metadata_path(path)} must be \"end\" or \"start\", "
                             f"not {value!r}")
        return year_naming(value), NamingSource.METADATA
    if stored:
        return year_naming(stored), NamingSource.COMPANY
    return None, None
