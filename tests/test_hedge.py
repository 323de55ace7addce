"""Hedge levels read from a sentence's cue words (tracker.extraction.sentence_facts.analyse)."""
from datetime import date

import pytest

from tracker.model import Hedge
from tracker.periods import calendar_from
from tracker.extraction.sentence_facts import analyse

CAL = calendar_from("12-31")


@pytest.mark.parametrize("text, hedge", [
    ("We will open 40 stores in fiscal 2025.", Hedge.FIRM),
    ("We are guiding revenue of $2.1 billion for Q2.", Hedge.FIRM),
    ("We expect revenue of $2.1 billion for Q2.", Hedge.EXPECTED),
    ("I think we will ship the new platform in Q3.", Hedge.EXPECTED),
    ("We'll probably launch it by the end of the year.", Hedge.EXPECTED),
    ("Hopefully we will have it in production next year.", Hedge.ASPIRATIONAL),
    ("Our goal is to reach 10 units per store by mid-2025.", Hedge.ASPIRATIONAL),
    ("If demand holds, we could reach $3 billion next year.", Hedge.CONDITIONAL),
    ("Revenue was $2.0 billion in the quarter.", None),
])
def test_hedge(text, hedge):
    assert analyse(text, date(2025, 3, 13), CAL).hedge == hedge
