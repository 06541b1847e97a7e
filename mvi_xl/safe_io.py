"""Writing files on a shared drive so that nothing is ever lost or left half-written.

- A new file is written beside its target under a temporary name, flushed to disk, and only
  then moved over the target in one step. Until that moment the previous file stays as it was;
  after a failure the temporary file is removed, and one left by a killed run is removed by the
  next run for the same target (which holds the lock, so it can't be another run's file).
- The new file gets the mode of the file it replaces, or the one the umask gives a new file
  (not the private 0600 of a temporary file), so colleagues can open what a scheduled job wrote.
- When the target is in use (a sharing or lock violation: Windows errors 32 and 33, ``EBUSY``
  or ``EEXIST`` from a rename on an SMB share, or an access denial while Excel's owner file is
  there), the move is retried briefly and then, if the caller allows, the new file is saved
  under a dated sibling name instead: never discarded. A read-only target or missing rights is
  an error that says so.
- One run per target at a time: the lock of ``lock.py``, which also holds between machines.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from .errors import OutputError
from .lock import LOCK_SUFFIX, STALE_AFTER, LockTimeout, RunLock, lock_path, remove_leftovers

__all__ = ["LOCK_SUFFIX", "atomic_output", "lock_path", "run_lock"]

T = TypeVar("T")

TEMP_MARK = ".mvi-xl-"
TEMP_SUFFIX = ".tmp"
OWNER_PREFIX = "~$"  # Excel's owner file beside a workbook it has open

REPLACE_ATTEMPTS = 6
REPLACE_DELAY = 0.5  # seconds between attempts: about three seconds in all
LOCK_TIMEOUT = 120.0

#: Windows errors of a file held by another program: sharing violation, lock violation.
SHARING_WINERRORS = frozenset({32, 33})
#: Errors of a drive or share that went away (POSIX errno names, Windows error numbers).
_GONE_ERRNO_NAMES = (
    "EIO",
    "ENXIO",
    "ENODEV",
    "ENOTCONN",
    "ETIMEDOUT",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "ENETDOWN",
    "ENETUNREACH",
    "ENETRESET",
    "ECONNABORTED",
    "ECONNRESET",
    "ECONNREFUSED",
    "ESTALE",
    "ENOMEDIUM",
    "EREMOTEIO",
)
GONE_ERRNOS = frozenset(getattr(errno, name) for name in _GONE_ERRNO_NAMES if hasattr(errno, name))
GONE_WINERRORS = frozenset({21, 51, 53, 54, 55, 59, 64, 67, 121, 1167, 1222, 1231, 1232, 2250})


def temporary_prefix(target: Path) -> str:
    """Temporary files of one target: ``.monitor.xlsx.mvi-xl-<random>.tmp``; never ``~$``."""
    return f".{target.name}{TEMP_MARK}"


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files a killed run left for ``target``. Call only under the lock."""
    prefix = temporary_prefix(target)
    removed: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def excel_owner_file(target: Path) -> Path | None:
    """Excel's ``~$`` owner file for ``target`` when it is there: a sign the file is open.
    Excel names it ``~$`` + the name, or replaces the first two characters of a long name."""
    for name in (OWNER_PREFIX + target.name, OWNER_PREFIX + target.name[2:]):
        candidate = target.with_name(name)
        with contextlib.suppress(OSError):
            if candidate.exists():
                return candidate
    return None


def is_owner_file(path: Path) -> bool:
    return path.name.startswith(OWNER_PREFIX)


def is_drive_gone(exc: OSError) -> bool:
    """An error of a drive or share that is not there (now): the network, not the file."""
    return exc.errno in GONE_ERRNOS or getattr(exc, "winerror", None) in GONE_WINERRORS


def refusal(exc: OSError, target: Path) -> str:
    """Why moving a file onto ``target`` failed: ``in_use`` (another program holds it),
    ``read_only`` (the target may not be changed), ``no_permission`` (the folder refuses),
    ``drive_gone``, or ``""`` (something else)."""
    if getattr(exc, "winerror", None) in SHARING_WINERRORS:
        return "in_use"
    if exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return "in_use"  # an SMB client's sharing violation
    if exc.errno == errno.EEXIST:
        return "in_use"  # smbnetfs: the server refused to replace a file another client holds
    if isinstance(exc, PermissionError):
        if excel_owner_file(target) is not None:
            return "in_use"
        return "read_only" if _read_only(target) else "no_permission"
    if is_drive_gone(exc):
        return "drive_gone"
    return ""


