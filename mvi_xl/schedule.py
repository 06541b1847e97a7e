"""``mvi-xl schedule``: ready-to-paste lines for Windows Task Scheduler (schtasks) and cron.

Paths are made absolute and quoted for each shell: spaces, accents and UNC paths such as
``\\\\server\\share\\MVI\\register.xlsx`` survive the trip. Pure string work, tested as such.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath, PureWindowsPath

EVERY = ("daily", "weekly", "hourly")
TASK_NAME = "mvi-xl monitor"
SCHTASKS_TR_LIMIT = 261


@dataclass(frozen=True)
class Plan:
    python: str  # the interpreter that runs mvi-xl, absolute
    register: str  # absolute
    output: str  # absolute
    log: str  # absolute
    every: str = "daily"
    at: str = "07:00"


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


def arguments(plan: Plan) -> list[str]:
    return [
        "-m",
        "mvi_xl",
        "build",
        plan.register,
        "-o",
        plan.output,
        "--quiet",
        "--log-file",
        plan.log,
    ]


def schtasks_line(plan: Plan) -> str:
    """``schtasks /Create`` with the whole command in /TR: each argument in double quotes,
    quotes inside /TR escaped as \\" (schtasks' own rule)."""
    command = " ".join(_windows_quote(a) for a in [plan.python, *arguments(plan)])
    schedule = {
        "daily": ["/SC", "DAILY", "/ST", plan.at],
        "weekly": ["/SC", "WEEKLY", "/D", "MON", "/ST", plan.at],
        "hourly": ["/SC", "HOURLY", "/ST", plan.at],
    }[plan.every]
    tr = '"' + command.replace('"', '\\"') + '"'
    return " ".join(["schtasks", "/Create", "/TN", f'"{TASK_NAME}"', *schedule, "/TR", tr, "/F"])


def cron_line(plan: Plan) -> str:
    """A crontab line; ``%`` means newline to cron, so it is escaped."""
    hour, minute = (int(part) for part in plan.at.split(":"))
    when = {
        "daily": f"{minute} {hour} * * *",
        "weekly": f"{minute} {hour} * * 1",
        "hourly": f"{minute} * * * *",
    }[plan.every]
    command = " ".join(shlex.quote(a) for a in [plan.python, *arguments(plan)])
    return f"{when} {command.replace('%', chr(92) + '%')}"


def _windows_quote(argument: str) -> str:
    """One argument for a Windows command line: in double quotes when it needs them, with
    backslashes before a quote doubled (CommandLineToArgvW rules)."""
    if argument and not re.search(r'[\s"]', argument):
        return argument
    escaped = re.sub(r'(\\*)"', r'\1\1\\"', argument)
    escaped = re.sub(r"(\\+)$", r"\1\1", escaped)
    return f'"{escaped}"'


def schedule_lines(register, output, log_file, every: str, at: str, cwd: str) -> list[str]:
    """What ``mvi-xl schedule`` prints: a schtasks line and a cron line, with comments."""
    import sys

    reg = absolute(str(register), cwd)
    flavour = PureWindowsPath if is_windows_path(reg) else PurePosixPath
    out = (
        absolute(str(output), cwd)
        if output
        else str(flavour(reg).with_name(flavour(reg).stem + "-monitor.xlsx"))
    )
    log = absolute(str(log_file), cwd) if log_file else str(flavour(out).with_suffix(".log"))
    on_windows = sys.platform == "win32"
    windows = Plan(sys.executable if on_windows else "py", reg, out, log, every, at)
    posix = Plan("python3" if on_windows else sys.executable, reg, out, log, every, at)
    windows_line = schtasks_line(windows)
    lines = [
        "REM Windows Task Scheduler; paste into cmd.exe:",
        windows_line,
    ]
    if len(windows_line.split(" /TR ", 1)[1]) > SCHTASKS_TR_LIMIT:
        lines.append(
            f"REM /TR is longer than {SCHTASKS_TR_LIMIT} characters, which schtasks "
            "refuses: put the command in a .cmd file and schedule that file instead."
        )
    lines += ["", "# cron (Linux, macOS); add with crontab -e:", cron_line(posix)]
    return lines
