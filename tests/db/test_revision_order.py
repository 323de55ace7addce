"""Revision links follow call dates, not the order the calls were ingested in: four calls of one invented
company give the same links oldest first, newest first or shuffled."""
from __future__ import annotations

import pytest

from db.ingest import ingest_extraction
from tests.db.test_concurrency import _company_call, _links

ORDERS = {
    "oldest-first": (0, 1, 2, 3),
    "newest-first": (3, 2, 1, 0),
    "middle-last": (0, 3, 2, 1),
    "shuffled": (2, 0, 3, 1),
}


@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
def test_links_do_not_depend_on_ingest_order(db, order):
    for i in order:
        with db.session() as s:
            ingest_extraction(s, _company_call(i), author="analyst")
    links = _links(db)
    # revenue: 100-110 (Jan) raised to 110-120 (Apr), lowered to 105-115 (Jul), raised to 120-130 (Oct);
    # gross margin 30% -> 31% -> 32% -> 33%; each call's "new stores N" is its own subject.
    expected_revenue = {(("revenue", later), ("revenue", earlier), kind) for later, earlier, kind in (
        ("2025-04-21", "2025-01-20", "raised"), ("2025-07-21", "2025-04-21", "lowered"),
        ("2025-10-20", "2025-07-21", "raised"))}
    assert {link for link in links if link[0][0] == "revenue"} == expected_revenue
    assert len(links) == 6
    assert all(later[1] > earlier[1] for later, earlier, _ in links)

