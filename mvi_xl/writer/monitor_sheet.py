"""The Monitor sheet: the one printable A4 page for the college.

Left: the Statustabel (an Excel Table of live COUNTIFS formulas with cached values), the chart
that reads it, Aandachtspunten and Communicatiemomenten. Right: Lopende, Geplande and
Gerealiseerde acties. This module alone knows the positions on the page. Row heights are shared
by both halves, so the right half is laid out first and the chart then spans as many rows as
its height needs.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..cells import column_letter, quote_sheet
from ..model import Action, Communication, Monitor, PeriodCounts
from ..words.i18n import Words
from ..words.terms import GEPLAND, LOPEND, ONBEKEND
from .actions_sheet import ActionsLayout
from .styles import ALL_STATUSES, Styles

TABLE_NAME = "Statustabel"

DEFAULT_ROW_PT = 15.0
LINE_PT = 12.75  # one row of 9 pt list text
HEADING_PT = 20.0
CHART_HEIGHT_PX = 290
MAX_ITEM_LINES = 2
RIGHT_COLUMNS = 4
RIGHT_COLUMN_WIDTH = 16.5
SPACER_WIDTH = 2.5
#: characters of 9 pt text per character of column width (column widths count 11 pt digits)
CHARS_PER_WIDTH = 1.25

PERIOD_WIDTH = 24.0
CHANGE_WIDTH = 24.0
TICK = {True: "☑", False: "☐"}
WIDTHS = {"total": 7.0, "status": 8.0, "headline": 12.0, "share": 7.5, "complete": 6.5}


@dataclass
class Block:
    """A run of columns on the page that list items are written across."""

    first_col: int
    last_col: int
    width_chars: float
    row: int  # the next free row (0-based)

    def chars_per_line(self) -> int:
        return max(20, int(self.width_chars * CHARS_PER_WIDTH))


@dataclass
class Page:
    """Row heights shared by both halves of the page: the tallest need of each row wins."""

    heights: dict[int, float] = field(default_factory=dict)

    def need(self, row: int, points: float) -> None:
        self.heights[row] = max(self.heights.get(row, DEFAULT_ROW_PT), points)

    def height(self, row: int) -> float:
        return self.heights.get(row, DEFAULT_ROW_PT)


@dataclass(frozen=True)
class TableColumns:
    """0-based columns of the Statustabel on the Monitor sheet."""

    period: int
    total: int
    statuses: dict[str, int]
    headline: int
    share: int
    complete: int

    @property
    def last(self) -> int:
        return self.complete


def table_columns(monitor: Monitor) -> TableColumns:
    first = 1  # column A is the margin
    statuses = {status: first + 2 + i for i, status in enumerate(monitor.statuses)}
    headline = first + 2 + len(statuses)
    return TableColumns(first, first + 1, statuses, headline, headline + 1, headline + 2)


def write_monitor_sheet(
    worksheet,
    monitor: Monitor,
    layout: ActionsLayout,
    words: Words,
    styles: Styles,
    workbook,
    logo=None,
    max_items: int = 8,
    signals: tuple[tuple[str, str], ...] = (),
) -> None:
    """``signals``: (text, internal link) per signal, listed under the focus points."""
    page = Page()
    cols = table_columns(monitor)
    left_width = _set_table_widths(worksheet, cols)
    left_last = cols.last
    if monitor.previous is not None:
        left_last += 1
        left_width += CHANGE_WIDTH
        worksheet.set_column(left_last, left_last, CHANGE_WIDTH)
    right_first = left_last + 2
    worksheet.set_column(left_last + 1, left_last + 1, SPACER_WIDTH)
    worksheet.set_column(right_first, right_first + RIGHT_COLUMNS - 1, RIGHT_COLUMN_WIDTH)
    worksheet.set_column(0, 0, 1.5)

    _write_title(worksheet, monitor, words, styles, cols.period, page)
    table_top = 3
    table_end = _write_status_table(
        worksheet, monitor, layout, words, styles, cols, table_top, page
    )
    if monitor.previous is not None:
        # the change column and "Gerealiseerde acties (t.o.v. ...)" name the same day
        assert monitor.since == monitor.previous.as_of
        _write_changes(worksheet, monitor, words, styles, left_last, table_top + 1, page)

    right = Block(
        right_first, right_first + RIGHT_COLUMNS - 1, RIGHT_COLUMNS * RIGHT_COLUMN_WIDTH, table_top
    )
    lists = ListWriter(worksheet, words, styles, page, layout, max_items)
    on_page = _on_page(monitor)
    lists.actions(right, words["running"], on_page(monitor.running))
    lists.actions(right, words["planned"], on_page(monitor.planned))
    lists.actions(
        right,
        _realised_heading(monitor, words),
        on_page(monitor.realised),
        numbered=True,
        missing=None
        if monitor.register.has("completed") or monitor.previous is not None
        else words["realised.no_column"],
    )

    chart_row = table_end + 1
    chart_rows = _rows_for(page, chart_row, CHART_HEIGHT_PX)
    left = Block(cols.period, left_last, left_width, chart_row + chart_rows + 1)
    lists.focus(left, monitor.focus_points, signals)
    lists.communications(left, monitor)

    for row, points in sorted(page.heights.items()):
        worksheet.set_row(row, points)
    _insert_chart(
        worksheet, workbook, monitor, words, styles, cols, table_top, chart_row, left_width
    )
    if logo is not None:
        _insert_logo(worksheet, logo, right.last_col)

    last_row = max(left.row, right.row, chart_row + chart_rows)
    _print_setup(worksheet, monitor, words, last_row, right.last_col)


def _on_page(monitor: Monitor):
    """The page's lists show only the actions flagged "op monitor" when the register has that
    column; the Acties sheet always has all of them."""
    if not monitor.highlight_only:
        return lambda actions: actions
    return lambda actions: tuple(a for a in actions if a.highlight)


def _realised_heading(monitor: Monitor, words: Words) -> str:
    if monitor.since is None:
        return words["realised"]
    return words["realised.since"].format(since=words.date(monitor.since))


def _set_table_widths(worksheet, cols: TableColumns) -> float:
    worksheet.set_column(cols.period, cols.period, PERIOD_WIDTH)
    widths = [PERIOD_WIDTH]
    for col, width in (
        (cols.total, WIDTHS["total"]),
        (cols.headline, WIDTHS["headline"]),
        (cols.share, WIDTHS["share"]),
        (cols.complete, WIDTHS["complete"]),
        *((c, WIDTHS["status"]) for c in cols.statuses.values()),
    ):
        worksheet.set_column(col, col, width)
        widths.append(width)
    return sum(widths)


# --- Title -----------------------------------------------------------------------------------


def _write_title(
    worksheet, monitor: Monitor, words: Words, styles: Styles, col: int, page: Page
) -> None:
    worksheet.write_string(0, col, words["title"], styles["title"])
    page.need(0, 30)
    parts = [monitor.organisation] if monitor.organisation else []
    if monitor.scope is not None:
        department = monitor.scope or words["group.none.department"]
        parts.append(words["scope"].format(department=department))
    parts.append(f"{words['as_of']}: {words.date(monitor.as_of)}")
    worksheet.write_string(1, col, "  ·  ".join(parts), styles["subtitle"])


# --- Status table ----------------------------------------------------------------------------


def _write_status_table(
    worksheet,
    monitor: Monitor,
    layout: ActionsLayout,
    words: Words,
    styles: Styles,
    cols: TableColumns,
    top: int,
    page: Page,
) -> int:
    """Heading, the Statustabel and its note; returns the first free row below."""
    last = cols.last + (1 if monitor.previous is not None else 0)  # the change column
    worksheet.merge_range(top, cols.period, top, last, "", styles["heading"])
    worksheet.write_string(top, cols.period, words["table.title"], styles["heading"])
    page.need(top, HEADING_PT)
    header_row = top + 1
    page.need(header_row, 28)
    periods = monitor.periods or (PeriodCounts("", False, dict.fromkeys(ALL_STATUSES, 0)),)
    first = header_row + 1
    for offset, counts in enumerate(periods):
        page.need(first + offset, 17)
        _write_period_row(worksheet, first + offset, counts, layout, words, styles, cols)
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
            "columns": _table_columns(periods, words, styles, cols, first, total_row),
        },
    )
    note_row = total_row + 1
    worksheet.write_string(note_row, cols.period, words["table.note"], styles["note"])
    if monitor.since is not None and monitor.previous is None:
        # --since a day without a snapshot: one comparison on the page, so none of the counts
        note_row += 1
        text = words["change.no_snapshot"].format(since=words.date(monitor.since))
        worksheet.write_string(note_row, cols.period, text, styles["note"])
    return note_row + 1


def _table_columns(
    periods, words: Words, styles: Styles, cols: TableColumns, first: int, total_row: int
) -> list[dict]:
    """The Table's column definitions, total row included: sums over the period rows, and the
    overall share computed from those sums."""

    def summed(header: str, col: int, value: float) -> dict:
        letter = column_letter(col)
        return {
            "header": header,
            "header_format": styles["table_head"],
            "total_function": f"=SUBTOTAL(109,{letter}{first + 1}:{letter}{total_row})",
            "total_value": value,
            "format": styles["total_count"],
        }

    total = sum(p.total for p in periods)
    headline = sum(p.headline for p in periods)
    spec: dict[int, dict] = {
        cols.period: {
            "header": words["col.period"],
            "total_string": words["row.total"],
            "header_format": styles["table_head_left"],
        },
        cols.total: summed(words["col.total"], cols.total, total),
        cols.headline: summed(words["col.headline"], cols.headline, headline),
        cols.complete: {"header": words["col.complete"], "header_format": styles["table_head"]},
    }
    for status, col in cols.statuses.items():
        spec[col] = summed(
            words.status(status).capitalize(), col, sum(p.by_status[status] for p in periods)
        )
    t = f"{column_letter(cols.total)}{total_row + 1}"
    h = f"{column_letter(cols.headline)}{total_row + 1}"
    spec[cols.share] = {
        "header": words["col.share"],
        "header_format": styles["table_head"],
        "total_function": f"=IF({t}=0,0,{h}/{t})",
        "total_value": headline / total if total else 0,
        "format": styles["total_share"],
    }
    return [spec[col] for col in range(cols.period, cols.last + 1)]


def _text_literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _criterion(text: str) -> str:
    """A COUNTIFS criterion that matches exactly this text: wildcards (* ? ~) and a leading
    operator in a period label are taken literally."""
    escaped = text.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return _text_literal("=" + escaped)


def count_formula(
    layout: ActionsLayout, column: str, value: str, status_label: str | None, value_cell: str
) -> str:
    """COUNTIFS over the Acties table: the rows whose ``column`` holds ``value`` (and whose
    status is ``status_label``). An empty value counts the empty cells. Excel allows at most 255
    characters in a text within a formula; a longer value is compared by reference."""
    criterion = _criterion(value) if value else '""'
    if len(criterion) <= 255:
        if not value and status_label:
            # the status first: LibreOffice shrinks the ranges of a COUNTIFS to the data area
            # of its first range, which loses empty cells at the end of a column
            status = f"{layout.range('status')},{_text_literal(status_label)}"
            return f"=COUNTIFS({status},{layout.range(column)},{criterion})"
        status = f",{layout.range('status')},{_text_literal(status_label)}" if status_label else ""
        return f"=COUNTIFS({layout.range(column)},{criterion}{status})"
    terms = f"({layout.range(column)}={value_cell})"
    if status_label:
        terms += f"*({layout.range('status')}={_text_literal(status_label)})"
    return f"=SUMPRODUCT({terms}*1)"


def theme_count_formula(
    layout: ActionsLayout, column: str, value: str, status_label: str | None, value_cell: str
) -> str:
    """The rows whose theme cell lists ``value``, alone or among others ("Klimaat",
    "Klimaat; Circulair", "Milieu; Klimaat", "Milieu; Klimaat; Circulair"): four COUNTIFS, one
    per place in the list, which exclude each other. A long value is found with FIND."""
    escaped = value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    patterns = (f"={escaped}", f"={escaped}; *", f"=*; {escaped}", f"=*; {escaped}; *")
    status = f",{layout.range('status')},{_text_literal(status_label)}" if status_label else ""
    if max(len(_text_literal(p)) for p in patterns) <= 255:
        terms = (f"COUNTIFS({layout.range(column)},{_text_literal(p)}{status})" for p in patterns)
        return "=" + "+".join(terms)
    listed = f'ISNUMBER(FIND("; "&{value_cell}&"; ","; "&{layout.range(column)}&"; "))'
    if status_label:
        listed += f"*({layout.range('status')}={_text_literal(status_label)})"
    return f"=SUMPRODUCT({listed}*1)"


def _write_period_row(
    worksheet,
    row: int,
    counts: PeriodCounts,
    layout: ActionsLayout,
    words: Words,
    styles: Styles,
    cols: TableColumns,
) -> None:
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


def _write_changes(
    worksheet, monitor: Monitor, words: Words, styles: Styles, col: int, header_row: int, page: Page
) -> None:
    """Beside the table: per period what changed since the previous monitor, e.g.
    "+4 voltooid, -4 gepland"."""
    since = words.date(monitor.previous.as_of)
    worksheet.write_string(
        header_row, col, words["change.header"].format(since=since), styles["table_head"]
    )
    rows = list(monitor.periods)
    totals = {s: sum(monitor.change(p)[s] for p in rows) for s in monitor.statuses}
    for offset, counts in enumerate(rows):
        _write_change(
            worksheet,
            header_row + 1 + offset,
            col,
            monitor.change(counts),
            monitor,
            words,
            styles["change"],
            page,
        )
    _write_change(
        worksheet,
        header_row + 1 + max(len(rows), 1),
        col,
        totals,
        monitor,
        words,
        styles["total_change"],
        page,
    )


def _write_change(
    worksheet,
    row: int,
    col: int,
    change: dict[str, int],
    monitor: Monitor,
    words: Words,
    fmt,
    page: Page,
) -> None:
    parts = [f"{change[s]:+d} {words.status(s)}" for s in monitor.statuses if change.get(s)]
    text = ", ".join(parts) if parts else words["change.none"]
    worksheet.write_string(row, col, text, fmt)
    if len(text) > CHANGE_WIDTH * CHARS_PER_WIDTH:
        page.need(row, 2 * LINE_PT + 4)


# --- Chart -----------------------------------------------------------------------------------


def _rows_for(page: Page, first: int, height_px: float) -> int:
    """How many rows from ``first`` the chart covers, given the heights set so far."""
    covered, rows = 0.0, 0
    while covered < height_px:
        covered += page.height(first + rows) * 4 / 3
        rows += 1
    return rows


def _insert_chart(
    worksheet,
    workbook,
    monitor: Monitor,
    words: Words,
    styles: Styles,
    cols: TableColumns,
    top: int,
    row: int,
    width_chars: float,
) -> None:
    chart = workbook.add_chart({"type": "column"})
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
                "fill": {"color": colour},
                "border": {"none": True},
                "data_labels": {"value": True, "font": {"size": 8}, "num_format": "0;-0;;"},
                "gap": 80,
            }
        )
    chart.set_title({"name": words["chart.title"], "name_font": {"size": 11, "bold": True}})
    chart.set_legend({"position": "bottom", "font": {"size": 8}})
    chart.set_x_axis({"num_font": {"size": 8}})
    chart.set_y_axis(
        {
            "num_font": {"size": 8},
            "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
            "min": 0,
        }
    )
    chart.set_chartarea({"border": {"none": True}})
    chart.set_size({"width": int(width_chars * 7 + 5), "height": CHART_HEIGHT_PX})
    worksheet.insert_chart(row, cols.period, chart, {"object_position": 2})


def _insert_logo(worksheet, logo, col: int) -> None:
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
            "x_offset": max(0, int(RIGHT_COLUMN_WIDTH * 7 - image.width * scale)),
            "description": "logo",
        },
    )


# --- Lists -----------------------------------------------------------------------------------


class ListWriter:
    """Writes headed lists into a Block: one wrapped row per item, at most ``max_items`` of them
    and then "+N meer" linking to the detail sheet."""

    def __init__(
        self,
        worksheet,
        words: Words,
        styles: Styles,
        page: Page,
        layout: ActionsLayout,
        max_items: int,
    ) -> None:
        self.worksheet = worksheet
        self.words = words
        self.styles = styles
        self.page = page
        self.layout = layout
        self.max_items = max_items

    def actions(
        self,
        block: Block,
        heading: str,
        actions: tuple[Action, ...],
        numbered: bool = False,
        missing: str | None = None,
    ) -> None:
        self.heading(block, heading)
        if missing is not None:
            self.line(block, missing, self.styles["muted"])
        else:
            self.items(
                block,
                [
                    a.text or f"({self.words.field('action').lower()} {a.id or a.row})"
                    for a in actions
                ],
                numbered,
            )
        block.row += 1

    def focus(
        self, block: Block, points: tuple[str, ...], signals: tuple[tuple[str, str], ...]
    ) -> None:
        """Aandachtspunten: the coordinator's own points, then the signals mvi-xl found, each
        linking to its rows."""
        self.heading(block, self.words["focus"])
        if points or not signals:
            self.items(block, list(points), numbered=False, link=False)
        if signals:
            self.line(block, self.words["signals"] + ":", self.styles["subheading"])
            for text, target in signals:
                self.worksheet.write_url(
                    block.row, block.first_col, target, self.styles["more"], string="⚠ " + text
                )
                self.page.need(block.row, LINE_PT)
                block.row += 1
        block.row += 1

    def communications(self, block: Block, monitor: Monitor) -> None:
        self.heading(block, self.words["communication"])
        for key, moments in (
            ("communication.realised", monitor.communications_realised),
            ("communication.planned", monitor.communications_planned),
        ):
            self.line(block, self.words[key] + ":", self.styles["subheading"])
            self.items(block, [_moment(m) for m in moments], numbered=False, link=False)
        block.row += 1

    def heading(self, block: Block, text: str) -> None:
        self.worksheet.merge_range(
            block.row, block.first_col, block.row, block.last_col, "", self.styles["heading"]
        )
        self.worksheet.write_string(block.row, block.first_col, text, self.styles["heading"])
        self.page.need(block.row, HEADING_PT)
        block.row += 1

    def items(self, block: Block, texts: list[str], numbered: bool, link: bool = True) -> None:
        if not texts:
            self.line(block, self.words["none"], self.styles["muted"])
            return
        shown = texts if len(texts) <= self.max_items else texts[: self.max_items]
        for number, text in enumerate(shown, start=1):
            prefix = f"{number}. " if numbered else "• "
            self.wrapped(block, prefix + text)
        hidden = len(texts) - len(shown)
        if hidden:
            label = self.words["more"].format(count=hidden)
            if link:
                self._more_link(block, label)
            else:
                self.line(block, label, self.styles["muted"])

    def wrapped(self, block: Block, text: str) -> None:
        """An item as at most MAX_ITEM_LINES rows of one line each. Wrapping here, rather than
        in a tall wrapped cell, keeps every list row the same height, so the two halves of the
        page don't stretch each other's rows; the full text is on the Acties sheet."""
        for line in wrap_item(text, block.chars_per_line()):
            self.line(block, line, self.styles["item"])

    def line(self, block: Block, text: str, fmt, points: float = LINE_PT) -> None:
        """One row of text. It overflows into the empty cells of the block, as Excel and
        LibreOffice show text that doesn't wrap; no merged cells needed."""
        self.worksheet.write_string(block.row, block.first_col, text, fmt)
        self.page.need(block.row, points)
        block.row += 1

    def _more_link(self, block: Block, label: str) -> None:
        self.worksheet.merge_range(
            block.row, block.first_col, block.row, block.last_col, "", self.styles["more"]
        )
        target = f"internal:{quote_sheet(self.layout.sheet)}!A1"
        self.worksheet.write_url(
            block.row, block.first_col, target, self.styles["more"], string=label
        )
        self.page.need(block.row, LINE_PT)
        block.row += 1


