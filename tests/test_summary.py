"""The sentences for the college (mvi_xl/summary.py): counts of 0, 1 and many, in Dutch and
English, and from a computed monitor."""

from __future__ import annotations

import datetime as dt

import pytest

from mvi_xl.compute import compute_monitor
from mvi_xl.summary import SummaryCounts, sentences, summary_counts, summary_text
from mvi_xl.words.i18n import Words
from mvi_xl.words.terms import GEPLAND, LOPEND, VOLTOOID

from .test_compute import action, register

D = dt.date
SINCE = D(2018, 6, 1)

#: (counts, Dutch, English)
CASES = [
    (
        SummaryCounts(124, 81, SINCE, 4, 2),
        "Van de 124 acties zijn er 81 voltooid (65%). "
        "Sinds 01-06-2018 zijn 4 acties gerealiseerd; 2 acties lopen achter.",
        "Of the 124 actions, 81 are completed (65%). "
        "Since 01-06-2018, 4 actions have been realised; 2 actions are running late.",
    ),
    (
        SummaryCounts(1, 1, SINCE, 1, 1),
        "Van de 1 actie is er 1 voltooid (100%). "
        "Sinds 01-06-2018 is 1 actie gerealiseerd; 1 actie loopt achter.",
        "Of the 1 action, 1 is completed (100%). "
        "Since 01-06-2018, 1 action has been realised; 1 action is running late.",
    ),
    (
        SummaryCounts(3, 0, SINCE, 0, 0),
        "Van de 3 acties zijn er 0 voltooid (0%). "
        "Sinds 01-06-2018 zijn 0 acties gerealiseerd; 0 acties lopen achter.",
        "Of the 3 actions, 0 are completed (0%). "
        "Since 01-06-2018, 0 actions have been realised; 0 actions are running late.",
    ),
    (
        SummaryCounts(8, 1),  # nothing to compare with, no end dates: one sentence
        "Van de 8 acties is er 1 voltooid (13%).",  # 12.5% rounds half up
        "Of the 8 actions, 1 is completed (13%).",
    ),
    (
        SummaryCounts(2, 2, late=1),  # no since: only the late part
        "Van de 2 acties zijn er 2 voltooid (100%). 1 actie loopt achter.",
        "Of the 2 actions, 2 are completed (100%). 1 action is running late.",
    ),
    (
        SummaryCounts(5, 2, SINCE, 1),  # no end dates: only the realised part
        "Van de 5 acties zijn er 2 voltooid (40%). Sinds 01-06-2018 is 1 actie gerealiseerd.",
        "Of the 5 actions, 2 are completed (40%). Since 01-06-2018, 1 action has been realised.",
    ),
    (
        SummaryCounts(0, 0, SINCE, 0, 0),
        "Het register bevat nog geen acties.",
        "The register has no actions yet.",
    ),
]


@pytest.mark.parametrize(("counts", "nl", "en"), CASES)
def test_sentences(counts, nl, en):
    assert " ".join(sentences(counts, "nl")) == nl
    assert " ".join(sentences(counts, "en")) == en


@pytest.mark.parametrize(
    ("n", "nl", "en"),
    [(0, "0 acties", "0 actions"), (1, "1 actie", "1 action"), (81, "81 acties", "81 actions")],
)
def test_the_count_chooses_the_form(n: int, nl: str, en: str):
    assert Words("nl").plural("summary.actions", n) == nl
    assert Words("en").plural("summary.actions", n) == en


def test_from_a_monitor():
    """Two voltooid (one realised since 01-06-2018), one lopend past its end date, one gepland
    not yet due."""
    actions = [
        action(2, "P", VOLTOOID, D(2018, 3, 1)),
        action(3, "P", VOLTOOID, D(2018, 9, 1)),
        action(4, "P", LOPEND, end=D(2018, 8, 1)),
        action(5, "P", GEPLAND, end=D(2019, 6, 1)),
    ]
    headers = ("action", "period", "status", "completed", "end")
    monitor = compute_monitor(register(actions, headers=headers), as_of=D(2018, 11, 1), since=SINCE)
    assert summary_counts(monitor) == SummaryCounts(4, 2, SINCE, 1, 1)
    assert summary_text(monitor, "nl") == (
        "Van de 4 acties zijn er 2 voltooid (50%). "
        "Sinds 01-06-2018 is 1 actie gerealiseerd; 1 actie loopt achter."
    )


def test_since_without_a_snapshot_or_completion_dates_says_nothing_of_realised():
    actions = [action(2, "P", VOLTOOID), action(3, "P", LOPEND)]
    headers = ("action", "period", "status")
    monitor = compute_monitor(register(actions, headers=headers), as_of=D(2018, 11, 1), since=SINCE)
    assert summary_text(monitor, "en") == "Of the 2 actions, 1 is completed (50%)."
