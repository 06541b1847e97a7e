"""Faults in the history never cost it: a file that can't be read stops the run and changes
nothing, only content that can't be parsed is kept aside, a file cut off keeps its complete
snapshots, a pipe or a device is refused, a full disk leaves the monitor and the history as
they were, and histories of an earlier and a later version are handled as their version says.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mvi_xl import history as history_module
from mvi_xl import safe_io
from mvi_xl.cli import cli
from mvi_xl.history import history_path, load_history
from mvi_xl.history_format import COLUMNS, parse
from mvi_xl.history_render import render
from mvi_xl.model import PeriodCounts, Snapshot, SnapshotAction

from .conftest import write_xlsx
from .test_history import DATES, P1, write_version

D = dt.date


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], **kw)


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def files(folder: Path) -> dict[str, bytes]:
    """Everything in a folder, archive included: what must not change."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".") and p.suffix != ".lock"
    }


@pytest.fixture
def published(tmp_path: Path) -> tuple[Path, Path]:
    """A register and a monitor published at the three DATES; the register is now of the
    last date."""
    register, monitor = tmp_path / "register.xlsx", tmp_path / "monitor.xlsx"
    for as_of in DATES:
        write_version(register, as_of)
        result = run("build", register, "-o", monitor, "--as-of", as_of, "--publish")
        assert result.exit_code == 0, result.output
    return register, monitor


REFRESH = "2018-12-01"
LATER = ("--as-of", "2018-10-01")


# --- Reading ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "lang", "text"),
    [
        (OSError(errno.EIO, "Input/output error"), "nl", "kan de historie niet lezen: Input/"),
        (PermissionError(errno.EACCES, "Permission denied"), "nl", "kan de historie niet lezen"),
        (OSError(errno.EBUSY, "Device or resource busy"), "en", "cannot read the history: Dev"),
    ],
)
def test_an_error_while_reading_stops_the_run_and_changes_nothing(
    published, monkeypatch: pytest.MonkeyPatch, error: OSError, lang: str, text: str
):
    """A network blip, a lock, antivirus: exit 4, one line, and the history is neither moved
    aside nor replaced (a later run reads it again)."""
    register, monitor = published
    before = files(monitor.parent)
    real_open = os.open
    target = str(history_path(monitor))

    def failing(path, *args, **kwargs):
        if str(path) == target:
            raise error
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(history_module.os, "open", failing)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--lang", lang)
    assert result.exit_code == 4
    line = one_line(result)
    assert line.startswith(f"mvi-xl: {target}: {text}")
    assert files(monitor.parent) == before


def test_a_pipe_is_refused_without_waiting(tmp_path: Path):
    """A FIFO where the history should be: one line, exit 4, never a hang."""
    register = write_version(tmp_path / "register.xlsx", DATES[0])
    monitor = tmp_path / "monitor.xlsx"
    os.mkfifo(history_path(monitor))
    for command in (
        ["build", str(register), "-o", str(monitor)],
        ["history", "list", str(monitor)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "mvi_xl", *command],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 4, done.stderr
        assert "de historie is geen gewoon bestand" in done.stderr
        assert len(done.stderr.splitlines()) == 1
    assert not monitor.exists()


def test_a_link_to_a_device_is_refused(tmp_path: Path):
    register = write_version(tmp_path / "register.xlsx", DATES[0])
    monitor = tmp_path / "monitor.xlsx"
    history_path(monitor).symlink_to("/dev/zero")
    result = run("build", register, "-o", monitor)
    assert result.exit_code == 4
    assert "de historie is geen gewoon bestand" in one_line(result)
    assert not monitor.exists()


def test_a_history_beyond_its_limit_is_refused_before_it_is_read(tmp_path: Path):
    register = write_version(tmp_path / "register.xlsx", DATES[0])
    monitor = tmp_path / "monitor.xlsx"
    with history_path(monitor).open("wb") as sparse:  # 513 MB that take no disk space
        sparse.truncate(513 * 2**20)
    result = run("build", register, "-o", monitor, "--lang", "en")
    assert result.exit_code == 4
    assert "the history is 513 MB; the limit is 512 MB; nothing was changed" in one_line(result)
    assert history_path(monitor).stat().st_size == 513 * 2**20


def test_a_history_growing_while_read_is_cut_at_the_limit(
    published, monkeypatch: pytest.MonkeyPatch
):
    register, monitor = published
    size = history_path(monitor).stat().st_size
    monkeypatch.setattr(history_module, "MAX_HISTORY_BYTES", size - 1)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH)
    assert result.exit_code == 4
    assert "de grens is 0 MB" in one_line(result)


