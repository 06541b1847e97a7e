"""The Monitor page as one self-contained, accessible HTML file (``build --html``), rendered
from the computed Monitor as the workbook, the JSON and the terminal summary are.

What it holds is what the Monitor sheet holds, in the same order: the title line, the status
table (a real ``<table>`` with a caption and header cells), the chart (inline SVG with a title
and a description that states its numbers), focus points, communication moments and the three
action lists. No external request: the style sheet is inline, the logo a data URI. Every text
from the register is HTML-escaped and none becomes a link. The print style puts the page on one
A4 landscape sheet: two columns, each list item at most two lines, and the whole scaled down
when the lists are long (``print_zoom``), as the sheet's fit-to-page does.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .config import Config
from .html_chart import TEXT, WHITE, chart_svg, contrast, darkened
from .html_trend import DASH, trend_cell
from .model import Action, Communication, Monitor, PeriodCounts, PeriodTrend
from .summary import summary_text
from .words.i18n import Words
from .words.terms import ONBEKEND, STATUSES

ALL_STATUSES = (*STATUSES, ONBEKEND)

#: Muted text (7:1 against white) and the table's light rows.
MUTED = "#595959"
LIGHT = "#F3F6FA"
#: Print: the A4 landscape page less its margins, in mm, and what the page's parts take.
PRINTABLE_MM = (297.0 - 16.0, 210.0 - 16.0)
LINE_MM = 3.6  # a line of 8 pt text
HEADING_MM = 7.0
CHART_MM = 66.0
TITLE_MM = 16.0
CHAR_MM = 1.3  # a character of 8 pt Carlito (about 1.2 mm), a little more
LEFT_SHARE = 0.53
#: The estimate is a little pessimistic on purpose: where it still misses (a much wider font
#: than Calibri or Carlito), the page goes on to a second sheet rather than being cut off.
SAFETY = 0.94


@dataclass(frozen=True)
class Palette:
    """The page's colours: the headings' fill (white text on it) and a fill per status."""

    accent: str
    text: str
    statuses: dict[str, str]


def palette(config: Config) -> Palette:
    """House and status colours from ``[colours]``, each darkened where it would fall short
    of WCAG 2.1 AA: white heading text 4.5:1 on the accent, text 4.5:1 and bars 3:1 on white."""
    accent = darkened(config.house_colour("accent"), ratio=4.5)
    text = config.house_colour("text")
    text = text if contrast(text, WHITE) >= 4.5 else TEXT
    statuses = {s: darkened(config.status_colour(s)) for s in ALL_STATUSES}
    return Palette(accent, text, statuses)


def render_page(
    monitor: Monitor, lang: str, config: Config, generated: dt.date, version: str
) -> str:
    """The whole page as text (UTF-8 when written)."""
    words = Words(lang)
    colours = palette(config)
    title = words["doc.title"].format(as_of=words.date(monitor.as_of))
    lists = Lists(words, config.max_list_items)
    left = [
        _status_table(monitor, words, colours),
        '<figure class="chart-box">'
        + chart_svg(monitor, words, lambda s: colours.statuses[s])
        + "</figure>",
        *_kept_sections(monitor, lists, config.signals_on_page),
    ]
    right = [
        lists.actions("running", words["running"], monitor.on_page(monitor.running)),
        lists.actions("planned", words["planned"], monitor.on_page(monitor.planned)),
        lists.actions(
            "realised",
            words.realised_heading(monitor.year, monitor.since),
            monitor.on_page(monitor.realised),
            missing=None
            if monitor.register.has("completed") or monitor.previous is not None
            else words["realised.no_column"],
        ),
    ]
    zoom = print_zoom(monitor, config.max_list_items)
    made = words["page.made_by"].format(version=version, date=words.date(generated))
    html_lang = words["page.html.lang"]
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_style(colours, zoom)}</style>\n</head>\n"
        '<body>\n<div class="sheet"><div class="page">\n'
        f"{_header(monitor, words, config)}\n"
        f'<main class="columns">\n<div class="left">{"".join(left)}</div>\n'
        f'<div class="right">{"".join(right)}</div>\n</main>\n'
        f'<footer><p class="muted">{escape(made)}</p></footer>\n'
        "</div></div>\n</body>\n</html>\n"
    )


def _header(monitor: Monitor, words: Words, config: Config) -> str:
    parts = [monitor.organisation] if monitor.organisation else []
    if monitor.scope is not None:
        department = monitor.scope or words["group.none.department"]
        parts.append(words["scope"].format(department=department))
    if monitor.year is not None:
        parts.append(words["scope.year"].format(year=monitor.year))
    parts.append(f"{words['as_of']}: {words.date(monitor.as_of)}")
    subtitle = "  ·  ".join(parts)
    logo = _logo(config.logo, monitor.organisation or words["title"])
    summary = ""
    if config.summary:  # the sentences for the college, as at the top of the Monitor sheet
        summary = f'<p class="summary">{escape(summary_text(monitor, words.lang))}</p>'
    return (
        f'<header class="top"><div><h1>{escape(words["title"])}</h1>'
        f'<p class="subtitle">{escape(subtitle)}</p>{summary}</div>{logo}</header>'
    )


def _logo(path: Path | None, alt: str) -> str:
    """The logo as a data URI, its alternative text the organisation's name."""
    if path is None:
        return ""
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    kind = mimetypes.guess_type(path.name)[0] or "image/png"
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img class="logo" src="data:{kind};base64,{encoded}" alt="{escape(alt)}">'


