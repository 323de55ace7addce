"""PLAIN: speech-to-text with no speaker labels, often the whole call on one line.

Turns are inferred from what the operator and the speakers say:
- "Our next question comes from Jane Doe with Big Bank. Please go ahead." is the operator's; the questioner's
  turn follows, until an answer cue ("Thanks for the question") or the last question mark;
- "Let me hand things over to our CFO, Jane Doe." ends a turn, and the next is Jane Doe's (an executive),
  named in full when the call introduced her ("On the call with me are Jane Doe, our CFO, ...").
"""
from __future__ import annotations

import re

from tracker.layouts.base import Builder, Draft, Line, Parsed, realise
from tracker.layouts.vocab import layout_words
from tracker.model import Layout, Role, Section, Sentence
from tracker.roles import introduced_name, name_matches, role_of_label, role_of_title, vocabulary

LAYOUT = Layout.PLAIN
_HEADER_SCAN_LINES = 15
_OPENING = 15                   # the operator's opening is looked for in this many sentences
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+)$")
_WORD = re.compile(r"[A-Za-z]\.|[\w'’\-&]+\.?|[,;:.?!]")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:\s+(?:[A-Z]\.\s+)?(?:Mc|Mac|De|Di|O')?"
                        r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}\b")
_THANKS = re.compile(r"^(?:thanks?|thank you|great|okay|ok|all right)\b[^.?!]{0,30}[.!]$", re.IGNORECASE)


def parse_plain(text: str, lines: list[Line], *, flow: bool = False) -> Parsed:
    """One unknown speaker, split where the operator or a speaker clearly hands over. With `flow` (caption
    lines) a line break never ends a sentence and there is no header to skip."""
    first = 0 if flow else plain_header_end(lines)
    b = Builder(text, flow=flow)
    b.drafts.append(Draft(name="", title="", start=0, end=0))
    for ln in lines[first:]:
        if not ln.text:
            b.gap()
        elif ln.translation:
            b.translation(ln)
        else:
            b.speech(ln)
    done = realise(text, b.done())
    sentences = done[0].sentences if done else []
    return Parsed(LAYOUT, pseudo_turns(sentences), b.translations, first)


def plain_header_end(lines: list[Line]) -> int:
    """Index of the first line of speech in an unlabelled transcript: short leading lines that are not
    sentences ("Acme Q3 2025 Earnings Call", "Date: March 13, 2025") are its header."""
    for i, ln in enumerate(lines[:_HEADER_SCAN_LINES]):
        if not ln.text or ln.translation:
            continue
        if len(ln.text) > 200 or ln.text[-1] in ".?!" or ln.text.count(". ") > 0:
            return i
    return len(lines) if len(lines) <= _HEADER_SCAN_LINES else 0      # only a header, or no prose at all


