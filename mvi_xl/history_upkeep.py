"""The history's upkeep outside a build: finding a monitor's history, marking a snapshot as
published or as a refresh, removing one, and what a build says of the history it read or
could not save."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from . import props
from .archive import Archive
from .config import find_config, load_config
from .errors import OutputError, UsageError
from .fingerprint import PROPERTY as FINGERPRINT_PROPERTY
from .history import (
    HISTORY_SUFFIX,
    History,
    history_path,
    load_history,
    monitor_of_history,
    save_history,
)
from .model import Finding, Monitor
from .safe_io import run_lock
from .words.i18n import Phrase

if TYPE_CHECKING:
    from .cycle import Recording


def find_history(location: Path | None) -> History:
    """The history of a monitor: given the monitor, the history file itself, or nothing (then
    the one history file in the current folder)."""
    if location is None:
        found = sorted(Path.cwd().glob("*" + HISTORY_SUFFIX))
        if len(found) != 1:
            raise UsageError(
                "history_which", count=len(found), names=", ".join(p.name for p in found) or "-"
            )
        location = found[0]
    return _existing_history(
        location if location.name.endswith(HISTORY_SUFFIX) else history_path(location)
    )


def _existing_history(path: Path) -> History:
    """The history at ``path``, which must exist and be readable."""
    history = load_history(path)
    if history.unreadable is not None:
        raise OutputError("history_unreadable", path=path, reason=history.unreadable)
    if not path.exists():
        raise UsageError("history_missing", path=path)
    return history


@dataclass(frozen=True)
class Marked:
    """What ``history publish`` / ``unpublish`` did."""

    history: History
    changed: bool  # False: the snapshot already was so
    archived: Path | None = None  # publish: the archived copy of that peildatum's monitor


def mark(
    location: Path | None, as_of: dt.date, *, published: bool, config: Path | None = None
) -> Marked:
    """``history publish DATE`` / ``history unpublish DATE``: mark an existing snapshot as
    published or as a refresh. Publishing it also keeps the monitor beside the history in the
    archive when that monitor is of this peildatum (it is the monitor the snapshot is of)."""
    path = _path_of(find_history(location))
    monitor = monitor_of_history(path)
    archive = Archive.of(monitor, load_config(find_config(config, monitor)).archive)
    with run_lock(monitor):
        history = _existing_history(path)
        snapshot = history.on(as_of)
        if snapshot is None:
            raise UsageError("history_no_snapshot", path=path, date=_dmy(as_of))
        if snapshot.published == published:
            return Marked(history, False, archive.copy_of(as_of) if published else None)
        kept = None
        if published and archive.copy_of(as_of) is None and _peildatum_of(monitor) == as_of:
            kept = archive.keep(as_of, monitor)
        marked = history.marked(as_of, published)
        try:
            save_history(marked, path)
        except BaseException:
            if kept is not None:
                kept.undo()
            raise
    return Marked(marked, True, archive.copy_of(as_of) if published else None)


def _peildatum_of(monitor: Path) -> dt.date | None:
    """The peildatum a monitor mvi-xl wrote was built for (its custom properties)."""
    text = props.read_custom_properties(monitor).get(props.AS_OF, "")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def forget(location: Path | None, as_of: dt.date) -> History:
    """``history remove``: drop the snapshot of one peildatum."""
    path = _path_of(find_history(location))
    with run_lock(monitor_of_history(path)):
        history = _existing_history(path).without(as_of)
        save_history(history, path, aside=history.aside_path())
    return history


def _path_of(history: History) -> Path:
    """The file of a history that was read from one."""
    assert history.path is not None
    return history.path


def history_notices(history: History, output: Path, aside: Path | None) -> tuple[Finding, ...]:
    """Say so when the history starts afresh (first run, deleted file, unreadable file) or
    lost something as it was read (cut off, a snapshot that can't be read)."""
    where = history.path.name if history.path else ""
    if history.damaged:
        return history.notices(aside)
    if history.snapshots or (history.path is not None and history.path.exists()):
        return ()
    recorded = props.read_custom_properties(output).get(props.HISTORY_COUNT, "0")
    if recorded.isdigit() and int(recorded) > 0:
        return (Finding("history_deleted", where, {"count": int(recorded)}),)
    return (Finding("history_new", where, {}),)


def history_not_saved(monitor: Monitor, path: Path, error: OutputError) -> Monitor:
    """A refresh whose history could not be put in place (open in Excel, say): the monitor is
    written, and the next run, which sees the snapshot missing, records it."""
    notice = Finding("history_not_saved", path.name, {"reason": Phrase(error.code, **error.params)})
    return replace(monitor, notices=(*monitor.notices, notice))


def up_to_date(
    output: Path, stamp: str, monitor: Monitor, history: History, recording: Recording | None
) -> bool:
    """Nothing to do: the monitor carries this fingerprint, and the history already holds
    what this run would record (a run that could not save its refresh tries again) and needs
    no repair."""
    if props.read_custom_properties(output).get(FINGERPRINT_PROPERTY) != stamp:
        return False
    if history.damaged:
        return False
    if recording is not None and recording.history is not None:
        held = history.on(monitor.as_of)
        if held is None or held.published:
            return False
    return True
