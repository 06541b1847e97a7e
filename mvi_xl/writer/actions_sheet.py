"""The Acties sheet: every action of the register in an Excel Table named ``Acties``.

The Statustabel on the Monitor sheet counts these rows with COUNTIFS, so the period and status
columns hold exactly the labels the monitor shows. User text is written with ``write_string``
only: it never becomes a formula or a hyperlink.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..cells import column_letter, quote_sheet
from ..model import Action, Monitor
from ..vocabulary import Words
from .styles import ALL_STATUSES, Styles

TABLE_NAME = "Acties"

#: (column key, width); optional register fields appear only when the register has them.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("id", 8),
    ("action", 60),
    ("period", 26),
    ("status", 12),
    ("status_text", 16),
    ("theme", 18),
    ("department", 18),
    ("owner", 18),
    ("start", 12),
    ("end", 12),
    ("completed", 13),
    ("progress", 11),
    ("highlight", 11),
    ("notes", 40),
    ("source", 10),
)
ALWAYS = frozenset({"action", "period", "status", "status_text", "source"})
DATES = frozenset({"start", "end", "completed"})


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
    return [(key, width) for key, width in COLUMNS if key in ALWAYS or register.has(key)]


def write_actions_sheet(worksheet, monitor: Monitor, words: Words, styles: Styles) -> ActionsLayout:
    columns = shown_columns(monitor)
    positions = {key: index for index, (key, _) in enumerate(columns)}
    actions = monitor.register.actions
    for index, (key, width) in enumerate(columns):
        worksheet.set_column(index, index, width, styles["date"] if key in DATES else None)

    for row, action in enumerate(actions, start=1):
        _write_action(worksheet, row, action, positions, words, styles)

    last = max(len(actions), 1)
    worksheet.add_table(
        0,
        0,
        last,
        len(columns) - 1,
        {
            "name": TABLE_NAME,
            "style": "Table Style Light 9",
            "columns": [{"header": _header(key, words)} for key, _ in columns],
        },
    )
    worksheet.freeze_panes(1, 0)
    _colour_statuses(worksheet, positions["status"], last, words, styles)
    worksheet.set_landscape()
    worksheet.set_paper(9)
    worksheet.fit_to_pages(1, 0)
    worksheet.repeat_rows(0)
    return ActionsLayout(worksheet.name, 2, last + 1, positions)


def _header(key: str, words: Words) -> str:
    return words.field(key)


def _write_action(
    worksheet, row: int, action: Action, positions: dict[str, int], words: Words, styles: Styles
) -> None:
    text = {
        "id": action.id,
        "action": action.text,
        "period": words.period(action.period),
        "status": words.status(action.status),
        "status_text": action.status_text,
        "theme": action.theme,
        "department": action.department,
        "owner": action.owner,
        "progress": action.progress or action.progress_text,
        "notes": action.notes,
    }
    for key, col in positions.items():
        if key in DATES:
            value: dt.date | None = getattr(action, key)
            if value is not None:
                worksheet.write_datetime(
                    row, col, dt.datetime.combine(value, dt.time()), styles["date"]
                )
        elif key == "source":
            worksheet.write_number(row, col, action.row, styles["int"])
        elif key == "highlight":
            if action.highlight is not None:
                worksheet.write_string(row, col, words["yes"] if action.highlight else words["no"])
        elif text[key]:
            worksheet.write_string(row, col, text[key])


def _colour_statuses(worksheet, col: int, last: int, words: Words, styles: Styles) -> None:
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
