"""find_quantities: one table row per phrase. Sentences are invented (Northwind Semiconductor, Harbor Retail,
Acme Industrial, Boreal Mining) so that nothing depends on a real transcript."""
from __future__ import annotations

import random

import pytest

from tracker.model import Comparator
from tracker.quantities import find_quantities

EQ, APPROX, RANGE = Comparator.EQ, Comparator.APPROX, Comparator.RANGE
GE, GT, LE, LT = Comparator.GE, Comparator.GT, Comparator.LE, Comparator.LT

# (sentence, low, high, unit, comparator, matched text): the sentence holds exactly one quantity
ONE = [
    # money, scale words and symbols
    ("Northwind expects revenue of $89 million.", 89e6, 89e6, "USD", EQ, "$89 million"),
    ("Sales reached $1.1 billion last year.", 1.1e9, 1.1e9, "USD", EQ, "$1.1 billion"),
    ("We raised US$5 million in the round.", 5e6, 5e6, "USD", EQ, "US$5 million"),
    ("Net income was RMB 200 million.", 200e6, 200e6, "RMB", EQ, "RMB 200 million"),
    ("The European unit booked €3bn of orders.", 3e9, 3e9, "EUR", EQ, "€3bn"),
    ("The dividend is $0.6.", 0.6, 0.6, "USD", EQ, "$0.6"),
    ("Shares closed at $12.25.", 12.25, 12.25, "USD", EQ, "$12.25"),
    ("Backlog stands at $18.7 billion.", 18.7e9, 18.7e9, "USD", EQ, "$18.7 billion"),
    ("Free cash flow was $1.38 billion.", 1.38e9, 1.38e9, "USD", EQ, "$1.38 billion"),
    ("Capex of $4.9B is planned.", 4.9e9, 4.9e9, "USD", EQ, "$4.9B"),
    ("We bought back $600M of stock.", 600e6, 600e6, "USD", EQ, "$600M"),
    ("Harbor Retail will invest 1.5 billion dollars.", 1.5e9, 1.5e9, "USD", EQ, "1.5 billion dollars"),
    ("EPS is expected at $8.42 per share.", 8.42, 8.42, "USD", EQ, "$8.42 per share"),
    ("Cost fell to $0.30 per mile.", 0.30, 0.30, "USD/mile", EQ, "$0.30 per mile"),
    ("The dividend is 30 cents a share.", 0.30, 0.30, "USD", EQ, "30 cents a share"),
    ("We plan to spend two hundred million dollars.", 2e8, 2e8, "USD", EQ, "two hundred million dollars"),
    ("Acme booked £50m in the UK.", 50e6, 50e6, "GBP", EQ, "£50m"),
    ("Japan contributed ¥500 million.", 500e6, 500e6, "JPY", EQ, "¥500 million"),
    # ranges, scales shared or mixed
    ("Sales of $800 million to $1.3 billion.", 800e6, 1.3e9, "USD", RANGE, "$800 million to $1.3 billion"),
    ("Sales for Q3 of $110 million to $135 million.", 110e6, 135e6, "USD", RANGE, "$110 million to $135 million"),
    ("Revenue between $2.1 and $2.3 billion.", 2.1e9, 2.3e9, "USD", RANGE, "between $2.1 and $2.3 billion"),
    ("Opex of $125-145 million.", 125e6, 145e6, "USD", RANGE, "$125-145 million"),
    ("Capex of $175 million–$205 million.", 175e6, 205e6, "USD", RANGE, "$175 million–$205 million"),
    ("Utilisation from 40% to 60%.", 40.0, 60.0, "%", RANGE, "from 40% to 60%"),
    ("Revenue in the range of $70 million to $85 million.", 70e6, 85e6, "USD", RANGE,
     "in the range of $70 million to $85 million"),
    ("Margins of 5-7% this year.", 5.0, 7.0, "%", RANGE, "5-7%"),
    ("Margins of 10 - 12% this year.", 10.0, 12.0, "%", RANGE, "10 - 12%"),
    ("It will take 2 to 3 years.", 2.0, 3.0, "years", RANGE, "2 to 3 years"),
    ("EPS of $1.02 to $1.10.", 1.02, 1.10, "USD", RANGE, "$1.02 to $1.10"),
    ("Leverage of 1.5x to 2x.", 1.5, 2.0, "x", RANGE, "1.5x to 2x"),
    ("Between 50 and 75 basis points of expansion.", 0.5, 0.75, "%", RANGE, "Between 50 and 75 basis points"),
    # plus or minus
    ("Sales of $8.6 billion, plus or minus $200 million.", 8.4e9, 8.8e9, "USD", RANGE,
     "$8.6 billion, plus or minus $200 million"),
    ("Gross margin of 48%, plus or minus 150 basis points.", 46.5, 49.5, "%", RANGE,
     "48%, plus or minus 150 basis points"),
    ("EPS of $6.17 per share plus or minus $0.15.", 6.02, 6.32, "USD", RANGE, "$6.17 per share plus or minus $0.15"),
    ("Revenue of $5.0 billion plus or minus 2%.", 4.9e9, 5.1e9, "USD", RANGE, "$5.0 billion plus or minus 2%"),
    ("Gross margin of 45% ±2%.", 43.0, 47.0, "%", RANGE, "45% ±2%"),
    ("Revenue of $2 billion +/- $100 million.", 1.9e9, 2.1e9, "USD", RANGE, "$2 billion +/- $100 million"),
    ("Yield will move ±2% from here.", -2.0, 2.0, "%", RANGE, "±2%"),
    # value shapes of guidance: bands, zero-ended ranges, moves, breakeven, other currencies
    ("Double-digit growth is our goal.", 10.0, 10.0, None, GE, "Double-digit"),
    ("Quillon sees growth in the mid-30% range.", 34.0, 36.0, "%", RANGE, "mid-30%"),
    ("Sales should rise at a low-double-digit pace.", 10.0, 13.0, None, RANGE, "low-double-digit"),
    ("Tamsin expects sales up mid to high single digits.", 4.0, 9.0, None, RANGE, "mid to high single digits"),
    ("Output should be flat to down 3% this year.", -3.0, 0.0, "%", RANGE, "flat to down 3%"),
    ("Volumes should be flat to up 1% next quarter.", 0.0, 1.0, "%", RANGE, "flat to up 1%"),
    ("Bookings will be flat to slightly down 2% for Ferrow.", -2.0, 0.0, "%", RANGE, "flat to slightly down 2%"),
    ("The segment should be around breakeven next year.", 0.0, 0.0, None, APPROX, "around breakeven"),
    ("Marlow will raise the dividend from $1.15 to $1.25 a share.", 1.25, 1.25, "USD", EQ, "from $1.15 to $1.25 a share"),
    ("Spending goes up from $4 billion to $5 billion.", 5e9, 5e9, "USD", EQ, "from $4 billion to $5 billion"),
    ("Revenue of DKK 5 to 6 billion.", 5e9, 6e9, "DKK", RANGE, "DKK 5 to 6 billion"),
    ("Sales of 2.1 billion Danish kroner.", 2.1e9, 2.1e9, "DKK", EQ, "2.1 billion Danish kroner"),
    ("Sales of NT$30 billion.", 30e9, 30e9, "TWD", EQ, "NT$30 billion"),
    ("Orsted-like parks add 500 MW this year.", 500.0, 500.0, "MW", EQ, "500 MW"),
    ("The farm adds 1.2 gigawatts of capacity.", 1.2, 1.2, "GW", EQ, "1.2 gigawatts"),
    ("Fenwick plans to more than double sales.", 2.0, 2.0, "x", GT, "more than double"),
    # percentages and basis points
    ("Gross margin was 42%.", 42.0, 42.0, "%", EQ, "42%"),
    ("Growth of 12.1 percent.", 12.1, 12.1, "%", EQ, "12.1 percent"),
    ("An improvement of 50 basis points.", 0.5, 0.5, "%", EQ, "50 basis points"),
    ("An improvement of 50 bps.", 0.5, 0.5, "%", EQ, "50 bps"),
    ("An improvement of 50 bp.", 0.5, 0.5, "%", EQ, "50 bp"),
    ("Up two and a half percentage points.", 2.5, 2.5, "%", EQ, "two and a half percentage points"),
    ("A couple of hundred basis points of upside.", 2.0, 2.0, "%", EQ, "A couple of hundred basis points"),
    # vague magnitudes
    ("Margins in the mid-30s.", 34.0, 36.0, None, RANGE, "mid-30s"),
    ("Growth in the high teens percent.", 17.0, 19.0, "%", RANGE, "high teens percent"),
    ("Growth in the low single digits.", 1.0, 3.0, None, RANGE, "low single digits"),
    ("Growth in the mid-single digits.", 4.0, 6.0, None, RANGE, "mid-single digits"),
    ("Growth in the high single digits.", 7.0, 9.0, None, RANGE, "high single digits"),
    ("Growth in the low double digits.", 10.0, 13.0, None, RANGE, "low double digits"),
    ("Growth in the mid-teens.", 14.0, 16.0, None, RANGE, "mid-teens"),
    ("Margins in the low 40s.", 40.0, 43.0, None, RANGE, "low 40s"),
    ("Margins in the high-20s.", 27.0, 29.0, None, RANGE, "high-20s"),
    ("Margins in the mid-thirties.", 34.0, 36.0, None, RANGE, "mid-thirties"),
    ("Growth in the mid-to-high teens.", 14.0, 19.0, None, RANGE, "mid-to-high teens"),
    ("Growth from high single digits to low double digits.", 7.0, 13.0, None, RANGE,
     "from high single digits to low double digits"),
    # spelled-out numbers
    ("We will have ten exahash online.", 10.0, 10.0, "EH/s", EQ, "ten exahash"),
    ("We opened fifteen in total.", 15.0, 15.0, None, EQ, "fifteen"),
    ("We shipped one million units.", 1e6, 1e6, "units", EQ, "one million units"),
    ("Expect it within a couple of quarters.", 2.0, 2.0, "quarters", EQ, "a couple of quarters"),
    ("We added a dozen new sites.", 12.0, 12.0, "sites", EQ, "a dozen new sites"),
    ("We hired twenty-five engineers.", 25.0, 25.0, None, EQ, "twenty-five"),
    # comparators before and after
    ("Revenue of approximately $5 million.", 5e6, 5e6, "USD", APPROX, "approximately $5 million"),
    ("Revenue of about $5 million.", 5e6, 5e6, "USD", APPROX, "about $5 million"),
    ("Revenue of ~$3 million.", 3e6, 3e6, "USD", APPROX, "~$3 million"),
    ("Close to 80% of the fleet.", 80.0, 80.0, "%", APPROX, "Close to 80%"),
    ("Roughly 1,000 employees.", 1000.0, 1000.0, "employees", APPROX, "Roughly 1,000 employees"),
    ("Revenue in the range of $5 million.", 5e6, 5e6, "USD", APPROX, "in the range of $5 million"),
    ("Growth of at least 10%.", 10.0, 10.0, "%", GE, "at least 10%"),
    ("No less than 200 stores.", 200.0, 200.0, "stores", GE, "No less than 200 stores"),
    ("A minimum of 3 EH/s.", 3.0, 3.0, "EH/s", GE, "A minimum of 3 EH/s"),
    ("We expect 10,000 or more.", 10000.0, 10000.0, None, GE, "10,000 or more"),
    ("We expect 10,000+ stores.", 10000.0, 10000.0, "stores", GE, "10,000+ stores"),
    ("More than 300 stores.", 300.0, 300.0, "stores", GT, "More than 300 stores"),
    ("Over $2 billion of cash.", 2e9, 2e9, "USD", GT, "Over $2 billion"),
    ("In excess of 40%.", 40.0, 40.0, "%", GT, "In excess of 40%"),
    ("North of $100 million.", 100e6, 100e6, "USD", GT, "North of $100 million"),
    ("Up to 5 EH/s.", 5.0, 5.0, "EH/s", LE, "Up to 5 EH/s"),
    ("At most 3 new fabs.", 3.0, 3.0, "facilities", LE, "At most 3 new fabs"),
    ("No more than 2.5x leverage.", 2.5, 2.5, "x", LE, "No more than 2.5x"),
    ("Less than 2% churn.", 2.0, 2.0, "%", LT, "Less than 2%"),
    ("Below $1 billion.", 1e9, 1e9, "USD", LT, "Below $1 billion"),
    ("A sub-10% tax rate.", 10.0, 10.0, "%", LT, "sub-10%"),
    ("A rate of 20% or so.", 20.0, 20.0, "%", APPROX, "20% or so"),
    ("Up to approximately $5 million.", 5e6, 5e6, "USD", LE, "Up to approximately $5 million"),
    # hash rates
    ("Boreal Mining runs 10 EH/s.", 10.0, 10.0, "EH/s", EQ, "10 EH/s"),
    ("Boreal Mining runs 10 exahash.", 10.0, 10.0, "EH/s", EQ, "10 exahash"),
    ("Boreal Mining runs 10 exa hash per second.", 10.0, 10.0, "EH/s", EQ, "10 exa hash per second"),
    ("Boreal Mining runs 10 exahashes per second.", 10.0, 10.0, "EH/s", EQ, "10 exahashes per second"),
    ("Each rack adds 300 terahashes per second.", 300.0, 300.0, "TH/s", EQ, "300 terahashes per second"),
    ("Each rack adds 300 TH/s.", 300.0, 300.0, "TH/s", EQ, "300 TH/s"),
    ("Lyra leased out 4.6 million terahashes per second.", 4.6e6, 4.6e6, "TH/s", EQ, "4.6 million terahashes per second"),
    ("The pool holds 5 PH/s.", 5.0, 5.0, "PH/s", EQ, "5 PH/s"),
    ("We have 6.28 exa hash installed.", 6.28, 6.28, "EH/s", EQ, "6.28 exa hash"),
    # per-unit prices
    ("Selling at $8.1 per terahash.", 8.1, 8.1, "USD/TH", EQ, "$8.1 per terahash"),
    ("Selling at $8.1 per terahash per second.", 8.1, 8.1, "USD/TH", EQ, "$8.1 per terahash per second"),
    ("Selling at $8.1/TH.", 8.1, 8.1, "USD/TH", EQ, "$8.1/TH"),
    ("Power costs $0.4 per kilowatt hour.", 0.4, 0.4, "USD/kWh", EQ, "$0.4 per kilowatt hour"),
    ("Power costs $0.04/kWh.", 0.04, 0.04, "USD/kWh", EQ, "$0.04/kWh"),
    # crypto, counts, multiples, energy
    ("We mined 186 Bitcoins.", 186.0, 186.0, "BTC", EQ, "186 Bitcoins"),
    ("We hold 1,355 BTC.", 1355.0, 1355.0, "BTC", EQ, "1,355 BTC"),
    ("We shipped 12,000 units.", 12000.0, 12000.0, "units", EQ, "12,000 units"),
    ("We took 24,000 Zephyr orders.", 24000.0, 24000.0, "orders", EQ, "24,000 Zephyr orders"),
    ("There are 1.15 billion shares.", 1.15e9, 1.15e9, "shares", EQ, "1.15 billion shares"),
    ("We opened 5,000 new stores.", 5000.0, 5000.0, "stores", EQ, "5,000 new stores"),
    ("We delivered 1,234 vehicles.", 1234.0, 1234.0, "vehicles", EQ, "1,234 vehicles"),
    ("The campus covers 250,000 square feet.", 250000.0, 250000.0, "sq ft", EQ, "250,000 square feet"),
    ("Leverage of 2.75x.", 2.75, 2.75, "x", EQ, "2.75x"),
    ("A 10x return.", 10.0, 10.0, "x", EQ, "10x"),
    ("We expect output to double.", 2.0, 2.0, "x", EQ, "double"),
    ("The site draws 50 MW.", 50.0, 50.0, "MW", EQ, "50 MW"),
    ("The site will draw 1.2 gigawatts.", 1.2, 1.2, "GW", EQ, "1.2 gigawatts"),
    ("Storage of 3 GWh.", 3.0, 3.0, "GWh", EQ, "3 GWh"),
    # signs
    ("Growth of negative 2%.", -2.0, -2.0, "%", EQ, "negative 2%"),
    ("Growth of -5% in Europe.", -5.0, -5.0, "%", EQ, "-5%"),
    # a bare number is a quantity, a year with a count noun is not a year
    ("We have 2000 stores.", 2000.0, 2000.0, "stores", EQ, "2000 stores"),
    ("Acme added 37 in the quarter.", 37.0, 37.0, None, EQ, "37"),
    ("Only 5 remain.", 5.0, 5.0, None, EQ, "5"),                  # the first word of a sentence is no name
    # an opener without a second figure is not part of the quantity
    ("Margins rose from about 40% at the start.", 40.0, 40.0, "%", APPROX, "about 40%"),
    ("The heater supports 110 volts.", 110.0, 110.0, "V", EQ, "110 volts"),
    ("We signed two new partners.", 2.0, 2.0, "partners", EQ, "two new partners"),
    # translated lines: Chinese ten-thousands and hundred-millions
    ("總營收約為 8,900 萬美元", 89e6, 89e6, "USD", EQ, "8,900 萬美元"),
    ("年總收入在 9 億美元", 9e8, 9e8, "USD", EQ, "9 億美元"),
]


