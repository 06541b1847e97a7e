"""The run lock on a client that does not carry an exclusive create to the server (smbnetfs
does not: of two machines creating the lock at once, both succeed and the second overwrites
the first one's record; tests/test_share.py met it as a rare exit 4). The record tells who
holds the lock; a run that finds another's record waits, or runs again, and nothing of it is
put in place meanwhile."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl import lock as lockmod
from mvi_xl import pipeline, safe_io
from mvi_xl.cli import cli
from mvi_xl.errors import OutputError
from mvi_xl.history import history_path, load_history
from mvi_xl.lock import LockTimeout, RunLock, lock_path


@pytest.fixture
def no_exclusive_create(monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.open`` as such a client does it: O_EXCL is dropped, an existing file is opened."""
    real_open = os.open

    def client_open(path, flags, mode=0o777, **kw):
        return real_open(path, flags & ~os.O_EXCL, mode, **kw)

    monkeypatch.setattr(lockmod.os, "open", client_open)


def token_in(path: Path) -> object:
    return lockmod._field(path.read_bytes(), "token")


def test_the_run_whose_record_was_overwritten_lets_go_and_never_writes_it_back(
    tmp_path: Path, no_exclusive_create: None
):
    path = lock_path(tmp_path / "m.xlsx")
    first = RunLock(path, timeout=0, heartbeat=0.02)
    first.acquire()
    second = RunLock(path, timeout=0, heartbeat=0.02)
    second.acquire()  # "created" the existing file: its record replaced the first one's
    try:
        deadline = time.monotonic() + 5
        while not first.lost and time.monotonic() < deadline:
            time.sleep(0.01)
        assert first.lost and not first.held()
        assert second.held()
        time.sleep(0.1)  # several of the first one's beats: none wrote its record back
        assert token_in(path) == second.token and second.held()
        first.release()
        assert path.exists() and second.held()  # the first one leaves the second one's lock
    finally:
        second.release()
    assert not path.exists()


def test_a_create_overwritten_before_its_record_is_read_back_is_not_a_lock(
    tmp_path: Path, no_exclusive_create: None, monkeypatch: pytest.MonkeyPatch
):
    path = lock_path(tmp_path / "m.xlsx")
    other = RunLock(path, timeout=0, heartbeat=60)
    mine = RunLock(path, timeout=0.3, stale_after=60)
    write_record = RunLock._write_record

    def then_the_other_one(lock: RunLock) -> None:
        write_record(lock)
        if lock is mine:  # the other machine's create lands just after this run's
            other.acquire()

    monkeypatch.setattr(RunLock, "_write_record", then_the_other_one)
    try:
        with pytest.raises(LockTimeout):
            mine.acquire()
        assert mine.waited and not mine.held() and mine._fd is None
        assert token_in(path) == other.token and other.held()
    finally:
        other.release()
    assert not path.exists()


def publish(register: Path, monitor: Path):
    args = ["build", str(register), "-o", str(monitor), "--publish", "--as-of", "2018-11-01"]
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_a_build_that_finds_its_lock_lost_runs_again_and_publishes_once(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A published build checks its lock before the archive copy, before the history and before
    the monitor go into place. Lost at the archive in the first run and at the history in the
    second: each time the run starts over with nothing of it left, the third one publishes."""
    monkeypatch.setenv("MVI_XL_LOCK_SETTLE", "0")
    checks: list[bool] = []

    def require_lock(lock: RunLock):
        def check() -> None:
            checks.append(len(checks) + 1 not in (1, 3))
            if not checks[-1]:
                raise OutputError("lock_lost", path=lock.path)
            safe_io.require_lock(lock)()

        return check

    monkeypatch.setattr(pipeline, "require_lock", require_lock)
    monitor = tmp_path / "uit" / "monitor.xlsx"
    monitor.parent.mkdir()
    result = publish(basic_register, monitor)
    assert result.exit_code == 0, result.output
    # run 1: archive lost; run 2: archive, history lost; run 3: archive, history, monitor
    assert checks == [False, True, False, True, True, True]
    assert sorted(p.name for p in monitor.parent.iterdir()) == [
        "monitor-archief",
        "monitor-historie.csv",
        "monitor.xlsx",
    ]
    archive = monitor.parent / "monitor-archief"
    assert sorted(p.name for p in archive.iterdir()) == ["monitor 2018-11-01.xlsx"]
    snapshots = load_history(history_path(monitor)).snapshots
    assert [(s.as_of.isoformat(), s.published) for s in snapshots] == [("2018-11-01", True)]


def test_a_build_whose_lock_stays_lost_puts_nothing_in_place(
    basic_register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Every time it holds the lock, another run's record replaces its own (and that run is
    done by the time this one waits again): after three more tries it says so, exit 4."""
    monkeypatch.setenv("MVI_XL_LOCK_SETTLE", "0")
    acquired: list[RunLock] = []
    real_acquire, real_release = RunLock.acquire, RunLock.release

    def acquire(lock: RunLock) -> None:
        real_acquire(lock)
        acquired.append(lock)
        lock.lost = True  # as its heartbeat finds another run's record

    def release(lock: RunLock) -> None:
        real_release(lock)
        lock.path.unlink(missing_ok=True)  # the other run ends and removes its lock

    monkeypatch.setattr(RunLock, "acquire", acquire)
    monkeypatch.setattr(RunLock, "release", release)
    monitor = tmp_path / "monitor.xlsx"
    result = publish(basic_register, monitor)
    assert result.exit_code == 4
    assert "heeft de vergrendeling overgenomen" in result.output
    assert len(acquired) == 1 + safe_io.LOCK_LOST_RETRIES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["register.xlsx"]
