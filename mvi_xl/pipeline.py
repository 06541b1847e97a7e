"""read -> compute -> write: the one place that knows the order.

``build`` and ``check`` are the library API behind the CLI commands; they raise MviError
subclasses and never print.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass, replace
from pathlib import Path

from . import __version__, props, vocabulary
from .compute import combine, compute_monitor, departments, limit_to_department
from .config import CONFIG_NAME, Config, find_config, load_config
from .errors import OutputError, RegisterError, UsageError, os_reason
from .fingerprint import PROPERTY as FINGERPRINT
from .fingerprint import earlier_snapshots, fingerprint
from .history import (
    HISTORY_SUFFIX,
    History,
    history_path,
    load_history,
    monitor_of_history,
    render_history,
    save_history,
)
from .model import Finding, Monitor, Register, Snapshot
from .names import safe_file_names
from .reader import read_register
from .safe_io import (
    atomic_output,
    dated_sibling,
    dated_siblings,
    is_drive_gone,
    is_owner_file,
    lock_path,
    remove_stale_temporaries,
    require_lock,
    run_lock,
)
from .vocabulary import label_key

MONITOR_SUFFIX = "-monitor.xlsx"
EXAMPLE_REGISTER = ("voorbeeld", "register.xlsx")
#: The example is a register as it stood in autumn 2018; its monitor looks back to June.
EXAMPLE_AS_OF = dt.date(2018, 11, 1)
EXAMPLE_SINCE = dt.date(2018, 6, 1)
#: A register caught while it is being saved is read again a few times before giving up.
READ_ATTEMPTS = 3
READ_DELAY = 0.5
UNSETTLED = frozenset({"damaged", "empty_file"})
#: The longest path Excel opens (the whole path, file name included).
EXCEL_MAX_PATH = 218


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
    pdf: bool = False
    force: bool = False  # rebuild even when nothing that goes in has changed
    more: tuple[Path, ...] = ()  # further registers, combined with the first into one monitor
    department: str | None = None  # limit the monitor to one department ("" = without one)

    @property
    def sources(self) -> tuple[Path, ...]:
        """The register files this monitor reads: a folder stands for the registers in it."""
        if not self.more and self.register.is_dir():
            return registers_in(self.register)
        return (self.register, *self.more)


@dataclass(frozen=True)
class Result:
    monitor: Monitor
    lang: str
    output: Path | None
    pdf: Path | None = None
    up_to_date: bool = False  # nothing changed: the monitor was left untouched
    fell_back: bool = False  # the monitor was in use: ``output`` is a dated sibling
    target: Path | None = None  # the monitor that was asked for
    pdf_fell_back: bool = False  # the PDF was in use: ``pdf`` is a dated sibling

    @property
    def elsewhere(self) -> bool:
        """Something was saved under a dated name because its file was in use (exit 5)."""
        return self.fell_back or self.pdf_fell_back


def default_output(register: Path, more: Sequence[Path] = ()) -> Path:
    """Beside the register, named after it: ``Plan.xlsx`` -> ``Plan-monitor.xlsx``. For a
    folder, or several registers, in that folder and named after it."""
    if register.is_dir():
        return register / (register.absolute().name + MONITOR_SUFFIX)
    if more:
        folder = register.absolute().parent
        return folder / (folder.name + MONITOR_SUFFIX)
    return register.with_name(register.stem + MONITOR_SUFFIX)


#: What a folder of registers holds besides registers: Excel's owner files, hidden files and
#: mvi-xl's own outputs (monitors, their dated siblings, history, temporary files).
REGISTER_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv"})


def registers_in(folder: Path) -> tuple[Path, ...]:
    """The register files in a folder, by name; none is an error (exit 3)."""
    return folder_registers(folder)[0]


def folder_registers(folder: Path) -> tuple[tuple[Path, ...], tuple[Finding, ...]]:
    """The register files in a folder, by name, and a warning for each link in it that leads
    outside the folder (not read: a folder build reads what is in the folder)."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.casefold())
        inside = folder.resolve()
    except OSError as exc:
        code = "drive_gone" if is_drive_gone(exc) else "unreadable"
        raise RegisterError(code, path=folder, reason=os_reason(exc)) from None
    found, skipped = [], []
    for entry in entries:
        if not is_register_name(entry.name):
            continue
        try:
            if entry.is_symlink() and not entry.resolve().is_relative_to(inside):
                skipped.append(Finding("link_outside", entry.name, {"target": entry.resolve()}))
                continue
            if entry.is_file():  # a regular file (or a link to one in the folder)
                found.append(entry)
        except OSError:
            continue
    if not found:
        raise RegisterError("no_registers", path=folder)
    return tuple(found), tuple(skipped)


