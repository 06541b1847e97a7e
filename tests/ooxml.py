"""The workbook as a package: what Excel checks before it shows a cell, and a normalised text form
of every part for golden comparisons.

``package_problems`` lists what would make Excel offer to repair a file (or refuse it): parts that
are not well-formed XML, relationships to missing parts, parts without a content type, parts that
nothing refers to, invalid or duplicate sheet and table names, and table ranges whose header cells
don't match their column names. An empty list means the package holds together.

``normalised_parts`` renders each XML part one element per line with sorted attributes, so that a
golden diff shows what changed and nothing else.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as SafeET

CONTENT_TYPES = "[Content_Types].xml"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"
OFFICE_DOCUMENT = DOC_RELS + "/officeDocument"

#: Characters Excel refuses in a sheet name.
SHEET_NAME_FORBIDDEN = set("[]:*?/\\")
#: A table name: a letter, underscore or backslash, then letters, digits, underscores and periods.
TABLE_NAME = re.compile(r"^[^\W\d.][\w.]*$")
#: Table names Excel reads as a cell reference (A1 or R1C1 style) are refused as well.
CELL_LIKE = re.compile(r"^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$")
CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def read_parts(source: Path | bytes) -> dict[str, bytes]:
    """Every part of the package by name, in zip order."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package_problems(source: Path | bytes) -> list[str]:
    """What is wrong with the package, one line per problem; empty when it holds together."""
    try:
        parts = read_parts(source)
    except zipfile.BadZipFile as exc:
        return [f"not a zip file: {exc}"]
    return Package(parts).problems()


@dataclass
class Relationship:
    source: str  # the part the .rels file belongs to ("" for the package)
    id: str
    type: str
    target: str  # resolved part name, or the raw target when external
    external: bool


