"""Themes as registers keep them: several in one cell, a column per theme, a sheet per theme.

- **One cell, several themes**: "Klimaat; Circulair", "Klimaat, Circulair", "Milieu / Social
  Return", "Klimaat en Circulair". A semicolon, comma or slash separates; "en", "&" and "+"
  separate only between two known themes, so "Duurzaam en lokaal inkopen" stays one theme and
  "Diversiteit en inclusie" (a known name with "en" inside) is never split.
- **Theme columns**: a column named after a theme ("Klimaat", "Thema Circulair") holding x, ja,
  ✓ or 1 marks the action's theme.
- **Sheets named after themes** (``sheet_names_are_themes``): they fill a missing theme column.

Known themes are the national ones with their usual names (``synonyms.THEME_NAMES``) plus the
organisation's own (``[themes] names``). A theme keeps the register's spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..cells import cell_ref
from ..model import Finding
from ..words import synonyms
from ..words.terms import header_key, label_key, status_key
from .blocks import ActionRow
from .values import cell_text, is_blank, parse_flag

#: A theme column marks themes when most of its filled cells are marks (x, ja, ✓, 1, nee, ...).
MARK_SHARE = 0.8

#: Always separators between themes, the semicolon the strongest.
_SEMICOLON = re.compile(r"\s*;\s*")
_COMMA = re.compile(r"\s*[,/]\s*")
#: "Thema Klimaat", "MVI-thema: Circulair": a theme named with the word theme before it.
_PREFIXED = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in synonyms.THEME_PREFIXES) + r")\s*:?\s+(.+)$",
    re.IGNORECASE,
)
#: A separator only between two known themes.
_SOFT = re.compile(r"(\s+(?:en|and)\s+|\s*[&+]\s*)", re.IGNORECASE)


class Themes:
    """The themes an organisation knows, and how to read them from cells, headers and sheet
    names. Splitting is remembered per distinct cell text (a column repeats a few values)."""

    def __init__(self, extra: Sequence[str] = ()) -> None:
        names = (*extra, *synonyms.THEME_NAMES)
        self._known = {header_key(name) for name in names if header_key(name)}
        self._general = {header_key(name) for name in synonyms.GENERAL_THEMES}
        self._split: dict[str, tuple[str, ...]] = {}

    def known(self, text: str) -> bool:
        return header_key(text) in self._known

    def column_theme(self, header: str) -> str | None:
        """The theme a header names ("Klimaat", "Thema Circulair" -> "Circulair"), or None."""
        text = " ".join(header.split())
        if self.known(text):
            return text
        prefixed = _PREFIXED.match(text)
        if prefixed is not None and self.known(prefixed.group(1)):
            return prefixed.group(1)
        return None

    def sheet_theme(self, name: str) -> str | None:
        """The theme a sheet is named after, "Overig" included, or None."""
        theme = self.column_theme(name)
        if theme is None and header_key(name) in self._general:
            return " ".join(name.split())
        return theme

    def split(self, text: str) -> tuple[str, ...]:
        """The themes of one theme cell, in the order written, each once."""
        found = self._split.get(text)
        if found is None:
            found = self._split[text] = self._split_text(text)
        return found

    def _split_text(self, text: str) -> tuple[str, ...]:
        text = " ".join(text.split())
        if not text:
            return ()
        if self.known(text):
            return (text,)
        themes: list[str] = []
        for part in _SEMICOLON.split(text):  # ";" first: "Gezondheid, welzijn; Klimaat"
            if self.known(part):
                themes.append(part)
                continue
            for piece in _COMMA.split(part):
                if piece and not self.known(piece):
                    themes.extend(self._split_soft(piece))
                elif piece:
                    themes.append(piece)
        return unique(t for t in themes if t)

    def _split_soft(self, part: str) -> list[str]:
        """Split at "en", "&" or "+" only where every side is a known theme."""
        words = [w.strip() for w in _SOFT.split(part)[0::2] if w.strip()]
        if len(words) > 1 and all(self.known(w) for w in words):
            return words
        return [part.strip()]


def unique(themes: Iterable[str]) -> tuple[str, ...]:
    """Each theme once (spellings merged as labels are), in the order met."""
    seen: dict[str, str] = {}
    for theme in themes:
        seen.setdefault(label_key(theme), theme)
    return tuple(seen.values())


def join(themes: Sequence[str]) -> str:
    """The themes as one cell on the Acties sheet: "Klimaat; Circulair"."""
    return "; ".join(themes)


#: How the Acties sheet separates an action's themes; Per thema's formulas count on it.
SEPARATOR = "; "


def is_mark(value: object) -> bool | None:
    """A theme column's cell: marked (x, ja, ✓, 1), not marked (empty, nee, 0), or None for a
    value that is neither: read as an "Op monitor" flag is."""
    return parse_flag(value)


def department_of_sheet(name: str) -> str | None:
    """A sheet named "Afdeling Inkoop" or "Team Vastgoed" is a department's: its name."""
    words = status_key(name).split()
    if len(words) >= 2 and words[0] in synonyms.DEPARTMENT_WORDS:
        return " ".join(name.split())
    return None


# --- columns marked with an x ------------------------------------------------------------------


def marking_columns(
    theme_columns: Sequence[tuple[int, str]],
    rows: Sequence[Sequence[object]],
    action_rows: Sequence[ActionRow],
) -> list[tuple[int, str]]:
    """The theme columns that mark themes: most of their filled cells under the header are
    marks, one of them at least an x (a column named Social Return holding amounts is not
    one)."""
    used = []
    for col, theme in theme_columns:
        filled = marked = marks = 0
        for index, _, _ in action_rows:
            row = rows[index]
            value = row[col] if col < len(row) else None
            if is_blank(value):
                continue
            filled += 1
            mark = is_mark(value)
            if mark is not None:
                marks += 1
                marked += mark
        if marked and marks >= MARK_SHARE * filled:
            used.append((col, theme))
    return used


def mark_findings(
    sheet: str | None,
    rows: Sequence[Sequence[object]],
    action_rows: Sequence[ActionRow],
    marks: Sequence[tuple[int, str]],
) -> list[Finding]:
    """One warning per theme column naming the cells that are neither a mark nor empty."""
    findings = []
    for col, theme in marks:
        odd = [
            index
            for index, _, _ in action_rows
            if col < len(rows[index])
            and not is_blank(rows[index][col])
            and is_mark(rows[index][col]) is None
        ]
        if odd:
            text = cell_text(rows[odd[0]][col])
            findings.append(
                Finding(
                    "theme_mark",
                    cell_ref(sheet, odd[0], col),
                    {
                        "theme": theme,
                        "count": len(odd),
                        "value": text if len(text) <= 60 else text[:59] + "…",
                    },
                )
            )
    return findings
