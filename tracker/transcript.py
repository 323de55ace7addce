"""Read an earnings-call transcript file into a `Transcript`: text, layout, turns, sentences, header.

Offsets everywhere point into `Transcript.text`, which is the decoded file minus a leading BOM, with
its newlines untouched (so `text[s.start:s.end] == s.text` for every sentence).
"""
from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

from tracker.errors import TranscriptError
from tracker.layouts import Draft, Line, normalise, read_layout, split_lines
from tracker.model import CallInfo, Speaker, Transcript, Turn
from tracker.roles import TurnFacts, resolve, role_of_label, vocabulary
from tracker.sentences import split_sentences

__all__ = ["read_transcript", "parse_transcript", "split_sentences"]

_BOM = "\ufeff"
_HEADER_LINES = 15            # the header is looked for only this near the top
_SNIFF_BYTES = 8192


def read_transcript(path: str | os.PathLike[str]) -> Transcript:
    """Read and parse a transcript file; TranscriptError (one line) when it cannot be read as text."""
    p = Path(path)
    raw = _read_bytes(p)
    text = _decode(raw, p)
    return parse_transcript(text, sha256=hashlib.sha256(raw).hexdigest(), path=str(p))


def _read_bytes(p: Path) -> bytes:
    try:
        if p.is_dir():
            raise TranscriptError(f"{p} is a directory, not a transcript file")
        return p.read_bytes()
    except FileNotFoundError:
        raise TranscriptError(f"no such file: {p}") from None
    except PermissionError:
        raise TranscriptError(f"cannot read {p}: permission denied") from None
    except IsADirectoryError:
        raise TranscriptError(f"{p} is a directory, not a transcript file") from None
    except OSError as exc:
        raise TranscriptError(f"cannot read {p}: {exc.strerror or exc}") from None


def _decode(raw: bytes, p: Path) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 has NUL bytes everywhere; say what it is rather than calling it binary.
        raise TranscriptError(f"{p} is not UTF-8 text (byte 0x{raw[0]:02x} at offset 0); convert it to UTF-8")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise TranscriptError(f"{p} looks like a binary file, not a text transcript")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_binary(raw[:_SNIFF_BYTES]):
            raise TranscriptError(f"{p} looks like a binary file, not a text transcript") from None
        bad = raw[exc.start]
        raise TranscriptError(
            f"{p} is not UTF-8 text (byte 0x{bad:02x} at offset {exc.start}); convert it to UTF-8") from None
    text = text.removeprefix(_BOM)
    if not text.strip():
        raise TranscriptError(f"{p} is empty")
    if _mostly_control(text[:_SNIFF_BYTES]):
        raise TranscriptError(f"{p} looks like a binary file, not a text transcript")
    return text


def _mostly_binary(sample: bytes) -> bool:
    if not sample:
        return False
    odd = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    high = sum(1 for b in sample if b >= 128)
    return odd / len(sample) > 0.1 or high / len(sample) > 0.3 and odd > 0


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _mostly_control(sample: str) -> bool:
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.1


def parse_transcript(text: str, *, sha256: str = "", path: str | None = None) -> Transcript:
    """Parse decoded transcript text (a leading BOM is dropped; offsets refer to the rest)."""
    text = text.removeprefix(_BOM)
    reading = read_layout(text, split_lines(text))
    parsed = reading.parsed
    turns = _turns(parsed.drafts)
    header = read_header(reading.lines, parsed.first_turn_line)
    return Transcript(text=text, layout=reading.layout, turns=tuple(turns), header=header, sha256=sha256,
                      translation_spans=tuple(parsed.translation_spans), path=path, warning=reading.warning)


