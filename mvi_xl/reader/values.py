"""Turning one cell, as a spreadsheet engine hands it over, into what mvi-xl means by it.

Cells arrive as str, float, int, bool, date or datetime (python-calamine) or as str (CSV). The
functions here are pure and table-tested: text of a cell, dates as typed in the Netherlands,
statuses and header names matched against the vocabulary plus the organisation's own words.
Statuses are matched as people write them (``StatusMatcher``, ``status_cell_text``): with a
remark in brackets or after the status, or as a percentage.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..words import synonyms, terms
from ..words.terms import header_key, status_key

EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Serial numbers below this (1910-01-01) are not taken for dates: a bare "2018" in a date
#: column is a year typed as a number, not 10 July 1905.
MIN_DATE_SERIAL = 3654
MAX_DATE_SERIAL = 2958465  # 9999-12-31
#: The first day Excel's 1900 date system can hold; an earlier date (a typo like 05-07-1018)
#: gets a warning and is ignored (``is_before_excel``).
FIRST_EXCEL_DAY = dt.date(1900, 1, 1)

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


def is_before_excel(date: dt.date) -> bool:
    """A day before 1900, which Excel can't store as a date (its serial would be negative)."""
    return date < FIRST_EXCEL_DAY


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
            named = MONTHS.get(match.group(2).casefold())
            if named is not None:
                return dt.date(int(match.group(3)), named, int(match.group(1)))
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
    if key in synonyms.TRUE_WORDS:
        return True
    if key in synonyms.FALSE_WORDS:
        return False
    return None


class Synonyms:
    """Maps spellings to canonical names; suggests the closest known spelling for a typo."""

    def __init__(
        self,
        base: Mapping[str, Sequence[str]],
        extra: Mapping[str, Sequence[str]] | None = None,
        key: Callable[[str], str] = status_key,
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
        for field_name in terms.FIELDS:
            names = [*(extra or {}).get(field_name, ()), *synonyms.HEADER_SYNONYMS[field_name]]
            for rank, name in enumerate(names):
                self._lookup.setdefault(header_key(name), (field_name, rank))

    def match(self, cell: object) -> tuple[str, int] | None:
        if not isinstance(cell, str) or not cell.strip():
            return None
        return self._lookup.get(header_key(cell))


# --- Statuses as people write them -----------------------------------------------------------

#: A remark in brackets, closed or running to the end of the cell: "Afgerond (mei 2018".
_BRACKETED = re.compile(r"\([^)]*(?:\)|$)|\[[^\]]*(?:\]|$)")
_BRACKET_CHARS = str.maketrans(dict.fromkeys("()[]", " "))
#: Characters that end a status and start a remark: "Afgerond - zie notitie", "Lopend: fase 2",
#: "Afgerond. Zie notitie".
_SEPARATORS = frozenset("-–—:;,.|")
_PERCENTAGE = re.compile(
    r"^(\d{1,3}(?:[.,]\d+)?)\s*(?:"
    + "|".join(re.escape(w) for w in synonyms.PERCENT_WORDS)
    + r")(?=\W|$)\s*(.*)$"
)
_BARE_NUMBER = re.compile(r"^\d{1,3}(?:[.,]\d+)?$")
#: Tokens of a time in a remark: 5-7-2018, 2018, '18, 2019/2020, Q3, H1, 3e.
_TIME_TOKEN = re.compile(r"^(?:'?\d{1,4}(?:[-/.]\d{1,4}){0,2}|[qhk]\d|\d(?:e|de|ste|st|nd|rd|th))$")


def status_cell_text(value: object) -> str:
    """How a status cell is shown ("Status in register") and matched.

    A number from 0 to 1 is a share, as Excel stores a percentage cell (50% is 0.5): it reads
    "50%", "75,5%", "100%". Any other number stays as typed ("50", "2019"): a bare number in a
    status column is not guessed at; it is an unknown status whose hint offers "50%".
    Everything else is ``cell_text``.
    """
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= 1
    ):
        return percent_text(value * 100)
    return cell_text(value)


def percent_text(percent: float) -> str:
    """50.0 -> "50%", 75.5 -> "75,5%": at most two decimals, with a decimal comma."""
    shown = f"{round(percent, 2):.2f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",") + "%"


