"""``mvi-xl schedule``: the .cmd file and the lines it prints work when pasted, checked against
a model of cmd.exe's parsing (tests/cmdexe.py) and of the C runtime's argument splitting."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.schedule import (
    SCHTASKS_LIMIT,
    Request,
    ScheduleError,
    absolute,
    cmd_argument,
    cron_line,
    parse_time,
    plan,
)

from . import cmdexe

PYTHON = r"C:\Program Files\Python311\python.exe"
ENV = {
    "ProgramData": r"C:\ProgramData",
    "USERDOMAIN": "GEMEENTE",
    "USERNAME": "mvi-taak",
    "ERRORLEVEL": "0",
}


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def windows(register: str, **kw):
    return plan(Request([register], python=PYTHON, cwd="/tmp", on_windows=False, **kw), "1.0")


def build_line(cmd_text: str) -> str:
    assert cmd_text.endswith("\r\n") and "\n" not in cmd_text.replace("\r\n", "")
    return next(line for line in cmd_text.split("\r\n") if " -m mvi_xl build " in line)


@pytest.mark.parametrize(
    "folder",
    [
        r"\\server\MVI\Inkoop & Aanbesteding",
        r"\\server\MVI\100% zeker (a|b) <c> ^d^ !e!",
        r"C:\Users\Ján\OneDrive - Gemeente\MVI 2018",
        r"\\server\MVI\مشتريات 🌱",
    ],
)
def test_the_cmd_file_passes_cmd_exe_as_one_command(folder: str):
    register = folder + r"\Actieplan MVI.xlsx"
    made = windows(register, options=("--config", folder + r"\mvi-xl.toml", "--lang", "en"))
    [(_local, _remote, text)] = made.cmd_files
    for line in text.split("\r\n"):
        cmdexe.command(cmdexe.expand(line, ENV, batch=True))  # no & | < > outside quotes
    received = cmdexe.run_batch_line(build_line(text), ENV)
    assert received == [
        PYTHON,
        "-m",
        "mvi_xl",
        "build",
        register,
        "-o",
        folder + r"\Actieplan MVI-monitor.xlsx",
        "--config",
        folder + r"\mvi-xl.toml",
        "--lang",
        "en",
        "--quiet",
        "--log-file",
        folder + r"\Actieplan MVI-monitor.log",
    ]
    assert text.split("\r\n")[:4] == [
        "@echo off",
        text.split("\r\n")[1],
        text.split("\r\n")[2],
        "setlocal EnableExtensions DisableDelayedExpansion",
    ]
    assert "chcp 65001" in text.split("\r\n")[:5]  # UTF-8 before the first path


def test_the_old_quoting_breaks_in_cmd_exe():
    r"""What issue 15 found: \" is no quote to cmd.exe, so an & in a path ended up outside."""
    old = r'schtasks /TR "\"\\server\MVI\Inkoop & Aanbesteding\r.xlsx\"" /F'
    with pytest.raises(cmdexe.CmdSyntax):
        cmdexe.command(old)


@pytest.mark.parametrize(
    ("argument", "quote", "expected"),
    [
        ("build", False, "build"),
        ("en", False, "en"),
        (r"C:\a b\c.xlsx", False, r'"C:\a b\c.xlsx"'),
        ("100%", False, '"100%%"'),
        (r"\\server\MVI\regs" + "\\", False, r"\\server\MVI\regs" + "\\"),
        (r"\\server\MVI\regs" + "\\", True, r'"\\server\MVI\regs\\"'),
        ("A & B", False, '"A & B"'),
        ("", False, '""'),
    ],
)
def test_cmd_arguments(argument: str, quote: bool, expected: str):
    assert cmd_argument(argument, quote=quote) == expected
    assert cmdexe.run_batch_line(f"prog {expected}", {})[1:] == [argument]


@pytest.mark.parametrize("bad", ['Blad "1"', "regel\nbreuk"])
def test_arguments_cmd_exe_cannot_carry_are_refused(bad: str):
    with pytest.raises(ScheduleError):
        windows(r"\\server\MVI\r.xlsx", options=("--sheet", bad))


