"""The reader's defences one by one: limits and their configuration, the two sheet scans, the
zip and compound-file checks, python-calamine's crashes, and rows as Excel shows them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from mvi_xl.cells import column_letter
from mvi_xl.config import LIMIT_CEILINGS, Limits, parse_config
from mvi_xl.errors import ConfigError, RegisterError
from mvi_xl.reader import ooxml, read_register, sources
from mvi_xl.reader.biff import scan_xls
from mvi_xl.reader.limits import ExtentGuard
from mvi_xl.reader.package import Package

from .conftest import BASIC_ROWS, HEADER, write_xlsx
from .hostile_corpus import (
    compound_file,
    ooxml_parts,
    register_sheet,
    rows_xml,
    sheet_xml,
    write_ooxml,
    write_zip,
    xls_workbook,
)

HERE = Path("register.xlsx")


def codes(register) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in register.findings]


# --- [limits] ------------------------------------------------------------------------------------


def test_limits_default_and_configured():
    assert parse_config({}).limits == Limits()
    config = parse_config({"limits": {"max_rows": 10, "max_file_mb": 2}})
    assert config.limits.max_rows == 10 and config.limits.max_file_mb == 2
    assert config.limits.max_cells == Limits().max_cells


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"max_rows": 0}, "limits.max_rows"),
        ({"max_rows": True}, "limits.max_rows"),
        ({"max_ratio": "100"}, "limits.max_ratio"),
        ({"max_columns": LIMIT_CEILINGS["max_columns"] + 1}, "limits.max_columns"),
        ({"max_rijen": 5}, "limits.max_rijen"),
    ],
)
def test_bad_limits_name_the_key(table: dict, key: str):
    with pytest.raises(ConfigError) as caught:
        parse_config({"limits": table})
    assert f"'{key}'" in caught.value.render("nl")


def test_a_configured_limit_applies(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    (tmp_path / "mvi-xl.toml").write_text("[limits]\nmax_rows = 5\n")
    from mvi_xl.config import find_config, load_config

    config = load_config(find_config(None, register))
    with pytest.raises(RegisterError) as caught:
        read_register(register, config=config)
    assert caught.value.code == "too_many_rows" and caught.value.where == "Acties!A6"


def test_guard_names_the_first_cell_beyond_and_the_area():
    limits = Limits(max_rows=10, max_columns=5, max_cells=20)
    guard = ExtentGuard(limits, HERE, "Blad 1")
    guard.cell(3, 4)
    with pytest.raises(RegisterError) as caught:
        guard.cell(4, 4)  # 5 rows x 5 columns > 20 cells
    assert caught.value.code == "too_many_cells" and caught.value.where == "'Blad 1'!A1:E5"
    with pytest.raises(RegisterError) as caught:
        ExtentGuard(limits, HERE, None).block(2, 0, 100, 1)
    assert caught.value.code == "too_many_rows" and caught.value.where == "A11"


# --- The two scans of an xlsx sheet ---------------------------------------------------------


def scans(data: bytes, part: str = "xl/worksheets/sheet1.xml", limits: Limits | None = None):
    """(fast, exact) results on the same part: the scan and the guard's extent."""
    limits = limits or Limits()
    package = Package(data, HERE, limits)
    results = []
    for scan in (ooxml.scan_sheet, ooxml.exact_scan):
        guard = ExtentGuard(limits, HERE, "Acties")
        found = scan(package, part, guard, HERE)
        results.append(
            (
                found.hidden,
                [(m.first_row, m.first_col, m.last_row, m.last_col) for m in found.merges],
                found.uncached,
                found.uncached_count,
                (guard.last_row, guard.last_col),
            )
        )
    return results


def xlsxwriter_register(path: Path) -> bytes:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    sheet = workbook.add_worksheet("Acties")
    sheet.merge_range(0, 0, 1, 0, "Nr")
    sheet.merge_range(0, 1, 0, 2, "Planning")
    sheet.write_row(2, 0, ["1", "a", "b"])
    sheet.write_formula(3, 1, "=LEN(A3)", None, 1)
    sheet.write_blank(40, 30, None, workbook.add_format({"bold": True}))  # formatted, empty
    sheet.set_row(5, None, None, {"hidden": True})
    sheet.write_string(5, 0, "verborgen")
    workbook.close()
    return path.read_bytes()


