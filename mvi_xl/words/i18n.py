"""Words in the language of a run: the gettext catalogues and the few lookups around them.

The English texts are in the code (``labels``, ``*_messages``, the help texts of ``cli``); the
catalogues ``mvi_xl/locale/<lang>/LC_MESSAGES/mvi_xl.mo`` translate them, one entry per key
(msgctxt) so that equal English with different Dutch stays apart. A catalogue is read with the
standard library's ``gettext`` once, when its language is first used; Babel only compiles the
catalogues (``make catalogues``), it is never imported at run time.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import cache
from pathlib import Path

from .ambition_messages import AMBITION_MESSAGES
from .file_messages import FILE_MESSAGES
from .labels import LABELS, Plural
from .page_messages import PAGE_MESSAGES
from .reason_messages import REASON_MESSAGES
from .register_messages import REGISTER_MESSAGES
from .run_messages import RUN_MESSAGES
from .terms import LANGUAGES, STATUS_PARAMS

#: The gettext domain of mvi-xl: its catalogues, and click's words in them (``command_line``).
DOMAIN = "mvi_xl"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: Every warning and error: code -> (English message, English hint), filled with str.format.
MESSAGES: dict[str, tuple[str | Plural, str]] = {
    **REGISTER_MESSAGES,
    **FILE_MESSAGES,
    **REASON_MESSAGES,
    **RUN_MESSAGES,
    **PAGE_MESSAGES,
    **AMBITION_MESSAGES,
}


def hint_context(code: str) -> str:
    """The msgctxt of a message's hint (the message itself has its code)."""
    return f"{code}.hint"


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``, read once. gettext keeps it by file, so click's words
    (looked up through the global domain, see ``command_line``) share it."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[lang])


def translate(lang: str, context: str, text: str | Plural, n: int | None = None) -> str:
    """``text`` (a msgid, or a Plural and its count) in ``lang``: pgettext, or npgettext."""
    if isinstance(text, Plural):
        if n is None:
            raise TypeError(f"{context!r} depends on a count")
        return catalogue(lang).npgettext(context, text.one, text.other, n)
    return catalogue(lang).pgettext(context, text) if text else ""


@cache
def _labels(lang: str) -> dict[str, str]:
    """The labels of ``lang`` that need no count, looked up once: a renderer asks for some of
    them once per row."""
    return {
        key: translate(lang, key, text) for key, text in LABELS.items() if isinstance(text, str)
    }


class Phrase:
    """Part of a message that has words of its own (why a register is unreadable, say): a
    message code and its parameters, put into words in the language of the message that
    carries it. Only its text is used; its hint stays empty."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    def text(self, lang: str) -> str:
        return message(lang, self.code, **self.params)[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, {self.params!r})"

    def __str__(self) -> str:
        return self.text("en")


def message(lang: str, code: str, /, **params: object) -> tuple[str, str]:
    """The (message, hint) pair for a warning or error code, filled in. A Phrase among the
    parameters is put into words in the same language, a parameter that holds a canonical
    status (``STATUS_PARAMS``) is shown in ``lang`` ("voltooid" becomes "completed"), and a
    message that counts (a Plural) takes the form its count asks for."""
    text, hint = MESSAGES[code]
    filled = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in params.items()}
    for name in STATUS_PARAMS & filled.keys():
        filled[name] = _labels(lang).get(f"status.{filled[name]}", filled[name])
    count = filled.get(text.n) if isinstance(text, Plural) else None
    n = count if isinstance(count, int) else None
    return (
        translate(lang, code, text, n).format(**filled),
        translate(lang, hint_context(code), hint).format(**filled),
    )


class Words:
    """The labels of one language, with the few lookups every renderer needs."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self._labels = _labels(lang)

    def __getitem__(self, key: str) -> str:
        return self._labels[key]

    def plural(self, key: str, n: int, /, **params: object) -> str:
        """A label that counts, in the form ``n`` asks for, filled in: "1 actie", "3 acties"."""
        text = LABELS[key]
        if not isinstance(text, Plural):
            raise TypeError(f"{key!r} does not count; use words[{key!r}]")
        return translate(self.lang, key, text, n).format(**{text.n: n}, **params)

    def section(self, prefix: str) -> dict[str, str]:
        """The labels under ``prefix.`` by their last part, for a writer that keeps its own
        words together (``year.title`` is ``section("year")["title"]``); counting labels are
        left out (``plural`` takes them)."""
        start = prefix + "."
        return {
            key[len(start) :]: self[key]
            for key, text in LABELS.items()
            if key.startswith(start) and not isinstance(text, Plural)
        }

    def status(self, status: str) -> str:
        return self._labels[f"status.{status}"]

    def period(self, period: str) -> str:
        """A period label as shown; the bucket for actions without a period gets its name."""
        return period or self._labels["no_period"]

    def field(self, field_name: str) -> str:
        return self._labels[f"field.{field_name}"]

    def realised_heading(self, year: int | None, since: dt.date | None) -> str:
        """The heading of the realised list: of a year's monitor, since the day compared
        with, or plain."""
        if year is not None:
            return self["realised.year"].format(year=year)
        if since is None:
            return self["realised"]
        return self["realised.since"].format(since=self.date(since))

    @staticmethod
    def date(value: dt.date | None) -> str:
        """Dates as the Dutch write them, in both languages: 01-06-2018."""
        return value.strftime("%d-%m-%Y") if value is not None else ""
