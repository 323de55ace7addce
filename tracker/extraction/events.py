"""What a milestone says must happen, as a readable phrase rather than a fragment of the sentence.

Each event verb of `[milestone]` in cues.toml has a `[milestone_events]` entry: how the event reads and on which
side of the verb its subject is named.

- "we plan to start pilot production at the end of the year" -> "pilot production starts" (named after the verb)
- "the acquisition is expected to close by the end of the third quarter" -> "acquisition closes" (before it)
- "we look for first gas in 2031" with the project named nowhere -> "first gas" (the event alone)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.vocab.finders import Term, cue_finder

_TOKEN = re.compile(r"\d+(?:\.\d+)+\w*|[\w'’&/-]+|[^\w\s]")
_MAX_WORDS = 6


@dataclass(frozen=True)
class EventSpec:
    says: str        # "{thing} launches"
    thing: str       # "after" or "before": where the event's subject is named
    objects: frozenset[str] = frozenset()   # when given, the event needs one of these nouns in its thing


@dataclass(frozen=True)
class _EventWords:
    skip: frozenset[str]
    stop: frozenset[str]
    helpers: frozenset[str]
    places: frozenset[str]
    joiners: frozenset[str]
    articles: frozenset[str]
    modifiers: frozenset[str]
    aspectual: frozenset[str]
    aspect_after: frozenset[str]
    relatives: frozenset[str]
    pronouns: frozenset[str]
    possession: frozenset[str]
    qualities: frozenset[str]
    subordinators: frozenset[str]
    referring: frozenset[str]


@cache
def event_specs() -> dict[str, EventSpec]:
    """The [milestone_events] table, checked against [milestone]: every event verb needs exactly one entry."""
    cues = load("cues")
    verbs, table = cues.get("milestone", {}), cues.get("milestone_events", {})
    if set(verbs) != set(table):
        odd = sorted(set(verbs) ^ set(table))[0]
        raise LexiconError(f"cues.toml: event {odd!r} must be in both [milestone] and [milestone_events]")
    specs = {}
    for name, entry in table.items():
        objects = entry.get("objects", []) if isinstance(entry, dict) else None
        if not isinstance(entry, dict) or not {"says", "thing"} <= set(entry) <= {"says", "thing", "objects"} \
                or entry["thing"] not in ("after", "before", "clause") \
                or not ("{thing}" in entry["says"] or "{verb}" in entry["says"]) \
                or not isinstance(objects, list) or not all(isinstance(o, str) and o == o.lower() and o.strip()
                                                            for o in objects) or "objects" in entry and not objects:
            raise LexiconError(f"cues.toml [milestone_events] {name}: needs says with {{thing}} or {{verb}}, "
                               f"thing = \"after\", \"before\" or \"clause\", and objects (if any) a non-empty "
                               f"list of lower-case nouns")
        specs[name] = EventSpec(entry["says"], entry["thing"], frozenset(objects))
    return specs


@cache
def _event_words() -> _EventWords:
    words = load("cues").get("event_words", {})
    keys = ("skip", "stop", "helpers", "places", "joiners", "articles", "modifiers", "aspectual", "aspect_after",
            "relatives", "pronouns", "possession", "qualities", "subordinators", "referring")
    if set(words) != set(keys):
        raise LexiconError(f"cues.toml [event_words] needs exactly the lists {', '.join(keys)}")
    return _EventWords(*(frozenset(w.lower() for w in words[k]) for k in keys))


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


def _after(text: str, start: int, limit: int) -> str:
    """The noun phrase after the verb: "launch our next-gen X200 servers in May" -> "next-gen X200 servers"."""
    w = _event_words()
    out: list[str] = []
    toks = _TOKEN.findall(text[start:limit])
    for i, tok in enumerate(toks):
        low = tok.lower()
        if out and low in w.places and i + 1 < len(toks) and toks[i + 1][:1].isupper():
            out.append(tok)                # "the new plant in Ohio": a place is part of what opens
            continue
        if out and low in w.joiners:
            out.append(tok)                # "the rollout of the new checkout"
            continue
        if not _is_word(tok) or low in w.stop or low in w.helpers:
            break
        if low in w.skip:
            if out and out[-1].lower() not in w.joiners:
                break
            if out:
                out.append(tok)            # "an application for a charter"
            continue
        out.append(tok)
        if len(out) >= _MAX_WORDS:
            break
    while out and (out[-1].lower() in w.skip or out[-1].lower() in w.joiners):
        out.pop()
    return " ".join(out)


def _before(text: str, end: int, floor: int) -> str:
    """The subject before the verb and its helpers: "the acquisition is expected to close" -> "acquisition"."""
    w = _event_words()
    out: list[str] = []
    helpers = 0
    toks = _TOKEN.findall(text[floor:end])
    # "the copilots that we unveiled earlier this month launch": a relative clause with a verb of its
    # own stands between the subject and the event; the subject is before it
    for j in range(len(toks) - 2, max(-1, len(toks) - 12), -1):
        if toks[j].lower() in w.relatives and toks[j + 1].lower() in w.pronouns \
                and any(t.lower() in w.stop for t in toks[j + 2:]) and j > 0:
            toks = toks[:j]
            break
    relative = -1                          # index of "that" in "agents that we'll be bringing": skip to "agents"
    for i in range(len(toks) - 1, -1, -1):
        tok, low = toks[i], toks[i].lower()
        if i == relative:
            continue
        if not out and low in w.pronouns and i > 0 and toks[i - 1].lower() in w.relatives:
            relative = i - 1
            continue
        if not _is_word(tok):
            break
        if out and low in w.skip and i > 0 and toks[i - 1].lower() in w.joiners:
            continue                       # "shipments of the Vega 9": the article after a joiner
        if low in w.joiners and out:
            out.insert(0, tok)             # "the acquisition of Brightwater"
            continue
        if low in w.helpers or low in w.skip:
            helpers += 1
            if out or helpers > _MAX_WORDS:
                break
            continue                       # helpers between subject and verb: "is expected to"
        if low in w.stop:
            break
        out.insert(0, tok)
        if len(out) >= _MAX_WORDS:
            break
    while out and out[0].lower() in w.joiners:
        out.pop(0)
    return " ".join(out)


def scheduled(text: str) -> bool:
    """A present-tense event verb ("the Solano 5 launches this fall"): with a date ahead, a schedule."""
    return any(not is_noun_use(text, v) for v in cue_finder("scheduled").find(text))


def is_noun_use(text: str, verb: Term) -> bool:
    """"our launches this year", "successful launches of two games", "off to a great start": the verb's words name
    a thing, not an event; "start to rise" names no event either, nor does having a quality ("we're going to have
    a strong second half in 2026"), and an event word after a quality word qualifies a noun ("solid
    operational results"), and one in a time clause ("as we complete the outage, we expect ...") sets the
    time of something else."""
    w = _event_words()
    if verb.name in w.aspectual:
        nxt = _TOKEN.findall(text[verb.end:verb.end + 6])
        if nxt and nxt[0].lower() in w.aspect_after:
            return True                    # "costs will start to rise": a beginning, not an event
    if verb.name in w.possession:
        nxt = [t.lower() for t in _TOKEN.findall(text[verb.end:verb.end + 30])]
        nxt = [t for t in nxt if t not in w.articles and t not in w.modifiers]
        if nxt and nxt[0] in w.qualities:
            return True                    # "we'll have a strong second half": a quality, no event
        if nxt and nxt[0] in w.referring:
            return True                    # "we'll have both of those drugs in our 2026 sales": had already
    before = [t.lower() for t in _TOKEN.findall(text[max(0, verb.start - 40):verb.start])]
    if before and before[-1] in w.qualities:
        return True                        # "solid operational results": the event word qualifies a noun
    if len(before) >= 2 and before[-2] in w.subordinators and before[-1] in w.pronouns:
        return True                        # "as we finish the outage, ...": a time clause, no promise
    if verb.text.lower().endswith("s"):
        after = _TOKEN.findall(text[verb.end:verb.end + 12])
        if before and before[-1] in w.skip:
            return True
        if after and after[0].lower() in w.joiners and not (before and before[-1] in w.helpers):
            return True                    # "launches of two games", but not "will be prototypes of X"
        if after and after[0] in (",", ";") and not (before and before[-1] in w.helpers):
            return True                    # "in stores, Aster 2 launches, and online": a plural noun
    for word in reversed(before[-4:]):
        if word in w.articles:
            return True
        if word in w.modifiers:
            continue
        if not word[:1].isalpha() or word in w.stop or word in w.helpers or word in w.skip:
            return False
    return False


def has_object(text: str, verb: Term) -> bool:
    """An event that names what it acts on (`objects` in [milestone_events]) needs one of those nouns in its thing:
    "we expect to receive the operating permit by March" is an event, "we expect to receive $40 million by March"
    is not (the figure is its claim)."""
    spec = event_specs().get(verb.name)
    if spec is None or not spec.objects:
        return True
    words = (_after(text, verb.end, len(text)) or _before(text, verb.start, 0)).lower().split()
    return any(w in spec.objects or w.rstrip("s") in spec.objects for w in words)


def event_phrase(text: str, verb: Term, date_start: int, date_end: int, scope: str | None, earlier: int = 0) -> str:
    """What must happen, read around `verb` in `text`; the date phrase [date_start, date_end) is never part of it,
    nor is anything before `earlier` (the end of an earlier event's date: "ground is broken on the plant in 2026, which
    should start contributing output in 2030" -> the supply is not "from 2026")."""
    spec = event_specs().get(verb.name)
    if spec is None:
        return verb.text
    limit = date_start if date_start >= verb.end else len(text)
    floor = date_end if date_end <= verb.start else (earlier if earlier <= verb.start else 0)
    sides = (_after(text, verb.end, limit), _before(text, verb.start, floor))
    if spec.thing == "clause":
        words = []
        for tok in _TOKEN.findall(text[verb.end:limit]):
            if not _is_word(tok) or len(words) >= 2 * _MAX_WORDS:
                break
            words.append(tok)
        sides = (" ".join(words), sides[1])
    thing = sides[1] or sides[0] if spec.thing == "before" else sides[0] or sides[1]
    thing = thing or scope or ""
    if not thing and "{verb}" not in spec.says:
        return verb.name.replace("_", " ")
    said = spec.says.format(thing=thing, verb=verb.text.lower())
    return " ".join(said.split()).removesuffix(" from").strip()
