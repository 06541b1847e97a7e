"""ods: a scan of content.xml, all sheets in one pass, before python-calamine opens the file.

calamine reads every sheet of an ods when it opens it, and expands repeated rows and cells: a
9 KB file saying ``table:number-rows-repeated="65536"`` on a row with a value becomes a
gigabyte. So every sheet is bounded here first, repeats included. Hidden rows
(``table:visibility="collapse"`` or ``"filter"``) and merged ranges (``number-rows-spanned``)
are noted on the way.

Before that, the manifest says whether the file is encrypted (a password to open it: every
part then is ciphertext, declared by ``manifest:encryption-data``), and meta.xml whether it
is a monitor mvi-xl made, saved as ods (its fingerprint among the user-defined properties).
"""

from __future__ import annotations

from pathlib import Path

from ..config import Limits
from ..errors import RegisterError, UsageError
from ..fingerprint import PROPERTY as FINGERPRINT
from ..words.i18n import Phrase
from .limits import ExtentGuard
from .package import Package
from .safexml import parse, printable
from .scan import COUNTING_FORMULA, SheetScan

CONTENT = "content.xml"
MANIFEST = "META-INF/manifest.xml"
META = "meta.xml"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0 "
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0 "
_CELLS = frozenset({_TABLE + "table-cell", _TABLE + "covered-table-cell"})
_HIDDEN = frozenset({"collapse", "filter"})


def refuse_encrypted(package: Package, path: Path) -> None:
    """A password-protected ods says so in its manifest (calamine needs the manifest too)."""
    if MANIFEST not in package.infos:
        reason = Phrase("reason_part_missing", part=MANIFEST)
        raise RegisterError("unreadable", path=path, reason=reason)
    found = _Elements(_MANIFEST + "encryption-data")
    parse(package.chunks(MANIFEST), found, path, MANIFEST, namespaces=True)
    if found.attrs:
        raise RegisterError("password", path=path)


def refuse_monitor(package: Package, path: Path) -> None:
    """A monitor mvi-xl made, saved as ods, keeps the fingerprint in meta.xml."""
    if META not in package.infos:
        return
    found = _Elements(_META + "user-defined")
    parse(package.chunks(META), found, path, META, namespaces=True)
    if any(attrs.get(_META + "name") == FINGERPRINT for attrs in found.attrs):
        raise UsageError("register_is_monitor", path=path)


class _Elements:
    """The attributes of every element of one name."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.attrs: list[dict[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == self.name:
            self.attrs.append(attrs)


def scan_content(package: Package, path: Path, limits: Limits) -> dict[str, SheetScan]:
    """Sheet name -> what was noted; raises at the first cell beyond a limit."""
    if CONTENT not in package.infos:
        raise RegisterError("damaged", path=path)
    scanner = _ContentScanner(path, limits)
    parse(package.chunks(CONTENT), scanner, path, CONTENT, namespaces=True)
    return scanner.sheets


class _ContentScanner:
    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.sheets: dict[str, SheetScan] = {}
        self.guard: ExtentGuard | None = None
        self.scan = SheetScan()
        self.row = -1  # the last row index used so far
        self.rows = (0, 1)  # first row and repeat count of the current row element
        self.col = -1
        self.cell: tuple[int, int] | None = None  # first column and repeat count
        self.has_content = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.cell is not None:
            self.has_content = True  # any element inside a cell (text:p, ...) is content
        if name == _TABLE + "table":
            self._table(attrs)
        elif name == _TABLE + "table-row":
            self._row(attrs)
        elif name in _CELLS:
            self._cell(name, attrs)

    def end(self, name: str) -> None:
        if name in _CELLS and self.cell is not None:
            first_col, cols = self.cell
            self.cell = None
            if self.has_content and self.guard is not None:
                first_row, rows = self.rows
                self.guard.block(first_row, first_col, rows, cols)
        elif name == _TABLE + "table":
            self.guard = None

    def _table(self, attrs: dict[str, str]) -> None:
        if self.guard is not None:
            reason = Phrase("reason_table_in_table", sheet=printable(self.guard.sheet or ""))
            raise RegisterError("unreadable", path=self.path, reason=reason)
        sheet = attrs.get(_TABLE + "name", "")
        self.guard = ExtentGuard(self.limits, self.path, sheet)
        self.scan = self.sheets.setdefault(sheet, SheetScan())
        self.row = -1

    def _row(self, attrs: dict[str, str]) -> None:
        repeat = self._count(attrs, "number-rows-repeated")
        self.rows = (self.row + 1, repeat)
        self.row += repeat
        self.col = -1
        if attrs.get(_TABLE + "visibility") in _HIDDEN:
            self.scan.hide(self.rows[0], repeat)

    def _cell(self, name: str, attrs: dict[str, str]) -> None:
        repeat = self._count(attrs, "number-columns-repeated")
        first = self.col + 1
        self.col += repeat
        self.cell = (first, repeat)
        self.has_content = _OFFICE + "value-type" in attrs
        formula = attrs.get(_TABLE + "formula")
        if formula and COUNTING_FORMULA.search(formula):
            self.scan.counts(self.rows[0])  # a total row (of a block of repeated rows: the first)
        if name == _TABLE + "table-cell":
            rows = self._count(attrs, "number-rows-spanned")
            cols = self._count(attrs, "number-columns-spanned")
            row = self.rows[0]
            self.scan.merge(row, first, row + rows - 1, first + cols - 1)

    def _count(self, attrs: dict[str, str], key: str) -> int:
        text = attrs.get(_TABLE + key, "1")
        if not text.isdigit() or len(text) > 10 or int(text) < 1:
            reason = Phrase(
                "reason_bad_count",
                sheet=printable((self.guard.sheet if self.guard else None) or ""),
                value=printable(text, 20),
                attribute=f"table:{key}",
            )
            raise RegisterError("unreadable", path=self.path, reason=reason)
        return int(text)
