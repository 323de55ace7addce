"""The shared phrase tree behind every vocabulary finder (tracker.vocab.finders): invented phrases and sentences."""
from __future__ import annotations

import pytest

from tracker.vocab.finders import Finder


@pytest.fixture(scope="module")
def finders() -> tuple[Finder, Finder]:
    gadgets = Finder({"widget": ["widget"], "widget_sales": ["widget sales"], "big_widget_sales": ["big widget sales"],
                      "first": ["sprocket line"], "second": ["sprocket line"]})
    parts = Finder({"sales": ["sales"], "widget": ["widget"]})
    return gadgets, parts


@pytest.mark.parametrize("id_, text, expected", [
    ("longest_phrase_wins", "Our widget sales rose.", [("widget_sales", "widget sales")]),
    ("longest_of_three", "Big widget sales rose.", [("big_widget_sales", "Big widget sales")]),
    ("hyphen_joins_words", "Widget-sales rose.", [("widget_sales", "Widget-sales")]),
    ("punctuation_breaks_a_phrase", "One widget, sales rose.", [("widget", "widget")]),
    ("after_a_hyphen_no_match", "A non-widget line.", []),
    ("first_name_of_a_repeated_phrase", "The sprocket line grew.", [("first", "sprocket line")]),
    ("every_place_in_order", "A widget and a widget sales plan.", [("widget", "widget"),
                                                                   ("widget_sales", "widget sales")]),
    ("phrase_cut_at_the_end", "We sell a big widget", [("widget", "widget")]),
])
def test_finds(finders, id_, text, expected):
    gadgets, _ = finders
    assert [(t.name, t.text) for t in gadgets.find(text)] == expected


def test_each_finder_reads_its_own_longest_phrase(finders):
    """Two vocabularies that share a word each take their own longest phrase at that place."""
    gadgets, parts = finders
    text = "Widget sales were flat."
    assert [t.name for t in gadgets.find(text)] == ["widget_sales"]
    assert [(t.name, t.start) for t in parts.find(text)] == [("widget", 0), ("sales", 7)]


def test_offsets_point_into_the_text(finders):
    gadgets, _ = finders
    text = "So  big   widget sales."
    term = gadgets.search(text)
    assert text[term.start:term.end] == term.text == "big   widget sales"


def test_a_letter_whose_lower_case_is_longer_keeps_offsets(finders):
    """"İ" lower-cases to two characters: the words are still found where they stand."""
    gadgets, _ = finders
    text = "İzmir widget sales grew."
    term = gadgets.search(text)
    assert (term.name, text[term.start:term.end]) == ("widget_sales", "widget sales")
