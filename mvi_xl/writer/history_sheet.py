"""The Historie sheet: every snapshot of this monitor, and a chart of the counts over time.

Excel Tables: ``Historie`` holds the counts per peildatum, period and status as recorded;
``Historietotalen`` sums them per peildatum with live SUMIFS formulas (cached values included),
and the line chart reads those totals, one point per snapshot. Under the chart, ``Verloop``
(trend_table.py) has per period its headline per snapshot: what the Statustabel's sparklines
draw.
"""

from __future__ import annotations

import datetime as dt

from ..cells import column_letter, quote_sheet
from ..model import Monitor, Snapshot
from ..words.terms import ONBEKEND, STATUSES
from . import charts
from .context import SheetContext
from .print_setup import PageSetup, set_up_page, whole_number_axis
from .styles import TABLE_STYLE
from .trend_table import TrendPlace, write_trend_table

DETAIL_TABLE = "Historie"
TOTALS_TABLE = "Historietotalen"
CHART_ROWS = 18
CHART_WIDTH_PX = 620
TOP = 2  # the header row of the Tables


def history_statuses(snapshots: tuple[Snapshot, ...]) -> tuple[str, ...]:
    """The four statuses, plus onbekend when any snapshot counted one."""
    unknown = any(s.status_totals()[ONBEKEND] for s in snapshots)
    return STATUSES + ((ONBEKEND,) if unknown else ())


def trend_place(monitor: Monitor, sheet_name: str) -> TrendPlace | None:
    """Where the table Verloop goes: under the chart, in the totals' columns; None when the
    Statustabel shows no trend."""
    if not monitor.shows_trend:
        return None
    snapshots = monitor.history
    chart_row = TOP + max(len(snapshots), 1) + 3
    totals_first = 3 + len(history_statuses(snapshots)) + 2
    return TrendPlace(sheet_name, chart_row + CHART_ROWS + 1, totals_first, len(snapshots))


def write_history_sheet(sheet: SheetContext) -> None:
    """Left: the detail Table, growing down with every snapshot. Right: the totals Table with
    the chart under it."""
    HistorySheet(sheet).write()


