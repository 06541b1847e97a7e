"""The Statustabel's column Verloop: per period a native Excel sparkline (a line with a marker
per monitor, the last point, this monitor, marked) over the period's row of the table Verloop
on the Historie sheet (trend_table.py), so the points are cells a user can read. LibreOffice
reads Excel's sparklines since 7.4.

A period that fewer than two monitors counted gets a dash instead, and the note under the
table says why. The total row stays empty: its kerncijfer is empty too (voltooid and lopend
don't add up). Without an earlier monitor there is no column at all (``Monitor.shows_trend``).
"""

from __future__ import annotations

from ..html_chart import TEXT, darkened
from .context import SheetContext
from .history_sheet import trend_place

DASH = "–"
WIDTH = 10.0


def write_trend_column(sheet: SheetContext, col: int, first_row: int) -> tuple[str, ...]:
    """A sparkline or a dash in each period row from ``first_row``; returns the notes the table
    needs for them."""
    worksheet, monitor, words, styles = sheet.worksheet, sheet.monitor, sheet.words, sheet.styles
    place = trend_place(monitor, words["sheet.history"])
    assert place is not None, "the column Verloop is written only with a trend"
    notes = [words["trend.note"].format(sheet=words["sheet.history"])]
    for index, trend in enumerate(monitor.trend):
        row = first_row + index
        if not trend.drawn:
            worksheet.write_string(row, col, DASH, styles["count"])
            continue
        colour = darkened(styles.status_colour(trend.status))
        worksheet.add_sparkline(
            row,
            col,
            {
                "range": place.points(index),
                "type": "line",
                "markers": True,
                "last_point": True,
                "series_color": colour,
                "markers_color": colour,
                "last_color": TEXT,
                "min": 0,  # from zero, so a small step looks small
                "weight": 1.5,
            },
        )
    if not all(t.drawn for t in monitor.trend):
        notes.append(words["trend.too_few"].format(dash=DASH))
    return tuple(notes)


__all__ = ["DASH", "WIDTH", "write_trend_column"]
