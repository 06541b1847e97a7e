"""Where a monitor goes: its name beside the register, the dated sibling it takes while the
monitor is open, the files that must never be a register, and what is said of long paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from . import props
from .errors import OutputError, RegisterError, UsageError
from .fingerprint import PROPERTY as FINGERPRINT
from .history import history_path
from .model import Finding
from .safe_io import dated_sibling, dated_siblings, is_drive_gone, is_owner_file, lock_path

if TYPE_CHECKING:
    from .registers import Sources

MONITOR_SUFFIX = "-monitor.xlsx"
#: The longest path Excel opens (the whole path, file name included).
EXCEL_MAX_PATH = 218


def default_output(register: Path, more: Sequence[Path] = ()) -> Path:
    """Beside the register, named after it: ``Plan.xlsx`` -> ``Plan-monitor.xlsx``. For a
    folder, or several registers, in that folder and named after it."""
    if register.is_dir():
        return register / (register.absolute().name + MONITOR_SUFFIX)
    if more:
        folder = register.absolute().parent
        return folder / (folder.name + MONITOR_SUFFIX)
    return register.with_name(register.stem + MONITOR_SUFFIX)


def year_output(monitor: Path, year: int) -> Path:
    """``build --jaar``: beside the monitor it is a view of (the default one, or ``-o``), named
    after the year: ``Plan-monitor.xlsx`` -> ``Plan-monitor 2018.xlsx``. So it never replaces
    the monitor of a peildatum, and it reads the history the monitor's own builds keep."""
    return monitor.with_name(f"{monitor.stem} {year}{monitor.suffix}")


def sibling_for(output: Path, stamp: str) -> Path:
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


def remove_dated_copies(output: Path, pdf: Path | None) -> None:
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


def long_paths(*paths: Path | None) -> tuple[Finding, ...]:
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


def refuse_overwriting_register(register: Path, output: Path) -> None:
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


def pdf_target(output: Path) -> Path:
    """The PDF beside a monitor (``--pdf``)."""
    from .pdf import pdf_path  # only a --pdf run needs the PDF export

    return pdf_path(output)


def io_failure(
    exc: OSError, registers: Sequence[Path], output: Path | None
) -> RegisterError | OutputError:
    """An OSError as one line: about a register, exit 3; else about the output, exit 4."""
    place = Path(exc.filename) if exc.filename else None
    reason = exc.strerror or str(exc)
    if place is not None and place in registers:
        code = "drive_gone" if is_drive_gone(exc) else "unreadable"
        return RegisterError(code, path=place, reason=reason)
    code = "drive_gone" if is_drive_gone(exc) else "write_failed"
    return OutputError(code, path=place or output, reason=reason)


def refuse_unsafe_output(
    sources: Sequence[Path], output: Path, *, beside: Sequence[Path] = ()
) -> None:
    """Before anything is read: no register is written, by any name (exit 2); ``beside`` are
    the files a build writes next to the monitor (the PDF, the page, the .ods)."""
    for source in sources:
        refuse_overwriting_register(source, output)
    written = [output, history_path(output), lock_path(output), *beside]
    refuse_writing_registers(sources, written)


def pdf_up_to_date(output: Path) -> bool:
    """The wanted PDF exists: one that was open when it was last made is out of date behind
    its dated copy."""
    target = pdf_target(output)
    return target.exists() and not dated_siblings(target)


def refuse_log_on_register(sources: Sources, log: Path) -> None:
    """``--log-file`` naming a register (or a name it is rotated to) is refused (exit 2)."""
    from .runlog import BACKUPS

    rotated = [log.with_name(f"{log.name}.{n}") for n in range(1, BACKUPS + 1)]
    refuse_writing_registers(sources.paths, [log, *rotated])
