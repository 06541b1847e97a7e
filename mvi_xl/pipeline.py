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
from types import ModuleType
from typing import TYPE_CHECKING

from . import __version__, props, vocabulary
from .archive import Archive, Kept
from .compute import combine, compared_snapshot, compute_monitor, departments, limit_to_department
from .config import CONFIG_NAME, Config, find_config, load_config
from .cycle import Recording, is_fixed, plan
from .errors import OutputError, RegisterError, UsageError, os_reason
from .fingerprint import PROPERTY as FINGERPRINT
from .fingerprint import fingerprint
from .history import (
    ASIDE_MARK,
    HISTORY_SUFFIX,
    History,
    history_path,
    load_history,
    monitor_of_history,
    parse_compared,
    save_history,
    staged_history,
)
from .history_format import input_digest
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

if TYPE_CHECKING:
    from .renderings import Wanted

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
    publish: bool = False  # --publish: the monitor of record for its peildatum (see cycle.py)
    html: bool = False  # --html: the accessible web page beside the monitor (renderings.py)
    ods: bool = False  # --ods: the monitor as OpenDocument too

    @property
    def sources(self) -> tuple[Path, ...]:
        """The register files this monitor reads: a folder stands for the registers in it."""
        if not self.more and self.register.is_dir():
            return registers_in(self.register)
        return (self.register, *self.more)


@dataclass(frozen=True)
class Result:
    monitor: Monitor | None  # None when the peildatum was published already (nothing was read)
    lang: str
    output: Path | None
    pdf: Path | None = None
    up_to_date: bool = False  # nothing changed: the monitor was left untouched
    fell_back: bool = False  # the monitor was in use: ``output`` is a dated sibling
    target: Path | None = None  # the monitor that was asked for
    pdf_fell_back: bool = False  # the PDF was in use: ``pdf`` is a dated sibling
    published: bool = False  # this run recorded a published snapshot
    archived: Path | None = None  # the archived copy of this peildatum's published monitor
    #: the peildatum was published before: nothing was read, written or recorded
    already_published: dt.date | None = None
    department: str | None = None  # --per-afdeling: the department of this monitor
    html: Path | None = None  # --html: the page
    ods: Path | None = None  # --ods: the OpenDocument copy
    pdf_tagged: bool | None = None  # --pdf: False when LibreOffice printed it (no browser)
    renderings_fell_back: bool = False  # the page or the .ods was in use: a dated sibling

    @property
    def elsewhere(self) -> bool:
        """Something was saved under a dated name because its file was in use (exit 5)."""
        return self.fell_back or self.pdf_fell_back or self.renderings_fell_back


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
#: A published monitor's archived copy ("Plan-monitor 2018-07-01.xlsx"), should the archive be
#: the folder of registers itself.
ARCHIVED_COPY = re.compile(r"-monitor \d{4}-\d{2}-\d{2}( \(|\.)")


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
    return not (
        lowered.endswith(outputs)
        or "-monitor (" in lowered
        or ASIDE_MARK in lowered
        or ARCHIVED_COPY.search(lowered) is not None
    )


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
    options: Options,
    history: Sequence[Snapshot] = (),
    read: Read | None = None,
    config: Config | None = None,
) -> tuple[Monitor, str, Config]:
    """Read (or take ``read``: a register already read, with its notices) and compute against
    the earlier snapshots."""
    sources = options.sources
    if config is None:
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
        register,
        as_of=as_of,
        since=options.since,
        config=config,
        history=history,
        published=options.publish,
    )
    return replace(monitor, notices=notices + monitor.notices, scope=scope), lang, config


def _refuse_under_strict(options: Options, monitor: Monitor, lang: str) -> None:
    """Under --strict any warning is an error: nothing is written."""
    if options.strict and monitor.findings:
        first = monitor.findings[0]
        text, _ = first.render(lang)
        raise RegisterError(
            "strict",
            path=options.register,
            count=len(monitor.findings),
            first=f"{first.where}: {text}" if first.where else text,
        )


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
    _refuse_under_strict(options, monitor, lang)
    return Result(monitor, lang, None)


