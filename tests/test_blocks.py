"""Which rows are actions: a table of rows as staff write them under and between the actions.

Each case is a sheet (header on row 1) and, counted by hand, the rows that are actions and the
warnings that name the rest. A Hypothesis property then puts headings, total rows, blank rows
and a notes block around any set of actions: the count is always the actions', once each.
"""

from __future__ import annotations

import io

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mvi_xl.reader import parse_register
from mvi_xl.reader.blocks import is_notes_label, is_total_label
from mvi_xl.reader.header import find_header
from mvi_xl.reader.table import RowParser, SheetContext
from mvi_xl.reader.values import HeaderMatcher, Synonyms
from mvi_xl.words import synonyms

HEADER = ["Nr", "Actie", "Periode", "Status", "Trekker"]
A = ["1", "Papier", "2019", "voltooid", "Piet"]
B = ["2", "Koffie", "2019", "lopend", "Ans"]
C = ["3", "Textiel", "2020", "gepland", "Kees"]


def parse(rows, count_rows=frozenset()):
    sheet = [HEADER, *rows]
    header, _ = find_header(sheet, "Acties", HeaderMatcher())
    context = SheetContext(count_rows=set(count_rows))
    statuses = Synonyms(synonyms.STATUS_SYNONYMS)
    return RowParser(header, "Acties", statuses, context).parse(sheet)


CASES = {
    "a heading in the first column": (
        [["Wat doen we al goed?"], A, B, ["Aan de slag in 2020"], C],
        ["1", "2", "3"],
        ["section_rows"],
    ),
    "a heading in the action column": (
        [[None, "Thema Klimaat"], A, B],
        ["1", "2"],
        ["section_rows"],
    ),
    "a status word alone is an action without text": (
        [A, [None, None, None, "lopend"]],
        ["1", ""],
        ["empty_action", "empty_period"],
    ),
    "a row with only a number": ([A, ["2"], ["3"]], ["1"], ["number_rows"]),
    "a total label beside numbers": ([A, B, ["Totaal", None, None, 2]], ["1", "2"], ["total_rows"]),
    "waarvan afgerond": ([A, B, [None, "waarvan afgerond", None, 1]], ["1", "2"], ["total_rows"]),
    "a count with its number in the text": ([A, ["Aantal acties: 2"]], ["1"], ["total_rows"]),
    "an action text that starts like a count": (
        [A, [None, "Aantal leveranciers met de CO2-ladder verhogen", "2020"]],
        ["1", ""],
        ["empty_status"],
    ),
    "numbers in two cells": ([A, B, [None, None, 2, 2]], ["1", "2"], ["total_rows"]),
    "a notes block after a blank row": (
        [A, B, [], ["Toelichting: stand per 1 november"], ["Bron: eigen overzicht"]],
        ["1", "2"],
        ["notes_rows"],
    ),
    "a legend of two columns after a heading": (
        [A, B, ["Legenda"], ["groen", "op schema"], ["rood", "loopt achter"]],
        ["1", "2"],
        ["notes_rows"],
    ),
    "a draft action right under the last one counts": (
        [A, B, ["9", "Nieuwe actie"]],
        ["1", "2", "9"],
        ["empty_period", "empty_status"],
    ),
    "a draft after a blank row is a note, said so": (
        [A, B, [], ["9", "Nieuwe actie"]],
        ["1", "2"],
        ["notes_rows"],
    ),
    "a period but no status after a blank row still counts": (
        [A, [], ["9", "Nieuwe actie", "2021"]],
        ["1", "9"],
        ["empty_status"],
    ),
    "only action texts: they are the actions": (
        [[None, "Papier"], [None, "Koffie"]],
        ["", ""],
        ["empty_period", "empty_status"],
    ),
    "a repeated header between blocks": ([A, HEADER, B], ["1", "2"], ["repeated_header"]),
    "text outside the columns only": (
        [A, [None] * 6 + ["zie notitie"], B],
        ["1", "2"],
        ["stray_row"],
    ),
}


@pytest.mark.parametrize("rows, ids, codes", CASES.values(), ids=list(CASES))
def test_rows_that_are_actions(rows, ids, codes):
    parsed = parse(rows)
    assert [a.id for a in parsed.actions] == ids
    found = [f.code for f in parsed.findings]
    assert set(codes) <= set(found), found
    assert not {"section_rows", "total_rows", "notes_rows", "number_rows"} - set(codes) & set(
        found
    ), found


