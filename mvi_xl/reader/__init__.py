"""Read an action register, as staff keep it, into a Register.

``read_register`` is the one entry point: bytes from disk (read once), the kind of file decided
by content, every sheet whose header is recognised (``sheets``), on each the rows that are
actions (``blocks``: not section headings, total rows or notes), every action one Action, and
the optional Aandachtspunten and Communicatie sheets. The register is only ever read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from ..cells import column_letter, sheet_ref
from ..config import Config
from ..errors import RegisterError
from ..model import Action, Communication, Finding, Register, SheetLayout
from ..words import synonyms
from ..words.terms import header_key, label_key
from . import layout
from .header import Header
from .sheets import ActionSheet, Block, find_action_sheets
from .side_sheets import read_communications, read_focus_points
from .sources import Sheet, open_sheets, read_bytes, sniff_kind
from .table import ParsedRows, RowParser, SheetContext
from .themes import Themes, department_of_sheet
from .values import HeaderMatcher, StatusMatcher, cell_text, is_blank

__all__ = ["parse_register", "read_register"]


def read_register(
    path: Path, *, sheet: str | None = None, config: Config | None = None
) -> Register:
    """Read the register at ``path``; raises RegisterError with file, sheet and cell on failure."""
    data = read_bytes(path, (config or Config()).limits)
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        modified = None
    return parse_register(data, path, sheet=sheet, config=config, modified=modified)


def parse_register(
    data: bytes,
    path: Path,
    *,
    sheet: str | None = None,
    config: Config | None = None,
    modified: dt.datetime | None = None,
) -> Register:
    """Parse register bytes; ``path`` names the file in messages and decides xlsx versus xlsm."""
    config = config or Config()
    kind = sniff_kind(data, path)
    sheets = open_sheets(data, kind, path, config.limits)
    reading = _Reading(path, kind, config)
    found = find_action_sheets(sheets, sheet, reading.matcher, path, kind)
    reading.findings.extend(found.findings)
    reading.notices.extend(found.notices)
    fills = _fills_from_sheet_names(found.sheets, reading)
    several = len(found.sheets) > 1
    for action_sheet in found.sheets:
        reading.read(action_sheet, fills.get(action_sheet.sheet.name, {}), several)
    if not reading.sheets:
        reading.refuse_period(found.sheets[0])
    focus_points, communications, side_sheets = _optional_sheets(sheets, reading)
    return reading.register(
        focus_points=tuple(focus_points),
        communications=tuple(communications),
        side_sheets=side_sheets,
        modified=modified,
        digest=hashlib.sha256(data).hexdigest(),
    )


class _Reading:
    """One register being read: its sheets' actions, periods, findings and notices, gathered
    in workbook order."""

    def __init__(self, path: Path, kind: str, config: Config) -> None:
        self.path = path
        self.kind = kind
        self.config = config
        self.matcher = HeaderMatcher(config.columns)
        self.statuses = StatusMatcher(config.statuses, lang=config.language)
        self.themes = Themes(config.themes)
        self.period_hint: dict[str, object] = {"example": ""}
        self.actions: list[Action] = []
        self.periods: dict[str, str] = {}
        self.findings: list[Finding] = []
        self.notices: list[Finding] = []
        self.sheets: list[ActionSheet] = []
        self.layouts: dict[tuple[str, str], SheetLayout] = {}
        self.headers: dict[str, str] = {}
        self.unused: dict[str, list[str]] = {}  # "Budget (F)" -> sheets
        self.identities: dict[str, set[tuple[str, str]]] = {}  # sheet -> its (id, text)s

    def refs(self, sheet: Sheet) -> str | None:
        return None if self.kind == "csv" else sheet.name  # a CSV has cells but no sheets

    def read(self, found: ActionSheet, fill: dict[str, str], several: bool) -> None:
        """Read one action sheet's blocks; a sheet whose period can come from nowhere is left
        out with a warning (or, alone, refused: see ``refuse_period``)."""
        sheet = found.sheet
        refs = self.refs(sheet)
        period_from = _period_source(found)
        if found.lacks_period and period_from == "sheet":
            fill = {**fill, "period": " ".join(sheet.name.split())}
        rows = sheet.rows()
        scan = sheet.scan()
        findings: list[Finding] = []
        actions: list[Action] = []
        headings = 0
        for block in found.blocks:
            header = block.header
            findings.extend(header.findings)
            findings.extend(_prepare(rows, sheet, block, refs, self.path))
            context = SheetContext(
                sheet_label=sheet.name if several else "",
                fill=fill,
                themes=self.themes,
                theme_columns=self._theme_columns(header, block),
                count_rows=scan.count_rows,
                period_hint=self.period_hint,
                fills_of=sheet.fills if sheet.has_fills else None,
                status_colours=self.config.status_colours,
            )
            parsed = RowParser(header, refs, self.statuses, context).parse(rows, block.region)
            headings += len(parsed.headings)
            findings.extend(parsed.findings)
            actions.extend(parsed.actions)
            for label in parsed.periods:
                self.periods.setdefault(label_key(label), label)
            self._note_columns(header, block, parsed, sheet.name, fill)
        if found.lacks_period and period_from != "sheet" and not headings:
            if several:
                self.findings.append(_no_period_finding(found))
            return
        copied = self._copied_from(actions)
        if copied is not None:
            self.findings.append(
                Finding(
                    "sheet_repeats",
                    sheet_ref(sheet.name).rstrip("!"),
                    {"other": copied, "count": len(actions)},
                )
            )
            return
        if found.lacks_period:
            self.notices.append(_period_notice(found, period_from))
        self.sheets.append(found)
        self.findings.extend(found.findings)
        self.notices.extend(found.notices)
        if sheet.hidden:
            self.findings.append(Finding("hidden_sheet", sheet_ref(sheet.name).rstrip("!")))
        self.findings.extend(findings)
        self.findings.extend(layout.hidden_rows(actions, scan, refs))
        if not actions:
            line = found.header.row + 1
            self.findings.append(Finding("no_actions", f"{sheet_ref(refs)}{line}:{line}"))
        self.actions.extend(actions)
        key = ("", sheet.name) if several else ("", "")
        self.layouts[key] = SheetLayout(refs, dict(found.header.columns))

    def _copied_from(self, actions: list[Action]) -> str | None:
        """The sheet already read that this one repeats: most of its actions (the same number
        and text) are that sheet's, as in a copy of the register kept as a sheet ("Acties okt
        2018"). Counting both would count those actions twice."""
        keys = {_identity(a) for a in actions if a.id and a.text}
        if len(keys) < REPEAT_MIN_ACTIONS:
            return None
        for other, known in self.identities.items():
            if len(keys & known) >= REPEAT_SHARE * len(keys):
                return other
        self.identities[actions[0].sheet or ""] = keys
        return None

    def refuse_period(self, found: ActionSheet) -> NoReturn:
        header = found.header
        raise RegisterError(
            "missing_column",
            path=self.path,
            where=self.refs(found.sheet),
            field=synonyms.HEADER_SYNONYMS["period"][0],
            example=synonyms.HEADER_SYNONYMS["period"][0],
            row=header.row + 1,
            found=", ".join(header.headers.values()),
        )

    def _theme_columns(self, header: Header, block: Block) -> list[tuple[int, str]]:
        """Header cells named after a theme that name no field: candidate theme columns."""
        used = set(header.columns.values())
        found = []
        for col, cell in enumerate(header.cells):
            if col in used or not isinstance(cell, str) or not cell.strip():
                continue
            if not block.region.holds(col):
                continue
            theme = self.themes.column_theme(cell)
            if theme is not None:
                found.append((col, theme))
        return found

    def _note_columns(
        self, header: Header, block: Block, parsed: ParsedRows, sheet: str, fill: dict[str, str]
    ) -> None:
        """Which fields the register has (for the columns of the Acties sheet), and the
        columns mvi-xl does not use (one notice for the register)."""
        for name, text in header.headers.items():
            self.headers.setdefault(name, text)
        if parsed.theme_columns:
            names = ", ".join(theme for _, theme in parsed.theme_columns)
            self.headers.setdefault("theme", names)
        for name in fill:
            self.headers.setdefault(name, sheet)
        used = set(header.columns.values()) | {col for col, _ in parsed.theme_columns}
        losers = {_column_of(f.where) for f in header.findings if f.code == "duplicate_column"}
        for col, cell in enumerate(header.cells):
            if col in used or col in losers or is_blank(cell) or not block.region.holds(col):
                continue
            name = f"{' '.join(cell_text(cell).split())} ({column_letter(col)})"
            self.unused.setdefault(name, []).append(sheet)

    def register(self, **more: Any) -> Register:
        first = self.sheets[0]
        notices = list(self.notices)
        if self.unused:
            sheets = dict.fromkeys(s for names in self.unused.values() for s in names)
            where = _sheet_names(list(sheets)) if self.kind != "csv" else ""
            notices.append(Finding("unused_columns", where, {"columns": ", ".join(self.unused)}))
        if not self.period_hint.get("example"):
            self.period_hint["example"] = _example_period()
        actions, layouts = self.actions, self.layouts
        if len(self.sheets) == 1 and any(a.sheet for a in actions[:1]):
            # several sheets were found but one was read: its actions are a one-sheet register's
            actions = [replace(a, sheet="") for a in actions]
            layouts = {("", ""): next(iter(layouts.values()))}
        return Register(
            path=self.path,
            kind=self.kind,
            sheet=", ".join(s.sheet.name for s in self.sheets),
            header_row=first.header.row + 1,
            headers=self.headers,
            columns=dict(first.header.columns),
            actions=tuple(actions),
            periods=tuple(self.periods.values()),
            findings=tuple(self.findings),
            sheets=tuple(s.sheet.name for s in self.sheets),
            layouts=layouts,
            notices=tuple(notices),
            **more,
        )


