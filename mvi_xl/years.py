"""The year report (Jaaroverzicht): per calendar year and theme, how many actions were
completed, how many started, and how many were running at the year's end.

Pure: it reads a computed Monitor and returns plain data for the sheet and ``--json``.

The rules, as a coordinator reports a year:

- **Completed in year Y** (voltooid): only actions whose status is voltooid now. The year of the
  completion date (Datum gereed); without one, the year of the earliest published monitor in
  which the action appears as voltooid (matched by ``Action.key``); without that either, the
  year of this monitor's peildatum: it is voltooid now, and nothing says it was earlier. Each
  completed action so lands in exactly one year.
- **Started in year Y** (gestart): the year of the start date (Startdatum). An action still
  gepland has not started, whatever its start date says, and is not counted; neither is one
  without a start date.
- **Running at the end of year Y** (lopend eind jaar): an action that had started by then and
  was not completed yet, as far as its current status allows to tell: one lopend now runs
  from its start year up to the peildatum's year, one voltooid now from its start year up to
  the year before its completion year (an action completed in December was not running on
  31-12). Without a start date, it started in the year of the earliest published monitor that
  shows it lopend or voltooid; without that, a lopend action runs in the peildatum's year only.
  For the peildatum's own year, "the end of the year" is the peildatum. Actions vervallen,
  gepland or of unknown status now are never counted as running: the register does not say
  when a cancelled action stopped.
- A date after the peildatum has not happened yet: it is treated as missing (the warnings
  already name a completion date in the future).
- The years run from the first year any of the above falls in up to the peildatum's year.

An action with several themes counts under each; per year, ``totals`` counts each action once.
Actions without a theme count under the theme ``""``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Action, Monitor, Snapshot
from .words.terms import GEPLAND, LOPEND, VOLTOOID, label_key


@dataclass(frozen=True, slots=True)
class ActionYears:
    """The years one action counts in: completed and started (one year or None) and the
    years it was running at the end of (``first``..``last`` inclusive; empty when
    ``first > last``)."""

    completed: int | None
    started: int | None
    running_from: int | None
    running_to: int | None

    def running_in(self, year: int) -> bool:
        if self.running_from is None or self.running_to is None:
            return False
        return self.running_from <= year <= self.running_to


@dataclass(frozen=True, slots=True)
class YearCounts:
    """One row of the Jaaroverzicht: the counts of one year for one theme (``theme`` is None
    for the year's total, which counts each action once)."""

    year: int
    theme: str | None
    completed: int
    started: int
    running: int


@dataclass(frozen=True, slots=True)
class YearReport:
    """The Jaaroverzicht of one monitor."""

    years: tuple[int, ...]
    themes: tuple[str, ...]  # in order of first appearance; "" (without a theme) last
    rows: tuple[YearCounts, ...]  # per year (oldest first), per theme in ``themes`` order
    totals: tuple[YearCounts, ...]  # per year, each action once
    #: per year, per theme (``themes`` order, themes without any left out), the actions
    #: completed that year, in register order
    completed: dict[int, tuple[tuple[str, tuple[Action, ...]], ...]]

    def row(self, year: int, theme: str | None) -> YearCounts:
        """The counts of one year and theme (None: the year's total)."""
        pool = self.totals if theme is None else self.rows
        key = None if theme is None else label_key(theme)
        for counts in pool:
            if counts.year == year and (
                counts.theme is None if key is None else label_key(counts.theme or "") == key
            ):
                return counts
        return YearCounts(year, theme, 0, 0, 0)


def year_report(monitor: Monitor) -> YearReport:
    """The Jaaroverzicht of ``monitor`` by the rules in this module's docstring."""
    actions = monitor.register.actions
    timeline = _spans(actions, monitor.history, monitor.as_of)
    labels, theme_keys = _themes(actions)
    last = monitor.as_of.year
    # actions with the same years and themes are counted together: a register of 100,000
    # has a few thousand such groups
    groups = Counter(zip(timeline, theme_keys, strict=True))
    first = min((y for span, _ in groups for y in _years_of(span)), default=last)
    years = tuple(range(min(first, last), last + 1))
    counts: Counter[tuple[int, str | None, str]] = Counter()
    for ((completed, started, running_from, running_to), keys), number in groups.items():
        events = [(completed, "completed"), (started, "started")]
        if running_from is not None and running_to is not None:
            events += [(y, "running") for y in range(running_from, running_to + 1)]
        for year, kind in events:
            if year is None:
                continue
            counts[(year, None, kind)] += number
            for key in keys:
                counts[(year, key, kind)] += number
    done: dict[tuple[int, str], list[Action]] = {}
    for action, span, keys in zip(actions, timeline, theme_keys, strict=True):
        if span[0] is not None:
            for key in keys:
                done.setdefault((span[0], key), []).append(action)
    return YearReport(
        years=years,
        themes=tuple(labels.values()),
        rows=tuple(
            _row(counts, year, key, label) for year in years for key, label in labels.items()
        ),
        totals=tuple(_row(counts, year, None, None) for year in years),
        completed={
            year: tuple(
                (label, tuple(done[(year, key)]))
                for key, label in labels.items()
                if (year, key) in done
            )
            for year in years
        },
    )


def _row(
    counts: Counter[tuple[int, str | None, str]], year: int, key: str | None, label: str | None
) -> YearCounts:
    return YearCounts(
        year=year,
        theme=label,
        completed=counts[(year, key, "completed")],
        started=counts[(year, key, "started")],
        running=counts[(year, key, "running")],
    )


#: (completed, started, running from, running to): ActionYears as a plain tuple, which the
#: counting groups by (a tuple hashes in C; 100,000 dataclasses would not)
Span = tuple[int | None, int | None, int | None, int | None]


def action_years(
    actions: Sequence[Action], history: Sequence[Snapshot], as_of: dt.date
) -> tuple[ActionYears, ...]:
    """Per action (in order), the years it counts in."""
    return tuple(ActionYears(*span) for span in _spans(actions, history, as_of))


def _spans(actions: Sequence[Action], history: Sequence[Snapshot], as_of: dt.date) -> list[Span]:
    published = sorted((s for s in history if s.published and s.as_of <= as_of), key=_as_of)
    seen = _first_seen(published, _needing_history(actions, as_of)) if published else {}
    if not seen:
        return [_years(action, (None, None), as_of) for action in actions]
    return [_years(action, seen.get(action.key, (None, None)), as_of) for action in actions]


#: What an action needs from the published monitors: the year first seen voltooid (it has no
#: usable completion date), the year first seen lopend or voltooid (no usable start date).
DONE, ACTIVE = 1, 2


def _needing_history(actions: Sequence[Action], as_of: dt.date) -> dict[str, int]:
    """Per key of an action whose years depend on the published monitors, what it needs
    (DONE | ACTIVE). A key used twice can't be matched and is left out."""
    seen: set[str] = set()
    twice: set[str] = set()
    wanted: dict[str, int] = {}
    for action in actions:
        key = action.key
        if not key:
            continue
        (twice if key in seen else seen).add(key)
        needs = 0
        if action.status == VOLTOOID and _known(action.completed, as_of) is None:
            needs |= DONE
        if action.status in (VOLTOOID, LOPEND) and _known(action.start, as_of) is None:
            needs |= ACTIVE
        if needs:
            wanted[key] = needs
    for key in twice:
        wanted.pop(key, None)
    return wanted


def _first_seen(
    published: Sequence[Snapshot], wanted: dict[str, int]
) -> dict[str, tuple[int | None, int | None]]:
    """Per wanted key, the year of the earliest of the ``published`` monitors (oldest first)
    showing it voltooid, and of the earliest showing it lopend or voltooid. Stops reading the
    monitors once every key has what it needs: each snapshot's actions are parsed only when
    read (a year of monthly monitors of 100,000 actions would otherwise all be parsed)."""
    found: dict[str, tuple[int | None, int | None]] = {}
    open_keys = dict(wanted)
    for snapshot in published:
        if not open_keys:
            break
        year = snapshot.as_of.year
        for old in snapshot.actions:
            needs = open_keys.get(old.id)
            if needs is None or old.status not in (VOLTOOID, LOPEND):
                continue
            done, active = found.get(old.id, (None, None))
            if done is None and old.status == VOLTOOID:
                done = year
            if active is None:
                active = year
            found[old.id] = (done, active)
            if (done is not None or not needs & DONE) and active is not None:
                del open_keys[old.id]
    return found


def _as_of(snapshot: Snapshot) -> dt.date:
    return snapshot.as_of


def _known(date: dt.date | None, as_of: dt.date) -> dt.date | None:
    """A date that has happened by the peildatum; a later one is treated as missing."""
    return date if date is not None and date <= as_of else None


def _years(action: Action, seen: tuple[int | None, int | None], as_of: dt.date) -> Span:
    seen_done, seen_active = seen
    start = _known(action.start, as_of)
    done: int | None = None
    if action.status == VOLTOOID:
        completed = _known(action.completed, as_of)
        done = completed.year if completed else (seen_done or as_of.year)
    started = start.year if start is not None and action.status != GEPLAND else None
    begin = start.year if start else seen_active
    if action.status == LOPEND:
        return (done, started, begin or as_of.year, as_of.year)
    if action.status == VOLTOOID and begin is not None and done is not None and begin < done:
        return (done, started, begin, done - 1)
    return (done, started, None, None)


def _years_of(span: Span) -> Iterable[int]:
    for year in span[:3]:
        if year is not None:
            yield year


def _themes(actions: Sequence[Action]) -> tuple[dict[str, str], list[frozenset[str]]]:
    """The themes (key -> label as first written, "" last) and per action its theme keys."""
    labels: dict[str, str] = {}
    per_action: list[frozenset[str]] = []
    seen: dict[tuple[str, ...], frozenset[str]] = {}  # each distinct list of themes reduced once
    for action in actions:
        raw = action.themes or ((action.theme,) if action.theme else ())
        keys = seen.get(raw)
        if keys is None:
            found = set()
            for value in raw or ("",):
                label = " ".join(value.split())
                key = label_key(label)
                labels.setdefault(key, label)
                found.add(key)
            keys = seen[raw] = frozenset(found)
        per_action.append(keys)
    ordered = {k: v for k, v in labels.items() if v} | {k: v for k, v in labels.items() if not v}
    return ordered, per_action


def years_json(report: YearReport) -> list[dict[str, object]]:
    """``--json`` ``years``: per year its totals, its themes and the completed actions."""
    out: list[dict[str, object]] = []
    for total in report.totals:
        year = total.year
        out.append(
            {
                "year": year,
                "completed": total.completed,
                "started": total.started,
                "running_at_year_end": total.running,
                "themes": [
                    {
                        "theme": row.theme,
                        "completed": row.completed,
                        "started": row.started,
                        "running_at_year_end": row.running,
                    }
                    for row in report.rows
                    if row.year == year
                ],
                "completed_actions": [
                    {"theme": theme, "actions": [{"id": a.id, "action": a.text} for a in done]}
                    for theme, done in report.completed.get(year, ())
                ],
            }
        )
    return out


__all__ = ["ActionYears", "YearCounts", "YearReport", "action_years", "year_report", "years_json"]
