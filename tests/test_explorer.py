"""The Verkenner sheet: two drop-downs (department, theme, each with "(alle)") drive a status
table of live COUNTIFS over Acties. Cached values are those of "(alle)"; LibreOffice, with the
cells set to other choices, recalculates the counts mvi-xl computes for them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from mvi_xl import pipeline
from mvi_xl.breakdowns import themes_of
from mvi_xl.model import Monitor
from mvi_xl.words.terms import STATUSES

from .conftest import VIEW_HEADER, write_xlsx
from .lo import convert, recalculating_profile

AS_OF = dt.date(2018, 11, 1)


def _row(nr: str, status: str, department: str, theme: str) -> list[object]:
    return [nr, f"actie {nr}", "2018", status, department, theme, None, None, None, None]


ROWS = [
    _row("1", "voltooid", "Inkoop", "Klimaat; Circulair"),
    _row("2", "lopend", "Inkoop", "Circulair"),
    _row("3", "gepland", "Inkoop", "Klimaat?"),  # a wildcard in the name is taken literally
    _row("4", "voltooid", "Ruimte", "Klimaat?; Klimaat"),
    _row("5", "vervallen", "Ruimte", "Milieu; Circulair; Klimaat"),
    _row("6", "lopend", "", "Circulair"),  # no department
    _row("7", "voltooid", "Ruimte", ""),  # no theme
    _row("8", "lopend", "Inkoop", "Milieu; Klimaat"),
]
#: (department, theme) set in the drop-downs
CHOICES = [
    ("Inkoop", "(alle)"),
    ("(alle)", "Klimaat?"),
    ("Inkoop", "Circulair"),
    ("(alle)", "Klimaat"),
    ("(geen afdeling)", "(alle)"),
    ("Ruimte", "(geen thema)"),
]


def build(folder: Path, lang: str = "nl") -> tuple[Path, Monitor]:
    register = write_xlsx(folder / "register.xlsx", ROWS, header=VIEW_HEADER)
    options = pipeline.Options(
        register=register, as_of=AS_OF, output=folder / "monitor.xlsx", lang=lang
    )
    return folder / "monitor.xlsx", pipeline.build(options).monitor


def expected(monitor: Monitor, department: str, theme: str) -> list[int]:
    """The counts per status for one choice, computed from the register as mvi-xl read it."""

    def chosen(action) -> bool:
        themes = themes_of(action)
        by_department = department == "(alle)" or (
            action.department == ("" if department == "(geen afdeling)" else department)
        )
        by_theme = theme == "(alle)" or (not themes if theme == "(geen thema)" else theme in themes)
        return by_department and by_theme

    counts = Counter(a.status for a in monitor.register.actions if chosen(a))
    return [counts[s] for s in STATUSES]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Monitor]:
    return build(tmp_path_factory.mktemp("explorer"))


def test_the_sheet_its_drop_downs_and_cached_values(built):
    path, monitor = built
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames.index("Verkenner") == workbook.sheetnames.index("Per thema") + 1
    ws = workbook["Verkenner"]
    assert (ws["B4"].value, ws["C4"].value, ws["B5"].value, ws["C5"].value) == (
        "Afdeling",
        "(alle)",
        "Thema",
        "(alle)",
    )
    validations = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert validations == {"C4": "$L$4:$L$7", "C5": "$M$4:$M$9"}
    assert [ws[f"L{r}"].value for r in range(4, 8)] == [
        "(alle)",
        "Inkoop",
        "Ruimte",
        "(geen afdeling)",
    ]
    assert [ws[f"M{r}"].value for r in range(4, 10)] == [
        "(alle)",
        "Klimaat",
        "Circulair",
        "Klimaat?",
        "Milieu",
        "(geen thema)",
    ]
    assert ws.column_dimensions["K"].hidden
    assert "Verkenner" in ws.tables
    assert ws["C9"].value.startswith('=IF($C$5="(alle)",COUNTIFS(Acties!')
    values = openpyxl.load_workbook(path, data_only=True)["Verkenner"]
    assert [values[f"C{r}"].value for r in range(9, 13)] == expected(monitor, "(alle)", "(alle)")
    assert values["C13"].value == len(ROWS)
    assert len(ws._charts) == 1


def test_english_choices(tmp_path: Path):
    path, _ = build(tmp_path, lang="en")
    ws = openpyxl.load_workbook(path)["Explorer"]
    assert (ws["C4"].value, ws["M9"].value) == ("(all)", "(no theme)")
    assert "Explorer" in ws.tables or "Verkenner" in ws.tables


def test_no_department_or_theme_no_sheet(basic_register: Path, tmp_path: Path):
    options = pipeline.Options(register=basic_register, as_of=AS_OF, output=tmp_path / "m.xlsx")
    pipeline.build(options)
    assert "Verkenner" not in openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames


@pytest.mark.libreoffice
def test_libreoffice_counts_each_choice(soffice: str, built, tmp_path: Path):
    path, monitor = built
    files = []
    for number, (department, theme) in enumerate(CHOICES):
        workbook = openpyxl.load_workbook(path)
        ws = workbook["Verkenner"]
        ws["C4"], ws["C5"] = department, theme
        files.append(tmp_path / "in" / f"choice{number}.xlsx")
        files[-1].parent.mkdir(exist_ok=True)
        workbook.save(files[-1])
    converted = convert(soffice, files, tmp_path / "out", "xlsx", recalculating_profile(tmp_path))
    for file, (department, theme) in zip(files, CHOICES, strict=True):
        # read-only: skips the drawings, LibreOffice's charts are not openpyxl's business here
        workbook = openpyxl.load_workbook(converted[file], read_only=True, data_only=True)
        ws = workbook["Verkenner"]
        found = [ws[f"C{r}"].value for r in range(9, 13)]
        total = ws["C13"].value
        workbook.close()
        assert found == expected(monitor, department, theme), (department, theme)
        assert total == sum(found)
