from __future__ import annotations

from datetime import date

import pytest

from db import edits
from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.queries import build_scorecard, claim_detail, list_claims, list_companies
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.errors import NotFoundError

AS_OF = date(2025, 6, 30)


@pytest.fixture
def scored(db, tmp_path):
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30\n"
                   "NWSC,gross margin,2025-Q1,,38,%,2025-04-30\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
        ingest_extraction(s, f.extraction(ticker="ACMI", company="Acme Industrial", claims=(
            f.guidance("revenue", 1e9, period=f.full_year(2025)),)), author="ana")
        import_actuals_csv(s, csv, author="ana")
        score_all(s, AS_OF)
        edits.override_verdict(s, claim_id(s, "wafer starts", date(2025, 2, 20)), "met", "site visit", "bo")
        edits.add_note(s, claim_id(s, "revenue", date(2025, 2, 20)), "beat on pricing", "bo")


@pytest.mark.parametrize("filters, expected", [
    ({}, 8),
    ({"ticker": "nwsc"}, 7),
    ({"ticker": "NWSC", "metric": "Revenue"}, 2),
    ({"verdict": "beat"}, 1),
    ({"verdict": "met"}, 3),                 # revenue and margin of the 2nd call, wafer starts by override
    ({"verdict": "pending"}, 2),             # full-year targets not yet due
    ({"verdict": "withdrawn"}, 1),
    ({"due_before": date(2025, 3, 31)}, 4),
    ({"period": "2025-fy"}, 4),
    ({"speaker": "whitfield"}, 8),
    ({"search": "gross"}, 2),
    ({"search": "100%_"}, 0),                # LIKE wildcards are taken literally
    ({"limit": 3}, 3),
])
def test_list_claims_filters(db, scored, filters, expected):
    with db.session(write=False) as s:
        assert len(list_claims(s, **filters)) == expected


def test_list_claims_row_content(db, scored):
    with db.session(write=False) as s:
        rows = list_claims(s, ticker="NWSC")
    assert [r.deadline for r in rows] == sorted(r.deadline for r in rows)
    revenue = next(r for r in rows if r.metric == "revenue" and r.call_date == date(2025, 2, 20))
    assert (revenue.verdict, revenue.actual_value, revenue.actual_unit, revenue.overridden) == ("beat", 93e6, "USD", False)
    assert revenue.surprise_pct == pytest.approx((93 - 85) / 85 * 100)
    wafers = next(r for r in rows if r.metric == "wafer starts" and r.call_date == date(2025, 2, 20))
    assert (wafers.verdict, wafers.overridden) == ("met", True)


def test_unknown_ticker(db, scored):
    with pytest.raises(NotFoundError, match="unknown company: ZZZ"), db.session() as s:
        list_claims(s, ticker="zzz")


def test_claim_detail_has_the_chain_both_ways(db, scored):
    with db.session(write=False) as s:
        first = claim_id(s, "revenue", date(2025, 2, 20))
        second = claim_id(s, "revenue", date(2025, 3, 25))
        old, new = claim_detail(s, first), claim_detail(s, second)
    assert [(r.kind, r.claim_id) for r in old.later] == [("raised", second)]
    assert [(r.kind, r.claim_id) for r in new.earlier] == [("raised", first)]
    assert [a.value for _, a in old.actuals] == [93e6]
    assert [n.text for n in old.notes] == ["beat on pricing"]
    assert [a.action for a in old.audit] == ["add_note"]
    assert old.effective == "beat" and old.document_path.endswith("NWSC-2025-02-20.txt")
    assert {v.against for v in old.verdicts} == {"original", "latest"}


def test_list_companies(db, scored):
    with db.session(write=False) as s:
        rows = {r.ticker: r for r in list_companies(s)}
    assert (rows["NWSC"].documents, rows["NWSC"].claims, rows["NWSC"].last_call) == (2, 7, date(2025, 3, 25))
    assert rows["NWSC"].credibility.n_scored >= 4
    assert rows["ACMI"].name == "Acme Industrial"


def test_build_scorecard_renders(db, scored):
    from tracker.scorecard import render

    with db.session(write=False) as s:
        card = build_scorecard(s, "nwsc", AS_OF)
        q1 = build_scorecard(s, "NWSC", AS_OF, period="2025-Q1")
    assert card.ticker == "NWSC" and len(card.rows) == 7
    assert len(q1.rows) == 4
    revenue = next(r for r in card.rows if r.claim.metric == "revenue" and r.call_date == date(2025, 2, 20))
    assert str(revenue.result.verdict) == "beat" and str(revenue.latest.verdict) == "met"
    assert [k for k, _, _ in revenue.revisions] == ["raised"] and revenue.notes == ("beat on pricing",)
    wafers = next(r for r in card.rows if r.claim.metric == "wafer starts" and r.call_date == date(2025, 2, 20))
    assert wafers.override == ("met", "site visit")
    capex = next(r for r in card.rows if r.claim.metric == "capex")
    assert [k for k, _, _ in capex.revisions] == ["withdrawn"]
    for fmt in ("md", "csv", "json", "html"):
        assert "Northwind" in render(card, fmt) or fmt == "csv"
