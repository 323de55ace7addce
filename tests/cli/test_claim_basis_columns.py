"""`fls claims --format json/csv` carries each claim's basis and measure; a loss stays negative
(invented company Plover Vex, stored without the extractor)."""
from __future__ import annotations

import csv
import dataclasses
import io
import json

from db.ingest import ingest_extraction
from db.session import open_database
from tests.db import factories as f


def _store(db_path) -> None:
    loss = dataclasses.replace(f.guidance("adjusted ebitda", -2.25e9, -2.0e9, period=f.full_year(2025), start=10),
                               basis="adjusted")
    growth = dataclasses.replace(f.guidance("revenue", 8, 10, period=f.full_year(2025), unit="%", start=80),
                                 measure="yoy_growth", basis="gaap")
    database = open_database(str(db_path))
    try:
        with database.session() as s:
            ingest_extraction(s, f.extraction(ticker="PLVX", company="Plover Vex", claims=(loss, growth)),
                              author="test")
    finally:
        database.dispose()


def test_claims_json_and_csv_show_basis_and_measure(fls, db_path):
    _store(db_path)
    rows = json.loads(fls("claims", "PLVX", "--format", "json").out)
    got = {(r["metric"], r["basis"], r["measure"], r["low"]) for r in rows}
    assert got == {("adjusted ebitda", "adjusted", None, -2.25e9), ("revenue", "gaap", "yoy_growth", 8.0)}
    table = list(csv.DictReader(io.StringIO(fls("claims", "PLVX", "--format", "csv").out)))
    by_metric = {r["metric / scope"]: r for r in table}
    assert by_metric["adjusted ebitda"]["promise"] == "$2.0B-$2.25B loss"
    assert (by_metric["revenue"]["basis"], by_metric["revenue"]["measure"]) == ("gaap", "yoy_growth")


def test_actuals_add_records_the_basis(fls, db_path):
    _store(db_path)
    run = fls("actuals", "add", "--company", "PLVX", "--metric", "adjusted ebitda", "--period", "2025-FY",
              "--value", "-2.1B", "--unit", "USD", "--basis", "Adjusted")
    assert run.code == 0, run.err
    assert fls("score", "--as-of", "2026-03-01").code == 0
    rows = {r["metric"]: r for r in json.loads(fls("claims", "PLVX", "--format", "json").out)}
    assert rows["adjusted ebitda"]["verdict"] == "met"
    assert rows["adjusted ebitda"]["actual_value"] == -2.1e9
