"""Finding the header row: which field each cell names (the better name wins a field), in the
first rows of a sheet, also when merged cells spread it over a few rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..cells import cell_ref, column_letter
from ..model import Finding
from ..words.terms import REQUIRED_FIELDS
from .layout import MAX_HEADER_ROWS, band_row, header_band
from .scan import Merge
from .values import HeaderMatcher, cell_text, is_blank

#: The header row may be anywhere in the first rows: title rows and merged titles above it.
HEADER_SCAN_ROWS = 20


#: Rows read to find the header: a header found on the last scanned row may span a few more.
HEADER_READ_ROWS = HEADER_SCAN_ROWS + MAX_HEADER_ROWS - 1


@dataclass
class Header:
    row: int  # 0-based
    columns: dict[str, int]  # field -> 0-based column
    headers: dict[str, str]  # field -> header text as written
    findings: list[Finding] = field(default_factory=list)
    last_row: int = -1  # 0-based last row of a header spread over merged cells; -1: ``row``
    cells: list[object] = field(default_factory=list)  # the header row as read (a band: merged)

    @property
    def span(self) -> tuple[int, int]:
        """The first and last column the header names anything in."""
        filled = [col for col, cell in enumerate(self.cells) if not is_blank(cell)]
        if not filled:
            return (min(self.columns.values()), max(self.columns.values()))
        return filled[0], filled[-1]

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
    header = Header(
        row_index, columns, {f: cell_text(row[c]) for f, c in columns.items()}, cells=list(row)
    )
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
