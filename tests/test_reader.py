"""Reading registers as staff keep them: formats, sheets, headers, rows and their warnings."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from mvi_xl.config import Config
from mvi_xl.errors import RegisterError
from mvi_xl.reader import read_register
from mvi_xl.reader.csvfile import sniff_delimiter

from .conftest import BASIC_ROWS, HEADER, write_csv, write_xlsx


def codes(register) -> list[tuple[str, str]]:
    return [(f.code, f.where) for f in register.findings]


def test_title_rows_merged_title_and_blank_rows(basic_register: Path):
    register = read_register(basic_register)
    assert register.sheet == "Acties"
    assert register.header_row == 4
    assert len(register.actions) == len(BASIC_ROWS)
    assert [a.row for a in register.actions][:2] == [5, 6]
    assert register.findings == ()


def test_actions_keep_the_users_text(basic_register: Path):
    first, second = read_register(basic_register).actions[:2]
    assert first.id == "1.1"
    assert first.text == "Duurzame criteria in aanbesteding Papier"
    assert first.status == "voltooid" and first.status_text == "Voltooid"
    assert first.completed == dt.date(2018, 7, 5)  # typed as text
    assert second.status_text == "afgerond"  # trailing space removed
    assert second.completed == dt.date(2018, 9, 1)  # a date cell


def test_periods_in_order_of_first_appearance(tmp_path: Path):
    rows = [
        ["1", "a", "B-periode", "lopend", None],
        ["2", "b", "A-periode", "lopend", None],
        ["3", "c", "b-periode ", "lopend", None],
    ]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert register.periods == ("B-periode", "A-periode")
    assert [a.period for a in register.actions] == ["B-periode", "A-periode", "B-periode"]


def test_one_period_whatever_its_dashes(tmp_path: Path):
    """Staff type the same period with and without spaces around the dash, or with an en
    dash from Word: one period, spelled as it first appears."""
    rows = [
        ["1", "a", "Aan de slag in 2022-2023", "lopend", None],
        ["2", "b", "Aan de slag in 2022 - 2023", "lopend", None],
        ["3", "c", "aan de slag in 2022 – 2023", "lopend", None],
        ["4", "d", "Aan de slag in 2024", "lopend", None],
    ]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert register.periods == ("Aan de slag in 2022-2023", "Aan de slag in 2024")
    assert {a.period for a in register.actions[:3]} == {"Aan de slag in 2022-2023"}


def test_blank_rows_between_blocks_are_skipped(tmp_path: Path):
    rows = [BASIC_ROWS[0], [], [None, "  ", None], BASIC_ROWS[1], [], [], BASIC_ROWS[2]]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert [a.id for a in register.actions] == ["1.1", "1.2", "1.3"]
    assert register.findings == ()


def test_repeated_header_between_blocks_is_skipped_with_a_note(tmp_path: Path):
    rows = [BASIC_ROWS[0], [], HEADER, BASIC_ROWS[1]]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert len(register.actions) == 2
    assert codes(register) == [("repeated_header", "Acties!4:4")]


def test_unknown_status_and_missing_period_are_counted_and_reported(tmp_path: Path):
    rows = [
        ["1", "a", "P", "afgerondd", None],
        ["2", "b", None, "lopend", None],
        ["3", "c", "P", None, None],
        ["4", None, "P", "lopend", None],
    ]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows, sheet="Blad 1"))
    assert [a.status for a in register.actions] == ["onbekend", "lopend", "onbekend", "lopend"]
    assert [a.period for a in register.actions] == ["P", "", "P", "P"]
    assert codes(register) == [
        ("unknown_status", "'Blad 1'!D2"),
        ("empty_period", "'Blad 1'!C3"),
        ("empty_status", "'Blad 1'!D4"),
        ("empty_action", "'Blad 1'!B5"),
    ]
    unknown = register.findings[0]
    message, hint = unknown.render("nl")
    assert "afgerondd" in message and "'afgerond'" in hint and "mvi-xl.toml" in hint


def test_text_only_outside_the_columns_is_reported_not_counted(tmp_path: Path):
    rows = [BASIC_ROWS[0], [None, None, None, None, None, "losse notitie"]]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert len(register.actions) == 1
    assert codes(register) == [("stray_row", "Acties!F3")]


def test_bad_dates_are_reported_and_ignored(tmp_path: Path):
    rows = [["1", "a", "P", "voltooid", "31-02-2018"]]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert register.actions[0].completed is None
    assert codes(register) == [("bad_date", "Acties!E2")]


def test_numeric_ids_show_as_typed(tmp_path: Path):
    rows = [
        [12, "a", "P", "lopend", None],
        ["3.80", "b", "P", "lopend", None],
        [2.13, "c", "P", "lopend", None],
    ]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows))
    assert [a.id for a in register.actions] == ["12", "3.80", "2.13"]


def test_first_sheet_with_a_header_is_chosen(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        BASIC_ROWS,
        sheet="Actieplan 2017-2020",
        before_sheets={"Uitleg": [["Dit register bevat de acties."], ["Status"]]},
    )
    register = read_register(path)
    assert register.sheet == "Actieplan 2017-2020"
    assert len(register.actions) == len(BASIC_ROWS)


def test_sheet_option_overrides(tmp_path: Path):
    other = [["9", "andere", "Q", "gepland", None]]
    path = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS, extra_sheets={"Oud": [HEADER, *other]})
    assert read_register(path, sheet="Oud").actions[0].text == "andere"
    assert read_register(path, sheet="oud ").sheet == "Oud"
    with pytest.raises(RegisterError) as caught:
        read_register(path, sheet="Nieuw")
    assert caught.value.code == "no_sheet"
    assert "Acties, Oud" in caught.value.render("nl")


def test_header_beyond_the_scan_is_not_found(tmp_path: Path):
    path = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS, above=[[]] * 20)
    with pytest.raises(RegisterError) as caught:
        read_register(path)
    assert caught.value.code == "no_header"


def test_header_on_row_20_is_found(tmp_path: Path):
    path = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS, above=[["titel"]] + [[]] * 18)
    assert read_register(path).header_row == 20


def test_missing_status_column_names_the_column_and_the_sheet(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [r[:3] for r in BASIC_ROWS],
        header=["Nr", "Actie", "Periode"],
        sheet="Mijn acties",
    )
    with pytest.raises(RegisterError) as caught:
        read_register(path)
    line = caught.value.render("nl")
    assert caught.value.exit_code == 3
    assert "Mijn acties" in line and "'Status'" in line and "\n" not in line


def test_duplicate_columns_use_the_best_name_and_warn(tmp_path: Path):
    header = ["Nr", "Omschrijving", "Actie", "Periode", "Status"]
    rows = [["1", "lange tekst", "korte", "P", "lopend"]]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows, header=header))
    assert register.actions[0].text == "korte"  # "Actie" ranks above "Omschrijving"
    assert codes(register) == [("duplicate_column", "Acties!B1")]


def test_configured_header_names(tmp_path: Path):
    header = ["Wat gaan we doen", "Periode", "Stand van zaken"]
    path = write_xlsx(tmp_path / "r.xlsx", [["a", "P", "lopend"]], header=header)
    with pytest.raises(RegisterError):
        read_register(path, config=Config(columns={}))
    register = read_register(path, config=Config(columns={"action": ("Wat gaan we doen",)}))
    assert register.actions[0].text == "a"


def test_highlight_and_progress_columns(tmp_path: Path):
    header = [*HEADER, "Op monitor", "Voortgang"]
    rows = [
        ["1", "a", "P", "lopend", None, "ja", "Groen"],
        ["2", "b", "P", "lopend", None, "nee", "paars"],
        ["3", "c", "P", "lopend", None, None, "vraagt aandacht"],
    ]
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows, header=header))
    assert [a.highlight for a in register.actions] == [True, False, False]
    assert [a.progress for a in register.actions] == ["groen", "", "oranje"]
    assert codes(register) == [("bad_progress", "Acties!G3")]


def test_optional_sheets(tmp_path: Path):
    focus = [["Aandachtspunten"], ["Herijken Social Return"], [], ["- Ambassadeur per afdeling"]]
    communication = [
        ["Moment", "Datum", "Status"],
        ["Presentatie leernetwerk", dt.date(2018, 9, 20), "gerealiseerd"],
        ["Volgende monitor", "1-2-2019", "Gepland"],
        ["Nieuwsbrief", "1-10-2018", None],
        ["Persbericht", None, "misschien"],
    ]
    path = write_xlsx(
        tmp_path / "r.xlsx",
        BASIC_ROWS,
        extra_sheets={"Aandachtspunten": focus, "Communicatie": communication},
    )
    register = read_register(path)
    assert register.focus_points == ("Herijken Social Return", "Ambassadeur per afdeling")
    moments = register.communications
    assert [(m.text, m.date, m.status) for m in moments] == [
        ("Presentatie leernetwerk", dt.date(2018, 9, 20), "gerealiseerd"),
        ("Volgende monitor", dt.date(2019, 2, 1), "gepland"),
        ("Nieuwsbrief", dt.date(2018, 10, 1), ""),
        ("Persbericht", None, ""),
    ]
    assert codes(register) == [("communication_status", "Communicatie!C5")]


# --- CSV -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (";", "utf-8-sig"),
        (";", "utf-8"),
        (",", "utf-8"),
        (";", "cp1252"),
        ("\t", "utf-8"),
    ],
)
def test_csv_as_excel_writes_it(tmp_path: Path, delimiter: str, encoding: str):
    rows = [
        *BASIC_ROWS,
        [
            "4.1",
            "Inkoop bij sociale ondernemingen, één per jaar",
            "Aan de slag in 2017",
            "gereed",
            "01-02-2018",
        ],
    ]
    path = write_csv(tmp_path / "register.csv", rows, delimiter=delimiter, encoding=encoding)
    register = read_register(path)
    assert register.kind == "csv"
    assert len(register.actions) == len(rows)
    assert register.actions[-1].text == "Inkoop bij sociale ondernemingen, één per jaar"
    assert register.actions[0].completed == dt.date(2018, 7, 5)
    assert register.findings == ()


def test_csv_warnings_name_the_cell_without_a_sheet(tmp_path: Path):
    path = write_csv(tmp_path / "register.csv", [["1", "a", "P", "xyzzy", ""]])
    assert codes(read_register(path)) == [("unknown_status_nohint", "D2")]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a;b;c\n1;2;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ('Actie;Periode;Status\n"Papier, enveloppen";2017;lopend\n', ";"),
        ("Actie,Periode,Status\nPapier; enveloppen,2017,lopend\n", ","),
    ],
)
def test_sniff_delimiter(text: str, delimiter: str):
    assert sniff_delimiter(text) == delimiter


# --- Decided by content ----------------------------------------------------------------------


def test_xlsx_with_a_csv_name_is_read_as_xlsx(tmp_path: Path, basic_register: Path):
    renamed = tmp_path / "export.csv"
    shutil.copy(basic_register, renamed)
    register = read_register(renamed)
    assert register.kind == "xlsx" and len(register.actions) == len(BASIC_ROWS)


def test_csv_with_an_xlsx_name_is_read_as_csv(tmp_path: Path):
    path = write_csv(tmp_path / "register.xlsx", BASIC_ROWS)
    assert read_register(path).kind == "csv"


def test_xlsm_keeps_its_kind(tmp_path: Path, basic_register: Path):
    macro = tmp_path / "register.xlsm"
    shutil.copy(basic_register, macro)
    assert read_register(macro).kind == "xlsm"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty_file"),
        (b"\x00\x01\x02\x03" * 100, "not_spreadsheet"),
        (b"PK\x03\x04" + b"\x00" * 100, "damaged"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    with pytest.raises(RegisterError) as caught:
        read_register(path)
    assert caught.value.code == code


def test_missing_file_and_folder(tmp_path: Path):
    with pytest.raises(RegisterError) as caught:
        read_register(tmp_path / "weg.xlsx")
    assert caught.value.code == "not_found"
    with pytest.raises(RegisterError) as caught:
        read_register(tmp_path)
    assert caught.value.code == "is_folder"


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_libreoffice_formats(tmp_path: Path, basic_register: Path, soffice: str, kind: str):
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            kind,
            "--outdir",
            str(tmp_path / "out"),
            str(basic_register),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = tmp_path / "out" / f"register.{kind}"
    register = read_register(converted)
    assert register.kind == kind
    original = read_register(basic_register)
    assert [(a.id, a.text, a.period, a.status, a.completed) for a in register.actions] == [
        (a.id, a.text, a.period, a.status, a.completed) for a in original.actions
    ]
