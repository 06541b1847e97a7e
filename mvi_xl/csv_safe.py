"""User text in a CSV file that a spreadsheet program will open: never a formula.

Excel, LibreOffice and Google Sheets run a CSV cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), and one that starts with a tab
or a carriage return after stripping that character. The defence spreadsheet programs expect
(OWASP, "CSV Injection") is a leading apostrophe: the program shows the text, and the quote
tells a reader of the raw file that it was added. Full-width forms of the same characters
are included, since some programs normalise them on import.

A text that already starts with an apostrophe gets a second one, so ``unescape`` gives back
exactly what was written. The history file (history.py) and any future CSV export take their
escaping from here.
"""

from __future__ import annotations

from collections.abc import Iterable

#: What makes a spreadsheet program treat a CSV cell as a formula.
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
QUOTE = "'"


def escape(text: str) -> str:
    """``text`` as a CSV cell that stays text when a spreadsheet program opens it."""
    if text.startswith(FORMULA_STARTS) or text.startswith(QUOTE):
        return QUOTE + text
    return text


def unescape(text: str) -> str:
    """The text ``escape`` was given."""
    return text[1:] if text.startswith(QUOTE) else text


def escape_row(values: Iterable[object]) -> list[str]:
    """A row for ``csv.writer``: every value as escaped text (None as an empty cell)."""
    return [escape("" if value is None else str(value)) for value in values]
