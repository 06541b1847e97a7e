"""Every valid file opens, and every file that doesn't says why in our words.

- Packages laid out as other producers lay them out (the workbook in another folder or at the
  top, absolute targets, part names in capitals or with backslashes, strict OOXML, an xlsb
  with its names in capitals): python-calamine opens each one, so mvi-xl reads it, and its
  sheet scan reads the very part calamine reads (a far cell there is still refused). They
  were all refused as "not a spreadsheet" while the workbook was looked for at the literal
  name xl/workbook.xml.
- A workbook under a name calamine cannot open, a Word document, a zip that is two kinds at
  once, part names that are one name twice: refused with a message of their own.
- A password-protected ods says so (built here as LibreOffice writes one; the real thing made
  by LibreOffice in the ``libreoffice`` test).
- The zip defence bounds the bytes inflated, not the ratio: a genuine register whose shared
  strings inflate 120 times is read, a zip beyond max_unpacked_mb is refused (named a zip bomb
  when it also inflates beyond max_ratio), and no second reading of a part adds up to more.
  The shared strings, which calamine keeps one by one, are held to max_cells.
- No message carries a library's English: every failure we can provoke, in Dutch, is checked
  against the texts of expat, python-calamine, zipfile, csv and the operating system.
"""

from __future__ import annotations

import errno
import io
import os
import pathlib
import random
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.parsers.expat import errors as expat_errors

import pytest
import xlsxwriter
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.config import Limits, parse_config
from mvi_xl.errors import MviError, RegisterError
from mvi_xl.reader import parse_register, read_register
from mvi_xl.reader.package import Package

from .conftest import BASIC_ROWS, HEADER, write_csv, write_xlsx
from .hostile_corpus import (
    MAIN_NS,
    ODS_MIMETYPE,
    PKG_REL_NS,
    REL_NS,
    XML_DECLARATION,
    grid,
    ods_content,
    ods_row,
    ooxml_parts,
    register_sheet,
    rows_xml,
    sheet_xml,
    write_ods,
    xlsb_parts,
)