def openpyxl_register(path: Path) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Acties"
    sheet.append(["Actie", "Periode", "Status"])
    sheet.append(["a", "=1+1", '=IF(1,"lopend","")'])
    sheet.merge_cells("A5:A7")
    sheet.row_dimensions[3].hidden = True
    sheet["C3"] = "x"
    workbook.save(path)
    return path.read_bytes()


@pytest.mark.parametrize("writer", [xlsxwriter_register, openpyxl_register])
def test_fast_and_exact_scans_agree(tmp_path: Path, writer):
    fast, exact = scans(writer(tmp_path / "r.xlsx"))
    assert fast == exact


def test_what_the_scans_note(tmp_path: Path):
    fast, _ = scans(openpyxl_register(tmp_path / "r.xlsx"))
    hidden, merges, uncached, count, extent = fast
    assert hidden == [(2, 2)]
    assert merges == [(4, 0, 6, 0)]
    assert uncached == {1: (1, 1), 2: (1, 1)} and count == 2
    assert extent == (2, 2)


def scan_outcome(data: bytes, scan, limits: Limits):
    """The guard's extent after a scan, or the refusal (code and cell) it ended in."""
    guard = ExtentGuard(limits, HERE, "Acties")
    try:
        scan(Package(data, HERE, limits), "xl/worksheets/sheet1.xml", guard, HERE)
    except RegisterError as exc:
        return exc.code, exc.where
    return guard.last_row, guard.last_col


#: One cell: row (1-based), column (0-based), holding a value or formatted and empty, its row
#: written with leading zeros.
CELLS = st.tuples(st.integers(1, 3000), st.integers(0, 800), st.booleans(), st.booleans())


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(CELLS, max_size=40),
    limits=st.builds(
        Limits,
        max_rows=st.integers(1, 3000),
        max_columns=st.integers(1, 800),
        max_cells=st.integers(1, 3_000_000),
    ),
)
def test_fast_scan_finds_the_exact_extent_in_any_order(cells, limits):
    """Cells in any order, empty formatted ones among them: the fast scan finds the exact
    scan's extent, and refuses what it refuses. (Which limit a refusal names may differ: the
    guard names the first one passed, and the scans pass them in different orders.)"""
    body = "".join(
        f'<row r="{row}"><c r="{column_letter(col)}{"00" if zeros else ""}{row}"'
        + ("><v>1</v></c>" if valued else ' s="1"/>')
        + "</row>"
        for row, col, valued, zeros in cells
    )
    data = write_zip(io.BytesIO(), ooxml_parts([("Acties", sheet_xml(body))]), level=1)
    data = data.getvalue()
    fast = scan_outcome(data, ooxml.scan_sheet, limits)
    exact = scan_outcome(data, ooxml.exact_scan, limits)
    if isinstance(exact[0], str):
        assert fast[0] in {"too_many_rows", "too_many_columns", "too_many_cells"}
    else:
        assert fast == exact


def test_rows_far_out_of_order_go_to_the_exact_scan(monkeypatch):
    """Rows 2 to 200, then row 1 last: each find raises the last row by one, and after a few
    dozen the exact scan takes over, with the same answer."""
    body = "".join(f'<row r="{r}"><c r="B{r}"><v>1</v></c></row>' for r in [*range(2, 201), 1])
    data = write_zip(io.BytesIO(), ooxml_parts([("Acties", sheet_xml(body))])).getvalue()
    calls = []
    exact = ooxml.exact_scan
    monkeypatch.setattr(ooxml, "exact_scan", lambda *a: calls.append(1) or exact(*a))
    scan_outcome(data, ooxml.scan_sheet, Limits())
    assert calls == [1]
    refused = scan_outcome(data, ooxml.scan_sheet, Limits(max_rows=150))
    assert refused == ("too_many_rows", "Acties!B151")


@pytest.mark.parametrize(
    "cells",
    [
        '<x:c xmlns:x="urn:x" r="A5000"><x:v>1</x:v></x:c>',  # a prefix
        "<c r='A5000'><v>1</v></c>",  # single quotes
        '<c s="1" r="A5000"><v>1</v></c>',  # r not first
        '<c r="A5000" foo="1"><v>1</v></c>',  # an attribute Excel doesn't write
        "<c><v>1</v></c>" * 3,  # no r at all
        '<c r="A&#53;000"><v>1</v></c>',  # a character reference
        '<!-- <c r="A1"> --><c r="A5000"><v>1</v></c>',  # a comment
    ],
)
def test_unusual_cell_xml_goes_to_the_exact_scan(tmp_path: Path, cells: str, monkeypatch):
    body = rows_xml([["Actie", "Periode", "Status"]]) + f'<row r="5000">{cells}</row>'
    data = write_zip(tmp_path / "r.xlsx", ooxml_parts([("Acties", sheet_xml(body))])).read_bytes()
    calls = []
    exact = ooxml.exact_scan
    monkeypatch.setattr(ooxml, "exact_scan", lambda *a: calls.append(1) or exact(*a))
    limits = Limits(max_rows=100)
    with pytest.raises(RegisterError) as caught:
        ooxml.scan_sheet(Package(data, HERE, limits), "xl/worksheets/sheet1.xml",
                         ExtentGuard(limits, HERE, "Acties"), HERE)  # fmt: skip
    assert calls == [1]
    assert caught.value.code in {"too_many_rows", "unreadable"}


