"""The ``mvi-xl`` command: parse options, call the pipeline, turn errors into one line and an
exit code. Nothing else happens here."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from . import __version__, vocabulary
from .errors import EXIT_ELSEWHERE, EXIT_INTERNAL, MviError, UsageError
from .runlog import RunLog
from .schedule import EVERY, parse_time
from .vocabulary import LANGUAGES, Words

T = TypeVar("T")


class _OnFirstUse:
    """A module imported when a command first needs it, so ``mvi-xl --help`` doesn't pay for
    reading, computing and writing."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str):
        return getattr(importlib.import_module(self._name, __package__), attribute)


pipeline = _OnFirstUse(".pipeline")
report = _OnFirstUse(".report")

EXIT_CODES = """\b
Exit codes:
  0  success (check: the register can be read; warnings are listed)
  1  unexpected internal error (please report it)
  2  usage error: bad option, date or mvi-xl.toml
  3  the register can't be read or is invalid (also: warnings under --strict)
  4  the monitor can't be written: no permission, read-only, the drive gone
     (also: --pdf or --ods and no LibreOffice, or no PDF, page or .ods
     made; another run kept the monitor locked too long; the history or the
     archive can't be read or written: nothing was changed)
  5  build: the monitor or its PDF, page or .ods was in use (open elsewhere); the
     new one was saved under a dated name beside it, which the output names
"""

#: How many warnings the terminal shows after a build; all of them are on the Toelichting sheet.
SHOWN_WARNINGS = 20


class DateParam(click.ParamType):
    """A date as YYYY-MM-DD or DD-MM-YYYY."""

    name = "DATE"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
        self.fail(f"'{value}' is not a date; use YYYY-MM-DD or DD-MM-YYYY", param, ctx)


DATE = DateParam()
PATH = click.Path(path_type=Path)

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language of the workbook and messages (default nl, or 'language' in mvi-xl.toml).",
)
config_option = click.option(
    "--config",
    type=PATH,
    metavar="FILE",
    help="mvi-xl.toml to use (default: the one beside the register).",
)
sheet_option = click.option(
    "--sheet",
    metavar="NAME",
    help="Sheet with the actions (default: the first one whose header is recognised).",
)
strict_option = click.option(
    "--strict", is_flag=True, help="Treat every warning as an error (exit 3)."
)
quiet_option = click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Nothing on the terminal but a line when something fails (for scheduled runs).",
)
log_option = click.option(
    "--log-file",
    type=PATH,
    metavar="FILE",
    help="Append one timestamped line per event to FILE (rotated at 1 MB).",
)
output_option = click.option(
    "-o",
    "--output",
    type=PATH,
    metavar="OUTPUT",
    help="Monitor to write (default: '<register>-monitor.xlsx' beside the register).",
)
json_option = click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object on stdout instead of the summary.",
)


