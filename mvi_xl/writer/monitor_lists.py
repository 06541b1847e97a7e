"""The lists on the Monitor page (Lopende, Geplande and Gerealiseerde acties, Aandachtspunten,
Communicatiemomenten) as lines of text, and the page's shared row heights.

A list is first a ``Section`` of ``Items`` (what it would show), then, for a given number of
items kept per list, the ``Line`` objects it prints: one row each, an item wrapped over at most
two of them, and when the page keeps fewer items than the list has, a last line "… en nog 3
acties, zie Acties". monitor_fit.py chooses how many items each list keeps by laying out these
lines; ``ListWriter`` writes the lines it chose.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..cells import quote_sheet
from ..model import Action, Communication, Monitor
from ..words.i18n import Words
from .context import SheetContext

DEFAULT_ROW_PT = 15.0
LINE_PT = 12.75  # one row of 9 pt list text
HEADING_PT = 20.0
SPACER_PT = 6.0  # the blank row below a section
MAX_ITEM_LINES = 2
#: characters of 9 pt text per character of column width (column widths count 11 pt digits)
CHARS_PER_WIDTH = 1.25


@dataclass(frozen=True)
class Line:
    """One row of a list: its text, its format's name and height; a line with a ``target`` is
    an internal link, merged across the block."""

    text: str
    style: str
    points: float = LINE_PT
    target: str | None = None

    @property
    def merged(self) -> bool:
        return self.style == "heading" or self.target is not None


SPACER = Line("", "", SPACER_PT)


@dataclass(frozen=True)
class Items:
    """A list the page may cut. ``key`` names it to the fitting; ``more`` is the counting label
    of the line that ends a cut list, linked to ``target`` when the full list is in the
    workbook."""

    key: str
    texts: tuple[str, ...]
    more: str
    numbered: bool = False
    target: str | None = None
    sheet: str = ""  # the sheet the ``more`` line names


@dataclass(frozen=True)
class Section:
    """A heading and its parts: lists the page may cut and fixed lines (subheadings,
    signals)."""

    heading: str
    parts: tuple[Items | Line, ...]

    def items(self) -> list[Items]:
        return [part for part in self.parts if isinstance(part, Items)]


@dataclass(frozen=True)
class Block:
    """A run of columns on the page that list lines are written across."""

    first_col: int
    last_col: int


def chars_per_line(width_chars: float) -> int:
    """How many characters of 9 pt text a line across ``width_chars`` of columns holds."""
    return max(20, int(width_chars * CHARS_PER_WIDTH))


@dataclass
class Page:
    """Row heights shared by both halves of the page: the tallest need of each row wins; a row
    nothing needs keeps the default height. A height is a whole number of pixels, as XlsxWriter
    writes it (20 pt becomes 20.25)."""

    heights: dict[int, float] = field(default_factory=dict)

    def need(self, row: int, points: float) -> None:
        self.heights[row] = max(self.heights.get(row, 0.0), points)

    def height(self, row: int) -> float:
        return int(self.heights.get(row, DEFAULT_ROW_PT) * 4 / 3 + 0.5) * 0.75

    def copy(self) -> Page:
        return Page(dict(self.heights))


# --- the sections of the page -------------------------------------------------------------------


def action_sections(monitor: Monitor, words: Words) -> tuple[Section, ...]:
    """The right half: Lopende, Geplande and Gerealiseerde acties."""
    unnamed = words.field("action").lower()

    def texts(actions: tuple[Action, ...]) -> tuple[str, ...]:
        return tuple(a.text or f"({unnamed} {a.id or a.row})" for a in monitor.on_page(actions))

    heading = words.realised_heading(monitor.year, monitor.since)
    if monitor.register.has("completed") or monitor.previous is not None:
        realised = action_section(words, heading, texts(monitor.realised), "realised", True)
    else:
        realised = missing_section(heading, words["realised.no_column"])
    return (
        action_section(words, words["running"], texts(monitor.running), "running"),
        action_section(words, words["planned"], texts(monitor.planned), "planned"),
        realised,
    )


def side_sections(
    monitor: Monitor, words: Words, signals: tuple[tuple[str, str], ...]
) -> tuple[Section, ...]:
    """Below the chart: Aandachtspunten and Communicatiemomenten; a section the register
    doesn't keep is left out, an empty sheet still says "Geen"."""
    kept = monitor.register.side_sheets
    sections = []
    if "focus" in kept or signals:
        sections.append(focus_section(words, monitor.focus_points, signals))
    if "communication" in kept:
        sections.append(communication_section(words, monitor))
    return tuple(sections)


