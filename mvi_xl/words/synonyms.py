"""How registers spell things: header names, status spellings, progress lights and colour
words, sheet names, the words of total and notes rows, theme names.

Everything a coordinator might want to read or extend is plain data here; the configuration file
(``mvi-xl.toml``) adds header and status synonyms on top of these. Matching ignores case and
spacing (``terms.header_key``, ``terms.status_key``).
"""

from __future__ import annotations

from .terms import (
    AMBITIEUS,
    BASIS,
    GEPLAND,
    LANGUAGES,
    LOPEND,
    PLANNED,
    REALISED,
    SIGNIFICANT,
    VERVALLEN,
    VOLTOOID,
)

#: Header names per field, most specific first: when two columns match one field, the column
#: whose name comes earlier in this list wins and the other is reported.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("Nr", "Nummer", "ID", "Actienummer", "Actienr", "Actie nr", "No", "Number"),
    "action": (
        "Actie",
        "Omschrijving",
        "Maatregel",
        "Activiteit",
        "Omschrijving actie",
        "Actieomschrijving",
        "Action",
        "Description",
    ),
    "period": ("Periode", "Planning", "Categorie", "Fase", "Cohort", "Period", "Category"),
    "status": ("Status", "Stand", "Stand van zaken", "State"),
    "theme": ("Thema", "MVI-thema", "MVI thema", "Theme"),
    "ambition": (
        "Ambitieniveau",
        "Ambitie",
        "MVI-ambitie",
        "Ambitieniveau MVI",
        "Ambition level",
        "Ambition",
    ),
    "department": ("Afdeling", "Team", "Directie", "Cluster", "Department"),
    "owner": (
        "Eigenaar",
        "Trekker",
        "Verantwoordelijke",
        "Budgethouder",
        "Actiehouder",
        "Owner",
    ),
    "start": ("Startdatum", "Start", "Begindatum", "Start date"),
    "end": ("Einddatum", "Deadline", "Geplande einddatum", "Due date", "End date"),
    "completed": (
        "Datum gereed",
        "Gereed op",
        "Afgerond op",
        "Datum voltooid",
        "Datum afgerond",
        "Gerealiseerd op",
        "Completed",
        "Completed on",
        "Completion date",
    ),
    "notes": ("Toelichting", "Opmerking", "Opmerkingen", "Notitie", "Notes", "Remarks"),
    "progress": ("Voortgang", "Stoplicht", "Progress"),
    "highlight": ("Op monitor", "Uitgelicht", "Highlight", "On monitor"),
}


#: Status spellings per canonical status and per language, as people write them. Where a
#: spelling could mean two things, the choice is documented in README.md ("The register"):
#: on hold, geparkeerd, uitgesteld and in voorbereiding are gepland (still to be done, nothing
#: happening now); doorlopend is lopend; n.v.t. is vervallen (the action does not apply); "klaar
#: voor start" is ready to start, so gepland. Matching ignores case and spacing (``status_key``).
STATUS_SPELLINGS: dict[str, dict[str, tuple[str, ...]]] = {
    VOLTOOID: {
        "nl": (
            "voltooid",
            "afgerond",
            "gereed",
            "gerealiseerd",
            "klaar",
            "opgeleverd",
            "uitgevoerd",
            "gedaan",
            "behaald",
        ),
        "en": ("done", "completed", "complete", "finished", "delivered"),
    },
    LOPEND: {
        "nl": (
            "lopend",
            "in uitvoering",
            "bezig",
            "nog bezig",
            "gestart",
            "loopt",
            "loopt nog",
            "loopt door",
            "doorlopend",
            "in behandeling",
        ),
        "en": ("in progress", "ongoing", "running", "started", "continuous"),
    },
    GEPLAND: {
        "nl": (
            "gepland",
            "nog niet gestart",
            "niet gestart",
            "nog niet begonnen",
            "open",
            "te doen",
            "nog te doen",
            "in voorbereiding",
            "nog op te starten",
            "op te starten",
            "nog te starten",
            "te starten",
            "klaar voor start",
            "uitgesteld",
            "geparkeerd",
            "on hold",
        ),
        "en": (
            "planned",
            "not started",
            "todo",
            "to do",
            "in preparation",
            "postponed",
            "deferred",
            "parked",
            "paused",
        ),
    },
    VERVALLEN: {
        "nl": (
            "vervallen",
            "geannuleerd",
            "gestopt",
            "ingetrokken",
            "geschrapt",
            "n.v.t.",
            "nvt",
            "niet van toepassing",
        ),
        "en": ("cancelled", "canceled", "dropped", "stopped", "n/a", "not applicable"),
    },
}

