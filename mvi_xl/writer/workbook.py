"""Assemble the monitor workbook: the sheets in their order, the document properties, and the
one place that creates the XlsxWriter Workbook."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from xlsxwriter.exceptions import XlsxWriterException

from ..config import Config
from ..errors import OutputError
from ..model import Monitor
from ..summary import summary_text
from ..words.i18n import Words
from .actions_sheet import signal_links, write_actions_sheet
from .breakdown_sheet import write_breakdown_sheet
from .context import SheetContext, Workbook, Worksheet
from .explorer_sheet import add_explorer_worksheet, write_explorer_sheet
from .history_sheet import write_history_sheet
from .monitor_sheet import PageSettings, write_monitor_sheet
from .notes_sheet import write_notes_sheet
from .print_setup import PageSetup, set_up_page
from .styles import Styles
from .xlsx import new_workbook
from .year_sheet import add_year_worksheet, write_year_sheet

#: User text stays text: no formulas, numbers or hyperlinks are guessed from strings, even if a
#: future writer forgets to call write_string.
WORKBOOK_OPTIONS = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "default_date_format": "dd-mm-yyyy",
}


@dataclass(frozen=True, kw_only=True)
class Imprint:
    """What a workbook says of its making: its language, the day it was generated, the
    version of mvi-xl, and custom document properties (notes mvi-xl reads back on the next
    run)."""

    lang: str
    generated: dt.date
    version: str
    properties: dict[str, str | int] = field(default_factory=dict)


def write_workbook(monitor: Monitor, target: Path, config: Config, imprint: Imprint) -> None:
    """Write the monitor to ``target`` (a new file; the caller makes it atomic)."""
    words = Words(imprint.lang)
    generated, version = imprint.generated, imprint.version
    workbook = new_workbook(target, WORKBOOK_OPTIONS, len(monitor.register.actions))
    try:
        _set_properties(workbook, monitor, words, version)
        for name, value in imprint.properties.items():
            workbook.set_custom_property(name, value)
        if config.read_only_recommended:
            workbook.read_only_recommended()  # readers open it read-only: no lock on it
        styles = Styles(workbook, config)
        monitor_sheet = workbook.add_worksheet(words["sheet.monitor"])
        actions_sheet = workbook.add_worksheet(words["sheet.actions"])
        views = {
            name: workbook.add_worksheet(words[f"sheet.{name}"]) for name in monitor.breakdowns
        }
        explorer = add_explorer_worksheet(workbook, monitor, words.lang)
        year_sheet = add_year_worksheet(workbook, monitor, words.lang)
        history_sheet = workbook.add_worksheet(words["sheet.history"]) if monitor.history else None
        notes_sheet = workbook.add_worksheet(words["sheet.notes"])

        def sheet(worksheet: Worksheet) -> SheetContext:
            return SheetContext(
                workbook=workbook, worksheet=worksheet, monitor=monitor, words=words, styles=styles
            )

        layout = write_actions_sheet(sheet(actions_sheet))
        for name, view in views.items():
            write_breakdown_sheet(sheet(view), name, layout)
        links = signal_links(monitor, layout, words)
        settings = PageSettings(
            logo=config.logo,
            max_items=config.max_list_items,
            signals=links if config.signals_on_page else (),
            summary=summary_text(monitor, words.lang) if config.summary else "",
        )
        write_monitor_sheet(sheet(monitor_sheet), layout, settings)
        if history_sheet is not None:
            write_history_sheet(sheet(history_sheet))
        write_notes_sheet(
            sheet(notes_sheet),
            generated=generated,
            version=version,
            signals=() if config.signals_on_page else links,
        )
        set_up_page(notes_sheet, monitor, words, PageSetup())
        if year_sheet is not None:  # last, so the other sheets' strings keep their numbers
            write_year_sheet(year_sheet, monitor, layout, words.lang, styles)
        if explorer is not None:
            write_explorer_sheet(explorer, monitor, layout, styles)
        monitor_sheet.activate()
        monitor_sheet.set_first_sheet()
    except BaseException:
        with contextlib.suppress(Exception):
            workbook.close()  # release the file; the caller removes it
        raise
    try:
        workbook.close()
    except (XlsxWriterException, OSError) as exc:
        raise OutputError("write_failed", path=target, reason=str(exc)) from None
    finally:
        _release(workbook)


def _release(workbook: Workbook) -> None:
    """Free the sheets' cells now. XlsxWriter's workbook and its sheets refer to each other,
    so without this they wait for the cycle collector, which a one-shot run pauses (cli.main):
    ``--per-afdeling`` would hold every department's cells until the process ends."""
    for sheet in workbook.worksheets():
        getattr(sheet, "table", {}).clear()


def _set_properties(workbook: Workbook, monitor: Monitor, words: Words, version: str) -> None:
    """Document properties; the created date is the peildatum, so the same input gives the same
    bytes."""
    workbook.set_properties(
        {
            "title": words["doc.title"].format(as_of=words.date(monitor.as_of)),
            "subject": words["doc.subject"],
            "company": monitor.organisation,
            "author": "mvi-xl",
            "comments": f"mvi-xl {version}",
            "created": dt.datetime.combine(monitor.as_of, dt.time()),
        }
    )
