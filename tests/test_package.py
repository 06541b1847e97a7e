"""Every workbook mvi-xl writes holds together as a package, and its XML follows the OOXML schema.

Two checks, each with self-tests that feed it deliberately broken packages, because a checker
that never fails proves nothing:

- tests/ooxml.py: well-formed parts, relationship targets, content types, reachable parts, sheet
  and table names, table ranges against their header cells.
- openxml-audit (a pure-Python port of the Open XML SDK validator, ``test`` extra): the parts
  against the ECMA-376 schema as the SDK knows it, e.g. an unknown element inside sheetData or
  elements out of order. No PyPI or npm package we could find ships the ECMA-376 XSD files
  themselves, so lxml XSD validation is not done.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from mvi_xl import pipeline

from .monitors import CATALOGUE, Built, session_catalogue
from .ooxml import package_problems, read_parts


def _validator():
    """openxml-audit's validator; it must be installed where it counts (CI=true)."""
    if os.environ.get("CI") == "true":
        import openxml_audit
    else:
        openxml_audit = pytest.importorskip("openxml_audit")
    return openxml_audit.OpenXmlValidator(file_format=openxml_audit.FileFormat.OFFICE_2007)


def schema_errors(path: Path) -> list[str]:
    return [str(error) for error in _validator().validate(str(path)).errors]


@pytest.fixture(scope="module")
def monitors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return session_catalogue(tmp_path_factory)


