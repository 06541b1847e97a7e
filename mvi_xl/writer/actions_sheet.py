"""The Acties sheet: every action of the register in an Excel Table named ``Acties``.

The Statustabel on the Monitor sheet counts these rows with COUNTIFS, so the period and status
columns hold exactly the labels the monitor shows. User text is written with ``write_string``
only: it never becomes a formula or a hyperlink.

This sheet holds nearly every cell of the workbook (1.5 million for 100,000 actions), so its
rows are written by a plan decided once per column rather than by decisions per cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar

from xlsxwriter.utility import xl_range

from ..cells import column_letter, quote_sheet
from ..model import Action, Monitor, Signal
from ..words.i18n import Words
from .context import Format, SheetContext, Worksheet
from .print_setup import LANDSCAPE_PX, PageSetup, fitted_widths, set_up_page
from .styles import ALL_STATUSES, TABLE_STYLE, Styles

K = TypeVar("K")
V = TypeVar("V")

TABLE_NAME = "Acties"

#: (column key, width); optional register fields appear only when the register has them.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("section", 24),  # the section heading above the action in the register, if any
    ("id", 8),
    ("action", 60),
    ("period", 26),
    ("status", 12),
    ("theme", 18),
    ("ambition", 13),
    ("department", 18),
    ("owner", 18),
    ("start", 12),
    ("end", 12),
    ("completed", 13),
    ("progress", 11),
    ("notes", 40),
    # technical columns, last and not printed (TECHNICAL)
    ("origin", 18),  # the register file, when several are combined
    ("sheet", 16),  # the register's sheet, when actions come from several
    ("status_text", 16),
    ("highlight", 11),
    ("signals", 34),  # the signals an action is part of, when there are any
    ("source", 10),  # the row in the register
)
#: Columns for filtering and tracing back to the register: after the others, outside the
#: print area.
TECHNICAL = frozenset({"origin", "sheet", "status_text", "highlight", "signals", "source"})
#: The printed columns that may be narrowed to fit the page's width, and their narrowest width.
NARROWABLE = {
    "action": 28.0,
    "notes": 16.0,
    "section": 12.0,
    "period": 14.0,
    "theme": 10.0,
    "ambition": 9.0,
    "department": 10.0,
    "owner": 10.0,
    "progress": 9.0,
    "start": 10.5,
    "end": 10.5,
    "completed": 10.5,
    "id": 5.0,
}
#: The print scale the printed columns must allow, as Excel computes widths: 0.9, which is
#: about 0.85 in LibreOffice (its columns come out wider), so that 11 pt text prints at 9 pt or
#: more and the 10 pt header at 8.5 pt.
SMALLEST_SCALE = 0.9
ALWAYS = frozenset({"action", "period", "status", "status_text", "source"})
DATES = frozenset({"start", "end", "completed"})
#: Columns that show an Action attribute as it is.
TEXT_ATTRIBUTES = {
    "origin": "source",
    "sheet": "sheet",
    "section": "section",
    "id": "id",
    "action": "text",
    "status_text": "status_text",
    "theme": "theme",
    "department": "department",
    "owner": "owner",
    "notes": "notes",
}
#: The first day whose Excel serial number is plain day counting (after Excel's 29-02-1900).
FIRST_PLAIN_SERIAL_DAY = dt.date(1900, 3, 1)
#: The first day Excel's 1900 date system has a serial number for (1).
FIRST_EXCEL_DAY = dt.date(1900, 1, 1)
_EXCEL_DAY_ZERO = dt.date(1899, 12, 30).toordinal()


@dataclass(frozen=True)
class ActionsLayout:
    """Where the Statustabel's formulas find the actions."""

    sheet: str
    first_row: int  # 1-based, the first data row
    last_row: int  # 1-based, the last data row (== first_row for an empty register)
    columns: dict[str, int]  # column key -> 0-based column

    def range(self, key: str) -> str:
        """An absolute reference to one column's data, e.g. Acties!$C$2:$C$125."""
        letter = column_letter(self.columns[key])
        return f"{quote_sheet(self.sheet)}!${letter}${self.first_row}:${letter}${self.last_row}"


def shown_columns(monitor: Monitor) -> list[tuple[str, float]]:
    register = monitor.register
    combined = "source" in monitor.breakdowns
    present = {
        "origin": combined,
        "signals": bool(monitor.signals),
        "sheet": any(action.sheet for action in register.actions),
        "section": any(action.section for action in register.actions),
    }

    def shown(key: str) -> bool:
        if key in present:
            return present[key]
        return key in ALWAYS or register.has(key)

    return [(key, width) for key, width in COLUMNS if shown(key)]


