"""Discourse frames: the outlook section of a call read as a unit.

A CFO says "Now for our outlook for the second quarter." and then "Revenue is expected to be $410 million,
plus or minus 3%." and "Gross margin is expected to be about 52%." The later sentences name no period: the
header does. A `Frame` holds what such a header sets (period, scope, metrics, basis) and `FrameReader` carries
it to the sentences that need it, one speaker's turn at a time:

- a header sets the frame: "Turning to our outlook for the fourth quarter", "Now to our full-year guidance.",
  "Our outlook for Q3 is as follows", "For the coming quarter, we anticipate ...";
- a lead-in with no verb after it ("For 2026, we now expect the following. Sales growth of 2% to 3%; EPS of
  $4.10 to $4.30") makes each item of the list that follows its own guidance;
- a business line fronted ("In Industrial Gases, we expect revenue of ...", "For our Marine segment, ...")
  scopes what follows, until another line or "Now back to company guidance.";
- an aside ("Looking past this quarter, for the balance of the year, ...", "For the full year, ...") inside a
  section dates its own sentence only; the sentence's own period always wins over the frame; "looking past"
  asides never lend their period, "for the full year" ones do outside a section (see below);
- the frame ends with another frame, a change of topic ("Now to the results.", a report of past results,
  "That covers our results; over to Q&A ...", questions) or the end of the speaker's turn.

Without a header, a guidance sentence with one future period still lends it to the sentences right after it
in the same paragraph ("We expect Q2 revenue of $80 million. Gross margin should be about 40%."); that weaker
carry never crosses a paragraph and never starts from an aside.

The words live in `tracker/data/frames.toml`, checked when loaded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import FiscalCalendar, Period, PeriodSource, Sentence
from tracker.periods import PeriodMatch, find_periods
from tracker.vocab.phrase_regex import phrase_pattern
from tracker.extraction.sentence_facts import SentenceFacts, is_future
from tracker.vocab.finders import metric_finder, scope_finders
from tracker.vocab.regex_cache import compile_cached
from tracker.fast_init import fast_init

# --- the words ---------------------------------------------------------------------------------------------

_SCHEMA = {
    "headers": {"outlook_nouns", "backward", "openers", "preambles", "lead_in_endings", "fronting", "period_starts",
                "basis"},
    "asides": {"openers", "in_section"},
    "ends": {"openers", "anywhere"},
    "scopes": {"not_scope", "line_nouns", "not_subject", "not_in_name", "whole_company", "name_connectors"},
}
_PHRASE = compile_cached(r"^[a-z0-9&'.\-]+(?: [a-z0-9&'.\-]+)*$")


def validate(data: dict) -> dict[str, dict[str, list[str]]]:
    """Every table and key of frames.toml is known, every value a non-empty list of distinct lower-case
    phrases: a typo in the data is an error, not a silently dead rule."""
    unknown = set(data) - set(_SCHEMA)
    if unknown:
        raise LexiconError(f"frames.toml: unknown table {sorted(unknown)[0]!r}")
    for table, keys in _SCHEMA.items():
        section = data.get(table)
        if not isinstance(section, dict):
            raise LexiconError(f"frames.toml: table [{table}] is missing")
        if set(section) != keys:
            odd = sorted(set(section) ^ keys)[0]
            raise LexiconError(f"frames.toml: [{table}] {odd!r} is unknown or missing")
        for key, words in section.items():
            if not isinstance(words, list) or not words:
                raise LexiconError(f"frames.toml: [{table}] {key} must be a non-empty list")
            for w in words:
                if not isinstance(w, str) or not _PHRASE.match(w):
                    raise LexiconError(f"frames.toml: [{table}] {key}: {w!r} is not a lower-case phrase")
            if len(set(words)) != len(words):
                dup = next(w for w in words if words.count(w) > 1)
                raise LexiconError(f"frames.toml: [{table}] {key}: {dup!r} is listed twice")
    return data


@dataclass(frozen=True)
class _Words:
    outlook: re.Pattern[str]
    backward: re.Pattern[str]
    opener: re.Pattern[str]
    lead_in: tuple[str, ...]
    fronted: re.Pattern[str]
    aside: re.Pattern[str]            # asides anywhere
    section_aside: re.Pattern[str]    # asides, and the phrases that are asides only inside a section
    end_open: re.Pattern[str]
    end_any: re.Pattern[str]
    line_noun: re.Pattern[str]
    not_scope: frozenset[str]
    not_subject: frozenset[str]
    not_in_name: frozenset[str]
    whole_company: re.Pattern[str]
    period_starts: frozenset[str]
    basis: re.Pattern[str]
    connectors: frozenset[str]
    proper: re.Pattern[str]           # a capitalised name: "More Personal Computing", "M365 Commercial Cloud"
    starters: frozenset[str]          # first words of every sentence-opening phrase: a cheap gate
    preamble_starts: frozenset[str]   # first words of the preambles, looked past by the gate
    outlook_keys: tuple[str, ...]     # cheap substring gates before the unanchored searches
    end_keys: tuple[str, ...]
    any_keys: tuple[str, ...]         # both: most sentences hold none
    lead_in_last: tuple[str, ...]     # the last words of the lead-in endings
    lead_in_tails: frozenset[str]     # their last letters (both cases), and the colon


@cache
def _frame_words() -> _Words:
    data = validate(load("frames"))
    h = data["headers"]
    pre = rf"^\W*(?:(?:{phrase_pattern(h['preambles'])})[,]?\s+)*"
    return _Words(
        outlook=compile_cached(phrase_pattern(h["outlook_nouns"]), re.I),
        backward=compile_cached(rf"(?:{phrase_pattern(h['backward'])})\s+(?:[\w'-]+\s+){{0,2}}$", re.I),
        opener=compile_cached(pre + rf"(?:{phrase_pattern(h['openers'])})", re.I),
        lead_in=tuple(h["lead_in_endings"]),
        fronted=compile_cached(pre + rf"(?:{phrase_pattern(h['fronting'])})\s+", re.I),
        aside=compile_cached(pre + rf"(?:{phrase_pattern(data['asides']['openers'])})", re.I),
        section_aside=compile_cached(
            pre + rf"(?:{phrase_pattern(data['asides']['openers'] + data['asides']['in_section'])})", re.I),
        end_open=compile_cached(pre + rf"(?:{phrase_pattern(data['ends']['openers'])})", re.I),
        end_any=compile_cached(phrase_pattern(data["ends"]["anywhere"]), re.I),
        line_noun=compile_cached(rf"\s+(?:{phrase_pattern(data['scopes']['line_nouns'])})$", re.I),
        not_scope=frozenset(data["scopes"]["not_scope"]),
        not_subject=frozenset(data["scopes"]["not_subject"]),
        not_in_name=frozenset(data["scopes"]["not_in_name"]),
        period_starts=frozenset(h["period_starts"]),
        basis=compile_cached(phrase_pattern(h["basis"]), re.I),
        connectors=frozenset(data["scopes"]["name_connectors"]),
        proper=compile_cached(r"(?:[A-Z0-9][\w&'./+-]*)(?:\s+(?:(?:" + phrase_pattern(data["scopes"]["name_connectors"])
                          + r")\s+)?[A-Z0-9][\w&'./+-]*)*"),
        whole_company=compile_cached(rf"(?:the\s+|our\s+)?(?:{phrase_pattern(data['scopes']['whole_company'])})",
                                 re.I),
        starters=frozenset(p.split()[0] for key in ("openers", "fronting") for p in h[key])
        | frozenset(p.split()[0] for p in data["asides"]["openers"] + data["asides"]["in_section"]
                    + data["ends"]["openers"]),
        preamble_starts=frozenset(p.split()[0] for p in h["preambles"]),
        outlook_keys=_keys(h["outlook_nouns"]),
        end_keys=_keys(data["ends"]["anywhere"]),
        any_keys=_keys(h["outlook_nouns"]) + _keys(data["ends"]["anywhere"]),
        lead_in_last=tuple({e.split()[-1] for e in h["lead_in_endings"]}),
        lead_in_tails=frozenset({e[-1] for e in h["lead_in_endings"]} | {e[-1].upper() for e in h["lead_in_endings"]}
                                | {":"}),
    )


def _keys(phrases: list[str]) -> tuple[str, ...]:
    """The longest word of each phrase, less any that holds a shorter key: a sentence holding none of them
    cannot match any phrase, so the costlier search is skipped."""
    longest = {max(p.replace("-", " ").split(), key=len) for p in phrases}
    return tuple(sorted(k for k in longest if not any(o != k and o in k for o in longest)))


def _holds(low: str, keys: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, keys))


# --- frames ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """What a header set, carried to the sentences after it."""
    period: Period | None
    start: int | None = None          # character offset of the sentence that set the period
    scope: str | None = None          # the business line a fronted "In X, ..." set
    metrics: tuple[str, ...] = ()     # the metrics the section is about ("Turning to gross margin, ...")
    basis: str | None = None          # "non-gaap" when the header says so
    explicit: bool = False            # opened by a header or lead-in, not carried from a guidance sentence
    listing: bool = False             # opened by a lead-in ("... as follows"): items follow
    from_fronted: bool = False        # the period came from a fronted "For Q3, ..." (a later one may move it)


@fast_init
@dataclass(frozen=True)
class Reading:
    """What the discourse says about one sentence."""
    frame: Frame | None                    # the frame that applies to it
    own_scope: str | None = None           # the business line it names for itself ("In X, ...", "X revenue")
    fronted: bool = False                  # ... fronted ("In X, ..."), which beats any lexicon word after it
    items: tuple[tuple[int, int], ...] = ()  # list items (offsets into the sentence) of a guidance list


_NO_FRAME = Reading(None)


@dataclass(frozen=True)
class _Start:
    """How a sentence opens: an opener ("Turning to ..."), a fronting preposition ("For ...", "In ...")."""
    opener: re.Match[str] | None = None
    fronted: re.Match[str] | None = None


_NO_START = _Start()


@dataclass(frozen=True)
class _Cue:
    """What the cheap tests found in a sentence, handed to the header reader."""
    low: str                  # the sentence in lower case
    opens: bool               # its first word may start a frame phrase
    keyed: bool               # it holds an outlook or hand-over word
    lead_in: bool             # it ends announcing a list
    start: _Start
_DIGIT = compile_cached(r"\d")
# a number or a period code standing for a period: "2025", "31st", "q3", "fy26", "fy'26", "3q25"
_PERIOD_TOKEN = compile_cached(r"(?:\d{1,4}(?:st|nd|rd|th)?|[qh][1-4](?:'?\d{2,4})?|[1-4][qh](?:'?\d{2,4})?|"
                           r"[fc]y'?\d{2,4})")


def _period_word(word: str, w: _Words) -> bool:
    """A word a period phrase may start with or be made of: "the", "fiscal", "march", "2025", "q3"."""
    return word in w.period_starts or word in _months() or bool(_PERIOD_TOKEN.fullmatch(word))


def _next_word(low: str, pos: int) -> str:
    """The lower-case word at `pos` ("the" in "for the coming quarter")."""
    m = _WORD_AT.match(low, pos)
    return m.group(0) if m else ""


_WORD_AT = compile_cached(r"[\w'-]+")


@cache
def _months() -> frozenset[str]:
    return frozenset(m.lower() for m in load("periods")["months"])


_FIRST_WORDS = compile_cached(r"\W*([\w'&]+)(?:\W+([\w'&]+))?(?:\W+([\w'&]+))?(?:\W+([\w'&]+))?")


def _may_open(low: str, w: _Words) -> bool:
    """Whether the sentence's first word, past any preamble ("And now, ..."), can start a frame phrase."""
    m = _FIRST_WORDS.match(low)
    for word in m.groups() if m else ():
        if word is None or word in w.starters:
            return word is not None
        if word not in w.preamble_starts:
            return False
    return False


