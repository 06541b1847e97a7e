"""Single cells: text, dates, flags, statuses and header names, as tables of cases."""

from __future__ import annotations

import datetime as dt

import pytest

from mvi_xl.cells import cell_ref, column_letter, quote_sheet
from mvi_xl.reader.values import (
    BadDate,
    HeaderMatcher,
    Synonyms,
    cell_text,
    parse_date,
    parse_flag,
)
from mvi_xl.words import synonyms

D = dt.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3.80", "3.80"),
        (12.0, "12"),
        (12, "12"),
        (3.8, "3.8"),
        ("  Actie met spaties  ", "Actie met spaties"),
        (None, ""),
        ("", ""),
        (D(2018, 7, 5), "05-07-2018"),
        (dt.datetime(2018, 7, 5), "05-07-2018"),
        (dt.datetime(2018, 7, 5, 14, 30), "05-07-2018 14:30"),
        (True, "TRUE"),
        ('=HYPERLINK("x")', '=HYPERLINK("x")'),
    ],
)
def test_cell_text(value, expected):
    assert cell_text(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2018, 7, 5), D(2018, 7, 5)),
        (dt.datetime(2018, 7, 5, 13, 0), D(2018, 7, 5)),
        ("5-7-2018", D(2018, 7, 5)),
        ("05-07-2018", D(2018, 7, 5)),
        ("2018-07-05", D(2018, 7, 5)),
        ("5/7/2018", D(2018, 7, 5)),
        ("5.7.2018", D(2018, 7, 5)),
        ("5-7-18", D(2018, 7, 5)),
        (" 05-07-2018 ", D(2018, 7, 5)),
        ("05-07-2018 00:00:00", D(2018, 7, 5)),
        ("2018-07-05T10:00", D(2018, 7, 5)),
        ("5 juli 2018", D(2018, 7, 5)),
        ("5 jul. 2018", D(2018, 7, 5)),
        ("1 maart 2019", D(2019, 3, 1)),
        ("12 October 2020", D(2020, 10, 12)),
        (43286, D(2018, 7, 5)),
        (43286.0, D(2018, 7, 5)),
        ("43286", D(2018, 7, 5)),
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "31-02-2018",
        "2018-13-01",
        "morgen",
        "Q3 2018",
        "5 brumaire 2018",
        2018,
        2018.0,
        -5,
        True,
        "00-00-0000",
        float("nan"),
        1e12,
    ],
)
def test_parse_date_rejects(value):
    with pytest.raises(BadDate):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", True),
        ("Ja ", True),
        ("x", True),
        ("yes", True),
        (True, True),
        (1, True),
        ("nee", False),
        ("", False),
        (None, False),
        (False, False),
        (0, False),
        ("misschien", None),
        (7, None),
    ],
)
def test_parse_flag(value, expected):
    assert parse_flag(value) is expected


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Voltooid", "voltooid"),
        ("afgerond", "voltooid"),
        ("Gereed ", "voltooid"),
        ("gerealiseerd", "voltooid"),
        ("KLAAR", "voltooid"),
        ("done", "voltooid"),
        ("completed", "voltooid"),
        ("lopend", "lopend"),
        ("In uitvoering", "lopend"),
        ("in  uitvoering", "lopend"),
        ("bezig", "lopend"),
        ("gestart", "lopend"),
        ("in progress", "lopend"),
        ("ongoing", "lopend"),
        ("gepland", "gepland"),
        ("Nog niet gestart", "gepland"),
        ("niet gestart", "gepland"),
        ("open", "gepland"),
        ("te doen", "gepland"),
        ("planned", "gepland"),
        ("not started", "gepland"),
        ("todo", "gepland"),
        ("vervallen", "vervallen"),
        ("geannuleerd", "vervallen"),
        ("gestopt", "vervallen"),
        ("ingetrokken", "vervallen"),
        ("cancelled", "vervallen"),
        ("Afgerond.", "voltooid"),
    ],
)
def test_status_synonyms(typed, status):
    assert Synonyms(synonyms.STATUS_SYNONYMS).match(typed) == status


