"""The binary formats, xlsb and xls, scanned record by record before python-calamine reads them.

Both store a sheet as a stream of records, each cell one record carrying its row and column,
so a tiny file can put one value at row 65,536 and column 256 and have calamine fill in the
rectangle up to it. The scans here read only the record headers and the positions, report
every value cell to the ExtentGuard, and note hidden rows and merged ranges on the way.

- xlsb (BIFF12): a zip like xlsx; ``xl/workbook.bin`` names the sheets, each sheet is one part.
  calamine reads a sheet when asked, so a sheet is scanned when it is first loaded. calamine
  reads ``xl/workbook.bin`` whatever ``_rels/.rels`` says, and the parts are looked up here as
  it looks them up, so the scanned part is the part it reads.
- xls (BIFF8, and BIFF5 from Excel 95): one "Workbook" stream inside an OLE2 compound file
  (``cfb``). calamine reads every sheet when it opens the file, so all are scanned first. A
  FILEPASS record means the workbook is password-protected.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from ..config import Limits
from ..errors import RegisterError
from . import cfb
from .limits import ExtentGuard
from .opc import Relationships
from .package import Package
from .safexml import parse
from .scan import SheetScan

# --- xlsb ------------------------------------------------------------------------------------

XLSB_WORKBOOK = "xl/workbook.bin"
XLSB_RELS = "xl/_rels/workbook.bin.rels"  # calamine wants this very name, case and all
XLSB_STRINGS = "xl/sharedStrings.bin"
_BRT_BEGIN_SST = 159
_HEAD_BYTES = 64 * 1024
_BRT_ROW_HDR = 0
_BRT_BUNDLE_SH = 156
_BRT_MERGE_CELL = 176
#: BrtCellRk .. BrtFmlaError and BrtCellRString: records of cells with a value (BrtCellBlank,
#: a formatted empty cell, holds none and calamine skips it).
_BRT_CELLS = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 62})
_ROW_HIDDEN = 0x10  # fDyZero in the flags byte at offset 11 of BrtRowHdr


def xlsb_sheet_parts(package: Package, path: Path) -> dict[str, str]:
    """Sheet name -> part, from BrtBundleSh records and the workbook's relationships."""
    data = package.read(XLSB_WORKBOOK)
    sheets: list[tuple[str, str]] = []
    try:
        for kind, start, _size in _xlsb_records(data):
            if kind == _BRT_BUNDLE_SH:
                rel_id, offset = _wide_string(data, start + 8)
                name, _ = _wide_string(data, offset)
                sheets.append((name, rel_id))
    except (IndexError, struct.error, UnicodeDecodeError):
        raise RegisterError("damaged", path=path) from None
    targets = Relationships()
    if XLSB_RELS in package.infos:
        parse(package.chunks(XLSB_RELS), targets, path, XLSB_RELS)
    parts = {}
    for name, rid in sheets:
        if rid in targets.targets:
            part = "xl/" + targets.targets[rid]  # as calamine joins it, absolute or not
            parts[name] = package.find(part) or part
    return parts


def scan_xlsb_shared_strings(package: Package, path: Path, limits: Limits) -> None:
    """calamine reads as many shared strings as BrtBeginSst announces (it reads nothing else
    of the part first), so that number is held to max_cells, as in an xlsx (see
    ``opc.scan_shared_strings``)."""
    part = package.find(XLSB_STRINGS)
    if part is None:
        return
    head = package.head(part, _HEAD_BYTES)
    announced = _announced_strings(head)
    if announced is None:  # other records first, beyond the head: look through all of it
        announced = _announced_strings(package.read(part)) or 0
    if announced > limits.max_cells:
        raise RegisterError("too_many_strings", path=path, limit=limits.max_cells)


def _announced_strings(data: bytes) -> int | None:
    """cstUnique of the first BrtBeginSst, or None when the data ends before one."""
    try:
        for kind, start, size in _xlsb_records(data):
            if kind == _BRT_BEGIN_SST and size >= 8:
                count: int = struct.unpack_from("<L", data, start + 4)[0]
                return count
    except IndexError:  # the head ends inside a record
        return None
    return None


def scan_xlsb_sheet(package: Package, part: str, guard: ExtentGuard, path: Path) -> SheetScan:
    """Row headers, value cells and merged ranges of one sheet part (read whole: it is bounded
    by max_unpacked_mb, and records are easiest cut from one buffer)."""
    data = package.read(part)
    scan = SheetScan()
    row = 0
    try:
        for kind, start, _size in _xlsb_records(data):
            if kind == _BRT_ROW_HDR:
                (row,) = struct.unpack_from("<L", data, start)
                if data[start + 11] & _ROW_HIDDEN:
                    scan.hide(row)
            elif kind in _BRT_CELLS:
                (col,) = struct.unpack_from("<L", data, start)
                guard.cell(row, col)
            elif kind == _BRT_MERGE_CELL:
                first_row, last_row, first_col, last_col = struct.unpack_from("<4L", data, start)
                scan.merge(first_row, first_col, last_row, last_col)
    except (IndexError, struct.error):
        raise RegisterError("damaged", path=path) from None
    return scan


def _xlsb_records(data: bytes) -> Iterator[tuple[int, int, int]]:
    """(record type, offset of its body, body size); types and sizes are 7-bit varints."""
    position, end = 0, len(data)
    while position < end:
        kind, position = _varint(data, position, 2)
        size, position = _varint(data, position, 4)
        if position + size > end:
            raise IndexError("record beyond the end of the part")
        yield kind, position, size
        position += size


