"""Every broken, hostile and odd register of the corpus through ``build`` and ``check``.

For each case (``hostile_corpus.CASES``): the exit code, one line on stderr naming the file
(and the sheet and cell where it applies) for a failure, the warnings naming cells for an odd
register that builds, no traceback, under 10 seconds, the register's bytes unchanged, nothing
written beside it, and a previous monitor (with its history) byte-identical after any failure
and after every ``check``. The big and hostile cases run once more in a child process, timed and
measured: under 10 seconds and 500 MB of peak memory.
"""

from __future__ import annotations

import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import registers
from mvi_xl.cli import cli

from .conftest import BASIC_ROWS, write_xlsx
from .hostile_corpus import CASES, EXCEL_TEXT_LIMIT, INJECTIONS, Case

AS_OF = "2019-01-01"
SECONDS = 10
PEAK_MB = 500
ROOT = Path(__file__).resolve().parent.parent


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


#: The lock a build takes beside its monitor stays, empty, so that two runs never race on it.
LOCK_SUFFIX = ".mvi-xl.lock"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (run locks aside): what a run must leave as it
    was, so nothing changed and nothing (a temporary file, say) was left behind."""
    return {
        str(p.relative_to(folder)): _bytes_of(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and os.access(p, os.R_OK) and not p.name.endswith(LOCK_SUFFIX)
    }


def _bytes_of(path: Path) -> bytes:
    with open(path, "rb") as handle:  # not Path.open: one test makes that refuse the register
        return handle.read()


@pytest.fixture(scope="session")
def previous(tmp_path_factory) -> dict[str, bytes]:
    """A monitor and its history, built before the case runs, at the -o the case uses."""
    folder = tmp_path_factory.mktemp("vorige")
    register = write_xlsx(folder / "vorig register.xlsx", BASIC_ROWS)
    result = run("build", register, "-o", folder / "monitor.xlsx", "--as-of", "2018-11-01")
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith("monitor")}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """Registers that take a moment to generate are made once and copied for each test."""
    made: dict[str, Path] = {}

    def folder_of(case: Case) -> Path:
        if case.name not in made:
            folder = tmp_path_factory.mktemp(case.name)
            case.make(folder)
            made[case.name] = folder
        return made[case.name]

    return folder_of


def prepare(case: Case, tmp_path: Path, previous: dict[str, bytes], corpus) -> tuple[Path, Path]:
    """(the register, the monitor to write) in fresh folders: ``werk`` for the register and
    its mvi-xl.toml, ``uit`` for the previous monitor."""
    work = tmp_path / "werk"
    if case.slow:
        shutil.copytree(corpus(case), work)
        register = next(p for p in work.iterdir())
    else:
        work.mkdir()
        register = case.make(work)
    if case.config:
        (work / "mvi-xl.toml").write_text(case.config, encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    for name, data in previous.items():
        (out / name).write_bytes(data)
    return register, out / "monitor.xlsx"


def no_read_permission_for_root(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 0 does not stop root (as in many containers): refuse the open the way the OS would."""
    if os.access(register, os.R_OK):
        opened = pathlib.Path.open

        def refuse(self, *args, **kwargs):
            if self == register:
                raise PermissionError(13, "Permission denied", str(self))
            return opened(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, "open", refuse)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_build_and_check_give_the_expected_answer(
    case: Case, tmp_path: Path, previous, corpus, monkeypatch: pytest.MonkeyPatch
):
    if case.posix_only and os.name != "posix":
        pytest.skip("POSIX permissions and devices")
    # A register that looks half-saved is read again after a pause; the pause is real in the
    # child-process test below, and only slows this walk down.
    monkeypatch.setattr(registers, "READ_DELAY", 0)
    register, monitor = prepare(case, tmp_path, previous, corpus)
    if case.name == "no_read_permission":
        no_read_permission_for_root(register, monkeypatch)
    work = snapshot(tmp_path / "werk")

    for command in ("build", "check"):
        out = snapshot(monitor.parent)
        args = [command, register, "--as-of", AS_OF]
        if command == "build":
            args += ["-o", monitor]
        started = time.perf_counter()
        result = run(*args)
        elapsed = time.perf_counter() - started

        assert result.exit_code == case.exit, result.output
        assert elapsed < SECONDS
        assert "Traceback" not in result.output
        if case.exit:
            assert_one_line(result.stderr, register, case)
            assert result.stdout == ""
        else:
            assert_warned(result.stderr, case)
        assert snapshot(tmp_path / "werk") == work, "the register's folder changed"
        if case.exit or command == "check":
            assert snapshot(monitor.parent) == out, "the previous monitor changed"
    if not case.exit:
        assert_monitor(monitor, previous["monitor.xlsx"])
        CHECKS_AFTER_BUILD.get(case.name, lambda *_: None)(monitor, register)


