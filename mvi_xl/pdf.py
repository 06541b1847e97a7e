"""The Monitor sheet as a PDF for the college, printed by LibreOffice Calc.

mvi-xl does not draw the page itself: LibreOffice opens the finished workbook headless and prints
the Monitor sheet with the print setup the writer gave it (one A4 landscape page at the scale
writer/monitor_fit.py worked out). Only
the standard library is used here, so the CLI starts as fast with ``--pdf`` as without.

- LibreOffice is found through ``MVI_XL_SOFFICE``, else ``soffice`` or ``libreoffice`` on the
  PATH, else its usual install locations on Windows and macOS.
- Each run uses a throw-away LibreOffice profile, so it works while the user has LibreOffice open
  and two runs never share a profile.
- LibreOffice prints every visible sheet (and a hidden one with a print area); it gets a copy of
  the workbook in which the other sheets have no print area and all sheets but
  the first (the Monitor sheet) are hidden. The user's workbook is never changed.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from .errors import OutputError
from .programs import on_path_or_installed, run_to_end
from .safe_io import put_in_place

#: Names the soffice executable to use, for installs in an unusual place.
SOFFICE_ENV = "MVI_XL_SOFFICE"
#: Seconds LibreOffice may take, start-up included (a first start with a new profile is slowest).
TIMEOUT = 180.0
#: The workbook part XlsxWriter writes the sheet list to.
WORKBOOK_PART = "xl/workbook.xml"

_SHEET = re.compile(rb"<sheet\b[^>]*>")
_STATE = re.compile(rb'\sstate="[^"]*"')
#: A print area of a sheet other than the first: LibreOffice prints a hidden sheet that has one.
_OTHER_PRINT_AREA = re.compile(
    rb'<definedName name="_xlnm\.Print_Area" localSheetId="(?!0")\d+"[^>]*>[^<]*</definedName>'
)


def pdf_path(monitor: Path) -> Path:
    """The PDF beside the monitor: ``Plan-monitor.xlsx`` -> ``Plan-monitor.pdf``."""
    return monitor.with_suffix(".pdf")


def find_soffice(environ: Mapping[str, str] | None = None) -> Path | None:
    """The LibreOffice executable, or None when it is not installed where we look."""
    environ = os.environ if environ is None else environ
    named = environ.get(SOFFICE_ENV)
    if named:
        path = Path(named)
        return path if path.is_file() else None
    return on_path_or_installed(("soffice", "libreoffice"), install_locations(environ), environ)


def install_locations(environ: Mapping[str, str]) -> list[Path]:
    """Where the LibreOffice installers put soffice when it is not on the PATH."""
    roots = [environ.get(k) for k in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    if os.name == "nt":
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
    windows = [Path(root, "LibreOffice", "program", "soffice.exe") for root in roots if root]
    mac = [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return list(dict.fromkeys(windows + mac))


def require_soffice() -> Path:
    """LibreOffice, or the one-line error that says how to get it (exit 4)."""
    found = find_soffice()
    if found is None:
        raise OutputError("no_libreoffice", env=SOFFICE_ENV)
    return found


def export_pdf(workbook: Path, target: Path, *, soffice: Path | None = None) -> Path:
    """Print the Monitor sheet of ``workbook`` to ``target`` (replaced only when complete).
    Returns where the PDF went: ``target``, or a dated sibling when ``target`` is open in a
    viewer that holds it."""
    return export_pdfs([(workbook, target)], soffice=soffice)[0]


def export_pdfs(
    jobs: Sequence[tuple[Path, Path]], *, soffice: Path | None = None, timeout: float = TIMEOUT
) -> list[Path]:
    """Print the Monitor sheet of each (workbook, target PDF) pair with one LibreOffice start."""
    soffice = soffice or require_soffice()
    with tempfile.TemporaryDirectory(prefix="mvi-xl-pdf-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        sources, produced = folder / "in", folder / "out"
        sources.mkdir()
        inputs = []
        for number, (workbook, _target) in enumerate(jobs):
            copy = sources / f"monitor-{number}.xlsx"
            monitor_only(workbook, copy)
            inputs.append(copy)
        _run(soffice, folder, inputs, timeout, jobs[0][1])
        finals: list[Path] = []
        for copy, (_workbook, target) in zip(inputs, jobs, strict=True):
            pdf = produced / (copy.stem + ".pdf")
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise OutputError("pdf_failed", path=target, reason="LibreOffice made no PDF")
            finals.append(put_in_place(partial(shutil.copyfile, pdf), target))
    return finals


def monitor_only(workbook: Path, copy: Path) -> None:
    """A copy of ``workbook`` in which every sheet but the first is hidden, so that LibreOffice
    prints the Monitor sheet alone (the other sheets' print areas are dropped: LibreOffice
    prints a hidden sheet that has one). The parts are copied byte for byte, but for the sheet
    list and those print areas."""
    with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(copy, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == WORKBOOK_PART:
                data = hide_all_but_first_sheet(data)
            target.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)


def hide_all_but_first_sheet(workbook_xml: bytes) -> bytes:
    first = True

    def hide(match: re.Match[bytes]) -> bytes:
        nonlocal first
        if first:
            first = False
            return match.group(0)
        element = _STATE.sub(b"", match.group(0))
        return element.replace(b"<sheet", b'<sheet state="hidden"', 1)

    return _OTHER_PRINT_AREA.sub(b"", _SHEET.sub(hide, workbook_xml))


def convert_command(soffice: Path, folder: Path, fmt: str, inputs: list[Path]) -> list[str]:
    """A headless LibreOffice converting ``inputs`` to ``fmt`` into ``folder``/out, with a
    profile of its own in ``folder``/profile (shared with --ods, ods.py)."""
    return [
        str(soffice),
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        fmt,
        "--outdir",
        str(folder / "out"),
        *map(str, inputs),
    ]


def _run(soffice: Path, folder: Path, inputs: list[Path], timeout: float, target: Path) -> None:
    """LibreOffice prints ``inputs`` into ``folder``/out, with a profile of its own in
    ``folder``/profile."""
    command = convert_command(soffice, folder, "pdf:calc_pdf_Export", inputs)

    def failed(reason: str) -> OutputError:
        return OutputError("pdf_failed", path=target, reason=reason)

    run_soffice(command, timeout, failed)


def run_soffice(command: list[str], timeout: float, failed: Callable[[str], OutputError]) -> None:
    """Run a headless LibreOffice ``command`` to its end (``programs.run_to_end``); shared with
    --ods (ods.py)."""
    run_to_end(command, timeout, failed, "LibreOffice")
