"""``mvi-xl build``, ``watch``, ``check`` and ``init``: options in, the pipeline called (imported
when a command runs, so ``--help`` stays light), its result printed and logged."""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_common import (
    DATE,
    EXIT_CODES,
    PATH,
    YEAR,
    config_option,
    fail,
    guard,
    json_option,
    lang_option,
    log_option,
    organisation_option,
    output_option,
    quiet_option,
    sheet_option,
    strict_option,
)
from .cli_report import report_departments, report_result
from .errors import EXIT_ELSEWHERE, MviError, UsageError
from .runlog import RunLog
from .words.command_line import language
from .words.i18n import Words

if TYPE_CHECKING:
    from .pipeline import Options, Result
    from .registers import Sources


@click.command(epilog=EXIT_CODES)
@click.argument("registers", metavar="REGISTER...", type=PATH, nargs=-1)
@output_option
@click.option(
    "--as-of", type=DATE, metavar="DATE", help="Peildatum, the reference date (default: today)."
)
@click.option(
    "--since",
    type=DATE,
    metavar="DATE",
    help="Previous monitor's peildatum: list what was completed after it.",
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
@organisation_option
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
    "--jaar",
    "--year",
    "year",
    type=YEAR,
    metavar="YEAR",
    help="The monitor of one calendar year: what was realised in it and the status at its end "
    "(31-12, or today while the year runs), compared with the end of the year before. Written "
    "beside the monitor (the default one, or -o's) as '<monitor> YEAR.xlsx'; reads its "
    "history and records nothing in it.",
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
    organisation: str | None,
    html: bool,
    ods: bool,
    per_department: bool,
    department: str | None,
    publish: bool,
    year: int | None,
    force: bool,
    quiet: bool,
    log_file: Path | None,
) -> None:
    """Read REGISTER and write the monitor workbook. Unchanged input leaves the monitor as it is.

    Several registers, or a folder of them, make one combined monitor. Without --publish the
    monitor is a refresh: it compares with the latest published monitor before its peildatum.
    A published peildatum is never built again (the archived copy is named) unless
    --publish --force."""
    from . import pipeline
    from .outputs import MONITOR_SUFFIX

    with ExitStack() as stack:
        if example:
            if registers:
                fail(UsageError("example_and_register"), lang)
            registers = (pipeline.example_register(stack),)
            if not per_department:
                output = output or Path.cwd() / ("voorbeeld" + MONITOR_SUFFIX)
            if year is None:  # a year monitor has its own peildatum
                as_of = as_of or pipeline.EXAMPLE_AS_OF
                since = since or (
                    pipeline.EXAMPLE_SINCE if as_of > pipeline.EXAMPLE_SINCE else None
                )
        elif not registers:
            fail(UsageError("no_register"), lang)
        if per_department and (output is None or department is not None):
            fail(UsageError("per_department_usage"), lang)
        if per_department and year is not None:
            fail(UsageError("year_and_option", option="--per-afdeling", year=year), lang)
        options = pipeline.Options(
            register=registers[0],
            output=output,
            as_of=as_of,
            since=since,
            config=config,
            sheet=sheet,
            lang=lang,
            strict=strict,
            pdf=pdf,
            force=force,
            more=registers[1:],
            department=department,
            publish=publish,
            html=html,
            ods=ods,
            organisation=organisation,
            year=year,
            today=pipeline.EXAMPLE_AS_OF if example else None,  # its register's day
        )
        sources = None  # worked out by the build, unless the log file's check needs them first
        if log_file is not None:
            sources = guard(options.sources, lang)
            checked = sources
            guard(lambda: pipeline.refuse_log_on_register(checked, log_file), lang)
        log = RunLog(log_file)
        if per_department:
            assert output is not None  # --per-afdeling without -o was refused above
            folder = output
            words = Words(lang or language())
            results = guard(
                lambda: pipeline.build_departments(options, folder, words, sources),
                lang,
                log=log,
                started=time.monotonic(),
            )
        else:
            results = [_logged_build(options, log, lang, sources)]
    if per_department:
        report_departments(results, as_json, quiet)
    elif not quiet or as_json:
        report_result(results[0], as_json, check=False)
    if any(r.elsewhere for r in results):
        sys.exit(EXIT_ELSEWHERE)


@click.command(epilog=EXIT_CODES)
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
    from . import pipeline
    from .outputs import io_failure
    from .watch import Watcher

    gc.enable()  # paused for one-shot runs (see main); a watch runs for hours
    words = Words(lang or language())
    options = pipeline.Options(
        register=register, output=output, config=config, sheet=sheet, lang=lang, strict=strict
    )
    if log_file is not None:
        guard(lambda: pipeline.refuse_log_on_register(options.sources(), log_file), lang)
    log = RunLog(log_file)

    def logged_build(options: Options) -> Result:
        started = time.monotonic()
        _log_start(log, options)
        try:
            result = pipeline.build(options)
        except MviError as error:
            log.event(
                "result",
                status="error",
                exit=error.exit_code,
                message=error.render(lang or language()),
                duration=f"{time.monotonic() - started:.2f}s",
            )
            raise
        except OSError as exc:
            failure = io_failure(exc, (options.register, *options.more), options.output)
            log.event("result", status="error", exit=failure.exit_code, message=failure.render())
            raise failure from None
        _log_result(log, result, time.monotonic() - started)
        return result

    def on_result(result: Result) -> None:
        if not quiet:
            report_result(result, False, check=False)

    def on_error(error: MviError) -> None:
        click.echo(f"mvi-xl: {error.render(lang or language())}", err=True)

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


@click.command(epilog=EXIT_CODES)
@click.argument("registers", metavar="REGISTER...", type=PATH, nargs=-1, required=True)
@config_option
@sheet_option
@lang_option
@strict_option
@json_option
@click.option(
    "--as-of", type=DATE, metavar="DATE", help="Peildatum for date checks (default: today)."
)
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
    from . import pipeline

    options = pipeline.Options(
        register=registers[0],
        as_of=as_of,
        config=config,
        sheet=sheet,
        lang=lang,
        strict=strict,
        more=registers[1:],
    )
    result = guard(lambda: pipeline.check(options), lang)
    report_result(result, as_json, check=True)


@click.command(epilog=EXIT_CODES)
@click.argument("path", metavar="PATH", type=PATH)
@lang_option
@organisation_option
def init(path: Path, lang: str | None, organisation: str | None) -> None:
    """Create a new, empty register at PATH (never overwrites a file)."""
    from . import pipeline

    lang = lang or language()
    guard(lambda: pipeline.init(path, lang=lang, organisation=organisation or ""), lang)
    click.echo(Words(lang)["cli.created"].format(path=path))


def _logged_build(
    options: Options, log: RunLog, lang: str | None, sources: Sources | None
) -> Result:
    """Build, with a line in the run log for the start and for the result, failures included."""
    from . import pipeline

    started = time.monotonic()
    _log_start(log, options)
    result = guard(lambda: pipeline.build(options, sources=sources), lang, log=log, started=started)
    _log_result(log, result, time.monotonic() - started)
    return result


def _log_start(log: RunLog, options: Options) -> None:
    """The start line: register, output and the peildatum the build uses (today by default,
    the year's end with --jaar)."""
    from .pipeline import today
    from .year_view import year_end

    as_of = options.as_of or today()
    if options.year is not None:
        as_of = year_end(options.year, options.day())
    log.event("start", register=options.register, output=options.output, as_of=as_of.isoformat())


def _log_result(log: RunLog, result: Result, duration: float) -> None:
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
