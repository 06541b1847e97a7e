"""read -> compute -> write: the one place that knows the order.

``build`` and ``check`` are the library API behind the CLI commands; they raise MviError
subclasses and never print. Which files are read is registers.py's business, where the
monitor goes outputs.py's, and the history's upkeep history_upkeep.py's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from . import __version__, props
from .archive import Archive, Kept
from .compute import combine, compared_snapshot, compute_monitor, departments, limit_to_department
from .config import CONFIG_NAME, Config, find_config, load_config
from .cycle import Recording, is_fixed, plan
from .errors import OutputError, RegisterError, UsageError
from .fingerprint import PROPERTY as FINGERPRINT
from .fingerprint import fingerprint
from .history import (
    history_path,
    load_history,
    parse_compared,
    save_history,
    staged_history,
)
from .history_render import input_digest
from .history_upkeep import history_not_saved, history_notices, up_to_date
from .model import Finding, Monitor, Register, Snapshot
from .names import safe_file_names
from .outputs import (
    MONITOR_SUFFIX,
    default_output,
    io_failure,
    long_paths,
    pdf_target,
    pdf_up_to_date,
    refuse_unsafe_output,
    refuse_writing_registers,
    remove_dated_copies,
    sibling_for,
    year_output,
)
from .outputs import refuse_log_on_register as refuse_log_on_register  # for the command line
from .registers import Sources, distinct_sources, read_settled, source_names
from .runs import Options as Options  # the command line builds them through the pipeline
from .runs import Result as Result
from .runs import today as today  # the command line and the tests ask the pipeline
from .safe_io import (
    again_when_lock_lost,
    atomic_output,
    remove_stale_temporaries,
    require_lock,
    run_lock,
)
from .words.i18n import Words
from .words.terms import label_key
from .year_view import refuse_year, year_end, year_monitor

if TYPE_CHECKING:
    from .renderings import Wanted

EXAMPLE_REGISTER = ("voorbeeld", "register.xlsx")
#: The example is a register as it stood in autumn 2018; its monitor looks back to June.
EXAMPLE_AS_OF = dt.date(2018, 11, 1)
EXAMPLE_SINCE = dt.date(2018, 6, 1)


def example_register(stack: ExitStack) -> Path:
    """The bundled example register as a real file for as long as ``stack`` is open."""
    from importlib import resources  # only --example needs it

    resource = resources.files("mvi_xl.templates").joinpath(*EXAMPLE_REGISTER)
    return stack.enter_context(resources.as_file(resource))


#: A register as read, with a note per source when several were combined (``read_sources``).
Read = tuple[Register, tuple[Finding, ...]]


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


def _config_anchor(options: Options, sources: Sources) -> Path:
    """Where mvi-xl.toml is looked for: in the folder of registers, or beside the first one."""
    return options.register / CONFIG_NAME if options.register.is_dir() else sources.paths[0]


def _config(options: Options, sources: Sources) -> Config:
    """mvi-xl.toml's settings; the organisation from --organisation, else from mvi-xl.toml,
    else from the register (``init --organisation`` wrote it there)."""
    config = load_config(find_config(options.config, _config_anchor(options, sources)))
    if options.organisation:
        return replace(config, organisation=options.organisation)
    if not config.organisation and sources.paths:
        kept = props.read_custom_properties(sources.paths[0]).get(props.ORGANISATION, "")
        if kept.strip():
            return replace(config, organisation=kept.strip())
    return config


def load(
    options: Options,
    sources: Sources,
    history: Sequence[Snapshot] = (),
    read: Read | None = None,
    config: Config | None = None,
) -> tuple[Monitor, str, Config]:
    """Read (or take ``read``: a register already read, with its notices) and compute against
    the earlier snapshots."""
    if config is None:
        config = _config(options, sources)
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
    if options.year is not None:
        monitor = year_monitor(
            register, year=options.year, today=options.day(), config=config, history=history
        )
    else:
        monitor = compute_monitor(
            register,
            as_of=as_of,
            since=options.since,
            config=config,
            history=history,
            published=options.publish,
        )
    return replace(monitor, notices=notices + monitor.notices, scope=scope), lang, config


def read_sources(sources: Sources, options: Options, config: Config) -> Read:
    """The register, or several combined into one with a note per source saying what it gave
    (so a source that gave nothing is noticed). A file given twice, or a byte-identical copy,
    is read once, with a warning (``distinct_sources``). In a folder, a monitor under an
    ordinary name is skipped with a warning instead of stopping the whole folder."""
    in_folder = sources.folder is not None
    paths, repeated = distinct_sources(sources.paths, config.limits.max_file_bytes)
    skipped = [*sources.skipped, *repeated]
    registers: list[Register] = []
    read: list[Path] = []
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
    names = source_names(read)
    combined = combine(registers, names, default_output(options.register, options.more))
    combined = replace(combined, findings=(*skipped, *combined.findings))
    notes = tuple(
        Finding("source_read", name, {"count": len(r.actions), "sheet": r.sheet})
        for name, r in zip(names, registers, strict=True)
    )
    return combined, notes


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
    monitor, lang, _ = load(options, options.sources())
    _refuse_under_strict(options, monitor, lang)
    return Result(monitor, lang, None)


def build(options: Options, read: Read | None = None, sources: Sources | None = None) -> Result:
    """Read, compute and write the monitor, one run per monitor at a time, and record its
    snapshot as the reporting cycle says (cycle.py). When the fingerprint of everything that
    goes in matches the monitor's, the file is left alone. ``read``: the register as already
    read (see ``load``), ``sources``: its files as already worked out. An I/O error that
    escapes the steps below (a drive that went away mid-run) is one line too, never an
    internal error."""
    try:
        output = options.output or default_output(options.register, options.more)
        if options.year is not None:
            dated = {"--as-of": options.as_of, "--since": options.since}
            given = [option for option, value in dated.items() if value is not None]
            refuse_year(options.year, options.day(), publish=options.publish, given=given)
            output = year_output(output, options.year)
        sources = sources or options.sources()
        return again_when_lock_lost(lambda: _build(options, sources, output, read))
    except OSError as exc:
        raise io_failure(exc, (options.register, *options.more), options.output) from None


def _build(options: Options, sources: Sources, output: Path, read: Read | None) -> Result:
    wanted = _wanted(options)
    refuse_unsafe_output(sources.paths, output, beside=wanted.paths(output))
    tools = _renderings().find_tools(wanted)  # before anything is written
    year = options.year  # --jaar: reads the history of the monitor it views, records nothing
    with run_lock(output) as lock:
        # --jaar: the history of the monitor it views (-o, or the default one)
        path = history_path(output if year is None else _viewed(options))
        if year is None:
            remove_stale_temporaries(path)
        history = load_history(path)  # a history that can't be read at all stops the run here
        config = _config(options, sources)
        as_of = options.as_of or (today() if year is None else year_end(year, options.day()))
        options = replace(options, as_of=as_of)
        archive = Archive.of(output, config.archive)
        refuse_writing_registers(sources.paths, [archive.workbook(as_of), archive.pdf(as_of)])
        if year is None and is_fixed(history, as_of, publish=options.publish, force=options.force):
            return _fixed(options, as_of, config, archive, output)
        compared_day = as_of if year is None else dt.date(year, 1, 1)
        history, _ = parse_compared(
            history, lambda snaps: compared_snapshot(snaps, compared_day, options.since)
        )
        monitor, lang, config = load(options, sources, history.snapshots, read, config)
        recording = (
            Recording(None)
            if year is not None
            else plan(history, _own_snapshot(monitor), publish=options.publish)
        )
        monitor = replace(monitor, findings=monitor.findings + recording.findings)
        _refuse_under_strict(options, monitor, lang)
        stamp = _fingerprint(monitor, config, options, lang, sources)
        if (
            not (options.force or options.publish)
            and up_to_date(output, stamp, monitor, history, recording)
            and (not options.pdf or pdf_up_to_date(output))
            and _renderings().up_to_date(output, wanted)
        ):
            pdf = pdf_target(output) if options.pdf else None  # checked to exist
            remove_dated_copies(output, pdf)
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
            (history_notices(history, output, aside) if year is None else ())
            + recording.notices
            + long_paths(output, path)
        )
        monitor = replace(monitor, notices=monitor.notices + notices)
        from .writer import Imprint, write_workbook  # XlsxWriter: only once there is a monitor

        kept: Kept | None = None
        rendered = _renderings().Written()
        mine = require_lock(lock)  # checked before anything goes into place
        publish = atomic_output(output, fallback=lambda: sibling_for(output, stamp), check=mine)
        with publish as temporary:
            imprint = Imprint(
                lang=lang,
                generated=today(),
                version=__version__,
                properties={
                    props.HISTORY_COUNT: len(monitor.history),
                    props.AS_OF: monitor.as_of.isoformat(),
                    props.REGISTER: str(monitor.register.path)[:255],
                    FINGERPRINT: stamp,
                },
            )
            write_workbook(monitor, temporary, config, imprint)
            try:
                with ExitStack() as stack:
                    if (new := recording.history) is not None:
                        # written and flushed now, in place only once all else succeeded: a
                        # full disk leaves the monitor and the history as they were
                        stack.enter_context(staged_history(new, path, aside=aside, check=mine))
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
                        mine()
                        kept = archive.keep(monitor.as_of, temporary, pdf)
            except OutputError as exc:
                if kept is not None:
                    kept.undo()
                if exc.code != "history_in_use" or options.publish:
                    raise
                # a refresh: the monitor is written; the next run records the snapshot
                monitor = history_not_saved(monitor, path, exc)
                kept = None
    pdf_fell_back = pdf is not None and pdf != pdf_target(output)
    if publish.fell_back:
        monitor = replace(monitor, notices=monitor.notices + long_paths(publish.final))
    else:
        remove_dated_copies(output, None if pdf is None or pdf_fell_back else pdf)
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


def _viewed(options: Options) -> Path:
    """The monitor a --jaar monitor is the year of: -o's, or the default one."""
    return options.output or default_output(options.register, options.more)


