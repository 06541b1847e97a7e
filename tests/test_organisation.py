"""The organisation without a config file (issue #17, point 6): ``init --organisation`` writes
it into the starter register, ``build`` reads it from there; ``--organisation`` and
mvi-xl.toml come first."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import props
from mvi_xl.cli import cli


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _fill(register: Path) -> None:
    """One action under the starter register's header, as a coordinator types it."""
    workbook = openpyxl.load_workbook(register)
    sheet = workbook["Acties"]
    top = next(r for r in sheet.iter_rows() if "Actie" in [c.value for c in r])
    header = [c.value for c in top]
    values = {"Actie": "Inkoopbeleid herzien", "Periode": "2018", "Status": "lopend"}
    for name, value in values.items():
        sheet.cell(row=top[0].row + 1, column=header.index(name) + 1, value=value)
    workbook.save(register)


def _page_subtitle(monitor: Path) -> str:
    return str(openpyxl.load_workbook(monitor)["Monitor"]["B2"].value)


@pytest.mark.parametrize(
    ("config", "option", "shown"),
    [
        ("", None, "Gemeente X"),  # from the register init wrote
        ('organisation = "Gemeente Y"\n', None, "Gemeente Y"),  # mvi-xl.toml first
        ('organisation = "Gemeente Y"\n', "Gemeente Z", "Gemeente Z"),  # the option first
    ],
)
def test_init_then_build_names_the_organisation(
    tmp_path: Path, config: str, option: str | None, shown: str
):
    register = tmp_path / "register.xlsx"
    assert run("init", register, "--organisation", "Gemeente X").exit_code == 0
    assert props.read_custom_properties(register)[props.ORGANISATION] == "Gemeente X"
    _fill(register)
    if config:
        (tmp_path / "mvi-xl.toml").write_text(config, encoding="utf-8")
    extra = ["--organisation", option] if option else []
    result = run("build", register, "-o", tmp_path / "m.xlsx", "--as-of", "2018-11-01", *extra)
    assert result.exit_code == 0, result.output
    assert _page_subtitle(tmp_path / "m.xlsx").startswith(shown)