def is_register_name(name: str) -> bool:
    lowered = name.casefold()
    if name.startswith(("~$", ".")) or Path(lowered).suffix not in REGISTER_SUFFIXES:
        return False
    outputs = (MONITOR_SUFFIX, HISTORY_SUFFIX)
    return not (lowered.endswith(outputs) or "-monitor (" in lowered or ".onleesbaar-" in lowered)


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def example_register(stack: ExitStack) -> Path:
    """The bundled example register as a real file for as long as ``stack`` is open."""
    from importlib import resources  # only --example needs it

    resource = resources.files("mvi_xl.templates").joinpath(*EXAMPLE_REGISTER)
    return stack.enter_context(resources.as_file(resource))


#: A register as read, with a note per source when several were combined (``read_sources``).
Read = tuple[Register, tuple[Finding, ...]]


def _config_anchor(options: Options) -> Path:
    """Where mvi-xl.toml is looked for: in the folder of registers, or beside the first one."""
    return options.register / CONFIG_NAME if options.register.is_dir() else options.sources[0]


def load(
    options: Options, history: Sequence[Snapshot] = (), read: Read | None = None
) -> tuple[Monitor, str, Config]:
    """Read (or take ``read``: a register already read, with its notices) and compute against
    the earlier snapshots; under --strict any warning is an error."""
    sources = options.sources
    config = load_config(find_config(options.config, _config_anchor(options)))
    lang = options.lang or config.language or "nl"
    as_of = options.as_of or today()
    if options.since is not None and options.since >= as_of:
        raise UsageError(
            "since_after_as_of",
            since=options.since.strftime("%d-%m-%Y"),
            as_of=as_of.strftime("%d-%m-%Y"),
        )
    register, notices = read if read is not None else read_sources(sources, options, config)
    scope = None
    if options.department is not None:
        scope = _department(register, options.department)
        register = limit_to_department(register, scope)
    monitor = compute_monitor(
        register, as_of=as_of, since=options.since, config=config, history=history
    )
    monitor = replace(monitor, notices=notices + monitor.notices, scope=scope)
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


def read_sources(sources: Sequence[Path], options: Options, config: Config) -> Read:
    """The register, or several combined into one with a note per source saying what it gave
    (so a source that gave nothing is noticed). A file given twice, or a byte-identical copy,
    is read once, with a warning (``distinct_sources``). In a folder, a monitor under an
    ordinary name is skipped with a warning instead of stopping the whole folder."""
    in_folder = not options.more and options.register.is_dir()
    paths, skipped = distinct_sources(sources, config.limits.max_file_bytes)
    skipped = list(skipped)
    if in_folder:
        skipped = [*folder_registers(options.register)[1], *skipped]
    registers, read = [], []
    for source in paths:
        try:
            registers.append(read_settled(source, sheet=options.sheet, config=config))
        except UsageError as exc:
            if not in_folder or exc.code != "register_is_monitor":
                raise
            skipped.append(Finding("source_is_monitor", source.name))
        else:
            read.append(source)
    if not registers:
        raise RegisterError("no_registers", path=options.register)
    if len(registers) == 1:
        register = registers[0]
        if skipped:
            register = replace(register, findings=(*skipped, *register.findings))
        return register, ()
    names = _source_names(read)
    combined = combine(registers, names, default_output(options.register, options.more))
    combined = replace(combined, findings=(*skipped, *combined.findings))
    notes = tuple(
        Finding("source_read", name, {"count": len(r.actions), "sheet": r.sheet})
        for name, r in zip(names, registers, strict=True)
    )
    return combined, notes


