"""Broken, hostile and odd registers, built by code at test time.

Nothing here is committed as a binary: the big and hostile files (a million rows, 16,384
columns, zip bombs, entity bombs) are written part by part straight into a zip, which takes
milliseconds, and the binary formats (xls in an OLE2 compound file, xlsb, an encrypted xlsx)
are written record by record. Each builder takes a folder and returns the register's path.

``CASES`` lists every case with what mvi-xl must answer; ``tests/test_hostile.py`` walks them
through ``build`` and ``check``.
"""

from __future__ import annotations

import datetime as dt
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import xlsxwriter

from mvi_xl.cells import column_letter

from .conftest import BASIC_ROWS, HEADER, write_csv, write_xlsx

# --- OOXML written part by part ----------------------------------------------------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


column_name = column_letter


def inline_cell(row: int, col: int, value: object) -> str:
    """One cell (0-based position): numbers as numbers, everything else inline text."""
    ref = f"{column_name(col)}{row + 1}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def rows_xml(rows: Sequence[Sequence[object]], first: int = 0) -> str:
    parts = []
    for index, row in enumerate(rows, start=first):
        cells = "".join(inline_cell(index, c, v) for c, v in enumerate(row) if v is not None)
        parts.append(f'<row r="{index + 1}">{cells}</row>')
    return "".join(parts)


def sheet_xml(body: str, after: str = "", before: str = "") -> str:
    """A worksheet part: ``body`` inside sheetData, ``after`` (mergeCells, ...) behind it."""
    return (
        f'{XML_DECLARATION}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{before}'
        f"<sheetData>{body}</sheetData>{after}</worksheet>"
    )


def register_sheet(rows: Sequence[Sequence[object]] = BASIC_ROWS, header=HEADER) -> str:
    return sheet_xml(rows_xml([header, *rows]))


def ooxml_parts(
    sheets: Sequence[tuple[str, str]],
    *,
    extra: dict[str, bytes | str] | None = None,
    hidden: Sequence[str] = (),
    macro: bool = False,
) -> dict[str, bytes | str]:
    """The parts of a minimal workbook: content types, relationships, workbook, sheets."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
        for i in range(1, len(sheets) + 1)
    )
    book_type = MACRO_WORKBOOK_TYPE if macro else WORKBOOK_TYPE
    content_types = (
        f'{XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{book_type}"/>{overrides}</Types>'
    )
    package_rels = (
        f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    entries = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"'
        + (' state="hidden"' if name in hidden else "")
        + "/>"
        for i, (name, _) in enumerate(sheets, start=1)
    )
    workbook = (
        f'{XML_DECLARATION}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f"<sheets>{entries}</sheets></workbook>"
    )
    relationships = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": (
            f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}">{relationships}</Relationships>'
        ),
    }
    for i, (_, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    parts.update(extra or {})
    return parts


def write_zip(path: Path, parts: dict[str, bytes | str], level: int = 6) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return path


def write_ooxml(path: Path, sheets: Sequence[tuple[str, str]], **kwargs) -> Path:
    return write_zip(path, ooxml_parts(sheets, **kwargs))


def deflate(data: bytes, level: int = 9) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def raw_zip(path: Path, parts: Sequence[tuple[str, bytes, bytes, int]]) -> Path:
    """A zip written by hand, so it can lie: (name, compressed deflate data, crc of the real
    data, the uncompressed size to declare)."""
    local, central = bytearray(), bytearray()
    for name, compressed, crc, declared in parts:
        encoded = name.encode()
        offset = len(local)
        header = struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(compressed), declared,
            len(encoded), 0,
        )  # fmt: skip
        local += header + encoded + compressed
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(compressed), declared,
            len(encoded), 0, 0, 0, 0, 0, offset,
        ) + encoded  # fmt: skip
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), len(local), 0
    )
    path.write_bytes(bytes(local + central + end))
    return path


def repeated_deflate(unit: bytes, times: int) -> tuple[bytes, int, int]:
    """``unit`` repeated ``times`` times, deflated without building it in memory: (compressed,
    crc, size). A megabyte of XML rows compresses to about a kilobyte."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = unit * max(1, (1 << 20) // len(unit))
    out, crc, size = [], 0, 0
    remaining = times
    per_block = len(block) // len(unit)
    while remaining > 0:
        piece = block if remaining >= per_block else unit * remaining
        out.append(compressor.compress(piece))
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        remaining -= per_block
    out.append(compressor.flush())
    return b"".join(out), crc, size


