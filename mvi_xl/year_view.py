"""The monitor of one calendar year (``build --jaar YEAR``): realised in the year, the status at
its end. Pure: no files, no click; it turns the register as it is now, and the published
monitors, into the register as it stood at the year's end and computes the monitor of that day.

The rules:

- **The peildatum** is 31-12-YEAR; for the current year, which is not over, today. A year after
  the current one is refused, and so is a year before the first year the register or its
  published monitors say anything about (no action completed, started or running by then).
- **The status at the year's end** of each action follows the Jaaroverzicht's timeline
  (years.py), so the Monitor page and the Jaaroverzicht tell one story: voltooid when its
  completion year (the completion date; without one the first published monitor showing it
  voltooid) is YEAR or before; else lopend when it was running at the end of YEAR (from its
  start date, else the first published monitor showing it lopend or voltooid); else gepland
  (started after the year's end, or not at all). An action gepland or of unknown status now
  was so then too. For an action vervallen now the register does not say when it stopped: the
  latest published monitor up to the year's end says what it was, else it counts as vervallen.
- **A guess**, with one warning naming how many and the first cell: an action lopend, voltooid
  or vervallen now whose dates don't tell (no start date, no completion date up to the year's
  end) and which is in no published monitor up to the year's end. The latest published monitor
  of the year counts as its end: what changed between it and 31-12 is not known.
- For the current year the statuses are those of now.
- A completion date of an action not voltooid at the year's end is left out (it lies after the
  year), so the date checks and signals see the year as it was.
- **Realised** (gerealiseerd) are the actions voltooid at the year's end whose completion year
  is YEAR: the Jaaroverzicht's completed actions of that year; dated ones first, oldest first.
- **Compared with** the latest published monitor at or before 31-12 of the year before (its
  counts in the change column); without one nothing is compared, and a notice says so.
- Every action of the register counts, also one added to the register after the year: the
  register does not say when a row was added (one planned later shows as gepland).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from .compute import compared_snapshot, compute_monitor
from .config import Config
from .errors import UsageError
from .model import Action, Finding, Monitor, Register, Snapshot
from .trend import period_trends
from .words.terms import GEPLAND, LOPEND, ONBEKEND, VERVALLEN, VOLTOOID
from .years import ActionYears, action_years


def year_end(year: int, today: dt.date) -> dt.date:
    """The peildatum of the year's monitor: 31-12-YEAR, or today while the year is not over."""
    return min(dt.date(year, 12, 31), today)


def refuse_year(
    year: int, today: dt.date, *, publish: bool = False, given: Sequence[str] = ()
) -> None:
    """A year monitor is a view of a year's end, not a publication: not with --publish, nor
    with the ``given`` options that set another peildatum (--as-of, --since); and a year after
    the current one has no end to show (exit 2)."""
    if publish:
        raise UsageError("year_and_publish", year=year)
    if given:
        raise UsageError("year_and_option", option=given[0], year=year)
    if year > today.year:
        raise UsageError("year_in_future", year=year, current=today.year)


