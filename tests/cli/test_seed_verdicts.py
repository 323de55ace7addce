"""End to end on the bundled seed call, through the CLI: ingest it, import the figures reported later
(seeds/canaan_actuals.csv), score as of 2026-03-01, and check the verdict of every tracked commitment."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CALL = SEEDS / "canaan_2024q4_earnings_call.txt"
ACTUALS = SEEDS / "canaan_actuals.csv"
AS_OF = "2026-03-01"

# (fragment of one of the claim's statements, scope (None = company-wide, "*" = any), verdict)
EXPECTED = [
    ("Q1 revenue to be approximately $75 million", None, "beat"),
    ("range of $120 million to $150 million", None, "missed"),
    ("in the range of $900 million to $1.1 billion", None, "withdrawn"),
    ("mid-2025 goal of reaching 10 exa hash per second", "north america", "withdrawn"),
    ("and 15 exa hash per second globally", "global", "withdrawn"),
    ("Mining business to achieve a new high revenue in the first quarter", "mining", "met"),
    ("average selling price to return to a more reasonable level", None, "met"),
    ("single machines to our customer in, I think it's in Q3", "*", "late"),
    ("with small batches being delivered in Q1", "*", "met"),
    ("we can deliver most of them in May", "*", "unverifiable"),
    ("Self-Mining business will very close to 5 exa hash per second", "north america", "missed"),
]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """`run(*args)`: the command line on one fresh SQLite file for this module."""
    from cli.main import main

    db = tmp_path_factory.mktemp("seed") / "seed.db"

    def run(*args: str) -> int:
        return main([*map(str, args), "--db", str(db)])

    return run


@pytest.fixture(scope="module")
def scored(seeded):
    """Seed call ingested, actuals imported, scored: each command's output (JSON ones parsed)."""
    import contextlib
    import io

    def capture(*args: str) -> str:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            assert seeded(*args) == 0
        return buf.getvalue()

    ingested = capture("ingest", CALL)
    imported = capture("actuals", "import", ACTUALS)
    table = capture("score", "--as-of", AS_OF)
    card = json.loads(capture("scorecard", "CAN", "--as-of", AS_OF, "--format", "json"))
    stored = json.loads(capture("claims", "CAN", "--format", "json"))
    return {"ingested": ingested, "imported": imported, "table": table, "card": card, "stored": stored}


def _row(card: dict, fragment: str, scope: str | None) -> dict:
    hits = [r for r in card["rows"]
            if any(fragment in m["quote"] for m in r["claim"]["mentions"])
            and (scope == "*" or (r["claim"]["scope"] or None) == scope)]
    assert len(hits) == 1, f"{len(hits)} claims say {fragment!r} (scope {scope})"
    return hits[0]


def test_the_seed_loads(scored):
    assert scored["ingested"].startswith(f"ingested {CALL}: ")
    assert scored["imported"].startswith(f"imported {ACTUALS}: ")
    assert "rows already stored" not in scored["imported"]
    assert scored["table"].startswith(f"verdicts as of {AS_OF}\n")


@pytest.mark.parametrize(("fragment", "scope", "verdict"), EXPECTED, ids=[e[0][:40] for e in EXPECTED])
def test_verdict(scored, fragment, scope, verdict):
    row = _row(scored["card"], fragment, scope)
    assert row["verdict"] == verdict, row["result"]["explanation"]
    # `fls score` stored the same verdict (the claims list shows what was stored)
    first_quote = row["claim"]["quote"]
    stored = [c for c in scored["stored"] if c["quote"] == first_quote
              and (c["scope"] or None) == (row["claim"]["scope"] or None) and c["low"] == row["claim"]["low"]]
    assert [c["verdict"] for c in stored] == [verdict]


def test_q2_guidance_cut_shows_as_a_lowered_revision(scored):
    row = _row(scored["card"], "range of $120 million to $150 million", None)
    assert {"kind": "lowered", "date": "2025-05-20", "description": "~$100.0M"} in row["revisions"]
    assert row["latest"]["verdict"] == "met"        # $100.2M against the cut guidance of ~$100M
    assert row["result"]["actual"]["value"] == pytest.approx(100.2e6)


def test_direction_claims_have_the_calls_baseline(scored):
    mining = _row(scored["card"], "new high revenue in the first quarter", "mining")
    assert mining["claim"]["baseline"] == pytest.approx(15.3e6)
    asp = _row(scored["card"], "average selling price to return", None)
    assert asp["claim"]["baseline"] == pytest.approx(8.1)


def test_the_late_milestone_counts_its_days(scored):
    row = _row(scored["card"], "single machines to our customer", "*")
    assert row["result"]["days_late"] == (date(2025, 10, 15) - date(2025, 9, 30)).days


def test_the_table_lists_every_claim_once(scored):
    ids = [line.split()[0] for line in scored["table"].splitlines()[3:] if line.strip()]
    assert len(ids) == len(set(ids)) == len(scored["stored"])
