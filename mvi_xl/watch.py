"""``mvi-xl watch``: rebuild the monitor whenever the register has changed and settled.

Polling, not file-system events: change events are unreliable on network drives (SMB). A
change is built once the register's size and modification time have stayed the same for one
interval, so a save in progress is not read. Errors that may pass (the register mid-save, the
drive away for a moment, the monitor open in Excel) are retried on the next change or poll;
the loop itself only ends on Ctrl-C.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import MviError, OutputError
from .pipeline import Options, Result, build

#: Register errors that may pass by themselves: try again on the next poll, not only on the
#: next change.
TRANSIENT = frozenset({"damaged", "empty_file", "changing", "not_found", "no_permission"})


@dataclass
class Watcher:
    options: Options
    on_result: Callable[[Result], None]
    on_error: Callable[[MviError], None]
    interval: float = 10.0
    sleep: Callable[[float], None] = time.sleep

    def run(self, polls: int | None = None) -> None:
        """Poll until interrupted (or ``polls`` times, for tests)."""
        seen = self._signature()
        built = None
        if seen is not None:
            built = self._build(seen)
        count = 0
        while polls is None or count < polls:
            count += 1
            self.sleep(self.interval)
            now = self._signature()
            if now is not None and now == seen and now != built:
                built = self._build(now)  # unchanged for one interval: settled
            seen = now

    def _build(self, signature):
        """Build; returns the signature that counts as done (None: try again next poll)."""
        try:
            self.on_result(build(self.options))
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