def _varint(data: bytes, position: int, most: int) -> tuple[int, int]:
    value = 0
    for shift in range(0, 7 * most, 7):
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            break
    return value, position


def _wide_string(data: bytes, offset: int) -> tuple[str, int]:
    """An XLWideString (or a null XLNullableWideString): u32 length, then UTF-16 text."""
    (length,) = struct.unpack_from("<L", data, offset)
    offset += 4
    if length == 0xFFFFFFFF:
        return "", offset
    end = offset + 2 * length
    if end > len(data):
        raise IndexError("string beyond the end of the record")
    return data[offset:end].decode("utf-16-le"), end


# --- xls ---------------------------------------------------------------------------------------

_BOF = 0x0809
_EOF = 0x000A
_FILEPASS = 0x002F
_BOUNDSHEET = 0x0085
_ROW = 0x0208
_MULRK = 0x00BD
_MERGEDCELLS = 0x00E5
#: NUMBER, RK, LABELSST, LABEL, FORMULA, BOOLERR, RSTRING: row and column first.
_CELLS = frozenset({0x0203, 0x027E, 0x00FD, 0x0204, 0x0006, 0x0205, 0x00D6})
_BIFF8 = 0x0600
_XLS_ROW_HIDDEN = 0x0020  # fDyZero in ROW's grbit
_WORKSHEET = 0x00


def scan_xls(data: bytes, path: Path, limits: Limits) -> dict[str, SheetScan]:
    """Sheet name -> what was noted, for every worksheet; raises at the first cell beyond a
    limit, or when the workbook is encrypted or not a workbook at all."""
    try:
        compound = cfb.Compound(data)
        if compound.encrypted():
            raise RegisterError("password", path=path)
        stream = compound.stream("Workbook") or compound.stream("Book")
    except (cfb.Damaged, struct.error, IndexError):
        raise RegisterError("damaged", path=path) from None
    if stream is None:
        raise RegisterError("not_spreadsheet", path=path)
    try:
        return {
            name: _scan_xls_sheet(stream, offset, ExtentGuard(limits, path, name))
            for name, offset in _xls_sheets(stream, path)
        }
    except (IndexError, struct.error):
        raise RegisterError("damaged", path=path) from None


def _biff_records(stream: bytes, position: int) -> Iterator[tuple[int, int, int]]:
    """(record type, offset of its body, body size) from ``position`` to the end."""
    end = len(stream)
    while position + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, position)
        body = position + 4
        if body + size > end:
            raise IndexError("record beyond the end of the stream")
        yield kind, body, size
        position = body + size


def _xls_sheets(stream: bytes, path: Path) -> list[tuple[str, int]]:
    """The worksheets named in the globals substream, with the offset of each one's BOF."""
    sheets: list[tuple[str, int]] = []
    version = _BIFF8
    for kind, start, size in _biff_records(stream, 0):
        if kind == _BOF and start == 4:
            (version,) = struct.unpack_from("<H", stream, start)
        elif kind == _FILEPASS:
            raise RegisterError("password", path=path)
        elif kind == _BOUNDSHEET:
            offset, _state, sheet_type = struct.unpack_from("<LBB", stream, start)
            if sheet_type == _WORKSHEET:
                sheets.append((_sheet_name(stream, start + 6, start + size, version), offset))
        elif kind == _EOF:
            break
    return sheets


def _sheet_name(stream: bytes, offset: int, end: int, version: int) -> str:
    length = stream[offset]
    if version < _BIFF8:  # BIFF5: a byte string in the workbook's code page
        return stream[offset + 1 : offset + 1 + length].decode("cp1252", errors="replace")
    wide = stream[offset + 1] & 0x01
    text = stream[offset + 2 : min(end, offset + 2 + length * (2 if wide else 1))]
    return text.decode("utf-16-le" if wide else "latin-1", errors="replace")


def _scan_xls_sheet(stream: bytes, offset: int, guard: ExtentGuard) -> SheetScan:
    """One worksheet substream, up to its EOF; charts embedded in it (nested BOF ... EOF)
    hold no cells and are passed over."""
    scan = SheetScan()
    if stream[offset : offset + 2] != _BOF.to_bytes(2, "little"):
        raise IndexError("a sheet that does not start where the workbook says")
    depth = 0
    for kind, start, size in _biff_records(stream, offset):
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif depth != 1:
            continue
        elif kind in _CELLS:
            row, col = struct.unpack_from("<HH", stream, start)
            guard.cell(row, col)
        elif kind == _MULRK:
            row, first = struct.unpack_from("<HH", stream, start)
            (last,) = struct.unpack_from("<H", stream, start + size - 2)
            guard.cell(row, max(first, last))
        elif kind == _ROW:
            (row,) = struct.unpack_from("<H", stream, start)
            (flags,) = struct.unpack_from("<H", stream, start + 12)
            if flags & _XLS_ROW_HIDDEN:
                scan.hide(row)
        elif kind == _MERGEDCELLS:
            (count,) = struct.unpack_from("<H", stream, start)
            for index in range(min(count, (size - 2) // 8)):
                first_row, last_row, first_col, last_col = struct.unpack_from(
                    "<4H", stream, start + 2 + 8 * index
                )
                scan.merge(first_row, first_col, last_row, last_col)
    return scan
