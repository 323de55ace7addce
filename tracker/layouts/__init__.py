"""Recognise how a transcript marks its speakers, and cut it into draft turns.

One module per layout. A line layout (bilingual tags, caption times) first gives the view of the lines that
holds the speech; then every speaker layout that finds at least two of its speaker lines parses the view, and
the one that reads the most text into the most turns of at least two speakers wins (not the first that matches: a
glossary "Widget: a thing we sell" must not make a call "Name: text"). When the winner reads no turns, one
speaker only, or less than half the text, the call is read as plain text and the reading says so in a warning.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracker.layouts.base import (Block, Builder, Draft, Line, Parsed, colon_speaker, dash_speaker,
                                  is_translation, looks_like_name, looks_like_title, normalise, realise,
                                  speech_chars, split_lines)
from tracker.layouts.bilingual import bilingual_view, sniff_bilingual
from tracker.layouts.colon import parse_colon, sniff_colon
from tracker.layouts.dash import parse_dash, sniff_dash
from tracker.layouts.paren_role import parse_paren_role, sniff_paren_role
from tracker.layouts.participants import parse_participants, sniff_participants
from tracker.layouts.plain import parse_plain
from tracker.layouts.roster import parse_roster, sniff_roster
from tracker.layouts.timestamped import sniff_timestamped, timestamped_view
from tracker.model import Layout

__all__ = ["Block", "Builder", "Draft", "Line", "Parsed", "Reading", "colon_speaker", "dash_speaker", "detect",
           "is_translation", "looks_like_name", "looks_like_title", "normalise", "read_layout", "split_lines"]

Sniff = Callable[[list[Line]], float]
# Speaker layouts (how many speaker lines it sees, how it reads them), most specific first: on equal scores
# the earlier one wins.
SPEAKER_LAYOUTS: tuple[tuple[Sniff, Callable[[str, list[Line]], Parsed]], ...] = (
    (sniff_roster, parse_roster),
    (sniff_paren_role, parse_paren_role),
    (sniff_participants, parse_participants),
    (sniff_dash, parse_dash),
    (sniff_colon, parse_colon),
)
# Line layouts (the share of lines carrying its marks, the view of the speech it gives).
LINE_LAYOUTS: tuple[tuple[Layout, Sniff, Callable[[str, list[Line]], list[Line]]], ...] = (
    (Layout.TIMESTAMPED, sniff_timestamped, timestamped_view),
    (Layout.BILINGUAL, sniff_bilingual, bilingual_view),
)
_MIN_LABELS = 2                # a speaker layout needs at least this many speaker lines to be tried
_LINE_SHARE = 0.5              # a line layout needs this share of the lines to carry its marks
_HEADER_LINES = 15            # lines above the first turn this near the top are a header, not unread speech
_LONE_SPEAKER_CHARS = 1000    # a call this long is never one speaker's: a layout reading it so failed
_MIN_READ = 0.5                # a layout that reads less than this share of the text gives way to plain text


@dataclass
class Reading:
    parsed: Parsed
    lines: list[Line]              # the line view the turns were read from
    layout: Layout                 # the line layout when there is one, else the speaker layout
    share: float                   # of the speech characters read into turns
    warning: str | None = None


def read_layout(text: str, lines: list[Line]) -> Reading:
    """Pick the layout that reads `text` best, and read it (sentences cut)."""
    view, line_layout = _view(text, lines)
    total = speech_chars(view)
    best: Parsed | None = None
    best_score = 0.0
    tried: list[Parsed] = []
    for sniff, parse in SPEAKER_LAYOUTS:
        if sniff(view) < _MIN_LABELS:
            continue
        parsed = parse(text, view)
        tried.append(parsed)
        score = _score(parsed)
        if score > best_score:
            best, best_score = parsed, score
    flow = line_layout is Layout.TIMESTAMPED
    if best is None:
        fallback = parse_plain(text, view, flow=flow)
        if tried:
            # speaker lines were there, yet no layout made turns of them
            names = "/".join(p.layout.value for p in tried)
            return _plain(fallback, view, line_layout, total,
                          f"{names} speaker lines found but no speaker turns read")
        return _plain(fallback, view, line_layout, total, None)
    # speaker labels and the header lines above the first turn are no speech to read
    header = sum(len(ln.text) for ln in view[:min(best.first_turn_line, _HEADER_LINES)] if not ln.translation)
    readable = total - best.label_chars - header
    share = min(1.0, best.read_chars / readable) if readable > 0 else 1.0 if best.read_chars else 0.0
    lone = len({d.name for d in best.drafts}) < 2 and best.read_chars > _LONE_SPEAKER_CHARS
    if share < _MIN_READ or lone:
        fallback = parse_plain(text, view, flow=flow)
        turns = len(best.drafts)
        why = f"read only {share:.0%} of the text" if share < _MIN_READ else "found only one speaker"
        return _plain(fallback, view, line_layout, total,
                      f"{best.layout.value} layout {why} ({turns} turn{'' if turns == 1 else 's'})")
    if flow:                                            # labelled captions: sentences run on across lines
        for d in best.drafts:
            for block in d.blocks:
                block.flow = True
    best.drafts = realise(text, best.drafts)
    return Reading(best, view, line_layout or best.layout, share)


def _score(parsed: Parsed) -> float:
    """Text read into turns, weighed by how many turns it was cut into (a layout that sees a few labels reads
    the rest of the call into a few huge turns) and halved when all turns are one speaker's."""
    turns = len(parsed.drafts)
    speakers = len({d.name for d in parsed.drafts})
    return parsed.read_chars * turns * (1.0 if speakers >= 2 else 0.5)


def _plain(parsed: Parsed, view: list[Line], line_layout: Layout | None, total: int, why: str | None) -> Reading:
    share = min(1.0, parsed.read_chars / total) if total else 0.0
    warning = None
    if why is not None:
        warning = f"{why}; read as plain text instead ({share:.0%} read, speakers guessed from operator cues)"
    elif not parsed.drafts and total:
        warning = "no speaker turns and no speech found: nothing read"
    return Reading(parsed, view, line_layout or Layout.PLAIN, share, warning)


def _view(text: str, lines: list[Line]) -> tuple[list[Line], Layout | None]:
    for layout, sniff, view in LINE_LAYOUTS:
        if sniff(lines) >= _LINE_SHARE:
            return view(text, lines), layout
    return lines, None


def detect(lines: list[Line], text: str | None = None) -> Layout:
    """The layout `read_layout` would report for these lines (the text is rebuilt from them when not given)."""
    if text is None:
        text = "\n".join(ln.text for ln in lines)
        lines = split_lines(text)
    return read_layout(text, lines).layout
