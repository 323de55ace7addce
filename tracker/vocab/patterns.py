"""Named context patterns: the rules of English that read the words around a figure, kept as data.

`tracker/data/patterns.toml` holds each pattern as one or more *forms*, a form being a list of *slots* (think of a
spaCy Matcher pattern): a slot of phrases, an optional slot, a gap of a few words, a window of characters within
the clause, a word by its ending ("-ed", "-ing"), or a number that must follow. The pattern's `side` anchors it to a figure: `before` ends where the
figure starts ("up 84%" reads the text before "84%"), `after` starts where it ends ("84% year over year"),
`between` must fill the text between two items ("DRAM and NAND"), `inside` is found anywhere in a text.

Phrases are lower-case words, compiled by the same prefix tree as every vocabulary (`phrase_pattern`: a space
or "-" in a phrase matches any run of spaces and hyphens, "year-over-year" = "year over year"); a trailing "*" is
any ending ("increas*": increase, increased, increasing), and `unless_after` keeps a phrase from matching right after the
words it lists ("over" but not "year over"). Words are separated by white space; punctuation (",", ";") attaches
to the word before it.

Each pattern is validated and compiled once, on first use: an unknown key, a side or slot that does not exist,
an empty or repeated phrase is a `LexiconError`, not a rule that silently never fires.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from tracker.errors import LexiconError
from tracker.vocab.lexicon import load
from tracker.vocab.phrase_regex import SPACE_OR_HYPHEN, phrase_pattern
from tracker.vocab.quick_start import compile_quick
from tracker.vocab.word_gate import Needs, lacks, required_words, words_of

SIDES = ("before", "after", "between", "inside")
_PATTERN_KEYS = {"doc", "side", "slots", "forms"}
_SLOT_KEYS = {"words", "optional", "unless_after", "gap", "within", "number_follows", "ending"}
_ENDINGS = ("ed", "ing")
_PHRASE = re.compile(r"^(?:[a-z0-9&'/.,;:]|-(?=\w))+\*?(?: (?:[a-z0-9&'/.]|-(?=\w))+\*?)*$")
_GATE_FROM = 60                         # texts longer than this are gated by their words (tracker.vocab.word_gate)
_CURRENCY_OR_DIGIT = r"[$€£¥]?\d"       # a number starts here (the symbols are not English, only typography)


@dataclass(frozen=True)
class ContextPattern:
    """One compiled pattern: its name, side, the regular expression the data compiles to, and the words one of
    which every match contains (`needs`, tracker.vocab.word_gate; None: not gated)."""
    name: str
    side: str
    regex: re.Pattern[str]
    needs: Needs | None = None

    def __post_init__(self) -> None:
        # the compiled regex's own methods, bound once: a call costs no Python frame (a sentence makes dozens);
        # with `needs`, a text lacking all of those words answers without running the regex
        for name in ("search", "match", "finditer"):
            method = getattr(self.regex, name)
            object.__setattr__(self, name, method if self.needs is None else _gated(method, self.needs, name))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.search(text, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos)

    def finditer(self, text: str):
        return self.regex.finditer(text)


def _gated(method, needs: Needs, name: str):
    """`method` of a regex, answering no match at once for a text that lacks the words `needs` asks for. A short
    text (a window beside a figure) is searched as it is: reading its words would cost more than the search."""
    nothing = iter(()) if name == "finditer" else None      # an exhausted iterator stays exhausted: shareable
    if len(needs) == 1 and len(needs[0]) == 1:              # most patterns: one form, one word slot
        only = needs[0][0]

        def gated(text: str, *args):
            if len(text) > _GATE_FROM:
                words = words_of(text)
                if words is not None and only.isdisjoint(words):
                    return nothing
            return method(text, *args)
    else:
        def gated(text: str, *args):
            if len(text) > _GATE_FROM:
                words = words_of(text)
                if words is not None and lacks(needs, words):
                    return nothing
            return method(text, *args)
    return gated


def _fail(name: str, message: str) -> LexiconError:
    return LexiconError(f"patterns.toml: [{name}] {message}")


def _wildcard_regex(phrase: str) -> str:
    """'increas*' -> increas\\w*, 'negatively impact*' -> negatively[\\s-]+impact\\w*: a phrase whose last word may
    end in any way. (Phrases without "*" go through `phrase_pattern`, the prefix tree every vocabulary uses.)"""
    return SPACE_OR_HYPHEN.join(re.escape(w) for w in phrase[:-1].split(" ")) + r"\w*"


def _words(name: str, slot: dict[str, Any], key: str) -> list[str]:
    words = slot.get(key)
    if not isinstance(words, list) or not words:
        raise _fail(name, f"{key} must be a non-empty list of phrases")
    for w in words:
        if not isinstance(w, str) or not _PHRASE.match(w):
            raise _fail(name, f"{w!r} is not a lower-case phrase")
    if len(set(words)) != len(words):
        raise _fail(name, f"{next(w for w in words if words.count(w) > 1)!r} is listed twice")
    return words


def _alternatives(name: str, slot: dict[str, Any]) -> str:
    """One of the slot's phrases, as whole words (a phrase starting with a letter may not follow one)."""
    words = _words(name, slot, "words")
    unless = slot.get("unless_after", {})
    if not isinstance(unless, dict) or set(unless) - set(words):
        raise _fail(name, "unless_after must map phrases of the slot to the words they may not follow")
    wordy = [w for w in words if w[0].isalnum() and not w.endswith("*") and w not in unless]
    parts = [rf"(?<!\w)(?:{phrase_pattern(wordy)})"] if wordy else []
    signs = [w for w in words if not w[0].isalnum()]
    if signs:
        parts.append(phrase_pattern(signs))
    for w in words:
        if w.endswith("*"):
            parts.append(rf"\b{_wildcard_regex(w)}")
        elif w in unless:           # "over", but not "year over": a guard for each word it may not follow
            guard = "".join(f"(?<!{re.escape(p)} )(?<!{re.escape(p)}-)" for p in _words(name, {"w": unless[w]}, "w"))
            parts.append(rf"{guard}(?<!\w)(?:{phrase_pattern([w])})")
    return "(?:" + "|".join(parts) + ")"


