"""The web page's column Verloop: per period a small inline SVG line of its headline in each
monitor of the trend, as the Statustabel's sparkline draws it (a marker per monitor, the last
one, this monitor, marked larger and dark, the axis from zero, a gap where a monitor had no
such period). To assistive technology each line is an image whose name says every point
("Verloop (voltooid): 01-03-2018: 2; 01-06-2018: 3."); a period in fewer than two monitors
gets a dash, which the note under the table explains.
"""

from __future__ import annotations

from html import escape

from .html_chart import TEXT
from .model import PeriodTrend
from .words.i18n import Words

DASH = "–"
WIDTH = 72
HEIGHT = 20
PAD = 3.0


def trend_cell(trend: PeriodTrend, words: Words, colour: str) -> str:
    """The cell's markup: the line, or a dash."""
    if not trend.drawn:
        return DASH
    points = "; ".join(
        words["page.trend.point"].format(date=words.date(p.as_of), count=p.headline)
        for p in trend.counted
    )
    label = words["page.trend.alt"].format(status=words.status(trend.status), points=points)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-label="{escape(label)}">{_drawing(trend, colour)}</svg>'
    )


def _drawing(trend: PeriodTrend, colour: str) -> str:
    highest = max((p.headline or 0 for p in trend.points), default=0) or 1
    step = (WIDTH - 2 * PAD) / max(len(trend.points) - 1, 1)

    def at(index: int, value: int) -> tuple[float, float]:
        return PAD + step * index, HEIGHT - PAD - (HEIGHT - 2 * PAD) * value / highest

    runs: list[list[tuple[float, float]]] = [[]]
    for index, point in enumerate(trend.points):
        if point.headline is None:
            runs.append([])  # a monitor without the period: a gap
        else:
            runs[-1].append(at(index, point.headline))
    parts = [
        f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in run)}" fill="none" '
        f'stroke="{colour}" stroke-width="1.5"/>'
        for run in runs
        if len(run) > 1
    ]
    counted = [xy for run in runs for xy in run]
    for x, y in counted[:-1]:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="1.8" fill="{colour}"/>')
    x, y = counted[-1]
    parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{TEXT}"/>')
    return "".join(parts)


__all__ = ["DASH", "trend_cell"]