def _fixed(
    options: Options, as_of: dt.date, config: Config, archive: Archive, output: Path
) -> Result:
    """A build of a published peildatum: nothing is read or written; the result says where
    the archived copy of that monitor is."""
    lang = options.lang or config.language or "nl"
    return Result(
        None,
        lang,
        None,
        target=output,
        archived=archive.copy_of(as_of),
        already_published=as_of,
        department=options.department,
    )


def build_departments(
    options: Options, folder: Path, words: Words, sources: Sources | None = None
) -> list[Result]:
    """``--per-afdeling``: one monitor per department into ``folder``, each named after its
    department (a safe file name) and with its own history. Their totals add up to the
    register's, actions without a department included."""
    whole = replace(options, department=None, strict=False)
    sources = sources or options.sources()
    config = _config(options, sources)
    read = read_sources(sources, whole, config)  # once: every department sees one state
    monitor, _, _ = load(whole, sources, read=read, config=config)
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
        results.append(build(replace(options, department=department, output=output), read, sources))
    return results


def record(options: Options, *, force: bool = False) -> Result:
    """``history add``: record the snapshot of a register (say, an old dated copy) in the
    history of the monitor at ``options.output`` as a published one, without building a
    monitor. A published peildatum is kept as it is unless ``force``."""
    output = options.output or default_output(options.register)
    sources = options.sources()
    as_of = options.as_of or today()
    options = replace(options, as_of=as_of)
    with run_lock(output):
        path = history_path(output)
        remove_stale_temporaries(path)
        history = load_history(path)
        config = _config(options, sources)
        if is_fixed(history, as_of, publish=True, force=force):
            return _fixed(options, as_of, config, Archive.of(output, config.archive), output)
        history, _ = parse_compared(history, lambda snaps: compared_snapshot(snaps, as_of, None))
        monitor, lang, _ = load(
            replace(options, publish=True), sources, history.snapshots, config=config
        )
        aside = history.aside_path()
        monitor = replace(
            monitor, notices=monitor.notices + history_notices(history, output, aside)
        )
        added = replace(_own_snapshot(monitor), added=True)
        save_history(history.with_published(added), path, aside=aside)
    return Result(monitor, lang, path, published=True)


