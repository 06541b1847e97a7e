"""What a printed page holds, read from a PDF with pdfminer.six: its size, its lines of text
with their font sizes as printed (after the sheet's scaling), top to bottom."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTPage, LTTextLine


@dataclass(frozen=True)
class Line:
    text: str
    size: float  # the smallest font size on the line, in points as printed
    top: float  # distance from the top of the page, in points


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def smallest(self) -> Line | None:
        return min(self.lines, key=lambda line: line.size, default=None)

    def header(self, depth: float = 60) -> str:
        """The text in the top ``depth`` points: where a sheet's header prints."""
        return " ".join(line.text for line in self.lines if line.top < depth)

    def footer(self, depth: float = 60) -> str:
        return " ".join(line.text for line in self.lines if line.top > self.height - depth)


def _lines(item: LTComponent) -> Iterator[LTTextLine]:
    if isinstance(item, LTTextLine):
        yield item
    elif hasattr(item, "__iter__"):
        for child in item:
            yield from _lines(child)


def pages(pdf: Path) -> list[Page]:
    result = []
    for page in extract_pages(str(pdf)):
        assert isinstance(page, LTPage)
        lines = []
        for line in _lines(page):
            sizes = [char.size for char in line if isinstance(char, LTChar)]
            text = line.get_text().strip()
            if sizes and text:
                lines.append(Line(text, round(min(sizes), 1), round(page.height - line.y1, 1)))
        lines.sort(key=lambda line: line.top)
        result.append(Page(round(page.width), round(page.height), tuple(lines)))
    return result