# --- Status table ----------------------------------------------------------------------------


def _status_table(monitor: Monitor, words: Words, colours: Palette) -> str:
    statuses = monitor.statuses
    heads = [
        words["col.total"],
        *(words.status(s).capitalize() for s in statuses),
        words["col.headline"],
        words["col.share"],
        words["col.complete"],
        *((words["col.trend"],) if monitor.shows_trend else ()),
    ]
    if monitor.previous is not None:
        heads.append(words["change.header"].format(since=words.date(monitor.previous.as_of)))
    header = f'<th scope="col">{escape(words["col.period"])}</th>' + "".join(
        f'<th scope="col">{escape(h)}</th>' for h in heads
    )
    periods = monitor.periods or (PeriodCounts("", False, dict.fromkeys(ALL_STATUSES, 0)),)
    trends = {t.period: t for t in monitor.trend} if monitor.shows_trend else {}
    rows = "".join(
        _period_row(monitor, counts, words)
        + _trend(trends.get(counts.period), words, colours)
        + _change_cell(monitor, counts, words)
        + "</tr>"
        for counts in periods
    )
    caption = words["page.table.caption"].format(as_of=words.date(monitor.as_of))
    notes = [words["table.note"]]
    if monitor.since is not None and monitor.previous is None:
        notes.append(words["change.no_snapshot"].format(since=words.date(monitor.since)))
    if trends:
        notes.append(words["page.trend.note"])
        if not all(t.drawn for t in trends.values()):
            notes.append(words["trend.too_few"].format(dash=DASH))
    return (
        f'<section aria-labelledby="h-table"><h2 id="h-table">{escape(words["table.title"])}</h2>'
        # a narrow screen scrolls the table, not the page: a region the keyboard can reach
        '<div class="table-wrap" role="region" aria-labelledby="h-table" tabindex="0">'
        f'<table class="status"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody>"
        f"<tfoot>{_total_row(monitor, periods, words)}</tfoot></table></div>"
        + "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
        + "</section>"
    )


def _period_row(monitor: Monitor, counts: PeriodCounts, words: Words) -> str:
    texts = [str(counts.total), *(str(counts.by_status[s]) for s in monitor.statuses)]
    texts.append(f"{counts.headline} {words.status(counts.headline_status)}")
    texts.append(f"{counts.share:.0%}")
    cells = [escape(t) for t in texts]
    cells.append(_tick(counts, words))  # markup of its own, escaped inside
    label = escape(words.period(counts.period))
    return f'<tr><th scope="row"><span class="clamp">{label}</span></th>' + "".join(
        f"<td>{c}</td>" for c in cells
    )


