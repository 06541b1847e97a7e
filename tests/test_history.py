"""History across monitors: snapshots per peildatum, realised since the previous monitor, the
Historie sheet, backfill from old copies, and a history file that survives a crash."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.cli import cli
from mvi_xl.errors import OutputError
from mvi_xl.history import (
    History,
    history_path,
    load_history,
    load_history_bytes,
    render_history,
    save_history,
)
from mvi_xl.history_format import ALL_STATUSES as ALL
from mvi_xl.history_format import parse
from mvi_xl.history_render import render
from mvi_xl.model import PeriodCounts, Snapshot, SnapshotAction

from .conftest import write_xlsx

D = dt.date
P1, P2 = "Aan de slag in 2018", "Actie doorlopend"

#: One register as it evolves: id -> (period, status, completion date) per peildatum.
VERSIONS = {
    D(2018, 3, 1): {
        "1": (P1, "voltooid", D(2018, 2, 1)),
        "2": (P1, "lopend", None),
        "3": (P1, "lopend", None),
        "4": (P1, "gepland", None),
        "5": (P1, "gepland", None),
        "6": (P2, "lopend", None),
        "7": (P2, "gepland", None),
    },
    D(2018, 6, 1): {
        "1": (P1, "voltooid", D(2018, 2, 1)),
        "2": (P1, "afgerond", D(2018, 5, 1)),
        "3": (P1, "lopend", None),
        "4": (P1, "in uitvoering", None),
        "5": (P1, "gepland", None),
        "6": (P2, "lopend", None),
        "7": (P2, "lopend", None),
    },
    D(2018, 11, 1): {
        "1": (P1, "voltooid", D(2018, 2, 1)),
        "2": (P1, "afgerond", D(2018, 5, 1)),
        "3": (P1, "gereed", D(2018, 9, 1)),
        "4": (P1, "in uitvoering", None),
        "5": (P1, "voltooid", D(2018, 10, 10)),
        "6": (P2, "lopend", None),
        "7": (P2, "lopend", None),
        "8": (P1, "gepland", None),
    },
}
DATES = sorted(VERSIONS)


def write_version(path: Path, as_of: dt.date, *, completion: bool = True) -> Path:
    header = ["Nr", "Actie", "Periode", "Status"] + (["Datum gereed"] if completion else [])
    rows = [
        [i, f"Actie {i}", period, status] + ([done] if completion else [])
        for i, (period, status, done) in VERSIONS[as_of].items()
    ]
    return write_xlsx(path, rows, header=header)


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def build(register: Path, monitor: Path, as_of: dt.date, *extra) -> dict:
    result = run("build", register, "-o", monitor, "--as-of", as_of.isoformat(), "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def historie_totals(monitor: Path) -> list[list]:
    workbook = openpyxl.load_workbook(monitor, data_only=True)
    ws = workbook["Historie"]
    ref = ws.tables["Historietotalen"].ref
    return [[c.value for c in row] for row in ws[ref]]


def test_three_published_monitors_give_three_points_and_the_right_changes(tmp_path: Path):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    for as_of in DATES:
        write_version(register, as_of)
        data = build(register, monitor, as_of, "--publish")
        assert data["published"] is True

    assert data["previous"]["as_of"] == "2018-06-01"
    assert data["since"] == "2018-06-01"  # --since defaults to the previous published snapshot
    p1 = next(p for p in data["periods"] if p["period"] == P1)
    assert p1["change"] == {"voltooid": 2, "lopend": -1, "gepland": 0, "vervallen": 0}
    assert [r["id"] for r in data["realised_since"]] == ["3", "5"]

    totals = historie_totals(monitor)
    assert totals[0] == ["Peildatum", "Voltooid", "Lopend", "Gepland", "Vervallen", "Totaal"]
    assert [row[0].date() for row in totals[1:]] == DATES
    assert [row[1:] for row in totals[1:]] == [[1, 3, 3, 0, 7], [2, 4, 1, 0, 7], [4, 3, 1, 0, 8]]
    ws = openpyxl.load_workbook(monitor)["Historie"]
    chart = ws._charts[0]
    assert [s.val.numRef.f for s in chart.series] == [f"Historie!${c}$4:${c}$6" for c in "KLMN"]

    page = openpyxl.load_workbook(monitor)["Monitor"]
    texts = [c.value for row in page.iter_rows() for c in row if isinstance(c.value, str)]
    assert "t.o.v. 01-06-2018" in texts
    assert "Gerealiseerde acties (t.o.v. 01-06-2018)" in texts
    assert "+2 voltooid, -1 lopend" in texts  # P1
    assert "geen wijziging" in texts  # the continuous period
    assert "+2 voltooid, -1 lopend, +1 gepland" not in texts

    # building a published peildatum again changes nothing and names the archived copy
    before = history_path(monitor).read_bytes(), monitor.read_bytes()
    write_version(register, DATES[2])
    again = run("build", register, "-o", monitor, "--as-of", DATES[1].isoformat(), "--json")
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    archived = tmp_path / "monitor-archief" / "monitor 2018-06-01.xlsx"
    assert data["already_published"] is True and data["archived"] == str(archived)
    assert (history_path(monitor).read_bytes(), monitor.read_bytes()) == before


def test_history_file_is_readable_csv(tmp_path: Path):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    build(write_version(register, DATES[0]), monitor, DATES[0])
    text = (tmp_path / "monitor-historie.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "mvi-xl historie;formaat 2"
    assert lines[1] == "peildatum;soort;periode;doorlopend;status;aantal;nr;rij;register"
    assert lines[2] == f"2018-03-01;momentopname;;;tussenstand;7;;;{register}"
    assert f"2018-03-01;telling;{P1};nee;voltooid;1;;;" in lines
    assert f"2018-03-01;actie;{P1};;voltooid;;1;2;" in lines


def test_csv_round_trip_keeps_formula_like_text_inert():
    periods = (
        PeriodCounts(
            '=HYPERLINK("x")',
            False,
            {"voltooid": 1, "lopend": 0, "gepland": 0, "vervallen": 0, "onbekend": 0},
        ),
        PeriodCounts(
            "", True, {"voltooid": 0, "lopend": 2, "gepland": 0, "vervallen": 0, "onbekend": 1}
        ),
    )
    snap = Snapshot(
        D(2018, 6, 1),
        periods,
        (
            SnapshotAction("+1", '=HYPERLINK("x")', "voltooid", 4),
            SnapshotAction("'quoted", "", "onbekend", 5),
        ),
        "C:\\MVI\\register.xlsx",
    )
    data = render_history(History((snap,)))
    fields = [
        f for row in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";") for f in row
    ]
    assert '\'=HYPERLINK("x")' in fields and "'+1" in fields
    assert not any(f.startswith(("=", "+", "@")) for f in fields)
    (parsed,) = load_history_bytes(data)
    assert parsed == snap


def test_backfill_from_old_copies_then_build(tmp_path: Path):
    """Coordinators keep dated copies; history add records them, the build compares with the
    latest. Without a completion-date column, realised = became voltooid, matched by id."""
    monitor = tmp_path / "MVI monitor.xlsx"
    for as_of in DATES[:2]:
        copy = write_version(tmp_path / f"register {as_of}.xlsx", as_of, completion=False)
        result = run("history", "add", copy, "--as-of", as_of.isoformat(), "-o", monitor)
        assert result.exit_code == 0, result.output
        assert "vastgelegd" in result.stdout
    assert not monitor.exists()  # history add builds no monitor

    listed = run("history", "list", monitor)
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["Peildatum", "Soort", "Totaal"]
    assert [line.split()[:2] for line in lines[1:]] == [
        ["01-03-2018", "gepubliceerd"],
        ["01-06-2018", "gepubliceerd"],
    ]

    current = write_version(tmp_path / "register.xlsx", DATES[2], completion=False)
    data = build(current, monitor, DATES[2])
    assert data["since"] == "2018-06-01"
    assert [r["id"] for r in data["realised_since"]] == ["3", "5"]
    assert all(r["date"] is None for r in data["realised_since"])
    assert len(historie_totals(monitor)) == 1 + 3


def test_rows_without_an_id_cannot_be_matched(tmp_path: Path):
    monitor = tmp_path / "monitor.xlsx"
    old = write_xlsx(
        tmp_path / "old.xlsx",
        [["a", P1, "lopend"], ["b", P1, "lopend"]],
        header=["Actie", "Periode", "Status"],
    )
    assert run("history", "add", old, "--as-of", "2018-06-01", "-o", monitor).exit_code == 0
    new = write_xlsx(
        tmp_path / "new.xlsx",
        [["a", P1, "voltooid"], ["b", P1, "lopend"]],
        header=["Actie", "Periode", "Status"],
    )
    data = build(new, monitor, D(2018, 11, 1))
    assert data["realised_since"] == []
    warning = data["warnings"][0]
    assert warning["where"] == "Acties!A2"
    assert "1 voltooide actie zonder uniek nummer" in warning["message"]


def test_history_remove_and_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    for as_of in DATES:
        build(write_version(register, as_of), monitor, as_of, "--publish")
    monkeypatch.chdir(tmp_path)
    result = run("history", "remove", "01-06-2018")  # the one history file in this folder
    assert result.exit_code == 0, result.output
    assert [s.as_of for s in load_history(history_path(monitor)).snapshots] == [DATES[0], DATES[2]]
    again = run("history", "remove", "2018-06-01", monitor)
    assert again.exit_code == 2 and "geen momentopname op 01-06-2018" in again.stderr
    listed = json.loads(run("history", "list", "--json").stdout)
    assert [s["as_of"] for s in listed["snapshots"]] == ["2018-03-01", "2018-11-01"]
    assert listed["snapshots"][1]["by_status"]["voltooid"] == 4


def test_history_list_needs_a_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("history", "list")
    assert result.exit_code == 2 and "welke historie?" in result.stderr
    missing = run("history", "list", tmp_path / "monitor.xlsx")
    assert missing.exit_code == 2 and "geen historie" in missing.stderr


def test_deleted_history_starts_afresh_with_a_warning(tmp_path: Path):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    write_version(register, DATES[0])
    first = run("build", register, "-o", monitor, "--as-of", "2018-03-01")
    assert "nieuwe historie begonnen" in first.stderr
    history_path(monitor).unlink()
    write_version(register, DATES[1])
    second = run("build", register, "-o", monitor, "--as-of", "2018-06-01")
    assert second.exit_code == 0
    assert "de historie (1 momentopname) ontbreekt" in second.stderr
    notes = openpyxl.load_workbook(monitor)["Toelichting"]
    texts = [c.value for row in notes.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("ontbreekt" in t for t in texts)


def test_unreadable_history_is_kept_aside_not_overwritten(tmp_path: Path):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    write_version(register, DATES[0])
    broken = history_path(monitor)
    broken.write_bytes(b"dit is geen historie\x00\xff")
    result = run("build", register, "-o", monitor, "--as-of", "2018-03-01", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert "onleesbaar" in data["notices"][0]["message"]
    aside = list(tmp_path.glob("monitor-historie.onleesbaar-*.csv"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"dit is geen historie\x00\xff"
    assert len(load_history(broken).snapshots) == 1


@pytest.mark.parametrize(
    ("since", "previous", "realised", "note"),
    [
        # a published peildatum: counts and realised list compare with its snapshot
        ("2018-03-01", "2018-03-01", ["2", "3", "5"], False),
        # a day without a snapshot: realised by completion date from it, counts not compared
        ("2018-04-01", None, ["2", "3", "5"], True),
        ("2018-08-01", None, ["3", "5"], True),
    ],
)
def test_since_names_one_comparison(
    tmp_path: Path, since: str, previous: str | None, realised: list[str], note: bool
):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    build(write_version(register, DATES[0]), monitor, DATES[0], "--publish")
    data = build(write_version(register, DATES[2]), monitor, DATES[2], "--since", since)
    assert data["since"] == since
    assert (data["previous"] or {}).get("as_of") == previous
    assert [r["id"] for r in data["realised_since"]] == realised
    assert all(p["change"] is None for p in data["periods"]) == (previous is None)
    page = openpyxl.load_workbook(monitor)["Monitor"]
    texts = [c.value for row in page.iter_rows() for c in row if isinstance(c.value, str)]
    day = dt.date.fromisoformat(since).strftime("%d-%m-%Y")
    assert f"Gerealiseerde acties (t.o.v. {day})" in texts
    changes = [t for t in texts if t.startswith("t.o.v. ")]
    assert changes == ([] if previous is None else [f"t.o.v. {day}"])
    no_snapshot = f"Geen momentopname op {day}: de aantallen zijn niet vergeleken; "
    assert any(t.startswith(no_snapshot) for t in texts) == note
    assert ("no_snapshot_on_since" in [n["code"] for n in data["notices"]]) == note


def test_first_build_has_no_previous(tmp_path: Path):
    data = build(write_version(tmp_path / "r.xlsx", DATES[0]), tmp_path / "m.xlsx", DATES[0])
    assert data["previous"] is None and data["since"] is None
    assert all(p["change"] is None for p in data["periods"])


def test_a_crash_while_writing_the_history_leaves_one_that_loads(tmp_path: Path):
    """Kill the process while it writes the history: the old or the new file remains."""
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    build(write_version(register, DATES[0]), monitor, DATES[0])
    before = history_path(monitor).read_bytes()
    write_version(register, DATES[1])
    marker = tmp_path / "writing"
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        import mvi_xl.history as history

        real = history.write_history
        def slow(h, target):
            real(h, target)
            Path({str(marker)!r}).write_text("x")
            time.sleep(60)  # killed here, inside the write
        history.write_history = slow
        from mvi_xl.cli import main
        sys.argv = ["mvi-xl", "build", {str(register)!r}, "-o", {str(monitor)!r},
                    "--as-of", "2018-06-01"]
        main()
    """)
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the build never reached the history"
    finally:
        process.kill()
        process.wait(timeout=30)
    assert history_path(monitor).read_bytes() == before
    assert len(load_history(history_path(monitor)).snapshots) == 1


