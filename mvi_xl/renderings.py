"""The files published beside the monitor: the web page (``--html``), the PDF (``--pdf``) and
the OpenDocument copy (``--ods``). The pipeline calls two functions: ``find_tools`` before
anything is written (a missing LibreOffice stops the run then, exit 4) and ``write_renderings``
with the finished workbook, before it replaces the monitor.

The PDF is the HTML page printed by a Chromium-family browser, tagged; without a browser it is
LibreOffice's print of the Monitor sheet, which is not tagged, and the run says so
(``Written.pdf_tagged``).
"""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .model import Monitor
from .ods import ods_path
from .safe_io import dated_siblings, put_in_place


def html_path(monitor: Path) -> Path:
    """The page beside the monitor: ``Plan-monitor.xlsx`` -> ``Plan-monitor.html``."""
    return monitor.with_suffix(".html")


@dataclass(frozen=True)
class Wanted:
    """Which renderings the run asks for."""

    html: bool = False
    pdf: bool = False
    ods: bool = False

    def paths(self, output: Path) -> list[Path]:
        """The files they are written to, beside ``output``."""
        from .pdf import pdf_path

        chosen = [(self.html, html_path), (self.pdf, pdf_path), (self.ods, ods_path)]
        return [where(output) for wanted, where in chosen if wanted]


@dataclass(frozen=True)
class Tools:
    """The programs the renderings need, found before anything is written."""

    browser: Path | None = None
    soffice: Path | None = None


def pdf_route(pdf: bool) -> tuple[str, ...]:
    """For the fingerprint: how --pdf would print now (a browser: tagged)."""
    if not pdf:
        return ()
    from .browser import find_browser

    return ("pdf-browser",) if find_browser() is not None else ()


def find_tools(wanted: Wanted) -> Tools:
    """A browser for a tagged PDF (else LibreOffice prints it), LibreOffice for --ods; a
    missing LibreOffice is an OutputError (exit 4)."""
    if not (wanted.pdf or wanted.ods):
        return Tools()
    from .browser import BROWSER_ENV, find_browser
    from .errors import OutputError
    from .ods import require_soffice_for_ods
    from .pdf import SOFFICE_ENV, find_soffice

    browser = find_browser() if wanted.pdf else None
    soffice = None
    if wanted.pdf and browser is None:
        soffice = find_soffice()
        if soffice is None:
            raise OutputError("no_pdf_printer", env=SOFFICE_ENV, browser_env=BROWSER_ENV)
    if wanted.ods:
        soffice = soffice or require_soffice_for_ods()
    return Tools(browser, soffice)


@dataclass(frozen=True)
class Job:
    """One monitor's renderings: the finished workbook (still a temporary file) and where the
    monitor goes."""

    monitor: Monitor
    lang: str
    config: Config
    workbook: Path
    output: Path
    generated: dt.date
    version: str


@dataclass(frozen=True)
class Written:
    """Where each rendering went (None: not asked for); a dated sibling when its file was in
    use."""

    html: Path | None = None
    pdf: Path | None = None
    pdf_tagged: bool | None = None
    ods: Path | None = None


def write_renderings(job: Job, wanted: Wanted, tools: Tools) -> Written:
    """Write the page, the PDF and the .ods that ``wanted`` asks for."""
    page = None
    if wanted.html or (wanted.pdf and tools.browser is not None):
        from .html_page import render_page  # the page: only when it is asked for

        page = render_page(job.monitor, job.lang, job.config, job.generated, job.version)
    html = _write_text(page, html_path(job.output)) if wanted.html and page else None
    pdf, tagged = None, None
    if wanted.pdf:
        from .pdf import export_pdf, pdf_path

        if tools.browser is not None and page is not None:
            from .browser import print_pdf

            pdf, tagged = print_pdf(tools.browser, page, pdf_path(job.output)), True
        else:
            pdf = export_pdf(job.workbook, pdf_path(job.output), soffice=tools.soffice)
            tagged = False
    ods = None
    if wanted.ods and tools.soffice is not None:
        from .ods import export_ods

        ods = export_ods(job.workbook, ods_path(job.output), tools.soffice)
    return Written(html, pdf, tagged, ods)


def _write_text(text: str, target: Path) -> Path:
    return put_in_place(lambda temporary: temporary.write_bytes(text.encode("utf-8")), target)


def fell_back(output: Path, written: Written) -> bool:
    """The page or the .ods was in use and went to a dated sibling (exit 5, like the PDF)."""
    return (written.html is not None and written.html != html_path(output)) or (
        written.ods is not None and written.ods != ods_path(output)
    )


def remove_dated_copies(output: Path, written: Written) -> None:
    """The page and the .ods replaced again: the dated copies made while they were in use
    are out of date (one still open stays for the next run)."""
    for path, target in ((written.html, html_path(output)), (written.ods, ods_path(output))):
        if path is None or path != target:
            continue
        for sibling in dated_siblings(target):
            with suppress(OSError):
                sibling.unlink()


def existing(output: Path, wanted: Wanted) -> Written:
    """The page and the .ods of an unchanged monitor, left as they are."""
    return Written(
        html=html_path(output) if wanted.html else None,
        ods=ods_path(output) if wanted.ods else None,
    )


def up_to_date(output: Path, wanted: Wanted) -> bool:
    """The page and the .ods asked for exist beside an unchanged monitor, and neither was
    last written to a dated copy (it was open then: the file itself is out of date)."""
    return all(
        where(output).exists() and not dated_siblings(where(output))
        for asked, where in ((wanted.html, html_path), (wanted.ods, ods_path))
        if asked
    )


__all__ = [
    "Job",
    "Tools",
    "Wanted",
    "Written",
    "existing",
    "fell_back",
    "find_tools",
    "html_path",
    "ods_path",
    "pdf_route",
    "remove_dated_copies",
    "up_to_date",
    "write_renderings",
]
