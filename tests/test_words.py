"""The words are data: every label and message has its English in the code and a translation in
every language, with the same fields; counts choose their form."""

from __future__ import annotations

import string

import pytest

from mvi_xl.words import colours, i18n, labels, synonyms, terms
from mvi_xl.words.labels import Plural
from mvi_xl.words.terms import label_key


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(lang: str, context: str, text: str | Plural) -> list[tuple[str, set[str]]]:
    """Each form of a text in ``lang`` with the fields its English has."""
    if isinstance(text, Plural):
        return [
            (i18n.translate(lang, context, text, n), fields(english))
            for n, english in ((1, text.one), (5, text.other))
        ]
    return [(i18n.translate(lang, context, text), fields(text))]


@pytest.mark.parametrize("lang", terms.LANGUAGES)
def test_every_label_has_the_fields_of_its_english(lang: str):
    for key, text in labels.LABELS.items():
        for translated, english in forms(lang, key, text):
            assert translated, (lang, key)
            # a singular may leave out the count ("de enige zulke cel")
            assert fields(translated) <= english, (lang, key)
            if not isinstance(text, Plural):
                assert fields(translated) == english, (lang, key)


@pytest.mark.parametrize("lang", terms.LANGUAGES)
def test_every_message_has_the_fields_of_its_english(lang: str):
    for code, (text, hint) in i18n.MESSAGES.items():
        for translated, english in forms(lang, code, text):
            assert translated, (lang, code)
            assert fields(translated) <= english, (lang, code)
            if not isinstance(text, Plural):
                assert fields(translated) == english, (lang, code)
        translated_hint = i18n.translate(lang, i18n.hint_context(code), hint)
        assert bool(translated_hint) == bool(hint), (lang, code)
        assert fields(translated_hint) == fields(hint), (lang, code)


def test_keys_of_labels_and_messages_stay_apart():
    hints = {i18n.hint_context(code) for code in i18n.MESSAGES}
    assert not set(labels.LABELS) & set(i18n.MESSAGES)
    assert not (set(labels.LABELS) | set(i18n.MESSAGES)) & hints


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 1, "1 actie over de einddatum en niet voltooid"),
        ("nl", 3, "3 acties over de einddatum en niet voltooid"),
        ("nl", 0, "0 acties over de einddatum en niet voltooid"),
        ("en", 1, "1 action past its due date and not completed"),
        ("en", 3, "3 actions past their due date and not completed"),
    ],
)
def test_a_count_chooses_the_form(lang: str, n: int, expected: str):
    assert i18n.Words(lang).plural("signal.overdue", n) == expected


def test_a_message_that_counts_takes_the_form_of_its_count():
    assert i18n.message("nl", "total_rows", count=1, first="Totaal")[0] == (
        "1 totaalrij niet als actie geteld ('Totaal')"
    )
    assert i18n.message("nl", "total_rows", count=2, first="Totaal")[0] == (
        "2 totaalrijen niet als actie geteld (de eerste: 'Totaal')"
    )
    assert i18n.message("en", "busy", seconds=1, lock="x")[0].endswith("after 1 second")


def test_a_label_that_counts_is_asked_with_its_count():
    words = i18n.Words("nl")
    with pytest.raises(KeyError):
        words["signal.overdue"]
    with pytest.raises(TypeError):
        words.plural("sheet.monitor", 2)


def test_a_phrase_and_a_status_are_put_in_the_language_of_the_message():
    reason = i18n.Phrase("reason_os_busy")
    assert i18n.message("en", "unreadable", reason=reason)[0] == (
        "cannot read the register: the file is busy"
    )
    assert "het bestand is bezet" in i18n.message("nl", "unreadable", reason=reason)[0]
    _, hint = i18n.message(
        "en", "unknown_status", value="klar", suggestion="klaar", canonical="voltooid"
    )
    assert "(completed)" in hint


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.Words("fr")
    with pytest.raises(ValueError):
        i18n.message("de", "no_register")


@pytest.mark.parametrize("status", [*terms.STATUSES, terms.ONBEKEND])
def test_every_status_has_a_label_and_a_colour(status: str):
    for lang in terms.LANGUAGES:
        assert i18n.Words(lang).status(status)
    assert colours.STATUS_COLOURS[status].startswith("#")


def test_every_signal_has_a_label():
    for code in terms.SIGNALS:
        assert isinstance(labels.LABELS[f"signal.{code}"], Plural)
        assert isinstance(labels.LABELS[f"signal.short.{code}"], str)


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
