"""A year of the reporting cycle, as a coordinator and IT's scheduled job live it: a register
that changes through 2018, a refresh every day (as the README's schedule runs it), six
monitors published for the college. What each published monitor must show is counted by hand
below, from EVENTS, before anything is asserted.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import pipeline
from mvi_xl.cli import cli
from mvi_xl.history import history_path, load_history

from .conftest import write_xlsx

D = dt.date
P1, P2 = "Aan de slag in 2018", "Actie doorlopend"
HEADER = ["Nr", "Actie", "Periode", "Status", "Datum gereed"]

#: The register on 1 January: id -> (period, status, completion date).
START = {
    "1": (P1, "gepland", None),
    "2": (P1, "gepland", None),
    "3": (P1, "lopend", None),
    "4": (P1, "lopend", None),
    "5": (P1, "gepland", None),
    "6": (P1, "lopend", None),
    "7": (P2, "lopend", None),
    "8": (P2, "gepland", None),
    "9": (P1, "gepland", None),
    "10": (P1, "lopend", None),
}
#: What the coordinator changes in the register, by day (before that day's runs).
EVENTS = {
    D(2018, 1, 20): {"3": (P1, "voltooid", D(2018, 1, 18))},
    D(2018, 2, 10): {"4": (P1, "afgerond", None)},  # completed, no date filled in
    D(2018, 2, 20): {"1": (P1, "in uitvoering", None)},
    D(2018, 3, 15): {"6": (P1, "voltooid", D(2018, 3, 10))},
    # entered late, with a date before the 01-03 monitor: the date decides, never realised
    D(2018, 4, 10): {"10": (P1, "voltooid", D(2018, 2, 25))},
    D(2018, 4, 20): {"1": (P1, "gereed", None)},
    D(2018, 5, 1): {"8": (P2, "lopend", None)},
    D(2018, 6, 5): {"2": (P1, "lopend", None), "11": (P1, "gepland", None)},
    D(2018, 6, 20): {"2": (P1, "voltooid", D(2018, 6, 19))},
    D(2018, 8, 10): {"11": (P1, "voltooid", None)},
    D(2018, 8, 15): {"5": (P1, "vervallen", None)},
    D(2018, 10, 5): {"9": (P1, "voltooid", D(2018, 10, 1))},
    D(2018, 10, 20): {"12": (P1, "voltooid", None)},  # a new action, completed without a date
    D(2018, 12, 10): {"7": (P2, "voltooid", D(2018, 12, 9))},
}
#: The six published monitors. On three of the days the scheduled refresh runs first (07:00)
#: and the coordinator publishes later; on the others the publish comes first and the refresh
#: of that day then finds the peildatum published.
PUBLISHED = [
    D(2018, 2, 1),
    D(2018, 3, 1),
    D(2018, 5, 1),
    D(2018, 7, 1),
    D(2018, 9, 1),
    D(2018, 11, 1),
]
REFRESH_FIRST = {D(2018, 2, 1), D(2018, 5, 1), D(2018, 9, 1)}

#: Counted by hand from START and EVENTS. Per published peildatum: the monitor it compares
#: with, the realised list (dated by date first, then undated in register order), the change
#: column of P1 and P2, and the counts of P1 (voltooid, lopend, gepland, vervallen).
EXPECTED = {
    # the first: nothing to compare with; only dated completions count (3 on 18-01)
    D(2018, 2, 1): (None, ["3"], None, None, (1, 3, 4, 0)),
    # 4 became voltooid without a date (lopend on 01-02); 1 went gepland -> lopend
    D(2018, 3, 1): ("2018-02-01", ["4"], "+1 voltooid, -1 gepland", "geen wijziging", (2, 3, 3, 0)),
    # 6 on 10-03; 1 voltooid without a date; 10's date (25-02) lies before 01-03: not listed
    D(2018, 5, 1): (
        "2018-03-01",
        ["6", "1"],
        "+3 voltooid, -3 lopend",
        "+1 lopend, -1 gepland",
        (5, 0, 3, 0),
    ),
    # 2 on 19-06 (the complaint of issue 13: on 01-07 "t.o.v. 30-06" was empty); 11 is new
    D(2018, 7, 1): ("2018-05-01", ["2"], "+1 voltooid", "geen wijziging", (6, 0, 3, 0)),
    # 11 voltooid without a date (gepland on 01-07); 5 vervallen
    D(2018, 9, 1): (
        "2018-07-01",
        ["11"],
        "+1 voltooid, -2 gepland, +1 vervallen",
        "geen wijziging",
        (7, 0, 1, 1),
    ),
    # 9 on 01-10; 12 is new and voltooid without a date
    D(2018, 11, 1): (
        "2018-09-01",
        ["9", "12"],
        "+2 voltooid, -1 gepland",
        "geen wijziging",
        (9, 0, 0, 1),
    ),
}


def write_register(path: Path, state: dict) -> None:
    rows = [
        [nr, f"Actie {nr}", period, status, done] for nr, (period, status, done) in state.items()
    ]
    write_xlsx(path, rows, header=HEADER)


def page_texts(monitor: Path) -> list[str]:
    page = openpyxl.load_workbook(monitor)["Monitor"]
    return [c.value for row in page.iter_rows() for c in row if isinstance(c.value, str)]


def change_texts(monitor: Path) -> tuple[str | None, str | None]:
    """The change column beside P1 and P2 on the Monitor sheet."""
    page = openpyxl.load_workbook(monitor)["Monitor"]
    found = {}
    for row in page.iter_rows():
        label = row[1].value
        if label in (P1, P2):
            texts = [c.value for c in row[2:] if isinstance(c.value, str) and c.value[:1] in "+-g"]
            found[label] = texts[-1] if texts else None
    return found.get(P1), found.get(P2)


def trend_dates(monitor: Path) -> list[dt.date]:
    ws = openpyxl.load_workbook(monitor, data_only=True)["Historie"]
    rows = list(ws[ws.tables["Historietotalen"].ref])[1:]
    return [row[0].value.date() for row in rows]


def scheduled_arguments(register: Path, monitor: Path) -> list[str]:
    """The command the README's schedule runs (``mvi-xl schedule``'s cron line), as CLI
    arguments."""
    printed = CliRunner().invoke(
        cli,
        ["schedule", str(register), "-o", str(monitor), "--cmd-dir", str(register.parent)],
        catch_exceptions=False,
    )
    assert printed.exit_code == 0, printed.output
    cron = next(line for line in printed.stdout.splitlines() if line.startswith("0 7 "))
    words = shlex.split(cron)
    return words[words.index("mvi_xl") + 1 :]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory):
    """Run the year: every day a refresh (through pipeline.build, for speed; some through the
    CLI as scheduled), the six publishes through the CLI. Keeps what each publish showed."""
    folder = tmp_path_factory.mktemp("year")
    register, monitor = folder / "Actieplan MVI.xlsx", folder / "Actieplan MVI-monitor.xlsx"
    state = dict(START)
    write_register(register, state)
    scheduled = scheduled_arguments(register, monitor)
    assert "--publish" not in scheduled  # the schedule refreshes
    runner = CliRunner()
    published, refreshes, sizes = {}, {}, []
    day = D(2018, 1, 1)
    while day <= D(2018, 12, 31):
        if day in EVENTS:
            state.update(EVENTS[day])
            write_register(register, state)

        def refresh(day=day):
            if day.day == 15:  # twice a month through the CLI, exactly as scheduled
                result = runner.invoke(cli, [*scheduled, "--as-of", day.isoformat()])
                assert result.exit_code == 0, result.output
            else:
                result = pipeline.build(
                    pipeline.Options(register=register, output=monitor, as_of=day)
                )
                refreshes[day] = result

        def publish(day=day):
            arguments = ["build", str(register), "-o", str(monitor), "--publish", "--json"]
            result = runner.invoke(cli, [*arguments, "--as-of", day.isoformat()])
            assert result.exit_code == 0, result.output
            data = json.loads(result.stdout)
            published[day] = (
                data,
                page_texts(monitor),
                change_texts(monitor),
                trend_dates(monitor),
            )

        if day in PUBLISHED and day not in REFRESH_FIRST:
            publish()
            refresh()
        elif day in PUBLISHED:
            refresh()
            publish()
        else:
            refresh()
        sizes.append(len(load_history(history_path(monitor)).snapshots))
        if day == D(2018, 7, 15):
            # the council asks for the March monitor: rebuilding it changes nothing
            before = history_path(monitor).read_bytes(), monitor.read_bytes()
            again = runner.invoke(
                cli, ["build", str(register), "-o", str(monitor), "--as-of", "2018-03-01"]
            )
            after = history_path(monitor).read_bytes(), monitor.read_bytes()
            published["march again"] = (again, before == after)
        day += dt.timedelta(days=1)
    return folder, register, monitor, published, refreshes, sizes


@pytest.mark.slow
@pytest.mark.parametrize("peildatum", PUBLISHED, ids=str)
def test_every_published_monitor_compares_with_the_previous_published_one(year, peildatum):
    _, _, _, published, _, _ = year
    data, texts, (p1_change, p2_change), trend = published[peildatum]
    previous, realised, p1_expected, p2_expected, p1_counts = EXPECTED[peildatum]
    assert data["published"] is True
    assert (data["previous"] or {}).get("as_of") == previous
    assert data["since"] == previous
    assert [r["id"] for r in data["realised_since"]] == realised
    dated = {r["id"]: r["date"] for r in data["realised_since"]}
    assert all((dated[i] is None) == (i in {"4", "1", "11", "12"}) for i in realised)
    p1 = next(p for p in data["periods"] if p["period"] == P1)
    assert tuple(p1["by_status"][s] for s in ("voltooid", "lopend", "gepland", "vervallen")) == (
        p1_counts
    )
    # the page names one comparison: the change column and the realised list
    assert (p1_change, p2_change) == (p1_expected, p2_expected)
    if previous is None:
        assert "Gerealiseerde acties" in texts
        assert not any(t.startswith("t.o.v. ") for t in texts)
    else:
        day = D.fromisoformat(previous).strftime("%d-%m-%Y")
        assert f"Gerealiseerde acties (t.o.v. {day})" in texts
        assert [t for t in texts if t.startswith("t.o.v. ")] == [f"t.o.v. {day}"]
    # the trend: the published monitors up to this one
    assert trend == [d for d in PUBLISHED if d <= peildatum]


@pytest.mark.slow
def test_refreshes_compare_with_the_last_published_monitor(year):
    _, _, _, _, refreshes, _ = year
    monitor = refreshes[D(2018, 6, 30)].monitor
    assert monitor.previous.as_of == monitor.since == D(2018, 5, 1)
    assert [a.id for a in monitor.realised] == ["2"]  # not empty, as "t.o.v. 30-06" was
    last = refreshes[D(2018, 12, 31)].monitor
    assert last.previous.as_of == D(2018, 11, 1)
    assert [a.id for a in last.realised] == ["7"]
    assert [s.as_of for s in last.history] == [*PUBLISHED, D(2018, 12, 31)]


@pytest.mark.slow
def test_the_history_holds_the_published_monitors_and_the_latest_refresh(year):
    _, _, monitor, _, _, sizes = year
    history = load_history(history_path(monitor))
    assert [(s.as_of, s.published) for s in history.snapshots] == [
        *((d, True) for d in PUBLISHED),
        (D(2018, 12, 31), False),
    ]
    assert max(sizes) == 7  # never one snapshot per run
    assert trend_dates(monitor) == [*PUBLISHED, D(2018, 12, 31)]


@pytest.mark.slow
def test_the_march_monitor_is_the_archived_copy(year):
    folder, _, _, published, _, _ = year
    again, unchanged = published["march again"]
    archived = folder / "Actieplan MVI-monitor-archief" / "Actieplan MVI-monitor 2018-03-01.xlsx"
    assert again.exit_code == 0
    assert unchanged
    assert again.stdout.startswith("De monitor van 01-03-2018 is al gepubliceerd;")
    assert str(archived) in again.stdout
    # the archived copy is the monitor as it was published in March
    ws = openpyxl.load_workbook(archived, data_only=True)["Monitor"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Gerealiseerde acties (t.o.v. 01-02-2018)" in texts
    assert "Actie 4" in " ".join(texts)


@pytest.mark.slow
def test_the_archive_holds_the_six_published_workbooks(year):
    folder, _, _, _, _, _ = year
    archive = folder / "Actieplan MVI-monitor-archief"
    assert sorted(p.name for p in archive.iterdir()) == [
        f"Actieplan MVI-monitor {d.isoformat()}.xlsx" for d in PUBLISHED
    ]
