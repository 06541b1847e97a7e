"""A monitor is not a register: given as one, it is refused (exit 2) with a hint, instead of
becoming ``X-monitor-monitor.xlsx``; in a folder of registers it is skipped with a warning.

A monitor is known by mvi-xl's fingerprint among its custom document properties, whatever its
name, and also after Excel or LibreOffice saved it again (as xlsx or as ods).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.errors import UsageError
from mvi_xl.reader import read_register

from .conftest import BASIC_ROWS, write_xlsx
from .hostile_corpus import HEADER, ODS_MIMETYPE, ods_content, ods_row

AS_OF = "2018-11-01"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def monitor(tmp_path: Path) -> Path:
    """A monitor as mvi-xl writes it, beside its register."""
    register = write_xlsx(tmp_path / "Actieplan.xlsx", BASIC_ROWS)
    result = run("build", register, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    return tmp_path / "Actieplan-monitor.xlsx"


def renamed(monitor: Path, name: str) -> Path:
    """The monitor copied to a folder of its own under an ordinary name."""
    folder = monitor.parent / "registers"
    folder.mkdir(exist_ok=True)
    copy = folder / name
    copy.write_bytes(monitor.read_bytes())
    return copy


def files(folder: Path) -> list[str]:
    """What is in the folder, run locks aside (a build leaves its empty lock file beside the
    monitor it was asked for, whatever became of the run)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".mvi-xl.lock"))


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_monitor_given_as_register_is_refused(monitor: Path, command: str):
    before = files(monitor.parent)
    result = run(command, monitor, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        f"mvi-xl: {monitor}: dit is een monitor van mvi-xl, geen register. Geef het register "
        "waar de monitor van is gemaakt. Is dit toch een register, verwijder dan de eigenschap "
        "'mvi-xl fingerprint' (Excel: Bestand > Info > Eigenschappen > Geavanceerde "
        "eigenschappen > Aangepast).\n"
    )
    assert result.stdout == ""
    assert files(monitor.parent) == before  # no Actieplan-monitor-monitor.xlsx, no history


def test_in_english(monitor: Path):
    result = run("check", monitor, "--lang", "en")
    assert result.exit_code == 2
    assert "this is a monitor made by mvi-xl, not a register. Give the register" in result.stderr


def test_whatever_its_name(monitor: Path):
    copy = renamed(monitor, "Actieplan MVI.xlsx")
    with pytest.raises(UsageError) as caught:
        read_register(copy)
    assert caught.value.code == "register_is_monitor"


def test_a_register_with_other_custom_properties_is_read(tmp_path: Path):
    import xlsxwriter

    path = tmp_path / "register.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_custom_property("Afdeling", "Inkoop")
    workbook.set_custom_property("mvi-xl", "een notitie")
    sheet = workbook.add_worksheet("Acties")
    for row, values in enumerate([HEADER, *BASIC_ROWS]):
        sheet.write_row(row, 0, [str(v) if v is not None else "" for v in values])
    workbook.close()
    assert len(read_register(path).actions) == len(BASIC_ROWS)


def test_a_monitor_saved_as_ods_is_refused(tmp_path: Path):
    """LibreOffice keeps the fingerprint as a user-defined property in meta.xml."""
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:'
        'names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:'
        'xmlns:meta:1.0"><office:meta><meta:user-defined meta:name="mvi-xl fingerprint">'
        "7ddf47</meta:user-defined></office:meta></office:document-meta>"
    )
    manifest = (
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'
    )
    table = '<table:table table:name="Monitor">' + ods_row(HEADER[:4]) + "</table:table>"
    path = tmp_path / "monitor.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE)
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("meta.xml", meta)
        archive.writestr("content.xml", ods_content(table))
    result = run("check", path)
    assert result.exit_code == 2 and "dit is een monitor van mvi-xl" in result.stderr


@pytest.mark.libreoffice
def test_a_monitor_saved_again_by_libreoffice_is_refused(monitor: Path, soffice: str):
    from .lo import convert

    out = monitor.parent / "lo"
    profile = monitor.parent / "profile"
    converted = [
        convert(soffice, [monitor], out / fmt, fmt, profile)[monitor] for fmt in ("xlsx", "ods")
    ]
    for path in converted:
        result = run("check", path)
        assert result.exit_code == 2, (path, result.output)
        assert "dit is een monitor van mvi-xl" in result.stderr


# --- In a folder of registers ------------------------------------------------------------------


def test_a_monitor_in_a_folder_is_skipped_with_a_warning(monitor: Path):
    folder = monitor.parent / "registers"
    folder.mkdir()
    write_xlsx(folder / "Inkoop.xlsx", BASIC_ROWS)
    write_xlsx(folder / "Ruimte.xlsx", BASIC_ROWS[:3])
    renamed(monitor, "Oud overzicht.xlsx")
    result = run("build", folder, "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total_actions"] == len(BASIC_ROWS) + 3
    skipped = [w for w in data["warnings"] if w["where"] == "Oud overzicht.xlsx"]
    assert skipped == [
        {
            "code": "source_is_monitor",
            "where": "Oud overzicht.xlsx",
            "message": "dit is een monitor van mvi-xl, geen register; overgeslagen",
            "hint": "Geen actie nodig; hoort de monitor niet in de map met registers, haal hem "
            "er dan uit.",
        }
    ]
    notes = {n["where"] for n in data["notices"]}
    assert {"Inkoop.xlsx", "Ruimte.xlsx"} <= notes and "Oud overzicht.xlsx" not in notes
    # a warning like any other: --strict refuses the folder
    strict = run("check", folder, "--as-of", AS_OF, "--strict")
    assert strict.exit_code == 3 and "overgeslagen" in strict.stderr


def test_beside_one_register_the_warning_stays(monitor: Path):
    folder = monitor.parent / "registers"
    folder.mkdir()
    write_xlsx(folder / "Inkoop.xlsx", BASIC_ROWS)
    renamed(monitor, "Kopie.xlsx")
    result = run("check", folder, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "  Kopie.xlsx: dit is een monitor van mvi-xl, geen register; overgeslagen" in (
        result.stderr
    )


def test_a_folder_of_nothing_but_monitors_has_no_registers(monitor: Path):
    folder = renamed(monitor, "Register.xlsx").parent
    result = run("build", folder, "--as-of", AS_OF)
    assert result.exit_code == 3
    assert "in deze map staat geen register" in result.stderr


def test_a_monitor_named_on_the_command_line_among_registers_is_refused(monitor: Path):
    register = monitor.with_name("Actieplan.xlsx")
    result = run("build", register, monitor, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert f"{monitor}: dit is een monitor van mvi-xl" in result.stderr
