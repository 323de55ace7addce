"""A metric fronted as the sentence's topic ("In terms of ticket prices, ...") names what its percentages measure; a move
whose line stands between it and its size ("a decline in Asia of 2%") keeps its sign.

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one numeric claim)
TOPIC = [
    ("in-terms-of-decline-in-line",
     "In terms of ticket prices, we plan for a decline in Asia of 2 to 3% year-over-year in 2025.",
     dict(metric="ticket_prices_growth", metric_known=False, scope="asia", low=-3, high=-2, measure="yoy_growth")),
    ("as-for-level", "As for freight rates, we expect about 4% in 2025.",
     dict(metric="freight_rates", metric_known=False, low=4, comparator="approx")),
    ("when-it-comes-to", "When it comes to rework rates, we expect them to stay below 3% in 2026.",
     dict(metric="rework_rates", metric_known=False, high=3, period="2026-FY")),
    ("known-metric-wins", "In terms of ticket prices, we expect gross margin of 41% in 2025.",
     dict(metric="gross_margin", metric_known=True, low=41)),
    ("line-is-no-topic", "Regarding Europe, we expect revenue of $4 billion in 2025.",
     dict(metric="revenue", scope="europe", low=4e9)),
    ("drop-in-metric", "We expect a drop in freight rates of about 4% in 2025.",
     dict(low=-4, high=-4)),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in TOPIC], ids=[r[0] for r in TOPIC])
def test_fronted_topic(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    assert {k: numeric[0].get(k) for k in expected} == expected


def test_money_needs_its_own_noun(tmp_path):
    """The topic names a program, not what the money measures: no claim of "the_new_plant"."""
    got = _claims(tmp_path, "Regarding the new plant, our guidance includes about $300 million of the $700 million "
                            "in 2025.")
    assert all("plant" not in c["metric"] for c in got), got


def test_a_yoy_word_is_no_metric(tmp_path):
    """"3% year-over-year" names the base of a growth, not a metric called year_over_year."""
    got = _claims(tmp_path, "We plan for a decline in Asia of 2 to 3% year-over-year in 2025.")
    assert all("year_over_year" not in c["metric"] for c in got), got
