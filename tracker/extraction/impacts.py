"""Figures that are the effect of something on a metric, not the metric's level.

"Moving the robotics team to Leeds will impact our Europe margin by about 40 basis points in 2026" promises no
margin of 0.4%: it promises that the margin is 0.4 points lower than it would have been. Such a figure is an
*impact*: its metric is the one named between the verb and "by" ("margin"), its sign is the verb's (an
unqualified "impact", "hurt", "weigh on" are adverse: -0.4; "lift", "help", "benefit" are favourable), and its
measure is "impact" so that it is never scored against the metric's reported level.

The same holds for an effect named by a noun after the figure ("a 10 cent tailwind to EPS", "a $30 million benefit
to operating income" are favourable; "a $300 million headwind to", "a $50 million impact on free cash flow" are
adverse) and for "add": "the new line is expected to add $200 million to revenue" is +$200 million of revenue.

The words are patterns of `tracker/data/patterns.toml` (`impact_before`, `adverse_before`, `adverse_after`,
`favourable_after`, `add_before`, `add_to_after`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.model import Quantity
from tracker.vocab.patterns import pattern

if TYPE_CHECKING:
    from tracker.extraction.sentence_facts import Figure

_REACH = 90     # characters before a figure in which its verb of effect may stand


def impact_on(text: str, q: Quantity) -> bool:
    """"... should lift gross margin by 40 basis points", "a 10 cent tailwind to EPS", "expected to add $200
    million to revenue": the figure is the size of an effect."""
    before, after = text[max(0, q.start - _REACH):q.start], text[q.end:q.end + _REACH]
    return bool(pattern("impact_before").search(before) or pattern("favourable_after").match(after)
                or pattern("add_before").search(before) and pattern("add_to_after").match(after))


def is_effect(text: str, q: Quantity) -> bool:
    """`impact_on`, or an adverse effect named after the figure ("a $300 million headwind to operating income"):
    the metric is the one the effect is on, never the noun the figure is bound to ("headwind")."""
    return impact_on(text, q) or bool(pattern("adverse_after").match(text[q.end:q.end + _REACH]))


def without_scope_words(fig: Figure) -> Figure:
    """An unnamed metric read from "our Europe margin" is "margin" about "europe": the scope's words at the front of
    the noun phrase belong to the scope, not to the metric's name."""
    if fig.metric is None or fig.scope is None:
        return fig
    prefix = "_".join(fig.scope.replace("-", " ").split()) + "_"
    if fig.metric.startswith(prefix) and len(fig.metric) > len(prefix):
        return replace(fig, metric=fig.metric[len(prefix):])
    return fig
