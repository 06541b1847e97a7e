"""The words mvi-xl knows: header names, statuses, periods, labels and colours.

Everything a coordinator might want to read or extend lives here as plain data. Code elsewhere
looks words up in these tables; it never spells a Dutch or English label itself. The
configuration file (``mvi-xl.toml``) can add header and status synonyms on top of these.
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

#: Message parameters that hold a canonical status code, shown in the language of the run.
STATUS_PARAMS: frozenset[str] = frozenset({"canonical"})

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

#: A period whose label contains one of these words never ends: its headline measure is lopend.
CONTINUOUS_MARKERS: tuple[str, ...] = ("doorlopend", "continuous")

#: The headline measure of a period: what counts as success for it.
HEADLINE_STATUS = {False: VOLTOOID, True: LOPEND}

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
REALISED = "gerealiseerd"
PLANNED = "gepland"
COMMUNICATION_STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    REALISED: ("gerealiseerd", "gedaan", "voltooid", "afgerond", "geweest", "done", "realised"),
    PLANNED: ("gepland", "planning", "te doen", "gaat komen", "planned"),
}

#: Signals the monitor can raise, in the order they are listed. See compute.find_signals.
SIGNALS: tuple[str, ...] = (
    "overdue",
    "running_without_owner",
    "date_not_done",
    "done_without_date",
    "progress_attention",
    "period_ending",
)

#: How Office, Windows and browsers name a copy of a file: of two byte-identical registers the
#: one not named so is read ("Inkoop.xlsx" rather than "Kopie van Inkoop.xlsx" or "Inkoop -
#: Kopie (2).xlsx"), so the Bron column and the history keep the original's name.
COPY_NAME_PREFIXES: tuple[str, ...] = ("kopie van ", "copy of ")
COPY_NAME_SUFFIXES: tuple[str, ...] = (" - kopie", " - copy", " kopie", " copy")

#: Notices for the terminal only: they would make two identical builds differ in the workbook.
TERMINAL_ONLY_NOTICES: frozenset[str] = frozenset({"history_new"})

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

#: Status colours (fill of chart series and of the status cells on the Acties sheet).
STATUS_COLOURS: dict[str, str] = {
    VOLTOOID: "#4E9A43",
    LOPEND: "#F2A93B",
    GEPLAND: "#5B8DB8",
    VERVALLEN: "#9E9E9E",
    ONBEKEND: "#C0392B",
}

#: House colours; ``[colours]`` in mvi-xl.toml overrides any of these and the status colours.
HOUSE_COLOURS: dict[str, str] = {
    "accent": "#1F4E79",
    "header_fill": "#DCE6F1",
    "light_fill": "#F3F6FA",
    "text": "#1A1A1A",
}

# --- Labels per language -----------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # sheets
        "sheet.monitor": "Monitor",
        "sheet.actions": "Acties",
        "sheet.notes": "Toelichting",
        "sheet.history": "Historie",
        "sheet.department": "Per afdeling",
        "sheet.theme": "Per thema",
        "sheet.source": "Per bron",
        "group.department": "Afdeling",
        "group.theme": "Thema",
        "group.source": "Bron",
        "group.none.department": "(geen afdeling)",
        "group.none.theme": "(geen thema)",
        "group.none.source": "(geen bron)",
        "group.title.department": "Acties per afdeling",
        "group.title.theme": "Acties per thema",
        "group.title.source": "Acties per bron",
        "group.chart.department": "Aantal acties per status per afdeling",
        "group.chart.theme": "Aantal acties per status per thema",
        "group.chart.source": "Aantal acties per status per bron",
        "col.done_share": "Aandeel voltooid",
        "signals": "Signalen uit het register",
        "signal.overdue": "{count} actie(s) over de einddatum en niet voltooid",
        "signal.short.overdue": "over einddatum",
        "signal.short.running_without_owner": "lopend zonder eigenaar",
        "signal.short.date_not_done": "datum gereed, niet voltooid",
        "signal.short.done_without_date": "voltooid zonder datum",
        "signal.short.progress_attention": "voortgang oranje/rood",
        "signal.short.period_ending": "periode loopt af",
        "field.signals": "Signalen",
        "signal.running_without_owner": "{count} lopende actie(s) zonder eigenaar",
        "signal.date_not_done": "{count} actie(s) met een datum gereed maar niet voltooid",
        "signal.done_without_date": "{count} voltooide actie(s) zonder datum gereed",
        "signal.progress_attention": "{count} actie(s) met voortgang oranje of rood",
        "signal.period_ending": "{period}: loopt af op {end} en {share} is voltooid "
        "({count} actie(s) open)",
        "scope": "Afdeling {department}",
        "field.source": "Rij in register",
        "field.origin": "Bron",
        "field.sheet": "Werkblad",
        "field.section": "Sectie",
        "group.several_themes": "Een actie met meer thema's telt bij elk thema mee: de kolom "
        "kan optellen tot meer dan de {count} acties.",
        "history.title": "Verloop over de monitors",
        "history.as_of": "Peildatum",
        "history.continuous": "Doorlopend",
        "history.chart": "Aantal acties per status per peildatum",
        "change.header": "t.o.v. {since}",
        "change.none": "geen wijziging",
        "change.no_snapshot": "Geen momentopname op {since}: de aantallen zijn niet vergeleken; "
        "gerealiseerd is geteld naar de datum gereed.",
        "history.kind": "Soort",
        "history.kind.published": "gepubliceerd",
        "history.kind.refresh": "tussenstand",
        "notes.notices": "Ter informatie",
        # monitor page
        "title": "Maatschappelijk Verantwoord Inkopen",
        "as_of": "Peildatum",
        "chart.title": "Aantal acties per status per periode",
        "table.title": "Aantal acties per status",
        "focus": "Aandachtspunten",
        "communication": "Communicatiemomenten",
        "communication.realised": "Gerealiseerd",
        "communication.planned": "Planning",
        "running": "Lopende acties",
        "planned": "Geplande acties",
        "realised": "Gerealiseerde acties",
        "realised.since": "Gerealiseerde acties (t.o.v. {since})",
        "realised.no_column": "Het register heeft geen kolom 'Datum gereed'.",
        "more": "+{count} meer",
        "none": "Geen",
        "no_period": "(geen periode)",
        # status table columns
        "col.period": "Periode",
        "col.total": "Totaal",
        "col.headline_status": "Kernstatus",
        "col.headline": "Kerncijfer",
        "col.share": "Aandeel",
        "col.complete": "Gereed",
        "row.total": "Totaal",
        "table.note": (
            "Kerncijfer: aantal voltooid; voor een doorlopende periode het aantal lopend. "
            "☑ = niets meer gepland of lopend."
        ),
        # statuses
        "status.voltooid": "voltooid",
        "status.lopend": "lopend",
        "status.gepland": "gepland",
        "status.vervallen": "vervallen",
        "status.onbekend": "onbekend",
        # acties sheet columns
        "field.id": "Nr",
        "field.action": "Actie",
        "field.period": "Periode",
        "field.status": "Status",
        "field.status_text": "Status in register",
        "field.theme": "Thema",
        "field.department": "Afdeling",
        "field.owner": "Eigenaar",
        "field.start": "Startdatum",
        "field.end": "Einddatum",
        "field.completed": "Datum gereed",
        "field.progress": "Voortgang",
        "field.highlight": "Op monitor",
        "field.notes": "Toelichting",
        "yes": "ja",
        "no": "nee",
        # toelichting sheet
        "notes.title": "Toelichting bij deze monitor",
        "notes.source": "Register",
        "notes.sheet": "Werkblad",
        "notes.modified": "Register gewijzigd op",
        "notes.as_of": "Peildatum",
        "notes.since": "Vergeleken met",
        "notes.kind": "Soort monitor",
        "notes.kind.published": "gepubliceerd: de monitor van deze peildatum",
        "notes.kind.refresh": "tussenstand: bijgewerkt sinds de laatst gepubliceerde monitor",
        "notes.generated": "Gegenereerd op",
        "notes.version": "mvi-xl versie",
        "notes.total": "Aantal acties",
        "notes.warnings": "Meldingen",
        "notes.no_warnings": "Geen meldingen: het register is zonder opmerkingen gelezen.",
        "notes.where": "Waar",
        "notes.message": "Melding",
        "notes.hint": "Wat te doen",
        # document properties
        "doc.title": "Monitor Maatschappelijk Verantwoord Inkopen {as_of}",
        "doc.subject": "Voortgang van het actieplan MVI",
        # terminal
        "cli.written": "Monitor geschreven: {path}",
        "cli.pdf_written": "PDF geschreven: {path}",
        "cli.warnings": "{count} melding(en):",
        "cli.more_warnings": "... en nog {count} melding(en); zie het werkblad Toelichting.",
        "cli.clean": "Register gelezen: {count} acties, geen meldingen.",
        "cli.read": "Register gelezen: {count} acties, {warnings} melding(en).",
        "cli.strict": "{count} melding(en) en --strict: geen monitor geschreven.",
        "cli.exists": "{path} bestaat al; kies een andere naam (mvi-xl overschrijft niets).",
        "cli.created": "Nieuw register gemaakt: {path}",
        "cli.notice": "Let op",
        "cli.up_to_date": "Monitor is al bijgewerkt: {path} (niets veranderd; --force maakt "
        "hem opnieuw).",
        "cli.watching": "Register {path} wordt gevolgd (elke {interval} s); Ctrl-C stopt.",
        "cli.stopped": "Gestopt.",
        "schedule.cmd_written": "REM Taakbestand geschreven: {path}",
        "schedule.copy": "REM Kopieer het naar {path} op de computer die de taak uitvoert.",
        "schedule.windows": (
            "REM Windows Taakplanner; plak in cmd.exe (vraagt één keer het wachtwoord van het "
            "account, zodat de taak ook draait als niemand is aangemeld):"
        ),
        "schedule.powershell": "REM Of in PowerShell:",
        "schedule.cron": "# cron (Linux, macOS); voeg toe met crontab -e:",
        "cli.recorded": "Momentopname van {as_of} vastgelegd in {path} ({count} acties).",
        "cli.removed": "Momentopname van {as_of} verwijderd uit {path}.",
        "cli.published": "Gepubliceerd als de monitor van {as_of}; bewaard in het archief: {path}",
        "cli.already_published": "De monitor van {as_of} is al gepubliceerd; het exemplaar in "
        "het archief: {path}. Er is niets veranderd (opnieuw publiceren: --publish --force; het "
        "vorige exemplaar blijft dan in het archief).",
        "cli.already_published_no_copy": "De monitor van {as_of} is al gepubliceerd (de "
        "historie heeft zijn momentopname; het archief heeft geen exemplaar). Er is niets "
        "veranderd (opnieuw publiceren: --publish --force).",
        "cli.already_recorded": "De historie heeft al een gepubliceerde momentopname van "
        "{as_of}; er is niets veranderd (--force vervangt hem).",
        "cli.marked_published": "Momentopname van {as_of} is gepubliceerd: de volgende monitors "
        "vergelijken ermee.",
        "cli.marked_archived": "Exemplaar in het archief: {path}",
        "cli.marked_refresh": "Momentopname van {as_of} is niet meer gepubliceerd: de volgende "
        "monitors vergelijken er niet meer mee.",
        "cli.was_published": "Momentopname van {as_of} was al gepubliceerd; er is niets veranderd.",
        "cli.was_refresh": "Momentopname van {as_of} was niet gepubliceerd; er is niets veranderd.",
        # starter register (mvi-xl init)
        "starter.sheet": "Acties",
        "starter.lists": "Lijsten",
        "starter.focus_sheet": "Aandachtspunten",
        "starter.communication_sheet": "Communicatie",
        "starter.title": "Actieplan Maatschappelijk Verantwoord Inkopen: register",
        "starter.intro": (
            "Eén actie per rij. Kies status, periode en thema uit de lijst; de keuzes staan op "
            "het verborgen blad Lijsten (zichtbaar maken om periodes of thema's aan te passen)."
        ),
        "starter.focus_header": "Aandachtspunten",
        "starter.communication_header": "Moment",
        "starter.date_header": "Datum",
        "starter.status_header": "Status",
        "starter.list.status": "Status",
        "starter.list.period": "Periode",
        "starter.list.theme": "Thema",
        "starter.list.progress": "Voortgang",
        "starter.list.flag": "Op monitor",
        "starter.list.communication": "Communicatie",
        "starter.invalid": "Kies een waarde uit de lijst (of voeg er een toe op het blad Lijsten).",
    },
    "en": {
        "sheet.monitor": "Monitor",
        "sheet.actions": "Actions",
        "sheet.notes": "Notes",
        "sheet.history": "Trend",
        "sheet.department": "By department",
        "sheet.theme": "By theme",
        "sheet.source": "By source",
        "group.department": "Department",
        "group.theme": "Theme",
        "group.source": "Source",
        "group.none.department": "(no department)",
        "group.none.theme": "(no theme)",
        "group.none.source": "(no source)",
        "group.title.department": "Actions per department",
        "group.title.theme": "Actions per theme",
        "group.title.source": "Actions per source",
        "group.chart.department": "Actions per status per department",
        "group.chart.theme": "Actions per status per theme",
        "group.chart.source": "Actions per status per source",
        "col.done_share": "Share completed",
        "signals": "Signals from the register",
        "signal.overdue": "{count} action(s) past their due date and not completed",
        "signal.short.overdue": "overdue",
        "signal.short.running_without_owner": "running without owner",
        "signal.short.date_not_done": "completion date, not completed",
        "signal.short.done_without_date": "completed without date",
        "signal.short.progress_attention": "progress orange/red",
        "signal.short.period_ending": "period ending",
        "field.signals": "Signals",
        "signal.running_without_owner": "{count} running action(s) without an owner",
        "signal.date_not_done": "{count} action(s) with a completion date but not completed",
        "signal.done_without_date": "{count} completed action(s) without a completion date",
        "signal.progress_attention": "{count} action(s) with progress orange or red",
        "signal.period_ending": "{period}: ends on {end} with {share} completed "
        "({count} action(s) open)",
        "scope": "Department {department}",
        "history.title": "Progress over the monitors",
        "history.as_of": "Reference date",
        "history.continuous": "Continuous",
        "history.chart": "Actions per status per reference date",
        "change.header": "since {since}",
        "change.none": "no change",
        "change.no_snapshot": "No snapshot on {since}: the counts are not compared; completed "
        "actions are counted by their completion date.",
        "history.kind": "Kind",
        "history.kind.published": "published",
        "history.kind.refresh": "refresh",
        "notes.notices": "For information",
        "title": "Socially Responsible Procurement",
        "as_of": "Reference date",
        "chart.title": "Actions per status per period",
        "table.title": "Actions per status",
        "focus": "Focus points",
        "communication": "Communication",
        "communication.realised": "Done",
        "communication.planned": "Planned",
        "running": "Running actions",
        "planned": "Planned actions",
        "realised": "Completed actions",
        "realised.since": "Completed actions (since {since})",
        "realised.no_column": "The register has no completion date column.",
        "more": "+{count} more",
        "none": "None",
        "no_period": "(no period)",
        "col.period": "Period",
        "col.total": "Total",
        "col.headline_status": "Measure",
        "col.headline": "Headline",
        "col.share": "Share",
        "col.complete": "Done",
        "row.total": "Total",
        "table.note": (
            "Headline: number completed; for a continuous period the number running. "
            "☑ = nothing planned or running any more."
        ),
        "status.voltooid": "completed",
        "status.lopend": "running",
        "status.gepland": "planned",
        "status.vervallen": "cancelled",
        "status.onbekend": "unknown",
        "field.id": "No",
        "field.action": "Action",
        "field.period": "Period",
        "field.status": "Status",
        "field.status_text": "Status in register",
        "field.theme": "Theme",
        "field.department": "Department",
        "field.owner": "Owner",
        "field.start": "Start date",
        "field.end": "Due date",
        "field.completed": "Completed on",
        "field.progress": "Progress",
        "field.highlight": "On monitor",
        "field.notes": "Notes",
        "field.source": "Register row",
        "field.origin": "Source",
        "field.sheet": "Sheet",
        "field.section": "Section",
        "group.several_themes": "An action with several themes counts under each of them: "
        "the column may add up to more than the {count} actions.",
        "yes": "yes",
        "no": "no",
        "notes.title": "Notes on this monitor",
        "notes.source": "Register",
        "notes.sheet": "Sheet",
        "notes.modified": "Register modified",
        "notes.as_of": "Reference date",
        "notes.since": "Compared with",
        "notes.kind": "Kind of monitor",
        "notes.kind.published": "published: the monitor of this reference date",
        "notes.kind.refresh": "refresh: updated since the last published monitor",
        "notes.generated": "Generated on",
        "notes.version": "mvi-xl version",
        "notes.total": "Number of actions",
        "notes.warnings": "Warnings",
        "notes.no_warnings": "No warnings: the register was read without remarks.",
        "notes.where": "Where",
        "notes.message": "Warning",
        "notes.hint": "What to do",
        "doc.title": "Socially Responsible Procurement monitor {as_of}",
        "doc.subject": "Progress of the MVI action plan",
        "cli.written": "Monitor written: {path}",
        "cli.pdf_written": "PDF written: {path}",
        "cli.warnings": "{count} warning(s):",
        "cli.more_warnings": "... and {count} more warning(s); see the Notes sheet.",
        "cli.clean": "Register read: {count} actions, no warnings.",
        "cli.read": "Register read: {count} actions, {warnings} warning(s).",
        "cli.strict": "{count} warning(s) and --strict: no monitor written.",
        "cli.exists": "{path} already exists; choose another name (mvi-xl overwrites nothing).",
        "cli.created": "New register created: {path}",
        "cli.notice": "Note",
        "cli.up_to_date": "Monitor is up to date: {path} (nothing changed; --force rebuilds it).",
        "cli.watching": "Watching register {path} (every {interval} s); Ctrl-C stops.",
        "cli.stopped": "Stopped.",
        "schedule.cmd_written": "REM Task file written: {path}",
        "schedule.copy": "REM Copy it to {path} on the computer that runs the task.",
        "schedule.windows": (
            "REM Windows Task Scheduler; paste into cmd.exe (asks once for the account's "
            "password, so that the task also runs while nobody is logged on):"
        ),
        "schedule.powershell": "REM Or in PowerShell:",
        "schedule.cron": "# cron (Linux, macOS); add with crontab -e:",
        "cli.recorded": "Snapshot of {as_of} recorded in {path} ({count} actions).",
        "cli.removed": "Snapshot of {as_of} removed from {path}.",
        "cli.published": "Published as the monitor of {as_of}; kept in the archive: {path}",
        "cli.already_published": "The monitor of {as_of} is published already; its archived "
        "copy: {path}. Nothing was changed (to publish again: --publish --force; the previous "
        "copy then stays in the archive).",
        "cli.already_published_no_copy": "The monitor of {as_of} is published already (the "
        "history has its snapshot; the archive has no copy). Nothing was changed (to publish "
        "again: --publish --force).",
        "cli.already_recorded": "The history has a published snapshot of {as_of} already; "
        "nothing was changed (--force replaces it).",
        "cli.marked_published": "Snapshot of {as_of} is published: the next monitors compare "
        "with it.",
        "cli.marked_archived": "Archived copy: {path}",
        "cli.marked_refresh": "Snapshot of {as_of} is no longer published: the next monitors "
        "don't compare with it.",
        "cli.was_published": "Snapshot of {as_of} was published already; nothing was changed.",
        "cli.was_refresh": "Snapshot of {as_of} was not published; nothing was changed.",
        "starter.sheet": "Actions",
        "starter.lists": "Lists",
        "starter.focus_sheet": "Focus points",
        "starter.communication_sheet": "Communication",
        "starter.title": "Socially Responsible Procurement action plan: register",
        "starter.intro": (
            "One action per row. Pick status, period and theme from the list; the choices are "
            "on the hidden sheet Lists (unhide it to change periods or themes)."
        ),
        "starter.focus_header": "Focus points",
        "starter.communication_header": "Moment",
        "starter.date_header": "Date",
        "starter.status_header": "Status",
        "starter.list.status": "Status",
        "starter.list.period": "Period",
        "starter.list.theme": "Theme",
        "starter.list.progress": "Progress",
        "starter.list.flag": "On monitor",
        "starter.list.communication": "Communication",
        "starter.invalid": "Pick a value from the list (or add one on the Lists sheet).",
    },
}

#: Warnings and errors: a message and a hint per code and language, filled with ``str.format``.
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "nl": {
        "unknown_status": (
            "onbekende status '{value}'; telt als 'onbekend'",
            "Bedoelt u '{suggestion}' ({canonical})? Pas de cel aan, of voeg de schrijfwijze "
            "toe onder [statuses] in mvi-xl.toml.",
        ),
        "unknown_status_nohint": (
            "onbekende status '{value}'; telt als 'onbekend'",
            "Gebruik voltooid, lopend, gepland of vervallen, of voeg de schrijfwijze toe onder "
            "[statuses] in mvi-xl.toml.",
        ),
        "empty_status": (
            "geen status ingevuld; telt als 'onbekend'",
            "Vul voltooid, lopend, gepland of vervallen in.",
        ),
        "empty_period": (
            "geen periode ingevuld; telt onder '(geen periode)'",
            "Vul de periode in, bijvoorbeeld '{example}'.",
        ),
        "empty_action": (
            "geen actietekst ingevuld; de rij telt wel mee",
            "Vul de omschrijving van de actie in, of maak de rij helemaal leeg.",
        ),
        "bad_date": (
            "'{value}' is geen geldige datum; genegeerd",
            "Schrijf de datum als dag-maand-jaar, bijvoorbeeld 05-07-2018.",
        ),
        "completed_after_as_of": (
            "datum gereed {date} ligt na de peildatum {as_of}",
            "Controleer de datum, of kies een latere peildatum met --as-of.",
        ),
        "duplicate_column": (
            "kolom '{header}' lijkt ook op '{field}'; kolom {used} wordt gebruikt",
            "Geef één van beide kolommen een andere naam als dit niet klopt.",
        ),
        "bad_progress": (
            "onbekende voortgang '{value}'",
            "Gebruik groen, oranje of rood.",
        ),
        "bad_highlight": (
            "'{value}' is geen ja of nee; de actie wordt niet uitgelicht",
            "Vul ja of nee in.",
        ),
        "communication_status": (
            "onbekende status '{value}' bij communicatiemoment",
            "Gebruik gerealiseerd of gepland.",
        ),
        "repeated_header": (
            "herhaalde kopregel overgeslagen",
            "Geen actie nodig; een lege rij tussen blokken mag ook.",
        ),
        "unmatched_rows": (
            "{count} voltooide actie(s) zonder uniek nummer; niet te vergelijken met de "
            "momentopname van {date}",
            "Geef elke actie een eigen nummer (kolom Nr) of voeg een kolom 'Datum gereed' toe.",
        ),
        "no_snapshot_to_compare": (
            "geen momentopname op of voor {since} en geen kolom 'Datum gereed'; de lijst "
            "gerealiseerde acties blijft leeg",
            "Leg een oude versie van het register vast met mvi-xl history add, of voeg een "
            "kolom 'Datum gereed' toe.",
        ),
        "duplicate_file": (
            "'{copy}' is hetzelfde bestand als '{original}' (exacte kopie); alleen "
            "'{original}' is gelezen",
            "Verwijder of verplaats de kopie uit de map; elke actie telt nu één keer.",
        ),
        "repeated_source": (
            "'{name}' is meer dan eens opgegeven (ook als '{again}'); één keer gelezen",
            "Geef elk register één keer op.",
        ),
        "duplicate_action": (
            "actie {id} '{text}' staat ook in {others} (zelfde nummer en tekst); elke rij telt mee",
            "Staat de actie per ongeluk in twee registers? Haal haar uit één ervan; is het een "
            "andere actie, geef haar dan een eigen nummer.",
        ),
        "source_read": ("{count} acties gelezen (werkblad {sheet})", ""),
        "source_is_monitor": (
            "dit is een monitor van mvi-xl, geen register; overgeslagen",
            "Geen actie nodig; hoort de monitor niet in de map met registers, haal hem er dan uit.",
        ),
        "history_not_saved": (
            "de historie is nu niet bijgewerkt: {reason}",
            "Geen actie nodig; de volgende run legt de momentopname alsnog vast.",
        ),
        "monitor_in_use": (
            "{target} is in gebruik (open in Excel?); de nieuwe monitor staat in {path}",
            "Sluit de monitor; de volgende run vervangt hem weer.",
        ),
        "history_new": (
            "nieuwe historie begonnen",
            "Geen actie nodig; elke volgende monitor vergelijkt met deze.",
        ),
        "history_deleted": (
            "de historie ({count} momentopname(n)) ontbreekt; een nieuwe is begonnen",
            "Zet het historiebestand terug (bijvoorbeeld uit een back-up) en maak de monitor "
            "opnieuw, of leg oude registers vast met mvi-xl history add.",
        ),
        "history_unreadable_aside": (
            "de historie is onleesbaar ({reason}); apart gezet als {aside} en opnieuw begonnen",
            "Herstel het bestand of zet een back-up terug; er is niets overschreven.",
        ),
        "history_cut": (
            "de historie was afgebroken: de onvolledige momentopname van {date} is weggelaten; "
            "de volledige zijn gelezen",
            "Geen actie nodig; staat er een back-up van de historie, dan kunt u die terugzetten.",
        ),
        "history_snapshot_unreadable": (
            "de momentopname van {date} in de historie is onleesbaar ({reason}); weggelaten, "
            "de andere zijn gelezen",
            "Zet een back-up van de historie terug, of leg die peildatum opnieuw vast met "
            "mvi-xl history add.",
        ),
        "history_kept_aside": (
            "het oorspronkelijke historiebestand is apart gezet als {aside}",
            "Geen actie nodig; er is niets overschreven.",
        ),
        "history_other_register": (
            "de historie hoort bij een ander register ({other}); deze tussenstand van "
            "{register} is niet vastgelegd",
            "Maken twee registers deze monitor? Geef elk met -o een eigen monitor. Heeft het "
            "register een nieuwe naam, publiceer dan met --publish: de historie gaat daarna "
            "verder met deze naam.",
        ),
        "history_other_register_published": (
            "de historie hoorde bij een ander register ({other}); vanaf deze gepubliceerde "
            "monitor hoort ze bij {register}",
            "Klopt dit niet, verwijder deze momentopname dan met mvi-xl history remove.",
        ),
        "refresh_before_published": (
            "momentopname niet vastgelegd: de historie heeft een gepubliceerde monitor van "
            "{date}, na deze peildatum",
            "Geen actie nodig; een tussenstand wordt alleen vastgelegd als nieuwste momentopname.",
        ),
        "refresh_before_refresh": (
            "momentopname niet vastgelegd: de historie heeft een tussenstand van {date}, na "
            "deze peildatum",
            "Geen actie nodig. Was {date} een vergissing, verwijder die tussenstand dan met "
            "mvi-xl history remove {iso}.",
        ),
        "no_snapshot_on_since": (
            "geen momentopname op {since}: de aantallen zijn niet vergeleken; gerealiseerd is "
            "geteld naar de datum gereed",
            "Wilt u met een gepubliceerde monitor vergelijken, kies dan diens peildatum "
            "(mvi-xl history list toont ze) of laat --since weg.",
        ),
        "stray_row": (
            "rij met alleen '{value}' buiten de herkende kolommen; niet als actie geteld",
            "Is het een actie? Zet de tekst dan in de kolommen actie, periode en status.",
        ),
        # rows and sheets that are not actions (issue 12)
        "section_rows": (
            "{count} sectiekop(pen) niet als actie geteld (de eerste: '{first}'); de acties "
            "eronder krijgen de kop als sectie",
            "Geen actie nodig; de kop staat bij elke actie in de kolom Sectie. Is het toch een "
            "actie? Vul dan de periode en de status in.",
        ),
        "total_rows": (
            "{count} totaalrij(en) niet als actie geteld (de eerste: '{first}')",
            "Geen actie nodig: mvi-xl telt zelf. Is het toch een actie? Vul dan actie, periode "
            "en status in.",
        ),
        "number_rows": (
            "{count} rij(en) met alleen een nummer niet als actie geteld",
            "Vul de actie, de periode en de status in, of haal het nummer weg.",
        ),
        "notes_rows": (
            "{count} rij(en) onder de laatste actie gelezen als toelichting, niet als actie "
            "(de eerste: '{first}')",
            "Geen actie nodig. Zijn het toch acties? Vul dan de periode en de status in.",
        ),
        "actions_outside_table": (
            "{count} rij(en) die op een actie lijken staan buiten de Excel-tabel {table}; "
            "niet geteld",
            "Vergroot de tabel tot over deze rijen (Tabelontwerp > Formaat van tabel wijzigen), "
            "of haal ze weg.",
        ),
        "outside_table": ("{count} rij(en) buiten de Excel-tabel {table} niet gelezen", ""),
        "hidden_action_sheets": (
            "verborgen werkblad(en) met acties niet gelezen",
            "Maak het werkblad zichtbaar om de acties mee te tellen, of lees het met --sheet.",
        ),
        "sheet_repeats": (
            "werkblad niet gelezen: het herhaalt de acties van werkblad {other} (zelfde nummers "
            "en teksten), zoals een oude kopie van het register",
            "Klopt dat, dan is er niets te doen; is dit juist het blad dat telt, lees het dan "
            "met --sheet, of haal de kopie uit het bestand.",
        ),
        "sheet_not_read": (
            "werkblad niet gelezen: de kolom {missing} ontbreekt (kopregel op rij {row})",
            "Voeg de kolom toe, of noem uw kolomnaam onder [columns] in mvi-xl.toml.",
        ),
        "sheets_skipped": (
            "werkblad(en) overgeslagen: geen kopregel van acties (Actie, Periode, Status)",
            "",
        ),
        "sheets_as_theme": (
            "de werkbladen zijn thema's: hun naam is het thema van hun acties",
            "",
        ),
        "sheets_as_department": (
            "de werkbladen zijn afdelingen: hun naam is de afdeling van hun acties",
            "",
        ),
        "period_from_sheet": (
            "geen kolom Periode: de periode van de acties is de naam van het werkblad ('{sheet}')",
            "",
        ),
        "period_from_sections": (
            "geen kolom Periode: de periode van elke actie is de sectiekop erboven",
            "",
        ),
        "unused_columns": ("kolommen die mvi-xl niet gebruikt: {columns}", ""),
        "status_colour_only": (
            "de statuscel heeft alleen een kleur ({colour}, {rgb}), geen tekst; telt als "
            "'onbekend'",
            "Zet de status als tekst in de cel, of zeg in mvi-xl.toml welke kleur welke status "
            'is: onder [statuses] colours = {{ {colour} = "voltooid" }}.',
        ),
        "progress_colour": (
            "de voortgangscel heeft alleen de kleur {colour} ({rgb}), geen groen, oranje of rood",
            "Kleur de cel groen, oranje of rood, of schrijf de voortgang als tekst.",
        ),
        "theme_mark": (
            "themakolom {theme}: {count} cel(len) zonder x, zoals '{value}'; niet als thema geteld",
            "Zet een x (of ja, ✓, 1) bij de acties van dit thema en laat de andere cellen leeg.",
        ),
        "hidden_sheet": (
            "het register staat op een verborgen werkblad",
            "Geen actie nodig; kies met --sheet een ander werkblad als dit niet klopt.",
        ),
        # errors
        "no_header": (
            "geen kopregel gevonden met de kolommen {required} in de eerste {rows} rijen",
            "Zet de kolomnamen {required} in één rij, of noem uw eigen namen onder [columns] "
            "in mvi-xl.toml.",
        ),
        "no_header_sheets": (
            "geen kopregel gevonden met de kolommen {required} in de eerste {rows} rijen van "
            "de werkbladen {sheets}",
            "Zet de kolomnamen {required} in één rij, of noem uw eigen namen onder [columns] "
            "in mvi-xl.toml.",
        ),
        "missing_columns": (
            "verplichte kolommen '{field}' ontbreken (kopregel op rij {row}, gevonden: {found})",
            "Voeg de kolommen toe, of noem uw kolomnamen onder [columns] in mvi-xl.toml.",
        ),
        "missing_column": (
            "verplichte kolom '{field}' ontbreekt (kopregel op rij {row}, gevonden: {found})",
            "Voeg een kolom '{example}' toe, of noem uw kolomnaam onder [columns] in mvi-xl.toml.",
        ),
        "no_sheet": (
            "werkblad '{sheet}' bestaat niet (wel: {available})",
            "Kies een bestaand werkblad met --sheet.",
        ),
        "unreadable": (
            "kan het register niet lezen: {reason}",
            "Controleer of het een Excel-, LibreOffice- of CSV-bestand is en sla het opnieuw op.",
        ),
        # why a register is unreadable: the {reason} above, in our words (never a library's)
        "reason_part_missing": ("onderdeel {part} ontbreekt", ""),
        "reason_no_workbook": ("het bestand zegt niet waar de werkmap staat (_rels/.rels)", ""),
        "reason_sheet_without_part": ("werkblad {sheet} heeft geen onderdeel in het bestand", ""),
        "reason_sheet_part_missing": ("werkblad {sheet}: onderdeel {part} ontbreekt", ""),
        "reason_compression": (
            "onderdeel {part} is ingepakt op een manier (methode {method}) die Excel niet gebruikt",
            "",
        ),
        "reason_cell_reference": ("werkblad {sheet}: ongeldige celverwijzing '{ref}'", ""),
        "reason_row_number": ("werkblad {sheet}: ongeldig rijnummer '{number}'", ""),
        "reason_table_in_table": ("werkblad {sheet}: een tabel binnen een tabel", ""),
        "reason_unexpected_root": ("onderdeel {part} begint niet met <{element}>", ""),
        "reason_bad_count": ("werkblad {sheet}: ongeldige waarde '{value}' voor {attribute}", ""),
        "reason_xml": (
            "onderdeel {part} is geen geldige XML ({problem}, regel {line}, kolom {column})",
            "",
        ),
        "xml_syntax": ("syntaxisfout", ""),
        "xml_no_elements": ("het onderdeel is leeg of houdt te vroeg op", ""),
        "xml_invalid_token": ("ongeldig teken", ""),
        "xml_unclosed_token": ("onafgemaakte tag", ""),
        "xml_partial_char": ("onvolledig teken", ""),
        "xml_tag_mismatch": ("begin- en eindtag horen niet bij elkaar", ""),
        "xml_duplicate_attribute": ("dubbel attribuut", ""),
        "xml_junk_after": ("inhoud na het einde van het document", ""),
        "xml_undefined_entity": ("onbekende entiteit", ""),
        "xml_bad_character": ("verwijzing naar een ongeldig teken", ""),
        "xml_encoding": ("onbekende of onjuiste tekencodering", ""),
        "xml_declaration": ("ongeldige XML-declaratie", ""),
        "xml_unbound_prefix": ("onbekend voorvoegsel van een naamruimte", ""),
        "xml_other": ("ongeldige opbouw", ""),
        "reason_os": ("leesfout (code {code})", ""),
        "reason_os_io": ("de schijf gaf een leesfout", ""),
        "reason_os_network": ("de netwerkschijf antwoordt niet", ""),
        "reason_os_busy": ("het bestand is bezet", ""),
        "reason_os_name": ("het pad is te lang of ongeldig", ""),
        "reason_reader_format": ("python-calamine herkent de inhoud niet als werkmap", ""),
        "reason_reader_xml": ("python-calamine vond een ongeldig XML-onderdeel", ""),
        "reason_reader_zip": ("python-calamine kan de inhoud niet uitpakken", ""),
        "reason_reader_io": ("python-calamine kreeg een leesfout", ""),
        "reason_reader_sheet": ("python-calamine vindt dit werkblad niet", ""),
        "reason_reader_crash": ("python-calamine liep vast op de inhoud van het bestand", ""),
        "reason_reader_other": ("python-calamine kan de inhoud niet lezen", ""),
        "reason_csv_field_too_long": (
            "een veld is langer dan {limit} tekens (een aanhalingsteken zonder einde?)",
            "",
        ),
        "reason_csv_other": ("ongeldige opbouw", ""),
        "password": (
            "het register is met een wachtwoord beveiligd",
            "Sla een kopie op zonder wachtwoord en lees die.",
        ),
        "not_found": (
            "bestand niet gevonden",
            "Controleer het pad; staat de schijf (netwerkschijf) klaar?",
        ),
        "is_folder": (
            "dit is een map, geen register",
            "Geef het pad van het registerbestand zelf.",
        ),
        "no_permission": (
            "geen leesrechten voor dit bestand",
            "Vraag leesrechten aan, of kopieer het register naar een map waar u mag lezen.",
        ),
        "empty_file": (
            "het bestand is leeg",
            "Kies het juiste register, of sla het opnieuw op.",
        ),
        "not_spreadsheet": (
            "dit is geen spreadsheet (xlsx, xlsm, xlsb, xls, ods of csv)",
            "Kies het registerbestand, of sla het in Excel op als .xlsx.",
        ),
        "register_is_monitor": (
            "dit is een monitor van mvi-xl, geen register",
            "Geef het register waar de monitor van is gemaakt. Is dit toch een register, "
            "verwijder dan de eigenschap 'mvi-xl fingerprint' (Excel: Bestand > Info > "
            "Eigenschappen > Geavanceerde eigenschappen > Aangepast).",
        ),
        "workbook_renamed": (
            "de werkmap staat in dit bestand als {part}, een naam die mvi-xl niet kan lezen",
            "Open het bestand in Excel of LibreOffice en sla het opnieuw op; dan krijgt de "
            "werkmap haar gewone naam.",
        ),
        "mixed_package": (
            "dit bestand is tegelijk een {first}- en een {second}-bestand; dat schrijft geen "
            "spreadsheetprogramma",
            "Gebruik dit bestand niet; open het register in Excel en sla het opnieuw op.",
        ),
        "duplicate_part": (
            "onderdeel {part} staat twee keer in het bestand (hoofdletters tellen niet mee)",
            "Gebruik dit bestand niet; open het register in Excel en sla het opnieuw op.",
        ),
        "damaged": (
            "het bestand is beschadigd of onvolledig opgeslagen",
            "Open het in Excel, sla het opnieuw op en probeer het nog eens.",
        ),
        # broken and hostile registers: limits, zip and XML checks, layout
        "file_too_big": (
            "het bestand is {size} MB; de grens is {limit} MB",
            "Is dit echt het register? Verhoog dan max_file_mb onder [limits] in mvi-xl.toml.",
        ),
        "not_regular_file": (
            "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp)",
            "Geef het pad van het registerbestand zelf.",
        ),
        "markup_file": (
            "dit is een webpagina of XML-bestand, geen spreadsheet",
            "Open het in Excel en sla het op als Excel-werkmap (.xlsx).",
        ),
        "too_many_parts": (
            "het bestand bestaat uit meer dan {limit} onderdelen ({count})",
            "Een register is dit nooit; open het in Excel en sla het opnieuw op.",
        ),
        "zip_ratio": (
            "het bestand pakt uit tot {size} MB (grens {unpacked} MB) en onderdeel {part} "
            "{ratio} keer zo groot (meer dan {limit} keer); dit lijkt een zipbom",
            "Gebruik dit bestand niet; open het register in Excel en sla het opnieuw op. "
            "Vertrouwt u het toch, verhoog dan max_unpacked_mb onder [limits] in mvi-xl.toml.",
        ),
        "unpacked_too_big": (
            "het bestand pakt uit tot {size} MB; de grens is {limit} MB",
            "Verwijder grote afbeeldingen of overbodige werkbladen, of verhoog max_unpacked_mb "
            "onder [limits] in mvi-xl.toml.",
        ),
        "zip_size_mismatch": (
            "onderdeel {part} pakt groter uit dan het zelf opgeeft: het bestand is gemanipuleerd "
            "of beschadigd",
            "Gebruik dit bestand niet; open het register in Excel en sla het opnieuw op.",
        ),
        "xml_doctype": (
            "onderdeel {part} bevat een DTD (<!DOCTYPE>), die Excel nooit schrijft; het bestand "
            "is niet gelezen",
            "Dit kan een aanval zijn (XML-entiteiten). Open het register in Excel en sla het "
            "opnieuw op.",
        ),
        "too_many_rows": (
            "het werkblad heeft gegevens op meer dan {limit} rijen",
            "Verwijder wat onder het register staat, of verhoog max_rows onder [limits] in "
            "mvi-xl.toml.",
        ),
        "too_many_columns": (
            "het werkblad heeft gegevens voorbij kolom {last} (meer dan {limit} kolommen)",
            "Verwijder wat rechts van het register staat (ook cellen met alleen een spatie), of "
            "verhoog max_columns onder [limits] in mvi-xl.toml.",
        ),
        "too_many_cells": (
            "het werkblad beslaat {rows} rijen bij {columns} kolommen, meer dan {limit} cellen",
            "Verwijder wat onder of rechts van het register staat, of verhoog max_cells onder "
            "[limits] in mvi-xl.toml.",
        ),
        "too_many_strings": (
            "de werkmap houdt meer verschillende teksten bij dan de {limit} cellen die een "
            "werkblad mag hebben",
            "Een register heeft er veel minder; open het in Excel en sla het opnieuw op. Is het "
            "toch echt zo groot, verhoog dan max_cells onder [limits] in mvi-xl.toml.",
        ),
        "formula_not_calculated": (
            "formule zonder berekende waarde ({count} zulke cel(len) op dit werkblad); mvi-xl "
            "rekent geen formules uit en zou hier 0 of niets lezen",
            "Open het register in Excel (of LibreOffice), sla het op en probeer het opnieuw.",
        ),
        "csv_unreadable": (
            "het CSV-bestand is onleesbaar op regel {line}: {reason}",
            "Open het in Excel en sla het opnieuw op als CSV (puntkomma's) of als .xlsx.",
        ),
        "formula_not_calculated_elsewhere": (
            "{count} formulecel(len) zonder berekende waarde, in kolommen die mvi-xl niet leest "
            "(zoals kolom {column}); niet gebruikt",
            "Geen actie nodig; open en bewaar het register in Excel om ze te laten berekenen.",
        ),
        "hidden_rows": (
            "{count} verborgen rij(en) met acties; ze tellen mee",
            "Hoort een actie niet mee te tellen? Zet de status op vervallen of verwijder de rij.",
        ),
        "merged_cells": (
            "samengevoegde cellen: '{value}' geldt voor elke actie ernaast",
            "Geen actie nodig; klopt dit niet, maak de samenvoeging ongedaan en vul elke rij.",
        ),
        "header_band": (
            "de kopregel beslaat rij {first} tot en met {last} (samengevoegde cellen); elke "
            "kolomnaam komt uit de onderste gevulde cel",
            "Geen actie nodig; de acties beginnen onder rij {last}.",
        ),
        "text_too_long": (
            "tekst van {length} tekens; een cel in Excel houdt er {limit}, de rest is weggelaten",
            "Kort de tekst in, of zet de rest in de kolom Toelichting.",
        ),
        "ragged_row": (
            "deze rij heeft {fields} velden, de kopregel {header}: staat er een {delimiter} in "
            "een tekst zonder aanhalingstekens?",
            "Zet zo'n tekst tussen dubbele aanhalingstekens, of sla het register op vanuit Excel.",
        ),
        "no_actions": (
            "onder de kopregel staan geen acties",
            "Vul acties in onder de kopregel, of kies met --sheet het werkblad met de acties.",
        ),
        "strict": (
            "{count} melding(en) en --strict; eerste: {first}",
            "Los de meldingen op (mvi-xl check toont ze allemaal) of laat --strict weg.",
        ),
        "write_failed": (
            "kan de monitor niet schrijven: {reason}",
            "Kies met -o een map waar u mag schrijven.",
        ),
        "output_is_register": (
            "de uitvoer zou het register zelf overschrijven",
            "Kies met -o een andere bestandsnaam voor de monitor.",
        ),
        "output_is_folder": (
            "dit is een map; de monitor moet een bestand zijn",
            "Geef met -o een bestandsnaam, bijvoorbeeld monitor.xlsx.",
        ),
        "exists": (
            "bestaat al; mvi-xl overschrijft geen bestaand register",
            "Kies een andere bestandsnaam.",
        ),
        "since_after_as_of": (
            "--since {since} ligt niet vóór de peildatum {as_of}",
            "Kies voor --since de peildatum van de vorige monitor.",
        ),
        "history_no_snapshot": (
            "de historie heeft geen momentopname op {date}",
            "mvi-xl history list toont de peildata die er zijn.",
        ),
        "history_which": (
            "welke historie? In deze map staan er {count} ({names})",
            "Geef de monitor of het historiebestand op.",
        ),
        "history_missing": (
            "er is (nog) geen historie",
            "Elke mvi-xl build legt een momentopname vast; oude registers legt u vast met "
            "mvi-xl history add.",
        ),
        "history_unreadable": (
            "de historie is onleesbaar: {reason}",
            "Herstel het bestand of zet een back-up terug.",
        ),
        "history_read_failed": (
            "kan de historie niet lezen: {reason}; er is niets veranderd",
            "Probeer het opnieuw (staat de netwerkschijf klaar, houdt een virusscanner het "
            "bestand vast?); de historie is niet aangeraakt.",
        ),
        "history_not_regular": (
            "de historie is geen gewoon bestand (maar bijvoorbeeld een pijp of een apparaat); er "
            "is niets veranderd",
            "Verwijder of hernoem het; mvi-xl begint dan een nieuwe historie.",
        ),
        "history_too_big": (
            "de historie is {size} MB; de grens is {limit} MB; er is niets veranderd",
            "Is dit echt de historie van deze monitor? Zet het bestand dan apart; mvi-xl begint "
            "een nieuwe.",
        ),
        "history_newer": (
            "de historie is geschreven door een nieuwere versie van mvi-xl ({found}; deze versie "
            "leest {supported}); er is niets veranderd",
            "Werk mvi-xl op deze computer bij (pip install --upgrade mvi-xl), zodat elke run op "
            "deze schijf dezelfde versie gebruikt.",
        ),
        "history_write_failed": (
            "kan de historie niet schrijven: {reason}; de monitor en de historie zijn niet "
            "veranderd",
            "Maak ruimte vrij op de schijf (of controleer de schrijfrechten) en probeer het "
            "opnieuw.",
        ),
        "history_in_use": (
            "de historie is in gebruik (open in Excel?) en kon niet worden vervangen; er is "
            "niets gepubliceerd",
            "Sluit het historiebestand en probeer het opnieuw.",
        ),
        "archive_failed": (
            "kan de gepubliceerde monitor niet in het archief bewaren: {reason}; er is niets "
            "gepubliceerd",
            "Controleer de map (instelling archive onder [monitor] in mvi-xl.toml) en of u er "
            "mag schrijven.",
        ),
        "changing": (
            "het register veranderde terwijl het werd gelezen (wordt het net opgeslagen?)",
            "Probeer het over een minuut opnieuw; de vorige monitor is ongewijzigd.",
        ),
        "per_department_usage": (
            "--per-afdeling schrijft een map met monitors en heeft -o MAP nodig, zonder --afdeling",
            "Bijvoorbeeld: mvi-xl build register.xlsx --per-afdeling -o monitors",
        ),
        "no_registers": (
            "in deze map staat geen register (xlsx, xlsm, xlsb, xls, ods of csv)",
            "Geef het register zelf, of een map met registers; mvi-xl slaat ~$-bestanden en "
            "zijn eigen monitors over.",
        ),
        "no_department": (
            "afdeling '{department}' komt niet voor in het register (wel: {known})",
            "Schrijf de afdeling zoals in de kolom Afdeling; hoofdletters maken niet uit.",
        ),
        "no_folder": (
            "kan de monitor niet schrijven: deze map bestaat niet",
            "Maak de map eerst, of kies met -o een bestaande map.",
        ),
        "owner_file": (
            "dit is het hulpbestand dat Excel naast een geopend bestand zet, geen register",
            "Geef het register zelf op (zonder ~$ in de naam).",
        ),
        "in_use": (
            "de monitor is in gebruik (open in Excel?) en kon niet worden vervangen",
            "Sluit de monitor en probeer het opnieuw.",
        ),
        "busy": (
            "een andere mvi-xl-run maakt deze monitor al; na {seconds} seconden wachten gestopt",
            "Probeer het later opnieuw; staat er een vastgelopen taak, stop die dan. De "
            "vergrendeling van een afgebroken run neemt mvi-xl vanzelf over.",
        ),
        # the shared drive (issue 15)
        "monitor_read_only": (
            "de monitor is alleen-lezen en kan niet worden vervangen ({reason})",
            "Zet 'Alleen-lezen' uit bij de eigenschappen van het bestand, of kies met -o een "
            "andere naam.",
        ),
        "write_denied": (
            "geen schrijfrechten ({reason})",
            "Vraag schrijfrechten aan voor deze map, of kies met -o een map waar u mag schrijven.",
        ),
        "drive_gone": (
            "de schijf is niet bereikbaar ({reason})",
            "Staat de (netwerk)schijf klaar? Er is niets veranderd; probeer het opnieuw zodra "
            "de schijf er weer is.",
        ),
        "lock_lost": (
            "een andere mvi-xl-run heeft de vergrendeling overgenomen; de monitor is niet "
            "vervangen",
            "Geen actie nodig: de andere run maakt de monitor. Hing deze run lang stil, kijk "
            "dan naar de geplande taak.",
        ),
        "writes_register": (
            "dit bestand is het register {register}; mvi-xl schrijft nooit in een register",
            "Kies een andere naam (met -o of --log-file).",
        ),
        "link_outside": (
            "koppeling naar een bestand buiten de map ({target}); niet gelezen",
            "Zet het register zelf in de map, of geef het apart op.",
        ),
        "path_too_long": (
            "het pad is {length} tekens lang; Excel opent bestanden tot {limit} tekens",
            "Kies een kortere map of naam (met -o), anders opent Excel dit bestand niet.",
        ),
        "pdf_in_use": (
            "{target} is in gebruik (open in een PDF-lezer?); de nieuwe PDF staat in {path}",
            "Sluit de PDF; de volgende run vervangt hem weer.",
        ),
        "schedule_bad_argument": (
            "'{argument}' kan niet in een geplande taak (een dubbel aanhalingsteken of een "
            "stuurteken)",
            "Kies een naam zonder dubbele aanhalingstekens.",
        ),
        "schedule_cmd_dir": (
            "het taakbestand {folder} heeft een teken dat cmd.exe apart leest (% & | < > ^ ( ) !)",
            "Kies met --cmd-dir een map zonder die tekens.",
        ),
        "schedule_python": (
            "de taak is voor Windows en deze computer is geen Windows, dus de Python daar is "
            "onbekend",
            r"Geef het volledige pad met --python, bijvoorbeeld --python "
            r"'C:\Program Files\Python311\python.exe'.",
        ),
        "schedule_too_long": (
            "de schtasks-regel zou {length} tekens lang worden; schtasks neemt er minder dan "
            "{limit}",
            "Kies met --cmd-dir een kortere map, of een korter account met --run-as.",
        ),
        "schedule_one_output": (
            "-o kan bij één register; bij meer registers krijgt elk zijn eigen monitor",
            "Plan de registers elk apart met -o, of laat -o weg.",
        ),
        "schedule_mapped_drive": (
            "{path} staat op een netwerkschijf met een stationsletter, die een geplande taak "
            "zonder aanmelding niet ziet; de taak gebruikt {unc}",
            "Geen actie nodig; geef voortaan liever het UNC-pad.",
        ),
        "schedule_drive_letter": (
            "{path} begint met een stationsletter; is dat een netwerkschijf, dan ziet een "
            "geplande taak zonder aanmelding hem niet",
            r"Geef dan het UNC-pad (\\server\share\...).",
        ),
        "no_register": (
            "geen register opgegeven",
            "Geef het pad van het register, of gebruik --example voor het voorbeeld.",
        ),
        "example_and_register": (
            "--example en een register sluiten elkaar uit",
            "Laat het register of --example weg.",
        ),
        "config_unreadable": (
            "kan het configuratiebestand niet lezen: {reason}",
            "Controleer de TOML-opmaak; zie templates/mvi-xl.toml als voorbeeld.",
        ),
        "config_missing": (
            "configuratiebestand niet gevonden",
            "Controleer het pad bij --config.",
        ),
        "config_unknown_key": (
            "onbekende instelling '{key}'",
            "Bekend zijn: {known}. Zie templates/mvi-xl.toml.",
        ),
        "config_table": (
            "instelling '{key}' moet een tabel zijn",
            "Schrijf het als een kop [{key}] met instellingen eronder.",
        ),
        "config_text": (
            "instelling '{key}' moet tekst zijn",
            'Zet de waarde tussen aanhalingstekens, zoals {key} = "tekst".',
        ),
        "config_flag": (
            "instelling '{key}' moet true of false zijn",
            "Schrijf {key} = true of {key} = false (zonder aanhalingstekens).",
        ),
        "config_list": (
            "instelling '{key}' moet een lijst met tekst zijn",
            'Schrijf het als {key} = ["Naam 1", "Naam 2"].',
        ),
        "config_choice": (
            "instelling '{key}' heeft een onbekende waarde",
            "Kies uit: {choices}.",
        ),
        "config_colour": (
            "instelling '{key}': '{value}' is geen kleur",
            'Schrijf een kleur als "#1F4E79".',
        ),
        "config_colour_name": (
            "instelling '{key}': '{value}' is geen kleur",
            'Schrijf een kleurnaam (groen, oranje, geel, rood, blauw, grijs) of "#00B050".',
        ),
        "config_logo_missing": (
            "instelling '{key}': afbeelding {file} niet gevonden",
            "Een relatief pad telt vanaf de map van mvi-xl.toml.",
        ),
        "config_logo_type": (
            "instelling '{key}': het logo moet een afbeelding zijn",
            "Gebruik een PNG-, JPEG-, GIF- of BMP-bestand.",
        ),
        "config_range": (
            "instelling '{key}' valt buiten het bereik",
            "Gebruik een geheel getal van {low} tot en met {high}.",
        ),
        "no_libreoffice": (
            "LibreOffice niet gevonden; --pdf heeft LibreOffice Calc nodig om de monitor als PDF "
            "af te drukken, dus er is niets geschreven",
            "Installeer LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
            "libreoffice-calc-nogui), noem soffice in {env}, of laat --pdf weg.",
        ),
        "pdf_failed": (
            "LibreOffice kon de PDF niet maken ({reason}); de monitor is niet vervangen",
            "Probeer het opnieuw, of maak de monitor zonder --pdf en druk hem af vanuit Excel.",
        ),
    },
    "en": {
        "unknown_status": (
            "unknown status '{value}'; counted as 'unknown'",
            "Did you mean '{suggestion}' ({canonical})? Fix the cell, or add the spelling "
            "under [statuses] in mvi-xl.toml.",
        ),
        "unknown_status_nohint": (
            "unknown status '{value}'; counted as 'unknown'",
            "Use voltooid, lopend, gepland or vervallen, or add the spelling under "
            "[statuses] in mvi-xl.toml.",
        ),
        "empty_status": (
            "no status filled in; counted as 'unknown'",
            "Fill in voltooid, lopend, gepland or vervallen.",
        ),
        "empty_period": (
            "no period filled in; counted under '(no period)'",
            "Fill in the period, for example '{example}'.",
        ),
        "empty_action": (
            "no action text; the row still counts",
            "Describe the action, or clear the whole row.",
        ),
        "bad_date": (
            "'{value}' is not a valid date; ignored",
            "Write the date as day-month-year, for example 05-07-2018.",
        ),
        "completed_after_as_of": (
            "completion date {date} is after the reference date {as_of}",
            "Check the date, or choose a later reference date with --as-of.",
        ),
        "duplicate_column": (
            "column '{header}' also looks like '{field}'; column {used} is used",
            "Rename one of the two columns if this is wrong.",
        ),
        "bad_progress": ("unknown progress '{value}'", "Use groen, oranje or rood."),
        "bad_highlight": (
            "'{value}' is not yes or no; the action is not highlighted",
            "Fill in ja or nee.",
        ),
        "communication_status": (
            "unknown status '{value}' for a communication moment",
            "Use gerealiseerd or gepland.",
        ),
        "repeated_header": (
            "repeated header row skipped",
            "Nothing to do; a blank row between blocks works too.",
        ),
        "unmatched_rows": (
            "{count} completed action(s) without a unique number; cannot be compared with the "
            "snapshot of {date}",
            "Give every action its own number (column Nr) or add a completion date column.",
        ),
        "no_snapshot_to_compare": (
            "no snapshot on or before {since} and no completion date column; the list of "
            "completed actions stays empty",
            "Record an old copy of the register with mvi-xl history add, or add a completion "
            "date column.",
        ),
        "duplicate_file": (
            "'{copy}' is the same file as '{original}' (an exact copy); only '{original}' was read",
            "Remove or move the copy out of the folder; every action now counts once.",
        ),
        "repeated_source": (
            "'{name}' is given more than once (also as '{again}'); read once",
            "Give each register once.",
        ),
        "duplicate_action": (
            "action {id} '{text}' is also in {others} (same number and text); every row counts",
            "Is the action in two registers by mistake? Remove it from one; if it is another "
            "action, give it its own number.",
        ),
        "source_read": ("{count} actions read (sheet {sheet})", ""),
        "source_is_monitor": (
            "this is a monitor made by mvi-xl, not a register; skipped",
            "Nothing to do; if the monitor does not belong in the folder of registers, move it.",
        ),
        "history_not_saved": (
            "the history was not updated this time: {reason}",
            "Nothing to do; the next run records the snapshot.",
        ),
        "monitor_in_use": (
            "{target} is in use (open in Excel?); the new monitor is in {path}",
            "Close the monitor; the next run replaces it again.",
        ),
        "history_new": (
            "new history started",
            "Nothing to do; every next monitor compares with this one.",
        ),
        "history_deleted": (
            "the history ({count} snapshot(s)) is missing; a new one was started",
            "Restore the history file (from a backup, say) and build again, or record old "
            "registers with mvi-xl history add.",
        ),
        "history_unreadable_aside": (
            "the history is unreadable ({reason}); kept aside as {aside} and started afresh",
            "Repair the file or restore a backup; nothing was overwritten.",
        ),
        "history_cut": (
            "the history was cut off: the incomplete snapshot of {date} was left out; the "
            "complete ones were read",
            "Nothing to do; if there is a backup of the history, you may restore it.",
        ),
        "history_snapshot_unreadable": (
            "the snapshot of {date} in the history is unreadable ({reason}); left out, the "
            "others were read",
            "Restore a backup of the history, or record that reference date again with "
            "mvi-xl history add.",
        ),
        "history_kept_aside": (
            "the original history file was kept aside as {aside}",
            "Nothing to do; nothing was overwritten.",
        ),
        "history_other_register": (
            "the history belongs to another register ({other}); this refresh of {register} "
            "was not recorded",
            "Do two registers make this monitor? Give each its own monitor with -o. Was the "
            "register renamed? Then publish with --publish: the history goes on with this name.",
        ),
        "history_other_register_published": (
            "the history belonged to another register ({other}); from this published monitor "
            "on it belongs to {register}",
            "If this is wrong, remove this snapshot with mvi-xl history remove.",
        ),
        "refresh_before_published": (
            "snapshot not recorded: the history has a published monitor of {date}, after "
            "this reference date",
            "Nothing to do; a refresh is only recorded as the latest snapshot.",
        ),
        "refresh_before_refresh": (
            "snapshot not recorded: the history has a refresh of {date}, after this reference date",
            "Nothing to do. If {date} was a mistake, remove that refresh with mvi-xl history "
            "remove {iso}.",
        ),
        "no_snapshot_on_since": (
            "no snapshot on {since}: the counts are not compared; completed actions are "
            "counted by their completion date",
            "To compare with a published monitor, give its reference date (mvi-xl history "
            "list shows them) or leave out --since.",
        ),
        "stray_row": (
            "row with only '{value}' outside the recognised columns; not counted as an action",
            "Is it an action? Then put the text in the action, period and status columns.",
        ),
        # rows and sheets that are not actions (issue 12)
        "section_rows": (
            "{count} section heading(s) not counted as actions (the first: '{first}'); the "
            "actions below carry the heading as their section",
            "Nothing to do; each action shows its heading in the Section column. Is it an "
            "action after all? Then fill in its period and status.",
        ),
        "total_rows": (
            "{count} total row(s) not counted as actions (the first: '{first}')",
            "Nothing to do: mvi-xl counts by itself. Is it an action after all? Then fill in "
            "action, period and status.",
        ),
        "number_rows": (
            "{count} row(s) holding only a number not counted as actions",
            "Fill in the action, its period and status, or remove the number.",
        ),
        "notes_rows": (
            "{count} row(s) under the last action read as notes, not as actions (the first: "
            "'{first}')",
            "Nothing to do. Are they actions after all? Then fill in their period and status.",
        ),
        "actions_outside_table": (
            "{count} row(s) that look like actions lie outside the Excel Table {table}; not "
            "counted",
            "Resize the table to include these rows (Table Design > Resize Table), or remove them.",
        ),
        "outside_table": ("{count} row(s) outside the Excel Table {table} not read", ""),
        "hidden_action_sheets": (
            "hidden sheet(s) with actions not read",
            "Unhide the sheet to count its actions, or read it with --sheet.",
        ),
        "sheet_repeats": (
            "sheet not read: it repeats the actions of sheet {other} (the same numbers and "
            "texts), like an old copy of the register",
            "If so, nothing to do; if this is the sheet that counts, read it with --sheet, or "
            "remove the copy from the file.",
        ),
        "sheet_not_read": (
            "sheet not read: the column {missing} is missing (header on row {row})",
            "Add the column, or name your column under [columns] in mvi-xl.toml.",
        ),
        "sheets_skipped": ("sheet(s) skipped: no header of actions (Actie, Periode, Status)", ""),
        "sheets_as_theme": (
            "the sheets are themes: their name is the theme of their actions",
            "",
        ),
        "sheets_as_department": (
            "the sheets are departments: their name is the department of their actions",
            "",
        ),
        "period_from_sheet": (
            "no period column: the period of the actions is the sheet's name ('{sheet}')",
            "",
        ),
        "period_from_sections": (
            "no period column: the period of each action is the section heading above it",
            "",
        ),
        "unused_columns": ("columns mvi-xl does not use: {columns}", ""),
        "status_colour_only": (
            "the status cell has only a colour ({colour}, {rgb}), no text; counted as 'unknown'",
            "Write the status as text in the cell, or say in mvi-xl.toml which colour is which "
            'status: under [statuses] colours = {{ {colour} = "voltooid" }}.',
        ),
        "progress_colour": (
            "the progress cell has only the colour {colour} ({rgb}), not green, orange or red",
            "Fill the cell green, orange or red, or write the progress as text.",
        ),
        "theme_mark": (
            "theme column {theme}: {count} cell(s) without an x, such as '{value}'; not "
            "counted as the theme",
            "Put an x (or ja, ✓, 1) beside the actions of this theme and leave the other "
            "cells empty.",
        ),
        "hidden_sheet": (
            "the register is on a hidden sheet",
            "Nothing to do; choose another sheet with --sheet if this is wrong.",
        ),
        "no_header": (
            "no header row with the columns {required} in the first {rows} rows",
            "Put the column names {required} in one row, or name your own under [columns] in "
            "mvi-xl.toml.",
        ),
        "no_header_sheets": (
            "no header row with the columns {required} in the first {rows} rows of the "
            "sheets {sheets}",
            "Put the column names {required} in one row, or name your own under [columns] "
            "in mvi-xl.toml.",
        ),
        "missing_columns": (
            "required columns '{field}' are missing (header on row {row}, found: {found})",
            "Add the columns, or name your columns under [columns] in mvi-xl.toml.",
        ),
        "missing_column": (
            "required column '{field}' is missing (header on row {row}, found: {found})",
            "Add a column '{example}', or name your column under [columns] in mvi-xl.toml.",
        ),
        "no_sheet": (
            "sheet '{sheet}' does not exist (there are: {available})",
            "Choose an existing sheet with --sheet.",
        ),
        "unreadable": (
            "cannot read the register: {reason}",
            "Check that it is an Excel, LibreOffice or CSV file and save it again.",
        ),
        "reason_part_missing": ("part {part} is missing", ""),
        "reason_no_workbook": ("the file does not say where its workbook is (_rels/.rels)", ""),
        "reason_sheet_without_part": ("sheet {sheet} has no part in the file", ""),
        "reason_sheet_part_missing": ("sheet {sheet}: part {part} is missing", ""),
        "reason_compression": (
            "part {part} is packed in a way (method {method}) that Excel does not use",
            "",
        ),
        "reason_cell_reference": ("sheet {sheet}: invalid cell reference '{ref}'", ""),
        "reason_row_number": ("sheet {sheet}: invalid row number '{number}'", ""),
        "reason_table_in_table": ("sheet {sheet}: a table inside a table", ""),
        "reason_unexpected_root": ("part {part} does not start with <{element}>", ""),
        "reason_bad_count": ("sheet {sheet}: invalid value '{value}' for {attribute}", ""),
        "reason_xml": (
            "part {part} is not valid XML ({problem}, line {line}, column {column})",
            "",
        ),
        "xml_syntax": ("syntax error", ""),
        "xml_no_elements": ("the part is empty or ends too early", ""),
        "xml_invalid_token": ("invalid character", ""),
        "xml_unclosed_token": ("unfinished tag", ""),
        "xml_partial_char": ("incomplete character", ""),
        "xml_tag_mismatch": ("start and end tag do not belong together", ""),
        "xml_duplicate_attribute": ("duplicate attribute", ""),
        "xml_junk_after": ("content after the end of the document", ""),
        "xml_undefined_entity": ("unknown entity", ""),
        "xml_bad_character": ("reference to an invalid character", ""),
        "xml_encoding": ("unknown or wrong character encoding", ""),
        "xml_declaration": ("invalid XML declaration", ""),
        "xml_unbound_prefix": ("unknown namespace prefix", ""),
        "xml_other": ("invalid structure", ""),
        "reason_os": ("read error (code {code})", ""),
        "reason_os_io": ("the drive reported a read error", ""),
        "reason_os_network": ("the network drive does not answer", ""),
        "reason_os_busy": ("the file is busy", ""),
        "reason_os_name": ("the path is too long or invalid", ""),
        "reason_reader_format": (
            "python-calamine does not recognise the content as a workbook",
            "",
        ),
        "reason_reader_xml": ("python-calamine found an invalid XML part", ""),
        "reason_reader_zip": ("python-calamine cannot unpack the content", ""),
        "reason_reader_io": ("python-calamine got a read error", ""),
        "reason_reader_sheet": ("python-calamine does not find this sheet", ""),
        "reason_reader_crash": ("python-calamine broke down on the content of the file", ""),
        "reason_reader_other": ("python-calamine cannot read the content", ""),
        "reason_csv_field_too_long": (
            "a field is longer than {limit} characters (a quote that is never closed?)",
            "",
        ),
        "reason_csv_other": ("invalid structure", ""),
        "password": (
            "the register is password-protected",
            "Save a copy without a password and read that.",
        ),
        "not_found": (
            "file not found",
            "Check the path; is the (network) drive available?",
        ),
        "is_folder": ("this is a folder, not a register", "Give the path of the register file."),
        "no_permission": (
            "no permission to read this file",
            "Ask for read access, or copy the register to a folder you can read.",
        ),
        "empty_file": ("the file is empty", "Choose the right register, or save it again."),
        "not_spreadsheet": (
            "this is not a spreadsheet (xlsx, xlsm, xlsb, xls, ods or csv)",
            "Choose the register file, or save it from Excel as .xlsx.",
        ),
        "register_is_monitor": (
            "this is a monitor made by mvi-xl, not a register",
            "Give the register the monitor was made from. If this really is a register, remove "
            "its property 'mvi-xl fingerprint' (Excel: File > Info > Properties > Advanced "
            "Properties > Custom).",
        ),
        "workbook_renamed": (
            "the workbook is stored in this file as {part}, a name mvi-xl cannot read",
            "Open the file in Excel or LibreOffice and save it again; that gives the workbook "
            "its usual name.",
        ),
        "mixed_package": (
            "this file is an {first} and an {second} file at once, which no spreadsheet "
            "program writes",
            "Don't use this file; open the register in Excel and save it again.",
        ),
        "duplicate_part": (
            "part {part} is in the file twice (ignoring case)",
            "Don't use this file; open the register in Excel and save it again.",
        ),
        "damaged": (
            "the file is damaged or was not saved completely",
            "Open it in Excel, save it again and retry.",
        ),
        # broken and hostile registers: limits, zip and XML checks, layout
        "file_too_big": (
            "the file is {size} MB; the limit is {limit} MB",
            "Is this really the register? Then raise max_file_mb under [limits] in mvi-xl.toml.",
        ),
        "not_regular_file": (
            "this is not a regular file (a device or a pipe, for example)",
            "Give the path of the register file itself.",
        ),
        "markup_file": (
            "this is a web page or an XML file, not a spreadsheet",
            "Open it in Excel and save it as an Excel workbook (.xlsx).",
        ),
        "too_many_parts": (
            "the file consists of more than {limit} parts ({count})",
            "No register looks like this; open it in Excel and save it again.",
        ),
        "zip_ratio": (
            "the file unpacks to {size} MB (limit {unpacked} MB) and part {part} inflates "
            "{ratio} times (more than {limit}); this looks like a zip bomb",
            "Don't use this file; open the register in Excel and save it again. If you trust "
            "it all the same, raise max_unpacked_mb under [limits] in mvi-xl.toml.",
        ),
        "unpacked_too_big": (
            "the file unpacks to {size} MB; the limit is {limit} MB",
            "Remove large images or unneeded sheets, or raise max_unpacked_mb under [limits] in "
            "mvi-xl.toml.",
        ),
        "zip_size_mismatch": (
            "part {part} inflates to more than it declares: the file was tampered with or is "
            "damaged",
            "Don't use this file; open the register in Excel and save it again.",
        ),
        "xml_doctype": (
            "part {part} contains a DTD (<!DOCTYPE>), which Excel never writes; the file was "
            "not read",
            "This may be an attack (XML entities). Open the register in Excel and save it again.",
        ),
        "too_many_rows": (
            "the sheet has data on more than {limit} rows",
            "Remove what is below the register, or raise max_rows under [limits] in mvi-xl.toml.",
        ),
        "too_many_columns": (
            "the sheet has data beyond column {last} (more than {limit} columns)",
            "Remove what is right of the register (cells holding only a space too), or raise "
            "max_columns under [limits] in mvi-xl.toml.",
        ),
        "too_many_cells": (
            "the sheet spans {rows} rows by {columns} columns, more than {limit} cells",
            "Remove what is below or right of the register, or raise max_cells under [limits] in "
            "mvi-xl.toml.",
        ),
        "too_many_strings": (
            "the workbook keeps more distinct texts than the {limit} cells a sheet may have",
            "A register has far fewer; open it in Excel and save it again. If it really is that "
            "large, raise max_cells under [limits] in mvi-xl.toml.",
        ),
        "formula_not_calculated": (
            "formula without a calculated value ({count} such cell(s) on this sheet); mvi-xl "
            "does not calculate formulas and would read 0 or nothing here",
            "Open the register in Excel (or LibreOffice), save it and try again.",
        ),
        "csv_unreadable": (
            "the CSV file is unreadable at line {line}: {reason}",
            "Open it in Excel and save it again as CSV (semicolons) or as .xlsx.",
        ),
        "formula_not_calculated_elsewhere": (
            "{count} formula cell(s) without a calculated value, in columns mvi-xl does not read "
            "(such as column {column}); not used",
            "Nothing to do; open and save the register in Excel to have them calculated.",
        ),
        "hidden_rows": (
            "{count} hidden row(s) with actions; they are counted",
            "Should an action not count? Set its status to vervallen or delete the row.",
        ),
        "merged_cells": (
            "merged cells: '{value}' applies to every action beside them",
            "Nothing to do; if this is wrong, unmerge the cells and fill in every row.",
        ),
        "header_band": (
            "the header spans rows {first} to {last} (merged cells); each column name is taken "
            "from its lowest filled cell",
            "Nothing to do; the actions start below row {last}.",
        ),
        "text_too_long": (
            "text of {length} characters; an Excel cell holds {limit}, the rest was left out",
            "Shorten the text, or put the rest in the notes column.",
        ),
        "ragged_row": (
            "this row has {fields} fields, the header {header}: is there a {delimiter} in a text "
            "without quotes?",
            "Put such a text in double quotes, or save the register from Excel.",
        ),
        "no_actions": (
            "there are no actions under the header",
            "Fill in actions under the header, or choose the sheet with the actions with --sheet.",
        ),
        "strict": (
            "{count} warning(s) and --strict; first: {first}",
            "Fix the warnings (mvi-xl check lists them all) or leave out --strict.",
        ),
        "write_failed": (
            "cannot write the monitor: {reason}",
            "Choose a folder you can write to with -o.",
        ),
        "output_is_register": (
            "the output would overwrite the register itself",
            "Choose another file name for the monitor with -o.",
        ),
        "output_is_folder": (
            "this is a folder; the monitor must be a file",
            "Give a file name with -o, for example monitor.xlsx.",
        ),
        "exists": (
            "already exists; mvi-xl does not overwrite an existing register",
            "Choose another file name.",
        ),
        "since_after_as_of": (
            "--since {since} is not before the reference date {as_of}",
            "Use the previous monitor's reference date for --since.",
        ),
        "history_no_snapshot": (
            "the history has no snapshot on {date}",
            "mvi-xl history list shows the reference dates there are.",
        ),
        "history_which": (
            "which history? This folder has {count} ({names})",
            "Give the monitor or the history file.",
        ),
        "history_missing": (
            "there is no history (yet)",
            "Every mvi-xl build records a snapshot; record old registers with mvi-xl history add.",
        ),
        "history_unreadable": (
            "the history is unreadable: {reason}",
            "Repair the file or restore a backup.",
        ),
        "history_read_failed": (
            "cannot read the history: {reason}; nothing was changed",
            "Try again (is the network drive there, does a virus scanner hold the file?); the "
            "history was not touched.",
        ),
        "history_not_regular": (
            "the history is not a regular file (a pipe or a device, for example); nothing was "
            "changed",
            "Remove or rename it; mvi-xl then starts a new history.",
        ),
        "history_too_big": (
            "the history is {size} MB; the limit is {limit} MB; nothing was changed",
            "Is this really this monitor's history? Then move the file aside; mvi-xl starts a "
            "new one.",
        ),
        "history_newer": (
            "the history was written by a newer version of mvi-xl ({found}; this version reads "
            "{supported}); nothing was changed",
            "Upgrade mvi-xl on this computer (pip install --upgrade mvi-xl), so that every run "
            "on this drive uses the same version.",
        ),
        "history_write_failed": (
            "cannot write the history: {reason}; the monitor and the history were not changed",
            "Free some space on the drive (or check the permissions) and try again.",
        ),
        "history_in_use": (
            "the history is in use (open in Excel?) and could not be replaced; nothing was "
            "published",
            "Close the history file and try again.",
        ),
        "archive_failed": (
            "cannot keep the published monitor in the archive: {reason}; nothing was published",
            "Check the folder (setting archive under [monitor] in mvi-xl.toml) and that you may "
            "write there.",
        ),
        "changing": (
            "the register changed while it was being read (is it being saved?)",
            "Try again in a minute; the previous monitor is unchanged.",
        ),
        "per_department_usage": (
            "--per-afdeling writes a folder of monitors and needs -o FOLDER, without --afdeling",
            "For example: mvi-xl build register.xlsx --per-afdeling -o monitors",
        ),
        "no_registers": (
            "this folder has no register (xlsx, xlsm, xlsb, xls, ods or csv)",
            "Give the register itself, or a folder of registers; mvi-xl skips ~$ files and its "
            "own monitors.",
        ),
        "no_department": (
            "department '{department}' is not in the register (there are: {known})",
            "Write the department as in the Department column; case doesn't matter.",
        ),
        "no_folder": (
            "cannot write the monitor: this folder does not exist",
            "Create the folder first, or choose an existing one with -o.",
        ),
        "owner_file": (
            "this is the helper file Excel puts beside an open workbook, not a register",
            "Give the register itself (without ~$ in its name).",
        ),
        "in_use": (
            "the monitor is in use (open in Excel?) and could not be replaced",
            "Close the monitor and try again.",
        ),
        "busy": (
            "another mvi-xl run is already making this monitor; gave up after {seconds} seconds",
            "Try again later; stop a task that hangs. mvi-xl takes over the lock of a run that "
            "was cut off by itself.",
        ),
        # the shared drive (issue 15)
        "monitor_read_only": (
            "the monitor is read-only and can't be replaced ({reason})",
            "Clear 'Read-only' in the file's properties, or choose another name with -o.",
        ),
        "write_denied": (
            "no permission to write ({reason})",
            "Ask for write permission on this folder, or choose a folder you may write to with -o.",
        ),
        "drive_gone": (
            "the drive can't be reached ({reason})",
            "Is the (network) drive available? Nothing was changed; try again once the drive "
            "is back.",
        ),
        "lock_lost": (
            "another mvi-xl run took over the lock; the monitor was not replaced",
            "Nothing to do: the other run makes the monitor. If this run hung for long, look "
            "at the scheduled task.",
        ),
        "writes_register": (
            "this file is the register {register}; mvi-xl never writes into a register",
            "Choose another name (with -o or --log-file).",
        ),
        "link_outside": (
            "link to a file outside the folder ({target}); not read",
            "Put the register itself in the folder, or give it separately.",
        ),
        "path_too_long": (
            "the path is {length} characters long; Excel opens files up to {limit} characters",
            "Choose a shorter folder or name (with -o), or Excel won't open this file.",
        ),
        "pdf_in_use": (
            "{target} is in use (open in a PDF viewer?); the new PDF is in {path}",
            "Close the PDF; the next run replaces it again.",
        ),
        "schedule_bad_argument": (
            "'{argument}' can't go into a scheduled task (a double quote or a control character)",
            "Choose a name without double quotes.",
        ),
        "schedule_cmd_dir": (
            "the task file {folder} has a character cmd.exe reads specially (% & | < > ^ ( ) !)",
            "Choose a folder without those characters with --cmd-dir.",
        ),
        "schedule_python": (
            "the task is for Windows and this computer is not Windows, so the Python there is "
            "unknown",
            r"Give its full path with --python, for example --python "
            r"'C:\Program Files\Python311\python.exe'.",
        ),
        "schedule_too_long": (
            "the schtasks line would be {length} characters long; schtasks takes fewer than "
            "{limit}",
            "Choose a shorter folder with --cmd-dir, or a shorter account with --run-as.",
        ),
        "schedule_one_output": (
            "-o goes with one register; with more, each gets its own monitor",
            "Schedule the registers one by one with -o, or leave -o out.",
        ),
        "schedule_mapped_drive": (
            "{path} is on a network drive with a drive letter, which a scheduled task without "
            "a logon doesn't see; the task uses {unc}",
            "Nothing to do; better give the UNC path from now on.",
        ),
        "schedule_drive_letter": (
            "{path} starts with a drive letter; if that is a network drive, a scheduled task "
            "without a logon doesn't see it",
            r"Give its UNC path then (\\server\share\...).",
        ),
        "no_register": (
            "no register given",
            "Give the path of the register, or use --example for the example.",
        ),
        "example_and_register": (
            "--example and a register exclude each other",
            "Leave out the register or --example.",
        ),
        "config_unreadable": (
            "cannot read the configuration file: {reason}",
            "Check the TOML syntax; see templates/mvi-xl.toml for an example.",
        ),
        "config_missing": ("configuration file not found", "Check the path given to --config."),
        "config_unknown_key": (
            "unknown setting '{key}'",
            "Known are: {known}. See templates/mvi-xl.toml.",
        ),
        "config_table": (
            "setting '{key}' must be a table",
            "Write it as a heading [{key}] with settings below it.",
        ),
        "config_text": (
            "setting '{key}' must be text",
            'Put the value in quotes, like {key} = "text".',
        ),
        "config_flag": (
            "setting '{key}' must be true or false",
            "Write {key} = true or {key} = false (without quotes).",
        ),
        "config_list": (
            "setting '{key}' must be a list of text",
            'Write it as {key} = ["Name 1", "Name 2"].',
        ),
        "config_choice": ("setting '{key}' has an unknown value", "Choose from: {choices}."),
        "config_colour": (
            "setting '{key}': '{value}' is not a colour",
            'Write a colour like "#1F4E79".',
        ),
        "config_colour_name": (
            "setting '{key}': '{value}' is not a colour",
            'Write a colour name (groen, oranje, geel, rood, blauw, grijs) or "#00B050".',
        ),
        "config_logo_missing": (
            "setting '{key}': image {file} not found",
            "A relative path counts from the folder of mvi-xl.toml.",
        ),
        "config_logo_type": (
            "setting '{key}': the logo must be an image",
            "Use a PNG, JPEG, GIF or BMP file.",
        ),
        "config_range": (
            "setting '{key}' is out of range",
            "Use a whole number from {low} to {high}.",
        ),
        "no_libreoffice": (
            "LibreOffice not found; --pdf needs LibreOffice Calc to print the monitor as a PDF, "
            "so nothing was written",
            "Install LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
            "libreoffice-calc-nogui), name soffice in {env}, or leave out --pdf.",
        ),
        "pdf_failed": (
            "LibreOffice could not make the PDF ({reason}); the monitor was not replaced",
            "Try again, or build the monitor without --pdf and print it from Excel.",
        ),
    },
}


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


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang]


class Phrase:
    """Part of a message that has words of its own (why a register is unreadable, say): a
    message code and its parameters, put into words in the language of the message that
    carries it. Only its text is used; its hint in MESSAGES stays empty."""

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
    parameters is put into words in the same language, and a parameter that holds a canonical
    status (``STATUS_PARAMS``) is shown in ``lang``: "voltooid" becomes "completed"."""
    text, hint = MESSAGES[lang][code]
    filled = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in params.items()}
    for name in STATUS_PARAMS & filled.keys():
        filled[name] = LABELS[lang].get(f"status.{filled[name]}", filled[name])
    return text.format(**filled), hint.format(**filled)


class Words:
    """The labels of one language, with the few lookups every renderer needs."""

    def __init__(self, lang: str) -> None:
        if lang not in LABELS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self._labels = LABELS[lang]

    def __getitem__(self, key: str) -> str:
        return self._labels[key]

    def status(self, status: str) -> str:
        return self._labels[f"status.{status}"]

    def period(self, period: str) -> str:
        """A period label as shown; the bucket for actions without a period gets its name."""
        return period or self._labels["no_period"]

    def field(self, field_name: str) -> str:
        return self._labels[f"field.{field_name}"]

    @staticmethod
    def date(value) -> str:
        """Dates as the Dutch write them, in both languages: 01-06-2018."""
        return value.strftime("%d-%m-%Y") if value is not None else ""


# --- The published renderings' messages (page_words.py; to move into the gettext catalogue) ---
def _merge_page_messages() -> None:
    from .page_words import PAGE_MESSAGES

    for lang, messages in PAGE_MESSAGES.items():
        for code, pair in messages.items():
            MESSAGES[lang].setdefault(code, pair)


_merge_page_messages()
