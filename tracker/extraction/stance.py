"""How a sentence stands to what it says: promised, reported, restated, negated, pointed at or supposed.

The cue words live in `tracker/data/cues.toml`; this module only decides how they combine:

- A forward cue inside a reference to an earlier promise looks back, not ahead ("sales grew 8%, ahead of the
  5% to 7% we had expected"); one inside a signpost looks nowhere ("turning to slide 12, you'll see our outlook");
  one inside a negation promises nothing ("we do not expect orders to decline").
- A forward cue before such a reference makes it a restatement ("we are reiterating our guidance of $8 billion").
- A verb that revises guidance is forward even where it reads as a past tense ("we raised our outlook to $5
  billion"): it states the new promise, it does not report a result.
- A report of one-off items is a report: a forward cue after its verb of fact is a side remark.
- An analyst's question (in a layout without speaker labels) asks: its forward cues promise nothing.
- A sensitivity is a hypothetical ("every $5 change in the oil price moves cash flow by $1 billion").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.model import Quantity, RevisionKind
from tracker.vocab.finders import Finder, Term, cue_finder
from tracker.fast_init import fast_init

_CLAUSE_MARKS = frozenset(",;:()")


@dataclass(frozen=True)
class RevisionCue:
    """The words that restate guidance in a sentence, and the kind they say (None: "we now expect", whose kind
    only the replaced figure can tell)."""
    kind: RevisionKind | None
    start: int
    end: int


@fast_init
@dataclass(frozen=True)
class Stance:
    forward: tuple[Term, ...]
    fact_verbs: tuple[Term, ...]
    prior_refs: tuple[Term, ...]       # named "before", "after" or "mention" (where the earlier figure stands)
    negations: tuple[Term, ...]
    revision: RevisionCue | None
    one_off: bool


@dataclass(frozen=True)
class _Settings:
    object_nouns: frozenset[str]
    object_window: int
    prior_window: int
    delta_markers: tuple[tuple[str, ...], ...]   # word sequences, read only where a revision is found


@cache
def _settings() -> _Settings:
    cues = load("cues")
    try:
        objects = cues["revision_objects"]
        settings = _Settings(frozenset(w.lower() for w in objects["nouns"]), int(objects["window"]),
                             int(cues["prior_window"]["chars"]),
                             tuple(tuple(m.lower().split()) for m in cues["revision_delta"]["markers"]))
        kinds = {str(k) for k in RevisionKind} | {"revised"}
        for section in ("revision", "revision_alone"):
            unknown = set(cues[section]) - kinds
            if unknown:
                raise LexiconError(f"cues.toml [{section}]: unknown revision kind {sorted(unknown)[0]!r}")
        for section, keys in (("prior", {"before", "after", "mention"}), ("hypothetical", {"named", "each", "change"}),
                              ("negation", {"phrases"}), ("signpost", {"phrases"}), ("question", {"phrases"}),
                              ("one_off", {"phrases"})):
            if set(cues[section]) != keys:
                odd = sorted(set(cues[section]) ^ keys)[0]
                raise LexiconError(f"cues.toml [{section}]: key {odd!r} is unknown or missing")
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(f"cues.toml: revision or prior settings are malformed: {exc}") from exc
    return settings


_RARE = ("negation", "signpost", "question", "prior", "one_off", "revision", "revision_alone")


@cache
def _rare_finder() -> Finder:
    """The sections most sentences never touch, in one finder: one lookup per sentence instead of seven."""
    cues = load("cues")
    return Finder({f"{section}:{key}": words for section in _RARE for key, words in cues[section].items()
                   if isinstance(words, list)})


def _rare(text: str) -> dict[str, list[Term]]:
    """The sentence's terms of the `_RARE` sections, by section, each named by its key."""
    out: dict[str, list[Term]] = {}
    for t in _rare_finder().find(text):
        section, key = t.name.split(":", 1)
        out.setdefault(section, []).append(Term(t.start, t.end, key, t.text))
    return out


@cache
def _event_stop() -> frozenset[str]:
    """Words that end a noun phrase (cues.toml [event_words] stop): prepositions, conjunctions, helpers."""
    return frozenset(w.lower() for w in load("cues")["event_words"]["stop"])


def _inside(t: Term, spans) -> bool:
    return any(s.start <= t.start and t.end <= s.end for s in spans)


def same_clause(text: str, start: int, end: int) -> bool:
    """No clause mark (comma, semicolon, colon, bracket) between two places."""
    return not any(c in _CLAUSE_MARKS for c in text[start:end])


def _guidance_object(tail: str, s: _Settings) -> bool:
    """A guidance noun is the verb's object: it comes before any clause mark or preposition ("raising our full-year
    outlook" yes; "increased in the mid-single-digit range" no)."""
    for word in tail.lower().replace(",", " , ").split():
        word = word.strip(".;:")
        if word in s.object_nouns:
            return True
        if word in _event_stop() or not word or word[0] in _CLAUSE_MARKS:
            return False
    return False


