"""``mvi-xl schedule``: a scheduled build per monitor that works when pasted.

- **Windows**: a ready ``.cmd`` file per monitor (every path in double quotes, ``%`` doubled,
  none of ``& | < > ^`` outside quotes, UTF-8 with ``chcp 65001`` first), a ``schtasks`` line
  that runs it (under 261 characters, a task name unique per monitor, the account to run it as
  whether or not anyone is logged on: ``/RU`` with ``/RP *``, which asks for its password once)
  and the same as PowerShell's ``Register-ScheduledTask``. Paths on a mapped drive letter are
  warned about and given in their UNC form where it is known.
- **cron**: one line per monitor.

Only string work here, apart from finding the UNC path of a mapped drive on Windows; the CLI
writes the ``.cmd`` files. cmd.exe's quoting rules are checked by ``tests/cmdexe.py``.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

TASK_FOLDER = "mvi-xl"
SCHTASKS_LIMIT = 261  # schtasks refuses a /TR longer than this; the whole line stays under it
#: The folder the .cmd files go to on the machine that runs the task.
WINDOWS_CMD_DIR = r"%ProgramData%\mvi-xl"
#: The account the task runs as, unless --run-as says otherwise: whoever pastes the line.
CURRENT_USER_CMD = r"%USERDOMAIN%\%USERNAME%"
CURRENT_USER_PS = r"$env:USERDOMAIN\$env:USERNAME"
_NAME_LENGTH = 40
#: Characters cmd.exe treats specially outside quotes, or that a path in the schtasks line may
#: not hold (the .cmd's own path is chosen free of them).
CMD_SPECIAL = frozenset('%&|<>^()!"')


class ScheduleError(ValueError):
    """Something the lines can't be made for; ``code`` is a message code (``words.i18n``)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Job:
    """One scheduled monitor: absolute paths in the spelling of the system that runs it."""

    register: str
    output: str
    log: str
    options: tuple[str, ...] = ()  # build options carried over, e.g. ("--lang", "en")
    warnings: tuple[tuple[str, dict[str, object]], ...] = field(default=(), compare=False)

    def arguments(self) -> list[str]:
        return [
            "-m",
            "mvi_xl",
            "build",
            self.register,
            "-o",
            self.output,
            *self.options,
            "--quiet",
            "--log-file",
            self.log,
        ]

    @property
    def key(self) -> str:
        """8 hex digits that tell this monitor's task from every other's."""
        import hashlib  # not on the --help path: OpenSSL takes a few milliseconds to load

        windows = is_windows_path(self.output)
        spelled = self.output.casefold() if windows else self.output
        return hashlib.sha256(spelled.encode("utf-8")).hexdigest()[:8]

    @property
    def name(self) -> str:
        """The task's name and the .cmd file's: the monitor's name in plain characters and the
        key, e.g. ``Actieplan MVI-monitor 1a2b3c4d``."""
        flavour = PureWindowsPath if is_windows_path(self.output) else PurePosixPath
        stem = flavour(self.output).stem or "monitor"
        plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
        plain = re.sub(r"[^A-Za-z0-9 ._-]+", "_", plain).strip(" ._") or "monitor"
        return f"{plain[:_NAME_LENGTH].rstrip(' ._')} {self.key}"