def write_actions_sheet(sheet: SheetContext) -> ActionsLayout:
    worksheet, monitor, words, styles = sheet.worksheet, sheet.monitor, sheet.words, sheet.styles
    columns = shown_columns(monitor)
    positions = {key: index for index, (key, _) in enumerate(columns)}
    actions = monitor.register.actions
    printed = fitted_widths(
        {key: width for key, width in columns if key not in TECHNICAL},
        NARROWABLE,
        int(LANDSCAPE_PX / SMALLEST_SCALE),
    )
    for index, (key, width) in enumerate(columns):
        width = printed.get(key, width)
        worksheet.set_column(index, index, width, styles["date"] if key in DATES else None)

    if actions:
        plan = _row_plan(worksheet, positions, words, styles, _signal_labels(monitor, words))
        _write_actions(worksheet, actions, plan)

    last = max(len(actions), 1)
    add_large_table(
        worksheet,
        (0, 0, last, len(columns) - 1),
        {
            "name": TABLE_NAME,
            "style": TABLE_STYLE,
            "columns": [{"header": _header(key, words)} for key, _ in columns],
        },
    )
    worksheet.freeze_panes(1, 0)
    _colour_statuses(worksheet, positions["status"], last, words, styles)
    setup = PageSetup(repeat_row=0, print_columns=(0, len(printed) - 1), last_row=last)
    set_up_page(worksheet, monitor, words, setup)
    return ActionsLayout(worksheet.name, 2, last + 1, positions)


def _header(key: str, words: Words) -> str:
    return words.field(key)


#: One column of an action row: (column, the value from an Action, how to write it, format).
#: Nothing is written when the value is empty (None, "").
Step = tuple[int, Callable[[Action], object], Callable[..., object], object]


def _write_actions(worksheet: Worksheet, actions: tuple[Action, ...], plan: list[Step]) -> None:
    """Every action row, left to right: the file numbers its strings in the order they are
    first written, so the order of the writes is part of the output."""
    for row, action in enumerate(actions, start=1):
        for col, value_of, write, cell_format in plan:
            value = value_of(action)
            if value:
                write(row, col, value, cell_format)


def _row_plan(
    worksheet: Worksheet,
    positions: dict[str, int],
    words: Words,
    styles: Styles,
    signals: dict[int, str],
) -> list[Step]:
    """How each shown column is written; formats are asked for in the order of the columns,
    as the workbook numbers them in the order they are made."""
    write_string = worksheet.write_string
    no_period = words.period("")
    status_labels = _Memo(words.status)
    ambitions: _Memo[str, str] = _Memo(lambda text: _level_label(text, words))
    yes, no = words["yes"], words["no"]
    write_date = _DateWriter(worksheet)
    computed: dict[str, Callable[[Action], object]] = {
        "period": lambda action: action.period or no_period,
        "status": lambda action: status_labels[action.status],
        "progress": lambda action: action.progress or action.progress_text,
        "ambition": lambda action: ambitions[action.ambition],
        "highlight": lambda action: (
            None if action.highlight is None else (yes if action.highlight else no)
        ),
        "signals": lambda action: signals.get(id(action)),
    }
    plan: list[Step] = []
    for key, col in positions.items():
        if key in DATES:
            plan.append((col, attrgetter(key), write_date, styles["date"]))
        elif key == "source":
            plan.append((col, attrgetter("row"), worksheet.write_number, styles["int"]))
        elif key in computed:
            plan.append((col, computed[key], write_string, None))
        else:
            plan.append((col, attrgetter(TEXT_ATTRIBUTES[key]), write_string, None))
    return plan


def _signal_labels(monitor: Monitor, words: Words) -> dict[int, str]:
    """Per action (by identity) the short names of its signals, e.g. "over einddatum;
    zonder eigenaar": a column users filter on to see the rows behind a signal."""
    names: dict[int, list[str]] = {}
    for signal in monitor.signals:
        short = words[f"signal.short.{signal.code}"]
        for action in signal.actions:
            names.setdefault(id(action), []).append(short)
    return {key: "; ".join(values) for key, values in names.items()}


def signal_text(signal: Signal, words: Words) -> str:
    """The line on the Monitor page: what the signal is and how many actions it concerns."""
    params = dict(signal.params)
    if "period" in params:
        params["period"] = words.period(str(params["period"]))
    return words.plural(f"signal.{signal.code}", signal.count, **params)


def signal_links(
    monitor: Monitor, layout: ActionsLayout, words: Words
) -> tuple[tuple[str, str], ...]:
    """Per signal its line and a link to the first of its rows on the Acties sheet, in the
    Signalen column that filters to all of them."""
    if "signals" not in layout.columns:
        return ()
    rows = {id(action): index for index, action in enumerate(monitor.register.actions)}
    letter = column_letter(layout.columns["signals"])
    sheet = quote_sheet(layout.sheet)
    return tuple(
        (
            signal_text(signal, words),
            f"internal:{sheet}!{letter}{layout.first_row + rows[id(signal.actions[0])]}",
        )
        for signal in monitor.signals
    )


