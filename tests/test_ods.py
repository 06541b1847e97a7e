"""``mvi-xl build --ods``: the monitor as OpenDocument too, converted by LibreOffice, read back:
the same sheets, the status table's values, and the chart still a chart over those cells."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from mvi_xl import pdf
from mvi_xl.cli import cli

from .conftest import BASIC_ROWS, write_xlsx
from .test_pdf import fake_soffice, posix_only  # noqa: F401  (a fixture used below)

CHART_OBJECT = re.compile(r'<draw:object [^>]*draw:notify-on-update-of-ranges="([^"]*)"')


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def status_rows(rows: list[list[object]]) -> dict[str, list[object]]:
    """The Statustabel as read back: period -> total and a count per status."""
    header = next(i for i, row in enumerate(rows) if row and row[0] in ("Periode", "Period"))
    table = {}
    for row in rows[header + 1 :]:
        if not row or not row[0]:
            break
        table[str(row[0])] = [int(v) for v in row[1:6]]
        if row[0] in ("Totaal", "Total"):
            break
    return table


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_build_ods_reads_back_with_the_status_table_and_the_chart(
    soffice: str, tmp_path: Path, lang: str
):
    output = tmp_path / "map met spatie" / "voorbeeld-monitor.xlsx"
    output.parent.mkdir()
    result = run("build", "--example", "--ods", "--json", "--lang", lang, "-o", output)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ods = output.with_suffix(".ods")
    assert data["ods"] == str(ods)

    book = CalamineWorkbook.from_path(str(ods))
    assert book.sheet_names == CalamineWorkbook.from_path(str(output)).sheet_names
    table = status_rows(book.get_sheet_by_index(0).to_python())
    statuses = ("voltooid", "lopend", "gepland", "vervallen")
    expected = {
        p["period"]: [p["total"], *(p["by_status"][s] for s in statuses)] for p in data["periods"]
    }
    total_label = "Totaal" if lang == "nl" else "Total"
    assert {k: v for k, v in table.items() if k != total_label} == expected
    assert table[total_label][0] == data["total_actions"] == 124

    with zipfile.ZipFile(ods) as package:
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        content = package.read("content.xml").decode("utf-8")
        monitor_sheet = book.sheet_names[0]
        charts = CHART_OBJECT.findall(content)
        on_monitor = [c for c in charts if c.startswith(f"{monitor_sheet}.")]
        assert len(on_monitor) == 1, charts  # the status chart, over the Statustabel's cells
        target = re.search(
            r'notify-on-update-of-ranges="'
            + re.escape(on_monitor[0])
            + r'" xlink:href="\./([^"]+)"',
            content,
        )
        assert target is not None
        chart = package.read(f"{target[1]}/content.xml").decode("utf-8")
        assert 'chart:class="chart:bar"' in chart
        assert chart.count("<chart:series ") == 4  # one per status
        assert "COUNTIFS" in content.upper()  # the counts are still formulas
    assert not [p.name for p in output.parent.iterdir() if p.name.startswith(".mvi-xl-")]


def test_ods_without_libreoffice_exits_4_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(tmp_path / "geen-soffice"))
    for lang, words in (("nl", "--ods heeft LibreOffice Calc nodig"), ("en", "--ods needs")):
        result = run("build", register, "--ods", "--lang", lang)
        assert result.exit_code == 4
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and words in lines[0] and pdf.SOFFICE_ENV in lines[0]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["register.xlsx"]


@posix_only
def test_libreoffice_that_makes_no_ods_leaves_the_previous_monitor(
    tmp_path: Path,
    fake_soffice: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    assert run("build", register, "--as-of", "2018-06-01").exit_code == 0
    monitor = tmp_path / "register-monitor.xlsx"
    before = monitor.read_bytes()
    monkeypatch.setenv("FAKE_SOFFICE", "fail")
    result = run("build", register, "--ods", "--as-of", "2018-11-01")
    assert result.exit_code == 4, result.output
    assert result.stderr.count("\n") == 1 and "OpenDocument" in result.stderr
    assert monitor.read_bytes() == before
    assert not (tmp_path / "register-monitor.ods").exists()