# --- Versions -------------------------------------------------------------------------------


def test_a_newer_versions_history_is_refused_not_moved_aside(published):
    register, monitor = published
    path = history_path(monitor)
    newer = "\ufeffmvi-xl historie;formaat 3\r\niets nieuws;\r\n"
    path.write_bytes(newer.encode())
    before = files(monitor.parent)
    for lang, text in (
        (
            "nl",
            "de historie is geschreven door een nieuwere versie van mvi-xl (mvi-xl historie "
            "formaat 3; deze versie leest formaat 2); er is niets veranderd",
        ),
        ("en", "the history was written by a newer version of mvi-xl"),
    ):
        result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--lang", lang)
        assert result.exit_code == 4
        assert text in one_line(result)
    assert run("history", "list", monitor).exit_code == 4
    assert files(monitor.parent) == before  # nothing aside, nothing replaced


def v1_bytes(snapshots: list[Snapshot]) -> bytes:
    """A history as versions before the reporting cycle wrote it (format 1)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for snap in snapshots:
        day = snap.as_of.isoformat()
        writer.writerow([day, "bron", "", "", "", "", "", "", snap.register])
        for counts in snap.periods:
            for status, count in counts.by_status.items():
                continuous = "ja" if counts.continuous else "nee"
                writer.writerow(
                    [day, "telling", counts.period, continuous, status, count, "", "", ""]
                )
        for a in snap.actions:
            writer.writerow([day, "actie", a.period, "", a.status, "", a.id, a.row, ""])
    return ("\ufeff" + out.getvalue()).encode()


def test_an_earlier_versions_history_counts_as_published_and_is_rewritten_only_on_change(
    published,
):
    register, monitor = published
    path = history_path(monitor)
    old = [load_history(path).snapshots[i] for i in (0, 1)]  # March and June, as v1 had them
    path.write_bytes(v1_bytes(old))
    v1 = path.read_bytes()

    listed = json.loads(run("history", "list", monitor, "--json").stdout)
    assert [(s["as_of"], s["published"]) for s in listed["snapshots"]] == [
        ("2018-03-01", True),
        ("2018-06-01", True),
    ]
    # a published peildatum, and a refresh before the latest snapshot: nothing changes
    assert run("build", register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    early = run("build", register, "-o", monitor, "--as-of", "2018-05-01")
    assert early.exit_code == 0 and "momentopname niet vastgelegd" in early.stderr
    assert path.read_bytes() == v1
    # a refresh after them: compared with June, and the file is written in format 2
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--json")
    data = json.loads(result.stdout)
    assert data["previous"]["as_of"] == "2018-06-01"
    assert [r["id"] for r in data["realised_since"]] == ["3", "5"]
    text = path.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "mvi-xl historie;formaat 2"
    kinds = [line.split(";")[4] for line in text if ";momentopname;" in line]
    assert kinds == ["toegevoegd", "toegevoegd", "tussenstand"]


# --- Cut off, unreadable in part ----------------------------------------------------------


def cut_positions(data: bytes) -> dict[str, int]:
    last = data.rfind(b";momentopname;") - 10
    actions = data.find(b";actie;", last)
    actions = data.rfind(b"\n", 0, actions) + 1
    return {
        "mid-line in the last actions": data.rfind(b";", actions, len(data) - 40),
        "at a line break in the last actions": data.rfind(b"\n", actions, len(data) - 40) + 1,
        "in the last momentopname row": last + 15,
        "only the final line break": len(data) - 2,
    }


@pytest.mark.parametrize(
    "where",
    [
        "mid-line in the last actions",
        "at a line break in the last actions",
        "in the last momentopname row",
        "only the final line break",
    ],
)
def test_a_history_cut_off_keeps_its_complete_snapshots(published, where: str):
    register, monitor = published
    path = history_path(monitor)
    data = path.read_bytes()
    cut = data[: cut_positions(data)[where]]
    path.write_bytes(cut)
    complete = where == "only the final line break"
    listed = run("history", "list", monitor)
    assert listed.exit_code == 0
    assert ("de historie was afgebroken" in listed.stderr) != complete
    assert path.read_bytes() == cut  # listing changes nothing
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--json")
    assert result.exit_code == 0, result.output
    data_json = json.loads(result.stdout)
    kept = [s.as_of for s in load_history(path).snapshots if s.published]
    if complete:
        assert kept == DATES
        assert data_json["previous"]["as_of"] == "2018-11-01"
        assert not list(path.parent.glob("*onleesbaar*"))
        return
    assert kept == DATES[:2]
    assert data_json["previous"]["as_of"] == "2018-06-01"  # the latest complete one
    codes = [n["code"] for n in data_json["notices"]]
    assert codes[:2] == ["history_cut", "history_kept_aside"]
    (aside,) = path.parent.glob("monitor-historie.onleesbaar-*.csv")
    assert aside.read_bytes() == cut


def sample_snapshots() -> list[Snapshot]:
    periods = (
        PeriodCounts(
            P1, False, {"voltooid": 1, "lopend": 1, "gepland": 0, "vervallen": 0, "onbekend": 0}
        ),
    )
    return [
        Snapshot(
            D(2018, month, 1),
            periods,
            tuple(SnapshotAction(f"{month}.{i}", P1, "lopend", i + 2) for i in range(3)),
            "register.xlsx",
            published=month < 9,
        )
        for month in (3, 6, 9)
    ]


SAMPLE = b"".join(render(sample_snapshots()))
HEADER_END = SAMPLE.find(b"\n", SAMPLE.find(b"\n") + 1) + 1
#: where each snapshot's block ends in SAMPLE (its last line break included)
_starts = [m for m in range(len(SAMPLE)) if SAMPLE.startswith(b";momentopname;", m)]
BLOCK_ENDS = [start - 10 for start in _starts[1:]] + [len(SAMPLE)]


@settings(max_examples=300)
@given(st.integers(min_value=HEADER_END, max_value=len(SAMPLE)))
def test_any_cut_keeps_exactly_the_complete_snapshots(at: int):
    """Cut anywhere after the header: the snapshots whose rows all survive are read (also one
    missing only its final line break), the one cut in is left out, and nothing raises."""
    parsed = parse(SAMPLE[:at])
    originals = sample_snapshots()
    complete = sum(1 for end in BLOCK_ENDS if at >= end - 2)
    assert list(parsed.snapshots) == originals[:complete]
    # at the end of a block (or missing only its line break) nothing is lost
    boundary = at == HEADER_END or any(end - 2 <= at <= end for end in BLOCK_ENDS)
    assert len(parsed.dropped) == (0 if complete == len(originals) or boundary else 1)


def test_a_snapshot_whose_rows_cant_be_read_is_left_out_and_the_file_kept(published):
    """The compared snapshot's rows are parsed only when it is compared with: a bad one then
    is left out (said, the file kept aside), and the monitor compares with the one before."""
    register, monitor = published
    path = history_path(monitor)
    data = path.read_bytes()
    last = data.rfind(b";momentopname;")
    broken = data[:last] + data[last:].replace(b";;voltooid;;", b";;klaar;;", 1)
    path.write_bytes(broken)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--json")
    assert result.exit_code == 0, result.output
    data_json = json.loads(result.stdout)
    assert data_json["previous"]["as_of"] == "2018-06-01"
    notice = next(n for n in data_json["notices"] if n["code"] == "history_snapshot_unreadable")
    assert "01-11-2018" in notice["message"] and "status 'klaar'" in notice["message"]
    assert [s.as_of for s in load_history(path).snapshots if s.published] == DATES[:2]
    (aside,) = path.parent.glob("monitor-historie.onleesbaar-*.csv")
    assert aside.read_bytes() == broken


# --- Writing --------------------------------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing the history's temporary file runs out of space half-way."""
    real_open = Path.open

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    def opening(self: Path, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        return Full(handle) if "w" in mode and "historie" in self.name else handle

    monkeypatch.setattr(Path, "open", opening)


@pytest.mark.parametrize("publish", [False, True], ids=["refresh", "publish"])
def test_a_full_disk_is_one_line_and_changes_nothing(
    published, monkeypatch: pytest.MonkeyPatch, publish: bool
):
    register, monitor = published
    before = files(monitor.parent)
    full_disk(monkeypatch)
    extra = ["--publish"] if publish else []
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, *extra)
    assert result.exit_code == 4
    line = one_line(result)
    assert "kan de historie niet schrijven: No space left on device; de monitor en de " in line
    assert files(monitor.parent) == before  # monitor, history and archive as they were
    assert not [p for p in monitor.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_real_file_size_limit_while_writing_the_history(tmp_path: Path):
    """The operating system refuses the write (EFBIG under a file size limit, as ENOSPC on a
    full share): a real failure, in a process of its own."""
    register = write_xlsx(
        tmp_path / "register.xlsx",
        [[str(i), f"Actie {i}", P1, "lopend", None] for i in range(3000)],
    )
    monitor = tmp_path / "monitor.xlsx"
    snapshot = Snapshot(
        D(2018, 1, 1),
        (PeriodCounts(P1, False, {"voltooid": 0, "lopend": 3000, "gepland": 0, "vervallen": 0}),),
        tuple(SnapshotAction(str(i), P1, "lopend", i + 2) for i in range(3000)),
        str(register),
    )
    snapshots = [
        Snapshot(D(2018, m, 1), snapshot.periods, snapshot.actions, str(register))
        for m in range(1, 9)
    ]
    history_path(monitor).write_bytes(b"".join(render(snapshots)))
    before = history_path(monitor).read_bytes()
    limit = len(before) - 1000  # the monitor fits, the new history does not

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-m", "mvi_xl", "build", str(register), "-o", str(monitor), *LATER],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited,
    )
    assert done.returncode == 4, done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert "kan de historie niet schrijven: File too large" in done.stderr
    assert history_path(monitor).read_bytes() == before
    assert not monitor.exists()