Parts = dict[str, bytes | str]
XLSX = Path("register.xlsx")
XLSB = Path("register.xlsb")
ODS = Path("register.ods")
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
FAR_XLSX_ROW = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def zipped(parts: Parts, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return buffer.getvalue()


def text(content: bytes | str) -> str:
    return content if isinstance(content, str) else content.decode()


def package_rels(target: str) -> str:
    return (
        f'{XML_DECLARATION}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
        f'Type="{REL_NS}/officeDocument" Target="{target}"/></Relationships>'
    )


def xlsx_parts(far: bool = False) -> Parts:
    sheet = register_sheet()
    if far:
        sheet = sheet.replace("</sheetData>", FAR_XLSX_ROW + "</sheetData>")
    return ooxml_parts([("Acties", sheet)])


def moved(parts: Parts, folder: str, target: str) -> Parts:
    """Everything under xl/ into ``folder`` (``""``: the top), _rels/.rels pointing there."""
    out = {(folder + name[3:] if name.startswith("xl/") else name): c for name, c in parts.items()}
    out["_rels/.rels"] = package_rels(target)
    return out


def renamed_names(parts: Parts, rename: Callable[[str], str]) -> Parts:
    return {rename(name): content for name, content in parts.items()}


def strict(parts: Parts) -> Parts:
    """Strict OOXML (ISO/IEC 29500 strict) namespaces, as Excel's "Strict Open XML" writes."""
    swap = {
        MAIN_NS: STRICT_MAIN,
        REL_NS: STRICT_REL,
    }
    out = {}
    for name, content in parts.items():
        value = text(content)
        for old, new in swap.items():
            value = value.replace(old, new)
        out[name] = value
    return out


def absolute_sheet_targets(parts: Parts) -> Parts:
    rels = text(parts["xl/_rels/workbook.xml.rels"]).replace(
        'Target="worksheets/', 'Target="/xl/worksheets/'
    )
    return {**parts, "xl/_rels/workbook.xml.rels": rels}


def xlsb_register(far: bool = False) -> Parts:
    cells = grid([HEADER[:4], *[r[:4] for r in BASIC_ROWS]])
    if far:
        cells[(5_000_000, 2)] = "x"
    return xlsb_parts({"Acties": cells})


#: (name, parts of the register, parts of the same with a cell far beyond the limits)
VALID_LAYOUTS: list[tuple[str, Callable[[bool], Parts], Path]] = [
    (
        "workbook_in_another_folder",
        lambda far: moved(xlsx_parts(far), "spreadsheet/", "spreadsheet/workbook.xml"),
        XLSX,
    ),
    (
        "absolute_target_into_another_folder",
        lambda far: moved(xlsx_parts(far), "spreadsheet/", "/spreadsheet/workbook.xml"),
        XLSX,
    ),
    (
        "workbook_at_the_top_of_the_package",
        lambda far: moved(xlsx_parts(far), "", "workbook.xml"),
        XLSX,
    ),
    (
        "absolute_workbook_target",
        lambda far: moved(xlsx_parts(far), "xl/", "/xl/workbook.xml"),
        XLSX,
    ),
    ("part_names_in_capitals", lambda far: renamed_names(xlsx_parts(far), str.upper), XLSX),
    (
        "backslashes_in_part_names",
        lambda far: renamed_names(xlsx_parts(far), lambda n: n.replace("/", "\\")),
        XLSX,
    ),
    ("absolute_sheet_targets", lambda far: absolute_sheet_targets(xlsx_parts(far)), XLSX),
    ("strict_ooxml", lambda far: strict(xlsx_parts(far)), XLSX),
    (
        "xlsb_with_names_in_capitals",
        lambda far: renamed_names(
            xlsb_register(far),
            lambda n: {"xl/workbook.bin": "XL/Workbook.bin"}.get(n, n.replace("sheet1", "Sheet1")),
        ),
        XLSB,
    ),
]


def calamine_rows(data: bytes) -> list[list[object]]:
    import python_calamine as calamine

    workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    return workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()


@pytest.mark.parametrize(("name", "make", "path"), VALID_LAYOUTS, ids=[c[0] for c in VALID_LAYOUTS])
def test_a_valid_layout_that_calamine_opens_is_read(name: str, make, path: Path):
    data = zipped(make(False))
    assert calamine_rows(data)[0][:4] == HEADER[:4]  # the library itself opens it
    register = parse_register(data, path)
    assert len(register.actions) == len(BASIC_ROWS)
    assert register.kind == path.suffix[1:]


@pytest.mark.parametrize(("name", "make", "path"), VALID_LAYOUTS, ids=[c[0] for c in VALID_LAYOUTS])
def test_the_scan_reads_the_part_calamine_reads(name: str, make, path: Path):
    """The far cell sits in the sheet part as calamine finds it: the scan must see it there."""
    with pytest.raises(RegisterError) as caught:
        parse_register(zipped(make(True)), path)
    assert caught.value.code == "too_many_rows"


def test_a_valid_layout_builds_through_the_command(tmp_path: Path):
    register = tmp_path / "Actieplan.xlsx"
    register.write_bytes(zipped(moved(xlsx_parts(), "spreadsheet/", "spreadsheet/workbook.xml")))
    result = CliRunner().invoke(cli, ["build", str(register), "--as-of", "2018-11-01"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "Actieplan-monitor.xlsx").is_file()


# --- Refused, each with its own message ---------------------------------------------------------


def renamed_workbook() -> Parts:
    parts = xlsx_parts()
    parts["xl/book.xml"] = parts.pop("xl/workbook.xml")
    parts["xl/_rels/book.xml.rels"] = parts.pop("xl/_rels/workbook.xml.rels")
    parts["_rels/.rels"] = package_rels("xl/book.xml")
    return parts


def renamed_xlsb_workbook() -> Parts:
    parts = xlsb_register()
    parts["xl/book.bin"] = parts.pop("xl/workbook.bin")
    parts["_rels/.rels"] = package_rels("xl/book.bin")
    return parts


def word_document() -> Parts:
    return {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"/>',
        "_rels/.rels": package_rels("word/document.xml"),
        "word/document.xml": '<w:document xmlns:w="http://schemas.openxmlformats.org/'
        'wordprocessingml/2006/main"><w:body/></w:document>',
    }


def without_package_rels() -> Parts:
    parts = xlsx_parts()
    del parts["_rels/.rels"]
    return parts


def without_workbook_rels() -> Parts:
    parts = xlsx_parts()
    del parts["xl/_rels/workbook.xml.rels"]
    return parts


def text_document() -> Parts:
    return {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}


def xlsx_and_xlsb() -> Parts:
    return {**xlsx_parts(), "xl/workbook.bin": xlsb_register()["xl/workbook.bin"]}


def xlsx_and_ods() -> Parts:
    return {"mimetype": ODS_MIMETYPE, **xlsx_parts()}


def one_name_twice() -> Parts:
    parts = xlsx_parts()
    parts["XL/Worksheets/Sheet1.xml"] = sheet_xml(FAR_XLSX_ROW)
    return parts


#: (name, parts, file name, message code, Dutch words the message must hold)
REFUSED = [
    ("renamed_workbook", renamed_workbook, XLSX, "workbook_renamed", "als xl/book.xml"),
    ("renamed_xlsb_workbook", renamed_xlsb_workbook, XLSB, "workbook_renamed", "als xl/book.bin"),
    ("word_document", word_document, Path("register.docx"), "not_spreadsheet", "xlsb"),
    ("opendocument_text", text_document, Path("register.odt"), "not_spreadsheet", "xlsb"),
    ("no_package_relationships", without_package_rels, XLSX, "unreadable", "_rels/.rels ontbreekt"),
    (
        "no_workbook_relationships",
        without_workbook_rels,
        XLSX,
        "unreadable",
        "xl/_rels/workbook.xml.rels ontbreekt",
    ),
    ("xlsx_and_xlsb_at_once", xlsx_and_xlsb, XLSX, "mixed_package", "een xlsb- en een xlsx"),
    ("xlsx_and_ods_at_once", xlsx_and_ods, XLSX, "mixed_package", "een ods- en een xlsx"),
    ("one_part_name_twice", one_name_twice, XLSX, "duplicate_part", "twee keer"),
]


@pytest.mark.parametrize(
    ("name", "make", "path", "code", "words"), REFUSED, ids=[c[0] for c in REFUSED]
)
def test_what_cannot_be_read_says_why(name: str, make, path: Path, code: str, words: str):
    with pytest.raises(RegisterError) as caught:
        parse_register(zipped(make()), path)
    assert caught.value.code == code
    assert words in caught.value.render("nl")


@pytest.mark.parametrize("make", [renamed_workbook, renamed_xlsb_workbook])
def test_a_renamed_workbook_is_one_calamine_cannot_open_either(make):
    import python_calamine as calamine

    with pytest.raises(calamine.CalamineError):
        calamine_rows(zipped(make()))


def test_a_renamed_workbook_through_the_command(tmp_path: Path):
    register = tmp_path / "register.xlsx"
    register.write_bytes(zipped(renamed_workbook()))
    for lang, words in (("nl", "een naam die mvi-xl niet kan lezen"), ("en", "a name mvi-xl")):
        result = CliRunner().invoke(cli, ["check", str(register), "--lang", lang])
        assert result.exit_code == 3
        assert result.stderr.count("\n") == 1 and words in result.stderr


# --- A password-protected ods ------------------------------------------------------------------


def encrypted_ods() -> bytes:
    """As LibreOffice writes an ods with a password to open: mimetype in the clear, every
    other part stored as ciphertext, and the manifest saying how each one is encrypted."""
    noise = random.Random(11)
    entries = ""
    parts: dict[str, bytes] = {}
    for name in ("content.xml", "styles.xml", "meta.xml", "settings.xml"):
        parts[name] = noise.randbytes(2000)
        entries += (
            f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml" '
            'manifest:size="9000"><manifest:encryption-data manifest:checksum-type="urn:oasis:'
            'names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">'
            '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#'
            'aes256-cbc" manifest:initialisation-vector="AAAA"/><manifest:key-derivation '
            'manifest:key-derivation-name="PBKDF2" manifest:key-size="32" '
            'manifest:iteration-count="100000" manifest:salt="AAAA"/></manifest:encryption-data>'
            "</manifest:file-entry>"
        )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
        'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry '
        f'manifest:full-path="/" manifest:media-type="{ODS_MIMETYPE.decode()}"/>{entries}'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        for name, content in parts.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_a_password_protected_ods_says_so(tmp_path: Path):
    register = tmp_path / "register.ods"
    register.write_bytes(encrypted_ods())
    result = CliRunner().invoke(cli, ["check", str(register)])
    assert result.exit_code == 3
    assert result.stderr == (
        f"mvi-xl: {register}: het register is met een wachtwoord beveiligd. Sla een kopie op "
        "zonder wachtwoord en lees die.\n"
    )


def test_an_ods_without_a_manifest_is_unreadable(tmp_path: Path):
    table = '<table:table table:name="Acties">' + ods_row(HEADER[:4]) + "</table:table>"
    path = write_ods(tmp_path / "register.ods", table)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist() if not n.startswith("META-INF")}
    with pytest.raises(RegisterError) as caught:
        parse_register(zipped(parts, zipfile.ZIP_STORED), ODS)
    assert "onderdeel META-INF/manifest.xml ontbreekt" in caught.value.render("nl")


UNO_SCRIPT = """
import sys, time, subprocess, uno
from com.sun.star.beans import PropertyValue
soffice, source, target, profile, pipe = sys.argv[1:]
office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore",
    "-env:UserInstallation=" + profile, "--accept=pipe,name=" + pipe + ";urp;"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(200):
    try:
        context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.25)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
def value(name, content):
    item = PropertyValue()
    item.Name, item.Value = name, content
    return item
document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
    (value("Hidden", True),))
document.storeToURL(uno.systemPathToFileUrl(target),
    (value("FilterName", "calc8"), value("Password", "geheim")))
document.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait(timeout=60)
"""


def uno_python(soffice: str) -> str | None:
    """A Python that can talk to LibreOffice (its own, or the system's with python3-uno)."""
    program = Path(soffice).resolve().parent
    for candidate in (program / "python", program / "python.exe", Path("/usr/bin/python3")):
        if candidate.is_file():
            found = subprocess.run(
                [str(candidate), "-c", "import uno"], capture_output=True, timeout=60
            )
            if found.returncode == 0:
                return str(candidate)
    return None


@pytest.mark.libreoffice
def test_an_ods_that_libreoffice_encrypted_says_so(tmp_path: Path, soffice: str):
    python = uno_python(soffice)
    if python is None:
        pytest.skip("no Python with LibreOffice's uno module (python3-uno)")
    source = write_xlsx(tmp_path / "bron.xlsx", BASIC_ROWS)
    target = tmp_path / "beveiligd.ods"
    subprocess.run(
        [python, "-c", UNO_SCRIPT, soffice, str(source), str(target),
         (tmp_path / "profile").as_uri(), f"mvi-xl-{os.getpid()}"],
        check=True, timeout=240,
    )  # fmt: skip
    with zipfile.ZipFile(target) as archive:
        assert b"encryption-data" in archive.read("META-INF/manifest.xml")
    with pytest.raises(RegisterError) as caught:
        read_register(target)
    assert caught.value.code == "password"


# --- The zip defence: the bytes inflated, not the ratio -----------------------------------------


def repetitive_register(path: Path) -> Path:
    """A genuine register as a coordinator keeps one: the same long remark on every action with
    its own reference, so Excel's shared strings compress better than 120 to 1."""
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Nr", "Actie", "Periode", "Status", "Toelichting"])
    remark = (
        "Zie het inkoopplan en de afspraken met de budgethouders over duurzame criteria, "
        "social return en circulair inkopen. "
    ) * 20
    for row in range(1, 2001):
        sheet.write_row(
            row,
            0,
            [f"{row}", f"Actie {row}: criteria in de aanbesteding", "2018-2020", "lopend"],
        )
        sheet.write_string(row, 4, f"{remark}(regel {row})")
    workbook.close()
    return path


def test_a_genuine_register_whose_strings_inflate_120_times_is_read(tmp_path: Path):
    path = repetitive_register(tmp_path / "register.xlsx")
    with zipfile.ZipFile(path) as archive:
        strings = archive.getinfo("xl/sharedStrings.xml")
    assert strings.file_size > 1024 * 1024  # past the old 1 MB grace, so the old rule applied
    assert strings.file_size / strings.compress_size > 120
    assert len(read_register(path).actions) == 2000
    # the ratio setting is still accepted, and alone refuses nothing
    config = parse_config({"limits": {"max_ratio": 2}})
    assert len(read_register(path, config=config).actions) == 2000


def whitespace_sheet_parts(megabytes: int) -> Parts:
    """A sheet padded with ``megabytes`` of spaces: it inflates about a thousand times."""
    padding = " " * (megabytes * 1024 * 1024)
    sheet = register_sheet().replace("</sheetData>", padding + "</sheetData>")
    return ooxml_parts([("Acties", sheet)])


def test_a_part_that_inflates_a_thousand_times_within_the_limit_is_read():
    data = zipped(whitespace_sheet_parts(20))
    assert len(parse_register(data, XLSX).actions) == len(BASIC_ROWS)


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (lambda: " " * (3 << 20), "zip_ratio", "dit lijkt een zipbom"),
        (lambda: random.Random(2).randbytes(3 << 20).hex(), "unpacked_too_big", "de grens is 1 MB"),
    ],
    ids=["inflating_far_beyond_the_ratio", "just_large"],
)
def test_beyond_max_unpacked_mb(content, code: str, words: str):
    """Refused from the sizes the zip declares, before anything is inflated; whether it is
    called a zip bomb depends on max_ratio."""
    parts = ooxml_parts([("Acties", register_sheet())], extra={"xl/media/big.xml": content()})
    config = parse_config({"limits": {"max_unpacked_mb": 1}})
    with pytest.raises(RegisterError) as caught:
        parse_register(zipped(parts), XLSX, config=config)
    assert caught.value.code == code
    assert words in caught.value.render("nl")
    if code == "zip_ratio":
        assert "xl/media/big.xml" in caught.value.render("nl")


