"""Skip a pattern's regular expression when the text lacks every word a match of it must contain.

Most context patterns are searched over every sentence that may hold a claim and find nothing in nearly all of
them: "would have been" (a counterfactual), "ago" / "earlier this month" (a past marker), "because of" (an
explanation). Python's `re` pays for each such search at every position of the sentence. But every match of
such a pattern shows, for each slot it cannot do without, a whole word of that slot's phrases ("would",
"past", "earlier"). A sentence's words are read once (`words_of`, kept for the last texts asked), and a pattern
whose required words are missing answers "no match" without running.

Why it never changes a result:
- `required_words` takes from each phrase of a required slot one run of letters and digits that every match of
  the phrase shows as a whole run of the text (`_key_word`: the phrase's words are bounded by "(?<!\\w)", by
  their own signs and spaces, and by the guard against a following letter; a wildcard's last run is not taken);
  a slot with a phrase that has no such run, or a form with no such slot, is not gated;
- `words_of` lists every run of letters and digits of the lower-cased text, and declines (None: no gate) a text
  holding one of the four characters that `re.IGNORECASE` matches to an ASCII letter ("İ", "ı", "ſ", the Kelvin
  sign), the only way a case-insensitive match could spell a word differently from the text's lower case.
A test compares every gated pattern with its plain regular expression at every position of invented sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# for each form of a pattern, the word sets of its required slots
Needs = tuple[tuple[frozenset[str], ...], ...]

_RUN = re.compile(r"[0-9a-z]+")
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")      # İ ı ſ K: re.I matches them to i, i, s, k


@lru_cache(maxsize=64)
def words_of(text: str) -> frozenset[str] | None:
    """The runs of letters and digits of `text`, lower case; None when the text holds a letter that `re.I` folds
    to an ASCII one."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return None
    return frozenset(_RUN.findall(text.lower()))


def _key_word(phrase: str) -> str | None:
    """The longest run of letters and digits that any match of `phrase` shows as a whole run of the text: "in the
    past" -> "past", "u.s. sales" -> "sales", "negatively impact*" -> "negatively" (the wildcard's run may go on
    into more letters); None when there is none ("increas*", "+/-")."""
    wild = phrase.endswith("*")
    body = phrase[:-1] if wild else phrase
    safe = [m.group(0) for m in _RUN.finditer(body)
            # a run at the start of a phrase that starts with a letter follows no word ("(?<!\w)"); one inside
            # is bounded by the phrase's own signs and spaces; one at the end is guarded unless it is the wildcard's
            if not (wild and m.end() == len(body))]
    return max(reversed(safe), key=len) if safe else None     # of equals the last: "this past" -> "past"


def _slot_words(slot: dict[str, Any]) -> frozenset[str] | None:
    """The key words of a required words slot's phrases, when each phrase has one."""
    if not isinstance(slot, dict) or "words" not in slot or slot.get("optional"):
        return None
    keys = {_key_word(w) for w in slot["words"]}
    return None if None in keys else frozenset(keys)


def required_words(forms: list[list[dict[str, Any]]]) -> Needs | None:
    """For each form, the word sets of its required slots: a match of the form holds a word of every set, so a
    text holding none of some set's words has no match of that form. None when some form has no such slot."""
    needs = []
    for slots in forms:
        sets = tuple(w for w in map(_slot_words, slots) if w)
        if not sets:
            return None
        needs.append(sets)
    return tuple(needs)


def lacks(needs: Needs, words: frozenset[str]) -> bool:
    """Whether no form of a pattern can match a text of these words."""
    return all(any(s.isdisjoint(words) for s in form) for form in needs)
