"""Rows as the user sees them in Excel, not only as python-calamine hands them over.

What the scans noted (``scan.SheetScan``) changes how rows are read, and each change is said
in a warning that names the cells:

- a header spread over merged cells: a two-row header with ``Actie`` merged down over both rows
  and ``Planning`` merged across ``Start | Gereed`` is read as one header row, named from its
  lowest filled cell per column, and the actions start below it;
- a value merged down over several rows of a column the monitor reads (a period written once
  for a block of actions) counts for each row of the block that holds an action;
- hidden rows hold actions that count, as they do in a PivotTable;
- formula cells without a cached value in a column that is read make the numbers untrustworthy:
  the register is refused, naming a cell, until it is opened and saved in Excel;
- a text longer than Excel allows in a cell (32,767 characters) is shortened;
- a CSV row with more fields than its header (a separator inside an unquoted text shifts every
  column after it).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from operator import itemgetter, length_hint
from pathlib import Path

from ..cells import cell_ref, column_letter, sheet_ref
from ..errors import RegisterError
from ..model import Action, Finding
from .scan import MAX_UNCACHED_ROWS, Merge, SheetScan
from .values import HeaderMatcher, cell_text, is_blank

#: A header is at most this many rows, merged cells and all.
MAX_HEADER_ROWS = 3
#: The most characters Excel keeps in one cell.
EXCEL_TEXT_LIMIT = 32_767
_QUOTE_LENGTH = 60

Rows = list[list[object]]


# --- The header -------------------------------------------------------------------------------


def header_band(
    rows: Sequence[Sequence[object]], index: int, merges: Iterable[Merge], matcher: HeaderMatcher
) -> int:
    """The last row of a header that starts at row ``index``: lower when a header cell there is
    merged down, or a heading there is merged across sub-columns named in the row below. The
    band never swallows a row that holds anything but header names."""
    bottom = index
    groups: list[Merge] = []
    for merge in merges:
        if merge.first_row != index:
            continue
        if merge.last_row > index:
            bottom = max(bottom, min(merge.last_row, index + MAX_HEADER_ROWS - 1))
        elif merge.last_col > merge.first_col:
            groups.append(merge)
            if _names_below(rows, index + 1, merge, matcher):
                bottom = max(bottom, index + 1)
    for row in range(index + 1, bottom + 1):
        if not _only_header_text(rows, row, groups, matcher):
            return index
    return bottom


def band_row(
    rows: Sequence[Sequence[object]], first: int, last: int
) -> tuple[list[object], list[int]]:
    """One header row made of the band: per column its lowest filled cell (a sub-column's name
    under a group heading, else the name merged down from the top), and the row it is on."""
    band = [rows[r] if r < len(rows) else () for r in range(first, last + 1)]
    width = max((len(row) for row in band), default=0)
    cells: list[object] = []
    sources: list[int] = []
    for col in range(width):
        for offset in range(len(band) - 1, -1, -1):
            row = band[offset]
            if col < len(row) and not is_blank(row[col]):
                cells.append(row[col])
                sources.append(first + offset)
                break
        else:
            cells.append(None)
            sources.append(first)
    return cells, sources


def _names_below(
    rows: Sequence[Sequence[object]], index: int, merge: Merge, matcher: HeaderMatcher
) -> bool:
    row = rows[index] if index < len(rows) else ()
    cols = range(merge.first_col, min(merge.last_col + 1, len(row)))
    return any(matcher.match(row[col]) is not None for col in cols)


def _only_header_text(
    rows: Sequence[Sequence[object]], index: int, groups: list[Merge], matcher: HeaderMatcher
) -> bool:
    """True when every filled cell of the row is a header name or sits under a group heading."""
    row = rows[index] if index < len(rows) else ()
    for col, value in enumerate(row):
        if is_blank(value) or matcher.match(value) is not None:
            continue
        if not any(g.first_col <= col <= g.last_col for g in groups):
            return False
    return True


def band_finding(sheet: str | None, first: int, last: int) -> Finding:
    return Finding(
        "header_band",
        f"{sheet_ref(sheet)}{first + 1}:{last + 1}",
        {"first": first + 1, "last": last + 1},
    )


# --- Cells under the header -------------------------------------------------------------------


def fill_merged(
    rows: Rows, merges: Iterable[Merge], columns: Iterable[int], data_start: int, sheet: str | None
) -> list[Finding]:
    """Copy the value of a range merged down a read column into each row of it that holds an
    action (a row empty in every other read column stays empty: no action is made up)."""
    read = set(columns)
    findings = []
    for merge in merges:
        col = merge.first_col
        if merge.first_row < data_start or merge.last_row == merge.first_row or col not in read:
            continue
        if merge.first_row >= len(rows) or col >= len(rows[merge.first_row]):
            continue
        value = rows[merge.first_row][col]
        if is_blank(value):
            continue
        others = read - {col}
        filled = 0
        for index in range(merge.first_row + 1, min(merge.last_row + 1, len(rows))):
            row = rows[index]
            if all(c >= len(row) or is_blank(row[c]) for c in others):
                continue
            if col >= len(row) or is_blank(row[col]):
                rows[index] = [*row, *([None] * (col + 1 - len(row)))]
                rows[index][col] = value
                filled += 1
        if filled:
            findings.append(
                Finding("merged_cells", merge.ref(sheet), {"value": _quote(cell_text(value))})
            )
    return findings


def shorten_long_texts(
    rows: Rows, columns: Iterable[int], data_start: int, sheet: str | None
) -> list[Finding]:
    """Excel keeps at most 32,767 characters in a cell; a longer text (possible in a CSV or a
    file not made by Excel) is cut there, with a warning, rather than cut silently on writing.

    The longest value per column is found first in C (``length_hint`` is a text's length and 0
    for anything else), so the rows are only walked when a text is too long."""
    found: list[tuple[int, int, Finding]] = []
    body = rows[data_start:]
    for col in sorted(set(columns)):
        try:
            longest = max(map(length_hint, map(itemgetter(col), body)), default=0)
        except IndexError:  # rows of different lengths (a CSV): look at each
            longest = max((length_hint(r[col]) for r in body if col < len(r)), default=0)
        if longest <= EXCEL_TEXT_LIMIT:
            continue
        for index in range(data_start, len(rows)):
            row = rows[index]
            value = row[col] if col < len(row) else None
            if isinstance(value, str) and len(value) > EXCEL_TEXT_LIMIT:
                row[col] = value[: EXCEL_TEXT_LIMIT - 1] + "…"
                where = cell_ref(sheet, index, col)
                params = {"length": len(value), "limit": EXCEL_TEXT_LIMIT}
                found.append((index, col, Finding("text_too_long", where, params)))
    return [finding for *_, finding in sorted(found, key=lambda f: f[:2])]


def ragged_rows(rows: Rows, header_row: int, data_start: int, delimiter: str) -> list[Finding]:
    """CSV rows with text beyond the header's last column: a separator in an unquoted text
    moves every value after it one column to the right, status into the wrong column."""
    width = _last_filled(rows[header_row]) + 1
    shown = "tab" if delimiter == "\t" else delimiter  # a tab character would not show
    findings = []
    for index in range(data_start, len(rows)):
        last = _last_filled(rows[index])
        if last >= width:
            findings.append(
                Finding(
                    "ragged_row",
                    cell_ref(None, index, width),
                    {"fields": last + 1, "header": width, "delimiter": shown},
                )
            )
    return findings


def _last_filled(row: Sequence[object]) -> int:
    for index in range(len(row) - 1, -1, -1):
        if not is_blank(row[index]):
            return index
    return -1


# --- After the rows are read --------------------------------------------------------------------


def hidden_rows(actions: Sequence[Action], scan: SheetScan, sheet: str | None) -> list[Finding]:
    """One warning per hidden range that holds actions, naming its rows."""
    rows = sorted(action.row - 1 for action in actions)
    findings = []
    for first, last in sorted(scan.hidden):
        low, high = bisect.bisect_left(rows, first), bisect.bisect_right(rows, last)
        if low < high:
            where = f"{sheet_ref(sheet)}{rows[low] + 1}:{rows[high - 1] + 1}"
            findings.append(Finding("hidden_rows", where, {"count": high - low}))
    return findings


def check_formulas(
    scan: SheetScan,
    columns: Iterable[int],
    bounds: tuple[int, int | None],
    sheet: str | None,
    path: Path,
) -> list[Finding]:
    """Formula cells without a cached value: refused in a column that is read (calamine reads
    them as 0 or empty text, which would miscount), a warning elsewhere in the sheet (the
    numbers don't depend on them, but the user should know the file was never calculated).

    Rows that are never actions don't count: beyond ``end`` (an Excel Table's last data row,
    exclusive) and total rows (their formulas count or sum, ``scan.count_rows``), as a script
    that writes a register with openpyxl leaves them. ``bounds``: the header row and ``end``."""
    header_row, end = bounds
    if not scan.uncached_count:
        return []
    read = set(columns)
    for col in sorted(scan.uncached):
        first, last = scan.uncached[col]
        if col not in read or last < header_row:
            continue
        rows = scan.uncached_rows.get(col, set())
        if len(rows) <= MAX_UNCACHED_ROWS:
            relevant = sorted(
                row
                for row in rows
                if row > header_row and (end is None or row < end) and row not in scan.count_rows
            )
            if not relevant:
                continue
            first = relevant[0]
        row = first if first >= header_row else last
        raise RegisterError(
            "formula_not_calculated",
            path=path,
            where=cell_ref(sheet, row, col),
            count=scan.uncached_count,
        )
    col = min(scan.uncached, key=lambda c: scan.uncached[c][0])
    row = scan.uncached[col][0]
    return [
        Finding(
            "formula_not_calculated_elsewhere",
            cell_ref(sheet, row, col),
            {"count": scan.uncached_count, "column": column_letter(col)},
        )
    ]


def _quote(text: str) -> str:
    return text if len(text) <= _QUOTE_LENGTH else text[: _QUOTE_LENGTH - 1] + "…"
