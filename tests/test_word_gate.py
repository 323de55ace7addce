"""tracker.vocab.word_gate: a pattern skipped for lack of its words finds exactly what its regex finds."""
from __future__ import annotations

import pytest

from tracker.vocab.patterns import _all
from tracker.vocab.word_gate import _key_word, lacks, required_words, words_of

from tests.test_quick_start import SENTENCES


@pytest.mark.parametrize("phrase, key", [
    ("would have", "would"),
    ("in the past", "past"),
    ("this past", "past"),              # of equally long words the last
    ("u.s. sales", "sales"),
    ("r&d", "d"),
    ("negatively impact*", "negatively"),   # the wildcard's own word may run on ("impacted")
    ("increas*", None),
    ("+/-", None),
    (", and", "and"),
])
def test_key_word_of_a_phrase(phrase, key):
    assert _key_word(phrase) == key


@pytest.mark.parametrize("text, words", [
    ("Margin WOULD have been 41%.", {"margin", "would", "have", "been", "41"}),
    ("R&D rose; year-over-year", {"r", "d", "rose", "year", "over"}),
    ("", set()),
])
def test_words_of_a_text(text, words):
    assert words_of(text) == words


@pytest.mark.parametrize("letter", ["\u0130", "\u0131", "\u017f", "\u212a"])
def test_no_gate_for_a_letter_that_case_folds_to_ascii(letter):
    assert words_of(f"revenue up {letter}") is None


def test_a_form_needs_a_word_of_every_required_slot():
    needs = required_words([[{"words": ["expect"]}, {"gap": 2}, {"words": ["it", "them"]},
                             {"words": ["soon"], "optional": True}]])
    assert needs == ((frozenset({"expect"}), frozenset({"it", "them"})),)
    assert lacks(needs, frozenset({"we", "expect", "revenue"}))
    assert not lacks(needs, frozenset({"we", "expect", "it"}))


def test_a_form_without_a_required_word_slot_is_not_gated():
    assert required_words([[{"words": ["would"]}], [{"words": ["increas*"]}]]) is None
    assert required_words([[{"words": ["soon"], "optional": True}, {"within": 20}]]) is None


def test_most_inside_patterns_are_gated():
    inside = [cp for cp in _all().values() if cp.side == "inside"]
    assert sum(cp.needs is not None for cp in inside) >= len(inside) * 3 // 4


def test_every_gated_pattern_answers_as_its_regex():
    """Each gated pattern, on invented sentences and on every pattern's own motivating example (the docs of
    patterns.toml, so the words of each pattern occur), at every seventh position: the same match or none."""
    from tracker.vocab.lexicon import load
    texts = SENTENCES + [spec["doc"] for spec in load("patterns").values()]
    gated = {name: cp for name, cp in _all().items() if cp.needs is not None}
    hits = 0
    for name, cp in gated.items():
        for text in texts:
            for pos in range(0, len(text) + 1, 7):
                a, b = cp.regex.search(text, pos), cp.search(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)
                hits += a is not None
                a, b = cp.regex.match(text, pos), cp.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (name, text, pos)
            assert [m.span() for m in cp.regex.finditer(text)] == [m.span() for m in cp.finditer(text)], (name, text)
    assert hits > 100          # the texts do reach the patterns: the comparison is not of empty answers
