"""Quotes, notes and names with [brackets] or <tags> are inert text in every export: no Markdown link or
image, no HTML element, no spreadsheet formula (invented company and sentences)."""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.test_scorecard_render import AS_OF, M, Comparator, _claim
from tracker.scorecard import Scorecard, ScorecardRow, render
from tracker.scoring import credibility, score_claim

LINK = "[click here](javascript:alert(1))"
IMAGE = "![logo](http://tracker.invalid/pixel.png)"
TAG = '<img src=x onerror="alert(1)">'
RICH = "[b]bold[/b] [link=file:///etc/passwd]x[/link]"


def _hostile_card() -> Scorecard:
    quote = f"We expect revenue of about $75 million {LINK} {IMAGE} {TAG} {RICH}."
    claim = _claim(quote, 75 * M, None, Comparator.APPROX, scope=f"Cloud {LINK}", speaker=f"Dana {TAG}")
    result = score_claim(claim, [], [], AS_OF, polarity="up")
    row = ScorecardRow(claim, result, None, f"call {IMAGE}.txt", AS_OF, 1, 2, notes=(f"@SUM(A1) {LINK}",),
                       override=("met", f"-2+3 {TAG}"))
    return Scorecard(f"Hostile {RICH} <Corp>", "HSTL", AS_OF, "2025-Q2", credibility([(claim, result)]), (row,))


CARD = _hostile_card()


@pytest.mark.parametrize("markup", [r"\[click", r"\]\(", r"\[logo", r"<img", r"\[b\]", r"<Corp"])
def test_markdown_has_no_link_image_or_tag(markup):
    """Each markup character comes with a backslash, which makes it a literal in CommonMark."""
    page = render(CARD, "md")
    assert not re.search(r"(?<!\\)" + markup, page)
    assert r"\[click here\](javascript" in page


@pytest.mark.parametrize("raw", ["<img", "onerror=\"", "<Corp>", 'href="javascript'])
def test_html_has_no_element_from_the_data(raw):
    page = render(CARD, "html")
    assert raw not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_csv_cells_from_the_data_never_start_a_formula():
    rows = list(csv.reader(io.StringIO(render(CARD, "csv"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not _number(c))]


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
