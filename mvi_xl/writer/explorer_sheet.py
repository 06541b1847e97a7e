"""The Verkenner sheet: a department head picks a department and a theme from two drop-down
cells (data validation, each with "(alle)") and a status table of live COUNTIFS over the Acties
sheet, with its native chart, shows their actions; no macros, no separate monitor.

The cached values are those of "(alle)" and "(alle)": the status totals of the monitor. Each
drop-down's choice becomes a COUNTIFS criterion in a hidden helper cell: "(alle)" matches every
row ("<>(alle)" matches empty cells too), "(geen afdeling)" / "(geen thema)" the empty ones, a
name itself with its wildcards (* ? ~) escaped. A theme is found alone or among others in a
cell that lists several ("Milieu; Klimaat") by four criteria that exclude each other, as the
Per thema sheet counts it, here in four hidden cells that one COUNTIFS takes as a range
(summed by SUMPRODUCT): a formula a quarter as long, which XlsxWriter prepares faster. The
register's spellings are merged before writing (one name per department and theme), so the
choices are exactly the texts in the Acties column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..cells import column_letter, quote_sheet
from ..model import Monitor
from ..words.i18n import Words
from . import charts
from .actions_sheet import ActionsLayout
from .print_setup import PageSetup, set_up_page, whole_number_axis
from .styles import TABLE_STYLE, Styles

TABLE_NAME = "Verkenner"
FIRST_CHOICE_ROW = 3  # 0-based: department on row 4, theme on row 5 (as Excel numbers them)
CHOICE_COL = 2  # C
CRITERION_COL = 10  # K: the hidden criteria
LIST_COL = 11  # L, M: the hidden lists of choices
TABLE_TOP = 7  # 0-based row of the status table's header
PATTERN_ROW = 5  # 0-based: the theme's four criteria in the hidden column, rows 6 to 9

#: The drop-down cells' format: one the sheets before this one use already, so the workbook's
#: format numbers, and with them the other sheets, stay as they were. (A fill of its own would
#: renumber the formats of the sheets after this one.)
CHOICE_STYLE = "heading"
#: The register fields a choice is offered for, in the order of the rows.
FIELDS = ("department", "theme")


def has_explorer_sheet(monitor: Monitor) -> bool:
    """Made when the register has a department or a theme column."""
    return any(name in monitor.breakdowns for name in FIELDS)


@dataclass(frozen=True)
class ExplorerSheet:
    """The sheet made by ``add_explorer_worksheet``, with what filling it needs."""

    workbook: Any
    worksheet: Any
    words: Words


def add_explorer_worksheet(workbook: Any, monitor: Monitor, lang: str) -> ExplorerSheet | None:
    """Add the empty Verkenner sheet at this point in the sheet order, or None when there is
    nothing to choose (``has_explorer_sheet``). Filled by ``write_explorer_sheet`` after the
    other sheets, so that the strings they write keep their numbers in the shared string table."""
    if not has_explorer_sheet(monitor):
        return None
    words = Words(lang)
    return ExplorerSheet(workbook, workbook.add_worksheet(words["explorer.sheet"]), words)


@dataclass(frozen=True)
class _Choice:
    """One drop-down: its field, the cell, the cell holding its criterion, the choices."""

    field: str
    row: int
    none_label: str
    choices: tuple[str, ...]

    @property
    def cell(self) -> str:
        return f"${column_letter(CHOICE_COL)}${self.row + 1}"

    @property
    def criterion(self) -> str:
        return f"${column_letter(CRITERION_COL)}${self.row + 1}"


def choices_of(monitor: Monitor, field_name: str, words: dict[str, str]) -> tuple[str, ...]:
    """The drop-down's list: (alle), every name in order of first appearance, and the label
    for the actions without one when there are such."""
    groups = monitor.breakdowns.get(field_name, ())
    names = [g.label for g in groups if g.label]
    none = [words[f"no_{field_name}"]] if any(not g.label for g in groups) else []
    return (words["all"], *names, *none)


def write_explorer_sheet(
    sheet: ExplorerSheet, monitor: Monitor, layout: ActionsLayout, styles: Styles
) -> None:
    """Fill the Verkenner sheet made by ``add_explorer_worksheet``."""
    words = sheet.words
    text = words.section("explorer")
    ws = sheet.worksheet
    choice_format = styles[CHOICE_STYLE]
    ws.write_string(0, 1, text["title"], styles["title"])
    ws.set_row(0, 30)
    ws.write_string(1, 1, text["intro"], styles["note"])
    ws.set_column(0, 0, 2)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 2, 34)
    ws.set_column(3, 3, 10)
    ws.set_column(CRITERION_COL, LIST_COL + len(FIELDS) - 1, 20, None, {"hidden": True})
    choices = []
    for offset, name in enumerate(f for f in FIELDS if f in monitor.breakdowns):
        choice = _Choice(
            name, FIRST_CHOICE_ROW + offset, text[f"no_{name}"], choices_of(monitor, name, text)
        )
        _write_choice(ws, choice, text, (styles, choice_format), LIST_COL + offset)
        choices.append(choice)
    _write_table(ws, monitor, layout, tuple(choices), (words, text, styles))
    _insert_chart(sheet, monitor, styles, text, (TABLE_TOP + 1, TABLE_TOP + len(monitor.statuses)))
    set_up_page(ws, monitor, sheet.words, PageSetup())


def _write_choice(
    ws: Any, choice: _Choice, text: dict[str, str], formats: tuple[Styles, Any], list_col: int
) -> None:
    """The label, the drop-down cell (cached: "(alle)"), its criterion and its list."""
    styles, choice_format = formats
    ws.write_string(choice.row, 1, text[choice.field], styles["label"])
    ws.write_string(choice.row, CHOICE_COL, choice.choices[0], choice_format)
    ws.write_string(FIRST_CHOICE_ROW - 1, list_col, text[choice.field])
    for offset, value in enumerate(choice.choices):
        ws.write_string(FIRST_CHOICE_ROW + offset, list_col, value)
    letter = column_letter(list_col)
    last = FIRST_CHOICE_ROW + len(choice.choices)
    ws.data_validation(
        choice.row,
        CHOICE_COL,
        choice.row,
        CHOICE_COL,
        {
            "validate": "list",
            "source": f"=${letter}${FIRST_CHOICE_ROW + 1}:${letter}${last}",
            "error_title": text["choice"],
            "error_message": text["pick"],
        },
    )
    cell = choice.cell
    escaped = f'SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({cell},"~","~~"),"*","~*"),"?","~?")'
    if choice.field == "department":
        formula = (
            f'=IF({cell}={_literal(choice.choices[0])},"<>"&{_literal(choice.choices[0])},'
            f'IF({cell}={_literal(choice.none_label)},"","="&{escaped}))'
        )
        cached = "<>" + choice.choices[0]
    else:
        formula = f"={escaped}"
        cached = choice.choices[0]
        _write_patterns(ws, choice.criterion, cached)
    ws.write_formula(choice.row, CRITERION_COL, formula, None, cached)


def _write_patterns(ws: Any, key: str, cached: str) -> None:
    """The four COUNTIFS criteria that find a theme alone or among others in a cell
    ("Klimaat", "Klimaat; Circulair", "Milieu; Klimaat", "Milieu; Klimaat; Circulair"), one
    hidden cell each, so the counts take them as one range."""
    for offset, (before, after) in enumerate((("=", ""), ("", "; *"), ("*; ", ""), ("*; ", "; *"))):
        parts = [f'"{before}"'] * bool(before) + [key] + [f'"{after}"'] * bool(after)
        ws.write_formula(
            PATTERN_ROW + offset,
            CRITERION_COL,
            "=" + "&".join(parts),
            None,
            before + cached + after,
        )


def _count_formula(
    status_label: str, layout: ActionsLayout, choices: tuple[_Choice, ...], all_label: str
) -> str:
    """The rows of one status that match the choices."""
    status = f"{layout.range('status')},{_literal(status_label)}"
    department = next((c for c in choices if c.field == "department"), None)
    if department is not None:
        status += f",{layout.range('department')},{department.criterion}"
    theme = next((c for c in choices if c.field == "theme"), None)
    if theme is None:
        return f"=COUNTIFS({status})"
    themes = layout.range("theme")
    letter = column_letter(CRITERION_COL)
    patterns = f"${letter}${PATTERN_ROW + 1}:${letter}${PATTERN_ROW + 4}"
    listed = f"SUMPRODUCT(COUNTIFS({status},{themes},{patterns}))"
    return (
        f"=IF({theme.cell}={_literal(all_label)},COUNTIFS({status}),"
        f'IF({theme.cell}={_literal(theme.none_label)},COUNTIFS({status},{themes},""),'
        f"{listed}))"
    )


def _write_table(
    ws: Any,
    monitor: Monitor,
    layout: ActionsLayout,
    choices: tuple[_Choice, ...],
    labels: tuple[Words, dict[str, str], Styles],
) -> None:
    """The status table (an Excel Table named Verkenner with a total row) and its chart."""
    words, text, styles = labels
    statuses = monitor.statuses
    totals = monitor.status_totals()
    total = sum(totals.values())
    first = TABLE_TOP + 1  # 0-based first data row
    last = TABLE_TOP + len(statuses)
    total_cell = f"$C${last + 2}"
    for offset, status in enumerate(statuses):
        row = first + offset
        ws.write_string(row, 1, words.status(status).capitalize(), styles["period"])
        formula = _count_formula(words.status(status), layout, choices, text["all"])
        ws.write_formula(row, 2, formula, styles["count"], totals[status])
        share = totals[status] / total if total else 0
        ws.write_formula(
            row, 3, f"=IF({total_cell}=0,0,C{row + 1}/{total_cell})", styles["share"], share
        )
    ws.add_table(
        TABLE_TOP,
        1,
        last + 1,
        3,
        {
            "name": TABLE_NAME,
            "style": TABLE_STYLE,
            "total_row": True,
            "columns": [
                {"header": text["status"], "total_string": text["total"]},
                {
                    "header": text["count"],
                    "format": styles["total_count"],
                    "total_function": f"=SUBTOTAL(109,C{first + 1}:C{last + 1})",
                    "total_value": total,
                },
                {
                    "header": text["share"],
                    "format": styles["total_share"],
                    "total_function": f"=IF({total_cell}=0,0,1)",
                    "total_value": 1 if total else 0,
                },
            ],
        },
    )


def _insert_chart(
    sheet: ExplorerSheet,
    monitor: Monitor,
    styles: Styles,
    text: dict[str, str],
    rows: tuple[int, int],
) -> None:
    """A column per status, in the status colours, over the table's counts."""
    first, last = rows
    ws = sheet.worksheet
    chart = sheet.workbook.add_chart({"type": "column"})
    name = quote_sheet(ws.name)
    chart.add_series(
        {
            "name": text["chart"],
            "categories": f"={name}!$B${first + 1}:$B${last + 1}",
            "values": f"={name}!$C${first + 1}:$C${last + 1}",
            "points": [
                {"fill": {"color": styles.status_colour(s)}, "border": dict(charts.SEPARATOR)}
                for s in monitor.statuses
            ],
            "data_labels": {"value": True, "font": {"size": 8, "color": "#1A1A1A"}},
            "gap": 60,
        }
    )
    chart.set_title({"name": text["chart"], "name_font": {"size": 11, "bold": True}})
    chart.set_legend({"none": True})
    largest = max(monitor.status_totals().values(), default=0)
    chart.set_y_axis(
        {
            **whole_number_axis(largest),
            "num_font": {"size": 8},
            "major_gridlines": {"visible": True},
        }
    )
    chart.set_size({"width": 480, "height": 300})
    charts.declare_language(chart, sheet.words.lang)
    totals = {s: sum(p.by_status[s] for p in monitor.periods) for s in monitor.statuses}
    counts = charts.counts_text(sheet.words, monitor.statuses, totals)
    description = f"{sheet.words['alt.explorer']}: {counts}."
    charts.insert(ws, (FIRST_CHOICE_ROW, 5), chart, description)


def _literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


__all__ = [
    "TABLE_NAME",
    "ExplorerSheet",
    "add_explorer_worksheet",
    "choices_of",
    "has_explorer_sheet",
    "write_explorer_sheet",
]