#: A sheet is a copy of one read before it when this share of its numbered actions (at least
#: this many) have the number and text of that sheet's.
REPEAT_SHARE = 0.8
REPEAT_MIN_ACTIONS = 3


def _identity(action: Action) -> tuple[str, str]:
    return " ".join(action.id.split()).casefold(), " ".join(action.text.split()).casefold()


def _fills_from_sheet_names(
    sheets: list[ActionSheet], reading: _Reading
) -> dict[str, dict[str, str]]:
    """Sheets named after themes (or departments) fill that column when no sheet has it: one
    sheet per theme is a common way to keep a register. Said in a notice."""
    if len(sheets) < 2:
        return {}
    names = [s.sheet.name for s in sheets]
    for name in ("theme", "department"):
        if any(name in s.header.columns for s in sheets):
            continue
        if name == "theme":
            if any(reading._theme_columns(s.header, s.blocks[0]) for s in sheets):
                continue
            values = [reading.themes.sheet_theme(n) for n in names]
        else:
            values = [department_of_sheet(n) for n in names]
        if all(values):
            reading.notices.append(
                Finding(f"sheets_as_{name}", _sheet_names(names), {"sheets": ", ".join(names)})
            )
            return {n: {name: v} for n, v in zip(names, values, strict=True) if v}
    return {}