@pytest.mark.parametrize("text, low, high, unit, comparator, matched", ONE, ids=[r[0] for r in ONE])
def test_one_quantity(text, low, high, unit, comparator, matched):
    found = find_quantities(text)
    assert [q.text for q in found] == [matched]
    q = found[0]
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.unit == unit
    assert q.comparator == comparator
    assert text[q.start:q.end] == q.text


# nothing in these is a quantity
NOISE = [
    "In 2025 we grew.",
    "Revenue in Q3 rose.",
    "Results in 2024 were strong.",
    "As of March 31 we had cash.",
    "As of 31 March we had cash.",
    "On the 31st of March we closed.",
    "The fourth quarter was strong.",
    "First, let me thank the team.",
    "A third-party audit is under way.",
    "Demand for the X200 is strong.",
    "We closed our Series B.",
    "See our 10-K for details.",
    "See our 20-F for details.",
    "Results for H1 were strong.",
    "We offer 24/7 support.",
    "Our 5G modules ship soon.",
    "The 3nm node ramps next year.",
    "The call starts at 9:00 AM.",
    "The call starts at 9 a.m. Eastern.",
    "To ask a question, press star zero.",
    "Please press star then one on your keypad.",
    "Please press *1 now.",
    "Phase 2 is on track.",
    "We are the #1 supplier.",
    "Since COVID-19 demand changed.",
    "In fiscal '25 we expect growth.",
    "Results for FY25 and 2H24 and 3Q were good.",
    "One of our customers called.",
    "No one expected that.",
    "Several stores opened.",
    "This is the 10th anniversary.",
    "We provide B2B services.",
    "In 2025 shares outstanding fell.",
    "From 2024 to 2025 margins rose.",
    "Our heater, the Northwind Zephyr 3, sold well.",
    "We support Windows 11 now.",
    "Analysts double-click on the margin.",
    "Costs were flat to last year.",
]


