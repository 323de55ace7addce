"""A grant by a regulator or another party is an event when what is granted is named ("receive the operating
permit", "get our banking licence"; cues.toml [milestone] obtain with its `objects`), and an event inside a
condition ("assuming we get the approvals, ...") is dated only by a date of its own clause (patterns.toml
condition_before). Invented sentences; the call is dated 2025-07-24, calendar fiscal year."""
from __future__ import annotations

import copy

import pytest

from tracker.vocab import lexicon
from tests.test_events import assert_specs_reject, milestones

GRANTS = [
    ("permit-by-quarter-end", "We expect to receive the operating permit for the quarry by the end of the first quarter of 2026.",
     [("2026-03-31", "operating permit for the quarry obtained")]),
    ("licence-relative-months", "Should Pellam secure its banking licence in the next 18 months, the new desk opens.",
     [("2027-01-24", "banking licence obtained")]),
    ("approval-next-half", "We hope to obtain marketing approval for the new inhaler in the first half of next year.",
     [("2026-06-30", "marketing approval for the new inhaler obtained")]),
    ("plural-object", "We expect to secure the remaining permits by the end of this year.",
     [("2025-12-31", "remaining permits obtained")]),
    ("passive-grant", "We expect the mining permit to be granted by March 2026.", [("2026-03-31", "mining permit obtained")]),
    ("contract-win", "We expect to win the contract by the end of the year.", [("2025-12-31", "contract obtained")]),
    # negatives: no granted thing named, or the grant is only the condition of a promise dated elsewhere
    ("money-granted", "We expect the money to be granted by March 2026.", []),
    ("money-is-no-grant", "We expect to receive $40 million from the sale by the end of the first quarter.", []),
    ("get-costs-down", "We expect to get our costs down by the end of the year.", []),
    ("gain-share", "We should gain share in the second half.", []),
    ("condition-dated-in-main-clause",
     "Assuming we get the regulatory approvals, we'll probably serve half the state by the end of the year.", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in GRANTS], ids=[r[0] for r in GRANTS])
def test_a_named_grant_is_an_event(text, want):
    assert [(c.deadline.isoformat(), c.event) for c in milestones(text)] == want


def test_a_launch_in_a_condition_keeps_its_own_date():
    found = milestones("If we launch the Perch app by the end of the year, we will be pleased.")
    assert [c.deadline.isoformat() for c in found] == ["2025-12-31"]


@pytest.mark.parametrize("objects", [[], ["Permit"], "permit"], ids=["empty", "upper-case", "not-a-list"])
def test_broken_objects_are_an_error(monkeypatch, objects):
    broken = copy.deepcopy(lexicon.load("cues"))
    broken["milestone_events"]["obtain"]["objects"] = objects
    assert_specs_reject(monkeypatch, broken)


# A plant's or line's output reaching the market is an event ("supply"), and a second event of one sentence is not
# named after the first one's date.
SUPPLY = [
    ("relative-clause-after-another-event",
     "Ground will be broken on the Corvo plant in early 2026, which should start contributing output in 2030.",
     [("2026-03-31", "ground broken on Corvo plant"), ("2030-12-31", "supply from Corvo plant")]),
    ("add-supply", "Our Tern Bay mill will add supply in the first half of 2027.", [("2027-06-30", "supply from Tern Bay mill")]),
    ("start-contributing-output", "The new Corvo line should start contributing output in the second half of 2027.",
     [("2027-12-31", "supply from new Corvo line")]),
    # negative: supplying now is no dated event
    ("no-date", "Our partners provide supply on time.", []),
]


@pytest.mark.parametrize("text,want", [r[1:] for r in SUPPLY], ids=[r[0] for r in SUPPLY])
def test_output_reaching_the_market_is_an_event(text, want):
    assert [(c.deadline.isoformat(), c.event) for c in milestones(text)] == want
