"""Which sheets hold actions, and where on them: several action sheets, Excel Tables, sheets
named after themes, departments or years, and the messages when nothing can be read."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.reader import read_register

from .conftest import write_xlsx
from .kept import OPTIONS, THEME_SHEETS, theme_sheets

HEADER = ["Nr", "Actie", "Periode", "Status"]


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def workbook(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    book = xlsxwriter.Workbook(path, OPTIONS)
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
        if name in hidden:
            sheet.hide()
    book.close()
    return path


def codes(register) -> list[str]:
    return [f.code for f in register.findings]


def notices(register) -> list[str]:
    return [f.code for f in register.notices]


def test_every_action_sheet_is_read_into_one_register(tmp_path: Path):
    register = read_register(theme_sheets(tmp_path / "r.xlsx"))
    assert register.sheets == tuple(THEME_SHEETS)
    assert len(register.actions) == sum(map(len, THEME_SHEETS.values()))
    assert [a.sheet for a in register.actions[:4]] == ["Klimaat"] * 3 + ["Circulair"]
    assert {a.theme for a in register.actions} == set(THEME_SHEETS)
    assert notices(register) == ["sheets_skipped", "sheets_as_theme"]
    assert register.notices[0].where == "Overzicht"


def test_equal_ids_on_two_sheets_are_two_actions(tmp_path: Path):
    """Each theme numbers its actions from 1: the history tells them apart by sheet."""
    register = read_register(theme_sheets(tmp_path / "r.xlsx"))
    firsts = [a for a in register.actions if a.id == "1"]
    assert len(firsts) == len(THEME_SHEETS)
    assert len({a.key for a in firsts}) == len(THEME_SHEETS)
    assert firsts[0].key == "Klimaat!1"


def test_sheet_reads_only_the_one_named(tmp_path: Path):
    register = read_register(theme_sheets(tmp_path / "r.xlsx"), sheet="circulair")
    assert register.sheets == ("Circulair",)
    assert len(register.actions) == 2
    assert {a.sheet for a in register.actions} == {""}  # one sheet: no Werkblad column
    assert register.notices == ()


def test_the_acties_sheet_gets_a_werkblad_column(tmp_path: Path):
    register = theme_sheets(tmp_path / "r.xlsx")
    output = tmp_path / "m.xlsx"
    assert run("build", register, "-o", output, "--as-of", "2019-11-01").exit_code == 0
    rows = list(openpyxl.load_workbook(output)["Acties"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Nr", "Actie")
    werkblad = rows[0].index("Werkblad")  # a technical column: after the printed ones
    assert werkblad > rows[0].index("Periode")
    assert [row[werkblad] for row in rows[1:4]] == ["Klimaat"] * 3


def test_a_hidden_action_sheet_beside_visible_ones_is_named_not_counted(tmp_path: Path):
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "Acties": [HEADER, ["1", "a", "2019", "lopend"]],
            "Oud": [HEADER, ["1", "a", "2018", "gepland"], ["2", "b", "2018", "gepland"]],
        },
        hidden=("Oud",),
    )
    register = read_register(path)
    assert len(register.actions) == 1
    (finding,) = [f for f in register.findings if f.code == "hidden_action_sheets"]
    assert finding.where == "Oud"


def test_a_sheet_missing_a_column_beside_good_ones_is_a_warning(tmp_path: Path):
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "Acties": [HEADER, ["1", "a", "2019", "lopend"]],
            "Ideeën": [["Nr", "Actie", "Periode"], ["9", "nieuw idee", "2020"]],
        },
    )
    register = read_register(path)
    assert len(register.actions) == 1
    (finding,) = [f for f in register.findings if f.code == "sheet_not_read"]
    assert finding.where == "'Ideeën'!1:1"
    assert finding.render("nl")[0] == (
        "werkblad niet gelezen: de kolom Status ontbreekt (kopregel op rij 1)"
    )


def test_no_header_on_any_sheet_names_the_sheets_searched(tmp_path: Path):
    path = workbook(tmp_path / "r.xlsx", {"Blad1": [["x", "y"]], "Blad2": [["Titel"]]})
    result = run("check", path)
    assert result.exit_code == 3
    assert "de werkbladen Blad1, Blad2" in result.stderr
    assert "Traceback" not in result.output


def test_every_missing_column_is_named(tmp_path: Path):
    path = workbook(tmp_path / "r.xlsx", {"Acties": [["Nr", "Actie", "Trekker"], ["1", "a"]]})
    result = run("check", path)
    assert result.exit_code == 3
    assert "verplichte kolommen 'Periode', 'Status' ontbreken" in result.stderr


def test_sheets_named_after_years_give_the_period(tmp_path: Path):
    """One sheet per year, no Periode column: the sheet's name is the period."""
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "2019": [["Nr", "Actie", "Status"], ["1", "a", "voltooid"], ["2", "b", "lopend"]],
            "2020": [["Nr", "Actie", "Status"], ["1", "c", "gepland"]],
        },
    )
    register = read_register(path)
    assert [(a.sheet, a.period, a.status) for a in register.actions] == [
        ("2019", "2019", "voltooid"),
        ("2019", "2019", "lopend"),
        ("2020", "2020", "gepland"),
    ]
    assert notices(register) == ["period_from_sheet", "period_from_sheet"]
    assert "empty_period" not in codes(register)