class Package:
    """One OOXML package, checked the way a careful reader would."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.found: list[str] = []
        self.xml: dict[str, Element] = {}

    def problems(self) -> list[str]:
        self.parse_xml()
        self._check_content_types()
        rels = list(self.relationships())
        self._check_targets(rels)
        self._check_reachable(rels)
        self._check_workbook(rels)
        return self.found

    # --- XML ----------------------------------------------------------------------------------

    def parse_xml(self) -> None:
        for name, data in self.parts.items():
            if not name.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                self.xml[name] = SafeET.fromstring(data)
            except ParseError as exc:
                self.found.append(f"{name}: not well-formed XML: {exc}")

    # --- Content types -----------------------------------------------------------------------

    def _check_content_types(self) -> None:
        types = self.xml.get(CONTENT_TYPES)
        if types is None:
            if CONTENT_TYPES in self.parts:
                return  # already reported as malformed
            self.found.append(f"{CONTENT_TYPES} is missing")
            return
        defaults = {
            d.get("Extension", "").lower(): d.get("ContentType")
            for d in types.iter(f"{{{CT}}}Default")
        }
        overrides: dict[str, str | None] = {}
        for override in types.iter(f"{{{CT}}}Override"):
            part = override.get("PartName", "")
            if part.lower() in overrides:
                self.found.append(f"{CONTENT_TYPES}: two Overrides for {part}")
            overrides[part.lower()] = override.get("ContentType")
            if part.lstrip("/") not in self.parts:
                self.found.append(f"{CONTENT_TYPES}: Override for missing part {part}")
        for name in self.parts:
            if name == CONTENT_TYPES or name.endswith("/"):
                continue
            base = posixpath.basename(name)
            extension = base.rpartition(".")[2].lower() if "." in base else ""
            if ("/" + name).lower() not in overrides and extension not in defaults:
                self.found.append(f"{name}: no content type (no Override, no Default for it)")

    # --- Relationships ------------------------------------------------------------------------

    def relationships(self) -> Iterator[Relationship]:
        for name, root in self.xml.items():
            if not name.endswith(".rels"):
                continue
            folder, rels_name = posixpath.split(name)
            if posixpath.basename(folder) != "_rels":
                self.found.append(f"{name}: a relationships part outside a _rels folder")
                continue
            source_folder = posixpath.dirname(folder)
            source = posixpath.join(source_folder, rels_name[: -len(".rels")])
            if source and source not in self.parts:
                self.found.append(f"{name}: relationships of a missing part {source}")
            seen: set[str] = set()
            for rel in root.iter(f"{{{PKG_RELS}}}Relationship"):
                rel_id, target = rel.get("Id", ""), rel.get("Target", "")
                if rel_id in seen:
                    self.found.append(f"{name}: duplicate relationship id {rel_id}")
                seen.add(rel_id)
                external = rel.get("TargetMode") == "External"
                if not external:
                    target = _resolve(source_folder, target)
                yield Relationship(source, rel_id, rel.get("Type", ""), target, external)

    def _check_targets(self, rels: list[Relationship]) -> None:
        for rel in rels:
            if not rel.external and rel.target not in self.parts:
                where = rel.source or "the package"
                self.found.append(f"{where}: relationship {rel.id} points to missing {rel.target}")

    def _check_reachable(self, rels: list[Relationship]) -> None:
        """Every part is reached from the package's relationships (or is one of them)."""
        targets = {rel.target for rel in rels if not rel.external}
        for name in self.parts:
            if name == CONTENT_TYPES or name.endswith(".rels") or name.endswith("/"):
                continue
            if name not in targets:
                self.found.append(f"{name}: no relationship refers to this part")

    # --- Workbook: sheet and table names ------------------------------------------------------

    def _check_workbook(self, rels: list[Relationship]) -> None:
        documents = [r.target for r in rels if r.source == "" and r.type == OFFICE_DOCUMENT]
        if len(documents) != 1 or documents[0] not in self.xml:
            self.found.append("the package has no (readable) workbook part")
            return
        workbook_name = documents[0]
        workbook = self.xml[workbook_name]
        by_id = {r.id: r.target for r in rels if r.source == workbook_name}
        shared = self._shared_strings(rels, workbook_name)
        sheet_names: set[str] = set()
        tables: dict[str, str] = {}
        sheets = list(workbook.iter(f"{{{MAIN}}}sheet"))
        for sheet in sheets:
            name = sheet.get("name", "")
            for problem in sheet_name_problems(name):
                self.found.append(f"{workbook_name}: sheet name {name!r} {problem}")
            if name.casefold() in sheet_names:
                self.found.append(f"{workbook_name}: sheet name {name!r} is used twice")
            sheet_names.add(name.casefold())
            part = by_id.get(sheet.get(f"{{{DOC_RELS}}}id", ""))
            if part is None or part not in self.xml:
                self.found.append(f"{workbook_name}: sheet {name!r} has no readable sheet part")
                continue
            cells = sheet_cells(self.xml[part], shared)
            for rel in rels:
                if rel.source == part and rel.type.endswith("/table") and rel.target in self.xml:
                    self._check_table(rel.target, name, cells, tables)
        for defined in workbook.iter(f"{{{MAIN}}}definedName"):
            local = defined.get("localSheetId")
            if local is not None and not 0 <= int(local) < len(sheets):
                self.found.append(
                    f"{workbook_name}: defined name {defined.get('name')} on missing sheet {local}"
                )

    def _shared_strings(self, rels: list[Relationship], workbook: str) -> list[str]:
        for rel in rels:
            if rel.source == workbook and rel.type.endswith("/sharedStrings"):
                root = self.xml.get(rel.target)
                if root is not None:
                    return [_text(si) for si in root.iter(f"{{{MAIN}}}si")]
        return []

    def _check_table(
        self, part: str, sheet: str, cells: dict[str, str], tables: dict[str, str]
    ) -> None:
        table = self.xml[part]
        name = table.get("name", "")
        display = table.get("displayName", "")
        for label, value in (("name", name), ("displayName", display)):
            if not TABLE_NAME.match(value) or CELL_LIKE.match(value) or len(value) > 255:
                self.found.append(f"{part}: table {label} {value!r} is not a valid table name")
        for value in {name.casefold(), display.casefold()}:
            if value in tables:
                self.found.append(f"{part}: table name {value!r} is also used by {tables[value]}")
            tables[value] = part
        ref = table.get("ref", "")
        bounds = range_bounds(ref)
        if bounds is None:
            self.found.append(f"{part}: table ref {ref!r} is not a range")
            return
        (first_col, first_row), (last_col, last_row) = bounds
        columns = list(table.iter(f"{{{MAIN}}}tableColumn"))
        if len(columns) != last_col - first_col + 1:
            self.found.append(
                f"{part}: table {name} has {len(columns)} columns for the range {ref}"
            )
            return
        names = [c.get("name", "") for c in columns]
        if len({n.casefold() for n in names}) != len(names):
            self.found.append(f"{part}: table {name} has duplicate column names")
        if table.get("headerRowCount", "1") != "0":
            for offset, column in enumerate(names):
                cell = f"{column_letters(first_col + offset)}{first_row}"
                if cells.get(cell) != column:
                    self.found.append(
                        f"{part}: table {name} column {column!r} but {sheet}!{cell} holds "
                        f"{cells.get(cell)!r}"
                    )
        filter_ = table.find(f"{{{MAIN}}}autoFilter")
        if filter_ is not None:
            totals = int(table.get("totalsRowCount", "0"))
            expected = (
                f"{column_letters(first_col)}{first_row}:"
                f"{column_letters(last_col)}{last_row - totals}"
            )
            if filter_.get("ref") != expected:
                self.found.append(
                    f"{part}: table {name} filters {filter_.get('ref')}, expected {expected}"
                )