def percentage_status(percent: float) -> str | None:
    """100% is voltooid, anything above 0% lopend, 0% gepland; above 100% is no status."""
    if percent == 100:
        return terms.VOLTOOID
    if 0 < percent < 100:
        return terms.LOPEND
    if percent == 0:
        return terms.GEPLAND
    return None


def without_remarks(text: str) -> str:
    """The text without remarks in brackets; when only a bracket held anything, its content
    ("(afgerond)" is afgerond)."""
    kept = _BRACKETED.sub(" ", text)
    return kept if kept.strip() else text.translate(_BRACKET_CHARS)


def _words(phrases: Iterable[str]) -> list[tuple[str, ...]]:
    """Phrases as word tuples with dots left out ("i.v.m." is "ivm"), longest first."""
    split = {tuple(_plain(w) for w in status_key(p).split()) for p in phrases}
    return sorted(split, key=len, reverse=True)


def _plain(word: str) -> str:
    return word.replace(".", "")


_REMARK_WORDS = _words(synonyms.STATUS_REMARK_WORDS)
_TIME_PREPOSITIONS = _words(synonyms.STATUS_TIME_WORDS)
_NEGATIONS = frozenset(synonyms.NEGATION_WORDS)


def _starts_with(words: Sequence[str], phrases: list[tuple[str, ...]]) -> int:
    """How many of ``words`` the longest phrase they start with takes; 0 for none."""
    plain = [_plain(w) for w in words]
    for phrase in phrases:
        if tuple(plain[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


def is_time(words: Sequence[str]) -> bool:
    """Words that only say when: "mei 2018", "5-7-2018", "eind 2018", "Q3 2019", "week 12"."""
    tokens = [t.strip(".") for w in words for t in re.split(r"[/,]+", w)]
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(
        _TIME_TOKEN.match(t)
        or t in MONTHS
        or t in synonyms.TIME_WORDS
        or not any(ch.isalnum() for ch in t)
        for t in tokens
    )


def _distance(one: str, other: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from one to the other; any number
    above ``limit`` is returned as ``limit + 1``."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, start=1):
        current = [i] + [0] * len(other)
        for j, b in enumerate(other, start=1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a != b),
            )
            if before is not None and i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def typo_limit(length: int) -> int:
    """How many edits a typo of a spelling this long may have: none below 3 characters, one up
    to 5, two up to 10, three beyond."""
    if length < 3:
        return 0
    if length <= 5:
        return 1
    return 2 if length <= 10 else 3


class StatusMatcher(Synonyms):
    """Statuses as they are written in real registers, for the status column only.

    ``match`` knows every spelling of ``synonyms.STATUS_SPELLINGS`` (and the organisation's
    own, which win) and also reads, in this order:

    - a remark in brackets is ignored: "Afgerond (mei 2018)" is voltooid;
    - a percentage: "100%" voltooid, "50 %" and "75,5%" lopend, "0%" gepland; a percentage
      decides whatever follows it ("80% gereed" is lopend), unless a negation follows;
    - a known spelling followed by a remark: a time ("Afgerond mei 2018", "Afgerond
      05-07-2018"), a remark word and anything after it ("Uitgesteld naar 2019", "Gestopt
      i.v.m. budget"), a preposition and a time ("Gepland voor Q3 2019"), or a separator and
      anything that is neither a negation nor another status ("Afgerond - zie notitie").

    It never matches by mere prefix: "klaar voor start" is not klaar (it is a spelling of
    gepland), "nog niet afgerond" and "Afgerond: nee" are unknown.

    ``suggest`` offers a spelling only for a typo: within ``typo_limit`` edits, and only when
    every spelling that close means the same status, so a suggestion never crosses meanings.
    ``lang`` (the language of the run) breaks a tie between equally close spellings.
    """

    def __init__(
        self,
        extra: Mapping[str, Sequence[str]] | None = None,
        *,
        lang: str | None = None,
        spellings: Mapping[str, Mapping[str, Sequence[str]]] = synonyms.STATUS_SPELLINGS,
    ) -> None:
        base = {
            status: tuple(name for names in by_lang.values() for name in names)
            for status, by_lang in spellings.items()
        }
        super().__init__(base, extra)
        self._lang_of: dict[str, set[str]] = {}
        for by_lang in spellings.values():
            for language, names in by_lang.items():
                for name in names:
                    self._lang_of.setdefault(status_key(name), set()).add(language)
        self._run_lang = lang
        self._spellings = [tuple(key.split()) for key in self._lookup]
        self._spellings.sort(key=len, reverse=True)
        self._order = {key: rank for rank, key in enumerate(self._lookup)}

    def match(self, text: str) -> str | None:
        """The canonical status ``text`` stands for, or None."""
        exact = self._lookup.get(self._key(text))
        if exact is not None:
            return exact
        key = self._key(without_remarks(text))
        if not key:
            return None
        return (
            self._lookup.get(key)
            or self._percentage(key)
            or self._spelling_with_remark(key.split())
        )

    def suggest(self, text: str) -> tuple[str, str] | None:
        """(a known spelling, the canonical status it stands for) for a typo, or None.

        A bare number above 1 up to 100, or 0, is offered as a percentage ("50" -> "50%",
        lopend); "1" or "0,5" could be a share or a percentage, so they get nothing."""
        key = self._key(without_remarks(text))
        if _BARE_NUMBER.match(key):
            percent = float(key.replace(",", "."))
            status = percentage_status(percent)
            if status is not None and (percent == 0 or 1 < percent <= 100):
                return percent_text(percent), status
            return None
        limit = typo_limit(len(key))
        if not limit:
            return None
        close = []
        size = len(key)
        for candidate in self._lookup:
            if abs(len(candidate) - size) > limit:
                continue
            distance = _distance(key, candidate, limit)
            if distance <= limit:
                close.append((distance, candidate))
        if not close or len({self._lookup[c] for _, c in close}) > 1:
            return None
        _, best = min(close, key=lambda hit: (hit[0], self._foreign(hit[1]), self._order[hit[1]]))
        return self._names[best], self._lookup[best]

    def _foreign(self, key: str) -> bool:
        """A spelling of another language than the run's (the organisation's own words are of
        every language)."""
        languages = self._lang_of.get(key)
        return bool(self._run_lang and languages and self._run_lang not in languages)

    def _percentage(self, key: str) -> str | None:
        """A percentage decides, whatever follows it ("80% gereed" is lopend); but when a
        negation follows, only if the rest says the same ("0% niet gestart")."""
        found = _PERCENTAGE.match(key)
        if found is None:
            return None
        status = percentage_status(float(found.group(1).replace(",", ".")))
        rest = found.group(2).lstrip("".join(_SEPARATORS)).split()
        if status and rest and rest[0].strip(".,;:!?") in _NEGATIONS:
            return status if self.match(" ".join(rest)) == status else None
        return status

    def _spelling_with_remark(self, words: list[str]) -> str | None:
        """A known spelling at the start, the rest a remark (see the class docstring)."""
        for spelling in self._spellings:
            taken = self._taken(words, spelling)
            if taken is None:
                continue
            status = self._lookup[" ".join(spelling)]
            if self._is_remark(words[len(spelling) :], taken, status):
                return status
        return None

    @staticmethod
    def _taken(words: list[str], spelling: tuple[str, ...]) -> str | None:
        """What ``words`` hold right after ``spelling`` within its last word ("" or a
        separator such as the ":" of "afgerond:"), or None when they don't start with it."""
        if len(words) < len(spelling) or tuple(words[: len(spelling) - 1]) != spelling[:-1]:
            return None
        last, word = spelling[-1], words[len(spelling) - 1]
        if not word.startswith(last):
            return None
        tail = word[len(last) :]
        if tail and not all(ch in _SEPARATORS for ch in tail):
            return None
        return tail

    def _is_remark(self, rest: list[str], tail: str, status: str) -> bool:
        if not rest and not tail:
            return True
        if tail or (rest and rest[0][0] in _SEPARATORS):
            if not tail:
                rest = [rest[0].lstrip("".join(_SEPARATORS)), *rest[1:]]
                rest = [w for w in rest if w]
            return not rest or (
                rest[0].strip(".,;:!?") not in _NEGATIONS and self._starts_other(rest, status)
            )
        if _starts_with(rest, _REMARK_WORDS):
            return True
        if taken := _starts_with(rest, _TIME_PREPOSITIONS):
            return is_time(rest[taken:])
        return is_time(rest)

    def _starts_other(self, rest: list[str], status: str) -> bool:
        """True unless the remark starts with a spelling of another status ("lopend -
        gepland" is two statuses, not one with a remark)."""
        for spelling in self._spellings:
            if self._taken(rest, spelling) is not None:
                return self._lookup[" ".join(spelling)] == status
        return True
