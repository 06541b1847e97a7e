"""The vocabulary is data: every language has every label and message, with the same fields."""

from __future__ import annotations

import string

import pytest

from mvi_xl.words import colours, i18n, labels, synonyms, terms
from mvi_xl.words.terms import label_key


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_in_every_language():
    nl, en = labels.LABELS["nl"], labels.LABELS["en"]
    assert set(nl) == set(en)
    for key in nl:
        assert fields(nl[key]) == fields(en[key]), key


def test_every_message_in_every_language():
    nl, en = i18n.MESSAGES["nl"], i18n.MESSAGES["en"]
    assert set(nl) == set(en)
    for key in nl:
        for dutch, english in zip(nl[key], en[key], strict=True):
            assert fields(dutch) == fields(english), key


@pytest.mark.parametrize("status", [*terms.STATUSES, terms.ONBEKEND])
def test_every_status_has_a_label_and_a_colour(status: str):
    for lang in terms.LANGUAGES:
        assert i18n.Words(lang).status(status)
    assert colours.STATUS_COLOURS[status].startswith("#")


def test_every_signal_has_a_label():
    for lang in terms.LANGUAGES:
        for code in terms.SIGNALS:
            assert f"signal.{code}" in labels.LABELS[lang]


def test_status_synonyms_do_not_overlap():
    seen: dict[str, str] = {}
    for status, names in synonyms.STATUS_SYNONYMS.items():
        for name in names:
            key = terms.status_key(name)
            assert seen.setdefault(key, status) == status, name


def test_header_synonyms_do_not_overlap():
    seen: dict[str, str] = {}
    for field, names in synonyms.HEADER_SYNONYMS.items():
        for name in names:
            key = terms.header_key(name)
            assert seen.setdefault(key, field) == field, name


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Aan de slag in 2022-2023", "aan de slag in 2022 – 2023", True),
        ("2018 - 2020", "2018-2020", True),
        ("2018—2020", "2018 ‑ 2020", True),  # em dash, non-breaking hyphen
        ("Q1 / Q2", "q1/q2", True),
        ("Sociaal  domein", " sociaal domein", True),
        ("Aan de slag in 2022", "Aan de slag in 2023", False),
        ("Aan de slag in 2022-2023", "Aan de slag in 2022 2023", False),
        ("Aan de slag in 2022/2023", "Aan de slag in 2022-2023", False),
    ],
)
def test_label_key_merges_spellings_of_one_label(one: str, other: str, same: bool):
    assert (label_key(one) == label_key(other)) is same
