"""Incremental scoring (db.scoring.score_all, db.inputs): scoring a date again scores only the companies whose
claims, figures, events or revision links changed, and the verdicts it leaves are exactly those a full scoring
writes; a person's overrides and the audit trail are never touched by it."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, func, insert, select, text

from db import audit, edits
from db.actuals_csv import import_actuals_csv
from db.corrections import edit_claim
from db.ingest import ingest_extraction
from db.models import ActualRecord, AuditRecord, ClaimRecord, Company, ScoreState, VerdictRecord
from db.scoring import effective_verdict, last_scored, score_all
from db.session import open_empty_database
from db.upserts import actual_key
from tests.db import factories as f
from tests.db.helpers import claim_id
from tracker.model import Verdict

AS_OF = date(2025, 6, 30)
# an invented second company, so that a change of one company can be seen to leave the other alone
ORBIT = dict(ticker="ORBT", company="Orbit Pumps", call_date=date(2025, 2, 12))


def orbit_call():
    return f.extraction(**ORBIT, claims=(
        f.guidance("bookings", 50e6, 60e6, period=f.quarter(2025, 1), start=10),
        f.guidance("pump shipments", 1200, period=f.full_year(2025), unit="units", start=200),
    ))


def _verdicts(session) -> list[tuple]:
    """Every stored verdict, without its row id and time: what a full and an incremental scoring must agree on."""
    return [(v.claim_id, v.as_of, v.against, v.verdict, v.explanation, v.surprise_pct, v.attainment, v.days_late,
             v.actual_id)
            for v in session.scalars(select(VerdictRecord).order_by(VerdictRecord.claim_id, VerdictRecord.as_of,
                                                                  VerdictRecord.against))]


def _rows_of(session, ticker: str) -> list[tuple]:
    """The verdict rows of one company with their ids and times: untouched rows keep both."""
    return [(v.id, v.computed_at) for v in session.scalars(
        select(VerdictRecord).join(ClaimRecord, ClaimRecord.id == VerdictRecord.claim_id)
        .join(Company, Company.id == ClaimRecord.company_id).where(Company.ticker == ticker)
        .order_by(VerdictRecord.id))]


def _active(session, ticker: str) -> int:
    return session.scalar(select(func.count()).select_from(ClaimRecord).join(Company)
                          .where(Company.ticker == ticker, ClaimRecord.status == "active"))


@pytest.fixture
def scored(db, tmp_path):
    """Northwind's two calls and its Q1 revenue, Orbit's call, all scored on AS_OF."""
    csv = tmp_path / "a.csv"
    csv.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n"
                   "NWSC,revenue,2025-Q1,,93M,USD,2025-04-30,\n"
                   "ORBT,bookings,2025-Q1,,48M,USD,2025-04-20,\n", encoding="utf-8")
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")
        ingest_extraction(s, f.second_call(), author="ana")
        ingest_extraction(s, orbit_call(), author="ana")
        import_actuals_csv(s, csv, author="ana")
    with db.session() as s:
        assert score_all(s, AS_OF) == 9
    return db


def _csv(tmp_path, line: str):
    path = tmp_path / "later.csv"
    path.write_text("ticker,metric,period,as_of,value,unit,reported_on,event\n" + line + "\n", encoding="utf-8")
    return path


# Each change is one a person or an ingest makes to Northwind only; every one of them can move a verdict.
CHANGES = {
    "a figure added by hand": lambda s, tmp: edits.add_actual(
        s, "NWSC", "gross margin", None, "2025-Q1", "38", "%", "2025-05-02", author="bo"),
    "a CSV import with an event": lambda s, tmp: import_actuals_csv(
        s, _csv(tmp, "NWSC,wafer starts,,2025-05-15,,,2025-05-15,achieved"), author="bo"),
    "a corrected claim": lambda s, tmp: edit_claim(
        s, claim_id(s, "revenue", date(2025, 3, 25)), {"low": "97M", "high": "99M"}, "misheard", "bo"),
    "a dismissed claim restored": lambda s, tmp: (
        edits.dismiss_claim(s, claim_id(s, "gross margin"), "not guidance", "bo"),
        edits.restore_claim(s, claim_id(s, "gross margin"), "bo")),
    "a later call that revises": lambda s, tmp: ingest_extraction(s, f.extraction(
        call_date=date(2025, 5, 6), claims=(f.guidance("wafer starts", 12_000, period=f.full_year(2025),
                                                       unit="units", start=40),)), author="bo"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_scoring_again_scores_only_the_changed_company_and_agrees_with_a_full_scoring(scored, tmp_path, change):
    with scored.session() as s:
        orbit_before = _rows_of(s, "ORBT")
        CHANGES[change](s, tmp_path)
    with scored.session() as s:
        assert score_all(s, AS_OF) == _active(s, "NWSC")
        incremental = _verdicts(s)
        assert _rows_of(s, "ORBT") == orbit_before       # the other company's rows were not even rewritten
    with scored.session() as s:
        assert score_all(s, AS_OF, full=True) == _active(s, "NWSC") + _active(s, "ORBT")
        assert _verdicts(s) == incremental


def test_a_change_moves_the_verdict_it_should(scored):
    """Not only "the same as a full scoring": the new figure is read. Northwind's gross margin (40-42%, lowered
    to 37-39%) is awaiting its Q1 figure until one is added; scoring again reads the 38% and says missed."""
    with scored.session() as s:
        margin = claim_id(s, "gross margin")
        assert effective_verdict(s, margin) is Verdict.AWAITING
        edits.add_actual(s, "NWSC", "gross margin", None, "2025-Q1", "38", "%", "2025-05-02", author="bo")
    with scored.session() as s:
        score_all(s, AS_OF)
        assert effective_verdict(s, margin) is Verdict.MISSED


def test_nothing_changed_scores_nothing_and_rewrites_nothing(scored):
    with scored.session() as s:
        before = _rows_of(s, "NWSC") + _rows_of(s, "ORBT")
        edits.add_note(s, claim_id(s, "revenue"), "ask about the Q1 pull-ins", "bo")   # a note is not an input
    with scored.session() as s:
        assert score_all(s, AS_OF) == 0
        assert _rows_of(s, "NWSC") + _rows_of(s, "ORBT") == before


def test_another_date_or_a_new_release_of_the_rules_scores_everything(scored, monkeypatch):
    with scored.session() as s:
        assert score_all(s, date(2025, 9, 30)) == 9        # never scored on that date
        assert score_all(s, date(2025, 9, 30)) == 0
    monkeypatch.setattr("db.scoring.rules_fingerprint", lambda: "other rules")
    with scored.session() as s:
        assert score_all(s, AS_OF) == 9


def test_a_company_scored_alone_leaves_the_others_to_be_scored(scored):
    with scored.session() as s:
        edits.add_actual(s, "NWSC", "gross margin", None, "2025-Q1", "38", "%", "2025-05-02", author="bo")
        edits.add_actual(s, "ORBT", "bookings", None, "2025-Q2", "51M", "USD", "2025-06-20", author="bo")
    with scored.session() as s:
        assert score_all(s, AS_OF, ticker="ORBT") == _active(s, "ORBT")
        assert score_all(s, AS_OF) == _active(s, "NWSC")
        assert score_all(s, AS_OF) == 0


def test_overrides_survive_incremental_scoring(scored):
    with scored.session() as s:
        revenue = claim_id(s, "revenue")
        edits.override_verdict(s, revenue, "missed", "restated in the 10-Q", "bo")
        edits.add_actual(s, "NWSC", "revenue", None, "2025-Q1", "94M", "USD", "2025-05-30", author="bo")
    with scored.session() as s:
        assert score_all(s, AS_OF) == _active(s, "NWSC")
        assert effective_verdict(s, revenue) is Verdict.MISSED
        assert [a.action for a in audit.trail(s, "claim", revenue)][-1:] == ["override"]


def test_each_scoring_is_in_the_audit_log(scored):
    with scored.session() as s:
        edits.add_actual(s, "NWSC", "gross margin", None, "2025-Q1", "38", "%", "2025-05-02", author="bo")
    with scored.session() as s:
        score_all(s, AS_OF, author="cy")
        score_all(s, AS_OF, author="cy", full=True)
    with scored.session() as s:
        runs = [audit.loads(a.after) for a in s.scalars(select(AuditRecord).where(AuditRecord.action == "score")
                                                        .order_by(AuditRecord.id))]
    assert runs[-2:] == [
        {"as_of": "2025-06-30", "company": None, "full": False, "companies": 1, "claims": _n(scored, "NWSC")},
        {"as_of": "2025-06-30", "company": None, "full": True, "companies": 2, "claims": 9},
    ]


def _n(db, ticker: str) -> int:
    with db.session(write=False) as s:
        return _active(s, ticker)


def _figure(company_id: int) -> dict:
    row = {"company_id": company_id, "metric": "bookings", "period_label": "2025-Q2", "value": 52e6, "unit": "USD",
           "source_kind": "manual"}
    return row | {"natural_key": actual_key(row)}


def test_a_bulk_statement_counts_as_a_change(scored):
    """The count is the database's (triggers), so a writer that never heard of scoring still counts: a figure
    inserted by a plain INSERT statement makes its company's verdicts of the date out of date."""
    with scored.session() as s:
        company = s.scalar(select(Company).where(Company.ticker == "ORBT"))
        version = company.inputs_version
        s.execute(insert(ActualRecord), [_figure(company.id)])
        assert s.scalar(select(Company.inputs_version).where(Company.id == company.id)) == version + 1
        stored = s.scalar(select(ScoreState.inputs_version).where(ScoreState.company_id == company.id))
        assert stored == version
    with scored.session() as s:
        assert score_all(s, AS_OF) == _active(s, "ORBT")


