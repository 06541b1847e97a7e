"""Period labels that name a span of time: "2019", "2020 - 2022", "Q3 2019", "1e helft 2020".

Pure and table-tested. The monitor orders such labels by time (``compute.period_order``) and
takes the end of the time a label names for the period-ending signal (``signals.period_end``).
A label is a *year label* when it is essentially a period of time: nothing but a year, a
quarter or a half of a year, or a range of those ("2018-20", "2019/2020", "Q3 2019 - Q2
2020"), optionally after a word such as "Jaar" or "Periode" and with a remark in brackets.
"Aan de slag in 2017" names a year but is not a year label: it keeps its place among the
register's own labels.

Quarters and halves are first rewritten into one form ("3e kwartaal 2019", "Q3-2019" and
"2019 Q3" all become "2019q3"), then the label is matched against that form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from .words import synonyms
from .words.terms import label_key

_YEAR = r"((?:19|20)\d\d)"
_SUFFIX = "(?:" + "|".join(synonyms.ORDINAL_SUFFIXES) + ")?"
_QUARTER = "(?:" + "|".join(synonyms.QUARTER_WORDS) + ")"
_HALF = "(?:" + "|".join(synonyms.HALF_WORDS) + ")"
_ORDINAL_WORD = re.compile(
    r"\b(" + "|".join(synonyms.ORDINAL_WORDS) + rf")\s+(?=(?:{_QUARTER}|{_HALF})\b)"
)
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _rewrites(letter: str, word: str) -> list[tuple[re.Pattern[str], str]]:
    """Every way of writing quarter (or half) N of a year, as the form YYYY + letter + N."""
    n = r"([1-4])"
    target = rf"\2{letter}\1"
    return [
        # Q1/Q2 2020, Q1-Q3 2020: a range within one year
        (
            re.compile(rf"\b{letter}{n}\s*[-/]\s*{letter}{n}\s*-?\s*{_YEAR}\b"),
            rf"\3{letter}\1-\3{letter}\2",
        ),
        (re.compile(rf"\b{n}{_SUFFIX}\s*{word}\s*-?\s*{_YEAR}\b"), target),  # 3e kwartaal 2019
        (re.compile(rf"\b{word}\s*{n}\s*-?\s*{_YEAR}\b"), target),  # kwartaal 3 2019
        (re.compile(rf"\b{letter}{n}\s*-?\s*{_YEAR}\b"), target),  # Q3 2019, Q3-2019
        (re.compile(rf"\b{_YEAR}\s*-?\s*{letter}{n}\b"), r"\1" + letter + r"\2"),  # 2019 Q3
        (re.compile(rf"\b{_YEAR}\s*-?\s*{word}\s*{n}\b"), r"\1" + letter + r"\2"),  # 2019 kw. 3
    ]


@functools.cache
def _all_rewrites() -> list[tuple[re.Pattern[str], str]]:
    """Compiled on first use: the patterns cost milliseconds, and a run that meets no period
    label of time (most registers) needs only the quick test for a year."""
    return _rewrites("q", _QUARTER) + _rewrites("h", _HALF)


_UNIT = rf"{_YEAR}(?:([qh])([1-4]))?"
_RANGE = r"\s*(?:-|/|" + "|".join(re.escape(w) for w in synonyms.RANGE_WORDS) + r")\s*"
_SPAN = rf"{_UNIT}(?:{_RANGE}(?:{_UNIT}|(\d\d)\b))?"
_PREFIX = r"(?:(?:" + "|".join(synonyms.PERIOD_WORDS) + r")\s+)?"
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


@functools.cache
def _whole() -> re.Pattern[str]:
    return re.compile(rf"{_PREFIX}{_SPAN}")


@functools.cache
def _anywhere() -> re.Pattern[str]:
    return re.compile(rf"\b{_SPAN}\b")


@dataclass(frozen=True, order=True)
class Span:
    """The days a period label names, first and last included."""

    start: dt.date
    end: dt.date

    @property
    def whole_years(self) -> bool:
        """A year or a range of years, rather than a quarter or a half."""
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)


def normalised(label: str) -> str:
    """The label in the one form quarters and halves are matched in: "Q3 - 2019" and
    "derde kwartaal 2019" are "2019q3"."""
    text = label_key(label)
    if _HAS_YEAR.search(text) is None:
        return text  # every form below names a year
    text = _ORDINAL_WORD.sub(lambda m: f"{synonyms.ORDINAL_WORDS[m[1]]} ", text)
    for pattern, target in _all_rewrites():
        text = pattern.sub(target, text)
    return text


def year_label_span(label: str) -> Span | None:
    """The time a year label names; None for any other label (see the module docstring)."""
    text = normalised(_BRACKETED.sub(" ", label))
    found = _whole().fullmatch(text)
    if found is None:
        return None
    return _span(found.groups(), strict=True)


def last_day(label: str) -> dt.date | None:
    """The last day of the time a label names: a year label's end, else the latest end of any
    time named in it ("Aan de slag in 2018-2020" ends on 31-12-2020, "Aan de slag in Q3 2019"
    on 30-09-2019); None when it names no year."""
    span = year_label_span(label)
    if span is not None:
        return span.end
    ends = [_span(m.groups(), strict=False) for m in _anywhere().finditer(normalised(label))]
    return max((s.end for s in ends if s is not None), default=None)


def first_day(label: str) -> dt.date | None:
    """The first day of the time a label names: a year label's start, else the earliest start
    of any time named in it ("Aan de slag in 2017" starts on 01-01-2017); None when it names
    no year. The plan's start for the expected share of an ambition (ambitions.py)."""
    span = year_label_span(label)
    if span is not None:
        return span.start
    starts = [_span(m.groups(), strict=False) for m in _anywhere().finditer(normalised(label))]
    return min((s.start for s in starts if s is not None), default=None)


def _span(groups: tuple[str | None, ...], *, strict: bool) -> Span | None:
    """A span from the groups of ``_SPAN``. A range that runs backwards ("2019-05", "2020 -
    2019") is no range: with ``strict`` no span at all, else its first part."""
    year, kind, number, end_year, end_kind, end_number, short = groups
    assert year is not None, "every span names its (first) year"
    first = _unit(int(year), kind, number)
    if first is None:  # "H3 2020": no such half, but the year is named
        return None if strict else _unit(int(year), None, None)
    last: Span | None = first
    if end_year is not None:
        last = _unit(int(end_year), end_kind, end_number)
    elif short is not None:
        full = int(year) // 100 * 100 + int(short)
        last = _unit(full, None, None) if full >= int(year) else None
    if last is None or last.end < first.end:
        return None if strict else first
    return Span(first.start, last.end)


def _unit(year: int, kind: str | None, number: str | None) -> Span | None:
    """A year, quarter N or half N of it."""
    if kind is None:
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    months = 3 if kind == "q" else 6
    index = int(number or 0)
    if not 1 <= index <= 12 // months:
        return None
    first_month, last_month = months * (index - 1) + 1, months * index
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Span(dt.date(year, first_month, 1), end)


def sort_key(span: Span) -> tuple[int, bool, dt.date, dt.date]:
    """Year labels by their first year; in a year the whole years and ranges first (shortest
    first), then its quarters and halves in order."""
    return (span.start.year, not span.whole_years, span.start, span.end)
