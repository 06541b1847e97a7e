"""How the Monitor page fits on one A4 landscape page with no text under 8 pt.

The page is not shrunk by "fit to one page", which prints a full page at whatever scale it
takes (its lists once printed at under 6 pt). Instead the page is laid out for a print scale of
TARGET_SCALE percent, with no text smaller than SMALLEST_PT, so that every text prints at
FLOOR_PT or more: the list columns take the width the status table leaves (an extra table
column narrows them), the chart gets CHART_PX of height, and when the lists are too long for the
page they are cut, the longest first, each ending with "… en nog 3 acties, zie Acties"; the
chart shrinks to CHART_MIN_PX before a list keeps fewer than MIN_KEEP items. The rows the page
then needs give the print scale (``print_scale``), at most TARGET_SCALE; only a page whose
fixed parts (a status table of many periods, say) don't fit prints smaller.

Widths are counted as LibreOffice prints them, which is a little wider than Excel
(LIBREOFFICE_WIDTH), and the page's row heights are all set, so what is laid out here is what
prints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..words.i18n import Words
from .monitor_lists import (
    SPACER_PT,
    Items,
    Line,
    Page,
    Section,
    chars_per_line,
    item_lines,
    section_lines,
)

#: No text on the printed page is smaller than this, in points.
FLOOR_PT = 8.0
#: The print scale the page is laid out for, in percent ...
TARGET_SCALE = 90
#: ... and its smallest font, so that SMALLEST_PT * TARGET_SCALE / 100 >= FLOOR_PT.
SMALLEST_PT = 9.0
#: The chart's fonts (axes, legend, labels).
CHART_FONT_PT = SMALLEST_PT
CHART_PX = 210
CHART_MIN_PX = 160
CHART_STEP_PX = 10
#: A list keeps this many items before the chart shrinks, and at least one.
MIN_KEEP = 3
#: The lists' columns, and the bounds of their width (column-width characters each).
LIST_COLUMNS = 4
LIST_WIDTH_MAX = 20.0
LIST_WIDTH_MIN = 8.0
#: The change column beside the table (a monitor compared with a previous one): its width,
#: narrower down to its minimum when the lists would otherwise get narrower than
#: LIST_WIDTH_ROOM; only then do the lists narrow further, down to LIST_WIDTH_MIN.
CHANGE_WIDTH = 17.0
CHANGE_MIN_WIDTH = 12.0
LIST_WIDTH_ROOM = 9.0

#: A4 landscape in points, and the Monitor sheet's margins (inches).
PAPER_PT = (841.89, 595.28)
MARGINS = {"left": 0.25, "right": 0.25, "top": 0.5, "bottom": 0.5}
#: LibreOffice keeps a row's height in its own units (it printed rows of 17 and 28 pt at 17.3 and
#: 27.7 pt): this much of the page's height is left free for that.
ROUNDING_PT = 5.0
PRINTABLE_PT = (
    PAPER_PT[0] - 72 * (MARGINS["left"] + MARGINS["right"]),
    PAPER_PT[1] - 72 * (MARGINS["top"] + MARGINS["bottom"]) - ROUNDING_PT,
)
#: LibreOffice prints a column about 5.7% wider than Excel's pixels say (measured: a column of
#: width 10 is 56.25 pt in Excel and 59.4 pt in LibreOffice's PDF).
LIBREOFFICE_WIDTH = 1.06
PT_PER_PX = 0.75

assert SMALLEST_PT * TARGET_SCALE / 100 >= FLOOR_PT


@dataclass(frozen=True)
class FitRequest:
    """What the fitting needs: the heights of the rows written so far (title and table), the
    width of the left half (the table's columns, in column-width characters), the columns left
    of the lists (their total width and their count, the margin and spacer columns included),
    where the right half and the chart start, the sections of both halves and the most items a
    list may show (``max_list_items``)."""

    page: Page
    left_width: float
    fixed_width: float
    fixed_columns: int
    right_top: int
    chart_row: int
    right: tuple[Section, ...]
    left: tuple[Section, ...]
    max_items: int
    words: Words


@dataclass(frozen=True)
class Layout:
    """The rows of the page: every line of both halves at its row, the rows the chart covers,
    and the page's heights up to ``last_row``."""

    page: Page
    right: list[tuple[int, Line]]
    left: list[tuple[int, Line]]
    chart_row: int
    chart_rows: int
    right_last: int
    left_last: int

    @property
    def last_row(self) -> int:
        return max(self.right_last, self.left_last)

    def height(self, last: int | None = None) -> float:
        """The height of rows 0 to ``last`` (the whole page by default), in points."""
        end = self.last_row if last is None else last
        return sum(self.page.height(row) for row in range(end + 1))


@dataclass(frozen=True)
class Fit:
    """The page as it prints: the width of each list column, the chart's height, the items
    each list keeps, the rows, and the print scale in percent."""

    list_width: float
    chart_px: int
    keeps: dict[str, int]
    layout: Layout
    scale: int

    @property
    def smallest_pt(self) -> float:
        """The smallest text as printed, in points."""
        return SMALLEST_PT * self.scale / 100


def column_px(width: float) -> int:
    """A column's width in pixels, as Excel computes it."""
    return int(width * 7 + 0.5) + 5


def fixed_px(width: float, columns: int) -> int:
    """At most how wide ``columns`` columns of ``width`` characters in all are, in pixels
    (each column rounds to its pixel)."""
    return math.ceil(width * 7 + 5.5 * columns)


def width_budget_px() -> float:
    """The page's width at TARGET_SCALE, in Excel pixels as LibreOffice prints them."""
    return PRINTABLE_PT[0] * 100 / TARGET_SCALE / (PT_PER_PX * LIBREOFFICE_WIDTH)


def change_width(fixed_width: float, fixed_columns: int) -> float:
    """The change column's width beside ``fixed_columns`` columns of ``fixed_width`` in all
    (margin, table and spacer): CHANGE_WIDTH, or what leaves the lists LIST_WIDTH_ROOM each."""
    lists = LIST_COLUMNS * column_px(LIST_WIDTH_ROOM)
    room = width_budget_px() - lists - (fixed_width * 7 + 5.5 * (fixed_columns + 1)) - 1
    width = math.floor(room / 7 * 10) / 10
    return min(CHANGE_WIDTH, max(CHANGE_MIN_WIDTH, width))


def list_width(fixed: int) -> float:
    """The width of each list column: what the page leaves beside ``fixed`` pixels at
    TARGET_SCALE, within LIST_WIDTH_MIN and LIST_WIDTH_MAX."""
    per_column = (width_budget_px() - fixed) / LIST_COLUMNS
    tenths = math.floor((per_column - 5) / 7 * 10) + 1
    while tenths > 0 and column_px(tenths / 10) > per_column:
        tenths -= 1
    return min(LIST_WIDTH_MAX, max(LIST_WIDTH_MIN, tenths / 10))


def print_scale(width_px: int, height_pt: float) -> int:
    """The largest scale up to TARGET_SCALE (percent) at which the page fits the paper."""
    width_pt = width_px * PT_PER_PX * LIBREOFFICE_WIDTH
    fits = min(PRINTABLE_PT[0] / width_pt, PRINTABLE_PT[1] / max(height_pt, 1.0))
    return max(10, min(TARGET_SCALE, math.floor(fits * 100 + 1e-9)))


def rows_for(page: Page, first: int, height_px: float) -> int:
    """How many rows from ``first`` a chart of ``height_px`` covers, given the heights."""
    covered, rows = 0.0, 0
    while covered < height_px:
        covered += page.height(first + rows) / PT_PER_PX
        rows += 1
    return rows


def lay_out(request: FitRequest, per_line: int, chart_px: int, keeps: dict[str, int]) -> Layout:
    """Both halves with ``keeps`` items per list: the right half from ``right_top``, the chart
    below the table, the left half's sections below the chart."""
    page = request.page.copy()
    right, right_next = _place(request, request.right, request.right_top, (per_line, keeps))
    for row, line in right:
        page.need(row, line.points)
    page.need(request.chart_row - 1, SPACER_PT)  # between the table's note and the chart
    chart_rows = rows_for(page, request.chart_row, chart_px)
    chart_end = request.chart_row + chart_rows
    left_per_line = chars_per_line(request.left_width)
    left, left_next = _place(request, request.left, chart_end + 1, (left_per_line, keeps))
    if left:
        page.need(chart_end, SPACER_PT)  # between the chart and the first section
    for row, line in left:
        page.need(row, line.points)
    left_last = left_next - 1 if left else chart_end - 1
    return Layout(page, right, left, request.chart_row, chart_rows, right_next - 1, left_last)


def _place(
    request: FitRequest, sections: tuple[Section, ...], top: int, wrap: tuple[int, dict[str, int]]
) -> tuple[list[tuple[int, Line]], int]:
    per_line, keeps = wrap
    placed = []
    row = top
    for section in sections:
        for line in section_lines(section, request.words, per_line, keeps):
            placed.append((row, line))
            row += 1
    return placed, row


def fit_page(request: FitRequest) -> Fit:
    """Lay the page out, cutting lists and shrinking the chart until it fits at TARGET_SCALE
    (or nothing more can be cut), and work out the scale it prints at."""
    fixed = fixed_px(request.fixed_width, request.fixed_columns)
    width = list_width(fixed)
    per_line = chars_per_line(LIST_COLUMNS * width)
    keeps = {
        items.key: min(len(items.texts), request.max_items)
        for section in (*request.right, *request.left)
        for items in section.items()
    }
    chart = CHART_PX
    budget = PRINTABLE_PT[1] * 100 / TARGET_SCALE
    layout = lay_out(request, per_line, chart, keeps)
    while layout.height() > budget:
        cut = _next_cut(request, layout, (per_line, keeps), chart)
        if cut is None:
            break
        keeps, chart = cut
        layout = lay_out(request, per_line, chart, keeps)
    width_px = fixed + LIST_COLUMNS * column_px(width)
    return Fit(width, chart, keeps, layout, print_scale(width_px, layout.height()))


def _next_cut(
    request: FitRequest, layout: Layout, wrap: tuple[int, dict[str, int]], chart: int
) -> tuple[dict[str, int], int] | None:
    """One step smaller on the half that ends lower: a list of that half loses its last item
    (the list of most lines first) while lists keep MIN_KEEP items; then the chart shrinks
    (left half); then lists go down to one item. None: nothing left to cut there."""
    per_line, keeps = wrap
    left_binding = layout.height(layout.left_last) >= layout.height(layout.right_last)
    half = request.left if left_binding else request.right
    lists = [items for section in half for items in section.items()]
    line_width = chars_per_line(request.left_width) if left_binding else per_line

    def longest(floor: int) -> Items | None:
        cuttable = [items for items in lists if keeps[items.key] > floor]
        if not cuttable:
            return None
        return max(
            cuttable,
            key=lambda items: len(item_lines(items, request.words, line_width, keeps[items.key])),
        )

    for floor in (MIN_KEEP, 1):
        items = longest(floor)
        if items is not None:
            return {**keeps, items.key: keeps[items.key] - 1}, chart
        if floor == MIN_KEEP and left_binding and chart > CHART_MIN_PX:
            return keeps, max(CHART_MIN_PX, chart - CHART_STEP_PX)
    return None