def wrap_item(text: str, per_line: int, max_lines: int = MAX_ITEM_LINES) -> list[str]:
    """Word-wrap an item under its bullet or number; cut with "…" after ``max_lines``."""
    prefix_end = text.find(" ") + 1 if text[:1] in "•0123456789" else 0
    indent = " " * (prefix_end + 1)
    lines = textwrap.wrap(
        text,
        width=per_line,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines


def _moment(moment: Communication) -> str:
    if moment.date is None:
        return moment.text
    return f"{moment.text} ({Words.date(moment.date)})"


# --- Print -----------------------------------------------------------------------------------


def _print_setup(worksheet, monitor: Monitor, words: Words, last_row: int, last_col: int) -> None:
    worksheet.set_landscape()
    worksheet.set_paper(9)  # A4
    worksheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    worksheet.center_horizontally()
    worksheet.print_area(0, 0, last_row, last_col)
    worksheet.fit_to_pages(1, 1)
    worksheet.hide_gridlines(2)
    footer = (
        f"&L&8{_escape_amp(monitor.organisation)}&R&8{words['as_of']} {words.date(monitor.as_of)}"
    )
    worksheet.set_footer(footer)
    worksheet.set_zoom(90)


def _escape_amp(text: str) -> str:
    """Header and footer text treats & as a code; a literal ampersand is written twice."""
    return text.replace("&", "&&")