def _period_source(found: ActionSheet) -> str | None:
    """Where a sheet without a period column takes its periods from: its name, when that holds
    a year ("2019", "Acties 2020-2022"), else the section headings."""
    if not found.lacks_period:
        return None
    return "sheet" if _YEAR.search(found.sheet.name) else "section"


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _period_notice(found: ActionSheet, source: str | None) -> Finding:
    code = "period_from_sheet" if source == "sheet" else "period_from_sections"
    return Finding(code, sheet_ref(found.sheet.name).rstrip("!"), {"sheet": found.sheet.name})


def _no_period_finding(found: ActionSheet) -> Finding:
    header = found.header
    return Finding(
        "sheet_not_read",
        f"{sheet_ref(found.sheet.name)}{header.row + 1}:{header.row + 1}",
        {"missing": synonyms.HEADER_SYNONYMS["period"][0], "row": header.row + 1},
    )


def _example_period() -> str:
    return synonyms.STARTER_PERIODS[1].format(year=dt.date.today().year)


def _column_of(where: str) -> int:
    letters = re.match(r"^(?:.*!)?\$?([A-Z]+)", where)
    if letters is None:
        return -1
    col = 0
    for letter in letters.group(1):
        col = col * 26 + ord(letter) - 64
    return col - 1


def _sheet_names(names: list[str]) -> str:
    return ", ".join(sheet_ref(name).rstrip("!") for name in names)


def _optional_sheets(
    sheets: list[Sheet], reading: _Reading
) -> tuple[list[str], list[Communication], frozenset[str]]:
    """The Aandachtspunten and Communicatie sheets, wherever they are, and which of them the
    register keeps."""
    focus_points: list[str] = []
    communications: list[Communication] = []
    kept: set[str] = set()
    read = {id(s.sheet) for s in reading.sheets}
    for other in sheets:
        if id(other) in read:
            continue
        key = header_key(other.name)
        if key in {header_key(n) for n in synonyms.FOCUS_SHEET_NAMES}:
            focus_points = read_focus_points(other.rows())
            kept.add("focus")
        elif key in {header_key(n) for n in synonyms.COMMUNICATION_SHEET_NAMES}:
            communications, more = read_communications(other.rows(), other.name)
            reading.findings.extend(more)
            kept.add("communication")
    return focus_points, communications, frozenset(kept)


def _prepare(
    rows: list[list[object]], sheet: Sheet, block: Block, refs: str | None, path: Path
) -> list[Finding]:
    """Before the rows are trusted: formulas never calculated (refused in a column that is
    read), a header spread over merged cells, values merged down a column, texts too long for
    a cell, CSV rows with extra fields. See ``layout``."""
    scan = sheet.scan()
    header = block.header
    columns = list(header.columns.values())
    end = block.region.end if block.table else None
    findings = layout.check_formulas(scan, columns, (header.row, end), refs, path)
    if header.bottom > header.row:
        findings.insert(0, layout.band_finding(refs, header.row, header.bottom))
    findings += layout.fill_merged(rows, scan.merges, columns, header.data_start, refs)
    findings += layout.shorten_long_texts(rows, columns, header.data_start, refs)
    if scan.delimiter:
        findings += layout.ragged_rows(rows, header.row, header.data_start, scan.delimiter)
    return findings
