"""How extraction time grows on adversarial transcripts: one guidance sentence repeated, and varied sentences,
at 1, 2 and 5 MB (or the sizes given, in MB). Linear growth shows as a flat time per MB.

Prints figures; asserts nothing.

    .venv/bin/python bench/adversarial.py [1 2 5]
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.extraction.extract import extract_transcript  # noqa: E402
from tracker.model import CallInfo  # noqa: E402
from tracker.transcript import parse_transcript  # noqa: E402

REPEATED = "We expect revenue of $410 million to $430 million in the second quarter of 2026. "
METRICS = ["revenue", "gross margin", "operating expenses", "capital expenditures", "free cash flow", "EPS"]
PERIODS = ["in the second quarter", "for the full year", "in fiscal 2027", "by the end of 2026", "in Q3"]


def varied(size: int, rng: random.Random) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        s = (f"We expect {rng.choice(METRICS)} of ${rng.randint(1, 999)} million to "
             f"${rng.randint(1000, 1999)} million {rng.choice(PERIODS)}. "
             f"Last quarter {rng.choice(METRICS)} was ${rng.randint(1, 999)}.{rng.randint(0, 9)} million. ")
        parts.append(s)
        total += len(s)
    return "".join(parts)


def run(label: str, body: str) -> None:
    text = "Jane Roe - Chief Financial Officer\n" + body + "\n"
    info = CallInfo(call_date=date(2026, 2, 10), ticker="ACME", fiscal_year_end="12-31")
    t0 = time.perf_counter()
    ex = extract_transcript(parse_transcript(text), info)
    took = time.perf_counter() - t0
    mb = len(text) / 1e6
    print(f"{label:9} {mb:5.1f} MB  {took:7.2f} s  {took / mb:6.2f} s/MB  {len(ex.claims):6} claims  "
          f"{sum(len(c.mentions) for c in ex.claims):7} mentions", flush=True)


def main(argv: list[str]) -> int:
    sizes = [float(a) for a in argv] or [1.0, 2.0, 5.0]
    rng = random.Random(7)
    for mb in sizes:
        size = int(mb * 1e6)
        run("repeated", REPEATED * (size // len(REPEATED)))
        run("varied", varied(size, rng))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
