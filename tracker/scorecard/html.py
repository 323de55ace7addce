"""Scorecard as one self-contained HTML file: inline CSS, an inline SVG bar chart, no scripts, no external
assets (the verdict bars and the credibility-over-time charts are inline SVG). Every value from the data
passes through html.escape."""
from __future__ import annotations

from html import escape

from tracker.scorecard.model import (Scorecard, actual_text, credibility_details, deadline_text, location,
                                     mean_surprise_text, override_text, promise, revision_lines, speaker_text,
                                     subtitle, title, verdict_counts)
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
    out += over_time_html(card)
    if not card.rows:
        out += ["<p>No claims.</p>", "</body>", "</html>", ""]
        return "\n".join(out)

    out += ["<h2>Claims</h2>", "<table>",
            "<thead><tr><th>#</th><th>Promise</th><th>Actual</th><th>Verdict</th><th>Explanation</th>"
            "<th>Speaker</th><th>Deadline</th></tr></thead>", "<tbody>"]
    for i, r in enumerate(card.rows, 1):
        mark = "*" if r.override else ""
        out.append(f'<tr><td><a href="#claim-{i}">{i}</a></td><td>{e(promise(r.claim))}</td>'
                   f"<td>{e(actual_text(r.result))}</td>"
                   f'<td class="verdict {_css_class(r.verdict)}">{e(r.verdict)}{mark}</td>'
                   f"<td>{e(r.shown.explanation)}</td><td>{e(r.claim.speaker or '—')}</td>"
                   f"<td>{e(deadline_text(r.claim))}</td></tr>")
    out += ["</tbody>", "</table>"]
    for i, r in enumerate(card.rows, 1):
        items = []
        if r.override:
            items.append(f"override: {e(override_text(r))}")
        if r.latest is not None:
            items.append(f"against the latest revision: {e(r.latest.verdict)}: {e(r.latest.explanation)}")
        items += [f"revision: {e(line)}" for line in revision_lines(r)]
        items += [f"note: {e(note)}" for note in r.notes]
        out += [f'<section class="claim" id="claim-{i}">', f"<h3>{i}. {e(promise(r.claim))}</h3>",
                f"<blockquote>{e(r.claim.quote)}</blockquote>",
                f'<p class="muted">said by {e(r.claim.speaker or "an unknown speaker")} in {e(location(r))}</p>']
        if items:
            out.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
