"""tracker.vocab.quick_start: a look-ahead for a pattern's first characters never changes what it finds."""
from __future__ import annotations

import re

import pytest

from tracker.periods import _grammar
from tracker.vocab.patterns import _all
from tracker.vocab.quick_start import compile_quick, quick_start

# invented sentences with periods, figures, hedges and punctuation of every kind
SENTENCES = [
    "We expect revenue of $120 to $150 million in Q3 fiscal 2026, up 12% year-over-year.",
    "For the second half of the year, gross margin should be roughly flat versus last year's 41.5%.",
    "Shipments of the Falcon X2 begin in early 2027; FY'26 capex of about 2.4 billion euros is unchanged.",
    "Over the next few years, by the end of the decade, we will open 40 stores (compared to 32 in 2024).",
    "Non-GAAP EPS is expected between 1.10 and 1.25 dollars — not including a one-time charge of 8 cents.",
    "THIS YEAR'S outlook: mid-single-digit growth; the 4th quarter ends on December 31, 2025.",
    "",
    "   ",
    "Kelvin \u212a and long \u017f and ÉTÉ 2026 and 'twenty-six' and 3Q25 and H2 and CY2025.",
]


@pytest.mark.parametrize("pattern, flags, bounded", [
    (r"(?<!\w)(?:this|next) year", re.I, True),
    (r"\d+%|\$\d", 0, True),
    (r"(?-i:FY)|fiscal", re.I, True),
    (r"a?b", 0, True),
    (r"a*", 0, False),            # may match the empty string: left as it is
    (r"[^a]b", 0, False),         # a negated class bounds nothing
    (r".x", 0, False),
    (r"(a)\1", 0, True),
    (r"(?i)year", 0, False),      # a global inline flag must stay at the start
    (r"(?i:the) (?P<name>[A-Z]\w+)|Q\d", 0, True),
    (r"year # the word", re.X, False),
])
def test_which_patterns_get_a_look_ahead(pattern, flags, bounded):
    assert (quick_start(pattern, flags) != pattern) is bounded


def _found(rx: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern, flags", [
    (r"(?<!\w)(?:this|next) year", re.I), (r"\d+%|\$\d", 0), (r"(?-i:FY)|fiscal", re.I), (r"(?:x|)y", 0),
    (r"\b(?P<q>[1-4])Q(?P<yy>\d\d)?", 0), (r"k\w+", re.I), (r"(?:[\s-]*\bmid)+", re.I),
    (r"(?i:kelvin|long|ete) (?P<w>\w+)|Q\d|(?i:\u017f)", 0), (r"\b(?-i:December|Kelvin|June) \d+", re.I),
])
def test_same_matches_as_plain_compile(pattern, flags):
    plain, quick = re.compile(pattern, flags), compile_quick(pattern, flags)
    for text in SENTENCES:
        assert _found(quick, text) == _found(plain, text)


_LOOK_AHEAD = re.compile(r"^(?:\(\?<!\\w\))?\(\?=(?:(?:\(\?-?i:)?\[[^\]]*\]\)?\|?)+\)\(\?:(.*)\)$", re.S)


def _plain(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as it was before `quick_start` put its look-ahead in front (checked by redoing it)."""
    m = _LOOK_AHEAD.match(rx.pattern)
    if m is None:
        return rx
    assert quick_start(m.group(1), rx.flags & ~re.UNICODE) == rx.pattern
    return re.compile(m.group(1), rx.flags)


def test_a_look_behind_only_when_every_match_starts_a_word():
    assert quick_start(r"\bfoo|(?<![\w-])bar", 0).startswith("(?<!\\w)(?=")
    assert quick_start(r"\bfoo|\$x", re.I).startswith("(?=")            # "$" may follow a word
    assert quick_start(r"(?:\b(?:a|b)c)?d", 0).startswith("(?=")         # "d" alone has no boundary


def test_every_period_pattern_finds_what_it_found_before():
    for core in _grammar().cores:
        for rx in filter(None, (core.regex, core.lower)):
            plain = _plain(rx)
            assert plain.pattern != rx.pattern, core.name
            for text in SENTENCES:
                for t in (text, text.lower()):
                    assert _found(rx, t) == _found(plain, t), (core.name, t)


def test_every_context_pattern_finds_what_it_found_before():
    """Each pattern of patterns.toml, searched at every start and matched at every position of the invented
    sentences, answers exactly as the pattern compiled plainly."""
    for name, cp in _all().items():
        plain = _plain(cp.regex)
        for text in SENTENCES:
            for pos in range(0, len(text) + 1, 7):
                a, b = plain.search(text, pos), cp.regex.search(text, pos)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (name, text, pos)
                a, b = plain.match(text, pos), cp.regex.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)


def test_every_speaker_cue_finds_what_it_found_before():
    """The speaker vocabulary's cues (case-sensitive names inside "(?i:...)" words) answer as compiled plainly."""
    import dataclasses

    from tracker.roles import Cue, vocabulary
    v = vocabulary()
    regexes = [getattr(v, f.name) for f in dataclasses.fields(v)]
    regexes = [r.pattern if isinstance(r, Cue) else r for r in regexes]
    regexes = [r for r in regexes if isinstance(r, re.Pattern) and r.pattern.startswith("(?=")]
    assert len(regexes) >= 5
    texts = SENTENCES + ["Our next question comes from Jane Doe with Big Bank. Please go ahead.",
                         "OPERATOR INSTRUCTIONS: the first question is from the line of Kim Li of Northfield."]
    for rx in regexes:
        plain = _plain(rx)
        assert plain.pattern != rx.pattern
        for text in texts:
            assert _found(rx, text) == _found(plain, text), rx.pattern[:80]


def test_the_words_before_a_period_phrase_are_read_as_before():
    """The period scanner's look-back for "by", "the end of" may match empty; its look-ahead keeps an empty way
    round, so every search answers as the plain pattern does."""
    prefix = _grammar().prefix
    m = re.match(r"^\(\?:(?:\(\?<!\\w\))?\(\?=\[[^\]]*\]\)(.*)\|\)\\Z$", prefix.pattern, re.S)
    assert m is not None
    plain = re.compile(m.group(1) + r"\Z", prefix.flags)
    texts = SENTENCES + ["We plan to finish sometime during the back half of the year.",
                         "Shipments start no later than early Q3, and by the end of fiscal 2027."]
    for text in texts:
        for end in range(len(text) + 1):
            a, b = plain.search(text, max(0, end - 48), end), prefix.search(text, max(0, end - 48), end)
            assert (a.span(), a.groupdict()) == (b.span(), b.groupdict()), (text, end)
