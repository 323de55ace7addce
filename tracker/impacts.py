"""Figures that are the effect of something on a metric, not the metric's level.

"The move of the robotics team will impact our Europe margin by around 50 basis points this year" promises no
margin of 0.5%: it promises that the margin is half a point lower than it would have been. Such a figure is an
*impact*: its metric is the one named between the verb and "by" ("margin"), its sign is the verb's (an
unqualified "impact", "hurt", "weigh on" are adverse: -0.5; "lift", "help", "benefit" are favourable), and its
measure is "impact" so that it is never scored against the metric's reported level.

The words are patterns of `tracker/data/patterns.toml` (`impact_before`, `adverse_before`, `adverse_after`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tracker.model import Quantity
from tracker.patterns import pattern

if TYPE_CHECKING:
    from tracker.sentence_facts import Figure

_REACH = 90     # characters before a figure in which its verb of effect may stand


def impact_on(text: str, q: Quantity) -> bool:
    """"... should lift gross margin by 40 basis points": the figure is the size of an effect."""
    return bool(pattern("impact_before").search(text[max(0, q.start - _REACH):q.start]))


def without_scope_words(fig: Figure) -> Figure:
    """An unnamed metric read from "our Europe margin" is "margin" about "europe": the scope's words at the front of
    the noun phrase belong to the scope, not to the metric's name."""
    if fig.metric is None or fig.scope is None:
        return fig
    prefix = "_".join(fig.scope.replace("-", " ").split()) + "_"
    if fig.metric.startswith(prefix) and len(fig.metric) > len(prefix):
        return replace(fig, metric=fig.metric[len(prefix):])
    return fig
