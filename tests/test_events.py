"""Dated events without a number, and the date phrases they use (issue 9, item 4).

Invented companies and products (Brightwater, Solano 5, Halcyon, Perch, Aster). Each row: the sentence, the
deadline the milestone must carry, and the readable event it must state (not a fragment of the sentence).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tracker.extraction.claims import Said, milestone_claims
from tracker.errors import LexiconError
from tracker.extraction import events
from tracker.extraction.events import event_specs
from tracker.model import Role, Sentence, Speaker
from tracker.periods import calendar_from, resolve_period
from tracker.extraction.sentence_facts import analyse

CALL = date(2025, 7, 24)
CAL = calendar_from("12-31", anchor=CALL)
CEO = Speaker("Ravi Sol", "Chief Executive Officer", Role.EXECUTIVE)


def milestones(text: str, cal=CAL, call=CALL):
    facts = analyse(text, call, cal)
    return milestone_claims(facts, Said(CEO, Sentence(text, 0, len(text))), call, cal)


@dataclass(frozen=True)
class Event:
    text: str
    deadline: str
    event: str


EVENTS = [
    pytest.param(Event("The acquisition of Brightwater is expected to close by the end of the third quarter.",
                       "2025-09-30", "acquisition of Brightwater closes"), id="deal-close-by-quarter-end"),
    pytest.param(Event("We still expect the acquisition to close in the first half of 2026.", "2026-06-30",
                       "acquisition closes"), id="close-the-acquisition"),
    pytest.param(Event("We plan to start pilot production at the end of the year.", "2025-12-31",
                       "pilot production starts"), id="start-pilot-production"),
    pytest.param(Event("We'll roll out the new ordering app over the next few months.", "2025-10-24",
                       "new ordering app rolled out"), id="rollout-next-few-months"),
    pytest.param(Event("The Solano 5 launches this fall.", "2025-12-20", "Solano 5 launches"),
                 id="present-tense-launch-this-fall"),
    pytest.param(Event("The Halcyon headset will launch in the spring of 2026.", "2026-06-20",
                       "Halcyon headset launches"), id="launch-spring-of-year"),
    pytest.param(Event("We will open our flagship store in Denver before the holiday season.", "2025-12-31",
                       "flagship store in Denver opens"), id="open-before-holiday-season"),
    pytest.param(Event("We expect to ship the Aster 2 later this quarter.", "2025-09-30", "Aster 2 ships"),
                 id="ship-later-this-quarter"),
    pytest.param(Event("We expect first oil in 2027.", "2027-12-31", "first oil"), id="first-oil-bare"),
    pytest.param(Event("The new line will be operational by the end of the decade.", "2029-12-31",
                       "new line operational"), id="operational-end-of-decade"),
    pytest.param(Event("There will likely be prototypes of the Aster 3 by the end of this year.", "2025-12-31",
                       "Aster 3 prototypes built"), id="be-prototypes-of"),
    pytest.param(Event("Production shipments of the Vega 9 are planned to start this quarter.", "2025-09-30",
                       "Production shipments of Vega 9 starts"), id="subject-before-helpers"),
    pytest.param(Event("We introduced four new assistants that we'll be launching over the next few months.",
                       "2025-10-24", "four new assistants launches"), id="relative-clause-subject"),
    pytest.param(Event("We plan to submit our application for a banking charter this quarter.", "2025-09-30",
                       "application for a banking charter submitted"), id="submit-application"),
    # "set to" schedules an event like "expected to" (each wording of the class)
    pytest.param(Event("The purchase of Larkspur Mills is still set to close in the fourth quarter.", "2025-12-31",
                       "purchase of Larkspur Mills closes"), id="still-set-to-close"),
    pytest.param(Event("We are set to close the acquisition of Larkspur Mills in the fourth quarter.", "2025-12-31",
                       "acquisition of Larkspur Mills closes"), id="are-set-to-close-the-acquisition"),
    pytest.param(Event("Our second kiln is set to open in 2026.", "2026-12-31", "second kiln opens"),
                 id="set-to-open"),
    pytest.param(Event("We will have these two kilns in place by the end of 2026.", "2026-12-31",
                       "two kilns in place"), id="having-named-things-in-place"),
]


@pytest.mark.parametrize("row", EVENTS)
def test_dated_event(row: Event):
    found = milestones(row.text)
    assert len(found) == 1, [(c.event, c.deadline) for c in found]
    assert found[0].deadline.isoformat() == row.deadline
    assert found[0].event == row.event


NOT_EVENTS = [
    pytest.param("We did very well with our launches this year.", id="plural-noun-is-not-an-event"),
    pytest.param("2026 production is expected to be flat.", id="production-noun-is-a-figure"),
    pytest.param("Let me close by thanking all our staff for 2025.", id="close-the-call"),
    pytest.param("Sales may fall in the second half.", id="fall-the-verb-is-no-season"),
    pytest.param("We will not launch the Aster 2 this year.", id="negated-launch"),
    pytest.param("As you have seen, 2026 has gotten off to a great start.", id="a-great-start-is-a-noun"),
    pytest.param("I want to thank our teams for a really solid start to 2026.", id="a-really-solid-start"),
    pytest.param("Freight costs will likely start to ease in the second half.", id="start-to-is-aspect"),
    pytest.param("I'll begin by saying that through 2031 the bulk of our capital goes to current plants.",
                 id="signpost-begin-by"),
    pytest.param("We moved $90 million of units that were expected to ship in the fourth quarter.",
                 id="event-of-a-past-expectation"),
    pytest.param("We had successful launches of Aster 2 and Aster 3 this quarter.", id="launches-of-is-a-noun"),
    pytest.param("Our launches went well: in stores, Aster 2 launches, and online.",
                 id="plural-noun-before-a-comma"),
    pytest.param("We'll have both of those drugs contributing to our 2026 sales.",
                 id="having-things-already-named"),
    pytest.param("Next year we'll have a mix of the two engines.", id="having-a-mix"),
    pytest.param("I was curious whether the sales team keeps ramping in the back half.",
                 id="unlabelled-analyst-question"),
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event(text: str):
    assert milestones(text) == []


PHRASES = [
    ("this fall", "2025-12-20"),
    ("next spring", "2026-06-20"),
    ("in the spring", "2026-06-20"),
    ("this summer", "2025-09-22"),
    ("last summer", "2024-09-22"),
    ("the winter of 2025", "2026-03-19"),
    ("the holiday season", "2025-12-31"),
    ("by the end of the decade", "2029-12-31"),
    ("over the next decade", "2035-07-24"),
    ("over the next few months", "2025-10-24"),
    ("in a few weeks", "2025-08-14"),
]


@pytest.mark.parametrize("phrase, deadline", PHRASES, ids=[p for p, _ in PHRASES])
def test_new_period_phrases(phrase: str, deadline: str):
    period = resolve_period(phrase, CALL, CAL)
    assert period is not None and period.end.isoformat() == deadline


@pytest.mark.parametrize("phrase", ["over the next few years", "over the past decade"])
def test_still_undated(phrase: str):
    try:
        assert resolve_period(phrase, CALL, CAL) is None
    except Exception as exc:              # "the past decade" is no period phrase at all
        assert type(exc).__name__ == "PeriodError"


def test_retailer_year_end_is_its_fiscal_year():
    """A fiscal year ending in early February is the year a retailer speaks in; a September one is not."""
    retail = calendar_from("01-31", anchor=CALL)
    found = milestones("We expect to complete the remodel program by the end of 2025.", retail)
    assert found and found[0].deadline.isoformat() == "2026-01-31"


def test_every_event_verb_says_how_it_reads(monkeypatch):
    from tracker.vocab import lexicon
    assert set(event_specs()) == set(lexicon.load("cues")["milestone"])
    broken = dict(lexicon.load("cues"))
    broken["milestone_events"] = {**broken["milestone_events"], "launch": {"says": "launches", "thing": "after"}}
    assert_specs_reject(monkeypatch, broken)


def assert_specs_reject(monkeypatch, broken: dict) -> None:
    """`event_specs` read from `broken` (a copy of cues.toml with one fault) must raise LexiconError; the cached
    specs of the real file are dropped before and after."""
    monkeypatch.setattr(events, "load", lambda name: broken)
    events.event_specs.cache_clear()
    try:
        with pytest.raises(LexiconError):
            events.event_specs()
    finally:
        events.event_specs.cache_clear()
