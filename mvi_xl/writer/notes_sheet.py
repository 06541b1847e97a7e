"""The Toelichting sheet: where the numbers come from, and every warning with its cell."""

from __future__ import annotations

import datetime as dt

from ..model import Monitor
from ..words.terms import TERMINAL_ONLY_NOTICES
from .context import SheetContext, Worksheet
from .styles import TABLE_STYLE, Styles

TABLE_NAME = "Meldingen"


def write_notes_sheet(
    sheet: SheetContext,
    *,
    generated: dt.date,
    version: str,
    signals: tuple[tuple[str, str], ...] = (),
) -> None:
    """The Toelichting: where the monitor comes from, the notices, the signals mvi-xl found
    (``signals``: text and link, unless the Monitor page shows them) and every warning."""
    worksheet, monitor, words, styles = sheet.worksheet, sheet.monitor, sheet.words, sheet.styles
    register = monitor.register
    worksheet.set_column(0, 0, 24)
    worksheet.set_column(1, 1, 70)
    worksheet.set_column(2, 2, 70)
    worksheet.write_string(0, 0, words["notes.title"], styles["title"])
    worksheet.set_row(0, 30)

    facts: list[tuple[str, object]] = [
        # the file name only: a full path (C:\Users\<name>\...) is not for publication; it
        # stays in the document property props.REGISTER
        ("notes.source", register.path.name),
        ("notes.sheet", register.sheet),
        ("notes.modified", register.modified),
        *(
            [
                (
                    "notes.year",
                    words["notes.year.value"].format(year=y, date=words.date(monitor.as_of)),
                )
            ]
            if (y := monitor.year) is not None
            else []
        ),
        ("notes.as_of", monitor.as_of),
        ("notes.since", monitor.since),
        ("notes.kind", words[f"notes.kind.{_kind(monitor)}"]),
        ("notes.generated", generated),
        ("notes.version", version),
        ("notes.total", monitor.total_actions),
    ]
    row = 2
    for key, value in facts:
        worksheet.write_string(row, 0, words[key], styles["label"])
        _write_value(worksheet, row, 1, value, styles)
        row += 1

    notices = [n for n in monitor.notices if n.code not in TERMINAL_ONLY_NOTICES]
    if notices:
        row += 1
        worksheet.write_string(row, 0, words["notes.notices"], styles["heading"])
        for notice in notices:
            row += 1
            text, hint = notice.render(words.lang)
            worksheet.write_string(row, 0, notice.where, styles["text"])
            worksheet.write_string(row, 1, text, styles["wrap"])
            worksheet.write_string(row, 2, hint, styles["wrap"])
        row += 1

    if signals:
        # for the coordinator, not the college: here unless [monitor] signals_on_page
        row += 1
        worksheet.write_string(row, 0, words["signals"], styles["heading"])
        for text, target in signals:
            row += 1
            worksheet.write_url(row, 0, target, styles["link"], string="⚠ " + text)
        row += 1

    row += 1
    worksheet.write_string(row, 0, words["notes.warnings"], styles["heading"])
    row += 1
    if not monitor.findings:
        worksheet.write_string(row, 0, words["notes.no_warnings"])
        return
    _write_findings(sheet, row)


def _write_findings(sheet: SheetContext, first: int) -> None:
    """Every warning with its cell and hint, as the Excel Table Meldingen."""
    worksheet, monitor, words, styles = sheet.worksheet, sheet.monitor, sheet.words, sheet.styles
    row = first
    for finding in monitor.findings:
        row += 1
        text, hint = finding.render(words.lang)
        worksheet.write_string(row, 0, finding.where or monitor.register.path.name, styles["text"])
        worksheet.write_string(row, 1, text, styles["wrap"])
        worksheet.write_string(row, 2, hint, styles["wrap"])
    worksheet.add_table(
        first,
        0,
        row,
        2,
        {
            "name": TABLE_NAME,
            "style": TABLE_STYLE,
            "columns": [
                {"header": words[k]} for k in ("notes.where", "notes.message", "notes.hint")
            ],
        },
    )


def _write_value(worksheet: Worksheet, row: int, col: int, value: object, styles: Styles) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        worksheet.write_datetime(row, col, value, styles["datetime"])
    elif isinstance(value, dt.date):
        worksheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), styles["date"])
    elif isinstance(value, int):
        worksheet.write_number(row, col, value, styles["int"])
    else:
        worksheet.write_string(row, col, str(value), styles["text"])


def _kind(monitor: Monitor) -> str:
    if monitor.year is not None:
        return "year"
    current = monitor.current
    return "published" if current is not None and current.published else "refresh"
