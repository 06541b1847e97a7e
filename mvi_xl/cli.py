"""The ``mvi-xl`` command: the group and its commands (cli_build, cli_history, cli_schedule),
and the console script. The commands parse options, call the pipeline, turn errors into one
line and an exit code; nothing else happens there."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import suppress
from typing import NoReturn

import click

from . import __version__
from .cli_build import build, check, init, watch
from .cli_common import EXIT_CODES
from .cli_history import history
from .cli_schedule import schedule
from .words.command_line import LocalisedGroup, version_option


@click.group(
    cls=LocalisedGroup,
    epilog=EXIT_CODES,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@version_option(__version__, prog_name="mvi-xl")
def cli() -> None:
    """Turn an MVI action register into a monitor workbook with native Excel charts."""


for _command in (build, watch, schedule, check, init, history):
    cli.add_command(_command)


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
        reconfigure = getattr(stream, "reconfigure", None)  # a TextIOWrapper's
        if getattr(stream, "errors", None) == "strict" and reconfigure is not None:
            with suppress(ValueError, OSError):
                reconfigure(errors="replace")


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
