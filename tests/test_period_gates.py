"""The period gates opened in one pass (tracker/period_gates.py) are exactly those each gate's own search opens,
and the fast paths of the period scanner change no result."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tracker.fiscal import calendar_from
from tracker.period_gates import Gate, GateSet
from tracker.periods import _grammar, find_periods
from tracker.vocab.phrase_regex import phrase_pattern

SENTENCES = [
    "Margins held up well.",
    "We expect the plant to open by Labor Day, and the holiday season should be strong.",
    "On Friday we said the first half of 2026 would be better than the second quarter.",
    "Orders grew in 2Q25 and 1H, and we reiterate the FY guide; CY2026 is next.",
    "The contract runs until 2027-06-30, see the 10-K for the midyear review.",
    "Over the long term, and in the coming years, we will grow; soon after that too.",
    "During the quarter, the year, the months and the weeks went by, for a decade.",
    "In a couple of weeks we ship; within 12 months we expand; over the next few days we test.",
    "Fiscal '26 and F.Y. 27 are years, so is calendar year end and the Christmas rush.",
    "Sales may fall in the fall, and March on in March; the summer holidays end in Sept.",
    "ONE MORE HALF-YEAR AND A QUARTER-END IN Q3 FY2025.",
    "",
]


def _each_gate(gates: dict[str, Gate], text: str) -> frozenset[str]:
    """The gates opened as before the single pass: one search per gate."""
    low, opened = text.lower(), set()
    for name, gate in gates.items():
        words = gate.words and re.search(phrase_pattern(gate.words, fold=False, guard=False), low)
        if words or (gate.regex is not None and gate.regex.search(text)):
            opened.add(name)
    return frozenset(opened)


def test_one_pass_opens_what_each_gate_opens():
    gates = _grammar().gates
    for text in SENTENCES:
        assert gates.open(text, text.lower()) == _each_gate(gates.gates, text), text


def test_overlapping_and_nested_words_all_count():
    """'holidays' holds 'holiday' and 'day' (a later start), 'ab' is a prefix of 'abc': each opens its gate."""
    gates = {"long": Gate(("holidays",)), "short": Gate(("holiday",)), "day": Gate(("day",)),
             "ab": Gate(("ab",)), "abc": Gate(("abc",)), "digits": Gate(regex=re.compile(r"\d-\d"), must="-")}
    gs = GateSet(gates)
    for text in ["holidays", "the holiday", "a day", "abc", "xab", "1-2", "12", "abcholidays 3-4", "nothing"]:
        assert gs.open(text, text.lower()) == _each_gate(gates, text), text


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_finds_what_every_core_finds_without_gates(text):
    """With every gate open (each core searched), the scan finds the same phrases and periods."""
    g = _grammar()
    call, cal = date(2025, 3, 13), calendar_from("12-31")
    fast = find_periods(text, call, cal)
    everything = frozenset(g.gates.gates)
    real_open = g.gates.open
    object.__setattr__(g.gates, "open", lambda text, low: everything)
    try:
        slow = find_periods(text, call, cal)
    finally:
        object.__delattr__(g.gates, "open")
    assert real_open == g.gates.open
    assert fast == slow


def test_no_words_before_a_phrase_without_a_space_or_dash_before_it():
    """The scanner skips the look-back for "by", "the end of" where the phrase follows no space or dash."""
    g = _grammar()
    texts = SENTENCES + ["Shipments start no later than early-Q3, by the end of—2027 and (by 2028)."]
    for text in texts:
        for end in range(len(text) + 1):
            if end and (text[end - 1].isspace() or text[end - 1] in "-–—"):
                continue
            for rx in (g.prefix, g.prep_only):
                m = rx.search(text, max(0, end - 48), end)
                assert m is None or m.start() == end, (text, end)


def test_a_duration_without_count_or_direction_is_rejected_whatever_comes_before():
    from tracker.periods import _Ctx, _Reject
    core = next(c for c in _grammar().cores if c.name == "duration")
    assert core.needs
    cal, seen = calendar_from("12-31"), 0
    for text in SENTENCES:
        for m in core.regex.finditer(text):
            if any(m.start(i) >= 0 for i in core.needs):
                continue
            seen += 1
            for prep, mod, lenient, past in [("", "", False, False), ("in", "end", True, True), ("over", "", True, False)]:
                ctx = _Ctx(text, m.end(), date(2025, 3, 13), cal, past, prep, mod, lenient)
                assert isinstance(core.resolve(m, ctx), _Reject), m.group()
    assert seen >= 5
