"""The ``mvi-xl`` command: parse options, call the pipeline, turn errors into one line and an
exit code. Nothing else happens here."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TypeVar

import click

from . import __version__, pipeline, report
from .errors import EXIT_INTERNAL, MviError, UsageError
from .vocabulary import LANGUAGES, Words

T = TypeVar("T")

EXIT_CODES = """\b
Exit codes:
  0  success (check: the register can be read; warnings are listed)
  1  unexpected internal error (please report it)
  2  usage error: bad option, date or mvi-xl.toml
  3  the register can't be read or is invalid (also: warnings under --strict)
  4  the monitor can't be written
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
@click.argument("register", type=PATH, required=False)
@click.option(
    "-o",
    "--output",
    type=PATH,
    metavar="OUTPUT",
    help="Monitor to write (default: '<register>-monitor.xlsx' beside the register).",
)
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
def build(
    register: Path | None,
    output: Path | None,
    as_of: dt.date | None,
    since: dt.date | None,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    example: bool,
) -> None:
    """Read REGISTER and write the monitor workbook."""
    with ExitStack() as stack:
        if example:
            if register is not None:
                _fail(UsageError("example_and_register"), lang)
            register = pipeline.example_register(stack)
            output = output or Path.cwd() / ("voorbeeld" + pipeline.MONITOR_SUFFIX)
            as_of = as_of or pipeline.EXAMPLE_AS_OF
            since = since or (pipeline.EXAMPLE_SINCE if as_of > pipeline.EXAMPLE_SINCE else None)
        elif register is None:
            _fail(UsageError("no_register"), lang)
        options = pipeline.Options(register, output, as_of, since, config, sheet, lang, strict)
        result = _guard(lambda: pipeline.build(options), lang)
    _report(result, as_json, check=False)


@cli.command(epilog=EXIT_CODES)
@click.argument("register", type=PATH)
@config_option
@sheet_option
@lang_option
@strict_option
@json_option
@click.option("--as-of", type=DATE, help="Peildatum for date checks (default: today).")
def check(
    register: Path,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
    strict: bool,
    as_json: bool,
    as_of: dt.date | None,
) -> None:
    """Read and validate REGISTER; write nothing. Lists every warning with its cell."""
    options = pipeline.Options(register, None, as_of, None, config, sheet, lang, strict)
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
def history_add(
    register: Path,
    as_of: dt.date,
    output: Path | None,
    config: Path | None,
    sheet: str | None,
    lang: str | None,
) -> None:
    """Record a snapshot of REGISTER (e.g. a dated old copy) without building a monitor."""
    options = pipeline.Options(register, output, as_of, None, config, sheet, lang)
    result = _guard(lambda: pipeline.record(options), lang)
    words = Words(result.lang)
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
    if as_json:
        click.echo(json.dumps(report.history_json(found), ensure_ascii=False, indent=2))
        return
    for line in report.history_table(found, lang or "nl"):
        click.echo(line)


@history.command("remove", epilog=EXIT_CODES)
@click.argument("date", type=DATE)
@click.argument("monitor", type=PATH, required=False)
@lang_option
def history_remove(date: dt.date, monitor: Path | None, lang: str | None) -> None:
    """Remove the snapshot of DATE from the history of MONITOR."""
    found = _guard(lambda: pipeline.forget(monitor, date), lang)
    words = Words(lang or "nl")
    click.echo(words["cli.removed"].format(as_of=words.date(date), path=found.path))


def _report(result: pipeline.Result, as_json: bool, check: bool) -> None:
    monitor, lang = result.monitor, result.lang
    words = Words(lang)
    if as_json:
        click.echo(
            json.dumps(report.to_json(monitor, lang, result.output), ensure_ascii=False, indent=2)
        )
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
    else:
        click.echo(words["cli.written"].format(path=result.output))


def _guard(call: Callable[[], T], lang: str | None) -> T:
    """Run the pipeline; expected failures become one line on stderr and their exit code."""
    try:
        return call()
    except MviError as exc:
        _fail(exc, lang)
    except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
        raise
    except Exception as exc:
        if os.environ.get("MVI_XL_DEBUG"):
            raise
        click.echo(
            f"mvi-xl: internal error: {type(exc).__name__}: {exc}. "
            "Run again with MVI_XL_DEBUG=1 for details and please report it.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


def _fail(error: MviError, lang: str | None):
    click.echo(f"mvi-xl: {error.render(lang or 'nl')}", err=True)
    sys.exit(error.exit_code)


def main() -> None:
    cli(prog_name="mvi-xl")
