"""From rows of cells to actions: under the header (header.py), every non-empty row one Action.

Shared by every format. Nothing is dropped silently: a row with an unknown status or without a
period becomes an action in a visible bucket plus a Finding that names its cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from ..cells import cell_ref, sheet_ref
from ..model import Action, Finding
from ..words import synonyms, terms
from ..words.terms import DATE_FIELDS, ONBEKEND, header_key, label_key
from .blocks import ActionRow, Region, RowSorter, SortedColumns
from .fills import Fill
from .header import Header
from .themes import Themes, is_mark, mark_findings, marking_columns
from .themes import join as join_themes
from .themes import unique as unique_themes
from .values import (
    BadDate,
    Synonyms,
    cell_text,
    is_before_excel,
    parse_date,
    parse_flag,
    status_cell_text,
)

#: Date fields in the order of the register's fields, so their warnings come in a fixed order.
DATE_ORDER = tuple(name for name in terms.FIELDS if name in DATE_FIELDS)
#: Columns whose few distinct values are kept once, not once per action (memory at 100,000 rows).
SHARED_TEXT = ("theme", "department", "owner", "ambition")
PLAIN_TEXT = ("department", "owner", "notes", "ambition")  # Action fields as the cell says
_UNSEEN = object()
_BAD = object()


@dataclass
class ParsedRows:
    actions: list[Action]
    periods: list[str]
    findings: list[Finding]
    headings: list[tuple[int, str]] = field(default_factory=list)  # (row, text)
    theme_columns: list[tuple[int, str]] = field(default_factory=list)  # used: (col, theme)


@dataclass
class SheetContext:
    """What one sheet's rows need beyond the header: where the sheet's name goes, which
    columns may mark themes, the rows whose formulas count, and the period example shared by
    the register's sheets (see RowParser)."""

    sheet_label: str = ""  # the Action.sheet of its actions: set when several sheets are read
    #: field -> value for a missing column (a sheet's name as theme, department or period);
    #: without a period column and without such a value, the section heading is the period
    fill: dict[str, str] = field(default_factory=dict)
    themes: Themes = field(default_factory=Themes)
    theme_columns: list[tuple[int, str]] = field(default_factory=list)  # (col, theme) candidates
    count_rows: set[int] = field(default_factory=set)
    #: the example in the hint for a missing period, filled in from the register once read
    period_hint: dict[str, object] = field(default_factory=lambda: {"example": ""})
    #: the fill colours of some cells of the sheet (xlsx, xlsm), for colour-only cells
    fills_of: Callable[[Collection[tuple[int, int]]], dict[tuple[int, int], Fill]] | None = None
    status_colours: dict[str, str] = field(default_factory=dict)  # [statuses] colours


#: "groen = afgerond", "Rood: niet gestart": a colour legend written as text.
@functools.cache
def _legend() -> re.Pattern[str]:
    """Compiled when a sheet has status cells with only a colour: kept off every start."""
    return re.compile(
        r"^(" + "|".join(synonyms.COLOUR_WORDS) + r")\s*(?:=|:|-|–|is|betekent|means)\s*(.+)$",
        re.IGNORECASE,
    )


#: A colour that a legend may call by its neighbour's name (Excel's "Orange" looks yellow).
_NEIGHBOURS = {"geel": "oranje", "oranje": "geel"}


