"""Writing files on a shared drive so that nothing is ever lost or left half-written.

- A new file is written beside its target under a temporary name, flushed to disk, and only
  then moved over the target in one step. Until that moment the previous file stays as it was;
  after a failure the temporary file is removed, and one left by a killed run is removed by the
  next run for the same target (which holds the lock, so it can't be another run's file).
- When the target is open in Excel (on Windows the move is refused while Excel holds the file),
  the move is retried briefly and then, if the caller allows, the new file is saved under a
  dated sibling name instead: never discarded.
- One run per target at a time: a lock file beside it (filelock; the operating system releases
  it when a run dies, so a killed run leaves no stale lock).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import OutputError

TEMP_MARK = ".mvi-xl-"
TEMP_SUFFIX = ".tmp"
LOCK_SUFFIX = ".mvi-xl.lock"
OWNER_PREFIX = "~$"  # Excel's owner file beside a workbook it has open

REPLACE_ATTEMPTS = 6
REPLACE_DELAY = 0.5  # seconds between attempts: about three seconds in all
LOCK_TIMEOUT = 120.0


def temporary_prefix(target: Path) -> str:
    """Temporary files of one target: ``.monitor.xlsx.mvi-xl-<random>.tmp``; never ``~$``."""
    return f".{target.name}{TEMP_MARK}"


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files a killed run left for ``target``. Call only under the lock."""
    prefix = temporary_prefix(target)
    removed = []
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
        if candidate.exists():
            return candidate
    return None


def is_owner_file(path: Path) -> bool:
    return path.name.startswith(OWNER_PREFIX)


def dated_sibling(target: Path, now: dt.datetime | None = None) -> Path:
    """A free name beside ``target`` that says when it was made:
    ``Plan-monitor (2026-11-25 14.05).xlsx``."""
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H.%M")
    candidate = target.with_name(f"{target.stem} ({stamp}){target.suffix}")
    counter = 2
    while candidate.exists():
        candidate = target.with_name(f"{target.stem} ({stamp}) {counter}{target.suffix}")
        counter += 1
    return candidate


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
        attempts: int = REPLACE_ATTEMPTS,
        delay: float = REPLACE_DELAY,
    ) -> None:
        self.target = target
        self.replace = replace
        self.fallback = fallback
        self.attempts = attempts
        self.delay = delay
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
            raise OutputError("write_failed", path=self.target, reason=_reason(exc)) from None
        os.close(fd)
        self._temporary = Path(name)
        return self._temporary

    def __exit__(self, exc_type, exc, tb) -> None:
        temporary = self._temporary
        try:
            if exc_type is None:
                _fsync(temporary)
                self._publish(temporary)
        except OSError as error:
            raise OutputError("write_failed", path=self.target, reason=_reason(error)) from None
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
            except PermissionError:
                # Windows refuses while another program (Excel) has the target open
                if attempt + 1 < self.attempts:
                    time.sleep(self.delay)
        if self.fallback is None:
            raise OutputError("in_use", path=self.target)
        sibling = self.fallback()
        temporary.replace(sibling)
        self.final, self.fell_back = sibling, True


def lock_timeout() -> float:
    """How long a run waits for another run of the same monitor: ``MVI_XL_LOCK_TIMEOUT``
    seconds, default two minutes."""
    try:
        return max(0.0, float(os.environ.get("MVI_XL_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


@contextlib.contextmanager
def run_lock(target: Path, *, timeout: float | None = None) -> Iterator[Path]:
    """Hold the lock of ``target`` (waiting up to ``timeout`` seconds), then clean up what a
    killed run may have left. The operating system frees the lock when a run dies; on a file
    system that can't lock, filelock falls back to a lock file whose existence locks, which a
    run killed hard leaves behind: the "busy" message names it, to be removed by hand."""
    import filelock

    timeout = lock_timeout() if timeout is None else timeout
    path = target.with_name(f".{target.name}{LOCK_SUFFIX}")
    lock = filelock.FileLock(str(path), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise OutputError("busy", path=target, seconds=int(timeout), lock=path.name) from None
    except OSError as exc:
        raise OutputError("write_failed", path=target, reason=_reason(exc)) from None
    try:
        remove_stale_temporaries(target)
        yield path
    finally:
        lock.release()


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
