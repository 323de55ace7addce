"""match_actual through an ActualIndex gives the same actual as a scan of every actual."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tracker.model import Actual, Claim, Comparator, Hedge, Kind, Period, Role
from tracker.scoring.matching import ActualIndex, match_actual

Q3 = Period("2031-Q3", date(2031, 7, 1), date(2031, 9, 30))


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d)


def actual(metric="revenue", value=130.0, period=Q3, scope=None, unit="USD", reported=date(2031, 10, 20)):
    return Actual(metric=metric, scope=scope, value=value, unit=unit, period=period, reported_on=reported)


def claim(metric="revenue", period=Q3, kind=Kind.GUIDANCE, scope=None, unit="USD") -> Claim:
    return Claim(kind=kind, metric=metric, scope=scope, comparator=Comparator.GE, low=120.0, high=None, unit=unit,
                 period=period, speaker="Ada Quill", role=Role.EXECUTIVE,
                 quote="Quillfield Mining expects at least 120 in the third quarter.", mentions=(),
                 hedge=Hedge.EXPECTED)


CASES = [
    ("same label", claim(), [actual(metric="capex"), actual(value=131.0)], 131.0),
    ("metric and scope ignore case and spaces", claim(metric="Gross  Margin", scope="Europe"),
     [actual(metric="gross margin", scope="europe", value=44.0)], 44.0),
    ("as-of figure six days after the deadline", claim(period=Q3),
     [actual(period=day(date(2031, 10, 6)), value=125.0, reported=None)], 125.0),
    ("as-of figure eight days after the deadline is not it", claim(period=Q3),
     [actual(period=day(date(2031, 10, 8)), value=125.0, reported=None)], None),
    ("a target settled by a figure inside its period", claim(kind=Kind.TARGET),
     [actual(period=day(date(2031, 8, 15)), value=122.0, reported=date(2031, 8, 20))], 122.0),
    ("a later report of the same period wins", claim(),
     [actual(value=130.0), actual(value=132.0, reported=date(2031, 11, 2))], 132.0),
    ("no period, nothing matches", claim(period=None), [actual()], None),
]


@pytest.mark.parametrize(("wanted", "actuals", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_index_matches_like_a_scan(wanted, actuals, value):
    found = match_actual(wanted, ActualIndex(actuals), as_of=date(2032, 1, 1))
    assert found == match_actual(wanted, actuals, as_of=date(2032, 1, 1))
    assert (found.value if found else None) == value


def test_index_is_a_sequence_of_the_actuals_in_order():
    actuals = [actual(value=float(v)) for v in range(5)]
    index = ActualIndex(actuals)
    assert list(index) == actuals and len(index) == 5 and index[1:3] == tuple(actuals[1:3])


@pytest.mark.parametrize("seed", range(5), ids=[f"seed{s}" for s in range(5)])
def test_same_answer_as_a_scan_on_random_figures(seed):
    rng = random.Random(seed)
    start = date(2030, 1, 1)
    periods = [Period(f"2030-Q{q}", date(2030, 3 * q - 2, 1), date(2030, 3 * q, 28)) for q in range(1, 5)]
    periods += [day(start + timedelta(days=rng.randrange(400))) for _ in range(20)] + [Period("", None, None)]
    actuals = [actual(metric=rng.choice(["revenue", "Revenue", "capex"]), value=float(rng.randrange(100, 200)),
                      period=rng.choice(periods), scope=rng.choice([None, "", "asia"]),
                      unit=rng.choice(["USD", "EH/s"]),
                      reported=rng.choice([None, start + timedelta(days=rng.randrange(500))]))
               for _ in range(300)]
    index = ActualIndex(actuals)
    for _ in range(300):
        wanted = claim(metric=rng.choice(["revenue", "capex", "opex"]), period=rng.choice([*periods, None]),
                       kind=rng.choice([Kind.GUIDANCE, Kind.TARGET]), scope=rng.choice([None, "asia"]),
                       unit=rng.choice(["USD", "EH/s"]))
        when = start + timedelta(days=rng.randrange(600))
        assert match_actual(wanted, index, as_of=when) is match_actual(wanted, actuals, as_of=when)