def _turns(drafts: list[Draft]) -> list[Turn]:
    facts = [TurnFacts(name=d.name, title=d.title, text=" ".join(s.text for s in d.sentences),
                       fixed_role=d.fixed_role, parens=d.parens, qa_header=d.qa_header,
                       fixed_section=d.fixed_section) for d in drafts]
    roles, sections = resolve(facts)
    titles: dict[str, str] = {}
    for d in drafts:
        if d.title and d.name not in titles:
            titles[d.name] = d.title
    speakers: dict[tuple[str, str], Speaker] = {}
    turns = []
    for i, (d, role, section) in enumerate(zip(drafts, roles, sections)):
        key = (d.name, role)
        if key not in speakers:
            speakers[key] = Speaker(name=d.name, title=titles.get(d.name, ""), role=role)
        turns.append(Turn(index=i, speaker=speakers[key], section=section, start=d.start, end=d.end,
                          sentences=tuple(d.sentences)))
    return turns


# --- header -------------------------------------------------------------------------------------------

_KEY_VALUE = re.compile(r"^[#*_\s]*(?P<key>[A-Za-z][A-Za-z ]{0,30}?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?\s*(?P<value>.+?)\s*$")
_TICKER_PAREN = re.compile(r"^(?P<company>.*?)\s*\((?:(?:NYSE|NASDAQ|Nasdaq|NYSEAMERICAN|AMEX|TSX|LSE|OTC)\s*:\s*)?"
                           r"(?P<ticker>[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z]{1,2})?)\)")
_TICKER_ONLY = re.compile(r"^[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z]{1,2})?$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|" \
         r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_MDY = re.compile(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")
_DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b")
_DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DATE_SLASH = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b")


_PERIOD_END_LINE = re.compile(r"\b(period|quarter|year)\s+end(ing|ed)\b", re.I)


def read_header(lines: list[Line], first_turn_line: int) -> CallInfo:
    """Call facts stated in the first lines, above the first speaker; never from the body."""
    v = vocabulary()
    call_date: date | None = None
    company = ticker = title = None
    limit = min(len(lines), _HEADER_LINES, first_turn_line)
    for ln in lines[:limit]:
        line = ln.text
        if not line or ln.translation or len(line) > 300:
            continue
        kv = _KEY_VALUE.match(line)
        key = normalise(kv.group("key")) if kv else ""
        if kv and key in v.header_keys:
            value = kv.group("value").strip("* ")
            if key in v.date_keys and call_date is None:
                call_date = date_in_text(value, fuzzy=True)
            elif key in v.company_keys:
                if _TICKER_ONLY.match(value) and ticker is None:
                    ticker = value
                elif company is None:
                    company = value
            elif key in v.ticker_keys and ticker is None:
                ticker = value.upper()
            elif key in v.title_keys and title is None:
                title = value
            continue
        if normalise(line) in v.company_participants or normalise(line) in v.call_participants:
            break
        if role_of_label(line) is not None:
            continue
        if _PERIOD_END_LINE.search(line):
            continue                # "for the period ending March 31, 2025" dates the quarter, not the call
        is_heading = line.startswith("#")
        if not (is_heading or v.call_words.search(line)):
            if call_date is None and title is not None:
                call_date = date_in_text(line.strip("#* \t"), fuzzy=False)   # a date alone under the title
            continue
        clean = line.strip("#* \t")
        if title is None:
            title = _title_without_date(clean)
        m = _TICKER_PAREN.match(clean)
        if m is not None:
            ticker = ticker or m.group("ticker")
            company = company or m.group("company").strip(" ,-") or None
        if call_date is None:
            call_date = date_in_text(clean, fuzzy=False)
    return CallInfo(call_date=call_date, company=company, ticker=ticker, title=title)



def _title_without_date(line: str) -> str:
    for rx in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SLASH):
        m = rx.search(line)
        if m:
            return line[:m.start()].strip(" ,-–—|") or line
    return line


def date_in_text(s: str, *, fuzzy: bool) -> date | None:
    """The first date written in `s`. With `fuzzy`, a value of a "Date:" field that none of the usual
    shapes fit goes to dateparser (on that value only)."""
    for rx in (_DATE_ISO, _DATE_MDY, _DATE_DMY, _DATE_SLASH):
        m = rx.search(s)
        if m is None:
            continue
        g = m.groupdict()
        month = _MONTHS[g["mon"][:3].lower()] if "mon" in g else int(g["month"])
        try:
            return date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            return None
    if not fuzzy or len(s) > 60:
        return None
    import dateparser  # slow to import; only needed for odd date fields

    parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None
