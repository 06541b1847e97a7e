"""The sheets "Per afdeling", "Per thema" and "Per bron": status counts per group, as an Excel
Table of live COUNTIFS formulas over the Acties sheet (with cached values) and a native chart.
"""

from __future__ import annotations

from typing import Any

from ..breakdowns import several_themes
from ..cells import column_letter, quote_sheet
from ..model import GroupCounts
from . import charts
from .actions_sheet import ActionsLayout
from .context import SheetContext
from .formulas import count_formula, theme_count_formula
from .print_setup import PageSetup, move_last_chart, set_up_page, whole_number_axis
from .styles import TABLE_STYLE

TABLE_NAMES = {"department": "PerAfdeling", "theme": "PerThema", "source": "PerBron"}
#: The Acties sheet column each view counts on.
ACTION_COLUMNS = {"department": "department", "theme": "theme", "source": "origin"}
BAR_HEIGHT_PX = 26


def write_breakdown_sheet(sheet: SheetContext, field_name: str, layout: ActionsLayout) -> None:
    """The sheet of one breakdown (``field_name``: department, theme or source), counting in
    the Acties table at ``layout``."""
    Breakdown(sheet, field_name, layout).write()


class Breakdown:
    """One breakdown sheet being written: its groups and where their formulas count."""

    def __init__(self, sheet: SheetContext, field_name: str, layout: ActionsLayout) -> None:
        self.sheet = sheet
        self.field_name = field_name
        self.layout = layout
        self.groups = sheet.monitor.breakdowns[field_name]
        self.statuses = sheet.monitor.statuses
        self.column = ACTION_COLUMNS[field_name]
        #: themes: an action whose cell lists several themes counts in each
        self.several = field_name == "theme" and several_themes(sheet.monitor.register)

    def write(self) -> None:
        worksheet, monitor = self.sheet.worksheet, self.sheet.monitor
        words, styles = self.sheet.words, self.sheet.styles
        field_name, groups, statuses = self.field_name, self.groups, self.statuses
        worksheet.write_string(0, 0, words[f"group.title.{field_name}"], styles["title"])
        worksheet.set_row(0, 30)
        worksheet.set_column(0, 0, 30)
        worksheet.set_column(1, len(statuses) + 2, 10)
        top = 2
        headers = [
            words[f"group.{field_name}"],
            words["col.total"],
            *(words.status(s).capitalize() for s in statuses),
            words["col.done_share"],
        ]
        for offset, group in enumerate(groups):
            row = top + 1 + offset
            label = group.label or words[f"group.none.{field_name}"]
            worksheet.write_string(row, 0, label, styles["period"])
            self._write_counts(row, group)
        last = top + max(len(groups), 1) + 1
        if self.several:
            note = words.plural("group.several_themes", monitor.total_actions)
            worksheet.write_string(last + 2, 0, note, styles["note"])
        totals = {s: sum(g.by_status[s] for g in groups) for s in statuses}
        total = sum(g.total for g in groups)
        specs: list[dict[str, Any]] = [{"header": headers[0], "total_string": words["row.total"]}]
        for offset, header in enumerate(headers[1:-1], start=1):
            letter = column_letter(offset)
            value = total if offset == 1 else totals[statuses[offset - 2]]
            specs.append(
                {
                    "header": header,
                    "format": styles["total_count"],
                    "total_function": f"=SUBTOTAL(109,{letter}{top + 2}:{letter}{last})",
                    "total_value": value,
                }
            )
        share_col = len(headers) - 1
        t, v = f"B{last + 1}", f"C{last + 1}"
        specs.append(
            {
                "header": headers[-1],
                "format": styles["total_share"],
                "total_function": f"=IF({t}=0,0,{v}/{t})",
                "total_value": totals.get("voltooid", 0) / total if total else 0,
            }
        )
        worksheet.add_table(
            top,
            0,
            last,
            share_col,
            {
                "name": TABLE_NAMES[field_name],
                "style": TABLE_STYLE,
                "total_row": True,
                "columns": specs,
            },
        )
        height = self._insert_chart(top, share_col + 2)
        # below the table, not beside it: the page prints at 100%, its 8 pt texts at 8 pt
        chart_row = last + (4 if self.several else 2)
        move_last_chart(worksheet, chart_row, 0)
        if field_name == "theme" and monitor.ambitions:
            # the ambitions below, on a page of their own; no header row repeated over them
            from .ambition_table import Place, chart_rows, write_ambitions

            letter = column_letter(share_col)
            cells = {g.label: f"${letter}${top + 2 + i}" for i, g in enumerate(groups)}
            write_ambitions(self.sheet, Place(chart_row + chart_rows(height) + 2, cells))
            worksheet.freeze_panes(0, 1)
            set_up_page(worksheet, monitor, words, PageSetup(full_size=True))
            return
        worksheet.freeze_panes(top + 1, 1)
        set_up_page(worksheet, monitor, words, PageSetup(repeat_row=top))

    def _write_counts(self, row: int, group: GroupCounts) -> None:
        """Totaal, one count per status and the share completed; a group without a label
        counts the empty cells of its column. Of several themes, an action whose cell lists
        the group among others counts too."""
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        layout, column, statuses = self.layout, self.column, self.statuses
        label_cell = f"$A${row + 1}"
        formula_of = theme_count_formula if self.several and group.label else count_formula
        worksheet.write_formula(
            row,
            1,
            formula_of(layout, column, group.label, None, label_cell),
            styles["count"],
            group.total,
        )
        for offset, status in enumerate(statuses, start=2):
            formula = formula_of(layout, column, group.label, words.status(status), label_cell)
            worksheet.write_formula(row, offset, formula, styles["count"], group.by_status[status])
        share = group.by_status["voltooid"] / group.total if group.total else 0
        worksheet.write_formula(
            row,
            len(statuses) + 2,
            f"=IF(B{row + 1}=0,0,C{row + 1}/B{row + 1})",
            styles["share"],
            share,
        )

    def _insert_chart(self, top: int, col: int) -> int:
        """A stacked bar per group, one series per status; its height in pixels."""
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        groups, statuses = self.groups, self.statuses
        chart = self.sheet.workbook.add_chart({"type": "bar", "subtype": "stacked"})
        sheet = quote_sheet(worksheet.name)
        first, last = top + 2, top + 1 + max(len(groups), 1)
        for offset, status in enumerate(statuses, start=2):
            letter = column_letter(offset)
            chart.add_series(
                {
                    "name": f"={sheet}!${letter}${top + 1}",
                    "categories": f"={sheet}!$A${first}:$A${last}",
                    "values": f"={sheet}!${letter}${first}:${letter}${last}",
                    **charts.bar_series(styles.status_colour(status), inside=True),
                    "gap": 60,
                }
            )
        chart.set_title(
            {
                "name": words[f"group.chart.{self.field_name}"],
                "name_font": {"size": 11, "bold": True},
            }
        )
        chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})  # first group on top
        chart.set_x_axis(
            {
                **whole_number_axis(max((g.total for g in groups), default=0)),
                "num_font": {"size": 8},
                "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
            }
        )
        chart.set_legend({"position": "bottom", "font": {"size": 8}})
        height = max(260, 90 + BAR_HEIGHT_PX * len(groups))
        chart.set_size({"width": 560, "height": height})
        charts.declare_language(chart, words.lang)
        named = [
            (g.label or words[f"group.none.{self.field_name}"], g.by_status) for g in self.groups
        ]
        description = charts.alt_text(words, words[f"alt.group.{self.field_name}"], named, statuses)
        charts.insert(worksheet, (top, col), chart, description)
        return height
