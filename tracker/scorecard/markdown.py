"""Scorecard as Markdown: readable raw in a terminal, safe when rendered (text is escaped, no raw HTML)."""
from __future__ import annotations

import re

from tracker.scorecard.model import (Scorecard, ScorecardRow, actual_with_source, claim_ref, credibility_details,
                                     deadline_text, location, marks_text, mean_surprise_text, outlier_text,
                                     promise, section_items, speaker_text, subtitle, title, unused_text,
                                     verdict_counts)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """One line of inert Markdown: markup characters (and "<" so no HTML gets through) backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def _claims_table(rows: tuple[ScorecardRow, ...], *, deadline: bool) -> list[str]:
    head = ["Claim", "Promise", "Actual (source, reported)", "Verdict", "Marks", "Explanation", "Speaker"]
    return _table(head + (["Deadline"] if deadline else []), [
        [md(claim_ref(r)), md(promise(r.claim)), md(actual_with_source(r.result)),
         md(r.verdict + ("*" if r.override else "")), md(marks_text(r)), md(r.shown.explanation),
         md(r.claim.speaker or "—")] + ([md(deadline_text(r.claim))] if deadline else [])
        for r in rows]) + [""]


def _claim_section(r: ScorecardRow) -> list[str]:
    out = [f"### Claim {md(claim_ref(r))}: {md(promise(r.claim))}", "", f"> {md(r.claim.quote)}", "",
           f"said by {md(r.claim.speaker or 'an unknown speaker')} in {md(location(r))}"]
    out += [f"- {md(item)}" for item in section_items(r)]
    return out + [""]


def render_markdown(card: Scorecard) -> str:
    out = [f"# {md(title(card))}", "", md(subtitle(card)), "",
           f"**Credibility:** {md(card.credibility.summary)}", "", md(credibility_details(card.credibility)), ""]
    if outlier_text(card):
        out += [f"**Outliers:** {md(outlier_text(card))}", ""]
    counts = verdict_counts(card)
    if counts:
        out += _table(["Verdict", "Claims"], [[md(v), str(n)] for v, n in counts]) + [""]
    if card.speakers:
        out += ["## Credibility per speaker", ""]
        out += _table(["Speaker", "Credibility", "Scored", "Claims", "Mean surprise"], [
            [md(speaker_text(name)), md(cred.summary), str(cred.n_scored), str(cred.n_claims),
             md(mean_surprise_text(cred))] for name, cred in card.speakers]) + [""]
    if not card.rows:
        out += ["No claims.", ""]
    if card.dated_rows:
        out += ["## Claims", "", "The claim id is what `fls override` and `fls claim edit` take; * set by a user.", ""]
        out += _claims_table(card.dated_rows, deadline=True)
    if card.undated_rows:
        out += ["## Claims with no deadline", ""]
        out += _claims_table(card.undated_rows, deadline=False)
    if card.unused_actuals:
        out += ["## Reported figures no claim used", ""]
        out += [f"- {md(unused_text(u))}" for u in card.unused_actuals] + [""]
    for r in (*card.dated_rows, *card.undated_rows):
        out += _claim_section(r)
    return "\n".join(out)
