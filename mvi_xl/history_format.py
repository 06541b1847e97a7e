"""The history file as text: a semicolon CSV (UTF-8 with a BOM) that Dutch Excel and a text
editor open. This module turns bytes into snapshots (history_render.py turns them back);
history.py decides what is kept and when the file is written.

Format 2, written by this version, starts with a version line, then the header, then one block
per snapshot in order of peildatum: a ``momentopname`` row, its counts, its action rows::

    mvi-xl historie;formaat 2
    peildatum;soort;periode;doorlopend;status;aantal;nr;rij;register
    2018-06-01;momentopname;;;gepubliceerd;124;;;C:\\MVI\\Actieplan MVI.xlsx
    2018-06-01;telling;Aan de slag in 2017;nee;voltooid;23;;;
    2018-06-01;actie;Aan de slag in 2017;;voltooid;;2.13;17;

The ``momentopname`` row says in ``status`` what the snapshot is (``gepubliceerd``,
``tussenstand`` for a refresh, ``toegevoegd`` for a published snapshot recorded from a copy of
the register) and in ``aantal`` how many action rows follow, so a file cut off at a line break
is noticed too. An earlier version reads the version line as a header it doesn't know and
leaves the file alone (it keeps it aside and starts its own); a later version's file, with a
higher format number, is refused here rather than read wrongly.

Format 1 (earlier versions) has no version line and a ``bron`` row per snapshot; its snapshots
count as published.

A monitor compares with one snapshot, but the file holds every published one. So the blocks
are found by searching the bytes, their counts are read (the Historie trend needs them), and
their action rows are kept as the bytes they were: parsed only when a monitor compares with
them, written back unchanged, hashed as they are for the fingerprint.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

from .csv_safe import unescape
from .model import PeriodCounts, Snapshot, SnapshotAction
from .words.terms import ONBEKEND, STATUSES

FORMAT = 2
VERSION_MARK = "mvi-xl historie"
VERSION_WORD = "formaat"
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
SNAPSHOT, SOURCE, COUNT, ACTION = "momentopname", "bron", "telling", "actie"
PUBLISHED, REFRESH, ADDED = "gepubliceerd", "tussenstand", "toegevoegd"
CUT = "cut"  # why a snapshot was left out: the file was cut off in it
#: What a snapshot is, as the ``momentopname`` row says it: (published, added).
KINDS = {PUBLISHED: (True, False), REFRESH: (False, False), ADDED: (True, True)}
ALL_STATUSES = (*STATUSES, ONBEKEND)

BOM = "\ufeff".encode()
CRLF = b"\r\n"
_SNAPSHOT_FIELD = f";{SNAPSHOT};".encode()
_DAY = re.compile(rb"\d{4}-\d{2}-\d{2}")
_VERSION = re.compile(rf"{VERSION_WORD} (\d+)")


class Unreadable(ValueError):
    """Content that can't be parsed as a history (the caller keeps the file aside)."""


class NewerFormat(ValueError):
    """A history written by a later version of mvi-xl: never read, never moved aside."""

    def __init__(self, found: str) -> None:
        super().__init__(found)
        self.found = found


@dataclass(frozen=True)
class Parsed:
    """What a history file holds: its complete snapshots, and what was left out."""

    snapshots: tuple[Snapshot, ...]
    format: int
    #: per snapshot left out, (peildatum or None, why): cut off at the end of the file, or
    #: action rows that can't be read
    dropped: tuple[tuple[dt.date | None, str], ...] = ()


# --- Lazy action rows ----------------------------------------------------------------------


