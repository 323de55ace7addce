"""What every layout shares: the line view of a text, draft turns, and cutting them into sentences.

Every layout works on line spans of the original text, so offsets stay exact whatever the newlines
(LF, CRLF, CR). A line may carry a prefix that is no speech ("[00:01:02.000 --> 00:01:09.000] ", "[ 12] [EN] ");
its `start` is then where the speech begins and `raw_start` where the line begins. Lines dense in CJK
characters (at least one per four Latin letters) are machine translations (or a translated disclaimer): they
are skipped and reported, never read as speech.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.model import Layout, Role, Section, Sentence
from tracker.roles import role_of_label, vocabulary
from tracker.sentences import split_sentences

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\u3000-\u303f]")
_LATIN = re.compile(r"[A-Za-z]")
_DASH_SEP = re.compile(r"\s+[-–—]+\s+")
_DIGIT = re.compile(r"\d")
_COLON_LINE = re.compile(r"^(?:\*\*)?(?P<label>[^:*]{1,80}?)\s*(?:\*\*)?\s*:\s*(?:\*\*)?(?:[ \t]+(?P<rest>.*))?$")
_LABEL_PARTS = re.compile(r"^(?P<name>[^(\-–—,]+?)\s*"
                          r"(?:\((?P<paren>[^)]*)\)|\s[-–—]\s*(?P<dash>.+)|,\s*(?P<comma>.+))?$")
_PARTICLES = frozenset({"de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "bin", "al",
                        "du", "dos", "das", "y", "e", "ten", "ter", "st."})


@dataclass
class Line:
    start: int                  # where the line's speech begins (after any prefix that is no speech)
    end: int
    text: str                   # stripped
    translation: bool = False   # a machine-translation line (see is_translation)
    raw_start: int = -1         # where the line begins in the file (-1: same as start)

    @property
    def line_start(self) -> int:
        return self.start if self.raw_start < 0 else self.raw_start


@dataclass
class Block:
    """Consecutive lines read as one piece of text. With `flow`, line breaks (and blank lines between them)
    never end a sentence: only punctuation does (hard-wrapped text, caption lines)."""
    lines: list[Line]
    flow: bool = False


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
    blocks: list[Block] = field(default_factory=list)

    @property
    def chars(self) -> int:
        """Characters of speech (stripped line text) in this turn, for judging how much a layout read."""
        if self.sentences:
            return sum(len(s.text) for s in self.sentences)
        return sum(len(ln.text) for b in self.blocks for ln in b.lines)


@dataclass
class Parsed:
    layout: Layout
    drafts: list[Draft]
    translation_spans: list[tuple[int, int]]
    first_turn_line: int                       # index of the line where speech starts (header is above)
    label_chars: int = 0                       # characters of the speaker labels (and titles) read as such

    @property
    def read_chars(self) -> int:
        return sum(d.chars for d in self.drafts)


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


def speech_chars(lines: list[Line]) -> int:
    """Characters a layout could read: every line that is not blank and not a translation."""
    return sum(len(ln.text) for ln in lines if not ln.translation)


def is_translation(line: str) -> bool:
    if not line or line.isascii():
        return False
    # CJK need not outnumber Latin letters: a translated "(Operator Instructions) Jane Doe, Big Bank."
    # keeps the name and firm in Latin script. So: one CJK character per four Latin letters, or a few
    # CJK characters and a CJK ending ("。"); an English line quoting a Chinese name has neither.
    sample = line[:300]
    if max(sample) < "\u3000":
        return False       # every CJK character of _CJK is U+3000 or above: curly quotes and dashes alone are not
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
    return all(t[0].isupper() or t.lower() in _PARTICLES or t[0] in "'’(\"“" for t in tokens)


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


def accept_colon_label(label: str, count: int) -> bool:
    # A one-word label ("Revenue: up 5%") counts only when it recurs or is a role word.
    return len(label.split()) >= 2 or count >= 2 or role_of_label(label) is not None


def rest_line(text: str, ln: Line, rest: str) -> Line:
    """The part of line `ln` after its speaker label, `rest`, as a line of its own."""
    raw = text[ln.start:ln.end].rstrip()
    start = ln.start + len(raw) - len(rest.rstrip())
    return Line(start, ln.end, rest.strip(), False, ln.line_start)


# --- shared turn building -----------------------------------------------------------------------------


class Builder:
    """Collects body lines into the current draft; consecutive lines form one block for the splitter."""

    def __init__(self, text: str, *, flow: bool = False) -> None:
        self.text = text
        self.flow = flow
        self.drafts: list[Draft] = []
        self.translations: list[tuple[int, int]] = []
        self._block: list[Line] = []
        self.pending_qa = False
        self.label_chars = 0

    def start_turn(self, name: str, title: str, start: int, *, parens: bool = False,
                   fixed_role: Role | None = None, label: int = 0) -> Draft:
        """A new turn; `label` is the length of the speaker label (no speech, not to be read)."""
        self.flush()
        self.label_chars += label
        d = Draft(name=name, title=title, start=start, end=start, parens=parens, fixed_role=fixed_role,
                  qa_header=self.pending_qa)
        self.pending_qa = False
        self.drafts.append(d)
        return d

    def known(self, ln: Line) -> None:
        """A line the layout understood as no speech (a header, a roster entry, a repeated label)."""
        self.label_chars += len(ln.text)

    def qa_header(self) -> None:
        """A Q&A heading starts Q&A at the next turn; above the first turn it is a table of contents."""
        self.gap()
        if self.drafts:
            self.pending_qa = True

    def speech(self, ln: Line) -> None:
        if self.drafts:                                 # text above the first speaker is header
            self._block.append(ln)

    @property
    def open_block(self) -> bool:
        return bool(self._block)

    def gap(self) -> None:
        self.flush()

    def translation(self, ln: Line) -> None:
        self.flush()
        self.translations.append((ln.line_start, ln.end))

    def apart(self, ln: Line, qa_headings: frozenset[str]) -> bool:
        """Read the lines every labelled layout reads alike, and say whether `ln` was one: a machine translation
        (kept apart, offsets kept) or a Q&A heading ("Questions and Answers:"), which starts Q&A at the next turn."""
        if ln.translation:
            self.translation(ln)
            return True
        if normalise(ln.text.rstrip(":")) in qa_headings:
            self.known(ln)
            self.qa_header()
            return True
        return False

    def flush(self) -> None:
        if self._block and self.drafts:
            d = self.drafts[-1]
            d.blocks.append(Block(self._block, self.flow))
            d.end = self._block[-1].end
        self._block = []

    def done(self) -> list[Draft]:
        self.flush()
        # A speaker label with nothing under it (a label repeated, or cut off) is no turn.
        return [d for d in self.drafts if any(ln.text for b in d.blocks for ln in b.lines)]


def realise(text: str, drafts: list[Draft]) -> list[Draft]:
    """Cut every draft's blocks into sentences; drafts left with none are dropped."""
    for d in drafts:
        for b in d.blocks:
            d.sentences.extend(block_sentences(text, b))
        d.blocks = []
    return [d for d in drafts if d.sentences]