def history_in_use(monkeypatch: pytest.MonkeyPatch, monitor: Path) -> None:
    """Windows refuses to replace the history while Excel has it open."""
    real_replace = Path.replace
    target = history_path(monitor)

    def replacing(self: Path, other):
        if Path(other) == target:
            refused = PermissionError(errno.EACCES, "in use")
            refused.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows answers
            raise refused
        return real_replace(self, other)

    monkeypatch.setattr(Path, "replace", replacing)
    # the move is retried for about three seconds before the history counts as in use
    monkeypatch.setattr(safe_io, "REPLACE_DELAY", 0.01)


def test_a_history_in_use_lets_a_refresh_write_its_monitor(
    published, monkeypatch: pytest.MonkeyPatch
):
    register, monitor = published
    history = history_path(monitor).read_bytes()
    history_in_use(monkeypatch, monitor)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH)
    assert result.exit_code == 0
    assert "de historie is nu niet bijgewerkt" in result.stderr
    assert history_path(monitor).read_bytes() == history
    monkeypatch.undo()
    again = run("build", register, "-o", monitor, "--as-of", REFRESH)  # the next run records
    assert again.exit_code == 0 and "al bijgewerkt" not in again.stdout
    assert load_history(history_path(monitor)).on(D(2018, 12, 1)) is not None