@pytest.mark.parametrize("text", NOISE)
def test_not_a_quantity(text):
    assert find_quantities(text) == []


# several quantities in one sentence: (sentence, [(low, high, unit, comparator), ...])
MANY = [
    ("Revenue of $4.5 billion in 2023 rose to $5 billion.",
     [(4.5e9, 4.5e9, "USD", EQ), (5e9, 5e9, "USD", EQ)]),
    ("Revenue rose 12% to $5 billion.",
     [(12.0, 12.0, "%", EQ), (5e9, 5e9, "USD", EQ)]),
    ("For Q2 2025 Northwind expects revenue of $70 million to $85 million and gross margin of about 20%.",
     [(70e6, 85e6, "USD", RANGE), (20.0, 20.0, "%", APPROX)]),
    ("By March 2025 Boreal had 6.28 exahash installed and mined 186 bitcoins.",
     [(6.28, 6.28, "EH/s", EQ), (186.0, 186.0, "BTC", EQ)]),
    ("We see one or two quarters of delay.",
     [(2.0, 2.0, "quarters", EQ)]),
    ("Gross and operating margin should be 45% and 30%, respectively, plus or minus 30 basis points.",
     [(44.7, 45.3, "%", RANGE), (29.7, 30.3, "%", RANGE)]),
    ("Penrose guides COGS of $24.3 to $24.5 billion and operating expense of $15.7 to $15.8 billion.",
     [(24.3e9, 24.5e9, "USD", RANGE), (15.7e9, 15.8e9, "USD", RANGE)]),
    ("$89 million, $1.1 billion and €3bn.",
     [(89e6, 89e6, "USD", EQ), (1.1e9, 1.1e9, "USD", EQ), (3e9, 3e9, "EUR", EQ)]),
]


