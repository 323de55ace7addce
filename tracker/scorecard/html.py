"""Scorecard as one self-contained HTML file: inline CSS, an inline SVG bar chart, no scripts, no external
assets (the verdict bars and the credibility-over-time charts are inline SVG). Every value from the data
passes through html.escape."""
from __future__ import annotations

from html import escape

from tracker.scorecard.model import (Scorecard, ScorecardRow, actual_with_source, claim_ref, credibility_details,
                                     deadline_text, location, marks_text, mean_surprise_text, outlier_text,
                                     promise, section_items, speaker_text, subtitle, title, unused_text,
                                     verdict_counts)
from tracker.scorecard.over_time import over_time_html

_CSS = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1d232b; --muted: #5b6573; --line: #d8dde4;
  --panel: #f4f6f8; --beat: #1a7f37; --met: #2f81f7; --missed: #cf222e; --late: #bc4c00;
  --withdrawn: #8250df; --pending: #6e7781; --awaiting: #9a6700; --unverifiable: #8c959f; --dismissed: #57606a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9aa4b1; --line: #30363d; --panel: #161b22;
    --beat: #3fb950; --met: #58a6ff; --missed: #f85149; --late: #f0883e; --withdrawn: #bc8cff;
    --pending: #8b949e; --awaiting: #d29922; --unverifiable: #6e7681; --dismissed: #8b949e; }
}
body { background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { margin-bottom: .2rem; } .muted { color: var(--muted); }
.summary { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
.verdict { font-weight: 600; white-space: nowrap; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; }
blockquote { border-left: 3px solid var(--line); margin: .4rem 0; padding: .2rem .8rem; color: var(--fg); }
section.claim { border-top: 1px solid var(--line); padding: .5rem 0; }
"""
_VERDICT_CSS = "".join(f".v-{v} {{ color: var(--{v}); fill: var(--{v}); }}\n" for v in (
    "beat", "met", "missed", "late", "withdrawn", "pending", "awaiting", "unverifiable", "dismissed"))


def e(value: object) -> str:
    return escape(str(value), quote=True)


def _css_class(verdict: str) -> str:
    """A class name from a verdict; anything unexpected gets a neutral class rather than arbitrary text."""
    return f"v-{verdict}" if verdict.isalpha() and verdict.islower() else "v-other"


def chart(counts: list[tuple[str, int]]) -> str:
    """Horizontal bars, one per verdict, as inline SVG."""
    if not counts:
        return ""
    bar_h, gap, label_w, bar_w = 18, 6, 110, 320
    top = max(n for _, n in counts)
    height = len(counts) * (bar_h + gap) + gap
    parts = [f'<svg role="img" aria-label="claims by verdict" width="{label_w + bar_w + 50}" height="{height}" '
             f'viewBox="0 0 {label_w + bar_w + 50} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (verdict, n) in enumerate(counts):
        y = gap + i * (bar_h + gap)
        w = max(2, round(bar_w * n / top))
        parts.append(f'<text x="0" y="{y + 13}">{e(verdict)}</text>'
                     f'<rect class="{_css_class(verdict)}" x="{label_w}" y="{y}" width="{w}" height="{bar_h}" rx="2"/>'
                     f'<text x="{label_w + w + 6}" y="{y + 13}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(card: Scorecard) -> str:
    counts = verdict_counts(card)
    cred = card.credibility
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{e(title(card))}</title>", f"<style>{_CSS}{_VERDICT_CSS}</style>", "</head>", "<body>",
           f"<h1>{e(title(card))}</h1>", f'<p class="muted">{e(subtitle(card))}</p>',
           f'<div class="summary"><strong>Credibility:</strong> {e(cred.summary)}<br>'
           f'<span class="muted">{e(credibility_details(cred))}</span></div>']
    if counts:
        out += ["<h2>Verdicts</h2>", chart(counts)]
    if card.speakers:
        out += ["<h2>Credibility per speaker</h2>", "<table>",
                "<thead><tr><th>Speaker</th><th>Credibility</th><th>Scored</th><th>Claims</th>"
                "<th>Mean surprise</th></tr></thead>", "<tbody>"]
        out += [f"<tr><td>{e(speaker_text(name))}</td><td>{e(cred.summary)}</td><td>{cred.n_scored}</td>"
                f"<td>{cred.n_claims}</td><td>{e(mean_surprise_text(cred))}</td></tr>"
                for name, cred in card.speakers]
        out += ["</tbody>", "</table>"]
    if outlier_text(card):
        out.append(f'<p><strong>Outliers:</strong> {e(outlier_text(card))}</p>')
    out += over_time_html(card)
    if not card.rows:
        out += ["<p>No claims.</p>"]
    if card.dated_rows:
        out += ["<h2>Claims</h2>",
                '<p class="muted">The claim id is what <code>fls override</code> and <code>fls claim edit</code> '
                'take; * set by a user.</p>']
        out += _claims_table(card.dated_rows, deadline=True)
    if card.undated_rows:
        out += ["<h2>Claims with no deadline</h2>"]
        out += _claims_table(card.undated_rows, deadline=False)
    if card.unused_actuals:
        out += ["<h2>Reported figures no claim used</h2>", "<ul>"]
        out += [f"<li>{e(unused_text(u))}</li>" for u in card.unused_actuals]
        out.append("</ul>")
    for r in (*card.dated_rows, *card.undated_rows):
        out += _claim_section(r)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _claims_table(rows: tuple[ScorecardRow, ...], *, deadline: bool) -> list[str]:
    out = ["<table>", "<thead><tr><th>Claim</th><th>Promise</th><th>Actual (source, reported)</th><th>Verdict</th>"
           "<th>Marks</th><th>Explanation</th><th>Speaker</th>" + ("<th>Deadline</th>" if deadline else "")
           + "</tr></thead>", "<tbody>"]
    for r in rows:
        ref = claim_ref(r)
        mark = "*" if r.override else ""
        out.append(f'<tr><td><a href="#claim-{e(ref)}">{e(ref)}</a></td><td>{e(promise(r.claim))}</td>'
                   f"<td>{e(actual_with_source(r.result))}</td>"
                   f'<td class="verdict {_css_class(r.verdict)}">{e(r.verdict)}{mark}</td>'
                   f"<td>{e(marks_text(r))}</td><td>{e(r.shown.explanation)}</td>"
                   f"<td>{e(r.claim.speaker or '—')}</td>"
                   + (f"<td>{e(deadline_text(r.claim))}</td>" if deadline else "") + "</tr>")
    return out + ["</tbody>", "</table>"]


def _claim_section(r: ScorecardRow) -> list[str]:
    items = [e(item) for item in section_items(r)]
    ref = claim_ref(r)
    out = [f'<section class="claim" id="claim-{e(ref)}">', f"<h3>Claim {e(ref)}: {e(promise(r.claim))}</h3>",
           f"<blockquote>{e(r.claim.quote)}</blockquote>",
           f'<p class="muted">said by {e(r.claim.speaker or "an unknown speaker")} in {e(location(r))}</p>']
    if items:
        out.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
    return out + ["</section>"]