def test_the_schtasks_line_runs_the_cmd_file_as_the_account_whether_logged_on_or_not():
    made = windows(r"\\server\MVI\Inkoop & Aanbesteding\Actieplan MVI.xlsx")
    [(schtasks, powershell)] = made.windows
    [(_local, remote, _text)] = made.cmd_files
    assert len(schtasks) < SCHTASKS_LIMIT
    args = cmdexe.run_typed_line(schtasks, ENV)
    options = dict(zip(args[2::2], args[3::2], strict=False))
    assert args[0] == "schtasks" and args[1] == "/Create" and args[-1] == "/F"
    assert options["/RU"] == r"GEMEENTE\mvi-taak" and options["/RP"] == "*"
    assert options["/TN"].startswith("mvi-xl\\Actieplan MVI-monitor ")
    program = cmdexe.argv(options["/TR"])  # what Task Scheduler starts
    assert program == [cmdexe.expand(remote, ENV, batch=False)]
    assert program[0].startswith(r"C:\ProgramData\mvi-xl") and program[0].endswith(".cmd")
    assert "Register-ScheduledTask" in powershell and "-TaskPath '\\mvi-xl\\'" in powershell
    assert "Get-Credential" in powershell and "New-ScheduledTaskAction -Execute" in powershell


def test_a_named_account():
    made = windows(r"\\server\MVI\r.xlsx", run_as=r"GEMEENTE\svc-mvi")
    [(schtasks, powershell)] = made.windows
    assert '/RU "GEMEENTE\\svc-mvi" /RP *' in schtasks
    assert "-User 'GEMEENTE\\svc-mvi'" in powershell


def test_two_registers_get_two_tasks_and_the_same_register_the_same_one():
    made = windows(r"\\server\MVI\Inkoop\Actieplan.xlsx")
    other = windows(r"\\server\MVI\Ruimte\Actieplan.xlsx")
    again = windows(r"\\SERVER\mvi\inkoop\actieplan.xlsx")  # Windows ignores case
    name = made.jobs[0].name
    assert name != other.jobs[0].name
    assert name.casefold() == again.jobs[0].name.casefold()  # task names ignore case too
    both = plan(
        Request(
            [r"\\server\MVI\Inkoop\Actieplan.xlsx", r"\\server\MVI\Ruimte\Actieplan.xlsx"],
            python=PYTHON,
            cwd="/tmp",
            on_windows=False,
        ),
        "1.0",
    )
    assert len({remote for _, remote, _ in both.cmd_files}) == 2
    assert len({line.split('/TN "')[1].split('"')[0] for line, _ in both.windows}) == 2


def test_a_mapped_drive_letter_is_warned_about_and_replaced_by_its_unc_path():
    shares = {"H:": r"\\server\MVI"}
    made = plan(
        Request(
            [r"H:\Inkoop\Actieplan.xlsx"],
            python=PYTHON,
            cwd="/tmp",
            on_windows=False,
            resolver=shares.get,
        ),
        "1.0",
    )
    assert made.jobs[0].register == r"\\server\MVI\Inkoop\Actieplan.xlsx"
    assert [code for code, _ in made.warnings] == ["schedule_mapped_drive"]
    unknown = windows(r"H:\Inkoop\Actieplan.xlsx")  # generated elsewhere: can't be resolved
    assert [code for code, _ in unknown.warnings] == ["schedule_drive_letter"]
    assert windows(r"C:\MVI\r.xlsx").warnings == []


def test_a_task_for_windows_made_elsewhere_needs_the_windows_python(tmp_path: Path):
    result = run("schedule", r"\\server\MVI\r.xlsx")
    assert result.exit_code == 2 and "--python" in result.stderr


