"""Periods in a stable order, and the day a period ends (issue #12, point 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.compute import compute_monitor, period_order
from mvi_xl.config import Config, SignalSettings
from mvi_xl.model import Action, Register
from mvi_xl.periods import year_label_span
from mvi_xl.signals import period_end
from mvi_xl.words.terms import label_key

D = dt.date


def action(row: int, period: str, status: str = "lopend") -> Action:
    return Action(row=row, text=f"Actie {row}", period=period, status=status, status_text=status)


def register(actions: list[Action]) -> Register:
    seen = list(dict.fromkeys(a.period for a in actions if a.period))
    return Register(
        path=Path("r.xlsx"),
        kind="xlsx",
        sheet="Acties",
        header_row=1,
        headers={"action": "Actie", "period": "Periode", "status": "Status"},
        columns={"action": 0, "period": 1, "status": 2},
        actions=tuple(actions),
        periods=tuple(seen),
    )


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("2020 - 2022", D(2020, 1, 1), D(2022, 12, 31)),
        ("2020–2022", D(2020, 1, 1), D(2022, 12, 31)),
        ("2020-2022", D(2020, 1, 1), D(2022, 12, 31)),
        ("2019/2020", D(2019, 1, 1), D(2020, 12, 31)),
        ("2018-20", D(2018, 1, 1), D(2020, 12, 31)),
        ("2019/20", D(2019, 1, 1), D(2020, 12, 31)),
        ("2019 t/m 2022", D(2019, 1, 1), D(2022, 12, 31)),
        ("Q3 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("q3 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("2019 Q3", D(2019, 7, 1), D(2019, 9, 30)),
        ("Q3-2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("2019-Q3", D(2019, 7, 1), D(2019, 9, 30)),
        ("3e kwartaal 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("derde kwartaal 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("kwartaal 3 2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("2019 kwartaal 4", D(2019, 10, 1), D(2019, 12, 31)),
        ("4th quarter 2019", D(2019, 10, 1), D(2019, 12, 31)),
        ("Q1 2020", D(2020, 1, 1), D(2020, 3, 31)),
        ("H1 2020", D(2020, 1, 1), D(2020, 6, 30)),
        ("2020 H2", D(2020, 7, 1), D(2020, 12, 31)),
        ("1e helft 2020", D(2020, 1, 1), D(2020, 6, 30)),
        ("eerste helft 2020", D(2020, 1, 1), D(2020, 6, 30)),
        ("Tweede helft 2020", D(2020, 7, 1), D(2020, 12, 31)),
        ("first half 2020", D(2020, 1, 1), D(2020, 6, 30)),
        ("Q3 2019 - Q2 2020", D(2019, 7, 1), D(2020, 6, 30)),
        ("Q1/Q2 2020", D(2020, 1, 1), D(2020, 6, 30)),
        ("Jaar 2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("Periode 2020-2022", D(2020, 1, 1), D(2022, 12, 31)),
        ("2019 (uitloop)", D(2019, 1, 1), D(2019, 12, 31)),  # a remark in brackets
        ("Q1 2020", D(2020, 1, 1), D(2020, 3, 31)),
        ("Q4 2020", D(2020, 10, 1), D(2020, 12, 31)),
    ],
)
def test_year_labels(label: str, start: dt.date, end: dt.date):
    span = year_label_span(label)
    assert span is not None and (span.start, span.end) == (start, end)
    assert period_end(label) == end


@pytest.mark.parametrize(
    ("label", "end"),
    [
        # not a year label: they keep their place in order of first appearance
        ("Aan de slag in 2017", D(2017, 12, 31)),
        ("Aan de slag in 2018-2020", D(2020, 12, 31)),
        ("Aan de slag in Q3 2019", D(2019, 9, 30)),  # ends at its quarter all the same
        ("Fase 2019/20", D(2020, 12, 31)),
        ("Wat doen we al goed?", None),
        ("Actie doorlopend", None),
        ("2019-05", D(2019, 12, 31)),  # a range backwards: not a range
        ("2020-2019", D(2020, 12, 31)),
        ("H3 2020", D(2020, 12, 31)),  # no such half; the year is named
        ("Q5 2020", D(2020, 12, 31)),
        ("Thema 12", None),
        ("", None),
    ],
)
def test_other_labels_are_no_year_labels(label: str, end):
    assert year_label_span(label) is None
    assert period_end(label) == end


EXAMPLE = ["Wat doen we al goed?", "Aan de slag in 2017", "Aan de slag in 2018-2020"]


@pytest.mark.parametrize(
    ("seen", "configured", "continuous", "expected"),
    [
        # the bundled example's own order stays as it is
        ([*EXAMPLE, "Actie doorlopend"], [], [], [*EXAMPLE, "Actie doorlopend"]),
        (["Actie doorlopend", *EXAMPLE], [], [], [*EXAMPLE, "Actie doorlopend"]),
        # years and ranges by first year, whatever comes first in the register
        (["2021", "2019", "2020 - 2022"], [], [], ["2019", "2020 - 2022", "2021"]),
        (["2019-2021", "2019", "2018-20"], [], [], ["2018-20", "2019", "2019-2021"]),
        # quarters and halves in order within their year, after the whole year
        (
            ["Q4 2019", "H2 2019", "2019", "Q1 2019", "H1 2019", "Q3 2019", "Q2 2019"],
            [],
            [],
            ["2019", "Q1 2019", "H1 2019", "Q2 2019", "Q3 2019", "H2 2019", "Q4 2019"],
        ),
        (["1e helft 2020", "Q3-2019", "2019 Q4"], [], [], ["Q3-2019", "2019 Q4", "1e helft 2020"]),
        # year labels before the others, continuous ones last
        (
            ["Actie doorlopend", "Wat doen we al goed?", "2020", "Aan de slag in 2017", "2019"],
            [],
            [],
            ["2019", "2020", "Wat doen we al goed?", "Aan de slag in 2017", "Actie doorlopend"],
        ),
        # configured periods first, in config order, also a year label or a continuous one
        (
            ["Structureel", "2019", "2020"],
            ["2020", "Nieuw"],
            [],
            ["2020", "Nieuw", "2019", "Structureel"],
        ),
        (
            ["Structureel", "2019", "B", "Actie doorlopend"],
            [],
            ["structureel"],
            ["2019", "B", "Structureel", "Actie doorlopend"],
        ),
        (["Actie doorlopend", "2019"], ["Actie doorlopend"], [], ["Actie doorlopend", "2019"]),
        # equal spans: the label decides, not the register's order
        (["2019-2020", "2019/2020"], [], [], ["2019-2020", "2019/2020"]),
        (["2019/2020", "2019-2020"], [], [], ["2019-2020", "2019/2020"]),
    ],
)
def test_period_order(seen, configured, continuous, expected):
    actions = [action(i, label) for i, label in enumerate(seen, start=1)]
    assert period_order(actions, seen, configured, continuous) == expected


def test_actions_without_a_period_come_last():
    actions = [action(1, "Actie doorlopend"), action(2, ""), action(3, "2019")]
    assert period_order(actions, ["Actie doorlopend", "2019"], []) == [
        "2019",
        "Actie doorlopend",
        "",
    ]


def test_the_monitor_orders_its_periods_so():
    actions = [action(1, "Doorlopend"), action(2, "Q2 2020"), action(3, "2019"), action(4, "")]
    config = Config(continuous_periods=())
    monitor = compute_monitor(register(actions), as_of=D(2020, 1, 1), config=config)
    assert [p.period for p in monitor.periods] == ["2019", "Q2 2020", "Doorlopend", ""]
    assert [p.continuous for p in monitor.periods] == [False, False, True, False]


@pytest.mark.parametrize(
    ("label", "as_of", "raised"),
    [
        # Q3 2019 ends on 30-09-2019: within 6 months from April on, not in March
        ("Q3 2019", D(2019, 3, 15), False),
        ("Q3 2019", D(2019, 4, 1), True),
        ("2019", D(2019, 6, 15), False),  # ends on 31-12-2019: still more than 6 months
        ("2019", D(2019, 7, 1), True),
        ("H1 2020", D(2020, 1, 1), True),  # ends on 30-06-2020
        ("H1 2020", D(2019, 12, 31), False),
        ("Actie doorlopend", D(2030, 1, 1), False),  # never ends
    ],
)
def test_period_ending_signal_ends_at_the_quarter(label: str, as_of: dt.date, raised: bool):
    actions = [action(1, label, "gepland"), action(2, label)]
    monitor = compute_monitor(
        register(actions), as_of=as_of, config=Config(signals=SignalSettings())
    )
    codes = [s.code for s in monitor.signals]
    assert ("period_ending" in codes) is raised


# --- Properties -------------------------------------------------------------------------------

YEARS = st.integers(2015, 2030)
YEAR_LABELS = st.one_of(
    YEARS.map(str),
    st.tuples(YEARS, st.integers(0, 4), st.sampled_from(["{a}-{b}", "{a} - {b}", "{a}/{b}"])).map(
        lambda t: t[2].format(a=t[0], b=t[0] + t[1])
    ),
    st.tuples(YEARS, st.integers(1, 3)).map(lambda t: f"{t[0]}-{(t[0] + t[1]) % 100:02d}"),
    st.tuples(
        YEARS,
        st.integers(1, 4),
        st.sampled_from(["Q{q} {y}", "{y} Q{q}", "Q{q}-{y}", "{q}e kwartaal {y}"]),
    ).map(lambda t: t[2].format(y=t[0], q=t[1])),
    st.tuples(
        YEARS, st.integers(1, 2), st.sampled_from(["H{h} {y}", "{h}e helft {y}", "{y} H{h}"])
    ).map(lambda t: t[2].format(y=t[0], h=t[1])),
)


@given(st.lists(YEAR_LABELS, min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_the_order_of_year_labels_does_not_depend_on_the_order_of_the_actions(labels, random):
    actions = [action(i, label) for i, label in enumerate(labels, start=1)]
    shuffled = actions[:]
    random.shuffle(shuffled)

    def order(rows: list[Action]) -> list[str]:
        seen = list(dict.fromkeys(a.period for a in rows))
        return period_order(rows, seen, [])

    # two spellings of one period ("2015-2016", "2015 - 2016") are one, shown as first met:
    # the order of the periods, not the spelling shown, is what may not depend on the rows
    assert [label_key(p) for p in order(actions)] == [label_key(p) for p in order(shuffled)]
    assert sorted(map(label_key, order(actions))) == sorted(set(map(label_key, labels)))
    spans = [year_label_span(label) for label in order(actions)]
    firsts = [span.start.year for span in spans]
    assert firsts == sorted(firsts)
