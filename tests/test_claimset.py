"""ClaimSet merges restatements of one promise into one claim, in order of first mention, in linear time."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest

from tracker.extraction.claimset import ClaimSet
from tracker.model import Claim, Comparator, Hedge, Kind, Mention, Period, Role

Q3 = Period("2031-Q3", date(2031, 7, 1), date(2031, 9, 30))
Q4 = Period("2031-Q4", date(2031, 10, 1), date(2031, 12, 31))
H1 = Period("2031-H1", date(2031, 1, 1), date(2031, 6, 30))
FY = Period("FY2031-FY", date(2031, 2, 1), date(2032, 1, 31))


def claim(metric="revenue", low=120.0, high=150.0, period=Q3, start=0, kind=Kind.GUIDANCE, scope=None,
          quote="Fernhill Robotics expects revenue of 120 to 150 million in the third quarter.") -> Claim:
    return Claim(kind=kind, metric=metric, scope=scope,
                 comparator=Comparator.RANGE if low != high else Comparator.EQ, low=low, high=high, unit="USD",
                 period=period, speaker="Ada Quill", role=Role.EXECUTIVE, quote=quote,
                 mentions=(Mention("Ada Quill", quote, start, start + len(quote), Role.EXECUTIVE),),
                 hedge=Hedge.EXPECTED, confidence=0.8)


def naive(claims: list[Claim]) -> list[Claim]:
    """The merge rule stated plainly (a scan of every claim so far), to check the indexed one against."""
    out: list[Claim] = []
    for new in claims:
        for i, old in enumerate(out):
            if not ClaimSet._same_subject(old, new):
                continue
            if any(m.start == new.mentions[0].start for m in old.mentions):
                break
            merged = replace(old, scope=old.scope or new.scope, period=old.period or new.period,
                             mentions=old.mentions + new.mentions,
                             confidence=min(1.0, round(old.confidence + 0.05, 2)))
            if old.low == old.high and new.low != new.high:
                merged = replace(merged, low=new.low, high=new.high, comparator=new.comparator)
            out[i] = merged
            break
        else:
            out.append(new)
    return out


def built(claims: list[Claim]) -> list[Claim]:
    found = ClaimSet()
    for c in claims:
        found.add(c)
    return found.claims


CASES = [
    ("restated twice, one claim", [claim(start=0), claim(start=100), claim(start=200)], 1, 3),
    ("the same sentence seen twice is one mention", [claim(start=0), claim(start=0)], 1, 1),
    ("another value is another claim", [claim(start=0), claim(low=130.0, start=100)], 2, 1),
    ("another period is another claim", [claim(start=0), claim(period=Q4, start=100)], 2, 1),
    ("a midpoint restates its range", [claim(low=135.0, high=135.0, start=0), claim(start=100)], 1, 2),
    ("an undated restatement of a dated figure", [claim(start=0), claim(period=None, start=100)], 1, 2),
    ("another metric is another claim", [claim(start=0), claim(metric="gross margin", start=100)], 2, 1),
    ("a floor restates its point", [claim(low=1e6, high=1e6, start=0), claim(low=1e6, high=None, start=100)], 1, 2),
    ("a ceiling restates its point", [claim(low=None, high=50.0, start=0), claim(low=50.0, high=50.0, start=100)], 1, 2),
    ("a bound of another figure is another claim",
     [claim(low=1e6, high=1e6, start=0), claim(low=2e6, high=None, start=100)], 2, 1),
    ("a target restated for the year its deadline falls in",
     [replace(claim(kind=Kind.TARGET, low=None, high=2.75, period=H1, start=0), unit="x"),
      replace(claim(kind=Kind.TARGET, low=None, high=2.75, period=FY, start=100), unit="x")], 1, 2),
    ("money guidance of a quarter and of a year are two",
     [claim(low=1e9, high=1e9, period=Q3, start=0), claim(low=1e9, high=1e9, period=FY, start=100)], 2, 1),
    ("a target of another year is another claim",
     [replace(claim(kind=Kind.TARGET, low=None, high=2.75, period=H1, start=0), unit="x"),
      replace(claim(kind=Kind.TARGET, low=None, high=2.75, start=100,
                    period=Period("2033-FY", date(2033, 1, 1), date(2033, 12, 31))), unit="x")], 2, 1),
    ("one product however spelled is one event",
     [claim(kind=Kind.MILESTONE, scope="Zx40X", start=0), claim(kind=Kind.MILESTONE, scope="Zx40", start=100)], 1, 2),
    ("another product is another event",
     [claim(kind=Kind.MILESTONE, scope="Zx40X", start=0), claim(kind=Kind.MILESTONE, scope="Vela 9", start=100)], 2, 1),
]


@pytest.mark.parametrize(("claims", "count", "mentions"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_merging(claims, count, mentions):
    got = built(claims)
    assert got == naive(claims)
    assert len(got) == count and len(got[0].mentions) == mentions


def test_a_range_replaces_the_point_it_restates():
    got = built([claim(low=135.0, high=135.0, start=0), claim(start=100)])
    assert (got[0].low, got[0].high, got[0].comparator) == (120.0, 150.0, Comparator.RANGE)


def test_one_sentence_repeated_many_times_is_one_claim():
    repeats = [claim(start=i * 90) for i in range(5000)]
    got = built(repeats)
    assert len(got) == 1 and len(got[0].mentions) == 5000 and got[0].confidence == 1.0
    assert [m.start for m in got[0].mentions] == [i * 90 for i in range(5000)]


@pytest.mark.parametrize("seed", range(5), ids=[f"seed{s}" for s in range(5)])
def test_same_as_the_plain_rule_on_mixed_claims(seed):
    rng = random.Random(seed)
    pool = []
    for i in range(300):
        pool.append(claim(metric=rng.choice(["revenue", "gross margin", "capex"]),
                          low=rng.choice([120.0, 135.0, 140.0]), high=rng.choice([135.0, 150.0]),
                          period=rng.choice([Q3, Q4, None]), start=rng.randrange(40) * 50,
                          scope=rng.choice([None, None, "europe", "asia"]),
                          kind=rng.choice([Kind.GUIDANCE, Kind.MILESTONE, Kind.DIRECTION]),
                          quote=rng.choice(["Fernhill Robotics expects revenue to grow.",
                                            "We expect sequential growth at Fernhill Robotics."])))
    assert built(pool) == naive(pool)


def test_zero_figures_and_near_figures_merge_by_index() -> None:
    """Breakeven restated ("around breakeven" twice) and a point within 0.5% of a range's midpoint."""
    from tracker.extraction.claimset import ClaimSet
    from tracker.model import Claim, Comparator, Hedge, Kind, Mention, Period, Role
    from datetime import date as _d

    q2 = Period("2026-Q2", _d(2026, 4, 1), _d(2026, 6, 30))

    def claim(low: float, high: float, start: int) -> Claim:
        m = Mention(speaker="Jane Roe", quote="q", start=start, end=start + 1)
        return Claim(kind=Kind.GUIDANCE, metric="operating_income", scope=None, comparator=Comparator.APPROX,
                     low=low, high=high, unit="USD", period=q2, speaker="Jane Roe", role=Role.EXECUTIVE, quote="q",
                     mentions=(m,), hedge=Hedge.EXPECTED)

    cs = ClaimSet()
    for c in (claim(0.0, 0.0, 0), claim(0.0, 0.0, 10), claim(-10.0, -10.0, 20), claim(-10.0, -10.0, 30),
              claim(100.0, 110.0, 40), claim(105.3, 105.3, 50)):
        cs.add(c)
    assert [(c.low, c.high, len(c.mentions)) for c in cs.claims] == [(0.0, 0.0, 2), (-10.0, -10.0, 2),
                                                                        (100.0, 110.0, 2)]
