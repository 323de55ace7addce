"""Names a person types for a claim (`fls claim edit --metric "gross margin" --unit percent`), read with the
same vocabularies the extractor uses, so a corrected claim is matched to actuals exactly like an extracted one.
"""
from __future__ import annotations

from tracker.errors import InputError
from tracker.extraction.metric_reading import snake
from tracker.vocab.phrase_regex import norm
from tracker.units import tables
from tracker.vocab.finders import metric_finder, metric_spec


def metric_name(text: str) -> tuple[str, bool]:
    """(canonical metric, known to the lexicon). A key ("gross_margin") or a phrase the lexicon knows ("Gross
    Margin", "top line") is that metric; anything else is its snake_case words ("cloud bookings" ->
    "cloud_bookings", not known), as the extractor names a metric it does not know."""
    words = " ".join((text or "").split())
    if not words:
        raise InputError("metric is empty")
    key = snake(words.split())
    if metric_spec(key):
        return key, True
    found = metric_finder().find(words)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(words):
        return found[0].name, True
    if not key:
        raise InputError(f"bad metric {text!r}: use words, e.g. revenue or gross margin")
    return key, False


def unit_name(text: str) -> str:
    """The canonical unit of what a person typed: "usd" or "dollars" -> "USD", "percent" -> "%", "eh/s" ->
    "EH/s", "stores" -> "stores". A unit no vocabulary knows is kept as typed ("plants"): it is compared only
    with figures in that same unit."""
    typed = " ".join((text or "").split())
    if not typed:
        raise InputError("unit is empty (e.g. USD, %, EH/s, units)")
    t = tables()
    if typed in t.families:
        return typed
    folded = {unit.casefold(): unit for unit in t.families}
    if typed.casefold() in folded:
        return folded[typed.casefold()]
    for table in (t.symbols, t.words, t.nouns):
        word = table.get(typed) or table.get(norm(typed))
        if word is not None and word.factor == 1.0:
            return word.unit
    return typed
