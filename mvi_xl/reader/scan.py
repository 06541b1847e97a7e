"""What the pre-parse scanners learn about a sheet besides its size.

python-calamine hands over cell values only. Three things a user sees in Excel don't come with
them, and each changes how rows must be read: merged cells (the value sits in the top-left cell
only), hidden rows (they still count), and formula cells that were never calculated (calamine
reads them as 0 or empty text, which would silently miscount). The scanners that bound a
sheet's size read these on the same pass; ``layout`` acts on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..cells import column_letter, sheet_ref

#: Hidden row ranges and merged ranges kept per sheet: far more than a register has, and a
#: bound on memory for a sheet made of nothing else.
MAX_NOTED = 10_000
#: Rows kept per column of formula cells without a cached value: enough for the total rows
#: under a register written by a script (openpyxl caches no values), not for a column of them.
MAX_UNCACHED_ROWS = 64
#: A merged range within one row matters only for a header (a group heading over sub-columns),
#: and the header is in the first rows.
HEADER_AREA_ROWS = 25


@dataclass(frozen=True, slots=True)
class Merge:
    """A merged range, 0-based and inclusive, as Excel stores it."""

    first_row: int
    first_col: int
    last_row: int
    last_col: int

    def ref(self, sheet: str | None) -> str:
        """``Acties!C5:C31``."""
        first = f"{column_letter(self.first_col)}{self.first_row + 1}"
        last = f"{column_letter(self.last_col)}{self.last_row + 1}"
        return f"{sheet_ref(sheet)}{first}:{last}"


@dataclass(frozen=True, slots=True)
class TableRange:
    """An Excel Table (Invoegen > Tabel, a ListObject) on a sheet: 0-based, inclusive, as its
    ``ref`` says, with the rows of its header and of its totals row."""

    name: str
    first_row: int
    first_col: int
    last_row: int
    last_col: int
    header_rows: int = 1  # 0 for a table without a header row
    totals_rows: int = 0  # the totals row (totalsRowCount), never an action

    @property
    def data_first(self) -> int:
        return self.first_row + self.header_rows

    @property
    def data_last(self) -> int:
        return self.last_row - self.totals_rows


#: A formula whose result is a count or a sum, as in a total row: function names are stored in
#: English in every file, whatever the language of Excel that wrote them.
COUNTING_FORMULA = re.compile(
    r"\b(?:_xlfn\.)?(?:SUBTOTAL|AGGREGATE|COUNTA?|COUNTIFS?|COUNTBLANK|SUMIFS?|SUM|SUMPRODUCT)\s*\(",
    re.IGNORECASE,
)


@dataclass(slots=True)
class SheetScan:
    """Everything a scan noted about one sheet; empty for formats that carry none of it."""

    hidden: list[tuple[int, int]] = field(default_factory=list)  # (first, last) row ranges
    merges: list[Merge] = field(default_factory=list)
    #: formula cells without a cached value: column -> (first row, last row), and how many
    uncached: dict[int, tuple[int, int]] = field(default_factory=dict)
    uncached_count: int = 0
    #: the rows of those cells per column, as long as a column has few (a total row's)
    uncached_rows: dict[int, set[int]] = field(default_factory=dict)
    delimiter: str = ""  # a CSV's separator, for the message about a row with extra fields
    #: rows holding a formula that counts or sums (SUBTOTAL, COUNTA, COUNTIF, SUM, ...): the
    #: mark of a total row, which is never an action
    count_rows: set[int] = field(default_factory=set)

    def hide(self, first: int, count: int = 1) -> None:
        """Rows ``first`` .. ``first + count - 1`` are hidden; adjacent ranges are joined."""
        if self.hidden and self.hidden[-1][1] == first - 1:
            self.hidden[-1] = (self.hidden[-1][0], first + count - 1)
        elif len(self.hidden) < MAX_NOTED:
            self.hidden.append((first, first + count - 1))

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        """Kept when it spans rows (a value for several rows) or lies in the header area."""
        if last_row < first_row or last_col < first_col or len(self.merges) >= MAX_NOTED:
            return
        if last_row > first_row or (last_col > first_col and first_row < HEADER_AREA_ROWS):
            self.merges.append(Merge(first_row, first_col, last_row, last_col))

    def counts(self, row: int) -> None:
        """Row ``row`` holds a counting or summing formula."""
        if len(self.count_rows) < MAX_NOTED:
            self.count_rows.add(row)

    def not_calculated(self, row: int, col: int) -> None:
        """Per column the first and the last such cell: enough to tell whether any lies in a
        column that is read, below the header, and to name one; bounded by the column limit."""
        self.uncached_count += 1
        first, last = self.uncached.get(col, (row, row))
        self.uncached[col] = (min(first, row), max(last, row))
        rows = self.uncached_rows.setdefault(col, set())
        if len(rows) <= MAX_UNCACHED_ROWS:
            rows.add(row)