def output_error(exc: OSError, target: Path) -> OutputError:
    """The one-line error for a failure to write ``target``."""
    why = refusal(exc, target)
    codes = {"read_only": "monitor_read_only", "no_permission": "write_denied"}
    if why in ("read_only", "no_permission", "drive_gone"):
        return OutputError(codes.get(why, why), path=target, reason=_reason(exc))
    if why == "in_use":
        return OutputError("in_use", path=target)
    return OutputError("write_failed", path=target, reason=_reason(exc))


def _read_only(target: Path) -> bool:
    try:
        info = target.stat()
    except OSError:
        return False
    attributes = getattr(info, "st_file_attributes", 0)  # Windows
    return bool(attributes & stat.FILE_ATTRIBUTE_READONLY) or not (
        info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    )


DATED = re.compile(r" \((\d{4}-\d{2}-\d{2} \d{2}\.\d{2})\)(?: (\d+))?$")


def dated_sibling(
    target: Path, now: dt.datetime | None = None, avoid: frozenset[Path] = frozenset()
) -> Path:
    """A free name beside ``target`` that says when it was made:
    ``Plan-monitor (2026-11-25 14.05).xlsx``."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H.%M")
    candidate = target.with_name(f"{target.stem} ({stamp}){target.suffix}")
    counter = 2
    while candidate.exists() or candidate in avoid:
        candidate = target.with_name(f"{target.stem} ({stamp}) {counter}{target.suffix}")
        counter += 1
    return candidate


def put_in_place(write: Callable[[Path], object], target: Path) -> Path:
    """A rendering of the monitor (its PDF, page or .ods) written by ``write`` into a
    temporary file and put at ``target``, or, while ``target`` is open and held, at a dated
    sibling. Returns where it went."""
    publish = atomic_output(target, fallback=lambda: dated_sibling(target))
    with publish as temporary:
        write(temporary)
    return publish.final or target


def dated_siblings(target: Path) -> list[Path]:
    """The dated siblings of ``target`` that mvi-xl makes while it is in use, by name."""
    found = []
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            if entry.suffix.casefold() != target.suffix.casefold():
                continue
            stem = entry.name[: len(entry.name) - len(entry.suffix)]
            if stem.startswith(target.stem) and DATED.fullmatch(stem[len(target.stem) :]):
                found.append(entry)
    return sorted(found)


def new_file_mode(replacing: Path | None = None) -> int:
    """The mode for a file that replaces ``replacing``: its mode when it exists, else what the
    umask gives a new file (0644 under umask 022)."""
    if replacing is not None:
        with contextlib.suppress(OSError):
            return stat.S_IMODE(replacing.stat().st_mode)
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


class atomic_output:
    """Context manager: yields a temporary path beside ``target``; on success it becomes the
    target (or, when the target stays in use and ``fallback`` is given, the path ``fallback``
    returns). ``final`` tells where the file went; ``fell_back`` whether it was not the target.

    With ``replace=False`` an existing target is never overwritten (OutputError instead).
    """

    def __init__(
        self,
        target: Path,
        *,
        replace: bool = True,
        fallback: Callable[[], Path] | None = None,
        check: Callable[[], None] | None = None,
    ) -> None:
        self.target = target
        self.replace = replace
        self.fallback = fallback
        self.attempts = REPLACE_ATTEMPTS
        self.delay = REPLACE_DELAY
        self.check = check  # called just before the move (the lock is still ours)
        self.final: Path | None = None
        self.fell_back = False
        self._temporary: Path | None = None

    def __enter__(self) -> Path:
        if not self.replace and self.target.exists():
            raise OutputError("exists", path=self.target)
        try:
            fd, name = tempfile.mkstemp(
                prefix=temporary_prefix(self.target), suffix=TEMP_SUFFIX, dir=self.target.parent
            )
        except OSError as exc:
            raise output_error(exc, self.target) from None
        os.close(fd)
        self._temporary = Path(name)
        return self._temporary

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        temporary = self._temporary
        assert temporary is not None, "__exit__ follows __enter__"
        try:
            if exc_type is None:
                _fsync(temporary)
                if os.name == "posix":  # mkstemp made it 0600
                    with contextlib.suppress(OSError):
                        temporary.chmod(new_file_mode(self.target))
                if self.check is not None:
                    self.check()
                self._publish(temporary)
        except OSError as error:
            raise output_error(error, self.target) from None
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _publish(self, temporary: Path) -> None:
        if not self.replace:
            if self.target.exists():
                raise OutputError("exists", path=self.target)
            temporary.replace(self.target)
            self.final = self.target
            return
        for attempt in range(self.attempts):
            try:
                temporary.replace(self.target)  # atomic on one volume, also on Windows
                self.final = self.target
                return
            except OSError as exc:
                if refusal(exc, self.target) != "in_use":
                    raise
                if attempt + 1 < self.attempts:
                    time.sleep(self.delay)
        if self.fallback is None:
            raise OutputError("in_use", path=self.target)
        self._publish_aside(temporary, self.fallback)

    def _publish_aside(self, temporary: Path, fallback: Callable[[], Path]) -> None:
        """The target stayed in use: the dated sibling, or (when that is open too) another."""
        tried: set[Path] = set()
        sibling = fallback()
        for _ in range(5):
            tried.add(sibling)
            try:
                temporary.replace(sibling)
            except OSError as exc:
                if refusal(exc, sibling) != "in_use":
                    raise
                sibling = dated_sibling(self.target, avoid=frozenset(tried))
                continue
            self.final, self.fell_back = sibling, True
            return
        raise OutputError("in_use", path=self.target)


def lock_timeout() -> float:
    """How long a run waits for another run of the same monitor: ``MVI_XL_LOCK_TIMEOUT``
    seconds, default two minutes."""
    try:
        return max(0.0, float(os.environ.get("MVI_XL_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def lock_stale_after() -> float:
    """After how many seconds without a heartbeat a lock is taken over:
    ``MVI_XL_LOCK_STALE``, default 30 (at least one second)."""
    try:
        return max(1.0, float(os.environ.get("MVI_XL_LOCK_STALE", STALE_AFTER)))
    except ValueError:
        return STALE_AFTER


#: Seconds a run that waited for another one lets a network drive settle before it reads what
#: that run wrote: an SMB or FUSE client keeps a file's name and size cached for a moment
#: (smbnetfs and Linux's cifs one second), so the history just replaced by the run on another
#: computer could be read in its old form, and a snapshot recorded there lost.
SETTLE = 2.0


def lock_settle() -> float:
    """``MVI_XL_LOCK_SETTLE`` seconds, default ``SETTLE``."""
    try:
        return max(0.0, float(os.environ.get("MVI_XL_LOCK_SETTLE", SETTLE)))
    except ValueError:
        return SETTLE


@contextlib.contextmanager
def run_lock(target: Path, *, timeout: float | None = None) -> Iterator[RunLock]:
    """Hold the lock of ``target`` (waiting up to ``timeout`` seconds; a lock left by a run
    that died is taken over, see lock.py), then clean up what a killed run may have left."""
    timeout = lock_timeout() if timeout is None else timeout
    lock = RunLock(lock_path(target), timeout=timeout, stale_after=lock_stale_after())
    try:
        lock.acquire()
    except LockTimeout:
        raise OutputError("busy", path=target, seconds=int(timeout), lock=lock.path.name) from None
    except PermissionError as exc:  # the folder can't take a new file
        raise OutputError("write_denied", path=target.parent, reason=_reason(exc)) from None
    except OSError as exc:
        raise output_error(exc, target) from None
    if lock.waited:
        time.sleep(lock_settle())  # see SETTLE: only when another run was busy just now
    try:
        remove_stale_temporaries(target)
        remove_leftovers(target)
        yield lock
    finally:
        lock.release()


#: How often a run that found its lock held by another run starts over before it says so.
LOCK_LOST_RETRIES = 3


def again_when_lock_lost(run: Callable[[], T]) -> T:
    """``run()``, started over when it stops because another run holds its lock after all (a
    client without exclusive create, see lock.py): such a run has put nothing in place yet,
    and the next try waits for the other one first. The last try's ``lock_lost`` stands."""
    for _ in range(LOCK_LOST_RETRIES):
        try:
            return run()
        except OutputError as exc:
            if exc.code != "lock_lost":
                raise
    return run()


def require_lock(lock: RunLock) -> Callable[[], None]:
    """A check for ``atomic_output``: the run still holds ``lock``, or it stops (exit 4)."""

    def check() -> None:
        if not lock.held():
            raise OutputError("lock_lost", path=lock.path)

    return check


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
