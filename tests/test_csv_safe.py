"""CSV cells that stay text in a spreadsheet program (mvi_xl.csv_safe)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl.csv_safe import FORMULA_STARTS, escape, escape_row, unescape

from .hostile_corpus import INJECTIONS


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_and_link_starts_get_a_quote(text: str):
    if text.startswith(("http", "file", "{")):
        assert escape(text) == text  # a link or braces in a CSV cell is text already
    else:
        assert escape(text) == "'" + text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Papier", "Papier"),
        ("", ""),
        ("'al een quote", "''al een quote"),
        ("＝SUM(1)", "'＝SUM(1)"),
        ("2 - 3", "2 - 3"),
    ],
)
def test_plain_text_is_left_alone(text: str, escaped: str):
    assert escape(text) == escaped


@given(st.text())
def test_round_trip_and_never_a_formula(text: str):
    escaped = escape(text)
    assert unescape(escaped) == text
    assert not escaped.startswith(FORMULA_STARTS)


def test_rows_through_the_csv_module():
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow(escape_row(["=1+1", None, 3, "a;b"]))
    row = next(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
    assert row == ["'=1+1", "", "3", "a;b"]
    assert [unescape(cell) for cell in row] == ["=1+1", "", "3", "a;b"]
