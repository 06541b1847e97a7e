"""CSV as Dutch Excel writes it: ``;`` (or ``,``) separated, UTF-8 with or without BOM, or cp1252.

Cells stay text; dates and numbers are interpreted later by the same functions as spreadsheet
cells, so a CSV register and its xlsx original give the same monitor.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

DELIMITERS = (";", ",", "\t")
_SNIFF_LINES = 30


def looks_like_text(data: bytes) -> bool:
    """True when the start of the file is text in one of the encodings CSV registers come in."""
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
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
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


def read_rows(data: bytes, path: Path) -> list[list[object]]:
    text = decode(data)
    delimiter = sniff_delimiter(text)
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
