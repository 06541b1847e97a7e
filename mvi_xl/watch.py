"""``mvi-xl watch``: rebuild the monitor whenever the register has changed and settled.

File-system events first (watchdog: ReadDirectoryChangesW on Windows, inotify on Linux,
FSEvents on macOS): a save wakes the watch at once, and the monitor follows once the
register's size and modification time have stayed the same for ``SETTLE`` seconds, so a save
in progress is not read. Events don't arrive for every change on a network drive (another
machine's save on an SMB share, say), so the register is also polled every ``interval``
seconds, and a change seen that way is built once it has stayed the same for one interval.
Errors that may pass (the register mid-save, the drive away for a moment, the monitor open in
Excel) are retried on the next change or poll; the loop itself only ends on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MviError, OutputError
from .pipeline import Options, Result, build

#: Register errors that may pass by themselves: try again on the next poll, not only on the
#: next change.
TRANSIENT = frozenset(
    {"damaged", "empty_file", "changing", "not_found", "no_permission", "drive_gone"}
)
#: Seconds a register must stay the same after an event before it is read.
SETTLE = 0.3
#: At most this long is waited for a register that keeps changing after an event.
SETTLE_LIMIT = 30.0


@dataclass
class Watcher:
    options: Options
    on_result: Callable[[Result], None]
    on_error: Callable[[MviError], None]
    interval: float = 10.0
    sleep: Callable[[float], None] = time.sleep
    build: Callable[[Options], Result] = build
    events: bool = False  # listen to file-system events (the CLI does; tests poll)
    settle: float = SETTLE
    _wake: threading.Event = field(default_factory=threading.Event, init=False)

    def run(self, polls: int | None = None) -> None:
        """Watch until interrupted (or for ``polls`` waits, for tests)."""
        observer = self._observe() if self.events else None
        try:
            self._loop(polls)
        finally:
            if observer is not None:
                with contextlib.suppress(Exception):
                    observer.stop()
                    observer.join(timeout=5)

    def _loop(self, polls: int | None) -> None:
        seen = self._signature()
        built = self._build(seen) if seen is not None else None
        count = 0
        while polls is None or count < polls:
            count += 1
            if self._wait():
                now = self._settled()
                if now is not None and now != built:
                    built = self._build(now)
            else:
                now = self._signature()
                if now is not None and now == seen and now != built:
                    built = self._build(now)  # unchanged for one interval: settled
            seen = now

    def _wait(self) -> bool:
        """Wait one interval; True when an event about the register woke us."""
        if not self.events:
            self.sleep(self.interval)
            return False
        woke = self._wake.wait(self.interval)
        self._wake.clear()
        return woke

    def _settled(self) -> tuple[int, int] | None:
        """The register's signature once it stayed the same for ``settle`` seconds."""
        last = self._signature()
        deadline = time.monotonic() + SETTLE_LIMIT
        while time.monotonic() < deadline:
            self.sleep(self.settle)
            self._wake.clear()
            now = self._signature()
            if now == last:
                return now
            last = now
        return last

    def _build(self, signature):
        """Build; returns the signature that counts as done (None: try again next poll)."""
        try:
            self.on_result(self.build(self.options))
        except OutputError as error:
            self.on_error(error)
            return None
        except MviError as error:
            self.on_error(error)
            return None if getattr(error, "code", "") in TRANSIENT else signature
        return signature

    def _signature(self) -> tuple[int, int] | None:
        try:
            info = Path(self.options.register).stat()
        except OSError:
            return None
        return info.st_size, info.st_mtime_ns

    def _observe(self):
        """Start watchdog on the register's folder; None where events can't be had (then
        polling alone)."""
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:
            return None
        register = os.path.normcase(str(Path(self.options.register).absolute()))
        wake = self._wake

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                for path in (event.src_path, getattr(event, "dest_path", "")):
                    if path and _same(os.fsdecode(path), register):
                        wake.set()

        observer = Observer()
        try:
            observer.schedule(Handler(), str(Path(register).parent), recursive=False)
            observer.start()
        except (OSError, RuntimeError):
            return None
        return observer


def _same(path: str, register: str) -> bool:
    return os.path.normcase(str(Path(path).absolute())) == register
