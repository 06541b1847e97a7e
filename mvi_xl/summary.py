"""One or two sentences for the college, from a computed Monitor:

    Van de 124 acties zijn er 81 voltooid (65%). Sinds 01-06-2018 zijn 4 acties gerealiseerd;
    2 acties lopen achter.

- the first counts every action of the monitor and the voltooid ones, with the share rounded
  half up to a whole percent;
- the second says how many actions were realised since the monitor compared with (the
  Monitor's ``realised`` list, from ``since``), and how many run late: past their end date and
  not completed, as the ``overdue`` signal finds them (with its grace days). Without a
  ``since`` the realised part is left out, and also when there is neither a snapshot on that
  day nor a completion date column to tell; without an end date column (or with the overdue
  signal switched off) the late part is; without either, the second sentence is. A year's
  monitor (``--jaar``) says how many were realised in that year instead: "In 2018 zijn 3
  acties gerealiseerd".

Pure: no Excel, no files. The words are labels of the catalogues (``summary.*`` in
``words/labels.py``), each sentence a plural chosen by its count; Dutch and English both take
the plural for 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Monitor
from .words.i18n import Words


@dataclass(frozen=True, slots=True)
class SummaryCounts:
    """What the sentences say: ``late`` is None when the monitor can't tell (no end dates),
    ``since`` None when there is nothing to compare with."""

    total: int
    done: int
    since: dt.date | None = None
    realised: int = 0
    late: int | None = None
    year: int | None = None  # --jaar: realised in that year, not since a date


def summary_counts(monitor: Monitor) -> SummaryCounts:
    """The numbers of the sentences, from the monitor."""
    overdue = next((s for s in monitor.signals if s.code == "overdue"), None)
    late: int | None = None
    if monitor.register.has("end"):
        late = overdue.count if overdue is not None else 0
    # realised is known with a snapshot to compare with, or by completion dates; with --since
    # on a day without a snapshot and no completion date column, it is not (and not said)
    known = monitor.previous is not None or monitor.register.has("completed")
    return SummaryCounts(
        total=monitor.total_actions,
        done=sum(p.by_status["voltooid"] for p in monitor.periods),
        since=monitor.since if known else None,
        realised=len(monitor.realised),
        late=late,
        year=monitor.year,
    )


def sentences(counts: SummaryCounts, lang: str) -> tuple[str, ...]:
    """The one or two sentences in ``lang`` ("nl" or "en")."""
    words = Words(lang)
    if counts.total == 0:
        return (words["summary.empty"],)
    share = (counts.done * 200 + counts.total) // (counts.total * 2)  # rounded half up
    actions = words.plural("summary.actions", counts.total)
    first = words.plural("summary.done", counts.done, actions=actions, share=share)
    parts = []
    if counts.year is not None:
        parts.append(words.plural("summary.year", counts.realised, year=counts.year))
    elif counts.since is not None:
        day = counts.since.strftime("%d-%m-%Y")
        parts.append(words.plural("summary.since", counts.realised, date=day))
    if counts.late is not None:
        parts.append(words.plural("summary.late", counts.late))
    if not parts:
        return (first,)
    return first, "; ".join(parts) + "."


def summary_text(monitor: Monitor, lang: str) -> str:
    """The sentences as one paragraph, for ``--json`` ``summary`` and the page."""
    return " ".join(sentences(summary_counts(monitor), lang))


__all__ = ["SummaryCounts", "sentences", "summary_counts", "summary_text"]
