"""Credibility over time: the hit rate (with its 95% Wilson interval) and the mean surprise of the claims made
on each call, for the company and for each speaker, and the same drawn as an inline SVG chart.

A company whose February call promised "revenue of $80-90M" and "gross margin of 40-42%" and kept one of the
two has a 50% point on 2025-02-20 with a wide band (n=2); when its March call kept all three of its promises
the next point is 100%, and the bands say how little three claims prove. Claims are dated by the call they
were said on; the verdict counted is the one the scorecard shows (overrides and dismissals applied).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from tracker.scorecard.model import Scorecard
from tracker.scoring.credibility import Credibility, credibility
from tracker.scoring.verdicts import VerdictResult


@dataclass(frozen=True)
class CallPoint:
    on: date | None                  # the call date (None: claims of an undated document)
    credibility: Credibility


@dataclass(frozen=True)
class Series:
    speaker: str | None              # None: every speaker (the company); "" for unattributed claims
    points: tuple[CallPoint, ...]    # oldest call first, undated last

    @property
    def name(self) -> str:
        return "every speaker" if self.speaker is None else (self.speaker or "unattributed")


def _points(results: dict[date | None, list[VerdictResult]]) -> tuple[CallPoint, ...]:
    order = sorted(results, key=lambda on: (on is None, on or date.min))
    return tuple(CallPoint(on, credibility((None, r) for r in results[on])) for on in order)  # type: ignore[misc]


def over_time(said: Iterable[tuple[date | None, str | None, VerdictResult]]) -> tuple[Series, ...]:
    """(call date, speaker, result) of each claim -> the company's series, then each speaker's (most claims
    first, then by name, unattributed claims last among equals)."""
    company: dict[date | None, list[VerdictResult]] = defaultdict(list)
    speakers: dict[str, dict[date | None, list[VerdictResult]]] = defaultdict(lambda: defaultdict(list))
    sizes: dict[str, int] = defaultdict(int)
    for on, speaker, result in said:
        company[on].append(result)
        speakers[speaker or ""][on].append(result)
        sizes[speaker or ""] += 1
    if not company:
        return ()
    order = sorted(speakers, key=lambda name: (-sizes[name], name == "", name.lower(), name))
    return (Series(None, _points(company)), *(Series(name, _points(speakers[name])) for name in order))


def scorecard_over_time(card: Scorecard) -> tuple[Series, ...]:
    return over_time((row.call_date, row.claim.speaker, row.shown) for row in card.rows)


def surprise_text(cred: Credibility) -> str:
    pct = cred.mean_signed_surprise_pct
    return "" if pct is None else f"{pct:+.1f}%"


# --- SVG -----------------------------------------------------------------------------------------------

PLOT_H, TOP, LEFT, STEP, BOTTOM = 100, 14, 42, 64, 46


def over_time_svg(series: Series) -> str:
    """One series as an inline SVG: per call a shaded Wilson band, a dot at the hit rate, the call date, the
    number scored and the mean surprise below; calls without a scored claim show only their date and "n=0"."""
    points = series.points
    width = LEFT + STEP * max(len(points), 1) + 10
    height = TOP + PLOT_H + BOTTOM

    def y(rate: float) -> float:
        return round(TOP + (1 - rate) * PLOT_H, 1)

    label = f"hit rate per call, {series.name}"
    parts = [f'<svg role="img" aria-label="{escape(label, quote=True)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for rate in (0.0, 0.5, 1.0):
        parts.append(f'<line x1="{LEFT}" x2="{width - 10}" y1="{y(rate)}" y2="{y(rate)}" '
                     f'stroke="currentColor" stroke-opacity=".2"/><text x="0" y="{y(rate) + 4}">{rate:.0%}</text>')
    line = []
    for i, p in enumerate(points):
        x = LEFT + STEP * i + STEP // 2
        c = p.credibility
        if c.hit_rate is not None and c.wilson_low is not None and c.wilson_high is not None:
            top, bottom = y(c.wilson_high), y(c.wilson_low)
            parts.append(f'<rect class="band" x="{x - 9}" y="{top}" width="18" height="{round(bottom - top, 1)}" '
                         f'fill="currentColor" fill-opacity=".18" rx="2"/>'
                         f'<circle class="rate" cx="{x}" cy="{y(c.hit_rate)}" r="4" fill="currentColor">'
                         f'<title>{escape(str(p.on or "undated"))}: {escape(c.summary)}</title></circle>')
            line.append(f"{x},{y(c.hit_rate)}")
        day = p.on.strftime("%Y-%m-%d") if p.on else "undated"
        parts.append(f'<text x="{x}" y="{TOP + PLOT_H + 14}" text-anchor="middle" font-size="10">{day}</text>'
                     f'<text x="{x}" y="{TOP + PLOT_H + 27}" text-anchor="middle" font-size="10">n={c.n_scored}'
                     f'</text><text x="{x}" y="{TOP + PLOT_H + 40}" text-anchor="middle" font-size="10">'
                     f'{escape(surprise_text(c))}</text>')
    if len(line) > 1:
        parts.insert(4, f'<polyline points="{" ".join(line)}" fill="none" stroke="currentColor" '
                        f'stroke-opacity=".5"/>')
    parts.append("</svg>")
    return "".join(parts)


def over_time_html(card: Scorecard) -> list[str]:
    """The scorecard's "Credibility over time" section: the company's chart, then each speaker's with a
    scored claim."""
    series = scorecard_over_time(card)
    if not series:
        return []
    out = ["<h2>Credibility over time</h2>",
           '<p class="muted">hit rate per call with its 95% Wilson interval; below each call: claims scored and '
           "the mean surprise</p>", over_time_svg(series[0])]
    for s in series[1:]:
        if any(p.credibility.n_scored for p in s.points):
            out += [f"<h3>{escape(s.name)}</h3>", over_time_svg(s)]
    return out
