"""Vocabularies kept as data: TOML files in tracker/data/, loaded once and cached.

A new industry should need a new TOML entry, not new code.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from tracker.errors import LexiconError
from tracker.vocab.regex_cache import remembered


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed `tracker/data/<name>.toml`: from the regex cache when an earlier run parsed the same
    data files (the cache file is named by their hash, tracker.vocab.regex_cache), else read and parsed."""
    return remembered(("toml", name), lambda: _parse(name))


def _parse(name: str) -> dict[str, Any]:
    try:
        raw = resources.files("tracker.data").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"lexicon {name}.toml is missing") from exc
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicon {name}.toml is malformed: {exc}") from exc
