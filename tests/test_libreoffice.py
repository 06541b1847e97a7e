"""The monitor in LibreOffice Calc, an engine nobody here wrote: every formula recalculated gives
the value mvi-xl cached, the chart survives loading and saving, and the Monitor sheet prints on
exactly one A4 landscape page.

Each LibreOffice start costs seconds, so the files go through it in batches: one start
recalculates the whole catalogue (tests/monitors.py), one prints the one-page candidates, and one
runs ``mvi-xl build --example --pdf`` end to end.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner

from mvi_xl import pdf
from mvi_xl.cli import cli

from .lo import ERROR_VALUES, cached_values, convert, pdf_page_sizes, recalculating_profile
from .lo import formulas as lo_formulas
from .monitors import CATALOGUE, ONE_PAGE, Built, session_catalogue
from .ooxml import sheet_charts

pytestmark = pytest.mark.libreoffice

A4_LANDSCAPE = (841.89, 595.28)  # points
MONITOR_SHEET = "Monitor"  # the same in every language


@pytest.fixture(scope="module")
def monitors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return session_catalogue(tmp_path_factory)


@pytest.fixture(scope="module")
def recalculated(
    soffice: str, monitors: dict[str, Built], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every monitor of the catalogue after LibreOffice recalculated and saved it (one start)."""
    folder = tmp_path_factory.mktemp("recalculated")
    sentinel = _write_sentinel(folder / "in" / "sentinel.xlsx")
    files = [built.monitor for built in monitors.values()] + [sentinel]
    converted = convert(
        soffice, files, folder / "out", "xlsx", recalculating_profile(folder / "profile")
    )
    by_name = {name: converted[built.monitor] for name, built in monitors.items()}
    return by_name | {"sentinel": converted[sentinel]}


def _write_sentinel(path: Path) -> Path:
    """Formulas whose cached values are deliberately wrong: only a real recalculation fixes them."""
    path.parent.mkdir(parents=True)
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("S")
    sheet.write_column("A1", ["Fase 1?", "Fase 1a", "Fase 1b"])
    sheet.write_formula("B1", "=1+1", None, 99)
    sheet.write_formula("B2", '=COUNTIFS(A1:A3,"=Fase 1~?")', None, 99)
    sheet.write_formula("B3", '=COUNTIFS(A1:A3,"=Fase 1?")', None, 99)
    workbook.close()
    return path


def test_libreoffice_really_recalculates(recalculated: dict[str, Path]):
    """Without a recalculation the wrong cached values would come back and the comparisons below
    would prove nothing. Also shows that LibreOffice reads ~? as a literal question mark."""
    values = cached_values(recalculated["sentinel"])
    assert [values[("S", c)] for c in ("B1", "B2", "B3")] == [2, 1, 3]


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_recalculated_values_equal_the_cached_values(
    name: str, monitors: dict[str, Built], recalculated: dict[str, Path]
):
    original = monitors[name].monitor
    formulas = lo_formulas(original)
    assert sum(sheet == MONITOR_SHEET for sheet, _ in formulas) >= 10, "no Statustabel?"
    ours = cached_values(original)
    theirs = cached_values(recalculated[name])
    differences = [
        f"{sheet}!{cell} {formula}: mvi-xl cached {ours.get((sheet, cell))!r}, "
        f"LibreOffice computed {theirs.get((sheet, cell))!r}"
        for (sheet, cell), formula in formulas.items()
        if not _same(ours.get((sheet, cell)), theirs.get((sheet, cell)))
    ]
    assert not differences, "\n".join(differences)
    errors = [f"{s}!{c}: {v}" for (s, c), v in theirs.items() if v in ERROR_VALUES]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_chart_survives_libreoffice(
    name: str, monitors: dict[str, Built], recalculated: dict[str, Path]
):
    ours = sheet_charts(monitors[name].monitor, MONITOR_SHEET)
    theirs = sheet_charts(recalculated[name], MONITOR_SHEET)
    assert len(ours) == 1 and ours[0].kinds == ("barChart",)
    assert [(c.kinds, c.series, c.formulas) for c in theirs] == [
        (c.kinds, c.series, c.formulas) for c in ours
    ]
    assert theirs[0].series == len(monitors[name].result.monitor.statuses)  # one per status


def test_monitor_sheet_prints_on_one_a4_landscape_page(
    soffice: str, monitors: dict[str, Built], tmp_path: Path
):
    jobs = [(monitors[name].monitor, tmp_path / f"{name}.pdf") for name in ONE_PAGE]
    pdf.export_pdfs(jobs, soffice=Path(soffice))
    for name, (_workbook, target) in zip(ONE_PAGE, jobs, strict=True):
        sizes = pdf_page_sizes(target.read_bytes())
        assert len(sizes) == 1, f"{name}: the Monitor sheet prints on {len(sizes)} pages"
        assert sizes[0] == pytest.approx(A4_LANDSCAPE, abs=1), f"{name}: {sizes[0]} pt"
        _cross_check_with_pdfinfo(target, pages=1)
        if os.environ.get("CI") == "true" or _has_font("Carlito"):
            # laid out with Calibri's metrics, as in Excel, not with a wider substitute
            assert "Carlito" in pdf_fonts(target.read_bytes()), name


def pdf_fonts(data: bytes) -> set[str]:
    """The fonts a PDF embeds, without their subset prefix (``ABCDEF+``)."""
    return {
        name.decode().split("+")[-1].split("-")[0]
        for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data)
    }


def _has_font(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, f":family={family}"], capture_output=True, timeout=30)
    return bool(found.stdout.strip())


def test_build_pdf_writes_the_monitor_and_its_one_page_pdf(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MVI_XL_BROWSER", "")  # LibreOffice's route; test_tagged_pdf.py: Chromium
    output = tmp_path / "map met spatie" / "voorbeeld.xlsx"
    output.parent.mkdir()
    result = CliRunner().invoke(
        cli, ["build", "--example", "--pdf", "-o", str(output)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    target = output.with_suffix(".pdf")
    lines = result.stdout.splitlines()
    assert lines[-2:] == [f"Monitor geschreven: {output}", f"PDF geschreven: {target}"]
    assert pdf_page_sizes(target.read_bytes()) == [pytest.approx(A4_LANDSCAPE, abs=1)]
    workbook = openpyxl.load_workbook(output)  # the monitor itself keeps every sheet visible
    assert [ws.sheet_state for ws in workbook.worksheets] == ["visible"] * len(workbook.sheetnames)
    leftovers = [p.name for p in output.parent.iterdir() if p.name.startswith(".mvi-xl-")]
    assert leftovers == []


# --- helpers -----------------------------------------------------------------------------------


def _same(ours: object, theirs: object) -> bool:
    if isinstance(ours, int | float) and isinstance(theirs, int | float):
        return math.isclose(ours, theirs, rel_tol=1e-12, abs_tol=1e-12)
    return ours == theirs


def _cross_check_with_pdfinfo(path: Path, pages: int) -> None:
    """Where poppler is installed, it must agree with our page-tree reading."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert int(fields["Pages"]) == pages, info.stdout