@click.group(epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mvi-xl")
def cli() -> None:
    """Turn an MVI action register into a monitor workbook with native Excel charts."""


@cli.command(epilog=EXIT_CODES)
@click.argument("registers", metavar="REGISTER...", type=PATH, nargs=-1)
@output_option
@click.option("--as-of", type=DATE, help="Peildatum, the reference date (default: today).")
@click.option(
    "--since", type=DATE, help="Previous monitor's peildatum: list what was completed after it."
)
@config_option
@sheet_option
@lang_option
@strict_option
@json_option
@click.option(
    "--example", is_flag=True, help="Use the bundled example register (as it stood on 01-11-2018)."
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also a one-page PDF beside the monitor: the --html page printed tagged by Edge, "
    "Chrome or Chromium, else the Monitor sheet printed untagged by LibreOffice.",
)
@click.option(
    "--html",
    is_flag=True,
    help="Also the Monitor page as one accessible, self-contained HTML file beside the monitor.",
)
@click.option(
    "--ods",
    is_flag=True,
    help="Also the monitor as OpenDocument (.ods) beside it (needs LibreOffice).",
)
@click.option(
    "--per-afdeling",
    "per_department",
    is_flag=True,
    help="One monitor per department, into the folder given with -o.",
)
@click.option("--afdeling", "department", metavar="NAME", help="A monitor of one department.")
@click.option(
    "--publish",
    is_flag=True,
    help="The monitor of record for its peildatum: recorded as published (the next monitors "
    "compare with it) and kept in the archive beside the monitor.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild even when nothing that goes in changed; with --publish, publish a "
    "published peildatum again (the replaced copy stays in the archive).",
)
@quiet_option
@log_option
def build(
    registers: tuple[Path, ...],
    output: Path | None,
    as_of: dt.date | None,
    since: dt.date | None,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    example: bool,
    pdf: bool,
    html: bool,
    ods: bool,
    per_department: bool,
    department: str | None,
    publish: bool,
    force: bool,
    quiet: bool,
    log_file: Path | None,
) -> None:
    """Read REGISTER and write the monitor workbook. Unchanged input leaves the monitor as it is.

    Several registers, or a folder of them, make one combined monitor. Without --publish the
    monitor is a refresh: it compares with the latest published monitor before its peildatum.
    A published peildatum is never built again (the archived copy is named) unless
    --publish --force."""
    with ExitStack() as stack:
        if example:
            if registers:
                _fail(UsageError("example_and_register"), lang)
            registers = (pipeline.example_register(stack),)
            if not per_department:
                output = output or Path.cwd() / ("voorbeeld" + pipeline.MONITOR_SUFFIX)
            as_of = as_of or pipeline.EXAMPLE_AS_OF
            since = since or (pipeline.EXAMPLE_SINCE if as_of > pipeline.EXAMPLE_SINCE else None)
        elif not registers:
            _fail(UsageError("no_register"), lang)
        if per_department and (output is None or department is not None):
            _fail(UsageError("per_department_usage"), lang)
        options = pipeline.Options(
            registers[0],
            output,
            as_of,
            since,
            config,
            sheet,
            lang,
            strict,
            pdf=pdf,
            force=force,
            more=registers[1:],
            department=department,
            publish=publish,
            html=html,
            ods=ods,
        )
        if log_file is not None:
            _guard(lambda: pipeline.refuse_log_on_register(options, log_file), lang)
        log = RunLog(log_file)
        if per_department:
            words = Words(lang or "nl")
            results = _guard(
                lambda: pipeline.build_departments(options, output, words),
                lang,
                log=log,
                started=time.monotonic(),
            )
        else:
            results = [_logged_build(options, log, lang)]
    if per_department:
        _report_departments(results, as_json, quiet)
    elif not quiet or as_json:
        _report(results[0], as_json, check=False)
    if any(r.elsewhere for r in results):
        sys.exit(EXIT_ELSEWHERE)


def _report_departments(results: list[pipeline.Result], as_json: bool, quiet: bool) -> None:
    """``--per-afdeling``: one JSON object with every monitor, or a line per department."""
    if as_json:
        monitors = []
        for result in results:
            data = _result_json(result)
            data["department"] = result.department
            monitors.append(data)
        _echo_json({"monitors": monitors})
        return
    if quiet:
        return
    for result in results:
        words = Words(result.lang)
        name = result.department or words["group.none.department"]
        if result.monitor is None:
            click.echo(f"{name}: {_already_published(result, words)}")
            continue
        key = "cli.up_to_date" if result.up_to_date else "cli.written"
        click.echo(
            f"{name} ({result.monitor.total_actions}): " + words[key].format(path=result.output)
        )
        _say_published(result, words)
        _say_in_use(result, words)


@cli.command(epilog=EXIT_CODES)
@click.argument("register", type=PATH)
@output_option
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    default=10,
    show_default=True,
    metavar="SECONDS",
    help="How often to look at the register.",
)
@config_option
@sheet_option
@lang_option
@strict_option
@quiet_option
@log_option
def watch(
    register: Path,
    output: Path | None,
    interval: float,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    strict: bool,
    quiet: bool,
    log_file: Path | None,
) -> None:
    """Rebuild the monitor whenever REGISTER changed and has settled; Ctrl-C stops.

    Listens to file-system events, so the monitor follows a save within seconds, and polls
    every --interval seconds for what events miss (a save from another machine on a network
    drive). Errors that may pass are retried and never end the watch."""
    from .watch import Watcher

    gc.enable()  # paused for one-shot runs (see main); a watch runs for hours
    words = Words(lang or "nl")
    options = pipeline.Options(register, output, None, None, config, sheet, lang, strict)
    if log_file is not None:
        _guard(lambda: pipeline.refuse_log_on_register(options, log_file), lang)
    log = RunLog(log_file)

    def logged_build(options: pipeline.Options) -> pipeline.Result:
        started = time.monotonic()
        _log_start(log, options)
        try:
            result = pipeline.build(options)
        except MviError as error:
            log.event(
                "result",
                status="error",
                exit=error.exit_code,
                message=error.render(lang or "nl"),
                duration=f"{time.monotonic() - started:.2f}s",
            )
            raise
        except OSError as exc:
            error = pipeline.io_failure(exc, options)
            log.event("result", status="error", exit=error.exit_code, message=error.render())
            raise error from None
        _log_result(log, result, time.monotonic() - started)
        return result

    def on_result(result: pipeline.Result) -> None:
        if not quiet:
            _report(result, False, check=False)

    def on_error(error: MviError) -> None:
        click.echo(f"mvi-xl: {error.render(lang or 'nl')}", err=True)

    if not quiet:
        click.echo(words["cli.watching"].format(path=register, interval=f"{interval:g}"))
    log.event("watch", register=register, interval=interval)
    try:
        Watcher(
            options, on_result, on_error, interval=interval, build=logged_build, events=True
        ).run()
    except KeyboardInterrupt:
        log.event("stop", reason="ctrl-c")
        if not quiet:
            click.echo(words["cli.stopped"])


