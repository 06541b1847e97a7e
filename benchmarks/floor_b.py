"""Floor B: read the register's action sheet with python-calamine and write its rows with
XlsxWriter, nothing else. mvi-xl can't do less I/O than this.

XlsxWriter runs in its default mode, as mvi-xl must: the Acties sheet is an Excel Table, which
constant_memory mode does not support.

    python benchmarks/floor_b.py REGISTER SHEET OUTPUT
"""

import sys

import python_calamine
import xlsxwriter


def main(register: str, sheet: str, output: str) -> None:
    rows = python_calamine.CalamineWorkbook.from_path(register).get_sheet_by_name(sheet).to_python()
    workbook = xlsxwriter.Workbook(output, {"default_date_format": "dd-mm-yyyy"})
    worksheet = workbook.add_worksheet()
    for index, row in enumerate(rows):
        worksheet.write_row(index, 0, row)
    workbook.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
