"""The Jaaroverzicht numbers (mvi_xl/years.py): a register spanning 2017-2020 with completion
dates, start dates and two published monitors, counted by hand; and a property: each completed
action counts in exactly one year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mvi_xl.compute import compute_monitor
from mvi_xl.model import Monitor, Snapshot, SnapshotAction
from mvi_xl.words.terms import GEPLAND, LOPEND, STATUSES, VERVALLEN, VOLTOOID
from mvi_xl.years import ActionYears, action_years, year_report, years_json

from .test_compute import action, register

D = dt.date
AS_OF = D(2020, 11, 1)
HEADERS = ("id", "action", "period", "status", "theme", "start", "completed")
KL, CI, SR = "Klimaat", "Circulair", "Social Return"

#: (id, status now, themes, start, completed); the years each counts in are worked out in
#: EXPECTED_ACTIONS below.
ROWS = [
    ("1", VOLTOOID, (KL,), D(2017, 3, 1), D(2018, 5, 1)),
    ("2", VOLTOOID, (KL, CI), D(2017, 9, 1), D(2017, 12, 15)),
    ("3", VOLTOOID, (CI,), None, None),  # lopend in 2018's monitor, voltooid in 2019's
    ("4", VOLTOOID, (SR,), None, None),  # in no published monitor: the peildatum's year
    ("5", LOPEND, (KL,), D(2018, 2, 1), None),
    ("6", LOPEND, (CI, SR), None, None),  # first lopend in 2019's monitor
    ("7", LOPEND, (), D(2019, 6, 1), None),  # without a theme
    ("8", GEPLAND, (KL,), D(2019, 1, 1), None),  # planned: not started, whatever the date
    ("9", VERVALLEN, (CI,), D(2017, 1, 10), None),  # started; never running (when it stopped?)
    ("10", VOLTOOID, (KL,), D(2019, 4, 1), D(2021, 1, 1)),  # a date after the peildatum
    ("11", LOPEND, (KL,), D(2021, 3, 1), None),  # a start after the peildatum
]
#: id -> (completed, started, running from, running to)
EXPECTED_ACTIONS = {
    "1": (2018, 2017, 2017, 2017),
    "2": (2017, 2017, None, None),  # completed in its start year: never running at a year end
    "3": (2019, None, 2018, 2018),
    "4": (2020, None, None, None),
    "5": (None, 2018, 2018, 2020),
    "6": (None, None, 2019, 2020),
    "7": (None, 2019, 2019, 2020),
    "8": (None, None, None, None),
    "9": (None, 2017, None, None),
    "10": (2020, 2019, 2019, 2019),  # the future date is missing; in no monitor as voltooid
    "11": (None, None, 2020, 2020),  # the future start is missing; lopend now
}

#: (year, theme or None for the total, completed, started, running at the year's end)
EXPECTED = [
    (2017, None, 1, 3, 1),
    (2018, None, 1, 1, 2),
    (2019, None, 1, 2, 4),
    (2020, None, 2, 0, 4),
    (2017, KL, 1, 2, 1),
    (2018, KL, 1, 1, 1),
    (2019, KL, 0, 1, 2),
    (2020, KL, 1, 0, 2),
    (2017, CI, 1, 2, 0),
    (2018, CI, 0, 0, 1),
    (2019, CI, 1, 0, 1),
    (2020, CI, 0, 0, 1),
    (2017, SR, 0, 0, 0),
    (2018, SR, 0, 0, 0),
    (2019, SR, 0, 0, 1),
    (2020, SR, 1, 0, 1),
    (2017, "", 0, 0, 0),
    (2018, "", 0, 0, 0),
    (2019, "", 0, 1, 1),
    (2020, "", 0, 0, 1),
]


def _snapshot(day: dt.date, statuses: dict[str, str]) -> Snapshot:
    actions = tuple(SnapshotAction(key, "P", status, 2) for key, status in statuses.items())
    return Snapshot(day, (), actions, "register.xlsx", True)


HISTORY = (
    _snapshot(D(2018, 11, 1), {"1": VOLTOOID, "3": LOPEND, "5": LOPEND}),
    _snapshot(D(2019, 11, 1), {"3": VOLTOOID, "5": LOPEND, "6": LOPEND, "10": LOPEND}),
)


def _monitor() -> Monitor:
    actions = [
        action(row, "P", status, completed, id=key, themes=themes, start=start)
        for row, (key, status, themes, start, completed) in enumerate(ROWS, start=2)
    ]
    return compute_monitor(register(actions, headers=HEADERS), as_of=AS_OF, history=HISTORY)


def test_the_years_of_each_action():
    monitor = _monitor()
    found = action_years(monitor.register.actions, monitor.history, AS_OF)
    assert {a.id: span for a, span in zip(monitor.register.actions, found, strict=True)} == {
        key: ActionYears(*years) for key, years in EXPECTED_ACTIONS.items()
    }


def test_years_run_from_the_first_event_to_the_peildatum():
    report = year_report(_monitor())
    assert report.years == (2017, 2018, 2019, 2020)
    assert report.themes == (KL, CI, SR, "")  # first seen first, without a theme last


@pytest.mark.parametrize(("year", "theme", "completed", "started", "running"), EXPECTED)
def test_hand_counted(year, theme, completed, started, running):
    counts = year_report(_monitor()).row(year, theme)
    assert (counts.completed, counts.started, counts.running) == (completed, started, running)


def test_every_row_is_counted_by_hand():
    report = year_report(_monitor())
    rows = {(r.year, r.theme, r.completed, r.started, r.running) for r in report.rows}
    totals = {(r.year, r.theme, r.completed, r.started, r.running) for r in report.totals}
    assert rows | totals == set(EXPECTED)


def test_the_completed_actions_per_year_by_theme():
    report = year_report(_monitor())
    listed = {
        year: [(theme, [a.id for a in done]) for theme, done in lists]
        for year, lists in report.completed.items()
    }
    assert listed == {
        2017: [(KL, ["2"]), (CI, ["2"])],
        2018: [(KL, ["1"])],
        2019: [(CI, ["3"])],
        2020: [(KL, ["10"]), (SR, ["4"])],
    }


def test_the_json_years():
    data = years_json(year_report(_monitor()))
    assert [y["year"] for y in data] == [2017, 2018, 2019, 2020]
    last = data[-1]
    assert (last["completed"], last["started"], last["running_at_year_end"]) == (2, 0, 4)
    assert last["themes"][0] == {
        "theme": KL,
        "completed": 1,
        "started": 0,
        "running_at_year_end": 2,
    }
    assert last["completed_actions"] == [
        {"theme": KL, "actions": [{"id": "10", "action": "actie 11"}]},
        {"theme": SR, "actions": [{"id": "4", "action": "actie 5"}]},
    ]


def test_an_empty_register_has_the_peildatum_year_only():
    monitor = compute_monitor(register([], headers=HEADERS), as_of=AS_OF)
    report = year_report(monitor)
    assert report.years == (2020,)
    assert report.row(2020, None).completed == 0


def test_a_key_used_twice_is_not_matched_in_the_history():
    actions = [action(2, "P", VOLTOOID, id="3"), action(3, "P", VOLTOOID, id="3")]
    monitor = compute_monitor(register(actions, headers=HEADERS), as_of=AS_OF, history=HISTORY)
    spans = action_years(monitor.register.actions, monitor.history, AS_OF)
    assert [s.completed for s in spans] == [2020, 2020]  # not 2019: which of the two was it?


# --- The property ----------------------------------------------------------------------------

DATES = st.one_of(st.none(), st.dates(D(2015, 1, 1), D(2022, 12, 31)))
ROW = st.tuples(
    st.sampled_from(STATUSES),
    st.lists(st.sampled_from([KL, CI, SR]), max_size=3, unique=True),
    DATES,
    DATES,
)
SNAPSHOT = st.tuples(
    st.dates(D(2015, 1, 1), D(2020, 10, 31)),
    st.dictionaries(st.sampled_from([str(i) for i in range(12)]), st.sampled_from(STATUSES)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, max_size=12), st.lists(SNAPSHOT, max_size=3))
def test_each_completed_action_counts_in_exactly_one_year(rows, snapshots):
    actions = [
        action(row, "P", status, completed, id=str(row - 2), themes=tuple(themes), start=start)
        for row, (status, themes, start, completed) in enumerate(rows, start=2)
    ]
    history = [_snapshot(day, statuses) for day, statuses in snapshots]
    monitor = compute_monitor(register(actions, headers=HEADERS), as_of=AS_OF, history=history)
    report = year_report(monitor)
    done = [a for a in monitor.register.actions if a.status == VOLTOOID]
    assert sum(t.completed for t in report.totals) == len(done)
    listed = [
        a.id for lists in report.completed.values() for _, acts in lists for a in acts
    ]  # an action with several themes is listed under each, in one year
    for a in done:
        years = {y for y, lists in report.completed.items() for _, acts in lists if a in acts}
        assert len(years) == 1
        assert listed.count(a.id) == max(len(a.themes), 1)
    for theme in report.themes:
        mine = [a for a in done if (theme in a.themes) or (not theme and not a.themes)]
        assert sum(report.row(y, theme).completed for y in report.years) == len(mine)
    assert report.years[-1] == AS_OF.year
    for t in report.totals:
        assert t.running <= len(monitor.register.actions)