# --- OLE2 compound files ------------------------------------------------------------------------

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding ``streams`` at its root. Streams are padded to 4,096
    bytes so they live in regular sectors (no mini stream needed)."""
    names = list(streams)
    contents = [streams[n] + b"\x00" * max(0, 4096 - len(streams[n])) for n in names]
    sectors_of = [-(-len(c) // SECTOR) for c in contents]
    directory_sectors = -(-(len(names) + 1) * 128 // SECTOR)
    data_sectors = directory_sectors + sum(sectors_of)
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < data_sectors + fat_sectors:
        fat_sectors += 1
    fat = [FAT_SECTOR] * fat_sectors
    first_directory = len(fat)
    fat += [len(fat) + i + 1 for i in range(directory_sectors - 1)] + [END_OF_CHAIN]
    starts = []
    for count in sectors_of:
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (fat_sectors * (SECTOR // 4) - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = FREE) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB3L", len(encoded), kind, 1, FREE, FREE, child)
            + b"\x00" * 36
            + struct.pack("<LQ", start, size)
        )

    # root's child is the first stream; the others hang off it as a right-leaning chain
    entries = [entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if names else FREE)]
    for index, (name, start) in enumerate(zip(names, starts, strict=True)):
        right = index + 2 if index + 1 < len(names) else FREE
        raw = entry(name, 2, start, len(contents[index]))
        entries.append(raw[:72] + struct.pack("<L", right) + raw[76:])
    directory = b"".join(entries).ljust(directory_sectors * SECTOR, b"\x00")

    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    # version 3, 512-byte sectors; FAT sectors, first directory sector, no mini FAT, no DIFAT
    counts = (fat_sectors, first_directory, 0, 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
    header = (
        CFB_MAGIC
        + b"\x00" * 16
        + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 10
        + struct.pack("<8L", *counts)
        + struct.pack("<109L", *difat)
    )
    body = (
        struct.pack(f"<{len(fat)}L", *fat)
        + directory
        + b"".join(c.ljust(n * SECTOR, b"\x00") for c, n in zip(contents, sectors_of, strict=True))
    )
    return header.ljust(SECTOR, b"\x00") + body


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a workbook with a password to open: no zip, an OLE2 container with
    the encryption header and the encrypted package (here random bytes: nobody decrypts it)."""
    info = struct.pack("<HHL", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    )
    package = struct.pack("<Q", 9000) + random.Random(5).randbytes(9000)
    path.write_bytes(compound_file({"EncryptionInfo": info, "EncryptedPackage": package}))
    return path