def test_every_byte_inflated_counts_however_often_a_part_is_read():
    part = random.Random(4).randbytes(300 * 1024).hex()  # 600 KB, within 1 MB
    data = zipped(ooxml_parts([("Acties", register_sheet())], extra={"xl/big.xml": part}))
    package = Package(data, XLSX, Limits(max_unpacked_mb=1))
    package.read("xl/big.xml")
    with pytest.raises(RegisterError) as caught:
        package.read("xl/big.xml")
    assert caught.value.code == "unpacked_too_big"


def test_verify_does_not_inflate_a_part_twice():
    data = zipped(xlsx_parts())
    package = Package(data, XLSX, Limits())
    package.read("xl/workbook.xml")
    once = package.inflated
    package.verify()
    total = sum(info.file_size for info in package.infos.values())
    assert package.inflated == total and once < total


def with_strings(strings: bytes | str) -> bytes:
    parts = xlsx_parts()
    parts["xl/sharedStrings.xml"] = strings
    return zipped(parts)


def strings_xml(count: int, prefix: str = "", unique: int | None = None) -> str:
    tag = f"{prefix}:" if prefix else ""
    xmlns = f"xmlns:{prefix}" if prefix else "xmlns"
    declared = f' uniqueCount="{unique}"' if unique is not None else ""
    items = f"<{tag}si><{tag}t>a</{tag}t></{tag}si>" * count
    return f'<{tag}sst {xmlns}="{MAIN_NS}"{declared}>{items}</{tag}sst>'


