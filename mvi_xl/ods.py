"""The monitor as OpenDocument (``build --ods``): LibreOffice Calc converts the finished
workbook headless, every sheet, the Statustabel's formulas and the chart included. LibreOffice
is found as for ``--pdf`` (pdf.py); each run has a throw-away profile and a time limit, and the
.ods replaces the one beside the monitor only when complete."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .errors import OutputError
from .pdf import SOFFICE_ENV, find_soffice
from .safe_io import atomic_output, dated_sibling

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
        command = [
            str(soffice),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            FILTER,
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, timeout, target)
        converted = out / "monitor.ods"
        if not _is_whole_ods(converted):
            raise OutputError("ods_failed", path=target, reason="LibreOffice made no .ods")
        publish = atomic_output(target, fallback=lambda: dated_sibling(target))
        with publish as temporary:
            shutil.copyfile(converted, temporary)
        return publish.final or target


def _is_whole_ods(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as package:
            return package.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _run(command: list[str], timeout: float, target: Path) -> None:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=posix,  # so a time-out ends LibreOffice's helper processes too
        )
    except OSError as exc:
        raise OutputError("ods_failed", path=target, reason=exc.strerror or str(exc)) from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        reason = f"LibreOffice took longer than {timeout:.0f} s"
        raise OutputError("ods_failed", path=target, reason=reason) from None
    if process.returncode != 0:
        last = output.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        reason = f"LibreOffice stopped with code {process.returncode}: {last[0][:200]}"
        raise OutputError("ods_failed", path=target, reason=reason)


__all__ = ["export_ods", "ods_path", "require_soffice_for_ods"]
