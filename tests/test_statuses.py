"""Statuses as people write them: spellings, remarks, percentages, and suggestions that never
cross meanings (issue #12, point 5). Tables of cases; the reader's wiring is at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.model import Finding
from mvi_xl.reader.header import Header
from mvi_xl.reader.table import RowParser
from mvi_xl.reader.values import (
    StatusMatcher,
    Synonyms,
    _distance,
    status_cell_text,
    typo_limit,
)
from mvi_xl.words import synonyms

from .conftest import HEADER, write_xlsx

MATCHER = StatusMatcher()


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        # the spellings of the issue, one by one
        ("Opgeleverd", "voltooid"),
        ("klaar", "voltooid"),
        ("Loopt", "lopend"),
        ("doorlopend", "lopend"),
        ("In voorbereiding", "gepland"),
        ("Nog op te starten", "gepland"),
        ("te starten", "gepland"),
        ("Uitgesteld", "gepland"),
        ("Geparkeerd", "gepland"),
        ("On hold", "gepland"),
        ("ON  HOLD", "gepland"),
        ("n.v.t.", "vervallen"),
        ("N.v.t", "vervallen"),
        ("nvt", "vervallen"),
        ("niet van toepassing", "vervallen"),
        # and more as they are written
        ("gedaan", "voltooid"),
        ("Loopt nog", "lopend"),
        ("postponed", "gepland"),
        ("n/a", "vervallen"),
    ],
)
def test_real_spellings(typed: str, status: str):
    assert MATCHER.match(typed) == status


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Afgerond (mei 2018)", "voltooid"),
        ("Afgerond (mei 2018", "voltooid"),  # a bracket never closed
        ("(mei 2018) afgerond", "voltooid"),
        ("Nog (echt) niet gestart", "gepland"),
        ("Gereed [zie notitie]", "voltooid"),
        ("Lopend (80%)", "lopend"),  # the status outside the brackets decides
        ("(afgerond)", "voltooid"),  # only the bracket holds anything: its content
        ("Afgerond ()", "voltooid"),
    ],
)
def test_a_remark_in_brackets_is_ignored(typed: str, status: str):
    assert MATCHER.match(typed) == status


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        # a time after the status
        ("Afgerond mei 2018", "voltooid"),
        ("Afgerond 2018", "voltooid"),
        ("Afgerond 05-07-2018", "voltooid"),
        ("Afgerond 5 juli 2018", "voltooid"),
        ("Afgerond eind 2018", "voltooid"),
        ("Afgerond Q3 2019", "voltooid"),
        ("Gereed sept. 2018", "voltooid"),
        ("Afgerond in mei 2018", "voltooid"),
        ("Afgerond op 5-7-2018", "voltooid"),
        ("Gepland voor Q3 2019", "gepland"),
        ("Gepland voor 2019/2020", "gepland"),
        # a remark word and anything after it
        ("Uitgesteld naar 2019", "gepland"),
        ("Uitgesteld tot nader order", "gepland"),
        ("Uitgesteld t/m 2020", "gepland"),
        ("Afgerond per 1 januari 2019", "voltooid"),
        ("Lopend sinds maart", "lopend"),
        ("Lopend vanaf 2018", "lopend"),
        ("Gestopt wegens gebrek aan budget", "vervallen"),
        ("Gestopt i.v.m. bezuinigingen", "vervallen"),
        ("Geparkeerd ivm reorganisatie", "gepland"),
        ("On hold tot 2020", "gepland"),
        ("Bezig met marktconsultatie", "lopend"),
        ("Postponed until 2019", "gepland"),
        ("Completed on 5-7-2018", "voltooid"),
        # a separator and anything that is no negation and no other status
        ("Afgerond - zie notitie", "voltooid"),
        ("Afgerond – zie notitie", "voltooid"),
        ("Afgerond: zie notitie", "voltooid"),
        ("Afgerond, zie notitie", "voltooid"),
        ("Afgerond. Zie notitie", "voltooid"),
        ("n.v.t. zie notitie", "vervallen"),
        ("Lopend; fase 2 start in 2019", "lopend"),
        ("Nog niet gestart, gepland voor 2019", "gepland"),  # the other words agree
    ],
)
def test_a_known_spelling_followed_by_a_remark(typed: str, status: str):
    assert MATCHER.match(typed) == status


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        # never by mere prefix: the rest changes the meaning
        ("niet gestart", "gepland"),
        ("Nog niet gestart", "gepland"),
        ("klaar voor start", "gepland"),  # ready to start: a spelling of gepland
        ("klaar voor de start", None),
        ("gereed voor aanbesteding", None),
        ("gereed voor uitvoering", None),
        ("nog niet afgerond", None),
        ("niet klaar", None),
        ("bijna klaar", None),
        ("Afgerond: nee", None),
        ("Afgerond. Nee", None),
        ("Afgerond - niet alles", None),
        ("Afgerond?", None),
        ("Afgerond/lopend", None),
        ("lopend / gepland", None),
        ("lopend - gepland", None),
        ("Gestart met", "lopend"),  # "met" is a remark word
        ("Openstaand", None),
        ("open vraag", None),
        ("Wacht op budget", None),
        ("", None),
        ("()", None),
    ],
)
def test_no_match_by_mere_prefix(typed: str, status: str | None):
    assert MATCHER.match(typed) == status


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("100%", "voltooid"),
        ("100,0%", "voltooid"),
        ("99%", "lopend"),
        ("50%", "lopend"),
        ("50 %", "lopend"),
        ("75,5%", "lopend"),
        ("75.5%", "lopend"),
        ("1%", "lopend"),
        ("0,5%", "lopend"),
        ("0%", "gepland"),
        ("0 %", "gepland"),
        ("50 procent", "lopend"),
        ("80% gereed", "lopend"),  # the percentage decides
        ("100% afgerond", "voltooid"),
        ("50% (schatting)", "lopend"),
        ("0% niet gestart", "gepland"),  # a negation, but the rest agrees
        ("100% niet gestart", None),  # a negation that disagrees
        ("50% niet gehaald", None),
        ("150%", None),
        ("1000%", None),
        ("- 50%", "lopend"),  # a leading dash is a bullet, as in "- afgerond"
        ("50", None),  # a bare number is not guessed at (see suggest)
    ],
)
def test_percentages_in_text(typed: str, status: str | None):
    assert MATCHER.match(typed) == status


@pytest.mark.parametrize(
    ("value", "shown", "status"),
    [
        # python-calamine hands a percentage cell over as its fraction
        (0.5, "50%", "lopend"),
        (1.0, "100%", "voltooid"),
        (1, "100%", "voltooid"),
        (0.0, "0%", "gepland"),
        (0, "0%", "gepland"),
        (0.755, "75,5%", "lopend"),
        (0.07, "7%", "lopend"),  # 7.000000000000001 as a float
        (0.12345, "12,35%", "lopend"),
        # any other number stays as typed, and is unknown
        (50.0, "50", None),
        (50, "50", None),
        (2019.0, "2019", None),
        (1.5, "1.5", None),
        (-0.5, "-0.5", None),
        (True, "TRUE", None),
        (None, "", None),
        (" Afgerond ", "Afgerond", "voltooid"),
        ("50%", "50%", "lopend"),
    ],
)
def test_status_cell_text(value: object, shown: str, status: str | None):
    assert status_cell_text(value) == shown
    assert MATCHER.match(shown) == status


def test_a_percentage_cell_reaches_mvi_xl_as_its_fraction(tmp_path: Path):
    """What the reader gets from python-calamine for a cell formatted as 0%."""
    import python_calamine
    import xlsxwriter

    path = tmp_path / "p.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_number(0, 0, 0.5, workbook.add_format({"num_format": "0%"}))
    workbook.close()
    value = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    [[cell]] = value.to_python()
    assert cell == 0.5 and status_cell_text(cell) == "50%"


# --- Suggestions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("Opgelevert", ("opgeleverd", "voltooid")),  # never geannuleerd
        ("Geparkeert", ("geparkeerd", "gepland")),  # never gereed
        ("afgerondd", ("afgerond", "voltooid")),
        ("Afgerond?", ("afgerond", "voltooid")),
        ("Afgrond (mei 2018)", ("afgerond", "voltooid")),  # the remark is left out
        ("gerealiseert", ("gerealiseerd", "voltooid")),
        ("uitgesteldt", ("uitgesteld", "gepland")),
        ("in voorbereding", ("in voorbereiding", "gepland")),
        ("klaar voor de start", ("klaar voor start", "gepland")),
        ("annuleerd", ("geannuleerd", "vervallen")),
        ("50", ("50%", "lopend")),  # a bare number: did you mean a percentage?
        ("100", ("100%", "voltooid")),
        ("0", ("0%", "gepland")),
        ("75,5", ("75,5%", "lopend")),
        ("1", None),  # 1% or 100%? no guess
        ("0,5", None),
        # nothing close, or close spellings that disagree: no suggestion
        ("Wacht op budget", None),
        ("xyz", None),
        ("ok", None),
        ("gestpt", None),  # gestopt (vervallen) and gestart (lopend) are both close
        ("nog niet afgerond", None),
        ("Afgerond: nee", None),
        ("150", None),
        ("2019", None),
    ],
)
def test_suggestions_never_cross_meanings(typed: str, suggestion):
    assert MATCHER.match(typed) is None
    assert MATCHER.suggest(typed) == suggestion


@pytest.mark.parametrize(
    ("one", "other", "edits"),
    [
        ("afgerond", "afgerond", 0),
        ("afgerondd", "afgerond", 1),  # one too many
        ("afgrond", "afgerond", 1),  # one missing
        ("afgerint", "afgerond", 2),
        ("afgeornd", "afgerond", 1),  # two neighbours swapped
        ("gestopt", "gestart", 2),
        ("geparkeerd", "gereed", 3),  # above the limit of 2: reported as 3
        ("wacht op budget", "gepland", 3),
    ],
)
def test_distance(one: str, other: str, edits: int):
    assert _distance(one, other, 2) == edits
    assert _distance(other, one, 2) == edits


@pytest.mark.parametrize(("length", "limit"), [(2, 0), (3, 1), (5, 1), (6, 2), (10, 2), (11, 3)])
def test_typo_limit(length: int, limit: int):
    assert typo_limit(length) == limit


def test_a_tie_goes_to_a_spelling_of_the_run_language():
    assert StatusMatcher(lang="nl").suggest("gestarted") == ("gestart", "lopend")
    assert StatusMatcher(lang="en").suggest("gestarted") == ("started", "lopend")


def test_the_organisations_own_spellings_win_and_take_remarks():
    statuses = StatusMatcher({"vervallen": ("Afgerond zonder resultaat",), "voltooid": ("Af",)})
    assert statuses.match("afgerond zonder resultaat") == "vervallen"
    assert statuses.match("Afgerond") == "voltooid"
    assert statuses.match("af (mei 2018)") == "voltooid"
    assert statuses.match("Af mei 2018") == "voltooid"
    assert statuses.suggest("Afgerond zonder resultat") == (
        "Afgerond zonder resultaat",
        "vervallen",
    )


def test_the_matcher_is_a_drop_in_for_synonyms():
    """``RowParser`` takes it where it takes ``Synonyms`` today."""
    assert isinstance(MATCHER, Synonyms)
    legacy = Synonyms(synonyms.STATUS_SYNONYMS)
    for names in synonyms.STATUS_SYNONYMS.values():
        for name in names:
            assert MATCHER.match(name) == legacy.match(name)


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("nl", "Bedoelt u 'opgeleverd' (voltooid)? Pas de cel aan"),
        ("en", "Did you mean 'opgeleverd' (completed)? Fix the cell"),
    ],
)
def test_the_suggestion_shows_the_status_in_the_run_language(lang: str, hint: str):
    spelling, canonical = MATCHER.suggest("Opgelevert")
    finding = Finding(
        "unknown_status",
        "Acties!D2",
        {"value": "Opgelevert", "suggestion": spelling, "canonical": canonical},
    )
    assert finding.render(lang)[1].startswith(hint)


# --- Properties -------------------------------------------------------------------------------

SPELLINGS = [
    (name, status)
    for status, by_lang in synonyms.STATUS_SPELLINGS.items()
    for names in by_lang.values()
    for name in names
]
REMARKS = st.text(st.characters(blacklist_characters="()[]", blacklist_categories=("Cs",)))


@given(
    st.sampled_from(SPELLINGS),
    REMARKS,
    st.sampled_from(["{s} ({r})", "({r}) {s}", "{s}({r})", "{s} [{r}]", "{s} ({r}"]),
    st.sampled_from([str.lower, str.upper, str.title, str]),
)
def test_any_known_spelling_with_any_bracketed_remark_matches_its_status(
    spelling, remark, form, case
):
    name, status = spelling
    assert MATCHER.match(form.format(s=case(name), r=remark)) == status


@given(st.sampled_from(SPELLINGS), st.integers(2000, 2030), st.sampled_from(["mei ", "", "5-7-"]))
def test_any_known_spelling_followed_by_a_date_matches_its_status(spelling, year, prefix):
    name, status = spelling
    assert MATCHER.match(f"{name} {prefix}{year}") == status


@given(st.floats(0, 1))
def test_every_fraction_reads_as_the_percentage_excel_shows(value: float):
    percent = round(value * 100, 2)
    expected = "voltooid" if percent == 100 else "gepland" if percent == 0 else "lopend"
    assert MATCHER.match(status_cell_text(value)) == expected


# --- Wiring into the reader -------------------------------------------------------------------


def test_row_parser_takes_the_matcher():
    header = Header(
        0,
        {name: i for i, name in enumerate(("id", "action", "period", "status"))},
        {"id": "Nr", "action": "Actie", "period": "Periode", "status": "Status"},
    )
    rows = [
        ["Nr", "Actie", "Periode", "Status"],
        ["1", "a", "2019", "Afgerond (mei 2018)"],
        ["2", "b", "2019", "Uitgesteld naar 2019"],
        ["3", "c", "2019", "Opgelevert"],
        ["4", "d", "2019", "75,5%"],
    ]
    parsed = RowParser(header, "Acties", StatusMatcher()).parse(rows)
    assert [a.status for a in parsed.actions] == ["voltooid", "gepland", "onbekend", "lopend"]
    [finding] = parsed.findings
    assert finding.params["suggestion"] == "opgeleverd"
    assert finding.render("en")[1].startswith("Did you mean 'opgeleverd' (completed)?")


def test_the_reader_reads_statuses_as_written(tmp_path: Path):
    from mvi_xl.reader import read_register

    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["1", "a", "2019", "Afgerond (mei 2018)", None],
            ["2", "b", "2019", 0.5, None],
            ["3", "c", "2019", "Opgelevert", None],
        ],
        header=HEADER,
    )
    register = read_register(path)
    assert [a.status for a in register.actions] == ["voltooid", "lopend", "onbekend"]
    assert register.actions[1].status_text == "50%"
    [finding] = register.findings
    assert finding.render("nl")[1].startswith("Bedoelt u 'opgeleverd' (voltooid)?")
