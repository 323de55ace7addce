"""Sentence splitting: boundaries, abbreviations, numbers, paragraphs, exact offsets."""
from __future__ import annotations

import pytest

from tracker.sentences import paragraphs, split_sentences

CASES = [
    ("plain stops", "We grew. We hired! Did we win? Yes.", ["We grew.", "We hired!", "Did we win?", "Yes."]),
    ("titles", "Mr. Smith and Dr. Jones met Mrs. Lee. Then they left.",
     ["Mr. Smith and Dr. Jones met Mrs. Lee.", "Then they left."]),
    ("company suffix mid-sentence", "Acme Inc. and Beta Corp. signed with Gamma Co. last week.",
     ["Acme Inc. and Beta Corp. signed with Gamma Co. last week."]),
    ("company suffix at the end", "We bought Acme Inc. The deal closed.", ["We bought Acme Inc.", "The deal closed."]),
    ("Latin abbreviations", "Costs, e.g. freight, fell. Margins, i.e. gross margins, rose.",
     ["Costs, e.g. freight, fell.", "Margins, i.e. gross margins, rose."]),
    ("U.S. before an acronym", "Our U.S. GAAP results were strong. We grew.", ["Our U.S. GAAP results were strong.", "We grew."]),
    ("U.S. ends a sentence", "We sell in the U.S. We also sell in the U.K. and Spain.",
     ["We sell in the U.S.", "We also sell in the U.K. and Spain."]),
    ("decimals and money", "Revenue was $1.1 billion, up 8.1%. EPS was $0.42.",
     ["Revenue was $1.1 billion, up 8.1%.", "EPS was $0.42."]),
    ("approx and number sign", "We sold approx. 10 units at plant No. 5 today. Next.",
     ["We sold approx. 10 units at plant No. 5 today.", "Next."]),
    ("no as a word", "The answer is no. We will wait.", ["The answer is no.", "We will wait."]),
    ("months", "On Jan. 15 we launched. On Sept. 3 we shipped.", ["On Jan. 15 we launched.", "On Sept. 3 we shipped."]),
    ("initials", "Our CFO Jin J. Cheng spoke with J.P. Morgan. Then we ate.",
     ["Our CFO Jin J. Cheng spoke with J.P. Morgan.", "Then we ate."]),
    ("ellipsis then capital", "So Sanjay... Okay, let me answer.", ["So Sanjay...", "Okay, let me answer."]),
    ("ellipsis then lower case", "We expect... well, more growth.", ["We expect... well, more growth."]),
    ("closing quote", 'He said "we will grow." Then he left.', ['He said "we will grow."', "Then he left."]),
    ("closing parenthesis", "It works (we hope.) Then we see.", ["It works (we hope.)", "Then we see."]),
    ("dot inside parentheses", "Margins (approx. 40%) held. Good.", ["Margins (approx. 40%) held.", "Good."]),
    ("paren after a stop", "Welcome to the call. (Operator Instructions) Please note this.",
     ["Welcome to the call.", "(Operator Instructions) Please note this."]),
    ("St. before a name", "The plant in St. Louis opens soon.", ["The plant in St. Louis opens soon."]),
    ("no final stop", "We expect growth", ["We expect growth"]),
    ("whitespace only", " \n\t ", []),
    ("blank line splits", "First part with no stop\n\nSecond part.", ["First part with no stop", "Second part."]),
    ("line break splits", "One line.\nAnother line", ["One line.", "Another line"]),
    ("hard wrap joins", "We expect revenue of\n$5 billion next year.", ["We expect revenue of\n$5 billion next year."]),
    ("lower-case next word keeps going", "Sales rose 5 p.c. in the quarter. Good.", ["Sales rose 5 p.c. in the quarter.", "Good."]),
    ("question mark inside quotes", 'She asked "why?" We answered.', ['She asked "why?"', "We answered."]),
]


@pytest.mark.parametrize("label,text,expected", CASES, ids=[c[0] for c in CASES])
def test_split(label: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize("label,text,expected", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("offset", [0, 17])
def test_offsets_point_into_text(label: str, text: str, expected: list[str], offset: int) -> None:
    padded = "x" * offset + text
    for s in split_sentences(text, offset):
        assert padded[s.start:s.end] == s.text
        assert s.text == s.text.strip()


@pytest.mark.parametrize("text,count", [
    ("a\n\nb", 2),
    ("a.\r\nb.", 2),
    ("a.\rb.", 2),
    ("one\r\n\r\n\r\ntwo", 2),
    ("we go on\nand on", 1),
    ("", 0),
])
def test_paragraphs(text: str, count: int) -> None:
    assert len(paragraphs(text)) == count


def test_sentence_never_spans_paragraphs() -> None:
    text = "Revenue rose to $1.1\n\nbillion next year"
    assert [s.text for s in split_sentences(text)] == ["Revenue rose to $1.1", "billion next year"]
