"""``build --jaar YEAR``: the monitor of one calendar year (mvi_xl/year_view.py). The register
of test_years.py (2017-2020, published on 01-11-2018 and 01-11-2019, "today" 01-11-2020),
counted by hand below: each action's status at the end of 2018, 2019 and (the current year,
so at today) 2020, the Monitor sheet and ``--json`` of those monitors, and the usage errors."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.errors import UsageError
from mvi_xl.words.terms import GEPLAND, LOPEND, VERVALLEN, VOLTOOID
from mvi_xl.year_view import year_end, year_monitor

from .conftest import write_xlsx
from .test_compute import action, register
from .test_years import AS_OF, EXPECTED, HEADERS, HISTORY, ROWS
from .test_years_cli import HEADER, build_2017_2020, rows

D = dt.date
V, L, G, X = VOLTOOID, LOPEND, GEPLAND, VERVALLEN
#: "today" of every build here: 01-11-2020, as test_years.py's peildatum
EPOCH = str(int(dt.datetime(2020, 11, 1, 12, tzinfo=dt.UTC).timestamp()))

#: id -> status at the end of 2018 and of 2019, by the rules of year_view.py:
#: 1 completed 2018-05-01, 2 completed 2017-12-15: voltooid both years;
#: 3 voltooid without a date, lopend in the monitor of 2018, voltooid in that of 2019;
#: 4 voltooid without a date, in no monitor: the Jaaroverzicht puts it in 2020 (a guess);
#: 5 lopend since 2018-02-01; 6 lopend without a start date, first lopend in 2019's monitor
#: (in 2018 a guess: in no monitor up to then); 7 lopend since 2019-06-01;
#: 8 gepland; 9 vervallen, in no monitor (a guess); 10 voltooid on a date after today, so
#: missing, started 2019-04-01 and lopend in 2019's monitor; 11 lopend since a date after
#: today (missing) and in no monitor (a guess).
STATUS_AT_END = {
    "1": (V, V),
    "2": (V, V),
    "3": (L, V),
    "4": (G, G),
    "5": (L, L),
    "6": (G, L),
    "7": (G, L),
    "8": (G, G),
    "9": (X, X),
    "10": (G, L),
    "11": (G, G),
}
GUESSED = {2018: {"4", "6", "9", "11"}, 2019: {"4", "9", "11"}}


def _register():
    actions = [
        action(row, "2017-2020", status, completed, id=key, themes=themes, start=start)
        for row, (key, status, themes, start, completed) in enumerate(ROWS, start=2)
    ]
    return register(actions, headers=HEADERS)


@pytest.mark.parametrize(("year", "column"), [(2018, 0), (2019, 1)])
def test_the_status_of_each_action_at_the_year_end(year, column):
    monitor = year_monitor(_register(), year=year, today=AS_OF, history=HISTORY)
    assert {a.id: a.status for a in monitor.register.actions} == {
        key: statuses[column] for key, statuses in STATUS_AT_END.items()
    }
    [guess] = [f for f in monitor.findings if f.code == "year_status_guessed"]
    assert guess.params["count"] == len(GUESSED[year])
    assert guess.where == "Acties!D5"  # action 4, the first guessed, in row 5


def test_the_current_year_keeps_the_statuses_of_now():
    monitor = year_monitor(_register(), year=2020, today=AS_OF, history=HISTORY)
    assert monitor.as_of == AS_OF
    assert [a.status for a in monitor.register.actions] == [r[1] for r in ROWS]
    assert not [f for f in monitor.findings if f.code == "year_status_guessed"]


def test_a_completion_date_after_the_year_is_left_out():
    monitor = year_monitor(_register(), year=2017, today=AS_OF, history=HISTORY)
    by_id = {a.id: a for a in monitor.register.actions}
    assert (by_id["1"].status, by_id["1"].completed) == (L, None)  # completed 2018
    assert (by_id["2"].status, by_id["2"].completed) == (V, D(2017, 12, 15))
    assert [f.code for f in monitor.findings if f.code == "completed_after_as_of"] == []


@pytest.mark.parametrize(
    ("year", "today", "end"),
    [
        (2018, D(2020, 11, 1), D(2018, 12, 31)),
        (2020, D(2020, 11, 1), D(2020, 11, 1)),
        (2020, D(2020, 12, 31), D(2020, 12, 31)),
    ],
)
def test_the_peildatum_is_the_year_end_or_today(year, today, end):
    assert year_end(year, today) == end


@pytest.mark.parametrize(
    ("year", "code"), [(2021, "year_in_future"), (2016, "year_without_actions")]
)
def test_years_without_an_end_or_actions_are_refused(year, code):
    with pytest.raises(UsageError) as caught:
        year_monitor(_register(), year=year, today=AS_OF, history=HISTORY)
    assert caught.value.code == code


def test_the_year_monitor_agrees_with_the_jaaroverzicht():
    """Realised in the year = the Jaaroverzicht's completed of that year, lopend at its end =
    its running at the year's end (test_years.py's hand count)."""
    totals = {year: (done, running) for year, theme, done, _, running in EXPECTED if theme is None}
    for year in (2017, 2018, 2019, 2020):
        monitor = year_monitor(_register(), year=year, today=AS_OF, history=HISTORY)
        assert (len(monitor.realised), monitor.status_totals()[L]) == totals[year]


# --- The command line ------------------------------------------------------------------------

#: year -> (peildatum, since, by status, change against the previous year's end, realised ids,
#: warnings, summary). 2018: none published before 2018, so nothing is compared; 2019:
#: compared with 01-11-2018 (1, 3 and 5: voltooid 1, lopend 2); 2020: the current year, at
#: today, compared with 01-11-2019 (3, 5, 6 and 10: voltooid 1, lopend 3). Realised in 2020:
#: 10 (its date, after today, is kept for the current year and warned about) and 4.
CLI_CASES = {
    2018: (
        "2018-12-31",
        None,
        {V: 2, L: 2, G: 6, X: 1},
        None,
        ["1"],
        ["year_status_guessed"],
        "Van de 11 acties zijn er 2 voltooid (18%). In 2018 is 1 actie gerealiseerd.",
    ),
    2019: (
        "2019-12-31",
        "2018-11-01",
        {V: 3, L: 4, G: 3, X: 1},
        {V: 2, L: 2, G: 3, X: 1},
        ["3"],
        ["year_status_guessed"],
        "Van de 11 acties zijn er 3 voltooid (27%). In 2019 is 1 actie gerealiseerd.",
    ),
    2020: (
        "2020-11-01",
        "2019-11-01",
        {V: 5, L: 4, G: 1, X: 1},
        {V: 4, L: 1, G: 1, X: 1},
        ["10", "4"],
        ["completed_after_as_of"],
        "Van de 11 acties zijn er 5 voltooid (45%). In 2020 zijn 2 acties gerealiseerd.",
    ),
}


def invoke(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The three published and refreshed builds of test_years_cli.py, then a monitor per year
    with the same -o; the history and the monitor as they were before the year monitors."""
    folder = tmp_path_factory.mktemp("year")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        monitor, _ = build_2017_2020(folder)
        history = folder / "monitor-historie.csv"
        before = (history.read_bytes(), monitor.read_bytes())
        out = {}
        for year in CLI_CASES:
            result = invoke(
                "build", folder / "register.xlsx", "-o", monitor, "--jaar", year, "--json"
            )
            assert result.exit_code == 0, result.output
            out[year] = json.loads(result.stdout)
        english_folder = folder.with_name(folder.name + "-en")
        shutil.copytree(folder, english_folder)
        english = invoke(
            "build",
            english_folder / "register.xlsx",
            "-o",
            english_folder / "monitor.xlsx",
            "--year",
            2018,
            "--json",
            "--lang",
            "en",
        )
        assert english.exit_code == 0, english.output
    return folder, before, out, json.loads(english.stdout)


