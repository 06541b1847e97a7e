"""The history of a monitor: one snapshot per peildatum, kept beside the monitor as CSV.

Every build records what it counted (per action its id, period and status; per period the
counts per status) so that the next monitor can say what changed and what was realised since.
The file is semicolon-separated UTF-8 with a BOM, so Dutch Excel and any text editor open it.
It is rewritten atomically (the old or the new file, never half of one), and a file that can't
be read is moved aside rather than overwritten.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .csv_safe import escape, escape_row, unescape
from .errors import OutputError, UsageError
from .model import PeriodCounts, Snapshot, SnapshotAction
from .safe_io import atomic_output
from .vocabulary import ONBEKEND, STATUSES

HISTORY_SUFFIX = "-historie.csv"
COLUMNS = (
    "peildatum",
    "soort",
    "periode",
    "doorlopend",
    "status",
    "aantal",
    "nr",
    "rij",
    "register",
)
SOURCE, COUNT, ACTION = "bron", "telling", "actie"
ALL_STATUSES = (*STATUSES, ONBEKEND)


@dataclass(frozen=True)
class History:
    """The snapshots of one monitor, oldest first, at most one per peildatum."""

    snapshots: tuple[Snapshot, ...] = ()
    path: Path | None = None
    unreadable: str | None = None  # why the file on disk could not be read, if it couldn't

    def with_snapshot(self, snapshot: Snapshot) -> History:
        """A history where ``snapshot`` replaces any earlier one of the same peildatum."""
        kept = [s for s in self.snapshots if s.as_of != snapshot.as_of]
        ordered = tuple(sorted([*kept, snapshot], key=lambda s: s.as_of))
        return History(ordered, self.path, self.unreadable)

    def without(self, as_of: dt.date) -> History:
        kept = tuple(s for s in self.snapshots if s.as_of != as_of)
        if len(kept) == len(self.snapshots):
            raise UsageError("history_no_snapshot", path=self.path, date=as_of.strftime("%d-%m-%Y"))
        return History(kept, self.path, self.unreadable)

    def latest_before(self, day: dt.date) -> Snapshot | None:
        earlier = [s for s in self.snapshots if s.as_of < day]
        return earlier[-1] if earlier else None

    def at_or_before(self, day: dt.date) -> Snapshot | None:
        return self.latest_before(day + dt.timedelta(days=1))


def history_path(monitor: Path) -> Path:
    """``Actieplan-monitor.xlsx`` keeps its history in ``Actieplan-monitor-historie.csv``."""
    return monitor.with_name(monitor.stem + HISTORY_SUFFIX)


def monitor_of_history(path: Path) -> Path:
    """The monitor a history file belongs to (its lock guards both)."""
    return path.with_name(path.name.removesuffix(HISTORY_SUFFIX) + ".xlsx")


# --- Reading ---------------------------------------------------------------------------------


class _Unreadable(ValueError):
    pass


def load_history(path: Path) -> History:
    """The history at ``path``; empty when there is none. A file that can't be parsed gives an
    empty history that remembers why, so the caller can report it and keep the file aside."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return History(path=path)
    except OSError as exc:
        return History(path=path, unreadable=exc.strerror or str(exc))
    try:
        return History(load_history_bytes(data), path)
    except (_Unreadable, UnicodeDecodeError, csv.Error, ValueError) as exc:
        return History(path=path, unreadable=str(exc) or type(exc).__name__)


def load_history_bytes(data: bytes) -> tuple[Snapshot, ...]:
    """The snapshots in a history file's bytes; raises ValueError when they can't be read."""
    return tuple(_parse(data))


