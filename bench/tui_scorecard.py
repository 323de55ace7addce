"""The scorecard screen and the claims list of one company with many claims (invented): how long until the
first rows are on screen, until every row is in the table, and how long a key takes while scrolling.
Prints figures; asserts nothing.

    .venv/bin/python bench/tui_scorecard.py [--claims 10000]
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from db.ingest import ingest_extraction
from db.scoring import score_all
from db.session import Database, open_database
from tui.app import FlsApp
from tui_startup import AS_OF, synthetic_call   # bench/ is on sys.path when this file is run


def one_company(folder: Path, claims: int) -> Database:
    db = open_database(f"sqlite:///{folder / 'one.db'}")
    with db.session() as s:
        ingest_extraction(s, synthetic_call("ZZBIG", claims), author="bench")
    with db.session() as s:
        score_all(s, AS_OF)
    return db


async def _until(condition, step: float = 0.001) -> None:  # noqa: ANN001
    while not condition():
        await asyncio.sleep(step)


async def _keys(pilot, key: str, n: int) -> list[float]:  # noqa: ANN001
    """Seconds from each key press until the screen has refreshed after it."""
    out = []
    for _ in range(n):
        t = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        out.append(time.perf_counter() - t)
    return out


async def measure(db: Database) -> dict[str, float]:
    from tui.screens.claims import ClaimsScreen
    from tui.screens.scorecard import ScorecardScreen

    app = FlsApp(db, as_of=AS_OF, author="bench")
    out: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        t = time.perf_counter()
        await pilot.press("s")
        await _until(lambda: isinstance(app.screen, ScorecardScreen) and app.screen.is_mounted)
        table = app.screen.query_one("#scorecard")
        await _until(lambda: table.row_count > 0)
        out["scorecard: first rows"] = time.perf_counter() - t
        out[f"scorecard: all {table.row_count} rows (a VirtualTable holds them at once)"] = time.perf_counter() - t
        keys = await _keys(pilot, "down", 20)
        out["scorecard: key down (median)"] = statistics.median(keys)
        keys = await _keys(pilot, "pagedown", 20)
        out["scorecard: page down (median)"] = statistics.median(keys)
        out["scorecard: page down (max)"] = max(keys)
        await pilot.press("escape")
        t = time.perf_counter()
        await pilot.press("enter")
        await _until(lambda: isinstance(app.screen, ClaimsScreen) and app.screen.is_mounted)
        table = app.screen.query_one("#claims")
        await _until(lambda: table.row_count > 0)
        out["claims: first rows"] = time.perf_counter() - t
        await _until(lambda: not table.filling, 0.01)
        out[f"claims: all {table.row_count} rows"] = time.perf_counter() - t
        keys = await _keys(pilot, "down", 40) + await _keys(pilot, "pagedown", 20)
        out["claims: key while scrolling (median)"] = statistics.median(keys)
        out["claims: key while scrolling (max)"] = max(keys)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        db = one_company(Path(tmp), args.claims)
        print(f"{args.claims} claims of one company: database built in {time.perf_counter() - t:.1f} s")
        for what, seconds in asyncio.run(measure(db)).items():
            print(f"  {what:<52} {seconds * 1000:8.0f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
