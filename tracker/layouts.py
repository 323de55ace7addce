"""Recognise how a transcript marks its speakers, and cut it into draft turns.

Every layout works on line spans of the original text, so offsets stay exact whatever the newlines
(LF, CRLF, CR). Lines dense in CJK characters (at least one per four Latin letters) are machine translations (or a
translated disclaimer): they are skipped and reported, never read as speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.model import Layout, Role, Section, Sentence
from tracker.roles import introduced_name, role_of_label, vocabulary
from tracker.sentences import split_sentences

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\u3000-\u303f]")
_LATIN = re.compile(r"[A-Za-z]")
_DASH_SEP = re.compile(r"\s+[-–—]+\s+")
_DIGIT = re.compile(r"\d")
_COLON_LINE = re.compile(r"^(?:\*\*)?(?P<label>[^:*]{1,80}?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?(?:[ \t]+(?P<rest>.*))?$")
_LABEL_PARTS = re.compile(r"^(?P<name>[^(\-–—,]+?)\s*(?:\((?P<paren>[^)]*)\)|\s[-–—]\s*(?P<dash>.+)|,\s*(?P<comma>.+))?$")
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "al",
                        "du", "dos", "das", "y", "e", "ten", "ter", "st."})
_HEADER_SCAN_LINES = 15


@dataclass
class Line:
    start: int
    end: int
    text: str                   # stripped
    translation: bool = False   # a machine-translation line (see is_translation)


@dataclass
class Draft:
    """A turn before roles and sections are settled."""
    name: str
    title: str
    start: int
    end: int
    sentences: list[Sentence] = field(default_factory=list)
    parens: bool = False
    qa_header: bool = False
    fixed_role: Role | None = None
    fixed_section: Section | None = None


@dataclass
class Parsed:
    layout: Layout
    drafts: list[Draft]
    translation_spans: list[tuple[int, int]]
    first_turn_line: int                       # index of the line where speech starts (header is above)


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        stripped = text[pos:m.start()].strip()
        lines.append(Line(pos, m.start(), stripped, is_translation(stripped)))
        pos = m.end()
    if pos < len(text):
        stripped = text[pos:].strip()
        lines.append(Line(pos, len(text), stripped, is_translation(stripped)))
    return lines


def is_translation(line: str) -> bool:
    if not line or line.isascii():
        return False
    # CJK need not outnumber Latin letters: a translated "(Operator Instructions) Jane Doe, Big Bank."
    # keeps the name and firm in Latin script. So: one CJK character per four Latin letters, or a few
    # CJK characters and a CJK ending ("。"); an English line quoting a Chinese name has neither.
    sample = line[:300]
    cjk = len(_CJK.findall(sample))
    if cjk < 2:
        return False
    return cjk * 4 >= len(_LATIN.findall(sample)) or (cjk >= 4 and _CJK.match(line[-1]) is not None)


def normalise(line: str) -> str:
    """A line as a section header would be compared: no markdown, no case, no trailing colon."""
    return line.strip("#*_ \t:").lower()


# --- speaker-line recognisers -------------------------------------------------------------------------


def looks_like_name(s: str) -> bool:
    tokens = s.split()
    if not 1 <= len(tokens) <= 6 or len(s) > 60 or _DIGIT.search(s):
        return False
    if not tokens[0][0].isupper():
        return False
    return all(t[0].isupper() or t.lower() in _PARTICLES or t[0] in "'’(\"" for t in tokens)


def looks_like_title(s: str) -> bool:
    if not s or len(s) > 140 or len(s.split()) > 18 or s[-1] in "?!:;,":
        return False
    if s.endswith(".") and not re.search(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z](?:\.[A-Z])*)\.$", s):
        return False                                   # a sentence, not "... & Co." or "... Inc."
    return not re.search(r"\.\s+[a-z]", s)


def dash_speaker(line: str) -> tuple[str, str] | None:
    """("Name", "Title") for "Name - Title", or (label, "") for a bare role label like "Operator"."""
    if len(line) > 160:
        return None
    if len(line) < 40 and role_of_label(line.rstrip(":")) is not None:
        return line.rstrip(":").strip(), ""
    m = _DASH_SEP.search(line)
    if m is None:
        return None
    name, title = line[:m.start()].strip(), line[m.end():].strip()
    if not looks_like_name(name) or not looks_like_title(title):
        return None
    return name, title


def colon_speaker(line: str) -> tuple[str, str, bool, str] | None:
    """(name, title, firm-in-parentheses, rest of the line) for "Name: text" / "**Name**: text"."""
    colon = line.find(":")
    if colon < 0 or colon > 90:
        return None
    m = _COLON_LINE.match(line)
    if m is None:
        return None
    label = m.group("label").strip()
    if normalise(label) in vocabulary().header_keys or label.startswith("#"):
        return None
    rest = m.group("rest") or ""
    if role_of_label(label) is not None:
        return label, "", False, rest
    parts = _LABEL_PARTS.match(label)
    if parts is None or not looks_like_name(parts.group("name")):
        return None
    title = (parts.group("paren") or parts.group("dash") or parts.group("comma") or "").strip()
    return parts.group("name").strip(), title, parts.group("paren") is not None, rest


# --- detection ----------------------------------------------------------------------------------------


def detect(lines: list[Line]) -> Layout:
    v = vocabulary()
    for i, ln in enumerate(lines[:80]):
        norm = normalise(ln.text)
        if (norm in v.company_participants or norm in v.call_participants) and _list_follows(lines, i + 1):
            return Layout.PARTICIPANTS
    dash = colon = 0
    colon_labels: dict[str, int] = {}
    for ln in lines:
        if not ln.text or ln.translation:
            continue
        if dash_speaker(ln.text) is not None:
            dash += 1
        c = colon_speaker(ln.text)
        if c is not None:
            colon_labels[c[0]] = colon_labels.get(c[0], 0) + 1
    colon = sum(n for label, n in colon_labels.items() if _accept_colon_label(label, n))
    if dash >= 2 and dash >= colon:
        return Layout.DASH_TITLE
    if colon >= 2:
        return Layout.COLON
    return Layout.PLAIN


def _list_follows(lines: list[Line], start: int) -> bool:
    """A participants header heads a list of "Name - Title" lines; in a table of contents it heads nothing."""
    following = [ln.text for ln in lines[start:start + 6] if ln.text][:2]
    return any((sp := dash_speaker(t)) is not None and sp[1] for t in following)


def _accept_colon_label(label: str, count: int) -> bool:
    # A one-word label ("Revenue: up 5%") counts only when it recurs or is a role word.
    return len(label.split()) >= 2 or count >= 2 or role_of_label(label) is not None


# --- shared turn building -----------------------------------------------------------------------------


class _Builder:
    """Collects body lines into the current draft; consecutive lines form one block for the splitter."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.drafts: list[Draft] = []
        self.translations: list[tuple[int, int]] = []
        self._block: tuple[int, int] | None = None
        self.pending_qa = False

    def start_turn(self, name: str, title: str, start: int, *, parens: bool = False,
                   fixed_role: Role | None = None) -> Draft:
        self.flush()
        d = Draft(name=name, title=title, start=start, end=start, parens=parens, fixed_role=fixed_role,
                  qa_header=self.pending_qa)
        self.pending_qa = False
        self.drafts.append(d)
        return d

    def qa_header(self) -> None:
        """A Q&A heading starts Q&A at the next turn; above the first turn it is a table of contents."""
        self.gap()
        if self.drafts:
            self.pending_qa = True

    def body(self, start: int, end: int) -> None:
        if not self.drafts:
            return                                      # text above the first speaker is header
        if self._block is None:
            self._block = (start, end)
        else:
            self._block = (self._block[0], end)

    def gap(self) -> None:
        self.flush()

    def translation(self, ln: Line) -> None:
        self.flush()
        self.translations.append((ln.start, ln.end))

    def flush(self) -> None:
        if self._block is not None and self.drafts:
            a, b = self._block
            d = self.drafts[-1]
            d.sentences.extend(split_sentences(self.text[a:b], a))
            d.end = b
        self._block = None

    def done(self) -> list[Draft]:
        self.flush()
        # A speaker label with nothing under it (a label repeated, or cut off) is no turn.
        return [d for d in self.drafts if d.sentences]


