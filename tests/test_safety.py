"""Safe scheduled regeneration on a shared drive: atomic output, a monitor open in Excel, one
run at a time, skipping unchanged input, a register mid-save, logging, watch and schedule."""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import pipeline, registers, safe_io
from mvi_xl.cli import cli
from mvi_xl.errors import RegisterError
from mvi_xl.lock import RunLock, lock_path
from mvi_xl.watch import Watcher

from .conftest import BASIC_ROWS, write_xlsx

EXAMPLE = Path(__file__).resolve().parent.parent / "templates" / "voorbeeld" / "register.xlsx"


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def leftovers(folder: Path) -> list[str]:
    """Temporary files mvi-xl may leave behind. (The lock file beside the monitor stays: it is
    how runs take turns, and it is free whenever no run holds it.)"""
    return sorted(p.name for p in folder.iterdir() if safe_io.TEMP_MARK in p.name)


def mvi_xl(*args: str) -> list[str]:
    return [sys.executable, "-m", "mvi_xl", *args]


# --- Atomic output under kills and concurrency -------------------------------------------------


@pytest.mark.slow
def test_killed_builds_never_break_the_monitor(tmp_path: Path):
    """Twenty builds killed at random moments: the previous monitor always loads, and the next
    run leaves no temporary files behind."""
    register = tmp_path / "register met spatie.xlsx"
    register.write_bytes(EXAMPLE.read_bytes())
    monitor = tmp_path / "monitor.xlsx"
    assert (
        subprocess.run(
            mvi_xl("build", str(register), "-o", str(monitor), "-q"), timeout=120
        ).returncode
        == 0
    )
    started = time.monotonic()
    subprocess.run(
        mvi_xl("build", str(register), "-o", str(monitor), "-q", "--force"), timeout=120, check=True
    )
    duration = time.monotonic() - started
    chance = random.Random(20181101)
    for round_ in range(20):
        process = subprocess.Popen(
            mvi_xl(
                "build",
                str(register),
                "-o",
                str(monitor),
                "-q",
                "--force",
                "--as-of",
                f"2018-11-{1 + round_ % 28:02d}",
            )
        )
        time.sleep(chance.uniform(0, duration))
        process.kill()
        process.wait(timeout=60)
        workbook = openpyxl.load_workbook(monitor, read_only=True)  # the old or the new one
        assert workbook.sheetnames[0] == "Monitor"
        workbook.close()
    final = subprocess.run(mvi_xl("build", str(register), "-o", str(monitor), "-q"), timeout=120)
    assert final.returncode == 0
    assert leftovers(tmp_path) == []
    assert openpyxl.load_workbook(monitor).sheetnames[0] == "Monitor"


