"""Time from App start to first paint, and until the data is on screen, for the seed database and a
10,000-claim database (invented companies). Prints figures; asserts nothing.

    .venv/bin/python bench/tui_startup.py [--claims 10000]
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from db.ingest import ingest_extraction
from db.scoring import score_all
from db.session import Database, open_database
from tracker.extraction.extract import extract_file
from tracker.model import (CallInfo, Claim, Comparator, Extraction, Hedge, Kind, Layout, Mention, Period, Role,
                           Section, Sentence, Speaker, Transcript, Turn)
from tui.app import FlsApp

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 3, 1)
METRICS = ("revenue", "gross margin", "capex", "units shipped", "operating expenses")


def synthetic_call(ticker: str, n: int) -> Extraction:
    """One invented call with `n` quarterly guidance claims."""
    speaker = Speaker("Dana Whitfield", "Chief Financial Officer", Role.EXECUTIVE)
    claims, lines, pos = [], [], 0
    for i in range(n):
        year, q = 2025 + (i // 4) % 3, i % 4 + 1
        end = date(year, 3 * q, 28)
        period = Period(f"{year}-Q{q}", end - timedelta(days=88), end, f"in Q{q} {year}")
        metric = METRICS[i % len(METRICS)]
        quote = f"We expect {metric} line {i} of {100 + i} million in Q{q} {year}."
        mention = Mention(speaker.name, quote, pos, pos + len(quote), speaker.role)
        claims.append(Claim(Kind.GUIDANCE, metric, f"segment {i % 7}", Comparator.APPROX, 100e6 + i, 100e6 + i,
                            "USD", period, speaker.name, speaker.role, quote, (mention,), Hedge.EXPECTED, 0.8))
        lines.append(quote)
        pos += len(quote) + 1
    text = "\n".join(lines)
    info = CallInfo(date(2025, 2, 20), f"{ticker} Holdings", ticker, f"{ticker} call", "12-31")
    turn = Turn(0, speaker, Section.PREPARED, 0, len(text), (Sentence(text, 0, len(text)),))
    transcript = Transcript(text, Layout.COLON, (turn,), info, hashlib.sha256(text.encode()).hexdigest())
    return Extraction(info, transcript, tuple(claims), ())


def seed_db(folder: Path) -> Database:
    db = open_database(f"sqlite:///{folder / 'seed.db'}")
    with db.session() as s:
        ingest_extraction(s, extract_file(ROOT / "seeds" / "canaan_2024q4_earnings_call.txt"), author="bench")
        score_all(s, AS_OF)
    return db


def big_db(folder: Path, claims: int, companies: int = 10) -> Database:
    db = open_database(f"sqlite:///{folder / 'big.db'}")
    for c in range(companies):
        with db.session() as s:
            ingest_extraction(s, synthetic_call(f"ZZ{c:02d}", claims // companies), author="bench")
    with db.session() as s:
        score_all(s, AS_OF)
    return db


async def measure(db: Database) -> dict[str, float]:
    from tui.screens.claims import ClaimsScreen
    from tui.screens.companies import CompaniesScreen

    app = FlsApp(db, as_of=AS_OF, author="bench")
    t0 = time.perf_counter()
    out: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.screen, CompaniesScreen) or not app.screen.is_mounted:
            await asyncio.sleep(0.001)
        out["first screen mounted"] = time.perf_counter() - t0
        await pilot.pause()
        out["first paint (after pause)"] = time.perf_counter() - t0
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["companies loaded"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        await pilot.press("c")
        while not isinstance(app.screen, ClaimsScreen) or not app.screen.is_mounted:
            await asyncio.sleep(0.001)
        table = app.screen.query_one("#claims")
        while table.row_count == 0:
            await asyncio.sleep(0.001)
        out["claims: first rows"] = time.perf_counter() - t1
        while table.row_count < len(app.screen.shown):
            await pilot.pause()
        out[f"claims: all {table.row_count} rows"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        await pilot.press("slash", *"margin")
        await pilot.pause(0.2)
        while table.row_count < len(app.screen.shown):
            await pilot.pause()
        out["search 'margin' incl. 0.15 s typing pause"] = time.perf_counter() - t2
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in (("seed", lambda: seed_db(folder)), (f"{args.claims} claims",
                                                               lambda: big_db(folder, args.claims))):
            t = time.perf_counter()
            db = make()
            print(f"{name}: database built in {time.perf_counter() - t:.1f} s")
            for what, seconds in asyncio.run(measure(db)).items():
                print(f"  {what:<45} {seconds * 1000:8.0f} ms")
            db.dispose()


if __name__ == "__main__":
    main()