def test_a_failed_history_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    build(write_version(register, DATES[0]), monitor, DATES[0])
    path = history_path(monitor)
    before = path.read_bytes()
    history = load_history(path)
    real_open = Path.open

    class HalfThenFull:
        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data: bytes) -> int:
            if self.written:
                raise OSError(28, "No space left on device")
            self.written = self.handle.write(data[: len(data) // 2])
            return self.written

    def open_nearly_full(self: Path, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return HalfThenFull(handle) if "w" in mode else handle

    monkeypatch.setattr(Path, "open", open_nearly_full)
    with pytest.raises(OutputError, match="No space left") as caught:
        save_history(history.with_snapshot(Snapshot(DATES[1], ())), path)
    assert caught.value.code == "history_write_failed"
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".mvi-xl-*"))  # the half-written temporary file is gone


HEAD = "peildatum;soort;periode;doorlopend;status;aantal;nr;rij;register\r\n"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("2018-03-01;actie;P;;voltooid;;1;twee;", "rij 'twee'"),
        ("2018-03-01;actie;P;;voltooid;;1;²;", "rij '²'"),
        ("2018-03-01;actie;P;;klaar;;1;2;", "status 'klaar'"),
        ("2018-13-01;actie;P;;voltooid;;1;2;", "peildatum '2018-13-01'"),
        ("2018-03-01;telling;P;nee;voltooid;veel;;;", "aantal 'veel'"),
        ("2018-03-01;actie;P;;voltooid;;1;2", "8 kolommen"),
        ("2018-03-01;iets;P;;voltooid;;1;2;", "soort 'iets'"),
    ],
)
def test_a_bad_history_line_is_named(line: str, reason: str):
    """A file of an earlier version (format 1) with a bad line: unreadable, the line named."""
    text = HEAD + "2018-03-01;actie;P;;lopend;;9;3;\r\n" + line + "\r\n"
    with pytest.raises(ValueError, match=reason) as caught:
        load_history_bytes(text.encode())
    assert "regel 3" in str(caught.value)