def test_a_duplicate_cell_reference_is_refused(tmp_path: Path):
    """calamine takes the last of two ``r`` attributes, the fast pattern would see the first:
    the file must not get past both."""
    body = rows_xml([HEADER[:4], *[r[:4] for r in BASIC_ROWS]])
    body = body.replace('<c r="A2"', '<c r="A2" r="XFD1048576"', 1)
    path = write_ooxml(tmp_path / "r.xlsx", [("Acties", sheet_xml(body))])
    with pytest.raises(RegisterError) as caught:
        read_register(path)
    assert "duplicate attribute" in caught.value.render("en")


# --- The zip and the compound file ----------------------------------------------------------------


def test_a_stored_part_larger_than_declared():
    """A part stored without compression whose directory entry claims fewer bytes."""
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as archive:
        for name, content in ooxml_parts([("Acties", register_sheet())]).items():
            archive.writestr(name, content)
    raw = bytearray(stored.getvalue())
    entry = raw.find(b"PK\x01\x02")
    struct.pack_into("<L", raw, entry + 24, 10)  # the first part's uncompressed size
    with pytest.raises(RegisterError) as caught:
        Package(bytes(raw), HERE, Limits()).verify()
    assert caught.value.code == "zip_size_mismatch"


def test_small_parts_may_compress_well(tmp_path: Path):
    """A tiny part of identical rows compresses far beyond max_ratio; it can't hurt."""
    body = '<row r="1"><c r="A1" t="inlineStr"><is><t>Actie</t></is></c></row>' * 5000
    path = write_ooxml(tmp_path / "r.xlsx", [("Acties", sheet_xml(body))])
    Package(path.read_bytes(), HERE, Limits(max_ratio=2)).verify()


def test_compound_file_that_loops_is_damaged():
    data = bytearray(compound_file({"Workbook": xls_workbook({"Blad": {(0, 0): "x"}})}))
    fat_start = 512
    first_stream_sector = 2  # FAT, directory, then the stream
    struct.pack_into("<L", data, fat_start + 4 * (first_stream_sector + 1), first_stream_sector)
    with pytest.raises(RegisterError) as caught:
        scan_xls(bytes(data), HERE, Limits())
    assert caught.value.code == "damaged"


def test_compound_file_pointing_outside_itself_is_damaged():
    data = bytearray(compound_file({"Workbook": xls_workbook({"Blad": {(0, 0): "x"}})}))
    struct.pack_into("<L", data, 0x30, 10_000)  # the directory starts far beyond the end
    with pytest.raises(RegisterError) as caught:
        scan_xls(bytes(data), HERE, Limits())
    assert caught.value.code == "damaged"


# --- python-calamine's crashes ------------------------------------------------------------------


def test_a_rust_panic_is_one_line_and_prints_nothing(tmp_path: Path, capfd):
    """A compound file whose workbook stream claims to be small makes calamine look for a mini
    stream there isn't: a Rust panic, a BaseException. It becomes one RegisterError, and the
    panic text Rust prints on file descriptor 2 is kept off the screen."""
    import python_calamine as calamine

    stream = xls_workbook({"Blad": {(0, 0): "x"}})
    data = bytearray(compound_file({"Workbook": stream}))
    struct.pack_into("<Q", data, 512 + 512 + 128 + 120, 100)  # the stream's size in its entry
    capfd.readouterr()
    with pytest.raises(RegisterError) as caught:
        sources._guarded(lambda: calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)), HERE)
    assert caught.value.code == "unreadable"
    assert "\n" not in caught.value.render("nl")
    assert capfd.readouterr().err == ""


