"""The history file written: format 2 (see history_format.py), in chunks, the action rows read
from the file written back as the bytes they were; and the digest of what a monitor takes from
its history, for the fingerprint."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator, Sequence

from .csv_safe import escape, escape_row
from .history_format import (
    ACTION,
    ADDED,
    ALL_STATUSES,
    BOM,
    COLUMNS,
    COUNT,
    FORMAT,
    PUBLISHED,
    REFRESH,
    SNAPSHOT,
    VERSION_MARK,
    VERSION_WORD,
    LazyActions,
)
from .model import Snapshot


def render(snapshots: Iterable[Snapshot]) -> Iterator[bytes | memoryview]:
    """The file in format 2, in chunks (a large history is never joined into one string): the
    action rows read from the file are written back as the bytes they were."""
    yield BOM + _text_rows([[VERSION_MARK, f"{VERSION_WORD} {FORMAT}"], list(COLUMNS)])
    for snap in snapshots:
        yield snapshot_head(snap)
        yield action_bytes(snap)


def snapshot_head(snap: Snapshot) -> bytes:
    """The ``momentopname`` row and the count rows of one snapshot."""
    day = snap.as_of.isoformat()
    kind = (ADDED if snap.added else PUBLISHED) if snap.published else REFRESH
    rows = [escape_row([day, SNAPSHOT, "", "", kind, len(snap.actions), "", "", snap.register])]
    for counts in snap.periods:
        continuous = "ja" if counts.continuous else "nee"
        rows.extend(
            escape_row(
                [day, COUNT, counts.period, continuous, status, counts.by_status.get(status, 0)]
                + [""] * 3
            )
            for status in ALL_STATUSES
        )
    return _text_rows(rows)


def action_bytes(snap: Snapshot) -> bytes | memoryview:
    """The action rows of one snapshot: as read from the file when they were, else rendered
    (only the period and the id are user text; one escape per distinct period)."""
    if isinstance(snap.actions, LazyActions):
        return snap.actions.raw
    day = snap.as_of.isoformat()
    periods = {period: escape(period) for period in {a.period for a in snap.actions}}
    return _text_rows(
        [day, ACTION, periods[a.period], "", a.status, "", escape(a.id), str(a.row), ""]
        for a in snap.actions
    )


def _text_rows(rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def input_digest(shown: Iterable[Snapshot], compared: Snapshot | None) -> bytes:
    """What a monitor takes from its history, hashed: the peildatum, kind and counts of each
    snapshot its trend shows, and the action rows of the one it compares with (as the bytes
    they are in the file, so nothing is parsed or rendered for it)."""
    digest = hashlib.sha256()
    for snap in shown:
        digest.update(snapshot_head(snap))
    if compared is not None:
        digest.update(b"compared\x00" + snapshot_head(compared))
        digest.update(action_bytes(compared))
    return digest.digest()
