"""``--log-file``: one timestamped line per event of a run, for whoever looks after the
scheduled job. The file is rotated at a size limit, so a job that runs every few minutes for
years never fills the drive."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path

MAX_BYTES = 1_000_000
BACKUPS = 3


class RunLog:
    """Appends ``2026-11-25 14:05:00 result status="written" warnings=0 duration=1.2s``.

    Writing the log never fails a run: a log that can't be written is skipped silently (the
    exit code and stderr still tell the scheduler what happened).
    """

    def __init__(
        self, path: Path | None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
    ) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups

    def event(self, name: str, **fields: object) -> None:
        if self.path is None:
            return
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        parts = [
            stamp,
            name,
            *(f"{key}={_value(value)}" for key, value in fields.items() if value is not None),
        ]
        line = " ".join(parts) + "\n"
        with contextlib.suppress(OSError):
            self._append(self.path, line.encode("utf-8"))

    def _append(self, path: Path, data: bytes) -> None:
        """Add ``data`` at the end, one writer at a time (runs on several machines may share
        a log on the drive): under a short lock of its own, at the end as it is then. Not
        O_APPEND: over smbnetfs an append-mode open fails with an I/O error and leaves the
        share unreachable for a moment."""
        from .lock import LockTimeout, RunLock, lock_path

        guard = RunLock(lock_path(path), timeout=2.0, stale_after=5.0, heartbeat=60.0)
        try:
            guard.acquire()
            held = True
        except (LockTimeout, OSError):
            held = False  # write anyway: a log line is never worth failing a run
        try:
            self._rotate(path)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            try:
                os.lseek(fd, 0, os.SEEK_END)
                os.write(fd, data)
            finally:
                os.close(fd)
        finally:
            if held:
                guard.release()

    def _rotate(self, path: Path) -> None:
        try:
            if path.stat().st_size < self.max_bytes:
                return
        except FileNotFoundError:
            return
        for index in range(self.backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{index}")
            if older.exists():
                older.replace(path.with_name(f"{path.name}.{index + 1}"))
        path.replace(path.with_name(f"{path.name}.1"))


def _value(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (int, bool)):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return json.dumps(str(value), ensure_ascii=False)
