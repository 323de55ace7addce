"""Units, number words and the phrase-regex helper, table-driven."""
from __future__ import annotations

import re

import pytest

from tracker.numbers import parse_number, tidy
from tracker.vocab.phrase_regex import literal_pattern, norm, phrase_pattern
from tracker.quantities import find_quantities, to_base, unit_family
from tracker.units import tables


@pytest.mark.parametrize("unit, family", [
    ("USD", "money"), ("RMB", "money"), ("EUR", "money"), ("GBP", "money"), ("JPY", "money"),
    ("EH/s", "hashrate"), ("TH/s", "hashrate"), ("PH/s", "hashrate"), ("H/s", "hashrate"),
    ("%", "percent"), ("USD/TH", "price"), ("USD/kWh", "price"), ("USD/mile", "price"), ("RMB/TH", "price"),
    ("x", "ratio"), ("BTC", "crypto"), ("ETH", "crypto"), ("units", "count"), ("stores", "count"),
    ("shares", "count"), ("orders", "count"), ("MW", "power"), ("GW", "power"), ("GWh", "energy"),
    ("kWh", "energy"), ("J/TH", "efficiency"), ("sq ft", "area"), ("miles", "length"), ("years", "duration"),
    ("quarters", "duration"), ("usd", "money"),
    (None, None), ("", None), ("furlongs", None), ("ABC/TH", None),
])
def test_unit_family(unit, family):
    assert unit_family(unit) == family


@pytest.mark.parametrize("value, unit, expected", [
    (10, "EH/s", (1e19, "H/s")),
    (300, "TH/s", (3e14, "H/s")),
    (5, "PH/s", (5e15, "H/s")),
    (9.1e6, "TH/s", (9.1e18, "H/s")),
    (50, "MW", (5e7, "W")),
    (1.2, "GWh", (1.2e9, "Wh")),
    (8.1, "USD/TH", (8.1e-12, "USD/H")),
    (0.4, "USD/kWh", (0.4e-3, "USD/Wh")),
    (1.1e9, "USD", (1.1e9, "USD")),
    (42, "%", (42, "%")),
    (186, "BTC", (186, "BTC")),
    (7, "stores", (7, "stores")),
])
def test_to_base(value, unit, expected):
    got_value, got_unit = to_base(value, unit)
    assert got_unit == expected[1]
    assert got_value == pytest.approx(expected[0])


def test_to_base_agrees_across_prefixes():
    assert to_base(10, "EH/s") == to_base(10_000, "PH/s") == to_base(10_000_000, "TH/s")


@pytest.mark.parametrize("text, value", [
    ("1,293", 1293.0), ("1.1", 1.1), ("0.6", 0.6), (".5", 0.5), ("12,000", 12000.0), ("1,234,567.5", 1234567.5),
    ("eighty", 80.0), ("Eighty", 80.0), ("fifteen", 15.0), ("twenty-five", 25.0), ("twenty five", 25.0),
    ("two and a half", 2.5), ("one and a quarter", 1.25), ("a dozen", 12.0), ("half a dozen", 6.0),
    ("a couple of", 2.0), ("a couple", 2.0), ("a hundred", 100.0), ("a million", 1e6),
    ("one hundred and twenty-five thousand", 125000.0), ("two million", 2e6), ("one point five", 1.5),
    ("three hundred", 300.0), ("1.5 billion", 1.5e9), ("two and a half billion", 2.5e9), ("  42  ", 42.0),
    ("zero", 0.0),
    ("several", None), ("a few", None), ("Q3", None), ("", None), ("first", None), ("12 apples", None),
    ("one two three four", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("x, expected", [
    (18.7e9 - 0.4e9, 18.3e9), (1.1 * 1e9, 1.1e9), (0.1 + 0.2, 0.3), (8.42 - 0.2, 8.22), (0.0, 0.0), (-2.5, -2.5),
])
def test_tidy(x, expected):
    assert tidy(x) == expected


@pytest.mark.parametrize("phrases, text, match", [
    (["per cent", "percent", "pct"], "per-cent", "per-cent"),
    (["per cent", "percent", "pct"], "percentage", None),          # a word must end where the phrase ends
    (["bp", "bps", "basis points"], "bps", "bps"),                 # longest first
    (["bp", "bps", "basis points"], "basis  points", "basis  points"),
    (["watt", "watt hour"], "watt hours", "watt"),                 # falls back to the shorter phrase
    (["$", "us$"], "US$5", "US$"),
])
def test_phrase_pattern(phrases, text, match):
    m = re.compile(phrase_pattern(phrases), re.IGNORECASE).match(text)
    assert (m.group() if m else None) == match


def test_phrase_pattern_without_fold_keeps_case():
    pattern = re.compile(phrase_pattern(["TH/s", "M"], fold=False))
    assert pattern.match("TH/s") and not pattern.match("th/s")


@pytest.mark.parametrize("text, match", [("+/- 2", "+/-"), ("± 2", "±"), ("plus  or minus", "plus  or minus")])
def test_literal_pattern(text, match):
    m = re.compile(literal_pattern(["+/-", "±", "plus or minus"])).match(text)
    assert m and m.group() == match


@pytest.mark.parametrize("text, key", [("Basis-Points", "basis points"), ("  sq   ft ", "sq ft"), ("EH/s", "eh/s")])
def test_norm(text, key):
    assert norm(text) == key


def test_every_unit_word_has_a_family():
    t = tables()
    for table in (t.words, t.symbols, t.nouns):
        for word, meaning in table.items():
            assert unit_family(meaning.unit) == meaning.family, word


@pytest.mark.parametrize("word", sorted(tables().nouns))
def test_every_count_noun_is_found_after_a_figure(word):
    (q,) = find_quantities(f"We reported 17 {word} in total.")
    assert q.unit == tables().nouns[word].unit
