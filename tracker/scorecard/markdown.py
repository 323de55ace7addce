"""Scorecard as Markdown: readable raw in a terminal, safe when rendered (text is escaped, no raw HTML)."""
from __future__ import annotations

import re

from tracker.scorecard.model import (Scorecard, actual_text, credibility_details, deadline_text, location,
                                     mean_surprise_text, override_text, promise, revision_lines, speaker_text,
                                     subtitle, title, verdict_counts)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: object) -> str:
    """One line of inert Markdown: markup characters (and "<" so no HTML gets through) backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def render_markdown(card: Scorecard) -> str:
    out = [f"# {md(title(card))}", "", md(subtitle(card)), "",
           f"**Credibility:** {md(card.credibility.summary)}", "", md(credibility_details(card.credibility)), ""]
    counts = verdict_counts(card)
    if counts:
        out += _table(["Verdict", "Claims"], [[md(v), str(n)] for v, n in counts]) + [""]
    if card.speakers:
        out += ["## Credibility per speaker", ""]
        out += _table(["Speaker", "Credibility", "Scored", "Claims", "Mean surprise"], [
            [md(speaker_text(name)), md(cred.summary), str(cred.n_scored), str(cred.n_claims),
             md(mean_surprise_text(cred))] for name, cred in card.speakers]) + [""]
    if not card.rows:
        return "\n".join(out + ["No claims.", ""])

    out += ["## Claims", ""]
    out += _table(["#", "Promise", "Actual", "Verdict", "Explanation", "Speaker", "Deadline"], [
        [str(i), md(promise(r.claim)), md(actual_text(r.result)), md(r.verdict + ("*" if r.override else "")),
         md(r.shown.explanation), md(r.claim.speaker or "—"), md(deadline_text(r.claim))]
        for i, r in enumerate(card.rows, 1)])
    out.append("")
    for i, r in enumerate(card.rows, 1):
        out += [f"### {i}. {md(promise(r.claim))}", "", f"> {md(r.claim.quote)}", "",
                f"said by {md(r.claim.speaker or 'an unknown speaker')} in {md(location(r))}"]
        if r.override:
            out.append(f"- override: {md(override_text(r))}")
        if r.latest is not None:
            out.append(f"- against the latest revision: {md(r.latest.verdict)}: {md(r.latest.explanation)}")
        out += [f"- revision: {md(line)}" for line in revision_lines(r)]
        out += [f"- note: {md(note)}" for note in r.notes]
        out.append("")
    return "\n".join(out)
