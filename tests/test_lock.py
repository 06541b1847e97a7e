"""The run lock (mvi_xl/lock.py): exclusive, taken over when its holder is gone, never taken
from a live holder, and nothing left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mvi_xl import lock as lockmod
from mvi_xl.lock import RECORD_SIZE, LockTimeout, RunLock, lock_path


class Clock:
    """A clock the test moves; ``sleep`` moves it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.01)


def record(**fields) -> bytes:
    data = {"mvi-xl": "lock", "host": "elders", "pid": 1, "token": "0" * 16, "beat": 0}
    data.update(fields)
    return json.dumps(data).encode().ljust(RECORD_SIZE - 1) + b"\n"


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_one_holder_at_a_time_and_nothing_left(tmp_path: Path):
    path = lock_path(tmp_path / "monitor.xlsx")
    first = RunLock(path, timeout=0)
    first.acquire()
    assert path.name == ".monitor.xlsx.mvi-xl.lock" and first.held()
    second = RunLock(path, timeout=0.2)
    with pytest.raises(LockTimeout):
        second.acquire()
    first.release()
    assert not path.exists()
    second.acquire()
    assert second.held() and not first.held()
    second.release()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="the process check is POSIX only")
def test_a_lock_of_a_dead_process_on_this_machine_is_taken_over_at_once(tmp_path: Path):
    path = lock_path(tmp_path / "m.xlsx")
    path.write_bytes(record(host=lockmod.host_name()[:64], pid=dead_pid()))
    clock = Clock()
    taker = RunLock(path, timeout=5, clock=clock, sleep=clock.sleep)
    taker.acquire()
    assert taker.took_over and clock.now < 1
    taker.release()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content", [record(), b"", b"not json"], ids=["other machine", "empty", "garbage"]
)
def test_a_lock_unchanged_for_stale_after_seconds_is_taken_over(tmp_path: Path, content: bytes):
    path = lock_path(tmp_path / "m.xlsx")
    path.write_bytes(content)
    clock = Clock()
    taker = RunLock(path, timeout=60, stale_after=30, clock=clock, sleep=clock.sleep)
    taker.acquire()
    assert taker.took_over and 30 <= clock.now < 32
    taker.release()
    assert list(tmp_path.iterdir()) == []


def test_a_stale_lock_is_not_waited_for_beyond_the_timeout(tmp_path: Path):
    path = lock_path(tmp_path / "m.xlsx")
    path.write_bytes(record())
    clock = Clock()
    with pytest.raises(LockTimeout):
        RunLock(path, timeout=10, stale_after=30, clock=clock, sleep=clock.sleep).acquire()
    assert path.read_bytes() == record()  # not touched


def test_a_live_holder_keeps_its_lock_by_its_heartbeat(tmp_path: Path):
    path = lock_path(tmp_path / "m.xlsx")
    holder = RunLock(path, timeout=0, heartbeat=0.05)
    holder.acquire()
    try:
        waiter = RunLock(path, timeout=1.0, stale_after=0.4)
        with pytest.raises(LockTimeout):
            waiter.acquire()
        assert holder.held()
    finally:
        holder.release()
    assert not path.exists()


def test_a_lock_renewed_during_a_takeover_is_given_back(tmp_path: Path, monkeypatch):
    """A waiter judged a lock stale, but before it moved the lock aside another run had made a
    new one: the new one is put back, not removed."""
    path = lock_path(tmp_path / "m.xlsx")
    path.write_bytes(record(token="f" * 16))
    taker = RunLock(path, timeout=0)
    assert taker._take_over(record(token="e" * 16)) is False
    assert path.read_bytes() == record(token="f" * 16)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_release_after_a_takeover_leaves_the_new_holders_lock(tmp_path: Path):
    path = lock_path(tmp_path / "m.xlsx")
    old = RunLock(path, timeout=0, heartbeat=60)
    old.acquire()
    os.close(old._fd)  # as if the run hung and another one took over
    old._fd = None
    path.unlink()
    new = RunLock(path, timeout=0)
    new.acquire()
    old.release()
    assert new.held()
    new.release()


def test_leftovers_of_an_interrupted_takeover_are_removed_under_the_lock(tmp_path: Path):
    target = tmp_path / "m.xlsx"
    aside = tmp_path / f"{lock_path(target).name}.0123456789abcdef.stale"
    aside.write_bytes(record())
    other = tmp_path / ".ander.xlsx.mvi-xl.lock.0123456789abcdef.stale"
    other.write_bytes(record())
    lockmod.remove_leftovers(target)
    assert not aside.exists() and other.exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_lock_file_gets_the_mode_the_umask_gives(tmp_path: Path):
    path = lock_path(tmp_path / "m.xlsx")
    previous = os.umask(0o022)
    try:
        holder = RunLock(path, timeout=0)
        holder.acquire()
        assert path.stat().st_mode & 0o777 == 0o644
        holder.release()
    finally:
        os.umask(previous)


def test_threads_take_turns(tmp_path: Path):
    """Eight contenders, each holding the lock while it bumps a counter it read before: no
    update is lost."""
    path = lock_path(tmp_path / "m.xlsx")
    counter = tmp_path / "counter"
    counter.write_text("0")

    def work() -> None:
        for _ in range(5):
            held = RunLock(path, timeout=30)
            held.acquire()
            value = int(counter.read_text())
            counter.write_text(str(value + 1))
            held.release()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counter.read_text() == "40"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["counter"]


def test_the_lock_file_is_hidden_on_windows(tmp_path: Path, monkeypatch):
    """On Windows a leading dot hides nothing: the lock gets the hidden attribute (simulated:
    the call mvi-xl makes to kernel32)."""
    import ctypes

    calls = []

    class Kernel32:
        @staticmethod
        def SetFileAttributesW(path, attributes):
            calls.append((path, attributes))
            return 1

    class WinDLL:
        kernel32 = Kernel32

    monkeypatch.setattr(ctypes, "windll", WinDLL, raising=False)
    monkeypatch.setattr(lockmod.os, "name", "nt")
    path = tmp_path / ".m.xlsx.mvi-xl.lock"
    lockmod._hide(path)
    assert calls == [(str(path), 0x2)]  # FILE_ATTRIBUTE_HIDDEN