class LazyActions(Sequence[SnapshotAction]):
    """The action rows of one snapshot as they are in the file: parsed on first use (a monitor
    compares with one snapshot), written back and hashed as the bytes they are (a view into
    the file as read: never copied). Only blocks without quotes are kept so (every field is
    then plain text between semicolons); their number of lines was checked against the
    ``momentopname`` row when the file was read, each row itself is checked when parsed."""

    __slots__ = ("_parsed", "day", "first_line", "length", "raw")

    def __init__(self, raw: bytes | memoryview, count: int, first_line: int, day: str) -> None:
        self.raw = raw
        self.length = count
        self.first_line = first_line  # the file's line number of the first row, for errors
        self.day = day  # the peildatum every row must have
        self._parsed: tuple[SnapshotAction, ...] | None = None

    def parsed(self) -> tuple[SnapshotAction, ...]:
        """The rows as SnapshotActions; raises Unreadable naming the line of a bad one."""
        if self._parsed is None:
            self._parsed = tuple(_action_rows(self.raw, self.first_line, self.day))
        return self._parsed

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> SnapshotAction: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[SnapshotAction, ...]: ...

    def __getitem__(self, index: int | slice) -> SnapshotAction | tuple[SnapshotAction, ...]:
        return self.parsed()[index]

    def __iter__(self) -> Iterator[SnapshotAction]:
        return iter(self.parsed())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyActions) and other.raw == self.raw:
            return True
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = "parsed" if self._parsed is not None else "not parsed"
        return f"LazyActions({self.length} rows, {state})"


def parse_actions(snapshot: Snapshot) -> None:
    """Parse a snapshot's action rows now, where a bad one can still be handled (Unreadable)."""
    if isinstance(snapshot.actions, LazyActions):
        snapshot.actions.parsed()


def _action_rows(raw: bytes | memoryview, first_line: int, day: str) -> Iterator[SnapshotAction]:
    periods: dict[str, str] = {}  # each distinct period text unescaped once
    lines = str(raw, "utf-8").split("\r\n")
    if lines[-1]:
        raise Unreadable(f"regel {first_line + len(lines) - 1}: geen actieregel")
    for offset, line in enumerate(lines[:-1]):
        fields = line.split(";")
        if len(fields) != len(COLUMNS) or fields[1] != ACTION or fields[0] != day:
            raise Unreadable(f"regel {first_line + offset}: geen actieregel van {day}")
        _, _, period, _, status, _, nr, row, _ = fields
        if status not in ALL_STATUSES:
            raise Unreadable(f"regel {first_line + offset}: status '{status}'")
        number = int(row) if row.isdecimal() else _row_number(row, first_line + offset)
        label = periods.get(period)
        if label is None:
            label = periods[period] = unescape(period)
        yield SnapshotAction(unescape(nr), label, status, number)


# --- Reading -------------------------------------------------------------------------------


def parse(data: bytes) -> Parsed:
    """The snapshots in a history file's bytes. Raises NewerFormat for a later version's file
    and Unreadable (or UnicodeDecodeError) for content that is no history. A file cut off
    keeps its complete snapshots (``Parsed.dropped`` names the one left out)."""
    begin = len(BOM) if data.startswith(BOM) else 0
    complete = data.endswith(b"\n") or not data[begin:].strip()
    first_end = data.find(b"\n", begin)
    if first_end == -1 and not complete:
        raise Unreadable("afgebroken in de eerste regel")
    raw_first = data[begin : first_end if first_end != -1 else len(data)]
    first = raw_first.rstrip(b"\r").decode("utf-8")
    if first == VERSION_MARK or first.startswith(VERSION_MARK + ";"):
        return _parse_v2(data if complete else data + CRLF, first, first_end + 1, not complete)
    data = data[begin:]
    if _cells(first) != COLUMNS:
        raise Unreadable("onbekende kopregel")
    if complete:
        return _parse_v1(data, cut=False)
    try:  # perhaps only the final line break is missing
        return _parse_v1(data + CRLF, cut=False)
    except Unreadable:
        return _parse_v1(data[: data.rfind(b"\n") + 1], cut=True)


def _cells(line: str) -> tuple[str, ...]:
    return tuple(h.strip().lower() for h in next(csv.reader([line], delimiter=";"), []))


