"""The Monitor sheet: the one printable A4 page for the college.

Left: the Statustabel (an Excel Table of live COUNTIFS formulas with cached values), the chart
that reads it, Aandachtspunten and Communicatiemomenten. Right: Lopende, Geplande and
Gerealiseerde acties. This module writes the title and the table and knows which sections the
page shows; monitor_fit.py lays the lists out (row heights are shared by both halves, so the
right half first, then the chart spans as many rows as its height needs), cuts what doesn't fit
and works out the print scale, and monitor_lists.py writes the lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cells import column_letter, quote_sheet
from ..html_chart import chart_text
from ..model import Monitor, PeriodCounts
from ..words.i18n import Words
from ..words.terms import GEPLAND, LOPEND, ONBEKEND
from . import charts, sparklines
from .actions_sheet import ActionsLayout
from .context import SheetContext, Worksheet
from .formulas import count_formula
from .monitor_fit import (
    CHART_FONT_PT,
    LIST_COLUMNS,
    MARGINS,
    Fit,
    FitRequest,
    change_width,
    fit_page,
)
from .monitor_lists import (
    CHARS_PER_WIDTH,
    HEADING_PT,
    LINE_PT,
    Block,
    ListWriter,
    Page,
    action_sections,
    side_sections,
    wrap_item,
)
from .print_setup import header_and_footer, whole_number_axis
from .styles import ALL_STATUSES

TABLE_NAME = "Statustabel"

MARGIN_WIDTH = 1.5
SPACER_WIDTH = 2.0
TITLE_PT = 28.0  # the 20 pt title
TABLE_HEADER_PT = 26.0  # two lines of 9 pt

PERIOD_WIDTH = 24.0
TICK = {True: "☑", False: "☐"}
WIDTHS = {
    "total": 7.0,
    "status": 8.0,
    "headline": 12.0,
    "share": 7.5,
    "complete": 6.5,
    "trend": sparklines.WIDTH,
}


@dataclass(frozen=True)
class TableColumns:
    """0-based columns of the Statustabel on the Monitor sheet."""

    period: int
    total: int
    statuses: dict[str, int]
    headline: int
    share: int
    complete: int
    trend: int | None = None  # Verloop, the sparklines (when there is an earlier monitor)

    @property
    def last(self) -> int:
        return self.complete if self.trend is None else self.trend


def table_columns(monitor: Monitor) -> TableColumns:
    first = 1  # column A is the margin
    statuses = {status: first + 2 + i for i, status in enumerate(monitor.statuses)}
    headline = first + 2 + len(statuses)
    trend = headline + 3 if monitor.shows_trend else None
    return TableColumns(first, first + 1, statuses, headline, headline + 1, headline + 2, trend)


@dataclass(frozen=True, kw_only=True)
class PageSettings:
    """What the page shows besides the monitor: the logo, how many items a list shows, the
    signals (text, internal link) to list under the focus points, and the summary for the
    college at the top ("" for none)."""

    logo: Path | None = None
    max_items: int = 8
    signals: tuple[tuple[str, str], ...] = ()
    summary: str = ""


def write_monitor_sheet(
    sheet: SheetContext, layout: ActionsLayout, settings: PageSettings | None = None
) -> None:
    """``layout``: where the Acties sheet's formulas count."""
    MonitorPage(sheet, layout).write(settings or PageSettings())


