"""The reporting cycle: what one build records in the history, and why it records nothing.

Pure: no files. Every two or three months the coordinator **publishes** a monitor
(``--publish``): its snapshot becomes a monitor of record, which the next monitors compare
with. In between, builds **refresh** the monitor on the drive; the history keeps only the
latest refresh. The rules, in the order they are applied:

1. A published peildatum is fixed: a build of it (a refresh, or ``--publish`` without
   ``--force``) changes nothing and points to the archived copy (``is_fixed``).
2. A refresh of another register than the history's is a warning, and records nothing, so two
   registers writing one monitor don't make a mixed history; a publish of it records (the
   register was renamed, say), with the same warning.
3. A refresh is recorded only as the latest snapshot of all: a peildatum before a published
   monitor, or before the refresh the history holds, records nothing, and says so.
4. A publish records its snapshot and drops the refreshes up to its day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PureWindowsPath

from .history import History, register_name
from .model import Finding, Snapshot


@dataclass(frozen=True)
class Recording:
    """What a build does to the history: the history to write (None: leave the file as it
    is), and the warnings and notices that say why."""

    history: History | None
    findings: tuple[Finding, ...] = ()
    notices: tuple[Finding, ...] = ()


def is_fixed(history: History, as_of: dt.date, *, publish: bool, force: bool) -> bool:
    """Rule 1: the peildatum has a published snapshot, and this is not a deliberate
    re-publish (``--publish --force``)."""
    return history.published_on(as_of) is not None and not (publish and force)


def plan(history: History, current: Snapshot, *, publish: bool) -> Recording:
    """Rules 2 to 4 for a build whose own snapshot is ``current``. A damaged history file is
    written again even when nothing is recorded, so what was read of it is kept (the original
    is kept aside)."""
    recording = _plan(history, current, publish=publish)
    if recording.history is None and history.damaged:
        return Recording(history, recording.findings, recording.notices)
    return recording


def _plan(history: History, current: Snapshot, *, publish: bool) -> Recording:
    where = history.path.name if history.path else ""
    findings: tuple[Finding, ...] = ()
    theirs = history.register_of_builds()
    ours = PureWindowsPath(current.register).name
    if theirs is not None and register_name(theirs) != register_name(ours):
        params = {"other": theirs, "register": ours}
        code = "history_other_register_published" if publish else "history_other_register"
        findings = (Finding(code, where, params),)
        if not publish:
            return Recording(None, findings)
    if publish:
        return Recording(history.with_published(current), findings)
    later = history.later_than(current.as_of)
    if later is not None:
        code = "refresh_before_published" if later.published else "refresh_before_refresh"
        date = later.as_of.strftime("%d-%m-%Y")
        notice = Finding(code, where, {"date": date, "iso": later.as_of.isoformat()})
        return Recording(None, findings, (notice,))
    return Recording(history.with_refresh(current), findings)