def _trend(trend: PeriodTrend | None, words: Words, colours: Palette) -> str:
    if trend is None:
        return ""
    return f"<td>{trend_cell(trend, words, colours.statuses[trend.status])}</td>"


def _change_cell(monitor: Monitor, counts: PeriodCounts, words: Words) -> str:
    if monitor.previous is None:
        return ""
    return f"<td>{escape(_change_text(monitor, monitor.change(counts) or {}, words))}</td>"


def _tick(counts: PeriodCounts, words: Words) -> str:
    """☑ / ☐ as on the sheet, with the word beside it for those who don't see the box."""
    mark, word = ("☑", words["page.yes"]) if counts.complete else ("☐", words["page.no"])
    return f'<span aria-hidden="true">{mark}</span> <span class="word">{escape(word)}</span>'


def _total_row(monitor: Monitor, periods: Sequence[PeriodCounts], words: Words) -> str:
    totals = {s: sum(p.by_status[s] for p in periods) for s in monitor.statuses}
    total = sum(p.total for p in periods)
    # kerncijfer and share stay empty, as on the sheet: voltooid and lopend don't add up
    cells = [str(total), *(str(totals[s]) for s in monitor.statuses), "", "", ""]
    if monitor.shows_trend:
        cells.append("")  # no trend of the total, as there is no kerncijfer of it
    if monitor.previous is not None:
        change = {
            s: sum((monitor.change(p) or {}).get(s, 0) for p in monitor.periods)
            for s in monitor.statuses
        }
        cells.append(_change_text(monitor, change, words))
    return (
        f'<tr><th scope="row">{escape(words["row.total"])}</th>'
        + "".join(f"<td>{escape(c)}</td>" for c in cells)
        + "</tr>"
    )


def _change_text(monitor: Monitor, change: dict[str, int], words: Words) -> str:
    parts = [f"{change[s]:+d} {words.status(s)}" for s in monitor.statuses if change.get(s)]
    return ", ".join(parts) if parts else words["change.none"]


# --- Lists -----------------------------------------------------------------------------------


class Lists:
    """Headed lists: at most ``max_items`` items, then the line that says how many more, in
    the sheet's words ("… en nog 22 acties", "… en nog 2 aandachtspunten in het register").
    (The sheet cuts its lists further when its printed page has no room for them; this page
    scales instead.)"""

    def __init__(self, words: Words, max_items: int) -> None:
        self.words = words
        self.max_items = max_items

    def actions(
        self,
        key: str,
        heading: str,
        actions: Sequence[Action],
        missing: str | None = None,
    ) -> str:
        """An action list; the realised one is numbered, as on the sheet."""
        texts = [_action_text(a, self.words) for a in actions]
        body = (
            f'<p class="muted">{escape(missing)}</p>'
            if missing is not None
            else self.items(texts, ordered=key == "realised", more="year.more")
        )
        return _section(key, heading, body)

    def items(self, texts: Sequence[str], ordered: bool = False, more: str = "") -> str:
        """``texts`` as a list; ``more``: the words of the line for those left out."""
        if not texts:
            return f'<p class="muted">{escape(self.words["none"])}</p>'
        shown = texts[: self.max_items]
        tag = "ol" if ordered else "ul"
        items = "".join(f'<li><span class="clamp">{escape(t)}</span></li>' for t in shown)
        rest = ""
        if len(texts) > len(shown):
            label = self.words.plural(more or "page.more.items", len(texts) - len(shown))
            rest = f'<p class="muted">{escape(label)}</p>'
        return f'<{tag} class="items">{items}</{tag}>{rest}'


def _action_text(action: Action, words: Words) -> str:
    return action.text or f"({words.field('action').lower()} {action.id or action.row})"


def _moment(moment: Communication) -> str:
    if moment.date is None:
        return moment.text
    return f"{moment.text} ({Words.date(moment.date)})"