def test_an_english_run_says_in_english_that_the_history_was_not_saved(
    published, monkeypatch: pytest.MonkeyPatch
):
    register, monitor = published
    history_in_use(monkeypatch, monitor)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--lang", "en")
    assert result.exit_code == 0
    assert "the history was not updated this time: the history is in use" in result.stderr
    assert "historie" not in result.stderr.replace(history_path(monitor).name, "")


def test_a_history_in_use_publishes_nothing(published, monkeypatch: pytest.MonkeyPatch):
    register, monitor = published
    before = files(monitor.parent)
    history_in_use(monkeypatch, monitor)
    result = run("build", register, "-o", monitor, "--as-of", REFRESH, "--publish")
    assert result.exit_code == 4
    assert "de historie is in gebruik (open in Excel?)" in one_line(result)
    assert files(monitor.parent) == before  # no archived copy either


# --- Two registers, one monitor -------------------------------------------------------------


def test_two_registers_writing_one_monitor_get_a_warning_not_a_mixed_history(published):
    register, monitor = published
    other = write_version(register.with_name("ander register.xlsx"), DATES[2])
    before = history_path(monitor).read_bytes()
    result = run("build", other, "-o", monitor, "--as-of", REFRESH)
    assert result.exit_code == 0
    assert "de historie hoort bij een ander register (register.xlsx)" in result.stderr
    assert history_path(monitor).read_bytes() == before
    assert run("build", other, "-o", monitor, "--as-of", REFRESH, "--strict").exit_code == 3
    # publishing it is deliberate (a renamed register): recorded, and said
    renamed = run("build", other, "-o", monitor, "--as-of", REFRESH, "--publish")
    assert renamed.exit_code == 0
    assert "vanaf deze gepubliceerde monitor hoort ze bij ander register.xlsx" in renamed.stderr
    again = run("build", other, "-o", monitor, "--as-of", "2018-12-02")
    assert "ander register" not in again.stderr
