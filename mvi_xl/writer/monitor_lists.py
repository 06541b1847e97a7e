"""The lists on the Monitor page (Lopende, Geplande and Gerealiseerde acties, Aandachtspunten,
Communicatiemomenten) and the page's shared row heights: each item one or two rows of text,
at most so many of them and then "+N meer" linking to the detail sheet."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from ..cells import quote_sheet
from ..model import Action, Communication, Monitor
from ..words.i18n import Words
from .actions_sheet import ActionsLayout
from .context import SheetContext

DEFAULT_ROW_PT = 15.0
LINE_PT = 12.75  # one row of 9 pt list text
HEADING_PT = 20.0
MAX_ITEM_LINES = 2
#: characters of 9 pt text per character of column width (column widths count 11 pt digits)
CHARS_PER_WIDTH = 1.25


@dataclass
class Block:
    """A run of columns on the page that list items are written across."""

    first_col: int
    last_col: int
    width_chars: float
    row: int  # the next free row (0-based)

    def chars_per_line(self) -> int:
        return max(20, int(self.width_chars * CHARS_PER_WIDTH))


@dataclass
class Page:
    """Row heights shared by both halves of the page: the tallest need of each row wins."""

    heights: dict[int, float] = field(default_factory=dict)

    def need(self, row: int, points: float) -> None:
        self.heights[row] = max(self.heights.get(row, DEFAULT_ROW_PT), points)

    def height(self, row: int) -> float:
        return self.heights.get(row, DEFAULT_ROW_PT)


class ListWriter:
    """Writes headed lists into a Block: one wrapped row per item, at most ``max_items`` of them
    and then "+N meer" linking to the detail sheet."""

    def __init__(
        self, sheet: SheetContext, page: Page, layout: ActionsLayout, max_items: int
    ) -> None:
        self.worksheet = sheet.worksheet
        self.words = sheet.words
        self.styles = sheet.styles
        self.page = page
        self.layout = layout
        self.max_items = max_items

    def actions(
        self,
        block: Block,
        heading: str,
        actions: tuple[Action, ...],
        numbered: bool = False,
        missing: str | None = None,
    ) -> None:
        self.heading(block, heading)
        if missing is not None:
            self.line(block, missing, self.styles["muted"])
        else:
            self.items(
                block,
                [
                    a.text or f"({self.words.field('action').lower()} {a.id or a.row})"
                    for a in actions
                ],
                numbered,
            )
        block.row += 1

    def focus(
        self, block: Block, points: tuple[str, ...], signals: tuple[tuple[str, str], ...]
    ) -> None:
        """Aandachtspunten: the coordinator's own points, then the signals mvi-xl found, each
        linking to its rows."""
        self.heading(block, self.words["focus"])
        if points or not signals:
            self.items(block, list(points), numbered=False, link=False)
        if signals:
            self.line(block, self.words["signals"] + ":", self.styles["subheading"])
            for text, target in signals:
                self.worksheet.write_url(
                    block.row, block.first_col, target, self.styles["more"], string="⚠ " + text
                )
                self.page.need(block.row, LINE_PT)
                block.row += 1
        block.row += 1

    def communications(self, block: Block, monitor: Monitor) -> None:
        self.heading(block, self.words["communication"])
        for key, moments in (
            ("communication.realised", monitor.communications_realised),
            ("communication.planned", monitor.communications_planned),
        ):
            self.line(block, self.words[key] + ":", self.styles["subheading"])
            self.items(block, [_moment(m) for m in moments], numbered=False, link=False)
        block.row += 1

    def heading(self, block: Block, text: str) -> None:
        self.worksheet.merge_range(
            block.row, block.first_col, block.row, block.last_col, "", self.styles["heading"]
        )
        self.worksheet.write_string(block.row, block.first_col, text, self.styles["heading"])
        self.page.need(block.row, HEADING_PT)
        block.row += 1

    def items(self, block: Block, texts: list[str], numbered: bool, link: bool = True) -> None:
        if not texts:
            self.line(block, self.words["none"], self.styles["muted"])
            return
        shown = texts if len(texts) <= self.max_items else texts[: self.max_items]
        for number, text in enumerate(shown, start=1):
            prefix = f"{number}. " if numbered else "• "
            self.wrapped(block, prefix + text)
        hidden = len(texts) - len(shown)
        if hidden:
            label = self.words["more"].format(count=hidden)
            if link:
                self._more_link(block, label)
            else:
                self.line(block, label, self.styles["muted"])

    def wrapped(self, block: Block, text: str) -> None:
        """An item as at most MAX_ITEM_LINES rows of one line each. Wrapping here, rather than
        in a tall wrapped cell, keeps every list row the same height, so the two halves of the
        page don't stretch each other's rows; the full text is on the Acties sheet."""
        for line in wrap_item(text, block.chars_per_line()):
            self.line(block, line, self.styles["item"])

    def line(self, block: Block, text: str, fmt: Any, points: float = LINE_PT) -> None:
        """One row of text. It overflows into the empty cells of the block, as Excel and
        LibreOffice show text that doesn't wrap; no merged cells needed."""
        self.worksheet.write_string(block.row, block.first_col, text, fmt)
        self.page.need(block.row, points)
        block.row += 1

    def _more_link(self, block: Block, label: str) -> None:
        self.worksheet.merge_range(
            block.row, block.first_col, block.row, block.last_col, "", self.styles["more"]
        )
        target = f"internal:{quote_sheet(self.layout.sheet)}!A1"
        self.worksheet.write_url(
            block.row, block.first_col, target, self.styles["more"], string=label
        )
        self.page.need(block.row, LINE_PT)
        block.row += 1


def wrap_item(text: str, per_line: int, max_lines: int = MAX_ITEM_LINES) -> list[str]:
    """Word-wrap an item under its bullet or number; cut with "…" after ``max_lines``."""
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


def _moment(moment: Communication) -> str:
    if moment.date is None:
        return moment.text
    return f"{moment.text} ({Words.date(moment.date)})"
