"""Which sheets of a register hold actions, and where on each sheet they are.

Every sheet whose header row is recognised is an action sheet: one sheet per theme, per
department or per year is common, and each is read into the one register. What is not read is
said: an overview sheet of formulas (no recognised header) in one notice, a sheet that misses a
required column in a warning, a hidden action sheet beside visible ones in a warning. ``--sheet
NAME`` reads that one sheet only.

On a sheet with an Excel Table whose header row is recognised, the Table decides: its header
row is the header, its data rows hold the actions, its totals row is never one, and what lies
outside it is not read (one notice names those rows; a warning when they look like actions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from ..cells import rows_ref, sheet_ref
from ..errors import RegisterError
from ..model import Finding
from ..words import synonyms
from ..words.terms import REQUIRED_FIELDS, header_key
from .blocks import Region
from .header import HEADER_READ_ROWS, HEADER_SCAN_ROWS, Header, find_header, match_header
from .scan import TableRange
from .sources import Sheet
from .values import HeaderMatcher, is_blank

#: A header that names everything but the period is still a header when the period can come
#: from elsewhere: the sheet's name ("2019", "Acties 2019") or the section headings above the
#: actions ("Wat doen we al goed?").
PERIOD_MAY_COME = ("period",)


@dataclass
class Block:
    """One header and the rows under it: a whole sheet, or one Excel Table on it."""

    header: Header
    region: Region
    table: str = ""  # the Excel Table's name, if the block is one


@dataclass
class ActionSheet:
    sheet: Sheet
    blocks: list[Block]
    findings: list[Finding] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)

    @property
    def header(self) -> Header:
        return self.blocks[0].header

    @property
    def lacks_period(self) -> bool:
        return "period" not in self.header.columns


@dataclass
class Found:
    sheets: list[ActionSheet]
    findings: list[Finding] = field(default_factory=list)
    notices: list[Finding] = field(default_factory=list)


def find_action_sheets(
    sheets: Sequence[Sheet],
    wanted: str | None,
    matcher: HeaderMatcher,
    path: Path,
    kind: str,
) -> Found:
    """The action sheets (workbook order), what was not read and why; a RegisterError when no
    sheet has a usable header."""
    candidates = _candidates(sheets, wanted, path)
    read: list[ActionSheet] = []
    misses: list[tuple[Sheet, Header]] = []
    skipped: list[str] = []
    for sheet in candidates:
        refs = None if kind == "csv" else sheet.name
        found, near_miss = _header_of(sheet, refs, matcher, kind)
        if found is not None:
            read.append(found)
        elif near_miss is not None:
            misses.append((sheet, near_miss))
        elif _has_content(sheet):
            skipped.append(sheet.name)
    if not read:
        _refuse(candidates, misses, path, kind)
    result = Found([])
    visible = [s for s in read if not s.sheet.hidden]
    if visible and len(visible) < len(read):
        hidden = [s.sheet.name for s in read if s.sheet.hidden]
        result.findings.append(
            Finding(
                "hidden_action_sheets",
                _sheet_names(hidden),
                {"sheets": ", ".join(hidden), "count": len(hidden)},
            )
        )
        read = visible
    result.sheets = read
    for sheet, near_miss in misses:
        if "action" in near_miss.columns:  # an action sheet missing a column, not a list
            result.findings.append(_miss_finding(sheet, near_miss))
        else:
            skipped.append(sheet.name)
    if skipped:
        result.notices.append(
            Finding(
                "sheets_skipped",
                _sheet_names(skipped),
                {"sheets": ", ".join(skipped), "count": len(skipped)},
            )
        )
    return result


def _candidates(sheets: Sequence[Sheet], wanted: str | None, path: Path) -> list[Sheet]:
    """The sheet named by --sheet, else every sheet but the optional ones, visible first."""
    if wanted is not None:
        candidates = [s for s in sheets if s.name == wanted] or [
            s for s in sheets if s.name.casefold().strip() == wanted.casefold().strip()
        ]
        if not candidates:
            raise RegisterError(
                "no_sheet",
                path=path,
                sheet=wanted,
                available=", ".join(s.name for s in sheets) or "-",
            )
        return candidates[:1]
    optional = {
        header_key(n) for n in (*synonyms.FOCUS_SHEET_NAMES, *synonyms.COMMUNICATION_SHEET_NAMES)
    }
    return [s for s in sheets if header_key(s.name) not in optional]


def _header_of(
    sheet: Sheet, refs: str | None, matcher: HeaderMatcher, kind: str
) -> tuple[ActionSheet | None, Header | None]:
    """The sheet's blocks when its header is recognised (an Excel Table's first), else the
    best near miss. A header without a period column counts when the sheet's name holds a
    year, or (decided once the rows are read) section headings give the period."""
    tables = sheet.tables() if kind in ("xlsx", "xlsm") else []
    if tables:
        found = _table_blocks(sheet, refs, matcher, tables)
        if found is not None:
            return found, None
    head = sheet.head(HEADER_READ_ROWS)
    header, near_miss = find_header(head, refs, matcher, sheet.scan().merges)
    if header is None and near_miss is not None and near_miss.missing == ["period"]:
        header, near_miss = near_miss, None
    if header is None:
        return None, near_miss
    block = Block(header, Region(header.data_start, len(sheet.rows())))
    return ActionSheet(sheet, [block]), None


def _table_blocks(
    sheet: Sheet, refs: str | None, matcher: HeaderMatcher, tables: Sequence[TableRange]
) -> ActionSheet | None:
    """Each Excel Table whose header row is recognised is a block; the rows outside them (below
    the first one's header) are named in a notice, or a warning when they look like actions."""
    rows = sheet.rows()
    blocks = []
    for table in tables:
        if not table.header_rows or table.first_row >= len(rows):
            continue
        row = rows[table.first_row]
        cells = [None] * table.first_col + list(row[table.first_col : table.last_col + 1])
        header = match_header(cells, table.first_row, refs, matcher)
        if header.missing and header.missing != ["period"]:
            continue
        region = Region(
            table.data_first,
            table.data_last + 1,
            first_col=table.first_col,
            last_col=table.last_col,
            notes_block=False,
        )
        blocks.append(Block(header, region, table.name))
    if not blocks:
        return None
    found = ActionSheet(sheet, blocks)
    _outside_tables(found, rows, tables, refs)
    return found


def _outside_tables(
    found: ActionSheet,
    rows: Sequence[Sequence[object]],
    tables: Sequence[TableRange],
    refs: str | None,
) -> None:
    top = min(block.header.row for block in found.blocks)
    inside = [(t.first_row, t.last_row) for t in tables]
    outside = [
        index
        for index in range(top, len(rows))
        if not any(first <= index <= last for first, last in inside)
        and any(not is_blank(value) for value in rows[index])
    ]
    if not outside:
        return
    header = found.header
    columns = header.columns
    looks_like_actions = [
        index
        for index in outside
        if all(
            columns.get(name) is not None
            and columns[name] < len(rows[index])
            and not is_blank(rows[index][columns[name]])
            for name in ("action", "status")
        )
    ]
    names = ", ".join(block.table for block in found.blocks)
    if looks_like_actions:
        found.findings.append(
            Finding(
                "actions_outside_table",
                rows_ref(refs, looks_like_actions),
                {"count": len(looks_like_actions), "table": names},
            )
        )
    rest = [index for index in outside if index not in set(looks_like_actions)]
    if rest:
        found.notices.append(
            Finding("outside_table", rows_ref(refs, rest), {"count": len(rest), "table": names})
        )


def _has_content(sheet: Sheet) -> bool:
    return any(not is_blank(value) for row in sheet.head(HEADER_READ_ROWS) for value in row)


def _sheet_names(names: Sequence[str]) -> str:
    return ", ".join(sheet_ref(name).rstrip("!") for name in names)


def _miss_finding(sheet: Sheet, near_miss: Header) -> Finding:
    missing = [synonyms.HEADER_SYNONYMS[name][0] for name in near_miss.missing]
    return Finding(
        "sheet_not_read",
        f"{sheet_ref(sheet.name)}{near_miss.row + 1}:{near_miss.row + 1}",
        {"missing": ", ".join(missing), "row": near_miss.row + 1},
    )


def _refuse(
    candidates: Sequence[Sheet], misses: Sequence[tuple[Sheet, Header]], path: Path, kind: str
) -> NoReturn:
    """No sheet can be read: say which columns are missing where, or that no header was found
    on any of the sheets searched."""
    required = ", ".join(synonyms.HEADER_SYNONYMS[f][0] for f in REQUIRED_FIELDS)
    if not misses:
        searched = [s.name for s in candidates]
        if kind == "csv" or len(searched) <= 1:
            where = searched[0] if searched and kind != "csv" else None
            raise RegisterError(
                "no_header", path=path, where=where, required=required, rows=HEADER_SCAN_ROWS
            )
        raise RegisterError(
            "no_header_sheets",
            path=path,
            required=required,
            rows=HEADER_SCAN_ROWS,
            sheets=", ".join(searched),
        )
    sheet, near_miss = max(misses, key=lambda miss: miss[1].score)
    missing = [synonyms.HEADER_SYNONYMS[name][0] for name in near_miss.missing]
    raise RegisterError(
        "missing_column" if len(missing) == 1 else "missing_columns",
        path=path,
        where=None if kind == "csv" else sheet.name,
        field="', '".join(missing),
        example=missing[0],
        row=near_miss.row + 1,
        found=", ".join(near_miss.headers.values()),
    )
