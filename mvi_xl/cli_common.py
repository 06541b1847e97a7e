"""What the command modules share: the option types and options, the exit codes in the help,
and how a failure becomes one line on stderr and its exit code. Only click and light modules
are imported here: ``mvi-xl --help`` loads this, never the pipeline."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from .errors import EXIT_INTERNAL, MviError
from .runlog import RunLog
from .words import i18n
from .words.command_line import language
from .words.terms import LANGUAGES

T = TypeVar("T")

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


class DateParam(click.ParamType):
    """A date as YYYY-MM-DD or DD-MM-YYYY."""

    name = "DATE"

    def convert(
        self, value: str | dt.date, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
        self.fail(i18n.message(language(), "not_a_date", value=value)[0], param, ctx)


class YearParam(click.ParamType):
    """A calendar year: four digits, such as 2024."""

    name = "YEAR"

    def convert(
        self, value: str | int, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = value.strip()
        if len(text) == 4 and text.isascii() and text.isdigit() and text >= "1900":
            return int(text)
        self.fail(i18n.message(language(), "not_a_year", value=value)[0], param, ctx)


DATE = DateParam()
YEAR = YearParam()
PATH = click.Path(path_type=Path)

lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    help="Language of the workbook, the messages and this help: nl (the default) or en; "
    "without --lang, MVI_XL_LANG or 'language' in mvi-xl.toml.",
)
config_option = click.option(
    "--config",
    type=PATH,
    metavar="FILE",
    help="mvi-xl.toml to use (default: the one beside the register).",
)
organisation_option = click.option(
    "--organisation",
    metavar="NAME",
    help="The organisation the monitor names (default: 'organisation' in mvi-xl.toml, or the "
    "one init wrote into the register).",
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


def echo_json(data: object) -> None:
    """One JSON object on stdout, valid whatever the stream can encode: non-ASCII characters
    as escapes when stdout is not UTF-8 (a Windows pipe or file in cp1252, say)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower()
    utf8 = encoding.replace("-", "").replace("_", "") in ("utf8", "utf8sig")
    click.echo(json.dumps(data, ensure_ascii=not utf8, indent=2))


def guard(
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
                message=exc.render(lang or language()),
                duration=f"{time.monotonic() - (started or 0):.2f}s",
            )
        fail(exc, lang)
    except Exception as exc:
        if os.environ.get("MVI_XL_DEBUG"):
            raise
        text, hint = i18n.message(
            lang or language(), "internal_error", error=f"{type(exc).__name__}: {exc}"
        )
        click.echo(f"mvi-xl: {text}. {hint}", err=True)
        sys.exit(EXIT_INTERNAL)


def _io_error(exc: OSError) -> MviError:
    from .errors import OutputError
    from .safe_io import is_drive_gone

    code = "drive_gone" if is_drive_gone(exc) else "write_failed"
    return OutputError(code, path=exc.filename, reason=exc.strerror or str(exc))


def fail(error: MviError, lang: str | None) -> NoReturn:
    line = error.render(lang or language())
    detail = error.params.get("detail")
    if detail and os.environ.get("MVI_XL_DEBUG"):  # a library's own words, for a bug report
        line += f" [{detail}]"
    click.echo(f"mvi-xl: {line}", err=True)
    sys.exit(error.exit_code)
