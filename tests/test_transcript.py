"""Reading transcripts: layouts, speakers and roles, sections, header, translations, encodings, errors."""
from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from tracker.errors import TranscriptError
from tracker.layouts import detect, is_translation, split_lines
from tracker.model import Layout, Role, Section, Transcript
from tracker.roles import introduced_name, role_of_title
from tracker.transcript import date_in_text, parse_transcript, read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"
E, A, O, U = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR, Role.UNKNOWN
P, Q = Section.PREPARED, Section.QA


def _invariants(t: Transcript) -> None:
    """What must hold for every parsed transcript."""
    last_end = -1
    for i, turn in enumerate(t.turns):
        assert turn.index == i
        assert turn.sentences, "no empty turns"
        assert turn.start <= turn.sentences[0].start
        assert turn.end >= turn.sentences[-1].end
        for s in turn.sentences:
            assert t.text[s.start:s.end] == s.text
            assert s.text == s.text.strip() and s.text
            assert s.start > last_end, "sentences are in order and do not overlap"
            last_end = s.end - 1
            for a, b in t.translation_spans:
                assert s.end <= a or s.start >= b, "no sentence touches a translation line"
            assert not is_translation(s.text)


# --- the four layouts ----------------------------------------------------------------------------------

LAYOUT_CASES = [
    # fixture, layout, (speaker, role) in order of first appearance, section of each turn, translations
    ("dash_title.txt", Layout.DASH_TITLE,
     [("Operator", O), ("Priya Raman", E), ("Tomas B. Lindqvist", E), ("Aiko Sato", E), ("Dana Whitfield", A),
      ("Marcus Oyelaran", A), ("Liam Brandt", E)],
     [P, P, P, P, Q, Q, Q, Q, Q, Q, Q, Q], 14),
    ("colon.txt", Layout.COLON,
     [("Operator", O), ("Nadia Brooks", E), ("Owen Castellano", E), ("Ruth Ibsen", E), ("Jane Okafor", A),
      ("Peter Vance", A), ("Helen Marsh", A), ("Greg Tallis", E), ("Sam Ortiz", A)],
     [P, P, P, P, P] + [Q] * 16, 0),
    ("participants.txt", Layout.PARTICIPANTS,
     [("Operator", O), ("Laura Chen", E), ("Daniel Okoro", E), ("Sofia Marquez", E), ("Robert Kline", A),
      ("Anita Desai", A), ("Martin Hale", E)],
     [P, P, P, P, Q, Q, Q, Q, Q, Q, Q, Q], 0),
    ("plain.txt", Layout.PLAIN,
     [("Operator", O), ("Mira Patel", E), ("", U), ("Carl Jensen", A), ("Lena Fischer", A)],
     [P, P, P, Q, Q, Q, Q, Q, Q], 0),
]


@pytest.mark.parametrize("fixture,layout,speakers,sections,translations", LAYOUT_CASES,
                         ids=[c[0] for c in LAYOUT_CASES])
def test_layout_fixture(fixture, layout, speakers, sections, translations) -> None:
    t = read_transcript(FIXTURES / fixture)
    assert t.layout is layout
    assert [(s.name, s.role) for s in t.speakers] == speakers
    assert [turn.section for turn in t.turns] == sections
    assert len(t.translation_spans) == translations
    assert t.sha256 == hashlib.sha256((FIXTURES / fixture).read_bytes()).hexdigest()
    assert t.path == str(FIXTURES / fixture)
    _invariants(t)


def _variant(raw: str, kind: str) -> str:
    if kind == "crlf":
        return raw.replace("\n", "\r\n")
    if kind == "bom":
        return "\ufeff" + raw
    if kind == "bom+crlf":
        return "\ufeff" + raw.replace("\n", "\r\n")
    if kind == "tabs+trailing":
        return "\n".join("\t" + line + " \t " if line else line for line in raw.split("\n"))
    if kind == "cr":
        return raw.replace("\n", "\r")
    return raw


@pytest.mark.parametrize("kind", ["lf", "crlf", "bom", "bom+crlf", "tabs+trailing", "cr"])
@pytest.mark.parametrize("fixture", [c[0] for c in LAYOUT_CASES])
def test_newline_bom_and_whitespace_variants(tmp_path: Path, fixture: str, kind: str) -> None:
    raw = (FIXTURES / fixture).read_text(encoding="utf-8")
    base = parse_transcript(raw)
    data = _variant(raw, kind).encode("utf-8")
    path = tmp_path / fixture
    path.write_bytes(data)
    t = read_transcript(path)
    assert not t.text.startswith("\ufeff")
    assert t.text == _variant(raw, kind).removeprefix("\ufeff")
    assert t.sha256 == hashlib.sha256(data).hexdigest()
    assert t.layout is base.layout
    assert [(turn.speaker.name, turn.speaker.role, turn.section) for turn in t.turns] == \
        [(turn.speaker.name, turn.speaker.role, turn.section) for turn in base.turns]
    assert [s.text.replace("\r\n", "\n") for turn in t.turns for s in turn.sentences] == \
        [s.text for turn in base.turns for s in turn.sentences]
    assert t.header == base.header
    _invariants(t)