def test_section_headings_give_the_period_without_a_period_column(tmp_path: Path):
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "Acties": [
                ["Nr", "Actie", "Status"],
                ["Wat doen we al goed?"],
                ["1", "a", "voltooid"],
                ["Aan de slag in 2017"],
                ["2", "b", "lopend"],
                ["3", "c", "gepland"],
            ]
        },
    )
    register = read_register(path)
    assert [a.period for a in register.actions] == [
        "Wat doen we al goed?",
        "Aan de slag in 2017",
        "Aan de slag in 2017",
    ]
    assert register.periods == ("Wat doen we al goed?", "Aan de slag in 2017")
    assert notices(register) == ["period_from_sections"]


def test_without_period_column_and_headings_the_column_is_missing(tmp_path: Path):
    path = workbook(tmp_path / "r.xlsx", {"Acties": [["Nr", "Actie", "Status"], ["1", "a", "x"]]})
    result = run("check", path)
    assert result.exit_code == 3
    assert "verplichte kolom 'Periode' ontbreekt" in result.stderr


def test_sheets_named_after_departments_fill_the_department(tmp_path: Path):
    rows = [HEADER, ["1", "a", "2019", "lopend"]]
    path = workbook(tmp_path / "r.xlsx", {"Afdeling Inkoop": rows, "Afdeling Ruimte": rows})
    data = json.loads(run("check", path, "--json").stdout)
    assert [n["code"] for n in data["notices"]] == ["sheets_as_department"]
    register = read_register(path)
    assert [a.department for a in register.actions] == ["Afdeling Inkoop", "Afdeling Ruimte"]


def test_sheet_names_fill_nothing_the_register_has_a_column_for(tmp_path: Path):
    rows = [[*HEADER, "Thema"], ["1", "a", "2019", "lopend", "Milieu"]]
    path = workbook(tmp_path / "r.xlsx", {"Klimaat": rows, "Circulair": rows})
    register = read_register(path)
    assert [a.theme for a in register.actions] == ["Milieu", "Milieu"]
    assert "sheets_as_theme" not in notices(register)


def test_the_same_action_on_two_sheets_is_a_warning(tmp_path: Path):
    rows = [HEADER, ["1", "Papier", "2019", "lopend"]]
    path = workbook(tmp_path / "r.xlsx", {"Acties": rows, "Acties (2)": rows})
    data = json.loads(run("check", path, "--json").stdout)
    assert data["total_actions"] == 2  # both rows count; the warning says so
    (warning,) = [w for w in data["warnings"] if w["code"] == "duplicate_action"]
    assert warning["where"] == "Acties!B2"
    assert "'Acties (2)'!B2" in warning["message"]


# --- Excel Tables ---------------------------------------------------------------------------


def _table_sheet(path: Path, tables: list[tuple[int, int, list[list], bool]], extra=()) -> Path:
    """Tables at (first row, first column) with their rows (header first) and a totals row."""
    book = xlsxwriter.Workbook(path, OPTIONS)
    sheet = book.add_worksheet("Acties")
    for number, (row, col, rows, totals) in enumerate(tables, start=1):
        header, *data = rows
        columns = [{"header": h} for h in header]
        if totals:
            columns[0]["total_string"] = "Totaal"
            columns[-1]["total_function"] = "count"
        last = row + len(data) + (1 if totals else 0)
        options = {"name": f"Tabel{number}", "columns": columns, "total_row": totals}
        if data:
            options["data"] = data
        sheet.add_table(row, col, max(last, row + 1), col + len(header) - 1, options)
    for r, c, value in extra:
        sheet.write(r, c, value)
    book.close()
    return path


