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
  signal switched off) the late part is; without either, the second sentence is.

Pure: no Excel, no files. The words are in one table below, with a singular and a plural form
chosen by count (``plural``); Dutch and English both take the plural for 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Monitor

#: The summary's words per language. To move into the gettext catalogue (the words package
#: being built elsewhere), as msgid / msgid_plural pairs: each tuple is (one, many).
WORDS: dict[str, dict[str, str | tuple[str, str]]] = {
    "nl": {
        "empty": "Het register bevat nog geen acties.",
        "done": "Van de {total} {actions} {are} er {done} voltooid ({share}%).",
        "actions": ("actie", "acties"),
        "are": ("is", "zijn"),
        "since": "Sinds {date} {are} {count} {actions} gerealiseerd",
        "late": "{count} {late}",
        "late_verb": ("actie loopt achter", "acties lopen achter"),
    },
    "en": {
        "empty": "The register has no actions yet.",
        "done": "Of the {total} {actions}, {done} {are} completed ({share}%).",
        "actions": ("action", "actions"),
        "are": ("is", "are"),
        "since": "Since {date}, {count} {actions} {have} been realised",
        "have": ("has", "have"),
        "late": "{count} {late}",
        "late_verb": ("action is running late", "actions are running late"),
    },
}


def plural(n: int, one: str, many: str) -> str:
    """The form for ``n``: ``one`` for exactly 1, ``many`` otherwise (0 included)."""
    return one if n == 1 else many


@dataclass(frozen=True, slots=True)
class SummaryCounts:
    """What the sentences say: ``late`` is None when the monitor can't tell (no end dates),
    ``since`` None when there is nothing to compare with."""

    total: int
    done: int
    since: dt.date | None = None
    realised: int = 0
    late: int | None = None


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
    )


def sentences(counts: SummaryCounts, lang: str) -> tuple[str, ...]:
    """The one or two sentences in ``lang`` ("nl" or "en")."""
    words = WORDS[lang]
    if counts.total == 0:
        return (_text(words, "empty"),)
    share = (counts.done * 200 + counts.total) // (counts.total * 2)  # rounded half up
    first = _text(words, "done").format(
        total=counts.total,
        actions=_form(words, "actions", counts.total),
        are=_form(words, "are", counts.done),
        done=counts.done,
        share=share,
    )
    parts = []
    if counts.since is not None:
        parts.append(
            _text(words, "since").format(
                date=counts.since.strftime("%d-%m-%Y"),
                count=counts.realised,
                actions=_form(words, "actions", counts.realised),
                are=_form(words, "are", counts.realised),
                have=_form(words, "have", counts.realised) if "have" in words else "",
            )
        )
    if counts.late is not None:
        parts.append(
            _text(words, "late").format(
                count=counts.late, late=_form(words, "late_verb", counts.late)
            )
        )
    if not parts:
        return (first,)
    return first, "; ".join(parts) + "."


def summary_text(monitor: Monitor, lang: str) -> str:
    """The sentences as one paragraph, for ``--json`` ``summary`` and the page."""
    return " ".join(sentences(summary_counts(monitor), lang))


def _text(words: dict[str, str | tuple[str, str]], key: str) -> str:
    value = words[key]
    assert isinstance(value, str), key
    return value


def _form(words: dict[str, str | tuple[str, str]], key: str, n: int) -> str:
    value = words[key]
    assert isinstance(value, tuple), key
    return plural(n, *value)


__all__ = ["WORDS", "SummaryCounts", "plural", "sentences", "summary_counts", "summary_text"]
