"""Dates before 1900 (issue #16, point 7): Excel's 1900 date system has no serial number for
them. The reader warns, naming the cell, and ignores the date; the Acties sheet never gets a
negative or invalid serial number, not even for a date that reaches the writer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import xlsxwriter

from mvi_xl import pipeline
from mvi_xl.reader import read_register
from mvi_xl.writer.actions_sheet import _DateWriter

from .conftest import write_csv, write_xlsx

ROWS = [
    ["1", "Papier", "Aan de slag in 2017", "voltooid", "05-07-1018"],
    ["2", "Textiel", "Aan de slag in 2017", "voltooid", "1899-12-31"],
    ["3", "Groen", "Aan de slag in 2017", "voltooid", "01-01-1900"],
]


def test_a_date_before_1900_is_a_warning_naming_the_cell(tmp_path: Path):
    register = read_register(write_xlsx(tmp_path / "r.xlsx", ROWS))
    found = [(f.code, f.where) for f in register.findings if f.code == "date_before_1900"]
    assert found == [("date_before_1900", "Acties!E2"), ("date_before_1900", "Acties!E3")]
    assert [a.completed for a in register.actions] == [None, None, dt.date(1900, 1, 1)]
    text, hint = register.findings[0].render("nl")
    assert "05-07-1018" in text and "1900" in text and hint
    assert "before 1900" in register.findings[0].render("en")[0]


def test_a_csv_register_warns_too(tmp_path: Path):
    register = read_register(write_csv(tmp_path / "r.csv", ROWS))
    assert [f.where for f in register.findings if f.code == "date_before_1900"] == ["E2", "E3"]


def test_the_acties_sheet_holds_no_negative_serial(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", ROWS)
    output = tmp_path / "m.xlsx"
    result = pipeline.build(
        pipeline.Options(register=register, output=output, as_of=dt.date(2018, 11, 1))
    )
    assert "date_before_1900" in [f.code for f in result.monitor.findings]
    sheet = openpyxl.load_workbook(output)["Acties"]
    for row in sheet.iter_rows():
        for cell in row:
            assert not (isinstance(cell.value, (int, float)) and cell.is_date and cell.value < 1)
            if isinstance(cell.value, dt.datetime):
                assert cell.value.year >= 1900


def test_the_writer_writes_an_early_date_as_text(tmp_path: Path):
    workbook = xlsxwriter.Workbook(str(tmp_path / "w.xlsx"))
    sheet = workbook.add_worksheet("Acties")
    write = _DateWriter(sheet)
    write(0, 0, dt.date(1018, 7, 5), None)
    write(1, 0, dt.date(1900, 1, 1), None)
    workbook.close()
    cells = openpyxl.load_workbook(tmp_path / "w.xlsx")["Acties"]
    assert cells["A1"].value == "05-07-1018"
    assert cells["A2"].value == 1  # Excel's serial number of 01-01-1900