def test_a_schema_made_without_the_migrations_counts_too():
    """The in-memory database of a read-only command is made by create_all: it has the triggers as well."""
    database = open_empty_database()
    with database.session() as s:
        s.add(Company(ticker="ORBT", name="Orbit Pumps"))
        s.flush()
        company = s.scalar(select(Company))
        s.execute(insert(ActualRecord), [_figure(company.id)])
        assert s.scalar(select(Company.inputs_version)) == 1
    database.dispose()


def test_every_input_table_has_its_triggers_at_head(db):
    """A later migration that re-creates an input table (Alembic's batch mode on SQLite) drops its triggers;
    db.inputs.install puts them back, and this says when one forgot to."""
    with db.session(write=False) as s:
        if s.get_bind().dialect.name == "sqlite":
            found = s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).all()
        else:
            found = s.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).all()
    expected = {f"fls_inputs_{table}_{op}" for table in ("claims", "actuals", "events", "claim_revisions")
                for op in ("insert", "update", "delete")}
    assert expected <= set(found)


def _statements_of_a_full_scoring(db) -> int:
    sent = []

    def count(*_args) -> None:  # noqa: ANN002
        sent.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.session() as s:
            score_all(s, AS_OF, full=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(sent)


def test_scoring_sends_as_many_statements_for_twenty_nine_claims_as_for_nine(scored):
    """Set-based: the statements a scoring sends depend on its companies and batches, never on its claims (no
    query per claim). Twenty more Northwind claims, in a third call, change nothing in the count."""
    before = _statements_of_a_full_scoring(scored)
    more = tuple(f.guidance(f"segment {k} revenue", 10e6 + k, period=f.quarter(2025, 2), start=100 * k)
                 for k in range(20))
    with scored.session() as s:
        ingest_extraction(s, f.extraction(call_date=date(2025, 4, 24), claims=more), author="ana")
        assert _active(s, "NWSC") == 27
    assert _statements_of_a_full_scoring(scored) == before


def test_verdicts_of_another_policy_are_scored_again_by_a_plain_scoring(scored):
    from tracker.scoring import ScoringPolicy

    with scored.session() as s:
        assert score_all(s, AS_OF, policy=ScoringPolicy()) == 9     # a policy given: everything, then forgotten
        assert score_all(s, AS_OF) == 9
        assert score_all(s, AS_OF) == 0


def test_scoring_an_old_date_again_makes_it_the_date_last_scored_even_with_nothing_to_do(scored):
    """A reviewer scores 2025-09-30, then 2025-06-30 again: nothing changed, no verdict row is written, and the
    date last scored (what the UI and the scorecard open on) is still 2025-06-30."""
    with scored.session() as s:
        score_all(s, date(2025, 9, 30))
        assert last_scored(s) == date(2025, 9, 30)
        assert score_all(s, AS_OF) == 0
        assert last_scored(s) == AS_OF
