"""Plain data passed from the reader to the computation and from there to the writers.

Nothing here reads files or knows about Excel: a Register is what the reader found, a Monitor
is what the computation made of it. The workbook, the JSON output and the terminal summary are
all rendered from one Monitor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cells import cell_ref
from .words import i18n, terms
from .words.terms import GEPLAND, HEADLINE_STATUS, LOPEND, ONBEKEND, STATUSES, VERVALLEN, VOLTOOID

if TYPE_CHECKING:
    from .ambitions import Ambition


@dataclass(frozen=True, slots=True)
class Finding:
    """A warning about the register: where it is (``'Acties'!G17``), a message code and its
    parameters. Rendered into words per language only when shown."""

    code: str
    where: str = ""
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> tuple[str, str]:
        """The (message, hint) pair in ``lang``."""
        return i18n.message(lang, self.code, **self.params)


@dataclass(frozen=True, slots=True)
class Action:
    """One row of the register: one action, counted exactly once."""

    row: int  # the row number in the register, as Excel shows it (1-based)
    text: str
    period: str  # the period label as first spelled in the register; "" when none was given
    status: str  # one of terms.STATUSES, or ONBEKEND
    status_text: str  # the status exactly as typed
    id: str = ""
    theme: str = ""
    department: str = ""
    owner: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    completed: dt.date | None = None
    progress: str = ""  # groen / oranje / rood, or "" when absent or unknown
    progress_text: str = ""
    highlight: bool | None = None  # None when the register has no highlight column
    notes: str = ""
    source: str = ""  # the register file it came from, when several are combined
    sheet: str = ""  # the sheet it is on, when the register has several action sheets
    section: str = ""  # the section heading above it in the register, if any
    themes: tuple[str, ...] = ()  # every theme, in the register's order; ``theme`` joins them
    ambition: str = ""  # the ambition level as typed (Ambitieniveau; ambitions.py reads it)

    @property
    def key(self) -> str:
        """The id that tells actions apart across monitors: equal ids from different sources,
        or from different sheets of one register, stay apart."""
        if not self.id:
            return ""
        key = f"{self.sheet}!{self.id}" if self.sheet else self.id
        return f"{self.source}/{key}" if self.source else key


@dataclass(frozen=True, slots=True)
class Communication:
    """A communication moment from the optional Communicatie sheet."""

    text: str
    date: dt.date | None
    status: str  # terms.REALISED, terms.PLANNED or "" (decided by the date later)
    where: str = ""


@dataclass(frozen=True)
class SheetLayout:
    """Where one action sheet's fields are: for the cell of a warning raised after reading."""

    sheet: str | None  # the sheet as named in cell references; None for a CSV
    columns: dict[str, int]  # field -> 0-based column


@dataclass(frozen=True)
class Register:
    """Everything read from one register file, before any counting."""

    path: Path
    kind: str  # xlsx, xlsm, xls, xlsb, ods or csv
    sheet: str  # the sheet with the actions; several are named joined by ", "
    header_row: int  # 1-based, of the (first) action sheet
    headers: dict[str, str]  # field -> the header text as written in the register
    columns: dict[str, int]  # field -> 0-based column of the (first) action sheet
    actions: tuple[Action, ...]
    periods: tuple[str, ...]  # period labels in order of first appearance
    focus_points: tuple[str, ...] = ()
    communications: tuple[Communication, ...] = ()
    findings: tuple[Finding, ...] = ()
    modified: dt.datetime | None = None
    digest: str = ""  # sha256 of the bytes read: the register's part of the fingerprint
    sheets: tuple[str, ...] = ()  # every sheet actions were read from, in workbook order
    #: the optional sheets the register keeps: "focus" (Aandachtspunten), "communication"
    #: (Communicatie); the Monitor page leaves out a section the register doesn't keep
    side_sheets: frozenset[str] = frozenset()
    #: per (source, sheet) of an action (both "" for a one-sheet register), its sheet's layout
    layouts: dict[tuple[str, str], SheetLayout] = field(default_factory=dict)
    notices: tuple[Finding, ...] = ()  # information about the reading, never fatal

    def has(self, field_name: str) -> bool:
        return field_name in self.headers

    @property
    def several_sheets(self) -> bool:
        return len(self.sheets) > 1

    def where(self, action: Action, field_name: str) -> str:
        """The cell of one field of an action, for a warning raised after reading:
        ``Acties!G17``, or ``Inkoop.xlsx › Acties!G17`` when registers are combined."""
        layout = self.layouts.get((action.source, action.sheet))
        if layout is None:
            sheet = None if self.kind == "csv" else self.sheet
            layout = SheetLayout(sheet, self.columns)
        ref = cell_ref(layout.sheet, action.row - 1, layout.columns.get(field_name, 0))
        return f"{action.source} › {ref}" if action.source else ref