def build(options: Options, read: Read | None = None) -> Result:
    """Read, compute and write the monitor, one run per monitor at a time, and record its
    snapshot as the reporting cycle says (cycle.py). When the fingerprint of everything that
    goes in matches the monitor's, the file is left alone. ``read``: the register as already
    read (see ``load``). An I/O error that escapes the steps below (a drive that went away
    mid-run) is one line too, never an internal error."""
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
    wanted = _wanted(options)
    written += wanted.paths(output)
    refuse_writing_registers(sources, written)
    tools = _renderings().find_tools(wanted)  # before anything is written
    with run_lock(output) as lock:
        path = history_path(output)
        remove_stale_temporaries(path)
        history = load_history(path)  # a history that can't be read at all stops the run here
        config = load_config(find_config(options.config, _config_anchor(options)))
        options = replace(options, as_of=options.as_of or today())
        archive = Archive.of(output, config.archive)
        refuse_writing_registers(
            sources, [archive.workbook(options.as_of), archive.pdf(options.as_of)]
        )
        if is_fixed(history, options.as_of, publish=options.publish, force=options.force):
            return _fixed(options, config, archive, output)
        history, _ = parse_compared(
            history, lambda snaps: compared_snapshot(snaps, options.as_of, options.since)
        )
        monitor, lang, config = load(options, history.snapshots, read, config)
        recording = plan(history, monitor.current, publish=options.publish)
        monitor = replace(monitor, findings=monitor.findings + recording.findings)
        _refuse_under_strict(options, monitor, lang)
        stamp = _fingerprint(monitor, config, options, lang)
        if (
            not (options.force or options.publish)
            and _up_to_date(output, stamp, monitor, history, recording, options.pdf)
            and _renderings().up_to_date(output, wanted)
        ):
            pdf = _pdf().pdf_path(output) if options.pdf else None  # checked to exist
            _remove_dated_copies(output, pdf)
            kept_files = _renderings().existing(output, wanted)
            return Result(
                monitor,
                lang,
                output,
                pdf,
                up_to_date=True,
                target=output,
                department=options.department,
                html=kept_files.html,
                ods=kept_files.ods,
            )
        aside = history.aside_path() if recording.history is not None else None
        notices = (
            _history_notices(history, output, aside) + recording.notices + _long_paths(output, path)
        )
        monitor = replace(monitor, notices=monitor.notices + notices)
        from .writer import write_workbook  # XlsxWriter is only needed once there is a monitor

        kept: Kept | None = None
        rendered = _renderings().Written()
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
                properties={
                    props.HISTORY_COUNT: len(monitor.history),
                    props.AS_OF: monitor.as_of.isoformat(),
                    FINGERPRINT: stamp,
                },
            )
            try:
                with ExitStack() as stack:
                    if recording.history is not None:
                        # written and flushed now, in place only once all else succeeded: a
                        # full disk leaves the monitor and the history as they were
                        stack.enter_context(staged_history(recording.history, path, aside=aside))
                    # printed from the finished workbook before it replaces the monitor: a
                    # failed export leaves the previous monitor (and its history) as it was;
                    # a PDF open in a viewer gets a dated sibling of its own and the workbook
                    # is still replaced
                    job = _renderings().Job(
                        monitor, lang, config, temporary, output, today(), __version__
                    )
                    rendered = _renderings().write_renderings(job, wanted, tools)
                    pdf = rendered.pdf
                    if options.publish:
                        kept = archive.keep(monitor.as_of, temporary, pdf)
            except OutputError as exc:
                if kept is not None:
                    kept.undo()
                if exc.code != "history_in_use" or options.publish:
                    raise
                # a refresh: the monitor is written; the next run records the snapshot
                monitor = _history_not_saved(monitor, path, exc)
                kept = None
    pdf_fell_back = pdf is not None and pdf != _pdf().pdf_path(output)
    if publish.fell_back:
        monitor = replace(monitor, notices=monitor.notices + _long_paths(publish.final))
    else:
        _remove_dated_copies(output, None if pdf is None or pdf_fell_back else pdf)
        _renderings().remove_dated_copies(output, rendered)
    return Result(
        monitor,
        lang,
        publish.final,
        pdf,
        fell_back=publish.fell_back,
        target=output,
        pdf_fell_back=pdf_fell_back,
        published=kept is not None,
        archived=kept.workbook if kept is not None else None,
        department=options.department,
        html=rendered.html,
        ods=rendered.ods,
        pdf_tagged=rendered.pdf_tagged,
        renderings_fell_back=_renderings().fell_back(output, rendered),
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


def _fixed(options: Options, config: Config, archive: Archive, output: Path) -> Result:
    """A build of a published peildatum: nothing is read or written; the result says where
    the archived copy of that monitor is."""
    lang = options.lang or config.language or "nl"
    return Result(
        None,
        lang,
        None,
        target=output,
        archived=archive.copy_of(options.as_of),
        already_published=options.as_of,
        department=options.department,
    )


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


def record(options: Options, *, force: bool = False) -> Result:
    """``history add``: record the snapshot of a register (say, an old dated copy) in the
    history of the monitor at ``options.output`` as a published one, without building a
    monitor. A published peildatum is kept as it is unless ``force``."""
    output = options.output or default_output(options.register)
    with run_lock(output):
        path = history_path(output)
        remove_stale_temporaries(path)
        history = load_history(path)
        config = load_config(find_config(options.config, _config_anchor(options)))
        if is_fixed(history, options.as_of, publish=True, force=force):
            return _fixed(options, config, Archive.of(output, config.archive), output)
        history, _ = parse_compared(
            history, lambda snaps: compared_snapshot(snaps, options.as_of, None)
        )
        monitor, lang, _ = load(replace(options, publish=True), history.snapshots, config=config)
        aside = history.aside_path()
        monitor = replace(
            monitor, notices=monitor.notices + _history_notices(history, output, aside)
        )
        added = replace(monitor.current, added=True)
        save_history(history.with_published(added), path, aside=aside)
    return Result(monitor, lang, path, published=True)


@dataclass(frozen=True)
class Marked:
    """What ``history publish`` / ``unpublish`` did."""

    history: History
    changed: bool  # False: the snapshot already was so
    archived: Path | None = None  # publish: the archived copy of that peildatum's monitor


def mark(
    location: Path | None, as_of: dt.date, *, published: bool, config: Path | None = None
) -> Marked:
    """``history publish DATE`` / ``history unpublish DATE``: mark an existing snapshot as
    published or as a refresh. Publishing it also keeps the monitor beside the history in the
    archive when that monitor is of this peildatum (it is the monitor the snapshot is of)."""
    found = find_history(location)
    monitor = monitor_of_history(found.path)
    archive = Archive.of(monitor, load_config(find_config(config, monitor)).archive)
    with run_lock(monitor):
        history = find_history(found.path)
        snapshot = history.on(as_of)
        if snapshot is None:
            raise UsageError("history_no_snapshot", path=history.path, date=_dmy(as_of))
        if snapshot.published == published:
            return Marked(history, False, archive.copy_of(as_of) if published else None)
        kept = None
        if published and archive.copy_of(as_of) is None and _peildatum_of(monitor) == as_of:
            kept = archive.keep(as_of, monitor)
        marked = history.marked(as_of, published)
        try:
            save_history(marked, history.path)
        except BaseException:
            if kept is not None:
                kept.undo()
            raise
    return Marked(marked, True, archive.copy_of(as_of) if published else None)


def _peildatum_of(monitor: Path) -> dt.date | None:
    """The peildatum a monitor mvi-xl wrote was built for (its custom properties)."""
    text = props.read_custom_properties(monitor).get(props.AS_OF, "")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _pdf():
    """The PDF export, imported only when --pdf asks for it (it starts LibreOffice)."""
    from . import pdf

    return pdf


def _renderings() -> ModuleType:
    """--html, --pdf and --ods (renderings.py), imported only when a build writes."""
    from . import renderings

    return renderings


def _wanted(options: Options) -> Wanted:
    return _renderings().Wanted(html=options.html, pdf=options.pdf, ods=options.ods)


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


def _fingerprint(monitor: Monitor, config: Config, options: Options, lang: str) -> str:
    shown = [s for s in monitor.history if s.as_of != monitor.as_of]
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
            options.publish,
            tuple(str(p) for p in options.sources),  # as shown on the Toelichting sheet
            # --html and --ods only when asked for: a monitor built without them keeps its
            # fingerprint
            *(("html",) if options.html else ()),
            *(("ods",) if options.ods else ()),
            # a browser installed since makes the next run print the tagged PDF
            *_renderings().pdf_route(options.pdf),
        ),
        version=__version__,
        history=input_digest(shown, monitor.previous),
    )


