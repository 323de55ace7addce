"""A figure that is the effect of something on a metric ("will impact our Europe margin by 50 basis points") is an
impact on that metric, signed by its verb; the scope's words are not part of an unnamed metric's name.

Every sentence is invented (Quillon Foods, Fenwick Motors ...) and goes through the whole extraction; the call is
dated 2025-05-01 with a calendar fiscal year.
"""
from __future__ import annotations

import pytest

from tests.test_metric_reading import _claims

# (id, sentence, fields of its one numeric claim)
IMPACTS = [
    ("impact-unnamed-margin", "Moving the robotics team to Leeds will impact our Europe margin by about 40 basis points in 2025.",
     dict(metric="margin", metric_known=False, scope="europe", measure="impact", low=-0.4, high=-0.4)),
    ("weigh-on-known-metric", "The recall should weigh on gross margin by about 30 basis points in Q3.",
     dict(metric="gross_margin", measure="impact", low=-0.3, period="2025-Q3")),
    ("lift-is-favourable", "The rebate should lift gross margin by 40 basis points in 2025.",
     dict(metric="gross_margin", measure="impact", low=0.4, high=0.4)),
    ("positively-impact", "The closure will positively impact our Asia margin by about 20 basis points in 2026.",
     dict(metric="margin", scope="asia", measure="impact", low=0.2, period="2026-FY")),
    ("negatively-impact-money", "We expect the strike to negatively impact Q3 revenue by approximately $40 million.",
     dict(metric="revenue", measure="impact", low=-40e6, period="2025-Q3")),
    ("dilution-after", "We expect 35 basis points of dilution from Brightwater to operating margin in 2025.",
     dict(metric="operating_margin", measure="impact", low=-0.35)),
    ("headwind-to", "We expect tariffs to be a $300 million headwind to operating income in 2025.",
     dict(metric="operating_income", measure="impact", low=-300e6, high=-300e6)),
    ("tailwind-to", "We expect the currency to be a 10 cent tailwind to EPS in Q3.",
     dict(metric="eps", measure="impact", low=0.1, high=0.1, period="2025-Q3")),
    ("benefit-to", "The rebate should be a $30 million benefit to operating income in 2025.",
     dict(metric="operating_income", measure="impact", low=30e6)),
    ("impact-on-is-adverse", "We expect the strike to have a $50 million impact on free cash flow in 2025.",
     dict(metric="free_cash_flow", measure="impact", low=-50e6)),
    ("add-to", "The new line is expected to add about $200 million to revenue in 2026.",
     dict(metric="revenue", measure="impact", low=200e6, period="2026-FY")),
]


@pytest.mark.parametrize("sentence, expected", [r[1:] for r in IMPACTS], ids=[r[0] for r in IMPACTS])
def test_an_effect_is_an_impact_on_its_metric(tmp_path, sentence, expected):
    numeric = [c for c in _claims(tmp_path, sentence) if c["kind"] in ("guidance", "target")]
    assert len(numeric) == 1, numeric
    assert {k: numeric[0][k] for k in expected} == expected


NOT_CLAIMS = [
    ("past-impact", "Last year the recall impacted our Europe margin by 80 basis points."),
    ("past-tailwind", "Last year the currency was a 10 cent tailwind to EPS."),
    ("sensitivity", "Every 1% change in the exchange rate impacts revenue by about $20 million."),
]


@pytest.mark.parametrize("sentence", [r[1] for r in NOT_CLAIMS], ids=[r[0] for r in NOT_CLAIMS])
def test_an_effect_in_the_past_or_a_sensitivity_is_no_claim(tmp_path, sentence):
    assert _claims(tmp_path, sentence) == []
