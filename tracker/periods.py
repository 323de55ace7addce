"""Period phrases: find "by the end of fiscal 2026", "2Q25" or "in a couple of weeks" in a sentence and resolve
them to Periods relative to the call date and the company's fiscal calendar.

How it works: a handful of compiled "core" patterns (quarters, halves, years, months, dates, durations, vague
phrases) run over the sentence; each core may be extended to the left by a preposition ("by", "in") and a
modifier ("the end of", "early", "mid-"), which the resolver uses. Overlaps keep the longest match. Word lists
live in tracker/data/periods.toml. Cheap per-pattern gates (a substring each match needs) skip
patterns that cannot match, so a sentence without period words costs a few microseconds.

Resolution rules (why each is so):
- Plain words ("Q3", "the third quarter", "this year", "fiscal 2025", a bare "2026") are the company's FISCAL
  periods; "calendar"/"CY"/"CQ" make them calendar periods with calendar labels.
- A bare quarter or half ("Q4", "the second half") is this fiscal year's, unless that one ended more than
  REPORTING_LAG_DAYS (~4 months) before the call: then it is next year's. A quarter that ended within the lag
  is the one the call reports, so it stays. With past=True the most recently ended one is taken instead.
- Time-of-year modifiers (early / beginning of / mid / late) name a time of the calendar year: "early 2026" is
  2026-Q1, "mid-2027" and "mid-year" are H1 (June 30), "late 2026" is calendar Q4; only an explicitly fiscal year
  ("early fiscal 2026") gives fiscal parts. A bare "mid-year" is the next June 30 not yet passed.
- "end of" / "later in" keep the period itself: its end is the deadline ("by the end of 2025" -> 2025-FY).
- "the calendar year" (no number) is the call's calendar year, or the next one when less than 45 days are left.
- A month or day without a year is in the call's year when it is ahead, current or at most ~3 months past (a
  past month is an as-of use: "by the end of February" on a March call); otherwise it is next year's. After
  "as of" it is the most recent one on or before the call date.
- Durations ("within 12 months", "in a week or so") end that long after the call date; label = ISO end date.
  Vague counts or spans ("over the next few years", "in the coming quarters", "long term") give period None.
- Explicit dates are parsed by the pattern that matched them (month table + day + year): the span's grammar is
  fully known, so no general date parser is needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Callable

from tracker.vocab import lexicon
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.vocab.quick_start import compile_quick, look_ahead
from tracker.errors import LexiconError, PeriodError
from tracker.holidays import holidays, last_holiday, next_holiday
from tracker.fiscal import (REPORTING_LAG_DAYS, add_months, calendar_from, day_period, fiscal_year_of,
                            half_end, half_period, month_period, period_from_label, quarter_end, quarter_of,
                            quarter_period, quarter_start, reported_period, shift_quarter, year_period)
from tracker.model import FiscalCalendar, Period
from tracker.vocab.regex_cache import compile_cached
from tracker.fast_init import fast_init

__all__ = ["PeriodMatch", "find_periods", "resolve_period", "reported_period", "period_from_label",
           "calendar_from", "quarter_end"]


@fast_init
@dataclass(frozen=True)
class PeriodMatch:
    """A period phrase found in a text: offsets into that text; period None for a vague phrase."""
    start: int
    end: int
    phrase: str
    period: Period | None


# --- grammar ---------------------------------------------------------------------------------------------

SEP = r"[\s\-–—]+"
APOS = r"['’‘`]"
YR4 = r"(?:19|20)\d{2}"
_MONTH_BACK_DAYS = 92          # a month this far back is still "this year's" (as-of use)
_CALENDAR_YEAR_TAIL_DAYS = 45  # "the calendar year" this close to Dec 31 means the next one


class _Reject:
    """Returned by a resolver when the text matched a pattern but is not a period phrase."""


_REJECT = _Reject()


@fast_init
@dataclass(frozen=True)
class _Ctx:
    text: str
    end: int              # end offset of the core match
    call: date
    cal: FiscalCalendar
    past: bool
    prep: str             # lower-cased preposition before the phrase, "" if none
    mod: str              # modifier kind: "end", "later", "begin", "mid", "late" or ""
    lenient: bool         # resolving a phrase on its own: context words are not required

    @property
    def has_context(self) -> bool:
        return bool(self.prep or self.mod or self.lenient)


@dataclass(frozen=True)
class _Core:
    name: str
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], _Ctx], "Period | None | _Reject"]
    takes_mod: bool
    gate: str             # name of the cheap test (in _Grammar.gates) any match of this core passes
    # Compiled case-sensitive for lower-cased text, when the pattern has no case-sensitive part: the regex
    # engine runs such patterns about twice as fast as case-insensitive ones.
    lower: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Gate:
    """A cheap test run before a core's regex: a lower-case substring, or a small regex, that any match needs."""
    words: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    substrings: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # one C-level search for any of the words instead of a Python loop of `in` tests, the words folded into a
        # prefix tree (a plain alternation tries every word at each position where one could start)
        if self.words:
            object.__setattr__(self, "substrings", compile_cached(phrase_pattern(self.words, fold=False, guard=False)))

    def opens(self, text: str, low: str) -> bool:
        return (self.substrings is not None and self.substrings.search(low) is not None) or (
            self.regex is not None and self.regex.search(text) is not None)


def _longest_word(phrase: str) -> str:
    """A gate word for a phrase matched word by word: every word of it is in each match, and the longest is the
    rarest in a call ("black friday" -> "friday", "the fourth of july" -> "fourth", never "the")."""
    return max(_norm(phrase).split(), key=len)


