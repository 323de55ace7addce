"""The revision, prior, event and season tables are checked when loaded: a typo in a copy of the data is an
error, not a rule silently ignored."""
from __future__ import annotations

import copy

import pytest

from tracker.extraction import events, stance
from tracker.vocab import lexicon
from tracker import periods
from tracker.errors import LexiconError


def _broken_cues(edit):
    data = copy.deepcopy(lexicon.load("cues"))
    edit(data)
    return data


CUE_BREAKS = [
    pytest.param(stance, "_settings", lambda d: d["revision"].update({"raisd": ["hoisting"]}), id="revision-kind-typo"),
    pytest.param(stance, "_settings", lambda d: d["prior"].update({"befor": ["our plan of"]}), id="prior-key-typo"),
    pytest.param(stance, "_settings", lambda d: d["revision_objects"].pop("window"), id="revision-window-missing"),
    pytest.param(stance, "_settings", lambda d: d["hypothetical"].update({"nmed": ["what if"]}),
                 id="hypothetical-key-typo"),
    pytest.param(stance, "_settings", lambda d: d["signpost"].update({"phrase": ["see slide"]}),
                 id="signpost-key-typo"),
    pytest.param(events, "event_specs", lambda d: d["milestone_events"]["launch"].update({"thing": "left"}),
                 id="event-side-typo"),
    pytest.param(events, "event_specs", lambda d: d["milestone_events"].pop("ship"), id="event-without-reading"),
    pytest.param(events, "_event_words", lambda d: d["event_words"].pop("helpers"), id="event-words-missing-list"),
]


@pytest.mark.parametrize("module, loader, edit", CUE_BREAKS)
def test_broken_cue_data_is_an_error(monkeypatch, module, loader, edit):
    broken = _broken_cues(edit)
    monkeypatch.setattr(module, "load", lambda name: broken)
    getattr(module, loader).cache_clear()
    try:
        with pytest.raises(LexiconError):
            getattr(module, loader)()
    finally:
        getattr(module, loader).cache_clear()


def test_the_shipped_cue_data_loads():
    assert stance._settings().prior_window > 0
    assert "launch" in events.event_specs()


def test_malformed_season_is_an_error():
    with pytest.raises(LexiconError):
        periods._season_table({"monsoon": ["06-40", "09-30"]})
    assert periods._season_table({"monsoon": ["06-01", "09-30"]})["monsoon"] == ((6, 1), (9, 30))
