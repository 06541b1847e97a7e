"""xlsx and xlsm: which zip part holds which sheet, and a scan of a sheet's XML before
python-calamine reads it.

The scan reports every cell holding a value or a formula to the ExtentGuard, so a sheet beyond
the limits is refused before calamine fills in its rectangle (one cell at XFD1048576 in a 1 KB
file makes calamine ask for 512 GB, and the process aborts), and notes hidden rows, merged
ranges and formula cells without a cached value.

Two ways, one answer:

- the exact scan streams the part through expat (see ``safexml``): every element, whatever
  its prefix, quoting or attribute order; well-formedness enforced (expat refuses a duplicate
  ``r`` attribute, which calamine would read as the last one);
- the fast scan, tried first, reads the XML as Excel and every common writer lay it out:
  ``<c r="B7" s="1" t="s">``. It counts every cell start tag in any form and accepts a piece
  only when each one matched that strict pattern (one ``r``, known attributes, no entities), so
  a cell it cannot vouch for sends the whole part to the exact scan. On a 100,000-row register
  it takes a quarter of the time calamine needs to read the sheet; the exact scan takes three
  times as long as calamine.

A cell without an ``r`` attribute follows the previous one, as in calamine; an ``r`` that is
not a cell reference makes the file unreadable rather than letting the readers disagree about
where a cell is.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import RegisterError
from .limits import ExtentGuard
from .package import Package
from .safexml import local, parse, printable
from .scan import SheetScan

WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_CELL = re.compile(r"^\$?([A-Za-z]{1,10})\$?([0-9]{1,10})$")
_TRUE = frozenset({"1", "true"})


def sheet_parts(
    package: Package, path: Path, workbook: str = WORKBOOK, rels: str = WORKBOOK_RELS
) -> dict[str, str]:
    """Sheet name -> the part that holds it, from the workbook and its relationships."""
    if workbook not in package.infos:
        raise RegisterError("not_spreadsheet", path=path)
    sheets = _Sheets()
    parse(package.chunks(workbook), sheets, path, workbook)
    targets = Relationships()
    if rels in package.infos:
        parse(package.chunks(rels), targets, path, rels)
    base = posixpath.dirname(workbook)
    return {
        name: resolve(base, targets.targets[rid])
        for name, rid in sheets.sheets
        if rid in targets.targets
    }


def resolve(base: str, target: str) -> str:
    """A relationship target as a part name: relative to the workbook's folder, or absolute."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(base, target))


def scan_sheet(package: Package, part: str, guard: ExtentGuard, path: Path) -> SheetScan:
    """Scan a worksheet part, fast where the XML allows it; raises through ``guard`` at the
    first cell too far."""
    if part not in package.infos:
        reason = f"{printable(guard.sheet or '')}: {printable(part)} missing"
        raise RegisterError("unreadable", path=path, reason=reason)
    try:
        return _fast_scan(package.chunks(part), guard)
    except _Fallback:
        return exact_scan(package, part, ExtentGuard(guard.limits, path, guard.sheet), path)


def exact_scan(package: Package, part: str, guard: ExtentGuard, path: Path) -> SheetScan:
    """Every element through expat; the reference the fast scan must agree with."""
    scanner = _SheetScanner(guard, path)
    parse(package.chunks(part), scanner, path, part)
    return scanner.scan


# --- The workbook -------------------------------------------------------------------------------


