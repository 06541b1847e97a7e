"""The shortcuts taken for registers of 100,000 actions give exactly what the plain way gives.

The reader remembers what it made of a cell text it has seen before; the Acties sheet writes
dates as serial numbers and adds its table without XlsxWriter's per-cell overlap record. Each is
checked here against the plain way, on values chosen to hit the edge cases.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
import xlsxwriter
from xlsxwriter.exceptions import OverlappingRange

from mvi_xl.reader.header import find_header
from mvi_xl.reader.table import RowParser
from mvi_xl.reader.values import HeaderMatcher, Synonyms
from mvi_xl.words import synonyms
from mvi_xl.writer import actions_sheet

HEADER = ["Nr", "Actie", "Periode", "Status", "Startdatum", "Einddatum", "Voortgang", "Op monitor"]
DATA = [
    ["1", "a", "2024", "voltoid", "31-02-2024", "1-3-2024", "paars", "misschien"],
    ["2", "b", "2024", "voltoid", "31-02-2024", "1-3-2024", "paars", "misschien"],
    ["3", "", "", "", dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 0, 0), "groen", "ja"],
    ["4", "d", "2024", "Voltooid ", dt.date(2024, 3, 1), "  ", "groen", 1.0],
    ["5", "e", "2024", "Status", "2018", 45000.0, "", True],
    ["6", "f", "2024", "gepland", dt.datetime(2024, 3, 1, 0, 0), "1-3-2024", "rood", "ja"],
    ["Nr", "Actie", "Periode", "Status", "Startdatum", "Einddatum", "Voortgang", "Op monitor"],
    ["8", "h", "2024", "onbekend!", 3.5, "x", "oranje", "nee"],
    ["9", "i", "2024", "onbekend!", None, None, None, None],
]


def parse(rows: list[list[object]]):
    header, _ = find_header(rows, "Acties", HeaderMatcher())
    assert header is not None
    return RowParser(header, "Acties", Synonyms(synonyms.STATUS_SYNONYMS)).parse(rows)


def test_one_pass_equals_each_row_on_its_own():
    """What the parser remembers between rows changes nothing: every row gives the same
    action and the same findings, in the same order, as when it is parsed alone."""
    rows = [["Acties"], [], HEADER, *DATA]
    together = parse(rows)
    actions, findings = [], []
    for index in range(3, len(rows)):
        alone = parse([row if i < 3 or i == index else [] for i, row in enumerate(rows)])
        actions += alone.actions
        findings += alone.findings
    assert together.actions == actions
    # the example period in the hint for a missing period comes from the whole register
    assert [(f.code, f.where) for f in together.findings] == [(f.code, f.where) for f in findings]
    example = {f.params["example"] for f in together.findings if f.code == "empty_period"}
    assert example == {"2024"}
    assert [f.code for f in findings].count("bad_date") == 5  # 31-02 twice, 2018, 3.5, x
    assert "repeated_header" in [f.code for f in findings]


def date_sheet(write) -> bytes:
    """The XML of a sheet with one date per row, written by ``write``."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    worksheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    days = [
        dt.date(1900, 1, 2),  # not 01-01-1900: write_datetime takes that for a time of day (0)
        dt.date(1900, 2, 28),
        dt.date(1900, 3, 1),
        dt.date(1910, 1, 1),
        dt.date(2018, 7, 5),
        dt.date(2018, 7, 5),
        dt.date(9999, 12, 31),
    ]
    for row, day in enumerate(days):
        write(worksheet, row, day, date_format)
    workbook.close()
    return zipfile.ZipFile(output).read("xl/worksheets/sheet1.xml")


def test_dates_are_the_cells_write_datetime_makes():
    def plain(worksheet, row, day, date_format):
        moment = dt.datetime.combine(day, dt.time())
        worksheet.write_datetime(row, 0, moment, date_format)

    writers = {}

    def fast(worksheet, row, day, date_format):
        write = writers.setdefault(id(worksheet), actions_sheet._DateWriter(worksheet))
        write(row, 0, day, date_format)

    assert date_sheet(fast) == date_sheet(plain)


def test_the_first_day_of_1900_is_serial_1():
    """write_datetime writes 0 for a datetime on 01-01-1900 (it takes it for a time of day);
    the date writer gives the day Excel's serial number 1."""
    assert actions_sheet._excel_serial(dt.date(1900, 1, 1)) == 1.0
    assert actions_sheet._excel_serial(dt.date(1900, 2, 28)) == 59.0
    assert actions_sheet._excel_serial(dt.date(1900, 3, 1)) == 61.0  # after Excel's 29-02-1900
    assert actions_sheet._excel_serial(dt.date(1899, 12, 31)) is None


def table_workbook(add) -> bytes:
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    worksheet = workbook.add_worksheet("Acties")
    for row in range(1, 40):
        worksheet.write_string(row, 0, f"actie {row}")
        worksheet.write_number(row, 1, row)
    add(worksheet)
    worksheet.merge_range(45, 0, 45, 1, "daaronder")  # the record is back for later ranges
    assert worksheet.table_cells == {}
    workbook.close()
    return output.getvalue()


def test_acties_table_is_the_same_without_the_overlap_record():
    options = {"name": "Acties", "columns": [{"header": "Actie"}, {"header": "Bron"}]}

    def plain(worksheet):
        worksheet.add_table(0, 0, 39, 1, options)
        worksheet.table_cells.clear()

    def fast(worksheet):
        actions_sheet.add_large_table(worksheet, (0, 0, 39, 1), options)

    assert table_workbook(fast) == table_workbook(plain)


def test_overlap_is_still_refused_on_a_sheet_with_merged_cells():
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    worksheet = workbook.add_worksheet()
    worksheet.merge_range(3, 0, 3, 1, "samengevoegd")
    with pytest.raises(OverlappingRange):
        actions_sheet.add_large_table(worksheet, (0, 0, 10, 1), {"name": "Acties"})
