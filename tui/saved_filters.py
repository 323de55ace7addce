"""Saved claims-list filters: named ClaimFilters in one JSON file in the user's fls configuration folder.

An analyst who reviews "margin guidance of every company due in the last 30 days" each quarter saves that
filter once as "margins due" and applies it again with two keys. The folder is FLS_CONFIG_DIR, else
$XDG_CONFIG_HOME/fls, else ~/.config/fls; the file is `filters.json`, {"margins due": {"search": "margin",
"due_days": -30, ...}}, written whole through a temporary file so a crash never leaves half of it. A file that
is not such an object is an error naming the file (it is never overwritten silently).
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import asdict, fields
from pathlib import Path

from tracker.errors import InputError
from tui.claim_table import ClaimFilter

FILE_NAME = "filters.json"
TEXT_FIELDS = ("search", "verdict", "metric", "period", "speaker", "ticker")


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("FLS_CONFIG_DIR"):
        return Path(env["FLS_CONFIG_DIR"]).expanduser()
    base = Path(env["XDG_CONFIG_HOME"]).expanduser() if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "fls"


def _filter(path: Path, name: str, raw: object) -> ClaimFilter:
    if not isinstance(raw, dict):
        raise InputError(f"{path}: saved filter {name!r} is not an object")
    known = {f.name for f in fields(ClaimFilter)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InputError(f"{path}: saved filter {name!r} has unknown fields: {', '.join(unknown)}")
    for key in TEXT_FIELDS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise InputError(f"{path}: saved filter {name!r}: {key} must be text")
    due = raw.get("due_days")
    if due is not None and (isinstance(due, bool) or not isinstance(due, int)):
        raise InputError(f"{path}: saved filter {name!r}: due_days must be a whole number")
    return ClaimFilter(**{**raw, "search": raw.get("search") or ""})


def load_filters(folder: Path) -> dict[str, ClaimFilter]:
    """The saved filters by name, in the order saved; none when the file does not exist yet."""
    path = folder / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON ({exc.msg}, line {exc.lineno}): fix or remove it") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path} should hold an object of named filters: fix or remove it")
    return {str(name): _filter(path, name, raw) for name, raw in data.items()}


def _write(folder: Path, filters: dict[str, ClaimFilter]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {name: {k: v for k, v in asdict(f).items() if v not in (None, "")} for name, f in filters.items()}
    tmp = folder / f".{FILE_NAME}.tmp"
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, folder / FILE_NAME)


def save_filter(folder: Path, name: str, f: ClaimFilter) -> None:
    """Save (or replace) the filter called `name`."""
    name = " ".join(name.split())
    if not name:
        raise InputError("give the filter a name")
    filters = load_filters(folder)
    filters[name] = f
    _write(folder, filters)


def delete_filter(folder: Path, name: str) -> None:
    filters = load_filters(folder)
    if filters.pop(name, None) is not None:
        _write(folder, filters)


def describe(f: ClaimFilter) -> str:
    """"search 'margin', metric gross margin, due in the last 30 days"."""
    parts = [f"search {f.search!r}"] if f.search else []
    parts += [f"{key} {getattr(f, key)}" for key in TEXT_FIELDS[1:] if getattr(f, key)]
    if f.due_days is not None:
        parts.append(f"due in the last {-f.due_days} days" if f.due_days < 0 else f"due in the next {f.due_days} days")
    return ", ".join(parts) or "every claim"
