"""read -> compute -> write: the one place that knows the order.

``build`` and ``check`` are the library API behind the CLI commands; they raise MviError
subclasses and never print.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from . import __version__, props
from .compute import compute_monitor
from .config import Config, find_config, load_config
from .errors import OutputError, RegisterError, UsageError
from .history import HISTORY_SUFFIX, History, history_path, load_history, save_history
from .model import Finding, Monitor, Snapshot
from .reader import read_register
from .safe_io import atomic_output

MONITOR_SUFFIX = "-monitor.xlsx"
EXAMPLE_REGISTER = ("voorbeeld", "register.xlsx")
#: The example is a register as it stood in autumn 2018; its monitor looks back to June.
EXAMPLE_AS_OF = dt.date(2018, 11, 1)
EXAMPLE_SINCE = dt.date(2018, 6, 1)


@dataclass(frozen=True)
class Options:
    register: Path
    output: Path | None = None
    as_of: dt.date | None = None
    since: dt.date | None = None
    config: Path | None = None
    sheet: str | None = None
    lang: str | None = None
    strict: bool = False


@dataclass(frozen=True)
class Result:
    monitor: Monitor
    lang: str
    output: Path | None


def default_output(register: Path) -> Path:
    """Beside the register, named after it: ``Plan.xlsx`` -> ``Plan-monitor.xlsx``."""
    return register.with_name(register.stem + MONITOR_SUFFIX)


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def example_register(stack: ExitStack) -> Path:
    """The bundled example register as a real file for as long as ``stack`` is open."""
    resource = resources.files("mvi_xl.templates").joinpath(*EXAMPLE_REGISTER)
    return stack.enter_context(resources.as_file(resource))


def load(options: Options, history: Sequence[Snapshot] = ()) -> tuple[Monitor, str, Config]:
    """Read and compute against the earlier snapshots; under --strict any warning is an
    error."""
    config = load_config(find_config(options.config, options.register))
    lang = options.lang or config.language or "nl"
    as_of = options.as_of or today()
    if options.since is not None and options.since >= as_of:
        raise UsageError(
            "since_after_as_of",
            since=options.since.strftime("%d-%m-%Y"),
            as_of=as_of.strftime("%d-%m-%Y"),
        )
    register = read_register(options.register, sheet=options.sheet, config=config)
    monitor = compute_monitor(
        register, as_of=as_of, since=options.since, config=config, history=history
    )
    if options.strict and monitor.findings:
        first = monitor.findings[0]
        text, _ = first.render(lang)
        raise RegisterError(
            "strict",
            path=options.register,
            count=len(monitor.findings),
            first=f"{first.where}: {text}" if first.where else text,
        )
    return monitor, lang, config


def check(options: Options) -> Result:
    monitor, lang, _ = load(options)
    return Result(monitor, lang, None)


def build(options: Options) -> Result:
    output = options.output or default_output(options.register)
    _refuse_overwriting_register(options.register, output)
    history = load_history(history_path(output))
    monitor, lang, config = load(options, history.snapshots)
    aside = _aside_name(history)
    monitor = replace(monitor, notices=monitor.notices + _history_notices(history, output, aside))
    from .writer import write_workbook  # XlsxWriter is only needed once there is a monitor

    with atomic_output(output) as temporary:
        write_workbook(
            monitor,
            temporary,
            lang=lang,
            config=config,
            generated=today(),
            version=__version__,
            properties={props.HISTORY_COUNT: len(monitor.history)},
        )
    save_history(replace(history, snapshots=monitor.history), history.path, aside=aside)
    return Result(monitor, lang, output)


def record(options: Options) -> Result:
    """``history add``: record the snapshot of a register (say, an old dated copy) in the
    history of the monitor at ``options.output``, without building a monitor."""
    output = options.output or default_output(options.register)
    history = load_history(history_path(output))
    monitor, lang, _ = load(options, history.snapshots)
    aside = _aside_name(history)
    monitor = replace(monitor, notices=monitor.notices + _history_notices(history, output, aside))
    save_history(replace(history, snapshots=monitor.history), history.path, aside=aside)
    return Result(monitor, lang, history.path)


def find_history(location: Path | None) -> History:
    """The history of a monitor: given the monitor, the history file itself, or nothing (then
    the one history file in the current folder)."""
    if location is None:
        found = sorted(Path.cwd().glob("*" + HISTORY_SUFFIX))
        if len(found) != 1:
            raise UsageError(
                "history_which", count=len(found), names=", ".join(p.name for p in found) or "-"
            )
        location = found[0]
    path = location if location.name.endswith(HISTORY_SUFFIX) else history_path(location)
    history = load_history(path)
    if history.unreadable is not None:
        raise RegisterError("history_unreadable", path=path, reason=history.unreadable)
    if not path.exists():
        raise UsageError("history_missing", path=path)
    return history


def forget(location: Path | None, as_of: dt.date) -> History:
    """``history remove``: drop the snapshot of one peildatum."""
    history = find_history(location).without(as_of)
    save_history(history, history.path)
    return history


def _aside_name(history: History) -> Path | None:
    """Where an unreadable history file is moved before a new one is written."""
    if history.unreadable is None or history.path is None or not history.path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return history.path.with_name(f"{history.path.stem}.onleesbaar-{stamp}.csv")


def _history_notices(history: History, output: Path, aside: Path | None) -> tuple[Finding, ...]:
    """Say so when the history starts afresh: first run, deleted file or unreadable file."""
    where = history.path.name if history.path else ""
    if aside is not None:
        return (Finding("history_unreadable_aside", where,
                        {"reason": history.unreadable, "aside": aside.name}),)
    if history.snapshots or (history.path is not None and history.path.exists()):
        return ()
    recorded = props.read_custom_properties(output).get(props.HISTORY_COUNT, "0")
    if recorded.isdigit() and int(recorded) > 0:
        return (Finding("history_deleted", where, {"count": int(recorded)}),)
    return (Finding("history_new", where, {}),)


def _refuse_overwriting_register(register: Path, output: Path) -> None:
    """The register is never written: not through the same path, nor another spelling of it."""
    same = output.absolute() == register.absolute()
    if not same and output.exists() and register.exists():
        try:
            same = output.samefile(register)
        except OSError:
            same = False
    if same:
        raise UsageError("output_is_register", path=output)
    if output.is_dir():
        raise OutputError("output_is_folder", path=output)


def init(path: Path, *, lang: str) -> Path:
    """Write a new, empty register; an existing file is never overwritten."""
    from .writer.starter import write_starter

    with atomic_output(path, replace=False) as temporary:
        write_starter(temporary, lang=lang, today=today())
    return path