def _parse(data: bytes) -> Iterable[Snapshot]:
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader, None)
    if header is None or tuple(h.strip().lower() for h in header) != COLUMNS:
        raise _Unreadable("onbekende kopregel")
    by_date: dict[dt.date, dict] = {}
    days: dict[str, dt.date] = {}  # each peildatum's text parsed once
    for line, row in enumerate(reader, start=2):
        if len(row) == len(COLUMNS) and row[1] == ACTION and row[4] in ALL_STATUSES:
            # the bulk of the file, read without a dict per row: only the period and the id
            # are user text (escaped); a row number that isn't one is refused below
            day, _, period, _, status, _, nr, row_number, _ = row
            as_of = days.get(day) or _day(day, line, days)
            snap = by_date.get(as_of) or by_date.setdefault(as_of, _new_snapshot())
            number = int(row_number) if row_number.isdecimal() else _row_number(row_number, line)
            snap["actions"].append(SnapshotAction(unescape(nr), unescape(period), status, number))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise _Unreadable(f"regel {line}: {len(row)} kolommen in plaats van {len(COLUMNS)}")
        values = dict(zip(COLUMNS, (unescape(c) for c in row), strict=True))
        as_of = days.get(values["peildatum"]) or _day(values["peildatum"], line, days)
        snap = by_date.setdefault(as_of, _new_snapshot())
        _add_row(snap, values, line)
    for as_of in sorted(by_date):
        snap = by_date[as_of]
        periods = tuple(
            PeriodCounts(label, continuous, counts)
            for label, (continuous, counts) in snap["periods"].items()
        )
        yield Snapshot(as_of, periods, tuple(snap["actions"]), snap["register"])


def _new_snapshot() -> dict:
    return {"periods": {}, "actions": [], "register": ""}


def _day(text: str, line: int, days: dict[str, dt.date]) -> dt.date:
    try:
        day = days[text] = dt.date.fromisoformat(text)
    except ValueError:
        raise _Unreadable(f"regel {line}: peildatum '{text}'") from None
    return day


def _row_number(text: str, line: int) -> int:
    try:
        return int(text or 0)
    except ValueError:
        raise _Unreadable(f"regel {line}: rij '{text}'") from None


def _add_row(snap: dict, values: dict[str, str], line: int) -> None:
    kind = values["soort"]
    if kind == SOURCE:
        snap["register"] = values["register"]
    elif kind == COUNT:
        status = _status(values["status"], line)
        continuous = values["doorlopend"] == "ja"
        _, counts = snap["periods"].setdefault(
            values["periode"], (continuous, dict.fromkeys(ALL_STATUSES, 0))
        )
        try:
            counts[status] = int(values["aantal"])
        except ValueError:
            raise _Unreadable(f"regel {line}: aantal '{values['aantal']}'") from None
    elif kind == ACTION:
        row = _row_number(values["rij"], line)
        snap["actions"].append(
            SnapshotAction(values["nr"], values["periode"], _status(values["status"], line), row)
        )
    else:
        raise _Unreadable(f"regel {line}: soort '{kind}'")


def _status(value: str, line: int) -> str:
    if value not in ALL_STATUSES:
        raise _Unreadable(f"regel {line}: status '{value}'")
    return value


# --- Writing ---------------------------------------------------------------------------------


def render_history(history: History) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for snap in history.snapshots:
        day = snap.as_of.isoformat()
        writer.writerow(escape_row([day, SOURCE, "", "", "", "", "", "", snap.register]))
        for counts in snap.periods:
            for status in ALL_STATUSES:
                writer.writerow(
                    escape_row(
                        [
                            day,
                            COUNT,
                            counts.period,
                            "ja" if counts.continuous else "nee",
                            status,
                            str(counts.by_status.get(status, 0)),
                            "",
                            "",
                            "",
                        ]
                    )
                )
        # the bulk of the file: only the period and the id are user text; one escape per
        # distinct period
        periods = {period: escape(period) for period in {a.period for a in snap.actions}}
        writer.writerows(
            [day, ACTION, periods[a.period], "", a.status, "", escape(a.id), str(a.row), ""]
            for a in snap.actions
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def save_history(history: History, path: Path, *, aside: Path | None = None) -> None:
    """Write ``history`` to ``path`` atomically. An unreadable file found there earlier is first
    moved to ``aside``, so it is never overwritten."""
    if aside is not None and path.exists():
        try:
            path.replace(aside)
        except OSError as exc:
            raise OutputError("write_failed", path=path, reason=exc.strerror or str(exc)) from None
    with atomic_output(path) as temporary:
        temporary.write_bytes(render_history(history))
