"""Basis end to end: the CSV `basis` column and `add_actual(basis=...)` are stored, and scoring picks the
figure of the claim's own basis (invented company: Tessel Grain)."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from db.actuals_csv import import_actuals_csv
from db.edits import add_actual
from db.ingest import ingest_extraction
from db.models import ActualRecord, VerdictRecord
from db.scoring import score_all
from tests.db import factories as f
from tracker.errors import InputError

HEADER = "ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event,basis\n"


def _store_claim(db, basis: str | None) -> None:
    eps = dataclasses.replace(f.guidance("operating income", 40e6, 45e6, period=f.quarter(2025, 2), start=30),
                              basis=basis)
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="TSGR", company="Tessel Grain", claims=(eps,)), author="ana")


def _verdict(db) -> VerdictRecord:
    with db.session() as s:
        score_all(s, date(2025, 12, 1))
    with db.session(write=False) as s:
        return s.scalars(select(VerdictRecord)).one()


@pytest.mark.parametrize("basis, rows, verdict, ending", [
    pytest.param("non_gaap", ["12M,USD,gaap", "43M,USD,Non-GAAP"], "met", "within range, met (non-GAAP basis)",
                 id="non-gaap-claim-uses-the-non-gaap-row"),
    pytest.param("adjusted", ["12M,USD,gaap"], "awaiting", "not reported yet: awaiting",
                 id="adjusted-claim-never-against-gaap"),
    pytest.param("gaap", ["12M,USD,gaap", "43M,USD,non_gaap"], "missed", "missed (GAAP basis)",
                 id="gaap-claim-uses-the-gaap-row"),
    pytest.param(None, ["43M,USD,"], "met", "within range, met", id="no-basis-anywhere-reads-as-before"),
])
def test_csv_basis_decides_the_verdict(db, tmp_path, basis, rows, verdict, ending):
    _store_claim(db, basis)
    body = "".join(f"TSGR,operating income,,2025-Q2,,{value},{unit},2025-08-01,10-Q,,,{b}\n"
                   for value, unit, b in (r.split(",") for r in rows))
    path = tmp_path / "a.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    with db.session() as s:
        import_actuals_csv(s, path, author="ana")
    got = _verdict(db)
    assert got.verdict == verdict and got.explanation.endswith(ending), got.explanation


def test_same_figure_on_two_bases_is_two_rows(db, tmp_path):
    _store_claim(db, None)
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "TSGR,operating income,,2025-Q2,,43M,USD,,,,,gaap\n"
                             "TSGR,operating income,,2025-Q2,,43M,USD,,,,,adjusted\n", encoding="utf-8")
    with db.session() as s:
        assert import_actuals_csv(s, path, author="ana").actuals == 2
    with db.session(write=False) as s:
        assert sorted(s.scalars(select(ActualRecord.basis))) == ["adjusted", "gaap"]


def test_a_misspelt_basis_is_a_bad_row(db, tmp_path):
    _store_claim(db, None)
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "TSGR,operating income,,2025-Q2,,43M,USD,,,,,nongap\n", encoding="utf-8")
    with db.session() as s, pytest.raises(InputError, match="line 2: unknown basis 'nongap'"):
        import_actuals_csv(s, path, author="ana")


@pytest.mark.parametrize("typed, stored", [("non-GAAP", "non_gaap"), ("GAAP", "gaap"), ("", None), (None, None)],
                         ids=["non-gaap-words", "gaap-caps", "empty", "not-given"])
def test_add_actual_basis(db, typed, stored):
    _store_claim(db, None)
    with db.session() as s:
        row = add_actual(s, "TSGR", "operating income", None, "2025-Q2", "43M", "USD", None, basis=typed)
        assert row.basis == stored
