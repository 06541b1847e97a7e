"""Themes and colours as registers keep them: several themes in a cell, theme columns, and
traffic lights and statuses kept as cell colours."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.styles import PatternFill
from openpyxl.styles.colors import Color

from mvi_xl.cli import cli
from mvi_xl.reader import read_register
from mvi_xl.reader.fills import colour_name
from mvi_xl.reader.themes import Themes, is_mark

from .kept import LIGHTS, Y2017, colour_statuses


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# --- themes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, themes",
    [
        ("Klimaat", ("Klimaat",)),
        ("Klimaat; Circulair", ("Klimaat", "Circulair")),
        ("Klimaat;Circulair;", ("Klimaat", "Circulair")),
        ("Klimaat, Social Return", ("Klimaat", "Social Return")),
        ("Milieu / Circulair", ("Milieu", "Circulair")),
        ("Klimaat en Circulair", ("Klimaat", "Circulair")),
        ("Innovatie & MKB-vriendelijk", ("Innovatie", "MKB-vriendelijk")),
        ("Klimaat; klimaat", ("Klimaat",)),  # once, as first spelled
        ("Diversiteit en inclusie", ("Diversiteit en inclusie",)),  # a known name with "en"
        ("Diversiteit & Inclusie, Klimaat", ("Diversiteit & Inclusie", "Klimaat")),
        ("Ketenverantwoordelijkheid / ISV", ("Ketenverantwoordelijkheid / ISV",)),
        ("Duurzaam en lokaal inkopen", ("Duurzaam en lokaal inkopen",)),  # not two themes
        ("Klimaat en lokaal", ("Klimaat en lokaal",)),  # "en" splits known themes only
        ("  ", ()),
    ],
)
def test_themes_in_one_cell(cell: str, themes: tuple[str, ...]):
    assert Themes().split(cell) == themes


def test_the_organisations_own_themes_are_not_split():
    themes = Themes(["Gezondheid, welzijn"])
    assert themes.split("Gezondheid, welzijn; Klimaat") == ("Gezondheid, welzijn", "Klimaat")


@pytest.mark.parametrize(
    "header, theme",
    [
        ("Klimaat", "Klimaat"),
        ("Thema Circulair", "Circulair"),
        ("MVI-thema: Social Return", "Social Return"),
        ("SROI", "SROI"),
        ("Budget", None),
        ("Thema", None),
    ],
)
def test_theme_columns_by_their_header(header: str, theme):
    assert Themes().column_theme(header) == theme


@pytest.mark.parametrize(
    "value, mark",
    [
        *[("x", True), ("X", True), ("ja", True), ("✓", True), ("1", True), (1, True)],
        *[(None, False), ("", False), ("nee", False), (0, False), ("-", False)],
        *[("misschien", None), (250.0, None)],
    ],
)
def test_marks_in_a_theme_column(value, mark):
    assert is_mark(value) is mark


def test_a_theme_named_column_of_amounts_is_no_theme_column(tmp_path: Path):
    """A column "Social Return" holding euros is a column mvi-xl doesn't use, said so."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr", "Actie", "Periode", "Status", "Social Return"])
    sheet.append(["1", "a", Y2017, "lopend", 25000])
    sheet.append(["2", "b", Y2017, "lopend", 1200])
    book.save(tmp_path / "r.xlsx")
    register = read_register(tmp_path / "r.xlsx")
    assert [a.theme for a in register.actions] == ["", ""]
    assert not register.has("theme")
    (notice,) = register.notices
    assert notice.code == "unused_columns"
    assert notice.params["columns"] == "Social Return (E)"


def test_an_odd_mark_is_named(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr", "Actie", "Periode", "Status", "Klimaat"])
    for number, mark in enumerate(["x", "x", "x", "x", "misschien"], start=1):
        sheet.append([str(number), "a", Y2017, "lopend", mark])
    book.save(tmp_path / "r.xlsx")
    register = read_register(tmp_path / "r.xlsx")
    assert [a.theme for a in register.actions] == ["Klimaat"] * 4 + [""]
    (finding,) = [f for f in register.findings if f.code == "theme_mark"]
    assert finding.where == "Sheet!E6"
    assert finding.params == {"theme": "Klimaat", "count": 1, "value": "misschien"}


# --- colours ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rgb, name",
    [
        ("#00B050", "groen"),  # Excel's standard Green
        ("#92D050", "groen"),  # Light Green
        ("#C6EFCE", "groen"),  # the fill of the "Good" cell style
        ("#FFC000", "oranje"),  # Excel's standard Orange
        ("#ED7D31", "oranje"),
        ("#FFFF00", "geel"),
        ("#FF0000", "rood"),
        ("#C00000", "rood"),  # Dark Red
        ("#FFC7CE", "rood"),  # "Bad"
        ("#0070C0", "blauw"),
        ("#7030A0", "paars"),
        ("#D9D9D9", "grijs"),
        ("#FFFFFF", "wit"),
        ("#000000", "zwart"),
    ],
)
def test_colour_names(rgb: str, name: str):
    assert colour_name(rgb) == name