@pytest.fixture(scope="module", params=["nl", "en"])
def starter(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The empty register ``mvi-xl init`` writes."""
    path = tmp_path_factory.mktemp(f"init-{request.param}") / "Actieplan MVI.xlsx"
    return pipeline.init(path, lang=request.param)


# --- Our workbooks -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_monitor_package_holds_together(name: str, monitors: dict[str, Built]):
    assert package_problems(monitors[name].monitor) == []


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_monitor_follows_the_schema(name: str, monitors: dict[str, Built]):
    assert schema_errors(monitors[name].monitor) == []


def test_starter_register_holds_together_and_follows_the_schema(starter: Path):
    assert package_problems(starter) == []
    assert schema_errors(starter) == []


def test_sheet_and_table_names(monitors: dict[str, Built]):
    """The names the checker validated are the ones users see (and formulas use)."""
    parts = read_parts(monitors["voorbeeld"].monitor)
    workbook = parts["xl/workbook.xml"].decode()
    for sheet in ("Monitor", "Acties", "Toelichting"):
        assert f'name="{sheet}"' in workbook
    tables = [parts[n].decode() for n in parts if n.startswith("xl/tables/")]
    for table in ("Statustabel", "Acties", "Meldingen"):
        assert sum(f'name="{table}"' in t for t in tables) <= 1
    assert any('name="Statustabel"' in t for t in tables)


# --- The checkers reject broken packages -------------------------------------------------------

Edit = Callable[[dict[str, bytes]], None]


def _replace(part: str, old: bytes, new: bytes) -> Edit:
    def edit(parts: dict[str, bytes]) -> None:
        assert old in parts[part], f"{old!r} not in {part}"
        parts[part] = parts[part].replace(old, new, 1)

    return edit


def _delete(part: str) -> Edit:
    return lambda parts: parts.pop(part)


def _add(part: str, data: bytes) -> Edit:
    return lambda parts: parts.__setitem__(part, data)


def _truncate(part: str) -> Edit:
    def edit(parts: dict[str, bytes]) -> None:
        parts[part] = parts[part][: len(parts[part]) // 2]

    return edit


BROKEN: dict[str, tuple[Edit, str]] = {
    "missing relationship target": (
        _delete("xl/tables/table1.xml"),
        "xl/worksheets/sheet1.xml: relationship rId2 points to missing xl/tables/table1.xml",
    ),
    "part without a content type": (
        _add("xl/media/extra.bin", b"\0"),
        "xl/media/extra.bin: no content type",
    ),
    "part nothing refers to": (
        _add("xl/worksheets/sheet9.xml", b"<worksheet/>"),
        "xl/worksheets/sheet9.xml: no relationship refers to this part",
    ),
    "malformed XML": (_truncate("xl/worksheets/sheet1.xml"), "sheet1.xml: not well-formed XML"),
    "missing content types": (_delete("[Content_Types].xml"), "[Content_Types].xml is missing"),
    "sheet name used twice": (
        _replace("xl/workbook.xml", b'name="Acties"', b'name="monitor"'),
        "sheet name 'monitor' is used twice",
    ),
    "sheet name with a forbidden character": (
        _replace("xl/workbook.xml", b'name="Acties"', b'name="Acties [2018]"'),
        "sheet name 'Acties [2018]' has a character Excel refuses",
    ),
    "sheet name too long": (
        _replace("xl/workbook.xml", b'name="Acties"', b'name="' + b"A" * 32 + b'"'),
        "must have 1 to 31 characters",
    ),
    "table name with a space": (
        _replace("xl/tables/table1.xml", b'name="Statustabel"', b'name="Status tabel"'),
        "table name 'Status tabel' is not a valid table name",
    ),
    "table name that is a cell": (
        _replace("xl/tables/table1.xml", b'displayName="Statustabel"', b'displayName="AB12"'),
        "table displayName 'AB12' is not a valid table name",
    ),
    "table name used twice": (
        _replace("xl/tables/table2.xml", b'"Acties"', b'"Statustabel"'),
        "table name 'statustabel' is also used by",
    ),
    "table column that is not its header cell": (
        _replace("xl/tables/table1.xml", b'name="Totaal"', b'name="Aantal"'),
        "column 'Aantal' but Monitor!C5 holds 'Totaal'",
    ),
    "table range that does not fit its columns": (
        _replace("xl/tables/table1.xml", b'ref="B5:', b'ref="A5:'),
        "has 9 columns for the range A5:",
    ),
}


def _broken(source: Path, edit: Edit) -> bytes:
    parts = read_parts(source)
    edit(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(BROKEN))
def test_package_checker_rejects(case: str, monitors: dict[str, Built]):
    edit, expected = BROKEN[case]
    problems = package_problems(_broken(monitors["basic"].monitor, edit))
    assert any(expected in p for p in problems), problems


def test_package_checker_rejects_what_is_not_a_zip():
    assert package_problems(b"PK\x03\x04 not really") == ["not a zip file: File is not a zip file"]


SCHEMA_BROKEN: dict[str, tuple[Edit, str]] = {
    "unknown element inside sheetData": (
        _replace("xl/worksheets/sheet1.xml", b"<sheetData>", b"<sheetData><bogus/>"),
        "Unexpected element 'bogus'",
    ),
    "unknown element inside a cell": (
        _replace("xl/worksheets/sheet1.xml", b"<v>", b"<bogus/><v>"),
        "Unexpected element 'bogus'",
    ),
    "elements out of order": (
        _replace("xl/worksheets/sheet1.xml", b"<dimension ", b"<sheetFormatPr/><dimension "),
        "Unexpected element",
    ),
    "a value that is not in the enumeration": (
        _replace("xl/worksheets/sheet1.xml", b' t="s"', b' t="text"'),
        "Invalid value for attribute 't'",
    ),
    "unknown element in a chart": (
        _replace("xl/charts/chart1.xml", b"<c:barDir", b"<c:bogus/><c:barDir"),
        "Unexpected element",
    ),
    "unknown element in a table": (
        _replace("xl/tables/table1.xml", b"<tableColumns", b"<bogus/><tableColumns"),
        "Unexpected element 'bogus'",
    ),
}


@pytest.mark.parametrize("case", list(SCHEMA_BROKEN))
def test_schema_validator_rejects(case: str, monitors: dict[str, Built], tmp_path: Path):
    edit, expected = SCHEMA_BROKEN[case]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(_broken(monitors["basic"].monitor, edit))
    assert package_problems(broken) == []  # still a sound package: only the schema knows
    errors = schema_errors(broken)
    assert any(expected in e for e in errors), errors
