"""Counts of outlets and of store formats (invented sentences, call 2025-08-26, fiscal year ending late January):

- a count of a format noun added to a count of outlets counts outlets of that format (metrics.toml
  [format_counts], patterns.toml added_count_before);
- a count noun joined on by a hyphen is the first word of a compound ("25 store-in-store concepts" counts
  concepts, not stores);
- a brand written in camel case ("zOomshop", "eKiosk") stands between a figure and its count noun like a
  capitalised name, and names the count's line;
- an event of having or opening a count ("to have up to 40 Harbor stores by December") is that count's claim,
  not a milestone of its own;
- a promised count that no metric word names is named by its own noun, as a reported one is ("we expect to reach
  300 locations by year-end" -> locations; "300 Zephyr clinics" -> clinics of scope zephyr); a count in words ("these
  two projects") is no such figure.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tracker.contract import records
from tracker.errors import LexiconError
from tracker.extraction import listed_figures
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text("Operator: Welcome to the call.\n\nAda Quill: " + sentence + "\n\n", encoding="utf-8")
    return sorted(((r["metric"], r["scope"], r["low"], r["high"])
                  for r in records(extract_file(path, call_date="2025-08-26", fiscal_year_end="01-31"))
                  if r["type"] == "claim"), key=str)


ROWS = [
    ("format-added-to-stores",
     "By December we plan to run up to 40 Harbor stores, along with another 20 shop-in-shop concepts.",
     [("stores", "harbor", None, 40), ("stores", "shop-in-shop", 20, 20)]),
    ("another-format",
     "We expect to open 30 new stores this year plus another 12 drive-thru formats.",
     [("stores", None, 30, 30), ("stores", "drive-thru", 12, 12)]),
    ("camel-case-brand", "We plan to have up to 50 zOomshop stores by year-end.", [("stores", "zoomshop", None, 50)]),
    ("hyphen-compound-is-no-store-count",
     "We plan to have up to 50 Harbor stores by year-end, plus another 25 store-in-store concepts.",
     [("stores", "harbor", None, 50), ("stores", "store-in-store", 25, 25)]),
    ("promised-count-names-itself", "We expect to reach 300 locations by year-end.", [("locations", None, 300, None)]),
    ("promised-count-of-a-brand", "We plan to be in 300 Zephyr clinics by the end of 2026.",
     [("clinics", "zephyr", 300, 300)]),
    ("camel-brand-locations", "By December we expect up to 50 zOomshop locations.",
     [("locations", "zoomshop", None, 50)]),
    ("count-in-words-is-no-target", "Once these two projects go online in 2027, we will be pleased.",
     [("milestone", None, None, None)]),
    ("undated-count-is-no-claim", "We hope to serve 9,000 customers one day.", []),
    ("format-after-an-open-count", "We plan to open 120 Maple clinics in 2026, along with a further 15 "
     "urgent-care formats.", [("clinics", "maple", 120, 120), ("clinics", "urgent-care", 15, 15)]),
    ("format-named-after-an-outlet", "We plan to have up to 50 Harbor locations by year-end, plus another 30 "
     "store-in-store formats.", [("locations", "harbor", None, 50), ("stores", "store-in-store", 30, 30)]),
    ("now-offer-reports-the-present",
     "We now offer same-day delivery in more than 300 restaurants and plan to expand this program to 500 "
     "restaurants by year-end.", [("restaurants", "same-day delivery", 500, 500)]),
    # negatives: formats counted on their own are no outlets; the compound is not a store count
    ("formats-alone", "We expect to open 30 new stores this year and we run three concepts.",
     [("concepts", None, 3, 3), ("stores", None, 30, 30)]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_outlet_and_format_counts(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == sorted(want, key=str)


BROKEN = [
    ("no-skip", lambda d: d["format_counts"].pop("skip")),
    ("nouns-upper-case", lambda d: d["format_counts"].__setitem__("nouns", ["Concepts"])),
    ("unknown-key", lambda d: d["format_counts"].__setitem__("heads", ["stores"])),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_format_counts_table_is_an_error(monkeypatch, breaks):
    data = copy.deepcopy(load("metrics"))
    breaks(data)
    monkeypatch.setattr(listed_figures, "load", lambda name: data)
    listed_figures._format_words.cache_clear()
    try:
        with pytest.raises(LexiconError):
            listed_figures._format_nouns()
    finally:
        listed_figures._format_words.cache_clear()
