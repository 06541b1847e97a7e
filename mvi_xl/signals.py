"""Signals: what the coordinator should look at (actions overdue, running without an owner, a
date that contradicts the status, a progress light on orange or red, periods running out with
too little done), each with the actions it is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from .config import SignalSettings
from .model import Action, PeriodCounts, Register, Signal
from .periods import last_day
from .words import terms
from .words.terms import GEPLAND, LOPEND, ONBEKEND, VOLTOOID

OPEN = frozenset({LOPEND, GEPLAND, ONBEKEND})


def find_signals(
    register: Register, periods: Iterable[PeriodCounts], as_of: dt.date, settings: SignalSettings
) -> tuple[Signal, ...]:
    """The enabled signals that have something to show, in terms.SIGNALS order."""
    actions = register.actions
    grace = dt.timedelta(days=settings.overdue_grace_days)
    found: dict[str, Signal] = {}

    def add(code: str, matching: Iterable[Action], **params: object) -> None:
        hits = tuple(matching)
        if hits and code in settings.enabled:
            found[code] = Signal(code, hits, params)

    if register.has("end"):
        add(
            "overdue",
            (
                a
                for a in actions
                if a.status in OPEN and a.end is not None and a.end + grace < as_of
            ),
        )
    if register.has("owner"):
        add("running_without_owner", (a for a in actions if a.status == LOPEND and not a.owner))
    if register.has("completed"):
        add(
            "date_not_done",
            (a for a in actions if a.completed is not None and a.status != VOLTOOID),
        )
        add(
            "done_without_date",
            (a for a in actions if a.status == VOLTOOID and a.completed is None),
        )
    if register.has("progress"):
        add(
            "progress_attention",
            (a for a in actions if a.progress in ("oranje", "rood") and a.status in OPEN),
        )
    ordered = [found[code] for code in terms.SIGNALS if code in found]
    if "period_ending" in settings.enabled:
        ordered.extend(period_signals(actions, periods, as_of, settings))
    return tuple(ordered)


def period_signals(
    actions: Sequence[Action],
    periods: Iterable[PeriodCounts],
    as_of: dt.date,
    settings: SignalSettings,
) -> list[Signal]:
    """Periods whose planned years run out (the last ``period_ending_months`` months of the
    last year in their label, or later) with less than the wanted share completed."""
    signals = []
    for counts in periods:
        end = period_end(counts.period)
        if counts.continuous or end is None or counts.total == 0:
            continue
        months_left = (end.year - as_of.year) * 12 + end.month - as_of.month
        if (
            months_left >= settings.period_ending_months
            or counts.share >= settings.period_ending_min_share
        ):
            continue
        still_open = tuple(a for a in actions if a.period == counts.period and a.status in OPEN)
        if still_open:
            signals.append(
                Signal(
                    "period_ending",
                    still_open,
                    {
                        "period": counts.period,
                        "end": end.strftime("%d-%m-%Y"),
                        "share": f"{counts.share:.0%}",
                    },
                )
            )
    return signals


def period_end(label: str) -> dt.date | None:
    """The last day of the time a period label names: "Aan de slag in 2018-2020" ends on
    31-12-2020, "Aan de slag in 2017" on 31-12-2017, "Q3 2019" on 30-09-2019, "H1 2020" on
    30-06-2020; no year, no end (see ``periods.last_day``)."""
    return last_day(label)