def assert_one_line(stderr: str, register: Path, case: Case) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith(f"mvi-xl: {register}"), line
    if case.where:
        assert f"{register}, {case.where}: " in line, line
    for words in case.says:
        assert words in line, line


def assert_warned(stderr: str, case: Case) -> None:
    for words in case.says:
        assert words in stderr, stderr
    if case.where:
        assert f"  {case.where}: " in stderr, stderr


def assert_monitor(monitor: Path, previous: bytes) -> None:
    """A new, complete monitor: a macro-free xlsx that opens."""
    assert monitor.read_bytes() != previous
    with zipfile.ZipFile(monitor) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
    assert "xl/vbaProject.bin" not in names
    assert "sheet.main+xml" in types and "macroEnabled" not in types
    openpyxl.load_workbook(monitor).close()


# --- What an odd register builds into --------------------------------------------------------


def actions_column(monitor: Path, header: str) -> list[object]:
    workbook = openpyxl.load_workbook(monitor)
    sheet = workbook.worksheets[1]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index(header) + 1
    return [sheet.cell(row, column).value for row in range(2, sheet.max_row + 1)]


def report(register: Path) -> dict:
    result = run("check", register, "--as-of", AS_OF, "--json")
    return json.loads(result.stdout)


def counts(register: Path) -> dict[str, int]:
    return {p["period"]: p["total"] for p in report(register)["periods"]}


def long_cell(monitor: Path, _register: Path) -> None:
    text = actions_column(monitor, "Actie")[0]
    assert len(text) == EXCEL_TEXT_LIMIT


def cut_cell(monitor: Path, _register: Path) -> None:
    text = actions_column(monitor, "Actie")[0]
    assert len(text) == EXCEL_TEXT_LIMIT and text.endswith("…")


def merged_header(monitor: Path, register: Path) -> None:
    data = report(register)
    assert data["total_actions"] == 2
    assert [(r["id"], r["date"]) for r in data["realised_since"]] == [("1.1", "2018-07-05")]


def merged_period(_monitor: Path, register: Path) -> None:
    assert counts(register) == {"Aan de slag in 2017": 3, "Actie doorlopend": 1}


def every_action(_monitor: Path, register: Path) -> None:
    assert report(register)["total_actions"] == len(BASIC_ROWS)


def one_eight_cp1252(monitor: Path, _register: Path) -> None:
    assert "Inkoop bij één sociale onderneming" in actions_column(monitor, "Actie")


def no_macros(monitor: Path, register: Path) -> None:
    assert register.suffix == ".xlsm" and monitor.suffix == ".xlsx"
    every_action(monitor, register)


