"""The trend on the page: per period of the monitor, its headline in each monitor of the
trend (the published monitors before the peildatum and this one, oldest first). Pure.

A period is found in an earlier monitor as the reader merges its spellings
(``terms.label_key``), and counted by the headline status it has now, so that one line shows
one measure: a period made continuous since is shown as lopend throughout. A monitor without
the period gives no point (a gap, not a zero: the period did not exist then).
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import PeriodCounts, PeriodTrend, Snapshot, TrendPoint
from .words.terms import label_key


def period_trends(
    periods: Sequence[PeriodCounts], history: Sequence[Snapshot]
) -> tuple[PeriodTrend, ...]:
    """One trend per period, a point per snapshot of ``history`` (oldest first)."""
    snapshots = sorted(history, key=lambda snap: snap.as_of)
    return tuple(
        PeriodTrend(
            period=counts.period,
            status=counts.headline_status,
            points=tuple(_point(snap, counts) for snap in snapshots),
        )
        for counts in periods
    )


def spellings(snapshot: Snapshot, period: str) -> tuple[PeriodCounts, ...]:
    """The periods of ``snapshot`` that are ``period`` (one, unless an earlier version of
    mvi-xl recorded two spellings of it)."""
    key = label_key(period)
    return tuple(p for p in snapshot.periods if label_key(p.period) == key)


def _point(snapshot: Snapshot, counts: PeriodCounts) -> TrendPoint:
    found = spellings(snapshot, counts.period)
    headline = sum(p.by_status.get(counts.headline_status, 0) for p in found) if found else None
    return TrendPoint(snapshot.as_of, headline, snapshot.published)


__all__ = ["period_trends", "spellings"]
