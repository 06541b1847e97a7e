"""The monitor as OpenDocument (``build --ods``): LibreOffice Calc converts the finished
workbook headless, every sheet, the Statustabel's formulas and the chart included. LibreOffice
is found as for ``--pdf`` (pdf.py); each run has a throw-away profile and a time limit, and the
.ods replaces the one beside the monitor only when complete."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from functools import partial
from pathlib import Path

from .errors import OutputError
from .pdf import SOFFICE_ENV, convert_command, find_soffice, run_soffice
from .safe_io import put_in_place

TIMEOUT = 180.0
FILTER = "ods:calc8"


def ods_path(monitor: Path) -> Path:
    """The .ods beside the monitor: ``Plan-monitor.xlsx`` -> ``Plan-monitor.ods``."""
    return monitor.with_suffix(".ods")


def require_soffice_for_ods() -> Path:
    """LibreOffice, or the one-line error that says how to get it (exit 4)."""
    found = find_soffice()
    if found is None:
        raise OutputError("no_libreoffice_ods", env=SOFFICE_ENV)
    return found


def export_ods(workbook: Path, target: Path, soffice: Path, timeout: float = TIMEOUT) -> Path:
    """Convert ``workbook`` to ``target``; returns where it went (a dated sibling when the
    .ods is open and held)."""
    with tempfile.TemporaryDirectory(prefix="mvi-xl-ods-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        source, out = folder / "monitor.xlsx", folder / "out"
        shutil.copyfile(workbook, source)
        command = convert_command(soffice, folder, FILTER, [source])
        _run(command, timeout, target)
        converted = out / "monitor.ods"
        if not _is_whole_ods(converted):
            raise OutputError("ods_failed", path=target, reason="LibreOffice made no .ods")
        return put_in_place(partial(shutil.copyfile, converted), target)


def _is_whole_ods(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as package:
            return package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _run(command: list[str], timeout: float, target: Path) -> None:
    def failed(reason: str) -> OutputError:
        return OutputError("ods_failed", path=target, reason=reason[:300])

    run_soffice(command, timeout, failed)


__all__ = ["export_ods", "ods_path", "require_soffice_for_ods"]