def parse_time(text: str) -> str:
    """HH:MM, 24-hour clock."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise ValueError(text)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def is_windows_path(text: str) -> bool:
    r"""C:\..., \\server\share\... or anything with backslashes: a path for Windows."""
    return bool(re.match(r"^[A-Za-z]:[\\/]", text)) or text.startswith("\\\\") or "\\" in text


def absolute(text: str, cwd: str) -> str:
    """``text`` made absolute against ``cwd`` in the flavour of path it is written in."""
    flavour: type[PurePath] = (
        PureWindowsPath if is_windows_path(text) or is_windows_path(cwd) else PurePosixPath
    )
    path = flavour(text)
    if not path.is_absolute():
        path = flavour(cwd) / path
    return str(path)


# --- Windows ------------------------------------------------------------------------------------


def cmd_argument(argument: str, *, quote: bool = False) -> str:
    """One argument on a line of a .cmd file, as Python on Windows will receive it: in double
    quotes when it is a path or needs them (then cmd.exe takes ``& | < > ^`` inside as text),
    backslashes before the closing quote doubled (the C runtime's rule), ``%`` doubled (a
    batch file expands ``%...%`` everywhere, quotes or not)."""
    if '"' in argument or any(ord(c) < 32 for c in argument):
        raise ScheduleError("schedule_bad_argument", argument=argument)
    needs = quote or not argument or bool(re.search(r"[\s&|<>^()%!,;=]", argument))
    text = argument.replace("%", "%%")
    if not needs:
        return text
    return '"' + re.sub(r"(\\+)$", r"\1\1", text) + '"'


def cmd_file(python: str, job: Job, version: str) -> str:
    """The .cmd file that runs one monitor's build, CRLF line ends, to be saved as UTF-8."""
    paths = {0, 4, 6, len(job.arguments())}  # python, register, -o OUTPUT, the log
    values = [python, *job.arguments()]
    option_values = _option_value_positions(job)
    line = " ".join(
        cmd_argument(value, quote=index in paths or index in option_values)
        for index, value in enumerate(values)
    )
    lines = [
        "@echo off",
        f"rem mvi-xl {version}, scheduled build of one monitor, task key {job.key}.",
        "rem Made by mvi-xl schedule: make it again rather than edit it.",
        "setlocal EnableExtensions DisableDelayedExpansion",
        "chcp 65001",
        line,
        "exit /b %ERRORLEVEL%",
    ]
    return "\r\n".join(lines) + "\r\n"


def _option_value_positions(job: Job) -> set[int]:
    """Positions (in python + arguments) of option values that are paths or free text."""
    positions = set()
    free = {"--config", "--sheet"}
    offset = 1 + 5  # python, -m, mvi_xl, build, REGISTER, -o: then OUTPUT at 6
    for index in range(len(job.options)):
        if index > 0 and job.options[index - 1] in free:
            positions.add(offset + 1 + index)
    return positions


def cmd_path(job: Job, folder: str) -> str:
    return str(PureWindowsPath(folder) / f"{job.name}.cmd")


def schtasks_line(job: Job, cmd: str, every: str, at: str, run_as: str | None) -> str:
    """``schtasks /Create`` for the task that runs ``cmd``: whether or not anyone is logged on,
    as ``run_as`` (default: whoever pastes it), asking once for that account's password."""
    if any(c in CMD_SPECIAL for c in cmd.replace(WINDOWS_CMD_DIR, "")):
        raise ScheduleError("schedule_cmd_dir", folder=cmd)
    schedule = {
        "daily": ["/SC", "DAILY", "/ST", at],
        "weekly": ["/SC", "WEEKLY", "/D", "MON", "/ST", at],
        "hourly": ["/SC", "HOURLY", "/ST", at],
    }[every]
    account = run_as or CURRENT_USER_CMD
    if any(c in CMD_SPECIAL for c in account.replace(CURRENT_USER_CMD, "")):
        raise ScheduleError("schedule_bad_argument", argument=account)
    # /TR is one argument to schtasks; a .cmd path with a space needs quotes inside it, which
    # schtasks reads as \" (cmd.exe sees plain quote toggles around text without specials)
    tr = f'"\\"{cmd}\\""' if " " in cmd else f'"{cmd}"'
    return " ".join(
        [
            "schtasks",
            "/Create",
            "/TN",
            f'"{TASK_FOLDER}\\{job.name}"',
            "/TR",
            tr,
            *schedule,
            "/RU",
            f'"{account}"',
            "/RP",
            "*",
            "/F",
        ]
    )


