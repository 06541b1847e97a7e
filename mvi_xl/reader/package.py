"""The zip inside an xlsx, xlsm, xlsb or ods, checked before any part of it is parsed.

A zip says in its central directory how large each part is, but nothing forces it to tell the
truth, and python-calamine inflates a part until its compressed data ends. What reading a
register may cost is bounded by the bytes inflated, all parts together, never by how well one
part compresses (a genuine shared-strings part of a repetitive register inflates 120 times):

1. the number of parts and the size of the directory, from the end record, before Python's
   zipfile reads the directory (it reads all of it, whatever the end record says);
2. the sizes the directory declares: all parts together no more than ``max_unpacked_mb``. A zip
   beyond that whose worst part also inflates more than ``max_ratio`` times is named a zip bomb
   in the message; the ratio alone refuses nothing;
3. every part that will be read inflated for real, in chunks, stopping at the first byte beyond
   what it declared (a zip bomb that lies about itself), and every byte inflated counted
   against ``max_unpacked_mb`` once more, so no second reading of a part can add up to more;
   an XML part is searched for a DTD on the way (a sheet only at its start: the sheet scans
   refuse a DTD anywhere else). calamine expands no entities and our own XML parsing refuses a
   DTD (``safexml``); this check is what names the attack in the message.

So a register costs at most ``max_unpacked_mb`` of inflating here and as much again in
calamine, which only ever reads parts that were inflated here first and proved their size. A
sheet part is inflated for real once, by the scan that bounds the sheet (``chunks``), instead
of twice: a sheet that is never loaded is never read by calamine either.

Part names are looked up as python-calamine looks them up in an xlsx or xlsb (ASCII case and
backslashes ignored, ``find``), so the parts checked here are the parts calamine reads; two
parts whose names differ only so are refused, as the Open Packaging Conventions require.
"""

from __future__ import annotations

import io
import string
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path

from ..config import Limits
from ..errors import RegisterError
from ..words.i18n import Phrase
from .limits import MAX_PARTS, MB
from .safexml import printable

_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_LOCAL = b"PK\x03\x04"
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_END_SEARCH = 22 + 65535  # the end record plus the longest comment
#: A directory larger than MAX_PARTS entries with long names is refused before zipfile builds
#: an object per entry.
_MAX_DIRECTORY_BYTES = MAX_PARTS * 400
_XML_SUFFIXES = (".xml", ".rels")
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_IN_CHUNK = 64 * 1024
_OUT_CHUNK = MB
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, struct.error, OSError)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def fold(name: str) -> str:
    """A part name as python-calamine compares it: backslashes as slashes, ASCII letters in
    lower case (part names in a package are compared without case, too)."""
    return name.replace("\\", "/").translate(_ASCII_LOWER)


def check_directory(data: bytes, path: Path) -> None:
    """Refuse a zip whose directory is too large to read, before zipfile reads it."""
    count, size = _directory_extent(data)
    if count > MAX_PARTS or size > _MAX_DIRECTORY_BYTES:
        raise RegisterError("too_many_parts", path=path, count=count, limit=MAX_PARTS)


