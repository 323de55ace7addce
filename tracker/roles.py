"""Who speaks (executive, analyst, operator) and in which section (prepared remarks or Q&A).

The words come from `tracker/data/speakers.toml`; this module compiles them once, on first use.

Role, first rule that applies:
1. the label is a role ("Operator", "Unidentified Analyst");
2. the layout fixed it (participants list, a publisher's roster, "(Executives)" / "(Analysts)" labels,
   machine-transcription pseudo-turns);
3. the title: analyst words, then officer words, then firm words, then staff words;
4. a label with a firm in parentheses ("Jane Doe (Big Bank)") is an analyst;
5. someone who speaks before the Q&A is an executive;
6. the first new speaker after a question introduction ("next question comes from ...") is an analyst,
   and so is anyone whose name the introduction gives;
7. someone named in the prepared remarks is an executive; otherwise unknown.

Section: prepared until a Q&A header, or until the first question cue (from the operator: that turn
starts the Q&A; from anyone else: the next turn does), or until the first analyst turn (with the
operator turn just before it); Q&A from there to the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.vocab import lexicon
from tracker.model import Role, Section
from tracker.vocab.quick_start import compile_quick
from tracker.vocab.regex_cache import compile_cached

# A person's name inside a cue: capitalised words, with initials and name particles.
_NAME = (r"(?P<name>[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|de|da|di|del|der|van|von|le|la|bin|al)){0,4})")
_FIRM = r"(?P<firm>[^.?!]*(?:\.\s?[A-Z][^.?!]*)*)"


@dataclass(frozen=True)
class Vocabulary:
    operator_names: frozenset[str]
    analyst_names: frozenset[str]
    executive_names: frozenset[str]
    unknown_names: frozenset[str]
    analyst_strong: re.Pattern[str]
    executive_strong: re.Pattern[str]
    firm: re.Pattern[str]
    executive_weak: re.Pattern[str]
    company_participants: frozenset[str]
    call_participants: frozenset[str]
    presentation: frozenset[str]
    qa: frozenset[str]
    date_keys: frozenset[str]
    company_keys: frozenset[str]
    ticker_keys: frozenset[str]
    title_keys: frozenset[str]
    header_keys: frozenset[str]
    call_words: re.Pattern[str]
    question_intro: Cue
    operator_instructions: Cue
    qa_start: Cue
    handoff: Cue
    answer_start: Cue


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return compile_quick(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A cue regex that only runs near one of its keywords (a plain substring test is far cheaper
    than trying every alternative at every position of a long turn)."""
    pattern: re.Pattern[str]
    keywords: tuple[str, ...]
    before: int = 80          # how far before a keyword a match may start
    after: int = 240          # how far after a keyword a match may end

    def search(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        for kw in self.keywords:
            pos = low.find(kw)
            while pos >= 0:
                m = self.pattern.search(text, max(0, pos - self.before), pos + len(kw) + self.after)
                if m is not None:
                    return m
                pos = low.find(kw, pos + 1)
        return None


def _cue(cues: dict[str, list[str]], name: str) -> Cue:
    return Cue(_any(cues[name]), tuple(k.lower() for k in cues[f"{name}_keywords"]))


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One regex for all `patterns`: their words match in any case, a {name} only with capitals.

    {name}/{firm} must stand outside any group in a pattern; the words between them are wrapped in
    case-insensitive groups, and each alternative gets its own numbered name/firm groups.
    """
    parts = []
    for i, p in enumerate(patterns):
        pieces = re.split(r"(\{name\}|\{firm\})", p)
        out = []
        for piece in pieces:
            if piece == "{name}":
                out.append(_NAME.replace("?P<name>", f"?P<name{i}>"))
            elif piece == "{firm}":
                out.append(_FIRM.replace("?P<firm>", f"?P<firm{i}>"))
            elif piece:
                out.append(f"(?i:{piece})")
        parts.append("".join(out))
    return compile_quick("|".join(f"(?:{p})" for p in parts))


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@cache
def vocabulary() -> Vocabulary:
    data = lexicon.load("speakers")
    names, titles, sections, header, cues = (data["names"], data["titles"], data["sections"], data["header"],
                                             data["cues"])
    keys = [*header["date_keys"], *header["company_keys"], *header["ticker_keys"], *header["title_keys"],
            *header["other_keys"]]
    return Vocabulary(
        operator_names=_norm_set(names["operator"]),
        analyst_names=_norm_set(names["analyst"]),
        executive_names=_norm_set(names["executive"]),
        unknown_names=_norm_set(names["unknown"]),
        analyst_strong=_words(titles["analyst_strong"]),
        executive_strong=_words(titles["executive_strong"]),
        firm=_words(titles["firm"]),
        executive_weak=_words(titles["executive_weak"]),
        company_participants=_norm_set(sections["company_participants"]),
        call_participants=_norm_set(sections["call_participants"]),
        presentation=_norm_set(sections["presentation"]),
        qa=_norm_set(sections["qa"]),
        date_keys=_norm_set(header["date_keys"]),
        company_keys=_norm_set(header["company_keys"]),
        ticker_keys=_norm_set(header["ticker_keys"]),
        title_keys=_norm_set(header["title_keys"]),
        header_keys=_norm_set(keys),
        call_words=_words(header["call_words"]),
        question_intro=_cue(cues, "question_intro"),
        operator_instructions=_cue(cues, "operator_instructions"),
        qa_start=_cue(cues, "qa_start"),
        handoff=_cue(cues, "handoff"),
        answer_start=_cue(cues, "answer_start"),
    )


def role_of_label(name: str) -> Role | None:
    """The role a label states by itself ("Operator"), or None for a person's name."""
    v = vocabulary()
    low = name.strip().lower()
    if low in v.operator_names:
        return Role.OPERATOR
    if low in v.analyst_names:
        return Role.ANALYST
    if low in v.executive_names:
        return Role.EXECUTIVE
    if low in v.unknown_names or re.fullmatch(r"(?:speaker|participant|person)\s*\d+", low):
        return Role.UNKNOWN
    return None


def role_of_title(title: str) -> Role:
    """Classify a speaker's title or firm; UNKNOWN when it says nothing."""
    if not title:
        return Role.UNKNOWN
    v = vocabulary()
    if v.analyst_strong.search(title):
        return Role.ANALYST
    if v.executive_strong.search(title):
        return Role.EXECUTIVE
    if v.firm.search(title):
        return Role.ANALYST
    if v.executive_weak.search(title):
        return Role.EXECUTIVE
    return Role.UNKNOWN


def introduced_name(text: str) -> str | None:
    """The questioner a cue introduces ("next question comes from Jane Doe with ..." -> "Jane Doe"),
    "" when a cue is there but no name, None when there is no cue."""
    v = vocabulary()
    m = v.question_intro.search(text)
    if m is None:
        return None
    for key, value in m.groupdict().items():
        if key.startswith("name") and value and value[0].isupper():
            return _name_before_full_stop(value)
    return ""


def _name_before_full_stop(value: str) -> str:
    """"Jane Doe. How do you" -> "Jane Doe": a full stop after a word (not an initial, "C.J.") ends the name."""
    kept = []
    for token in value.split():
        kept.append(token)
        if token.endswith(".") and len(token.rstrip(".")) > 1 and "." not in token.rstrip("."):
            break
    return " ".join(kept).rstrip(".")


def bare_introduction(text: str) -> str | None:
    """An operator turn that is only "(Operator Instructions) Jane Doe, Big Bank." names a questioner."""
    v = vocabulary()
    rest = v.operator_instructions.pattern.sub(" ", text).strip()
    if not rest or len(rest) > 120:
        return None
    m = re.fullmatch(_NAME + r"\s*(?:,|\bwith\b|\bfrom\b|\bof\b|\bat\b)\s*" + _FIRM + r"\.?", rest)
    if m is None or not m.group("name")[0].isupper() or len(m.group("name").split()) < 2:
        return None
    return m.group("name")


def name_matches(cued: str, speaker: str) -> bool:
    """A cue's name ("Chris Horvers", "Adam") refers to a speaker ("Christopher Horvers", "Adam Jonas")."""
    if not cued or not speaker:
        return False
    c, s = cued.lower().split(), speaker.lower().split()
    if c == s:
        return True
    if len(c) == 1:
        return c[0] == s[0]
    return c[-1] == s[-1] and (c[0][0] == s[0][0])


@dataclass(frozen=True)
class TurnFacts:
    """What the role and section rules need to know about one turn."""
    name: str
    title: str
    text: str
    fixed_role: Role | None = None       # set by the layout (participants list, pseudo-turns)
    parens: bool = False                 # the label carried a firm in parentheses
    qa_header: bool = False              # a Q&A header stands right before this turn
    fixed_section: Section | None = None


def resolve(turns: list[TurnFacts]) -> tuple[list[Role], list[Section]]:
    """Roles (per speaker, the same for all their turns) and sections for `turns`, in order."""
    base: dict[str, Role] = {}
    for t in turns:
        if t.name in base and base[t.name] is not Role.UNKNOWN:
            continue
        role = role_of_label(t.name)
        if role is None:
            role = t.fixed_role or role_of_title(t.title)
            if role is Role.UNKNOWN and t.parens:
                role = Role.ANALYST
        base[t.name] = role

    sections = _sections(turns, base)
    roles = dict(base)
    prepared_text: list[str] = []
    for t, sec in zip(turns, sections):
        if sec is Section.PREPARED:
            prepared_text.append(t.text)
            if roles[t.name] is Role.UNKNOWN and t.name and t.fixed_role is None:
                roles[t.name] = Role.EXECUTIVE
    _mark_introduced_analysts(turns, roles)
    joined = "\n".join(prepared_text)
    for name, role in roles.items():
        if role is Role.UNKNOWN and name and len(name.split()) >= 2 and name in joined:
            roles[name] = Role.EXECUTIVE
    return [roles[t.name] for t in turns], sections


def _sections(turns: list[TurnFacts], roles: dict[str, Role]) -> list[Section]:
    v = vocabulary()
    qa_from = len(turns)
    for i, t in enumerate(turns):
        if t.fixed_section is Section.QA or t.qa_header:
            qa_from = i
            break
        if t.fixed_section is not None:
            continue
        role = roles.get(t.name, Role.UNKNOWN)
        if role is Role.ANALYST:
            qa_from = i - 1 if i > 0 and roles.get(turns[i - 1].name) is Role.OPERATOR else i
            break
        if role is Role.OPERATOR and (v.qa_start.search(t.text) or introduced_name(t.text) is not None
                                      or bare_introduction(t.text)):
            qa_from = i
            break
        if role is not Role.OPERATOR and v.qa_start.search(t.text) and i + 1 < len(turns):
            qa_from = i + 1
            break
    return [Section.PREPARED if i < qa_from else Section.QA for i in range(len(turns))]


def _mark_introduced_analysts(turns: list[TurnFacts], roles: dict[str, Role]) -> None:
    for i, t in enumerate(turns):
        if t.fixed_role is not None and roles.get(t.name) is not Role.OPERATOR and t.name:
            continue
        cued = introduced_name(t.text)
        if cued is None and roles.get(t.name) is Role.OPERATOR:
            cued = bare_introduction(t.text)
        if cued is None:
            continue
        for name, role in roles.items():
            if role is Role.UNKNOWN and name_matches(cued, name):
                roles[name] = Role.ANALYST
        for nxt in turns[i + 1:]:
            if nxt.name == t.name or roles.get(nxt.name) is Role.OPERATOR:
                continue
            if roles.get(nxt.name) is Role.UNKNOWN and nxt.name:
                roles[nxt.name] = Role.ANALYST
            break