def test_schedule_writes_the_cmd_file_and_prints_the_lines(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(
        "schedule",
        r"\\server\MVI\Inkoop & Aanbesteding\Actieplan één.xlsx",
        "--python",
        PYTHON,
        "--every",
        "weekly",
        "--at",
        "6:30",
        "--pdf",
        "--html",
        "--ods",
        "--sheet",
        "Acties 2018",
    )
    assert result.exit_code == 0, result.output
    [cmd] = list(tmp_path.glob("*.cmd"))
    text = cmd.read_bytes().decode("utf-8")
    received = cmdexe.run_batch_line(build_line(text), ENV)
    assert received[received.index("--sheet") + 1] == "Acties 2018" and "--pdf" in received
    assert "--html" in received and "--ods" in received
    lines = result.stdout.splitlines()
    schtasks = next(line for line in lines if line.startswith("schtasks"))
    assert "/SC WEEKLY /D MON /ST 06:30" in schtasks and cmd.name in schtasks
    assert any(line.startswith("Register-ScheduledTask") for line in lines)
    assert "%ProgramData%\\mvi-xl" in result.stdout  # where to copy it


def test_cron_gets_one_line_per_monitor_with_the_options(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Regs").mkdir()
    result = run(
        "schedule",
        "Actieplan MVI één.xlsx",
        "Regs",
        "--lang",
        "en",
        "--config",
        "mvi-xl.toml",
        "--at",
        "7:05",
    )
    assert result.exit_code == 0, result.output
    cron = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert len(cron) == 2
    first, folder = cron
    assert first.startswith(f"5 7 * * * {sys.executable} -m mvi_xl build ")
    assert f"'{tmp_path / 'Actieplan MVI één.xlsx'}'" in first
    assert f"--config {tmp_path / 'mvi-xl.toml'} --lang en" in first
    assert f"{tmp_path / 'Regs' / 'Regs-monitor.xlsx'}" in folder
    assert "--quiet --log-file" in first


def test_per_afdeling_carries_over_and_needs_a_folder(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("schedule", "r.xlsx", "--per-afdeling").exit_code == 2
    result = run("schedule", "r.xlsx", "--per-afdeling", "-o", "Monitors")
    assert result.exit_code == 0
    cron = next(line for line in result.stdout.splitlines() if line[:1].isdigit())
    assert f"-o {tmp_path / 'Monitors'} --per-afdeling --quiet" in cron
    assert f"--log-file {tmp_path / 'Monitors' / 'mvi-xl.log'}" in cron


def test_a_cmd_file_never_replaces_a_register(tmp_path: Path, monkeypatch):
    """A register that happens to sit where another register's .cmd file goes is refused."""
    monkeypatch.chdir(tmp_path)
    register = tmp_path / "r.xlsx"
    register.write_bytes(b"a register")
    made = plan(Request([str(register)], python=PYTHON, cwd=str(tmp_path)), "1.0")
    in_the_way = Path(made.cmd_files[0][0])
    in_the_way.write_bytes(b"another register")
    refused = run("schedule", register, in_the_way, "--python", PYTHON)
    assert refused.exit_code == 2 and "register" in refused.stderr
    assert in_the_way.read_bytes() == b"another register"


@pytest.mark.parametrize("at", ["25:00", "7", "07:60", "zeven uur"])
def test_schedule_rejects_bad_times(tmp_path: Path, at: str):
    assert run("schedule", tmp_path / "r.xlsx", "--at", at).exit_code == 2


def test_cron_escapes_percent_and_quotes():
    from mvi_xl.schedule import Job

    job = Job("/srv/MVI 100%/reg's.xlsx", "/srv/m.xlsx", "/srv/l.log")
    line = cron_line("/usr/bin/python3", job, "hourly", "00:15")
    assert line.startswith("15 * * * * /usr/bin/python3 -m mvi_xl build ")
    assert "'/srv/MVI 100\\%/reg'\"'\"'s.xlsx'" in line


@pytest.mark.parametrize(
    ("text", "cwd", "expected"),
    [
        ("register.xlsx", "/srv/mvi", "/srv/mvi/register.xlsx"),
        ("/abs/r.xlsx", "/srv", "/abs/r.xlsx"),
        ("register.xlsx", r"C:\Users\mvi", r"C:\Users\mvi\register.xlsx"),
        (r"\\server\share\r.xlsx", "/srv", r"\\server\share\r.xlsx"),
        (r"MVI\r.xlsx", r"\\server\share", r"\\server\share\MVI\r.xlsx"),
    ],
)
def test_absolute_paths(text: str, cwd: str, expected: str):
    assert absolute(text, cwd) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("7:00", "07:00"), ("23:59", "23:59"), ("00:05", "00:05")]
)
def test_parse_time(text: str, expected: str):
    assert parse_time(text) == expected
