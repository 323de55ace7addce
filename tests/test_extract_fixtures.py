"""`fls extract --format jsonl` on invented calls in four transcript layouts, against what an analyst would track.

Each fixture under tests/fixtures/calls has a table of the claims an analyst would log (metric, scope, low, high,
unit, period label, deadline, kind), a few reported actuals, and sentences that must not become claims. A
record is found by a verbatim fragment of its quote (or of one of its mentions) plus its metric; then every
field the row states is compared. `ANY` leaves a field unchecked where an analyst has no firm expectation.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main

CALLS_DIR = Path(__file__).resolve().parent / "fixtures" / "calls"
ANY = object()      # a field the expectation does not check


@dataclass(frozen=True)
class Call:
    file: str
    args: tuple[str, ...]          # options beyond --format: fiscal year end, and the call date when needed
    layout: str
    header_date: str | None        # the date the header states, None when it states none


CALLS = {
    # fiscal year ends on the last Saturday of June: a 52/53-week calendar
    "chipmaker": Call("northwind_semiconductor_q3fy2025.txt", ("--fiscal-year-end", "06-28"),
                      "participants", "2025-04-24"),
    # fiscal year ends January 31 and is named by the year it starts in ("fiscal 2025" ends 2026-01-31).
    # The header's date sits on its own line, which the header reader misses (see test_header): pass it too.
    "retailer": Call("bayside_outfitters_q4fy2024.txt", ("--fiscal-year-end", "01-31", "--call-date", "2025-03-05"),
                     "colon", "2025-03-05"),
    "industrial": Call("keystone_dynamics_q4_2024.md", (), "colon", "2025-02-06"),
    "software": Call("cloudline_q3_2025_asr.txt", ("--call-date", "2025-11-05"), "plain", None),
}


def norm(s: str | None) -> str:
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


def quotes(rec: dict) -> list[str]:
    return [norm(rec.get("quote"))] + [norm(m["quote"]) for m in rec.get("mentions", [])]


def has(rec: dict, fragment: str) -> bool:
    return any(norm(fragment) in q for q in quotes(rec))


@pytest.fixture(scope="module")
def outputs() -> dict[str, list[dict]]:
    return {}


def run_extract(capsys, outputs: dict, name: str) -> list[dict]:
    """The jsonl records of one fixture, through the real CLI; each fixture is extracted once per module."""
    if name not in outputs:
        call = CALLS[name]
        code = main(["extract", str(CALLS_DIR / call.file), "--format", "jsonl", *call.args])
        out, err = capsys.readouterr()
        assert code == 0, err
        outputs[name] = [json.loads(line) for line in out.splitlines() if line.strip()]
    return outputs[name]


def of_type(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["type"] == kind]


def same_number(got, want) -> bool:
    if want is ANY:
        return True
    if got is None or want is None:
        return got is None and want is None
    return got == pytest.approx(want, rel=1e-6)


# --- claims ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ClaimRow:
    fragment: str                  # verbatim words of the sentence stating the claim
    metric: object
    scope: object
    low: object
    high: object
    unit: object
    period: object
    deadline: object
    kind: object
    mentions: int | None = None    # restatements merged into this claim (None: not checked)
    event: str | None = None       # milestone: words its event must contain

    def differences(self, rec: dict) -> list[str]:
        diffs = []
        for name in ("metric", "scope", "unit", "period", "deadline", "kind"):
            want = getattr(self, name)
            if want is not ANY and rec[name] != want:
                diffs.append(f"{name}: {rec[name]!r} != {want!r}")
        for name in ("low", "high"):
            if not same_number(rec[name], getattr(self, name)):
                diffs.append(f"{name}: {rec[name]!r} != {getattr(self, name)!r}")
        if self.mentions is not None and len(rec["mentions"]) != self.mentions:
            diffs.append(f"mentions: {len(rec['mentions'])} != {self.mentions}")
        if self.event is not None and norm(self.event) not in norm(rec["event"]):
            diffs.append(f"event: {rec['event']!r} lacks {self.event!r}")
        return diffs




CLAIMS = [
    # chipmaker: next-quarter guidance stated as a midpoint and a tolerance
    pytest.param("chipmaker", ClaimRow(
        "we expect revenue of $2.4 billion, plus or minus 2%", "revenue", None, 2.352e9, 2.448e9, "USD",
        "FY2025-Q4", "2025-06-28", "guidance"), id="chip-revenue"),
    pytest.param("chipmaker", ClaimRow(
        "gross margin to be 54%, plus or minus 50 basis points", "gross_margin", None, 53.5, 54.5, "%",
        "FY2025-Q4", "2025-06-28", "guidance"), id="chip-gross-margin"),
    pytest.param("chipmaker", ClaimRow(
        "operating expenses of approximately $610 million", "operating_expenses", None, 610e6, 610e6, "USD",
        "FY2025-Q4", "2025-06-28", "guidance"), id="chip-opex"),
    pytest.param("chipmaker", ClaimRow(
        "diluted earnings per share of $1.05, plus or minus $0.05", "eps", None, 1.00, 1.10, "USD",
        "FY2025-Q4", "2025-06-28", "guidance"), id="chip-eps"),
    # the CFO's answer to the analyst's question is a claim (the question is not: see NOT_CLAIMS)
    pytest.param("chipmaker", ClaimRow(
        "we expect revenue growth of about 5% sequentially", "revenue_growth", None, 5, 5, "%",
        "FY2025-Q4", "2025-06-28", "guidance"), id="chip-qa-confirmation"),

    # retailer: full-year guidance for fiscal 2025 (Feb 2025 - Jan 2026), set by "our outlook for fiscal 2025."
    pytest.param("retailer", ClaimRow(
        "operating income of $1.10 billion to $1.15 billion", "operating_income", None, 1.10e9, 1.15e9, "USD",
        "FY2025-FY", "2026-01-31", "guidance"), id="retail-operating-income"),
    pytest.param("retailer", ClaimRow(
        "comparable sales to increase in the low single digits", "comparable_sales", None, 1, 3, "%",
        "FY2025-FY", "2026-01-31", "guidance"), id="retail-comps-low-single-digits"),
    pytest.param("retailer", ClaimRow(
        "capital expenditures are expected to be up to $900 million", "capex", None, None, 900e6, "USD",
        "FY2025-FY", "2026-01-31", "guidance"), id="retail-capex-up-to"),
    pytest.param("retailer", ClaimRow(
        "we plan to open 40 new stores in fiscal 2025", "stores", None, 40, 40, "stores",
        "FY2025-FY", "2026-01-31", "target"), id="retail-new-stores"),

    # industrial: calendar year; full-year and first-quarter guidance, a dated milestone
    pytest.param("industrial", ClaimRow(
        "full-year adjusted eps of $8.10 to $8.40", "eps", None, 8.10, 8.40, "USD",
        "2025-FY", "2025-12-31", "guidance", mentions=2), id="ind-eps-restated-in-qa"),
    pytest.param("industrial", ClaimRow(
        "organic growth in the mid-single digits", "organic_growth", None, 4, 6, "%",
        "2025-FY", "2025-12-31", "guidance"), id="ind-organic-mid-single-digits"),
    pytest.param("industrial", ClaimRow(
        "we expect revenue of approximately $3.2 billion", "revenue", None, 3.2e9, 3.2e9, "USD",
        "2025-Q1", "2025-03-31", "guidance"), id="ind-first-quarter-revenue"),
    pytest.param("industrial", ClaimRow(
        "open the new plant in ohio by the end of the third quarter", "milestone", ANY, None, None, None,
        "2025-Q3", "2025-09-30", "milestone", event="new plant in Ohio opens"), id="ind-plant-milestone"),

    # software, unlabelled speech-to-text
    pytest.param("software", ClaimRow(
        "we expect q4 revenue to be in the range of $520 million to $530 million", "revenue", None, 520e6, 530e6,
        "USD", "2025-Q4", "2025-12-31", "guidance"), id="sw-q4-revenue"),
    pytest.param("software", ClaimRow(
        "we expect non-gaap operating margin of approximately 22%", "operating_margin", None, 22, 22, "%",
        "2025-Q4", "2025-12-31", "guidance"), id="sw-q4-operating-margin"),
    pytest.param("software", ClaimRow(
        "exit the year with more than $2 billion in arr", ANY, ANY, 2e9, ANY, "USD", ANY, "2025-12-31", ANY),
        id="sw-exit-arr"),
]


@pytest.mark.parametrize("name,row", CLAIMS)
def test_claim(capsys, outputs, name, row):
    claims = of_type(run_extract(capsys, outputs, name), "claim")
    found = [r for r in claims if has(r, row.fragment)]
    assert found, f"no claim quotes {row.fragment!r}"
    best = min(found, key=lambda r: len(row.differences(r)))
    assert not row.differences(best), f"{row.differences(best)} in {best}"


# Every claim should be one of the table's or an acceptable extra (a soft statement an analyst may log).
ACCEPTABLE = {
    "chipmaker": [],
    "retailer": ["we expect the first half to be a bit softer"],
    "industrial": ["in the low 20s", "first quarter to be the low point"],
    "software": ["we remain committed to balanced growth and margin"],
}


@pytest.mark.parametrize("name", list(CALLS))
def test_no_unexpected_claims(capsys, outputs, name):
    fragments = [p.values[1].fragment for p in CLAIMS if p.values[0] == name] + ACCEPTABLE[name]
    extra = [r for r in of_type(run_extract(capsys, outputs, name), "claim")
             if not any(has(r, f) for f in fragments)]
    assert not extra, f"claims nobody would track: {extra}"


NOT_CLAIMS = [
    pytest.param("chipmaker", "so you expect revenue up next quarter", id="chip-analyst-question"),
    pytest.param("retailer", "withdrawing our 2026 operating margin target", id="retail-withdrawal-sentence"),
    pytest.param("industrial", "what is embedded for the second half", id="ind-analyst-question"),
    pytest.param("industrial", "revenue for the fourth quarter was $3.4 billion", id="ind-reported-revenue"),
    pytest.param("software", "what you're assuming for q4 renewals", id="sw-analyst-question"),
    pytest.param("software", "revenue for the third quarter was $505 million", id="sw-reported-revenue"),
]


@pytest.mark.parametrize("name,fragment", NOT_CLAIMS)
def test_not_a_claim(capsys, outputs, name, fragment):
    claims = of_type(run_extract(capsys, outputs, name), "claim")
    assert not [r for r in claims if has(r, fragment)]


ANALYSTS = {
    "chipmaker": {"Marcus Dwyer", "Helen Park"},
    "retailer": {"Kevin Marsh", "Alicia Brandt"},
    "industrial": {"Grace Holloway", "Daniel Weiss"},
    "software": {"Jordan Mills", "Lena Fischer"},
}


@pytest.mark.parametrize("name", list(CALLS))
def test_no_claim_is_an_analysts(capsys, outputs, name):
    claims = of_type(run_extract(capsys, outputs, name), "claim")
    assert not [r for r in claims if r["role"] == "analyst"
                or {m["speaker"] for m in r["mentions"]} & ANALYSTS[name]]


def test_restatement_keeps_both_speakers(capsys, outputs):
    claims = of_type(run_extract(capsys, outputs, "industrial"), "claim")
    eps = [r for r in claims if r["metric"] == "eps"]
    assert len(eps) == 1, eps
    assert [m["speaker"] for m in eps[0]["mentions"]] == ["Catherine Brooks", "Raymond Liu"]
    assert has(eps[0], "we are guiding adjusted eps of $8.10 to $8.40 for 2025")


# --- actuals and withdrawals -----------------------------------------------------------------------------

ACTUALS = [
    pytest.param("chipmaker", "revenue", 2.28e9, "FY2025-Q3", id="chip-revenue"),
    pytest.param("chipmaker", "gross_margin", 53.2, "FY2025-Q3", id="chip-gross-margin"),
    pytest.param("chipmaker", "eps", 0.97, "FY2025-Q3", id="chip-eps"),
    pytest.param("retailer", "revenue", 4.6e9, "FY2024-Q4", id="retail-q4-net-sales"),
    pytest.param("retailer", "gross_margin", 34.8, "FY2024-Q4", id="retail-gross-margin"),
    pytest.param("retailer", "operating_income", 1.05e9, "FY2024-FY", id="retail-fy-operating-income"),
    pytest.param("industrial", "revenue", 3.4e9, "2024-Q4", id="ind-q4-revenue"),
    pytest.param("industrial", "eps", 7.85, "2024-FY", id="ind-fy-eps"),
    pytest.param("industrial", "operating_margin", 18.9, "2024-Q4", id="ind-operating-margin"),
    pytest.param("software", "revenue", 505e6, "2025-Q3", id="sw-q3-revenue"),
    pytest.param("software", "operating_margin", 21, "2025-Q3", id="sw-operating-margin"),
    pytest.param("software", "free_cash_flow", 96e6, "2025-Q3", id="sw-free-cash-flow"),
]


@pytest.mark.parametrize("name,metric,value,period", ACTUALS)
def test_actual(capsys, outputs, name, metric, value, period):
    actuals = of_type(run_extract(capsys, outputs, name), "actual")
    same_metric = [(a["value"], a["period"]) for a in actuals if a["metric"] == metric]
    assert any(same_number(v, value) and p == period for v, p in same_metric), same_metric


NOT_ACTUALS = [
    pytest.param("software", "revenue", 100_000, id="sw-customer-size-threshold"),
]


@pytest.mark.parametrize("name,metric,value", NOT_ACTUALS)
def test_not_an_actual(capsys, outputs, name, metric, value):
    actuals = of_type(run_extract(capsys, outputs, name), "actual")
    assert not [a for a in actuals if a["metric"] == metric and same_number(a["value"], value)]


def test_withdrawal_record(capsys, outputs):
    withdrawals = of_type(run_extract(capsys, outputs, "retailer"), "withdrawal")
    assert [(w["metric"], w["period"]) for w in withdrawals] == [("operating_margin", "FY2026-FY")]
    assert "withdrawing our 2026 operating margin target" in withdrawals[0]["quote"]
    assert withdrawals[0]["speaker"] == "Gregory Lane"


# --- call facts --------------------------------------------------------------------------------------------

HEADER = [
    pytest.param("chipmaker", id="chip-participants-title-line"),
    pytest.param("retailer", id="retail-date-on-its-own-line"),
    pytest.param("industrial", id="ind-markdown-date-key"),
    pytest.param("software", id="sw-no-header"),
]


@pytest.mark.parametrize("name", HEADER)
def test_header(capsys, name):
    """Layout and call date as read from the file alone (no --call-date)."""
    call = CALLS[name]
    args = [a for i, a in enumerate(call.args)
            if a != "--call-date" and (i == 0 or call.args[i - 1] != "--call-date")]
    code = main(["extract", str(CALLS_DIR / call.file), "--format", "json", *args])
    out, err = capsys.readouterr()
    if call.header_date is None:
        assert code != 0 and "--call-date" in err
        return
    assert code == 0, err
    info = json.loads(out)["call"]
    assert (info["layout"], info["call_date"]) == (call.layout, call.header_date)


@pytest.mark.parametrize("name", list(CALLS))
def test_layout(capsys, outputs, name):
    call = CALLS[name]
    code = main(["extract", str(CALLS_DIR / call.file), "--format", "json", *call.args])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["call"]["layout"] == call.layout
