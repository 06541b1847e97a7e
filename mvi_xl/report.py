"""The monitor as JSON and as a short terminal summary: two more renderings of one Monitor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Monitor
from .vocabulary import Words


def to_json(monitor: Monitor, lang: str, output: Path | None) -> dict[str, Any]:
    """The documented ``--json`` object. Status keys are the canonical Dutch names in every
    language; period labels are shown as in the workbook."""
    words = Words(lang)
    periods = []
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
            }
        )
    return {
        "as_of": monitor.as_of.isoformat(),
        "since": monitor.since.isoformat() if monitor.since else None,
        "organisation": monitor.organisation,
        "register": str(monitor.register.path),
        "sheet": monitor.register.sheet,
        "total_actions": monitor.total_actions,
        "periods": periods,
        "realised_since": [
            {"id": a.id, "action": a.text, "date": a.completed.isoformat()}
            for a in monitor.realised
            if a.completed is not None
        ],
        "warnings": [
            {"where": f.where, "message": f.render(lang)[0], "hint": f.render(lang)[1]}
            for f in monitor.findings
        ],
        "output": str(output) if output is not None else None,
    }


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
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    widths[0] = min(widths[0], 40)

    def line(cells: list[str]) -> str:
        first = cells[0] if len(cells[0]) <= widths[0] else cells[0][: widths[0] - 1] + "…"
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first.ljust(widths[0]), *rest])

    return [line(header), *(line(r) for r in rows)]


__all__ = ["summary_table", "to_json"]