def inert_everywhere(monitor: Path, _register: Path) -> None:
    """Action texts, periods and statuses that look like formulas or links are text in every
    sheet: no formula carries them, no cell links anywhere outside the workbook."""
    payloads = ("HYPERLINK", "evil.example", "cmd|", "SUM(A1)", "{=1+1}", "+31 20", "-2+3")
    with zipfile.ZipFile(monitor) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8", errors="replace")
            if name.startswith("xl/worksheets/_rels/"):
                assert 'TargetMode="External"' not in text, name
            if name.startswith("xl/worksheets/sheet"):
                for formula in _formulas(text):
                    code = STRING_LITERAL.sub('""', html.unescape(formula))
                    assert not any(p in code for p in payloads), (name, formula)
    workbook = openpyxl.load_workbook(monitor)
    shown = {text.strip() for text in INJECTIONS}
    seen: set[str] = set()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.hyperlink is not None:
                    assert cell.hyperlink.target is None, (sheet.title, cell.coordinate)
                if cell.data_type == "f":  # the Statustabel's own: a period label is a literal
                    code = STRING_LITERAL.sub('""', str(cell.value))
                    assert not any(p in code for p in payloads), (sheet.title, cell.coordinate)
                elif isinstance(cell.value, str):
                    quoted = [t for t in shown if t in cell.value]
                    if quoted:
                        assert cell.data_type == "s", (sheet.title, cell.coordinate)
                        seen.update(quoted)
    assert seen == shown  # nothing was dropped on the way
    notes = workbook.worksheets[2]
    warnings = [c.value for row in notes.iter_rows() for c in row if isinstance(c.value, str)]
    assert any('=HYPERLINK("http://evil.example","klik")' in w for w in warnings)


#: A text in a formula ("..." with "" for a quote): a criterion, never code.
STRING_LITERAL = re.compile(r'"(?:[^"]|"")*"')


def _formulas(xml: str) -> list[str]:
    found, start = [], 0
    while (begin := xml.find("<f", start)) >= 0:
        end = xml.find("</f>", begin)
        found.append(xml[begin : end if end >= 0 else begin + 200])
        start = begin + 2
    return found


CHECKS_AFTER_BUILD = {
    "cell_of_32767_characters": long_cell,
    "cell_beyond_excel": cut_cell,
    "merged_header": merged_header,
    "merged_period": merged_period,
    "hidden_rows_and_sheet": every_action,
    "xlsb": every_action,
    "xls": every_action,
    "ods": every_action,
    "csv_utf16": every_action,
    "csv_cp1252": one_eight_cp1252,
    "xlsm_with_macros": no_macros,
    "formula_and_link_injection": inert_everywhere,
}


# --- Time and memory, measured in a child process ------------------------------------------

#: A small launcher runs mvi-xl and reports on it. Peak memory comes from RUSAGE_CHILDREN of
#: that launcher: a process started straight from pytest would report pytest's own size too,
#: because Linux carries the resident size of the forked parent over into the child's peak.
MEASURE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run([sys.executable, "-m", "mvi_xl", *sys.argv[1:]])
seconds = time.perf_counter() - started
try:
    import resource
except ImportError:  # Windows: time only
    peak = None
else:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024
with open(os.environ["MVI_XL_MEASURE"], "w") as handle:
    json.dump({"seconds": seconds, "peak_mb": peak}, handle)
sys.exit(done.returncode)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.slow or c.name == "truncated_xlsx"],
    ids=lambda c: c.name,
)
def test_bounded_in_time_and_memory(case: Case, tmp_path: Path, previous, corpus):
    """The whole mvi-xl process, imports included: wall time from spawn to exit, and its peak
    resident memory. A half-saved register is retried with its real pauses here."""
    register, monitor = prepare(case, tmp_path, previous, corpus)
    measured = tmp_path / "measure.json"
    env = {**os.environ, "MVI_XL_MEASURE": str(measured), "PYTHONPATH": str(ROOT)}
    for command in ("build", "check"):
        args = [command, str(register), "--as-of", AS_OF]
        if command == "build":
            args += ["-o", str(monitor)]
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == case.exit, done.stderr
        report = json.loads(measured.read_text())
        elapsed, peak = report["seconds"], report["peak_mb"]
        assert elapsed < SECONDS, f"{command} took {elapsed:.1f} s"
        if peak is not None:
            assert peak < PEAK_MB, f"{command} peaked at {peak:.0f} MB"
        if case.exit:
            assert len(done.stderr.splitlines()) == 1, done.stderr
        assert "Traceback" not in done.stderr and "panicked" not in done.stderr
