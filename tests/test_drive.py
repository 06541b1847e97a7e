"""The shared drive as Windows and SMB answer, simulated faithfully where this machine can't
produce it: "in use" (Windows errors 32 and 33, EBUSY and EEXIST from an SMB rename, an Excel
owner file), a read-only monitor, missing rights, a drive that went away; file modes; output
that any console can take; and the files mvi-xl must never write."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl import outputs, pipeline, safe_io
from mvi_xl.cli import cli

from .conftest import BASIC_ROWS, HEADER, write_xlsx

ROOT = Path(__file__).resolve().parent.parent


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


class SharingViolation(PermissionError):
    """PermissionError as Windows raises it for ERROR_SHARING_VIOLATION (32)."""

    winerror = 32


class LockViolation(PermissionError):
    winerror = 33  # ERROR_LOCK_VIOLATION


class AccessDenied(PermissionError):
    winerror = 5  # ERROR_ACCESS_DENIED: a read-only file, or no rights


def refuse(monkeypatch, targets: set[Path], error) -> None:
    """Moves onto ``targets`` fail with ``error()``, as the system would answer."""
    real = Path.replace

    def replace(self: Path, other):
        if Path(other) in targets:
            raise error()
        return real(self, other)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(safe_io, "REPLACE_DELAY", 0.01)


IN_USE = [
    ("winerror 32", lambda: SharingViolation(errno.EACCES, "in use"), False),
    ("winerror 33", lambda: LockViolation(errno.EACCES, "locked"), False),
    ("EBUSY (SMB)", lambda: OSError(errno.EBUSY, "Device or resource busy"), False),
    ("EEXIST (smbnetfs)", lambda: OSError(errno.EEXIST, "File exists"), False),
    ("owner file", lambda: PermissionError(errno.EACCES, "Permission denied"), True),
]


@pytest.mark.parametrize(("error", "owner"), [c[1:] for c in IN_USE], ids=[c[0] for c in IN_USE])
def test_in_use_gives_the_dated_copy_and_exit_5(
    basic_register: Path, tmp_path: Path, monkeypatch, error, owner: bool
):
    monitor = tmp_path / "monitor.xlsx"
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    before = monitor.read_bytes()
    if owner:
        (tmp_path / "~$monitor.xlsx").write_bytes(b"owner")
    refuse(monkeypatch, {monitor}, error)
    result = run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01", "--json")
    assert result.exit_code == 5, result.output
    copy = Path(json.loads(result.stdout)["output"])
    assert copy.name.startswith("monitor (2") and openpyxl.load_workbook(copy)
    assert monitor.read_bytes() == before


@pytest.mark.parametrize(
    ("error", "read_only", "says"),
    [
        (lambda: AccessDenied(errno.EACCES, "Access is denied"), True, "alleen-lezen"),
        (lambda: PermissionError(errno.EACCES, "Permission denied"), False, "schrijfrechten"),
        (lambda: OSError(errno.EROFS, "Read-only file system"), False, "kan de monitor niet"),
        (lambda: OSError(errno.EIO, "Input/output error"), False, "schijf"),
    ],
    ids=["read-only monitor", "no rights", "read-only file system", "drive gone"],
)
def test_what_is_not_in_use_is_exit_4_saying_what_it_is(
    basic_register: Path, tmp_path: Path, monkeypatch, error, read_only: bool, says: str
):
    monitor = tmp_path / "monitor.xlsx"
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    if read_only:
        monitor.chmod(0o444)
    refuse(monkeypatch, {monitor}, error)
    result = run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01")
    assert result.exit_code == 4, result.output
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert "open in Excel" not in result.stderr
    assert sorted(p.name for p in tmp_path.glob("monitor (*")) == []


def test_a_dated_copy_that_is_open_too_makes_another_and_the_next_run_removes_them(
    basic_register: Path, tmp_path: Path, monkeypatch
):
    monitor = tmp_path / "monitor.xlsx"
    args = ("build", basic_register, "-o", monitor, "--as-of", "2018-11-01", "--json")
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    mine = tmp_path / "monitor (2018-01-01 10.00).xlsx"  # the user's own file, not mvi-xl's
    mine.write_bytes(b"keep me")
    refuse(monkeypatch, {monitor}, lambda: SharingViolation(errno.EACCES, "in use"))
    first = Path(json.loads(run(*args).stdout)["output"])
    refuse(monkeypatch, {monitor, first}, lambda: SharingViolation(errno.EACCES, "in use"))
    second = Path(json.loads(run(*args).stdout)["output"])
    assert second != first and openpyxl.load_workbook(second)
    monkeypatch.undo()
    assert run(*args).exit_code == 0
    assert not first.exists() and not second.exists() and mine.exists()


def test_a_drive_that_goes_away_while_reading_is_exit_3(basic_register: Path, monkeypatch):
    real = Path.stat

    def stat(self, **kw):
        if self == basic_register:
            raise OSError(errno.EIO, "Input/output error", str(self))
        return real(self, **kw)

    monkeypatch.setattr(Path, "stat", stat)
    result = run("build", basic_register)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "schijf" in result.stderr


def test_an_io_error_anywhere_is_one_line_never_an_internal_error(
    basic_register: Path, tmp_path: Path, monkeypatch
):
    def gone(*args, **kwargs):
        raise OSError(errno.ENOTCONN, "Transport endpoint is not connected")

    monkeypatch.setattr(pipeline, "load_history", gone)
    result = run("build", basic_register, "-o", tmp_path / "m.xlsx", "--lang", "en")
    assert result.exit_code == 4
    assert "drive can't be reached" in result.stderr and "internal error" not in result.stderr


# --- File modes -------------------------------------------------------------------------------


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_new_files_get_the_mode_the_umask_gives(basic_register: Path, tmp_path: Path, umask_022):
    monitor = tmp_path / "monitor.xlsx"
    log = tmp_path / "runs.log"
    assert run("build", basic_register, "-o", monitor, "--log-file", log).exit_code == 0
    for path in (monitor, tmp_path / "monitor-historie.csv", log):
        assert path.stat().st_mode & 0o777 == 0o644, path.name  # readable by others


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_replaced_file_keeps_its_mode(basic_register: Path, tmp_path: Path, umask_022):
    monitor = tmp_path / "monitor.xlsx"
    history = tmp_path / "monitor-historie.csv"
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-06-01").exit_code == 0
    monitor.chmod(0o664)
    history.chmod(0o640)
    assert run("build", basic_register, "-o", monitor, "--as-of", "2018-11-01").exit_code == 0
    assert monitor.stat().st_mode & 0o777 == 0o664
    assert history.stat().st_mode & 0o777 == 0o640


def test_the_readmes_first_command_leaves_nothing_untracked(tmp_path: Path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(ROOT / ".gitignore", checkout / ".gitignore")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=checkout,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    git("init", "-q")
    git("add", ".gitignore")
    git("commit", "-qm", "x")
    done = subprocess.run(
        [sys.executable, "-m", "mvi_xl", "build", "--example", "-o", "monitor.xlsx"],
        cwd=checkout,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert (checkout / "monitor.xlsx").exists()
    assert git("status", "--porcelain") == ""


# --- Output any console can take ----------------------------------------------------------------

WORLD_ROWS = [
    ["1", "Zonnepanelen ☀️ op het stadhuis", "مشتريات 2018 🌱", "voltooid", "5-7-2018"],
    ["2", "Inkoop 😀 عربي", "مشتريات 2018 🌱", "lopend", None],
    ["3", "Ondertekening", "Fase ☃", "raar 🙃", None],
]


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_a_register_with_emoji_and_arabic_builds_with_redirected_output(
    tmp_path: Path, encoding: str
):
    register = write_xlsx(tmp_path / "wereld 🌍.xlsx", WORLD_ROWS, header=HEADER)
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    with (tmp_path / "out.txt").open("wb") as out, (tmp_path / "err.txt").open("wb") as err:
        done = subprocess.run(
            [sys.executable, "-m", "mvi_xl", "build", str(register)],
            stdout=out,
            stderr=err,
            env=env,
            timeout=120,
        )
    stdout = (tmp_path / "out.txt").read_bytes().decode(encoding)
    stderr = (tmp_path / "err.txt").read_bytes().decode(encoding)
    assert done.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "Totaal" in stdout and "?" in stdout  # what cp1252 can't take is replaced
    assert (tmp_path / "wereld 🌍-monitor.xlsx").exists()

    piped = subprocess.run(
        [sys.executable, "-m", "mvi_xl", "build", str(register), "--json", "--force"],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert piped.returncode == 0
    data = json.loads(piped.stdout.decode(encoding))  # valid JSON, in ASCII escapes
    assert piped.stdout.isascii()
    assert data["periods"][0]["period"] == "مشتريات 2018 🌱"


def test_the_exit_code_is_the_builds_when_stdout_is_a_cp1252_pipe(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", WORLD_ROWS, header=HEADER)
    done = subprocess.run(
        [sys.executable, "-m", "mvi_xl", "build", str(register), "--strict"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
        timeout=120,
    )
    assert done.returncode == 3  # the unknown status, under --strict
    assert b"Traceback" not in done.stderr


# --- Never written where it mustn't be ----------------------------------------------------------


def test_a_log_file_naming_the_register_is_refused(basic_register: Path, tmp_path: Path):
    before = basic_register.read_bytes()
    link = tmp_path / "koppeling.log"
    spellings = [basic_register, basic_register.parent / "." / basic_register.name]
    try:
        link.symlink_to(basic_register)
        spellings.append(link)
    except OSError:
        pass
    for spelling in spellings:
        result = run("build", basic_register, "-o", tmp_path / "m.xlsx", "--log-file", spelling)
        assert result.exit_code == 2, spelling
        assert "schrijft nooit in een register" in result.stderr
    assert basic_register.read_bytes() == before


def test_no_output_of_the_build_may_be_a_register(tmp_path: Path):
    """The history or the PDF of a monitor named so that it is one of the registers."""
    register = write_xlsx(tmp_path / "Plan.xlsx", BASIC_ROWS)
    csv = tmp_path / "m-historie.csv"
    csv.write_bytes(b"Nr;Actie;Periode;Status\r\n1;x;P;lopend\r\n")
    result = run("build", register, csv, "-o", tmp_path / "m.xlsx")
    assert result.exit_code == 2 and "schrijft nooit in een register" in result.stderr
    assert csv.read_bytes().startswith(b"Nr;Actie")


def test_a_folder_build_skips_a_link_to_a_file_outside_the_folder(tmp_path: Path):
    folder = tmp_path / "registers"
    folder.mkdir()
    write_xlsx(folder / "Inkoop.xlsx", BASIC_ROWS)
    elsewhere = write_xlsx(tmp_path / "geheim.xlsx", BASIC_ROWS[:2])
    try:
        (folder / "Geheim.xlsx").symlink_to(elsewhere)
        (folder / "Zelfde.xlsx").symlink_to(folder / "Inkoop.xlsx")
    except OSError:
        pytest.skip("symbolic links are not allowed here")
    result = run("build", folder, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total_actions"] == len(BASIC_ROWS)  # the outside file is not read
    codes = [w["code"] for w in data["warnings"]]
    assert "link_outside" in codes and "repeated_source" in codes


def test_a_path_longer_than_excel_opens_is_a_notice(basic_register: Path, tmp_path: Path):
    deep = tmp_path / ("map " * 20).strip() / ("nog een map " * 8).strip()
    deep.mkdir(parents=True)
    monitor = deep / "Actieplan Maatschappelijk Verantwoord Inkopen-monitor.xlsx"
    assert len(str(monitor)) > outputs.EXCEL_MAX_PATH
    result = run("build", basic_register, "-o", monitor, "--json")
    assert result.exit_code == 0
    notices = {n["code"]: n for n in json.loads(result.stdout)["notices"]}
    assert notices["path_too_long"]["where"] in (monitor.name, monitor.stem + "-historie.csv")
    assert "218" in notices["path_too_long"]["message"]
