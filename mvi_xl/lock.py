"""The run lock: one run per monitor at a time, also from two machines on one share.

The lock is a file beside the monitor (``.<name>.mvi-xl.lock``) that exists while a run holds
it. It is made with an exclusive create (``O_CREAT | O_EXCL``), which the file server carries
out in one step (SMB: create disposition FILE_CREATE), so of two machines that try at once only
one succeeds. Nothing else is written beside the monitor to find out what the folder can do.

- The holder keeps the file open and rewrites its record (host, process, a random token and a
  heartbeat count) every ``HEARTBEAT`` seconds. On Windows and on an SMB share a file held open
  can't be renamed or removed by anyone else, so a live run's lock can't be taken away.
- A waiter takes a lock over when its holder is gone: at once when the record names a process
  on this machine that no longer runs (POSIX), otherwise when the record has stayed the same
  for ``STALE_AFTER`` seconds, as measured by the waiter's own clock (the clocks of two
  machines need not agree). Taking over renames the old file aside first and removes it only
  when it is still the record judged stale; a run therefore never removes a live run's lock.
- Before its monitor replaces the old one a run checks that the lock is still its own
  (``RunLock.held``).
- Not every client carries an exclusive create to the server: smbnetfs (a FUSE client) opens
  the file of an earlier create as if it were new, so two runs can both "create" the lock, the
  second overwriting the first one's record. The record tells: a run reads it back right after
  writing it and waits on when it is not its own, and its heartbeat stops (the lock is
  ``lost``) once the record names another run, rather than writing its own back over it. The
  run that lost the lock without knowing it finds out at its checks and runs again
  (pipeline.py).
- On Windows the lock file is hidden.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

LOCK_SUFFIX = ".mvi-xl.lock"
#: Seconds between the holder's rewrites of its record.
HEARTBEAT = 5.0
#: A lock whose record stayed the same this many seconds is taken over.
STALE_AFTER = 30.0
#: The record is padded to this many bytes, so a reader whose client caches the file's size
#: still reads all of it.
RECORD_SIZE = 256
#: Leftovers of a takeover that was itself interrupted: ``.<name>.mvi-xl.lock.<token>.stale``.
ASIDE_SUFFIX = ".stale"
_POLL = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0)


class LockTimeout(Exception):
    """Another run held the lock for longer than the caller would wait."""


def lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


def host_name() -> str:
    """This machine's name, without importing socket or platform (the build path stays fast)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