@pytest.mark.parametrize("year", list(CLI_CASES))
def test_json_of_the_year(built, year):
    folder, _, out, _ = built
    data = out[year]
    as_of, since, by_status, change, realised, warnings, summary = CLI_CASES[year]
    assert data["year"] == year
    assert (data["as_of"], data["since"]) == (as_of, since)
    [period] = data["periods"]
    assert (period["by_status"], period["change"]) == (by_status, change)
    assert [a["id"] for a in data["realised_since"]] == realised
    assert [w["code"] for w in data["warnings"]] == warnings
    assert data["summary"] == summary
    assert data["output"] == str(folder / f"monitor {year}.xlsx")
    assert (data["previous"] or {}).get("as_of") == since


def _cells(ws) -> dict[str, object]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}


def _below(cells: dict[str, object], text: str) -> list[object]:
    """The values under the cell holding ``text``, down to the first empty one."""
    [where] = [k for k, v in cells.items() if v == text]
    column = "".join(ch for ch in where if ch.isalpha())
    row = int(where[len(column) :]) + 1
    found = []
    while f"{column}{row}" in cells:
        found.append(cells[f"{column}{row}"])
        row += 1
    return found


@pytest.mark.parametrize("year", [2018, 2019])
def test_the_monitor_sheet_shows_the_year(built, year):
    folder, _, _, _ = built
    _, since, by_status, _, realised, _, summary = CLI_CASES[year]
    workbook = openpyxl.load_workbook(folder / f"monitor {year}.xlsx", data_only=True)
    ws = workbook["Monitor"]
    cells = _cells(ws)
    assert cells["B2"] == f"Jaar {year}  ·  Peildatum: 31-12-{year}"
    assert cells["B3"] == summary
    [row] = [r for r in ws.iter_rows(min_row=6) if r[1].value == "2017-2020"]
    heads = [c.value for c in next(ws.iter_rows(min_row=5, max_row=5))][1:7]
    assert heads == ["Periode", "Totaal", "Voltooid", "Lopend", "Gepland", "Vervallen"]
    assert [c.value for c in row[2:7]] == [11, by_status[V], by_status[L], by_status[G], 1]
    assert _below(cells, f"Gerealiseerde acties in {year}") == [
        f"{n}. actie {key}" for n, key in enumerate(realised, start=1)
    ]
    assert len(_below(cells, "Lopende acties")) == by_status[L]
    change_heads = [v for v in cells.values() if isinstance(v, str) and v.startswith("t.o.v.")]
    assert change_heads == ([] if since is None else ["t.o.v. 01-11-2018"])
    notes = _cells(workbook["Toelichting"])
    facts = {notes[k]: notes.get("B" + k[1:]) for k in notes if k.startswith("A")}
    assert facts["Jaar"] == f"{year}: voltooid in het jaar, de status op 31-12-{year}"
    assert facts["Soort monitor"].startswith("jaarmonitor")


