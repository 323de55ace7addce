"""In an outlook section a sentence that only moves a metric ("Hardware revenue should decline.") is a direction
claim for the section's period; "is estimated to be" looks forward like "is expected to be"."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_frames import cfo, find, run

HEADER = "Now for our outlook for the second quarter."


@pytest.mark.parametrize("sentence, metric, kind", [
    ("Hardware revenue should decline.", "revenue", "direction"),
    ("We expect services revenue to grow sequentially.", "revenue", "direction"),
    ("Other income is estimated to be negative $40 million.", "other_income", "guidance"),
], ids=["bare-decline", "bare-growth", "estimated-to-be"])
def test_moves_in_an_outlook_section(tmp_path: Path, sentence: str, metric: str, kind: str) -> None:
    claims = run(tmp_path, cfo(HEADER, "Revenue is expected to be $410 million.", sentence))
    claim = find(claims, sentence[:20], metric)
    assert claim["kind"] == kind and claim["period"] == "2025-Q2"


def test_a_move_outside_an_outlook_section_is_not_dated(tmp_path: Path) -> None:
    claims = run(tmp_path, cfo("Our customers were busy.", "Hardware revenue should decline."))
    assert not [c for c in claims if "Hardware revenue should decline" in c["quote"]]
