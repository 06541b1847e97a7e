"""The mvi-xl command as users run it, through click's CliRunner: output, messages, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import pipeline
from mvi_xl.cli import cli

from .conftest import BASIC_ROWS, HEADER, write_xlsx

README = Path(__file__).resolve().parent.parent / "README.md"


def run(*args: str, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def test_build_writes_beside_the_register(basic_register: Path):
    result = run("build", basic_register, "--as-of", "2018-11-01")
    assert result.exit_code == 0, result.output
    output = basic_register.with_name("register-monitor.xlsx")
    assert output.is_file()
    assert f"Monitor geschreven: {output}" in result.stdout
    assert result.stdout.splitlines()[0].split() == [
        "Periode",
        "Totaal",
        "voltooid",
        "lopend",
        "gepland",
        "vervallen",
    ]
    # the first build starts the history beside the monitor, and says so
    assert result.stderr == "Let op: register-monitor-historie.csv: nieuwe historie begonnen\n"
    assert basic_register.with_name("register-monitor-historie.csv").is_file()


def test_json_numbers_equal_the_statustabel(basic_register: Path, tmp_path: Path):
    output = tmp_path / "uit.xlsx"
    result = run(
        "build",
        basic_register,
        "-o",
        output,
        "--as-of",
        "01-11-2018",
        "--since",
        "2018-06-01",
        "--json",
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)  # one JSON object and nothing else on stdout
    assert data["as_of"] == "2018-11-01" and data["since"] == "2018-06-01"
    assert data["output"] == str(output)
    assert data["total_actions"] == len(BASIC_ROWS)
    assert [r["action"] for r in data["realised_since"]] == [
        "Duurzame criteria in aanbesteding Papier",
        "Social Return bij Groenonderhoud",
    ]
    assert data["realised_since"][0] == {
        "id": "1.1",
        "action": BASIC_ROWS[0][1],
        "date": "2018-07-05",
    }
    ws = openpyxl.load_workbook(output, data_only=True)["Monitor"]
    statustabel = openpyxl.load_workbook(output)["Monitor"].tables["Statustabel"]
    cells = ws[statustabel.ref]
    header = [c.value.lower() for c in cells[0]]
    for period, row in zip(data["periods"], cells[1:-1], strict=True):
        values = dict(zip(header, (c.value for c in row), strict=True))
        assert values["periode"] == period["period"]
        assert values["totaal"] == period["total"]
        for status, count in period["by_status"].items():
            assert values[status] == count


def test_missing_status_column_exits_3_with_one_line(tmp_path: Path):
    register = write_xlsx(
        tmp_path / "r.xlsx",
        [r[:3] for r in BASIC_ROWS],
        header=["Nr", "Actie", "Periode"],
        sheet="Acties 2018",
    )
    result = run("build", register)
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"mvi-xl: {register}, Acties 2018: verplichte kolom 'Status' ontbreekt"
    )
    assert "Traceback" not in result.stderr
    assert not register.with_name("r-monitor.xlsx").exists()


def test_strict_makes_warnings_fatal(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", [*BASIC_ROWS, ["9", "x", "P", "afgerondd", None]])
    assert run("build", register).exit_code == 0
    result = run("build", register, "-o", tmp_path / "strict.xlsx", "--strict")
    assert result.exit_code == 3
    assert "Acties!D9" in result.stderr and "--strict" in result.stderr
    assert not (tmp_path / "strict.xlsx").exists()


def test_warnings_go_to_stderr_and_the_count_is_shown(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", [*BASIC_ROWS, ["9", "x", "P", "afgerondd", None]])
    result = run("build", register)
    assert "1 melding:" in result.stderr
    assert "Acties!D9: onbekende status 'afgerondd'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "31-02-2018"],
        ["--as-of", "gisteren"],
        ["--since", "2019-01-01", "--as-of", "2018-11-01"],
        ["--lang", "fr"],
    ],
)
def test_usage_errors_exit_2(basic_register: Path, args: list[str]):
    result = run("build", basic_register, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_register_is_a_usage_error():
    result = run("build")
    assert result.exit_code == 2
    assert "geen register opgegeven" in result.stderr


def test_output_equal_to_the_register_is_refused(basic_register: Path):
    before = basic_register.read_bytes()
    for spelling in (basic_register, basic_register.parent / "." / basic_register.name):
        result = run("build", basic_register, "-o", spelling)
        assert result.exit_code == 2
        assert "register zelf" in result.stderr
    assert basic_register.read_bytes() == before


def test_unwritable_output_exits_4(basic_register: Path, tmp_path: Path):
    result = run("build", basic_register, "-o", tmp_path / "bestaat-niet" / "m.xlsx")
    assert result.exit_code == 4
    assert "kan de monitor niet schrijven" in result.stderr


def test_failed_build_keeps_the_previous_monitor(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    output = tmp_path / "m.xlsx"
    assert run("build", basic_register, "-o", output).exit_code == 0
    before = output.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("mvi_xl.writer.workbook._set_properties", broken)
    result = run("build", basic_register, "-o", output, "--as-of", "2019-01-01")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "interne fout" in result.stderr
    assert output.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".mvi-xl")) == []


def test_bad_config_names_the_key(basic_register: Path):
    (basic_register.parent / "mvi-xl.toml").write_text('[colours]\nvoltooid = "groen"\n')
    result = run("build", basic_register)
    assert result.exit_code == 2
    assert "colours.voltooid" in result.stderr and "'groen' is geen kleur" in result.stderr


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("organisatie = 'x'", "organisatie"),
        ("[columns]\nactie = ['Wat']", "columns.actie"),
        ("[statuses]\nvoltooid = 3", "statuses.voltooid"),
        ("[periods]\norder = 'Fase 1'\ncontinuous = [1]", "periods.continuous"),
        ("[monitor]\nmax_list_items = 0", "monitor.max_list_items"),
        ("[monitor]\nlogo = 'weg.png'", "monitor.logo"),
        ("language = 'fr'", "language"),
        ("columns = 3", "columns"),
        ("[colours", None),
    ],
)
def test_config_errors(basic_register: Path, text: str, key: str | None):
    config = basic_register.parent / "eigen.toml"
    config.write_text(text)
    result = run("build", basic_register, "--config", config)
    assert result.exit_code == 2
    assert str(config) in result.stderr
    if key:
        assert f"'{key}'" in result.stderr


def test_configured_period_order_and_organisation(basic_register: Path):
    (basic_register.parent / "mvi-xl.toml").write_text(
        'organisation = "Gemeente Voorbeeld"\n'
        '[periods]\norder = ["Actie doorlopend", "Aan de slag in 2017"]\n'
    )
    data = json.loads(run("build", basic_register, "--json").stdout)
    assert [p["period"] for p in data["periods"]] == [
        "Actie doorlopend",
        "Aan de slag in 2017",
        "Aan de slag in 2018-2020",
    ]
    assert data["organisation"] == "Gemeente Voorbeeld"


def test_check_lists_warnings_with_hints_and_writes_nothing(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", [*BASIC_ROWS, ["9", "x", "P", "afgerondd", None]])
    result = run("check", register)
    assert result.exit_code == 0
    assert "Acties!D9: onbekende status 'afgerondd'" in result.stderr
    assert "Bedoelt u 'afgerond' (voltooid)?" in result.stderr
    assert "Register gelezen: 8 acties, 1 melding." in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
    assert run("check", register, "--strict").exit_code == 3


def test_check_clean_register(basic_register: Path):
    result = run("check", basic_register, "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["warnings"] == [] and data["output"] is None


def test_check_unreadable_register_exits_3(tmp_path: Path):
    result = run("check", tmp_path / "weg.xlsx")
    assert result.exit_code == 3
    assert (
        result.stderr.strip() == f"mvi-xl: {tmp_path / 'weg.xlsx'}: bestand niet gevonden. "
        "Controleer het pad; staat de schijf (netwerkschijf) klaar?"
    )


def test_english_messages(tmp_path: Path):
    result = run("check", tmp_path / "weg.xlsx", "--lang", "en")
    assert "file not found" in result.stderr


def test_init_creates_a_register_that_builds(tmp_path: Path):
    path = tmp_path / "Nieuw register.xlsx"
    result = run("init", path)
    assert result.exit_code == 0 and path.is_file()
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Acties", "Aandachtspunten", "Communicatie", "Lijsten"]
    assert workbook["Lijsten"].sheet_state == "hidden"
    acties = workbook["Acties"]
    assert "Register" in acties.tables
    header = [c.value for c in acties[4]]
    assert header[:4] == ["Nr", "Actie", "Periode", "Status"]
    sources = {dv.formula1 for dv in acties.data_validations.dataValidation if dv.formula1}
    assert "Lijsten!$A$2:$A$5" in sources  # statuses
    lists = workbook["Lijsten"]
    assert [lists.cell(r, 3).value for r in range(2, 8)] == [
        "Milieu",
        "Klimaat",
        "Circulair",
        "Ketenverantwoordelijkheid (ISV)",
        "Diversiteit & Inclusie",
        "Social Return",
    ]

    # a coordinator fills in two actions; the register builds
    acties["A5"], acties["B5"], acties["C5"], acties["D5"] = "1", "Eerste actie", "Fase 1", "lopend"
    acties["A6"], acties["B6"], acties["C6"], acties["D6"] = "2", "Tweede", "Fase 1", "voltooid"
    workbook.save(path)
    data = json.loads(run("check", path, "--json").stdout)
    assert data["total_actions"] == 2 and data["warnings"] == []


def test_init_never_overwrites(tmp_path: Path):
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"mijn register")
    result = run("init", path)
    assert result.exit_code == 4
    assert "bestaat al" in result.stderr
    assert path.read_bytes() == b"mijn register"


def test_init_in_english(tmp_path: Path):
    path = tmp_path / "register.xlsx"
    assert run("init", path, "--lang", "en").exit_code == 0
    assert openpyxl.load_workbook(path).sheetnames == [
        "Actions",
        "Focus points",
        "Communication",
        "Lists",
    ]
    assert run("check", path).exit_code == 0


def test_paths_with_spaces_and_accents(tmp_path: Path):
    folder = tmp_path / "Gemeente Súdwest-Fryslân" / "MVI 2018"
    folder.mkdir(parents=True)
    register = write_xlsx(folder / "Actieplan MVI (versie één).xlsx", BASIC_ROWS)
    result = run("build", register)
    assert result.exit_code == 0
    assert (folder / "Actieplan MVI (versie één)-monitor.xlsx").is_file()


def test_example_builds(tmp_path: Path):
    output = tmp_path / "monitor.xlsx"
    result = run("build", "--example", "-o", output, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    table = {p["period"]: (p["total"], p["headline"]) for p in data["periods"]}
    assert table == {
        "Wat doen we al goed?": (54, 54),
        "Aan de slag in 2017": (27, 23),
        "Aan de slag in 2018-2020": (25, 4),
        "Actie doorlopend": (18, 15),
    }
    assert data["since"] == "2018-06-01"
    assert len(data["realised_since"]) == 4
    assert data["warnings"] == []


def test_example_and_register_exclude_each_other(basic_register: Path):
    assert run("build", basic_register, "--example").exit_code == 2


def all_commands(group=cli, prefix=()):
    """Every command and subcommand, as the words a user types after mvi-xl."""
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("words", list(all_commands()), ids=" ".join)
def test_every_command_has_help_with_exit_codes_and_is_in_the_readme(words: tuple[str, ...]):
    result = run(*words, "--help")
    assert result.exit_code == 0
    assert "Afsluitcodes:" in result.stdout
    assert "4  de monitor kan niet worden geschreven" in result.stdout
    english = run("--lang", "en", *words, "--help")
    assert "Exit codes:" in english.stdout and "4  the monitor can't be written" in english.stdout
    assert f"mvi-xl {' '.join(words)}" in README.read_text(encoding="utf-8")


def test_top_level_help_and_version():
    assert "Afsluitcodes:" in run("--help").stdout
    assert "Exit codes:" in run("--lang", "en", "--help").stdout
    assert run("--version").stdout.strip().endswith(pipeline.__version__)


def test_python_dash_m(basic_register: Path):
    result = subprocess.run(
        [sys.executable, "-m", "mvi_xl", "check", str(basic_register)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "Register gelezen: 7 acties, geen meldingen." in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "stream", "text"),
    [
        (["build", "{register}", "-o", "{monitor}"], 0, "stdout", "Monitor geschreven"),
        (["check", "{missing}"], 3, "stderr", "bestand niet gevonden"),
        (["build", "--bogus"], 2, "stderr", "Onbekende optie"),
        (["--version"], 0, "stdout", "mvi-xl, versie"),
    ],
)
def test_the_process_ends_with_its_exit_code_and_everything_said(
    basic_register: Path, tmp_path: Path, args: list[str], code: int, stream: str, text: str
):
    """main() ends the process without teardown (os._exit): the exit code and every line
    written to the piped (block-buffered) streams still come through."""
    paths = {
        "register": basic_register,
        "monitor": tmp_path / "uit map" / "monitor.xlsx",
        "missing": tmp_path / "weg.xlsx",
    }
    (tmp_path / "uit map").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "mvi_xl", *(a.format(**paths) for a in args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == code, result.stderr
    assert text in getattr(result, stream)
    if code == 0 and args[0] == "build":
        assert openpyxl.load_workbook(paths["monitor"])["Acties"].max_row == 8


def test_as_of_defaults_to_today(basic_register: Path):
    data = json.loads(run("check", basic_register, "--json").stdout)
    assert data["as_of"] == pipeline.today().isoformat()
    assert pipeline.today() == dt.date.today() or "SOURCE_DATE_EPOCH" in __import__("os").environ


def test_header_only_register(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", [], header=HEADER)
    result = run("build", register, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total_actions"] == 0


def test_help_imports_neither_the_pipeline_nor_the_reader_nor_xlsxwriter():
    """The commands import the pipeline when they run: --help stays as fast as click."""
    code = (
        "import sys; sys.argv = ['mvi-xl', '--help']\n"
        "from mvi_xl import cli\n"
        "try:\n    cli.cli(prog_name='mvi-xl')\nexcept SystemExit:\n    pass\n"
        "heavy = ('mvi_xl.pipeline', 'mvi_xl.reader', 'mvi_xl.writer', 'mvi_xl.report',\n"
        "         'xlsxwriter', 'python_calamine')\n"
        "print('LOADED', [m for m in heavy if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("args", [["--help"], ["build", "{register}", "-o", "{monitor}"]])
def test_help_and_build_leave_the_heavy_imports_alone(
    basic_register: Path, tmp_path: Path, args: list[str]
):
    """watchdog is for watch, openpyxl and pandas for no command's hot path."""
    paths = {"register": basic_register, "monitor": tmp_path / "m.xlsx"}
    code = (
        "import sys, runpy; sys.argv = ['mvi-xl', *sys.argv[1:]]\n"
        "from mvi_xl import cli\n"
        "try:\n    cli.cli(prog_name='mvi-xl')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('watchdog', 'openpyxl', 'pandas', 'filelock') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *(a.format(**paths) for a in args)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
