"""``mvi-xl schedule``: the .cmd files and the lines that run the build on a schedule."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .cli_common import (
    EXIT_CODES,
    PATH,
    config_option,
    fail,
    guard,
    lang_option,
    output_option,
    sheet_option,
    strict_option,
)
from .errors import MviError, UsageError
from .words import i18n
from .words.command_line import language
from .words.i18n import Words

if TYPE_CHECKING:
    from . import schedule as planner

#: the values of --every
EVERY = ("daily", "weekly", "hourly")


@click.command(epilog=EXIT_CODES)
@click.argument("registers", metavar="REGISTER...", type=PATH, nargs=-1, required=True)
@output_option
@click.option("--every", type=click.Choice(EVERY), default="daily", show_default=True)
@click.option(
    "--at",
    "at",
    default="07:00",
    show_default=True,
    metavar="HH:MM",
    help="Time of day (for hourly: the minute past the hour).",
)
@click.option(
    "--log-file",
    type=PATH,
    metavar="FILE",
    help="Log of the scheduled runs (default: '<monitor>.log' beside the monitor).",
)
@config_option
@lang_option
@sheet_option
@strict_option
@click.option("--pdf", is_flag=True, help="The scheduled build also prints the PDF.")
@click.option("--html", is_flag=True, help="The scheduled build also writes the web page.")
@click.option("--ods", is_flag=True, help="The scheduled build also writes the .ods.")
@click.option(
    "--per-afdeling",
    "per_department",
    is_flag=True,
    help="The scheduled build makes one monitor per department, into the folder of -o.",
)
@click.option(
    "--python",
    "python",
    metavar="PATH",
    help="The Python that runs mvi-xl on the machine that runs the task (default: this one; "
    "required when the task is for Windows and this is not Windows).",
)
@click.option(
    "--run-as",
    metavar="ACCOUNT",
    help="Windows account the task runs as (default: whoever pastes the line). "
    "A service account with access to the share is better.",
)
@click.option(
    "--cmd-dir",
    type=PATH,
    metavar="FOLDER",
    help="Where the .cmd files are written (default: %ProgramData%\\mvi-xl on Windows, "
    "else the current folder, to be copied there).",
)
def schedule(
    registers: tuple[Path, ...],
    output: Path | None,
    every: str,
    at: str,
    log_file: Path | None,
    config: Path | None,
    lang: str | None,
    sheet: str | None,
    strict: bool,
    pdf: bool,
    html: bool,
    ods: bool,
    per_department: bool,
    python: str | None,
    run_as: str | None,
    cmd_dir: Path | None,
) -> None:
    """Write a .cmd file per monitor and print ready-to-paste lines that run the build on a
    schedule: Windows Task Scheduler (schtasks for cmd.exe, and PowerShell) and cron, one per
    monitor. Each REGISTER (a file or a folder of registers) is its own monitor."""
    from . import schedule as planner  # the planner: only for this command

    words = Words(lang or language())
    try:
        when = planner.parse_time(at)
    except ValueError:
        text = i18n.message(words.lang, "not_a_time", value=at)[0]
        raise click.BadParameter(text, param_hint="--at") from None
    if output is not None and len(registers) > 1:
        fail(UsageError("schedule_one_output"), lang)
    carried: list[str] = []
    if config is not None:
        carried += ["--config", planner.absolute(str(config), str(Path.cwd()))]
    if lang:
        carried += ["--lang", lang]
    if sheet:
        carried += ["--sheet", sheet]
    if strict:
        carried.append("--strict")
    for flag, asked in (("--pdf", pdf), ("--html", html), ("--ods", ods)):
        if asked:
            carried.append(flag)
    request = planner.Request(
        [str(r) for r in registers],
        str(output) if output else None,
        str(log_file) if log_file else None,
        every,
        when,
        tuple(carried),
        per_department,
        python,
        run_as,
        str(cmd_dir) if cmd_dir else None,
        str(Path.cwd()),
    )
    try:
        made = planner.plan(request, __version__)
    except planner.ScheduleError as exc:
        fail(UsageError(exc.code, path=None, where=None, **exc.params), lang)
    for code, params in made.warnings:
        text, hint = i18n.message(words.lang, code, **params)
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    guard(lambda: _write_cmd_files(made, registers), lang)
    for (local, remote, _), (schtasks, powershell) in zip(
        made.cmd_files, made.windows, strict=True
    ):
        click.echo(words["schedule.cmd_written"].format(path=local))
        if local != remote:
            click.echo(words["schedule.copy"].format(path=remote))
        click.echo(words["schedule.windows"])
        click.echo(schtasks)
        click.echo(words["schedule.powershell"])
        click.echo(powershell)
        click.echo("")
    if made.cron:
        click.echo(words["schedule.cron"])
        for line in made.cron:
            click.echo(line)


def _write_cmd_files(made: planner.Schedule, registers: tuple[Path, ...]) -> None:
    """Write each .cmd file (atomically, never over a register)."""
    from .outputs import refuse_writing_registers
    from .registers import sources_of
    from .safe_io import atomic_output

    if not made.cmd_files:
        return
    sources: list[Path] = []
    for register in registers:
        with suppress(MviError, OSError):  # an empty folder may get its registers later
            sources += sources_of(register).paths if register.exists() else []
    for local, _remote, text in made.cmd_files:
        path = Path(local)
        refuse_writing_registers(sources, [path])
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(path) as temporary:
            temporary.write_bytes(text.encode("utf-8"))
