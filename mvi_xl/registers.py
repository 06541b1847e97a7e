"""Which files a monitor reads: the registers in a folder (worked out once per run, with a
warning for each link that leads outside it), each file once however often it is named, and a
register read again while it is caught mid-save."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import RegisterError, os_reason
from .history import ASIDE_MARK, HISTORY_SUFFIX
from .model import Finding, Register
from .outputs import MONITOR_SUFFIX
from .reader import read_register
from .safe_io import is_drive_gone
from .words import synonyms

#: A register caught while it is being saved is read again a few times before giving up.
READ_ATTEMPTS = 3
READ_DELAY = 0.5
UNSETTLED = frozenset({"damaged", "empty_file"})
#: What a folder of registers holds besides registers: Excel's owner files, hidden files and
#: mvi-xl's own outputs (monitors, their dated siblings, history, temporary files).
REGISTER_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv"})
#: A published monitor's archived copy ("Plan-monitor 2018-07-01.xlsx"), should the archive be
#: the folder of registers itself, and a year's monitor ("Plan-monitor 2018.xlsx", ``--jaar``).
ARCHIVED_COPY = re.compile(r"-monitor \d{4}(-\d{2}-\d{2})?( \(|\.)")


@dataclass(frozen=True, kw_only=True)
class Sources:
    """The register files of one monitor, as worked out once at the start of a run."""

    paths: tuple[Path, ...]
    #: a folder of registers: the folder (else None)
    folder: Path | None = None
    #: warnings about files of the folder that are not read (links leading outside it)
    skipped: tuple[Finding, ...] = ()


def sources_of(register: Path, more: Sequence[Path] = ()) -> Sources:
    """The register files a monitor reads: a folder stands for the registers in it."""
    if not more and register.is_dir():
        paths, skipped = folder_registers(register)
        return Sources(paths=paths, folder=register, skipped=skipped)
    return Sources(paths=(register, *more))


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


def distinct_sources(
    paths: Sequence[Path], max_bytes: int
) -> tuple[tuple[Path, ...], tuple[Finding, ...]]:
    """The files to read, each once, and a warning for each one left out: the same file given
    twice (by any spelling of its path, or a link to it), or a byte-identical copy ("Kopie van
    Inkoop.xlsx"). Of identical files the one not named as a copy is read, else the first.
    Only files of equal size are hashed, and none beyond ``max_bytes`` (reading refuses
    those anyway), so a folder without copies costs a stat per file."""
    names = dict(zip(paths, source_names(paths), strict=True))
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
        or stem.startswith(synonyms.COPY_NAME_PREFIXES)
        or stem.endswith(synonyms.COPY_NAME_SUFFIXES)
    )


def source_names(paths: Sequence[Path]) -> list[str]:
    """How each register is named in the combined monitor: its file name, or more of its path
    where two files share a name."""
    names = [p.name for p in paths]
    if len(set(names)) == len(names):
        return names
    return [str(p) for p in paths]


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