class HistorySheet:
    """The Historie sheet being written: the snapshots and the statuses it shows."""

    def __init__(self, sheet: SheetContext) -> None:
        self.sheet = sheet
        self.worksheet = sheet.worksheet
        self.words = sheet.words
        self.styles = sheet.styles
        self.snapshots = sheet.monitor.history
        self.statuses = history_statuses(self.snapshots)

    def write(self) -> None:
        worksheet, snapshots, statuses = self.worksheet, self.snapshots, self.statuses
        worksheet.write_string(0, 0, self.words["history.title"], self.styles["title"])
        worksheet.set_row(0, 30)
        top = TOP
        detail_last = 3 + len(statuses)
        totals_first = detail_last + 2
        widths = {0: 12, 1: 30, 2: 11, 3: 9, detail_last + 1: 3, totals_first: 12}
        for col in range(detail_last + 1):
            worksheet.set_column(col, col, widths.get(col, 10))
        worksheet.set_column(detail_last + 1, detail_last + 1, 3)
        worksheet.set_column(totals_first, totals_first, 12)
        worksheet.set_column(totals_first + 1, totals_first + len(statuses) + 1, 10)

        detail = self._write_detail(top)
        self._write_totals(top, totals_first, detail)
        chart_row = top + max(len(snapshots), 1) + 3
        self._insert_chart(top, totals_first, chart_row)
        place = trend_place(self.sheet.monitor, worksheet.name)
        if place is not None:
            write_trend_table(self.sheet, place, detail)
        worksheet.freeze_panes(top + 1, 0)
        # the detail on the first pages, the totals and the chart on the next, both at 100%
        # (the two side by side would be scaled to about 70%, the chart's texts under 8 pt)
        worksheet.set_v_pagebreaks([detail_last + 1])
        setup = PageSetup(repeat_row=top, full_size=True)
        set_up_page(worksheet, self.sheet.monitor, self.words, setup)

    def _write_detail(self, top: int) -> dict[str, str]:
        """One row per snapshot and period; returns the absolute range of each column's data."""
        worksheet, words, styles = self.worksheet, self.words, self.styles
        snapshots, statuses = self.snapshots, self.statuses
        headers = [
            words["history.as_of"],
            words["col.period"],
            words["history.continuous"],
            words["col.total"],
            *(words.status(s).capitalize() for s in statuses),
        ]
        row = top
        for snap in snapshots:
            for counts in snap.periods:
                row += 1
                worksheet.write_datetime(row, 0, _datetime(snap.as_of), styles["date"])
                worksheet.write_string(row, 1, words.period(counts.period))
                worksheet.write_string(row, 2, words["yes"] if counts.continuous else words["no"])
                worksheet.write_number(row, 3, counts.total, styles["count"])
                for offset, status in enumerate(statuses):
                    worksheet.write_number(
                        row, 4 + offset, counts.by_status.get(status, 0), styles["count"]
                    )
        last = max(row, top + 1)
        worksheet.add_table(
            top,
            0,
            last,
            len(headers) - 1,
            {
                "name": DETAIL_TABLE,
                "style": TABLE_STYLE,
                "columns": [{"header": h} for h in headers],
            },
        )
        sheet = quote_sheet(worksheet.name)

        def column(col: int) -> str:
            letter = column_letter(col)
            return f"{sheet}!${letter}${top + 2}:${letter}${last + 1}"

        ranges = {"as_of": column(0), "period": column(1), "total": column(3)}
        ranges.update({status: column(4 + i) for i, status in enumerate(statuses)})
        return ranges

    def _write_totals(self, top: int, first_col: int, detail: dict[str, str]) -> None:
        """Per peildatum the sum over its periods: SUMIFS over the detail Table."""
        worksheet, words, styles = self.worksheet, self.words, self.styles
        snapshots, statuses = self.snapshots, self.statuses
        headers = [
            words["history.as_of"],
            *(words.status(s).capitalize() for s in statuses),
            words["col.total"],
        ]
        for index, snap in enumerate(snapshots):
            row = top + 1 + index
            worksheet.write_datetime(row, first_col, _datetime(snap.as_of), styles["date"])
            date_cell = f"${column_letter(first_col)}${row + 1}"
            totals = snap.status_totals()
            values = [(detail[s], totals[s]) for s in statuses] + [(detail["total"], snap.total)]
            for offset, (source, value) in enumerate(values, start=1):
                worksheet.write_formula(
                    row,
                    first_col + offset,
                    f"=SUMIFS({source},{detail['as_of']},{date_cell})",
                    styles["count"],
                    value,
                )
        last = top + max(len(snapshots), 1)
        worksheet.add_table(
            top,
            first_col,
            last,
            first_col + len(headers) - 1,
            {
                "name": TOTALS_TABLE,
                "style": "Table Style Light 1",
                "columns": [{"header": h} for h in headers],
            },
        )

    def _insert_chart(self, top: int, first_col: int, row: int) -> None:
        """A line per status, one point per snapshot, reading the totals Table."""
        worksheet, words, styles = self.worksheet, self.words, self.styles
        snapshots, statuses = self.snapshots, self.statuses
        chart = self.sheet.workbook.add_chart({"type": "line"})
        sheet = quote_sheet(worksheet.name)
        first, last = top + 2, top + 1 + max(len(snapshots), 1)
        dates = column_letter(first_col)
        for offset, status in enumerate(statuses, start=1):
            letter = column_letter(first_col + offset)
            colour = styles.status_colour(status)
            chart.add_series(
                {
                    "name": f"={sheet}!${letter}${top + 1}",
                    "categories": f"={sheet}!${dates}${first}:${dates}${last}",
                    "values": f"={sheet}!${letter}${first}:${letter}${last}",
                    **charts.line_series(colour, status),
                }
            )
        chart.set_title({"name": words["history.chart"], "name_font": {"size": 11, "bold": True}})
        chart.set_x_axis({"date_axis": True, "num_format": "dd-mm-yyyy", "num_font": {"size": 8}})
        chart.set_y_axis(
            {
                **whole_number_axis(max((s.total for s in snapshots), default=0)),
                "num_font": {"size": 8},
                "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
            }
        )
        chart.set_legend({"position": "bottom", "font": {"size": 8}})
        chart.set_size({"width": CHART_WIDTH_PX, "height": CHART_ROWS * 20})
        charts.declare_language(chart, words.lang)
        points = [(words.date(s.as_of), s.status_totals()) for s in snapshots]
        description = charts.alt_text(words, words["alt.history"], points, statuses)
        charts.insert(worksheet, (row, first_col), chart, description)


def _datetime(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