class _Sheets:
    """``<sheet name=".." r:id=".."/>`` elements of workbook.xml, in order."""

    def __init__(self) -> None:
        self.sheets: list[tuple[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "sheet":
            rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
            self.sheets.append((attrs.get("name", ""), rid))


class Relationships:
    """Relationship id -> target, internal targets only."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            self.targets[attrs.get("Id", "")] = attrs.get("Target", "")


# --- The fast scan ------------------------------------------------------------------------------

#: A piece is cut after a ``</row>``; a "row" longer than this goes to the exact scan instead
#: of growing the buffer.
_FAST_MAX_PIECE = 32 * 1024 * 1024
_ROW_END = b"</row>"
_ODD_CELL_START = re.compile(rb"<c(?! )[\s/>]")
_PREFIXED_START = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")
_STRICT_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?: (?:[st]|cm|vm|ph)="[^"<>&]*+")*+\s*(/?)>'
)
_CELL_TYPE = re.compile(rb' t="([^"]*)"')
_FORMULA = re.compile(rb"<f[\s/>]")
_VALUE = re.compile(rb"<v(?:\s[^>]*)?(/?)>([^<]*)")
_HIDDEN_ROW = re.compile(rb'<row r="([0-9]{1,7})"[^>]*?\shidden="(?:1|true)"')
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_DECLARED_ENCODING = re.compile(rb'^<\?xml[^>]*encoding=["\']([^"\']*)')
_ASCII_ENCODINGS = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})


class _Fallback(Exception):
    """The fast scan cannot vouch for this part; the exact scan reads it."""


def _fast_scan(chunks: Iterable[bytes], guard: ExtentGuard) -> SheetScan:
    """Pieces of whole rows (cut after a ``</row>``), each checked on its own."""
    scan = SheetScan()
    pending = b""
    first = True
    for chunk in chunks:
        buffer = pending + chunk
        if first:
            _check_encoding(buffer)
            first = False
        cut = buffer.rfind(_ROW_END)
        if cut < 0:
            if len(buffer) > _FAST_MAX_PIECE:
                raise _Fallback
            pending = buffer
            continue
        cut += len(_ROW_END)
        pending = buffer[cut:]
        _fast_piece(buffer[:cut], scan, guard)
    if first:
        raise _Fallback  # an empty part: let expat say what is wrong with it
    _fast_piece(pending, scan, guard)
    return scan


def _check_encoding(head: bytes) -> None:
    """Byte patterns only see UTF-8 (or ASCII) XML; anything else goes to expat."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<"):
        raise _Fallback
    declared = _DECLARED_ENCODING.match(head)
    if declared is not None and declared.group(1).lower() not in _ASCII_ENCODINGS:
        raise _Fallback


def _fast_piece(piece: bytes, scan: SheetScan, guard: ExtentGuard) -> None:
    """One piece of whole rows: every cell start tag strict, or the exact scan takes over."""
    starts = piece.count(b"<c ") + len(_ODD_CELL_START.findall(piece))
    if b"<!" in piece:  # a comment, CDATA or a DTD: byte patterns can't tell; expat can
        raise _Fallback
    if b":c" in piece and _PREFIXED_START.search(piece):
        raise _Fallback
    cells = _STRICT_CELL.findall(piece)
    if len(cells) != starts:
        raise _Fallback
    if cells:
        letters, digits, empty = zip(*cells, strict=True)  # in C: no loop over cells here
        if b"/" in empty:  # formatted empty cells: calamine leaves them out, so do we
            valued = [(c, r) for c, r, e in cells if not e]
            letters, digits = zip(*valued, strict=True) if valued else ((), ())
        _fast_extent(letters, digits, guard)
    if b"<f" in piece:
        _fast_formulas(piece, scan)
    if b'hidden="' in piece:
        for match in _HIDDEN_ROW.finditer(piece):
            scan.hide(int(match.group(1)) - 1)
    if b"<mergeCell " not in piece:
        return
    for match in _MERGE.finditer(piece):
        first_col, first_row, last_col, last_row = (
            _column(match.group(1)),
            int(match.group(2)) - 1,
            _column(match.group(3)),
            int(match.group(4)) - 1,
        )
        scan.merge(first_row, first_col, last_row, last_col)


def _fast_extent(letters: Sequence[bytes], digits: Sequence[bytes], guard: ExtentGuard) -> None:
    """The piece's last row and column to the guard; past a limit, the first cell beyond it
    is found so the message names a cell that exists."""
    if not digits:
        return
    limits = guard.limits
    last_row = max(map(int, set(digits))) - 1
    last_col = _column(max(set(letters), key=lambda c: (len(c), c)))
    if last_row >= limits.max_rows or last_col >= limits.max_columns:
        for cell in map(_position_of, zip(letters, digits, strict=True)):
            if cell[0] >= limits.max_rows or cell[1] >= limits.max_columns:
                guard.cell(*cell)
    guard.cell(last_row, last_col)


def _fast_formulas(piece: bytes, scan: SheetScan) -> None:
    """Each ``<f`` belongs to the strict cell tag before it; its cached value, if any, is the
    ``<v>`` between the formula and the cell's end."""
    for formula in _FORMULA.finditer(piece):
        start = piece.rfind(b'<c r="', 0, formula.start())
        end = piece.find(b"</c>", formula.end())
        tag = _STRICT_CELL.match(piece, start) if start >= 0 else None
        if tag is None or end < 0 or piece.find(b"</c>", start, formula.start()) >= 0:
            raise _Fallback
        cell_type = _CELL_TYPE.search(piece, start, tag.end())
        value = _VALUE.search(piece, formula.end(), end)
        cached = value is not None and (
            bool(value.group(2).strip()) or (cell_type is not None and cell_type.group(1) == b"str")
        )
        if not cached:
            row, col = _position_of((tag.group(1), tag.group(2)))
            scan.not_calculated(row, col)


def _position_of(ref: tuple[bytes, bytes]) -> tuple[int, int]:
    return int(ref[1]) - 1, _column(ref[0])


def _column(letters: bytes | str) -> int:
    """``AB`` -> 27 (0-based)."""
    col = 0
    for letter in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        col = col * 26 + ord(letter) - 64
    return col - 1


# --- The exact scan -----------------------------------------------------------------------------


class _SheetScanner:
    """Streaming handler for a worksheet part. Only elements named row, c, f, v, is and
    mergeCell matter; everything else passes by."""

    def __init__(self, guard: ExtentGuard, path: Path) -> None:
        self.guard = guard
        self.path = path
        self.scan = SheetScan()
        self.row = -1
        self.col = -1
        self.in_value = False
        self.cell: tuple[int, int] | None = None
        self.cell_type = ""
        self.has_formula = False
        self.has_value_element = False
        self.has_value = False
        self._starts = {
            "row": self._row,
            "c": self._cell,
            "f": self._formula,
            "v": self._value,
            "is": self._inline,
            "mergeCell": self._merge,
        }

    def start(self, name: str, attrs: dict[str, str]) -> None:
        handler = self._starts.get(name.rpartition(":")[2])
        if handler is not None:
            handler(attrs)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "v":
            self.in_value = False
        elif tag == "c":
            self._end_cell()

    def text(self, data: str) -> None:
        if self.in_value and not self.has_value and data.strip():
            self.has_value = True

    def _row(self, attrs: dict[str, str]) -> None:
        number = attrs.get("r")
        self.row = self._number(number) - 1 if number is not None else self.row + 1
        self.col = -1
        if attrs.get("hidden") in _TRUE:
            self.scan.hide(self.row)

    def _cell(self, attrs: dict[str, str]) -> None:
        ref = attrs.get("r")
        if ref is None:
            self.col += 1
        else:
            self.row, self.col = self._position(ref)
        self.cell = (self.row, self.col)
        self.cell_type = attrs.get("t", "n")
        self.has_formula = self.has_value_element = self.has_value = False

    def _formula(self, _attrs: dict[str, str]) -> None:
        self.has_formula = True

    def _value(self, _attrs: dict[str, str]) -> None:
        self.in_value = self.has_value_element = True

    def _inline(self, _attrs: dict[str, str]) -> None:
        self.has_value = True

    def _end_cell(self) -> None:
        if self.cell is None:
            return
        row, col = self.cell
        self.cell = None
        if self.has_formula and not self._cached():
            self.scan.not_calculated(row, col)
        if self.has_value or self.has_formula:
            self.guard.cell(row, col)

    def _cached(self) -> bool:
        """A formula's cached value: a non-empty ``<v>``, or an empty one for a formula that
        returns text (Excel writes ``t="str"`` with ``<v></v>`` for a formula giving "")."""
        return self.has_value or (self.has_value_element and self.cell_type == "str")

    def _merge(self, attrs: dict[str, str]) -> None:
        first, _, last = attrs.get("ref", "").partition(":")
        if first and last:
            (first_row, first_col), (last_row, last_col) = map(self._position, (first, last))
            self.scan.merge(first_row, first_col, last_row, last_col)

    def _position(self, ref: str) -> tuple[int, int]:
        """``AB12`` -> (11, 27). Anything else is refused (see the module doc)."""
        match = _CELL.match(html.unescape(ref) if "&" in ref else ref)
        if match is None:
            self._bad(f"cell reference '{printable(ref, 20)}'")
        letters, digits = match.groups()
        return int(digits) - 1, _column(letters)

    def _number(self, text: str) -> int:
        if not text.isdigit() or len(text) > 10:
            self._bad(f"row number '{printable(text, 20)}'")
        return int(text)

    def _bad(self, what: str) -> None:
        reason = f"{printable(self.guard.sheet or '')}: {what}"
        raise RegisterError("unreadable", path=self.path, reason=reason)
