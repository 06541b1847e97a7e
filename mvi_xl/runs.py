"""What a run of the pipeline is asked to do (``Options``) and what it did (``Result``): plain
data shared by the pipeline and the command line."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .model import Monitor
from .registers import Sources, sources_of


@dataclass(frozen=True, kw_only=True)
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
    #: --organisation: wins over mvi-xl.toml's and over what init wrote into the register
    organisation: str | None = None
    #: --jaar: the monitor of one calendar year, a view that records nothing (year_view.py)
    year: int | None = None
    #: the day the register stands at (``day()``): given for the example, whose register is
    #: that of 01-11-2018, so that its year 2018 is the current one for --jaar
    today: dt.date | None = None

    def day(self) -> dt.date:
        """The day the register stands at: ``today`` when given, else the calendar's."""
        return self.today or today()

    def sources(self) -> Sources:
        """The register files this monitor reads (a folder stands for the registers in it),
        worked out afresh: a run does so once and passes them on."""
        return sources_of(self.register, self.more)


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


def today() -> dt.date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds, golden tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