@pytest.mark.parametrize(
    ("strings", "refused"),
    [
        (strings_xml(40), False),
        (strings_xml(41), True),
        (strings_xml(41, prefix="x"), True),  # a prefix hides nothing
        (strings_xml(1, unique=41), True),  # what calamine reserves room for
        (strings_xml(40, unique=40), False),
        (
            ('<?xml version="1.0" encoding="UTF-16"?>' + strings_xml(41)).encode("utf-16"),
            True,
        ),  # counted by expat
        (f'<other xmlns="{MAIN_NS}">{strings_xml(1)}</other>', "unreadable"),
    ],
    ids=[
        "as_many_as_cells",
        "one_more",
        "prefixed",
        "declared",
        "declared_as_many",
        "utf16",
        "not_an_sst",
    ],
)
def test_shared_strings_are_held_to_max_cells(strings, refused):
    """The register's sheet is 8 rows by 5 columns: 40 cells."""
    config = parse_config({"limits": {"max_cells": 40}})
    data = with_strings(strings)
    if not refused:
        assert parse_register(data, XLSX, config=config).actions
        return
    with pytest.raises(RegisterError) as caught:
        parse_register(data, XLSX, config=config)
    assert caught.value.code == ("unreadable" if refused == "unreadable" else "too_many_strings")