@pytest.mark.slow
def test_concurrent_builds_take_turns(tmp_path: Path):
    register = tmp_path / "register.xlsx"
    register.write_bytes(EXAMPLE.read_bytes())
    monitor = tmp_path / "monitor.xlsx"
    log = tmp_path / "runs.log"
    processes = [
        subprocess.Popen(
            mvi_xl("build", str(register), "-o", str(monitor), "--force", "--log-file", str(log)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], outcomes
    assert all("mvi-xl:" not in err for _, err in outcomes)
    assert openpyxl.load_workbook(monitor).sheetnames[0] == "Monitor"
    assert leftovers(tmp_path) == []
    results = [line for line in log.read_text(encoding="utf-8").splitlines() if " result " in line]
    assert len(results) == 4 and all('status="written"' in line for line in results)


def test_stale_temporary_files_are_removed_by_the_next_run(basic_register: Path, tmp_path: Path):
    monitor = tmp_path / "monitor.xlsx"
    stale = tmp_path / f".monitor.xlsx{safe_io.TEMP_MARK}k1ll3d.tmp"
    stale.write_bytes(b"half a monitor")
    other = tmp_path / f".ander.xlsx{safe_io.TEMP_MARK}x.tmp"  # another monitor's: left alone
    other.write_bytes(b"")
    assert run("build", basic_register, "-o", monitor).exit_code == 0
    assert not stale.exists() and other.exists()


def test_a_busy_lock_makes_the_run_wait_then_give_up(basic_register: Path, tmp_path: Path):
    monitor = tmp_path / "monitor.xlsx"
    holder = RunLock(lock_path(monitor), timeout=0)
    holder.acquire()
    try:
        result = subprocess.run(
            mvi_xl("build", str(basic_register), "-o", str(monitor)),
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "MVI_XL_LOCK_TIMEOUT": "0.5"},
        )
    finally:
        holder.release()
    assert result.returncode == 4
    assert "een andere mvi-xl-run maakt deze monitor al" in result.stderr
    assert not monitor.exists()


# --- The monitor open in Excel -----------------------------------------------------------------


def refuse_replacing(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """What Windows does while Excel holds the file: the move onto it is refused."""
    real = Path.replace

    def replace(self: Path, other):
        if Path(other) == target:
            raise PermissionError(13, "The process cannot access the file", str(other))
        return real(self, other)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(safe_io, "REPLACE_DELAY", 0.01)


def test_monitor_open_in_excel_goes_to_a_dated_sibling(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monitor = tmp_path / "monitor.xlsx"
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    before = monitor.read_bytes()
    (tmp_path / "~$monitor.xlsx").write_bytes(b"owner")
    refuse_replacing(monkeypatch, monitor)

    result = run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01", "--json")
    assert result.exit_code == 5
    data = json.loads(result.stdout)
    assert data["output_in_use"] is True
    sibling = Path(data["output"])
    assert sibling.parent == tmp_path and sibling.name.startswith("monitor (")
    assert openpyxl.load_workbook(sibling).properties.created.date().isoformat() == "2018-11-01"
    assert monitor.read_bytes() == before  # nothing lost, nothing half-written
    assert "is in gebruik (open in Excel?)" in result.stderr

    again = run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01", "--json")
    assert again.exit_code == 5
    assert json.loads(again.stdout)["output"] == str(sibling)  # reused, not one more
    assert sorted(p.name for p in tmp_path.glob("monitor (*")) == [sibling.name]
    assert leftovers(tmp_path) == []

    monkeypatch.undo()  # Excel closed: the next run replaces the monitor again
    final = run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01")
    assert final.exit_code == 0 and monitor.read_bytes() != before


# --- Skip when nothing changed -----------------------------------------------------------------


def test_unchanged_rebuild_leaves_bytes_and_time_alone(basic_register: Path, tmp_path: Path):
    monitor = tmp_path / "monitor.xlsx"
    args = ("build", basic_register, "-o", monitor, "--as-of", "2018-11-01")
    assert run(*args).exit_code == 0
    os.utime(monitor, ns=(1_500_000_000_000_000_000, 1_500_000_000_000_000_000))
    before = monitor.read_bytes()
    history_before = (tmp_path / "monitor-historie.csv").read_bytes()

    result = run(*args)
    assert result.exit_code == 0
    assert "Monitor is al bijgewerkt" in result.stdout
    assert monitor.read_bytes() == before
    assert monitor.stat().st_mtime_ns == 1_500_000_000_000_000_000
    assert (tmp_path / "monitor-historie.csv").read_bytes() == history_before
    assert json.loads(run(*args, "--json").stdout)["up_to_date"] is True

    forced = run(*args, "--force")
    assert forced.exit_code == 0 and "Monitor geschreven" in forced.stdout
    assert monitor.stat().st_mtime_ns != 1_500_000_000_000_000_000


@pytest.mark.parametrize("change", ["register", "as_of", "lang", "config", "history"])
def test_changed_input_rebuilds(basic_register: Path, tmp_path: Path, change: str):
    monitor = tmp_path / "monitor.xlsx"
    args = ["build", basic_register, "-o", monitor, "--as-of", "2018-11-01"]
    assert run(*args).exit_code == 0
    if change == "register":
        write_xlsx(basic_register, [*BASIC_ROWS, ["9", "Nieuw", "P", "gepland", None]])
    elif change == "as_of":
        args[-1] = "2018-11-02"
    elif change == "lang":
        args += ["--lang", "en"]
    elif change == "config":
        (basic_register.parent / "mvi-xl.toml").write_text('organisation = "Gemeente X"\n')
    else:
        old = write_xlsx(tmp_path / "oud.xlsx", BASIC_ROWS[:3])
        assert run("history", "add", old, "--as-of", "2018-06-01", "-o", monitor).exit_code == 0
    result = run(*args)
    assert result.exit_code == 0
    assert "Monitor geschreven" in result.stdout or "Monitor written" in result.stdout


def test_missing_snapshot_is_repaired_by_the_next_run(basic_register: Path, tmp_path: Path):
    monitor = tmp_path / "monitor.xlsx"
    args = ("build", basic_register, "-o", monitor, "--as-of", "2018-11-01")
    assert run(*args).exit_code == 0
    (tmp_path / "monitor-historie.csv").unlink()  # as if the history could not be saved
    result = run(*args)
    assert "Monitor geschreven" in result.stdout
    assert (tmp_path / "monitor-historie.csv").exists()


# --- Never the register ------------------------------------------------------------------------


def test_output_through_a_link_to_the_register_is_refused(basic_register: Path, tmp_path: Path):
    link = tmp_path / "koppeling.xlsx"
    try:
        link.symlink_to(basic_register)
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    before = basic_register.read_bytes()
    result = run("build", basic_register, "-o", link)
    assert result.exit_code == 2 and "register zelf" in result.stderr
    assert basic_register.read_bytes() == before


def test_excel_owner_files_are_never_read(tmp_path: Path):
    owner = tmp_path / "~$register.xlsx"
    owner.write_bytes(b"\x00" * 165)
    result = run("build", owner)
    assert result.exit_code == 2 and "hulpbestand" in result.stderr


# --- A register caught mid-save ----------------------------------------------------------------


def test_register_mid_save_is_read_again(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    real = registers.read_register
    calls = []

    def half_saved_first(path, **kw):
        calls.append(path)
        if len(calls) == 1:
            raise RegisterError("damaged", path=path)
        return real(path, **kw)

    monkeypatch.setattr(registers, "read_register", half_saved_first)
    monkeypatch.setattr(registers, "READ_DELAY", 0.01)
    result = run("build", basic_register, "-o", tmp_path / "m.xlsx")
    assert result.exit_code == 0 and len(calls) == 2


def test_register_that_keeps_changing_gives_up_with_exit_3(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    sizes = iter(range(1000))
    monkeypatch.setattr(registers, "_signature", lambda path: next(sizes))
    monkeypatch.setattr(registers, "READ_DELAY", 0.01)
    result = run("build", basic_register, "-o", tmp_path / "m.xlsx")
    assert result.exit_code == 3
    assert "veranderde terwijl het werd gelezen" in result.stderr
    assert not (tmp_path / "m.xlsx").exists()


def test_truncated_register_gives_up_with_exit_3(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(registers, "READ_DELAY", 0.01)
    data = basic_register.read_bytes()
    basic_register.write_bytes(data[: len(data) // 2])
    result = run("build", basic_register, "-o", tmp_path / "m.xlsx")
    assert result.exit_code == 3 and "onvolledig opgeslagen" in result.stderr


# --- Logging and quiet -------------------------------------------------------------------------


def test_log_file_has_a_line_per_event(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", [*BASIC_ROWS, ["9", "x", "P", "raarr", None]])
    log = tmp_path / "logs" / "mvi-xl.log"
    log.parent.mkdir()
    result = run("build", register, "--log-file", log, "--quiet")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""  # quiet
    lines = log.read_text(encoding="utf-8").splitlines()
    assert [line.split()[2] for line in lines] == ["start", "register", "result"]
    assert 'status="written"' in lines[2] and "warnings=1" in lines[2]
    assert "duration=" in lines[2] and "actions=8" in lines[1]
    assert lines[0][:4].isdigit() and lines[0][4] == "-"

    failed = run("build", tmp_path / "weg.xlsx", "--log-file", log, "--quiet")
    assert failed.exit_code == 3
    assert failed.stderr.count("\n") == 1  # quiet still says why it failed, in one line
    last = log.read_text(encoding="utf-8").splitlines()[-1]
    assert 'status="error"' in last and "exit=3" in last


def test_log_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from mvi_xl.runlog import RunLog

    log = RunLog(tmp_path / "run.log", max_bytes=200, backups=2)
    for index in range(40):
        log.event("tick", index=index)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["run.log", "run.log.1", "run.log.2"]
    assert all(p.stat().st_size < 400 for p in tmp_path.iterdir())


def test_read_only_recommended(basic_register: Path, tmp_path: Path):
    (basic_register.parent / "mvi-xl.toml").write_text("[monitor]\nread_only_recommended = true\n")
    run("build", basic_register, "-o", tmp_path / "m.xlsx")
    with zipfile.ZipFile(tmp_path / "m.xlsx") as archive:
        assert 'readOnlyRecommended="1"' in archive.read("xl/workbook.xml").decode()


# --- watch -------------------------------------------------------------------------------------


def test_watcher_builds_once_the_register_has_settled(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    monitor = tmp_path / "m.xlsx"
    results, errors = [], []
    steps = iter(
        [
            lambda: None,  # poll 1: unchanged
            lambda: write_xlsx(register, BASIC_ROWS[:3]),  # saved: changed, not yet settled
            lambda: None,  # poll 3: settled -> build
            lambda: register.write_bytes(b"PK\x03\x04 half"),  # mid-save: fails, retried
            lambda: None,
            lambda: write_xlsx(register, BASIC_ROWS[:2]),  # saved again
            lambda: None,
        ]
    )

    def sleep(seconds: float) -> None:
        next(steps)()
        # make sure the next stat sees a new modification time
        info = register.stat()
        os.utime(register, ns=(info.st_atime_ns, info.st_mtime_ns))

    watcher = Watcher(
        pipeline.Options(register=register, output=monitor, force=False),
        on_result=results.append,
        on_error=errors.append,
        interval=0,
        sleep=sleep,
    )
    monkey = pytest.MonkeyPatch()
    monkey.setattr(registers, "READ_DELAY", 0.0)
    try:
        watcher.run(polls=7)
    finally:
        monkey.undo()
    counts = [r.monitor.total_actions for r in results]
    assert counts[0] == 7 and 3 in counts and counts[-1] == 2
    assert [e.code for e in errors] == ["damaged"] * len(errors) and errors


@pytest.mark.skipif(os.name == "nt", reason="sends SIGINT, as Ctrl-C does")
def test_watch_stops_cleanly_on_ctrl_c(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    monitor = tmp_path / "m.xlsx"
    process = subprocess.Popen(
        mvi_xl("watch", str(register), "-o", str(monitor), "--interval", "1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not monitor.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert monitor.exists()
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Gestopt." in out and "Traceback" not in err


def test_watch_collects_garbage_as_usual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A one-shot run pauses the cycle collector (cli.main); a watch runs for hours and must
    not."""
    seen = []

    class Stub:
        def __init__(self, *args, **kwargs) -> None:
            pass

        def run(self) -> None:
            seen.append(gc.isenabled())

    monkeypatch.setattr("mvi_xl.watch.Watcher", Stub)
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    gc.disable()
    try:
        result = run("watch", str(register), "--quiet")
    finally:
        gc.enable()
    assert result.exit_code == 0, result.output
    assert seen == [True]


def save_like_excel(register: Path, rows) -> None:
    """Excel saves to a temporary file beside the workbook and renames it over the workbook."""
    temporary = register.with_name("~$tmp" + register.name)
    write_xlsx(temporary, rows)
    temporary.replace(register)


@pytest.mark.skipif(
    importlib.util.find_spec("watchdog") is None, reason="watchdog is not installed"
)
def test_watch_follows_a_save_within_seconds_through_file_system_events(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    monitor = tmp_path / "m.xlsx"
    log = tmp_path / "watch.log"
    process = subprocess.Popen(
        mvi_xl(
            "watch", str(register), "-o", str(monitor), "--interval", "60", "--log-file", str(log)
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not monitor.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        first = monitor.stat().st_mtime_ns
        time.sleep(0.5)  # the observer is listening by now
        delays = []
        for count in (3, 5, 2):
            saved = time.monotonic()
            save_like_excel(register, BASIC_ROWS[:count])
            while monitor.stat().st_mtime_ns == first and time.monotonic() - saved < 20:
                time.sleep(0.02)
            delays.append(time.monotonic() - saved)
            first = monitor.stat().st_mtime_ns
            assert openpyxl.load_workbook(monitor)["Acties"].max_row == count + 1
        assert sorted(delays)[1] < 3, delays  # the median; polling alone would take 60 s
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    lines = log.read_text(encoding="utf-8").splitlines()
    starts = [line for line in lines if " start " in line]
    results = [line for line in lines if " result " in line]
    assert len(starts) == 4 and all(f'as_of="{pipeline.today().isoformat()}"' in s for s in starts)
    durations = [float(line.split('duration="')[1].split("s")[0]) for line in results]
    assert len(durations) == 4 and all(d > 0 for d in durations)


def test_the_build_log_names_the_peildatum_it_used(basic_register: Path, tmp_path: Path):
    log = tmp_path / "build.log"
    assert run("build", basic_register, "-o", tmp_path / "m.xlsx", "--log-file", log).exit_code == 0
    start = log.read_text(encoding="utf-8").splitlines()[0]
    assert f'as_of="{pipeline.today().isoformat()}"' in start
