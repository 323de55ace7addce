"""The words before a metric name its business line ("we expect subscription revenue of ...")."""
from __future__ import annotations

import pytest

from tracker.extraction import scopes
from tracker.errors import LexiconError
from tracker.extraction.scopes import modifier_before, with_modifier
from tracker.vocab.finders import Term


def _term(text: str, words: str) -> Term:
    i = text.index(words)
    return Term(i, i + len(words), "metric", words)


@pytest.mark.parametrize("text, metric, want", [
    ("For the first quarter we expect platform revenue of $410 million.", "revenue", "platform"),
    ("We anticipate Q3 managed services revenue to be about $95 million.", "revenue", "managed services"),
    ("Consumer card net charge-off rate of about 3.1% for the year.", "net charge-off rate", "consumer card"),
    ("Overall parts and accessories revenue growth should be in the high single digits.", "revenue",
     "parts and accessories"),
    ("We now expect FY27 non-GAAP hardware gross margin of 41%.", "gross margin", "hardware"),
    ("We expect total revenue of $2 billion.", "revenue", None),
    ("Another record revenue quarter is expected.", "revenue", None),
    ("Revenue should be up 4%.", "Revenue", None),
    ("Next year, revenue should grow.", "revenue", None),
    ("We expect FY26 revenue of $3 billion.", "revenue", None),
    ("and wholesale revenue is expected to rise", "revenue", "wholesale"),
    ("Our outlook also assumes revenue of about $1 billion.", "revenue", None),
    ("We expect to reduce operating expenses by 5%.", "operating expenses", None),
    ("and we expect next year's net interest income to be down", "net interest income", None),
    ("We expect Europe's revenue to grow 5%.", "revenue", "europe"),
    ("that pace means we'll essentially buy back shares", "buy back", None),
], ids=["one-word-line", "two-word-line-after-quarter", "line-before-rate", "and-inside-a-name",
        "basis-word-ends-the-name", "total-is-no-line", "degree-word", "sentence-start", "comma-ends",
        "fiscal-label-ends", "and-at-front-dropped", "assumes-is-no-line", "reduce-is-no-line",
        "possessive-of-a-time-word", "possessive-of-a-line", "contraction-and-adverb-are-no-line"])
def test_modifier_before(text: str, metric: str, want: str | None) -> None:
    assert modifier_before(text, _term(text, metric)) == want


def test_a_long_run_of_words_is_a_clause_not_a_name() -> None:
    text = "Tools parts spares rentals leasing financing revenue grows."
    assert modifier_before(text, _term(text, "revenue")) is None


@pytest.mark.parametrize("scope, modifier, want", [
    (None, "platform", "platform"),
    ("dram", "dram and nand", "dram"),
    ("services", "console content and services", "console content and services"),
    ("data center", "data center gpu", "data center gpu"),
    ("north america", "north america retail", "north america retail"),   # the region and the line it narrows
    ("north america", "north american", "north america"),
    ("global", "global retail", "global"),
    ("cloud", "gaming", "cloud"),
    ("cloud", None, "cloud"),
], ids=["no-lexicon-scope", "listed-lines-stay-apart", "one-named-line-with-and", "modifier-says-more", "region-and-its-line", "region-restated", "global-stays", "different-words-keep-lexicon", "no-modifier"])
def test_with_modifier(scope: str | None, modifier: str | None, want: str | None) -> None:
    assert with_modifier(scope, modifier) == want


@pytest.mark.parametrize("table", [
    {"stop": ["the"]},
    {"stop": "the", "max_words": 4},
    {"stop": ["The"], "max_words": 4},
    {"stop": ["the"], "max_words": 0},
    {"stop": ["the"], "max_words": 4, "extra": 1},
], ids=["missing-key", "stop-not-a-list", "upper-case-word", "max-out-of-range", "unknown-key"])
def test_a_broken_modifier_table_is_an_error(monkeypatch: pytest.MonkeyPatch, table: dict) -> None:
    monkeypatch.setattr(scopes, "load", lambda name: {"modifier": table})
    scopes._modifier_rules.cache_clear()
    try:
        with pytest.raises(LexiconError):
            scopes._modifier_rules()
    finally:
        scopes._modifier_rules.cache_clear()