def _lights(path: Path, fills: list[object]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Acties"
    sheet.append(["Nr", "Actie", "Periode", "Status", "Voortgang"])
    for number, fill in enumerate(fills, start=1):
        sheet.append([str(number), "a", Y2017, "lopend", None])
        if fill is not None:
            sheet.cell(sheet.max_row, 5).fill = PatternFill("solid", fgColor=fill)
    book.save(path)
    return path


def test_traffic_lights_from_rgb_theme_and_indexed_fills(tmp_path: Path):
    fills = [
        "00B050",
        Color(theme=5, tint=0.0),  # openpyxl's theme: accent2, C0504D (red)
        Color(indexed=10),  # the legacy palette's red
        Color(theme=9, tint=-0.25),  # accent6, F79646 darkened: orange
        "0070C0",  # blue: no traffic light
        None,
    ]
    register = read_register(_lights(tmp_path / "r.xlsx", fills))
    assert [a.progress for a in register.actions] == ["groen", "rood", "rood", "oranje", "", ""]
    assert [a.progress_text for a in register.actions][:2] == ["(groen)", "(rood)"]
    (finding,) = [f for f in register.findings if f.code == "progress_colour"]
    assert finding.where == "Acties!E6"


def test_colour_only_statuses_read_through_the_legend(tmp_path: Path):
    register = read_register(colour_statuses(tmp_path / "r.xlsx"))
    assert [a.status for a in register.actions] == ["voltooid", "voltooid", "lopend", "gepland"]
    assert register.actions[0].status_text == "(groen)"


def test_colour_only_statuses_without_a_legend_say_how_to_name_them(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nr", "Actie", "Periode", "Status"])
    sheet.append(["1", "a", Y2017, None])
    sheet["D2"].fill = PatternFill("solid", fgColor=LIGHTS["groen"])
    book.save(tmp_path / "r.xlsx")
    data = json.loads(run("check", tmp_path / "r.xlsx", "--json").stdout)
    (warning,) = data["warnings"]
    assert warning["code"] == "status_colour_only"
    assert "(groen, #00B050)" in warning["message"]
    assert '[statuses] colours = { groen = "voltooid" }' in warning["hint"]
    (tmp_path / "mvi-xl.toml").write_text(
        '[statuses]\ncolours = { groen = "voltooid", "#FF0000" = "gepland" }\n', encoding="utf-8"
    )
    data = json.loads(run("check", tmp_path / "r.xlsx", "--json").stdout)
    assert data["warnings"] == []
    assert data["periods"][0]["by_status"]["voltooid"] == 1


@pytest.mark.parametrize(
    "setting, key",
    [
        ('colours = { paarsblauw = "voltooid" }', "statuses.colours.paarsblauw"),
        ('colours = { groen = "klaar" }', "statuses.colours.groen"),
        ('colours = "groen"', "statuses.colours"),
    ],
)
def test_status_colour_settings_are_checked(tmp_path: Path, setting: str, key: str):
    (tmp_path / "mvi-xl.toml").write_text(f"[statuses]\n{setting}\n", encoding="utf-8")
    register = colour_statuses(tmp_path / "r.xlsx")
    result = run("check", register)
    assert result.exit_code == 2
    assert key in result.stderr


def test_the_legacy_palette_is_excels():
    """The 64 indexed colours a register may use for fills, as openpyxl (test-only) has them."""
    from openpyxl.styles.colors import COLOR_INDEX

    from mvi_xl.reader.fills import INDEXED_COLOURS

    assert tuple("#" + value[2:] for value in COLOR_INDEX) == INDEXED_COLOURS