def _words(phrases: list[str]) -> str:
    """An alternation of phrases, longest first; a space in a phrase matches spaces or hyphens."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))     # a fixed order: the same regex every run
    return "|".join(SEP.join(re.escape(w) for w in p.split()) for p in ordered)


@dataclass(frozen=True)
class _Grammar:
    gates: dict[str, _Gate]
    prefix: re.Pattern[str]
    prep_only: re.Pattern[str]
    cores: tuple[_Core, ...]
    mod_kinds: dict[str, str]
    months: dict[str, int]
    quarter_ordinals: dict[str, int]
    half_ordinals: dict[str, int]
    counts: dict[str, float]
    vague_counts: frozenset[str]
    backward: frozenset[str]
    year_noise: re.Pattern[str]
    seasons: dict[str, tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=dict)
    decade_years: int = 10
    rough_counts: dict[str, float] = field(default_factory=dict)
    year_plans: frozenset[str] = frozenset()     # "the next five years": whole years, this one included
    rough_units: frozenset[str] = frozenset()


_SEP_RUN = re.compile(r"[\s\-–—]+")


@lru_cache(maxsize=1024)
def _norm(s: str) -> str:
    """Lower case, runs of spaces and dashes as one space (a pure function of a few hundred phrases: cached)."""
    return _SEP_RUN.sub(" ", s.strip().lower())


@cache
def _grammar() -> _Grammar:
    v = lexicon.load("periods")
    months: dict[str, int] = dict(v["months"])
    month_alt = "|".join(sorted({*months, *(m.upper() for m in months)}, key=lambda m: (-len(m), m)))
    month_full_alt = "|".join(m for m in months if len(m) > 3 and m != "Sept") + "|" + \
        "|".join(m.upper() for m in months if len(m) > 3 and m != "Sept")
    # Month names are case-sensitive inside otherwise case-insensitive patterns.
    mon = rf"(?-i:{month_alt})"
    mon_full = rf"(?-i:{month_full_alt})"
    qord = _words(list(v["quarter_ordinals"]))
    hord = _words(list(v["half_ordinals"]))
    counts = {_norm(k): float(n) for k, n in v["counts"].items()}
    count_alt = _words([*counts, *v["vague_counts"]["words"]]) + r"|\d+(?:\.\d+)?"
    direction = v["duration_direction"]
    mods = {_norm(p): kind for kind, ps in v["modifiers"].items() for p in ps}
    preps = v["prepositions"]["words"]

    yr_explicit = (rf"(?:(?:fiscal|calendar)(?:{SEP}years?)?\s*|\b[Ff]\.?[Yy]\.?\s*|\b[Cc]\.?[Yy]\.?\s*)"
                   rf"{APOS}?(?:{YR4}|\d{{2}})(?!\d)")
    yr_bare = rf"(?<![\w$€£¥#.,/]){YR4}(?![\d%])(?![.,]\d)(?!s\b)"     # not "$2025", "2,025", "2020s"
    yr_apos = rf"(?<!\w){APOS}\d{{2}}(?![\d'’\w])"
    yr_rel = (rf"(?:this|next|last|current|upcoming|our{SEP}(?:current|next|coming|upcoming|following)|"
              rf"the(?:{SEP}(?:current|next|coming|upcoming|following|prior|previous|last|"
              rf"preceding))?)(?:{SEP}full)?(?:{SEP}(?:fiscal|calendar))?{SEP}year"
              rf"(?!(?:{SEP})?(?:over|on|ago|end|earlier|before|prior|to{SEP}date)\b)(?![\w\-–])")
    year_ref = rf"(?:{yr_explicit}|{yr_rel}|{yr_bare}|{yr_apos})"
    yr_num = rf"(?:{yr_explicit}|{yr_bare})"
    yr_tail = rf"(?:,?\s+(?:of\s+|in\s+)?(?P<yr>{year_ref}))?"

    gates = {
        # Regex gates start with a character class so the regex engine can scan for it quickly.
        "month_name": _Gate(regex=compile_cached(r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec|AN|EB|AR|PR|AY|UN|UL|"
                                             r"UG|EP|CT|OV|EC)")),
        "iso": _Gate(regex=compile_cached(r"\d-\d\d-\d")),
        "quarter": _Gate(("quarter",)), "qn": _Gate(("q1", "q2", "q3", "q4")), "nq": _Gate(("1q", "2q", "3q", "4q")),
        "half": _Gate(("half",)), "hn": _Gate(("h1", "h2")), "nh": _Gate(("1h", "2h")),
        "year": _Gate(("year",)), "month": _Gate(("month",)),
        "year_ref": _Gate(("year", "fiscal", "calendar"),
                          compile_cached(r"[12'’‘`FfCc](?:(?<=[12])[09]\d\d|(?<=['’‘`])\d\d|(?<=[FfCc])\.?[Yy])")),
        "unit": _Gate(("day", "week", "month", "quarter", "year")),
        "vague": _Gate(tuple(sorted({p.split()[-1].lower() for p in v["vague"]["phrases"]} | {"term", "soon", "shortly"}))),
        "season": _Gate(tuple(sorted({_longest_word(k) for k in v["seasons"]}))),
        "decade": _Gate(tuple(_norm(w) for w in v["decades"]["words"])),
        "holiday": _Gate(tuple(sorted({_longest_word(k) for k in holidays()}))),
    }
    seasons = _season_table(v["seasons"])
    season_alt = _words(list(seasons))
    decade_alt = _words(v["decades"]["words"])
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    yr_q = rf"(?:{APOS}(?P<yy>\d{{2}})\b|,?\s*(?:of\s+|in\s+)?(?P<yr>{year_ref}))?"     # after Q3 / H2
    yy_after = rf"(?:\s*(?:F\.?Y\s*)?{APOS}?(?P<yy>{YR4}|\d{{2}}))?\b"                  # after 2Q / 1H
    abbrev_dot = r"(?:(?<=\b[A-Za-z]{3})\.|(?<=\bSept)\.)?"
    rel_words = r"this|next|last|current|the(?:{s}(?:current|next|following|coming|prior|previous|last|preceding))?"
    rel_words = rel_words.format(s=SEP)
    not_over = rf"(?!(?:{SEP})?(?:over|on|ago|to{SEP}date)\b)"
    terms = _words(v["vague"]["term_words"])
    units = r"(?P<unit>days?|weeks?|months?|quarters?|years?)"
    patterns = [  # (name, pattern, resolver, takes a modifier, gate)
        ("date_md", rf"\b(?P<mon>{mon})\b\.?\s+{day}\b(?:,?\s+(?P<y>{YR4})\b)?", _r_date, False, "month_name"),
        ("date_dm", rf"\b(?:the\s+)?{day}\s+(?:of\s+)?(?P<mon>{mon})\b\.?(?:,?\s+(?P<y>{YR4})\b)?",
         _r_date, False, "month_name"),
        ("date_iso", rf"\b(?P<y>{YR4})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b", _r_iso, False, "iso"),
        ("quarter_ordinal", rf"\b(?:the\s+)?(?:(?P<yrpre>{yr_num})(?:{APOS}s)?\s+)?"
                            rf"(?:(?P<sys1>fiscal|calendar)(?:{SEP}year)?{SEP})?(?P<ord>{qord}){SEP}"
                            rf"(?:(?P<sys2>fiscal|calendar){SEP})?quarter\b(?!{APOS}?s\b){yr_tail}",
         _r_quarter, True, "quarter"),
        ("quarter_q", rf"(?:\b(?P<sys>fiscal|calendar)\s+|\b(?P<letter>[FC])(?=Q)|\b)Q(?P<q>[1-4])"
                      rf"(?:(?=F\.?Y)|\b){yr_q}",
         _r_quarter, True, "qn"),
        ("quarter_nq", rf"\b(?P<letter>[FC])?(?P<q>[1-4])Q{yy_after}", _r_quarter, True, "nq"),
        ("quarter_month", rf"\b(?:the\s+)?(?P<mon>{mon_full}){SEP}quarter\b{yr_tail}", _r_quarter_month, True,
         "quarter"),
        ("quarter_relative", rf"\b(?P<rel>{rel_words})\s+(?:(?P<sys>fiscal|calendar)\s+)?quarter\b{not_over}(?!s)",
         _r_quarter_relative, True, "quarter"),
        ("quarter_end", rf"\b(?:the\s+)?(?:(?P<rel>this|current|next)\s+)?quarter{SEP}?end\b", _r_quarter_end, True,
         "quarter"),
        ("half_ordinal", rf"\b(?:the\s+)?(?:(?P<yrpre>{yr_num})(?:{APOS}s)?\s+)?(?P<ord>{hord}){SEP}"
                         rf"(?:(?P<sys>fiscal|calendar){SEP})?half\b(?![\-–]){yr_tail}", _r_half, True, "half"),
        ("half_h", rf"(?:\b(?P<letter>C)(?=H)|\b)H(?P<h>[12])(?:(?=F\.?Y)|\b){yr_q}", _r_half, True, "hn"),
        ("half_nh", rf"\b(?P<h>[12])H{yy_after}", _r_half, True, "nh"),
        ("half_relative", rf"\b(?P<rel>this|next|current|the(?:{SEP}(?:current|next|following|coming))?)"
                          rf"\s+half\b(?!{SEP}(?:of|year|a|an|hour|point|percent|dozen)\b)",
         _r_half_relative, True, "half"),
        ("year_end", rf"\b(?:the\s+)?(?:(?P<rel>this|next|last|current|prior|previous)\s+)?"
                     rf"(?:(?P<sys>fiscal|calendar){SEP})?year{SEP}?end\b(?:,?\s+(?P<yr>{yr_num}))?",
         _r_year_end, True, "year"),
        ("mid_year", rf"\b(?:the\s+)?mid{SEP}?year\b(?:,?\s+(?P<yr>{year_ref}))?", _r_mid_year, True, "year"),
        ("full_year", rf"\b(?:the\s+)?full{SEP}(?:(?P<sys>fiscal|calendar){SEP})?year\b"
                      rf"(?!(?:{SEP})?(?:over|on|ago)\b)(?:,?\s+(?P<yr>{year_ref}))?", _r_full_year, True, "year"),
        ("year", rf"(?P<yr>{year_ref})|(?-i:\bFY\b)(?!\s*{APOS}?\d)", _r_year, True, "year_ref"),
        ("month", rf"\b(?P<mon>{mon})\b(?!\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b){abbrev_dot}"
                  rf"(?:,?\s+(?:of\s+)?(?P<yr>{YR4}\b|(?:this|next|last){SEP}year\b|{APOS}\d{{2}}\b))?",
         _r_month, True, "month_name"),
        ("month_relative", rf"\b(?P<rel>{rel_words})\s+month\b(?!s){not_over}|\b(?:the\s+)?(?P<mend>month){SEP}?end\b",
         _r_month_relative, True, "month"),
        ("duration", rf"\b(?:(?P<prep>within|in|inside(?:\s+of)?|over|during|for|throughout)\s+)?(?:the\s+)?"
                     rf"(?:(?P<dir>{_words(direction['forward'] + direction['backward'])})\s+)?"
                     rf"(?:(?P<n>{count_alt})(?:\s*(?:to|-|–|or)\s*(?P<n2>{count_alt}))?\s+)?{units}\b(?:{APOS}s?)?"
                     rf"(?:\s+or\s+(?P<orso>so|two|three|more|longer|less|sooner)\b)?"
                     rf"(?P<tail>\s+(?:from\s+(?:now|today)|time|out|hence)\b)?", _r_duration, False, "unit"),
        ("season", rf"\b(?:(?P<rel>this|next|last|this{SEP}past|the|the{SEP}coming|the{SEP}upcoming)\s+)?"
                   rf"(?P<season>{season_alt})\b(?!\s+(?:in|of)\s+(?!(?:{YR4})\b))"
                   rf"(?:,?\s+(?:of\s+)?(?P<yr>{YR4})\b)?", _r_season, True, "season"),
        ("holiday", rf"\b(?:(?P<rel>this|next|last|this{SEP}past|the{SEP}coming|the{SEP}upcoming)\s+)?"
                    rf"(?P<holiday>{_words(list(holidays()))})\b(?:,?\s+(?P<yr>{YR4})\b)?", _r_holiday, False,
         "holiday"),
        ("decade", rf"\b(?P<rel>this|the|the{SEP}current|the{SEP}next|next|the{SEP}coming|the{SEP}past|last)\s+"
                   rf"(?:{decade_alt})\b|\b(?:{decade_alt}){SEP}?end\b", _r_decade, True, "decade"),
        ("vague", rf"\b(?:{_words(v['vague']['phrases'])})\b|\b(?:in|over|for|during)\s+the\s+(?:{terms}){SEP}term\b"
                  rf"|\b(?:{terms}){SEP}term\b(?=\s*(?:[,.;:!?)]|$))"
                  rf"|(?<!as )\bsoon\b(?!\s+as\b)|\bshortly\b(?!\s+(?:after|before)\b)", _r_vague, False, "vague"),
    ]
    lower_case_ok = {"duration", "vague", "season", "holiday", "decade", "quarter_ordinal", "quarter_relative", "quarter_end", "half_ordinal",
                     "year_end", "mid_year", "full_year", "month_relative"}
    cores = tuple(_Core(name, compile_quick(pattern, re.IGNORECASE), resolve, takes_mod, gate,
                        compile_quick(pattern) if name in lower_case_ok else None)
                  for name, pattern, resolve, takes_mod, gate in patterns)
    prep_alt = _words(preps)
    words_before = rf"(?:\b(?P<prep>{prep_alt})\s+)?(?:\b(?P<mod>{_words(list(mods))})(?:\s+|\s*[-–—]\s*))?"
    # Searched over the 48 characters before a period phrase, this may match empty (at the phrase): a look-ahead
    # for its words' first letters skips the positions where no word starts, the empty branch keeps that match.
    ahead = look_ahead(words_before, re.IGNORECASE)
    prefix = compile_cached(rf"(?:{ahead}{words_before}|)\Z" if ahead else rf"{words_before}\Z", re.IGNORECASE)
    prep_only = compile_quick(rf"\b(?P<prep>{prep_alt})\s+\Z", re.IGNORECASE)
    noise = compile_cached(rf"\s*(?:%|(?:{_words(v['year_noise']['after'])})\b)", re.IGNORECASE)
    return _Grammar(gates=gates, prefix=prefix, prep_only=prep_only, cores=cores, mod_kinds=mods,
                    months=months, quarter_ordinals={_norm(k): n for k, n in v["quarter_ordinals"].items()},
                    half_ordinals={_norm(k): n for k, n in v["half_ordinals"].items()}, counts=counts,
                    vague_counts=frozenset(_norm(w) for w in v["vague_counts"]["words"]),
                    backward=frozenset(_norm(w) for w in direction["backward"]), year_noise=noise,
                    seasons=seasons, decade_years=int(v["decades"]["years"]),
                    rough_counts={_norm(k): float(n) for k, n in v["rough_counts"]["counts"].items()},
                    rough_units=frozenset(v["rough_counts"]["units"]),
                    year_plans=frozenset(_norm(w) for w in direction["year_plans"]))


def _season_table(raw: dict) -> dict[str, tuple[tuple[int, int], tuple[int, int]]]:
    """periods.toml [seasons]: name -> ((first month, day), (last month, day)); a malformed entry is an error."""
    table = {}
    for name, span in raw.items():
        try:
            first, last = (tuple(int(x) for x in d.split("-")) for d in span)
            date(2024, *first), date(2024, *last)
        except (TypeError, ValueError) as exc:
            raise LexiconError(f"periods.toml [seasons] {name}: expected [\"MM-DD\", \"MM-DD\"]") from exc
        table[_norm(name)] = (first, last)
    return table


# --- year references -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _YearRef:
    year: int | None       # an explicit year number
    rel: int               # this 0, next +1, last -1 (when year is None)
    system: str | None     # "fiscal", "calendar" or None (not said)
    generic: bool          # plain "the year": needs a preposition or modifier to count


_REL_WORDS = {"this": 0, "current": 0, "next": 1, "coming": 1, "upcoming": 1, "following": 1, "last": -1, "prior": -1,
              "previous": -1, "preceding": -1}


def _two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _parse_year_ref(text: str) -> _YearRef:
    t = _norm(text)
    system = "calendar" if re.search(r"calendar|\bc\.?y", t) else "fiscal" if re.search(r"fiscal|\bf\.?y", t) else None
    digits = re.search(r"(\d{4}|\d{2})(?!.*\d)", t)
    if digits:
        n = int(digits.group(1))
        return _YearRef(n if n >= 100 else _two_digit_year(n), 0, system, False)
    first = t.split()[0] if t.split() else ""
    words = t.split()
    rel_word = words[1] if first in ("the", "our") and len(words) > 1 else first   # "our upcoming fiscal year"
    rel = _REL_WORDS.get(rel_word, 0)
    generic = first == "the" and rel_word not in _REL_WORDS and system is None
    return _YearRef(None, rel, system, generic)


def _fy_now(ctx: _Ctx) -> int:
    return fiscal_year_of(ctx.call, ctx.cal)


def _calendar_year_of(ref: _YearRef, ctx: _Ctx) -> int:
    if ref.year is not None:
        return ref.year
    return ctx.call.year + ref.rel


def _year_number(ref: _YearRef, ctx: _Ctx, fiscal: bool) -> int:
    """The label year a reference names, in the fiscal or calendar system."""
    if ref.year is not None:
        return ref.year
    if fiscal:
        return _fy_now(ctx) + ref.rel
    return ctx.call.year + ref.rel


def _the_calendar_year(ctx: _Ctx) -> int:
    left = (date(ctx.call.year, 12, 31) - ctx.call).days
    return ctx.call.year + (1 if left < _CALENDAR_YEAR_TAIL_DAYS else 0)


def _is_fiscal(ref: _YearRef | None, *markers: str | None) -> bool:
    """Fiscal unless the phrase says "calendar" (or CY/CQ) somewhere."""
    said = [(m or "").lower() for m in markers]
    if any(m in ("calendar", "c") for m in said):
        return False
    return not (ref is not None and ref.system == "calendar")


# --- resolvers -------------------------------------------------------------------------------------------


def _after(ctx: _Ctx, pattern: str) -> bool:
    return re.match(pattern, ctx.text[ctx.end:], re.IGNORECASE) is not None


def _yref(m: re.Match[str], group: str = "yr") -> _YearRef | None:
    try:
        text = m.group(group)
    except IndexError:
        return None
    return _parse_year_ref(text) if text else None


def _yy_ref(m: re.Match[str]) -> _YearRef | None:
    yy = m.groupdict().get("yy")
    if not yy:
        return None
    n = int(yy)
    return _YearRef(n if n >= 100 else _two_digit_year(n), 0, None, False)


def _bare_part_year(end_of: Callable[[int], date], y0: int, ctx: _Ctx) -> int:
    """Which year a bare quarter/half means: see the module docstring."""
    end = end_of(y0)
    if ctx.past:
        return y0 if end <= ctx.call else y0 - 1
    if end >= ctx.call or (ctx.call - end).days <= REPORTING_LAG_DAYS:
        return y0
    return y0 + 1


def _r_quarter(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    g = _grammar()
    gd = m.groupdict()
    if gd.get("ord"):
        q = g.quarter_ordinals[_norm(gd["ord"])]
    else:
        q = int(gd["q"])
    ref = _yy_ref(m) or _yref(m) or _yref(m, "yrpre")
    fiscal = _is_fiscal(ref, gd.get("sys"), gd.get("sys1"), gd.get("sys2"), gd.get("letter"))
    if ref is not None and ref.year is not None and not _plausible_year(ref.year, ctx):
        return _REJECT
    if ref is None:
        y0 = _fy_now(ctx) if fiscal else ctx.call.year
        y = _bare_part_year(lambda yy: quarter_end(yy, q, ctx.cal, fiscal), y0, ctx)
    else:
        y = _year_for(ref, m, ctx, fiscal)
    return quarter_period(y, q, ctx.cal, fiscal)


def _year_for(ref: _YearRef, m: re.Match[str], ctx: _Ctx, fiscal: bool) -> int:
    """The label year of a year reference inside a quarter/half phrase."""
    text = _norm(m.group("yr") or "") if "yr" in m.groupdict() and m.group("yr") else ""
    if not fiscal and ref.year is None and text in ("the calendar year", "calendar year"):
        return _the_calendar_year(ctx)
    return _year_number(ref, ctx, fiscal)


def _r_quarter_month(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    """"the December quarter": the quarter ending in (or within 10 days of the end of) that month."""
    month = _grammar().months[m.group("mon").title()]
    ref = _yref(m)
    fy = _fy_now(ctx)
    for fiscal in (True, False):
        for q in (1, 2, 3, 4):
            for y in (fy - 1, fy, fy + 1):
                end = quarter_end(y, q, ctx.cal, fiscal)
                month_end = date(end.year, month, 1)
                if abs((end - _last_day(month_end)).days) <= 10 or (end.month == month):
                    break
            else:
                continue
            if ref is None:
                y0 = fy if fiscal else ctx.call.year
                year = _bare_part_year(lambda yy: quarter_end(yy, q, ctx.cal, fiscal), y0, ctx)
                return quarter_period(year, q, ctx.cal, fiscal)
            # "the March quarter of 2026": the one ending in (or nearest) March 2026
            target = _last_day(date(_calendar_year_of(ref, ctx), month, 1))
            best = min((fy + k for k in range(-3, 4)),
                       key=lambda yy: abs((quarter_end(yy, q, ctx.cal, fiscal) - target).days))
            return quarter_period(best, q, ctx.cal, fiscal)
    return _REJECT


def _last_day(d: date) -> date:
    return add_months(d.replace(day=1), 1) - timedelta(days=1)


def _r_quarter_relative(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    words = _norm(m.group("rel")).split()
    rel_word = words[-1]
    fiscal = _is_fiscal(None, m.group("sys"))
    if rel_word == "the" and not ctx.has_context:
        return _REJECT
    y, q = quarter_of(ctx.call, ctx.cal, fiscal)
    # in a report "the quarter" / "this quarter" is the quarter just ended; "last quarter" always is
    if ctx.past and rel_word in ("the", "this"):
        return reported_period(ctx.call, ctx.cal) if fiscal else quarter_period(*shift_quarter(y, q, -1), ctx.cal,
                                                                                False)
    shift = _REL_WORDS.get(rel_word, 0)
    return quarter_period(*shift_quarter(y, q, shift), ctx.cal, fiscal)


def _r_quarter_end(m: re.Match[str], ctx: _Ctx) -> Period:
    # in a report "at quarter end" is the end of the quarter just reported
    if ctx.past and (m.group("rel") or "").lower() != "next":
        return reported_period(ctx.call, ctx.cal)
    y, q = quarter_of(ctx.call, ctx.cal)
    if (m.group("rel") or "").lower() == "next":
        y, q = shift_quarter(y, q, 1)
    return quarter_period(y, q, ctx.cal)


def _r_half(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    g = _grammar()
    gd = m.groupdict()
    h = g.half_ordinals[_norm(gd["ord"])] if gd.get("ord") else int(gd["h"])
    ref = _yy_ref(m) or _yref(m) or _yref(m, "yrpre")
    if gd.get("ord") and ref is None and _after(ctx, r"\s+(?:of|hour|point|percent|a|an|dozen|million|billion)\b"):
        return _REJECT      # "the first half of our customers", "half an hour"
    fiscal = _is_fiscal(ref, gd.get("sys"), gd.get("letter"))
    if ref is not None and ref.year is not None and not _plausible_year(ref.year, ctx):
        return _REJECT
    if ref is None:
        y0 = _fy_now(ctx) if fiscal else ctx.call.year
        y = _bare_part_year(lambda yy: half_end(yy, h, ctx.cal, fiscal), y0, ctx)
    else:
        y = _year_for(ref, m, ctx, fiscal)
    return half_period(y, h, ctx.cal, fiscal)


def _r_half_relative(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    rel_word = _norm(m.group("rel")).split()[-1]
    if rel_word == "the" and not ctx.has_context:
        return _REJECT
    y, q = quarter_of(ctx.call, ctx.cal)
    h = 1 if q <= 2 else 2
    if _REL_WORDS.get(rel_word, 0) == 1:
        y, h = (y, 2) if h == 1 else (y + 1, 1)
    return half_period(y, h, ctx.cal)


def _year_period_with_mod(ref: _YearRef, ctx: _Ctx, fiscal: bool, text: str) -> Period:
    """A year reference, turned into a part of the year by a time-of-year modifier (see module docstring)."""
    if ctx.mod in ("begin", "mid", "late"):
        if ref.system == "fiscal" and fiscal:
            y = _year_number(ref, ctx, True)
            return {"begin": quarter_period(y, 1, ctx.cal), "mid": half_period(y, 1, ctx.cal),
                    "late": quarter_period(y, 4, ctx.cal)}[ctx.mod]
        if ref.year is not None:
            y = ref.year
        elif ref.generic and ctx.mod == "mid":
            y = ctx.call.year if ctx.call <= date(ctx.call.year, 6, 30) else ctx.call.year + 1
        elif ref.system == "calendar" and text.startswith("the"):
            y = _the_calendar_year(ctx)
        else:
            y = ctx.call.year + ref.rel
        return {"begin": quarter_period(y, 1, ctx.cal, False), "mid": half_period(y, 1, ctx.cal, False),
                "late": quarter_period(y, 4, ctx.cal, False)}[ctx.mod]
    if not fiscal and ref.year is None and ref.system == "calendar" and text.startswith("the"):
        return year_period(_the_calendar_year(ctx), ctx.cal, False)
    return year_period(_year_number(ref, ctx, fiscal), ctx.cal, fiscal)


def _plausible_year(y: int, ctx: _Ctx) -> bool:
    return ctx.call.year - 20 <= y <= ctx.call.year + 30


def _r_year(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    text = m.group("yr")
    if text is None:                                   # "FY" on its own: this fiscal year
        return _year_period_with_mod(_YearRef(None, 0, "fiscal", False), ctx, True, "fy")
    ref = _parse_year_ref(text)
    if ref.generic and not ctx.has_context:
        return _REJECT
    if ref.year is not None:
        if not _plausible_year(ref.year, ctx):
            return _REJECT
        if re.fullmatch(r"\d{4}", text.strip()) and not ctx.prep and not ctx.mod and \
                _grammar().year_noise.match(ctx.text, ctx.end):
            return _REJECT                             # "2000 stores", "2025 million"
    if ref.generic and ctx.past and not ctx.mod and ctx.prep in ("for", "in", "during"):
        last = year_period(_fy_now(ctx) - 1, ctx.cal)
        if last.end and (ctx.call - last.end).days <= REPORTING_LAG_DAYS:
            return last
    return _year_period_with_mod(ref, ctx, _is_fiscal(ref), _norm(text))


def _r_year_end(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    fiscal = _is_fiscal(None, m.group("sys"))
    if m.group("yr"):
        ref = _parse_year_ref(m.group("yr"))
        fiscal = _is_fiscal(ref, m.group("sys"))
        if not _plausible_year(ref.year or ctx.call.year, ctx):
            return _REJECT
        return year_period(_year_number(ref, ctx, fiscal), ctx.cal, fiscal)
    rel = _REL_WORDS.get((m.group("rel") or "this").lower(), 0)
    return year_period((_fy_now(ctx) if fiscal else ctx.call.year) + rel, ctx.cal, fiscal)


def _r_mid_year(m: re.Match[str], ctx: _Ctx) -> Period:
    ref = _yref(m) or _YearRef(None, 0, None, True)
    return _year_period_with_mod(ref, replace(ctx, mod="mid"), _is_fiscal(ref), _norm(m.group("yr") or "the year"))


def _r_full_year(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    ref = _yref(m)
    fiscal = _is_fiscal(ref, m.group("sys"))
    if ref is None:
        if ctx.past:
            last = year_period(_fy_now(ctx) - 1, ctx.cal, fiscal)
            if last.end and (ctx.call - last.end).days <= REPORTING_LAG_DAYS:
                return last
        return year_period(_fy_now(ctx) if fiscal else ctx.call.year, ctx.cal, fiscal)
    if ref.year is not None and not _plausible_year(ref.year, ctx):
        return _REJECT
    return year_period(_year_number(ref, ctx, fiscal), ctx.cal, fiscal)


def _pick_year(month: int, day: int | None, ctx: _Ctx) -> int:
    """The year of a month (or month and day) said without one: see the module docstring."""
    def end_in(y: int) -> date:
        return date(y, month, min(day, _last_day(date(y, month, 1)).day)) if day else _last_day(date(y, month, 1))

    def start_in(y: int) -> date:
        return end_in(y) if day else date(y, month, 1)

    years = (ctx.call.year - 1, ctx.call.year, ctx.call.year + 1)
    if ctx.past or ctx.prep in ("as of", "as at"):
        return max(y for y in years if start_in(y) <= ctx.call)
    floor = ctx.call - timedelta(days=_MONTH_BACK_DAYS)
    return next(y for y in years if end_in(y) >= floor)


def _r_date(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    month = _grammar().months[m.group("mon").title()]
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return _REJECT
    y = int(m.group("y")) if m.group("y") else _pick_year(month, day, ctx)
    try:
        return day_period(date(y, month, day))
    except ValueError:
        return _REJECT


def _r_iso(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    try:
        return day_period(date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
    except ValueError:
        return _REJECT


def _r_month(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    month = _grammar().months[m.group("mon").title()]
    yr = m.group("yr")
    if not yr and not ctx.has_context:
        return _REJECT                  # "May" the verb, "March" at a sentence start
    if yr:
        ref = _parse_year_ref(yr)
        y = ref.year if ref.year is not None else ctx.call.year + ref.rel
    else:
        y = _pick_year(month, None, ctx)
    return month_period(y, month)


def _r_month_relative(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    if m.group("mend"):
        return month_period(ctx.call.year, ctx.call.month)
    rel_word = _norm(m.group("rel")).split()[-1]
    if rel_word == "the" and not ctx.has_context:
        return _REJECT
    d = add_months(ctx.call.replace(day=1), _REL_WORDS.get(rel_word, 0))
    return month_period(d.year, d.month)


def _count(word: str | None) -> float | None:
    if not word:
        return None
    w = _norm(word)
    try:
        return float(w)
    except ValueError:
        return _grammar().counts.get(w)


def _r_duration(m: re.Match[str], ctx: _Ctx) -> Period | None | _Reject:
    g = _grammar()
    prep, direction = (m.group("prep") or "").lower(), _norm(m.group("dir") or "")
    n_word, n2_word, unit = m.group("n"), m.group("n2"), m.group("unit").lower()
    if direction in g.backward:
        return _REJECT                  # "the last 12 months": a past span, not a deadline
    if not n_word and not direction:
        return _REJECT                  # "for the year", "during the quarter": not durations
    if not prep and not direction and not m.group("tail"):
        return _REJECT                  # "a year ago", "12 months ended"
    if prep == "for" and not direction:
        return _REJECT                  # "for five years" is usually the past
    vague = {_norm(w) for w in (n_word, n2_word) if w} & g.vague_counts
    if vague and not (vague <= g.rough_counts.keys() and unit.rstrip("s") in g.rough_units and not n2_word):
        return None
    if vague:
        # "over the next few months": a near promise, dated by the rough count
        return day_period(_add_span(ctx.call, g.rough_counts[vague.pop()], unit.rstrip("s")), start=ctx.call)
    if not n_word:
        if unit.endswith("s"):
            return None                 # "in the coming quarters"
        if unit != "year" or not prep:
            return _REJECT              # "the next quarter" is a fiscal quarter, resolved elsewhere
        n = 1.0
    else:
        n = max(x for x in (_count(n_word), _count(n2_word)) if x is not None)
    orso = (m.group("orso") or "").lower()
    if unit == "years" and direction in g.year_plans and n_word and not n2_word and not orso and n == int(n) >= 2:
        # "we plan capex of $6 to $7 billion across the coming four years": a plan of whole years, this
        # one included, ends with the last of them
        return year_period(_fy_now(ctx) + int(n) - 1, ctx.cal)
    n = max(n, {"two": 2.0, "three": 3.0}.get(orso, 0.0))
    return day_period(_add_span(ctx.call, n, unit.rstrip("s")), start=ctx.call)


def _add_span(d: date, n: float, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=round(n))
    if unit == "week":
        return d + timedelta(days=round(7 * n))
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    whole = int(months)
    return add_months(d, whole) + timedelta(days=round((months - whole) * 30))


def _season_in(name: str, year: int) -> tuple[date, date]:
    """The season `name` that starts in `year`."""
    (fm, fd), (lm, ld) = _grammar().seasons[name]
    first = date(year, fm, fd)
    last = date(year + 1 if (lm, ld) < (fm, fd) else year, lm, ld)
    return first, last


def _r_season(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    """"this fall", "in the spring of 2026", "the holiday season", "next summer": a span ending on the season's
    last day, labelled by that date."""
    name, rel = _norm(m.group("season")), _norm(m.group("rel") or "")
    yr = m.group("yr")
    if not (rel or yr or ctx.has_context):
        return _REJECT                  # "sales may fall": a verb
    call = ctx.call
    if yr:
        first, last = _season_in(name, int(yr))
    else:
        seasons = [_season_in(name, y) for y in (call.year - 1, call.year, call.year + 1)]
        if rel in ("last", "this past") or ctx.past:
            ended = [s for s in seasons if s[1] < call]
            if not ended:
                return _REJECT
            first, last = ended[-1]
        elif rel == "next":
            first, last = next(s for s in seasons if s[0] > call)
        elif rel == "this":
            current = [s for s in seasons if s[0] <= call <= s[1]]
            first, last = current[0] if current else _season_in(name, call.year)
        else:
            first, last = next(s for s in seasons if s[1] >= call)
    return day_period(last, start=first)


def _r_holiday(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    """"by Labor Day", "in time for Thanksgiving 2026", "over Memorial Day" (past): the named day itself, the
    next one not yet past unless the sentence looks back or a year is given."""
    name, rel = _norm(m.group("holiday")), _norm(m.group("rel") or "")
    if not (rel or m.group("yr") or ctx.has_context):
        return _REJECT                  # a name in passing ("our Black Friday event") dates nothing
    call = ctx.call
    if m.group("yr"):
        day = holidays()[name].in_year(int(m.group("yr")))
    elif rel in ("last", "this past") or ctx.past:
        day = last_holiday(name, call)
    elif rel == "next" and next_holiday(name, call) == call:
        day = next_holiday(name, call + timedelta(days=1))
    else:
        day = next_holiday(name, call)
    return day_period(day)


def _r_decade(m: re.Match[str], ctx: _Ctx) -> Period | _Reject:
    """"by the end of the decade": the call's decade (the 2020s end 2029-12-31); "the next decade" is ten years
    from the call; "the past decade" is no deadline."""
    rel = _norm(m.group("rel") or "")
    years = _grammar().decade_years
    if rel in ("the past", "last"):
        return _REJECT
    if rel in ("the next", "next", "the coming"):
        return day_period(add_months(ctx.call, 12 * years), start=ctx.call)
    if rel == "the" and not ctx.has_context:
        return _REJECT
    first = ctx.call.year - ctx.call.year % years
    return day_period(date(first + years - 1, 12, 31), start=date(first, 1, 1))


def _r_vague(m: re.Match[str], ctx: _Ctx) -> None:
    return None


# --- public API ------------------------------------------------------------------------------------------


def _scan(text: str, call_date: date, cal: FiscalCalendar, past: bool, lenient: bool) -> list[PeriodMatch]:
    g = _grammar()
    low = text.lower()
    same_length = len(low) == len(text)     # lower() keeps offsets (true except for a few non-ASCII letters)
    gate_open: dict[str, bool] = {}
    found: list[tuple[int, int, int, Period | None]] = []
    for prio, core in enumerate(g.cores):
        is_open = gate_open.get(core.gate)
        if is_open is None:
            is_open = gate_open[core.gate] = g.gates[core.gate].opens(text, low)
        if not is_open:
            continue
        matches = core.lower.finditer(low) if core.lower is not None and same_length else core.regex.finditer(text)
        for m in matches:
            s, e = m.span()
            if s == e:
                continue
            prep, mod, ps = "", "", s
            window = max(0, s - 48)
            pm = (g.prefix if core.takes_mod else g.prep_only).search(text, window, s)
            if pm and pm.start() < s:
                prep = _norm(pm.group("prep") or "")
                mod = g.mod_kinds.get(_norm(pm.groupdict().get("mod") or ""), "")
                ps = pm.start()
            ctx = _Ctx(text, e, call_date, cal, past, prep, mod, lenient)
            result = core.resolve(m, ctx)
            if isinstance(result, _Reject):
                continue
            if prep in ("beyond", "after") and result is not None:
                result = _rest_of_year(result, cal)     # "beyond fiscal Q2": the rest of that year
            found.append((ps, e, prio, result))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    chosen: list[tuple[int, int, int, Period | None]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f[0])
    out = []
    for s, e, _, period in chosen:
        phrase = text[s:e]
        out.append(PeriodMatch(s, e, phrase, replace(period, phrase=phrase) if period else None))
    return out


def _rest_of_year(period: Period, cal: FiscalCalendar) -> Period:
    """What follows a quarter within its year: after Q2 the second half, after Q3 the fourth quarter."""
    m = re.fullmatch(r"(FY)?(\d{4})-Q([1-3])", period.label)
    if m is None:
        return period
    year, q, fiscal = int(m.group(2)), int(m.group(3)), period.fiscal
    if q == 2:
        return half_period(year, 2, cal, fiscal)
    if q == 3:
        return quarter_period(year, 4, cal, fiscal)
    whole = year_period(year, cal, fiscal)
    return replace(whole, start=quarter_start(year, 2, cal, fiscal))


def find_periods(text: str, call_date: date, cal: FiscalCalendar, *, past: bool = False) -> list[PeriodMatch]:
    """Period phrases in one sentence: longest non-overlapping matches, in text order.

    past=True reads bare mentions ("Q4", "the quarter", "this quarter", "for the full year") as the most
    recently ended period, for sentences that report results rather than look ahead.
    """
    return _scan(text, call_date, cal, past, lenient=False)


def resolve_period(phrase: str, call_date: date, cal: FiscalCalendar, *, past: bool = False) -> Period | None:
    """Resolve one period phrase; None for a vague one; PeriodError when it is no period phrase at all."""
    matches = _scan(phrase, call_date, cal, past, lenient=True)
    if not matches:
        raise PeriodError(f"'{phrase}' is not a period phrase")
    best = max(matches, key=lambda pm: pm.end - pm.start)
    return best.period
