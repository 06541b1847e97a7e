"""The Historie sheet's Excel Table ``Verloop``: per period of the monitor its headline in each
monitor of the trend, oldest first, the cells the Statustabel's sparklines draw (sparklines.py).

Each cell is a live SUMIFS over the ``Historie`` Table (the headline status's column, on the
monitor's peildatum, the period as that monitor spelled it), so a user sees where a point
comes from and a sort of the Historie Table changes nothing; the cached value is the count the
monitor recorded. A monitor without the period leaves its cell empty: a gap in the line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..cells import column_letter, quote_sheet
from ..model import PeriodTrend, Snapshot
from ..trend import spellings
from .context import SheetContext
from .formulas import exact_criterion, text_literal

TABLE_NAME = "Verloop"
PERIOD_WIDTH = 24.0
POINT_WIDTH = 11.0
#: Excel's longest text within a formula; a longer period label is joined from pieces
TEXT_LIMIT = 255
PIECE = 120  # characters of a label per literal: at most 242 with every quote doubled


@dataclass(frozen=True)
class TrendPlace:
    """Where the table Verloop is: its sheet, the heading row, the Periode column and how many
    monitors (one column each, after the headline status) it has."""

    sheet: str
    top: int
    col: int
    monitors: int

    def row(self, index: int) -> int:
        """The 0-based row of the ``index``-th period."""
        return self.top + 2 + index

    def points(self, index: int) -> str:
        """The ``index``-th period's points, as a sparkline's range."""
        row = self.row(index) + 1
        first, last = column_letter(self.col + 2), column_letter(self.col + 1 + self.monitors)
        return f"{quote_sheet(self.sheet)}!${first}${row}:${last}${row}"


def write_trend_table(sheet: SheetContext, place: TrendPlace, detail: dict[str, str]) -> None:
    """The heading, then the Table; ``detail``: the Historie Table's column ranges."""
    worksheet, monitor, words, styles = sheet.worksheet, sheet.monitor, sheet.words, sheet.styles
    snapshots = monitor.history
    worksheet.write_string(place.top, place.col, words["trend.title"], styles["label"])
    worksheet.set_column(place.col, place.col, PERIOD_WIDTH)
    worksheet.set_column(place.col + 2, place.col + 1 + place.monitors, POINT_WIDTH)
    for index, trend in enumerate(monitor.trend):
        row = place.row(index)
        worksheet.write_string(row, place.col, words.period(trend.period))
        worksheet.write_string(row, place.col + 1, words.status(trend.status))
        for offset, (snap, point) in enumerate(zip(snapshots, trend.points, strict=True)):
            if point.headline is None:
                continue  # not a period of that monitor: no point
            worksheet.write_formula(
                row,
                place.col + 2 + offset,
                point_formula(snap, trend, detail, words.period),
                styles["count"],
                point.headline,
            )
    headers = [
        words["col.period"],
        words["col.headline"],
        *(words.date(s.as_of) for s in snapshots),
    ]
    worksheet.add_table(
        place.top + 1,
        place.col,
        place.row(max(len(monitor.trend), 1) - 1),
        place.col + len(headers) - 1,
        {
            "name": TABLE_NAME,
            "style": "Table Style Light 1",
            "autofilter": False,
            "columns": [{"header": h} for h in headers],
        },
    )


def point_formula(
    snap: Snapshot, trend: PeriodTrend, detail: dict[str, str], shown: Callable[[str], str]
) -> str:
    """The headline of ``trend``'s period in ``snap``: a SUMIFS per spelling the snapshot has
    of it (case apart, as SUMIFS ignores case). ``shown`` gives a period label as the Historie
    Table writes it."""
    day = f"DATE({snap.as_of.year},{snap.as_of.month},{snap.as_of.day})"
    labels = {shown(p.period).casefold(): shown(p.period) for p in spellings(snap, trend.period)}
    terms = []
    for label in labels.values():
        criterion = exact_criterion(label)
        if len(criterion) <= TEXT_LIMIT:
            terms.append(
                f"SUMIFS({detail[trend.status]},{detail['as_of']},{day},"
                f"{detail['period']},{criterion})"
            )
        else:  # SUMIFS can't match a text this long: compare it whole, joined from pieces
            pieces = range(0, len(label), PIECE)
            text = "&".join(text_literal(label[i : i + PIECE]) for i in pieces)
            terms.append(
                f"SUMPRODUCT(({detail['as_of']}={day})*({detail['period']}={text})"
                f"*{detail[trend.status]})"
            )
    return "=" + "+".join(terms)


__all__ = ["TABLE_NAME", "TrendPlace", "point_formula", "write_trend_table"]
