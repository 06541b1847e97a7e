"""The example's monitor, part by part, against the committed golden files in tests/golden/:
any change to what users see shows up here, and in review as a diff of those files."""

from __future__ import annotations

from pathlib import Path

from .golden import GOLDEN, REGENERATE, build_golden_monitor, golden_diff, golden_files, read_golden
from .ooxml import normalise_xml


def test_example_monitor_matches_the_golden_files(tmp_path: Path):
    assert GOLDEN.is_dir(), f"no golden files yet: {REGENERATE}"
    diff = golden_diff(read_golden(), golden_files(build_golden_monitor(tmp_path)))
    assert not diff, (
        "The example's monitor differs from tests/golden/voorbeeld. If the change is intended, "
        f"regenerate with `{REGENERATE}` and review the diff.\n{diff}"
    )


def test_golden_build_is_reproducible(tmp_path: Path):
    """Byte for byte, wherever it is built: nothing from the machine leaks in."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = build_golden_monitor(tmp_path / "a")
    second = build_golden_monitor(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


def test_normalised_xml_sorts_attributes_and_keeps_prefixes_and_text():
    xml = (
        b'<?xml version="1.0"?><a:root xmlns:a="urn:a" z="1" b="2"><a:group>'
        b'<a:t xml:space="preserve"> two  spaces </a:t><a:empty/></a:group>'
        b"<a:list><a:item><a:deeper/></a:item></a:list></a:root>"
    )
    assert normalise_xml(xml) == (
        '<a:root xmlns:a="urn:a" b="2" z="1">\n'
        '  <a:group><a:t xml:space="preserve"> two  spaces </a:t><a:empty/></a:group>\n'
        "  <a:list>\n"
        "    <a:item><a:deeper/></a:item>\n"
        "  </a:list>\n"
        "</a:root>\n"
    )


def test_normalised_sheet_shows_shared_strings_as_text():
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>1</v></c></row>'
        b"</sheetData></worksheet>"
    )
    text = normalise_xml(sheet, ["nul", "één"])
    assert '<c r="A1" t="s"><v>één</v></c>' in text
    assert '<c r="B1"><v>1</v></c>' in text  # a number stays a number


def test_golden_diff_names_the_part_and_the_line():
    diff = golden_diff({"xl/a.xml": "<a>\n  <b/>\n</a>\n"}, {"xl/a.xml": "<a>\n  <c/>\n</a>\n"})
    assert "--- golden/voorbeeld/xl/a.xml" in diff
    assert "-  <b/>" in diff and "+  <c/>" in diff
    assert golden_diff({"x.xml": "1"}, {}) == "part no longer written: x.xml"
