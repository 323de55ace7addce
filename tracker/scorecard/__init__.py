"""Scorecards: the scored claims of one company as data, rendered as Markdown, CSV, JSON or HTML."""
from tracker.errors import InputError
from tracker.scorecard.csv_out import render_csv
from tracker.scorecard.html import render_html
from tracker.scorecard.json_out import render_json
from tracker.scorecard.markdown import render_markdown
from tracker.scorecard.model import Scorecard, ScorecardRow, verdict_counts

RENDERERS = {"md": render_markdown, "markdown": render_markdown, "csv": render_csv, "json": render_json,
             "html": render_html}
FORMATS = ("md", "csv", "json", "html")


def render(card: Scorecard, fmt: str) -> str:
    """The scorecard in `fmt`: md, csv, json or html."""
    renderer = RENDERERS.get(fmt.strip().lower())
    if renderer is None:
        raise InputError(f"unknown scorecard format {fmt!r}: use one of {', '.join(FORMATS)}")
    return renderer(card)


__all__ = ["FORMATS", "Scorecard", "ScorecardRow", "render", "verdict_counts"]
