"""What review mode's detail pane says about the claim under the cursor: the promise, the actual with its
source, the verdict with its explanation, the quote in its transcript context, revisions and notes."""
from __future__ import annotations

from typing import Any

from rich.text import Text

from tui.screens.claim_detail import (
    DetailData,
    actuals_text,
    header_text,
    notes_text,
    quotes_text,
    revisions_text,
    verdicts_text,
)

SECTIONS = (("Actual", actuals_text), ("Verdict", verdicts_text), ("Quote in context", None),
            ("Revisions", revisions_text), ("Notes", notes_text))


def detail_text(data: DetailData, item: Any, dark: bool = True) -> Text:
    """`item` is a db.review.ReviewItem: whether the claim was reviewed (and changed since) heads the pane."""
    d = data.detail
    text = Text()
    if item.reviewed:
        seen = f" (saw {item.seen or 'unscored'}" + (f" as of {item.seen_as_of})" if item.seen_as_of else ")")
        text.append("✔ reviewed" + seen + (" · verdict changed since" if item.changed else "") + "\n",
                    style="bold")
    else:
        text.append("not reviewed yet (m marks it)\n", style="dim")
    text.append_text(header_text(d, dark))
    for title, render in SECTIONS:
        text.append("\n\n")
        text.append(title, style="bold underline")
        text.append("\n")
        section = quotes_text(d, data.transcript) if render is None else render(d, dark)
        section.rstrip()
        text.append_text(section)
    return text