@cli.command(epilog=EXIT_CODES)
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
    from . import schedule as planner

    words = Words(lang or "nl")
    try:
        when = parse_time(at)
    except ValueError:
        raise click.BadParameter(f"'{at}' is not a time; use HH:MM", param_hint="--at") from None
    if output is not None and len(registers) > 1:
        _fail(UsageError("schedule_one_output"), lang)
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
        _fail(UsageError(exc.code, **exc.params), lang)
    for code, params in made.warnings:
        text, hint = vocabulary.message(words.lang, code, **params)
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    _guard(lambda: _write_cmd_files(made, registers), lang)
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


def _write_cmd_files(made, registers: tuple[Path, ...]) -> None:
    """Write each .cmd file (atomically, never over a register)."""
    from .safe_io import atomic_output

    if not made.cmd_files:
        return
    sources: list[Path] = []
    for register in registers:
        with suppress(MviError, OSError):  # an empty folder may get its registers later
            sources += pipeline.Options(register).sources if register.exists() else []
    for local, _remote, text in made.cmd_files:
        path = Path(local)
        pipeline.refuse_writing_registers(sources, [path])
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(path) as temporary:
            temporary.write_bytes(text.encode("utf-8"))


@cli.command(epilog=EXIT_CODES)
@click.argument("registers", metavar="REGISTER...", type=PATH, nargs=-1, required=True)
@config_option
@sheet_option
@lang_option
@strict_option
@json_option
@click.option("--as-of", type=DATE, help="Peildatum for date checks (default: today).")
def check(
    registers: tuple[Path, ...],
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    as_of: dt.date | None,
) -> None:
    """Read and validate REGISTER (several, or a folder, as build combines them); write
    nothing. Lists every warning with its cell."""
    options = pipeline.Options(
        registers[0], None, as_of, None, config, sheet, lang, strict, more=registers[1:]
    )
    result = _guard(lambda: pipeline.check(options), lang)
    _report(result, as_json, check=True)


@cli.command(epilog=EXIT_CODES)
@click.argument("path", type=PATH)
@lang_option
def init(path: Path, lang: str | None) -> None:
    """Create a new, empty register at PATH (never overwrites a file)."""
    lang = lang or "nl"
    _guard(lambda: pipeline.init(path, lang=lang), lang)
    click.echo(Words(lang)["cli.created"].format(path=path))


@cli.group(epilog=EXIT_CODES)
def history() -> None:
    """The snapshots a monitor compares with: one per peildatum, kept beside the monitor in
    '<monitor>-historie.csv'."""


