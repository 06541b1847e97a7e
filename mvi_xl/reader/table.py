"""From rows of cells to actions: find the header, then turn every non-empty row into one Action.

Shared by every format. Nothing is dropped silently: a row with an unknown status or without a
period becomes an action in a visible bucket plus a Finding that names its cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import vocabulary
from ..cells import cell_ref, column_letter, sheet_ref
from ..model import Action, Communication, Finding
from ..vocabulary import DATE_FIELDS, ONBEKEND, REQUIRED_FIELDS, header_key, label_key
from .values import BadDate, HeaderMatcher, Synonyms, cell_text, is_blank, parse_date, parse_flag

#: The header row may be anywhere in the first rows: title rows and merged titles above it.
HEADER_SCAN_ROWS = 20


@dataclass
class Header:
    row: int  # 0-based
    columns: dict[str, int]  # field -> 0-based column
    headers: dict[str, str]  # field -> header text as written
    findings: list[Finding] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]

    @property
    def score(self) -> tuple[int, int]:
        return len(REQUIRED_FIELDS) - len(self.missing), len(self.columns)


def match_header(
    row: Sequence[object], row_index: int, sheet: str | None, matcher: HeaderMatcher
) -> Header:
    """Which field each cell of a candidate header row names; the better name wins a field."""
    columns: dict[str, int] = {}
    ranks: dict[str, int] = {}
    losers: list[tuple[str, int]] = []
    for col, cell in enumerate(row):
        hit = matcher.match(cell)
        if hit is None:
            continue
        name, rank = hit
        if name in columns:
            if rank < ranks[name]:
                losers.append((name, columns[name]))
                columns[name], ranks[name] = col, rank
            else:
                losers.append((name, col))
            continue
        columns[name], ranks[name] = col, rank
    header = Header(row_index, columns, {f: cell_text(row[c]) for f, c in columns.items()})
    for name, col in losers:
        header.findings.append(
            Finding(
                "duplicate_column",
                cell_ref(sheet, row_index, col),
                {
                    "header": cell_text(row[col]),
                    "field": header.headers[name],
                    "used": column_letter(columns[name]),
                },
            )
        )
    return header


def find_header(
    rows: Sequence[Sequence[object]], sheet: str | None, matcher: HeaderMatcher
) -> tuple[Header | None, Header | None]:
    """(the header row, None) when found in the first rows, else (None, the best near miss)."""
    best: Header | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidate = match_header(row, index, sheet, matcher)
        if not candidate.missing:
            return candidate, None
        if candidate.columns and (best is None or candidate.score > best.score):
            best = candidate
    return None, best


@dataclass
class ParsedRows:
    actions: list[Action]
    periods: list[str]
    findings: list[Finding]


class RowParser:
    """Turns the rows under a header into actions, one per non-empty row."""

    def __init__(
        self,
        header: Header,
        sheet: str | None,
        statuses: Synonyms,
        period_example: str = "Aan de slag in 2025",
    ) -> None:
        self.header = header
        self.sheet = sheet
        self.statuses = statuses
        self.progress = Synonyms(vocabulary.PROGRESS_SYNONYMS)
        self.period_example = period_example
        self.findings: list[Finding] = []
        self._period_labels: dict[str, str] = {}
        self._header_keys = {col: header_key(text) for col, text in self._header_cells()}

    def _header_cells(self):
        for name, col in self.header.columns.items():
            yield col, self.header.headers[name]

    def parse(self, rows: Sequence[Sequence[object]]) -> ParsedRows:
        actions = []
        columns = self.header.columns
        for index in range(self.header.row + 1, len(rows)):
            row = rows[index]
            cells = {name: (row[col] if col < len(row) else None) for name, col in columns.items()}
            if all(is_blank(v) for v in cells.values()):
                self._note_stray_cells(row, index)
                continue
            if self._repeats_header(cells):
                self.findings.append(Finding("repeated_header", self._ref(index, None)))
                continue
            actions.append(self._action(cells, index))
        return ParsedRows(actions, list(self._period_labels.values()), self.findings)

    def _ref(self, row: int, name: str | None) -> str:
        col = self.header.columns.get(name, 0) if name else 0
        if name is None:
            return f"{sheet_ref(self.sheet)}{row + 1}:{row + 1}"
        return cell_ref(self.sheet, row, col)

    def _repeats_header(self, cells: dict[str, object]) -> bool:
        return all(
            header_key(cell_text(cells[name])) == self._header_keys[col]
            for name, col in self.header.columns.items()
        )

    def _note_stray_cells(self, row: Sequence[object], index: int) -> None:
        """A row empty in every recognised column but with text elsewhere is not an action;
        say so rather than skip it silently."""
        for col, value in enumerate(row):
            if not is_blank(value):
                self.findings.append(
                    Finding(
                        "stray_row",
                        cell_ref(self.sheet, index, col),
                        {"value": _shorten(cell_text(value))},
                    )
                )
                return

    def _action(self, cells: dict[str, object], index: int) -> Action:
        text = {name: cell_text(value) for name, value in cells.items()}
        if not text["action"]:
            self.findings.append(Finding("empty_action", self._ref(index, "action")))
        return Action(
            row=index + 1,
            text=text["action"],
            period=self._period(text["period"], index),
            status=self._status(text["status"], index),
            status_text=text["status"],
            id=text.get("id", ""),
            theme=text.get("theme", ""),
            department=text.get("department", ""),
            owner=text.get("owner", ""),
            notes=text.get("notes", ""),
            progress=self._progress(text.get("progress", ""), index),
            progress_text=text.get("progress", ""),
            highlight=self._highlight(cells, index),
            **{name: self._date(cells[name], index, name) for name in DATE_FIELDS if name in cells},
        )

    def _period(self, text: str, index: int) -> str:
        if not text:
            self.findings.append(
                Finding(
                    "empty_period",
                    self._ref(index, "period"),
                    {"example": self.period_example},
                )
            )
            return ""
        key = label_key(text)
        if key not in self._period_labels:
            self._period_labels[key] = " ".join(text.split())
        return self._period_labels[key]

    def _status(self, text: str, index: int) -> str:
        if not text:
            self.findings.append(Finding("empty_status", self._ref(index, "status")))
            return ONBEKEND
        status = self.statuses.match(text)
        if status is not None:
            return status
        suggestion = self.statuses.suggest(text)
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
        light = self.progress.match(text)
        if light is None:
            self.findings.append(
                Finding("bad_progress", self._ref(index, "progress"), {"value": _shorten(text)})
            )
            return ""
        return light

    def _highlight(self, cells: dict[str, object], index: int) -> bool | None:
        if "highlight" not in cells:
            return None
        flag = parse_flag(cells["highlight"])
        if flag is None:
            self.findings.append(
                Finding(
                    "bad_highlight",
                    self._ref(index, "highlight"),
                    {"value": _shorten(cell_text(cells["highlight"]))},
                )
            )
            return False
        return flag

    def _date(self, value: object, index: int, name: str):
        try:
            return parse_date(value)
        except BadDate:
            self.findings.append(
                Finding("bad_date", self._ref(index, name), {"value": _shorten(cell_text(value))})
            )
            return None


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Optional sheets -------------------------------------------------------------------------


def read_focus_points(rows: Sequence[Sequence[object]]) -> list[str]:
    """One focus point per row: the first filled cell; a title row naming the sheet is skipped."""
    titles = {header_key(n) for n in vocabulary.FOCUS_SHEET_NAMES}
    points = []
    for row in rows:
        text = next((cell_text(v) for v in row if not is_blank(v)), "")
        if text and header_key(text) not in titles:
            points.append(text.lstrip("-•* ").strip() or text)
    return points


def read_communications(
    rows: Sequence[Sequence[object]], sheet: str
) -> tuple[list[Communication], list[Finding]]:
    """Moments with a date and a status (gerealiseerd or gepland). Without a recognised header
    the columns are taken as moment, date, status."""
    matcher = {
        header_key(n): name
        for name, names in vocabulary.COMMUNICATION_HEADERS.items()
        for n in names
    }
    columns = {"moment": 0, "date": 1, "status": 2}
    start = 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {
            matcher[header_key(c)]: col
            for col, c in enumerate(row)
            if isinstance(c, str) and header_key(c) in matcher
        }
        if "moment" in found:
            columns, start = found, index + 1
            break
    statuses = Synonyms(vocabulary.COMMUNICATION_STATUS_SYNONYMS)
    moments, findings = [], []
    for index in range(start, len(rows)):
        row = rows[index]

        def cell(name: str, row=row) -> object:
            col = columns.get(name)
            return row[col] if col is not None and col < len(row) else None

        text = cell_text(cell("moment"))
        if not text:
            continue
        try:
            date = parse_date(cell("date"))
        except BadDate:
            findings.append(
                Finding(
                    "bad_date",
                    cell_ref(sheet, index, columns["date"]),
                    {"value": _shorten(cell_text(cell("date")))},
                )
            )
            date = None
        status_text = cell_text(cell("status"))
        status = statuses.match(status_text) if status_text else ""
        if status is None:
            findings.append(
                Finding(
                    "communication_status",
                    cell_ref(sheet, index, columns["status"]),
                    {"value": _shorten(status_text)},
                )
            )
            status = ""
        moments.append(Communication(text, date, status, cell_ref(sheet, index, 0)))
    return moments, findings
