"""The company's name from the operator's welcome when the header names none (invented companies)."""
from __future__ import annotations

import pytest

from tracker.extraction.company_name import WELCOME_SPAN, company_in_welcome

CASES = [
    ("the title follows", "Good day, and welcome to the Tallow Creek Outfitters fourth quarter 2025 earnings call.",
     "Tallow Creek Outfitters"),
    ("a legal suffix with its dot", "Operator: welcome to the Quillmoor Textiles, Inc. Q2 2025 Earnings Call.",
     "Quillmoor Textiles, Inc."),
    ("a possessive before the title", "Welcome to Brackenfield Foods's conference call.", "Brackenfield Foods"),
    ("a possessive inside the name", "Hello and welcome to Marlowe's Kitchens third quarter call.",
     "Marlowe's Kitchens"),
    ("a year ends it", "Welcome everyone to the Harrowgate Mining 2025 investor day.", "Harrowgate Mining"),
    ("a sentence's end when nothing else does", "Thank you for joining the Fenwick Rail call today.", "Fenwick Rail"),
    ("no name: the call itself", "Good morning and welcome to the call, everyone.", None),
    ("no name: lower-case words", "Welcome to our results for the quarter.", None),
    ("no welcome", "Ines Marlowe: Thank you. Revenue grew 12%.", None),
    ("a sentence, not a name", "Welcome to A day when we tell you all about what we have been doing this year and "
                               "what comes next for us.", None),
]


@pytest.mark.parametrize(("text", "name"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_company_in_welcome(text, name):
    assert company_in_welcome(text) == name


def test_a_welcome_deep_in_the_call_is_a_quote():
    assert company_in_welcome("x" * WELCOME_SPAN + " welcome to the Fenwick Rail first quarter call") is None