def _kept_sections(monitor: Monitor, lists: Lists, signals_on_page: bool) -> list[str]:
    """Aandachtspunten and Communicatiemomenten as on the sheet: a section the register doesn't
    keep is left out; the signals only with ``[monitor] signals_on_page``."""
    kept = monitor.register.side_sheets
    sections = []
    if "focus" in kept or (signals_on_page and monitor.signals):
        sections.append(_focus(monitor, lists, signals_on_page))
    if "communication" in kept:
        sections.append(_communications(monitor, lists))
    return sections


def _focus(monitor: Monitor, lists: Lists, signals_on_page: bool) -> str:
    """The coordinator's focus points, then the signals mvi-xl found (all of them, as on the
    sheet, without the sheet's links to the Acties rows)."""
    from .writer.actions_sheet import signal_text

    words = lists.words
    signals = monitor.signals if signals_on_page else ()
    body = ""
    if monitor.focus_points or not signals:
        body = lists.items(list(monitor.focus_points), more="page.more.focus")
    if signals:
        every = Lists(words, len(signals))
        body += f"<h3>{escape(words['signals'])}</h3>" + every.items(
            [signal_text(s, words) for s in signals]
        )
    return _section("focus", words["focus"], body)


def _section(key: str, heading: str, body: str) -> str:
    return (
        f'<section aria-labelledby="h-{key}"><h2 id="h-{key}">{escape(heading)}</h2>'
        f"{body}</section>"
    )


def _communications(monitor: Monitor, lists: Lists) -> str:
    words = lists.words
    body = ""
    for key, moments in (
        ("communication.realised", monitor.communications_realised),
        ("communication.planned", monitor.communications_planned),
    ):
        texts = [_moment(m) for m in moments]
        body += f"<h3>{escape(words[key])}</h3>" + lists.items(texts, more="page.more.moments")
    return _section("communication", words["communication"], body)


# --- Print -----------------------------------------------------------------------------------


def _lines(texts: Sequence[str], chars: int, limit: int) -> int:
    shown = texts[:limit]
    count = sum(min(2, max(1, math.ceil(len(t) / chars))) for t in shown)
    return count + (1 if len(texts) > limit else 0) if texts else 1


def print_zoom(monitor: Monitor, max_items: int) -> float:
    """How much the printed page is scaled so that it fits one A4 landscape sheet: the
    largest zoom at which the estimated height of the taller column, scaled, fits. A page
    scaled down is laid out wider too (its lines hold more characters), so the estimate is
    made at each zoom tried (by bisection)."""
    height = PRINTABLE_MM[1] * SAFETY
    if _needed_mm(monitor, max_items, 1.0) <= height:
        return 1.0
    low, high = 0.05, 1.0
    for _ in range(24):
        middle = (low + high) / 2
        if _needed_mm(monitor, max_items, middle) * middle <= height:
            low = middle
        else:
            high = middle
    return round(low, 3)


def _needed_mm(monitor: Monitor, max_items: int, zoom: float) -> float:
    """The page's height in mm before scaling, laid out at ``zoom`` (each item at most two
    lines)."""
    width = PRINTABLE_MM[0] / zoom
    left_chars = int(width * LEFT_SHARE / CHAR_MM)
    right_chars = int(width * (1 - LEFT_SHARE) / CHAR_MM)
    rows = max(len(monitor.periods), 1)
    # a period's label takes up to three lines (a list item two)
    long_labels = sum(
        (len(p.period) > left_chars * 0.2) + (len(p.period) > left_chars * 0.4)
        for p in monitor.periods
    )
    table = HEADING_MM + 2 * LINE_MM + (rows + long_labels + 1) * 1.5 * LINE_MM + 3 * LINE_MM
    table += 2 * LINE_MM if monitor.shows_trend else 0  # the notes of the column Verloop
    focus = HEADING_MM + LINE_MM * _lines(monitor.focus_points, left_chars, max_items)
    focus += (LINE_MM * (len(monitor.signals) + 1)) if monitor.signals else 0
    moments = [monitor.communications_realised, monitor.communications_planned]
    communication = HEADING_MM + sum(
        LINE_MM * (1.4 + _lines([_moment(m) for m in ms], left_chars, max_items)) for ms in moments
    )
    left = table + CHART_MM + focus + communication
    right = sum(
        HEADING_MM + LINE_MM * _lines([a.text or "x" for a in actions], right_chars, max_items)
        for actions in (monitor.running, monitor.planned, monitor.realised)
    )
    return TITLE_MM + max(left, right)