def test_parse_transcript_drops_a_bom_and_keeps_offsets() -> None:
    t = parse_transcript("\ufeffOperator: Welcome to the call. Go on.\nJane Roe: Thanks. We grow.\n")
    assert t.text.startswith("Operator")
    _invariants(t)


# --- dash-title details -------------------------------------------------------------------------------

def test_dash_translation_lines_are_skipped_but_recorded() -> None:
    t = read_transcript(FIXTURES / "dash_title.txt")
    first_line_end = t.text.index("\n")
    assert t.translation_spans[0] == (0, first_line_end), "the Chinese disclaimer on top"
    for a, b in t.translation_spans:
        assert is_translation(t.text[a:b])
    sentences = [s.text for turn in t.turns for s in turn.sentences]
    assert "Revenue for the quarter was $1.1 billion, up 8.1% from a year ago." in sentences
    assert "We shipped 4.2 million units to customers in the U.S. and Europe." in sentences


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_dash_variants_and_repeated_labels(dash: str) -> None:
    text = (f"Operator\nOperator\nWelcome to the call.\nJane Roe {dash} Chief Executive Officer\n"
            f"Jane Roe {dash} Chief Executive Officer\nWe expect growth. Thank you.\n"
            f"Sam Poe {dash} Big Bank Securities\nSam Poe {dash} Big Bank Securities\nWhat about margins?\n")
    t = parse_transcript(text)
    assert t.layout is Layout.DASH_TITLE
    assert [(turn.speaker.name, turn.speaker.role) for turn in t.turns] == [("Operator", O), ("Jane Roe", E),
                                                                           ("Sam Poe", A)]
    assert t.turns[1].speaker.title == "Chief Executive Officer"
    _invariants(t)


# --- roles from titles and cues -----------------------------------------------------------------------

@pytest.mark.parametrize("title,role", [
    ("Chair of the Board, President and Chief Executive Officer", E),
    ("Director, Investor Relations", E),
    ("Vice President of Treasury and Corporate Strategy", E),
    ("Executive VP & CFO", E),
    ("Senior Vice President of Operations", E),
    ("Analyst", A),
    ("Harbor Point Securities", A),
    ("Bluewater Capital & Co., Research Division", A),
    ("Summit Peak Securities, LLC, Research Division", A),
    ("Managing Director, Equity Research", A),
    ("", U),
    ("Friend of the show", U),
])
def test_role_of_title(title: str, role: Role) -> None:
    assert role_of_title(title) is role


@pytest.mark.parametrize("sentence,name", [
    ("Our first question comes from Jane Doe with Big Bank.", "Jane Doe"),
    ("And our next question is now from the line of C.J. Ward from Crest Partners.", "C.J. Ward"),
    ("I show the next question in queue comes from the line of Ann Lee.", "Ann Lee"),
    ("Our next question comes from Talia at Stone Capital.", "Talia"),
    ("We'll now move on to Bram from Elm Street Advisors.", "Bram"),
    ("For the first question, let's go to the line of Ann Lee from Crest Partners.", "Ann Lee"),
    ("Certainly, we'll take our first question from Raj Patel with Stone Capital.", "Raj Patel"),
    ("Ann Lee from Crest Partners has the next question.", "Ann Lee"),
    ("Next up is Raj Patel from Stone Capital.", "Raj Patel"),
    ("Next, a question from the line of Ann Lee. How do you see demand?", "Ann Lee"),
    ("Our next question comes from Jin J. Cheng with Crest.", "Jin J. Cheng"),
    ("The first question is, can you tell us about pricing?", None),
    ("We expect strong demand next year.", None),
])
def test_introduced_name(sentence: str, name: str | None) -> None:
    assert introduced_name(sentence) == name


def test_colon_roles_from_cues_parentheses_and_prepared_remarks() -> None:
    t = read_transcript(FIXTURES / "colon.txt")
    by_name = {s.name: s for s in t.speakers}
    assert by_name["Helen Marsh"].title == "Bayview Research"
    assert by_name["Greg Tallis"].title == "Chief Merchandising Officer", "label split over two lines"
    assert t.turns[1].sentences[0].text == "Thank you."


