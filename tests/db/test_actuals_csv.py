from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.actuals_csv import import_actuals_csv
from db.ingest import ingest_extraction
from db.models import ActualRecord, AuditRecord, EventRecord
from tests.db import factories as f
from tests.db.helpers import row_counts
from tracker.errors import InputError

HEADER = "ticker,metric,scope,period,as_of,value,unit,reported_on,source,note,event\n"

GOOD = HEADER + (
    "NWSC,revenue,,2025-Q1,,$92.5M,,2025-04-30,10-Q,,\n"
    "nwsc,gross margin,,2025-Q1,,38.2,%,2025-04-30,10-Q,,\n"
    "NWSC,wafer starts,,,2025-06-30,9.1K,units,2025-07-15,press release,interim,\n"
    "NWSC,capex,,2025-FY,,1.1B,USD,2025-03-01,8-K,,\n"
    "NWSC,milestone,fab 3,,2025-05-02,,,,,first wafers out,achieved\n"
    "NWSC,opex,,2025-FY,2025-04-01,,,,,suspended,withdrawn\n"
    "NWSC,revenue,,2025-Q2,,100.2M,USD,2025-04-30,8-K,new guidance,revised\n"
)


@pytest.fixture
def company(db):
    with db.session() as s:
        ingest_extraction(s, f.first_call(), author="ana")


def _write(tmp_path, text: str, name: str = "actuals.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_happy_path(db, company, tmp_path):
    path = _write(tmp_path, GOOD, encoding="utf-8-sig")
    with db.session() as s:
        result = import_actuals_csv(s, path, author="ana")
    assert (result.actuals, result.events, result.skipped) == (4, 3, 0)
    with db.session() as s:
        rows = {(a.metric, a.period_label): a for a in s.scalars(
            select(ActualRecord).where(ActualRecord.source_kind == "csv"))}
        revenue = rows["revenue", "2025-Q1"]
        assert (revenue.value, revenue.unit, revenue.reported_on) == (92.5e6, "USD", date(2025, 4, 30))
        assert (revenue.period_start, revenue.period_end) == (date(2025, 1, 1), date(2025, 3, 31))
        wafers = rows["wafer starts", "2025-06-30"]
        assert (wafers.value, wafers.period_start, wafers.period_end) == (9100, date(2025, 6, 30), date(2025, 6, 30))
        assert rows["capex", "2025-FY"].value == 1.1e9
        events = {e.kind: e for e in s.scalars(select(EventRecord))}
        assert events["achieved"].on == date(2025, 5, 2) and events["achieved"].scope == "fab 3"
        assert events["withdrawn"].metric == "opex" and events["withdrawn"].period_label == "2025-FY"
        assert (events["revised"].value, events["revised"].on) == (100.2e6, date(2025, 4, 30))
        assert s.scalar(select(AuditRecord.action).where(AuditRecord.entity == "file")) == "import_actuals"


def test_reimport_changes_nothing(db, company, tmp_path):
    path = _write(tmp_path, GOOD)
    with db.session() as s:
        import_actuals_csv(s, path, author="ana")
    with db.session() as s:
        counts = row_counts(s)
    with db.session() as s:
        again = import_actuals_csv(s, path, author="ana")
    assert (again.actuals, again.events, again.skipped) == (0, 0, 7)
    with db.session() as s:
        assert row_counts(s) == counts


def test_bad_rows_are_all_reported_and_nothing_is_written(db, company, tmp_path):
    text = HEADER + (
        "NWSC,revenue,,2025-Q1,,92.5M,USD,2025-04-30,,,\n"          # line 2: fine
        "NWSC,revenue,,2025-Q1,,lots,USD,,,,\n"                      # line 3: bad value
        "\n"                                                         # line 4: blank, skipped
        "ACME,revenue,,2025-Q1,,1M,USD,,,,\n"                        # line 5: unknown ticker
        "NWSC,revenue,,2025-Q9,,1M,USD,,,,\n"                        # line 6: bad period
        "NWSC,revenue,,,,1M,USD,,,,\n"                               # line 7: no period
        "NWSC,revenue,,2025-Q1,,1M,USD,30/04/2025,,,\n"              # line 8: bad date
        "NWSC,revenue,,2025-Q1,,,,,,,postponed\n"                    # line 9: unknown event
        "NWSC,milestone,,,,,,,,,achieved\n"                          # line 10: event without date
    )
    path = _write(tmp_path, text)
    with db.session() as s:
        before = row_counts(s)
    with pytest.raises(InputError) as err, db.session() as s:
        import_actuals_csv(s, path, author="ana")
    message = str(err.value)
    assert message.startswith("actuals CSV has 7 bad rows: line 3: ")
    lines = [part.split(":")[0] for part in message.split(": ", 1)[1].split("; ")]
    assert lines == ["line 3", "line 5", "line 6", "line 7", "line 8", "line 9", "line 10"]
    assert "unknown ticker ACME" in message
    with db.session() as s:
        assert row_counts(s) == before


@pytest.mark.parametrize("content, expected", [
    (None, "actuals CSV not found"),
    (b"", "actuals CSV is empty"),
    (b"ticker,metric,value,unit\n\xff\xfe,x,1,USD\n", "actuals CSV is not UTF-8 text"),
    (b"ticker,metric,period,value\nNWSC,revenue,2025-Q1,1M\n", "lacks columns: unit"),
    (b"ticker,metric,value,unit\nNWSC,revenue,1M,USD\n", "lacks columns: period or as_of"),
])
def test_file_level_errors_are_one_line(db, company, tmp_path, content, expected):
    path = tmp_path / "a.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=expected) as err, db.session() as s:
        import_actuals_csv(s, path, author="ana")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text, value", [
    ("82.8M", 82.8e6), ("1.1B", 1.1e9), ("$100.2M", 100.2e6), ("8.75", 8.75), ("10.5", 10.5), ("1,234", 1234),
    ("-3.5", -3.5),
])
def test_value_forms(text, value):
    from db.values import parse_value

    assert parse_value(text)[0] == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "M", "12 apples", "1.2.3", "$"])
def test_value_rejects(text):
    from db.values import parse_value

    with pytest.raises(InputError):
        parse_value(text)


@pytest.mark.parametrize("period, start, end", [
    ("FY2025-Q1", date(2025, 2, 1), date(2025, 4, 30)),     # fiscal quarter of a late-January year end
    ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),       # a plain label is a calendar quarter
])
def test_periods_follow_the_company_calendar(db, tmp_path, period, start, end):
    with db.session() as s:
        ingest_extraction(s, f.extraction(ticker="HRBR", company="Harbor Retail", fiscal_year_end="01-31",
                                          claims=(f.guidance("revenue", 5e9, period=f.full_year(2025)),)),
                          author="ana")
    path = _write(tmp_path, "ticker,metric,period,value,unit\n" f"HRBR,revenue,{period},1.2B,USD\n")
    with db.session() as s:
        import_actuals_csv(s, path, author="ana")
        row = s.scalar(select(ActualRecord).where(ActualRecord.source_kind == "csv"))
        assert (row.period_start, row.period_end) == (start, end)