def _revision(text: str, rare: dict[str, list[Term]]) -> RevisionCue | None:
    """The first verb revising guidance: a [revision] verb with a guidance noun soon after it in its clause (or,
    for narrowing and widening, a figure right after: "narrowing to $5.0 to $5.2 billion"), else a [revision_alone]
    phrase."""
    s = _settings()
    for term in rare.get("revision", ()):
        tail = text[term.end:term.end + s.object_window]
        if _guidance_object(tail, s):
            return RevisionCue(RevisionKind(term.name), term.start, term.end)
        if term.name in ("narrowed", "widened") and term.text.lower().endswith("ing") and any(
                c.isdigit() for c in tail[:15]):
            return RevisionCue(RevisionKind(term.name), term.start, term.end)   # "narrowing to $5.0 to $5.2 billion"
    alone = next(iter(rare.get("revision_alone", ())), None)
    if alone is None:
        return None
    return RevisionCue(None if alone.name == "revised" else RevisionKind(alone.name), alone.start, alone.end)


def read_stance(text: str) -> Stance:
    s = _settings()
    # "May" is a month, not a hedge
    forward = [t for t in cue_finder("forward").find(text) if t.text != "May"]
    facts = cue_finder("fact").find(text)
    rare = _rare(text)
    if not rare:                          # most sentences: no reference, negation, revision or signpost
        return Stance(tuple(forward), tuple(facts), (), (), None, False)
    negations = rare.get("negation", [])
    hidden = negations + rare.get("signpost", [])
    if hidden:
        forward = [t for t in forward if not _inside(t, hidden)]
    question = next(iter(rare.get("question", ())), None)
    if question is not None:
        # "I was curious whether the crew keeps scaling up in the back half": the rest of it asks
        forward = [t for t in forward if t.end <= question.start]
    revision = _revision(text, rare)
    if revision is not None:
        # "we raised our outlook": the revising verb states a promise
        facts = [t for t in facts if not (revision.start <= t.start < revision.end)]
        if not any(revision.start <= t.start < revision.end for t in forward):
            forward = sorted([*forward, Term(revision.start, revision.end, "firm", text[revision.start:revision.end])],
                             key=lambda t: t.start)
    priors = rare.get("prior", [])
    if priors:
        # a reference preceded by its own forward cue is a restatement: "we are reiterating our guidance of $8B"
        # ("I think" only softens: "I think we shipped units that were expected to deliver in Q4" still looks back)
        soft = cue_finder("softeners").find(text)
        priors = [p for p in priors
                  if not any(t.end <= p.start and not _inside(t, priors) and not _inside(t, soft) for t in forward)]
        forward = [t for t in forward if not _inside(t, priors) and not any(
            0 <= t.start - p.end <= s.prior_window and t.text.lower() in s.object_nouns for p in priors)]
    one_off = bool(facts) and "one_off" in rare
    if one_off and forward and facts[0].start < forward[0].start:
        forward = []
    return Stance(tuple(forward), tuple(facts), tuple(priors), tuple(negations), revision, one_off)


def negated_at(stance: Stance, text: str, pos: int) -> bool:
    """A place in the clause after a negation ("we do not expect orders to decline")."""
    return any(n.end <= pos and same_clause(text, n.end, pos) for n in stance.negations)


def delta_marker_before(text: str, pos: int) -> bool:
    """"by 30 basis points", "by approximately $50 million": a change marker right before a figure."""
    words = text[max(0, pos - 30):pos].lower().split()
    return any(tuple(words[-len(m):]) == m for m in _settings().delta_markers)


def is_hypothetical(text: str, quantities: list[Quantity]) -> bool:
    """A sensitivity or a supposition: named as one, or "every/each" + a figure + a change word right after it
    ("every $5 change in the oil price", "each 25 basis point move in rates")."""
    terms = cue_finder("hypothetical").find(text)
    if any(t.name == "named" for t in terms):
        return True
    each = [t for t in terms if t.name == "each"]
    change = [t for t in terms if t.name == "change"]
    for q in quantities:
        if any(0 <= q.start - t.end <= 2 for t in each) and any(0 <= t.start - q.end <= 12 for t in change):
            return True
    return False


def referred_back(stance: Stance, pos: int) -> bool:
    """A place inside, or just after, a reference to an earlier expectation ("vehicles that were expected to
    deliver in the fourth quarter"): what stands there was expected before, it is not promised now."""
    window = _settings().prior_window
    return any(p.start <= pos and pos - p.end <= window for p in stance.prior_refs if p.name != "before")


def prior_figure(stance: Stance, q: Quantity, text: str) -> bool:
    """A figure introduced as earlier guidance: right after a `before` reference ("our guidance of $80
    million") or right before an `after` one ("the 5% to 7% we had expected")."""
    for p in stance.prior_refs:
        if p.name == "before" and 0 <= q.start - p.end <= 25:
            return True
        if p.name == "after" and 0 <= p.start - q.end <= 8:
            return True
    return False