def powershell_line(job: Job, cmd: str, every: str, at: str, run_as: str | None) -> str:
    """The same task through PowerShell's ScheduledTasks module (one line)."""
    trigger = {
        "daily": f"New-ScheduledTaskTrigger -Daily -At {_ps(at)}",
        "weekly": f"New-ScheduledTaskTrigger -Weekly -DaysOfWeek Monday -At {_ps(at)}",
        "hourly": (
            f"New-ScheduledTaskTrigger -Once -At {_ps(at)} "
            "-RepetitionInterval (New-TimeSpan -Hours 1)"
        ),
    }[every]
    account = _ps(run_as) if run_as else f'"{CURRENT_USER_PS}"'
    execute = cmd.replace(WINDOWS_CMD_DIR, "$env:ProgramData\\mvi-xl")
    execute = f'"{execute}"' if execute != cmd else _ps(cmd)
    return (
        f"Register-ScheduledTask -TaskPath {_ps(chr(92) + TASK_FOLDER + chr(92))} "
        f"-TaskName {_ps(job.name)} -Action (New-ScheduledTaskAction -Execute {execute}) "
        f"-Trigger ({trigger}) -User {account} "
        f"-Password ((Get-Credential {account}).GetNetworkCredential().Password) -Force"
    )


def _ps(text: str) -> str:
    """A PowerShell string taken literally: single quotes, a quote inside doubled."""
    return "'" + text.replace("'", "''") + "'"


def mapped_drive(path: str, resolver: Callable[[str], str | None] | None = None) -> str | None:
    r"""The UNC form of ``path`` when it is on a mapped network drive (``H:\MVI\r.xlsx`` ->
    ``\\server\share\MVI\r.xlsx``), else None. A task that runs while nobody is logged on
    doesn't see drive letters that a logon maps."""
    match = re.match(r"^([A-Za-z]:)[\\/](.*)$", path)
    if not match:
        return None
    share = (resolver or _windows_unc)(match.group(1).upper())
    if not share:
        return None
    return str(PureWindowsPath(share) / match.group(2))


def _windows_unc(drive: str) -> str | None:
    """The share behind a drive letter (WNetGetConnectionW); None elsewhere or when local."""
    if sys.platform != "win32":
        return None
    import ctypes

    buffer = ctypes.create_unicode_buffer(1024)
    size = ctypes.c_ulong(len(buffer))
    try:
        result = ctypes.windll.mpr.WNetGetConnectionW(drive, buffer, ctypes.byref(size))
    except (OSError, AttributeError):
        return None
    return buffer.value if result == 0 else None


# --- cron ---------------------------------------------------------------------------------------


def cron_line(python: str, job: Job, every: str, at: str) -> str:
    """A crontab line; ``%`` means newline to cron, so it is escaped."""
    import shlex

    hour, minute = (int(part) for part in at.split(":"))
    when = {
        "daily": f"{minute} {hour} * * *",
        "weekly": f"{minute} {hour} * * 1",
        "hourly": f"{minute} * * * *",
    }[every]
    command = " ".join(shlex.quote(a) for a in [python, *job.arguments()])
    return f"{when} {command.replace('%', chr(92) + '%')}"


# --- Putting it together -----------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What ``mvi-xl schedule`` was asked, paths as typed."""

    registers: Sequence[str]
    output: str | None = None
    log: str | None = None
    every: str = "daily"
    at: str = "07:00"
    options: tuple[str, ...] = ()
    per_department: bool = False
    python: str | None = None  # the Python of the machine that runs the task
    run_as: str | None = None
    cmd_dir: str | None = None  # where the .cmd files are written (this machine)
    cwd: str = ""
    on_windows: bool = sys.platform == "win32"
    resolver: Callable[[str], str | None] | None = None


@dataclass
class Schedule:
    """The result: per monitor its job, and for Windows its .cmd file (text and where it is
    written here, and its path on the machine that runs it)."""

    jobs: list[Job]
    windows_python: str | None
    posix_python: str | None
    cmd_files: list[tuple[str, str, str]]  # (written here, path on the Windows machine, text)
    windows: list[tuple[str, str]]  # (schtasks line, PowerShell line) per job
    cron: list[str]
    warnings: list[tuple[str, dict[str, object]]]


