"""The history of a monitor: its published snapshots and its latest refresh, kept beside the
monitor as CSV (``<monitor>-historie.csv``; the format is in history_format.py).

The reporting cycle decides what is kept. A **published** snapshot (``build --publish``,
``history add`` of an old copy, ``history publish``) is a monitor of record: it is never
overwritten by a build (only by ``--publish --force``), and every monitor compares with the
latest published one before its peildatum. A **refresh** (a build without ``--publish``, such as
the scheduled one) records a tussenstand: the history keeps only the latest, so the trend shows
the published points plus "now", not one point per run.

The file is read with care, because losing it costs the comparison of every later monitor:
an error while reading it (the drive away, a lock, antivirus) stops the run and changes
nothing; only content that can't be parsed is kept aside; a file cut off keeps its complete
snapshots; a later version's file is refused, not moved aside. It is rewritten atomically, and
only when something in it changes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PureWindowsPath

from .errors import OutputError, UsageError
from .history_format import (
    COLUMNS,
    CUT,
    FORMAT,
    LazyActions,
    NewerFormat,
    Unreadable,
    parse,
    parse_actions,
)
from .history_render import render
from .model import Finding, Snapshot
from .safe_io import atomic_output

__all__ = [
    "COLUMNS",
    "HISTORY_SUFFIX",
    "History",
    "LazyActions",
    "history_path",
    "load_history",
    "load_history_bytes",
    "monitor_of_history",
    "render_history",
    "save_history",
]

HISTORY_SUFFIX = "-historie.csv"
ASIDE_MARK = ".onleesbaar-"
#: The most a history file may be. 24 published snapshots of a regional roll-up of 100,000
#: actions take about 140 MB; a coordinator's register of 124 actions, 8 KB per snapshot.
MAX_HISTORY_BYTES = 512 * 2**20


@dataclass(frozen=True)
class History:
    """The snapshots of one monitor, oldest first, at most one per peildatum."""

    snapshots: tuple[Snapshot, ...] = ()
    path: Path | None = None
    unreadable: str | None = None  # why the file's content could not be parsed, if it couldn't
    #: snapshots left out of the file as read, (peildatum or None, why): cut off at its end, or
    #: with rows that can't be read. The file is then kept aside when it is next written.
    dropped: tuple[tuple[dt.date | None, str], ...] = ()
    format: int = FORMAT  # the format of the file as read (1: written by an earlier version)

    # --- finding snapshots ---

    def on(self, day: dt.date) -> Snapshot | None:
        return next((s for s in self.snapshots if s.as_of == day), None)

    def published_on(self, day: dt.date) -> Snapshot | None:
        found = self.on(day)
        return found if found is not None and found.published else None

    def latest_published_before(self, day: dt.date) -> Snapshot | None:
        earlier = [s for s in self.snapshots if s.published and s.as_of < day]
        return earlier[-1] if earlier else None

    def later_than(self, day: dt.date) -> Snapshot | None:
        """The latest snapshot after ``day``, if any: a refresh of ``day`` would not be "now"."""
        later = [s for s in self.snapshots if s.as_of > day]
        return later[-1] if later else None

    def register_of_builds(self) -> str | None:
        """The file name of the register the latest snapshot made by a build was made from (not
        one added from a copy, or by an earlier version); None when there is none."""
        built = [s for s in self.snapshots if not s.added and s.register]
        return PureWindowsPath(built[-1].register).name if built else None

    # --- the cycle ---

    def with_snapshot(self, snapshot: Snapshot) -> History:
        """A history where ``snapshot`` replaces any earlier one of the same peildatum."""
        kept = [s for s in self.snapshots if s.as_of != snapshot.as_of]
        return self._with(sorted([*kept, snapshot], key=lambda s: s.as_of))

    def with_published(self, snapshot: Snapshot) -> History:
        """Record a published snapshot: it replaces the one of its peildatum, and refreshes up
        to that day are of no use any more (the next monitors compare with this one)."""
        kept = [
            s
            for s in self.snapshots
            if s.as_of != snapshot.as_of and (s.published or s.as_of > snapshot.as_of)
        ]
        published = replace(snapshot, published=True)
        return self._with(sorted([*kept, published], key=lambda s: s.as_of))

    def with_refresh(self, snapshot: Snapshot) -> History:
        """Record a refresh, the latest snapshot of all (see ``later_than``): it replaces every
        other refresh, so the history holds the published snapshots plus this one."""
        kept = [s for s in self.snapshots if s.published and s.as_of != snapshot.as_of]
        refresh = replace(snapshot, published=False, added=False)
        return self._with([*kept, refresh])

    def marked(self, day: dt.date, published: bool) -> History:
        """``history publish`` / ``unpublish``: the snapshot of ``day`` as published or not. A
        snapshot published so makes the refreshes before it of no use."""
        found = self.on(day)
        if found is None:
            raise UsageError("history_no_snapshot", path=self.path, date=day.strftime("%d-%m-%Y"))
        if published:
            return self.with_published(found)
        return self.with_snapshot(replace(found, published=False, added=False))

    def without(self, as_of: dt.date) -> History:
        kept = tuple(s for s in self.snapshots if s.as_of != as_of)
        if len(kept) == len(self.snapshots):
            raise UsageError("history_no_snapshot", path=self.path, date=as_of.strftime("%d-%m-%Y"))
        return self._with(kept)

    def dropping(self, snapshot: Snapshot, reason: str) -> History:
        """The history without a snapshot whose rows turned out unreadable when it was first
        used; the file is kept aside when the history is next written."""
        kept = tuple(s for s in self.snapshots if s is not snapshot)
        return replace(self, snapshots=kept, dropped=(*self.dropped, (snapshot.as_of, reason)))

    def _with(self, snapshots: Iterable[Snapshot]) -> History:
        return replace(self, snapshots=tuple(snapshots))

    # --- reporting what happened to the file ---

    @property
    def damaged(self) -> bool:
        """The file as read lost something (unreadable, cut off, a bad snapshot): it is kept
        aside before the history is written again."""
        return self.unreadable is not None or bool(self.dropped)

    def aside_path(self, now: dt.datetime | None = None) -> Path | None:
        """Where a damaged history file is copied before a new one is written."""
        if not self.damaged or self.path is None or not self.path.exists():
            return None
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        return self.path.with_name(f"{self.path.stem}{ASIDE_MARK}{stamp}.csv")

    def notices(self, aside: Path | None) -> tuple[Finding, ...]:
        """Say what was left out of the file as read, and where the original is kept."""
        where = self.path.name if self.path else ""
        kept = aside.name if aside is not None else "-"
        if self.unreadable is not None:
            params = {"reason": self.unreadable, "aside": kept}
            return (Finding("history_unreadable_aside", where, params),)
        found = []
        for day, reason in self.dropped:
            date = day.strftime("%d-%m-%Y") if day else "?"
            if reason == CUT:
                found.append(Finding("history_cut", where, {"date": date}))
            else:
                params = {"date": date, "reason": reason}
                found.append(Finding("history_snapshot_unreadable", where, params))
        if aside is not None:
            found.append(Finding("history_kept_aside", where, {"aside": kept}))
        return tuple(found)


def register_name(register: str) -> str:
    """How a snapshot's register is told apart: its file name, case ignored (the same file on
    another drive letter or share path is the same register)."""
    return PureWindowsPath(register).name.casefold()


def history_path(monitor: Path) -> Path:
    """``Actieplan-monitor.xlsx`` keeps its history in ``Actieplan-monitor-historie.csv``."""
    return monitor.with_name(monitor.stem + HISTORY_SUFFIX)


def monitor_of_history(path: Path) -> Path:
    """The monitor a history file belongs to (its lock guards both)."""
    return path.with_name(path.name.removesuffix(HISTORY_SUFFIX) + ".xlsx")


# --- Reading ---------------------------------------------------------------------------------


def load_history(path: Path) -> History:
    """The history at ``path``; empty when there is none. Content that can't be parsed gives an
    empty history that remembers why (the caller keeps the file aside). Raises OutputError
    (exit 4) when the file can't be read at all, is no regular file, is too big or was written
    by a later version: then nothing may change."""
    data = _read(path)
    if data is None:
        return History(path=path)
    try:
        parsed = parse(data)
    except NewerFormat as newer:
        raise OutputError(
            "history_newer", path=path, found=newer.found, supported=f"formaat {FORMAT}"
        ) from None
    except (Unreadable, UnicodeDecodeError, ValueError) as exc:
        return History(path=path, unreadable=str(exc) or type(exc).__name__)
    return History(parsed.snapshots, path, dropped=parsed.dropped, format=parsed.format)


def load_history_bytes(data: bytes) -> tuple[Snapshot, ...]:
    """The snapshots in a history file's bytes; raises ValueError when they can't be read."""
    return parse(data).snapshots


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none. Opened without waiting (a pipe would
    block) and checked to be a regular file of bounded size before it is read."""
    limit = MAX_HISTORY_BYTES
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError("history_read_failed", path=path, reason=_reason(exc)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError("history_not_regular", path=path)
        if info.st_size > limit:
            raise _too_big(path, info.st_size)
        # the whole file in one read (no copies), then whatever it grew by since
        data = os.read(descriptor, info.st_size + 1) if info.st_size else b""
        chunks, size = [data], len(data)
        while size <= limit and (not info.st_size or size > info.st_size):
            chunk = os.read(descriptor, min(1 << 24, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_big(path, size)
        return data if len(chunks) == 1 else b"".join(chunks)
    except OSError as exc:
        raise OutputError("history_read_failed", path=path, reason=_reason(exc)) from None
    finally:
        os.close(descriptor)


def _too_big(path: Path, size: int) -> OutputError:
    mb = 2**20
    return OutputError(
        "history_too_big", path=path, size=-(-size // mb), limit=MAX_HISTORY_BYTES // mb
    )


def parse_compared(
    history: History, pick: Callable[[tuple[Snapshot, ...]], Snapshot | None]
) -> tuple[History, Snapshot | None]:
    """The snapshot ``pick(snapshots)`` chooses to compare with, its action rows parsed. One
    whose rows can't be read is left out (and said) and the next choice taken."""
    while True:
        compared = pick(history.snapshots)
        if compared is None:
            return history, None
        try:
            parse_actions(compared)
        except Unreadable as exc:
            history = history.dropping(compared, str(exc))
            continue
        return history, compared


# --- Writing ---------------------------------------------------------------------------------


def render_history(history: History) -> bytes:
    return b"".join(render(history.snapshots))


def write_history(history: History, target: Path) -> None:
    """Write the file (to a temporary path; the caller moves it into place). A full disk or a
    lost drive is one line, exit 4."""
    try:
        with target.open("wb") as handle:
            for chunk in render(history.snapshots):
                handle.write(chunk)
    except OSError as exc:
        path = history.path or target
        raise OutputError("history_write_failed", path=path, reason=_reason(exc)) from None


@contextlib.contextmanager
def staged_history(
    history: History,
    path: Path,
    *,
    aside: Path | None = None,
    check: Callable[[], None] | None = None,
) -> Iterator[None]:
    """The new history written and flushed beside the old one before the body runs; it
    replaces the old one when the body ends without an error, and never otherwise. A damaged
    file found there is copied to ``aside`` first, so it is never lost. ``check`` runs just
    before the replace (the run still holds its lock)."""
    try:
        with atomic_output(path, check=check) as temporary:
            write_history(history, temporary)
            if aside is not None:
                _copy_aside(path, aside)
            yield
    except OutputError as exc:
        if exc.code == "in_use":
            raise OutputError("history_in_use", path=path) from None
        if exc.code in (
            "write_failed",
            "monitor_read_only",
        ):  # said of the history, not the monitor
            raise OutputError(
                "history_write_failed", path=path, reason=exc.params.get("reason", "")
            ) from None
        raise


def save_history(history: History, path: Path, *, aside: Path | None = None) -> None:
    """Write ``history`` to ``path`` atomically (see ``staged_history``)."""
    with staged_history(history, path, aside=aside):
        pass


def _copy_aside(path: Path, aside: Path) -> None:
    try:
        shutil.copyfile(path, aside)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError("history_write_failed", path=aside, reason=_reason(exc)) from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