def action_section(
    words: Words, heading: str, texts: tuple[str, ...], key: str, numbered: bool = False
) -> Section:
    """Lopende, Geplande or Gerealiseerde acties: a cut list ends with a link to Acties."""
    sheet = words["sheet.actions"]
    target = f"internal:{quote_sheet(sheet)}!A1"
    items = Items(key, texts, "page.more.actions", numbered, target, sheet)
    return Section(heading, (items,))


def missing_section(heading: str, text: str) -> Section:
    """A list the register can't fill (no completion date column): one muted line."""
    return Section(heading, (Line(text, "muted"),))


def focus_section(
    words: Words, points: tuple[str, ...], signals: tuple[tuple[str, str], ...]
) -> Section:
    """Aandachtspunten: the coordinator's own points, then the signals mvi-xl found, each
    linking to its rows."""
    parts: list[Items | Line] = []
    if points or not signals:
        parts.append(Items("focus", points, "page.more.focus"))
    if signals:
        parts.append(Line(words["signals"] + ":", "subheading"))
        parts.extend(Line("⚠ " + text, "more", target=target) for text, target in signals)
    return Section(words["focus"], tuple(parts))


def communication_section(words: Words, monitor: Monitor) -> Section:
    parts: list[Items | Line] = []
    for key, moments in (
        ("communication.realised", monitor.communications_realised),
        ("communication.planned", monitor.communications_planned),
    ):
        parts.append(Line(words[key] + ":", "subheading"))
        parts.append(Items(key, tuple(_moment(m) for m in moments), "page.more.moments"))
    return Section(words["communication"], tuple(parts))


def section_lines(
    section: Section, words: Words, per_line: int, keeps: Mapping[str, int]
) -> list[Line]:
    """The lines of a section with ``keeps[key]`` items of each list (all when absent), and
    the blank row below it."""
    lines = [Line(section.heading, "heading", HEADING_PT)]
    for part in section.parts:
        if isinstance(part, Line):
            lines.append(part)
        else:
            lines.extend(item_lines(part, words, per_line, keeps.get(part.key, len(part.texts))))
    lines.append(SPACER)
    return lines


def item_lines(items: Items, words: Words, per_line: int, keep: int) -> list[Line]:
    """The first ``keep`` items, each wrapped under its bullet or number, and a last line that
    counts the rest."""
    if not items.texts:
        return [Line(words["none"], "muted")]
    lines: list[Line] = []
    for number, text in enumerate(items.texts[:keep], start=1):
        prefix = f"{number}. " if items.numbered else "• "
        lines.extend(Line(line, "item") for line in wrap_item(prefix + text, per_line))
    hidden = len(items.texts) - min(keep, len(items.texts))
    if hidden:
        label = words.plural(items.more, hidden, sheet=items.sheet)
        style = "more" if items.target else "muted"
        lines.append(Line(label, style, target=items.target))
    return lines


def wrap_item(text: str, per_line: int, max_lines: int = MAX_ITEM_LINES) -> list[str]:
    """Word-wrap an item under its bullet or number; cut with "…" after ``max_lines``.
    Wrapping here, rather than in a tall wrapped cell, keeps every list row the same height,
    so the two halves of the page don't stretch each other's rows; the full text is on the
    Acties sheet."""
    prefix_end = text.find(" ") + 1 if text[:1] in "•0123456789" else 0
    indent = " " * (prefix_end + 1)
    lines = textwrap.wrap(
        text,
        width=per_line,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [text]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: per_line - 1].rstrip() + "…"
    return lines


# --- writing ------------------------------------------------------------------------------------


class ListWriter:
    """Writes the lines monitor_fit.py laid out, each at its row, into a Block's columns (the
    layout's Page holds their heights)."""

    def __init__(self, sheet: SheetContext) -> None:
        self.worksheet = sheet.worksheet
        self.styles = sheet.styles

    def write(self, block: Block, lines: list[tuple[int, Line]]) -> None:
        for row, line in lines:
            self.line(block, row, line)

    def line(self, block: Block, row: int, line: Line) -> None:
        """One row of text. A plain line overflows into the empty cells of the block, as Excel
        and LibreOffice show text that doesn't wrap; headings and links are merged across it."""
        if not line.text:
            return
        fmt = self.styles[line.style]
        if line.merged:
            self.worksheet.merge_range(row, block.first_col, row, block.last_col, "", fmt)
        if line.target is not None:
            self.worksheet.write_url(row, block.first_col, line.target, fmt, string=line.text)
        else:
            self.worksheet.write_string(row, block.first_col, line.text, fmt)


def _moment(moment: Communication) -> str:
    if moment.date is None:
        return moment.text
    return f"{moment.text} ({Words.date(moment.date)})"
