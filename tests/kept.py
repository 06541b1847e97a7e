"""Registers built the way coordinators keep them, by the programs they keep them with.

Each builder writes one register as it is found on a shared drive: section headings merged
across the table, an Excel Table with a totals row and notes under it, total rows and a legend
below the last action, one sheet per theme behind an overview of formulas, themes as x-columns
or several in one cell, traffic lights as cell colours. XlsxWriter and openpyxl write them here
(openpyxl with its styles and Tables, as a script or a conversion would); the LibreOffice tests
save them again through LibreOffice Calc, a third producer.

The expected numbers beside each builder (``KEPT``) were counted by hand from the rows written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import xlsxwriter
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

GOOD = "Wat doen we al goed?"
Y2017 = "Aan de slag in 2017"
Y2018 = "Aan de slag in 2018-2020"
CONT = "Actie doorlopend"
OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}


@dataclass(frozen=True)
class Expected:
    """A hand count: the total, per period the counts per status (statuses not named are 0),
    the warning and notice codes that must be there, and the codes that must not."""

    total: int
    periods: dict[str, dict[str, int]]
    warnings: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    themes: dict[str, int] = field(default_factory=dict)  # Per thema: totals per theme


def sections_merged(path: Path) -> Path:
    """Helmond's layout: a title, the header, a heading merged across the table above each
    block, a "Totaal" row of COUNTA formulas, and a legend after a blank row."""
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    sheet = workbook.add_worksheet("Actieplan")
    heading = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
    sheet.merge_range(0, 0, 0, 4, "Actieplan MVI 2017-2020", workbook.add_format({"bold": True}))
    sheet.write_row(2, 0, ["Nr", "Actie", "Periode", "Status", "Trekker"])
    blocks = [
        (GOOD, [("1.1", "voltooid"), ("1.2", "Voltooid"), ("1.3", "afgerond")]),
        (Y2017, [("2.1", "voltooid"), ("2.2", "voltooid"), ("2.3", "lopend"), ("2.4", None)]),
        (CONT, [("3.1", "lopend"), ("3.2", "gepland")]),
    ]
    row = 3
    for label, actions in blocks:
        sheet.merge_range(row, 0, row, 4, label, heading)
        row += 1
        for number, status in actions:
            sheet.write_row(row, 0, [number, f"Actie {number}", label])
            if status:
                sheet.write_string(row, 3, status)
            sheet.write_string(row, 4, "Inkoop")
            row += 1
    sheet.write_string(row, 0, "Totaal")
    sheet.write_formula(row, 1, f"=COUNTA(B4:B{row})", None, 12)
    sheet.write_formula(row, 3, f"=COUNTA(D4:D{row})", None, 11)
    row += 2
    sheet.write_string(row, 0, "Legenda:")
    sheet.write_string(row + 1, 0, "Voltooid")
    sheet.write_string(row + 1, 1, "de actie is afgerond")
    sheet.write_string(row + 2, 0, "Lopend")
    sheet.write_string(row + 2, 1, "de actie is gestart")
    workbook.close()
    return path


def table_with_totals(path: Path) -> Path:
    """Invoegen > Tabel with a totals row (Aantal), filters, and notes under the table."""
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    sheet = workbook.add_worksheet("Register")
    sheet.write_string(0, 0, "MVI-register gemeente Voorbeeld")
    data = [
        ["1", "Papier duurzaam", "2019", "voltooid"],
        ["2", "Schoonmaak SROI", "2019", "lopend"],
        ["3", "IT hardware", "2019", "lopend"],
        ["4", "Catering", "2020", "gepland"],
        ["5", "Wagenpark", "2020", "gepland"],
        ["6", "Bouw", "2020", "vervallen"],
    ]
    columns = [
        {"header": "Nr", "total_string": "Totaal"},
        {"header": "Actie"},
        {"header": "Periode"},
        {"header": "Status", "total_function": "count"},
    ]
    sheet.add_table(
        2,
        0,
        2 + len(data) + 1,
        3,
        {"name": "Register", "data": data, "columns": columns, "total_row": True},
    )
    sheet.write_string(11, 0, "Toelichting: stand van zaken per 1 november.")
    sheet.write_string(12, 0, "Bron: overleg inkoopadviseurs.")
    workbook.close()
    return path


def openpyxl_table(path: Path) -> Path:
    """The same kind of register as openpyxl writes it (another producer): a styled Table with
    a totals row and, under the table, a row someone typed without extending the table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Acties"
    sheet.append(["Acties MVI"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Nr", "Omschrijving", "Planning", "Stand van zaken"])
    rows = [
        ("1", "Papier", "2019", "afgerond"),
        ("2", "Koffie", "2019", "in uitvoering"),
        ("3", "Textiel", "2020", "nog niet gestart"),
    ]
    for row in rows:
        sheet.append(row)
    sheet.append(["Totaal", None, None, "=SUBTOTAL(103,Tabel1[Stand van zaken])"])
    table = Table(displayName="Tabel1", ref="A3:D7", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    table.tableColumns = [
        TableColumn(id=1, name="Nr", totalsRowLabel="Totaal"),
        TableColumn(id=2, name="Omschrijving"),
        TableColumn(id=3, name="Planning"),
        TableColumn(id=4, name="Stand van zaken", totalsRowFunction="count"),
    ]
    sheet.add_table(table)
    sheet.append([])
    sheet.append(["4", "Vergeten rij", "2020", "lopend"])  # below the table: not in it
    workbook.save(path)
    return path


def totals_and_legend(path: Path) -> Path:
    """A plain range: the actions, a "Totaal" row and a "waarvan afgerond" row of COUNTIF
    formulas, then a colour legend."""
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Nr", "Actie", "Periode", "Status", "Voortgang"])
    rows = [
        ["1", "a", Y2017, "voltooid", "groen"],
        ["2", "b", Y2017, "lopend", "oranje"],
        ["3", "c", Y2018, "gepland", "groen"],
        ["4", "d", Y2018, "lopend", "rood"],
        ["5", "e", CONT, "lopend", "groen"],
    ]
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    sheet.write_string(6, 1, "Totaal")
    sheet.write_formula(6, 3, "=COUNTA(D2:D6)", None, 5)
    sheet.write_string(7, 1, "waarvan afgerond")
    sheet.write_formula(7, 3, '=COUNTIF(D2:D6,"voltooid")', None, 1)
    sheet.write_string(9, 0, "Legenda")
    sheet.write_row(10, 0, ["groen", "op schema"])
    sheet.write_row(11, 0, ["oranje", "vraagt aandacht"])
    sheet.write_row(12, 0, ["rood", "loopt achter"])
    workbook.close()
    return path


THEME_SHEETS = {
    "Klimaat": ["voltooid", "lopend", "gepland"],
    "Circulair": ["voltooid", "voltooid"],
    "Milieu": ["lopend"],
    "Social Return": ["voltooid", "lopend", "lopend", "vervallen"],
    "Diversiteit & Inclusie": ["gepland", "gepland"],
}


def theme_sheets(path: Path) -> Path:
    """One sheet per theme behind an overview sheet of formulas; each theme numbers its actions
    from 1, so equal ids on different sheets are different actions."""
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    overview = workbook.add_worksheet("Overzicht")
    overview.write_row(0, 0, ["Thema", "Aantal acties", "Afgerond"])
    for index, (theme, statuses) in enumerate(THEME_SHEETS.items(), start=1):
        quoted = f"'{theme}'"
        overview.write_string(index, 0, theme)
        overview.write_formula(index, 1, f"=COUNTA({quoted}!B3:B20)", None, len(statuses))
        done = statuses.count("voltooid")
        overview.write_formula(index, 2, f'=COUNTIF({quoted}!D3:D20,"voltooid")', None, done)
    for theme, statuses in THEME_SHEETS.items():
        sheet = workbook.add_worksheet(theme)
        sheet.write_string(0, 0, f"Thema {theme}")
        sheet.write_row(1, 0, ["Nr", "Actie", "Periode", "Status"])
        for number, status in enumerate(statuses, start=1):
            period = Y2017 if number % 2 else Y2018
            sheet.write_row(1 + number, 0, [str(number), f"{theme} {number}", period, status])
    workbook.close()
    return path


def theme_columns(path: Path) -> Path:
    """Themes as columns holding x, ja, ✓ or 1; a Budget column mvi-xl doesn't use."""
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    sheet = workbook.add_worksheet("Acties")
    header = ["Nr", "Actie", "Periode", "Status", "Klimaat", "Circulair", "Social Return", "Budget"]
    sheet.write_row(0, 0, header)
    rows = [
        ["1", "a", Y2017, "voltooid", "x", None, None, 1000],
        ["2", "b", Y2017, "lopend", "X", "ja", None, 250],
        ["3", "c", Y2018, "gepland", None, "✓", "1", 0],
        ["4", "d", Y2018, "gepland", None, None, None, 0],
    ]
    for index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(index, col, value)
            elif value is not None:
                sheet.write_string(index, col, value)
    workbook.close()
    return path


def themes_in_one_cell(path: Path) -> Path:
    workbook = xlsxwriter.Workbook(path, OPTIONS)
    sheet = workbook.add_worksheet("Acties")
    sheet.write_row(0, 0, ["Nr", "Actie", "Periode", "Status", "Thema"])
    rows = [
        ["1", "a", Y2017, "voltooid", "Klimaat; Circulair"],
        ["2", "b", Y2017, "lopend", "Klimaat, Social Return"],
        ["3", "c", Y2018, "gepland", "Diversiteit en inclusie"],
        ["4", "d", Y2018, "lopend", "Circulair"],
        ["5", "e", Y2018, "lopend", ""],
    ]
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    workbook.close()
    return path


LIGHTS = {"groen": "00B050", "oranje": "FFC000", "rood": "FF0000"}


def colour_lights(path: Path) -> Path:
    """Voortgang kept as traffic lights: cells filled green, orange or red, without text
    (openpyxl's fills, as a macro or a styled export writes them)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Acties"
    sheet.append(["Nr", "Actie", "Periode", "Status", "Voortgang"])
    rows = [
        ("1", "a", Y2017, "lopend", "groen"),
        ("2", "b", Y2017, "lopend", "oranje"),
        ("3", "c", Y2018, "lopend", "rood"),
        ("4", "d", Y2018, "gepland", "rood"),
        ("5", "e", Y2018, "voltooid", None),
    ]
    for number, action, period, status, light in rows:
        sheet.append([number, action, period, status, None])
        if light:
            fill = PatternFill("solid", fgColor=LIGHTS[light])
            sheet.cell(sheet.max_row, 5).fill = fill
    workbook.save(path)
    return path


def colour_statuses(path: Path) -> Path:
    """The status itself kept as a colour, with a colour legend in a title row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Acties"
    sheet.append(["Legenda", "Afgerond", "Loopt", "Nog niet gestart"])
    for col, light in zip("BCD", ("groen", "oranje", "rood"), strict=True):
        sheet[f"{col}1"].fill = PatternFill("solid", fgColor=LIGHTS[light])
    sheet.append([])
    sheet.append(["Nr", "Actie", "Periode", "Status"])
    for number, period, light in (
        ("1", Y2017, "groen"),
        ("2", Y2017, "groen"),
        ("3", Y2017, "oranje"),
        ("4", Y2018, "rood"),
    ):
        sheet.append([number, f"Actie {number}", period, None])
        sheet.cell(sheet.max_row, 4).fill = PatternFill("solid", fgColor=LIGHTS[light])
    workbook.save(path)
    return path


def statuses_as_written(path: Path) -> Path:
    """Statuses as people type them, and a share in a cell formatted as a percentage."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Acties"
    sheet.append(["Nr", "Actie", "Periode", "Status"])
    statuses: list[object] = [
        "Afgerond (mei 2018)",  # voltooid
        "Loopt",  # lopend
        "50%",  # lopend
        0.5,  # lopend: 50% in a percentage cell
        1,  # voltooid: 100%
        "Nog op te starten",  # gepland
        "Uitgesteld naar 2019",  # gepland
        "On hold",  # gepland
        "n.v.t.",  # vervallen
        "Opgelevert",  # a typo: onbekend, offered opgeleverd
    ]
    for number, status in enumerate(statuses, start=1):
        sheet.append([str(number), f"Actie {number}", Y2017, status])
        if not isinstance(status, str):
            sheet.cell(sheet.max_row, 4).number_format = "0%"
    workbook.save(path)
    return path


def table_with_sections(path: Path) -> Path:
    """A Table whose rows hold section headings too (Excel allows no merged cells in a Table,
    so the heading is text in its first cell)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Register"
    sheet.append(["Nr", "Actie", "Periode", "Status"])
    rows = [
        ("Thema Klimaat", None, None, None),
        ("1", "LED-verlichting", "2019", "voltooid"),
        ("2", "Elektrisch wagenpark", "2020", "lopend"),
        ("Thema Circulair", None, None, None),
        ("3", "Meubilair hergebruik", "2019", "gepland"),
    ]
    for row in rows:
        sheet.append(row)
    sheet.add_table(Table(displayName="Register", ref="A1:D6"))
    workbook.save(path)
    return path


Builder = Callable[[Path], Path]

#: Each register as kept, and its hand count.
KEPT: dict[str, tuple[Builder, Expected]] = {
    "sections-merged": (
        sections_merged,
        Expected(
            total=9,
            periods={
                GOOD: {"voltooid": 3},
                Y2017: {"voltooid": 2, "lopend": 1, "onbekend": 1},
                CONT: {"lopend": 1, "gepland": 1},
            },
            warnings=("section_rows", "total_rows", "notes_rows", "empty_status"),
            absent=("empty_period", "empty_action"),
        ),
    ),
    "table-with-totals": (
        table_with_totals,
        Expected(
            total=6,
            periods={
                "2019": {"voltooid": 1, "lopend": 2},
                "2020": {"gepland": 2, "vervallen": 1},
            },
            notices=("outside_table",),
            absent=("unknown_status", "notes_rows", "total_rows"),
        ),
    ),
    "openpyxl-table": (
        openpyxl_table,
        Expected(
            total=3,
            periods={"2019": {"voltooid": 1, "lopend": 1}, "2020": {"gepland": 1}},
            warnings=("actions_outside_table",),
            absent=("unknown_status",),
        ),
    ),
    "totals-and-legend": (
        totals_and_legend,
        Expected(
            total=5,
            periods={
                Y2017: {"voltooid": 1, "lopend": 1},
                Y2018: {"gepland": 1, "lopend": 1},
                CONT: {"lopend": 1},
            },
            warnings=("total_rows", "notes_rows"),
            absent=("unknown_status", "empty_period", "bad_progress"),
        ),
    ),
    "theme-sheets": (
        theme_sheets,
        Expected(
            total=12,
            periods={
                Y2017: {"voltooid": 3, "lopend": 2, "gepland": 2},  # numbers 1, 3 of each theme
                Y2018: {"voltooid": 1, "lopend": 2, "gepland": 1, "vervallen": 1},  # 2, 4
            },
            notices=("sheets_skipped", "sheets_as_theme"),
            themes={theme: len(statuses) for theme, statuses in THEME_SHEETS.items()},
        ),
    ),
    "theme-columns": (
        theme_columns,
        Expected(
            total=4,
            periods={Y2017: {"voltooid": 1, "lopend": 1}, Y2018: {"gepland": 2}},
            notices=("unused_columns",),
            themes={"Klimaat": 2, "Circulair": 2, "Social Return": 1, "": 1},
        ),
    ),
    "themes-in-one-cell": (
        themes_in_one_cell,
        Expected(
            total=5,
            periods={Y2017: {"voltooid": 1, "lopend": 1}, Y2018: {"gepland": 1, "lopend": 2}},
            themes={
                "Klimaat": 2,
                "Circulair": 2,
                "Social Return": 1,
                "Diversiteit en inclusie": 1,
                "": 1,
            },
        ),
    ),
    "colour-lights": (
        colour_lights,
        Expected(
            total=5,
            periods={Y2017: {"lopend": 2}, Y2018: {"lopend": 1, "gepland": 1, "voltooid": 1}},
            absent=("bad_progress", "progress_colour"),
        ),
    ),
    "statuses-as-written": (
        statuses_as_written,
        Expected(
            total=10,
            periods={
                Y2017: {"voltooid": 2, "lopend": 3, "gepland": 3, "vervallen": 1, "onbekend": 1}
            },
            warnings=("unknown_status",),
        ),
    ),
    "table-with-sections": (
        table_with_sections,
        Expected(
            total=3,
            periods={"2019": {"voltooid": 1, "gepland": 1}, "2020": {"lopend": 1}},
            warnings=("section_rows",),
        ),
    ),
    "colour-statuses": (
        colour_statuses,
        Expected(
            total=4,
            periods={Y2017: {"voltooid": 2, "lopend": 1}, Y2018: {"gepland": 1}},
            absent=("status_colour_only", "empty_status", "unknown_status"),
        ),
    ),
}
