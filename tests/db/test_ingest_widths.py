"""Text wider than its column is cut when a call is stored, on every backend."""
from __future__ import annotations

from db.ingest import ingest_extraction
from tests.db import factories as f


def test_text_longer_than_its_column_is_cut_not_refused(db):
    """A metric named after a long noun phrase, a speaker line read as a 250-character name: the call is
    stored (PostgreSQL would refuse the whole transaction), and ingesting it again changes nothing."""
    from sqlalchemy import select

    from db.models import ClaimRecord, Company, MentionRecord
    from tracker.model import Role, Speaker

    who = Speaker(name="Vance " * 50, title="Chief " * 80, role=Role.EXECUTIVE)
    call = f.extraction(ticker="LONG", company="Longwinded Partners " * 20, claims=(
        f.guidance("revenue from the sale of refurbished industrial sewing machines to regional tailors", 5e6,
                   period=f.quarter(2025, 3), speaker=who),))
    for replace in (False, True):
        with db.session() as s:
            ingest_extraction(s, call, author="analyst", replace=replace)
    with db.session(write=False) as s:
        assert len(s.scalar(select(ClaimRecord.metric))) == 64
        assert len(s.scalar(select(ClaimRecord.speaker))) == 200
        assert len(s.scalar(select(MentionRecord.speaker))) == 200
        assert len(s.scalar(select(Company.name))) == 200
