"""How a company names its fiscal years, read from its own call; and the call's calendar settled from that.

A fiscal year that straddles two calendar years (Feb 2025 - Jan 2026) is "fiscal 2026" to a company that
names years by their end and "fiscal 2025" to one that names them by their start. The call says which: every
call reports the quarter that ended last before it and mostly guides the year it is in, so the years it names
sit in one place for one convention and a year off for the other.

Rules (each mention is read with `tracker.periods`, so every phrase that module knows counts):
- A fiscal quarter with its year ("the fourth quarter of fiscal 2025", "Q2 FY26", "fiscal 2026 first
  quarter", "Q2 2021") is placed under both conventions and scored by how far it lies from the quarter the
  call reports: the reported quarter itself is the likeliest (a call in March 2025 that reports "the fourth
  quarter of fiscal 2025" names years by their end: under the other convention that quarter ends in January
  2026), then the next quarter (guidance), then the rest of the year and the year-ago quarter.
- A fiscal year with its number ("fiscal 2027", "FY '26", "fiscal year 2025") is scored by how far it lies
  from the fiscal year the call date is in. In a sentence that looks ahead ("For fiscal 2027, we expect
  ..."), it cannot be a year already over and is seldom the year after next; otherwise the year in progress
  and the one before are as likely (a fourth-quarter call speaks of the year just ended and of the new one).
  Only the latest year a sentence names takes its look ahead ("down from 57% in fiscal 2029 to 52% in
  fiscal 2030, and we see 49% in fiscal 2031": the first two are comparisons).
- A calendar period ("calendar 2026", "CY26") or a bare year ("in 2026") says nothing about fiscal names.
- The convention with the higher score wins when it leads by at least MARGIN (one clear quarter, or two
  years); otherwise the call does not tell and the caller's default stands.
- Years that track the calendar year (a year end within a week of Dec 31) are named like it: nothing to read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from tracker.errors import LexiconError
from tracker.fiscal import calendar_from, fiscal_year_of, quarter_end, reported_period, uses_calendar_labels
from tracker.vocab.lexicon import load
from tracker.model import CallInfo, FiscalCalendar, NamingSource, Transcript, YearNaming
from tracker.periods import find_periods
from tracker.vocab.phrase_regex import phrase_pattern

# How likely a call names a quarter this many quarters from the one it reports (0: the reported quarter).
QUARTER_WEIGHT = {0: 3.0, 1: 2.0, 2: 1.0, 3: 1.0, -1: 1.0, -4: 1.0}
# How likely a call names a fiscal year this many years from the one the call date is in: in a sentence that
# looks ahead, and in any other.
YEAR_WEIGHT_AHEAD = {0: 2.0, 1: 0.5, 2: 0.5}
YEAR_WEIGHT_OTHER = {0: 1.0, -1: 1.0, 1: 0.5}
# The lead one convention needs over the other to be taken.
MARGIN = 2.0
_DAYS_PER_QUARTER = 91.3

# A sentence worth reading names a fiscal year or a quarter with a number: "fiscal", "FY", "Q3", "3Q", "quarter".
_GATE = re.compile(r"fiscal|\bf\.?y|quarter|\b[fq][1-4]|[1-4]q")       # run on lower-cased text: faster
# ... and a year number: "2026" (not "$2026" or "12026"), "'26", "FY26", "fiscal 27", "1Q26". Every branch
# starts with one of a few characters, so the regex engine skips ahead quickly over a whole transcript.
_YEAR_NUMBER = re.compile(r"[12'’‘`fq](?:(?<![\d.,$][12])(?:(?<=1)9|(?<=2)0)\d\d|(?<=['’‘`])\d\d"
                          r"|(?<=f)(?:y|iscal)\s?\d\d|(?<=q)\s?\d\d)(?!\d)", re.IGNORECASE)
_DIGITS = re.compile(r"\d\d")
_FISCAL_WORD = re.compile(r"fiscal|\bf\.?y", re.IGNORECASE)
_LABEL = re.compile(r"^FY(?P<y>\d{4})-(?P<part>Q[1-4]|H[12]|FY)$")
_PIECE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_PIECE_REACH = 600


@dataclass(frozen=True)
class NamingVote:
    """One mention and what it says for each convention."""
    phrase: str
    label: str          # as read under the "end" convention
    end: float
    start: float


@dataclass(frozen=True)
class NamingGuess:
    named: YearNaming | None      # None: the call does not tell
    end: float
    start: float
    votes: tuple[NamingVote, ...] = ()


@cache
def _ahead() -> re.Pattern[str]:
    data = load("fiscal")
    words = data.get("naming", {}).get("ahead")
    if set(data) != {"naming"} or set(data["naming"]) != {"ahead"} or not isinstance(words, list) or \
            not all(isinstance(w, str) and w.strip() for w in words):
        raise LexiconError("fiscal.toml must hold exactly [naming] ahead = [words]")
    return re.compile(rf"(?<![\w'’]){phrase_pattern(words)}", re.IGNORECASE)


def infer_year_naming(sentences: list[str], call_date: date, fiscal_year_end: str) -> NamingGuess:
    """Read the naming convention from the sentences of a call (see the module doc)."""
    cal_end = calendar_from(fiscal_year_end, YearNaming.END, anchor=call_date)
    if uses_calendar_labels(cal_end):
        return NamingGuess(None, 0.0, 0.0)
    cal_start = replace(cal_end, label_by=YearNaming.START)
    reported_end = reported_period(call_date, cal_end).end
    current = {YearNaming.END: fiscal_year_of(call_date, cal_end),
               YearNaming.START: fiscal_year_of(call_date, cal_start)}
    votes: list[NamingVote] = []
    for text in sentences:
        low = text.lower()
        if not _GATE.search(low) or not _YEAR_NUMBER.search(text):
            continue
        years: list[tuple[str, str, int]] = []     # (phrase, label, year) of the years named on their own
        for match in find_periods(text, call_date, cal_end):
            m = _LABEL.match(match.period.label) if match.period and match.period.fiscal else None
            if m is None or not _DIGITS.search(match.phrase):
                continue           # vague, calendar, a month or date, or no year number said
            year, part = int(m.group("y")), m.group("part")
            if part.startswith("Q"):
                q = int(part[1])
                votes.append(NamingVote(match.phrase, match.period.label,
                                        _quarter_weight(quarter_end(year, q, cal_end), reported_end),
                                        _quarter_weight(quarter_end(year, q, cal_start), reported_end)))
            elif _FISCAL_WORD.search(match.phrase):     # "in 2026" is a calendar year as often as a fiscal one
                years.append((match.phrase, match.period.label, year))
        if years:
            votes += _year_votes(years, _ahead().search(text) is not None, current)
    end_total = sum(v.end for v in votes)
    start_total = sum(v.start for v in votes)
    named = None
    if end_total - start_total >= MARGIN:
        named = YearNaming.END
    elif start_total - end_total >= MARGIN:
        named = YearNaming.START
    return NamingGuess(named, end_total, start_total, tuple(votes))


def _year_votes(years: list[tuple[str, str, int]], ahead: bool,
                current: dict[YearNaming, int]) -> list[NamingVote]:
    """Votes of the fiscal years one sentence names. Only the latest of them takes the sentence's look ahead:
    "down from 57% of sales in fiscal 2029 to 52% in fiscal 2030, and we see 49% in fiscal 2031" looks ahead
    to fiscal 2031 only."""
    latest = max(y for _, _, y in years)
    out = []
    for phrase, label, year in years:
        weights = YEAR_WEIGHT_AHEAD if ahead and year == latest else YEAR_WEIGHT_OTHER
        out.append(NamingVote(phrase, label, weights.get(year - current[YearNaming.END], 0.0),
                              weights.get(year - current[YearNaming.START], 0.0)))
    return [v for v in out if v.end or v.start]


def _quarter_weight(end: date, reported_end: date | None) -> float:
    if reported_end is None:
        return 0.0
    return QUARTER_WEIGHT.get(round((end - reported_end).days / _DAYS_PER_QUARTER), 0.0)


def _pieces(text: str) -> list[str]:
    """The pieces of the whole text (cut at sentence ends and line breaks) that hold a year number: every line is
    read, whether or not its layout gave it a speaker turn (a headline "Fourth Quarter Fiscal 2026 Results"
    names the year as well as a CFO does). One scan of the text finds the year numbers; only the text around
    each is cut (within _PIECE_REACH characters: a longer sentence is read in part)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for hit in _YEAR_NUMBER.finditer(text):
        lo, hi = max(0, hit.start() - _PIECE_REACH), min(len(text), hit.end() + _PIECE_REACH)
        start, end = lo, hi
        for brk in _PIECE_BREAK.finditer(text, lo, hi):
            if brk.end() <= hit.start():
                start = brk.end()
            elif brk.start() >= hit.end():
                end = brk.start()
                break
        if (start, end) not in seen:
            seen.add((start, end))
            out.append(text[start:end])
    return out


