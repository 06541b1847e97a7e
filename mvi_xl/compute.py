"""The monitor's numbers and lists, computed from a Register. Pure: no files, no Excel, no click.

Every action lands in exactly one (period, status) cell, so the status table always adds up to
the number of action rows; rows without a period or with an unknown status are counted in a
visible bucket rather than dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from . import vocabulary
from .cells import cell_ref
from .config import Config
from .model import (
    Action,
    Communication,
    Finding,
    Monitor,
    PeriodCounts,
    Register,
    Snapshot,
    SnapshotAction,
)
from .vocabulary import GEPLAND, LOPEND, ONBEKEND, STATUSES, VOLTOOID, label_key


def compute_monitor(
    register: Register,
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    config: Config | None = None,
    history: Sequence[Snapshot] = (),
) -> Monitor:
    """The monitor at ``as_of``. ``history`` holds the earlier snapshots (any order): without
    ``since`` the monitor compares with the latest one before the peildatum."""
    config = config or Config()
    previous = _previous(history, as_of, since)
    if since is None and previous is not None:
        since = previous.as_of
    order = period_order(register.actions, register.periods, config.period_order)
    counts = Counter((a.period, a.status) for a in register.actions)
    shown = STATUSES + ((ONBEKEND,) if any(a.status == ONBEKEND for a in register.actions) else ())
    continuous = {label_key(p) for p in config.continuous_periods}
    periods = tuple(
        PeriodCounts(
            period=label,
            continuous=bool(label)
            and (label_key(label) in continuous or vocabulary.is_continuous_label(label)),
            by_status={status: counts[(label, status)] for status in (*STATUSES, ONBEKEND)},
        )
        for label in order
    )
    realised_comms, planned_comms = split_communications(register.communications, as_of)
    findings = list(register.findings) + list(date_findings(register, as_of))
    notices: list[Finding] = []
    if register.has("completed"):
        realised = realised_between(register.actions, since, as_of)
    elif previous is not None:
        realised, more = realised_by_status(register, previous)
        findings.extend(more)
    else:
        realised = ()
        if since is not None:
            notices.append(
                Finding("no_snapshot_to_compare", "", {"since": since.strftime("%d-%m-%Y")})
            )
    current = snapshot_of(register, periods, as_of)
    others = [s for s in history if s.as_of != as_of]
    return Monitor(
        register=register,
        as_of=as_of,
        since=since,
        organisation=config.organisation,
        periods=periods,
        statuses=shown,
        realised=realised,
        running=tuple(a for a in register.actions if a.status == LOPEND),
        planned=tuple(a for a in register.actions if a.status == GEPLAND),
        focus_points=register.focus_points,
        communications_realised=realised_comms,
        communications_planned=planned_comms,
        findings=tuple(findings),
        highlight_only=register.has("highlight"),
        previous=previous,
        history=tuple(sorted([*others, current], key=lambda snap: snap.as_of)),
        notices=tuple(notices),
    )


def _previous(
    history: Sequence[Snapshot], as_of: dt.date, since: dt.date | None
) -> Snapshot | None:
    """The snapshot to compare with: the latest on or before ``since`` when given, else the
    latest before the peildatum."""
    limit = since if since is not None else as_of - dt.timedelta(days=1)
    earlier = [s for s in history if s.as_of <= limit]
    return max(earlier, key=lambda s: s.as_of) if earlier else None


def snapshot_of(register: Register, periods: Iterable[PeriodCounts], as_of: dt.date) -> Snapshot:
    """What the history remembers of this monitor."""
    return Snapshot(
        as_of=as_of,
        periods=tuple(periods),
        actions=tuple(SnapshotAction(a.id, a.period, a.status, a.row) for a in register.actions),
        register=str(register.path),
    )


def realised_by_status(
    register: Register, previous: Snapshot
) -> tuple[tuple[Action, ...], list[Finding]]:
    """Without a completion-date column: the actions voltooid now that were not voltooid in the
    previous snapshot (or not in it at all), matched by id. Rows without an id, or with an id
    used twice, can't be matched; a warning says how many."""
    before: dict[str, str] = {}
    for old in previous.actions:
        if old.id:
            before[old.id] = old.status
    counts = Counter(a.id for a in register.actions if a.id)
    realised, unmatched = [], []
    for action in register.actions:
        if action.status != VOLTOOID:
            continue
        if not action.id or counts[action.id] > 1:
            unmatched.append(action)
        elif before.get(action.id) != VOLTOOID:
            realised.append(action)
    findings = []
    if unmatched:
        first = unmatched[0]
        findings.append(
            Finding(
                "unmatched_rows",
                action_where(register, first, "id" if register.has("id") else "action"),
                {"count": len(unmatched), "date": previous.as_of.strftime("%d-%m-%Y")},
            )
        )
    return tuple(realised), findings


def period_order(
    actions: Iterable[Action], seen: Iterable[str], configured: Iterable[str]
) -> list[str]:
    """Configured periods first (even when no action uses them yet), then the register's own in
    order of first appearance, then the bucket "" for actions without a period."""
    by_key = {label_key(p): p for p in seen}
    order: list[str] = []
    keys: set[str] = set()
    for label in (*configured, *by_key.values()):
        key = label_key(label)
        if key not in keys:
            keys.add(key)
            order.append(by_key.get(key, label))
    if any(a.period == "" for a in actions):
        order.append("")
    return order


def realised_between(
    actions: Iterable[Action], since: dt.date | None, as_of: dt.date
) -> tuple[Action, ...]:
    """Voltooid with a completion date in (since, as_of], oldest first."""
    done = [
        a
        for a in actions
        if a.status == VOLTOOID
        and a.completed is not None
        and a.completed <= as_of
        and (since is None or a.completed > since)
    ]
    return tuple(sorted(done, key=lambda a: (a.completed, a.row)))


def split_communications(
    moments: Iterable[Communication], as_of: dt.date
) -> tuple[tuple[Communication, ...], tuple[Communication, ...]]:
    """Realised and planned moments; without a status the date decides (on or before the
    peildatum is realised)."""
    realised, planned = [], []
    for moment in moments:
        status = moment.status or (
            vocabulary.REALISED
            if moment.date is not None and moment.date <= as_of
            else vocabulary.PLANNED
        )
        (realised if status == vocabulary.REALISED else planned).append(moment)
    return tuple(realised), tuple(planned)


def date_findings(register: Register, as_of: dt.date) -> Iterable[Finding]:
    """Completion dates after the peildatum: probably a typo, or the wrong --as-of."""
    if not register.has("completed"):
        return
    for action in register.actions:
        if action.completed is not None and action.completed > as_of:
            yield Finding(
                "completed_after_as_of",
                action_where(register, action, "completed"),
                {
                    "date": action.completed.strftime("%d-%m-%Y"),
                    "as_of": as_of.strftime("%d-%m-%Y"),
                },
            )


def action_where(register: Register, action: Action, field_name: str) -> str:
    """The cell of one field of an action, for a finding raised after reading."""
    column = register.columns.get(field_name, 0)
    return cell_ref(None if register.kind == "csv" else register.sheet, action.row - 1, column)
