"""xlsx and xlsm as a package (the Open Packaging Conventions): where the workbook and its
parts are, found as python-calamine finds them, and what must be settled about the package
before a sheet is scanned.

- The workbook: through the package's relationships (``_rels/.rels``, transitional or strict
  OOXML alike), in the folder of its officeDocument target, whatever that folder is called
  (``xl/`` nearly always). calamine reads ``workbook.xml`` in that folder, so a workbook part
  under another name is refused with words of our own rather than by calamine.
- Its sheets: through the workbook's own relationships, their targets joined to that folder as
  calamine joins them. Every part is looked up as calamine looks it up (``Package.find``), so
  the part ``ooxml`` scans is the part calamine reads.
- A register carrying mvi-xl's own fingerprint is a monitor, and is refused as a register
  (``refuse_monitor``).
- The shared strings, which calamine reads all at once, are held to ``max_cells``
  (``scan_shared_strings``).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import NoReturn

from ..config import Limits
from ..errors import RegisterError, UsageError
from ..fingerprint import PROPERTY as FINGERPRINT
from ..words.i18n import Phrase
from .package import Package
from .safexml import declares_utf8, local, parse, printable

PACKAGE_RELS = "_rels/.rels"
WORKBOOK_NAME = "workbook.xml"
WORKBOOK_RELS_NAME = "_rels/workbook.xml.rels"
CUSTOM_PROPERTIES = "docProps/custom.xml"
#: Relationship types by the end of their name, which transitional OOXML
#: (schemas.openxmlformats.org) and strict OOXML (purl.oclc.org) share.
OFFICE_DOCUMENT = "/relationships/officeDocument"
CUSTOM_PROPERTIES_TYPES = ("/relationships/custom-properties", "/relationships/customProperties")


def package_relationships(package: Package, path: Path) -> Relationships:
    """The package's own relationships (``_rels/.rels``); none when the part is missing."""
    relationships = Relationships()
    found = package.find(PACKAGE_RELS)
    if found is not None:
        parse(package.chunks(found), relationships, path, found)
    return relationships


def workbook_folder(package: Package, path: Path, relationships: Relationships) -> str:
    """The folder of the workbook part, as python-calamine derives it from the officeDocument
    target: ``xl/`` for ``xl/workbook.xml`` or ``/xl/workbook.xml``, ``""`` for a workbook at
    the top. calamine reads ``workbook.xml`` in that folder, so a workbook part under another
    name is refused here with words of our own rather than by calamine."""
    target = relationships.last(OFFICE_DOCUMENT)
    if target is None:
        reason = (
            Phrase("reason_no_workbook")
            if package.find(PACKAGE_RELS)
            else Phrase("reason_part_missing", part=PACKAGE_RELS)
        )
        raise RegisterError("unreadable", path=path, reason=reason)
    folder = target[: target.rfind("/") + 1].removeprefix("/")
    if package.find(folder + WORKBOOK_NAME) is None:
        _not_readable_workbook(package, path, target)
    return folder


def _not_readable_workbook(package: Package, path: Path, target: str) -> NoReturn:
    """The officeDocument target is not a workbook.xml: a workbook under another name (which
    calamine cannot open), or no workbook at all (a Word document, say)."""
    part = package.find(target.removeprefix("/"))
    if part is None:
        reason = Phrase("reason_part_missing", part=printable(target))
        raise RegisterError("unreadable", path=path, reason=reason)
    if part.lower().endswith(".bin") or _root_element(package, part, path) == "workbook":
        raise RegisterError("workbook_renamed", path=path, part=printable(part))
    raise RegisterError("not_spreadsheet", path=path)


def _root_element(package: Package, part: str, path: Path) -> str:
    """The local name of a part's first element; the part is read no further than that."""
    try:
        parse(package.chunks(part), _RootName(), path, part)
    except _Root as root:
        return str(root.args[0])
    return ""


class _Root(Exception):
    """The first element of a part was seen (its local name, and maybe its attributes);
    parsing stops there."""


class _RootName:
    def __init__(self, *, with_attrs: bool = False) -> None:
        self.with_attrs = with_attrs

    def start(self, name: str, attrs: dict[str, str]) -> NoReturn:
        raise _Root(local(name), attrs) if self.with_attrs else _Root(local(name))


def sheet_parts(
    package: Package, path: Path, relationships: Relationships | None = None
) -> dict[str, str]:
    """Sheet name -> the part that holds it (its name in the zip), from the workbook and its
    relationships. A part that is not there keeps the name calamine would look for; the
    sheet's scan says it is missing."""
    if relationships is None:
        relationships = package_relationships(package, path)
    folder = workbook_folder(package, path, relationships)
    workbook = package.find(folder + WORKBOOK_NAME) or folder + WORKBOOK_NAME
    rels = package.find(folder + WORKBOOK_RELS_NAME)
    if rels is None:  # calamine cannot open the workbook without it
        reason = Phrase("reason_part_missing", part=printable(folder + WORKBOOK_RELS_NAME))
        raise RegisterError("unreadable", path=path, reason=reason)
    sheets = _Sheets()
    parse(package.chunks(workbook), sheets, path, workbook)
    targets = Relationships()
    parse(package.chunks(rels), targets, path, rels)
    parts = {}
    for name, rid in sheets.sheets:
        if rid in targets.targets:
            part = calamine_part(folder, targets.targets[rid])
            parts[name] = package.find(part) or part
    return parts