# --- xls (BIFF8) -------------------------------------------------------------------------------


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _bof(kind: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHLL", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))


def _short_string(text: str) -> bytes:
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def _unicode_string(text: str) -> bytes:
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def xls_workbook(sheets: dict[str, dict[tuple[int, int], object]], hidden_rows=()) -> bytes:
    """A BIFF8 workbook stream: text through the shared string table, numbers as NUMBER."""
    strings: list[str] = []
    index_of: dict[str, int] = {}
    for cells in sheets.values():
        for value in cells.values():
            if isinstance(value, str) and value not in index_of:
                index_of[value] = len(strings)
                strings.append(value)
    sst = _record(
        0x00FC,
        struct.pack("<LL", len(strings), len(strings))
        + b"".join(_unicode_string(s) for s in strings),
    )
    xf = _record(0x00E0, struct.pack("<HHH", 0, 0, 0xFFF5) + b"\x00" * 14)
    font = _record(
        0x0031,
        struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _short_string("Arial"),
    )
    globals_head = _bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + font + xf * 16
    bodies = []
    for cells in sheets.values():
        records = []
        for row in sorted(hidden_rows):
            records.append(
                _record(0x0208, struct.pack("<HHHHHHL", row, 0, 1, 255, 0, 0, 0x0100 | 0x20))
            )
        for (row, col), value in sorted(cells.items()):
            if isinstance(value, str):
                records.append(_record(0x00FD, struct.pack("<HHHL", row, col, 15, index_of[value])))
            else:
                records.append(_record(0x0203, struct.pack("<HHHd", row, col, 15, float(value))))
        bodies.append(_bof(0x0010) + b"".join(records) + _record(0x000A))
    names = list(sheets)
    bound_size = sum(
        len(_record(0x0085, struct.pack("<LBB", 0, 0, 0) + _short_string(n))) for n in names
    )
    offset = len(globals_head) + bound_size + len(sst) + len(_record(0x000A))
    bounds = b""
    for name, body in zip(names, bodies, strict=True):
        bounds += _record(0x0085, struct.pack("<LBB", offset, 0, 0) + _short_string(name))
        offset += len(body)
    return globals_head + bounds + sst + _record(0x000A) + b"".join(bodies)  # fmt: skip


def write_xls(path: Path, sheets: dict[str, dict[tuple[int, int], object]], **kwargs) -> Path:
    path.write_bytes(compound_file({"Workbook": xls_workbook(sheets, **kwargs)}))
    return path


def grid(rows: Sequence[Sequence[object]]) -> dict[tuple[int, int], object]:
    return {
        (r, c): value
        for r, row in enumerate(rows)
        for c, value in enumerate(row)
        if value is not None and not isinstance(value, dt.date)
    }


# --- xlsb (BIFF12) -----------------------------------------------------------------------------


def _b12(kind: int, body: bytes = b"") -> bytes:
    head = bytearray()
    if kind < 0x80:
        head.append(kind)
    else:
        head += bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size = len(body)
    while True:
        byte = size & 0x7F
        size >>= 7
        head.append(byte | (0x80 if size else 0))
        if not size:
            break
    return bytes(head) + body


def _wide(text: str) -> bytes:
    return struct.pack("<L", len(text)) + text.encode("utf-16-le")


def xlsb_parts(sheets: dict[str, dict[tuple[int, int], object]]) -> dict[str, bytes | str]:
    names = list(sheets)
    book = _b12(0x83) + _b12(0x8F)
    for i, name in enumerate(names, start=1):
        book += _b12(0x9C, struct.pack("<LL", 0, i) + _wide(f"rId{i}") + _wide(name))
    book += _b12(0x90) + _b12(0x84)
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": (
            f'{XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.'
            'sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.bin"/></Relationships>'
        ),
        "xl/workbook.bin": book,
        "xl/_rels/workbook.bin.rels": (
            f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" '
                f'Target="worksheets/sheet{i}.bin"/>'
                for i in range(1, len(names) + 1)
            )
            + "</Relationships>"
        ),
    }
    for i, cells in enumerate(sheets.values(), start=1):
        last_row = max((r for r, _ in cells), default=0)
        last_col = max((c for _, c in cells), default=0)
        body = _b12(0x81) + _b12(0x94, struct.pack("<4L", 0, last_row, 0, last_col)) + _b12(0x91)
        row = None
        for (r, c), value in sorted(cells.items()):
            if r != row:
                body += _b12(0x00, struct.pack("<LLHBBBL", r, 0, 0x0114, 0, 0, 0, 0))
                row = r
            if isinstance(value, str):
                body += _b12(0x06, struct.pack("<LL", c, 0) + _wide(value))
            else:
                body += _b12(0x05, struct.pack("<LLd", c, 0, float(value)))
        body += _b12(0x92) + _b12(0x82)
        parts[f"xl/worksheets/sheet{i}.bin"] = body
    return parts


