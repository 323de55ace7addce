"""Words that point back to a business line named earlier in the turn (tracker/extraction/referents.py): one table row per
invented turn. The call is dated 2025-05-01 with a calendar fiscal year."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tracker.extraction import referents
from tracker.contract import records
from tracker.errors import LexiconError
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load


def _scopes(tmp_path: Path, *sentences: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + " ".join(sentences) + "\n\n", encoding="utf-8")
    return [(r["metric"], r["low"], r["scope"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


# (id, invented sentences of one turn, (metric, low, scope) of each claim)
TURNS = [
    ("this-offering-named-before",
     ["The Kettle Club offering was in 900 stores at the end of the quarter.",
      "We still plan to take this offering into over 1,400 stores in all by year-end."],
     [("stores", 1400, "kettle club offering")]),
    ("pointer-with-its-own-name",
     ["We like the sales of this larger format.",
      "We plan to operate almost 2,000 of our stores in this format by December."],
     [("stores", 2000, "larger format")]),
    ("plural-pointer", ["Our Harbor programs did well.", "We expect these programs to reach 300 stores by year-end."],
     [("stores", 300, "harbor program")]),
    ("no-antecedent", ["We still plan to take this offering to more than 1,400 stores by year-end."],
     [("stores", 1400, None)]),
    ("another-noun-is-no-antecedent",
     ["The Kettle Club program was in 900 stores.", "We expect this offering to reach 1,400 stores by year-end."],
     [("stores", 1400, None)]),
    ("conjunction-that-is-no-pointer",
     ["The Kettle Club platform did well.", "We believe that our platform will be in 1,400 stores by year-end."],
     [("stores", 1400, None)]),
    ("thing-offered-in-outlets-same-sentence",
     ["We now have fresh bakery in over 500 stores and aim to take this offering to 800 stores by year-end."],
     [("stores", 800, "fresh bakery")]),
    ("thing-offered-in-outlets-before",
     ["We introduced pet grooming in 120 stores.", "We expect to take this program to 300 stores by year-end."],
     [("stores", 300, "pet grooming")]),
    ("available-in-is-not-offered",
     ["Our service was available in more than 500 stores.", "We plan to expand this offering to 800 stores by year-end."],
     [("stores", 800, None)]),
    ("variant-of-the-line",
     ["The Kettle Club offering did well.",
      "We remain on track to take this offering to more than 1,400 shops by year-end, including over 300 shops in our "
      "compact version."],
     [("shops", 1400, "kettle club offering"), ("shops", 300, "kettle club offering compact version")]),
    ("variant-needs-a-variant-noun",
     ["The Kettle Club offering did well.",
      "We plan to take this offering to 1,400 shops by year-end, including 300 shops in our southern region."],
     [("shops", 1400, "kettle club offering"), ("shops", 300, "kettle club offering")]),
    ("own-scope-wins",
     ["The Kettle Club offering did well.", "We expect this offering to lift Europe revenue to $2 billion in 2026."],
     [("revenue", 2e9, "europe")]),
]


@pytest.mark.parametrize("sentences,want", [r[1:] for r in TURNS], ids=[r[0] for r in TURNS])
def test_pointer_names_the_line(tmp_path, sentences, want):
    assert _scopes(tmp_path, *sentences) == want


def test_a_pointer_never_reaches_into_another_turn(tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: The Kettle Club offering did well.\n\n"
                    "Ben Rook: We expect this offering to reach 1,400 stores by year-end.\n\n", encoding="utf-8")
    got = [r["scope"] for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]
    assert got == [None]


BROKEN = [
    ("no-scope-table", lambda d: d.pop("scope")),
    ("unknown-key", lambda d: d["scope"].__setitem__("pronouns", ["it"])),
    ("nouns-empty", lambda d: d["scope"].__setitem__("nouns", [])),
    ("noun-upper-case", lambda d: d["scope"].__setitem__("nouns", ["Offering"])),
    ("reach-text", lambda d: d["scope"].__setitem__("reach", "three")),
    ("offered-empty", lambda d: d["scope"].__setitem__("offered", [])),
    ("variant-upper-case", lambda d: d["scope"].__setitem__("variants", ["Version"])),
    ("no-outlets", lambda d: d["scope"].pop("outlets")),
    ("offerings-empty", lambda d: d["scope"].__setitem__("offerings", [])),
    ("owners-text", lambda d: d["scope"].__setitem__("owners", "our")),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_referents_file_is_an_error(monkeypatch, breaks):
    data = copy.deepcopy(load("referents"))
    breaks(data)
    monkeypatch.setattr(referents, "load", lambda name: data)
    referents._rules.cache_clear()
    try:
        with pytest.raises(LexiconError):
            referents._rules()
    finally:
        referents._rules.cache_clear()
