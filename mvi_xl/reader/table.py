"""From rows of cells to actions: find the header, then turn every non-empty row into one Action.

Shared by every format. Nothing is dropped silently: a row with an unknown status or without a
period becomes an action in a visible bucket plus a Finding that names its cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from .. import vocabulary
from ..cells import cell_ref, column_letter, sheet_ref
from ..model import Action, Communication, Finding
from ..vocabulary import DATE_FIELDS, ONBEKEND, REQUIRED_FIELDS, header_key, label_key
from .layout import MAX_HEADER_ROWS, band_row, header_band
from .scan import Merge
from .values import BadDate, HeaderMatcher, Synonyms, cell_text, is_blank, parse_date, parse_flag

#: The header row may be anywhere in the first rows: title rows and merged titles above it.
HEADER_SCAN_ROWS = 20
#: Rows read to find the header: a header found on the last scanned row may span a few more.
HEADER_READ_ROWS = HEADER_SCAN_ROWS + MAX_HEADER_ROWS - 1
#: Date fields in the order of the register's fields, so their warnings come in a fixed order.
DATE_ORDER = tuple(name for name in vocabulary.FIELDS if name in DATE_FIELDS)
#: Columns whose few distinct values are kept once, not once per action (memory at 100,000 rows).
SHARED_TEXT = ("theme", "department", "owner")
_UNSEEN = object()
_BAD = object()


@dataclass
class Header:
    row: int  # 0-based
    columns: dict[str, int]  # field -> 0-based column
    headers: dict[str, str]  # field -> header text as written
    findings: list[Finding] = field(default_factory=list)
    last_row: int = -1  # 0-based last row of a header spread over merged cells; -1: ``row``

    @property
    def bottom(self) -> int:
        return max(self.row, self.last_row)

    @property
    def data_start(self) -> int:
        """The first row under the header."""
        return self.bottom + 1

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]

    @property
    def score(self) -> tuple[int, int]:
        return len(REQUIRED_FIELDS) - len(self.missing), len(self.columns)


def match_header(
    row: Sequence[object],
    row_index: int,
    sheet: str | None,
    matcher: HeaderMatcher,
    sources: Sequence[int] = (),
) -> Header:
    """Which field each cell of a candidate header row names; the better name wins a field.
    ``sources`` gives the row of each cell when the header spans rows (for the cell names)."""
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
                cell_ref(sheet, sources[col] if col < len(sources) else row_index, col),
                {
                    "header": cell_text(row[col]),
                    "field": header.headers[name],
                    "used": column_letter(columns[name]),
                },
            )
        )
    return header


def find_header(
    rows: Sequence[Sequence[object]],
    sheet: str | None,
    matcher: HeaderMatcher,
    merges: Sequence[Merge] = (),
) -> tuple[Header | None, Header | None]:
    """(the header row, None) when found in the first rows, else (None, the best near miss).

    A header may span rows through merged cells (see ``layout.header_band``); ``rows`` should
    then hold a few rows beyond HEADER_SCAN_ROWS."""
    best: Header | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        bottom = header_band(rows, index, merges, matcher) if merges else index
        if bottom > index:
            cells, sources = band_row(rows, index, bottom)
            candidate = match_header(cells, index, sheet, matcher, sources)
            candidate.last_row = bottom
        else:
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
    """Turns the rows under a header into actions, one per non-empty row.

    This is the reader's inner loop, run once per row of registers of 100,000 actions. Columns
    like status, period and dates repeat a few values many times, so each distinct cell text is
    matched once and remembered; every row still gets its own findings, in the same order.
    """

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
        self._status_header_key = self._header_keys[header.columns["status"]]
        # cell text -> result, for values that repeat down a column
        self._header_key_of: dict[str, str] = {}
        self._period_of: dict[str, str] = {}
        self._status_of: dict[str, tuple[str | None, tuple[str, str] | None]] = {}
        self._progress_of: dict[str, str | None] = {}
        self._flag_of: dict[str, bool | None] = {}
        self._date_of: dict[object, object] = {}
        self._shared: dict[str, str] = {}

    def _header_cells(self):
        for name, col in self.header.columns.items():
            yield col, self.header.headers[name]

    def parse(self, rows: Sequence[Sequence[object]]) -> ParsedRows:
        columns = tuple(self.header.columns.values())
        self._at = {name: position for position, name in enumerate(self.header.columns)}
        widest = max(columns)
        pick = itemgetter(*columns)  # the three required fields at least: gives a tuple
        actions = []
        for index in range(self.header.data_start, len(rows)):
            row = rows[index]
            if len(row) > widest:
                values = pick(row)
            else:
                values = tuple(row[col] if col < len(row) else None for col in columns)
            for value in values:  # the first cell is nearly always filled
                if not is_blank(value):
                    break
            else:
                self._note_stray_cells(row, index)
                continue
            if self._repeats_header(values):
                self.findings.append(Finding("repeated_header", self._ref(index, None)))
                continue
            actions.append(self._action(values, index))
        return ParsedRows(actions, list(self._period_labels.values()), self.findings)

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

    def _action(self, values: tuple[object, ...], index: int) -> Action:
        """One action from the row's values (in the order of ``header.columns``). Findings
        come in a fixed order: action, period, status, progress, highlight, dates."""
        at = self._at
        shared = self._shared
        text = {
            name: _text(values[position])
            for name, position in at.items()
            if name not in DATE_FIELDS and name != "highlight"
        }
        for name in SHARED_TEXT:
            if name in text:
                text[name] = shared.setdefault(text[name], text[name])
        status_text = shared.setdefault(text["status"], text["status"])
        progress_text = shared.setdefault(text.get("progress", ""), text.get("progress", ""))
        if not text["action"]:
            self.findings.append(Finding("empty_action", self._ref(index, "action")))
        return Action(
            row=index + 1,
            text=text["action"],
            period=self._period(text["period"], index),
            status=self._status(status_text, index),
            status_text=status_text,
            id=text.get("id", ""),
            theme=text.get("theme", ""),
            department=text.get("department", ""),
            owner=text.get("owner", ""),
            notes=text.get("notes", ""),
            progress=self._progress(progress_text, index),
            progress_text=progress_text,
            highlight=(
                self._highlight(values[at["highlight"]], index) if "highlight" in at else None
            ),
            **{
                name: self._date(values[at[name]], index, name) for name in DATE_ORDER if name in at
            },
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
        return flag

    def _date(self, value: object, index: int, name: str):
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
        return date


def _text(value: object) -> str:
    return value.strip() if type(value) is str else cell_text(value)


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