class RowParser:
    """Turns the rows under a header into actions, one per action row (see ``blocks`` for the
    rows that are not actions).

    This is the reader's inner loop, run once per row of registers of 100,000 actions. Columns
    like status, period and dates repeat a few values many times, so each distinct cell text is
    matched once and remembered; every row still gets its own findings, in the same order.
    """

    def __init__(
        self,
        header: Header,
        sheet: str | None,
        statuses: Synonyms,
        context: SheetContext | None = None,
    ) -> None:
        self.header = header
        self.sheet = sheet
        self.statuses = statuses
        self.context = context or SheetContext()
        self.progress = Synonyms(synonyms.PROGRESS_SYNONYMS)
        self.findings: list[Finding] = []
        self._period_labels: dict[str, str] = {}
        self._header_keys = {col: header_key(text) for col, text in self._header_cells()}
        self._status_header_key = self._header_keys[header.columns["status"]]
        # cell text -> result, for values that repeat down a column
        self._header_key_of: dict[str, str] = {}
        self._period_of: dict[str, str] = {}
        self._status_of: dict[str, tuple[str | None, tuple[str, str] | None]] = {}
        self._progress_of: dict[str, str | None] = {}
        self._flag_of: dict[str, bool | None] = {}
        self._date_of: dict[object, object] = {}
        self._shared: dict[str, str] = {}
        self._themes_of: dict[object, tuple[str, tuple[str, ...]]] = {}

    def _header_cells(self) -> Iterator[tuple[int, str]]:
        for name, col in self.header.columns.items():
            yield col, self.header.headers[name]

    def parse(self, rows: Sequence[Sequence[object]], region: Region | None = None) -> ParsedRows:
        """The actions of ``region`` (default: every row under the header)."""
        header = self.header
        region = region or Region(header.data_start, len(rows))
        self._at = {name: position for position, name in enumerate(header.columns)}
        columns = SortedColumns(
            fields=tuple(header.columns),
            columns=tuple(header.columns.values()),
            span=header.span,
            keys={name: self._header_keys[col] for name, col in header.columns.items()},
        )
        sorter = RowSorter(
            columns,
            self.sheet,
            self.context.count_rows,
            self._repeats_header,
            lambda text: self.statuses.match(text) is not None,
        )
        plan = sorter.sort(rows, region)
        marks = marking_columns(self.context.theme_columns, rows, plan.actions)
        self._fills = self._colour_only_cells(plan.actions)
        self._colours = self._status_colours(rows, plan.actions)
        left_out = iter(plan.findings)
        pending = next(left_out, None)
        actions = []
        for index, values, section in plan.actions:
            while pending is not None and pending[0] < index:
                self.findings.append(pending[1])
                pending = next(left_out, None)
            actions.append(self._action(values, index, section, rows[index], marks))
        while pending is not None:
            self.findings.append(pending[1])
            pending = next(left_out, None)
        self.findings.extend(mark_findings(self.sheet, rows, plan.actions, marks))
        if not self.context.period_hint.get("example") and self._period_labels:
            self.context.period_hint["example"] = next(iter(self._period_labels.values()))
        return ParsedRows(
            actions, list(self._period_labels.values()), self.findings, plan.headings, marks
        )

    def _ref(self, row: int, name: str | None) -> str:
        col = self.header.columns.get(name, 0) if name else 0
        if name is None:
            return f"{sheet_ref(self.sheet)}{row + 1}:{row + 1}"
        return cell_ref(self.sheet, row, col)

    def _repeats_header(self, values: tuple[object, ...]) -> bool:
        # The status cell first: few distinct values, each reduced to its header key once.
        status = values[self._at["status"]]
        if type(status) is str:
            key = self._header_key_of.get(status)
            if key is None:
                key = self._header_key_of[status] = header_key(cell_text(status))
            if key != self._status_header_key:
                return False
        return all(
            header_key(cell_text(value)) == self._header_keys[col]
            for value, col in zip(values, self.header.columns.values(), strict=True)
        )

    # --- colours: a cell with a fill and no text -------------------------------------------

    def _colour_only_cells(self, action_rows: list[ActionRow]) -> dict[tuple[int, int], Fill]:
        """The fills of the empty status and progress cells of the actions (xlsx, xlsm)."""
        fills_of = self.context.fills_of
        if fills_of is None:
            return {}
        at, columns = self._at, self.header.columns
        cells: list[tuple[int, int]] = []
        for name in ("status", "progress"):
            if name in at:
                position, col = at[name], columns[name]
                cells.extend(
                    (index, col)
                    for index, values, _ in action_rows
                    if values[position] is None or values[position] == ""
                )
        return fills_of(cells) if cells else {}

    def _status_colours(
        self, rows: Sequence[Sequence[object]], action_rows: list[ActionRow]
    ) -> dict[str, str]:
        """Colour name (or #RRGGBB) -> status for status cells with only a colour: the
        ``[statuses] colours`` setting, else a colour legend in the sheet: a filled cell whose
        text is a status ("Afgerond" on green) or a text "groen = afgerond", outside the
        actions."""
        status_col = self.header.columns["status"]
        if not any(col == status_col for _, col in self._fills):
            return {}
        if self.context.status_colours:
            return dict(self.context.status_colours)
        taken = {index for index, _, _ in action_rows} | {self.header.row}
        legend: dict[str, str] = {}
        filled: dict[tuple[int, int], str] = {}
        for index, row in enumerate(rows):
            if index in taken:
                continue
            for col, value in enumerate(row):
                if not isinstance(value, str) or not value.strip():
                    continue
                said = _legend().match(value.strip())
                if said is not None:
                    status = self.statuses.match(said.group(2))
                    colour = synonyms.COLOUR_WORDS.get(said.group(1).casefold())
                    if status is not None and colour is not None:
                        legend.setdefault(colour, status)
                    continue
                status = self.statuses.match(value)
                if status is not None:
                    filled[(index, col)] = status
        if filled and self.context.fills_of is not None:
            for cell, fill in self.context.fills_of(list(filled)).items():
                legend.setdefault(fill.name, filled[cell])
        return legend

    def _by_colour(self, fill: Fill, index: int) -> str:
        """The status of a cell that has only a colour; unknown (with a warning saying how to
        name the colours) when neither the setting nor a legend says."""
        colours = self._colours
        status = colours.get(fill.rgb) or colours.get(fill.name)
        if status is None and fill.name in _NEIGHBOURS:
            status = colours.get(_NEIGHBOURS[fill.name])
        if status is None:
            self.findings.append(
                Finding(
                    "status_colour_only",
                    self._ref(index, "status"),
                    {"colour": fill.name, "rgb": fill.rgb},
                )
            )
            return ONBEKEND
        return status

    # --- themes: a cell with several, and columns marked with an x -------------------------

    def _themes(
        self, text: str, row: Sequence[object], marks: list[tuple[int, str]]
    ) -> tuple[str, tuple[str, ...]]:
        """The action's themes (its theme cell split, then the marked theme columns) and
        their display text, remembered per combination."""
        if not marks:  # the usual register: one theme column, or none
            found = self._themes_of.get(text)
            if found is None:
                themes = self.context.themes.split(text) if text else ()
                found = self._themes_of[text] = (join_themes(themes), themes)
            return found
        marked = tuple(
            theme for col, theme in marks if col < len(row) and is_mark(row[col]) is True
        )
        key = (text, marked)
        found = self._themes_of.get(key)
        if found is None:
            themes = self.context.themes.split(text) if text else ()
            if marked:
                themes = unique_themes((*themes, *marked))
            found = self._themes_of[key] = (join_themes(themes), themes)
        return found

    # --- one action ---------------------------------------------------------------------------

    def _action(
        self,
        values: tuple[object, ...],
        index: int,
        section: str,
        row: Sequence[object],
        marks: list[tuple[int, str]],
    ) -> Action:
        """One action from the row's values (in the order of ``header.columns``). Findings
        come in a fixed order: action, period, status, progress, highlight, dates."""
        at = self._at
        shared = self._shared
        context = self.context
        text = {
            name: _text(values[position])
            for name, position in at.items()
            if name not in DATE_FIELDS and name != "highlight"
        }
        status_value = values[at["status"]]
        if type(status_value) is not str:  # a share from a percentage cell shows as "50%"
            text["status"] = status_cell_text(status_value)
        if context.fill:
            for name, value in context.fill.items():
                text.setdefault(name, value)
        for name in SHARED_TEXT:
            if name in text:
                text[name] = shared.setdefault(text[name], text[name])
        status_text = shared.setdefault(text["status"], text["status"])
        progress_text = shared.setdefault(text.get("progress", ""), text.get("progress", ""))
        status_fill = progress_fill = None
        if self._fills:
            columns = self.header.columns
            status_fill = self._fills.get((index, columns["status"])) if not status_text else None
            if not progress_text and "progress" in columns:
                progress_fill = self._fills.get((index, columns["progress"]))
        if not text["action"]:
            self.findings.append(Finding("empty_action", self._ref(index, "action")))
        if "period" in at:
            period = self._period(text["period"], index)
        else:
            period = self._period(text.get("period") or section, index)
        theme, themes = self._themes(text.get("theme", ""), row, marks)
        if status_fill is not None:
            status = self._by_colour(status_fill, index)
            status_text = f"({status_fill.name})"
        else:
            status = self._status(status_text, index)
        if progress_fill is not None:
            progress = self._progress_by_colour(progress_fill, index)
            progress_text = f"({progress_fill.name})"
        else:
            progress = self._progress(progress_text, index)
        return Action(
            row=index + 1,
            text=text["action"],
            period=period,
            status=status,
            status_text=status_text,
            id=text.get("id", ""),
            theme=theme,
            progress=progress,
            progress_text=progress_text,
            highlight=(
                self._highlight(values[at["highlight"]], index) if "highlight" in at else None
            ),
            sheet=context.sheet_label,
            section=section,
            themes=themes,
            **cast(
                "dict[str, Any]",  # the date fields of Action, and its plain texts
                {
                    name: self._date(values[at[name]], index, name)
                    for name in DATE_ORDER
                    if name in at
                }
                | {name: text.get(name, "") for name in PLAIN_TEXT},
            ),
        )

    def _period(self, text: str, index: int) -> str:
        if not text:
            self.findings.append(
                Finding("empty_period", self._ref(index, "period"), self.context.period_hint)
            )
            return ""
        label = self._period_of.get(text)
        if label is None:
            key = label_key(text)
            if key not in self._period_labels:
                self._period_labels[key] = " ".join(text.split())
            label = self._period_of[text] = self._period_labels[key]
        return label

    def _status(self, text: str, index: int) -> str:
        if not text:
            self.findings.append(Finding("empty_status", self._ref(index, "status")))
            return ONBEKEND
        known = self._status_of.get(text)
        if known is None:
            status = self.statuses.match(text)
            known = self._status_of[text] = (
                status,
                self.statuses.suggest(text) if status is None else None,
            )
        status, suggestion = known
        if status is not None:
            return status
        if suggestion is None:
            self.findings.append(
                Finding(
                    "unknown_status_nohint", self._ref(index, "status"), {"value": _shorten(text)}
                )
            )
        else:
            spelling, canonical = suggestion
            self.findings.append(
                Finding(
                    "unknown_status",
                    self._ref(index, "status"),
                    {"value": _shorten(text), "suggestion": spelling, "canonical": canonical},
                )
            )
        return ONBEKEND

    def _progress(self, text: str, index: int) -> str:
        if not text:
            return ""
        light = self._progress_of.get(text, _UNSEEN)
        if light is _UNSEEN:
            light = self._progress_of[text] = self.progress.match(text)
        if light is None:
            self.findings.append(
                Finding("bad_progress", self._ref(index, "progress"), {"value": _shorten(text)})
            )
            return ""
        return cast(str, light)

    def _progress_by_colour(self, fill: Fill, index: int) -> str:
        light = synonyms.PROGRESS_COLOURS.get(fill.name)
        if light is None:
            self.findings.append(
                Finding(
                    "progress_colour",
                    self._ref(index, "progress"),
                    {"colour": fill.name, "rgb": fill.rgb},
                )
            )
            return ""
        return light

    def _highlight(self, value: object, index: int) -> bool:
        if type(value) is str:
            flag = self._flag_of.get(value, _UNSEEN)
            if flag is _UNSEEN:
                flag = self._flag_of[value] = parse_flag(value)
        else:
            flag = parse_flag(value)
        if flag is None:
            self.findings.append(
                Finding(
                    "bad_highlight",
                    self._ref(index, "highlight"),
                    {"value": _shorten(cell_text(value))},
                )
            )
            return False
        return cast(bool, flag)

    def _date(self, value: object, index: int, name: str) -> dt.date | None:
        if value is None:
            return None
        # Text and date cells repeat: parse each once, and keep one date object per day.
        kind = type(value)
        if kind is str or kind is dt.date or kind is dt.datetime:
            date = self._date_of.get(value, _UNSEEN)
            if date is _UNSEEN:
                try:
                    date = parse_date(value)
                except BadDate:
                    date = _BAD
                if date is not None and date is not _BAD:
                    date = self._date_of.setdefault(date, date)
                self._date_of[value] = date
        else:
            try:
                date = parse_date(value)
            except BadDate:
                date = _BAD
        if date is _BAD:
            self.findings.append(
                Finding("bad_date", self._ref(index, name), {"value": _shorten(cell_text(value))})
            )
            return None
        found = cast("dt.date | None", date)
        if found is not None and is_before_excel(found):
            self.findings.append(
                Finding("date_before_1900", self._ref(index, name), {"date": _dmy(found)})
            )
            return None
        return found


def _text(value: object) -> str:
    return value.strip() if type(value) is str else cell_text(value)


def _dmy(date: dt.date) -> str:
    return f"{date.day:02d}-{date.month:02d}-{date.year:04d}"  # strftime pads no year < 1000


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