def test_a_counting_formula_marks_a_total_row():
    """Row 4 holds =COUNTA(...) in the status column (the sheet scan says so): not an action,
    even without a label; a counting formula beside an action text is an action's own."""
    parsed = parse([A, B, [None, None, None, 2]], count_rows={3})
    assert [a.id for a in parsed.actions] == ["1", "2"]
    assert [f.code for f in parsed.findings] == ["total_rows"]
    parsed = parse([A, [*B[:4], 2]], count_rows={2})
    assert [a.id for a in parsed.actions] == ["1", "2"]


def test_sections_are_carried_and_named():
    parsed = parse([["Wat doen we al goed?"], A, B, [None, "Thema  Klimaat"], C])
    assert [a.section for a in parsed.actions] == [
        "Wat doen we al goed?",
        "Wat doen we al goed?",
        "Thema Klimaat",
    ]
    (finding,) = [f for f in parsed.findings if f.code == "section_rows"]
    assert finding.where == "Acties!2:2, 5:5"
    assert finding.params == {"count": 2, "first": "Wat doen we al goed?"}


@pytest.mark.parametrize(
    "text, total",
    [
        ("Totaal", True),
        ("TOTAAL:", True),
        ("Subtotaal Klimaat", True),
        ("waarvan afgerond", True),
        ("Total", True),
        ("Totaalplan duurzaam inkopen", False),
        ("Aantal acties", False),  # only beside a number
        ("Tot slot: evaluatie", False),
    ],
)
def test_total_labels(text, total):
    assert is_total_label(text) is total


@pytest.mark.parametrize(
    "text, notes",
    [
        ("Toelichting:", True),
        ("Legenda", True),
        ("Bron: eigen inventarisatie", True),
        ("NB: stand per juni", True),
        ("* zie het collegebesluit", True),
        ("Bronnen", True),
        ("Bronbeleid afstemmen", False),
        ("Notitie schrijven", False),
    ],
)
def test_notes_labels(text, notes):
    assert is_notes_label(text) is notes


# --- a property: whatever surrounds the actions, each counts once -----------------------------

action = st.tuples(
    st.sampled_from(["Aan de slag in 2019", "Aan de slag in 2020", "Actie doorlopend"]),
    st.sampled_from(["voltooid", "lopend", "gepland", "vervallen"]),
)
block = st.tuples(
    st.sampled_from([None, "Wat doen we al goed?", "Thema Klimaat"]),  # a heading or none
    st.lists(action, min_size=1, max_size=5),
    st.booleans(),  # a blank row after the block
    st.booleans(),  # a subtotal row after the block
)


def _register(blocks, notes: bool, title: bool) -> bytes:
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet("Acties")
    row = 0
    if title:
        sheet.merge_range(0, 0, 0, 3, "Actieplan MVI")
        row = 2
    sheet.write_row(row, 0, ["Nr", "Actie", "Periode", "Status"])
    row += 1
    number = 0
    for heading, actions, blank, subtotal in blocks:
        if heading:
            sheet.merge_range(row, 0, row, 3, heading)
            row += 1
        for period, status in actions:
            number += 1
            sheet.write_row(row, 0, [str(number), f"Actie {number}", period, status])
            row += 1
        if subtotal:
            sheet.write_string(row, 1, "Subtotaal")
            sheet.write_formula(row, 3, f"=COUNTA(D1:D{row})", None, len(actions))
            row += 1
        if blank:
            row += 1
    if notes:
        row += 1
        sheet.write_string(row, 0, "Toelichting:")
        sheet.write_row(row + 1, 0, ["groen", "op schema"])
    workbook.close()
    return output.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_every_action_counted_once_whatever_surrounds_it(blocks, notes, title):
    from pathlib import Path

    register = parse_register(_register(blocks, notes, title), Path("r.xlsx"))
    written = [(period, status) for _, actions, _, _ in blocks for period, status in actions]
    assert [(a.period, a.status) for a in register.actions] == written
    assert [a.id for a in register.actions] == [str(n) for n in range(1, len(written) + 1)]
