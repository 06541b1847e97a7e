"""Just enough of the OLE2 compound file format ([MS-CFB]) to find a stream by name.

An .xls keeps its workbook in a stream called "Workbook" inside a small file system of its
own; an encrypted xlsx is the same container holding "EncryptionInfo" and "EncryptedPackage".
This reads the header, the sector allocation table, the directory and one stream, with every
sector number and chain checked against the file, so a crafted container can neither point
outside the file nor loop for ever.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_HEADER_DIFAT = 109
_ENTRY = 128
_STREAM = 2
_ROOT = 5
ENCRYPTED_STREAMS = frozenset({"encryptioninfo", "encryptedpackage"})


class Damaged(Exception):
    """The container is not what its header says."""


class Compound:
    """A read-only view of a compound file held in memory."""

    def __init__(self, data: bytes) -> None:
        try:
            self._open(data)
        except (struct.error, IndexError, OverflowError) as exc:
            raise Damaged(str(exc)) from None

    def _open(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise Damaged("not a compound file")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise Damaged("unknown sector size")
        self.sector = 1 << shift
        self.mini_sector = 1 << mini_shift
        (self.mini_cutoff,) = struct.unpack_from("<L", data, 0x38)
        self.sectors = (len(data) - 512) // self.sector + 1  # upper bound on any chain
        self.fat = self._fat()
        (first_dir,) = struct.unpack_from("<L", data, 0x30)
        self.entries = self._directory(first_dir)
        self._mini: tuple[bytes, list[int]] | None = None

    def names(self) -> list[str]:
        return [name for name, *_ in self.entries]

    def encrypted(self) -> bool:
        """An encrypted OOXML package (an xlsx with a password to open)."""
        return bool(ENCRYPTED_STREAMS & {name.lower() for name in self.names()})

    def stream(self, name: str) -> bytes | None:
        """The named stream's bytes (case as Excel writes it is not guaranteed: compared
        case-insensitively), or None."""
        for entry_name, kind, start, size in self.entries:
            if kind == _STREAM and entry_name.lower() == name.lower():
                if size > len(self.data):
                    raise Damaged("stream larger than the file")
                if size < self.mini_cutoff:
                    return self._mini_stream(start, size)
                return self._read_chain(start, self.fat, self._sector_bytes)[:size]
        return None

    # -- tables --------------------------------------------------------------------------------

    def _fat(self) -> list[int]:
        fat_sectors = [
            s
            for s in struct.unpack_from(f"<{_HEADER_DIFAT}L", self.data, 0x4C)
            if s not in (_FREE, _END_OF_CHAIN)
        ]
        difat, count = struct.unpack_from("<LL", self.data, 0x44)
        per_sector = self.sector // 4 - 1
        for _ in range(min(count, self.sectors)):
            if difat in (_FREE, _END_OF_CHAIN):
                break
            values = struct.unpack(f"<{per_sector + 1}L", self._sector_bytes(difat))
            fat_sectors.extend(s for s in values[:-1] if s not in (_FREE, _END_OF_CHAIN))
            difat = values[-1]
        if len(fat_sectors) > self.sectors:
            raise Damaged("more allocation sectors than the file holds")
        fat: list[int] = []
        for sector in fat_sectors:
            fat.extend(struct.unpack(f"<{self.sector // 4}L", self._sector_bytes(sector)))
        return fat

    def _directory(self, first: int) -> list[tuple[str, int, int, int]]:
        raw = self._read_chain(first, self.fat, self._sector_bytes)
        entries = []
        for offset in range(0, len(raw) - _ENTRY + 1, _ENTRY):
            (length,) = struct.unpack_from("<H", raw, offset + 64)
            kind = raw[offset + 66]
            start, size = struct.unpack_from("<LQ", raw, offset + 116)
            name = raw[offset : offset + max(0, min(length, 64) - 2)].decode(
                "utf-16-le", errors="replace"
            )
            if self.sector == 512:
                size &= 0xFFFFFFFF  # version 3 files: the high half is undefined
            entries.append((name, kind, start, size))
        if not entries or entries[0][1] != _ROOT:
            raise Damaged("no root entry")
        return entries

    def _mini_stream(self, start: int, size: int) -> bytes:
        if self._mini is None:
            _, _, root_start, root_size = self.entries[0]
            container = self._read_chain(root_start, self.fat, self._sector_bytes)
            (first_mini_fat,) = struct.unpack_from("<L", self.data, 0x3C)
            raw = self._read_chain(first_mini_fat, self.fat, self._sector_bytes)
            mini_fat = list(struct.unpack(f"<{len(raw) // 4}L", raw[: len(raw) // 4 * 4]))
            self._mini = (container[:root_size], mini_fat)
        container, mini_fat = self._mini

        def mini_sector(number: int) -> bytes:
            begin = number * self.mini_sector
            if begin + self.mini_sector > len(container):
                raise Damaged("mini sector outside the mini stream")
            return container[begin : begin + self.mini_sector]

        return self._read_chain(start, mini_fat, mini_sector)[:size]

    # -- sectors -------------------------------------------------------------------------------

    def _sector_bytes(self, number: int) -> bytes:
        begin = (number + 1) * self.sector
        if number >= _FREE - 5 or begin + self.sector > len(self.data):
            raise Damaged("sector outside the file")
        return self.data[begin : begin + self.sector]

    def _read_chain(self, start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        """The sectors of one chain joined; a chain longer than the table has a loop."""
        parts: list[bytes] = []
        number = start
        for _ in range(len(table) + 1):
            if number == _END_OF_CHAIN:
                return b"".join(parts)
            if number >= len(table):
                raise Damaged("chain points outside the table")
            parts.append(read(number))
            number = table[number]
        raise Damaged("chain loops")
