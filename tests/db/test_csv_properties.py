"""Property-based tests (Hypothesis, a bounded number of examples) for what people type into the actuals
importer: arbitrary text never raises anything but the project's own InputError, a file that imports stores
every row once, and periods read from labels end after they start."""
from __future__ import annotations

import math
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.session import open_database
from db.values import parse_value, resolve_period
from tests.db import factories as f
from tracker.errors import InputError
from tracker.fiscal import calendar_from

EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = "ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"


@pytest.fixture(scope="module")
def database():
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'fls.db'}")
        with db.session() as s:
            ingest_extraction(s, f.first_call(), author="setup")
        yield db, Path(folder)
        db.dispose()


def _import(database, text: str):  # noqa: ANN001, ANN202
    """Import `text` as a CSV file in a transaction that is rolled back (every example starts alike)."""
    db, folder = database
    path = folder / "typed.csv"
    path.write_text(text, encoding="utf-8", newline="")
    session = db.sessions()
    try:
        return import_actuals_csv(session, path, author="hypothesis")
    finally:
        session.rollback()
        session.close()


@EXAMPLES
@given(st.text(max_size=400))
def test_any_text_is_imported_or_refused_in_words(database, text):
    try:
        _import(database, HEADER + text)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc).strip("\n")


CELLS = {
    "ticker": st.sampled_from(["NWSC", "nwsc", "ZZZ", "", " NWSC "]),
    "metric": st.sampled_from(["revenue", "gross margin", "", "x" * 70]),
    "scope": st.sampled_from(["", "asia", "[b]wafers[/b]"]),
    "period": st.sampled_from(["", "2025-Q1", "FY2025-Q3", "2025-H2", "2025-FY", "2025-05", "2025-Q5", "soon"]),
    "as_of": st.sampled_from(["", "2025-03-31", "2025-02-30", "31/03/2025"]),
    "value": st.one_of(st.sampled_from(["", "82.8M", "$1.1B", "-3", "1e5", "1" * 30, "nan", ",", "9999T"]),
                       st.floats(allow_nan=True, allow_infinity=True).map(repr)),
    "unit": st.sampled_from(["", "USD", "%", "units"]),
    "reported_on": st.sampled_from(["", "2025-08-01", "tomorrow"]),
    "source": st.text(max_size=20),
    "note": st.text(max_size=20),
    "event": st.sampled_from(["", "", "", "achieved", "withdrawn", "revised", "exploded"]),
}


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


@EXAMPLES
@given(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=8))
def test_rows_of_typed_cells_import_whole_or_not_at_all(database, rows):
    text = HEADER + "".join(",".join(_quoted(row[c]) for c in CELLS) + "\n" for row in rows)
    try:
        result = _import(database, text)
    except InputError as exc:
        assert "line " in str(exc) or "actuals CSV" in str(exc)
        return
    blank = sum(1 for row in rows if not any(cell.strip() for cell in row.values()))   # a row of empty cells is a blank line
    assert result.actuals + result.events + result.skipped == len(rows) - blank


@EXAMPLES
@given(st.text(max_size=60))
def test_a_typed_value_is_a_number_or_refused(text):
    try:
        value, dollar = parse_value(text)
    except InputError:
        return
    assert isinstance(value, float) and isinstance(dollar, bool)
    assert not math.isnan(value)


LABELS = st.one_of(
    st.text(max_size=20),
    st.builds(lambda fy, y, part: f"{fy}{y}-{part}", st.sampled_from(["", "FY", "fy"]),
              st.integers(1900, 2200), st.sampled_from(["Q1", "Q2", "Q3", "Q4", "H1", "H2", "FY", "Q0", "01", "12",
                                                        "13", "02-29", "12-31"])))


@EXAMPLES
@given(LABELS, st.sampled_from(["12-31", "01-31", "06-30", "09-03", "01-30", "12-28"]))
def test_a_period_label_ends_after_it_starts(label, year_end):
    calendar = calendar_from(year_end, anchor=date(2025, 6, 1))
    try:
        period = resolve_period(label, calendar)
    except InputError:
        return
    assert period.start is not None and period.end is not None and period.start <= period.end


@pytest.mark.parametrize("row, words", [
    ("NWSC," + "m" * 65 + ",,2025-Q1,,1M,USD,,,,", "metric is longer than 64"),
    ("NWSC,revenue," + "s" * 65 + ",2025-Q1,,1M,USD,,,,", "scope is longer than 64"),
    ("NWSC,revenue,,2025-Q1,,1M," + "u" * 33 + ",,,,", "unit is longer than 32"),
], ids=["metric", "scope", "unit"])
def test_cells_wider_than_their_column_are_refused_on_every_backend(db, tmp_path, row, words):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="setup")
    path = tmp_path / "wide.csv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=words), db.session() as s:
        import_actuals_csv(s, path, author="wide")
