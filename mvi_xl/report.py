"""The monitor as JSON and as a short terminal summary: two more renderings of one Monitor."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath
from typing import Any

from .history import History
from .model import Monitor, PeriodTrend
from .summary import summary_text
from .words.i18n import Words
from .words.terms import STATUSES
from .years import year_report, years_json


def to_json(monitor: Monitor, lang: str, output: Path | None) -> dict[str, Any]:
    """The documented ``--json`` object. Status keys are the canonical Dutch names in every
    language; period labels are shown as in the workbook."""
    words = Words(lang)
    periods = []
    trends = {t.period: t for t in monitor.trend}
    for counts in monitor.periods:
        by_status = {status: counts.by_status[status] for status in monitor.statuses}
        periods.append(
            {
                "period": words.period(counts.period),
                "continuous": counts.continuous,
                "total": counts.total,
                "by_status": by_status,
                "headline_status": counts.headline_status,
                "headline": counts.headline,
                "complete": counts.complete,
                "change": _change(monitor, counts),
                # the headline in each monitor of the trend that had this period, oldest first:
                # the published ones before the peildatum and this one (its sparkline)
                "trend": _trend(trends.get(counts.period)),
            }
        )
    return {
        "as_of": monitor.as_of.isoformat(),
        "since": monitor.since.isoformat() if monitor.since else None,
        # --jaar: the calendar year shown (realised in it, the status at its end), else null
        "year": monitor.year,
        "organisation": monitor.organisation,
        "register": str(monitor.register.path),
        "sheet": monitor.register.sheet,
        "total_actions": monitor.total_actions,
        "periods": periods,
        "realised_since": [
            {
                "id": a.id,
                "action": a.text,
                # null when realised is read from status changes (no completion date column)
                "date": a.completed.isoformat() if a.completed else None,
            }
            for a in monitor.realised
        ],
        "warnings": [
            {
                "code": f.code,
                "where": f.where,
                "message": f.render(lang)[0],
                "hint": f.render(lang)[1],
            }
            for f in monitor.findings
        ],
        "notices": [
            {"code": f.code, "where": f.where, "message": f.render(lang)[0]}
            for f in monitor.notices
        ],
        "previous": _previous(monitor, words),
        # issue #17: the year report and the sentences for the college (years.py, summary.py)
        "years": years_json(year_report(monitor)),
        # issue #17: the ambition per theme (ambitions.py)
        "ambitions": _ambitions(monitor),
        "summary": summary_text(monitor, lang),
        "output": str(output) if output is not None else None,
    }


def _change(monitor: Monitor, counts) -> dict[str, int] | None:
    change = monitor.change(counts)
    if change is None:
        return None
    return {status: change[status] for status in monitor.statuses}


def _trend(trend: PeriodTrend | None) -> list[dict[str, Any]]:
    if trend is None:
        return []
    return [
        {"date": p.as_of.isoformat(), "headline": p.headline, "published": p.published}
        for p in trend.counted
    ]


def _previous(monitor: Monitor, words: Words) -> dict[str, Any] | None:
    previous = monitor.previous
    if previous is None:
        return None
    return {
        "as_of": previous.as_of.isoformat(),
        "total_actions": previous.total,
        "periods": [_snapshot_period(p, words) for p in previous.periods],
    }


def _snapshot_period(counts, words: Words) -> dict[str, Any]:
    return {
        "period": words.period(counts.period),
        "continuous": counts.continuous,
        "total": counts.total,
        "by_status": {s: n for s, n in counts.by_status.items() if s in STATUSES or n},
    }


def history_json(history: History) -> dict[str, Any]:
    """``history list --json``: every snapshot with its totals per status."""
    words = Words("nl")
    return {
        "history": str(history.path),
        "snapshots": [
            {
                "as_of": snap.as_of.isoformat(),
                "published": snap.published,
                "total_actions": snap.total,
                "by_status": {s: n for s, n in snap.status_totals().items() if s in STATUSES or n},
                "register": snap.register,
                "periods": [_snapshot_period(p, words) for p in snap.periods],
            }
            for snap in history.snapshots
        ],
    }


def history_table(history: History, lang: str) -> list[str]:
    """``history list``: one line per snapshot: date, published or refresh, totals."""
    words = Words(lang)
    header = [
        words["history.as_of"],
        words["history.kind"],
        words["col.total"],
        *(words.status(s) for s in STATUSES),
        words["notes.source"],
    ]
    rows = [
        [
            words.date(snap.as_of),
            words["history.kind.published" if snap.published else "history.kind.refresh"],
            str(snap.total),
            *(str(snap.status_totals()[s]) for s in STATUSES),
            PureWindowsPath(snap.register).name,
        ]
        for snap in history.snapshots
    ]
    return _aligned(header, rows, numeric=range(2, 2 + 1 + len(STATUSES)))


def summary_table(monitor: Monitor, lang: str) -> list[str]:
    """The status table as aligned text lines, for the terminal."""
    words = Words(lang)
    statuses = list(monitor.statuses)
    header = [words["col.period"], words["col.total"], *(words.status(s) for s in statuses)]
    rows = [
        [words.period(p.period), str(p.total), *(str(p.by_status[s]) for s in statuses)]
        for p in monitor.periods
    ]
    totals = monitor.status_totals()
    rows.append(
        [words["row.total"], str(monitor.total_actions), *(str(totals[s]) for s in statuses)]
    )
    return _aligned(header, rows, numeric=range(1, len(header)))


def _aligned(header: list[str], rows: list[list[str]], numeric) -> list[str]:
    """Text columns padded to a common width; numeric columns right-aligned, the first column
    cut at 40 characters."""
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    widths[0] = min(widths[0], 40)
    numeric = set(numeric)

    def cell(text: str, col: int) -> str:
        if col == 0 and len(text) > widths[0]:
            text = text[: widths[0] - 1] + "…"
        return text.rjust(widths[col]) if col in numeric else text.ljust(widths[col])

    return ["  ".join(cell(c, i) for i, c in enumerate(r)).rstrip() for r in (header, *rows)]


__all__ = ["history_json", "history_table", "summary_table", "to_json"]


def _ambitions(monitor: Monitor) -> list[dict[str, Any]]:
    """--json ``ambitions`` (ambitions.py, imported only when there are any)."""
    if not monitor.ambitions:
        return []
    from .ambitions import ambitions_json

    return ambitions_json(monitor.ambitions)
