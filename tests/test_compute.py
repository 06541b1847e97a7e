"""The computation: tables of cases and properties that must hold for any register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.compute import compute_monitor, period_order, realised_between, split_communications
from mvi_xl.config import Config
from mvi_xl.model import Action, Communication, PeriodCounts, Register, Snapshot
from mvi_xl.words.terms import ONBEKEND, STATUSES

D = dt.date
AS_OF = D(2018, 11, 1)


def action(row: int, period: str, status: str, completed: dt.date | None = None, **kw) -> Action:
    return Action(
        row=row,
        text=f"actie {row}",
        period=period,
        status=status,
        status_text=status,
        completed=completed,
        **kw,
    )


def register(actions, *, headers=("action", "period", "status", "completed"), **kw) -> Register:
    periods = []
    for a in actions:
        if a.period and a.period not in periods:
            periods.append(a.period)
    return Register(
        path=Path("register.xlsx"),
        kind="xlsx",
        sheet="Acties",
        header_row=1,
        headers={h: h for h in headers},
        columns={h: i for i, h in enumerate(headers)},
        actions=tuple(actions),
        periods=tuple(periods),
        **kw,
    )


def counts(monitor, period):
    return next(p for p in monitor.periods if p.period == period)


def test_reference_page_numbers():
    """The four periods of the real monitor page: 54/54, 27/23, 25/4 and 18 with 15 lopend."""
    spec = {
        "Wat doen we al goed?": {"voltooid": 54},
        "Aan de slag in 2017": {"voltooid": 23, "lopend": 2, "gepland": 1, "vervallen": 1},
        "Aan de slag in 2018-2020": {"voltooid": 4, "lopend": 9, "gepland": 12},
        "Actie doorlopend": {"lopend": 15, "gepland": 3},
    }
    actions = [
        action(i, period, status)
        for i, (period, status) in enumerate(
            (p, s) for p, by in spec.items() for s, n in by.items() for _ in range(n)
        )
    ]
    monitor = compute_monitor(register(actions), as_of=AS_OF)
    table = [
        (p.period, p.total, p.headline_status, p.headline, p.complete) for p in monitor.periods
    ]
    assert table == [
        ("Wat doen we al goed?", 54, "voltooid", 54, True),
        ("Aan de slag in 2017", 27, "voltooid", 23, False),
        ("Aan de slag in 2018-2020", 25, "voltooid", 4, False),
        ("Actie doorlopend", 18, "lopend", 15, False),
    ]
    assert monitor.total_actions == 124
    assert monitor.statuses == STATUSES  # no unknown column when every status is known


@pytest.mark.parametrize(
    ("by_status", "continuous", "complete"),
    [
        ({"voltooid": 3}, False, True),
        ({"voltooid": 2, "vervallen": 1}, False, True),
        ({"voltooid": 2, "lopend": 1}, False, False),
        ({"voltooid": 2, "gepland": 1}, False, False),
        ({"voltooid": 2, ONBEKEND: 1}, False, False),
        ({}, False, False),
        ({"lopend": 3}, True, True),
        ({"lopend": 2, "voltooid": 1}, True, True),
        ({"lopend": 2, "gepland": 1}, True, False),
    ],
)
def test_complete_tick(by_status, continuous, complete):
    full = {s: by_status.get(s, 0) for s in (*STATUSES, ONBEKEND)}
    assert PeriodCounts("P", continuous, full).complete is complete


@pytest.mark.parametrize(
    ("label", "configured", "continuous"),
    [
        ("Actie doorlopend", (), True),
        ("DOORLOPENDE acties", (), True),
        ("Structureel", ("structureel",), True),
        ("Aan de slag in 2017", (), False),
    ],
)
def test_continuous_periods(label, configured, continuous):
    monitor = compute_monitor(
        register([action(1, label, "lopend")]),
        as_of=AS_OF,
        config=Config(continuous_periods=configured),
    )
    assert monitor.periods[0].continuous is continuous
    assert monitor.periods[0].headline_status == ("lopend" if continuous else "voltooid")


def test_unknown_status_and_no_period_are_visible_buckets():
    actions = [action(1, "P", "voltooid"), action(2, "", "lopend"), action(3, "P", ONBEKEND)]
    monitor = compute_monitor(register(actions), as_of=AS_OF)
    assert [p.period for p in monitor.periods] == ["P", ""]
    assert monitor.statuses == (*STATUSES, ONBEKEND)
    assert counts(monitor, "P").by_status[ONBEKEND] == 1
    assert monitor.total_actions == 3


def test_configured_order_comes_first_even_when_empty():
    actions = [action(1, "B", "lopend"), action(2, "A", "lopend"), action(3, "", "lopend")]
    assert period_order(actions, ["B", "A"], ["a", "C"]) == ["A", "C", "B", ""]


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (None, [1, 2, 3]),
        (D(2018, 6, 1), [2, 3]),
        (D(2018, 7, 5), [3]),  # (since, as_of]: the since day itself is excluded
        (D(2018, 10, 31), [3]),
        (D(2018, 11, 1), []),
    ],
)
def test_realised_between(since, expected):
    actions = [
        action(1, "P", "voltooid", D(2018, 1, 15)),
        action(2, "P", "voltooid", D(2018, 7, 5)),
        action(3, "P", "voltooid", D(2018, 11, 1)),  # on the peildatum: included
        action(4, "P", "voltooid", D(2018, 11, 2)),  # after it: not yet
        action(5, "P", "lopend", D(2018, 8, 1)),  # not voltooid
        action(6, "P", "voltooid", None),
    ]
    assert [a.row for a in realised_between(actions, since, AS_OF)] == expected


def test_completion_after_the_peildatum_is_a_warning():
    monitor = compute_monitor(register([action(7, "P", "voltooid", D(2019, 1, 1))]), as_of=AS_OF)
    assert [(f.code, f.where) for f in monitor.findings] == [("completed_after_as_of", "Acties!D7")]


def test_communications_split_by_status_then_by_date():
    moments = [
        Communication("a", D(2018, 9, 1), "gerealiseerd"),
        Communication("b", D(2018, 9, 1), "gepland"),
        Communication("c", D(2018, 10, 1), ""),
        Communication("d", D(2019, 1, 1), ""),
        Communication("e", None, ""),
    ]
    realised, planned = split_communications(moments, AS_OF)
    assert [m.text for m in realised] == ["a", "c"]
    assert [m.text for m in planned] == ["b", "d", "e"]


def test_highlight_column_limits_the_page_lists():
    actions = [action(1, "P", "lopend", highlight=True), action(2, "P", "lopend", highlight=False)]
    monitor = compute_monitor(
        register(actions, headers=("action", "period", "status", "highlight")), as_of=AS_OF
    )
    assert monitor.highlight_only
    assert len(monitor.running) == 2  # the full list; the page filters


# --- Properties ------------------------------------------------------------------------------

periods = st.sampled_from(["Wat doen we al goed?", "Aan de slag in 2017", "Actie doorlopend", ""])
statuses = st.sampled_from([*STATUSES, ONBEKEND])
rows = st.lists(st.tuples(periods, statuses), max_size=60)


@given(rows)
def test_every_action_is_counted_exactly_once(pairs):
    monitor = compute_monitor(
        register([action(i, p, s) for i, (p, s) in enumerate(pairs)]), as_of=AS_OF
    )
    assert monitor.total_actions == len(pairs)
    assert sum(monitor.status_totals().values()) == len(pairs)
    for p in monitor.periods:
        assert p.total == sum(p.by_status.values())
        assert p.total == sum(1 for period, _ in pairs if period == p.period)
        assert 0 <= p.share <= 1


@given(rows, st.randoms(use_true_random=False))
def test_row_order_does_not_change_the_table(pairs, random):
    def table(ordered):
        monitor = compute_monitor(
            register([action(i, p, s) for i, (p, s) in enumerate(ordered)]), as_of=AS_OF
        )
        return {p.period: (p.by_status, p.continuous) for p in monitor.periods}

    shuffled = list(pairs)
    random.shuffle(shuffled)
    assert table(pairs) == table(shuffled)


def test_change_matches_a_period_spelled_otherwise_before():
    """The previous monitor wrote "2018 - 2020" where this register now says "2018-2020":
    the same period, so its change is the difference, not everything new."""
    before = PeriodCounts("Aan de slag in 2018 - 2020", False, {"voltooid": 1, "lopend": 2})
    earlier = Snapshot(as_of=D(2018, 6, 1), periods=(before,), actions=(), register="r.xlsx")
    now = [action(1, "Aan de slag in 2018-2020", "voltooid")] * 2 + [
        action(3, "Aan de slag in 2018-2020", "lopend")
    ]
    monitor = compute_monitor(register(now), as_of=AS_OF, history=[earlier])
    change = monitor.change(counts(monitor, "Aan de slag in 2018-2020"))
    assert change is not None
    assert (change["voltooid"], change["lopend"]) == (1, -1)


def test_one_spelling_per_department_and_theme():
    """The views count departments and themes with COUNTIFS on the Acties sheet, so every
    action carries its group's first spelling; other columns are left as typed."""
    typed = [
        ("Ruimte – Beheer", "Social Return"),
        ("Ruimte-beheer", "social  return"),
        ("Sociaal  domein", ""),
        ("Inkoop", "Circulair"),
        ("inkoop", "Circulair"),
    ]
    actions = [
        action(row, "P", "lopend", department=d, theme=t, owner=d)
        for row, (d, t) in enumerate(typed, 1)
    ]
    monitor = compute_monitor(
        register(actions, headers=("action", "period", "status", "department", "theme")),
        as_of=AS_OF,
    )
    got = [(a.department, a.theme) for a in monitor.register.actions]
    assert got == [
        ("Ruimte – Beheer", "Social Return"),
        ("Ruimte – Beheer", "Social Return"),
        ("Sociaal domein", ""),
        ("Inkoop", "Circulair"),
        ("Inkoop", "Circulair"),
    ]
    assert [a.owner for a in monitor.register.actions] == [d for d, _ in typed]
    assert [g.label for g in monitor.breakdowns["department"]] == [
        "Ruimte – Beheer",
        "Sociaal domein",
        "Inkoop",
    ]


def test_one_spelling_leaves_a_tidy_register_as_it_is():
    tidy = register([action(1, "P", "lopend", department="Inkoop", theme="Klimaat")])
    assert compute_monitor(tidy, as_of=AS_OF).register is tidy