# --- ods ---------------------------------------------------------------------------------------

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def ods_content(tables: str) -> str:
    return (
        f"{XML_DECLARATION}<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def ods_row(values: Sequence[object], repeat: int = 1) -> str:
    cells = "".join(
        '<table:table-cell office:value-type="string"><text:p>'
        f"{escape(str(v))}</text:p></table:table-cell>"
        if v is not None
        else "<table:table-cell/>"
        for v in values
    )
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{cells}</table:table-row>"


def write_ods(path: Path, tables: str) -> Path:
    manifest = (
        f'{XML_DECLARATION}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{ODS_MIMETYPE.decode()}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", ods_content(tables), compress_type=zipfile.ZIP_DEFLATED)
    return path


# --- The corpus ----------------------------------------------------------------------------------

#: Excel's own maximum number of characters in a cell.
EXCEL_TEXT_LIMIT = 32_767
INJECTIONS = (
    '=HYPERLINK("http://evil.example","klik")',
    "+31 20 123",
    "-2+3",
    "@SUM(A1)",
    "{=1+1}",
    "http://evil.example/actie",
    "file:///c:/windows/system32",
    "\tTab ervoor",
    "\rCR ervoor",
    "=cmd|' /C calc'!A0",
)


@dataclass(frozen=True)
class Case:
    """One register and what ``build`` and ``check`` must both answer.

    ``says`` are words of the one line on stderr (for a failure) or of a warning (for a build
    that succeeds); ``where`` is the sheet and cell that line or warning names.
    """

    name: str
    make: Callable[[Path], Path]
    exit: int
    says: tuple[str, ...] = ()
    where: str | None = None
    slow: bool = False  # also run in a subprocess, timed and measured
    config: str | None = None  # mvi-xl.toml beside the register
    posix_only: bool = False
    extra: dict[str, object] = field(default_factory=dict)


def _basic(folder: Path, name: str = "register.xlsx") -> Path:
    return write_xlsx(folder / name, BASIC_ROWS)


def _bytes(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def _truncated(folder: Path) -> Path:
    whole = _basic(folder, "heel.xlsx").read_bytes()
    (folder / "heel.xlsx").unlink()
    path = folder / "register.xlsx"
    path.write_bytes(whole[: len(whole) * 6 // 10])
    return path


def _text_as_xlsx(folder: Path) -> Path:
    path = folder / "register.xlsx"
    path.write_text("Dit is een notitie, geen register.\nTweede regel.\n", encoding="utf-8")
    return path


def _xlsb(folder: Path) -> Path:
    rows = [HEADER, *[r[:4] for r in BASIC_ROWS]]
    return write_zip(folder / "register.xlsb", xlsb_parts({"Acties": grid(rows)}))


def _no_header(folder: Path) -> Path:
    rows = [["Overzicht"], ["Wat", "Wanneer", "Wie"], ["Papier", "2018", "Inkoop"]]
    return write_ooxml(folder / "register.xlsx", [("Blad1", sheet_xml(rows_xml(rows)))])


def _duplicate_header(folder: Path) -> Path:
    header = ["Nr", "Actie", "Periode", "Status", "Status"]
    rows = [[*r[:4], "oud"] for r in BASIC_ROWS]
    return write_xlsx(folder / "register.xlsx", rows, header=header)


def _header_only(folder: Path) -> Path:
    return write_xlsx(folder / "register.xlsx", [])


def _million_rows(folder: Path) -> Path:
    body = rows_xml([["Actie", "Periode", "Status"]]) + "".join(
        f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(2, 1_000_002)
    )
    return write_zip(folder / "register.xlsx", ooxml_parts([("Acties", sheet_xml(body))]), level=1)


def _long_cell(length: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        rows = [["1", "Lange actie " + "x" * (length - 12), "P", "lopend"]]
        xml = sheet_xml(rows_xml([HEADER[:4], *rows]))
        return write_ooxml(folder / "register.xlsx", [("Acties", xml)])

    return make


def _bomb_stream(declared_truth: bool) -> Callable[[Path], Path]:
    """A sheet part that really inflates to about 2 GB from 2 MB: one deflate block of a
    megabyte of rows, full-flushed so that it can be repeated byte for byte. With
    ``declared_truth`` the directory says so (a plain zip bomb); without it the directory
    claims 10 KB (a bomb that lies)."""

    def make(folder: Path) -> Path:
        prefix = f'{XML_DECLARATION}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
        unit = b'<row><c t="inlineStr"><is><t>Actie</t></is></c></row>'
        block_data = unit * ((1 << 20) // len(unit))
        suffix = b"</sheetData></worksheet>"
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
        block = compressor.compress(block_data) + compressor.flush(zlib.Z_FULL_FLUSH)
        tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
        copies = 2000
        stream = head + block * copies + tail
        size = len(prefix) + len(block_data) * copies + len(suffix)
        parts = ooxml_parts([("Acties", "")])
        del parts["xl/worksheets/sheet1.xml"]
        entries = [
            (n, deflate(_encoded(c)), zlib.crc32(_encoded(c)), len(_encoded(c)))
            for n, c in parts.items()
        ]
        declared = size if declared_truth else 10_000
        entries.append(("xl/worksheets/sheet1.xml", stream, 0, declared))
        return raw_zip(folder / "register.xlsx", entries)

    return make


def _with_shared_strings(strings_entry: tuple[bytes, int, int]) -> list:
    """The parts of a small register (as raw_zip entries) with a sharedStrings.xml given as
    (compressed, crc, size)."""
    parts = ooxml_parts([("Acties", register_sheet())])
    parts["xl/_rels/workbook.xml.rels"] = _encoded(parts["xl/_rels/workbook.xml.rels"]).replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{REL_NS}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    entries = [
        (n, deflate(_encoded(c)), zlib.crc32(_encoded(c)), len(_encoded(c)))
        for n, c in parts.items()
    ]
    compressed, crc, size = strings_entry
    entries.append(("xl/sharedStrings.xml", compressed, crc, size))
    return entries


def _strings_bomb(folder: Path) -> Path:
    """Twelve million one-letter shared strings, 200 MB from half a megabyte: calamine keeps each
    as a string of its own (700 MB) before any sheet is read."""
    head = f'{XML_DECLARATION}<sst xmlns="{MAIN_NS}">'.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    out, crc, size = [compressor.compress(head)], zlib.crc32(head), len(head)
    block = b"<si><t>a</t></si>" * 60_000
    for _ in range(200):
        out.append(compressor.compress(block))
        crc, size = zlib.crc32(block, crc), size + len(block)
    out.append(compressor.compress(b"</sst>") + compressor.flush())
    crc, size = zlib.crc32(b"</sst>", crc), size + 6
    return raw_zip(folder / "register.xlsx", _with_shared_strings((b"".join(out), crc, size)))


def _strings_reserved(folder: Path) -> Path:
    """A 1 KB file whose shared strings claim a trillion entries: calamine reserves room for
    them up front, and the allocation aborts the process."""
    data = (
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1000000000000"><si><t>a</t></si></sst>'
    ).encode()
    return raw_zip(
        folder / "register.xlsx", _with_shared_strings((deflate(data), zlib.crc32(data), len(data)))
    )


def _xlsb_strings_announced(folder: Path) -> Path:
    """An xlsb whose shared strings announce four billion entries (calamine reads as many as
    announced)."""
    parts = xlsb_parts({"Acties": grid([HEADER[:4], *[r[:4] for r in BASIC_ROWS]])})
    parts["xl/sharedStrings.bin"] = _b12(0x9F, struct.pack("<LL", 0xFFFFFFFF, 0xFFFFFFFF)) + _b12(
        0x13, b"\x00" + _wide("a")
    )
    return write_zip(folder / "register.xlsb", parts)


def _encoded(content: bytes | str) -> bytes:
    return content.encode() if isinstance(content, str) else content


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def _entity_bomb(folder: Path) -> Path:
    strings = (
        f'{LAUGHS}<sst xmlns="{MAIN_NS}" count="4" uniqueCount="4"><si><t>&lol9;</t></si>'
        "<si><t>Actie</t></si><si><t>Periode</t></si><si><t>Status</t></si></sst>"
    )
    body = (
        '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c>'
        '<c r="C1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    )
    extra = {"xl/sharedStrings.xml": strings}
    parts = ooxml_parts([("Acties", sheet_xml(body))], extra=extra)
    parts["xl/_rels/workbook.xml.rels"] = _encoded(parts["xl/_rels/workbook.xml.rels"]).replace(
        b"</Relationships>",
        f'<Relationship Id="rId99" Type="{REL_NS}/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>'.encode(),
    )
    return write_zip(folder / "register.xlsx", parts)


def _hidden_bomb(part: str) -> Callable[[Path], Path]:
    """The entity bomb behind two megabytes of comment, past the start of the part that the
    package check searches: the sheet's own scan (expat) or calamine must still refuse it."""

    def make(folder: Path) -> Path:
        path = _entity_bomb(folder)
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        comment = b"<!--" + random.Random(7).randbytes(1_000_000).hex().encode() + b"-->"
        if part == "sheet":
            body = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
            xml = (LAUGHS + f'<worksheet xmlns="{MAIN_NS}"><sheetData>').encode()
            parts["xl/worksheets/sheet1.xml"] = xml + body + b"</sheetData></worksheet>"
            strings = parts["xl/sharedStrings.xml"]
            parts["xl/sharedStrings.xml"] = strings[strings.index(b"]>") + 2 :].replace(
                b"&lol9;", b"x"
            )
            name = "xl/worksheets/sheet1.xml"
        else:
            name = "xl/sharedStrings.xml"
        parts[name] = parts[name].replace(b"<!DOCTYPE", comment + b"<!DOCTYPE", 1)
        return write_zip(path, parts)

    return make


def _xxe(folder: Path) -> Path:
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    xml = register_sheet().replace(XML_DECLARATION, XML_DECLARATION + doctype)
    xml = xml.replace(">Papier<", ">&xxe;<", 1)
    return write_ooxml(folder / "register.xlsx", [("Acties", xml)])


def _formulas(column: str) -> Callable[[Path], Path]:
    """Written by openpyxl, as a script would: formulas without cached values."""

    def make(folder: Path) -> Path:
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Acties"
        sheet.append([*HEADER[:4], "Berekend"])
        for index, row in enumerate(BASIC_ROWS, start=2):
            values = [*row[:4], f"=LEN(B{index})"]
            if column == "status":
                values[3] = f'=IF(LEN(B{index})>0,"lopend","gepland")'
            sheet.append(values)
        path = folder / "register.xlsx"
        workbook.save(path)
        return path

    return make


def _csv_cp1252(folder: Path) -> Path:
    rows = [
        *BASIC_ROWS,
        ["4.1", "Inkoop bij één sociale onderneming", "Aan de slag in 2017", "gereed", None],
    ]
    return write_csv(folder / "register.csv", rows, encoding="cp1252")


def _csv_utf16(folder: Path) -> Path:
    lines = [
        "\t".join(HEADER),
        *("\t".join("" if v is None else str(v) for v in r) for r in BASIC_ROWS),
    ]
    path = folder / "register.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    return path


def _csv_ragged(folder: Path) -> Path:
    path = folder / "register.csv"
    path.write_text(
        "Nr;Actie;Periode;Status\r\n"
        "1;Papier;Aan de slag in 2017;voltooid\r\n"
        "2;Enveloppen; formaat C4;Aan de slag in 2017;lopend\r\n"
        "3;Koffie\r\n",
        encoding="utf-8",
    )
    return path


def _csv_nul(folder: Path) -> Path:
    path = folder / "register.csv"
    path.write_bytes(
        ("Nr;Actie;Periode;Status\r\n" + "1;Papier;P;lopend\r\n" * 1000).encode()
        + b"2;Pa\x00pier;P;lopend\r\n"
    )
    return path


def _csv_huge_field(folder: Path) -> Path:
    path = folder / "register.csv"
    path.write_text("Nr;Actie;Periode;Status\r\n1;" + "x" * 200_000 + ";P;lopend\r\n")
    return path


def _csv_blank_lines(folder: Path) -> Path:
    path = folder / "register.csv"
    path.write_text("Nr;Actie;Periode;Status\n1;a;P;lopend\n" + "\n" * 1_000_000 + "2;b;P;lopend\n")
    return path


def _bad_dates(folder: Path) -> Path:
    rows = [["1", "Papier", "Aan de slag in 2017", "voltooid", "31-02-2018"]]
    return write_xlsx(folder / "register.xlsx", rows)


def _dates_before_1900(folder: Path) -> Path:
    rows = [["1", "Papier", "Aan de slag in 2017", "voltooid", "05-07-1018"]]
    return write_xlsx(folder / "register.xlsx", rows)


def _columns_16384(folder: Path) -> Path:
    body = rows_xml([["Actie", "Periode", "Status"]]) + rows_xml([[1] * 16_384], first=1)
    return write_ooxml(folder / "register.xlsx", [("Acties", sheet_xml(body))])


def _merged_header(folder: Path) -> Path:
    """A two-row header as coordinators draw it: single columns merged down, a group heading
    merged across the dates under it."""
    path = folder / "register.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = workbook.add_worksheet("Acties")
    for col, name in enumerate(["Nr", "Actie", "Periode", "Status"]):
        sheet.merge_range(0, col, 1, col, name)
    sheet.merge_range(0, 4, 0, 5, "Planning")
    sheet.write_string(1, 4, "Startdatum")
    sheet.write_string(1, 5, "Datum gereed")
    rows = [
        ["1.1", "Papier", "Aan de slag in 2017", "voltooid", "1-2-2018", "5-7-2018"],
        ["1.2", "Groen", "Aan de slag in 2017", "lopend", "1-3-2018", None],
    ]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write_string(r, c, value)
    workbook.close()
    return path


def _merged_period(folder: Path) -> Path:
    path = folder / "register.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Nr", "Actie", "Periode", "Status"])
    for r, (nr, text, status) in enumerate(
        [("1", "Papier", "voltooid"), ("2", "Groen", "lopend"), ("3", "Koffie", "gepland")],
        start=1,
    ):
        sheet.write_row(r, 0, [nr, text])
        sheet.write_string(r, 3, status)
    sheet.merge_range(1, 2, 3, 2, "Aan de slag in 2017")
    sheet.write_row(4, 0, ["4", "Textiel", "Actie doorlopend", "lopend"])
    workbook.close()
    return path


def _hidden(folder: Path) -> Path:
    path = folder / "register.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    workbook.add_worksheet("Uitleg").write_string(0, 0, "Het register staat op een verborgen blad.")
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Nr", "Actie", "Periode", "Status"])
    for r, row in enumerate(BASIC_ROWS, start=1):
        sheet.write_row(r, 0, [str(v) for v in row[:4]])
    sheet.set_row(2, None, None, {"hidden": True})
    sheet.set_row(3, None, None, {"hidden": True})
    sheet.hide()
    workbook.worksheets()[0].activate()
    workbook.close()
    return path


def _folder(folder: Path) -> Path:
    path = folder / "register.xlsx"
    path.mkdir()
    return path


def _missing(folder: Path) -> Path:
    return folder / "weg" / "register.xlsx"


def _unreadable(folder: Path) -> Path:
    path = _basic(folder)
    path.chmod(0)
    return path


def _xlsm(folder: Path) -> Path:
    macro = compound_file({"VBA": b'Attribute VB_Name = "Module1"\r\nSub AutoOpen()\r\nEnd Sub'})
    extra = {"xl/vbaProject.bin": macro}
    return write_ooxml(
        folder / "register.xlsm", [("Acties", register_sheet())], extra=extra, macro=True
    )


def _injection(folder: Path) -> Path:
    rows = [[str(i), text, "Aan de slag in 2017", text] for i, text in enumerate(INJECTIONS, 1)]
    rows += [["99", "Gewone actie", text, "lopend"] for text in INJECTIONS[:3]]
    return write_xlsx(folder / "register.xlsx", rows, header=HEADER[:4])


def _html(folder: Path) -> Path:
    path = folder / "export.xls"
    path.write_text(
        "<html><body><table><tr><td>Actie</td><td>Periode</td><td>Status</td></tr>"
        "<tr><td>Papier</td><td>2017</td><td>lopend</td></tr></table></body></html>"
    )
    return path


def _big_file(folder: Path) -> Path:
    extra = {"xl/media/image1.png": random.Random(1).randbytes(1_500_000)}
    return write_ooxml(folder / "register.xlsx", [("Acties", register_sheet())], extra=extra)


def _far_cell_xls(folder: Path) -> Path:
    cells = grid([["Actie", "Periode", "Status"]])
    cells[(65_535, 255)] = "x"
    return write_xls(folder / "register.xls", {"Acties": cells})


def _far_cell_xlsx(folder: Path) -> Path:
    body = (
        rows_xml([["Actie", "Periode", "Status"]])
        + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    return write_ooxml(folder / "register.xlsx", [("Acties", sheet_xml(body))])


def _duplicate_attribute(folder: Path) -> Path:
    body = (
        rows_xml([["Actie", "Periode", "Status"]])
        + '<row r="2"><c r="A2" r="XFD1048576"><v>1</v></c></row>'
    )
    return write_ooxml(folder / "register.xlsx", [("Acties", sheet_xml(body))])


def _ods_repeat(folder: Path) -> Path:
    table = (
        '<table:table table:name="Acties">'
        + ods_row(["Actie", "Periode", "Status"])
        + ods_row(["x"], repeat=1_000_000)
        + "</table:table>"
    )
    return write_ods(folder / "register.ods", table)


def _ods(folder: Path) -> Path:
    rows = [HEADER[:4], *[r[:4] for r in BASIC_ROWS]]
    table = (
        '<table:table table:name="Acties">' + "".join(ods_row(r) for r in rows) + "</table:table>"
    )
    return write_ods(folder / "register.ods", table)


def _many_parts(folder: Path) -> Path:
    parts = ooxml_parts([("Acties", register_sheet())])
    parts.update({f"xl/extra/{i}.xml": "<a/>" for i in range(10_001)})
    return write_zip(folder / "register.xlsx", parts, level=1)


def _xlsb_far_cell(folder: Path) -> Path:
    cells = grid([["Actie", "Periode", "Status"]])
    cells[(5_000_000, 2)] = "x"
    return write_zip(folder / "register.xlsb", xlsb_parts({"Acties": cells}))


def _xls(folder: Path) -> Path:
    return write_xls(
        folder / "register.xls", {"Acties": grid([HEADER[:4], *[r[:4] for r in BASIC_ROWS]])}
    )


def _xls_password(folder: Path) -> Path:
    stream = xls_workbook({"Acties": grid([["Actie", "Periode", "Status"]])})
    stream = stream[:20] + _record(0x002F, b"\x01\x00" + b"\x00" * 52) + stream[20:]
    path = folder / "register.xls"
    path.write_bytes(compound_file({"Workbook": stream}))
    return path


def _word_as_xls(folder: Path) -> Path:
    path = folder / "register.xls"
    path.write_bytes(compound_file({"WordDocument": b"\xec\xa5" + b"\x00" * 500}))
    return path


CASES: tuple[Case, ...] = (
    Case("empty_file", _bytes("register.csv", b""), 3, ("leeg",)),
    Case("zero_byte_xlsx", _bytes("register.xlsx", b""), 3, ("leeg",)),
    Case(
        "random_bytes",
        _bytes("register.xlsx", b"\x00\x9f" + random.Random(3).randbytes(4000)),
        3,
        ("geen spreadsheet",),
    ),
    Case("text_named_xlsx", _text_as_xlsx, 3, ("geen kopregel",)),
    Case("truncated_xlsx", _truncated, 3, ("beschadigd",)),
    Case("password_xlsx", lambda f: encrypted_xlsx(f / "register.xlsx"), 3, ("wachtwoord",)),
    Case("password_xls", _xls_password, 3, ("wachtwoord",)),
    Case("word_document_as_xls", _word_as_xls, 3, ("geen spreadsheet",)),
    Case("html_as_xls", _html, 3, ("webpagina",)),
    Case("xlsb", _xlsb, 0),
    Case("xls", _xls, 0),
    Case("ods", _ods, 0),
    Case("no_header", _no_header, 3, ("geen kopregel",), "Blad1"),
    Case("duplicate_header", _duplicate_header, 0, ("ook op 'Status'",), "Acties!E1"),
    Case("header_without_actions", _header_only, 0, ("geen acties",), "Acties!1:1"),
    Case("million_rows", _million_rows, 3, ("meer dan 250000 rijen",), "Acties!A250001", slow=True),
    Case("cell_of_32767_characters", _long_cell(EXCEL_TEXT_LIMIT), 0, slow=True),
    Case("cell_beyond_excel", _long_cell(40_000), 0, ("40000 tekens",), "Acties!B2", slow=True),
    Case("zip_bomb", _bomb_stream(True), 3, ("zipbom", "xl/worksheets/sheet1.xml"), slow=True),
    Case(
        "zip_bomb_that_lies",
        _bomb_stream(False),
        3,
        ("gemanipuleerd", "xl/worksheets/sheet1.xml"),
        slow=True,
    ),
    Case("entity_bomb", _entity_bomb, 3, ("DTD", "xl/sharedStrings.xml"), slow=True),
    Case("shared_strings_bomb", _strings_bomb, 3, ("meer verschillende teksten",), slow=True),
    Case("shared_strings_reserved", _strings_reserved, 3, ("meer verschillende teksten",)),
    Case("xlsb_strings_announced", _xlsb_strings_announced, 3, ("meer verschillende teksten",)),
    Case("external_entity", _xxe, 3, ("DTD", "xl/worksheets/sheet1.xml")),
    Case("entity_bomb_deep_in_a_sheet", _hidden_bomb("sheet"), 3, ("DTD", "sheet1.xml"), slow=True),
    Case(
        "entity_bomb_deep_in_strings",
        _hidden_bomb("strings"),
        3,
        ("DTD", "sharedStrings"),
        slow=True,
    ),
    Case(
        "formulas_without_values",
        _formulas("status"),
        3,
        ("formule zonder berekende waarde", "Excel"),
        "Acties!D2",
    ),
    Case("formulas_elsewhere", _formulas("other"), 0, ("formulecel",), "Acties!E2"),
    Case("csv_cp1252", _csv_cp1252, 0),
    Case("csv_utf16", _csv_utf16, 0),
    Case("csv_ragged", _csv_ragged, 0, ("5 velden, de kopregel 4",), "E3"),
    Case("csv_nul_byte_in_text", _csv_nul, 0),
    Case("csv_huge_field", _csv_huge_field, 3, ("CSV",)),
    Case(
        "csv_blank_lines_then_more",
        _csv_blank_lines,
        3,
        ("meer dan 250000 rijen",),
        "A250001",
        slow=True,
    ),
    Case("impossible_date", _bad_dates, 0, ("31-02-2018",), "Acties!E2"),
    Case("date_before_1900", _dates_before_1900, 0, ("05-07-1018", "1900"), "Acties!E2"),
    Case("columns_16384", _columns_16384, 3, ("meer dan 1000 kolommen",), "Acties!ALM2", slow=True),
    Case("merged_header", _merged_header, 0, ("rij 1 tot en met 2",), "Acties!1:2"),
    Case("merged_period", _merged_period, 0, ("samengevoegde cellen",), "Acties!C2:C4"),
    Case("hidden_rows_and_sheet", _hidden, 0, ("verborgen rij",), "Acties!3:4"),
    Case("folder", _folder, 3, ("map",)),
    Case("missing_path", _missing, 3, ("niet gevonden",)),
    Case("no_read_permission", _unreadable, 3, ("leesrechten",), posix_only=True),
    Case("device", lambda _folder: Path("/dev/zero"), 3, ("geen gewoon bestand",), posix_only=True),
    Case("xlsm_with_macros", _xlsm, 0),
    Case("formula_and_link_injection", _injection, 0, ("onbekende status",), "Acties!D2"),
    Case(
        "file_over_configured_limit",
        _big_file,
        3,
        ("de grens is 1 MB",),
        config="[limits]\nmax_file_mb = 1\n",
    ),
    Case(
        "far_cell_xls",
        _far_cell_xls,
        3,
        ("meer dan 3000000 cellen",),
        "Acties!A1:IV65536",
        slow=True,
    ),
    Case(
        "far_cell_xlsx",
        _far_cell_xlsx,
        3,
        ("meer dan 250000 rijen",),
        "Acties!XFD1048576",
        slow=True,
    ),
    Case(
        "far_cell_xlsb", _xlsb_far_cell, 3, ("meer dan 250000 rijen",), "Acties!C5000001", slow=True
    ),
    Case(
        "duplicate_cell_reference",
        _duplicate_attribute,
        3,
        ("xl/worksheets/sheet1.xml is geen geldige XML (dubbel attribuut, regel 2",),
        slow=True,
    ),
    Case(
        "ods_repeated_rows", _ods_repeat, 3, ("meer dan 250000 rijen",), "Acties!A250001", slow=True
    ),
    Case("many_parts", _many_parts, 3, ("onderdelen",), slow=True),
)
