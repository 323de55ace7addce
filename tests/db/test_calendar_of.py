"""db.companies.calendar_of: a company's fiscal calendar anchored on its latest call (or a given day)."""
from __future__ import annotations

from datetime import date

import pytest

from db.companies import calendar_of, require_company
from db.ingest import ingest_extraction
from tests.db import factories as f
from tracker.fiscal import quarter_end


@pytest.mark.parametrize("calls, on, q2_end", [
    # "09-03" read in fiscal 2026 (a Thursday): years end on the Thursday nearest Aug 31
    ((date(2025, 12, 17),), None, date(2026, 2, 26)),
    # the latest call decides, whatever order the calls were stored in
    ((date(2025, 12, 17), date(2024, 10, 1)), None, date(2026, 2, 26)),
    # "09-03" read in fiscal 2025 (Wed 2025-09-03): years end on the Wednesday nearest Aug 31
    ((date(2024, 12, 17),), None, date(2026, 3, 4)),
    # an explicit day wins over the calls
    ((date(2024, 12, 17),), date(2025, 12, 17), date(2026, 2, 26)),
])
def test_calendar_of_anchors_on_the_latest_call(db, calls, on, q2_end):
    with db.session() as s:
        for day in calls:
            ingest_extraction(s, f.extraction(ticker="WDGT", company="Widget Foundry", call_date=day,
                                              fiscal_year_end="09-03"), author="ana")
        cal = calendar_of(s, require_company(s, "WDGT"), on=on)
    assert quarter_end(2026, 2, cal) == q2_end