#: Every spelling per canonical status, the languages together (Dutch first).
STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    status: tuple(name for lang in LANGUAGES for name in by_lang.get(lang, ()))
    for status, by_lang in STATUS_SPELLINGS.items()
}

#: What may follow a known status spelling as a remark, so that "Uitgesteld naar 2019" is
#: uitgesteld and "Gestopt i.v.m. budget" is gestopt. After these words anything may follow.
STATUS_REMARK_WORDS: tuple[str, ...] = (
    "naar",
    "tot",
    "tot en met",
    "t/m",
    "per",
    "sinds",
    "vanaf",
    "wegens",
    "i.v.m.",
    "in verband met",
    "vanwege",
    "zie",
    "met",
    "until",
    "since",
    "from",
    "due to",
    "because",
    "see",
    "with",
)
#: After these words only a time may follow ("Afgerond op 5-7-2018", "Gepland voor Q3 2019"),
#: so "klaar voor start" is not klaar and "gereed voor aanbesteding" not gereed.
STATUS_TIME_WORDS: tuple[str, ...] = (
    "op",
    "in",
    "voor",
    "rond",
    "omstreeks",
    "on",
    "by",
    "before",
    "around",
    "to",
)
#: Words that, with month names, numbers and dates, make up a time: "eind 2018", "week 12".
TIME_WORDS: frozenset[str] = frozenset(
    {
        "eind",
        "einde",
        "begin",
        "medio",
        "midden",
        "half",
        "helft",
        "kwartaal",
        "week",
        "wk",
        "jaar",
        "voorjaar",
        "najaar",
        "zomer",
        "winter",
        "end",
        "early",
        "mid",
        "late",
        "quarter",
        "year",
        "spring",
        "summer",
        "autumn",
        "fall",
    }
)
#: A remark after a separator ("Afgerond - zie notitie") is ignored, unless it starts with one
#: of these: "Afgerond: nee" is not afgerond.
NEGATION_WORDS: tuple[str, ...] = ("niet", "nee", "geen", "nooit", "no", "not", "never")
#: A percentage is a status: 100% voltooid, more than 0% lopend, 0% gepland.
PERCENT_WORDS: tuple[str, ...] = ("%", "procent", "percent")

# --- Periods -----------------------------------------------------------------------------------

#: Words of labels that are a period of time ("3e kwartaal 2019", "eerste helft 2020",
#: "2019 t/m 2022", "Jaar 2019"); see mvi_xl/periods.py. Such labels are ordered by time.
QUARTER_WORDS: tuple[str, ...] = ("kwartaal", "quarter")
HALF_WORDS: tuple[str, ...] = ("helft", "halfjaar", "half", "semester")
ORDINAL_WORDS: dict[str, int] = {
    "eerste": 1,
    "tweede": 2,
    "derde": 3,
    "vierde": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}
ORDINAL_SUFFIXES: tuple[str, ...] = ("ste", "de", "e", "st", "nd", "rd", "th")
RANGE_WORDS: tuple[str, ...] = ("tot en met", "t/m", "tot", "to", "until")
PERIOD_WORDS: tuple[str, ...] = ("jaar", "periode", "year", "period")

