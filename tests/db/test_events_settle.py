"""Events settle the claim they are about, and recorded guidance reads like guidance (issue 10, items 3 and 4).

Invented company: Harrowgate Mining (HGM). On its call it promised three milestones of one mill ("commission
the mill 2 crusher", "first ore through mill 2", "mill 2 at full throughput", all by Q3 2025), Q3 revenue of
$80-90M and a Q3 gross margin of 40-42%. Later it reports events and new guidance in a CSV.
"""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.models import EventRecord
from db.queries import build_scorecard
from db.scoring import effective_verdict, score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.errors import InputError
from tracker.model import Kind

HEADER = "ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event,claim_id\n"
Q3 = f.quarter(2025, 3)
AS_OF = date(2025, 10, 1)
MILESTONES = {"crusher": "commission the mill 2 crusher", "ore": "first ore through mill 2",
              "throughput": "mill 2 at full throughput"}


def _milestone(key: str, start: int):
    base = f.guidance("milestone", 0, period=Q3, scope="mill 2", start=start,
                      quote=f"We plan to {MILESTONES[key]} by the third quarter.")
    return dataclasses.replace(base, kind=Kind.MILESTONE, low=None, high=None, comparator=None, unit=None,
                               event=MILESTONES[key])


@pytest.fixture
def harrowgate(db):
    call = f.extraction(ticker="HGM", company="Harrowgate Mining", call_date=date(2025, 5, 6), claims=(
        _milestone("crusher", 10), _milestone("ore", 90), _milestone("throughput", 170),
        f.guidance("revenue", 80e6, 90e6, period=Q3, start=250),
        f.guidance("gross margin", 40, 42, period=Q3, unit="%", start=330)))
    with db.session() as s:
        ingest_extraction(s, call, author="fixture")
    return db


def _milestone_ids(s) -> dict[str, int]:
    from sqlalchemy import select

    from db.models import ClaimRecord
    return {key: s.scalar(select(ClaimRecord.id).where(ClaimRecord.event == text))
            for key, text in MILESTONES.items()}


def _import(db, tmp_path, rows: str) -> None:
    path = tmp_path / "later.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with db.session() as s:
        import_actuals_csv(s, path, author="rhea")
        score_all(s, AS_OF)


SETTLED = [
    # (what, the event row ({crusher} etc. stand for claim ids), the milestones it settles)
    ("one event, words single one milestone out",
     "HGM,milestone,mill 2,,2025-08-14,,,,site visit,mill 2 crusher commissioned,achieved,\n", {"crusher"}),
    ("one event naming its claim",
     "HGM,milestone,mill 2,,2025-08-14,,,,site visit,done,achieved,{ore}\n", {"ore"}),
    ("a claim id wins over the words",
     "HGM,milestone,mill 2,,2025-08-14,,,,site visit,crusher commissioned,achieved,{throughput}\n", {"throughput"}),
    ("words that fit none: every milestone of the scope, as before",
     "HGM,milestone,mill 2,,2025-08-14,,,,site visit,all done,achieved,\n", {"crusher", "ore", "throughput"}),
]


@pytest.mark.parametrize(("row", "settled"), [s[1:] for s in SETTLED], ids=[s[0] for s in SETTLED])
def test_an_event_settles_the_milestone_it_is_about(harrowgate, tmp_path, row, settled):
    with harrowgate.session(write=False) as s:
        ids = _milestone_ids(s)
    _import(harrowgate, tmp_path, row.format(**ids))
    with harrowgate.session(write=False) as s:
        verdicts = {key: effective_verdict(s, cid, AS_OF).value for key, cid in ids.items()}
    assert {key for key, v in verdicts.items() if v == "met"} == settled
    assert {v for key, v in verdicts.items() if key not in settled} <= {"late", "pending", "awaiting", "unverifiable"}


GUIDANCE = [
    # (what, the guidance row, the revision the revenue claim's scorecard lists, the margin's)
    ("a revised range", "HGM,revenue,,2025-Q3,,92M-96M,USD,2025-07-30,8-K,raised,revised,\n",
     [("raised", "$92.0M-$96.0M")], []),
    ("a reaffirmation", "HGM,revenue,,2025-Q3,,,USD,2025-07-30,8-K,guidance stands,reaffirmed,\n",
     [("reaffirmed", "$80.0M-$90.0M")], []),
    ("a percentage revision never re-guides a dollar claim",
     "HGM,revenue,,2025-Q3,,44,%,2025-07-30,8-K,margin typo,revised,\n", [], []),
    ("a revision naming its claim", "HGM,gross margin,,2025-Q3,,43-44,%,2025-07-30,8-K,raised,revised,{margin}\n",
     [], [("raised", "43%-44%")]),
]


@pytest.mark.parametrize(("row", "revenue", "margin"), [g[1:] for g in GUIDANCE], ids=[g[0] for g in GUIDANCE])
def test_recorded_guidance(harrowgate, tmp_path, row, revenue, margin):
    with harrowgate.session(write=False) as s:
        margin_id = claim_id(s, "gross margin")
    _import(harrowgate, tmp_path, row.format(margin=margin_id))
    with harrowgate.session(write=False) as s:
        rows = {r.claim.metric: r for r in build_scorecard(s, "HGM", AS_OF).rows}
    for metric, expected in (("revenue", revenue), ("gross margin", margin)):
        assert [(kind, text) for kind, _, text in rows[metric].revisions] == expected


BAD = [
    ("a claim id that is no number", "HGM,milestone,mill 2,,2025-08-14,,,,,x,achieved,first\n", "not a claim id"),
    ("a claim of nobody", "HGM,milestone,mill 2,,2025-08-14,,,,,x,achieved,999999\n", "no claim 999999 of HGM"),
    ("a range running backwards", "HGM,revenue,,2025-Q3,,96M-92M,USD,2025-07-30,,x,revised,\n", "runs backwards"),
    ("a reaffirmation without a period", "HGM,revenue,,,2025-07-30,,USD,2025-07-30,,x,reaffirmed,\n",
     "needs metric and period"),
    ("an unknown kind", "HGM,revenue,,2025-Q3,,,USD,2025-07-30,,x,restated,\n", "unknown event 'restated'"),
]


@pytest.mark.parametrize(("row", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_event_rows_write_nothing(harrowgate, tmp_path, row, message):
    with pytest.raises(InputError, match=message):
        _import(harrowgate, tmp_path, row)
    with harrowgate.session(write=False) as s:
        assert s.query(EventRecord).count() == 0