def year_monitor(
    register: Register,
    *,
    year: int,
    today: dt.date,
    config: Config | None = None,
    history: Sequence[Snapshot] = (),
) -> Monitor:
    """The monitor of ``year`` by the rules in this module's docstring. ``history``: the
    snapshots of the monitor this is a view of (any order)."""
    refuse_year(year, today)
    end = year_end(year, today)
    published = sorted((s for s in history if s.published and s.as_of <= today), key=_as_of)
    spans = action_years(register.actions, published, today)
    first = _first_year(spans, published, today)
    if not register.actions or year < first:
        raise UsageError("year_without_actions", year=year, first=first, last=today.year)
    held = _held(register.actions, [s for s in published if s.as_of <= end])
    actions: list[Action] = []
    guessed: list[Action] = []
    for action, span in zip(register.actions, spans, strict=True):
        if year == today.year:
            status, guess = action.status, False
        else:
            status, guess = _status_at_end(action, span, year, held.get(action.key), today)
        if guess:
            guessed.append(action)
        completed = action.completed if status == VOLTOOID else None
        if status != action.status or completed != action.completed:
            action = replace(action, status=status, completed=completed)
        actions.append(action)
    view = replace(register, actions=tuple(actions))
    previous = compared_snapshot(history, dt.date(year, 1, 1), None)
    new_year = dt.date(year, 1, 1)
    monitor = compute_monitor(
        view,
        as_of=end,
        since=previous.as_of if previous is not None else None,
        config=config,
        history=[s for s in history if s.as_of < new_year],
    )
    current = monitor.current
    assert current is not None, "compute_monitor records the monitor's own snapshot"
    trend = [s for s in history if s.published and s.as_of < end]
    shown = tuple(sorted([*trend, current], key=_as_of))
    findings = list(monitor.findings)
    if guessed:
        first_guess = guessed[0]
        findings.append(
            Finding(
                "year_status_guessed",
                register.where(first_guess, "status"),
                {"count": len(guessed), "year": year, "date": end.strftime("%d-%m-%Y")},
            )
        )
    notices = [Finding("year_view", "", {"year": year, "date": end.strftime("%d-%m-%Y")})]
    if previous is None:
        notices.append(Finding("year_not_compared", "", {"date": f"31-12-{year - 1}"}))
    return replace(
        monitor,
        year=year,
        realised=_realised(view.actions, spans, year),
        history=shown,
        trend=period_trends(monitor.periods, shown),
        findings=tuple(findings),
        notices=monitor.notices + tuple(notices),
    )


def _as_of(snapshot: Snapshot) -> dt.date:
    return snapshot.as_of


def _first_year(spans: Sequence[ActionYears], published: Sequence[Snapshot], today: dt.date) -> int:
    """The first year the register or its published monitors say anything about."""
    years = [s.as_of.year for s in published]
    for span in spans:
        years += [y for y in (span.completed, span.started, span.running_from) if y is not None]
    return min(years, default=today.year)


def _held(actions: Sequence[Action], published: Sequence[Snapshot]) -> dict[str, str]:
    """Per key, the status in the latest of ``published`` (oldest first) that holds it; a key
    used twice in the register can't be matched and is left out."""
    counts = Counter(a.key for a in actions if a.key)
    wanted = {key for key, n in counts.items() if n == 1}
    held: dict[str, str] = {}
    for snapshot in reversed(published):
        if len(held) == len(wanted):
            break
        for old in snapshot.actions:
            if old.id in wanted and old.id not in held:
                held[old.id] = old.status
    return held


def _status_at_end(
    action: Action, span: ActionYears, year: int, held: str | None, today: dt.date
) -> tuple[str, bool]:
    """The status of ``action`` at the end of ``year`` (a past year), and whether it is a
    guess (see the module's docstring)."""
    if action.status in (ONBEKEND, GEPLAND):
        return action.status, False
    if action.status == VERVALLEN:
        return (held, False) if held is not None else (VERVALLEN, True)
    if span.completed is not None and span.completed <= year:
        return VOLTOOID, False
    status = LOPEND if span.running_in(year) else GEPLAND
    return status, held is None and not _dated(action, year, today)


def _dated(action: Action, year: int, today: dt.date) -> bool:
    """The dates alone tell the status of an action lopend or voltooid now at the end of
    ``year``: a start date after the year; else its start date, and for one voltooid its
    completion date (within the year, or after it with a start date)."""
    start = action.start is not None and action.start <= today
    if action.start is not None and start and action.start.year > year:
        return True  # it had not started by the year's end
    if action.status != VOLTOOID:
        return start
    if action.completed is None or action.completed > today:
        return False  # whether it was done by the year's end, no date tells
    return action.completed.year <= year or start


def _realised(
    actions: Sequence[Action], spans: Sequence[ActionYears], year: int
) -> tuple[Action, ...]:
    """Voltooid at the year's end and completed in it: dated ones oldest first, then the
    others in register order."""
    done = [
        a
        for a, span in zip(actions, spans, strict=True)
        if a.status == VOLTOOID and span.completed == year
    ]
    dated = sorted((a for a in done if a.completed is not None), key=lambda a: (a.completed, a.row))
    return (*dated, *(a for a in done if a.completed is None))


__all__ = ["refuse_year", "year_end", "year_monitor"]
