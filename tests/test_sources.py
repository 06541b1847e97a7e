"""Registers copied twice (issue #12, point 7): a file given twice or a byte-identical copy is
read once, with a warning; the same action from two sources is a warning."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl import registers as registers_module
from mvi_xl.cli import cli
from mvi_xl.compute import duplicate_actions
from mvi_xl.model import Action, Finding
from mvi_xl.registers import _named_as_copy, distinct_sources

from .conftest import VIEW_HEADER, write_xlsx

LIMIT = 50 * 1024 * 1024


def row(nr, status="lopend", *, text=None, department="Inkoop"):
    return [nr, text or f"Actie {department} {nr}", "Aan de slag in 2019", status, department]


HEADER = VIEW_HEADER[:5]  # Nr, Actie, Periode, Status, Afdeling


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def registers(folder: Path) -> Path:
    """Inkoop (2 actions) and Ruimte (3 actions): 5 distinct actions."""
    folder.mkdir()
    write_xlsx(folder / "Inkoop.xlsx", [row("1", "voltooid"), row("2")], header=HEADER)
    write_xlsx(
        folder / "Ruimte.xlsx",
        [row(str(n), department="Ruimte") for n in (1, 2, 3)],
        header=HEADER,
    )
    return folder


def build_json(*args) -> dict:
    result = run("build", *args, "--as-of", "2018-11-01", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- Through the command ----------------------------------------------------------------------


def test_a_folder_is_listed_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The register files are worked out once and handed on: config, reading, fingerprint,
    the log file's check and every department's monitor all see the same list."""
    folder = registers(tmp_path / "MVI")
    listings = []
    real = registers_module.folder_registers
    monkeypatch.setattr(
        registers_module, "folder_registers", lambda f: listings.append(f) or real(f)
    )
    data = build_json(folder, "--log-file", tmp_path / "runs.log")
    assert data["total_actions"] == 5 and listings == [folder]
    listings.clear()
    result = run("build", folder, "--per-afdeling", "-o", tmp_path / "per afdeling")
    assert result.exit_code == 0, result.output
    assert listings == [folder]


def test_a_byte_identical_copy_in_a_folder_is_read_once(tmp_path: Path):
    folder = registers(tmp_path / "MVI")
    shutil.copyfile(folder / "Inkoop.xlsx", folder / "Kopie van Inkoop.xlsx")
    data = build_json(folder)
    assert data["total_actions"] == 5  # 2 + 3, the copy's 2 not again
    assert [n["where"] for n in data["notices"][:2]] == ["Inkoop.xlsx", "Ruimte.xlsx"]
    [warning] = [w for w in data["warnings"] if w["where"] == "Kopie van Inkoop.xlsx"]
    assert warning["message"] == (
        "'Kopie van Inkoop.xlsx' is hetzelfde bestand als 'Inkoop.xlsx' (exacte kopie); "
        "alleen 'Inkoop.xlsx' is gelezen"
    )
    assert len(data["warnings"]) == 1


def test_of_two_identical_files_the_original_is_read_even_when_the_copy_comes_first(
    tmp_path: Path,
):
    folder = registers(tmp_path / "MVI")
    shutil.copyfile(folder / "Ruimte.xlsx", folder / "Kopie van Ruimte.xlsx")  # sorts first
    shutil.copyfile(folder / "Ruimte.xlsx", folder / "Ruimte - Kopie.xlsx")
    data = build_json(folder, "--lang", "en")
    assert data["total_actions"] == 5
    assert [n["where"] for n in data["notices"][:2]] == ["Inkoop.xlsx", "Ruimte.xlsx"]
    assert [w["message"] for w in data["warnings"]] == [
        "'Kopie van Ruimte.xlsx' is the same file as 'Ruimte.xlsx' (an exact copy); only "
        "'Ruimte.xlsx' was read",
        "'Ruimte - Kopie.xlsx' is the same file as 'Ruimte.xlsx' (an exact copy); only "
        "'Ruimte.xlsx' was read",
    ]


def test_a_folder_of_one_register_and_its_copy_is_one_register(tmp_path: Path):
    folder = tmp_path / "MVI"
    folder.mkdir()
    write_xlsx(folder / "Inkoop.xlsx", [row("1"), row("2")], header=HEADER)
    shutil.copyfile(folder / "Inkoop.xlsx", folder / "Inkoop (1).xlsx")
    data = build_json(folder)
    assert data["total_actions"] == 2
    assert not any("acties gelezen" in n["message"] for n in data["notices"])  # not combined
    assert [w["where"] for w in data["warnings"]] == ["Inkoop (1).xlsx"]
    assert "Bron" not in _acties_header(folder / "MVI-monitor.xlsx")
    strict = run("check", folder, "--strict")
    assert strict.exit_code == 3 and "Inkoop (1).xlsx" in strict.stderr