def test_any_base_exception_from_calamine_is_unreadable():
    """In our words; the panic's own text is kept only as the detail MVI_XL_DEBUG shows."""

    class Panic(BaseException):
        pass

    def crash():
        raise Panic("index out of bounds")

    with pytest.raises(RegisterError) as caught:
        sources._guarded(crash, HERE, "Acties")
    assert caught.value.code == "unreadable"
    assert "python-calamine liep vast" in caught.value.render("nl")
    assert "index out of bounds" not in caught.value.render("nl")
    assert caught.value.params["detail"] == "index out of bounds"


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_ctrl_c_still_stops(tmp_path: Path, monkeypatch, stop):
    import python_calamine as calamine

    def interrupted(*_args, **_kwargs):
        raise stop()

    monkeypatch.setattr(calamine.CalamineWorkbook, "from_filelike", interrupted)
    with pytest.raises(stop):
        read_register(write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS))


# --- Rows as Excel shows them ---------------------------------------------------------------


def test_a_data_row_under_a_header_cell_merged_down_is_not_swallowed(tmp_path: Path):
    path = tmp_path / "r.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Actie", "Periode", "Status"])
    sheet.merge_range(0, 3, 2, 3, "Toelichting")  # merged down over two actions
    sheet.write_row(1, 0, ["a", "P", "lopend"])
    sheet.write_row(2, 0, ["b", "P", "gepland"])
    workbook.close()
    register = read_register(path)
    assert [a.text for a in register.actions] == ["a", "b"]
    assert "header_band" not in [f.code for f in register.findings]


def test_a_group_heading_without_names_under_it_is_one_row(tmp_path: Path):
    path = tmp_path / "r.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Status", "Periode"])
    sheet.merge_range(0, 2, 0, 3, "Actie")
    sheet.write_row(1, 0, ["lopend", "P", "Papier inkopen", "extra"])
    workbook.close()
    register = read_register(path)
    assert [a.text for a in register.actions] == ["Papier inkopen"]


def test_a_merged_value_fills_only_rows_with_an_action(tmp_path: Path):
    path = tmp_path / "r.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Actie", "Periode", "Status"])
    sheet.merge_range(1, 1, 5, 1, "Aan de slag in 2017")
    sheet.write_row(1, 0, ["a"])
    sheet.write_string(1, 2, "lopend")
    sheet.write_row(2, 0, ["b"])
    sheet.write_string(2, 2, "gepland")
    workbook.close()
    register = read_register(path)
    assert [(a.text, a.period) for a in register.actions] == [
        ("a", "Aan de slag in 2017"),
        ("b", "Aan de slag in 2017"),
    ]
    assert codes(register) == [("merged_cells", "Acties!B2:B6")]


def test_hidden_rows_are_counted_and_named(tmp_path: Path):
    path = tmp_path / "r.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Actie", "Periode", "Status"])
    for row in range(1, 8):
        sheet.write_row(row, 0, [f"a{row}", "P", "lopend"])
    for row in (2, 3, 6):
        sheet.set_row(row, None, None, {"hidden": True})
    workbook.close()
    register = read_register(path)
    assert len(register.actions) == 7
    assert codes(register) == [("hidden_rows", "Acties!3:4"), ("hidden_rows", "Acties!7:7")]


def test_documented_defaults_are_the_defaults():
    """The README table and the commented lines of templates/mvi-xl.toml say what Limits says."""
    import dataclasses
    import re

    root = Path(__file__).resolve().parent.parent
    template = (root / "templates" / "mvi-xl.toml").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(Limits):
        default = getattr(Limits(), field.name)
        assert re.search(rf"^# {field.name} = {default}$", template, re.M), field.name
        assert f"| `{field.name}` | {default} |" in readme, field.name


@pytest.mark.libreoffice
def test_libreoffice_xlsx_takes_the_fast_scan(tmp_path: Path, soffice: str, monkeypatch):
    """LibreOffice writes its own attribute order and extra row attributes: still the fast way,
    and the same answer as the exact one."""
    import subprocess

    source = tmp_path / "bron.xlsx"
    xlsxwriter_register(source)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp_path / "lo"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = (tmp_path / "lo" / "bron.xlsx").read_bytes()
    limits = Limits()
    fallback = []
    monkeypatch.setattr(ooxml, "exact_scan", lambda *a: fallback.append(a))
    ooxml.scan_sheet(Package(data, HERE, limits), "xl/worksheets/sheet1.xml",
                     ExtentGuard(limits, HERE, "Acties"), HERE)  # fmt: skip
    assert fallback == []
    monkeypatch.undo()
    fast, exact = scans(data)
    assert fast == exact and fast[0] == [(5, 5)]