@dataclass(frozen=True)
class PeriodCounts:
    """The status counts of one planning period: one row of the Statustabel."""

    period: str  # "" is the bucket for actions without a period
    continuous: bool
    by_status: dict[str, int]  # every canonical status and ONBEKEND, zeros included

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def headline_status(self) -> str:
        """What counts as success: voltooid, or lopend for a period that never ends."""
        return HEADLINE_STATUS[self.continuous]

    @property
    def headline(self) -> int:
        return self.by_status[self.headline_status]

    @property
    def share(self) -> float:
        return self.headline / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        """Ticked on the monitor: nothing is left planned or unknown, and for a period that ends
        nothing is still running either."""
        open_statuses = (GEPLAND, ONBEKEND) if self.continuous else (GEPLAND, ONBEKEND, LOPEND)
        return self.total > 0 and not any(self.by_status[s] for s in open_statuses)


@dataclass(frozen=True)
class SnapshotAction:
    """One action as a snapshot remembers it: enough to see its status change."""

    id: str
    period: str
    status: str
    row: int


@dataclass(frozen=True)
class Snapshot:
    """What one monitor counted at its peildatum.

    A **published** snapshot is a monitor of record: sent to the college with its peildatum,
    and the one the next monitors compare with. The others are **refreshes** (tussenstanden):
    the monitor on the drive between two published ones; the history keeps only the latest.
    ``added`` marks a published snapshot recorded from a copy of the register (``history
    add``) or by an earlier version of mvi-xl: its register name says nothing about the
    register this monitor is built from. ``actions`` may be read from the history file only
    when first used (see ``history_format.LazyActions``)."""

    as_of: dt.date
    periods: tuple[PeriodCounts, ...]
    actions: Sequence[SnapshotAction] = ()
    register: str = ""
    published: bool = True
    added: bool = False

    @property
    def total(self) -> int:
        return sum(p.total for p in self.periods)

    def status_totals(self) -> dict[str, int]:
        return {s: sum(p.by_status[s] for p in self.periods) for s in (*STATUSES, ONBEKEND)}


@dataclass(frozen=True)
class TrendPoint:
    """One monitor's point on a period's trend: its peildatum and the period's headline count
    in it (None when that monitor had no such period)."""

    as_of: dt.date
    headline: int | None
    published: bool


@dataclass(frozen=True)
class PeriodTrend:
    """A period's headline over the monitors of the trend (the published ones before the
    peildatum and this one, oldest first), counted as the period's headline is counted now:
    voltooid, or lopend for a continuous period (``trend.py``)."""

    period: str
    status: str  # the headline status
    points: tuple[TrendPoint, ...]

    @property
    def counted(self) -> tuple[TrendPoint, ...]:
        """The points of the monitors that had this period."""
        return tuple(p for p in self.points if p.headline is not None)

    @property
    def drawn(self) -> bool:
        """A line needs two points: a period in fewer monitors gets a dash."""
        return len(self.counted) >= 2


@dataclass(frozen=True)
class GroupCounts:
    """Status counts of one department, theme or source ("" is the bucket without one)."""

    label: str
    by_status: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class Signal:
    """Something the coordinator should look at, found in the register rather than written by
    anyone: actions past their end date, running without an owner, and so on."""

    code: str  # one of terms.SIGNALS
    actions: tuple[Action, ...] = ()
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.actions)


