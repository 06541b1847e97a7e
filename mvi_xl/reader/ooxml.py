"""xlsx and xlsm: a scan of a sheet's XML before python-calamine reads it (which part holds
which sheet is found in ``opc``).

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

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from ..cells import column_letter
from ..errors import RegisterError
from ..words.i18n import Phrase
from .limits import ExtentGuard
from .package import Package
from .safexml import declares_utf8, parse, printable
from .scan import COUNTING_FORMULA, SheetScan

_CELL = re.compile(r"^\$?([A-Za-z]{1,10})\$?([0-9]{1,10})$")
_TRUE = frozenset({"1", "true"})


def scan_sheet(package: Package, part: str, guard: ExtentGuard, path: Path) -> SheetScan:
    """Scan a worksheet part, fast where the XML allows it; raises through ``guard`` at the
    first cell too far."""
    if package.find(part) is None:
        reason = Phrase(
            "reason_sheet_part_missing", sheet=printable(guard.sheet or ""), part=printable(part)
        )
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
#: The strict start tag without groups (one empty group, so findall gives one shared empty
#: bytes object per cell): counted against all cell start tags.
_STRICT_CELL_START = re.compile(
    rb'<c r="[A-Z]{1,3}[0-9]{1,7}"(?: (?:[st]|cm|vm|ph)="[^"<>&]*+")*+\s*/?()>'
)
#: The rest of a strict start tag after its reference, for a cell holding something.
_VALUED_CELL_TAIL = rb'"(?: (?:[st]|cm|vm|ph)="[^"<>&]*+")*+\s*>'
_VALUED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})' + _VALUED_CELL_TAIL)
_CELL_TYPE = re.compile(rb' t="([^"]*)"')
_FORMULA = re.compile(rb"<f[\s/>]")
_VALUE = re.compile(rb"<v(?:\s[^>]*)?(/?)>([^<]*)")
_SHARED_INDEX = re.compile(rb'\ssi="([0-9]+)"')
_HIDDEN_ROW = re.compile(rb'<row r="([0-9]{1,7})"[^>]*?\shidden="(?:1|true)"')
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')


class _Fallback(Exception):
    """The fast scan cannot vouch for this part; the exact scan reads it."""


def _fast_scan(chunks: Iterable[bytes], guard: ExtentGuard) -> SheetScan:
    """Pieces of whole rows (cut after a ``</row>``), each checked on its own."""
    scan = SheetScan()
    shared: dict[bytes, bool] = {}
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
        _fast_piece(buffer[:cut], scan, guard, shared)
    if first:
        raise _Fallback  # an empty part: let expat say what is wrong with it
    _fast_piece(pending, scan, guard, shared)
    return scan


def _check_encoding(head: bytes) -> None:
    """Byte patterns only see UTF-8 (or ASCII) XML; anything else goes to expat."""
    if not declares_utf8(head):
        raise _Fallback


def _fast_piece(
    piece: bytes, scan: SheetScan, guard: ExtentGuard, shared: dict[bytes, bool]
) -> None:
    """One piece of whole rows: every cell start tag strict, or the exact scan takes over."""
    starts = piece.count(b"<c ") + len(_ODD_CELL_START.findall(piece))
    if b"<!" in piece:  # a comment, CDATA or a DTD: byte patterns can't tell; expat can
        raise _Fallback
    if b":c" in piece and _PREFIXED_START.search(piece):
        raise _Fallback
    if len(_STRICT_CELL_START.findall(piece)) != starts:
        raise _Fallback
    if starts:
        _fast_extent(piece, guard)
    if b"<f" in piece:
        _fast_formulas(piece, scan, shared)
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


#: How often one piece may raise its last row or column before the exact scan takes over:
#: rows come in order, so the last row is nearly always known from the last cell.
_MAX_RAISES = {"row": 64, "col": 1024}


def _fast_extent(piece: bytes, guard: ExtentGuard) -> None:
    """The piece's last row and column (of cells holding something) to the guard; past a
    limit, the first cell beyond it, so the message names a cell that exists.

    No cell is turned into a Python object: the last valued cell gives a first guess of the
    last row, and a pattern for "a valued cell in a later row" (or column) is searched for;
    each find raises the guess and the search goes on from there. Every start tag has
    already matched the strict pattern, so these patterns see every cell."""
    last = _last_valued_cell(piece)
    if last is None:
        return  # only formatted empty cells
    row = _highest(piece, "row", max(guard.last_row + 1, last[0]))
    col = _highest(piece, "col", max(guard.last_col, last[1]))
    limits = guard.limits
    if row > limits.max_rows or col >= limits.max_columns:
        beyond = [
            match
            for match in (
                _beyond(piece, "row", limits.max_rows),
                _beyond(piece, "col", limits.max_columns - 1),
            )
            if match is not None
        ]
        first = min(beyond, key=lambda match: match.start())
        guard.cell(int(first.group(2)) - 1, _column(first.group(1)))
    guard.cell(row - 1, col)


def _last_valued_cell(piece: bytes) -> tuple[int, int] | None:
    """(row as written, 0-based column) of the last cell holding something: looked for in a
    window at the end of the piece that grows until it holds one (formatted empty cells, as
    Excel writes below a formatted range, can fill the end of a sheet)."""
    size = 16 * 1024
    while True:
        start = max(0, len(piece) - size)
        first_tag = piece.find(b'<c r="', start)
        last = None
        if first_tag >= 0:
            for last in _VALUED_CELL.finditer(piece, first_tag):  # noqa: B007
                pass
        if last is not None:
            return int(last.group(2)), _column(last.group(1))
        if start == 0:
            return None
        size *= 8


def _highest(piece: bytes, axis: str, known: int) -> int:
    """The highest row number (as written) or 0-based column of a valued cell in ``piece``,
    at least ``known``."""
    position = 0
    for _ in range(_MAX_RAISES[axis]):
        match = _later_cell(axis, known).search(piece, position)
        if match is None:
            return known
        known = int(match.group(2)) if axis == "row" else _column(match.group(1))
        position = match.end()
    raise _Fallback


def _beyond(piece: bytes, axis: str, limit: int) -> re.Match[bytes] | None:
    """The first valued cell past ``limit`` (a row number as written, or a 0-based column)."""
    return _later_cell(axis, limit).search(piece)


def _later_cell(axis: str, known: int) -> re.Pattern[bytes]:
    """A valued cell start tag whose row number (as written) or 0-based column is greater than
    ``known``; groups: the column letters and the row digits."""
    if axis == "row":
        ref = rb"([A-Z]{1,3})(0*(?:" + _greater_number(known) + rb"))"
    else:
        ref = rb"(" + _greater_letters(known) + rb")([0-9]{1,7})"
    return re.compile(rb'<c r="' + ref + _VALUED_CELL_TAIL)


def _greater_number(number: int) -> bytes:
    """A pattern for the decimal numbers greater than ``number`` (>= 0), without leading zeros:
    more digits, or as many with a greater digit after a common beginning."""
    digits = str(number).encode()
    size = len(digits)
    options = [b"[1-9][0-9]{%d,}" % size]
    for index in range(size):
        digit = digits[index]
        if digit < ord("9"):
            low = b"1" if index == 0 and digit == ord("0") else bytes([digit + 1])
            options.append(digits[:index] + b"[" + low + b"-9][0-9]{%d}" % (size - index - 1))
    return b"|".join(options)


def _greater_letters(col: int) -> bytes:
    """A pattern for the column letters of columns after ``col`` (0-based, -1 for none)."""
    if col < 0:
        return rb"[A-Z]{1,3}"
    letters = column_letter(col).encode()
    size = len(letters)
    options = [b"[A-Z]{%d,3}" % (size + 1)] if size < 3 else []
    for index in range(size):
        letter = letters[index]
        if letter < ord("Z"):
            tail = b"[A-Z]{%d}" % (size - index - 1)
            options.append(letters[:index] + b"[" + bytes([letter + 1]) + b"-Z]" + tail)
    return b"|".join(options) or rb"(?!)"


def _fast_formulas(piece: bytes, scan: SheetScan, shared: dict[bytes, bool]) -> None:
    """Each ``<f`` belongs to the strict cell tag before it; its cached value, if any, is the
    ``<v>`` between the formula and the cell's end. A formula that counts or sums marks its
    row (a total row); a shared formula's followers count as its first cell (``shared``: the
    ``si`` of each shared formula met so far, and whether it counts)."""
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
        row, col = _position_of((tag.group(1), tag.group(2)))
        if not cached:
            scan.not_calculated(row, col)
        if _counts(piece, formula.start(), end, shared):
            scan.counts(row)


def _counts(piece: bytes, start: int, end: int, shared: dict[bytes, bool]) -> bool:
    """Whether the ``<f>`` element at ``start`` (inside a cell ending at ``end``) counts."""
    close = piece.find(b">", start, end)
    if close < 0:
        raise _Fallback
    tag = piece[start:close]
    si = _SHARED_INDEX.search(tag)
    if piece[close - 1 : close] == b"/":
        text = ""
    else:
        stop = piece.find(b"</f>", close, end)
        if stop < 0:
            raise _Fallback
        text = piece[close + 1 : stop].decode("utf-8", "replace")
    if not text and si is not None:
        return shared.get(si.group(1), False)
    counting = COUNTING_FORMULA.search(text) is not None
    if si is not None:
        shared[si.group(1)] = counting
    return counting


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
        self.in_formula = False
        self.formula: list[str] = []
        self.formula_index: str | None = None
        self.shared: dict[str, bool] = {}
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
        elif tag == "f":
            self._end_formula()
        elif tag == "c":
            self._end_cell()

    def text(self, data: str) -> None:
        if self.in_formula:
            self.formula.append(data)
        elif self.in_value and not self.has_value and data.strip():
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

    def _formula(self, attrs: dict[str, str]) -> None:
        self.has_formula = self.in_formula = True
        self.formula = []
        self.formula_index = attrs.get("si")

    def _end_formula(self) -> None:
        """A counting formula marks its row; shared followers count as their first cell."""
        self.in_formula = False
        text = "".join(self.formula)
        if not text and self.formula_index is not None:
            counting = self.shared.get(self.formula_index, False)
        else:
            counting = COUNTING_FORMULA.search(text) is not None
            if self.formula_index is not None:
                self.shared[self.formula_index] = counting
        if counting and self.cell is not None:
            self.scan.counts(self.cell[0])

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
        match = _CELL.match(_unescaped(ref) if "&" in ref else ref)
        if match is None:
            self._bad("reason_cell_reference", ref=printable(ref, 20))
        letters, digits = match.groups()
        return int(digits) - 1, _column(letters)

    def _number(self, text: str) -> int:
        if not text.isdigit() or len(text) > 10:
            self._bad("reason_row_number", number=printable(text, 20))
        return int(text)

    def _bad(self, code: str, **params: object) -> NoReturn:
        reason = Phrase(code, sheet=printable(self.guard.sheet or ""), **params)
        raise RegisterError("unreadable", path=self.path, reason=reason)


def _unescaped(text: str) -> str:
    """A reference with character references in it (rare): html.unescape, imported then."""
    import html

    return html.unescape(text)
