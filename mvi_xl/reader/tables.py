"""Excel Tables on an xlsx or xlsm sheet (Invoegen > Tabel; a ListObject in Excel's words).

A coordinator who keeps the register as a Table has said exactly where it is: its header row,
its data rows and its totals row. python-calamine hands over cells only, so the Tables are read
here from the package: the sheet's relationships name its table parts, and each part's
``<table ref="A3:K128" headerRowCount="1" totalsRowCount="1">`` gives the range. Parts are
read through ``package.Package`` (inflated for real, bounded, no DTD) and parsed with expat.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .package import Package
from .safexml import local, parse
from .scan import TableRange

_TABLE_RELATIONSHIP = "/table"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?$")


def sheet_tables(package: Package, sheet_part: str, path: Path) -> list[TableRange]:
    """The Tables on the sheet stored in ``sheet_part``, in the order the sheet lists them; a
    table part that is missing or names no usable range is passed over (the sheet is still read
    as a plain range)."""
    folder, name = posixpath.split(sheet_part)
    rels_part = package.find(posixpath.join(folder, "_rels", name + ".rels"))
    if rels_part is None:
        return []
    relationships = _TableRelationships()
    parse(package.chunks(rels_part), relationships, path, rels_part)
    tables = []
    for target in relationships.targets:
        part = package.find(_resolve(folder, target))
        if part is None:
            continue
        table = _TableElement()
        parse(package.chunks(part), table, path, part)
        if table.range is not None:
            tables.append(table.range)
    return tables


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


class _TableRelationships:
    """The internal targets of the sheet's table relationships."""

    def __init__(self) -> None:
        self.targets: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if (
            local(name) == "Relationship"
            and attrs.get("Type", "").endswith(_TABLE_RELATIONSHIP)
            and attrs.get("TargetMode") != "External"
        ):
            self.targets.append(attrs.get("Target", ""))


class _TableElement:
    """The ``<table>`` root element of a table part."""

    def __init__(self) -> None:
        self.range: TableRange | None = None
        self._seen = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self._seen or local(name) != "table":
            return
        self._seen = True
        match = _REF.match(attrs.get("ref", "").strip())
        header_rows = _count(attrs.get("headerRowCount"), 1)
        totals_rows = _count(attrs.get("totalsRowCount"), 0)
        if match is None or header_rows is None or totals_rows is None:
            return
        first_col, first_row = _column(match.group(1)), int(match.group(2)) - 1
        last_col = _column(match.group(3)) if match.group(3) else first_col
        last_row = int(match.group(4)) - 1 if match.group(4) else first_row
        if last_row < first_row or last_col < first_col:
            return
        self.range = TableRange(
            name=attrs.get("displayName") or attrs.get("name") or "",
            first_row=first_row,
            first_col=first_col,
            last_row=last_row,
            last_col=last_col,
            header_rows=min(header_rows, 1),
            totals_rows=min(totals_rows, last_row - first_row + 1),
        )


def _count(text: str | None, default: int) -> int | None:
    if text is None:
        return default
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 4 else None


def _column(letters: str) -> int:
    col = 0
    for letter in letters.upper():
        col = col * 26 + ord(letter) - 64
    return col - 1
