"""Generate the bundled example register of mvi-xl from its data file.

The 124 actions of the fictional "Gemeente Voorbeeld", its focus points, communication moments
and the explanation sheet live in ``scripts/example/voorbeeld.toml``, written as the MVI
coordinator typed them. This script turns that data into two files:

- ``templates/voorbeeld/register.xlsx``: the action register as the coordinator keeps it on
  1 November 2018, messy the way real registers are (a title above the header, blank rows
  between blocks, dates typed as text, statuses spelled in many ways, ids as text);
- ``templates/voorbeeld/mvi-xl.toml``: the configuration that goes with it.

Both files are GENERATED: edit the data file, not them, and regenerate from the root of the
repository with ``python scripts/make_example.py`` (``make example``).

The output is deterministic: no randomness and no current date are used, the workbook's
creation date comes from the data and XlsxWriter writes fixed zip timestamps, so running the
script twice gives byte-identical files.

Before writing, the script checks that the data still reproduces the monitor page of the
reference (``[expected]`` in the data file): per period 54/54 completed, 27/23, 25/4 and, for
the continuous period, 18/15 running; nine actions flagged "Op monitor", exactly four of them
completed after 1 June 2018.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "example" / "voorbeeld.toml"
OUT_DIR = ROOT / "templates" / "voorbeeld"
REGISTER = OUT_DIR / "register.xlsx"
CONFIG = OUT_DIR / "mvi-xl.toml"

#: The register's columns, in order, by the key an action has in the data file.
FIELDS = (
    "id",
    "text",
    "period",
    "status",
    "theme",
    "department",
    "owner",
    "start",
    "end",
    "completed",
    "progress",
    "on_monitor",
    "notes",
)
DATE_FIELDS = frozenset({"start", "end", "completed"})
STATUSES = ("voltooid", "lopend", "gepland", "vervallen")

CONFIG_TEMPLATE = """\
# Configuration of the bundled example register (register.xlsx beside this file), used by
# `mvi-xl build --example`. It only names the fictional organisation shown on the monitor.
organisation = "{organisation}"
"""

Data = dict[str, Any]
Action = dict[str, Any]


def load(path: Path = DATA) -> Data:
    with path.open("rb") as file:
        return tomllib.load(file)


def actions(data: Data) -> list[Action]:
    """Every action with its period, in register order."""
    return [
        {"period": period["name"], **action}
        for period in data["periods"]
        for action in period["actions"]
    ]


def self_check(data: Data) -> None:
    """Fail loudly if an edit of the data breaks the numbers the example must reproduce."""
    rows = actions(data)
    texts = [row["text"] for row in rows]
    assert len(texts) == 124 and len(set(texts)) == 124, "124 distinct action texts expected"
    meaning = data["meaning"]

    def status(row: Action) -> str:
        return str(meaning[row["status"].strip().casefold()])

    for period in data["periods"]:
        counts = Counter(status(row) for row in period["actions"])
        found = [len(period["actions"]), *(counts[s] for s in STATUSES)]
        assert found == data["expected"][period["name"]], (period["name"], found)
    as_of, since = data["as_of"], data["since"]
    completed_since = []
    for row in rows:
        done = as_date(row.get("completed"))
        if status(row) != "voltooid":
            assert done is None, row["text"]
            assert row.get("on_monitor") != "ja" or status(row) in ("lopend", "gepland")
        if row.get("progress"):
            assert status(row) == "lopend", row["text"]
        if done is not None:
            assert done <= as_of, row["text"]
            if done > since:
                completed_since.append(row["text"])
    lists = data["expected_lists"]
    assert len(completed_since) == lists["completed_since"], completed_since
    flagged = [row["text"] for row in rows if row.get("on_monitor") == "ja"]
    assert len(flagged) == lists["on_monitor"], flagged
    assert set(completed_since) <= set(flagged), completed_since


def as_date(value: object) -> dt.date | None:
    """The date a cell means: a real date, or one of the two ways the data types a date."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text.split("-")[0]) == 4:  # 2018-07-05
        return dt.date.fromisoformat(text)
    day, month, year = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)


