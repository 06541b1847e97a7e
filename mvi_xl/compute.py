"""The monitor's numbers and lists, computed from a Register. Pure: no files, no Excel, no click.

Every action lands in exactly one (period, status) cell, so the status table always adds up to
the number of action rows; rows without a period or with an unknown status are counted in a
visible bucket rather than dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .breakdowns import breakdown, breakdowns_of, one_spelling
from .config import Config
from .house_colours import colour_findings
from .model import (
    Action,
    Communication,
    Finding,
    Monitor,
    PeriodCounts,
    Register,
    SheetLayout,
    Snapshot,
    SnapshotAction,
)
from .periods import sort_key, year_label_span
from .signals import find_signals
from .trend import period_trends
from .words import terms
from .words.terms import GEPLAND, LOPEND, ONBEKEND, STATUSES, VOLTOOID, label_key

if TYPE_CHECKING:
    from .ambitions import Ambition


def compute_monitor(  # noqa: PLR0913 - keyword-only, each a different input
    register: Register,
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    config: Config | None = None,
    history: Sequence[Snapshot] = (),
    published: bool = False,
) -> Monitor:
    """The monitor at ``as_of``. ``history`` holds the earlier snapshots (any order). The
    monitor compares with one of them (``compared_snapshot``): the latest published one before
    the peildatum, or with ``since`` the one on that day. ``published``: this monitor is
    published (its own snapshot, the last point of the trend, says so)."""
    config = config or Config()
    register = one_spelling(register)
    previous = compared_snapshot(history, as_of, since)
    if since is None and previous is not None:
        since = previous.as_of
    order = period_order(
        register.actions, register.periods, config.period_order, config.continuous_periods
    )
    counts = Counter((a.period, a.status) for a in register.actions)
    shown = STATUSES + ((ONBEKEND,) if any(a.status == ONBEKEND for a in register.actions) else ())
    continuous = {label_key(p) for p in config.continuous_periods}
    periods = tuple(
        PeriodCounts(
            period=label,
            continuous=is_continuous(label, continuous),
            by_status={status: counts[(label, status)] for status in (*STATUSES, ONBEKEND)},
        )
        for label in order
    )
    realised_comms, planned_comms = split_communications(register.communications, as_of)
    findings = [*register.findings, *date_findings(register, as_of), *sheet_duplicates(register)]
    findings.extend(colour_findings(config))
    notices: list[Finding] = list(register.notices)
    realised, more = realised_since(register, previous, since, as_of)
    findings.extend(more)
    if previous is None and since is not None:
        # --since without a snapshot on that day: realised goes by date alone, counts are
        # not compared (the page says so too)
        code = "no_snapshot_on_since" if register.has("completed") else "no_snapshot_to_compare"
        notices.append(Finding(code, "", {"since": since.strftime("%d-%m-%Y")}))
    current = replace(snapshot_of(register, periods, as_of), published=published)
    views = breakdowns_of(register)
    ambitions: tuple[Ambition, ...] = ()
    if config.ambitions or register.has("ambition"):  # ambitions.py: only where they are kept
        from .ambitions import theme_ambitions

        ambition = theme_ambitions(register, views.get("theme"), config, as_of)
        findings.extend(ambition.findings)
        notices.extend(ambition.notices)
        if ambition.groups:
            views["theme"] = ambition.groups
        ambitions = ambition.ambitions
    trend = tuple(
        sorted([*(s for s in history if s.published and s.as_of < as_of), current], key=_as_of)
    )
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
        breakdowns=views,
        signals=find_signals(register, periods, as_of, config.signals),
        history=trend,
        trend=period_trends(periods, trend),
        notices=tuple(notices),
        ambitions=ambitions,
    )


def _as_of(snapshot: Snapshot) -> dt.date:
    return snapshot.as_of


def compared_snapshot(
    history: Sequence[Snapshot], as_of: dt.date, since: dt.date | None
) -> Snapshot | None:
    """The one snapshot a monitor compares with, so that its change column, its realised list
    and --json ``previous`` all name one date: with ``since``, the snapshot on that day (none:
    the counts are not compared, and the realised list goes by completion dates); else the
    latest published snapshot before the peildatum, never a refresh (a refresh compares with
    the last monitor sent to the college, not with yesterday)."""
    if since is not None:
        return next((s for s in history if s.as_of == since), None)
    earlier = [s for s in history if s.published and s.as_of < as_of]
    return max(earlier, key=lambda s: s.as_of) if earlier else None


def snapshot_of(register: Register, periods: Iterable[PeriodCounts], as_of: dt.date) -> Snapshot:
    """What the history remembers of this monitor (a refresh until it is published)."""
    return Snapshot(
        as_of=as_of,
        periods=tuple(periods),
        actions=tuple(SnapshotAction(a.key, a.period, a.status, a.row) for a in register.actions),
        register=str(register.path),
        published=False,
    )


def realised_since(
    register: Register, previous: Snapshot | None, since: dt.date | None, as_of: dt.date
) -> tuple[tuple[Action, ...], list[Finding]]:
    """The actions realised since the compared monitor. An action voltooid with a completion
    date is realised when that date lies in (since, as_of]: the date decides. One voltooid
    without a date (or in a register without the column) is realised when it was not voltooid
    in ``previous``, or not in it at all, matched by its key; without a snapshot to compare
    with there is nothing to match, and only dates count. Dated ones first, oldest first, then
    the others in register order."""
    dated = realised_between(register.actions, since, as_of)
    if previous is None:
        return dated, []
    undated, findings = realised_by_status(register, previous)
    return dated + undated, findings


def realised_by_status(
    register: Register, previous: Snapshot
) -> tuple[tuple[Action, ...], list[Finding]]:
    """The actions voltooid now without a completion date that were not voltooid in the
    previous snapshot (or not in it at all), matched by key (``Action.key``: source, sheet and
    id). Rows without an id, or with a key used twice, can't be matched; a warning says how
    many."""
    before: dict[str, str] = {}
    for old in previous.actions:
        if old.id:
            before[old.id] = old.status
    counts = Counter(a.key for a in register.actions if a.id)
    realised, unmatched = [], []
    for action in register.actions:
        if action.status != VOLTOOID or action.completed is not None:
            continue
        if not action.id or counts[action.key] > 1:
            unmatched.append(action)
        elif before.get(action.key) != VOLTOOID:
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
    actions: Iterable[Action],
    seen: Iterable[str],
    configured: Iterable[str],
    continuous: Iterable[str] = (),
) -> list[str]:
    """The periods in an order that is the same between monitors, whatever the order of the
    rows: configured periods first, in config order (even when no action uses them yet); then
    year labels ("2019", "2020 - 2022", "Q3 2019", "H1 2020") by first year, quarters and halves
    in order within their year (``periods.sort_key``); then the register's other labels in
    order of first appearance; then the continuous periods (named ``continuous`` or with
    "doorlopend" in their name), in order of first appearance; then the bucket "" for actions
    without a period."""
    by_key = {label_key(p): p for p in seen if p}
    order: list[str] = []
    keys: set[str] = set()
    for label in configured:
        key = label_key(label)
        if key not in keys:
            keys.add(key)
            order.append(by_key.get(key, label))
    rest = [(key, label) for key, label in by_key.items() if key not in keys]
    continuous_keys = {label_key(c) for c in continuous}
    years, others, lasting = [], [], []
    for key, label in rest:
        if is_continuous(label, continuous_keys):
            lasting.append(label)
        elif (span := year_label_span(label)) is not None:
            years.append((sort_key(span), key, label))
        else:
            others.append(label)
    order += [label for *_, label in sorted(years)] + others + lasting
    if any(a.period == "" for a in actions):
        order.append("")
    return order


def is_continuous(label: str, configured_keys: Collection[str] = frozenset()) -> bool:
    """A period that never ends: configured as such (``configured_keys``: its ``label_key``) or
    with "doorlopend" in its name. The bucket "" is not a period."""
    return bool(label) and (label_key(label) in configured_keys or terms.is_continuous_label(label))


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
    realised: list[Communication] = []
    planned: list[Communication] = []
    for moment in moments:
        status = moment.status or (
            terms.REALISED if moment.date is not None and moment.date <= as_of else terms.PLANNED
        )
        (realised if status == terms.REALISED else planned).append(moment)
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
    return register.where(action, field_name)


# --- Several registers, one department -----------------------------------------------------


def combine(registers: Sequence[Register], names: Sequence[str], path: Path) -> Register:
    """One register made of several (one per department, say): every action keeps its source,
    warnings say which file they are about, periods merge by label. An action in two sources
    (``duplicate_actions``) is a warning; both rows still count."""
    actions: list[Action] = []
    findings: list[Finding] = []
    notices: list[Finding] = []
    focus: list[str] = []
    moments: list[Communication] = []
    labels: dict[str, str] = {}
    headers: dict[str, str] = {}
    layouts: dict[tuple[str, str], SheetLayout] = {}
    places: dict[tuple[str, str, int], str] = {}
    for register, name in zip(registers, names, strict=True):
        actions.extend(replace(a, source=name) for a in register.actions)
        for a in register.actions:
            places[(name, a.sheet, a.row)] = f"{name} › {action_where(register, a, 'action')}"
        findings.extend(
            replace(f, where=f"{name} › {f.where}" if f.where else name) for f in register.findings
        )
        notices.extend(
            replace(f, where=f"{name} › {f.where}" if f.where else name) for f in register.notices
        )
        own = register.layouts or {("", ""): SheetLayout(_ref_sheet(register), register.columns)}
        for (_, sheet), layout in own.items():
            layouts[(name, sheet)] = layout
        focus.extend(p for p in register.focus_points if p not in focus)
        moments.extend(register.communications)
        for label in register.periods:
            labels.setdefault(label_key(label), label)
        for key, value in register.headers.items():
            headers.setdefault(key, value)
    findings.extend(duplicate_actions(actions, lambda a: places[(a.source, a.sheet, a.row)]))
    # one spelling per period across the sources, the first one met
    actions = [
        replace(a, period=labels.get(label_key(a.period), a.period)) if a.period else a
        for a in actions
    ]
    digest = hashlib.sha256("".join(r.digest for r in registers).encode()).hexdigest()
    return Register(
        path=path,
        kind="combined",
        sheet=", ".join(dict.fromkeys(r.sheet for r in registers)),
        header_row=0,
        headers=headers,
        columns={},
        actions=tuple(actions),
        periods=tuple(labels.values()),
        focus_points=tuple(focus),
        communications=tuple(moments),
        side_sheets=frozenset().union(*(r.side_sheets for r in registers)),
        findings=tuple(findings),
        modified=max((r.modified for r in registers if r.modified), default=None),
        digest=digest,
        sheets=tuple(dict.fromkeys(s for r in registers for s in r.sheets)),
        layouts=layouts,
        notices=tuple(notices),
    )


def sheet_duplicates(register: Register) -> list[Finding]:
    """The same action (id and text) on two sheets of one register, say a theme sheet and a
    copy of it: a warning, as for two registers; both rows count."""
    by_source: dict[str, list[Action]] = {}
    for action in register.actions:
        if action.sheet:
            by_source.setdefault(action.source, []).append(action)
    findings = []
    for actions in by_source.values():
        found = duplicate_actions(
            actions, lambda a: register.where(a, "action"), apart=attrgetter("sheet")
        )
        findings.extend(found)
    return findings


def _ref_sheet(register: Register) -> str | None:
    return None if register.kind == "csv" else register.sheet


def duplicate_actions(
    actions: Iterable[Action],
    where: Callable[[Action], str] | Mapping[Action, str],
    apart: Callable[[Action], str] = attrgetter("source"),
) -> list[Finding]:
    """The same action from two sources: an equal id and an equal text (case and runs of
    spaces ignored; neither empty) with a different ``source``. One warning per such action,
    at its first place, naming the others; ``where`` gives an action's place (a callable or a
    mapping), such as ``Inkoop.xlsx › Acties!B5``. Only the Action fields ``id``, ``text`` and
    ``source`` are compared; ``apart`` tells the places apart (the source, or for two sheets
    of one file the sheet)."""
    place = where.__getitem__ if isinstance(where, Mapping) else where
    same: dict[tuple[str, str], list[Action]] = {}
    for action in actions:
        key = (_tidy(action.id), _tidy(action.text))
        if all(key):
            same.setdefault(key, []).append(action)
    findings = []
    for group in same.values():
        if len({apart(a) for a in group}) < 2:
            continue
        first, *others = group
        findings.append(
            Finding(
                "duplicate_action",
                place(first),
                {
                    "id": first.id,
                    "text": _shorten(" ".join(first.text.split())),
                    "others": ", ".join(place(a) for a in others),
                },
            )
        )
    return findings


def _tidy(text: str) -> str:
    return " ".join(text.split()).casefold()


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def departments(register: Register) -> tuple[str, ...]:
    """The departments of a register, "" for actions without one."""
    return tuple(group.label for group in breakdown(register.actions, "department"))


def limit_to_department(register: Register, department: str) -> Register:
    """The register of one department ("" for actions without one); periods keep their order."""
    key = label_key(department)
    actions = tuple(a for a in register.actions if label_key(a.department) == key)
    used = {a.period for a in actions}
    return replace(
        register, actions=actions, periods=tuple(p for p in register.periods if p in used)
    )
