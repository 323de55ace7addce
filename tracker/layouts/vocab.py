"""The layout words of `tracker/data/layouts.toml`, compiled and checked once, on first use.

Every key the file must have is named here; a missing or unknown key (a typo) is a LexiconError, so a
misspelt list never silently turns a rule off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.vocab import lexicon
from tracker.errors import LexiconError
from tracker.model import Role
from tracker.roles import Cue

_SCHEMA: dict[str, frozenset[str]] = {
    "lines": frozenset({"source_tags", "translation_tags", "page_marks"}),
    "roster": frozenset({"transcript_starts", "transcript_ends"}),
    "paren_roles": frozenset({"executive", "analyst", "operator"}),
    "handover": frozenset({"to_speaker", "later", "to_speaker_keywords", "self_intro", "honorifics"}),
    "operator": frozenset({"phrases"}),
    "follow_up": frozenset({"acks"}),
}


@dataclass(frozen=True)
class LayoutWords:
    source_tags: frozenset[str]
    translation_tags: frozenset[str]
    page_mark: re.Pattern[str]
    transcript_starts: frozenset[str]
    transcript_end: re.Pattern[str]
    paren_roles: dict[str, Role]
    handover: Cue
    later: re.Pattern[str]
    self_intro: re.Pattern[str]
    follow_up_ack: re.Pattern[str]
    operator_phrase: re.Pattern[str]
    honorifics: frozenset[str]


def check_schema(data: dict, schema: dict[str, frozenset[str]], name: str) -> None:
    """Raise LexiconError unless `data` has exactly the tables and keys of `schema`, each a list of strings."""
    if set(data) != set(schema):
        raise LexiconError(f"lexicon {name}.toml: tables {sorted(set(data) ^ set(schema))} missing or unknown")
    for table, keys in schema.items():
        got = set(data[table])
        if got != keys:
            raise LexiconError(f"lexicon {name}.toml [{table}]: keys {sorted(got ^ keys)} missing or unknown")
        for key in keys:
            value = data[table][key]
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise LexiconError(f"lexicon {name}.toml [{table}] {key}: must be a non-empty list of strings")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"lexicon layouts.toml: bad pattern: {exc}") from exc


@cache
def layout_words() -> LayoutWords:
    data = lexicon.load("layouts")
    check_schema(data, _SCHEMA, "layouts")
    lines, roles, hand = data["lines"], data["paren_roles"], data["handover"]
    paren_roles = {w.lower(): Role(role) for role in ("executive", "analyst", "operator") for w in roles[role]}
    page_mark = _compile(lines["page_marks"])
    handover = _compile(hand["to_speaker"])
    return LayoutWords(
        source_tags=frozenset(t.lower() for t in lines["source_tags"]),
        translation_tags=frozenset(t.lower() for t in lines["translation_tags"]),
        page_mark=page_mark,
        transcript_starts=frozenset(t.lower() for t in data["roster"]["transcript_starts"]),
        transcript_end=re.compile("|".join(re.escape(t) for t in data["roster"]["transcript_ends"]), re.IGNORECASE),
        paren_roles=paren_roles,
        handover=Cue(handover, tuple(k.lower() for k in hand["to_speaker_keywords"]), before=20, after=60),
        later=re.compile(r"^(?:\W*(?:and|so|but|now)\s+)?(?:" + "|".join(re.escape(w) for w in hand["later"]) + r")\b",
                         re.IGNORECASE),
        self_intro=_compile(hand["self_intro"]),
        follow_up_ack=re.compile(r"^(?:" + "|".join(re.escape(a) for a in data["follow_up"]["acks"]) + r")\b",
                                 re.IGNORECASE),
        operator_phrase=re.compile("|".join(re.escape(p) for p in data["operator"]["phrases"]), re.IGNORECASE),
        honorifics=frozenset(h.lower() for h in hand["honorifics"]),
    )
