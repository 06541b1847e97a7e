"""Every action, and nothing else: registers as coordinators keep them give a hand count.

Each register of ``kept.KEPT`` is built by code the way staff make it, then built into a monitor
through the command line. ``--json`` and the workbook (the Statustabel's cached values, the rows
of the Acties Table, Per thema) must give the numbers counted by hand, and what was left out
must be named in a warning or a notice.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.words.terms import STATUSES

from .kept import KEPT, Expected

AS_OF = "2019-11-01"
SHOWN = (*STATUSES, "onbekend")


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def build(register: Path, *more: object) -> tuple[dict, Path]:
    output = register.with_name(register.stem + "-monitor.xlsx")
    result = run("build", register, "-o", output, "--as-of", AS_OF, "--json", *more)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), output


def counts_of(data: dict) -> dict[str, dict[str, int]]:
    return {p["period"]: {s: n for s, n in p["by_status"].items() if n} for p in data["periods"]}


def table_rows(path: Path, name: str, *, cached: bool = True) -> list[list]:
    formulas = openpyxl.load_workbook(path)
    for sheet in formulas.worksheets:
        if name in sheet.tables:
            ref = sheet.tables[name].ref
            source = openpyxl.load_workbook(path, data_only=True) if cached else formulas
            return [[cell.value for cell in row] for row in source[sheet.title][ref]]
    raise AssertionError(f"no table {name} in {path}")


@pytest.mark.parametrize("name", list(KEPT))
def test_a_register_as_kept_gives_the_hand_count(tmp_path: Path, name: str):
    builder, expected = KEPT[name]
    register = builder(tmp_path / f"{name}.xlsx")
    data, monitor = build(register)
    assert data["total_actions"] == expected.total
    assert counts_of(data) == expected.periods
    _assert_said(data, expected)
    # the workbook says the same: the Statustabel's cached values and one Acties row per action
    statustabel = table_rows(monitor, "Statustabel")
    header, *body, total = statustabel
    assert total[1] == expected.total
    for row in body:
        by_status = dict(zip([h.casefold() for h in header[2:]], row[2:], strict=False))
        wanted = expected.periods[row[0]]
        assert {s: by_status.get(s, 0) for s in wanted} == wanted
    assert len(table_rows(monitor, "Acties")) == expected.total + 1
    if expected.themes:
        assert _per_theme(monitor) == expected.themes


def _assert_said(data: dict, expected: Expected) -> None:
    """The warnings and notices that name what was left out, and none that shouldn't be."""
    warnings = {w["code"] for w in data["warnings"]}
    notices = {n["code"] for n in data["notices"]}
    assert set(expected.warnings) <= warnings, data["warnings"]
    assert set(expected.notices) <= notices, data["notices"]
    assert not set(expected.absent) & (warnings | notices), data["warnings"]


def _per_theme(monitor: Path) -> dict[str, int]:
    _header, *body, _total = table_rows(monitor, "PerThema")
    return {("" if row[0] == "(geen thema)" else row[0]): row[1] for row in body}


#: Registers whose Excel Table or cell colours an ods cannot carry: read as xlsx only.
XLSX_ONLY = {
    "table-with-totals",
    "openpyxl-table",
    "colour-lights",
    "colour-statuses",
}


@pytest.mark.libreoffice
@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_saved_again_by_libreoffice_the_count_is_the_same(tmp_path: Path, soffice: str, fmt: str):
    """LibreOffice Calc, a third producer, writes the same registers its own way (its styles,
    its table parts, ods content): the hand counts hold."""
    from .lo import convert, recalculating_profile

    names = [name for name in KEPT if fmt == "xlsx" or name not in XLSX_ONLY]
    originals = tmp_path / "originals"
    originals.mkdir()
    files = [KEPT[name][0](originals / f"{name}.xlsx") for name in names]
    out = tmp_path / "saved"
    out.mkdir()
    saved = convert(soffice, files, out, fmt, recalculating_profile(tmp_path / "profile"))
    for name, original in zip(names, files, strict=True):
        expected = KEPT[name][1]
        data, _ = build(saved[original])
        assert (name, data["total_actions"]) == (name, expected.total)
        assert counts_of(data) == expected.periods, name
        _assert_said(data, expected)