def test_history_rows_read_back_as_written():
    """User text that looks like a formula is escaped in the file and read back as typed."""
    text = HEAD + "2018-03-01;actie;'=P;;lopend;;'+1;;\r\n2018-03-01;actie;P;;onbekend;;;7;\r\n"
    (snapshot,) = load_history_bytes(text.encode())
    assert [(a.period, a.id, a.status, a.row) for a in snapshot.actions] == [
        ("=P", "+1", "lopend", 0),
        ("P", "", "onbekend", 7),
    ]


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
snapshots = st.lists(
    st.builds(
        lambda day, published, added, periods, actions: Snapshot(
            day,
            tuple(
                PeriodCounts(p, c, {s: n for s, n in zip(ALL, counts, strict=True)})
                for p, c, counts in periods
            ),
            tuple(SnapshotAction(i, p, s, r) for i, p, s, r in actions),
            "C:\\MVI\\register.xlsx",
            published,
            added and published,
        ),
        st.dates(D(2015, 1, 1), D(2030, 12, 31)),
        st.booleans(),
        st.booleans(),
        st.lists(
            st.tuples(texts, st.booleans(), st.lists(st.integers(0, 999), min_size=5, max_size=5)),
            max_size=3,
            unique_by=lambda p: p[0],
        ),
        st.lists(st.tuples(texts, texts, st.sampled_from(ALL), st.integers(0, 10**6)), max_size=8),
    ),
    max_size=4,
    unique_by=lambda s: s.as_of,
).map(lambda snaps: sorted(snaps, key=lambda s: s.as_of))


@given(snapshots)
def test_the_file_round_trips(snaps):
    """Rendered and read back, any snapshots are what they were (quoted text, line breaks,
    formula-like text included), and written again, the bytes are the same: the action rows
    kept as read are written back unchanged."""
    data = b"".join(render(snaps))
    parsed = parse(data)
    assert parsed.dropped == ()
    assert list(parsed.snapshots) == snaps
    assert b"".join(render(parsed.snapshots)) == data


def test_a_row_of_another_peildatum_is_found_when_the_snapshot_is_compared_with(tmp_path: Path):
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    for as_of in DATES[:2]:
        build(write_version(register, as_of), monitor, as_of, "--publish")
    path = history_path(monitor)
    data = path.read_bytes()
    row = data.rfind(b"2018-06-01;actie;")  # a later row: found only when parsed
    path.write_bytes(data[:row] + b"2018-06-02" + data[row + 10 :])
    data = build(write_version(register, DATES[2]), monitor, DATES[2])
    assert data["previous"]["as_of"] == "2018-03-01"
    notice = next(n for n in data["notices"] if n["code"] == "history_snapshot_unreadable")
    assert "geen actieregel van 2018-06-01" in notice["message"]
