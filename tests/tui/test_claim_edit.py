"""Correcting a claim in the UI (`c` on the claim detail), keys typed into the form: the same correction as
`fls claim edit` (db.corrections.edit_claim), audited, the claim shown as corrected beside its original, and
bad input shown in the form with nothing written.

Invented company: Northwind's Q1 guidance, as extracted, read wrong; the analyst fixes a figure or the period.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select
from textual.widgets import Static

from db.models import AuditRecord, ClaimRecord, CorrectionRecord
from tests.tui.conftest import count, drive, settle
from tui.screens.claim_detail import ClaimDetailScreen
from tui.screens.claim_edit_form import ClaimEditForm


async def type_into(pilot, field: str, text: str) -> None:
    pilot.app.screen.query_one(f"#field-{field}").focus()
    await pilot.press(*text)


async def open_detail(pilot) -> ClaimDetailScreen:
    await pilot.press("enter")          # the company's claims
    await settle(pilot)
    await pilot.press("enter")          # the first claim in full
    await settle(pilot)
    assert isinstance(pilot.app.screen, ClaimDetailScreen)
    return pilot.app.screen


EDITS = [
    # (what, typed into the form, corrected columns or None when refused, the form's error)
    ("a figure", {"high": "95M", "reason": "the press release said 95"}, {"high": 95e6}, None),
    ("the period", {"period": "2025-Q2", "reason": "guidance was for Q2"}, {"period_label": "2025-Q2"}, None),
    ("no reason", {"high": "95M"}, None, "reason"),
    ("nothing to correct", {"reason": "looked wrong"}, None, "nothing to correct"),
    ("a figure that is none", {"low": "lots", "reason": "typo"}, None, "lots"),
]


@pytest.mark.parametrize(("typed", "corrected", "error"), [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_correct_a_claim_by_keys(northwind, typed, corrected, error):
    seen: dict = {}

    async def scenario(pilot):
        detail = await open_detail(pilot)
        seen["id"] = detail.claim_id
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimEditForm)
        for field, text in typed.items():
            await type_into(pilot, field, text)
        await pilot.press("enter")      # submits the form from any field
        await settle(pilot)
        if corrected is None:
            assert isinstance(pilot.app.screen, ClaimEditForm)
            assert error in str(pilot.app.screen.query_one("#form-error", Static).render())
            return
        assert pilot.app.screen is detail
        body = str(detail.query_one("#detail-body", Static).render())
        assert "[corrected]" in body and "(original) ->" in body and typed["reason"] in body
        seen["body"] = body

    drive(northwind, scenario)
    written = corrected is not None
    assert count(northwind, CorrectionRecord) == written
    assert count(northwind, AuditRecord, AuditRecord.action == "edit_claim") == written
    if written:
        with northwind.session(write=False) as s:
            rec = s.get(ClaimRecord, seen["id"])
            assert {k: getattr(rec, k) for k in corrected} == corrected
            row = s.scalars(select(CorrectionRecord)).one()
            assert row.author == "tester" and row.reason == typed["reason"]


def test_escape_leaves_the_claim_as_it_was(northwind):
    async def scenario(pilot):
        await open_detail(pilot)
        await pilot.press("c")
        await settle(pilot)
        await type_into(pilot, "high", "95M")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimDetailScreen)
        assert "as extracted" in str(pilot.app.screen.query_one("#detail-body", Static).render())

    drive(northwind, scenario)
    assert count(northwind, CorrectionRecord) == 0