def test_the_same_file_given_twice_is_read_once(tmp_path: Path):
    folder = registers(tmp_path / "MVI")
    (folder / "sub").mkdir()
    again = folder / "sub" / ".." / "Inkoop.xlsx"
    data = build_json(
        folder / "Inkoop.xlsx", again, folder / "Ruimte.xlsx", "-o", tmp_path / "m.xlsx"
    )
    assert data["total_actions"] == 5
    [warning] = [w for w in data["warnings"] if "Inkoop.xlsx" in w["where"]]
    assert warning["message"] == (
        f"'{folder / 'Inkoop.xlsx'}' is meer dan eens opgegeven (ook als '{again}'); "
        "één keer gelezen"
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_a_register_given_beside_it_is_read_once(tmp_path: Path):
    folder = registers(tmp_path / "MVI")
    link = tmp_path / "link.xlsx"
    link.symlink_to(folder / "Inkoop.xlsx")
    data = build_json(folder / "Inkoop.xlsx", link, "-o", tmp_path / "m.xlsx")
    assert data["total_actions"] == 2
    assert [w["where"] for w in data["warnings"]] == ["Inkoop.xlsx"]


def test_the_same_action_in_two_registers_is_a_warning_and_counts_twice(tmp_path: Path):
    folder = tmp_path / "MVI"
    folder.mkdir()
    shared = "Social Return bij Groenonderhoud"
    write_xlsx(folder / "Inkoop.xlsx", [row("1"), row("2.13", text=shared)], header=HEADER)
    write_xlsx(
        folder / "Ruimte.xlsx",
        [row("2.13", text="social return  bij groenonderhoud ", department="Ruimte"), row("2")],
        header=HEADER,
    )
    data = build_json(folder)
    assert data["total_actions"] == 4  # every row counts once: 2 + 2
    assert data["warnings"] == [
        {
            "code": "duplicate_action",
            "where": "Inkoop.xlsx › Acties!B3",
            "message": "actie 2.13 'Social Return bij Groenonderhoud' staat ook in "
            "Ruimte.xlsx › Acties!B2 (zelfde nummer en tekst); elke rij telt mee",
            "hint": "Staat de actie per ongeluk in twee registers? Haal haar uit één ervan; is "
            "het een andere actie, geef haar dan een eigen nummer.",
        }
    ]


def _acties_header(path: Path) -> list:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True)["Acties"]
    return [c.value for c in next(sheet.iter_rows(max_row=1))]


# --- distinct_sources -------------------------------------------------------------------------


def test_files_of_equal_size_but_other_bytes_are_both_read(tmp_path: Path):
    one, other = tmp_path / "a.csv", tmp_path / "b.csv"
    one.write_text("Actie;Periode;Status\nx;2019;lopend\n")
    other.write_text("Actie;Periode;Status\ny;2019;lopend\n")
    assert distinct_sources([one, other], LIMIT) == ((one, other), ())


def test_empty_or_missing_files_are_left_to_the_reader(tmp_path: Path):
    empty, also, missing = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "c.xlsx"
    empty.write_bytes(b"")
    also.write_bytes(b"")
    assert distinct_sources([empty, also, missing], LIMIT) == ((empty, also, missing), ())


def test_files_beyond_the_limit_are_not_hashed(tmp_path: Path):
    one, other = tmp_path / "a.csv", tmp_path / "b.csv"
    one.write_bytes(b"x" * 100)
    other.write_bytes(b"x" * 100)
    assert distinct_sources([one, other], 99) == ((one, other), ())
    kept, [finding] = distinct_sources([one, other], 100)
    assert kept == (one,)
    assert finding == Finding("duplicate_file", "b.csv", {"copy": "b.csv", "original": "a.csv"})


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("Inkoop.xlsx", False),
        ("Kopie van Inkoop.xlsx", True),
        ("kopie van inkoop.xlsx", True),
        ("Copy of Inkoop.xlsx", True),
        ("Inkoop - Kopie.xlsx", True),
        ("Inkoop - Kopie (2).xlsx", True),
        ("Inkoop - Copy.xlsx", True),
        ("Inkoop (1).xlsx", True),
        ("Inkoop kopie.xlsx", True),
        ("Kopieerwerk.xlsx", False),
        ("Register 2019 (def).xlsx", False),
    ],
)
def test_named_as_copy(name: str, copy: bool):
    assert _named_as_copy(Path(name)) is copy


# --- duplicate_actions ------------------------------------------------------------------------


def action(source: str, row: int, id: str, text: str) -> Action:
    return Action(
        row=row,
        text=text,
        period="P",
        status="lopend",
        status_text="lopend",
        id=id,
        source=source,
    )


def place(a: Action) -> str:
    return f"{a.source} › Acties!B{a.row}"


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        # equal id and text from two sources: one warning at the first, naming the other
        (
            [action("A", 2, "1", "Papier"), action("B", 5, "1", "Papier")],
            [("A › Acties!B2", "B › Acties!B5")],
        ),
        # case and runs of spaces don't count
        (
            [action("A", 2, "1a", "Duurzaam  papier "), action("B", 3, "1A", "duurzaam papier")],
            [("A › Acties!B2", "B › Acties!B3")],
        ),
        # three sources: one warning naming both others
        (
            [action("A", 2, "1", "x"), action("B", 2, "1", "x"), action("C", 9, "1", "x")],
            [("A › Acties!B2", "B › Acties!B2, C › Acties!B9")],
        ),
        # not the same action
        ([action("A", 2, "1", "Papier"), action("B", 2, "1", "Textiel")], []),
        ([action("A", 2, "1", "Papier"), action("B", 2, "2", "Papier")], []),
        ([action("A", 2, "", "Papier"), action("B", 2, "", "Papier")], []),  # no id
        ([action("A", 2, "1", ""), action("B", 2, "1", "")], []),  # no text
        ([action("A", 2, "1", "Papier"), action("A", 3, "1", "Papier")], []),  # one source
        ([], []),
    ],
)
def test_duplicate_actions(actions: list[Action], expected: list[tuple[str, str]]):
    found = duplicate_actions(actions, place)
    assert [(f.where, f.params["others"]) for f in found] == expected
    assert all(f.code == "duplicate_action" for f in found)


def test_duplicate_actions_takes_a_mapping_of_places():
    first, second = action("Acties", 2, "1", "x"), action("Oud", 7, "1", "x")
    [finding] = duplicate_actions([first, second], {first: "Acties!B2", second: "Oud!B7"})
    assert finding.render("en")[0] == (
        "action 1 'x' is also in Oud!B7 (same number and text); every row counts"
    )
