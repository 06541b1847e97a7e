"""The Jaaroverzicht sheet: per calendar year and theme the actions completed, started and
running at the year's end (mvi_xl/years.py), in an Excel Table named ``Jaaroverzicht``; beside
it the same per year with each action once (Table ``JaaroverzichtTotaal``); below, per year and
theme, the completed actions, as a coordinator pastes them into the yearly report.

Gestart is a live COUNTIFS over the Acties sheet (start date in the year, up to the peildatum,
status not gepland; a theme alone or among others in the theme cell), with the cached value.
Voltooid and Lopend eind jaar are values: a completion year or a running span can come from the
published monitors (an action voltooid without a date), which no column of Acties holds, and
year columns on Acties would add four cells to every action of a 100,000-action register. User
text is written with ``write_string`` only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model import Monitor
from ..words.i18n import Words
from ..words.terms import GEPLAND
from ..years import YearCounts, YearReport, year_report
from .actions_sheet import ActionsLayout
from .print_setup import PageSetup, set_up_page
from .styles import TABLE_STYLE, Styles

TABLE_NAME = "Jaaroverzicht"
TOTAL_TABLE_NAME = "JaaroverzichtTotaal"
TOP = 4  # 0-based row of the tables' header
TOTAL_COLUMN = 6  # 0-based first column of the totals table
#: At most this many completed actions listed per year and theme: a list for the yearly report,
#: not a second Acties sheet (a regional roll-up of 100,000 actions would list tens of
#: thousands). ``--json`` ``years`` lists them all.
LIST_LIMIT = 100


def has_year_sheet(monitor: Monitor) -> bool:
    """The sheet is made when the register has a date to go by: a start or completion date."""
    register = monitor.register
    return register.has("completed") or register.has("start")


@dataclass(frozen=True)
class Started:
    """What the live Gestart formulas need: where Acties holds the actions, the peildatum
    (a start after it has not happened), the status label of gepland in this language, and
    whether the register has a theme column to match."""

    layout: ActionsLayout
    as_of: dt.date
    planned: str
    themed: bool

    def formula(self, year: int, theme: str | None) -> str | None:
        """COUNTIFS over Acties: started in ``year`` (start date in it, up to the peildatum)
        and not gepland; with ``theme``, listed alone or among others in the theme cell ("" is
        the empty cell). None when a text would be too long for a formula (then the value)."""
        end = min(dt.date(year, 12, 31), self.as_of)
        start = self.layout.range("start")
        base = (
            f"{self.layout.range('status')},{_literal('<>' + self.planned)},"
            f'{start},">="&DATE({year},1,1),{start},"<="&DATE({end.year},{end.month},{end.day})'
        )
        if theme is None or not self.themed:
            return f"=COUNTIFS({base})"
        themes = self.layout.range("theme")
        if not theme:
            return f'=COUNTIFS({base},{themes},"")'
        escaped = theme.replace("~", "~~").replace("*", "~*").replace("?", "~?")
        patterns = [
            _literal(p)
            for p in (f"={escaped}", f"{escaped}; *", f"*; {escaped}", f"*; {escaped}; *")
        ]
        if max(map(len, patterns)) > 255:
            return None
        # one COUNTIFS over an array of the four patterns, summed: a formula a quarter as long
        # as four COUNTIFS (XlsxWriter's formula preparation costs by its length)
        return f"=SUMPRODUCT(COUNTIFS({base},{themes},{{{','.join(patterns)}}}))"


@dataclass(frozen=True)
class _Sheet:
    worksheet: Any
    words: dict[str, str]  # the sheet's labels (``year.*``)
    counted: Words  # for the labels that count
    styles: Styles
    report: YearReport
    started: Started | None  # None: the register has no start date column


def add_year_worksheet(workbook: Any, monitor: Monitor, lang: str) -> Any | None:
    """Add the empty Jaaroverzicht sheet at this point in the sheet order, where the register
    allows one (``has_year_sheet``); None otherwise. It is filled by ``write_year_sheet``
    after the other sheets, so that the strings they write keep their numbers in the shared
    string table."""
    if not has_year_sheet(monitor):
        return None
    return workbook.add_worksheet(Words(lang)["year.sheet"])


def write_year_sheet(
    worksheet: Any, monitor: Monitor, layout: ActionsLayout, lang: str, styles: Styles
) -> None:
    """Fill the Jaaroverzicht sheet made by ``add_year_worksheet``; ``layout`` says where the
    Gestart formulas find the actions on Acties."""
    words = Words(lang).section("year")
    started = None
    if "start" in layout.columns:
        themed = "theme" in layout.columns
        started = Started(layout, monitor.as_of, Words(lang).status(GEPLAND), themed)
    sheet = _Sheet(worksheet, words, Words(lang), styles, year_report(monitor), started)
    ws = worksheet
    ws.write_string(0, 0, words["title"], styles["title"])
    ws.set_row(0, 30)
    as_of = monitor.as_of.strftime("%d-%m-%Y")
    ws.write_string(
        1, 0, words["rule"].format(year=monitor.as_of.year, as_of=as_of), styles["note"]
    )
    if any(len(a.themes) > 1 for a in monitor.register.actions):
        ws.write_string(2, 0, words["several"], styles["note"])
    ws.set_column(0, 0, 8)
    ws.set_column(1, 1, 30)
    ws.set_column(2, 4, 12)
    ws.set_column(TOTAL_COLUMN, TOTAL_COLUMN, 8)
    ws.set_column(TOTAL_COLUMN + 1, TOTAL_COLUMN + 3, 12)
    theme_label = _theme_label(monitor, words)
    last = _write_theme_table(sheet, theme_label)
    _write_total_table(sheet)
    _write_lists(sheet, last + 3, theme_label)
    ws.freeze_panes(TOP + 1, 0)
    # the long action texts of the lists are cut at the totals table's edge, not printed wider
    setup = PageSetup(repeat_row=TOP, print_columns=(0, TOTAL_COLUMN + 3))
    set_up_page(ws, monitor, Words(lang), setup)


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _theme_label(monitor: Monitor, words: dict[str, str]) -> dict[str, str]:
    """The label shown per theme: "" is (geen thema), or (alle acties) in a register without
    a theme column."""
    empty = words["no_theme"] if monitor.register.has("theme") else words["all"]
    return {"": empty}


def _counts(sheet: _Sheet, row: int, col: int, counts: YearCounts) -> None:
    """Voltooid and Lopend eind jaar as values, Gestart as a live formula where it can be."""
    ws, style = sheet.worksheet, sheet.styles["count"]
    ws.write_number(row, col, counts.completed, style)
    formula = sheet.started.formula(counts.year, counts.theme) if sheet.started else None
    if formula is None:
        ws.write_number(row, col + 1, counts.started, style)
    else:
        ws.write_formula(row, col + 1, formula, style, counts.started)
    ws.write_number(row, col + 2, counts.running, style)


def _write_theme_table(sheet: _Sheet, theme_label: dict[str, str]) -> int:
    """The table per year and theme; returns its last row (0-based)."""
    ws, words, rows = sheet.worksheet, sheet.words, sheet.report.rows
    for offset, counts in enumerate(rows):
        row = TOP + 1 + offset
        ws.write_number(row, 0, counts.year, sheet.styles["int"])
        theme = counts.theme or ""
        ws.write_string(row, 1, theme_label.get(theme, theme))
        _counts(sheet, row, 2, counts)
    last = TOP + max(len(rows), 1)
    headers = ("year", "theme", "completed", "started", "running")
    ws.add_table(
        TOP,
        0,
        last,
        len(headers) - 1,
        {
            "name": TABLE_NAME,
            "style": TABLE_STYLE,
            "columns": [{"header": words[key]} for key in headers],
        },
    )
    return last


def _write_total_table(sheet: _Sheet) -> None:
    ws, words, totals = sheet.worksheet, sheet.words, sheet.report.totals
    ws.write_string(TOP - 1, TOTAL_COLUMN, words["totals"], sheet.styles["subheading"])
    for offset, counts in enumerate(totals):
        row = TOP + 1 + offset
        ws.write_number(row, TOTAL_COLUMN, counts.year, sheet.styles["int"])
        _counts(sheet, row, TOTAL_COLUMN + 1, counts)
    headers = ("year", "completed", "started", "running")
    ws.add_table(
        TOP,
        TOTAL_COLUMN,
        TOP + max(len(totals), 1),
        TOTAL_COLUMN + len(headers) - 1,
        {
            "name": TOTAL_TABLE_NAME,
            "style": TABLE_STYLE,
            "columns": [{"header": words[key]} for key in headers],
        },
    )


def _write_lists(sheet: _Sheet, row: int, theme_label: dict[str, str]) -> None:
    """Per year (oldest first), per theme, the completed actions: number and text."""
    ws, words, styles = sheet.worksheet, sheet.words, sheet.styles
    ws.write_string(row, 0, words["lists"], styles["heading"])
    for year in sheet.report.years:
        row += 2
        ws.write_number(row, 0, year, styles["label"])
        lists = sheet.report.completed.get(year, ())
        if not lists:
            row += 1
            ws.write_string(row, 1, words["none"], styles["muted"])
        for theme, actions in lists:
            row += 1
            ws.write_string(row, 1, theme_label.get(theme, theme), styles["subheading"])
            for action in actions[:LIST_LIMIT]:
                row += 1
                if action.id:
                    ws.write_string(row, 0, action.id, styles["item"])
                ws.write_string(row, 1, action.text, styles["item"])
            if len(actions) > LIST_LIMIT:
                row += 1
                left = len(actions) - LIST_LIMIT
                more = sheet.counted.plural("year.more", left)
                ws.write_string(row, 1, more, styles["muted"])


__all__ = [
    "LIST_LIMIT",
    "TABLE_NAME",
    "TOTAL_TABLE_NAME",
    "add_year_worksheet",
    "has_year_sheet",
    "write_year_sheet",
]