def test_in_english(built):
    folder, _, _, data = built
    assert data["year"] == 2018
    assert (
        data["summary"]
        == "Of the 11 actions, 2 are completed (18%). In 2018, 1 action was realised."
    )
    english_folder = folder.with_name(folder.name + "-en")
    cells = _cells(openpyxl.load_workbook(english_folder / "monitor 2018.xlsx")["Monitor"])
    assert cells["B2"] == "Year 2018  ·  Reference date: 31-12-2018"
    assert "Completed actions in 2018" in cells.values()


def test_the_history_and_the_monitor_are_left_alone(built):
    folder, (history, monitor), _, _ = built
    assert (folder / "monitor-historie.csv").read_bytes() == history
    assert (folder / "monitor.xlsx").read_bytes() == monitor
    assert not list(folder.glob("monitor 20*-historie.csv"))
    assert not list((folder / "monitor-archief").glob("*2018-12-31*"))


def test_without_o_beside_the_default_monitor(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    register = write_xlsx(tmp_path / "register.xlsx", rows(), header=HEADER)
    normal = invoke("build", register, "--json")
    assert normal.exit_code == 0, normal.output
    before = (tmp_path / "register-monitor.xlsx").read_bytes()
    result = invoke("build", register, "--jaar", 2019, "--json", "--html")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["output"] == str(tmp_path / "register-monitor 2019.xlsx")
    page = (tmp_path / "register-monitor 2019.html").read_text(encoding="utf-8")
    assert "Jaar 2019  ·  Peildatum: 31-12-2019" in page
    assert "Gerealiseerde acties in 2019" in page
    # without published monitors only dates say when: 1 and 2 were completed before 2019;
    # 3, 4 (no date) and 10 (a date after today) count in today's year, 2020
    assert "In 2019 zijn 0 acties gerealiseerd." in page
    assert (tmp_path / "register-monitor.xlsx").read_bytes() == before
    same = invoke("build", register, "--jaar", 2019, "--json", "--html")
    assert json.loads(same.stdout)["up_to_date"] is True  # nothing that goes in changed
    other = invoke("build", register, "--jaar", 2018, "--json")
    assert json.loads(other.stdout)["up_to_date"] is False
    # a folder of registers does not take the year's monitor for a register
    again = invoke("build", tmp_path, "--json")
    assert again.exit_code == 0, again.output
    assert [w["code"] for w in json.loads(again.stdout)["warnings"]] == ["completed_after_as_of"]


#: (arguments after the register, Dutch, English): each one line, exit 2, nothing written
ERRORS = [
    (["--jaar", "2018", "--publish"], "laat --publish weg", "leave out --publish"),
    (
        ["--jaar", "2018", "--as-of", "2018-06-01"],
        "gaat niet samen met --as-of",
        "does not go with --as-of",
    ),
    (["--jaar", "2018", "--since", "2018-06-01"], "niet samen met --since", "not go with --since"),
    (["--jaar", "2018", "--per-afdeling", "-o", "m"], "met --per-afdeling", "with --per-afdeling"),
    (["--jaar", "2021"], "--jaar 2021 is nog niet begonnen: het is nu 2020", "it is 2020 now"),
    (
        ["--jaar", "2016"],
        "geen acties in 2016: het eerste jaar is 2017",
        "no actions in 2016: its first year is 2017",
    ),
    (["--jaar", "twintig"], "'twintig' is geen jaar", "'twintig' is not a year"),
    (["--year", "18"], "'18' is geen jaar", "'18' is not a year"),
]


@pytest.mark.parametrize(("args", "dutch", "english"), ERRORS)
def test_usage_errors(tmp_path: Path, monkeypatch, args, dutch, english):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    register = write_xlsx(tmp_path / "register.xlsx", rows(), header=HEADER)
    args = [str(tmp_path / a) if a == "m" else a for a in args]
    for lang, text in (("nl", dutch), ("en", english)):
        result = invoke("build", register, *args, "--lang", lang)
        assert result.exit_code == 2, result.output
        assert text in result.stderr
        if not text.startswith("'"):  # ours, not click's (which adds its usage line): one line
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.xlsx"]


def test_a_guess_is_a_warning_and_strict_refuses_it(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    register = write_xlsx(tmp_path / "register.xlsx", rows(), header=HEADER)
    result = invoke("build", register, "--jaar", 2018, "--strict")
    assert result.exit_code == 3, result.output
    assert "de status eind 2018 van" in result.stderr
    assert not (tmp_path / "register-monitor 2018.xlsx").exists()


def test_the_example_year_is_the_one_its_register_stands_in(tmp_path: Path, monkeypatch):
    """The example's register is that of 01-11-2018: for --jaar, 2018 is its current year (the
    statuses of the register, as its own monitor counts them: 81 voltooid, 26 lopend, 16
    gepland, 1 vervallen of 124), whatever the calendar says; 2019 has not begun."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(24 * 3600 * 20_000))  # 04-10-2024
    own = json.loads(invoke("build", "--example", "--json").stdout)
    result = invoke("build", "--example", "--jaar", 2018, "--json")
    assert result.exit_code == 0, result.output
    year = json.loads(result.stdout)
    assert (year["year"], year["as_of"]) == (2018, "2018-11-01")
    assert year["warnings"] == []  # no status is a guess: they are the register's own
    totals = {status: 0 for status in ("voltooid", "lopend", "gepland", "vervallen")}
    for period in year["periods"]:
        for status in totals:
            totals[status] += period["by_status"][status]
    assert totals == {"voltooid": 81, "lopend": 26, "gepland": 16, "vervallen": 1}
    assert [p["by_status"] for p in year["periods"]] == [p["by_status"] for p in own["periods"]]
    assert (tmp_path / "voorbeeld-monitor 2018.xlsx").is_file()
    later = invoke("build", "--example", "--jaar", 2019)
    assert later.exit_code == 2
    assert "--jaar 2019 is nog niet begonnen: het is nu 2018" in later.stderr
