"""The terms of the domain: register fields, the four statuses, signals, and the keys names are
matched on.

These are the words mvi-xl reasons with; how registers spell them is in ``synonyms``, how the
monitor shows them in ``labels`` and the catalogues (``i18n``).
"""

from __future__ import annotations

import re
import unicodedata

# --- Columns of the register -------------------------------------------------------------------

#: Register fields in the order they appear on the Acties sheet.
FIELDS: tuple[str, ...] = (
    "id",
    "action",
    "period",
    "status",
    "theme",
    "ambition",
    "department",
    "owner",
    "start",
    "end",
    "completed",
    "progress",
    "highlight",
    "notes",
)

REQUIRED_FIELDS: tuple[str, ...] = ("action", "period", "status")

#: Fields whose cells are dates.
DATE_FIELDS: frozenset[str] = frozenset({"start", "end", "completed"})

# --- Statuses ----------------------------------------------------------------------------------

VOLTOOID = "voltooid"
LOPEND = "lopend"
GEPLAND = "gepland"
VERVALLEN = "vervallen"
ONBEKEND = "onbekend"

#: The four canonical statuses in the order of every table and chart.
STATUSES: tuple[str, ...] = (VOLTOOID, LOPEND, GEPLAND, VERVALLEN)

LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Message parameters that hold a canonical status code, shown in the language of the run.
STATUS_PARAMS: frozenset[str] = frozenset({"canonical"})

#: A period whose label contains one of these words never ends: its headline measure is lopend.
CONTINUOUS_MARKERS: tuple[str, ...] = ("doorlopend", "continuous")

#: The headline measure of a period: what counts as success for it.
HEADLINE_STATUS = {False: VOLTOOID, True: LOPEND}

#: The ambition levels of the Manifest MVOI 2022-2025 a signatory chooses per theme, lowest
#: first; how registers and mvi-xl.toml spell them is in ``synonyms.AMBITION_SPELLINGS``.
BASIS = "basis"
SIGNIFICANT = "significant"
AMBITIEUS = "ambitieus"
AMBITION_LEVELS: tuple[str, ...] = (BASIS, SIGNIFICANT, AMBITIEUS)

#: Whether a theme with a target is on course (ambitions.py): the target reached, on course
#: (at least the share expected by now), behind, or past its date without reaching it.
COURSES: tuple[str, ...] = ("met", "on_course", "behind", "not_met")

#: Communication moments: done or still to come.
REALISED = "gerealiseerd"
PLANNED = "gepland"

#: Signals the monitor can raise, in the order they are listed. See compute.find_signals.
SIGNALS: tuple[str, ...] = (
    "overdue",
    "running_without_owner",
    "date_not_done",
    "done_without_date",
    "progress_attention",
    "period_ending",
)

#: Notices for the terminal only: they would make two identical builds differ in the workbook.
TERMINAL_ONLY_NOTICES: frozenset[str] = frozenset({"history_new"})


# --- Matching ----------------------------------------------------------------------------------

_PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_ALNUM = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def header_key(text: object) -> str:
    """Reduce a header cell to the form headers are matched on.

    Case, accents, spaces, punctuation and a trailing explanation in brackets are ignored, so
    "MVI-thema", "mvi thema " and "Status (gepland/lopend/voltooid)" match "MVI thema" and
    "Status".
    """
    text = _PARENTHESISED.sub(" ", str(text))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", text.casefold())


def status_key(text: object) -> str:
    """Reduce a status cell to the form statuses are matched on: case and spacing ignored."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return _SPACES.sub(" ", text).strip(" .,;:!-_*")


#: A dash or slash between two parts of a label ("2022-2023", "2022 – 2023", "Q1 / Q2"): any
#: kind of dash is a hyphen, and spaces around it don't count.
_JOINER = re.compile(r"\s*([-\u2010-\u2015\u2212/])\s*")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


def label_key(text: str) -> str:
    """The key under which two spellings of one label (a period, a department, a theme) are
    the same: case, runs of spaces, the kind of dash and spaces around dashes and slashes don't
    count ("Aan de slag in 2022 – 2023" is "aan de slag in 2022-2023")."""
    key = _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return _JOINER.sub(r"\1", key).translate(_DASHES)


def is_continuous_label(label: str) -> bool:
    key = label_key(label)
    return any(marker in key for marker in CONTINUOUS_MARKERS)