def _up_to_date(
    output: Path,
    stamp: str,
    monitor: Monitor,
    history: History,
    recording: Recording,
    pdf: bool,
) -> bool:
    """Nothing to do: the monitor carries this fingerprint, the history already holds what
    this run would record (a run that could not save its refresh tries again) and needs no
    repair, and a wanted PDF exists."""
    if props.read_custom_properties(output).get(FINGERPRINT) != stamp:
        return False
    if history.damaged:
        return False
    if recording.history is not None:
        held = history.on(monitor.as_of)
        if held is None or held.published:
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


def _history_not_saved(monitor: Monitor, path: Path, error: OutputError) -> Monitor:
    """A refresh whose history could not be put in place (open in Excel, say): the monitor is
    written, and the next run, which sees the snapshot missing, records it."""
    notice = Finding(
        "history_not_saved", path.name, {"reason": error.render("nl").split(": ", 1)[-1]}
    )
    return replace(monitor, notices=(*monitor.notices, notice))


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
        raise OutputError("history_unreadable", path=path, reason=history.unreadable)
    if not path.exists():
        raise UsageError("history_missing", path=path)
    return history


def forget(location: Path | None, as_of: dt.date) -> History:
    """``history remove``: drop the snapshot of one peildatum."""
    found = find_history(location)
    with run_lock(monitor_of_history(found.path)):
        history = find_history(found.path).without(as_of)
        save_history(history, history.path, aside=history.aside_path())
    return history


def _history_notices(history: History, output: Path, aside: Path | None) -> tuple[Finding, ...]:
    """Say so when the history starts afresh (first run, deleted file, unreadable file) or
    lost something as it was read (cut off, a snapshot that can't be read)."""
    where = history.path.name if history.path else ""
    if history.damaged:
        return history.notices(aside)
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