@history.command("add", epilog=EXIT_CODES)
@click.argument("register", type=PATH)
@click.option("--as-of", type=DATE, required=True, help="The peildatum of this copy.")
@click.option(
    "-o",
    "--output",
    type=PATH,
    metavar="MONITOR",
    help="The monitor whose history this is (default: the one beside REGISTER).",
)
@config_option
@sheet_option
@lang_option
@click.option("--force", is_flag=True, help="Replace a published snapshot of this peildatum.")
def history_add(
    register: Path,
    as_of: dt.date,
    output: Path | None,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    force: bool,
) -> None:
    """Record a snapshot of REGISTER (e.g. a dated old copy) as a published one, without
    building a monitor."""
    options = pipeline.Options(register, output, as_of, None, config, sheet, lang)
    result = _guard(lambda: pipeline.record(options, force=force), lang)
    words = Words(result.lang)
    if result.monitor is None:
        click.echo(words["cli.already_recorded"].format(as_of=words.date(as_of)))
        return
    for notice in result.monitor.notices:
        click.echo(f"{words['cli.notice']}: {notice.render(result.lang)[0]}", err=True)
    click.echo(
        words["cli.recorded"].format(
            as_of=words.date(as_of), path=result.output, count=result.monitor.total_actions
        )
    )


@history.command("list", epilog=EXIT_CODES)
@click.argument("monitor", type=PATH, required=False)
@lang_option
@json_option
def history_list(monitor: Path | None, lang: str | None, as_json: bool) -> None:
    """Show the snapshots of MONITOR (or of the one history file in this folder)."""
    found = _guard(lambda: pipeline.find_history(monitor), lang)
    words = Words(lang or "nl")
    for notice in found.notices(None):  # what of the file could not be read
        click.echo(f"{words['cli.notice']}: {notice.render(words.lang)[0]}", err=True)
    if as_json:
        _echo_json(report.history_json(found))
        return
    for line in report.history_table(found, lang or "nl"):
        click.echo(line)