def distinct_sources(
    paths: Sequence[Path], max_bytes: int
) -> tuple[tuple[Path, ...], tuple[Finding, ...]]:
    """The files to read, each once, and a warning for each one left out: the same file given
    twice (by any spelling of its path, or a link to it), or a byte-identical copy ("Kopie van
    Inkoop.xlsx"). Of identical files the one not named as a copy is read, else the first.
    Only files of equal size are hashed, and none beyond ``max_bytes`` (reading refuses
    those anyway), so a folder without copies costs a stat per file."""
    names = dict(zip(paths, _source_names(paths), strict=True))
    first_of: dict[object, Path] = {}
    kept: list[Path] = []
    findings: list[Finding] = []
    for path in paths:
        earlier = first_of.setdefault(_identity(path), path)
        if earlier is path:
            kept.append(path)
        else:
            findings.append(
                Finding(
                    "repeated_source", names[earlier], {"name": str(earlier), "again": str(path)}
                )
            )
    by_size: dict[int, list[Path]] = {}
    for path in kept:
        size = _size(path)
        if size and size <= max_bytes:
            by_size.setdefault(size, []).append(path)
    left_out: set[Path] = set()
    for same_size in by_size.values():
        if len(same_size) < 2:
            continue
        by_digest: dict[str, list[Path]] = {}
        for path in same_size:
            digest = _digest(path)
            if digest is not None:
                by_digest.setdefault(digest, []).append(path)
        for copies in by_digest.values():
            original = min(copies, key=lambda p: (_named_as_copy(p), copies.index(p)))
            for copy in copies:
                if copy != original:
                    left_out.add(copy)
                    findings.append(
                        Finding(
                            "duplicate_file",
                            names[copy],
                            {"copy": names[copy], "original": names[original]},
                        )
                    )
    return tuple(p for p in kept if p not in left_out), tuple(findings)


def _identity(path: Path) -> object:
    """What two spellings of one file (or a link to it) share: its device and inode, or for a
    file that can't be found its absolute path (reading it says what is wrong). Some network
    drives report no inode (0): then the absolute path, links followed."""
    try:
        info = path.stat()
    except OSError:
        return path.resolve()
    return (info.st_dev, info.st_ino) if info.st_ino else path.resolve()


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None