def calamine_part(folder: str, target: str) -> str:
    """The part python-calamine reads for a relationship target: an absolute target from the
    top of the package, any other one joined to the workbook's folder as it stands (calamine
    resolves no ``..``; neither does this, so both look up the same name)."""
    if target.startswith("/"):
        return target[1:]
    return folder + target


def refuse_monitor(package: Package, path: Path, relationships: Relationships) -> None:
    """A workbook carrying mvi-xl's fingerprint among its custom document properties is a
    monitor mvi-xl made (or a copy of one): reading it as a register would build a monitor of
    a monitor. Refused as a usage error (exit 2)."""
    target = relationships.last(*CUSTOM_PROPERTIES_TYPES)
    part = package.find(target.removeprefix("/") if target else CUSTOM_PROPERTIES)
    if part is None:
        return
    names = _PropertyNames()
    parse(package.chunks(part), names, path, part)
    if FINGERPRINT in names.names:
        raise UsageError("register_is_monitor", path=path)


class _PropertyNames:
    """The ``name`` of every ``property`` element of docProps/custom.xml."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "property":
            self.names.add(attrs.get("name", ""))


class _Sheets:
    """``<sheet name=".." r:id=".."/>`` elements of workbook.xml, in order (the id attribute
    matched by its local name, whatever its prefix, as calamine matches it)."""

    def __init__(self) -> None:
        self.sheets: list[tuple[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "sheet":
            rid = next((v for k, v in attrs.items() if k == "id" or k.endswith(":id")), "")
            self.sheets.append((attrs.get("name", ""), rid))


class Relationships:
    """Relationship id -> target, and the targets by type in order; internal targets only."""

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}
        self.typed: list[tuple[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            self.targets[attrs.get("Id", "")] = target
            self.typed.append((attrs.get("Type", ""), target))

    def last(self, *type_ends: str) -> str | None:
        """The target of the last relationship whose type ends so (calamine takes the last
        officeDocument relationship too), or None."""
        found = [target for kind, target in self.typed if kind.endswith(type_ends)]
        return found[-1] if found else None


# --- Shared strings ------------------------------------------------------------------------------

SHARED_STRINGS_NAME = "sharedStrings.xml"
#: The start of an ``si`` element (one shared string) holds one of these: ``<si`` or, with a
#: prefix, ``:si``. Counting them can only count too many (in a text, say), never too few:
#: without a DTD no entity makes an element.
_STRING_STARTS = (b"<si", b":si")
_DIGITS = re.compile(r"[0-9]+")


def scan_shared_strings(
    package: Package, path: Path, relationships: Relationships, limits: Limits
) -> None:
    """calamine reads every shared string into a string of its own when it opens an xlsx,
    having reserved room for as many as the part's ``uniqueCount`` says: a 1 KB file saying
    ``uniqueCount="1000000000000"`` aborts the process, and 500 KB of tiny strings (12
    million of them) cost 700 MB. So both the declared and the real number of strings are held
    to ``max_cells``, the most texts one sheet within the limits could show; a real register
    has far fewer than its cells."""
    folder = workbook_folder(package, path, relationships)
    part = package.find(folder + SHARED_STRINGS_NAME)
    if part is None:
        return
    limit = limits.max_cells
    declared = _declared_unique_count(package, part, path)
    if declared > limit:
        raise RegisterError("too_many_strings", path=path, limit=limit)
    counted = _count_strings(package, part, path, limit)
    if counted > limit:
        raise RegisterError("too_many_strings", path=path, limit=limit)


def _declared_unique_count(package: Package, part: str, path: Path) -> int:
    """The ``uniqueCount`` of the ``sst`` element that opens the part (0 without one). calamine
    takes the first ``sst`` anywhere; a part that opens with another element is refused."""
    try:
        parse(package.chunks(part), _RootName(with_attrs=True), path, part)
    except _Root as root:
        name, attrs = root.args
        if name != "sst":
            reason = Phrase("reason_unexpected_root", part=printable(part), element="sst")
            raise RegisterError("unreadable", path=path, reason=reason) from None
        numbers = _DIGITS.findall(attrs.get("uniqueCount", ""))
        return max((int(n) for n in numbers), default=0)  # as many as any reading could see
    return 0


def _count_strings(package: Package, part: str, path: Path, limit: int) -> int:
    """The ``si`` elements of the part, counted in its bytes when it is UTF-8 (expat counts them
    otherwise), stopping once there are more than ``limit``. The part is read to its end here
    (and searched for a DTD on the way), so it is not read again."""
    chunks = package.chunks(part, everywhere=True)
    first = next(chunks, b"")
    if not declares_utf8(first):
        counter = _StringCounter()
        parse(itertools.chain([first], chunks), counter, path, part)
        return counter.count
    count, pending = 0, b""
    for chunk in itertools.chain([first], chunks):
        buffer = pending + chunk
        count += sum(buffer.count(start) for start in _STRING_STARTS)
        if count > limit:
            return count
        pending = buffer[-2:]  # the start of a "<si" that the next chunk completes
    return count


class _StringCounter:
    def __init__(self) -> None:
        self.count = 0

    def start(self, name: str, _attrs: dict[str, str]) -> None:
        if local(name) == "si":
            self.count += 1