class RunLock:
    """``acquire()`` waits up to ``timeout`` seconds; ``release()`` removes the file when it is
    still this run's. ``clock`` and ``sleep`` are there for the tests."""

    def __init__(  # noqa: PLR0913 - keyword-only; clock and sleep are the tests' seams
        self,
        path: Path,
        *,
        timeout: float,
        stale_after: float = STALE_AFTER,
        heartbeat: float = HEARTBEAT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.stale_after = stale_after
        self.heartbeat = heartbeat
        self.clock = clock
        self.sleep = sleep
        self.token = os.urandom(8).hex()
        self.took_over = False  # a lock left by a run that died was taken over
        self.lost = False  # the heartbeat found another run's record in the lock file
        self.waited = False  # another run held the lock first: it may have just written
        self._fd: int | None = None
        self._beats = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- taking and giving back -------------------------------------------------------------

    def acquire(self) -> None:
        deadline = self.clock() + self.timeout
        seen: bytes | None = None
        seen_since = 0.0
        pause = iter(_POLL)
        while True:
            if self._create():
                if self.held():
                    self._start_heartbeat()
                    return
                self._let_go()  # another run's create overwrote ours: it holds the lock
            self.waited = True
            record = _read(self.path)
            if record is None:
                continue  # released just now: try again at once
            now = self.clock()
            if record != seen:
                seen, seen_since = record, now
            if (self._owner_is_dead(record) or now - seen_since >= self.stale_after) and (
                self._take_over(record)
            ):
                self.took_over = True
                continue
            if now >= deadline:
                raise LockTimeout(self.path)
            self.sleep(min(next(pause, _POLL[-1]), max(0.0, deadline - now)))

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.heartbeat + 1)
        mine = self.held()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if mine:
            _remove(self.path)

    def held(self) -> bool:
        """The lock file is still this run's (no other run took it over)."""
        if self.lost:
            return False
        record = _read(self.path)
        return record is not None and _field(record, "token") == self.token

    # --- the steps --------------------------------------------------------------------------

    def _create(self) -> bool:
        flags = os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_NOINHERIT", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o666)  # the umask decides, as for every file
        except FileExistsError:
            return False
        except PermissionError:
            # Windows: a lock file being removed ("delete pending") refuses a new create
            if self.path.exists():
                return False
            raise
        self._fd = fd
        self._write_record()
        _hide(self.path)
        return True

    def _write_record(self) -> None:
        record = {
            "mvi-xl": "lock",
            "host": host_name()[:64],
            "pid": os.getpid(),
            "token": self.token,
            "beat": self._beats,
        }
        data = json.dumps(record).encode("ascii").ljust(RECORD_SIZE - 1) + b"\n"
        assert self._fd is not None
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)

    def _start_heartbeat(self) -> None:
        self._thread = threading.Thread(target=self._beat, name="mvi-xl lock", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat):
            record = _read(self.path)
            if record is None or (record and _field(record, "token") != self.token):
                self.lost = True  # gone, or another run's: never write over that one
                return
            self._beats += 1
            with contextlib.suppress(OSError):  # the drive away for a moment: beat again later
                self._write_record()

    def _let_go(self) -> None:
        """Close the lock file without removing it: it holds another run's record now."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def _owner_is_dead(self, record: bytes) -> bool:
        """The record names a process on this machine that has ended (POSIX only; elsewhere
        the heartbeat decides)."""
        if os.name != "posix" or _field(record, "host") != host_name()[:64]:
            return False
        pid = _field(record, "pid")
        if not isinstance(pid, int) or pid <= 0 or pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            return False  # it exists, under another user
        return False

    def _take_over(self, record: bytes) -> bool:
        """Move the stale lock aside and remove it, if it is still the one judged stale.
        True when the lock is gone, so a create may be tried again."""
        aside = self.path.with_name(f"{self.path.name}.{self.token}{ASIDE_SUFFIX}")
        try:
            self.path.rename(aside)
        except FileNotFoundError:
            return True
        except OSError:
            return False  # held open by a live run (SMB, Windows): not stale after all
        if _read(aside) == record:
            _remove(aside)
            return True
        # Another run took the lock over first and made a new one: give it back.
        try:
            os.link(aside, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                if not self.path.exists():
                    aside.rename(self.path)
        else:
            _remove(aside)
        return False


def remove_leftovers(target: Path) -> None:
    """Remove what an interrupted takeover left beside ``target``. Call only under the lock."""
    prefix = lock_path(target).name + "."
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            if entry.name.startswith(prefix) and entry.name.endswith(ASIDE_SUFFIX):
                with contextlib.suppress(OSError):
                    entry.unlink()


def _read(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(RECORD_SIZE * 4)
    except FileNotFoundError:
        return None
    except OSError:
        return b""  # there, but not readable now: judged by the heartbeat rule


def _field(record: bytes, name: str) -> object:
    try:
        return json.loads(record.decode("ascii")).get(name)
    except (ValueError, AttributeError):
        return None


def _remove(path: Path) -> None:
    """Remove ``path``; an SMB client may need a moment to close it first."""
    for pause in (0.0, 0.05, 0.1, 0.2, 0.4):
        time.sleep(pause)
        try:
            path.unlink()
            return
        except FileNotFoundError:
            return
        except OSError as exc:
            if exc.errno not in (errno.EBUSY, errno.EACCES) and not _sharing(exc):
                return


def _sharing(exc: OSError) -> bool:
    return getattr(exc, "winerror", None) in (32, 33)


def _hide(path: Path) -> None:
    """Windows: give the lock file the hidden attribute (a dot doesn't hide a file there)."""
    if os.name != "nt":
        return
    import ctypes

    hidden = 0x2
    with contextlib.suppress(OSError, AttributeError):
        ctypes.windll.kernel32.SetFileAttributesW(str(path), hidden)  # type: ignore[attr-defined]
