"""The reporting cycle: what a monitor compares with, what it counts as realised, what a build
records in the history, by tables of cases and a property (the year simulated by code is in
test_cycle_year.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.compute import compared_snapshot, compute_monitor, realised_since
from mvi_xl.cycle import is_fixed, plan
from mvi_xl.history import History
from mvi_xl.model import Snapshot, SnapshotAction
from mvi_xl.words.terms import GEPLAND, LOPEND, STATUSES, VERVALLEN, VOLTOOID

from .test_compute import action, register

D = dt.date
SINCE, AS_OF = D(2018, 6, 1), D(2018, 11, 1)
BEFORE, WITHIN, AFTER = D(2018, 5, 1), D(2018, 7, 5), D(2018, 12, 1)
ABSENT = None  # the action is not in the compared snapshot


def snapshot(day: dt.date, actions=(), *, published: bool = True, register: str = "r.xlsx"):
    return Snapshot(day, (), tuple(actions), register, published)


# --- Realised since --------------------------------------------------------------------------

#: (status now, completion date, status in the compared snapshot, realised?). With a date, the
#: date decides; without one, voltooid now and not voltooid (or absent) then.
REALISED_CASES = [
    (VOLTOOID, None, LOPEND, True),
    (VOLTOOID, None, GEPLAND, True),
    (VOLTOOID, None, VERVALLEN, True),
    (VOLTOOID, None, ABSENT, True),  # a new action, completed without a date
    (VOLTOOID, None, VOLTOOID, False),  # was voltooid already
    (VOLTOOID, WITHIN, LOPEND, True),
    (VOLTOOID, WITHIN, VOLTOOID, True),  # the date decides, not the snapshot
    (VOLTOOID, WITHIN, ABSENT, True),
    (VOLTOOID, BEFORE, LOPEND, False),  # completed before the compared peildatum
    (VOLTOOID, SINCE, LOPEND, False),  # (since, as_of]: the day itself is excluded
    (VOLTOOID, AS_OF, LOPEND, True),
    (VOLTOOID, AFTER, LOPEND, False),  # after the peildatum (and a warning)
    (LOPEND, None, GEPLAND, False),
    (LOPEND, WITHIN, GEPLAND, False),  # a date, but not voltooid
    (VERVALLEN, None, LOPEND, False),
    (GEPLAND, None, VOLTOOID, False),  # went back: not realised
]


@pytest.mark.parametrize(("now", "completed", "before", "realised"), REALISED_CASES)
def test_realised_since_a_compared_snapshot(now, completed, before, realised):
    reg = register([action(2, "P", now, completed, id="1")])
    previous = snapshot(SINCE, [] if before is ABSENT else [SnapshotAction("1", "P", before, 2)])
    found, findings = realised_since(reg, previous, SINCE, AS_OF)
    assert [a.id for a in found] == (["1"] if realised else [])
    assert findings == []


#: Without a snapshot to compare with (the first monitor, or --since a day without one), only
#: the completion date can say what was realised.
NO_SNAPSHOT_CASES = [
    (VOLTOOID, None, None, False),
    (VOLTOOID, WITHIN, SINCE, True),
    (VOLTOOID, BEFORE, SINCE, False),
    (VOLTOOID, BEFORE, None, True),  # no since: every completion up to the peildatum
    (VOLTOOID, AFTER, None, False),
]


@pytest.mark.parametrize(("now", "completed", "since", "realised"), NO_SNAPSHOT_CASES)
def test_realised_without_a_snapshot_goes_by_date(now, completed, since, realised):
    reg = register([action(2, "P", now, completed, id="1")])
    found, _ = realised_since(reg, None, since, AS_OF)
    assert [a.id for a in found] == (["1"] if realised else [])


def test_realised_without_a_completion_column_goes_by_status():
    reg = register(
        [action(2, "P", VOLTOOID, id="1"), action(3, "P", VOLTOOID, id="2")],
        headers=("id", "action", "period", "status"),
    )
    previous = snapshot(SINCE, [SnapshotAction("1", "P", LOPEND, 2)])
    found, _ = realised_since(reg, previous, SINCE, AS_OF)
    assert [a.id for a in found] == ["1", "2"]  # 2 is new since the snapshot


def test_realised_lists_dated_first_then_undated_in_register_order():
    reg = register(
        [
            action(2, "P", VOLTOOID, None, id="a"),
            action(3, "P", VOLTOOID, D(2018, 9, 1), id="b"),
            action(4, "P", VOLTOOID, None, id="c"),
            action(5, "P", VOLTOOID, D(2018, 7, 1), id="d"),
        ]
    )
    found, _ = realised_since(reg, snapshot(SINCE), SINCE, AS_OF)
    assert [a.id for a in found] == ["d", "b", "a", "c"]


def test_realised_by_status_uses_the_action_keys_of_sources_and_sheets():
    """Equal ids from two registers (or two sheets) are different actions: the key decides."""
    reg = register(
        [
            action(2, "P", VOLTOOID, id="1", source="Inkoop.xlsx"),
            action(2, "P", VOLTOOID, id="1", source="Ruimte.xlsx"),
            action(3, "P", VOLTOOID, id="1", sheet="Klimaat"),
        ]
    )
    previous = snapshot(
        SINCE,
        [
            SnapshotAction("Inkoop.xlsx/1", "P", VOLTOOID, 2),
            SnapshotAction("Ruimte.xlsx/1", "P", LOPEND, 2),
            SnapshotAction("Klimaat!1", "P", VOLTOOID, 3),
        ],
    )
    found, findings = realised_since(reg, previous, SINCE, AS_OF)
    assert [(a.source, a.sheet) for a in found] == [("Ruimte.xlsx", "")]
    assert findings == []


def test_undated_rows_without_an_id_are_a_warning():
    reg = register([action(2, "P", VOLTOOID), action(3, "P", VOLTOOID, WITHIN)])
    found, findings = realised_since(reg, snapshot(SINCE), SINCE, AS_OF)
    assert [a.row for a in found] == [3]  # the dated one needs no match
    assert [f.code for f in findings] == ["unmatched_rows"]
    assert findings[0].params["count"] == 1


statuses = st.sampled_from(STATUSES)
days = st.one_of(st.none(), st.dates(D(2018, 1, 1), D(2018, 12, 31)))


@given(
    st.lists(st.tuples(statuses, days, st.one_of(st.none(), statuses)), min_size=0, max_size=20),
    st.booleans(),
)
def test_realised_is_what_the_rules_say(rows, with_snapshot):
    """Every realised action is voltooid; a dated one lies in (since, as_of]; an undated one
    was not voltooid in the compared snapshot; no action is listed twice."""
    actions = [action(i + 2, "P", now, done, id=str(i)) for i, (now, done, _) in enumerate(rows)]
    old = [SnapshotAction(str(i), "P", s, i + 2) for i, (*_, s) in enumerate(rows) if s]
    previous = snapshot(SINCE, old) if with_snapshot else None
    since = SINCE if with_snapshot else None
    found, _ = realised_since(register(actions), previous, since, AS_OF)
    before = {a.id: a.status for a in old}
    assert len({a.row for a in found}) == len(found)
    for a in found:
        assert a.status == VOLTOOID
        if a.completed is not None:
            assert (since is None or a.completed > since) and a.completed <= AS_OF
        else:
            assert with_snapshot and before.get(a.id) != VOLTOOID
    expected = sum(
        1
        for now, done, then in rows
        if now == VOLTOOID
        and (
            (done is not None and (since is None or done > since) and done <= AS_OF)
            or (done is None and with_snapshot and then != VOLTOOID)
        )
    )
    assert len(found) == expected


# --- What a monitor compares with ------------------------------------------------------------

HISTORY = (
    snapshot(D(2018, 3, 1)),
    snapshot(D(2018, 6, 1)),
    snapshot(D(2018, 9, 1)),
    snapshot(D(2018, 9, 30), published=False),  # the latest refresh
)


@pytest.mark.parametrize(
    ("as_of", "since", "expected"),
    [
        (D(2018, 10, 1), None, D(2018, 9, 1)),  # a refresh compares with the last published
        (D(2018, 9, 1), None, D(2018, 6, 1)),  # the published monitor with the one before
        (D(2018, 7, 1), None, D(2018, 6, 1)),
        (D(2018, 3, 1), None, None),  # the first published monitor
        (D(2018, 2, 1), None, None),
        (D(2018, 10, 1), D(2018, 6, 1), D(2018, 6, 1)),  # --since a published peildatum
        (D(2018, 10, 1), D(2018, 9, 30), D(2018, 9, 30)),  # --since the refresh's day
        (D(2018, 10, 1), D(2018, 7, 1), None),  # --since a day without a snapshot
    ],
)
def test_the_one_snapshot_compared_with(as_of, since, expected):
    found = compared_snapshot(HISTORY, as_of, since)
    assert (found.as_of if found else None) == expected


def test_the_trend_shows_the_published_points_before_the_peildatum_and_now():
    monitor = compute_monitor(
        register([action(2, "P", LOPEND)]), as_of=D(2018, 9, 1), history=HISTORY
    )
    assert [s.as_of for s in monitor.history] == [D(2018, 3, 1), D(2018, 6, 1), D(2018, 9, 1)]
    assert [s.published for s in monitor.history] == [True, True, False]
    assert monitor.previous.as_of == monitor.since == D(2018, 6, 1)


# --- What a build records ----------------------------------------------------------------------

P, R = "published", "refresh"


def history_of(*entries: tuple[int, str], register: str = "r.xlsx", added: bool = False):
    return History(
        tuple(
            Snapshot(D(2018, month, 1), (), (), register, kind == P, added and kind == P)
            for month, kind in entries
        ),
        Path("m-historie.csv"),
    )


@pytest.mark.parametrize(
    ("before", "month", "publish", "after", "notice"),
    [
        # a refresh replaces the refresh: published points plus one "now"
        ([(3, P)], 4, False, [(3, P), (4, R)], None),
        ([(3, P), (4, R)], 5, False, [(3, P), (5, R)], None),
        ([(3, P), (5, R)], 5, False, [(3, P), (5, R)], None),  # the same day again
        # a publish drops the refreshes up to its day
        ([(3, P), (5, R)], 5, True, [(3, P), (5, P)], None),
        ([(3, P), (5, R)], 6, True, [(3, P), (6, P)], None),
        ([(3, P), (7, R)], 6, True, [(3, P), (6, P), (7, R)], None),  # a later refresh stays
        # a refresh before a later snapshot records nothing, and says so
        ([(3, P), (7, P)], 5, False, None, "refresh_before_published"),
        ([(3, P), (7, R)], 5, False, None, "refresh_before_refresh"),
        # the first snapshot of all
        ([], 4, False, [(4, R)], None),
        ([], 4, True, [(4, P)], None),
    ],
)
def test_what_a_build_records(before, month, publish, after, notice):
    current = Snapshot(D(2018, month, 1), (), (), "r.xlsx", published=publish)
    recording = plan(history_of(*before), current, publish=publish)
    if after is None:
        assert recording.history is None
    else:
        got = [(s.as_of.month, P if s.published else R) for s in recording.history.snapshots]
        assert got == after
    assert [n.code for n in recording.notices] == ([notice] if notice else [])
    assert recording.findings == ()


@pytest.mark.parametrize(
    ("month", "publish", "force", "fixed"),
    [
        (3, False, False, True),  # a refresh of a published peildatum
        (3, True, False, True),  # --publish without --force
        (3, True, True, False),  # --publish --force: a deliberate re-publish
        (3, False, True, True),  # --force alone rebuilds, it does not re-publish
        (4, False, False, False),  # the refresh's day is not fixed
        (5, False, False, False),
    ],
)
def test_a_published_peildatum_is_fixed(month, publish, force, fixed):
    history = history_of((3, P), (4, R))
    assert is_fixed(history, D(2018, month, 1), publish=publish, force=force) == fixed


@pytest.mark.parametrize(
    ("theirs", "added", "publish", "recorded", "code"),
    [
        ("C:\\MVI\\Actieplan.xlsx", False, False, False, "history_other_register"),
        ("C:\\MVI\\Actieplan.xlsx", False, True, True, "history_other_register_published"),
        ("\\\\server\\mvi\\Register.XLSX", False, False, True, None),  # same name elsewhere
        ("Register juni 2018.xlsx", True, False, True, None),  # an old copy, history add
    ],
)
def test_another_register_is_a_warning_not_a_mixed_history(theirs, added, publish, recorded, code):
    history = history_of((3, P), register=theirs, added=added)
    current = Snapshot(D(2018, 4, 1), (), (), "/data/mvi/register.xlsx", published=publish)
    recording = plan(history, current, publish=publish)
    assert (recording.history is not None) == recorded
    assert [f.code for f in recording.findings] == ([code] if code else [])
