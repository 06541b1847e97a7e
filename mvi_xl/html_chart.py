"""The status chart of the web page as inline SVG, and the colour arithmetic that keeps it
legible: WCAG 2.1 contrast ratios, and status colours darkened until their bars stand out
3:1 against white (a house colour from ``[colours]`` is kept when it does already).

The SVG is an image to assistive technology (``role="img"``): its ``<title>`` is the chart's
title and its ``<desc>`` says every number the bars show, so nothing is told by colour alone.
The same description becomes the PDF's ``/Alt`` of the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from .model import Monitor, PeriodCounts
from .words.i18n import Words

#: WCAG 2.1: non-text contrast (bars) and text contrast (labels).
BAR_CONTRAST = 3.0
TEXT_CONTRAST = 4.5
WHITE = "#FFFFFF"
TEXT = "#1A1A1A"
GRID = "#D0D0D0"

WIDTH = 560
HEIGHT = 300
LEFT = 44
RIGHT = 8
TOP = 28
BOTTOM = 78
LABEL_CHARS = 22


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of #RRGGBB (WCAG 2.1)."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darkened(colour: str, against: str = WHITE, ratio: float = BAR_CONTRAST) -> str:
    """``colour``, or the first shade of it towards black that has ``ratio`` against
    ``against``."""
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    for step in range(0, 101):
        keep = 1 - step / 100
        shade = f"#{round(red * keep):02X}{round(green * keep):02X}{round(blue * keep):02X}"
        if contrast(shade, against) >= ratio:
            return shade
    return "#000000"  # pragma: no cover - black has 21:1 against white


@dataclass(frozen=True)
class ChartText:
    """What the chart says in words: its title and the description with its numbers."""

    title: str
    description: str


def chart_text(monitor: Monitor, words: Words) -> ChartText:
    """ "Staafdiagram: per periode het aantal acties per status. P: 54 voltooid; 0 lopend; …"."""
    parts = [words["page.chart.kind"]]
    for counts in monitor.periods:
        numbers = "; ".join(
            words["page.chart.count"].format(count=counts.by_status[s], status=words.status(s))
            for s in monitor.statuses
        )
        parts.append(
            words["page.chart.period"].format(period=words.period(counts.period), counts=numbers)
        )
    if not monitor.periods:
        parts.append(words["page.no_periods"])
    return ChartText(words["chart.title"], " ".join(f"{p.rstrip('.')}." for p in parts))


def axis_step(highest: int) -> int:
    """Whole-number gridline steps, about five of them."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if highest / step <= 6:
            return step
    return int(10 ** len(str(highest)))


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` within ``limit`` characters: cut at a space where it can be, then "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rindex(" ")]
    return cut.rstrip() + "…"


def label_lines(text: str, limit: int = LABEL_CHARS, most: int = 2) -> list[str]:
    """A period's label under its bars, wrapped at spaces into at most ``most`` lines of
    ``limit`` characters ("Aan de slag in" / "2018-2020"); only what still doesn't fit is
    shortened with "…"."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return [_short(one, limit) for one in lines]


def chart_svg(monitor: Monitor, words: Words, colour: Callable[[str], str]) -> str:
    """The clustered column chart of the Statustabel: per period a bar per status, the value
    above each bar, a legend below. ``colour`` gives a status its bar colour."""
    text = chart_text(monitor, words)
    periods: Sequence[PeriodCounts] = monitor.periods
    highest = max((c.by_status[s] for c in periods for s in monitor.statuses), default=0)
    step = axis_step(max(highest, 1))
    top_value = step * max(1, -(-max(highest, 1) // step))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(text.title)}</title>',
        f'<desc id="chart-desc">{escape(text.description)}</desc>',
        f'<text x="{WIDTH / 2:.0f}" y="16" text-anchor="middle" class="chart-heading">'
        f"{escape(text.title)}</text>",
    ]
    for tick in range(0, top_value + 1, step):
        y = TOP + plot_h - plot_h * tick / top_value
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 3.5:.1f}" text-anchor="end">{tick}</text>'
        )
    group_w = plot_w / max(len(periods), 1)
    bar_w = min(28.0, group_w * 0.8 / max(len(monitor.statuses), 1))
    for index, counts in enumerate(periods):
        left = LEFT + group_w * index + (group_w - bar_w * len(monitor.statuses)) / 2
        for number, status in enumerate(monitor.statuses):
            value = counts.by_status[status]
            height = plot_h * value / top_value
            x, y = left + bar_w * number, TOP + plot_h - height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 1:.1f}" height="{height:.1f}" '
                f'fill="{colour(status)}"/>'
            )
            if value:
                parts.append(
                    f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'class="value">{value}</text>'
                )
        x = LEFT + group_w * (index + 0.5)
        lines = "".join(
            f'<tspan x="{x:.1f}" dy="{12 * (number > 0)}">{escape(line)}</tspan>'
            for number, line in enumerate(label_lines(words.period(counts.period)))
        )
        parts.append(f'<text y="{TOP + plot_h + 14}" text-anchor="middle">{lines}</text>')
    parts.append(_legend(monitor, words, colour))
    parts.append("</svg>")
    return "".join(parts)


def _legend(monitor: Monitor, words: Words, colour: Callable[[str], str]) -> str:
    y = HEIGHT - 22
    width = WIDTH / max(len(monitor.statuses), 1)
    items = []
    for number, status in enumerate(monitor.statuses):
        x = width * number + width / 2 - 36
        items.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="12" height="12" fill="{colour(status)}"/>'
            f'<text x="{x + 17:.1f}" y="{y + 1}">{escape(words.status(status))}</text>'
        )
    return "".join(items)


__all__ = ["ChartText", "axis_step", "chart_svg", "chart_text", "contrast", "darkened"]