class _Turns:
    """The pseudo-turns being cut, and who speaks now."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.drafts: list[Draft] = []
        self.name, self.title, self.role, self.section = "", "", None, Section.PREPARED
        self.chunk: list[Sentence] = []
        self.analyst: tuple[str, str] | None = None     # the questioner the operator last introduced
        self.executives: dict[str, str] = {}            # company speakers named so far, with their titles

    def emit(self, name: str, title: str, role: Role | None, section: Section, chunk: list[Sentence]) -> None:
        if chunk:
            self.drafts.append(Draft(name=name, title=title, start=chunk[0].start, end=chunk[-1].end,
                                     sentences=list(chunk), fixed_role=role, fixed_section=section))

    def end_turn(self) -> None:
        self.emit(self.name, self.title, self.role, self.section, self.chunk)
        self.chunk = []

    def now(self, name: str, title: str, role: Role | None) -> None:
        self.name, self.title, self.role = name, title, role
        if role is Role.EXECUTIVE and name:
            self.executives[name] = title


def pseudo_turns(sentences: list[Sentence]) -> list[Draft]:
    v = vocabulary()
    if not sentences:
        return []
    t = _Turns(sentences)
    n = len(sentences)
    people = _People(sentences)
    # The operator opens the call when a hand-over comes early ("... Please go ahead.").
    for k in range(min(n, _OPENING)):
        text = sentences[k].text
        if introduced_name(text) is not None:
            break
        if v.handoff.search(text) or handed_to(text) is not None:
            t.now("Operator", "", Role.OPERATOR)
            break
    i = 0
    while i < n:
        s = sentences[i]
        cued = introduced_name(s.text)
        if cued is not None:
            moved = _operator_tail(t.chunk) if t.role is not Role.OPERATOR else []
            del t.chunk[len(t.chunk) - len(moved):]
            t.end_turn()
            t.section = Section.QA
            j = _handoffs_after(sentences, i)
            t.emit("Operator", "", Role.OPERATOR, Section.QA, moved + sentences[i:j])
            end = _question_end(sentences, j, cued)
            t.analyst = (cued, _firm_after(s.text, cued))
            t.emit(*t.analyst, Role.ANALYST, Section.QA, sentences[j:end])
            t.now(*_addressed(sentences[j:end], t.executives))
            i = end
            continue
        if t.section is Section.QA and t.role is not Role.OPERATOR and t.analyst and t.chunk:
            end = _follow_up_end(sentences, i)
            if end is not None:
                speaker = (t.name, t.title, t.role)
                t.end_turn()
                t.emit(t.analyst[0], t.analyst[1], Role.ANALYST, Section.QA, sentences[i:end])
                t.now(*speaker)
                i = end
                continue
        if len(t.chunk) < 5 and t.role is not Role.ANALYST and t.name in ("", "Operator"):
            intro = self_introduction(s.text)
            if intro is not None:
                t.now(intro[0], intro[1], Role.EXECUTIVE)      # the chunk is theirs from its start
        handed = handed_to(s.text)
        if handed is None and t.role is Role.OPERATOR and v.handoff.search(s.text):
            handed = ""                                 # the operator: "... Please go ahead."
        if handed is not None:
            t.chunk.append(s)
            j = _handoffs_after(sentences, i)
            t.chunk.extend(sentences[i + 1:j])
            t.end_turn()
            if role_of_label(handed) is Role.OPERATOR:
                t.now("Operator", "", Role.OPERATOR)
            elif handed:
                full, title = people.full_name(handed)
                t.now(full, title, Role.EXECUTIVE)
            else:
                t.now("", "", None)                     # someone of the company, not named
            i = j
            continue
        t.chunk.append(s)
        i += 1
    t.end_turn()
    return t.drafts


def _operator_tail(chunk: list[Sentence]) -> list[Sentence]:
    """The operator's sentences at the end of a speaker's chunk, before a question cue: "Thanks, Jane." or
    "To ask a question, press star one." (the speaker's own last words stay theirs)."""
    words = layout_words().operator_phrase
    k = len(chunk)
    while k > 0 and (words.search(chunk[k - 1].text) or _THANKS.match(chunk[k - 1].text)):
        k -= 1
    return chunk[k:]


def _handoffs_after(sentences: list[Sentence], i: int) -> int:
    """Index after the short sentences up to a "Please go ahead." that follow sentence i."""
    v = vocabulary()
    j = i + 1
    for k in range(i + 1, min(len(sentences), i + 3)):
        if len(sentences[k].text) >= 80:
            break
        if v.handoff.search(sentences[k].text):
            j = k + 1                                   # "Thank you, Jane. You may begin."
    return j


def handed_to(sentence: str) -> str | None:
    """Whom a sentence hands the call to: "Let me hand things over to our CFO, Jane Doe." -> "Jane Doe",
    "... over to Mr. Doe" -> "Doe", "... back to the operator" -> "operator", "... over to our CEO." -> "" (someone
    not named); None when the sentence hands over to no one."""
    lw = layout_words()
    m = lw.handover.search(sentence)
    if m is None or lw.later.match(sentence):
        return None
    words = _words(sentence[m.end():])
    if words and words[0].lower() in {"the", "our"} and len(words) > 1 and role_of_label(words[1]) is Role.OPERATOR:
        return words[1].lower()
    if words and role_of_label(words[0]) is Role.OPERATOR:
        return words[0].lower()
    return _name_in(words) or ""


def self_introduction(sentence: str) -> tuple[str, str] | None:
    """(name, title) when a speaker names themself with a company title: "I'm Jane Doe, Vice President of
    Investor Relations." -> ("Jane Doe", "Vice President of Investor Relations")."""
    m = layout_words().self_intro.search(sentence)
    if m is None:
        return None
    tail = sentence[m.end():]
    words = _words(tail)
    if not words or not _NAME_TOKEN.match(words[0]):
        return None
    name = _name_in(words[:5])
    if not name or len(name.split()) < 2 or not tail.startswith(name + ","):
        return None
    title = re.split(r"[.;]|,\s+and\s+I\b", tail[len(name) + 1:])[0].strip()
    return (name, title) if role_of_title(title) is Role.EXECUTIVE else None


def _words(tail: str) -> list[str]:
    out = []
    for w in _WORD.findall(tail)[:12]:
        if len(w) > 2 and w.endswith(".") and w.lower() not in layout_words().honorifics:
            out += [w[:-1], "."]                        # "Doe." is a name and a full stop
        else:
            out.append(w)
    return out


def _name_in(words: list[str]) -> str | None:
    """The first run of capitalised words that is no title or firm ("Acme's Chief Financial Officer, Jane Doe"
    -> "Jane Doe"); None when there is none before the sentence ends."""
    honorifics = layout_words().honorifics
    run: list[str] = []
    for w in [*words, ","]:
        if w.lower() in honorifics and not run:
            continue
        if _NAME_TOKEN.match(w) and not w.endswith(("'s", "’s")):
            run.append(w)
            continue
        if run:
            if w.endswith(("'s", "’s")) or role_of_title(" ".join(run)) is not Role.UNKNOWN:
                run = []                                # "Acme's", "Chief Financial Officer": not a name
                continue
            return " ".join(run) if len(run) <= 4 else None
        if w in {".", "?", "!"}:
            break
    return None


def _addressed(question: list[Sentence], executives: dict[str, str]) -> tuple[str, str, Role | None]:
    """Who answers: the one named company speaker the question addresses by first name ("Jane, can you talk
    about pricing?"), else someone of the company, not named."""
    text = " ".join(s.text for s in question)
    named = [name for name in executives if re.search(rf"\b{re.escape(name.split()[0])}\b", text)]
    if len(named) == 1:
        return named[0], executives[named[0]], Role.EXECUTIVE
    return "", "", None


def _follow_up_end(sentences: list[Sentence], i: int) -> int | None:
    """Index after an analyst's follow-up that starts at sentence i ("Got it. And on pricing, what changed?"):
    a short acknowledgement with a question within the next three sentences; None when it is no follow-up."""
    v = vocabulary()
    text = sentences[i].text
    if len(text) > 60 or "question" in text.lower() or not layout_words().follow_up_ack.match(text):
        return None
    for k in range(i + 1, min(len(sentences), i + 4)):
        if v.answer_start.search(sentences[k].text):
            return None
        if sentences[k].text.rstrip("\"'”’)").endswith("?"):
            end = k + 1
            while end < len(sentences) and sentences[end].text.rstrip("\"'”’)").endswith("?"):
                end += 1
            return end
    return None


class _People:
    """Full names and titles of the company's speakers as the call introduces them ("On the call with me are
    Jane Doe, our Chief Executive Officer, and Sam Roe, our CFO")."""

    def __init__(self, sentences: list[Sentence], reach: int = 60) -> None:
        self.text = " ".join(s.text for s in sentences[:reach])

    def full_name(self, short: str) -> tuple[str, str]:
        full = short
        for m in _FULL_NAME.finditer(self.text):
            cand = m.group()
            if len(cand.split()) > len(short.split()) and name_matches(short, cand) \
                    and role_of_title(cand) is Role.UNKNOWN or _misheard(short, cand):
                full = cand
                break
        if len(full.split()) == 1:
            for m in _FULL_NAME.finditer(self.text):
                cand = m.group()
                if cand.split()[-1] == full and role_of_title(cand) is Role.UNKNOWN:
                    full = cand
                    break
        return full, self._title(full)

    def _title(self, full: str) -> str:
        for m in re.finditer(re.escape(full), self.text):
            after = self.text[m.end():m.end() + 90]
            if after.startswith(", "):
                title = re.split(r",\s+(?:and\s+)?(?=[A-Z][a-z]+ [A-Z])|[.;]|\s+and\s+(?=[A-Z][a-z]+ [A-Z])",
                                 after[2:])[0]
                title = re.sub(r"^(?:our|the|its|\S+['’]s)\s+", "", title.strip())
                if role_of_title(title) is Role.EXECUTIVE:
                    return title
            before = self.text[max(0, m.start() - 80):m.start()]
            if before.endswith(", "):
                title = re.split(r"[,.;]|['’]s\s", before[:-2])[-1].strip()
                title = re.sub(r"^(?:our|the|its)\s+", "", title)
                if title and role_of_title(title) is Role.EXECUTIVE:
                    return title
        return ""


def _misheard(a: str, b: str) -> bool:
    """Speech-to-text spells one surname two ways ("Jane Dorr" / "Jane Doe"): same first name, surnames alike."""
    x, y = a.split(), b.split()
    return len(x) == len(y) == 2 and x != y and x[0] == y[0] and x[1][:3] == y[1][:3]


def _question_end(sentences: list[Sentence], j: int, questioner: str = "", window: int = 15) -> int:
    """Index after the questioner's last sentence: before an answer cue ("Thanks for the question", or after a
    question a short sentence calling the questioner by first name: "Sure, Jane."), else after the last '?'."""
    v = vocabulary()
    last_q = None
    first = re.compile(rf"\b{re.escape(questioner.split()[0])}\b") if questioner.split() else None
    for k in range(j, min(len(sentences), j + window)):
        text = sentences[k].text
        if k > j and v.answer_start.search(text):
            return k
        if last_q is not None and first is not None and len(text) <= 80 and first.search(text):
            return k                                    # after a question: not the greetings ("Hi, Jane.")
        if v.question_intro.search(text):
            return k
        if text.rstrip("\"'”’)").endswith("?"):
            last_q = k
    if last_q is not None:
        return last_q + 1
    return min(len(sentences), j + 1)


def _firm_after(sentence: str, name: str) -> str:
    m = re.search(re.escape(name) + r"\s*(?:,|with|from|at|of)\s+(?P<firm>[^.?!]*(?:\.\s?[A-Z][^.?!]*)*)",
                  sentence) if name else None
    return m.group("firm").strip() if m else ""
