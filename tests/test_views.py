"""Views per department and theme, a monitor per department, several registers in one monitor,
and the signals mvi-xl finds in a register."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import registers
from mvi_xl.cli import cli
from mvi_xl.compute import compute_monitor
from mvi_xl.config import Config, SignalSettings, parse_config
from mvi_xl.errors import ConfigError
from mvi_xl.history import history_path, load_history
from mvi_xl.names import safe_file_name, safe_file_names
from mvi_xl.reader import read_register
from mvi_xl.signals import period_end

from .conftest import VIEW_HEADER, write_xlsx

D = dt.date
AS_OF = D(2018, 11, 1)
HEADER = VIEW_HEADER


def row(
    nr,
    status="lopend",
    *,
    period="Aan de slag in 2019",
    department="Inkoop",
    theme="Circulair",
    owner="Teamleider",
    end=None,
    done=None,
    progress=None,
):
    return [nr, f"Actie {nr}", period, status, department, theme, owner, end, done, progress]


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def table_values(path: Path, sheet: str, table: str) -> list[list]:
    formulas = openpyxl.load_workbook(path)[sheet]
    ref = formulas.tables[table].ref
    cached = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [[c.value for c in r] for r in cached[ref]]


# --- Per afdeling, per thema ------------------------------------------------------------------


def test_department_and_theme_sheets(tmp_path: Path):
    rows = [
        row("1", "voltooid", done=D(2018, 5, 1)),
        row("2"),
        row("3", department="Ruimte"),
        row("4", "gepland", department="", theme="Social Return"),
        row("5", "gepland", department="ruimte ", theme=""),
    ]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER)
    output = tmp_path / "m.xlsx"
    assert run("build", register, "-o", output, "--as-of", "2018-11-01").exit_code == 0
    workbook = openpyxl.load_workbook(output)
    assert workbook.sheetnames[:4] == ["Monitor", "Acties", "Per afdeling", "Per thema"]
    assert table_values(output, "Per afdeling", "PerAfdeling") == [
        ["Afdeling", "Totaal", "Voltooid", "Lopend", "Gepland", "Vervallen", "Aandeel voltooid"],
        ["Inkoop", 2, 1, 1, 0, 0, 0.5],
        ["Ruimte", 2, 0, 1, 1, 0, 0],  # "ruimte " is the same department
        ["(geen afdeling)", 1, 0, 0, 1, 0, 0],
        ["Totaal", 5, 1, 2, 2, 0, 0.2],
    ]
    assert table_values(output, "Per thema", "PerThema")[1:4] == [
        ["Circulair", 3, 1, 2, 0, 0, pytest.approx(1 / 3)],
        ["Social Return", 1, 0, 0, 1, 0, 0],
        ["(geen thema)", 1, 0, 0, 1, 0, 0],
    ]
    sheet = workbook["Per afdeling"]
    assert sheet["B4"].value.startswith("=COUNTIFS(Acties!$F$2:$F$6,")
    assert sheet["C6"].value == '=COUNTIFS(Acties!$D$2:$D$6,"voltooid",Acties!$F$2:$F$6,"")'
    chart = sheet._charts[0]
    assert chart.series[0].val.numRef.f == "'Per afdeling'!$C$4:$C$6"


def test_no_department_column_no_sheet(basic_register: Path, tmp_path: Path):
    run("build", basic_register, "-o", tmp_path / "m.xlsx")
    names = openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames
    assert "Per afdeling" not in names and "Per thema" not in names


# --- A monitor per department -----------------------------------------------------------------


def test_per_department_on_the_example_adds_up(tmp_path: Path):
    folder = tmp_path / "per afdeling"
    result = run("build", "--example", "--per-afdeling", "-o", folder, "--json")
    assert result.exit_code == 0, result.output
    monitors = json.loads(result.stdout)["monitors"]
    assert sum(m["total_actions"] for m in monitors) == 124
    for status in ("voltooid", "lopend", "gepland", "vervallen"):
        assert (
            sum(p["by_status"][status] for m in monitors for p in m["periods"])
            == {"voltooid": 81, "lopend": 26, "gepland": 16, "vervallen": 1}[status]
        )
    names = sorted(p.name for p in folder.glob("*-monitor.xlsx"))
    assert "Inkoop-monitor.xlsx" in names and len(names) == len(monitors)
    inkoop = openpyxl.load_workbook(folder / "Inkoop-monitor.xlsx")["Monitor"]
    assert "Afdeling Inkoop" in inkoop["B2"].value


def test_per_department_names_are_safe_and_the_bucket_is_kept(tmp_path: Path):
    rows = [
        row("1", department="Inkoop/Facilitair"),
        row("2", department="Inkoop:Facilitair"),
        row("3", department="CON"),
        row("4", department=""),
    ]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER)
    result = run("build", register, "--per-afdeling", "-o", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    slash, colon = safe_file_names(["Inkoop/Facilitair", "Inkoop:Facilitair"])
    assert slash != colon and slash.startswith("Inkoop_Facilitair ")
    names = sorted(p.name for p in (tmp_path / "uit").glob("*.xlsx"))
    assert names == sorted(
        [
            "(geen afdeling)-monitor.xlsx",
            f"{slash}-monitor.xlsx",
            f"{colon}-monitor.xlsx",
            "_CON-monitor.xlsx",
        ]
    )

    # the same department gets the same file whatever the order of the rows
    write_xlsx(register, list(reversed(rows)), header=HEADER)
    again = run("build", register, "--per-afdeling", "-o", tmp_path / "andersom")
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in (tmp_path / "andersom").glob("*.xlsx")) == names
    for name in names:
        first = openpyxl.load_workbook(tmp_path / "uit" / name)["Monitor"]["B2"].value
        second = openpyxl.load_workbook(tmp_path / "andersom" / name)["Monitor"]["B2"].value
        assert first == second


def test_per_department_reads_the_register_once(tmp_path: Path, monkeypatch):
    """One read for all departments: their monitors show one state of the register (a save
    between two departments can't make the totals disagree), and 20 departments of a large
    register don't read it 21 times."""
    reads = []
    real = registers.read_register
    monkeypatch.setattr(
        registers, "read_register", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    rows = [row("1", department="Inkoop"), row("2", department="Ruimte"), row("3", department="")]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER)
    result = run("build", register, "--per-afdeling", "-o", tmp_path / "uit")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "uit").glob("*-monitor.xlsx"))) == 3
    assert reads == [1]