class RegisterWriter:
    """Writes the register workbook; the formats of the workbook are kept on ``self``."""

    def __init__(self, path: Path, data: Data) -> None:
        self.data = data
        self.workbook = xlsxwriter.Workbook(str(path))
        self.workbook.set_properties(
            {
                "title": "Actieplan MVI 2017-2020",
                "subject": "Register van acties Maatschappelijk Verantwoord Inkopen",
                "author": "MVI-coördinator",
                "company": data["organisation"],
                "created": data["created"],
            }
        )
        add = self.workbook.add_format
        self.title = add({"bold": True, "font_size": 14, "font_color": "#1F4E79"})
        self.subtitle = add({"italic": True, "font_color": "#595959"})
        self.header = add(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.date = add({"num_format": "dd-mm-yyyy", "align": "left"})
        self.text = add({"valign": "top"})

    def write(self) -> None:
        self._explanation()
        self._actions()
        self._focus_points()
        self._communication()
        self.workbook.close()

    def _explanation(self) -> None:
        sheet = self.workbook.add_worksheet("Uitleg")
        sheet.set_column(0, 0, 100)
        for row, line in enumerate(self.data["explanation"]["lines"]):
            if line:
                sheet.write_string(row, 0, line, self.title if row == 0 else None)

    def _actions(self) -> None:
        layout = self.data["sheet"]
        columns = layout["columns"]
        sheet = self.workbook.add_worksheet(layout["name"])
        for col, column in enumerate(columns):
            sheet.set_column(col, col, column["width"])
        last_col = len(columns) - 1
        sheet.merge_range(0, 0, 0, last_col, layout["title"], self.title)
        sheet.set_row(0, 22)
        sheet.write_string(1, 0, layout["subtitle"], self.subtitle)
        header_row = layout["header_row"]
        for col, column in enumerate(columns):
            sheet.write_string(header_row, col, column["header"], self.header)

        row = header_row + 1
        for block, period in enumerate(self.data["periods"]):
            if block:
                row += 1  # one blank row between blocks
            for action in period["actions"]:
                self._action(sheet, row, {"period": period["name"], **action})
                row += 1

        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, row - 1, last_col)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(header_row)
        sheet.activate()

    def _action(self, sheet: Any, row: int, action: Action) -> None:
        # The dates last, as the register was first written: the order in which strings meet
        # the workbook is the order of its shared strings.
        columns = sorted(enumerate(FIELDS), key=lambda column: column[1] in DATE_FIELDS)
        for col, field in columns:
            value = action.get(field)
            if value is None or value == "":
                continue
            if isinstance(value, float):
                sheet.write_number(row, col, value)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, col, value, self.date)
            else:
                style = self.text if field == "text" else None
                sheet.write_string(row, col, value, style)

    def _focus_points(self) -> None:
        sheet = self.workbook.add_worksheet("Aandachtspunten")
        sheet.set_column(0, 0, 110)
        sheet.write_string(0, 0, "Aandachtspunten", self.header)
        for row, point in enumerate(self.data["focus_points"]["points"], start=1):
            sheet.write_string(row, 0, point)

    def _communication(self) -> None:
        sheet = self.workbook.add_worksheet("Communicatie")
        sheet.set_column(0, 0, 80)
        sheet.set_column(1, 2, 14)
        for col, name in enumerate(("Moment", "Datum", "Status")):
            sheet.write_string(0, col, name, self.header)
        for row, moment in enumerate(self.data["communication"]["moments"], start=1):
            sheet.write_string(row, 0, moment["moment"])
            sheet.write_datetime(row, 1, moment["date"], self.date)
            sheet.write_string(row, 2, moment["status"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT_DIR,
        help="folder to write into (default: templates/voorbeeld)",
    )
    parser.add_argument(
        "--data", type=Path, default=DATA, help="the data file (default: scripts/example/...)"
    )
    options = parser.parse_args(argv)
    data = load(options.data)
    self_check(data)
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)
    RegisterWriter(out / REGISTER.name, data).write()
    config = CONFIG_TEMPLATE.format(organisation=data["organisation"])
    (out / CONFIG.name).write_text(config, encoding="utf-8", newline="\n")
    print(f"written: {out / REGISTER.name} and {CONFIG.name}")


if __name__ == "__main__":
    main()
