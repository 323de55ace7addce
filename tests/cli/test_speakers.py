"""`fls speakers`: credibility per speaker on the invented Acme call."""
from __future__ import annotations

import json

import pytest


@pytest.fixture
def scored(acme):
    assert acme("score", "--as-of", "2026-03-01").code == 0
    return acme


CEO, CFO = ("ACME", "Lena Ortiz", "Chief Executive Officer"), ("ACME", "Raj Patel", "Chief Financial Officer")


@pytest.mark.parametrize("edits, args, expected", [
    # CEO: Q2 revenue met, the plant count (said twice: one claim) awaiting; CFO: full-year gross margin missed
    ((), (), [(*CEO, 2, 1, "too few scored claims (n=1)"), (*CFO, 1, 1, "too few scored claims (n=1)")]),
    ((), ("acme",), [(*CEO, 2, 1, "too few scored claims (n=1)"), (*CFO, 1, 1, "too few scored claims (n=1)")]),
    # a user's verdict counts for the speaker as it does for the company
    (("override", "2", "met", "--reason", "opened early"), (),
     [(*CEO, 2, 2, "too few scored claims (n=2)"), (*CFO, 1, 1, "too few scored claims (n=1)")]),
])
def test_speakers_json(scored, edits, args, expected):
    if edits:
        assert scored(*edits).code == 0
    run = scored("speakers", *args, "--format", "json")
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    assert [(r["ticker"], r["speaker"], r["title"], r["claims"], r["scored"], r["credibility"]) for r in rows] \
        == expected
    assert rows[1]["mean_surprise_pct"] == pytest.approx((27 - 31) / 31 * 100)


def test_speakers_table_says_too_few(scored):
    run = scored("speakers")
    assert run.code == 0, run.err
    as_of, *lines = run.out.splitlines()
    assert as_of == "verdicts as of 2026-03-01"
    assert lines[0].split() == ["ticker", "speaker", "title", "claims", "scored", "surprise", "credibility"]
    assert lines[3].startswith("ACME      Raj Patel")
    assert lines[3].endswith("-12.9%    too few scored claims (n=1)")
    assert len(lines) == 4


def test_speakers_before_scoring(acme):
    rows = json.loads(acme("speakers", "--format", "json").out)
    assert [(r["scored"], r["hit_rate"], r["credibility"]) for r in rows] \
        == [(0, None, "too few scored claims (n=0)")] * 2


@pytest.mark.parametrize("args, message", [
    (("ZZZ",), "fls: unknown company: ZZZ\n"),
])
def test_speakers_errors(scored, args, message):
    run = scored("speakers", *args)
    assert (run.code, run.err, run.out) == (1, message, "")


def test_speakers_of_an_empty_database(fls):
    run = fls("speakers", "--format", "json")
    assert (run.code, json.loads(run.out)) == (0, [])


def test_speakers_help(fls):
    run = fls("speakers", "--help", db=False)
    assert run.code == 0 and "Usage: fls speakers [OPTIONS] [TICKER]" in run.out