# --- No library's English in a message ----------------------------------------------------------

#: What the libraries say in English, as far as we can provoke them: expat (all of its error
#: texts), python-calamine, zipfile, the csv module and the operating system.
RAW_PHRASES = (
    *(message for message in expat_errors.messages.values()),
    "Cannot detect file format",
    "Workbook is password protected",
    "Cell string index not found",
    "Unrecognized",
    "Unknown cell",
    "panicked",
    "index out of bounds",
    "File is not a zip file",
    "Bad magic number",
    "Truncated file header",
    "Bad CRC-32",
    "field larger than field limit",
    "line contains NUL",
    *(os.strerror(code) for code in (errno.EIO, errno.ENOENT, errno.EACCES, errno.ETIMEDOUT)),
)


def broken_workbook(xml: str) -> Callable[[], tuple[bytes, Path]]:
    return lambda: (zipped({**xlsx_parts(), "xl/workbook.xml": xml}), XLSX)


def workbook_xml(body: str) -> str:
    return f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{body}</sheets></workbook>'


def with_parts(**changes: str) -> Callable[[], tuple[bytes, Path]]:
    def make() -> tuple[bytes, Path]:
        parts = xlsx_parts()
        parts.update(
            {name.replace("__", "/").replace("_dot_", "."): v for name, v in changes.items()}
        )
        return zipped(parts), XLSX

    return make


