"""The year report as a new user meets it: a register kept from 2017 to 2020, published at the
end of 2018 and of 2019, built in 2020. ``--json`` ``years`` and ``summary`` equal the hand
count of test_years.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli

from .conftest import write_xlsx
from .test_years import EXPECTED, HISTORY, ROWS

D = dt.date
HEADER = ["Nr", "Actie", "Periode", "Status", "Thema", "Startdatum", "Datum gereed"]


def run(*args: object) -> dict:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(statuses: dict[str, str] | None = None) -> list[list[object]]:
    """The register as it was when a monitor shows ``statuses`` (only those actions), or as
    it is now."""
    out: list[list[object]] = []
    for key, status, themes, start, completed in ROWS:
        if statuses is not None:
            if key not in statuses:
                continue
            status = statuses[key]
            completed = completed if status == "voltooid" else None
        out.append([key, f"actie {key}", "2017-2020", status, "; ".join(themes), start, completed])
    return out


def build_2017_2020(folder: Path) -> tuple[Path, dict]:
    """The three builds; the JSON of the last."""
    register, monitor = folder / "register.xlsx", folder / "monitor.xlsx"
    for snapshot in HISTORY:
        statuses = {a.id: a.status for a in snapshot.actions}
        write_xlsx(register, rows(statuses), header=HEADER)
        day = snapshot.as_of.isoformat()
        run("build", register, "-o", monitor, "--as-of", day, "--publish", "--json")
    write_xlsx(register, rows(), header=HEADER)
    return monitor, run("build", register, "-o", monitor, "--as-of", "2020-11-01", "--json")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return build_2017_2020(tmp_path_factory.mktemp("years"))


def test_json_years_equal_the_hand_count(built):
    _, data = built
    years = {y["year"]: y for y in data["years"]}
    assert sorted(years) == [2017, 2018, 2019, 2020]
    found = set()
    for year, entry in years.items():
        found.add((year, None, entry["completed"], entry["started"], entry["running_at_year_end"]))
        for theme in entry["themes"]:
            found.add(
                (
                    year,
                    theme["theme"],
                    theme["completed"],
                    theme["started"],
                    theme["running_at_year_end"],
                )
            )
    assert found == set(EXPECTED)


def test_json_summary(built):
    _, data = built
    # since the monitor of 01-11-2019 only action 4 (new, voltooid without a date) is
    # realised: 10's completion date lies after the peildatum (the realised list goes by the
    # date, the year report treats it as missing); without an end date column nothing is said
    # about running late
    assert data["summary"] == (
        "Van de 11 acties zijn er 5 voltooid (45%). Sinds 01-11-2019 is 1 actie gerealiseerd."
    )


def test_json_summary_in_english(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", rows(), header=HEADER)
    data = run("build", register, "--as-of", dt.date(2020, 11, 1), "--json", "--lang", "en")
    assert data["summary"] == "Of the 11 actions, 5 are completed (45%)."


def _table_rows(ws, table) -> list[tuple]:
    cells = ws[table.ref]
    return [tuple(c.value for c in row) for row in cells[1:]]


def test_the_sheet_equals_the_hand_count(built):
    monitor, _ = built
    workbook = openpyxl.load_workbook(monitor)
    assert workbook.sheetnames == [
        "Monitor",
        "Acties",
        "Per thema",
        "Verkenner",
        "Jaaroverzicht",
        "Historie",
        "Toelichting",
    ]
    ws = workbook["Jaaroverzicht"]
    assert set(ws.tables) == {"Jaaroverzicht", "JaaroverzichtTotaal"}
    table = ws.tables["Jaaroverzicht"]
    assert [c.value for c in ws[table.ref][0]] == [
        "Jaar",
        "Thema",
        "Voltooid",
        "Gestart",
        "Lopend eind jaar",
    ]
    label = {"": "(geen thema)"}
    expected = {
        (year, label.get(theme, theme), *numbers)
        for year, theme, *numbers in EXPECTED
        if theme is not None
    }
    values = openpyxl.load_workbook(monitor, data_only=True)["Jaaroverzicht"]  # cached values
    found = _table_rows(values, table)
    assert len(found) == len(expected) and set(found) == expected
    totals = _table_rows(values, ws.tables["JaaroverzichtTotaal"])
    assert totals == [(y, *numbers) for y, theme, *numbers in EXPECTED if theme is None]
    # Gestart is live over Acties (LibreOffice recomputes it: the "years-themes" monitor of
    # tests/monitors.py; Acties: E Thema, F Startdatum); Voltooid and Lopend eind jaar are values
    kinds = {c.column_letter: c.data_type for c in ws[table.ref][1]}
    assert kinds == {"A": "n", "B": "s", "C": "n", "D": "f", "E": "n"}
    assert ws["D6"].value == (
        '=SUMPRODUCT(COUNTIFS(Acties!$D$2:$D$12,"<>gepland",Acties!$F$2:$F$12,">="&DATE(2017,1,1),'
        'Acties!$F$2:$F$12,"<="&DATE(2017,12,31),Acties!$E$2:$E$12,'
        '{"=Klimaat","Klimaat; *","*; Klimaat","*; Klimaat; *"}))'
    )
    assert ws["D21"].value.startswith(  # the peildatum's year ends at the peildatum
        '=COUNTIFS(Acties!$D$2:$D$12,"<>gepland",Acties!$F$2:$F$12,">="&DATE(2020,1,1),'
        'Acties!$F$2:$F$12,"<="&DATE(2020,11,1),Acties!$E$2:$E$12,"")'
    )


def test_the_sheet_lists_the_completed_actions(built):
    monitor, _ = built
    ws = openpyxl.load_workbook(monitor)["Jaaroverzicht"]
    column = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=1, max_col=2)]
    start = column.index(("Voltooid per jaar en thema", None))
    assert start == 23  # two rows below the table (A5:E21: the header and 16 rows)
    lines = [c for c in column[start:] if c != (None, None)]
    assert lines == [
        ("Voltooid per jaar en thema", None),
        (2017, None),
        (None, "Klimaat"),
        ("2", "actie 2"),
        (None, "Circulair"),
        ("2", "actie 2"),
        (2018, None),
        (None, "Klimaat"),
        ("1", "actie 1"),
        (2019, None),
        (None, "Circulair"),
        ("3", "actie 3"),
        (2020, None),
        (None, "Klimaat"),
        ("10", "actie 10"),
        (None, "Social Return"),
        ("4", "actie 4"),
    ]


def test_the_sheet_in_english_and_without_dates(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", rows(), header=HEADER)
    run("build", register, "-o", tmp_path / "en.xlsx", "--json", "--lang", "en")
    workbook = openpyxl.load_workbook(tmp_path / "en.xlsx")
    ws = workbook["Year report"]
    table = ws.tables["Jaaroverzicht"]  # the table's name is the same in every language
    assert [c.value for c in ws[table.ref][0]][-1] == "Running at year end"
    plain = write_xlsx(
        tmp_path / "p.xlsx",
        [["1", "a", "2019", "voltooid"]],
        header=["Nr", "Actie", "Periode", "Status"],
    )
    run("build", plain, "-o", tmp_path / "p-monitor.xlsx", "--json")
    assert "Jaaroverzicht" not in openpyxl.load_workbook(tmp_path / "p-monitor.xlsx").sheetnames


@pytest.mark.parametrize(("limit", "more"), [(1, "… en nog 2 acties"), (2, "… en nog 1 actie")])
def test_a_long_list_is_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit, more):
    from mvi_xl.writer import year_sheet

    monkeypatch.setattr(year_sheet, "LIST_LIMIT", limit)
    done = [
        [str(n), f"actie {n}", "P", "voltooid", "Klimaat", None, D(2019, 3, n)] for n in (1, 2, 3)
    ]
    register = write_xlsx(tmp_path / "r.xlsx", done, header=HEADER)
    data = run("build", register, "-o", tmp_path / "m.xlsx", "--as-of", "2020-11-01", "--json")
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx")["Jaaroverzicht"]
    column = [c.value for c in ws["B"] if c.value is not None]
    listed = [t for t in column if str(t).startswith("actie ")]
    assert listed == [f"actie {n}" for n in range(1, limit + 1)]
    assert column[column.index(listed[-1]) + 1] == more
    # --json lists them all
    assert [a["id"] for a in data["years"][0]["completed_actions"][0]["actions"]] == ["1", "2", "3"]
