"""How fast `tracker.extraction.extract.extract_file` is: on the seed call, and over many invented calls.

1. The seed transcript: import time of the engine, the first (cold) call, then the median of 20 warm calls.
2. Throughput: 500 synthetic transcripts made from the test fixture calls by plain substitution (company names,
   dollar figures, percentages, years and call dates), each with a metadata file beside it, written to a
   temporary folder and extracted one after another in this process, pinned to one core where the OS allows.

Prints figures; asserts nothing.

    .venv/bin/python bench/extract.py [--transcripts 500] [--runs 20] [--seed 7]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from figures import figure  # noqa: E402  (bench/ is on the path: the script's folder)

SEED = ROOT / "seeds" / "canaan_2024q4_earnings_call.txt"
CALLS_DIR = ROOT / "tests" / "fixtures" / "calls"


@dataclass(frozen=True)
class Template:
    file: str
    company: str              # the invented name in the fixture, replaced in each copy
    ticker: str
    call_date: date
    fiscal_year_end: str


TEMPLATES = (
    Template("northwind_semiconductor_q3fy2025.txt", "Northwind Semiconductor", "NWSC", date(2025, 4, 24), "06-28"),
    Template("bayside_outfitters_q4fy2024.txt", "Bayside Outfitters", "BYSD", date(2025, 3, 5), "01-31"),
    Template("keystone_dynamics_q4_2024.md", "Keystone Dynamics", "KSDY", date(2025, 2, 6), "12-31"),
    Template("cloudline_q3_2025_asr.txt", "Cloudline", "CLDL", date(2025, 11, 5), "12-31"),
)
NAMES = ("Ashford", "Bellmont", "Corvane", "Driftwood", "Elmstead", "Foxhollow", "Granmere", "Halcyon", "Ironvale",
         "Juniper", "Kestrel", "Larkspur", "Meridian", "Northgate", "Oakridge", "Pinecrest", "Quarry", "Redfern")
SUFFIXES = ("Systems", "Holdings", "Devices", "Brands", "Works", "Labs")

_MONEY = re.compile(r"\$(\d+(?:\.\d+)?)")
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)%")
_YEAR = re.compile(r"\b(20[12]\d)\b")


def _scaled(m: re.Match, factor: float) -> str:
    text = m.group(1)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"${float(text) * factor:.{decimals}f}"


def _nudged(m: re.Match, delta: float) -> str:
    text = m.group(1)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{max(0.0, float(text) + delta):.{decimals}f}%"


def synthesise(template: Template, text: str, i: int, rng: random.Random) -> tuple[str, str, date, str]:
    """One variant of a fixture: (text, ticker, call date, fiscal year end)."""
    name = f"{NAMES[i % len(NAMES)]} {SUFFIXES[(i // len(NAMES)) % len(SUFFIXES)]}"
    ticker = f"{name[:3].upper()}{chr(65 + i % 26)}"
    shift = rng.randint(-3, 2)                      # whole years keep every quarter and weekday rule intact
    factor = rng.uniform(0.5, 1.8)
    delta = rng.choice((-1.0, -0.5, 0.0, 0.5, 1.0))
    out = text.replace(template.company, name).replace(template.ticker, ticker)
    out = _MONEY.sub(lambda m: _scaled(m, factor), out)
    out = _PERCENT.sub(lambda m: _nudged(m, delta), out)
    out = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), out)
    try:
        call_date = template.call_date.replace(year=template.call_date.year + shift)
    except ValueError:                              # Feb 29 in a non-leap year
        call_date = template.call_date.replace(year=template.call_date.year + shift, day=28)
    return out, ticker, call_date, template.fiscal_year_end


def write_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    texts = [(t, (CALLS_DIR / t.file).read_text(encoding="utf-8")) for t in TEMPLATES]
    paths = []
    for i in range(n):
        template, text = texts[i % len(texts)]
        body, ticker, call_date, fye = synthesise(template, text, i, rng)
        path = folder / f"call_{i:04d}{Path(template.file).suffix}"
        path.write_text(body, encoding="utf-8")
        # metadata beside the transcript: the header date (when there is one) still wins, and agrees
        path.with_suffix(".toml").write_text(
            f'ticker = "{ticker}"\ncall_date = {call_date.isoformat()}\nfiscal_year_end = "{fye}"\n', encoding="utf-8")
        paths.append(path)
    return paths


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this OS)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--transcripts", type=int, default=500)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    pinned = pin_to_one_core()

    from tracker.vocab.regex_cache import cache_file    # stdlib only: where the compiled vocabularies are kept
    cached = cache_file().exists()

    t0, c0 = time.perf_counter(), time.process_time()
    from tracker.extraction.extract import extract_file     # timed: the engine's start-up
    import_s, import_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    ex = extract_file(SEED)
    cold_s, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    warm, warm_cpu = [], []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        extract_file(SEED)
        warm.append(time.perf_counter() - t0)
        warm_cpu.append(time.process_time() - c0)

    size_kb = SEED.stat().st_size / 1024
    print(f"seed {SEED.name} ({size_kb:.0f} KB, {len(ex.transcript.turns)} turns, {len(ex.claims)} claims, "
          f"{len(ex.actuals)} actuals); {pinned}")
    figure("import tracker.extraction.extract", import_s * 1000, "ms")
    figure("extract seed, first call (cold)", cold_s * 1000, "ms")
    figure("extract seed, warm (median)", statistics.median(warm) * 1000, "ms")
    figure("extract seed, warm CPU (median)", statistics.median(warm_cpu) * 1000, "ms")
    load = f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores" if hasattr(os, "getloadavg") else ""
    print(f"  (wall / CPU; {load}; compiled vocabularies {'from the cache' if cached else 'built, then cached'})")
    print(f"  import tracker.extraction.extract : {import_s * 1000:8.1f} / {import_cpu * 1000:6.1f} ms")
    print(f"  first call (cold)      : {cold_s * 1000:8.1f} / {cold_cpu * 1000:6.1f} ms")
    print(f"  warm, median of {args.runs:<3}    : {statistics.median(warm) * 1000:8.1f} / "
          f"{statistics.median(warm_cpu) * 1000:6.1f} ms (min {min(warm) * 1000:.1f}, max {max(warm) * 1000:.1f})")

    with tempfile.TemporaryDirectory(prefix="fls-bench-") as tmp:
        paths = write_corpus(Path(tmp), args.transcripts, args.seed)
        total_kb = sum(p.stat().st_size for p in paths) / 1024
        claims = actuals = 0
        t0 = time.perf_counter()
        for path in paths:
            result = extract_file(path)
            claims += len(result.claims)
            actuals += len(result.actuals)
        elapsed = time.perf_counter() - t0
    print(f"synthetic: {len(paths)} transcripts from {len(TEMPLATES)} fixtures ({total_kb:.0f} KB), "
          f"{claims} claims, {actuals} actuals")
    figure(f"extract {len(paths)} synthetic transcripts, per transcript", elapsed / len(paths) * 1000, "ms")
    print(f"  total {elapsed:.2f} s, {len(paths) / elapsed:.1f} transcripts/s, "
          f"{total_kb / elapsed:.0f} KB/s, {elapsed / len(paths) * 1000:.2f} ms per transcript")


if __name__ == "__main__":
    main()