def block_sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of a block. A sentence over lines with prefixes ("[00:01.0 --> 00:03.5] ") or with lines
    left out between them (a page header) is the speech without them; its offsets span it in the file."""
    lines = block.lines
    first, last = lines[0], lines[-1]
    # the block is one stretch of the file when no line has a prefix and nothing was left out between lines
    plain = all(ln.raw_start < 0 and text[prev.end:ln.start].isspace() for prev, ln in zip(lines, lines[1:]))
    if plain and not block.flow:
        return split_sentences(text[first.start:last.end], first.start)
    if plain:
        return split_sentences(text[first.start:last.end], first.start, flow=True)
    pieces: list[tuple[int, int]] = []          # (offset in the joined speech, offset in the file)
    parts: list[str] = []
    at = 0
    prev: Line | None = None
    for ln in lines:
        if prev is not None:
            brk = _break_between(text, prev.end, ln.line_start)
            parts.append(brk)
            at += len(brk)
        pieces.append((at, ln.start))
        parts.append(text[ln.start:ln.end])
        at += ln.end - ln.start
        prev = ln
    joined = "".join(parts)
    out = []
    for s in split_sentences(joined, 0, flow=block.flow):
        start, end = _to_file(pieces, s.start), _to_file(pieces, s.end - 1) + 1
        out.append(Sentence(text=s.text, start=start, end=end))
    return out


def _break_between(text: str, a: int, b: int) -> str:
    m = _LINE_BREAK.search(text, a, b)
    return m.group() if m else " "


def _to_file(pieces: list[tuple[int, int]], pos: int) -> int:
    lo = 0
    for i, (at, _) in enumerate(pieces):
        if at <= pos:
            lo = i
        else:
            break
    at, file_at = pieces[lo]
    return file_at + pos - at