def _parse_v2(data: bytes, first: str, header_start: int, cut: bool) -> Parsed:
    cells = [c.strip() for c in first.split(";")]
    version = _VERSION.fullmatch(cells[1]) if len(cells) > 1 else None
    if version is None or int(version.group(1)) != FORMAT or any(cells[2:]):
        raise NewerFormat(" ".join(c for c in cells if c))
    header_end = data.find(b"\n", header_start) + 1
    header = data[header_start:header_end].rstrip(b"\r\n").decode("utf-8")
    if header_end == 0 or _cells(header) != COLUMNS:
        raise Unreadable("regel 2: onbekende kopregel")
    starts = _block_starts(data, header_end)
    leading = data[header_end : starts[0] if starts else len(data)]
    if leading.strip():
        if cut and not starts and leading.count(b"\n") == 1:  # cut in the first snapshot
            return Parsed((), FORMAT, ((None, CUT),))
        raise Unreadable("regel 3: geen momentopname")
    snapshots: list[Snapshot] = []
    dropped: list[tuple[dt.date | None, str]] = []
    line = 3 + leading.count(b"\n")
    bounds = [*starts, len(data)]
    for index, (start, end) in enumerate(itertools.pairwise(bounds)):
        last = index == len(starts) - 1
        lines = None
        try:
            snapshot, lines = _block(data, start, end, line, verify=last and cut)
            snapshots.append(snapshot)
        except _Incomplete as incomplete:
            if not last:
                raise Unreadable(str(incomplete)) from None
            dropped.append((incomplete.day, CUT))
        except Unreadable as problem:
            if last and cut:  # the cut line may be the start of a snapshot after this one
                kept = _without_last_line(data, start, end, line)
                if kept is not None:
                    snapshots.append(kept)
                dropped.append((None if kept is not None else _day_of(data, start), CUT))
            else:
                dropped.append((_day_of(data, start), str(problem)))
        line += lines if lines is not None else data.count(b"\n", start, end)
    return Parsed(tuple(sorted(snapshots, key=lambda s: s.as_of)), FORMAT, tuple(dropped))


def _without_last_line(data: bytes, start: int, end: int, line: int) -> Snapshot | None:
    """The block without its (cut) last line, when the rest is a complete snapshot."""
    trimmed = data.rfind(b"\n", start, end - 2) + 1
    if trimmed <= start:
        return None
    try:
        return _block(data, start, trimmed, line, verify=True)[0]
    except (_Incomplete, Unreadable):
        return None


def _block_starts(data: bytes, begin: int) -> list[int]:
    """Where each ``momentopname`` row begins: a line that starts with a date and this kind,
    outside any quoted text (an even number of quotes before it)."""
    starts: list[int] = []
    quotes, counted = 0, begin
    found = data.find(_SNAPSHOT_FIELD, begin)
    while found != -1:
        start = found - 10
        at_line_start = start >= begin and data[start - 1 : start] == b"\n"
        if at_line_start and _DAY.fullmatch(data, start, found):
            if data.find(b'"', counted, start) != -1:  # quotes are rare: count only then
                quotes += data.count(b'"', counted, start)
            counted = start
            if quotes % 2 == 0:
                starts.append(start)
        found = data.find(_SNAPSHOT_FIELD, found + 1)
    return starts