class Package:
    """A register's zip whose declared sizes passed the limits; parts are read through it.

    Without ``limits`` only the directory is checked: enough to tell the kind of file from its
    part names and the first bytes of a part (``head``), not to read parts."""

    def __init__(self, data: bytes, path: Path, limits: Limits | None = None) -> None:
        check_directory(data, path)
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_ERRORS:
            raise RegisterError("damaged", path=path) from None
        self.data = data
        self.path = path
        self.limits = limits
        self.infos: dict[str, zipfile.ZipInfo] = {}
        self._folded: dict[str, str] = {}
        for info in self.archive.infolist():
            key = fold(info.filename)
            if key in self._folded:
                raise RegisterError("duplicate_part", path=path, part=printable(info.filename))
            self._folded[key] = info.filename
            self.infos[info.filename] = info
        self.inflated = 0  # bytes inflated so far, every reading counted
        self._read: set[str] = set()  # parts inflated to their end, their size proved
        if limits is not None:
            _check_declared(list(self.infos.values()), path, limits)

    def names(self) -> list[str]:
        return list(self.infos)

    def find(self, name: str) -> str | None:
        """The name in the zip of the part python-calamine would read for ``name``."""
        if name in self.infos:
            return name
        return self._folded.get(fold(name))

    def verify(self, later: Collection[str] = ()) -> None:
        """Inflate every part except those read ``later`` through ``chunks`` (and those read
        whole already); a DTD anywhere in an XML part refuses the file (these parts go to
        calamine unparsed by us)."""
        for name in self.infos:
            if name not in later and name not in self._read:
                for _ in self.chunks(name, everywhere=True):
                    pass

    def head(self, name: str, size: int) -> bytes:
        """The first ``size`` bytes of a part (at most one chunk is inflated for them)."""
        for chunk in self.chunks(name):
            return chunk[:size]
        return b""

    def chunks(self, name: str, *, everywhere: bool = False) -> Iterator[bytes]:
        """The part's bytes, inflated for real and bounded by its declared size; an XML part
        with a DTD at its start (or, with ``everywhere``, anywhere) is refused on the way."""
        found = self.find(name)
        if found is None:
            reason = Phrase("reason_part_missing", part=printable(name))
            raise RegisterError("unreadable", path=self.path, reason=reason)
        info = self.infos[found]
        shown = printable(found)
        if info.flag_bits & 0x1:
            raise RegisterError("password", path=self.path)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            reason = Phrase("reason_compression", part=shown, method=info.compress_type)
            raise RegisterError("unreadable", path=self.path, reason=reason)
        search = found.lower().endswith(_XML_SUFFIXES)
        markers = _DTD_MARKERS
        tail = b""
        try:
            for chunk in _inflate(_compressed(self.data, info), info.compress_type, info.file_size):
                self._count(len(chunk))
                if search:
                    if markers is _DTD_MARKERS:  # the first chunk: UTF-16 or not decides
                        markers = _markers_for(chunk)
                    if any(marker in tail + chunk[:32] or marker in chunk for marker in markers):
                        raise RegisterError("xml_doctype", path=self.path, part=shown)
                    search = everywhere
                    tail = chunk[-32:]
                yield chunk
        except _Oversized:
            raise RegisterError("zip_size_mismatch", path=self.path, part=shown) from None
        except (_Truncated, zlib.error):
            raise RegisterError("damaged", path=self.path) from None
        self._read.add(found)

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name))

    def _count(self, size: int) -> None:
        """Every byte inflated counts against max_unpacked_mb, however often a part is read."""
        self.inflated += size
        limit = (self.limits or Limits()).max_unpacked_bytes
        if self.inflated > limit:
            raise RegisterError(
                "unpacked_too_big",
                path=self.path,
                size=-(-self.inflated // MB),
                limit=limit // MB,
            )


def _markers_for(first: bytes) -> tuple[bytes, ...]:
    """The DTD markers in the part's own encoding, told from its first bytes."""
    if first.startswith((b"\xff\xfe", b"<\x00")):
        return tuple(m for m in _DTD_MARKERS if m[1:2] == b"\x00")  # UTF-16 little-endian
    if first.startswith((b"\xfe\xff", b"\x00<")):
        return tuple(m for m in _DTD_MARKERS if m[:1] == b"\x00")  # UTF-16 big-endian
    return tuple(m for m in _DTD_MARKERS if b"\x00" not in m)


def _directory_extent(data: bytes) -> tuple[int, int]:
    """(number of entries, directory size) from the end record; zeros when there is none
    (zipfile then reports the file as damaged)."""
    end = data.rfind(_END, max(0, len(data) - _END_SEARCH))
    if end < 0 or end + 22 > len(data):
        return 0, 0
    count, size = struct.unpack_from("<HL", data, end + 10)
    locator = end - 20
    if (count == 0xFFFF or size == 0xFFFFFFFF) and data[locator : locator + 4] == _END64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", data, locator + 8)
        if offset + 56 <= len(data) and data[offset : offset + 4] == _END64:
            count, size = struct.unpack_from("<QQ", data, offset + 32)
    return count, size


def _check_declared(infos: list[zipfile.ZipInfo], path: Path, limits: Limits) -> None:
    """All parts together within max_unpacked_mb, whatever each one's ratio; a zip beyond it
    whose worst part inflates more than max_ratio times is called what it looks like."""
    total = sum(info.file_size for info in infos)
    if total <= limits.max_unpacked_bytes:
        return
    size = -(-total // MB)
    worst = max(infos, key=_ratio)
    if _ratio(worst) > limits.max_ratio:
        raise RegisterError(
            "zip_ratio",
            path=path,
            part=printable(worst.filename),
            ratio=round(_ratio(worst)),
            limit=limits.max_ratio,
            size=size,
            unpacked=limits.max_unpacked_mb,
        )
    raise RegisterError("unpacked_too_big", path=path, size=size, limit=limits.max_unpacked_mb)


def _ratio(info: zipfile.ZipInfo) -> float:
    return info.file_size / max(info.compress_size, 1)


class _Oversized(Exception):
    """The part inflates to more than its directory entry declares."""


class _Truncated(Exception):
    """The compressed data ends before the part does."""


def _compressed(data: bytes, info: zipfile.ZipInfo) -> memoryview:
    """The part's compressed bytes, located through its local header as every reader does."""
    start = info.header_offset
    if start + _LOCAL_HEADER.size > len(data) or data[start : start + 4] != _LOCAL:
        raise _Truncated
    *_, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, start)
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    end = begin + info.compress_size
    if end > len(data):
        raise _Truncated
    return memoryview(data)[begin:end]


def _inflate(compressed: memoryview, method: int, declared: int) -> Iterator[bytes]:
    """The part's bytes in chunks; never more than ``declared`` of them (plus one chunk)."""
    if method == zipfile.ZIP_STORED:
        if len(compressed) > declared:
            raise _Oversized
        if len(compressed) < declared:
            raise _Truncated
        for offset in range(0, len(compressed), _OUT_CHUNK):
            yield bytes(compressed[offset : offset + _OUT_CHUNK])
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    position, total = 0, 0
    piece: bytes | memoryview
    while not inflater.eof:
        if inflater.unconsumed_tail:
            piece = inflater.unconsumed_tail
        elif position < len(compressed):
            piece = compressed[position : position + _IN_CHUNK]
            position += _IN_CHUNK
        else:
            raise _Truncated
        out = inflater.decompress(piece, _OUT_CHUNK)
        total += len(out)
        if total > declared:
            raise _Oversized
        if out:
            yield out
    if total < declared:
        raise _Truncated
