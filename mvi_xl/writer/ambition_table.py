"""The ambitions on the Per thema sheet, below its counts: an Excel Table ``Ambities`` (per
theme its ambition level, the share completed, the target, its start and date, the share
expected at the peildatum and whether the theme is on course) and a native bar chart of the
share completed against the expected share and the target.

The share completed refers to the counts table's live share; Verwacht nu and Koers are
formulas over the row's cells and a peildatum cell (never TODAY(), so the monitor says what it
said on its peildatum), in the order of operations ambitions.py computes them in, so the
cached values are its numbers. A coordinator may type a target and dates into a row: the
formulas follow.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from ..ambitions import Ambition
from ..cells import column_letter, quote_sheet
from . import charts
from .context import SheetContext
from .styles import TABLE_STYLE

TABLE_NAME = "Ambities"
#: The columns of the table, after the theme in A, and their widths.
COLUMNS = ("level", "share", "target", "start", "target_date", "expected", "course")
#: Widths beyond the counts table's (30 for the theme, 10 for each count); the Koers column
#: holds "niet gehaald".
LEVEL_WIDTH, COURSE_WIDTH = 15, 13
ROW_PX = 20  # the default row height, for placing what comes below a chart
BAR_HEIGHT_PX = 34


@dataclass(frozen=True)
class Place:
    """Where the block goes and what it refers to on the sheet."""

    top: int  # 0-based row of the block's heading
    share_cells: dict[str, str]  # theme label -> the counts table's share cell ($G$5)


def chart_rows(height_px: int) -> int:
    """The rows a chart of ``height_px`` covers, rounded up."""
    return math.ceil(height_px / ROW_PX)


class AmbitionTable:
    """The block being written."""

    def __init__(self, sheet: SheetContext, place: Place) -> None:
        self.sheet = sheet
        self.place = place
        self.ambitions: tuple[Ambition, ...] = sheet.monitor.ambitions
        self.as_of_row = place.top + 1
        self.header_row = place.top + 2
        self.first = self.header_row + 1  # 0-based, the first theme's row
        self.last = self.header_row + len(self.ambitions)
        self.letters = {key: column_letter(1 + i) for i, key in enumerate(COLUMNS)}

    def write(self) -> None:
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        worksheet.set_h_pagebreaks([self.place.top])  # the block starts a page of its own
        worksheet.write_string(self.place.top, 0, words["ambition.title"], styles["heading"])
        worksheet.write_string(self.as_of_row, 0, words["ambition.as_of"], styles["label"])
        moment = dt.datetime.combine(self.sheet.monitor.as_of, dt.time())
        worksheet.write_datetime(self.as_of_row, 1, moment, styles["cell_date"])
        worksheet.set_column(1, 1, LEVEL_WIDTH)
        worksheet.set_column(len(COLUMNS), len(COLUMNS), COURSE_WIDTH)
        worksheet.set_row(self.header_row, 30)  # two-word headers on two lines
        wrapped = styles["table_head_wrap"]
        for offset, ambition in enumerate(self.ambitions):
            self._write_row(self.first + offset, ambition)
        headers = [words["ambition.theme"], *(words[f"ambition.{key}"] for key in COLUMNS)]
        worksheet.add_table(
            self.header_row,
            0,
            max(self.last, self.first),
            len(COLUMNS),
            {
                "name": TABLE_NAME,
                "style": TABLE_STYLE,
                "columns": [{"header": h, "header_format": wrapped} for h in headers],
            },
        )
        self._colour_courses()
        note_row = max(self.last, self.first) + 1
        worksheet.merge_range(
            note_row, 0, note_row, len(COLUMNS), words["ambition.rule"], styles["note_wrap"]
        )
        worksheet.set_row(note_row, 48)
        if any(a.target is not None for a in self.ambitions):
            self._insert_chart(note_row + 2)

    def _colour_courses(self) -> None:
        """Koers lightly filled as the Acties sheet fills statuses: met and on course as
        voltooid, behind and not met as lopend; the word says it without the colour."""
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        col = len(COLUMNS)
        for course, status in (
            ("met", "voltooid"),
            ("on_course", "voltooid"),
            ("behind", "lopend"),
            ("not_met", "lopend"),
        ):
            worksheet.conditional_format(
                self.first,
                col,
                max(self.last, self.first),
                col,
                {
                    "type": "cell",
                    "criteria": "==",
                    "value": _quoted(words[f"course.{course}"]),
                    "format": styles.status_fill(status),
                },
            )

    def _write_row(self, row: int, ambition: Ambition) -> None:
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        col = {key: 1 + i for i, key in enumerate(COLUMNS)}
        worksheet.write_string(row, 0, ambition.theme, styles["period"])
        if ambition.level:
            text = words[f"ambition.{ambition.level}"]
            worksheet.write_string(row, col["level"], text, styles["cell_text"])
        share_cell = self.place.share_cells[ambition.theme]
        worksheet.write_formula(
            row, col["share"], f"={share_cell}", styles["share"], ambition.share
        )
        for key, day in (("start", ambition.start), ("target_date", ambition.target_date)):
            if day is not None:
                moment = dt.datetime.combine(day, dt.time())
                worksheet.write_datetime(row, col[key], moment, styles["cell_date"])
        if ambition.target is not None:
            worksheet.write_number(row, col["target"], ambition.target, styles["share"])
        expected = "" if ambition.expected is None else ambition.expected
        worksheet.write_formula(
            row, col["expected"], self._expected_formula(row), styles["share"], expected
        )
        course = words[f"course.{ambition.course}"] if ambition.course else ""
        worksheet.write_formula(
            row, col["course"], self._course_formula(row), styles["cell_text"], course
        )

    def _cells(self, row: int) -> dict[str, str]:
        cells = {key: f"{letter}{row + 1}" for key, letter in self.letters.items()}
        cells["as_of"] = f"$B${self.as_of_row + 1}"
        return cells

    def _expected_formula(self, row: int) -> str:
        """T x (peildatum - S) / (D - S): nothing before S, T from D on (ambitions.py)."""
        c = self._cells(row)
        t, s, d, p = c["target"], c["start"], c["target_date"], c["as_of"]
        return (
            f'=IF(OR({t}="",{d}=""),"",IF({p}>={d},{t},IF({s}="","",'
            f"IF({p}<={s},0,{t}*({p}-{s})/({d}-{s})))))"
        )

    def _course_formula(self, row: int) -> str:
        c = self._cells(row)
        t, d, p, share, e = c["target"], c["target_date"], c["as_of"], c["share"], c["expected"]
        word = {key: _quoted(self.sheet.words[f"course.{key}"]) for key in _COURSES}
        return (
            f'=IF(OR({t}="",{d}=""),"",IF({share}>={t},{word["met"]},'
            f'IF({p}>={d},{word["not_met"]},IF({e}="","",'
            f"IF({share}>={e},{word['on_course']},{word['behind']})))))"
        )

    def _insert_chart(self, row: int) -> None:
        """Per theme three bars: the share completed, the share expected now and the target,
        told apart by fill, pattern and outline as well as by colour."""
        worksheet, words, styles = self.sheet.worksheet, self.sheet.words, self.sheet.styles
        chart = self.sheet.workbook.add_chart({"type": "bar"})
        sheet = quote_sheet(worksheet.name)
        first, last = self.first + 1, self.last + 1
        done = styles.status_colour("voltooid")
        text = "#1A1A1A"
        looks: dict[str, dict[str, Any]] = {
            "share": charts.bar_series(done, inside=False),
            "expected": {
                "pattern": {
                    "pattern": "wide_upward_diagonal",
                    "fg_color": done,
                    "bg_color": "#FFFFFF",
                },
                "border": {"color": done, "width": 1},
            },
            "target": {"fill": {"none": True}, "border": {"color": text, "width": 1.75}},
        }
        for key in ("share", "expected", "target"):
            letter = self.letters[key]
            look = looks[key]
            look["data_labels"] = {
                "value": True,
                "position": "outside_end",
                "font": {"size": 8, "color": text},
                "num_format": "0%" if key == "share" else "0%;;;",
            }
            chart.add_series(
                {
                    "name": f"={sheet}!${letter}${self.header_row + 1}",
                    "categories": f"={sheet}!$A${first}:$A${last}",
                    "values": f"={sheet}!${letter}${first}:${letter}${last}",
                    "gap": 60,
                    **look,
                }
            )
        chart.set_title({"name": words["ambition.chart"], "name_font": {"size": 11, "bold": True}})
        chart.set_y_axis({"reverse": True, "num_font": {"size": 8}})  # first theme on top
        chart.set_x_axis(
            {
                "min": 0,
                "max": 1.12,  # room for the label of a bar at 100%
                "major_unit": 0.2,
                "num_format": "0%",
                "num_font": {"size": 8},
                "major_gridlines": {"visible": True, "line": {"color": "#E0E0E0"}},
            }
        )
        chart.set_legend({"position": "bottom", "font": {"size": 8}})
        height = max(260, 90 + BAR_HEIGHT_PX * len(self.ambitions))
        chart.set_size({"width": 640, "height": height})
        charts.declare_language(chart, words.lang)
        charts.insert(worksheet, (row, 0), chart, self._alt_text())

    def _alt_text(self) -> str:
        """What the chart shows, with every theme's numbers."""
        words = self.sheet.words
        parts = [words["alt.ambition"]]
        for ambition in self.ambitions[: charts.MAX_ALT_GROUPS]:
            said = words["alt.ambition.theme"].format(
                theme=ambition.theme, share=_percent(ambition.share)
            )
            if ambition.target is not None and ambition.target_date is not None:
                course = words[f"course.{ambition.course}"] if ambition.course else ""
                said += "; " + words["alt.ambition.target"].format(
                    target=_percent(ambition.target),
                    date=words.date(ambition.target_date),
                    expected=_percent(ambition.expected) if ambition.expected is not None else "-",
                    course=course,
                ).rstrip(", ")
            parts.append(said + ".")
        hidden = len(self.ambitions) - charts.MAX_ALT_GROUPS
        if hidden > 0:
            parts.append(words.plural("alt.more_groups", hidden))
        return " ".join(parts)


_COURSES = ("met", "not_met", "on_course", "behind")


def _quoted(text: str) -> str:
    """A text of our own as a formula string."""
    return '"' + text.replace('"', '""') + '"'


def _percent(share: float) -> str:
    """0.534 as "53%", as the cells show it (Excel rounds half away from zero)."""
    return f"{math.floor(share * 100 + 0.5)}%"


def write_ambitions(sheet: SheetContext, place: Place) -> None:
    AmbitionTable(sheet, place).write()
