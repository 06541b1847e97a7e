"""What reading one register may cost, checked before a parser sees the file.

A scheduled job meets whatever lies on the shared drive. A 5 KB workbook can ask for a sheet of
65,536 × 256 cells (a gigabyte once python-calamine fills it in), a 2 MB zip can inflate to
gigabytes, and a CSV can be a disk image. So the cost is bounded in two steps, each before the
expensive one: the size of the file before it is read, and the extent of every sheet (rows,
columns and cells that hold something) before python-calamine builds it. The scanners that
find the extent (``ooxml``, ``ods``, ``biff``, the CSV reader) all report cells to one
:class:`ExtentGuard`, so the limits and their messages live here only.

The defaults (``config.Limits``) are far above a coordinator's register (a large one has 2,000
rows and 40 columns) and admit a regional roll-up of 100,000 actions; ``[limits]`` in
mvi-xl.toml can change them.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from ..cells import cell_ref, column_letter, sheet_ref
from ..config import Limits
from ..errors import RegisterError, os_reason

MB = 1024 * 1024

#: An xlsx holds a dozen parts, a few dozen with images; a million tiny parts would cost
#: memory in the zip directory alone. Not configurable: no register comes near it.
MAX_PARTS = 10_000


class ExtentGuard:
    """Receives every cell a scanner finds that holds something, and stops the scan (with a
    RegisterError naming the cell) as soon as the sheet passes a limit.

    Rows and columns are 0-based, as in the rest of the reader. python-calamine fills in the
    whole rectangle from A1 to the last used row and column, so that rectangle is what the
    cells limit counts.
    """

    __slots__ = ("last_col", "last_row", "limits", "path", "sheet")

    def __init__(self, limits: Limits, path: Path, sheet: str | None) -> None:
        self.limits = limits
        self.path = path
        self.sheet = sheet  # None for a CSV: its cells have no sheet
        self.last_row = -1
        self.last_col = -1

    def cell(self, row: int, col: int) -> None:
        """One used cell at (row, col)."""
        if row > self.last_row:
            if row >= self.limits.max_rows:
                self._fail("too_many_rows", row, col, limit=self.limits.max_rows)
            self.last_row = row
            self._check_area(row, col)
        if col > self.last_col:
            if col >= self.limits.max_columns:
                self._fail(
                    "too_many_columns",
                    row,
                    col,
                    limit=self.limits.max_columns,
                    last=column_letter(self.limits.max_columns - 1),
                )
            self.last_col = col
            self._check_area(row, col)

    def block(self, row: int, col: int, rows: int, cols: int) -> None:
        """A block of ``rows`` × ``cols`` used cells (repeated rows and cells in ODS). A block
        that passes a limit is named by its first cell beyond it, else its far corner counts."""
        last_row, last_col = row + rows - 1, col + cols - 1
        if last_row >= self.limits.max_rows:
            self.cell(max(row, self.limits.max_rows), col)
        if last_col >= self.limits.max_columns:
            self.cell(row, max(col, self.limits.max_columns))
        self.cell(last_row, last_col)

    def _check_area(self, row: int, col: int) -> None:
        """The area is named as the range calamine would fill in, A1 to its far corner."""
        rows, cols = self.last_row + 1, self.last_col + 1
        if rows * cols > self.limits.max_cells:
            corner = cell_ref(None, self.last_row, self.last_col)
            raise RegisterError(
                "too_many_cells",
                path=self.path,
                where=f"{sheet_ref(self.sheet)}A1:{corner}",
                limit=self.limits.max_cells,
                rows=rows,
                columns=cols,
            )

    def _fail(self, code: str, row: int, col: int, **params: object) -> NoReturn:
        raise RegisterError(code, path=self.path, where=cell_ref(self.sheet, row, col), **params)


def read_limited(path: Path, limits: Limits) -> bytes:
    """The register's bytes, read once and never more than the limit allows.

    Only a regular file is read: a device such as /dev/zero or a named pipe has no end (or
    blocks for ever), and a file that grows while it is read stops at the limit.
    """
    try:
        if path.is_dir():
            raise RegisterError("is_folder", path=path)
        info = path.stat()
        if not path.is_file():
            raise RegisterError("not_regular_file", path=path)
        if info.st_size > limits.max_file_bytes:
            _too_big(path, info.st_size, limits)
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise RegisterError("not_found", path=path) from None
    except PermissionError:
        raise RegisterError("no_permission", path=path) from None
    except IsADirectoryError:
        raise RegisterError("is_folder", path=path) from None
    except OSError as exc:
        raise RegisterError("unreadable", path=path, reason=os_reason(exc)) from None
    if len(data) > limits.max_file_bytes:
        _too_big(path, len(data), limits)
    if not data:
        raise RegisterError("empty_file", path=path)
    return data


def _too_big(path: Path, size: int, limits: Limits) -> NoReturn:
    """Sizes in whole MB, rounded up: a file just over the limit never reads as equal to it."""
    raise RegisterError("file_too_big", path=path, size=-(-size // MB), limit=limits.max_file_mb)