# --- DASH_TITLE ---------------------------------------------------------------------------------------


def parse_dash(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    b = _Builder(text)
    first = len(lines)
    last_label: str | None = None
    for i, ln in enumerate(lines):
        if not ln.text:
            b.gap()
            continue
        if ln.translation:
            b.translation(ln)
            continue
        if normalise(ln.text.rstrip(":")) in v.qa:
            b.qa_header()
            last_label = None
            continue
        sp = dash_speaker(ln.text)
        if sp is not None:
            first = min(first, i)
            if ln.text == last_label and b.drafts and not b.drafts[-1].sentences and b._block is None:
                continue                                # the same label printed twice
            b.start_turn(sp[0], sp[1], ln.start)
            last_label = ln.text
            continue
        last_label = None
        b.body(ln.start, ln.end)
    return Parsed(Layout.DASH_TITLE, _merge_same_speaker(b.done()), b.translations, first)


def _merge_same_speaker(drafts: list[Draft]) -> list[Draft]:
    # "Operator" / "Operator" with text under the second only is already one turn; but a label
    # repeated after a translation gap may split one turn in two: join back-to-back turns by one speaker
    # when the second has no new title.
    out: list[Draft] = []
    for d in drafts:
        if out and out[-1].name == d.name and out[-1].title == d.title and not d.qa_header:
            prev = out[-1]
            prev.sentences.extend(d.sentences)
            prev.end = d.end
            continue
        out.append(d)
    return out


# --- COLON --------------------------------------------------------------------------------------------


def parse_colon(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    counts: dict[str, int] = {}
    labelled: dict[int, tuple[str, str, bool, str]] = {}
    for i, ln in enumerate(lines):
        if ln.text and not ln.translation:
            c = colon_speaker(ln.text)
            if c is not None:
                labelled[i] = c
                counts[c[0]] = counts.get(c[0], 0) + 1
    labelled = {i: c for i, c in labelled.items() if _accept_colon_label(c[0], counts[c[0]])}

    b = _Builder(text)
    first = len(lines)
    skip_next = False
    for i, ln in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        if not ln.text or set(ln.text) <= set("-*_= \t"):
            b.gap()
            continue
        if ln.translation:
            b.translation(ln)
            continue
        if normalise(ln.text.rstrip(":")) in v.qa:
            b.qa_header()
            continue
        c = labelled.get(i)
        if c is None:
            b.body(ln.start, ln.end)
            continue
        first = min(first, i)
        name, title, parens, rest = c
        nxt = labelled.get(i + 1)
        if not rest and nxt is not None and not title and role_of_label(nxt[0]) is None \
                and counts[nxt[0]] == 1:
            # "Jane Doe:" then "Chief Designer: text": the second label is the first one's title.
            title, rest = nxt[0], nxt[3]
            ln_next = lines[i + 1]
            b.start_turn(name, title, ln.start, parens=parens)
            if rest:
                b.body(_rest_start(text, ln_next, rest), ln_next.end)
            skip_next = True
            continue
        b.start_turn(name, title, ln.start, parens=parens)
        if rest:
            b.body(_rest_start(text, ln, rest), ln.end)
    return Parsed(Layout.COLON, b.done(), b.translations, first)


def _rest_start(text: str, ln: Line, rest: str) -> int:
    """Where `rest` (the text after a label) begins in the original line."""
    raw = text[ln.start:ln.end].rstrip()
    return ln.start + len(raw) - len(rest.rstrip())


# --- PARTICIPANTS -------------------------------------------------------------------------------------


def parse_participants(text: str, lines: list[Line]) -> Parsed:
    v = vocabulary()
    listed: dict[str, tuple[str, Role]] = {}
    b = _Builder(text)
    mode: str | None = None
    first = len(lines)
    header_line = next((ln.text for ln in lines if ln.text), "")
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        norm = normalise(ln.text)
        if norm in v.company_participants or norm in v.call_participants:
            b.gap()
            mode = "company" if norm in v.company_participants else "call"
            i += 1
            continue
        if mode is not None:
            if not ln.text:
                i += 1
                continue
            sp = dash_speaker(ln.text)
            if sp is not None and sp[1]:
                role = Role.EXECUTIVE if mode == "company" else Role.ANALYST
                listed.setdefault(sp[0], (sp[1], role))
                i += 1
                continue
            mode = None
        if not ln.text:
            b.gap()
            i += 1
            continue
        if ln.translation:
            b.translation(ln)
            i += 1
            continue
        if norm in v.presentation:
            b.gap()
            i += 1
            continue
        if norm in v.qa:
            b.qa_header()
            i += 1
            continue
        if ln.text == header_line and i > 0:
            b.gap()                                     # the header again, atop the Q&A part
            i += 1
            continue
        speaker = _participant_speaker(lines, i, listed)
        if speaker is not None:
            name, title, used = speaker
            first = min(first, i)
            fixed = listed[name][1] if name in listed else None
            if name in listed and not title:
                title = listed[name][0]
            b.start_turn(name, title, ln.start, fixed_role=fixed)
            i += used
            continue
        b.body(ln.start, ln.end)
        i += 1
    return Parsed(Layout.PARTICIPANTS, b.done(), b.translations, first)


def _participant_speaker(lines: list[Line], i: int, listed: dict[str, tuple[str, Role]]
                         ) -> tuple[str, str, int] | None:
    """(name, title, lines used) when line i starts a turn: a listed name, a role label, or an
    unlisted "Name" line with a title line under it and a blank line after."""
    line = lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    after = lines[i + 2].text if i + 2 < len(lines) else ""
    label = line.rstrip(":").strip()
    if role_of_label(label) is not None and len(label) < 40:
        return label, "", 1
    known = label in listed
    if not known and not looks_like_name(label):
        return None
    title_follows = bool(nxt) and looks_like_title(nxt) and not after and nxt not in listed \
        and role_of_label(nxt) is None
    if known:
        return (label, nxt, 2) if title_follows else (label, "", 1)
    if title_follows and len(label.split()) >= 2:
        return label, nxt, 2
    return None


# --- PLAIN --------------------------------------------------------------------------------------------


def parse_plain(text: str, lines: list[Line]) -> Parsed:
    """No speaker labels: one unknown speaker, split where an operator cue clearly hands over."""
    first = plain_header_end(lines)
    b = _Builder(text)
    b.drafts.append(Draft(name="", title="", start=0, end=0))
    for ln in lines[first:]:
        if not ln.text:
            b.gap()
        elif ln.translation:
            b.translation(ln)
        else:
            b.body(ln.start, ln.end)
    done = b.done()
    sentences = done[0].sentences if done else []
    return Parsed(Layout.PLAIN, pseudo_turns(sentences), b.translations, first)


def plain_header_end(lines: list[Line]) -> int:
    """Index of the first line of speech in an unlabelled transcript: short leading lines that are not
    sentences ("Acme Q3 2025 Earnings Call", "Date: March 13, 2025") are its header."""
    for i, ln in enumerate(lines[:_HEADER_SCAN_LINES]):
        if not ln.text or ln.translation:
            continue
        if len(ln.text) > 200 or ln.text[-1] in ".?!" or ln.text.count(". ") > 0:
            return i
    return len(lines) if len(lines) <= _HEADER_SCAN_LINES else 0      # only a header, or no prose at all


def pseudo_turns(sentences: list[Sentence]) -> list[Draft]:
    v = vocabulary()
    if not sentences:
        return []
    drafts: list[Draft] = []

    def add(name: str, title: str, role: Role | None, section: Section, chunk: list[Sentence]) -> None:
        if chunk:
            drafts.append(Draft(name=name, title=title, start=chunk[0].start, end=chunk[-1].end,
                                sentences=list(chunk), fixed_role=role, fixed_section=section))

    n = len(sentences)
    i = 0
    # An opening by the operator, when a hand-over phrase comes early.
    for k in range(min(n, 15)):
        if v.handoff.search(sentences[k].text) and introduced_name(sentences[k].text) is None:
            add("Operator", "", Role.OPERATOR, Section.PREPARED, sentences[:k + 1])
            i = k + 1
            break
    section = Section.PREPARED
    chunk: list[Sentence] = []
    while i < n:
        s = sentences[i]
        cued = introduced_name(s.text)
        if cued is None:
            chunk.append(s)
            i += 1
            continue
        add("", "", None, section, chunk)
        chunk = []
        section = Section.QA
        j = i + 1
        while j < n and j <= i + 2 and v.handoff.search(sentences[j].text):
            j += 1
        add("Operator", "", Role.OPERATOR, Section.QA, sentences[i:j])
        end = _question_end(sentences, j)
        firm = _firm_after(s.text, cued)
        add(cued, firm, Role.ANALYST, Section.QA, sentences[j:end])
        i = end
    add("", "", None, section, chunk)
    return drafts


def _question_end(sentences: list[Sentence], j: int, window: int = 15) -> int:
    """Index after the questioner's last sentence: before an answer cue, else after the last '?'."""
    v = vocabulary()
    last_q = None
    for k in range(j, min(len(sentences), j + window)):
        text = sentences[k].text
        if k > j and v.answer_start.search(text):
            return k
        if vocabulary().question_intro.search(text):
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