def _count(name: str, slot: dict[str, Any], key: str, most: int) -> int:
    n = slot[key]
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= most:
        raise _fail(name, f"{key} must be a whole number from 1 to {most}")
    return n


def _form(name: str, slots: Any, lead_space: bool) -> str:
    """The regular expression of one form: its slots in order, separated by white space (and preceded by it when
    `lead_space`: the words between two items stand apart from both)."""
    if not isinstance(slots, list) or not slots:
        raise _fail(name, "a form must be a non-empty list of slots")
    out, need_space = [], lead_space
    for slot in slots:
        if not isinstance(slot, dict) or not slot or set(slot) - _SLOT_KEYS:
            odd = sorted(set(slot) - _SLOT_KEYS)[0] if isinstance(slot, dict) and set(slot) - _SLOT_KEYS else slot
            raise _fail(name, f"unknown slot {odd!r}")
        if "gap" in slot:                   # up to N words of anything: "compared to [the same period of] 2024"
            n = _count(name, slot, "gap", 10)
            out.append(rf"(?:\s+\w+){{0,{n}}}" if need_space else rf"(?:\w+\s+){{0,{n}}}")
        elif "within" in slot:              # up to N characters, not past the end of the clause
            out.append(rf"[^.;]{{0,{_count(name, slot, 'within', 200)}}}")
            need_space = False
        elif "ending" in slot:              # a word by its ending: "expanded", "building"
            if slot["ending"] not in _ENDINGS:
                raise _fail(name, f"ending must be one of {', '.join(_ENDINGS)}")
            out.append((r"\s+" if need_space else "") + rf"\b\w+{slot['ending']}\b")
            need_space = True
        elif "number_follows" in slot:      # "and approximately 5": a figure comes next
            lead = _alternatives(name, {"words": slot["number_follows"]})
            out.append(rf"(?=\s*(?:{lead}\s+)?{_CURRENCY_OR_DIGIT})")
        else:
            alts = _alternatives(name, slot)
            optional = slot.get("optional", False)
            if not isinstance(optional, bool):
                raise _fail(name, "optional must be true or false")
            words = slot["words"]
            space = r"\s*" if all(w[0] in ",;:" for w in words) else r"\s+"
            if optional:
                out.append(rf"(?:{space}{alts})?" if need_space else rf"(?:{alts}\s+)?")
            else:
                out.append((space if need_space else "") + alts)
                need_space = True
    return "".join(out)


def compile_pattern(name: str, spec: Any) -> ContextPattern:
    """Validate one pattern of the data and compile it (case-insensitive)."""
    if not isinstance(spec, dict):
        raise _fail(name, "must be a table")
    if set(spec) - _PATTERN_KEYS:
        raise _fail(name, f"unknown key {sorted(set(spec) - _PATTERN_KEYS)[0]!r}")
    if not isinstance(spec.get("doc"), str) or not spec["doc"].strip():
        raise _fail(name, "needs a doc: the sentence that motivates it")
    side = spec.get("side")
    if side not in SIDES:
        raise _fail(name, f"side must be one of {', '.join(SIDES)}")
    if ("slots" in spec) == ("forms" in spec):
        raise _fail(name, "needs either slots (one form) or forms (a list of them)")
    forms = [spec["slots"]] if "slots" in spec else spec["forms"]
    if not isinstance(forms, list) or not forms:
        raise _fail(name, "forms must be a non-empty list")
    body = "|".join(f"(?:{_form(name, f, side == 'between')})" for f in forms)
    anchored = {"before": rf"(?:{body})\s*$", "after": rf"^\s*(?:{body})",
                "between": rf"^(?:{body})\s*$", "inside": body}[side]
    return ContextPattern(name, side, compile_quick(anchored, re.I),
                          required_words(forms) if side == "inside" else None)


@cache
def _all() -> dict[str, ContextPattern]:
    data = load("patterns")
    return {name: compile_pattern(name, spec) for name, spec in data.items()}


def pattern(name: str) -> ContextPattern:
    """The compiled pattern `name` of tracker/data/patterns.toml (every pattern is checked on the first call)."""
    try:
        return _all()[name]
    except KeyError:
        raise LexiconError(f"patterns.toml: no pattern named {name!r}") from None