class MonitorPage:
    """The page being laid out: the sheet, the Acties layout its formulas count in, the
    Statustabel's columns and the row heights both halves share."""

    def __init__(self, sheet: SheetContext, layout: ActionsLayout) -> None:
        self.sheet = sheet
        self.worksheet = sheet.worksheet
        self.monitor = sheet.monitor
        self.words = sheet.words
        self.styles = sheet.styles
        self.layout = layout
        self.cols = table_columns(sheet.monitor)
        self.page = Page()
        self.change_width = 0.0  # the change column's, when there is one

    def write(self, settings: PageSettings) -> None:
        worksheet, monitor = self.worksheet, self.monitor
        cols = self.cols
        worksheet.set_default_row(LINE_PT)  # every printed row's height is set, as laid out
        left_width = self._set_table_widths()
        left_last = cols.last
        if monitor.previous is not None:
            left_last += 1
            self.change_width = change_width(
                MARGIN_WIDTH + left_width + SPACER_WIDTH, left_last + 1
            )
            left_width += self.change_width
            worksheet.set_column(left_last, left_last, self.change_width)
        right_first = left_last + 2
        worksheet.set_column(left_last + 1, left_last + 1, SPACER_WIDTH)
        worksheet.set_column(0, 0, MARGIN_WIDTH)

        self._write_title(settings.summary)
        table_top = 3
        table_end = self._write_status_table(table_top)
        if monitor.previous is not None:
            # the change column and "Gerealiseerde acties (t.o.v. ...)" name the same day
            assert monitor.since == monitor.previous.as_of
            self._write_changes(left_last, table_top + 1)

        fit = fit_page(
            FitRequest(
                page=self.page,
                left_width=left_width,
                fixed_width=MARGIN_WIDTH + left_width + SPACER_WIDTH,
                fixed_columns=right_first,
                right_top=table_top,
                chart_row=table_end + 1,
                right=action_sections(monitor, self.words),
                left=side_sections(monitor, self.words, settings.signals),
                max_items=settings.max_items,
                words=self.words,
            )
        )
        right_last = right_first + LIST_COLUMNS - 1
        worksheet.set_column(right_first, right_last, fit.list_width)
        lists = ListWriter(self.sheet)
        lists.write(Block(right_first, right_last), fit.layout.right)
        lists.write(Block(cols.period, left_last), fit.layout.left)
        for row in range(fit.layout.last_row + 1):  # every row's height set: as laid out
            worksheet.set_row(row, fit.layout.page.height(row))
        self._insert_chart(table_top, fit, left_width)
        if settings.logo is not None:
            logo_text = _logo_text(self.monitor, self.words)
            _insert_logo(worksheet, settings.logo, (right_last, fit.list_width), logo_text)
        self._print_setup(fit.layout.last_row, right_last, fit.scale)

    def _set_table_widths(self) -> float:
        worksheet, cols = self.worksheet, self.cols
        worksheet.set_column(cols.period, cols.period, PERIOD_WIDTH)
        widths = [PERIOD_WIDTH]
        for col, width in (
            (cols.total, WIDTHS["total"]),
            (cols.headline, WIDTHS["headline"]),
            (cols.share, WIDTHS["share"]),
            (cols.complete, WIDTHS["complete"]),
            *((c, WIDTHS["status"]) for c in cols.statuses.values()),
            *(((cols.trend, WIDTHS["trend"]),) if cols.trend is not None else ()),
        ):
            worksheet.set_column(col, col, width)
            widths.append(width)
        return sum(widths)

    # --- Title -------------------------------------------------------------------------------

    def _write_title(self, summary: str) -> None:
        worksheet, monitor, words, styles = self.worksheet, self.monitor, self.words, self.styles
        col = self.cols.period
        worksheet.write_string(0, col, words["title"], styles["title"])
        self.page.need(0, TITLE_PT)
        parts = [monitor.organisation] if monitor.organisation else []
        if monitor.scope is not None:
            department = monitor.scope or words["group.none.department"]
            parts.append(words["scope"].format(department=department))
        if monitor.year is not None:
            parts.append(words["scope.year"].format(year=monitor.year))
        parts.append(f"{words['as_of']}: {words.date(monitor.as_of)}")
        worksheet.write_string(1, col, "  ·  ".join(parts), styles["subtitle"])
        if summary:  # the sentences for the college, in the empty row above the table
            worksheet.write_string(2, col, summary, styles["summary"])

    # --- Status table ------------------------------------------------------------------------

    def _write_status_table(self, top: int) -> int:
        """Heading, the Statustabel and its note; returns the first free row below."""
        worksheet, monitor, words, styles = self.worksheet, self.monitor, self.words, self.styles
        cols, page = self.cols, self.page
        last = cols.last + (1 if monitor.previous is not None else 0)  # the change column
        worksheet.merge_range(top, cols.period, top, last, "", styles["heading"])
        worksheet.write_string(top, cols.period, words["table.title"], styles["heading"])
        page.need(top, HEADING_PT)
        header_row = top + 1
        page.need(header_row, TABLE_HEADER_PT)
        periods = monitor.periods or (PeriodCounts("", False, dict.fromkeys(ALL_STATUSES, 0)),)
        first = header_row + 1
        for offset, counts in enumerate(periods):
            page.need(first + offset, 17)
            self._write_period_row(first + offset, counts)
        total_row = first + len(periods)
        worksheet.add_table(
            header_row,
            cols.period,
            total_row,
            cols.last,
            {
                "name": TABLE_NAME,
                "style": "Table Style Light 1",
                "total_row": True,
                "autofilter": False,
                "columns": self._table_columns(periods, first, total_row),
            },
        )
        note_row = total_row + 1
        worksheet.write_string(note_row, cols.period, words["table.note"], styles["page_note"])
        page.need(note_row, LINE_PT)
        if cols.trend is not None:
            for note in sparklines.write_trend_column(self.sheet, cols.trend, first):
                note_row += 1
                worksheet.write_string(note_row, cols.period, note, styles["page_note"])
                page.need(note_row, LINE_PT)
        if monitor.since is not None and monitor.previous is None:
            # --since a day without a snapshot: one comparison on the page, so none of the counts
            note_row += 1
            text = words["change.no_snapshot"].format(since=words.date(monitor.since))
            worksheet.write_string(note_row, cols.period, text, styles["page_note"])
            page.need(note_row, LINE_PT)
        return note_row + 1

    def _table_columns(
        self, periods: tuple[PeriodCounts, ...], first: int, total_row: int
    ) -> list[dict[str, Any]]:
        """The Table's column definitions, total row included: sums of the counts over the
        period rows. The kerncijfer and its share stay empty there: a period's kerncijfer is
        voltooid, a continuous period's lopend, and their sum would be neither."""
        words, styles, cols = self.words, self.styles, self.cols

        def summed(header: str, col: int, value: float) -> dict[str, Any]:
            letter = column_letter(col)
            return {
                "header": header,
                "header_format": styles["table_head"],
                "total_function": f"=SUBTOTAL(109,{letter}{first + 1}:{letter}{total_row})",
                "total_value": value,
                "format": styles["total_count"],
            }

        total = sum(p.total for p in periods)
        spec: dict[int, dict[str, Any]] = {
            cols.period: {
                "header": words["col.period"],
                "total_string": words["row.total"],
                "header_format": styles["table_head_left"],
            },
            cols.total: summed(words["col.total"], cols.total, total),
            cols.headline: {"header": words["col.headline"], "header_format": styles["table_head"]},
            cols.complete: {"header": words["col.complete"], "header_format": styles["table_head"]},
        }
        for status, col in cols.statuses.items():
            spec[col] = summed(
                words.status(status).capitalize(), col, sum(p.by_status[status] for p in periods)
            )
        spec[cols.share] = {"header": words["col.share"], "header_format": styles["table_head"]}
        if cols.trend is not None:
            spec[cols.trend] = {"header": words["col.trend"], "header_format": styles["table_head"]}
        return [spec[col] for col in range(cols.period, cols.last + 1)]

    def _write_period_row(self, row: int, counts: PeriodCounts) -> None:
        worksheet, words, styles, cols = self.worksheet, self.words, self.styles, self.cols
        layout = self.layout
        label = words.period(counts.period)
        worksheet.write_string(row, cols.period, label, styles["period"])
        period_cell = f"${column_letter(cols.period)}${row + 1}"
        worksheet.write_formula(
            row,
            cols.total,
            count_formula(layout, "period", label, None, period_cell),
            styles["count"],
            counts.total,
        )
        for status, col in cols.statuses.items():
            formula = count_formula(layout, "period", label, words.status(status), period_cell)
            worksheet.write_formula(row, col, formula, styles["count"], counts.by_status[status])

        def ref(col: int) -> str:
            return f"{column_letter(col)}{row + 1}"

        headline_col = cols.statuses[counts.headline_status]
        worksheet.write_formula(
            row,
            cols.headline,
            f"={ref(headline_col)}",
            styles.headline(words.status(counts.headline_status)),
            counts.headline,
        )
        worksheet.write_formula(
            row,
            cols.share,
            f"=IF({ref(cols.total)}=0,0,{ref(cols.headline)}/{ref(cols.total)})",
            styles["share"],
            counts.share,
        )
        open_statuses = [GEPLAND, ONBEKEND] + ([] if counts.continuous else [LOPEND])
        open_sum = "+".join(ref(cols.statuses[s]) for s in open_statuses if s in cols.statuses)
        worksheet.write_formula(
            row,
            cols.complete,
            f'=IF(AND({ref(cols.total)}>0,{open_sum}=0),"{TICK[True]}","{TICK[False]}")',
            styles["tick"],
            TICK[counts.complete],
        )

    def _write_changes(self, col: int, header_row: int) -> None:
        """Beside the table: per period what changed since the previous monitor, e.g.
        "+4 voltooid, -4 gepland"."""
        monitor, words, styles = self.monitor, self.words, self.styles
        assert monitor.previous is not None
        since = words.date(monitor.previous.as_of)
        self.worksheet.write_string(
            header_row, col, words["change.header"].format(since=since), styles["table_head"]
        )
        rows = list(monitor.periods)
        totals = {s: sum(self._change(p)[s] for p in rows) for s in monitor.statuses}
        for offset, counts in enumerate(rows):
            self._write_change(header_row + 1 + offset, col, self._change(counts), styles["change"])
        self._write_change(header_row + 1 + max(len(rows), 1), col, totals, styles["total_change"])

    def _change(self, counts: PeriodCounts) -> dict[str, int]:
        change = self.monitor.change(counts)
        assert change is not None, "the changes are written beside a previous monitor's"
        return change

    def _write_change(self, row: int, col: int, change: dict[str, int], fmt: Any) -> None:
        words = self.words
        parts = [
            f"{change[s]:+d} {words.status(s)}" for s in self.monitor.statuses if change.get(s)
        ]
        text = ", ".join(parts) if parts else words["change.none"]
        self.worksheet.write_string(row, col, text, fmt)
        lines = len(wrap_item(text, int(self.change_width * CHARS_PER_WIDTH), max_lines=4))
        if lines > 1:  # the cell wraps: the row takes its lines
            self.page.need(row, lines * LINE_PT + 4)

    # --- Chart -------------------------------------------------------------------------------

    def _insert_chart(self, top: int, fit: Fit, width_chars: float) -> None:
        worksheet, monitor, words, styles = self.worksheet, self.monitor, self.words, self.styles
        cols = self.cols
        chart = self.sheet.workbook.add_chart({"type": "column"})
        sheet = quote_sheet(worksheet.name)
        first = top + 2
        last = first + max(len(monitor.periods), 1) - 1
        period = column_letter(cols.period)
        for status, col in cols.statuses.items():
            letter = column_letter(col)
            colour = styles.status_colour(status)
            chart.add_series(
                {
                    "name": f"={sheet}!${letter}${top + 2}",
                    "categories": f"={sheet}!${period}${first + 1}:${period}${last + 1}",
                    "values": f"={sheet}!${letter}${first + 1}:${letter}${last + 1}",
                    **charts.bar_series(colour, inside=False, size=CHART_FONT_PT),
                    "gap": 80,
                }
            )
        chart.set_title({"name": words["chart.title"], "name_font": {"size": 11, "bold": True}})
        chart.set_legend({"position": "bottom", "font": {"size": CHART_FONT_PT}})
        chart.set_x_axis({"num_font": {"size": CHART_FONT_PT}})
        largest = max((max(p.by_status.values(), default=0) for p in monitor.periods), default=0)
        chart.set_y_axis(
            {
                "num_font": {"size": CHART_FONT_PT},
                "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
                **whole_number_axis(largest),
            }
        )
        chart.set_chartarea({"border": {"none": True}})
        chart.set_size({"width": int(width_chars * 7 + 5), "height": fit.chart_px})
        charts.declare_language(chart, words.lang)
        cell = (fit.layout.chart_row, cols.period)
        charts.insert(worksheet, cell, chart, chart_text(monitor, words).description)

    # --- Print -------------------------------------------------------------------------------

    def _print_setup(self, last_row: int, last_col: int, scale: int) -> None:
        """At the scale monitor_fit.py worked out, not fitted to the page (which would shrink
        its text below 8 pt)."""
        worksheet, monitor, words = self.worksheet, self.monitor, self.words
        worksheet.set_landscape()
        worksheet.set_paper(9)  # A4
        worksheet.set_margins(**MARGINS)
        worksheet.center_horizontally()
        worksheet.print_area(0, 0, last_row, last_col)
        worksheet.set_print_scale(scale)
        worksheet.hide_gridlines(2)
        header_and_footer(worksheet, monitor, words, words["title"])
        worksheet.set_zoom(90)


def _logo_text(monitor: Monitor, words: Words) -> str:
    """The logo's alternative text names the organisation."""
    if not monitor.organisation:
        return words["alt.logo.anonymous"]
    return words["alt.logo"].format(organisation=monitor.organisation)


def _insert_logo(
    worksheet: Worksheet, logo: Path, column: tuple[int, float], description: str
) -> None:
    """The logo at the top right, in ``column`` (its index and width)."""
    col, width = column
    from xlsxwriter.image import Image

    image = Image(str(logo))
    scale = min(1.0, 48 / image.height) if image.height else 1.0
    worksheet.insert_image(
        0,
        col,
        str(logo),
        {
            "x_scale": scale,
            "y_scale": scale,
            "object_position": 3,
            "x_offset": max(0, int(width * 7 - image.width * scale)),
            "description": description,
        },
    )