def _digest(path: Path) -> str | None:
    """sha256 of the file's bytes; None when it can't be read (reading it says why)."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


def _named_as_copy(path: Path) -> bool:
    stem = re.sub(r"\s*\(\d+\)$", "", path.stem.casefold())  # "Inkoop (2)": a download again
    return (
        stem != path.stem.casefold()
        or stem.startswith(vocabulary.COPY_NAME_PREFIXES)
        or stem.endswith(vocabulary.COPY_NAME_SUFFIXES)
    )


def _source_names(paths: Sequence[Path]) -> list[str]:
    """How each register is named in the combined monitor: its file name, or more of its path
    where two files share a name."""
    names = [p.name for p in paths]
    if len(set(names)) == len(names):
        return names
    return [str(p) for p in paths]


def _department(register: Register, wanted: str) -> str:
    """The department as spelled in the register; an unknown one is a usage error."""
    known = departments(register)
    for name in known:
        if label_key(name) == label_key(wanted):
            return name
    raise UsageError(
        "no_department", department=wanted, known=", ".join(n or '""' for n in known) or "-"
    )


def check(options: Options) -> Result:
    monitor, lang, _ = load(options)
    return Result(monitor, lang, None)


def build(options: Options, read: Read | None = None) -> Result:
    """Read, compute and write the monitor, one run per monitor at a time. When the fingerprint
    of everything that goes in matches the monitor's, the file is left alone. ``read``: the
    register as already read (see ``load``). An I/O error that escapes the steps below (a drive
    that went away mid-run) is one line too, never an internal error."""
    try:
        output = options.output or default_output(options.register, options.more)
        return _build(options, output, read)
    except OSError as exc:
        raise io_failure(exc, options) from None


def io_failure(exc: OSError, options: Options) -> RegisterError | OutputError:
    """An OSError as one line: about a register, exit 3; else about the output, exit 4."""
    place = Path(exc.filename) if exc.filename else None
    reason = exc.strerror or str(exc)
    if place is not None and place in (options.register, *options.more):
        code = "drive_gone" if is_drive_gone(exc) else "unreadable"
        return RegisterError(code, path=place, reason=reason)
    code = "drive_gone" if is_drive_gone(exc) else "write_failed"
    return OutputError(code, path=place or options.output, reason=reason)


def _build(options: Options, output: Path, read: Read | None) -> Result:
    sources = options.sources
    for source in sources:
        _refuse_overwriting_register(source, output)
    written = [output, history_path(output), lock_path(output)]
    if options.pdf:
        written.append(_pdf().pdf_path(output))
    refuse_writing_registers(sources, written)
    soffice = _pdf().require_soffice() if options.pdf else None  # before anything is written
    with run_lock(output) as lock:
        remove_stale_temporaries(history_path(output))
        history = load_history(history_path(output))
        monitor, lang, config = load(options, history.snapshots, read)
        stamp = _fingerprint(monitor, config, options, lang, history)
        if not options.force and _up_to_date(output, stamp, monitor, history, options.pdf):
            pdf = _pdf().pdf_path(output) if options.pdf else None  # checked to exist
            _remove_dated_copies(output, pdf)
            return Result(monitor, lang, output, pdf, up_to_date=True, target=output)
        aside = _aside_name(history)
        monitor = replace(
            monitor,
            notices=monitor.notices
            + _history_notices(history, output, aside)
            + _long_paths(output, history_path(output)),
        )
        from .writer import write_workbook  # XlsxWriter is only needed once there is a monitor

        publish = atomic_output(
            output, fallback=lambda: _sibling_for(output, stamp), check=require_lock(lock)
        )
        with publish as temporary:
            write_workbook(
                monitor,
                temporary,
                lang=lang,
                config=config,
                generated=today(),
                version=__version__,
                properties={props.HISTORY_COUNT: len(monitor.history), FINGERPRINT: stamp},
            )
            # printed from the finished workbook before it replaces the monitor: a failed
            # export leaves the previous monitor (and its history) as it was; a PDF open in a
            # viewer gets a dated sibling of its own and the workbook is still replaced
            pdf = (
                _pdf().export_pdf(temporary, _pdf().pdf_path(output), soffice=soffice)
                if soffice
                else None
            )
        monitor = _save_history_or_say_so(monitor, history, aside)
    pdf_fell_back = pdf is not None and pdf != _pdf().pdf_path(output)
    if publish.fell_back:
        monitor = replace(monitor, notices=monitor.notices + _long_paths(publish.final))
    else:
        _remove_dated_copies(output, None if pdf is None or pdf_fell_back else pdf)
    return Result(
        monitor,
        lang,
        publish.final,
        pdf,
        fell_back=publish.fell_back,
        target=output,
        pdf_fell_back=pdf_fell_back,
    )


def _remove_dated_copies(output: Path, pdf: Path | None) -> None:
    """The monitor (and the PDF) replaced again: the dated copies made while they were in use
    are out of date. Only copies mvi-xl made (with its fingerprint) are removed, and one still
    open stays for the next run."""
    for sibling in dated_siblings(output):
        if props.read_custom_properties(sibling).get(FINGERPRINT):
            with suppress(OSError):
                sibling.unlink()
    for sibling in dated_siblings(pdf) if pdf is not None else ():
        with suppress(OSError):
            sibling.unlink()


def _long_paths(*paths: Path | None) -> tuple[Finding, ...]:
    """A notice for each file whose path is longer than Excel opens."""
    notices = []
    for path in paths:
        if path is None:
            continue
        length = len(str(path.absolute()))
        if length > EXCEL_MAX_PATH:
            notices.append(
                Finding("path_too_long", path.name, {"length": length, "limit": EXCEL_MAX_PATH})
            )
    return tuple(notices)


def refuse_writing_registers(sources: Sequence[Path], paths: Sequence[Path]) -> None:
    """No file mvi-xl writes (monitor, history, lock, PDF, log, ...) may be one of the
    registers, by any spelling of its path or a link to it (exit 2)."""
    for path in paths:
        for source in sources:
            if _same_file(source, path):
                raise UsageError("writes_register", path=path, register=source)


def _same_file(register: Path, path: Path) -> bool:
    """The same file by any spelling: equal once made absolute and links followed (case
    ignored where the system ignores it), or the same file on disk (a hard link, a
    case-insensitive drive)."""
    try:
        if os.path.normcase(register.resolve()) == os.path.normcase(path.resolve()):
            return True
        return path.exists() and register.exists() and path.samefile(register)
    except OSError:
        return False


def build_departments(options: Options, folder: Path, words) -> list[Result]:
    """``--per-afdeling``: one monitor per department into ``folder``, each named after its
    department (a safe file name) and with its own history. Their totals add up to the
    register's, actions without a department included."""
    whole = replace(options, department=None, strict=False)
    config = load_config(find_config(options.config, _config_anchor(options)))
    read = read_sources(options.sources, whole, config)  # once: every department sees one state
    monitor, _, _ = load(whole, read=read)
    if not folder.exists() and folder.parent.is_dir():
        try:
            folder.mkdir()
        except OSError as exc:
            raise OutputError(
                "write_failed", path=folder, reason=exc.strerror or str(exc)
            ) from None
    names = safe_file_names(
        [d or words["group.none.department"] for d in departments(monitor.register)]
    )
    results = []
    for department, name in zip(departments(monitor.register), names, strict=True):
        output = folder / f"{name}{MONITOR_SUFFIX}"
        results.append(build(replace(options, department=department, output=output), read))
    return results