def sheet_name_problems(name: str) -> list[str]:
    problems = []
    if not 1 <= len(name) <= 31:
        problems.append("must have 1 to 31 characters")
    if SHEET_NAME_FORBIDDEN & set(name):
        problems.append("has a character Excel refuses ([]:*?/\\)")
    if name.startswith("'") or name.endswith("'"):
        problems.append("starts or ends with an apostrophe")
    return problems


def sheet_cells(sheet: Element, shared: list[str]) -> dict[str, str]:
    """The text shown in each text cell of a sheet (shared, inline and formula strings)."""
    cells: dict[str, str] = {}
    for cell in sheet.iter(f"{{{MAIN}}}c"):
        kind, ref = cell.get("t"), cell.get("r", "")
        value = cell.find(f"{{{MAIN}}}v")
        if kind == "s" and value is not None and value.text is not None:
            index = int(value.text)
            cells[ref] = shared[index] if index < len(shared) else f"<missing string {index}>"
        elif kind == "inlineStr":
            inline = cell.find(f"{{{MAIN}}}is")
            cells[ref] = _text(inline) if inline is not None else ""
        elif kind == "str" and value is not None:
            cells[ref] = value.text or ""
    return cells


def range_bounds(ref: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'B5:J10' -> ((2, 5), (10, 10)), as (column, row) numbers from 1."""
    ends = ref.split(":")
    if len(ends) == 1:
        ends = ends * 2
    parsed = [CELL_REF.match(end) for end in ends]
    if len(parsed) != 2 or not all(parsed):
        return None
    (c1, r1), (c2, r2) = ((column_number(m[1]), int(m[2])) for m in parsed)  # type: ignore[index]
    return (c1, r1), (c2, r2)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(element: Element) -> str:
    """The text of a shared or inline string: its <t> elements, phonetic runs left out."""
    phonetic = {id(t) for rph in element.iter(f"{{{MAIN}}}rPh") for t in rph.iter(f"{{{MAIN}}}t")}
    return "".join(t.text or "" for t in element.iter(f"{{{MAIN}}}t") if id(t) not in phonetic)


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


# --- Charts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chart:
    part: str
    kinds: tuple[str, ...]  # plot types, e.g. ("barChart",)
    series: int
    formulas: tuple[str, ...]  # every series reference, in order


def sheet_part(source: Path | bytes, sheet_name: str) -> tuple[Package, str]:
    """The package, parsed, and the part name of the sheet called ``sheet_name``."""
    package = Package(read_parts(source))
    package.parse_xml()
    rels = list(package.relationships())
    workbook = next(r.target for r in rels if r.source == "" and r.type == OFFICE_DOCUMENT)
    by_id = {r.id: r.target for r in rels if r.source == workbook}
    part = next(
        by_id[s.get(f"{{{DOC_RELS}}}id", "")]
        for s in package.xml[workbook].iter(f"{{{MAIN}}}sheet")
        if s.get("name") == sheet_name
    )
    return package, part


def sheet_charts(source: Path | bytes, sheet_name: str) -> list[Chart]:
    """The charts drawn on one sheet, read from the package (any producer's)."""
    package, sheet = sheet_part(source, sheet_name)
    rels = list(package.relationships())
    drawings = [r.target for r in rels if r.source == sheet and r.type.endswith("/drawing")]
    charts = []
    for drawing in drawings:
        for rel in rels:
            if rel.source == drawing and rel.type.endswith("/chart"):
                root = package.xml[rel.target]
                plot = root.find(f"{{{CHART}}}chart/{{{CHART}}}plotArea")
                kinds = tuple(
                    child.tag.split("}")[1]
                    for child in (plot if plot is not None else [])
                    if child.tag.endswith("Chart")
                )
                formulas = tuple(f.text or "" for f in root.iter(f"{{{CHART}}}f"))
                series = len(list(root.iter(f"{{{CHART}}}ser")))
                charts.append(Chart(rel.target, kinds, series, formulas))
    return charts


# --- Normalised text for golden files ----------------------------------------------------------


#: Lines of the normalised form are kept to about this width when an element fits on one.
LINE_WIDTH = 120


def normalised_parts(source: Path | bytes) -> dict[str, str]:
    """Each part as text: XML one element per line with sorted attributes; other parts as a
    size and digest line, so a changed image still shows up.

    In worksheets a shared-string cell shows its string instead of its index into
    sharedStrings.xml, so that one new string does not renumber every sheet in a diff (the order
    of the strings is still compared, in sharedStrings.xml itself).
    """
    parts = read_parts(source)
    shared: list[str] = []
    if "xl/sharedStrings.xml" in parts:
        root = SafeET.fromstring(parts["xl/sharedStrings.xml"])
        shared = [_text(si) for si in root.iter(f"{{{MAIN}}}si")]
    result = {}
    for name, data in sorted(parts.items()):
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            result[name] = normalise_xml(data, shared)
        elif name.endswith((".xml", ".rels", ".vml")):
            result[name] = normalise_xml(data)
        else:
            result[name] = f"{len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}\n"
    return result


def normalise_xml(data: bytes, shared_strings: list[str] | None = None) -> str:
    """Pretty-printed XML with the document's own prefixes, attributes sorted by name, and
    whitespace-only text between elements dropped. An element whose children have no children
    of their own (a cell and its value, say) stays on one line when it fits."""
    prefixes: dict[str, str] = {}
    for _event, (prefix, uri) in SafeET.iterparse(io.BytesIO(data), events=("start-ns",)):
        prefixes.setdefault(uri, prefix)
    root = SafeET.fromstring(data)
    if shared_strings is not None:
        _inline_shared_strings(root, shared_strings)
    lines: list[str] = []
    control = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}

    def qname(name: str) -> str:
        if not name.startswith("{"):
            return name
        uri, local = name[1:].split("}", 1)
        if uri == "http://www.w3.org/XML/1998/namespace":
            return f"xml:{local}"
        prefix = prefixes.get(uri)
        return f"{prefix}:{local}" if prefix else local

    def own_text(element: Element) -> str:
        value = element.text or ""
        return value if value.strip() or not len(element) else ""

    def inline(element: Element, declarations: list[tuple[str, str]] = ()) -> tuple[str, str]:
        """The start tag's inside (name and attributes) and the end tag's name."""
        attributes = list(declarations) + sorted((qname(k), v) for k, v in element.attrib.items())
        rendered = "".join(f" {k}={quoteattr(v, control)}" for k, v in attributes)
        return qname(element.tag) + rendered, qname(element.tag)

    def leaf(element: Element) -> str:
        start, end = inline(element)
        value = own_text(element)
        return f"<{start}>{escape(value, control)}</{end}>" if value else f"<{start}/>"

    def walk(element: Element, depth: int) -> None:
        declared = []
        if depth == 0:
            declared = sorted((f"xmlns:{p}" if p else "xmlns", uri) for uri, p in prefixes.items())
        indent = "  " * depth
        children = list(element)
        if not children:
            start, end = inline(element, declared)
            value = own_text(element)
            lines.append(
                f"{indent}<{start}>{escape(value, control)}</{end}>"
                if value
                else f"{indent}<{start}/>"
            )
            return
        start, end = inline(element, declared)
        tails = any(child.tail and child.tail.strip() for child in children)
        if not own_text(element) and not tails and all(not len(child) for child in children):
            line = f"{indent}<{start}>{''.join(leaf(c) for c in children)}</{end}>"
            if len(line) <= LINE_WIDTH:
                lines.append(line)
                return
        lines.append(f"{indent}<{start}>")
        if own_text(element):
            lines.append(f"{indent}  {escape(own_text(element), control)}")
        for child in children:
            walk(child, depth + 1)
            if child.tail and child.tail.strip():
                lines.append(f"{indent}  {escape(child.tail, control)}")
        lines.append(f"{indent}</{end}>")

    walk(root, 0)
    return "\n".join(lines) + "\n"


def _inline_shared_strings(sheet: Element, shared: list[str]) -> None:
    for cell in sheet.iter(f"{{{MAIN}}}c"):
        value = cell.find(f"{{{MAIN}}}v")
        if cell.get("t") == "s" and value is not None and (value.text or "").isdigit():
            index = int(value.text or "")
            value.text = shared[index] if index < len(shared) else f"<missing string {index}>"
