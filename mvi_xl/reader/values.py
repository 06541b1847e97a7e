"""Turning one cell, as a spreadsheet engine hands it over, into what mvi-xl means by it.

Cells arrive as str, float, int, bool, date or datetime (python-calamine) or as str (CSV). The
functions here are pure and table-tested: text of a cell, dates as typed in the Netherlands,
statuses and header names matched against the vocabulary plus the organisation's own words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence

from .. import vocabulary
from ..vocabulary import header_key, status_key

EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Serial numbers below this (1910-01-01) are not taken for dates: a bare "2018" in a date
#: column is a year typed as a number, not 10 July 1905.
MIN_DATE_SERIAL = 3654
MAX_DATE_SERIAL = 2958465  # 9999-12-31

_SPACES = re.compile(r"\s+")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})[\s-]+([^\W\d_]+)\.?[\s-]+(\d{4})$")
_TIME_SUFFIX = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("maart", "march", "mrt", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augustus", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """The text a user sees in the cell: ids keep their spelling, numbers lose a spurious ".0".

    "3.80" typed as text stays "3.80"; the number 12 shows as "12"; a date shows as 05-07-2018.
    Surrounding whitespace is removed, inner whitespace kept.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


class BadDate(ValueError):
    """A cell in a date column that is not a date; the reader turns it into a warning."""


def parse_date(value: object) -> dt.date | None:
    """A date from a date cell, an Excel serial number or text as typed in the Netherlands.

    Blank gives None; anything that is not a real calendar date raises BadDate.
    """
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadDate(value)
    if isinstance(value, (int, float)):
        return _from_serial(value)
    return _from_text(str(value))


def _from_serial(value: float) -> dt.date:
    if not math.isfinite(value) or not MIN_DATE_SERIAL <= value <= MAX_DATE_SERIAL:
        raise BadDate(value)
    return EXCEL_EPOCH + dt.timedelta(days=int(value))


def _from_text(text: str) -> dt.date:
    text = _SPACES.sub(" ", text.strip())
    text = _TIME_SUFFIX.sub("", text).strip()
    try:
        if match := _DMY.match(text):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(_full_year(year, match.group(3)), month, day)
        if match := _YMD.match(text):
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if match := _D_MONTH_Y.match(text):
            month = MONTHS.get(match.group(2).casefold())
            if month is not None:
                return dt.date(int(match.group(3)), month, int(match.group(1)))
        if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
            return _from_serial(float(text.replace(",", ".")))
    except ValueError:
        pass
    raise BadDate(text)


def _full_year(year: int, typed: str) -> int:
    """Two-digit years are this century: 18 is 2018."""
    return 2000 + year if len(typed) == 2 else year


def parse_flag(value: object) -> bool | None:
    """ja/nee and friends; None when the cell is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = status_key(cell_text(value))
    if key in vocabulary.TRUE_WORDS:
        return True
    if key in vocabulary.FALSE_WORDS:
        return False
    return None


class Synonyms:
    """Maps spellings to canonical names; suggests the closest known spelling for a typo."""

    def __init__(
        self,
        base: Mapping[str, Sequence[str]],
        extra: Mapping[str, Sequence[str]] | None = None,
        key=status_key,
    ) -> None:
        self._key = key
        self._lookup: dict[str, str] = {}
        for source in (extra or {}), base:  # the organisation's own words win
            for canonical, names in source.items():
                for name in names:
                    self._lookup.setdefault(key(name), canonical)
        self._names = {
            key(n): n for source in (base, extra or {}) for ns in source.values() for n in ns
        }

    def match(self, text: str) -> str | None:
        return self._lookup.get(self._key(text))

    def suggest(self, text: str) -> tuple[str, str] | None:
        """The closest known spelling and the canonical name it stands for."""
        import difflib  # only for typos: kept off the import time of every run

        close = difflib.get_close_matches(self._key(text), list(self._lookup), n=1, cutoff=0.6)
        if not close:
            return None
        return self._names[close[0]], self._lookup[close[0]]


class HeaderMatcher:
    """Recognises header cells. Each field's names carry a rank: when two columns claim one
    field, the lower rank (the more specific name) wins."""

    def __init__(self, extra: Mapping[str, Sequence[str]] | None = None) -> None:
        self._lookup: dict[str, tuple[str, int]] = {}
        for field_name in vocabulary.FIELDS:
            names = [*(extra or {}).get(field_name, ()), *vocabulary.HEADER_SYNONYMS[field_name]]
            for rank, name in enumerate(names):
                self._lookup.setdefault(header_key(name), (field_name, rank))

    def match(self, cell: object) -> tuple[str, int] | None:
        if not isinstance(cell, str) or not cell.strip():
            return None
        return self._lookup.get(header_key(cell))