def test_colon_speaker_only_in_qa_without_cue_is_unknown() -> None:
    text = ("Pat Kim: Welcome. Let us begin.\nPat Kim: The first question is about pricing.\n"
            "Lee Park: Pricing is stable.\n")
    t = parse_transcript(text)
    assert [(turn.speaker.name, turn.speaker.role, turn.section) for turn in t.turns] == [
        ("Pat Kim", E, P), ("Pat Kim", E, P), ("Lee Park", U, Q)]


def test_participants_listed_twice_and_unlisted_speaker() -> None:
    t = read_transcript(FIXTURES / "participants.txt")
    names = [turn.speaker.name for turn in t.turns]
    assert "Acme Industrial Inc." not in " ".join(s.text for turn in t.turns for s in turn.sentences)
    assert names.count("Laura Chen") == 1
    assert t.speakers[-1].title == "Senior Vice President of Operations"
    anita = next(turn for turn in t.turns if turn.speaker.name == "Anita Desai")
    assert anita.speaker.title == "Bluewater Capital & Co., Research Division", "title from the list"


def test_plain_pseudo_turns() -> None:
    t = read_transcript(FIXTURES / "plain.txt")
    assert t.turns[0].sentences[-1].text == "You may begin.", "the operator's words after the introduction"
    assert t.turns[1].speaker.title == "Director of Investor Relations", "named by the operator's introduction"
    question = t.turns[4]
    assert question.speaker.role is A and question.speaker.title == "Northgate Research"
    assert [s.text for s in question.sentences] == [
        "Hi, thanks for taking my question.", "Can you talk about the order backlog?",
        "And how much of it ships this year?"]
    assert t.turns[5].sentences[0].text == "Carl, thank you for the question."
    assert t.turns[5].speaker.role is U


def test_plain_without_any_cue_is_one_unknown_turn() -> None:
    t = parse_transcript("We had a good year. We expect more growth next year. Thanks for listening.")
    assert t.layout is Layout.PLAIN
    assert len(t.turns) == 1
    assert t.turns[0].speaker.name == "" and t.turns[0].speaker.role is U
    assert t.turns[0].section is P


# --- layout detection ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,layout", [
    ("Jane Roe - CEO\nHello there.\nSam Poe - Analyst\nA question?\n", Layout.DASH_TITLE),
    ("Jane Roe: Hello there.\nSam Poe: A question?\n", Layout.COLON),
    ("**Jane Roe**: Hello there.\n**Sam Poe:** A question?\n", Layout.COLON),
    ("Title\n\nCorporate Participants\n\nJane Roe - CEO\n\nOperator\n\nHi.\n", Layout.PARTICIPANTS),
    ("Note: revenue grew. Margin: up. We expect more.\n", Layout.PLAIN),
    ("Revenue - up 5% in the quarter, which we expect to continue into next year as demand holds.\n",
     Layout.PLAIN),
])
def test_detect(text: str, layout: Layout) -> None:
    assert detect(split_lines(text)) is layout


# --- header -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,call_date,company,ticker", [
    ("Acme Industrial Inc. (ACMI) Q3 2026 Earnings Call October 28, 2025 4:30 PM EST\n\n"
     "Company Participants\n\nJane Roe - CEO\n\nOperator\n\nHello.\n", date(2025, 10, 28), "Acme Industrial Inc.",
     "ACMI"),
    ("# XYZ Q2 2025 Earnings Call Transcript\n\n**Date:** 2025-07-23\n**Company:** XYZ\n\n---\n\n"
     "Operator: Welcome.\nJane Roe: Thanks.\n", date(2025, 7, 23), None, "XYZ"),
    ("Harbor Retail Q1 Earnings Call\nDate: March 13, 2025\nCompany: Harbor Retail\n\n"
     "Operator: Welcome.\nJane Roe: Thanks.\n", date(2025, 3, 13), "Harbor Retail", None),
    ("Conference call date: 4 February 2025\nTicker: nwsc\n\nOperator: Welcome.\nJane Roe: Thanks.\n",
     date(2025, 2, 4), None, "NWSC"),
    ("Operator: Welcome to the call held on March 13, 2025.\nJane Roe: On June 1, 2026 we open.\n",
     None, None, None),
    ("We will report on March 13, 2026 and expect growth. Thank you for listening to this earnings call.",
     None, None, None),
])
def test_header(text: str, call_date, company, ticker) -> None:
    h = parse_transcript(text).header
    assert (h.call_date, h.company, h.ticker) == (call_date, company, ticker)


