"""A business named as the subject of its effect on a guided figure (tracker/extraction/contributors.py): one table row per
invented sentence. The call is dated 2025-05-01 with a calendar fiscal year."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tracker.extraction import contributors
from tracker.contract import records
from tracker.errors import LexiconError
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load


def _claims(tmp_path: Path, sentence: str) -> list[tuple]:
    path = tmp_path / "call.txt"
    path.write_text(f"Operator: Welcome to the call.\n\nAda Quill: {sentence}\n\n", encoding="utf-8")
    return [(r["metric"], r["low"], r["scope"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


# (id, invented sentence, (metric, low, scope) of each claim)
ROWS = [
    ("contribute-points-of-growth", "We expect Larchmont to contribute about two percentage points of "
                                    "product revenue growth in 2026.",
     [("revenue_growth", 2, "larchmont")]),
    ("two-names-dilute-margin", "We expect Orrin and Vale to negatively impact adjusted operating margin by "
                                "approximately 50 basis points in 2026.",
     [("operating_margin", -0.5, "orrin and vale")]),
    ("a-period-is-no-business", "We expect Q4 to benefit from about $20 million of cost savings.", []),
    ("a-common-noun-is-no-name", "We expect the acquisition to contribute about $50 million of revenue in 2026.",
     [("revenue", 5e7, None)]),
    ("no-effect-verb", "We expect Larchmont revenue to be about $50 million in 2026.",
     [("revenue", 5e7, "larchmont")]),
]


@pytest.mark.parametrize("sentence,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_the_subject_scopes_the_figure(tmp_path, sentence, want):
    assert _claims(tmp_path, sentence) == want


BROKEN = [
    ("no-subject-table", lambda d: d.pop("subject")),
    ("unknown-key", lambda d: d["subject"].__setitem__("verbs", ["add"])),
    ("effect-empty", lambda d: d["subject"].__setitem__("effect", [])),
    ("expect-repeated", lambda d: d["subject"].__setitem__("expect", ["expect", "expect"])),
    ("max-words-zero", lambda d: d["subject"].__setitem__("max_words", 0)),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_contributors_file_is_an_error(monkeypatch, breaks):
    data = copy.deepcopy(load("contributors"))
    breaks(data)
    monkeypatch.setattr(contributors, "load", lambda name: data)
    contributors._subject.cache_clear()
    try:
        with pytest.raises(LexiconError):
            contributors._subject()
    finally:
        contributors._subject.cache_clear()
