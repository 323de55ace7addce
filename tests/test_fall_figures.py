"""A fall stated as a positive figure is a negative change: "a comparable sales decline of 4.5% to 3%"."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.fiscal import calendar_from
from tracker.extraction.sentence_facts import analyse

CALL = date(2025, 2, 1)


@pytest.mark.parametrize("text, negative", [
    ("We now expect a comparable sales decline of 4.5% to 3% in 2025.", True),
    ("We expect a same-store sales decline of about 3% in 2025.", True),
    ("We expect comparable sales to be down roughly 2% in 2025.", True),
    ("We expect comparable sales growth of 2% in 2025.", False),
    ("We expect a comparable sales increase of 2% in 2025.", False),
], ids=["decline-of-range", "decline-of-about", "down-roughly", "growth-of", "increase-of"])
def test_fall_words_sign_the_figure(text: str, negative: bool) -> None:
    facts = analyse(text, CALL, calendar_from("12-31", anchor=CALL))
    figures = [f for f in facts.figures if f.metric]
    assert figures and all(f.negative is negative for f in figures)
