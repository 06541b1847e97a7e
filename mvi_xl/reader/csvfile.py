"""CSV as Dutch Excel writes it: ``;`` (or ``,``) separated, UTF-8 with or without BOM, or cp1252;
and UTF-16 with a BOM, which is what Excel's "Unicode text" export writes.

Cells stay text; dates and numbers are interpreted later by the same functions as spreadsheet
cells, so a CSV register and its xlsx original give the same monitor. The rows are held to the
same limits as a sheet while they are read: a line of a million separators or a file of a
million blank lines stops at the limit instead of becoming a million Python lists.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..config import Limits
from ..errors import RegisterError
from ..words.i18n import Phrase
from .limits import ExtentGuard
from .scan import SheetScan

DELIMITERS = (";", ",", "\t")
_SNIFF_LINES = 30
_SNIFF_CHARS = 64 * 1024  # enough for 30 lines; never the whole file


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def looks_like_text(data: bytes) -> bool:
    """True when the start of the file is text in one of the encodings CSV registers come in."""
    if data.startswith(_UTF16_BOMS):
        try:
            data[2:8192].decode("utf-16")
        except UnicodeDecodeError:
            return False
        return True
    head = data[:8192]
    if b"\x00" in head:
        return False
    try:
        decode(head, strict_tail=False)
    except UnicodeDecodeError:
        return False
    printable = sum(1 for b in head if b >= 32 or b in b"\t\r\n")
    return printable >= 0.95 * len(head)


def decode(data: bytes, strict_tail: bool = True) -> str:
    """UTF-8 (BOM removed) when the bytes are valid UTF-8, else Windows-1252 as Excel writes it."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not strict_tail and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")  # a character cut off by the 8 KiB sample
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines most consistently into more than one field."""
    lines = [line for line in text[:_SNIFF_CHARS].splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = ";", (-1, -1)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        most_common = max(set(multi), key=multi.count)
        score = (multi.count(most_common), most_common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_rows(
    data: bytes, path: Path, limits: Limits | None = None
) -> tuple[list[list[object]], SheetScan]:
    """The rows, and the separator that was found (for the message about ragged rows)."""
    limits = limits or Limits()
    text = decode(data)
    delimiter = sniff_delimiter(text)
    text = text.rstrip(" \t\r\n" + delimiter)  # blank lines at the end hold nothing
    guard = ExtentGuard(limits, path, None)
    _check_line_widths(text, delimiter, guard)
    rows: list[list[object]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for index, row in enumerate(reader):
            if index >= limits.max_rows:
                guard.cell(index, 0)  # the text goes on to a filled row beyond the limit
            last = _last_filled(row)
            if last >= 0:
                guard.cell(index, last)
            rows.append(list(row) if last >= 0 else [])
    except csv.Error as exc:
        raise RegisterError(
            "csv_unreadable", path=path, line=reader.line_num, reason=_csv_reason(exc)
        ) from None
    return rows, SheetScan(delimiter=delimiter)


def _csv_reason(exc: csv.Error) -> Phrase:
    """The csv module's complaint in our words (it has no codes, only English text)."""
    if "field limit" in str(exc):
        return Phrase("reason_csv_field_too_long", limit=csv.field_size_limit())
    return Phrase("reason_csv_other")


def _last_filled(row: list[str]) -> int:
    for index in range(len(row) - 1, -1, -1):
        if row[index].strip():
            return index
    return -1


def _check_line_widths(text: str, delimiter: str, guard: ExtentGuard) -> None:
    """Before the csv module makes a list of a line's fields: a line with more separators than
    the column limit allows is refused (a separator inside quotes counts too, so a text with a
    thousand of them is refused as well; no register has one)."""
    limit = guard.limits.max_columns
    if text.count(delimiter) < limit:
        return
    separator = re.escape(delimiter)
    wide = re.compile(rf"(?m)^(?:[^{separator}\n]*{separator}){{{limit}}}")
    match = wide.search(text)
    if match is not None:
        guard.cell(text.count("\n", 0, match.start()), limit)
