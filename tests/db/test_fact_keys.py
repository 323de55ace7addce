"""Migration 0007 and the natural keys of reported figures and events (db.upserts): a release-0005 database
upgrades with every figure, verdict link, override, note and audit row; twins that a past race stored are
merged into their first row; and a figure is one fact however its value or empty source is spelt."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import MetaData, create_engine, select

from db.actuals_csv import import_actuals_csv
from db.models import ActualRecord, AuditRecord, EventRecord, NoteRecord, OverrideRecord, VerdictRecord
from db.session import current_revision, head_revision, open_database
from db.upserts import actual_key, event_key
from tests.db.test_release_fixture import AUDIT, NOTES, OVERRIDES, release_0005  # noqa: F401 - a fixture

ACME_ACTUALS = Path(__file__).resolve().parents[1] / "cli" / "data" / "acme_actuals.csv"
KEYED = ("metric", "scope", "period_label", "value", "unit", "reported_on", "source_ref", "basis", "document_id",
         "start")


def test_the_release_upgrades_with_every_figure_keyed_and_linked(release_0005):   # noqa: F811
    db = open_database(release_0005)
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session(write=False) as s:
            actuals = s.scalars(select(ActualRecord).order_by(ActualRecord.id)).all()
            assert [a.id for a in actuals] == [1, 2, 3, 4]
            assert all(a.natural_key == actual_key({k: getattr(a, k) for k in KEYED}) for a in actuals)
            links = s.execute(select(VerdictRecord.claim_id, VerdictRecord.actual_id).order_by(VerdictRecord.id))
            assert [tuple(r) for r in links] == [(1, 2), (2, None), (3, 3), (4, None)]
            assert [(o.claim_id, o.verdict, o.reason, o.author) for o in s.scalars(select(OverrideRecord))] == OVERRIDES
            assert [(n.claim_id, n.text, n.author)
                    for n in s.scalars(select(NoteRecord).order_by(NoteRecord.id))] == NOTES
            assert [a.action for a in s.scalars(select(AuditRecord).order_by(AuditRecord.id))] == AUDIT
        with db.session() as s:   # the release imported this very file: nothing of it is new
            result = import_actuals_csv(s, ACME_ACTUALS, author="cy")
            assert (result.actuals, result.events, result.skipped) == (0, 0, 2)
    finally:
        db.dispose()


def _add_twins(url: str) -> None:
    """What two imports racing under release 0005 could leave: actual 2 stored again (a verdict and a
    restatement pointing at the copy) and one event stored twice."""
    engine = create_engine(url)
    try:
        meta = MetaData()
        meta.reflect(engine, only=["actuals", "verdicts", "events"])
        actuals, verdicts, events = (meta.tables[n] for n in ("actuals", "verdicts", "events"))
        with engine.begin() as conn:
            row = dict(conn.execute(select(actuals).where(actuals.c.id == 2)).one()._mapping)
            conn.execute(actuals.insert(), [row | {"id": 5}, row | {"id": 6, "reported_on": date(2025, 9, 1),
                                                                      "restates_id": 5}])
            verdict = dict(conn.execute(select(verdicts).where(verdicts.c.id == 1)).one()._mapping)
            conn.execute(verdicts.insert(), [verdict | {"id": 5, "as_of": date(2026, 4, 1), "actual_id": 5}])
            event = {"company_id": 1, "kind": "achieved", "on": date(2025, 6, 30), "metric": "plants", "scope": None,
                     "period_label": None, "period_start": None, "period_end": None, "value": None, "unit": None,
                     "source": "press release", "note": "", "created_at": datetime(2025, 7, 1)}
            conn.execute(events.insert(), [event | {"id": 1}, event | {"id": 2, "note": "again"}])
    finally:
        engine.dispose()


def test_twins_a_past_race_stored_are_merged_into_their_first_row(release_0005):   # noqa: F811
    _add_twins(release_0005)
    db = open_database(release_0005)
    try:
        with db.session(write=False) as s:
            assert [a.id for a in s.scalars(select(ActualRecord).order_by(ActualRecord.id))] == [1, 2, 3, 4, 6]
            assert s.get(ActualRecord, 6).restates_id == 2
            assert s.get(VerdictRecord, 5).actual_id == 2
            assert [(e.id, e.note) for e in s.scalars(select(EventRecord))] == [(1, "")]
    finally:
        db.dispose()


def test_a_figure_is_one_fact_however_it_is_spelt():
    """82800000 and 82800000.0, -0.0 and 0.0, a missing source and an empty one: the same key; the note
    does not count, the date does."""
    figure = {"metric": "revenue", "period_label": "2025-Q1", "value": 82800000, "unit": "USD",
              "reported_on": date(2025, 5, 1), "source_ref": None, "note": "first"}
    assert actual_key(figure) == actual_key(figure | {"value": 82800000.0, "source_ref": "", "note": "second"})
    assert actual_key(figure | {"value": -0.0}) == actual_key(figure | {"value": 0})
    assert actual_key(figure) != actual_key(figure | {"reported_on": date(2025, 5, 2)})
    assert actual_key(figure) != actual_key(figure | {"document_id": 1, "start": 40})
    event = {"kind": "achieved", "on": date(2025, 6, 30), "metric": "plants", "source": None}
    assert event_key(event) == event_key(event | {"source": "", "note": "x"}) != event_key(event | {"kind": "missed"})
    revised = {"kind": "revised", "on": date(2025, 8, 1), "metric": "revenue", "value": 100e6, "high": 120e6}
    assert event_key(revised) != event_key(revised | {"high": 130e6})      # "to $100-120M" and "to $100-130M"
    assert event_key(event | {"claim_id": 1}) != event_key(event | {"claim_id": 2})   # two milestones settled
