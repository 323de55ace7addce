"""A database made by release 0005 (tests/fixtures/db/release_0005.sqlite, recipe beside it) upgraded to the
newest schema keeps every override, note, dismissal, review mark and audit row, and its claims read back as
extracted and uncorrected. On PostgreSQL the fixture's rows are first copied into a database at 0005, so the
same upgrade runs on both."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, func, select, text

from db.models import AuditRecord, ClaimRecord, CorrectionRecord, NoteRecord, OverrideRecord, ReviewMark
from db.session import current_revision, head_revision, open_database, upgrade

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "release_0005.sqlite"
# what the recipe (make_release_0005.py) made: claim 3's override, two notes, a dismissal, a review mark
OVERRIDES = [(3, "met", "the 27% is after a one-off charge; 31% without it", "ana")]
NOTES = [(1, "ask about the plant in Ohio", "ana"), (3, "margin guidance was for GAAP", "bo")]
AUDIT = ["ingest", "import_actuals", "add_actual", "override", "add_note", "add_note", "mark_reviewed", "dismiss"]


def _copy_into(url: str) -> None:
    """The fixture's rows written into the (0005) database at `url`, parents first; sequences moved past them."""
    source = create_engine(f"sqlite:///{FIXTURE}")
    target = create_engine(url)
    try:
        meta = MetaData()
        meta.reflect(source)
        with source.connect() as src, target.begin() as dst:
            for table in meta.sorted_tables:
                if table.name == "alembic_version":
                    continue
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                if rows:
                    dst.execute(table.insert(), rows)
                if "id" in table.c:
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                     f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))
    finally:
        source.dispose()
        target.dispose()


@pytest.fixture
def release_0005(db_url, tmp_path) -> str:
    if db_url.startswith("sqlite"):
        path = tmp_path / "release_0005.sqlite"
        shutil.copyfile(FIXTURE, path)
        return f"sqlite:///{path}"
    upgrade(db_url, "0005")
    _copy_into(db_url)
    return db_url


def test_the_fixture_is_release_0005():
    engine = create_engine(f"sqlite:///{FIXTURE}")
    try:
        assert current_revision(engine) == "0005"
    finally:
        engine.dispose()


def test_upgrading_the_release_keeps_every_change_a_person_made(release_0005):
    db = open_database(release_0005)       # upgrades to head
    try:
        assert current_revision(db.engine) == head_revision()
        with db.session(write=False) as s:
            assert [(o.claim_id, o.verdict, o.reason, o.author)
                    for o in s.scalars(select(OverrideRecord).order_by(OverrideRecord.id))] == OVERRIDES
            assert [(n.claim_id, n.text, n.author)
                    for n in s.scalars(select(NoteRecord).order_by(NoteRecord.id))] == NOTES
            assert [a.action for a in s.scalars(select(AuditRecord).order_by(AuditRecord.id))] == AUDIT
            assert [(m.claim_id, m.verdict) for m in s.scalars(select(ReviewMark))] == [(1, "met")]
            claims = s.scalars(select(ClaimRecord).order_by(ClaimRecord.id)).all()
            assert [c.status for c in claims] == ["active", "active", "active", "dismissed"]
            assert {c.origin for c in claims} == {"extracted"}
            assert s.scalar(select(func.count()).select_from(CorrectionRecord)) == 0
    finally:
        db.dispose()


def test_the_upgraded_release_takes_a_correction_and_scores(release_0005):
    from datetime import date

    from db.corrections import edit_claim
    from db.scoring import effective_verdict, score_all
    from tracker.model import Verdict

    db = open_database(release_0005)
    try:
        with db.session() as s:
            edit_claim(s, 1, {"low": "225M", "high": "235M"}, "the press release narrowed the range", "cy")
        with db.session() as s:
            assert score_all(s, date(2026, 3, 1)) == 3          # the dismissed claim is not scored
            assert effective_verdict(s, 1, as_of=date(2026, 3, 1)) is Verdict.MET    # $231M inside $225-235M
            assert effective_verdict(s, 3, as_of=date(2026, 3, 1)) is Verdict.MET    # the override stays
    finally:
        db.dispose()