# --- Ambition levels ---------------------------------------------------------------------------

#: Ambition levels as registers and mvi-xl.toml spell them: the Manifest MVOI 2022-2025's
#: words (basis, significant, ambitieus) and their English. Matched as headers are
#: (``terms.header_key``: case, spaces, dashes and a remark in brackets ignored), so
#: "Ambitieus (niveau 3)" and "basis-niveau" are known; anything else is not guessed at.
AMBITION_SPELLINGS: dict[str, tuple[str, ...]] = {
    BASIS: ("basis", "basisniveau", "basic", "basic level", "base"),
    SIGNIFICANT: (
        "significant",
        "significant niveau",
        "significante",
        "significant level",
        "substantial",
    ),
    AMBITIEUS: ("ambitieus", "ambitieus niveau", "ambitieuze", "ambitious", "ambitious level"),
}

# --- Progress lights and highlight flags -------------------------------------------------------

PROGRESS_SYNONYMS: dict[str, tuple[str, ...]] = {
    "groen": ("groen", "green", "op schema", "on track"),
    "oranje": ("oranje", "orange", "amber", "geel", "vraagt aandacht", "at risk"),
    "rood": ("rood", "red", "achter", "achter op schema", "off track"),
}

#: Colour words as coordinators write them (in a legend, in ``[statuses] colours``), to the
#: colour names mvi-xl gives a cell's fill (see reader/fills.py).
COLOUR_WORDS: dict[str, str] = {
    "groen": "groen",
    "green": "groen",
    "oranje": "oranje",
    "orange": "oranje",
    "amber": "oranje",
    "geel": "geel",
    "yellow": "geel",
    "rood": "rood",
    "red": "rood",
    "blauw": "blauw",
    "blue": "blauw",
    "grijs": "grijs",
    "grey": "grijs",
    "gray": "grijs",
    "paars": "paars",
    "purple": "paars",
    "roze": "roze",
    "pink": "roze",
    "wit": "wit",
    "white": "wit",
    "zwart": "zwart",
    "black": "zwart",
}
#: The progress light a fill colour stands for; other colours are not a light.
PROGRESS_COLOURS: dict[str, str] = {
    "groen": "groen",
    "oranje": "oranje",
    "geel": "oranje",
    "rood": "rood",
}

TRUE_WORDS: frozenset[str] = frozenset(
    {"ja", "j", "yes", "y", "x", "waar", "true", "1", "✓", "✔", "☑", "v"}
)
FALSE_WORDS: frozenset[str] = frozenset({"nee", "n", "no", "onwaar", "false", "0", ""})

# --- Optional sheets in the register -----------------------------------------------------------

FOCUS_SHEET_NAMES: tuple[str, ...] = ("Aandachtspunten", "Aandachtspunt", "Focus points")
COMMUNICATION_SHEET_NAMES: tuple[str, ...] = (
    "Communicatie",
    "Communicatiemomenten",
    "Communication",
)
COMMUNICATION_HEADERS: dict[str, tuple[str, ...]] = {
    "moment": ("Moment", "Communicatiemoment", "Omschrijving", "Activiteit", "Description"),
    "date": ("Datum", "Date", "Wanneer"),
    "status": ("Status", "Stand", "State"),
}
COMMUNICATION_STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    REALISED: ("gerealiseerd", "gedaan", "voltooid", "afgerond", "geweest", "done", "realised"),
    PLANNED: ("gepland", "planning", "te doen", "gaat komen", "planned"),
}

#: Signals the monitor can raise, in the order they are listed. See compute.find_signals.
#: How Office, Windows and browsers name a copy of a file: of two byte-identical registers the
#: one not named so is read ("Inkoop.xlsx" rather than "Kopie van Inkoop.xlsx" or "Inkoop -
#: Kopie (2).xlsx"), so the Bron column and the history keep the original's name.
COPY_NAME_PREFIXES: tuple[str, ...] = ("kopie van ", "copy of ")
COPY_NAME_SUFFIXES: tuple[str, ...] = (" - kopie", " - copy", " kopie", " copy")