@dataclass(frozen=True)
class Monitor:
    """The computed monitor: one object feeds the workbook, the JSON and the terminal."""

    register: Register
    as_of: dt.date
    since: dt.date | None
    organisation: str
    periods: tuple[PeriodCounts, ...]
    statuses: tuple[str, ...]  # the status columns shown: the canonical four, plus ONBEKEND if used
    #: voltooid now and realised since ``since``: by completion date in (since, as_of], or,
    #: without a date, not voltooid (or absent) in ``previous`` (``compute.realised_since``)
    realised: tuple[Action, ...]
    running: tuple[Action, ...]
    planned: tuple[Action, ...]
    focus_points: tuple[str, ...]
    communications_realised: tuple[Communication, ...]
    communications_planned: tuple[Communication, ...]
    findings: tuple[Finding, ...]
    highlight_only: bool = False  # the lists show only actions flagged "op monitor"
    #: the one snapshot the change column, the realised list and --json ``previous`` compare
    #: with: the latest published one before the peildatum, or the one on --since
    previous: Snapshot | None = None
    #: the trend on the Historie sheet: the published snapshots before the peildatum and this
    #: monitor's own, oldest first
    history: tuple[Snapshot, ...] = ()
    notices: tuple[Finding, ...] = ()  # information, not warnings: never fatal under --strict
    breakdowns: dict[str, tuple[GroupCounts, ...]] = field(default_factory=dict)  # by field
    signals: tuple[Signal, ...] = ()
    scope: str | None = None  # the department this monitor is limited to ("" = without one)
    #: ``build --jaar``: the calendar year this monitor shows (realised in it, the status at
    #: its end; year_view.py); None for the monitor of a peildatum
    year: int | None = None
    #: per period of ``periods``, its headline over the monitors of ``history`` (trend.py)
    trend: tuple[PeriodTrend, ...] = ()

    @property
    def shows_trend(self) -> bool:
        """The Statustabel has its column Verloop when the trend holds an earlier monitor."""
        return len(self.history) >= 2 and bool(self.trend)

    #: the ambition per theme of Per thema (ambitions.py), on that sheet and in --json; empty
    #: when no theme has an ambition level or a target
    ambitions: tuple[Ambition, ...] = ()

    @property
    def current(self) -> Snapshot | None:
        return next((s for s in self.history if s.as_of == self.as_of), None)

    def change(self, counts: PeriodCounts) -> dict[str, int] | None:
        """Per status, how much this period's count moved since the previous monitor; None
        without a previous monitor. A period new since then counts from zero. Periods are
        matched as the reader merges their spellings (``terms.label_key``)."""
        if self.previous is None:
            return None
        key = terms.label_key(counts.period)
        before = next((p for p in self.previous.periods if terms.label_key(p.period) == key), None)
        return {
            s: counts.by_status[s] - (before.by_status.get(s, 0) if before else 0)
            for s in (*STATUSES, ONBEKEND)
        }

    @property
    def total_actions(self) -> int:
        return sum(p.total for p in self.periods)

    def on_page(self, actions: tuple[Action, ...]) -> tuple[Action, ...]:
        """The actions a list on the college's page shows (the sheet's and the web page's):
        only those flagged "op monitor" when the register has that column; the Acties sheet
        always has all of them."""
        if not self.highlight_only:
            return actions
        return tuple(a for a in actions if a.highlight)

    def status_totals(self) -> dict[str, int]:
        return {s: sum(p.by_status[s] for p in self.periods) for s in self.statuses}


__all__ = [
    "GEPLAND",
    "LOPEND",
    "ONBEKEND",
    "VERVALLEN",
    "VOLTOOID",
    "Action",
    "Communication",
    "Finding",
    "GroupCounts",
    "Monitor",
    "PeriodCounts",
    "PeriodTrend",
    "Register",
    "SheetLayout",
    "Signal",
    "Snapshot",
    "SnapshotAction",
    "TrendPoint",
]