def plan(request: Request, version: str) -> Schedule:
    jobs = [_job(request, register) for register in request.registers]
    warnings: list[tuple[str, dict[str, object]]] = [w for job in jobs for w in job.warnings]
    windows_wanted = request.on_windows or any(is_windows_path(j.register) for j in jobs)
    python = request.python
    windows_python = posix_python = None
    if python and is_windows_path(python):
        windows_python, windows_wanted = python, True
    elif python:
        posix_python = python
    if request.on_windows:
        windows_python = windows_python or sys.executable
    elif not all(is_windows_path(j.register) for j in jobs):
        posix_python = posix_python or sys.executable
    if windows_wanted and windows_python is None:
        raise ScheduleError("schedule_python")
    cmd_files, windows, cron = [], [], []
    if windows_python is not None:
        here = request.cmd_dir or (
            str(PureWindowsPath(os.environ.get("PROGRAMDATA", r"C:\ProgramData"), "mvi-xl"))
            if request.on_windows
            else request.cwd
        )
        there = (
            here
            if request.on_windows or (request.cmd_dir and is_windows_path(request.cmd_dir))
            else WINDOWS_CMD_DIR
        )
        for job in jobs:
            flavour = PureWindowsPath if request.on_windows else PurePosixPath
            local = str(flavour(here) / f"{job.name}.cmd")
            remote = cmd_path(job, there)
            cmd_files.append((local, remote, cmd_file(windows_python, job, version)))
            line = schtasks_line(job, remote, request.every, request.at, request.run_as)
            if len(line) >= SCHTASKS_LIMIT:
                raise ScheduleError("schedule_too_long", length=len(line), limit=SCHTASKS_LIMIT)
            windows.append(
                (line, powershell_line(job, remote, request.every, request.at, request.run_as))
            )
    if posix_python is not None:
        cron = [
            cron_line(posix_python, job, request.every, request.at)
            for job in jobs
            if not is_windows_path(job.register)
        ]
    return Schedule(jobs, windows_python, posix_python, cmd_files, windows, cron, warnings)


def _job(request: Request, register_text: str) -> Job:
    warnings: list[tuple[str, dict[str, object]]] = []

    def place(text: str) -> str:
        path = absolute(text, request.cwd)
        unc = mapped_drive(path, request.resolver)
        if unc is not None:
            warnings.append(("schedule_mapped_drive", {"path": path, "unc": unc}))
            return unc
        if request.on_windows is False and re.match(r"^[A-BD-Za-bd-z]:[\\/]", path):
            warnings.append(("schedule_drive_letter", {"path": path}))
        return path

    register = place(register_text)
    flavour: type[PurePath] = PureWindowsPath if is_windows_path(register) else PurePosixPath
    if request.output:
        output = place(request.output)
    elif request.per_department:
        raise ScheduleError("per_department_usage")
    elif _is_folder(register_text, register, flavour):
        output = str(flavour(register) / (flavour(register).name + "-monitor.xlsx"))
    else:
        output = str(flavour(register).with_name(flavour(register).stem + "-monitor.xlsx"))
    if request.log:
        log = place(request.log)
    elif request.per_department:
        log = str(flavour(output) / "mvi-xl.log")
    else:
        log = str(flavour(output).with_suffix(".log"))
    options = list(request.options)
    if request.per_department:
        options.append("--per-afdeling")
    return Job(register, output, log, tuple(options), tuple(warnings))


def _is_folder(typed: str, register: str, flavour: type[PurePath]) -> bool:
    """A folder of registers: it is one here, or it is written as one (a trailing slash, no
    file extension)."""
    native = (os.name == "nt") == (flavour is PureWindowsPath)
    if native and Path(register).is_dir():
        return True
    return typed.endswith(("/", "\\")) or not flavour(register).suffix
