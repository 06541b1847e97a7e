"""``mvi-xl build --pdf`` without a real LibreOffice: finding soffice, the message when it is
missing, and the hand-over to a stand-in soffice that records what it was asked to do.
(The real LibreOffice prints the page in test_libreoffice.py.)"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import pdf
from mvi_xl.browser import BROWSER_ENV
from mvi_xl.cli import cli
from mvi_xl.errors import OutputError

from .conftest import BASIC_ROWS, write_xlsx

FAKE_SOFFICE = """\
# A stand-in for LibreOffice: answers --convert-to like soffice does, as FAKE_SOFFICE says.
import os, sys, time, zipfile
from pathlib import Path

args = sys.argv[1:]
with open(os.environ["FAKE_SOFFICE_LOG"], "a", encoding="utf-8") as log:
    log.write(" ".join(args) + "\\n")
mode = os.environ.get("FAKE_SOFFICE", "ok")
if mode == "fail":
    print("Error: source file could not be loaded")
    sys.exit(1)
if mode == "sleep":
    time.sleep(60)
out = Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for arg in args:
    if arg.endswith(".xlsx") and mode != "none":
        workbook = zipfile.ZipFile(arg).read("xl/workbook.xml")
        (out / (Path(arg).stem + ".pdf")).write_bytes(b"%PDF-1.4 stand-in\\n" + workbook)