_NAME_TOKEN = compile_cached(r"[A-Za-z0-9][\w&'./+-]*")


class FrameReader:
    """Reads one call's company turns sentence by sentence and says which frame each sentence stands in.

    Call `new_turn()` at each speaker turn, `read()` before building a sentence's claims and `carry()` once
    they are built."""

    def __init__(self, text: str, call_date: date, cal: FiscalCalendar, *, company: str | None = None,
                 ticker: str | None = None):
        self.text = text
        self.call_date = call_date
        self.cal = cal
        # "Fernhill revenue" is the company's own, not a business line's
        self.own_names = frozenset(n.split()[0].lower() for n in (company, ticker) if n and n.split())
        self.frame: Frame | None = None
        self.last_end: int | None = None
        self._seen: dict[str, list[PeriodMatch]] = {}

    def new_turn(self) -> None:
        """A frame holds until the end of the speaker's turn."""
        self.frame = None
        self.last_end = None

    def interrupt(self) -> None:
        """A question or boilerplate: whatever frame was open is closed."""
        self.frame = None

    # -- before the sentence's claims -------------------------------------------------------------------

    def read(self, sentence: Sentence, facts: SentenceFacts) -> Reading:
        """The frame `sentence` stands in, after what the sentence itself does to it (opens, ends, scopes)."""
        text = sentence.text
        w = _frame_words()
        if self.frame is not None and not self.frame.explicit and self._new_paragraph(sentence):
            self.frame = None         # a carried period never crosses a paragraph
        self.last_end = sentence.end
        low = text.lower()
        opens = _may_open(low, w)     # may open with a frame phrase
        start = _Start(w.opener.match(text), w.fronted.match(text)) if opens else _NO_START
        keyed = any(map(low.__contains__, w.any_keys))   # may hold an outlook or hand-over phrase
        if opens and w.end_open.match(text) or keyed and _holds(low, w.end_keys) and w.end_any.search(text):
            self.frame = None         # "That covers our results; over to Q&A ...": the section is over
            return _NO_FRAME
        own_scope, fronted_end = self._fronted_scope(text, start.fronted) if start.fronted else (None, None)
        if own_scope is None and facts.metrics:
            own_scope = self._subject_scope(text, facts)
        # a header needs an opener or fronted phrase, an outlook word or a lead-in ending: most sentences have none
        lead_in = _lead_in(text, w)
        header = self._header(sentence, facts, _Cue(low, opens, keyed, lead_in, start)) if (
            opens or keyed or lead_in) else None
        if header is not None:
            self.frame = header
        elif self.frame is not None and self._leaves_topic(text, facts, start.opener):
            self.frame = None
        topic = self._topic_metrics(text, facts, start.opener) if start.opener and facts.metrics else ()
        if topic:
            # "Turning to gross margin, ...": the figures after it that name no metric are gross margin
            self.frame = replace(self.frame or Frame(None), metrics=topic)
        if (start.fronted and own_scope is None and self.frame is not None and self.frame.scope
                and w.whole_company.match(text, start.fronted.end())):
            self.frame = replace(self.frame, scope=None)     # "For the total company, ...": no line any more
        if own_scope is not None and fronted_end is not None and facts.forward_looking:
            # "In Industrial Gases, we expect revenue of ...": the line scopes what follows
            base = self.frame or Frame(None, explicit=False)
            self.frame = replace(base, scope=own_scope)
        items: tuple[tuple[int, int], ...] = ()
        if ";" in text:
            items = self._inline_list(sentence, facts)
            if not items and self.frame is not None and self.frame.listing:
                items = _items(text, 0)
        return Reading(self.frame, own_scope, fronted_end is not None, items)

    def _inline_list(self, sentence: Sentence, facts: SentenceFacts) -> tuple[tuple[int, int], ...]:
        """"For the third quarter, we expect: revenue of $420 million to $440 million; gross margin of 51% to
        52%; and operating expenses of about $96 million.": a lead-in and its list in one sentence. The words
        before the colon frame the items when they name one period to come."""
        text = sentence.text
        colon = text.find(":")
        if colon < 0 or ";" not in text[colon:]:
            return ()
        items = _items(text, colon + 1)
        future = self._future(self._scan_once(text[:colon]))
        if items and len({p.period.label for p in future}) == 1:
            cur = self.frame
            self.frame = Frame(future[0].period, sentence.start, scope=cur.scope if cur else None, explicit=True,
                               listing=True)
        return items

    def _new_paragraph(self, sentence: Sentence) -> bool:
        if self.last_end is None:
            return False
        return "\n" in self.text[self.last_end:sentence.start]

    def _names_period(self, name: str) -> bool:
        """A capitalised name that is a period ("Q4", "January 2025", "FY26"): every word of it is a period word
        or a number; one other word ("Dynamics 365") makes it a name."""
        words = [t.lower().strip(".,'") for t in name.split()]
        w = _frame_words()
        return bool(words) and all(_period_word(t, w) for t in words)

    def _periods(self, text: str, facts: SentenceFacts) -> list[PeriodMatch]:
        return facts.periods or self._scan_once(text)

    def _scan_once(self, text: str) -> list[PeriodMatch]:
        """Periods of a text the sentence reading did not scan; short names ("Q4", "2025") recur, so remembered."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = find_periods(text, self.call_date, self.cal)
        return found

    def _future(self, periods: list[PeriodMatch]) -> list[PeriodMatch]:
        return [p for p in periods if p.period is not None and is_future(p.period, self.call_date)]

    def _header(self, sentence: Sentence, facts: SentenceFacts, cue: _Cue) -> Frame | None:
        """The frame a header sentence opens, or None when the sentence is no header."""
        text, low = sentence.text, cue.low
        w = _frame_words()
        lead_in, opener, fronted = cue.lead_in, cue.start.opener, cue.start.fronted
        # safe-harbor text names the outlook without opening one ("... our outlook for the year ...")
        nouns = [m for m in w.outlook.finditer(text) if not w.backward.search(text[max(0, m.start() - 40):m.start()])
                 ] if cue.keyed and _holds(low, w.outlook_keys) and (opener or not facts.boilerplate) else []
        if not (lead_in or opener or nouns or fronted):
            return None
        aside = w.section_aside.match(text) if cue.opens else None
        basis = w.basis.search(text) if lead_in or nouns else None
        basis_name = basis.group(0).lower().replace(" ", "-") if basis else None
        cur = self.frame
        if lead_in and not facts.figures:
            # "For fiscal 2026, we now expect the following:", "Our guidance for Q3 is as follows."
            future = self._future(self._periods(text, facts))
            period = future[0].period if future else (cur.period if cur else None)
            set_at = sentence.start if future or cur is None else cur.start
            return Frame(period, set_at, basis=basis_name or (cur.basis if cur else None), explicit=True,
                         listing=True)
        if nouns and not aside and (opener or self._short_header(text, facts) or self._noun_dated(text, nouns, facts)):
            future = self._future(self._periods(text, facts))
            if future and len({p.period.label for p in future}) == 1:
                return Frame(future[0].period, sentence.start, basis=basis_name, explicit=True)
            if not future:
                # "Next, to segment guidance.", "Now back to company guidance.": same period, no line
                if cur is not None and cur.explicit:
                    return Frame(cur.period, cur.start, basis=basis_name or cur.basis, explicit=True,
                                 listing=cur.listing, from_fronted=cur.from_fronted)
                return Frame(None, None, basis=basis_name, explicit=True)
            return None
        if fronted and not aside and facts.forward_looking and _period_word(_next_word(low, fronted.end()), w):
            # "For the coming quarter, we anticipate ...": a period fronted before the promise
            periods = self._periods(text[:fronted.end() + 60], facts)
            first = next((p for p in periods if p.start >= fronted.start() and p.start <= fronted.end() + 4), None)
            if first is None or first.period is None or not is_future(first.period, self.call_date):
                return None
            if cur is not None and cur.explicit and cur.period is not None and not cur.from_fronted:
                return None           # inside a header's section a fronted period is an aside
            return Frame(first.period, sentence.start, scope=cur.scope if cur else None,
                         metrics=cur.metrics if cur else (), explicit=True, from_fronted=True)
        return None

    @staticmethod
    def _short_header(text: str, facts: SentenceFacts) -> bool:
        """A short sentence with no figure about the outlook is a header ("Now to our full-year guidance.")."""
        return not facts.figures and len(text.split()) <= 16

    def _noun_dated(self, text: str, nouns: list[re.Match[str]], facts: SentenceFacts) -> bool:
        """The outlook noun names its period ("our guidance for fiscal Q2", "our 2026 outlook")."""
        for p in self._future(self._periods(text, facts)):
            if any(-30 <= n.start() - p.end <= 30 or -30 <= p.start - n.end() <= 30 for n in nouns):
                return True
        return False

    def _leaves_topic(self, text: str, facts: SentenceFacts, m: re.Match[str] | None) -> bool:
        """A change of topic closes the frame: an opener to something that is neither the outlook, a metric
        nor a business line ("Now to the results.", "Turning to slide 9."), or a report of past results."""
        if self.frame is None:
            return False
        w = _frame_words()
        if m:
            rest = text[m.end():m.end() + 60]
            named = metric_finder().search(rest) or any(f.search(rest) for f in scope_finders())
            line = _line_name(re.split(r"[,.;:]", rest, maxsplit=1)[0].strip(), w)
            if not named and not w.outlook.search(rest) and line is None:
                return True
            if named and facts.fact_verbs and not facts.forward_looking:
                return True
        if facts.fact_verbs and not facts.forward_looking and facts.figures:
            return True               # "Revenue in the quarter was $4.1 billion."
        return False

    def _topic_metrics(self, text: str, facts: SentenceFacts, m: re.Match[str]) -> tuple[str, ...]:
        """The metrics a turn of topic names ("Turning to gross margin, ...", "Now to our revenue outlook for
        Q3."): the words between the opener and the first comma, when no figure stands there."""
        if not facts.metrics:
            return ()
        stop = next((i for i in (text.find(",", m.end()), len(text)) if i >= 0), len(text))
        if any(f.quantity.start < stop for f in facts.figures):
            return ()
        return tuple(dict.fromkeys(t.name for t in facts.metrics if m.end() <= t.start < stop))

    # -- scopes -----------------------------------------------------------------------------------------

    def _fronted_scope(self, text: str, m: re.Match[str]) -> tuple[str | None, int | None]:
        """"In Industrial Gases, we expect ...", "For our Marine segment, ...": the business line fronted, and
        the offset of the comma that closes it."""
        w = _frame_words()
        comma = text.find(",", m.end(), m.end() + 70)
        if comma < 0:
            return None, None
        name = _line_name(text[m.end():comma].strip(), w)
        if name is None or self._names_period(text[m.end():comma]):
            return None, None            # "In Q3, ...", "For fiscal 2026, ..." name a period, not a line
        return name, comma

    def _subject_scope(self, text: str, facts: SentenceFacts) -> str | None:
        """"Marine Systems revenue should grow ...": a name opening the sentence, right before its first metric.
        It is a name only when written as one (capitalised beyond its first word, or an acronym in it) and
        holds no cue, pronoun or verb ("We currently estimate total revenue" names no business line)."""
        if not facts.metrics or not facts.figures and not facts.direction:
            return None
        first = min(facts.metrics, key=lambda t: t.start)
        if first.start == 0 or first.start > 60 or any(t.start < first.start for t in facts.forward + facts.fact_verbs):
            return None
        tokens = text[:first.start].split()
        w = _frame_words()
        while tokens and tokens[0].lower() in w.not_subject:
            tokens = tokens[1:]
        if not tokens or len(tokens) > 7 or not tokens[0][:1].isupper():
            return None
        if any(not _NAME_TOKEN.fullmatch(t) or t.lower() in w.not_in_name for t in tokens):
            return None
        if tokens[-1].lower() in w.connectors:
            return None
        if not any(t[:1].isupper() or t[:1].isdigit() for t in tokens[1:] or tokens):
            return None               # "Overall search revenue": a name is written as one beyond its first word
        phrase = " ".join(tokens)
        if tokens[0].lower().removesuffix("'s") in self.own_names or self._names_period(phrase):
            return None
        return phrase.lower()

    # -- after the sentence's claims ------------------------------------------------------------------------

    def carry(self, sentence: Sentence, facts: SentenceFacts, found: bool) -> None:
        """Carry the period on: a header's frame stays; otherwise a guidance sentence with one future period
        lends it to the next ones ("We expect Q2 revenue of $80 million. Gross margin should be 40%.")."""
        cur = self.frame
        future = [p.period for p in facts.periods if p.period and is_future(p.period, self.call_date)
                  ] if facts.periods else []
        if cur is not None and cur.explicit:
            if cur.period is None and found and len({p.label for p in future}) == 1 and not \
                    _frame_words().aside.match(sentence.text):
                # "Now turning to guidance. We expect Q3 revenue of ...": the first dated guidance dates it
                self.frame = replace(cur, period=future[0], start=sentence.start)
            return
        # a line or a topic named before stays; a carried period goes with a report of fact
        kept = Frame(None, scope=cur.scope, metrics=cur.metrics) if cur and (cur.scope or cur.metrics) else None
        if facts.fact_verbs:
            self.frame = kept
            return
        if facts.periods:
            aside = _frame_words().aside.match(sentence.text)
            if len(future) == 1 and (found or facts.forward_looking) and not aside:
                self.frame = replace(kept or Frame(None), period=future[0], start=sentence.start)
            else:
                self.frame = kept
            return
        if not (found or facts.forward_looking):
            self.frame = kept


_TRAILING = " \t.;\"'”’)"


def _lead_in(text: str, w: _Words) -> bool:
    """The sentence announces a list: it ends with a colon or "as follows" / "the following"."""
    tail = text.rstrip(_TRAILING)
    if tail[-1:] not in w.lead_in_tails:
        return False                  # the cheap test: the last letter of no ending, nor a colon
    if tail.endswith(":"):
        return True
    tail = tail[-30:].lower()
    if not tail.endswith(w.lead_in_last):
        return False
    return any(tail.endswith(e) and (len(tail) == len(e) or not tail[-len(e) - 1].isalnum()) for e in w.lead_in)


def _line_name(phrase: str, w: _Words) -> str | None:
    """The business line a fronted phrase names, lower case; None when it names none ("In addition")."""
    words = phrase.split()
    if words and words[0].lower() in ("our", "the"):
        words = words[1:]
    if not words or len(words) > 7:
        return None
    joined = " ".join(words)
    noun = w.line_noun.search(" " + joined)
    if noun:
        name = " ".join(joined.split()[:-len(noun.group(0).split())])
        if name and name.lower() not in w.not_scope and all(_NAME_TOKEN.fullmatch(t) for t in name.split()):
            return name.lower()
        return None
    if joined.lower() in w.not_scope or words[0].lower() in w.not_scope:
        return None
    if not _proper_name(joined) or len(_proper_name(joined)) != len(joined):
        return None
    return joined.lower()


def _proper_name(text: str) -> str:
    """The capitalised name at the start of `text` ("More Personal Computing", "M365 Commercial Cloud")."""
    m = _frame_words().proper.match(text.strip())
    return m.group(0) if m else ""


_ITEM_SPLIT = compile_cached(r";\s*(?:and\s+)?")


def _items(text: str, pos: int) -> tuple[tuple[int, int], ...]:
    """The items of a guidance list written as one sentence, from `pos` on: "Sales growth of 2% to 3%; EPS of
    $4.10 to $4.30"."""
    out = []
    for m in _ITEM_SPLIT.finditer(text, pos):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return tuple(out) if len(out) > 1 else ()


def period_source(period: Period | None, frame: Frame | None,
                  facts: SentenceFacts) -> tuple[PeriodSource | None, int | None]:
    """Where a claim's period came from: the sentence ("in fiscal 2026"), a frame (with the offset of the
    sentence that set it), or the call date (a phrase with no year, "next quarter", "the fourth quarter",
    that only the call's date places)."""
    if period is None:
        return None, None
    framed = frame is not None and frame.period is not None and (
        period is frame.period or not facts.periods and period.label == frame.period.label)
    if framed and not any(p.period is period for p in facts.periods):
        return PeriodSource.FRAME, frame.start
    own = [p for p in facts.periods if p.period is period or (p.period is not None and p.period.label == period.label)]
    phrases = [p.phrase for p in own] or [period.phrase]
    named = any(_DIGIT.search(ph) for ph in phrases)
    return (PeriodSource.SENTENCE if named else PeriodSource.CALL_DATE), None