@pytest.mark.parametrize("text,expected", [
    ("October 28, 2025 4:30 PM EST", date(2025, 10, 28)),
    ("Nov. 3rd, 2024", date(2024, 11, 3)),
    ("2025-07-23", date(2025, 7, 23)),
    ("7/23/2025", date(2025, 7, 23)),
    ("23 July 2025", date(2025, 7, 23)),
    ("February 30, 2025", None),
    ("no date here", None),
])
def test_date_in_text(text: str, expected) -> None:
    assert date_in_text(text, fuzzy=False) == expected


def test_fixture_headers() -> None:
    colon = read_transcript(FIXTURES / "colon.txt").header
    assert (colon.call_date, colon.ticker, colon.title) == (date(2025, 7, 23), "HRBR",
                                                             "HRBR Q2 2025 Earnings Call Transcript")
    part = read_transcript(FIXTURES / "participants.txt").header
    assert (part.call_date, part.company, part.ticker) == (date(2025, 11, 19), "Acme Industrial Inc.", "ACMI")
    assert part.title == "Acme Industrial Inc. (ACMI) Q3 2026 Earnings Call"
    assert read_transcript(FIXTURES / "dash_title.txt").header.call_date is None


# --- edge files ---------------------------------------------------------------------------------------

def test_only_a_header() -> None:
    t = parse_transcript("# Acme Q3 2025 Earnings Call\n**Date:** 2025-10-30\n**Company:** ACME\n")
    assert t.turns == ()
    assert t.header.call_date == date(2025, 10, 30)
    assert t.header.ticker == "ACME"


def test_no_forward_looking_sentences_is_fine() -> None:
    t = parse_transcript("Operator: Welcome.\nJane Roe: Revenue was $5 million last quarter. Thank you.\n")
    assert [s.text for turn in t.turns for s in turn.sentences] == [
        "Welcome.", "Revenue was $5 million last quarter.", "Thank you."]


# --- reading errors -----------------------------------------------------------------------------------

def _write(tmp_path: Path, data: bytes) -> Path:
    p = tmp_path / "call.txt"
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("data,message", [
    (b"", "is empty"),
    (b"  \n\t\r\n ", "is empty"),
    (b"\xef\xbb\xbf\n", "is empty"),
    (b"PK\x03\x04\x00\x00binary\x00stuff", "looks like a binary file"),
    (b"Operator: Caf\xe9 au lait.\n", "is not UTF-8 text (byte 0xe9 at offset 13); convert it to UTF-8"),
    ("Operator: hello".encode("utf-16"), "is not UTF-8 text (byte 0xff at offset 0)"),
    (bytes(range(1, 9)) * 200, "looks like a binary file"),
])
def test_unreadable_content(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(TranscriptError) as err:
        read_transcript(_write(tmp_path, data))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match=r"^no such file: .*nope\.txt$"):
        read_transcript(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="is a directory"):
        read_transcript(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    p = _write(tmp_path, b"Operator: hi.\n")
    p.chmod(0)
    try:
        with pytest.raises(TranscriptError, match="permission denied"):
            read_transcript(p)
    finally:
        p.chmod(0o600)


@pytest.mark.parametrize("exc,message", [
    (PermissionError(13, "Permission denied"), "cannot read {p}: permission denied"),
    (IsADirectoryError(21, "Is a directory"), "{p} is a directory, not a transcript file"),
    (OSError(5, "Input/output error"), "cannot read {p}: Input/output error"),
])
def test_os_errors_become_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: OSError,
                                   message: str) -> None:
    p = _write(tmp_path, b"Operator: hi.\n")

    def fail(self: Path) -> bytes:
        raise exc

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(TranscriptError) as err:
        read_transcript(p)
    assert str(err.value) == message.format(p=p)


def test_accepts_str_and_pathlike(tmp_path: Path) -> None:
    p = _write(tmp_path, b"Operator: Welcome.\nJane Roe: Thanks.\n")
    assert read_transcript(str(p)).text == read_transcript(p).text


def test_is_translation_skips_lines_without_cjk_and_keeps_cjk_lines():
    # the fast path: a non-ASCII line whose characters are all below U+3000 (curly quotes, dashes) is never a
    # translation; a line of CJK text (U+3000 and above) still is
    assert not is_translation("Jane Doe \u2014 \u201cwe expect growth\u201d")
    assert is_translation("\u6211\u4eec\u9884\u8ba1\u6536\u5165\u589e\u957f\u3002")
    assert is_translation("(Operator Instructions) \u5f20\u4e09\uff0c\u5927\u94f6\u884c\u3002")
