"""Columns that follow the terminal's width, shared by FillTable and VirtualTable.

One column may be the *flex* column (the quote), which takes whatever the others leave; when the terminal is too
narrow for every column at its natural width, the others give up width down to their minimum, in the screen's
`shrink_order`, so the flex column always keeps a fair share. A screen declares its columns once, as a tuple
of `FittedColumn`, and hands them to `set_columns`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MIN_FLEX = 12          # the flex column never gets narrower than this...
FLEX_SHARE = 0.25      # ...nor than this share of the width, while other columns can still shrink


@dataclass(frozen=True)
class FittedColumn:
    key: str
    label: str
    width: int                  # natural width (ignored for the flex column, whose width is computed)
    minimum: int | None = None  # what it may shrink to on a narrow terminal (None: its natural width)


def fit_widths(natural: dict[str, int], minimum: dict[str, int], available: int,
               order: list[str] | None = None) -> dict[str, int]:
    """Widths for the fixed columns within `available` cells (what is left goes to the flex column). When they
    do not fit, columns give up width down to their minimum one after another in `order` (the least useful
    first; default: the last added first), so a verdict keeps its word while a hedge shrinks to "exp"."""
    out = dict(natural)
    excess = sum(natural.values()) - available
    for key in [k for k in order or reversed(natural) if k in out]:
        if excess <= 0:
            break
        give = min(excess, out[key] - minimum.get(key, out[key]))
        out[key] -= give
        excess -= give
    return out


class FittedColumns:
    """The bookkeeping of fitted columns; the table class says how a column is added (`_append_column`) and
    how the widths are applied (`fit_flex`)."""

    flex: str | None
    flex_share: float

    def _init_fitting(self, flex: str | None, flex_share: float) -> None:
        self.flex, self.flex_share = flex, flex_share
        self.natural: dict[str, int] = {}        # fitted columns other than the flex one: natural width
        self.minimum: dict[str, int] = {}
        self.shrink_order: list[str] | None = None   # which fixed columns give up width first

    def _append_column(self, label: str, key: str, width: int) -> None:
        raise NotImplementedError

    def fit_flex(self) -> None:
        raise NotImplementedError

    def add_fitted_column(self, label: str, key: str, width: int, minimum: int | None = None) -> None:
        """A column of `width` cells that may shrink to `minimum` on a narrow terminal (the flex column's
        width is computed)."""
        self._append_column(label, key, max(width, 1))
        if key != self.flex:
            self.natural[key] = width
            self.minimum[key] = width if minimum is None else minimum

    def set_columns(self, columns: Iterable[FittedColumn], shrink_order: Iterable[str] | None = None) -> None:
        """Add every column in order, say which give up width first, and fit them to the current width."""
        for column in columns:
            self.add_fitted_column(column.label, column.key, column.width, column.minimum)
        if shrink_order is not None:
            self.shrink_order = list(shrink_order)
        self.fit_flex()
