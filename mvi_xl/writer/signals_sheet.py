"""The Signalen sheet: per signal the actions behind it, so the count on the Monitor page links
to the rows it counts."""

from __future__ import annotations

import datetime as dt

from ..model import Monitor, Signal
from ..vocabulary import Words
from .styles import Styles

TABLE_NAME = "Signalen"
#: (column key, width); "origin" only when several registers are combined.
COLUMNS = (
    ("signal", 44),
    ("origin", 16),
    ("id", 8),
    ("action", 55),
    ("period", 24),
    ("status", 11),
    ("owner", 18),
    ("end", 12),
    ("completed", 13),
    ("progress", 11),
    ("source", 10),
)
DATES = frozenset({"end", "completed"})


def signal_text(signal: Signal, words: Words) -> str:
    params = dict(signal.params)
    if "period" in params:
        params["period"] = words.period(str(params["period"]))
    return words[f"signal.{signal.code}"].format(count=signal.count, **params)


def write_signals_sheet(
    worksheet, monitor: Monitor, words: Words, styles: Styles, combined: bool
) -> list[int]:
    """Write the sheet; returns per signal the 1-based row of its first action."""
    columns = [(k, w) for k, w in COLUMNS if k != "origin" or combined]
    worksheet.write_string(0, 0, words["signals.title"], styles["title"])
    worksheet.set_row(0, 30)
    for col, (key, width) in enumerate(columns):
        worksheet.set_column(col, col, width, styles["date"] if key in DATES else None)
    top = 2
    row = top
    firsts = []
    for signal in monitor.signals:
        text = signal_text(signal, words)
        firsts.append(row + 2)
        for action in signal.actions:
            row += 1
            values = {
                "signal": text,
                "origin": action.source,
                "id": action.id,
                "action": action.text,
                "period": words.period(action.period),
                "status": words.status(action.status),
                "owner": action.owner,
                "progress": action.progress or action.progress_text,
            }
            for col, (key, _) in enumerate(columns):
                if key in DATES:
                    day = getattr(action, key)
                    if day is not None:
                        worksheet.write_datetime(
                            row, col, dt.datetime.combine(day, dt.time()), styles["date"]
                        )
                elif key == "source":
                    worksheet.write_number(row, col, action.row, styles["int"])
                elif values[key]:
                    worksheet.write_string(row, col, values[key])
    headers = [words["signals.col"] if k == "signal" else words.field(k) for k, _ in columns]
    worksheet.add_table(
        top,
        0,
        max(row, top + 1),
        len(columns) - 1,
        {
            "name": TABLE_NAME,
            "style": "Table Style Light 9",
            "columns": [{"header": h} for h in headers],
        },
    )
    worksheet.freeze_panes(top + 1, 0)
    worksheet.set_landscape()
    worksheet.set_paper(9)
    worksheet.fit_to_pages(1, 0)
    return firsts