"""

posix_only = pytest.mark.skipif(os.name != "posix", reason="the stand-in soffice is a script")


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def register(tmp_path: Path) -> Path:
    folder = tmp_path / "werkmap"
    folder.mkdir()
    return write_xlsx(folder / "register.xlsx", BASIC_ROWS)


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program = tmp_path / "bin" / "fake_soffice.py"
    program.parent.mkdir()
    program.write_text(FAKE_SOFFICE, encoding="utf-8")
    script = tmp_path / "bin" / "soffice"  # a shell wrapper: a shebang can't hold every path
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{program}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(script))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(tmp_path / "soffice.log"))
    monkeypatch.setenv(BROWSER_ENV, "")  # LibreOffice's route; test_tagged_pdf.py the browser's
    return script


# --- Finding LibreOffice -----------------------------------------------------------------------


def test_named_soffice_wins(tmp_path: Path):
    named = tmp_path / "soffice-7.6"
    named.write_text("")
    assert pdf.find_soffice({pdf.SOFFICE_ENV: str(named), "PATH": ""}) == named


def test_named_soffice_that_is_missing_is_not_looked_for_elsewhere(tmp_path: Path):
    on_path = tmp_path / "bin" / "soffice"
    on_path.parent.mkdir()
    on_path.write_text("")
    on_path.chmod(0o755)
    environ = {pdf.SOFFICE_ENV: str(tmp_path / "nowhere"), "PATH": str(on_path.parent)}
    assert pdf.find_soffice(environ) is None


@posix_only
def test_soffice_on_the_path(tmp_path: Path):
    on_path = tmp_path / "bin" / "soffice"
    on_path.parent.mkdir()
    on_path.write_text("")
    on_path.chmod(0o755)
    assert pdf.find_soffice({"PATH": str(on_path.parent)}) == on_path


def test_soffice_in_the_windows_install_folder(tmp_path: Path):
    program = tmp_path / "Program Files" / "LibreOffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice.exe").write_text("")
    environ = {"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "Program Files")}
    assert pdf.find_soffice(environ) == program / "soffice.exe"
    usual = Path(r"C:\Program Files", "LibreOffice", "program", "soffice.exe")
    assert usual in pdf.install_locations({"ProgramFiles": r"C:\Program Files"})


# --- --pdf without LibreOffice -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("nl", "mvi-xl: geen browser (Edge, Chrome, Chromium) en geen LibreOffice gevonden"),
        ("en", "mvi-xl: no browser (Edge, Chrome, Chromium) and no LibreOffice found"),
    ],
)
def test_pdf_without_libreoffice_exits_4_and_writes_nothing(
    register: Path, monkeypatch: pytest.MonkeyPatch, lang: str, start: str
):
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(register.parent / "geen-soffice"))
    monkeypatch.setenv(BROWSER_ENV, "")  # no browser either
    result = run("build", register, "--pdf", "--lang", lang)
    assert result.exit_code == 4
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(start), result.stderr
    assert pdf.SOFFICE_ENV in lines[0] and BROWSER_ENV in lines[0] and "--pdf" in lines[0]
    assert sorted(p.name for p in register.parent.iterdir()) == ["register.xlsx"]


# --- --pdf with a stand-in soffice -------------------------------------------------------------


@posix_only
def test_pdf_is_printed_from_a_monitor_only_copy(register: Path, fake_soffice: Path):
    result = run("build", register, "--pdf", "--json", "--as-of", "2018-11-01")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    monitor = register.with_name("register-monitor.xlsx")
    target = register.with_name("register-monitor.pdf")
    assert (data["output"], data["pdf"]) == (str(monitor), str(target))
    printed = target.read_bytes()
    assert printed.startswith(b"%PDF")
    states = _sheet_states(printed.split(b"\n", 1)[1])
    assert states[0] == "visible" and set(states[1:]) == {"hidden"}  # the Monitor alone
    workbook = openpyxl.load_workbook(monitor)  # the monitor itself: every sheet visible
    assert all(ws.sheet_state == "visible" for ws in workbook.worksheets)
    (call,) = _calls()
    assert "--headless" in call and "--convert-to pdf:calc_pdf_Export" in call
    assert "-env:UserInstallation=file:///" in call  # a throw-away profile, never the user's


@posix_only
def test_every_export_gets_its_own_profile(register: Path, fake_soffice: Path, tmp_path: Path):
    monitor = tmp_path / "m.xlsx"
    assert run("build", register, "-o", monitor, "--as-of", "2018-11-01").exit_code == 0
    pdf.export_pdf(monitor, tmp_path / "a.pdf")
    pdf.export_pdf(monitor, tmp_path / "b.pdf")
    profiles = [a for call in _calls() for a in call.split() if "Installation" in a]
    assert len(profiles) == 2 and profiles[0] != profiles[1]


@posix_only
def test_failed_export_leaves_the_previous_monitor(
    register: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch
):
    assert run("build", register, "--as-of", "2018-11-01").exit_code == 0
    monitor = register.with_name("register-monitor.xlsx")
    history = register.with_name("register-monitor-historie.csv")
    before = monitor.read_bytes(), history.read_bytes()
    monkeypatch.setenv("FAKE_SOFFICE", "fail")
    result = run("build", register, "--pdf", "--as-of", "2018-11-02")
    assert result.exit_code == 4
    lines = result.stderr.splitlines()
    assert lines[-1].startswith(f"mvi-xl: {register.with_name('register-monitor.pdf')}: ")
    assert "LibreOffice kon de PDF niet maken" in lines[-1]
    assert "code 1: Error: source file could not be loaded" in lines[-1]
    assert (monitor.read_bytes(), history.read_bytes()) == before
    assert not register.with_name("register-monitor.pdf").exists()
    leftovers = [p.name for p in register.parent.iterdir() if p.name.startswith(".mvi-xl-")]
    assert leftovers == []


@posix_only
def test_libreoffice_that_makes_no_pdf(register: Path, fake_soffice: Path, monkeypatch):
    monkeypatch.setenv("FAKE_SOFFICE", "none")
    result = run("build", register, "--pdf", "--as-of", "2018-11-01")
    assert result.exit_code == 4
    assert "LibreOffice made no PDF" in result.stderr
    assert not register.with_name("register-monitor.xlsx").exists()


@posix_only
def test_libreoffice_that_hangs_is_stopped(
    register: Path, fake_soffice: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    assert run("build", register, "-o", tmp_path / "m.xlsx", "--as-of", "2018-11-01").exit_code == 0
    monkeypatch.setenv("FAKE_SOFFICE", "sleep")
    started = time.monotonic()
    with pytest.raises(OutputError) as failed:
        pdf.export_pdfs([(tmp_path / "m.xlsx", tmp_path / "m.pdf")], timeout=1)
    assert failed.value.code == "pdf_failed"
    assert time.monotonic() - started < 30


def test_monitor_only_copy_changes_nothing_but_the_sheet_states(register: Path, tmp_path: Path):
    monitor = tmp_path / "m.xlsx"
    assert run("build", register, "-o", monitor, "--as-of", "2018-11-01").exit_code == 0
    copy = tmp_path / "copy.xlsx"
    pdf.monitor_only(monitor, copy)
    with zipfile.ZipFile(monitor) as a, zipfile.ZipFile(copy) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert changed == [pdf.WORKBOOK_PART]
    states = [ws.sheet_state for ws in openpyxl.load_workbook(copy).worksheets]
    assert states[0] == "visible" and set(states[1:]) == {"hidden"} and len(states) >= 3


def _calls() -> list[str]:
    """The command lines the stand-in soffice was started with."""
    log = Path(os.environ["FAKE_SOFFICE_LOG"])
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _sheet_states(workbook_xml: bytes) -> list[str]:
    states = []
    for element in re.findall(rb"<sheet\b[^>]*>", workbook_xml):
        state = re.search(rb'state="([^"]*)"', element)
        states.append(state[1].decode() if state else "visible")
    return states
