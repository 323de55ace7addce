"""A figure of an earlier sentence carried to another period by a pointer (tracker/extraction/level_referents.py): one table
row per invented turn. The call is dated 2025-05-01 with a calendar fiscal year."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tracker.extraction import level_referents
from tracker.contract import records
from tracker.errors import LexiconError
from tracker.extraction.extract import extract_file
from tracker.vocab.lexicon import load


def _claims(tmp_path: Path, turns: list[list[str]]) -> list[tuple]:
    path = tmp_path / "call.txt"
    speakers = ["Ada Quill", "Ben Rook"]
    path.write_text("Operator: Welcome to the call.\n\n" + "".join(
        f"{speakers[i % 2]}: {' '.join(t)}\n\n" for i, t in enumerate(turns)), encoding="utf-8")
    return [(r["metric"], r["low"], r["comparator"], r["period"])
            for r in records(extract_file(path, call_date="2025-05-01")) if r["type"] == "claim"]


# (id, invented turns, (metric, low, comparator, period) of each claim)
ROWS = [
    ("that-level-after-a-report", [["Gross margin at Quillon was 45% in the first quarter.",
                                    "We expect the third quarter to be at about that level as well."]],
     [("gross_margin", 45, "approx", "2025-Q3")]),
    ("similar-level-after-a-guide", [["We expect capex of about $2 billion in 2025.",
                                      "We expect 2026 to be at a similar level."]],
     [("capex", 2e9, "approx", "2025-FY"), ("capex", 2e9, "approx", "2026-FY")]),
    ("the-same-keeps-the-comparator", [["We expect gross margin of 45% in Q3.", "We expect the same in Q4."]],
     [("gross_margin", 45, "eq", "2025-Q3"), ("gross_margin", 45, "eq", "2025-Q4")]),
    ("that-to-continue", [["Gross margin at Quillon was 45% in the first quarter.",
                           "We expect that to continue in the third quarter."]],
     [("gross_margin", 45, "eq", "2025-Q3")]),
    ("a-year-to-be-similar", [["We expect capex of $2 billion in 2025.", "We expect 2026 to be similar."]],
     [("capex", 2e9, "eq", "2025-FY"), ("capex", 2e9, "approx", "2026-FY")]),
    ("maintain-that-level-through-year-end", [["Gross margin at Quillon was 45% in the first quarter.",
                                               "We expect to maintain that level through the end of the year."]],
     [("gross_margin", 45, "eq", "2025-FY")]),
    ("another-metric-is-no-pointer", [["We expect gross margin of 45% in Q3.",
                                       "We expect revenue to be at that level in Q4."]],
     [("gross_margin", 45, "eq", "2025-Q3")]),
    ("too-far-back", [["We expect gross margin of 45% in Q3.", "Our teams did well.", "Customers are happy.",
                       "Demand is strong.", "We expect the same in Q4."]],
     [("gross_margin", 45, "eq", "2025-Q3")]),
    ("never-across-turns", [["We expect gross margin of 45% in Q3."], ["We expect the same in Q4."]],
     [("gross_margin", 45, "eq", "2025-Q3")]),
    ("no-period-no-claim", [["We expect gross margin of 45% in Q3.", "We expect it to stay at that level."]],
     [("gross_margin", 45, "eq", "2025-Q3")]),
]


@pytest.mark.parametrize("turns,want", [r[1:] for r in ROWS], ids=[r[0] for r in ROWS])
def test_pointer_carries_the_figure(tmp_path, turns, want):
    assert _claims(tmp_path, turns) == want


BROKEN = [
    ("no-level-table", lambda d: d.pop("level")),
    ("unknown-key", lambda d: d["level"].__setitem__("words", ["that"])),
    ("phrases-empty", lambda d: d["level"].__setitem__("phrases", [])),
    ("reach-zero", lambda d: d["level"].__setitem__("reach", 0)),
]


@pytest.mark.parametrize("breaks", [r[1] for r in BROKEN], ids=[r[0] for r in BROKEN])
def test_a_broken_level_table_is_an_error(monkeypatch, breaks):
    data = copy.deepcopy(load("referents"))
    breaks(data)
    monkeypatch.setattr(level_referents, "load", lambda name: data)
    level_referents._words.cache_clear()
    try:
        with pytest.raises(LexiconError):
            level_referents._words()
    finally:
        level_referents._words.cache_clear()
