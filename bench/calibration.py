"""Does `confidence` mean something? A calibration table of claim records against the hand-labelled calls.

For every gold call (../shared/eval/gold beside the project) the call is extracted in this process and each
claim record is scored with the evaluation's own matcher: "exact" when it is a tier-B claim or a tier-A claim
with every field right, "about" when it is about a gold claim at all. The table gives, per confidence band, how
many records there are and what share of them is exact; a calibrated engine has the share rise with the band.

Prints figures; asserts nothing. Without the evaluation set it says so and exits 0.

    .venv/bin/python bench/calibration.py [--gold-dir DIR] [--by-kind]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BANDS = [(0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", eval_dir / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _transcript(gold: dict, eval_dir: Path) -> Path | None:
    name = Path(gold["transcript"]).name
    for base in (eval_dir / "dev", ROOT / "seeds", ROOT, eval_dir.parent.parent):
        if (base / name).is_file():
            return base / name
    return None


def _scored_records(eval_dir: Path) -> list[tuple[str, dict, bool, bool]]:
    """(call, record, exact, about a gold claim) for every claim record of every gold call."""
    from tracker.contract import records
    from tracker.extraction.extract import extract_file

    scorer = _scorer(eval_dir)
    out = []
    for gold_path in sorted((eval_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = _transcript(gold, eval_dir)
        if path is None:
            print(f"{gold_path.stem}: transcript not found, skipped")
            continue
        ex = extract_file(path, call_date=gold["call_date"], fiscal_year_end=gold.get("fiscal_year_end", "12-31"))
        claims = [r for r in records(ex) if r["type"] == "claim"]
        taken, _, _ = scorer.assign(gold["claims"], claims, scorer.claim_fields_ok)
        tier = {g["id"]: g["tier"] for g in gold["claims"]}
        verdict = {i: (tier[gid] != "A" or full) for gid, (i, full) in taken.items()}
        for i, rec in enumerate(claims):
            out.append((gold_path.stem, rec, verdict.get(i, False), i in verdict))
    return out


def _table(rows: list[tuple[str, dict, bool, bool]], title: str) -> None:
    print(f"\n{title}")
    print(f"{'confidence':>12} {'records':>8} {'exact':>7} {'about':>7}")
    for lo, hi in BANDS:
        band = [r for r in rows if lo <= r[1]["confidence"] < hi]
        if not band:
            continue
        exact = sum(r[2] for r in band) / len(band)
        about = sum(r[3] for r in band) / len(band)
        label = f"{lo:.2f}-{min(hi, 1.0):.2f}"
        print(f"{label:>12} {len(band):8d} {exact:7.2f} {about:7.2f}")
    high = [r for r in rows if r[1]["confidence"] >= 0.9]
    right = [r[1]["confidence"] for r in rows if r[2]]
    wrong = [r[1]["confidence"] for r in rows if not r[2]]
    if high:
        print(f"{'>= 0.90':>12} {len(high):8d} {sum(r[2] for r in high) / len(high):7.2f}"
              f" {sum(r[3] for r in high) / len(high):7.2f}")
    if right and wrong:
        print(f"mean confidence: exact records {sum(right) / len(right):.2f}, others {sum(wrong) / len(wrong):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval",
                        help="the evaluation folder holding gold/, dev/ and score_extraction.py")
    parser.add_argument("--by-kind", action="store_true", help="a table per claim kind and metric_known as well")
    args = parser.parse_args()
    if not (args.eval_dir / "score_extraction.py").is_file() or not (args.eval_dir / "gold").is_dir():
        print(f"calibration: no evaluation set at {args.eval_dir}; nothing to measure")
        return 0
    rows = _scored_records(args.eval_dir)
    if not rows:
        print("calibration: no claim records")
        return 0
    _table(rows, f"all claim records ({len({r[0] for r in rows})} calls with claims)")
    if args.by_kind:
        groups: dict[str, list] = defaultdict(list)
        for r in rows:
            groups[f"kind={r[1]['kind']}"].append(r)
            groups[f"metric_known={r[1].get('metric_known', True)}"].append(r)
        for name, group in sorted(groups.items()):
            _table(group, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