def _own_snapshot(monitor: Monitor) -> Snapshot:
    current = monitor.current
    assert current is not None, "compute_monitor records the monitor's own snapshot"
    return current


def _fingerprint(
    monitor: Monitor, config: Config, options: Options, lang: str, sources: Sources
) -> str:
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
            tuple(str(p) for p in sources.paths),  # as shown on the Toelichting sheet
            # --html and --ods only when asked for: a monitor built without them keeps its
            # fingerprint
            *(("html",) if options.html else ()),
            *(("ods",) if options.ods else ()),
            *(("year", options.year) if options.year is not None else ()),
            # a browser installed since makes the next run print the tagged PDF
            *_renderings().pdf_route(options.pdf),
        ),
        version=__version__,
        history=input_digest(shown, monitor.previous),
    )


def _renderings() -> ModuleType:
    """--html, --pdf and --ods (renderings.py), imported only when a build writes."""
    from . import renderings

    return renderings


def _wanted(options: Options) -> Wanted:
    from .renderings import Wanted

    return Wanted(html=options.html, pdf=options.pdf, ods=options.ods)


def init(path: Path, *, lang: str, organisation: str = "") -> Path:
    """Write a new, empty register; an existing file is never overwritten. ``organisation``
    goes into the register, where build finds it when no mvi-xl.toml names one."""
    from .writer.starter import write_starter

    with atomic_output(path, replace=False) as temporary:
        write_starter(temporary, lang=lang, today=today(), organisation=organisation)
    return path