@pytest.mark.parametrize("text, expected", MANY, ids=[m[0] for m in MANY])
def test_many_quantities(text, expected):
    found = find_quantities(text)
    got = [(q.low, q.high, q.unit, q.comparator) for q in found]
    assert len(got) == len(expected)
    for (lo, hi, unit, cmp), (elo, ehi, eunit, ecmp) in zip(got, expected):
        assert (lo, hi) == (pytest.approx(elo), pytest.approx(ehi))
        assert (unit, cmp) == (eunit, ecmp)


ALL_TEXTS = [r[0] for r in ONE] + NOISE + [m[0] for m in MANY]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_offsets_ordered_and_disjoint(text):
    found = find_quantities(text)
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.low is not None and q.high is not None and q.low <= q.high
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def test_floating_point_is_tidied():
    (q,) = find_quantities("Revenue of $14.2 billion, plus or minus $300 million.")
    assert q.low == 13.9e9 and q.high == 14.5e9
    (q,) = find_quantities("Sales reached $1.1 billion.")
    assert q.low == 1.1e9


def test_empty_and_blank_text():
    assert find_quantities("") == []
    assert find_quantities("   ") == []


def test_offsets_survive_letters_that_lengthen_when_lower_cased():
    text = "İstanbul added 12 stores."     # "İ".lower() is two characters
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == "12 stores"


def test_random_word_salad_never_breaks_the_invariants():
    """Units, cue words and symbols thrown together at random: no exception, offsets and order hold."""
    words = ["$", "US$", "RMB", "€", "1,234", "5", "0.5", "-", "–", "to", "and", "between", "from", "plus or minus",
             "±", "+/-", "+", "per", "/", "a", "couple", "of", "one", "hundred", "million", "mid", "high", "teens",
             "30s", "single", "digits", "about", "up to", "sub-", "negative", "(", ")", ",", ".", "x", "M", "B", "bn",
             "Q3", "2025", "March", "star", "press", "İ", "'", "#", ":", "24/7", "EH/s", "exa", "hash", "per second",
             "basis points", "%", "stores", "Zephyr", "share", "TH", "kWh", "kilowatt hour", "or more", "times"]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        found = find_quantities(text)
        for q in found:
            assert text[q.start:q.end] == q.text and q.low <= q.high, (text, q)
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start, text
