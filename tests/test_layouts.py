"""Transcript layouts beyond the classic four: a publisher's roster page, "(Executives)" labels with hard-wrapped
text, bilingual interleaved lines, caption time lines, whole calls on one line; the scored detector; and the
plain-text fallback that says so. Every fixture is invented (tests/fixtures/layouts)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cli.main import main
from tracker.errors import LexiconError
from tracker.layouts import detect, split_lines
from tracker.layouts.plain import handed_to, self_introduction
from tracker.layouts.vocab import check_schema
from tracker.model import Layout, Role, Section, Transcript
from tracker.sentences import split_sentences
from tracker.transcript import parse_transcript, read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "layouts"
E, A, O, U = Role.EXECUTIVE, Role.ANALYST, Role.OPERATOR, Role.UNKNOWN
P, Q = Section.PREPARED, Section.QA
_TIME = re.compile(r"\[[\d.:]+ --> [\d.:]+\] ")
_PAGE = re.compile(r"\n\nLakeshore Lending Inc\. \| Earnings Calls \| 2026-08-04")


def _sentences(t: Transcript) -> list:
    return [s for turn in t.turns for s in turn.sentences]


def _file_text(t: Transcript, s) -> str:
    """The file's text under a sentence, with what the layout leaves out of speech (caption times, page
    headers) taken out again."""
    return _PAGE.sub("", _TIME.sub("", t.text[s.start:s.end]))


LAYOUT_CASES = [
    # fixture, layout, (speaker, title, role) in order of first appearance, section of each turn
    ("roster.txt", Layout.ROSTER,
     [("Tara Quist", "Vice President, Investor Relations", E), ("Nadia Okonkwo", "Chief Executive Officer", E),
      ("Felix Amberg", "Chief Financial Officer", E), ("Operator", "", O), ("Omar Reyes", "", A),
      ("Lucia Brandt", "", A)],
     [P, P, P, Q, Q, Q, Q, Q, Q, Q]),
    ("paren_role.txt", Layout.PAREN_ROLE,
     [("Operator", "", O), ("Ruth Abernathy", "", E), ("Marco Villanueva", "", E), ("Priya Nandakumar", "", A)],
     [P, P, P, Q, Q, Q]),
    ("bilingual.txt", Layout.BILINGUAL,
     [("Operator", "", O), ("Jonas Whitlock", "Chief Executive Officer", E),
      ("Amara Osei", "Chief Financial Officer", E), ("Ken Mabry", "", A)],
     [P, P, P, Q, Q, Q]),
    ("timestamped.txt", Layout.TIMESTAMPED, [("", "", U)], [P]),
    ("one_line.txt", Layout.PLAIN,
     [("Operator", "", O), ("Dana Pruitt", "Vice President of Investor Relations", E),
      ("Rosa Lindqvist", "Chief Executive Officer", E), ("Owen Farrow", "Chief Financial Officer", E),
      ("Ivy Chen", "Maplewood Securities", A), ("Raj Menon", "Stoneport Partners", A)],
     [P, P, P, P, P, Q, Q, Q, Q, Q, Q, Q, Q]),
]


@pytest.mark.parametrize("fixture,layout,speakers,sections", LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES])
def test_layout_speakers_roles_sections(fixture, layout, speakers, sections) -> None:
    t = read_transcript(FIXTURES / fixture)
    assert t.layout is layout
    assert t.warning is None
    assert [(s.name, s.title, s.role) for s in t.speakers] == speakers
    assert [turn.section for turn in t.turns] == sections


@pytest.mark.parametrize("fixture", [c[0] for c in LAYOUT_CASES] + ["participants_unlabelled.txt"])
def test_offsets_point_at_the_speech(fixture) -> None:
    t = read_transcript(FIXTURES / fixture)
    last = -1
    for s in _sentences(t):
        assert s.start > last, "sentences in order, not overlapping"
        last = s.end - 1
        assert _file_text(t, s) == s.text
        if "\n" not in s.text:
            assert t.text[s.start:s.end] == s.text, "a sentence on one line is the file's text exactly"


@pytest.mark.parametrize("fixture,never", [
    ("roster.txt", ["Revenue--", "Flowgrid", "Edge Vault", "Harborline Systems reported", "Full Conference",
                    "Chief Executive Officer —", "Tara Quist:", "Operator:", "This article", "Stocks Mentioned"]),
    ("paren_role.txt", ["(Executives)", "(Analysts)", "Page 2 of 3", "| Earnings Calls |"]),
    ("bilingual.txt", ["[EN]", "[中]", "[  ", "━", "👤", "Canvas Pro", "Revenue--", "Operator:"]),
    ("timestamped.txt", ["-->", "["]),
])
def test_what_is_never_speech(fixture, never) -> None:
    t = read_transcript(FIXTURES / fixture)
    for s in _sentences(t):
        for bad in never:
            assert bad not in s.text, (bad, s.text)
        assert not re.search(r"[\u4e00-\u9fff]", s.text), "translation lines are skipped"


def test_subrip_captions_read_as_one_sentence() -> None:
    text = ("1\n00:00:01,000 --> 00:00:02,500\nWe expect revenue of $5 million\n\n"
            "2\n00:00:02,500 --> 00:00:04,000\nin the third quarter.\n")
    t = parse_transcript(text)
    assert [s.text for s in _sentences(t)] == ["We expect revenue of $5 million\nin the third quarter."]
    assert t.warning is None


def test_labelled_captions_keep_speakers_and_run_sentences_on() -> None:
    text = ("[0.0 --> 2.0] Operator: Welcome to the Fernhill call.\n[2.0 --> 4.0] Jane Roe: We expect revenue of\n"
            "[4.0 --> 5.0] $5 million in 2026.\n[5.0 --> 6.0] Sam Poe: Why?\n[6.0 --> 7.0] Jane Roe: Demand.\n")
    t = parse_transcript(text)
    assert t.layout is Layout.TIMESTAMPED
    assert [(turn.speaker.name, [x.text for x in turn.sentences]) for turn in t.turns][1] == (
        "Jane Roe", ["We expect revenue of\n$5 million in 2026."])
    for s in _sentences(t):
        assert _file_text(t, s) == s.text


def test_bilingual_translations_are_recorded_and_skipped() -> None:
    t = read_transcript(FIXTURES / "bilingual.txt")
    spans = [t.text[a:b] for a, b in t.translation_spans]
    assert sum("[中]" in x for x in spans) == 10
    assert any("首席执行官" in x for x in spans), "a roster line's translation"
    assert [s.text for s in t.turns[-1].sentences] == ["We expect an operating margin of about 9% for the full year 2026."]


@pytest.mark.parametrize("fixture,sentence", [
    ("timestamped.txt", "For the fourth quarter, we expect revenue of $430 million\nto $450 million."),
    ("timestamped.txt", "And we plan to start volume production of the\nC9 chip in the first half of 2026."),
    ("paren_role.txt", "Given the momentum we are seeing across the platform, we now expect full year revenue growth "
                       "of 20%,\nup from our prior range of 15% to 18%, and we plan to launch our savings account "
                       "in the fourth\nquarter of 2026."),
    ("paren_role.txt", "For the third quarter, we expect revenue of $91 million\nto $94 million."),
])
def test_a_sentence_runs_on_across_lines_page_breaks_and_times(fixture, sentence) -> None:
    t = read_transcript(FIXTURES / fixture)
    assert sentence in [s.text for s in _sentences(t)]


def test_roster_names_match_with_nicknames_and_the_summary_is_not_read() -> None:
    t = read_transcript(FIXTURES / "roster.txt")
    assert t.header.call_date is not None and t.header.call_date.isoformat() == "2025-11-06"
    felix = [turn for turn in t.turns if turn.speaker.name == "Felix Amberg"]
    assert len(felix) == 2, "“Fritz” in the roster, not in the turn label"
    assert _sentences(t)[0].text == "Good afternoon, and thank you for joining us."


# --- one-line calls: cues, hand-overs, follow-ups -----------------------------------------------------


def test_one_line_call_cuts_questions_from_answers() -> None:
    t = read_transcript(FIXTURES / "one_line.txt")
    turns = [(turn.speaker.name, turn.speaker.role, turn.sentences[0].text) for turn in t.turns]
    assert ("Ivy Chen", A, "Hi, thanks for taking my question.") in turns
    assert ("Owen Farrow", E, "Sure, Ivy.") in turns, "the analyst asked Owen: Owen answers"
    assert ("Ivy Chen", A, "Got it, thanks.") in turns, "a follow-up goes back to the analyst"
    assert ("Rosa Lindqvist", E, "Thanks, Raj.") in turns
    analyst_text = " ".join(s.text for turn in t.turns if turn.speaker.role is A for s in turn.sentences)
    assert "price increases of 5% next year" in analyst_text, "an analyst's figure is never the company's"


def test_operator_words_around_a_question_cue_are_the_operators() -> None:
    t = parse_transcript(
        "Good morning and welcome to the Bramble Tools call. I'd now like to hand the call over to Jane Roe, "
        "Chief Executive Officer. Thank you. We expect revenue of $5 million in 2026. We will now open the line for "
        "questions. To ask a question, press star one. Our first question comes from Sam Poe with Big Bank. Your "
        "line is open. What about margins? Thanks, Sam. Margins will rise next year.")
    turns = [(turn.speaker.name, [s.text for s in turn.sentences]) for turn in t.turns]
    assert turns[1] == ("Jane Roe", ["Thank you.", "We expect revenue of $5 million in 2026."])
    assert turns[2] == ("Operator", ["We will now open the line for questions.", "To ask a question, press star one.",
                                     "Our first question comes from Sam Poe with Big Bank.", "Your line is open."])
    assert turns[3] == ("Sam Poe", ["What about margins?"])
    assert (t.turns[4].speaker.role, t.turns[4].sentences[-1].text) == (U, "Margins will rise next year."), \
        "the question addressed no one by name: the answer is the company's, speaker unnamed"


@pytest.mark.parametrize("sentence,name", [
    ("Let me now turn the call over to CFO Jane Doe.", "Jane Doe"),
    ("At this point, I'd like to pass the call over to Acme's Chief Financial Officer, Jane Doe.", "Jane Doe"),
    ("I will now hand things over to Sam Poe, Vice President of Investor Relations.", "Sam Poe"),
    ("On that note, I'll turn it back to Mr. Poe for a few final words.", "Poe"),
    ("It's my great pleasure to introduce Lee Park, Director of Investor Relations.", "Lee Park"),
    ("So let me turn it over to our CEO.", ""),
    ("On that note, I'll hand the call back to the operator so we can start Q&A.", "operator"),
    ("Turning to our outlook, we expect revenue of $5 million.", None),
    ("Customers are turning to Acme for all three products.", None),
    ("Before I turn things over to Jane, a word on our plant.", None),
])
def test_handed_to(sentence, name) -> None:
    assert handed_to(sentence) == name


@pytest.mark.parametrize("sentence,expected", [
    ("I'm Jane Doe, Vice President, Treasurer and Investor Relations.",
     ("Jane Doe", "Vice President, Treasurer and Investor Relations")),
    ("This is Sam Poe, Chief Financial Officer.", ("Sam Poe", "Chief Financial Officer")),
    ("This is a reminder that the call is recorded.", None),
    ("I'm Sam Poe, calling from Harbor Securities.", None),
])
def test_self_introduction(sentence, expected) -> None:
    assert self_introduction(sentence) == expected


# --- detection by score, and the fallback -------------------------------------------------------------


@pytest.mark.parametrize("text,layout", [
    ("Jane Roe (Executives)\nWe grew.\nSam Poe (Analysts)\nWhy?\n", Layout.PAREN_ROLE),
    ("Call Participants\nChief Executive Officer — Jane Roe\n\nWidget: a thing we sell.\nGadget: another thing.\n"
     "Full Conference Call Transcript\nJane Roe:We grew.\nOperator:Next question comes from Sam Poe.\n"
     "Sam Poe:Why?\n", Layout.ROSTER),
    ("Call Participants\nJane Roe — Chief Executive Officer\nSam Poe — Chief Financial Officer\n\n"
     "Jane Roe:We grew a lot.\nSam Poe:Margins rose.\nOperator:Next question comes from Kim Ode.\n"
     "Kim Ode:Why?\nJane Roe:Demand.\n", Layout.ROSTER),
    ("[0.0 --> 2.0] We grew\n[2.0 --> 3.0] a lot.\n", Layout.TIMESTAMPED),
    ("1\n00:00:01,000 --> 00:00:02,500\nWe grew\n\n2\n00:00:02,500 --> 00:00:04,000\na lot.\n",
     Layout.TIMESTAMPED),
    ("[ 1] [EN] Jane Roe: We grew.\n[中] 我们增长了。\n[ 2] [EN] Sam Poe: Why?\n[中] 为什么？\n", Layout.BILINGUAL),
    ("Widget: a thing we sell.\nGadget: another thing.\nJane Roe - Chief Executive Officer\nWe grew a lot.\n"
     "Sam Poe - Analyst\nWhy?\nJane Roe - Chief Executive Officer\nBecause.\n", Layout.DASH_TITLE),
])
def test_detect_scores_every_layout(text, layout) -> None:
    assert detect(split_lines(text)) is layout


def test_fallback_warns_and_still_reads() -> None:
    t = read_transcript(FIXTURES / "participants_unlabelled.txt")
    assert t.layout is Layout.PLAIN
    assert t.warning is not None and "\n" not in t.warning
    assert "dash_title" in t.warning and "plain text" in t.warning and "% read" in t.warning
    roles = {turn.speaker.name: turn.speaker.role for turn in t.turns}
    assert roles["Ivy Chen"] is A and roles["Owen Farrow"] is E
    assert "Rosa Lindqvist - Chief Executive Officer" not in " ".join(s.text for s in _sentences(t))


def test_no_turns_at_all_warns() -> None:
    t = parse_transcript("Acme Q3 2025 Earnings Call\nCompany Participants\nJane Roe - Chief Executive Officer\n"
                         "Sam Poe - Chief Financial Officer\n")
    assert t.turns == ()
    assert t.warning is not None


def test_extract_prints_the_warning_on_stderr_and_still_extracts(capsys) -> None:
    code = main(["extract", str(FIXTURES / "participants_unlabelled.txt"), "--call-date", "2025-08-05",
                 "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: ") and "plain text" in lines[0]
    claims = [r for r in map(json.loads, out.splitlines()) if r["type"] == "claim"]
    assert claims, "the fallback still extracts"
    assert {c["role"] for c in claims} <= {"executive", "unknown"}, "no analyst's or operator's claims"


@pytest.mark.parametrize("fixture", ["roster.txt", "one_line.txt"])
def test_extract_is_silent_when_the_layout_reads(capsys, fixture) -> None:
    code = main(["extract", str(FIXTURES / fixture), "--call-date", "2025-11-06", "--format", "jsonl"])
    _, err = capsys.readouterr()
    assert code == 0 and err == ""


# --- sentences that flow, and the layout data --------------------------------------------------------


def test_flowing_text_ends_sentences_only_at_punctuation() -> None:
    text = "We expect revenue of\nTen Million Dollars. Next\n\nQuestion please."
    assert [s.text for s in split_sentences(text)] == ["We expect revenue of", "Ten Million Dollars.", "Next",
                                                       "Question please."]
    assert [s.text for s in split_sentences(text, flow=True)] == [
        "We expect revenue of\nTen Million Dollars.", "Next\n\nQuestion please."]


@pytest.mark.parametrize("data,message", [
    ({"a": {"x": ["1"]}}, "tables"),
    ({"t": {"x": ["1"], "typo": ["2"]}}, "keys"),
    ({"t": {"x": "not a list"}}, "non-empty list"),
    ({"t": {"x": []}}, "non-empty list"),
])
def test_layout_data_is_checked(data, message) -> None:
    with pytest.raises(LexiconError, match=message):
        check_schema(data, {"t": frozenset({"x"})}, "layouts")
