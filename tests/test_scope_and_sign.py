"""Two language classes of the figure's scope and of a figure stated by a word.

- A region and the line it narrows: "a small decline in frozen unit volume in Asia" is about frozen goods in Asia
  ("asia frozen"), not all of Asia; a participle before the metric ("our deployed capacity") is a state, not a
  line, and a modifier that only restates the region ("North American revenue") adds nothing.
- An acronym before a noun of performance names the line of a figure whose metric comes later: "we expect RX
  profitability to add about $300 million of operating income" is about "rx" (scopes.toml
  [line_heads]); an acronym that is a metric ("EBIT margin") or sits in another clause names none. A word multiple
  is the figure, not the line: "to more than double licence revenue" is about "licence".
- A sign word before a money metric needs no digit in the sentence: "we now see positive equity earnings this year"
  is equity income above zero for the year; a sign word is never the business line ("positive free cash flow"
  has no scope "positive").

Every sentence is invented and goes through the whole extraction (call dated 2025-05-01, calendar year).
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims, assert_one_claim

# (id, sentence, fields of its one claim)
REGION_LINE = [
    ("line-in-region-direction", "We plan for a small decline in frozen unit volume in Asia in 2026.",
     dict(metric="units", scope="asia frozen", comparator="lt", period="2026-FY")),
    ("region-before-line", "We expect Europe services revenue of $2 billion in 2025.",
     dict(metric="revenue", scope="europe services", low=2e9)),
    ("region-adjective-only", "We expect North American revenue of $4 billion in 2025.",
     dict(metric="revenue", scope="north america", low=4e9)),
    ("participle-is-no-line", "We expect installed capacity in Asia to reach 9 GW by the end of 2025.",
     dict(scope="asia", low=9)),
    ("global-stays-global", "We expect our global fleet revenue of $3 billion in 2025.",
     dict(metric="revenue", scope="global")),
]

ACRONYM_HEAD = [
    ("acronym-before-profitability",
     "We expect RX profitability to add about $300 million of operating income in 2026.",
     dict(metric="operating_income", scope="rx", low=300e6)),
    ("acronym-before-volumes", "We expect HPC volumes to grow 5% in 2025.", dict(scope="hpc", low=5)),
    ("metric-acronym-names-no-line", "We expect EBIT margin of 8% in 2025.", dict(metric="operating_margin", scope=None)),
    ("measure-acronym-names-no-line", "We expect FX losses of about $20 million in 2026.", dict(scope=None, low=20e6)),
    ("acronym-in-another-clause", "The EU business remains difficult, and we expect revenue of $3 billion in 2025.",
     dict(metric="revenue", scope=None)),
    ("multiple-word-is-no-line", "We aim to more than double licence revenue by 2027.",
     dict(metric="revenue", scope="licence", comparator="gt", low=2)),
]

SIGN = [
    ("positive-open-year", "We now see positive equity earnings this year.",
     dict(metric="equity_income", comparator="gt", low=0, period="2025-FY", scope=None)),
    ("profitable-open-year", "Our joint ventures should reach profitable equity earnings in 2026.",
     dict(metric="equity_income", comparator="gt", low=0, period="2026-FY")),
    ("positive-no-digit", "We expect positive free cash flow for the full year.",
     dict(metric="free_cash_flow", comparator="gt", low=0, period="2025-FY", scope=None)),
    ("negative-no-digit", "We expect negative operating income this year.",
     dict(metric="operating_income", comparator="lt", period="2025-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in REGION_LINE + ACRONYM_HEAD + SIGN],
                         ids=[r[0] for r in REGION_LINE + ACRONYM_HEAD + SIGN])
def test_one_claim(tmp_path, sentence, expected):
    assert_one_claim(tmp_path, sentence, expected)


@pytest.mark.parametrize("sentence", [
    "We feel very positive about the year ahead.",                 # a mood, no metric
    "Customer feedback on the launch has been positive this year.",  # no money metric next to the word
])
def test_a_sign_word_alone_promises_nothing(tmp_path, sentence):
    assert _claims(tmp_path, sentence) == []