def test_a_table_decides_where_the_actions_are(tmp_path: Path):
    rows = [HEADER, ["1", "a", "2019", "voltooid"], ["2", "b", "2019", "0"]]
    extra = [(0, 0, "Titel"), (7, 0, "1"), (7, 1, "kladje"), (8, 0, "Legenda: x")]
    register = read_register(_table_sheet(tmp_path / "r.xlsx", [(2, 0, rows, True)], extra))
    # the second row's status "0" is what the user typed: it stays an action (unknown status)
    assert [a.id for a in register.actions] == ["1", "2"]
    (notice,) = register.notices
    assert (notice.code, notice.where) == ("outside_table", "Acties!8:9")


def test_two_tables_on_one_sheet_are_both_read(tmp_path: Path):
    first = [HEADER, ["1", "a", "2019", "voltooid"]]
    second = [HEADER, ["2", "b", "2020", "lopend"], ["3", "c", "2020", "gepland"]]
    path = _table_sheet(tmp_path / "r.xlsx", [(0, 0, first, True), (0, 6, second, False)])
    register = read_register(path)
    assert [(a.id, a.period) for a in register.actions] == [
        ("1", "2019"),
        ("2", "2020"),
        ("3", "2020"),
    ]


def test_a_table_that_is_no_register_leaves_the_sheet_to_its_header(tmp_path: Path):
    """A small legend table beside the register: its header names no actions, so the sheet's
    own header row is found as without tables."""
    legend = [["Kleur", "Betekenis"], ["groen", "op schema"]]
    path = _table_sheet(
        tmp_path / "r.xlsx",
        [(0, 6, legend, False)],
        extra=[
            *((0, col, name) for col, name in enumerate(HEADER)),
            *((1, col, value) for col, value in enumerate(["1", "a", "2019", "lopend"])),
        ],
    )
    register = read_register(path)
    assert [a.id for a in register.actions] == ["1"]


@pytest.mark.parametrize(
    "attributes, expected",
    [
        ('ref="A3:D10" totalsRowCount="1"', (2, 0, 9, 3, 1, 1)),
        ('ref="$B$2:$E$5"', (1, 1, 4, 4, 1, 0)),
        ('ref="A1:C4" headerRowCount="0"', (0, 0, 3, 2, 0, 0)),
        ('ref="A1"', (0, 0, 0, 0, 1, 0)),
        ('ref="nonsense"', None),
        ('ref="D4:A1"', None),
        ('ref="A1:B3" totalsRowCount="x"', None),
    ],
)
def test_table_parts_as_written(attributes: str, expected):
    from mvi_xl.reader.tables import _TableElement

    element = _TableElement()
    attrs = dict(part.split("=", 1) for part in attributes.split())
    element.start("table", {k: v.strip('"') for k, v in attrs.items()})
    found = element.range
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (
            found.first_row,
            found.first_col,
            found.last_row,
            found.last_col,
            found.header_rows,
            found.totals_rows,
        ) == expected


def test_an_old_style_register_reads_as_before(tmp_path: Path):
    """One sheet, no Table, no headings: nothing changes (no section, no sheet, no notice)."""
    path = write_xlsx(tmp_path / "r.xlsx", [["1", "a", "2019", "lopend", None]])
    register = read_register(path)
    (action,) = register.actions
    assert (action.sheet, action.section, action.themes) == ("", "", ())
    assert register.notices == ()


def test_a_sheet_that_repeats_another_is_a_copy_not_more_actions(tmp_path: Path):
    """An old copy of the register kept as a sheet: the same numbers and texts, other
    statuses. Reading it too would count every action twice; it is left out, said so."""
    now = [HEADER] + [[str(n), f"Actie {n}", "2019", "voltooid"] for n in range(1, 6)]
    old = [HEADER] + [[str(n), f"Actie {n}", "2019", "gepland"] for n in range(1, 6)]
    old.append(["6", "Actie die later verviel", "2019", "gepland"])
    path = workbook(tmp_path / "r.xlsx", {"Acties": now, "Acties okt 2018": old})
    register = read_register(path)
    assert len(register.actions) == 5
    assert {a.status for a in register.actions} == {"voltooid"}
    (finding,) = [f for f in register.findings if f.code == "sheet_repeats"]
    assert finding.where == "'Acties okt 2018'"
    assert finding.params["other"] == "Acties"
    assert register.sheets == ("Acties",)
    assert {a.sheet for a in register.actions} == {""}  # one sheet read: no Werkblad column
