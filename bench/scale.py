"""How scoring and the read commands grow with the number of claims, in a SQLite file (or any database).

    python bench/scale.py                          # 10,000 and 100,000 claims
    python bench/scale.py 10000 1000000            # any sizes
    python bench/scale.py --db /tmp/big.db         # a database bench/generate.py made (kept, scored in place)

For each size it builds a database in a temporary folder with bench/generate.py (invented companies of 1,000
claims each), then times `score_all`: the first scoring of a date (every claim), the same date again with
nothing changed (incremental: nothing to do), again after one company's new reported figure (that company
only), and a full re-scoring (`--full`). Then the reads: `list_companies`, one company's first page of 200
claims, the missed claims of one company, one claim in full, every claim, the verdict counts and the verdicts
of the date, of every company and of one. Prints wall and CPU time (CPU time is the fairer figure on a shared
machine) and the peak memory of the process; asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from figures import figure  # noqa: E402  (bench/ is on the path: the script's folder)

from sqlalchemy import func, select  # noqa: E402

import generate  # noqa: E402
from db.edits import add_actual  # noqa: E402
from db.models import ClaimRecord  # noqa: E402
from db.queries import claim_detail, list_claims, list_companies, verdict_counts, verdicts_on  # noqa: E402
from db.scoring import score_all  # noqa: E402
from db.session import open_database  # noqa: E402

AS_OF = generate.AS_OF
ONE = generate.ticker(0)
CLAIMS = [0]             # the size measured, named in each figure


def timed(label: str, fn: Callable[[], object]) -> None:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    size = len(out) if hasattr(out, "__len__") else out
    figure(f"{CLAIMS[0]} claims: {label}", took * 1000, "ms", cpu * 1000)
    print(f"  {label:<44} {took * 1000:9.0f} ms wall {cpu * 1000:9.0f} ms cpu  ({size} rows)", flush=True)


def measure(url: str, *, scoring: bool = True) -> None:
    db = open_database(url)
    with db.session(write=False) as s:
        total = s.scalar(select(func.count()).select_from(ClaimRecord))
        some_claim = s.scalar(select(func.min(ClaimRecord.id)))
    print(f"{total} claims", flush=True)
    CLAIMS[0] = total
    if scoring:
        _scoring(db)
    _reads(db, some_claim)
    db.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of the process so far: {peak:.0f} MB", flush=True)


def _scoring(db) -> None:  # noqa: ANN001
    with db.session() as s:
        timed("score_all (first scoring of the date)", lambda: score_all(s, AS_OF))
    with db.session() as s:
        timed("score_all again, nothing changed", lambda: score_all(s, AS_OF))
    with db.session() as s:
        add_actual(s, ONE, "capex", None, "2022-Q3", "120M", "USD", "2022-10-30", author="bench")
    with db.session() as s:
        timed("score_all again, one company's new figure", lambda: score_all(s, AS_OF))
    with db.session() as s:
        timed("score_all --full", lambda: score_all(s, AS_OF, full=True))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory after scoring: {peak:.0f} MB", flush=True)


def _reads(db, some_claim: int) -> None:  # noqa: ANN001
    """Every read command as the CLI and the UI call it: with the date last scored (what they show when no
    --as-of is given), and the lists of every company also with None (each claim's newest verdict)."""
    from db.review import period_ends
    from db.scoring import last_scored
    from db.queries import build_scorecard, list_speakers, next_deadlines
    from tui.screens import claims as claims_screen, companies as companies_screen

    with db.session(write=False) as s:
        day = last_scored(s) or AS_OF
        timed("fls companies (list_companies, date scored)", lambda: list_companies(s, day))
        timed("list_companies, newest verdicts (as_of None)", lambda: list_companies(s))
        timed("verdict_counts (date scored)", lambda: verdict_counts(s, day))
        timed("verdict_counts, newest verdicts (as_of None)", lambda: verdict_counts(s))
        timed("fls speakers (list_speakers, every company)", lambda: list_speakers(s, as_of=day))
        timed("fls speakers TICK", lambda: list_speakers(s, ONE, as_of=day))
        timed("next_deadlines", lambda: next_deadlines(s, day))
        timed("period_ends (date scored, as the UI reads them)", lambda: period_ends(s, as_of=day))
        timed("period_ends (no date: the review's, one company)", lambda: period_ends(s, ONE))
        timed("fls claims TICK (one company, all)", lambda: list_claims(s, ticker=ONE, as_of=day))
        timed("list_claims one company, first 200", lambda: list_claims(s, ticker=ONE, limit=200, as_of=day))
        timed("fls claims TICK --verdict missed", lambda: list_claims(s, ticker=ONE, verdict="missed", as_of=day))
        timed("fls claims TICK --period 2022-Q3", lambda: list_claims(s, ticker=ONE, period="2022-Q3", as_of=day))
        timed("list_claims every company, first 200", lambda: list_claims(s, limit=200, as_of=day))
        timed("list_claims every company, page 50 (offset 10,000)",
              lambda: list_claims(s, limit=200, offset=10_000, as_of=day))
        timed("list_claims every company, missed, first 200",
              lambda: list_claims(s, verdict="missed", limit=200, as_of=day))
        timed("list_claims every company, search 'capex', 200",
              lambda: list_claims(s, search="capex", limit=200, as_of=day))
        timed("claim_detail of one claim", lambda: [claim_detail(s, some_claim, day)])
        timed("fls scorecard TICK (build_scorecard)", lambda: build_scorecard(s, ONE, day).rows)
        timed("verdicts_on one company", lambda: verdicts_on(s, day, ONE))
        timed("TUI companies screen (companies.load)", lambda: companies_screen.load(s, day).companies)
        timed("TUI claims screen of one company (claims.load)",
              lambda: claims_screen.load(s, ONE, claims_screen.SELECTS, day).rows)
        timed("list_claims every claim", lambda: list_claims(s, as_of=day))
        timed("verdicts_on every company (fls score's table)", lambda: verdicts_on(s, day))


def run(n_claims: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        t0 = time.perf_counter()
        generate.build(url, n_claims)
        print(f"built in {time.perf_counter() - t0:.1f} s: ", end="", flush=True)
        measure(url)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", help="claims (default: 10000 100000)")
    parser.add_argument("--db", help="measure this database (a SQLite file or a URL) instead of building one")
    parser.add_argument("--reads", action="store_true", help="with --db: only the reads (it is scored already)")
    args = parser.parse_args(argv)
    if args.db:
        measure(args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}", scoring=not args.reads)
        return 0
    for n in args.sizes or [10_000, 100_000]:
        run(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