class _Memo(dict[K, V]):
    """A dict that computes a missing value once."""

    def __init__(self, compute: Callable[[K], V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: K) -> V:
        value = self[key] = self._compute(key)
        return value


class _DateWriter:
    """Writes a date cell as ``write_datetime`` does, with each day's serial number computed
    once: a date is stored as its serial number, so ``write_number`` gives the same cell."""

    def __init__(self, worksheet: Worksheet) -> None:
        self._worksheet = worksheet
        self._serials = _Memo(_excel_serial)
        self._plain = not getattr(worksheet, "date_1904", False)

    def __call__(self, row: int, col: int, date: dt.date, cell_format: Format) -> None:
        if date < FIRST_EXCEL_DAY:
            # Excel has no serial number for it (XlsxWriter would write a negative one): the
            # day as text, as the Dutch write it (the reader warns of such dates)
            text = f"{date.day:02d}-{date.month:02d}-{date.year:04d}"
            self._worksheet.write_string(row, col, text, cell_format)
            return
        serial = self._serials[date] if self._plain else None
        if serial is None:
            moment = dt.datetime.combine(date, dt.time())
            self._worksheet.write_datetime(row, col, moment, cell_format)
        else:
            self._worksheet.write_number(row, col, serial, cell_format)


def _excel_serial(date: dt.date) -> float | None:
    """Excel's serial number of a day (1900 date system), as XlsxWriter computes it for a
    datetime at midnight, but for 01-01-1900, which is 1 (XlsxWriter takes a datetime on that
    day for a time of day and writes 0). Before March 1900 the count has no 29 February 1900
    yet, which Excel has; None before 1900, where Excel has no serial number."""
    if date < FIRST_EXCEL_DAY:
        return None
    if date < FIRST_PLAIN_SERIAL_DAY:
        return float(date.toordinal() - _EXCEL_DAY_ZERO - 1)
    return float(date.toordinal() - _EXCEL_DAY_ZERO)


class _ForgetfulCells(dict[object, object]):
    """Stands in for XlsxWriter's record of table cells while a large table is added: always
    empty, so no cell is found taken, and nothing is recorded."""

    def __setitem__(self, key: object, value: object) -> None:
        pass


#: Table options that write cells down the whole range (or in its last row): a table using
#: them is added the plain way.
_CELL_WRITING_OPTIONS = frozenset({"data", "total_row"})
_CELL_WRITING_COLUMN_OPTIONS = frozenset({"formula", "total_function", "total_string"})


def add_large_table(
    worksheet: Worksheet, cells: tuple[int, int, int, int], options: dict[str, Any]
) -> None:
    """``worksheet.add_table`` for a sheet whose one table holds every row, like Acties;
    ``cells``: its first row, first column, last row and last column.

    XlsxWriter checks a new table against earlier tables and merged ranges cell by cell and
    records every cell of it (worksheet.table_cells): 1.5 million entries, about 170 MB and
    most of a second for 100,000 actions. While the sheet holds no other table or merged
    range, nothing can overlap; and a table without formulas, data or a total row writes no
    cell below its header. Such a table is added over its header and first data row, without
    the record, and then given its full range: the file written is the same. Add no merged
    range or table to the sheet afterwards: they would not be checked against this one.
    """
    first_row, first_col, last_row, last_col = cells
    recorded = getattr(worksheet, "table_cells", None)
    columns = options.get("columns") or []
    plain = (
        type(recorded) is not dict
        or recorded
        or getattr(worksheet, "merged_cells", True)
        or getattr(worksheet, "tables", True)
        or _CELL_WRITING_OPTIONS & options.keys()
        or any(_CELL_WRITING_COLUMN_OPTIONS & column.keys() for column in columns if column)
        or not options.get("header_row", True)
        or last_row <= first_row + 1
    )
    if plain:
        worksheet.add_table(first_row, first_col, last_row, last_col, options)
        return
    worksheet.table_cells = _ForgetfulCells()
    try:
        worksheet.add_table(first_row, first_col, first_row + 1, last_col, options)
    finally:
        worksheet.table_cells = recorded
    table = worksheet.tables[-1]
    full = xl_range(first_row, first_col, last_row, last_col)
    table["range"] = table["a_range"] = full
    if table.get("autofilter"):
        table["autofilter"] = full


def _colour_statuses(
    worksheet: Worksheet, col: int, last: int, words: Words, styles: Styles
) -> None:
    for status in ALL_STATUSES:
        worksheet.conditional_format(
            1,
            col,
            last,
            col,
            {
                "type": "cell",
                "criteria": "==",
                "value": '"' + words.status(status) + '"',
                "format": styles.status_fill(status),
            },
        )


def _level_label(text: str, words: Words) -> str:
    """An Ambitieniveau cell (ambitions.py: imported for a register that has the column)."""
    from ..ambitions import level_label

    return level_label(text, words)