def test_status_unknown_suggests_the_closest_spelling():
    statuses = Synonyms(synonyms.STATUS_SYNONYMS)
    assert statuses.match("afgerondd") is None
    assert statuses.suggest("afgerondd") == ("afgerond", "voltooid")
    assert statuses.suggest("xyz") is None


def test_configured_status_synonyms_extend_the_vocabulary():
    statuses = Synonyms(synonyms.STATUS_SYNONYMS, {"voltooid": ("Opgeleverd",)})
    assert statuses.match("opgeleverd") == "voltooid"
    assert statuses.match("afgerond") == "voltooid"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Actie", "action"),
        ("Omschrijving", "action"),
        ("Maatregel", "action"),
        ("Activiteit", "action"),
        ("Action", "action"),
        ("Description", "action"),
        ("Periode", "period"),
        ("Planning", "period"),
        ("Categorie", "period"),
        ("Fase", "period"),
        ("Period", "period"),
        ("Category", "period"),
        ("Status", "status"),
        ("Stand", "status"),
        ("State", "status"),
        ("STATUS ", "status"),
        ("Status (gepland/lopend/voltooid)", "status"),
        ("Nr", "id"),
        ("Nr.", "id"),
        ("Nummer", "id"),
        ("ID", "id"),
        ("Actienummer", "id"),
        ("Thema", "theme"),
        ("MVI-thema", "theme"),
        ("mvi thema", "theme"),
        ("Theme", "theme"),
        ("Afdeling", "department"),
        ("Team", "department"),
        ("Directie", "department"),
        ("Department", "department"),
        ("Eigenaar", "owner"),
        ("Trekker", "owner"),
        ("Verantwoordelijke", "owner"),
        ("Budgethouder", "owner"),
        ("Owner", "owner"),
        ("Startdatum", "start"),
        ("Start", "start"),
        ("Begindatum", "start"),
        ("Einddatum", "end"),
        ("Deadline", "end"),
        ("Due date", "end"),
        ("Datum gereed", "completed"),
        ("Gereed op", "completed"),
        ("Afgerond op", "completed"),
        ("Datum voltooid", "completed"),
        ("Gerealiseerd op", "completed"),
        ("Completed", "completed"),
        ("Toelichting", "notes"),
        ("Opmerking", "notes"),
        ("Opmerkingen", "notes"),
        ("Notes", "notes"),
        ("Voortgang", "progress"),
        ("Op monitor", "highlight"),
        ("Uitgelicht", "highlight"),
        ("Datum_gereed", "completed"),
        ("datum-gereed", "completed"),
        ("Thémá", "theme"),
    ],
)
def test_header_names(header, field):
    assert HeaderMatcher().match(header)[0] == field


@pytest.mark.parametrize("cell", ["", None, 12, "Budget", "Acties totaal"])
def test_header_non_matches(cell):
    assert HeaderMatcher().match(cell) is None


def test_configured_header_names():
    matcher = HeaderMatcher({"action": ("Wat gaan we doen",)})
    assert matcher.match("Wat gaan we doen?") == ("action", 0)


@pytest.mark.parametrize(
    ("index", "letter"),
    [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16383, "XFD")],
)
def test_column_letter(index, letter):
    assert column_letter(index) == letter


@pytest.mark.parametrize(
    ("sheet", "quoted"),
    [
        ("Acties", "Acties"),
        ("Blad1", "Blad1"),
        ("Mijn acties", "'Mijn acties'"),
        ("Plan '25", "'Plan ''25'"),
        ("2018", "'2018'"),
        ("Actieplan 2017-2020", "'Actieplan 2017-2020'"),
        ("Één", "'Één'"),
    ],
)
def test_quote_sheet(sheet, quoted):
    assert quote_sheet(sheet) == quoted


def test_cell_ref():
    assert cell_ref("Acties", 16, 6) == "Acties!G17"
    assert cell_ref(None, 0, 0) == "A1"
