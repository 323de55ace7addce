"""Verdict totals (db.totals): the stored sums every company's figures read are those of the one grouped query
over the effective verdicts, whoever changed what since: a person's override counts at once, a writer that
never heard of the totals (a bulk statement) only makes its company read live, and a company never reads twice.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, insert, select, text, update

from db import edits, totals
from db.corrections import edit_claim
from db.ingest import ingest_extraction
from db.models import ClaimRecord, Company, OverrideRecord, TotalsState, VerdictRecord, VerdictTotal, utcnow
from db.queries import list_companies, list_speakers, next_deadlines, verdict_counts
from db.review import period_ends
from db.scoring import score_all
from tests.db import factories as f
from tests.db.helpers import claim_id

AS_OF = date(2025, 6, 30)
# an invented second company, whose figures must never move when only the first one changes
ORBIT = dict(ticker="ORBT", company="Orbit Pumps", call_date=date(2025, 2, 12))


def _orbit_call():
    return f.extraction(**ORBIT, claims=(
        f.guidance("bookings", 50e6, 60e6, period=f.quarter(2025, 1), start=10),
        f.guidance("pump shipments", 1200, period=f.full_year(2025), unit="units", start=200),
    ))


@pytest.fixture
def scored(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
        ingest_extraction(s, _orbit_call(), author="ana")
        edits.add_actual(s, "NWSC", "revenue", None, "2025-Q1", "93M", "USD", "2025-04-30", author="ana")
        edits.add_actual(s, "ORBT", "bookings", None, "2025-Q1", "48M", "USD", "2025-04-20", author="ana")
    with db.session() as s:
        score_all(s, AS_OF)
    return db


def _figures(s) -> tuple:
    """Everything the totals serve, as a reader sees it."""
    return ([(c.ticker, c.claims, c.credibility.summary) for c in list_companies(s, AS_OF)],
            sorted((v.ticker, v.period_label or "", v.verdict or "", v.count) for v in verdict_counts(s, AS_OF)),
            [(p.ticker, p.name, p.claims, p.credibility.summary) for p in list_speakers(s, as_of=AS_OF)],
            sorted(period_ends(s, as_of=AS_OF).items()))


def _live(s) -> tuple:
    """The same figures summed over every claim: what the totals must always agree with."""
    s.execute(delete(TotalsState))
    try:
        return _figures(s) + (sorted(period_ends(s).items()),)
    finally:
        s.rollback()


def _stale(s) -> set[str]:
    return {t for (t,) in s.execute(select(Company.ticker).where(Company.id.in_(totals.stale(AS_OF))))}


def test_scoring_writes_every_companys_totals_and_they_agree_with_the_live_sums(scored):
    with scored.session(write=False) as s:
        assert _stale(s) == set()
        assert s.scalar(select(func.count()).select_from(VerdictTotal)) > 0
        stored = _figures(s)
        assert stored + (stored[3],) == _live(s)
        assert stored[0][0][1] > 0          # NWSC's claims are counted, not an empty list agreeing with itself


# Each change a person makes: in the same transaction the company's totals are written again (nothing stale),
# its figures move as the live sums say, and the other company's stay as they were.
CHANGES = {
    "an override": lambda s: edits.override_verdict(s, claim_id(s, "revenue", date(2025, 3, 25)), "missed",
                                                    "restated in the 10-Q", "bo"),
    "an override cleared": lambda s: (
        edits.override_verdict(s, claim_id(s, "revenue", date(2025, 3, 25)), "missed", "restated", "bo"),
        edits.clear_override(s, claim_id(s, "revenue", date(2025, 3, 25)), "bo")),
    "a dismissal": lambda s: edits.dismiss_claim(s, claim_id(s, "revenue", date(2025, 3, 25)), "not guidance",
                                                 "bo"),
    "a correction of the period": lambda s: edit_claim(s, claim_id(s, "revenue", date(2025, 3, 25)),
                                                       {"period": "2025-Q3"}, "guidance was for Q3", "bo"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_persons_change_rewrites_its_companys_totals_at_once(scored, change):
    with scored.session(write=False) as s:
        before = _figures(s)
    with scored.session() as s:
        CHANGES[change](s)
    with scored.session(write=False) as s:
        assert _stale(s) == set()
        after = _figures(s)
        assert after + (after[3],) == _live(s)
    if change != "an override cleared":
        assert [r for r in after[0] if r[0] == "NWSC"] != [r for r in before[0] if r[0] == "NWSC"] \
            or after[1] != before[1]
    assert [r for r in after[0] if r[0] == "ORBT"] == [r for r in before[0] if r[0] == "ORBT"]


# Writers that know nothing of the totals: the triggers mark the company, and its figures are summed live.
BLIND = {
    "an override inserted by a bulk statement": lambda s: s.execute(insert(OverrideRecord), [{
        "claim_id": claim_id(s, "revenue", date(2025, 3, 25)), "verdict": "missed", "reason": "by hand",
        "author": "bulk", "created_at": utcnow()}]),
    "a verdict rewritten by a bulk statement": lambda s: s.execute(
        update(VerdictRecord).where(VerdictRecord.claim_id == claim_id(s, "revenue", date(2025, 3, 25)))
        .values(verdict="missed", surprise_pct=-40.0)),
    "a claim's speaker renamed in SQL": lambda s: s.execute(
        update(ClaimRecord).where(ClaimRecord.id == claim_id(s, "revenue", date(2025, 3, 25)))
        .values(speaker="Lena Ortiz")),
    "a later call ingested": lambda s: ingest_extraction(s, f.extraction(
        call_date=date(2025, 5, 6), claims=(f.guidance("wafer starts", 12_000, period=f.full_year(2025),
                                                       unit="units", start=40),)), author="bo"),
}


@pytest.mark.parametrize("change", list(BLIND))
def test_a_change_the_totals_were_not_told_of_is_read_live_and_scoring_catches_up(scored, change):
    with scored.session(write=False) as s:
        before = _figures(s)
    with scored.session() as s:
        BLIND[change](s)
    with scored.session(write=False) as s:
        assert _stale(s) == {"NWSC"}
        after = _figures(s)
        assert after + (after[3],) == _live(s)
        assert after != before
    with scored.session() as s:
        score_all(s, AS_OF)
    with scored.session(write=False) as s:
        assert _stale(s) == set()
        assert _figures(s) == after or change == "a later call ingested"   # its new claim is scored now
        final = _figures(s)
        assert final + (final[3],) == _live(s)


def test_each_claims_newest_verdict_is_always_summed_live(scored):
    """as_of None ('each claim's newest verdict') has no stored totals: it agrees with the date's figures
    when that date is the only one scored."""
    with scored.session(write=False) as s:
        dated = [(c.ticker, c.claims, c.credibility.summary) for c in list_companies(s, AS_OF)]
        assert [(c.ticker, c.claims, c.credibility.summary) for c in list_companies(s)] == dated


def test_next_deadlines_lists_the_soonest_claims_of_each_company(scored):
    with scored.session() as s:
        edits.dismiss_claim(s, claim_id(s, "revenue", date(2025, 3, 25)), "not guidance", "bo")
    with scored.session(write=False) as s:
        due = next_deadlines(s, date(2025, 1, 1), per_company=2)
        rows = s.execute(select(ClaimRecord.id, Company.ticker, ClaimRecord.period_end, ClaimRecord.status)
                         .join(Company).where(ClaimRecord.period_end >= date(2025, 1, 1))
                         .order_by(Company.ticker, ClaimRecord.period_end, ClaimRecord.id)).all()
        expected = []
        for ticker in sorted({r.ticker for r in rows}):
            expected += [r.id for r in rows if r.ticker == ticker and r.status == "active"][:2]
        assert [d.id for d in due] == expected
        assert {d.ticker for d in due} == {"NWSC", "ORBT"}


def test_the_totals_go_with_their_company_and_with_a_downgrade(scored, db_url):
    """Deleting a company deletes its totals (cascade); the migration's downgrade drops the tables and the
    triggers, and upgrading again brings them back empty (reads are live until the next scoring)."""
    from alembic import command

    from db.session import _make_engine, alembic_config, current_revision, open_database, upgrade

    with scored.session() as s:
        s.execute(delete(Company).where(Company.ticker == "ORBT"))
    with scored.session(write=False) as s:
        left = set(s.scalars(select(VerdictTotal.company_id).distinct()))
        assert left == {s.scalar(select(Company.id).where(Company.ticker == "NWSC"))}
    scored.dispose()
    engine = _make_engine(db_url, foreign_keys=False, pooled=False)
    with engine.begin() as conn:
        cfg = alembic_config(db_url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    assert current_revision(engine) == "0008"
    with engine.connect() as conn:
        names = {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'" if conn.dialect.name == "sqlite"
            else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))}
    engine.dispose()
    assert names and not {n for n in names if n.startswith("fls_shown")}
    assert {n for n in names if n.startswith("fls_inputs")}          # 0008's triggers stay
    upgrade(db_url)
    db = open_database(db_url)
    with db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(VerdictTotal)) == 0
        assert _stale(s) == {"NWSC"}
        assert _figures(s)[0] == _live(s)[0]
    db.dispose()