@history.command("publish", epilog=EXIT_CODES)
@click.argument("date", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@config_option
@lang_option
def history_publish(
    date: dt.date, monitor: Path | None, config: Path | None, lang: str | None
) -> None:
    """Mark the snapshot of DATE as published: the next monitors compare with it. When the
    monitor beside the history is of DATE, a copy goes into the archive."""
    marked = _guard(lambda: pipeline.mark(monitor, date, published=True, config=config), lang)
    words = Words(lang or "nl")
    key = "cli.marked_published" if marked.changed else "cli.was_published"
    click.echo(words[key].format(as_of=words.date(date)))
    if marked.archived is not None:
        click.echo(words["cli.marked_archived"].format(path=marked.archived))


@history.command("unpublish", epilog=EXIT_CODES)
@click.argument("date", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@lang_option
def history_unpublish(date: dt.date, monitor: Path | None, lang: str | None) -> None:
    """Mark the snapshot of DATE as a refresh: the next monitors no longer compare with it
    (its archived copy, if any, stays)."""
    marked = _guard(lambda: pipeline.mark(monitor, date, published=False), lang)
    words = Words(lang or "nl")
    key = "cli.marked_refresh" if marked.changed else "cli.was_refresh"
    click.echo(words[key].format(as_of=words.date(date)))


@history.command("remove", epilog=EXIT_CODES)
@click.argument("date", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@lang_option
def history_remove(date: dt.date, monitor: Path | None, lang: str | None) -> None:
    """Remove the snapshot of DATE from the history of MONITOR."""
    found = _guard(lambda: pipeline.forget(monitor, date), lang)
    words = Words(lang or "nl")
    click.echo(words["cli.removed"].format(as_of=words.date(date), path=found.path))


def _logged_build(options: pipeline.Options, log: RunLog, lang: str | None) -> pipeline.Result:
    """Build, with a line in the run log for the start and for the result, failures included."""
    started = time.monotonic()
    _log_start(log, options)
    result = _guard(lambda: pipeline.build(options), lang, log=log, started=started)
    _log_result(log, result, time.monotonic() - started)
    return result


def _log_start(log: RunLog, options: pipeline.Options) -> None:
    """The start line: register, output and the peildatum the build uses (today by default)."""
    log.event(
        "start",
        register=options.register,
        output=options.output,
        as_of=(options.as_of or pipeline.today()).isoformat(),
    )


def _log_result(log: RunLog, result: pipeline.Result, duration: float) -> None:
    if result.monitor is None:
        log.event("result", status="published-before", archived=result.archived, exit=0)
        return
    register = result.monitor.register
    log.event(
        "register", path=register.path, sheet=register.sheet, actions=result.monitor.total_actions
    )
    status = "up-to-date" if result.up_to_date else "elsewhere" if result.elsewhere else "written"
    if result.published:
        status = "published"
    log.event(
        "result",
        status=status,
        output=result.output,
        warnings=len(result.monitor.findings),
        duration=f"{duration:.2f}s",
        exit=EXIT_ELSEWHERE if result.elsewhere else 0,
    )


def _result_json(result: pipeline.Result) -> dict:
    """The --json object of one build: the monitor's, with what the run did."""
    if result.monitor is None:
        data = {
            "as_of": result.already_published.isoformat() if result.already_published else None,
            "already_published": True,
            "output": None,
        }
    else:
        data = report.to_json(result.monitor, result.lang, result.output)
        data["already_published"] = False
    data["published"] = result.published
    data["archived"] = str(result.archived) if result.archived is not None else None
    data["up_to_date"] = result.up_to_date or result.monitor is None
    data["output_in_use"] = result.fell_back
    if result.pdf is not None:
        data["pdf"] = str(result.pdf)
        data["pdf_in_use"] = result.pdf_fell_back
    _renderings_json(result, data)
    return data


def _renderings_json(result: pipeline.Result, data: dict) -> None:
    """--html, --ods, and whether the PDF is tagged (renderings.py)."""
    if result.pdf is not None and result.pdf_tagged is not None:
        data["pdf_tagged"] = result.pdf_tagged
    for key, path in (("html", result.html), ("ods", result.ods)):
        if path is not None:
            data[key] = str(path)
    if result.html is not None or result.ods is not None:
        data["renderings_in_use"] = result.renderings_fell_back


def _already_published(result: pipeline.Result, words: Words) -> str:
    as_of = words.date(result.already_published)
    if result.archived is None:
        return words["cli.already_published_no_copy"].format(as_of=as_of)
    return words["cli.already_published"].format(as_of=as_of, path=result.archived)


def _say_published(result: pipeline.Result, words: Words) -> None:
    if result.published and result.monitor is not None:
        click.echo(
            words["cli.published"].format(
                as_of=words.date(result.monitor.as_of), path=result.archived
            )
        )


def _report(result: pipeline.Result, as_json: bool, check: bool) -> None:
    monitor, lang = result.monitor, result.lang
    words = Words(lang)
    if as_json:
        _echo_json(_result_json(result))
        _say_in_use(result, words)
        _say_untagged(result, words)
        return
    if monitor is None:  # a published peildatum: nothing was read or written
        click.echo(_already_published(result, words))
        return
    for line in report.summary_table(monitor, lang):
        click.echo(line)
    findings = monitor.findings
    if findings:
        click.echo(words["cli.warnings"].format(count=len(findings)), err=True)
        shown = findings if check else findings[:SHOWN_WARNINGS]
        for finding in shown:
            text, hint = finding.render(lang)
            where = f"{finding.where}: " if finding.where else ""
            click.echo(f"  {where}{text}" + (f". {hint}" if check else ""), err=True)
        if len(findings) > len(shown):
            click.echo(
                words["cli.more_warnings"].format(count=len(findings) - len(shown)), err=True
            )
    for notice in monitor.notices:
        text, _ = notice.render(lang)
        where = f"{notice.where}: " if notice.where else ""
        click.echo(f"{words['cli.notice']}: {where}{text}", err=True)
    if check:
        key = "cli.read" if findings else "cli.clean"
        click.echo(words[key].format(count=monitor.total_actions, warnings=len(findings)))
    elif result.up_to_date:
        click.echo(words["cli.up_to_date"].format(path=result.output))
    else:
        click.echo(words["cli.written"].format(path=result.output))
        if result.pdf is not None:
            click.echo(words["cli.pdf_written"].format(path=result.pdf))
        _say_renderings(result, words)
        _say_published(result, words)
    _say_in_use(result, words)


def _say_renderings(result: pipeline.Result, words: Words) -> None:
    """Where the page and the .ods went, and a notice when the PDF is not tagged."""
    from .page_words import page_words

    own = page_words(words.lang)
    if result.html is not None:
        click.echo(own["cli.html_written"].format(path=result.html))
    if result.ods is not None:
        click.echo(own["cli.ods_written"].format(path=result.ods))
    _say_untagged(result, words)


def _say_renderings_in_use(result: pipeline.Result, words: Words) -> None:
    """The page or the .ods was open: where the new one went (exit 5)."""
    if not result.renderings_fell_back or result.target is None:
        return
    from .ods import ods_path
    from .renderings import html_path

    for path, target in (
        (result.html, html_path(result.target)),
        (result.ods, ods_path(result.target)),
    ):
        if path is not None and path != target:
            text, hint = vocabulary.message(
                words.lang, "rendering_in_use", target=target, path=path
            )
            click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)


def _say_untagged(result: pipeline.Result, words: Words) -> None:
    if result.pdf is not None and result.pdf_tagged is False:
        from .browser import BROWSER_ENV

        text, hint = vocabulary.message(
            words.lang, "pdf_untagged", path=result.pdf, env=BROWSER_ENV
        )
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)


def _say_in_use(result: pipeline.Result, words: Words) -> None:
    """The monitor (or its PDF) was open: where the new one went (exit code 5 says it too)."""
    if result.fell_back:
        text, hint = vocabulary.message(
            words.lang, "monitor_in_use", target=result.target, path=result.output
        )
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    if result.pdf_fell_back and result.target is not None:
        text, hint = vocabulary.message(
            words.lang,
            "pdf_in_use",
            target=pipeline.pdf_target(result.target),
            path=result.pdf,
        )
        click.echo(f"{words['cli.notice']}: {text}. {hint}", err=True)
    _say_renderings_in_use(result, words)


def _echo_json(data: object) -> None:
    """One JSON object on stdout, valid whatever the stream can encode: non-ASCII characters
    as escapes when stdout is not UTF-8 (a Windows pipe or file in cp1252, say)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower()
    utf8 = encoding.replace("-", "").replace("_", "") in ("utf8", "utf8sig")
    click.echo(json.dumps(data, ensure_ascii=not utf8, indent=2))


def _guard(
    call: Callable[[], T], lang: str | None, log: RunLog | None = None, started: float | None = None
) -> T:
    """Run the pipeline; expected failures become one line on stderr and their exit code (and
    a line in the run log). An OSError that got this far (a drive that went away mid-run) is
    such a failure too, exit 4, never "internal error"."""
    try:
        return call()
    except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
        raise
    except (MviError, OSError) as caught:
        exc = caught if isinstance(caught, MviError) else _io_error(caught)
        if log is not None:
            log.event(
                "result",
                status="error",
                exit=exc.exit_code,
                message=exc.render(lang or "nl"),
                duration=f"{time.monotonic() - (started or 0):.2f}s",
            )
        _fail(exc, lang)
    except Exception as exc:
        if os.environ.get("MVI_XL_DEBUG"):
            raise
        click.echo(
            f"mvi-xl: internal error: {type(exc).__name__}: {exc}. "
            "Run again with MVI_XL_DEBUG=1 for details and please report it.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


def _io_error(exc: OSError) -> MviError:
    from .errors import OutputError
    from .safe_io import is_drive_gone

    code = "drive_gone" if is_drive_gone(exc) else "write_failed"
    return OutputError(code, path=exc.filename, reason=exc.strerror or str(exc))


def _fail(error: MviError, lang: str | None):
    line = error.render(lang or "nl")
    detail = error.params.get("detail")
    if detail and os.environ.get("MVI_XL_DEBUG"):  # a library's own words, for a bug report
        line += f" [{detail}]"
    click.echo(f"mvi-xl: {line}", err=True)
    sys.exit(error.exit_code)


def main() -> None:
    """The console script (and ``python -m mvi_xl``); tests call ``cli`` through CliRunner.

    A run is one batch job over a million or more small objects (cells, actions) that form no
    reference cycles worth collecting. The cycle collector is paused for the run: its full
    passes over them cost more than a second at 100,000 actions (BENCHMARKS.md). And once the
    output is flushed, the process ends without taking them apart one by one. ``watch``, which
    runs for hours, collects as usual."""
    gc.disable()
    _lenient_streams()
    try:
        cli(prog_name="mvi-xl")
    except SystemExit as end:
        _exit_now(end.code)


def _lenient_streams() -> None:
    """Whatever the console or pipe can encode (cp1252, cp850 on Windows when the output is
    redirected): characters it can't take become '?' on stdout (stderr already escapes them),
    so a register with emoji or Arabic text never crashes the summary after the monitor was
    written. ``--json`` escapes them itself (``_echo_json``)."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict":
            with suppress(AttributeError, ValueError, OSError):
                stream.reconfigure(errors="replace")


def _exit_now(code: object) -> NoReturn:
    """``sys.exit(code)`` without the interpreter's teardown: every file is closed by now, so
    only the standard streams need flushing."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # as sys.exit does with a message
        print(code, file=sys.stderr)
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(status)