def sheet_with(rows: str) -> str:
    return sheet_xml(rows_xml([["Actie", "Periode", "Status"]]) + rows)


def ods_with(tables: str) -> Callable[[], tuple[bytes, Path]]:
    def make() -> tuple[bytes, Path]:
        manifest = (
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"/>'
        )
        parts: Parts = {
            "mimetype": ODS_MIMETYPE,
            "META-INF/manifest.xml": manifest,
            "content.xml": ods_content(tables),
        }
        return zipped(parts, zipfile.ZIP_STORED), ODS

    return make


def compressed_otherwise() -> tuple[bytes, Path]:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in xlsx_parts().items():
            method = zipfile.ZIP_BZIP2 if name == "xl/workbook.xml" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=method)
    return buffer.getvalue(), XLSX


def truncated() -> tuple[bytes, Path]:
    data = zipped(xlsx_parts())
    return data[: len(data) // 2], XLSX


def huge_csv_field(tmp: Path) -> tuple[bytes, Path]:
    path = write_csv(tmp / "register.csv", [["1", '"' + "x" * 200_000, "P", "lopend", ""]])
    return path.read_bytes(), path


INLINE_CELL = '<c r="A2" t="inlineStr"><is><t>x</t></is></c>'

#: (name, the failing register as (bytes, path), Dutch words the message must hold)
FAILURES = [
    (
        "xml_invalid_token",
        broken_workbook(workbook_xml("<sheet name='a' r:id='rId1'/>\x01")),
        "ongeldig teken",
    ),
    ("xml_ends_early", broken_workbook(""), "het onderdeel is leeg of houdt te vroeg op"),
    ("xml_unclosed", broken_workbook('<workbook xmlns="x"><sheets'), "onafgemaakte tag"),
    ("xml_tag_mismatch", broken_workbook("<workbook><sheets></workbook>"), "horen niet bij elkaar"),
    ("xml_junk_after", broken_workbook(workbook_xml("") + "<x/>"), "na het einde van het document"),
    ("xml_duplicate_attribute", broken_workbook('<workbook a="1" a="2"/>'), "dubbel attribuut"),
    (
        "xml_undefined_entity",
        broken_workbook("<workbook>&onbekend;</workbook>"),
        "onbekende entiteit",
    ),
    ("xml_bad_character", broken_workbook("<workbook>&#0;</workbook>"), "ongeldig teken"),
    (
        "xml_unknown_encoding",
        broken_workbook('<?xml version="1.0" encoding="x-geen"?><workbook/>'),
        "tekencodering",
    ),
    ("xml_unbound_prefix", ods_with("<x:table/>"), "onbekend voorvoegsel"),
    ("xml_line_and_column", broken_workbook("<workbook>\n <a></b></workbook>"), "regel 2, kolom 7"),
    (
        "calamine_does_not_recognise_it",
        with_parts(xl__styles_dot_xml="<styleSheet><numFmts><numFmt"),
        "python-calamine herkent de inhoud niet als werkmap",
    ),
    (
        "calamine_cannot_read_a_sheet",
        with_parts(
            xl__worksheets__sheet1_dot_xml=sheet_with(
                '<row r="2"><c r="A2" t="s"><v>99</v></c></row>'
            )
        ),
        "python-calamine kan de inhoud niet lezen",
    ),
    (
        "bad_cell_reference",
        with_parts(
            xl__worksheets__sheet1_dot_xml=sheet_with('<row r="2"><c r="2A"><v>1</v></c></row>')
        ),
        "werkblad Acties: ongeldige celverwijzing '2A'",
    ),
    (
        "bad_row_number",
        with_parts(
            xl__worksheets__sheet1_dot_xml=sheet_with(f'<!--x--><row r="x">{INLINE_CELL}</row>')
        ),
        "ongeldig rijnummer 'x'",
    ),
    (
        "ods_bad_repeat",
        ods_with(
            '<table:table table:name="A"><table:table-row table:number-rows-repeated="0"/>'
            "</table:table>"
        ),
        "ongeldige waarde '0' voor table:number-rows-repeated",
    ),
    (
        "ods_table_in_a_table",
        ods_with('<table:table table:name="A"><table:table table:name="B"/></table:table>'),
        "een tabel binnen een tabel",
    ),
    ("compression_method", compressed_otherwise, "methode 12"),
    (
        "sheet_part_missing",
        lambda: (zipped({k: v for k, v in xlsx_parts().items() if "sheet1" not in k}), XLSX),
        "werkblad Acties: onderdeel xl/worksheets/sheet1.xml ontbreekt",
    ),
    ("truncated_zip", truncated, "beschadigd"),
    ("encrypted_ods", lambda: (encrypted_ods(), ODS), "wachtwoord"),
    ("random_bytes", lambda: (b"\x00\x9f" + random.Random(3).randbytes(4000), XLSX), "xlsb"),
]


@pytest.mark.parametrize(("name", "make", "words"), FAILURES, ids=[c[0] for c in FAILURES])
def test_no_library_english_reaches_the_dutch_message(name: str, make, words: str):
    data, path = make()
    with pytest.raises(MviError) as caught:
        parse_register(data, path)
    assert_in_our_words(caught.value, words)


def assert_in_our_words(error: MviError, words: str) -> None:
    dutch = error.render("nl")
    assert words in dutch, dutch
    assert "\n" not in dutch
    for phrase in RAW_PHRASES:
        assert phrase.lower() not in dutch.lower(), (phrase, dutch)
    error.render("en")  # every field filled in the other language as well


def test_a_crash_in_calamine_in_our_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A Rust panic reaches Python as a BaseException with Rust's own words."""
    import python_calamine as calamine

    class PanicException(BaseException):
        pass

    def panic(*_args, **_kwargs):
        raise PanicException("thread panicked at src/xls.rs: index out of bounds")

    monkeypatch.setattr(calamine.CalamineWorkbook, "from_filelike", panic)
    with pytest.raises(RegisterError) as caught:
        read_register(write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS))
    assert_in_our_words(caught.value, "python-calamine liep vast op de inhoud van het bestand")


