"""Plain-text tables for the terminal: fixed-width columns, long cells cut with an ellipsis."""
from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Sequence


def short(text: object, width: int) -> str:
    text = " ".join(str(text if text is not None else "").split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def render_table(head: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]) -> str:
    """Columns of the given widths; the last column takes what is left (0 = no limit)."""
    def line(cells: Sequence[object]) -> str:
        parts = [short(c, w).ljust(w) if w else " ".join(str(c).split()) for c, w in zip(cells, widths)]
        return "  ".join(parts).rstrip()

    out = [line(head), "-" * min(terminal_width(), len(line(head)) + 10)]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


def render_csv(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV safe to open in a spreadsheet: every cell goes through the scorecard's one neutralisation rule, so a
    quote that begins with "=", "+", "-" or "@" is text, not a formula."""
    from tracker.scorecard.csv_out import neutralise

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head)
    writer.writerows([neutralise("" if c is None else str(c)) for c in r] for r in rows)
    return buf.getvalue()


def render_json(records: Sequence[dict]) -> str:
    return json.dumps(list(records), indent=2, default=str, ensure_ascii=False) + "\n"
