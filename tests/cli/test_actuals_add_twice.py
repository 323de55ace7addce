"""`fls actuals add` of a figure that is stored already (same company, metric, scope, period, value, unit,
date, source and basis: typed twice, or imported from a CSV before) says so and stores no second row;
the same figure with another date is a restatement, stored (invented Acme call)."""
from __future__ import annotations

from tests.cli.test_commands import count_rows

FIGURE = ["actuals", "add", "--company", "ACME", "--metric", "revenue", "--period", "2025-Q3", "--value", "236M",
          "--unit", "USD", "--reported-on", "2025-11-04", "--source", "10-Q"]


def test_a_figure_typed_twice_is_stored_once(acme, db_path):
    before = count_rows(db_path, "actuals")
    assert acme(*FIGURE).out.strip() == f"added actual {before + 1}: revenue 2025-Q3 $236.0M"
    again = acme(*FIGURE, "--note", "typed again")
    assert (again.code, again.out.strip()) == (0, f"already stored as actual {before + 1}: revenue 2025-Q3 $236.0M")
    assert count_rows(db_path, "actuals") == before + 1
    later = acme(*FIGURE[:-4], "--reported-on", "2026-02-10", "--source", "10-K")
    assert later.out.strip() == f"added actual {before + 2}: revenue 2025-Q3 $236.0M"


def test_a_figure_imported_before_is_not_added_again(acme, db_path):
    """acme_actuals.csv (imported by the fixture) reports Q2 revenue of $231M on 2025-08-05 in a press release."""
    before = count_rows(db_path, "actuals")
    run = acme("actuals", "add", "--company", "ACME", "--metric", "revenue", "--period", "2025-Q2", "--value",
               "231M", "--unit", "USD", "--reported-on", "2025-08-05", "--source", "press release")
    assert run.out.strip().startswith("already stored as actual ")
    assert count_rows(db_path, "actuals") == before