def test_one_department(tmp_path: Path):
    rows = [row("1"), row("2", department="Ruimte"), row("3", department="ruimte")]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER)
    result = run("build", register, "--afdeling", "RUIMTE", "-o", tmp_path / "m.xlsx", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total_actions"] == 2
    unknown = run("build", register, "--afdeling", "Sociaal", "-o", tmp_path / "x.xlsx")
    assert unknown.exit_code == 2 and "Inkoop, Ruimte" in unknown.stderr
    assert run("build", register, "--per-afdeling").exit_code == 2  # needs -o FOLDER


# --- Several registers ------------------------------------------------------------------------


def department_folder(folder: Path) -> Path:
    folder.mkdir()
    write_xlsx(
        folder / "Inkoop.xlsx", [row("1", "voltooid", done=D(2018, 7, 1)), row("2")], header=HEADER
    )
    write_xlsx(
        folder / "Ruimte.xlsx",
        [row("1", "gepland", department="Ruimte"), row("2", department="Ruimte")],
        header=HEADER,
    )
    write_xlsx(
        folder / "Sociaal.xlsx", [row("1", "afgerondd", department="Sociaal")], header=HEADER
    )
    (folder / "~$Inkoop.xlsx").write_bytes(b"owner file")
    return folder


def test_a_folder_of_registers_makes_one_monitor(tmp_path: Path):
    folder = department_folder(tmp_path / "MVI registers")
    result = run("build", folder, "--as-of", "2018-11-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    output = folder / "MVI registers-monitor.xlsx"
    assert data["output"] == str(output) and data["total_actions"] == 5
    assert [n["where"] for n in data["notices"][:3]] == [
        "Inkoop.xlsx",
        "Ruimte.xlsx",
        "Sociaal.xlsx",
    ]
    assert data["warnings"][0]["where"] == "Sociaal.xlsx › Acties!D2"
    assert table_values(output, "Per bron", "PerBron")[1:4] == [  # Onbekend: "afgerondd"
        ["Inkoop.xlsx", 2, 1, 1, 0, 0, 0, 0.5],
        ["Ruimte.xlsx", 2, 0, 1, 1, 0, 0, 0],
        ["Sociaal.xlsx", 1, 0, 0, 0, 0, 1, 0],
    ]
    acties = openpyxl.load_workbook(output)["Acties"]
    header = [c.value for c in acties[1]]
    bron = header.index("Bron")  # a technical column: after the printed ones
    assert bron > header.index("Status") and acties.cell(2, bron + 1).value == "Inkoop.xlsx"
    # equal ids from different sources stay apart in the history
    keys = [a.id for a in load_history(history_path(output)).snapshots[0].actions]
    assert keys == [
        "Inkoop.xlsx/1",
        "Inkoop.xlsx/2",
        "Ruimte.xlsx/1",
        "Ruimte.xlsx/2",
        "Sociaal.xlsx/1",
    ]
    # the next run skips the monitor, its history and Excel's owner file
    again = run("build", folder, "--as-of", "2018-11-01")
    assert again.exit_code == 0 and "Monitor is al bijgewerkt" in again.stdout


def test_several_registers_on_the_command_line(tmp_path: Path):
    folder = department_folder(tmp_path / "regs")
    result = run(
        "build",
        folder / "Inkoop.xlsx",
        folder / "Ruimte.xlsx",
        "-o",
        tmp_path / "samen.xlsx",
        "--json",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total_actions"] == 4
    check = run("check", folder / "Inkoop.xlsx", folder / "Ruimte.xlsx")
    assert check.exit_code == 0 and "4 acties" in check.stdout


def test_an_empty_folder_is_not_a_register(tmp_path: Path):
    (tmp_path / "leeg").mkdir()
    result = run("build", tmp_path / "leeg")
    assert result.exit_code == 3 and "geen register" in result.stderr


# --- Signals ----------------------------------------------------------------------------------

SIGNAL_CASES = {
    "overdue": (
        [row("1", end=D(2018, 10, 1))],
        [row("1", end=D(2018, 12, 1)), row("2", "voltooid", end=D(2018, 1, 1), done=D(2018, 1, 1))],
    ),
    "running_without_owner": ([row("1", owner=None)], [row("1"), row("2", "gepland", owner=None)]),
    "date_not_done": ([row("1", done=D(2018, 5, 1))], [row("1", "voltooid", done=D(2018, 5, 1))]),
    "done_without_date": ([row("1", "voltooid")], [row("1", "voltooid", done=D(2018, 5, 1))]),
    "progress_attention": (
        [row("1", progress="rood"), row("2", progress="Vraagt aandacht")],
        [row("1", progress="groen"), row("2", "voltooid", progress="rood", done=D(2018, 1, 1))],
    ),
    "period_ending": (
        [
            row("1", period="Aan de slag in 2017-2018"),
            row("2", "voltooid", period="Aan de slag in 2017-2018", done=D(2018, 1, 1)),
            row("3", "gepland", period="Aan de slag in 2017-2018"),
        ],
        [row("1", period="Aan de slag in 2019-2020"), row("2", period="Actie doorlopend")],
    ),
}


def signals_of(tmp_path: Path, rows, config: Config | None = None):
    register = read_register(write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER))
    return compute_monitor(register, as_of=AS_OF, config=config).signals


@pytest.mark.parametrize("code", list(SIGNAL_CASES))
def test_each_signal_appears_only_when_triggered(tmp_path: Path, code: str):
    triggering, quiet = SIGNAL_CASES[code]
    found = {s.code: s for s in signals_of(tmp_path, triggering)}
    assert code in found
    assert found[code].count == {"progress_attention": 2, "period_ending": 2}.get(code, 1)
    assert code not in {s.code for s in signals_of(tmp_path, quiet)}
    disabled = Config(signals=SignalSettings(enabled=()))
    assert signals_of(tmp_path, triggering, disabled) == ()


@pytest.mark.parametrize("on_page", [False, True])
def test_signals_link_to_their_rows_on_toelichting_or_the_page(tmp_path: Path, on_page: bool):
    """The signals are for the coordinator: on Toelichting, and on the college's page only with
    ``[monitor] signals_on_page = true``."""
    rows = [row("1", end=D(2018, 10, 1), owner=None), row("2", "voltooid")]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=HEADER)
    if on_page:
        (tmp_path / "mvi-xl.toml").write_text("[monitor]\nsignals_on_page = true\n")
    output = tmp_path / "m.xlsx"
    run("build", register, "-o", output, "--as-of", "2018-11-01")
    workbook = openpyxl.load_workbook(output)

    def links(sheet: str) -> dict[str, str]:
        return {
            c.value: c.hyperlink.location
            for r in workbook[sheet].iter_rows()
            for c in r
            if c.hyperlink is not None and str(c.value).startswith("⚠")
        }

    expected = {
        "⚠ 1 actie over de einddatum en niet voltooid": "Acties!L2",
        "⚠ 1 lopende actie zonder eigenaar": "Acties!L2",
        "⚠ 1 voltooide actie zonder datum gereed": "Acties!L3",
    }
    assert links("Monitor" if on_page else "Toelichting") == expected
    assert links("Toelichting" if on_page else "Monitor") == {}
    acties = workbook["Acties"]
    assert acties["L1"].value == "Signalen"  # filter on it to see the rows of a signal
    assert acties["L2"].value == "over einddatum; lopend zonder eigenaar"
    assert acties["L3"].value == "voltooid zonder datum"
    assert "Signalen" not in workbook.sheetnames


def test_signal_thresholds_are_configurable(tmp_path: Path):
    rows = SIGNAL_CASES["overdue"][0]
    late = Config(signals=SignalSettings(overdue_grace_days=60))
    assert "overdue" not in {s.code for s in signals_of(tmp_path, rows, late)}
    ending = SIGNAL_CASES["period_ending"][0]
    lenient = Config(signals=SignalSettings(period_ending_min_share=0.3))
    assert "period_ending" not in {s.code for s in signals_of(tmp_path, ending, lenient)}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[signals]\nenabled = ['te laat']", "signals.enabled"),
        ("[signals]\noverdue_grace_days = -1", "signals.overdue_grace_days"),
        ("[signals]\nperiod_ending_min_share = 2", "signals.period_ending_min_share"),
        ("[signals]\nsoms = 1", "signals.soms"),
    ],
)
def test_signal_config_errors(text: str, key: str):
    import tomllib

    with pytest.raises(ConfigError) as caught:
        parse_config(tomllib.loads(text))
    assert f"'{key}'" in caught.value.render("nl")