def settle_calendar(transcript: Transcript, info: CallInfo) -> tuple[CallInfo, FiscalCalendar]:
    """The call's fiscal calendar: the naming given (option, metadata, company), else the one the call reads
    as, else the default of its year end. Returns the CallInfo with the naming and its source filled in."""
    if info.call_date is None:
        raise ValueError("settle_calendar needs a call date")
    named, source = info.fiscal_year_named, info.fiscal_year_named_from
    if named is None and uses_calendar_labels(calendar_from(info.fiscal_year_end)):
        source = NamingSource.DEFAULT     # years named like the calendar's: nothing to read
    elif named is None:
        guess = infer_year_naming(_pieces(transcript.text), info.call_date, info.fiscal_year_end)
        named, source = (guess.named, NamingSource.TRANSCRIPT) if guess.named else (None, NamingSource.DEFAULT)
    cal = calendar_from(info.fiscal_year_end, named, anchor=info.call_date)
    return replace(info, fiscal_year_named=cal.label_by, fiscal_year_named_from=source or NamingSource.OPTION), cal


def naming_note(info: CallInfo) -> str | None:
    """One line for the user when a call's fiscal years were named by the default of a year end for which both
    conventions are common (January: retailers name by the start, software companies by the end), else None."""
    if info.fiscal_year_named_from is not NamingSource.DEFAULT or info.fiscal_year_named is not YearNaming.START:
        return None
    return (f"fiscal years ending {info.fiscal_year_end} taken as named by their start, as retailers do (the call "
            f"does not show it); pass --fiscal-year-named end if the company names them by their end")
