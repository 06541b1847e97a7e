"""The monitor's XlsxWriter workbook (mvi_xl/writer/xlsx.py) writes what XlsxWriter's own
would: the formulas it spares XlsxWriter's prefixing are those that prefixing leaves alone,
and a small monitor assembled in memory holds the same parts as one assembled on disk."""

from __future__ import annotations

import inspect
import re
import zipfile
from pathlib import Path

import pytest
from xlsxwriter.worksheet import Worksheet

from mvi_xl.writer import xlsx
from mvi_xl.writer.xlsx import CLASSIC_FUNCTIONS, MonitorWorksheet, new_workbook, plain_formula


def _prefixed_names() -> list[str]:
    """The function names XlsxWriter's _prepare_formula knows, read from its source: the
    name in every ``re.sub(r"\\bNAME\\(", ...)``."""
    source = inspect.getsource(Worksheet._prepare_formula)
    names = re.findall(r're\.sub\(\s*r"\\.([A-Z0-9._]+)\\\(', source)
    assert len(names) == source.count("re.sub("), "a pattern this test does not read"
    assert len(names) > 150, "XlsxWriter's _prepare_formula changed: check xlsx.py"
    return names


def _xlsxwriter(formula: str, future: bool) -> str:
    sheet = Worksheet()
    sheet.use_future_functions = future
    prepared: str = sheet._prepare_formula(formula, future)
    return prepared


def test_no_classic_function_is_one_xlsxwriter_prefixes():
    """Neither as a whole name nor as the tail of a dotted one ('.' in XlsxWriter's patterns
    matches any character, so 'ERF.PRECISE' would match 'ERF(PRECISE')."""
    known = _prefixed_names()
    tails = {part for name in known for part in re.split(r"[.]", name)}
    assert not CLASSIC_FUNCTIONS & set(known)
    assert not CLASSIC_FUNCTIONS & tails
    for name in sorted(CLASSIC_FUNCTIONS):
        for future in (False, True):
            assert _xlsxwriter(f"={name}(A1,B2)", future) == f"{name}(A1,B2)"


#: formulas of the kinds the monitor writes, and ones that must take XlsxWriter's way
FORMULAS = [
    ('=COUNTIFS(Acties[Periode],"Wat doen we al goed?",Acties[Status],"voltooid")', True),
    ('=SUMPRODUCT(COUNTIFS(Acties[Thema 1],{"Klimaat","Circulair"}))', True),
    ("{=SUM(IF(A1:A9>0,1,0))}", True),
    ('=IF(B2=0,"",C2/B2)', True),
    ("=SUBTOTAL(109,[Totaal])", True),
    ("=[@Totaal]-[@voltooid]", True),
    ('="SORT(" & A1', False),  # an upper-case call in a string: XlsxWriter decides
    ("=XLOOKUP(A1,B:B,C:C)", False),
    ("=FILTER(A1:A9,B1:B9>0)", False),
    ("=IFS(A1>0,1,TRUE,0)", False),
    ("=STDEV.S(A1:A9)", False),
    ("=ERF(PRECISE(1))", False),
    ("=aSINGLE(A1)", False),
    ("=_xlfn.CONCAT(A1,B1)", False),
]


@pytest.mark.parametrize(("formula", "plain"), FORMULAS)
@pytest.mark.parametrize("future", [False, True])
def test_a_formula_is_prepared_as_xlsxwriter_prepares_it(formula: str, plain: bool, future: bool):
    assert plain_formula(formula) is plain
    sheet = MonitorWorksheet()
    sheet.use_future_functions = future
    assert sheet._prepare_formula(formula, future) == _xlsxwriter(formula, future)


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("actions", [124, xlsx.IN_MEMORY_UP_TO + 1])
def test_in_memory_or_on_disk_the_same_parts(tmp_path: Path, actions: int):
    """Up to IN_MEMORY_UP_TO actions in memory, above it through temporary files: the same
    parts, byte for byte, either way."""
    written = {}
    for mode, count in (("chosen", actions), ("disk", xlsx.IN_MEMORY_UP_TO + 1)):
        target = tmp_path / f"{mode}.xlsx"
        workbook = new_workbook(target, {"strings_to_formulas": False}, count)
        assert workbook.in_memory is (count <= xlsx.IN_MEMORY_UP_TO)
        sheet = workbook.add_worksheet("Monitor")
        assert isinstance(sheet, MonitorWorksheet)
        sheet.write_formula(0, 0, '=COUNTIFS(B:B,"voltooid")', None, 3)
        sheet.write_string(1, 0, "=SUM(A1)")  # text stays text
        workbook.close()
        written[mode] = _parts(target)
    assert written["chosen"] == written["disk"]
    sheet_xml = written["chosen"]["xl/worksheets/sheet1.xml"].decode()
    assert '<f>COUNTIFS(B:B,"voltooid")</f><v>3</v>' in sheet_xml
