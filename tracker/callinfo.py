"""What we know about a call: its date, company and fiscal calendar.

Three sources: the transcript's own header (a stated call date is the most trustworthy), the command-line
options, and a metadata file beside the transcript (`call.txt` -> `call.toml`). For the call date the header
wins, then the option, then the metadata file; for the company and fiscal year end the option wins.
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from tracker.errors import InputError
from tracker.model import CallInfo

_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def parse_date(value: str, what: str = "date") -> date:
    """Parse an ISO date given by a user; one clear error otherwise."""
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{what} '{value}' is not a date in YYYY-MM-DD form") from None


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


def resolve_call_info(header: CallInfo, *, path: str | Path | None = None, call_date: str | None = None,
                      company: str | None = None, fiscal_year_end: str | None = None,
                      require_date: bool = True) -> CallInfo:
    """Merge header, options and metadata into the CallInfo used for extraction."""
    meta = read_metadata(path) if path else {}
    fye = check_fiscal_year_end(fiscal_year_end or meta.get("fiscal_year_end") or header.fiscal_year_end or "12-31")
    option_date = parse_date(call_date, "call date") if call_date else None
    meta_date = meta.get("call_date")
    if isinstance(meta_date, str):
        meta_date = parse_date(meta_date, f"call_date in {metadata_path(path)}")
    resolved = header.call_date or option_date or meta_date
    if resolved is None and require_date:
        raise InputError("no call date: the transcript header states none; pass --call-date YYYY-MM-DD")
    ticker = (company or meta.get("ticker") or header.ticker or None)
    return CallInfo(
        call_date=resolved,
        company=meta.get("company") or header.company,
        ticker=ticker.upper() if ticker else None,
        title=meta.get("event") or header.title,
        fiscal_year_end=fye,
    )