# --- Rows that are not actions -----------------------------------------------------------------

#: A cell starting with one of these opens a total row ("Totaal", "Subtotaal Klimaat",
#: "waarvan afgerond"), whatever follows. Matched on the status key (case and spacing ignored).
TOTAL_WORDS: tuple[str, ...] = (
    "totaal",
    "subtotaal",
    "eindtotaal",
    "totalen",
    "waarvan",
    "total",
    "subtotal",
    "grand total",
    "of which",
)
#: These open a total row only beside a number ("Aantal acties: 124"): an action's text may
#: start with them too ("Aantal leveranciers met de CO2-ladder verhogen").
COUNT_WORDS: tuple[str, ...] = (
    "aantal",
    "som",
    "gemiddeld",
    "gemiddelde",
    "count",
    "sum",
    "average",
)
#: A cell starting with one of these, under the last action, opens a notes block ("Toelichting:",
#: "Legenda: groen = op schema", "Bron: eigen inventarisatie"); so does "*".
NOTES_WORDS: tuple[str, ...] = (
    "toelichting",
    "legenda",
    "bron",
    "bronnen",
    "noot",
    "noten",
    "nb",
    "n.b",
    "opmerking",
    "opmerkingen",
    "let op",
    "uitleg",
    "verklaring",
    "legend",
    "note",
    "notes",
    "source",
    "sources",
    "key",
)

#: The six national MVI themes, offered in the starter register's dropdown.
NATIONAL_THEMES: tuple[str, ...] = (
    "Milieu",
    "Klimaat",
    "Circulair",
    "Ketenverantwoordelijkheid (ISV)",
    "Diversiteit & Inclusie",
    "Social Return",
)

#: Names under which registers keep the national themes (and a few themes many organisations
#: add), used to recognise theme columns ("Klimaat" holding an x), sheets named after themes,
#: and names that a separator inside must not split ("Diversiteit en inclusie"). A theme keeps
#: the register's own spelling; ``[themes] names`` in mvi-xl.toml adds the organisation's own.
THEME_NAMES: tuple[str, ...] = (
    *NATIONAL_THEMES,
    "Milieu en biodiversiteit",
    "Milieu & biodiversiteit",
    "Biodiversiteit",
    "Klimaat en energie",
    "Energie",
    "Klimaatadaptatie",
    "Circulaire economie",
    "Circulair inkopen",
    "Biobased",
    "Circulair en biobased",
    "Ketenverantwoordelijkheid",
    "Internationale sociale voorwaarden",
    "Ketenverantwoordelijkheid / ISV",
    "ISV",
    "Diversiteit en inclusie",
    "Social Return on Investment",
    "SROI",
    "Innovatie",
    "MKB-vriendelijk",
    "MKB-vriendelijk inkopen",
)
#: Sheet names that stand beside theme sheets as a theme of their own ("Overig").
GENERAL_THEMES: tuple[str, ...] = ("Overig", "Overige", "Overige thema's", "Algemeen")
#: A sheet named "Afdeling Inkoop", "Team Vastgoed": one sheet per department.
DEPARTMENT_WORDS: tuple[str, ...] = ("afdeling", "team", "directie", "cluster", "sector", "dienst")
#: A header "Thema Klimaat" names the theme column Klimaat.
THEME_PREFIXES: tuple[str, ...] = ("thema", "theme", "mvi thema", "mvi-thema")

#: Periods offered in the starter register's dropdown, edited by the user on its Lijsten sheet.
STARTER_PERIODS: tuple[str, ...] = (
    "Wat doen we al goed?",
    "Aan de slag in {year}",
    "Aan de slag in {next_year}-{last_year}",
    "Actie doorlopend",
)

# --- Colours -----------------------------------------------------------------------------------