@pytest.mark.parametrize(
    ("label", "end"),
    [
        ("Aan de slag in 2018-2020", D(2020, 12, 31)),
        ("Aan de slag in 2017", D(2017, 12, 31)),
        ("Fase 2019/20", D(2020, 12, 31)),
        ("Wat doen we al goed?", None),
        ("Actie doorlopend", None),
    ],
)
def test_period_end(label: str, end):
    assert period_end(label) == end


# --- Safe file names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Inkoop", "Inkoop"),
        ("Inkoop/Facilitair", "Inkoop_Facilitair"),
        ('Sociaal: "Domein"?', "Sociaal_ _Domein_"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Afdeling. ", "Afdeling"),
        ("", "naamloos"),
        ("Ruimte\tEn  Wonen", "Ruimte En Wonen"),
        ("x" * 200, "x" * 80),
        ("Économie", "Économie"),
        # names Windows keeps for devices, as Windows decides
        ("CON .afd", "_CON .afd"),
        ("con", "_con"),
        ("COM¹", "_COM¹"),
        ("lpt³.x", "_lpt³.x"),
        ("CONIN$", "_CONIN$"),
        ("conout$", "_conout$"),
        ("COM10", "COM10"),
        ("CONSULTANCY", "CONSULTANCY"),
        # no control or bidirectional characters remain
        ("\u202eInkoop\u202c", "Inkoop"),
        ("In\u200bkoop\u2066", "Inkoop"),
        ("Ink\x7foop\x9b", "Ink_oop_"),
        ("\u061cمشتريات", "مشتريات"),
    ],
)
def test_safe_file_name(text: str, name: str):
    assert safe_file_name(text) == name


def test_safe_file_names_are_unique_regardless_of_case_and_stable():
    texts = ["Inkoop", "inkoop", "In/koop", "In:koop", "Ruimte"]
    names = safe_file_names(texts)
    assert len({n.casefold() for n in names}) == 5
    assert names[-1] == "Ruimte"  # no collision: the plain name
    assert all(n.startswith(("Inkoop ", "inkoop ", "In_koop ")) for n in names[:4])
    # each text keeps its name, whatever the others and their order
    shuffled = ["Ruimte", "In:koop", "inkoop", "In/koop", "Inkoop"]
    assert dict(zip(shuffled, safe_file_names(shuffled), strict=True)) == dict(
        zip(texts, names, strict=True)
    )