def _style(colours: Palette, zoom: float) -> str:
    return f"""
:root{{color:{colours.text};background:#FFFFFF}}
body{{margin:0;font-family:Carlito,Calibri,"Liberation Sans",Arial,sans-serif;font-size:1rem;
line-height:1.4}}
.page{{max-width:80rem;margin:0 auto;padding:1rem}}
.top{{display:flex;justify-content:space-between;align-items:flex-start;gap:1rem}}
h1{{font-size:1.6rem;margin:0;color:{colours.accent}}}
.subtitle{{margin:.2rem 0 .4rem}}
.summary{{margin:0 0 .8rem;font-style:italic}}
h2{{font-size:1.05rem;margin:.9rem 0 .3rem;padding:.15rem .4rem;background:{colours.accent};
color:#FFFFFF}}
h3{{font-size:.95rem;margin:.5rem 0 .2rem}}
.columns{{display:grid;grid-template-columns:{LEFT_SHARE:.2f}fr {1 - LEFT_SHARE:.2f}fr;gap:1.5rem}}
@media (max-width:60rem){{.columns{{display:block}}}}
.logo{{max-height:3.5rem;max-width:12rem}}
.table-wrap{{overflow-x:auto}}
.table-wrap:focus{{outline:2px solid {colours.accent};outline-offset:2px}}
table.status{{border-collapse:collapse;width:100%;font-size:.9rem}}
caption{{text-align:left;font-weight:bold;padding:.2rem 0}}
th,td{{border:1px solid #8A8A8A;padding:.15rem .35rem;text-align:center;vertical-align:middle}}
td{{white-space:nowrap}}
thead th{{background:{colours.accent};color:#FFFFFF}}
tbody th{{text-align:left;font-weight:normal;overflow-wrap:anywhere}}
tbody tr:nth-child(even){{background:{LIGHT}}}
tfoot th,tfoot td{{font-weight:bold}}
tfoot th{{text-align:left}}
.note,.muted{{color:{MUTED};font-size:.85rem;margin:.2rem 0}}
.chart-box{{margin:.8rem 0}}
svg.chart{{width:100%;max-width:40rem;height:auto;font-size:11px;fill:{colours.text}}}
svg.chart .chart-heading{{font-size:13px;font-weight:bold}}
svg.spark{{display:block;margin:0 auto}}
ul.items,ol.items{{margin:.1rem 0 .3rem;padding-left:1.3rem}}
.items li{{overflow-wrap:anywhere}}
footer{{margin-top:1rem}}
@page{{size:A4 landscape;margin:8mm}}
@media print{{
body{{font-size:8pt;line-height:1.25}}
.page{{zoom:{zoom};max-width:none;padding:0}}
.columns{{display:grid;gap:5mm}}
h1{{font-size:14pt}}
h2{{font-size:9pt;margin:2mm 0 1mm;print-color-adjust:exact;-webkit-print-color-adjust:exact}}
h3{{font-size:8pt;margin:1mm 0 .5mm}}
thead th,tbody tr:nth-child(even){{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
.table-wrap{{overflow:visible}}
table.status{{font-size:8pt}}
.note,.muted{{font-size:8pt}}
.chart-box{{margin:1mm 0}}
svg.chart{{max-height:{CHART_MM - 4:.0f}mm;width:auto;max-width:100%}}
.clamp{{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}}
th .clamp{{-webkit-line-clamp:3}}
footer{{display:none}}
}}
"""


__all__ = ["Palette", "palette", "print_zoom", "render_page"]