def record(options: Options) -> Result:
    """``history add``: record the snapshot of a register (say, an old dated copy) in the
    history of the monitor at ``options.output``, without building a monitor."""
    output = options.output or default_output(options.register)
    with run_lock(output):
        history = load_history(history_path(output))
        monitor, lang, _ = load(options, history.snapshots)
        aside = _aside_name(history)
        monitor = replace(
            monitor, notices=monitor.notices + _history_notices(history, output, aside)
        )
        save_history(replace(history, snapshots=monitor.history), history.path, aside=aside)
    return Result(monitor, lang, history.path)


def _pdf():
    """The PDF export, imported only when --pdf asks for it (it starts LibreOffice)."""
    from . import pdf

    return pdf


def read_settled(path: Path, *, sheet: str | None, config: Config) -> Register:
    """Read the register, retrying a few times while it looks mid-save (a damaged or empty zip,
    or a size or time that changed while it was read): never a monitor from half a register."""
    for attempt in range(READ_ATTEMPTS):
        last = attempt == READ_ATTEMPTS - 1
        before = _signature(path)
        try:
            register = read_register(path, sheet=sheet, config=config)
        except RegisterError as exc:
            if exc.code not in UNSETTLED or last:
                raise
        else:
            if _signature(path) == before:
                return register
            if last:
                raise RegisterError("changing", path=path)
        time.sleep(READ_DELAY * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _fingerprint(
    monitor: Monitor, config: Config, options: Options, lang: str, history: History
) -> str:
    earlier = earlier_snapshots(history.snapshots, monitor.as_of)
    return fingerprint(
        register=monitor.register.digest.encode(),
        config=config,
        options=(
            monitor.as_of,
            monitor.since,
            options.sheet,
            lang,
            options.strict,
            options.pdf,
            options.department,
            tuple(str(p) for p in options.sources),  # as shown on the Toelichting sheet
        ),
        version=__version__,
        earlier=earlier,
        render=lambda snaps: render_history(History(snaps)),
    )


def _up_to_date(output: Path, stamp: str, monitor: Monitor, history: History, pdf: bool) -> bool:
    """Nothing to do: the monitor carries this fingerprint, the history already holds this
    peildatum (a run that could not save it tries again), and a wanted PDF exists."""
    if props.read_custom_properties(output).get(FINGERPRINT) != stamp:
        return False
    if not any(s.as_of == monitor.as_of for s in history.snapshots):
        return False
    if not pdf:
        return True
    # a PDF that was open when it was last made is out of date behind its dated copy
    target = _pdf().pdf_path(output)
    return target.exists() and not dated_siblings(target)


def _sibling_for(output: Path, stamp: str) -> Path:
    """Where a new monitor goes while the monitor is open in Excel: a dated sibling; one made
    earlier from the same input is reused rather than adding another."""
    prefix = f"{output.stem} ("
    for sibling in sorted(output.parent.glob(f"*{output.suffix}")):
        if (
            sibling.name.startswith(prefix)
            and props.read_custom_properties(sibling).get(FINGERPRINT) == stamp
        ):
            return sibling
    return dated_sibling(output)


def _save_history_or_say_so(monitor: Monitor, history: History, aside: Path | None) -> Monitor:
    """The monitor is written; a history that can't be saved now (open in Excel, say) is saved
    by the next run, which sees the snapshot missing. Say so instead of failing the run."""
    try:
        save_history(replace(history, snapshots=monitor.history), history.path, aside=aside)
    except OutputError as exc:
        notice = Finding(
            "history_not_saved",
            history.path.name if history.path else "",
            {"reason": exc.render("nl").split(": ", 1)[-1]},
        )
        return replace(monitor, notices=(*monitor.notices, notice))
    return monitor


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
    found = find_history(location)
    with run_lock(monitor_of_history(found.path)):
        history = find_history(found.path).without(as_of)
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
        return (
            Finding(
                "history_unreadable_aside",
                where,
                {"reason": history.unreadable, "aside": aside.name},
            ),
        )
    if history.snapshots or (history.path is not None and history.path.exists()):
        return ()
    recorded = props.read_custom_properties(output).get(props.HISTORY_COUNT, "0")
    if recorded.isdigit() and int(recorded) > 0:
        return (Finding("history_deleted", where, {"count": int(recorded)}),)
    return (Finding("history_new", where, {}),)


def _refuse_overwriting_register(register: Path, output: Path) -> None:
    """The register is never written: not through the same path, nor another spelling of it."""
    try:
        register.stat()
    except OSError as exc:
        if is_drive_gone(exc):
            raise RegisterError("drive_gone", path=register, reason=exc.strerror) from None
    same = output.absolute() == register.absolute()
    if not same and output.exists() and register.exists():
        try:
            same = output.samefile(register)
        except OSError:
            same = False
    if same:
        raise UsageError("output_is_register", path=output)
    if is_owner_file(register):
        raise UsageError("owner_file", path=register)
    if output.is_dir():
        raise OutputError("output_is_folder", path=output)
    if not output.parent.is_dir():
        raise OutputError("no_folder", path=output.parent)


def init(path: Path, *, lang: str) -> Path:
    """Write a new, empty register; an existing file is never overwritten."""
    from .writer.starter import write_starter

    with atomic_output(path, replace=False) as temporary:
        write_starter(temporary, lang=lang, today=today())
    return path


def pdf_target(output: Path) -> Path:
    """The PDF beside a monitor (``--pdf``)."""
    return _pdf().pdf_path(output)


def refuse_log_on_register(options: Options, log: Path) -> None:
    """``--log-file`` naming a register (or a name it is rotated to) is refused (exit 2)."""
    from .runlog import BACKUPS

    rotated = [log.with_name(f"{log.name}.{n}") for n in range(1, BACKUPS + 1)]
    refuse_writing_registers(options.sources, [log, *rotated])
