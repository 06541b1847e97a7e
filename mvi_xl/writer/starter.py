"""The starter register written by ``mvi-xl init``: the documented headers as an Excel Table,
dropdowns fed from a hidden Lijsten sheet, and the two optional sheets.

Its header row uses the first name of each field in synonyms.HEADER_SYNONYMS, so whatever
the coordinator fills in is read back without configuration.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import xlsxwriter

from ..cells import column_letter, quote_sheet
from ..props import ORGANISATION
from ..words import colours, synonyms, terms
from ..words.i18n import Words
from .styles import DATE_FORMAT, FONT

#: The register's columns and widths, in the order of the starter sheet.
STARTER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("id", 7),
    ("action", 60),
    ("period", 26),
    ("status", 13),
    ("theme", 24),
    ("ambition", 14),
    ("department", 18),
    ("owner", 18),
    ("start", 12),
    ("end", 12),
    ("completed", 13),
    ("progress", 11),
    ("highlight", 11),
    ("notes", 40),
)
HEADER_ROW = 3  # 0-based: a title and a line of instructions above it, as registers have
EMPTY_ROWS = 100  # rows of the Table, ready to type in
VALIDATED_ROWS = 2000  # dropdowns reach further, for when the Table grows
LIST_LENGTH = 30  # room on the Lijsten sheet for the organisation's own periods and themes


def write_starter(target: Path, *, lang: str, today: dt.date, organisation: str = "") -> None:
    words = Words(lang)
    workbook = xlsxwriter.Workbook(
        str(target), {"strings_to_formulas": False, "strings_to_urls": False}
    )
    workbook.set_properties(
        {
            "title": words["starter.title"],
            "author": "mvi-xl",
            "created": dt.datetime.combine(today, dt.time()),
            **({"company": organisation} if organisation else {}),
        }
    )
    if organisation:  # build reads it back when no mvi-xl.toml names the organisation
        workbook.set_custom_property(ORGANISATION, organisation[:255])
    bold = workbook.add_format({"font_name": FONT, "bold": True})
    title = workbook.add_format(
        {
            "font_name": FONT,
            "bold": True,
            "font_size": 16,
            "font_color": colours.HOUSE_COLOURS["accent"],
        }
    )
    muted = workbook.add_format({"font_name": FONT, "italic": True, "font_color": "#555555"})
    date = workbook.add_format({"font_name": FONT, "num_format": DATE_FORMAT})

    actions = workbook.add_worksheet(words["starter.sheet"])
    focus = workbook.add_worksheet(words["starter.focus_sheet"])
    communication = workbook.add_worksheet(words["starter.communication_sheet"])
    lists = workbook.add_worksheet(words["starter.lists"])

    sources = _write_lists(lists, words, bold, today)
    lists.hide()

    actions.write_string(0, 0, words["starter.title"], title)
    actions.write_string(1, 0, words["starter.intro"], muted)
    headers = [words.field(name) for name, _ in STARTER_COLUMNS]
    for col, (name, width) in enumerate(STARTER_COLUMNS):
        actions.set_column(col, col, width, date if name in terms.DATE_FIELDS else None)
    actions.add_table(
        HEADER_ROW,
        0,
        HEADER_ROW + EMPTY_ROWS,
        len(STARTER_COLUMNS) - 1,
        {
            "name": "Register",
            "style": "Table Style Medium 2",
            "columns": [{"header": h} for h in headers],
        },
    )
    actions.freeze_panes(HEADER_ROW + 1, 2)
    first, last = HEADER_ROW + 1, HEADER_ROW + VALIDATED_ROWS
    for col, (name, _) in enumerate(STARTER_COLUMNS):
        if name in sources:
            actions.data_validation(
                first,
                col,
                last,
                col,
                {
                    "validate": "list",
                    "source": sources[name],
                    "error_type": "warning",
                    "error_message": words["starter.invalid"],
                },
            )
        elif name in terms.DATE_FIELDS:
            actions.data_validation(
                first,
                col,
                last,
                col,
                {
                    "validate": "date",
                    "criteria": "between",
                    "minimum": dt.date(2000, 1, 1),
                    "maximum": dt.date(2100, 12, 31),
                    "error_type": "warning",
                },
            )

    focus.set_column(0, 0, 100)
    focus.write_string(0, 0, words["starter.focus_header"], bold)

    communication.set_column(0, 0, 70)
    communication.set_column(1, 1, 12, date)
    communication.set_column(2, 2, 14)
    for col, key in enumerate(
        ("starter.communication_header", "starter.date_header", "starter.status_header")
    ):
        communication.write_string(0, col, words[key], bold)
    communication.data_validation(
        1,
        2,
        VALIDATED_ROWS,
        2,
        {"validate": "list", "source": sources["communication"], "error_type": "warning"},
    )
    communication.data_validation(
        1,
        1,
        VALIDATED_ROWS,
        1,
        {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.date(2000, 1, 1),
            "maximum": dt.date(2100, 12, 31),
            "error_type": "warning",
        },
    )

    actions.activate()
    workbook.close()


def _write_lists(sheet: Any, words: Words, bold: Any, today: dt.date) -> dict[str, str]:
    """The dropdown choices, one column each; returns the validation source per field."""
    year = today.year
    periods = [
        p.format(year=year, next_year=year + 1, last_year=year + 4)
        for p in synonyms.STARTER_PERIODS
    ]
    columns = {
        "status": ("starter.list.status", list(terms.STATUSES)),
        "period": ("starter.list.period", periods),
        "theme": ("starter.list.theme", list(synonyms.NATIONAL_THEMES)),
        "ambition": ("starter.list.ambition", list(terms.AMBITION_LEVELS)),
        "progress": ("starter.list.progress", list(synonyms.PROGRESS_SYNONYMS)),
        "highlight": ("starter.list.flag", [words["yes"], words["no"]]),
        "communication": (
            "starter.list.communication",
            list(synonyms.COMMUNICATION_STATUS_SYNONYMS),
        ),
    }
    sources = {}
    for col, (name, (label, values)) in enumerate(columns.items()):
        sheet.set_column(col, col, 28)
        sheet.write_string(0, col, words[label], bold)
        for row, value in enumerate(values, start=1):
            sheet.write_string(row, col, value)
        letter = column_letter(col)
        # periods and themes leave room for the organisation's own entries
        length = LIST_LENGTH if name in {"period", "theme"} else len(values)
        sources[name] = f"={quote_sheet(sheet.name)}!${letter}$2:${letter}${length + 1}"
    return sources
