"""XlsxWriter's Workbook as the monitor uses it: the same files, written with less work.

Two things XlsxWriter does for every workbook cost a small monitor a third of its writing
time, and neither changes a byte of what it writes for the formulas the monitor uses:

- Every formula passes through about thirty regular expressions (two hundred in Table
  formulas) that put ``_xlfn.`` before the names of newer Excel functions. The monitor's
  formulas use the classic functions of ``CLASSIC_FUNCTIONS`` alone; a formula that names
  only those is trimmed as XlsxWriter trims it, and every other formula still takes
  XlsxWriter's own way (tests/test_xlsx.py holds the list against XlsxWriter's).
- Each part of the package goes through a temporary file. A monitor of up to
  ``IN_MEMORY_UP_TO`` actions is assembled in memory instead (XlsxWriter's ``in_memory``),
  which also spares a slow or scanned temporary folder on Windows; larger ones keep the
  temporary files, so memory stays flat at 100,000 actions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

#: Monitors of up to this many actions are assembled in memory (about 1 MB per 1,000 actions)
IN_MEMORY_UP_TO = 5_000

#: Excel functions that XlsxWriter never prefixes (they predate Excel 2010's new names)
CLASSIC_FUNCTIONS = frozenset(
    """ABS AND AVERAGE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DAY FIND HYPERLINK IF
    IFERROR INDEX ISBLANK ISNUMBER ISTEXT LEFT LEN LOWER MATCH MAX MID MIN MONTH NOT OR RIGHT
    ROUND ROUNDDOWN ROUNDUP ROW SEARCH SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT TEXT
    TRIM UPPER VALUE YEAR""".split()  # noqa: SIM905 (a list of names, read as one)
)

#: What XlsxWriter's patterns can match: an upper-case name (dots included) and its bracket
_CALLS = re.compile(r"[A-Z][A-Z0-9._]*\(")


def plain_formula(formula: str) -> bool:
    """True when every function the formula calls is a classic one, so XlsxWriter's
    prefixing would leave it as it is."""
    return all(call[:-1] in CLASSIC_FUNCTIONS for call in _CALLS.findall(formula))


class MonitorWorksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no annotations
    """XlsxWriter's worksheet, with formulas of classic functions alone spared the search
    for newer function names."""

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        if not plain_formula(formula):
            prepared: str = super()._prepare_formula(formula, expand_future_functions)
            return prepared
        # XlsxWriter's own trimming: array braces and the leading '='
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula


class MonitorWorkbook(xlsxwriter.Workbook):  # type: ignore[misc]
    """XlsxWriter's workbook whose sheets are MonitorWorksheets."""

    worksheet_class = MonitorWorksheet


def new_workbook(target: Path, options: dict[str, Any], actions: int) -> MonitorWorkbook:
    """The monitor's workbook at ``target``: in memory when it is small (see above)."""
    return MonitorWorkbook(str(target), {**options, "in_memory": actions <= IN_MEMORY_UP_TO})