def test_a_csv_field_too_long_in_our_words(tmp_path: Path):
    data, path = huge_csv_field(tmp_path)
    with pytest.raises(RegisterError) as caught:
        parse_register(data, path)
    assert_in_our_words(caught.value, "een veld is langer dan 131072 tekens")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EIO, "de schijf gaf een leesfout"),
        (errno.ETIMEDOUT, "de netwerkschijf antwoordt niet"),
        (errno.EROFS, "leesfout (code EROFS)"),
    ],
)
def test_an_operating_system_error_in_our_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    opened = pathlib.Path.open

    def failing(self, *args, **kwargs):
        if self == register:
            raise OSError(code, os.strerror(code))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", failing)
    with pytest.raises(RegisterError) as caught:
        read_register(register)
    assert_in_our_words(caught.value, words)


def test_the_library_detail_shows_only_when_debugging(tmp_path: Path, monkeypatch):
    register = tmp_path / "register.xlsx"
    register.write_bytes(with_parts(xl__styles_dot_xml="<styleSheet><numFmt")()[0])
    quiet = CliRunner().invoke(cli, ["check", str(register)])
    assert quiet.exit_code == 3 and "Cannot detect" not in quiet.stderr
    monkeypatch.setenv("MVI_XL_DEBUG", "1")
    loud = CliRunner().invoke(cli, ["check", str(register)])
    assert loud.exit_code == 3 and "[Cannot detect file format]" in loud.stderr


def test_every_format_is_named_where_formats_are_listed():
    from mvi_xl.words.i18n import message

    for lang, joined in (
        ("nl", "xlsx, xlsm, xlsb, xls, ods of csv"),
        ("en", "xlsb, xls, ods or csv"),
    ):
        for code in ("not_spreadsheet", "no_registers"):
            assert joined in message(lang, code)[0], (lang, code)


def test_a_sheet_that_is_not_there_in_an_xlsb(tmp_path: Path):
    parts = xlsb_register()
    del parts["xl/worksheets/sheet1.bin"]
    with pytest.raises(MviError) as caught:
        parse_register(zipped(parts), XLSB)
    assert_in_our_words(caught.value, "ontbreekt")