def _day_of(data: bytes, start: int) -> dt.date | None:
    try:
        return dt.date.fromisoformat(data[start : start + 10].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None


class _Incomplete(Exception):
    """The last block has fewer action rows than its ``momentopname`` row says: cut off."""

    def __init__(self, day: dt.date, line: int) -> None:
        super().__init__(f"regel {line}: momentopname van {day.isoformat()} is onvolledig")
        self.day = day


def _block(
    data: bytes, start: int, end: int, line: int, *, verify: bool = False
) -> tuple[Snapshot, int]:
    """One snapshot, the block ``data[start:end]``, and its number of lines. Kept lazily when
    its rows are plain (no quotes, CRLF line ends), else read row by row. Only passes over the
    bytes that C does fast (a search, a count of line breaks): a history of many large
    snapshots costs little more than one. ``verify``: parse the action rows now (the last
    block of a file that was cut off)."""
    head_end = data.find(CRLF, start, end)
    if head_end == -1 or data[end - 2 : end] != CRLF or data.find(b'"', start, end) != -1:
        block = data[start:end]
        return _block_slowly(block, line), block.count(b"\n")
    head = data[start:head_end].decode("utf-8").split(";")
    day_text = head[0]
    as_of = _date(day_text, line)
    published, added, declared, register = _snapshot_row(head, line)
    first_row = (day_text + f";{ACTION};").encode()
    actions_at = data.find(CRLF + first_row, head_end, end)
    counts_end = end if actions_at == -1 else actions_at + 2
    counts = data[head_end + 2 : counts_end]
    periods = _count_rows(counts, day_text.encode(), line + 1)
    if periods is None:
        block = data[start:end]
        return _block_slowly(block, line), block.count(b"\n")
    rows = data.count(b"\n", counts_end, end)
    if rows < declared:
        raise _Incomplete(as_of, line)
    if rows > declared:
        raise Unreadable(f"regel {line}: {rows} actieregels in plaats van {declared}")
    first_action = line + 1 + counts.count(b"\n")
    actions = LazyActions(memoryview(data)[counts_end:end], rows, first_action, day_text)
    if verify:
        actions.parsed()
    snapshot = Snapshot(as_of, periods, actions, register, published, added)
    return snapshot, first_action - line + rows


def _snapshot_row(fields: Sequence[str], line: int) -> tuple[bool, bool, int, str]:
    if len(fields) != len(COLUMNS) or fields[1] != SNAPSHOT:
        raise Unreadable(f"regel {line}: geen momentopname")
    kind = KINDS.get(fields[4])
    if kind is None:
        raise Unreadable(f"regel {line}: soort momentopname '{fields[4]}'")
    if not fields[5].isdecimal():
        raise Unreadable(f"regel {line}: aantal '{fields[5]}'")
    return kind[0], kind[1], int(fields[5]), unescape(fields[8])


def _count_rows(counts: bytes, day: bytes, line: int) -> tuple[PeriodCounts, ...] | None:
    """The ``telling`` rows of a plain block; None when they are not all plain count rows."""
    by_period: dict[str, tuple[bool, dict[str, int]]] = {}
    prefix = day.decode() + f";{COUNT};"
    text = counts.decode("utf-8")
    for offset, row in enumerate(text.split("\r\n")[:-1] if text else ()):
        fields = row.split(";")
        if not row.startswith(prefix) or len(fields) != len(COLUMNS):
            return None
        values = dict(zip(COLUMNS, (unescape(f) for f in fields), strict=True))
        _count(by_period, values, line + offset)
    return _periods(by_period)


#: per period label: continuous or not, and the count per status
_ByPeriod = dict[str, tuple[bool, dict[str, int]]]
#: a snapshot of a format-1 file as its rows are read: periods, actions and register
_V1Snapshot = dict[str, Any]


def _count(by_period: _ByPeriod, values: dict[str, str], line: int) -> None:
    status = _status(values["status"], line)
    _, counts = by_period.setdefault(
        values["periode"], (values["doorlopend"] == "ja", dict.fromkeys(ALL_STATUSES, 0))
    )
    try:
        counts[status] = int(values["aantal"])
    except ValueError:
        raise Unreadable(f"regel {line}: aantal '{values['aantal']}'") from None


def _periods(by_period: _ByPeriod) -> tuple[PeriodCounts, ...]:
    return tuple(
        PeriodCounts(label, continuous, counts) for label, (continuous, counts) in by_period.items()
    )


def _block_slowly(block: bytes, line: int) -> Snapshot:
    """A block with quoted text (a period or id holding a semicolon, a quote or a line break),
    or otherwise irregular: every row read by the csv module and checked."""
    reader = csv.reader(io.StringIO(block.decode("utf-8"), newline=""), delimiter=";")
    head = next(reader)
    as_of = _date(head[0] if head else "", line)
    published, added, declared, register = _snapshot_row(head, line)
    by_period: dict[str, tuple[bool, dict[str, int]]] = {}
    actions: list[SnapshotAction] = []
    for row in reader:
        number = line + reader.line_num - 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise Unreadable(f"regel {number}: {len(row)} kolommen in plaats van {len(COLUMNS)}")
        values = dict(zip(COLUMNS, (unescape(c) for c in row), strict=True))
        if values["peildatum"] != head[0]:
            raise Unreadable(f"regel {number}: peildatum '{values['peildatum']}'")
        if values["soort"] == COUNT and not actions:
            _count(by_period, values, number)
        elif values["soort"] == ACTION:
            actions.append(
                SnapshotAction(
                    values["nr"],
                    values["periode"],
                    _status(values["status"], number),
                    _row_number(values["rij"], number),
                )
            )
        else:
            raise Unreadable(f"regel {number}: soort '{values['soort']}'")
    if len(actions) < declared:
        raise _Incomplete(as_of, line)
    if len(actions) > declared:
        raise Unreadable(f"regel {line}: {len(actions)} actieregels in plaats van {declared}")
    return Snapshot(as_of, _periods(by_period), tuple(actions), register, published, added)


def _parse_v1(data: bytes, cut: bool) -> Parsed:
    """An earlier version's file: read whole (it is written in the new form when it next
    changes); every snapshot counts as published. Cut off, its last snapshot is left out."""
    text = data.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    next(reader)
    by_date: dict[dt.date, _V1Snapshot] = {}
    days: dict[str, dt.date] = {}  # each peildatum's text parsed once
    last: dt.date | None = None
    for line, row in enumerate(reader, start=2):
        if len(row) == len(COLUMNS) and row[1] == ACTION and row[4] in ALL_STATUSES:
            # the bulk of the file, read without a dict per row: only the period and the id
            # are user text (escaped); a row number that isn't one is refused below
            day, _, period, _, status, _, nr, row_number, _ = row
            as_of = days.get(day) or _day(day, line, days)
            snap = by_date.get(as_of) or by_date.setdefault(as_of, _new_snapshot())
            number = int(row_number) if row_number.isdecimal() else _row_number(row_number, line)
            snap["actions"].append(SnapshotAction(unescape(nr), unescape(period), status, number))
            last = as_of
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise Unreadable(f"regel {line}: {len(row)} kolommen in plaats van {len(COLUMNS)}")
        values = dict(zip(COLUMNS, (unescape(c) for c in row), strict=True))
        as_of = days.get(values["peildatum"]) or _day(values["peildatum"], line, days)
        _add_v1_row(by_date.setdefault(as_of, _new_snapshot()), values, line)
        last = as_of
    dropped: tuple[tuple[dt.date | None, str], ...] = ()
    if cut and last is not None:
        del by_date[last]
        dropped = ((last, "cut"),)
    snapshots = tuple(
        Snapshot(
            as_of,
            _periods(snap["periods"]),
            tuple(snap["actions"]),
            snap["register"],
            published=True,
            added=True,
        )
        for as_of, snap in sorted(by_date.items())
    )
    return Parsed(snapshots, 1, dropped)


def _new_snapshot() -> _V1Snapshot:
    return {"periods": {}, "actions": [], "register": ""}


def _add_v1_row(snap: _V1Snapshot, values: dict[str, str], line: int) -> None:
    kind = values["soort"]
    if kind == SOURCE:
        snap["register"] = values["register"]
    elif kind == COUNT:
        _count(snap["periods"], values, line)
    elif kind == ACTION:
        row = _row_number(values["rij"], line)
        snap["actions"].append(
            SnapshotAction(values["nr"], values["periode"], _status(values["status"], line), row)
        )
    else:
        raise Unreadable(f"regel {line}: soort '{kind}'")


def _date(text: str, line: int) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Unreadable(f"regel {line}: peildatum '{text}'") from None


def _day(text: str, line: int, days: dict[str, dt.date]) -> dt.date:
    day = days[text] = _date(text, line)
    return day


def _row_number(text: str, line: int) -> int:
    try:
        return int(text or 0)
    except ValueError:
        raise Unreadable(f"regel {line}: rij '{text}'") from None


def _status(value: str, line: int) -> str:
    if value not in ALL_STATUSES:
        raise Unreadable(f"regel {line}: status '{value}'")
    return value
