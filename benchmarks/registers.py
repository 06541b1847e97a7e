"""Deterministic registers for the benchmark, messy the way real ones are.

A register of N actions looks like one a coordinator keeps, or a regional roll-up of many of
them: an explanation sheet first, then the action sheet with a title and a subtitle above the
header row, blocks of actions per period separated by blank rows, ids typed as text, statuses
in mixed spellings (a few typos and blanks among them), real date cells and dates typed as
text, themes, departments, owners, progress lights and "Op monitor" flags, plus the optional
Aandachtspunten and Communicatie sheets. Every code path of the reader is exercised, a few
warnings included.

The same N always gives the same file: a seeded random generator, a fixed creation date, and
XlsxWriter's fixed zip timestamps. XlsxWriter's constant_memory mode keeps generating 100,000
actions quick and small.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import xlsxwriter

from mvi_xl.words.synonyms import NATIONAL_THEMES

#: Bump when the generated content changes, so stale registers in benchmarks/out/ are rebuilt.
VERSION = 1
SHEET = "Acties 2021-2025"
HEADER_ROW = 3  # 0-based: title, subtitle and a blank row above it
AS_OF = dt.date(2025, 11, 1)
CREATED = dt.datetime(2025, 11, 1, 9, 0, 0)

HEADERS = (
    "Nr",
    "Actie",
    "Periode",
    "Status",
    "Thema",
    "Afdeling",
    "Trekker",
    "Startdatum",
    "Einddatum",
    "Datum gereed",
    "Voortgang",
    "Op monitor",
    "Toelichting",
)
WIDTHS = (7, 80, 26, 16, 30, 20, 28, 12, 12, 13, 11, 11, 40)

#: (label, how its actions are spread over voltooid, lopend, gepland, vervallen)
PERIODS = (
    ("Wat doen we al goed?", (90, 6, 2, 2)),
    ("Aan de slag in 2021", (70, 18, 8, 4)),
    ("Aan de slag in 2022-2023", (45, 30, 20, 5)),
    ("Aan de slag in 2024-2025", (15, 35, 45, 5)),
    ("Actie doorlopend", (10, 75, 12, 3)),
)
#: Spellings as staff type them; the first of each is the canonical one.
SPELLINGS = {
    "voltooid": ("Voltooid", "voltooid", "afgerond", "Afgerond", "gereed ", "Gerealiseerd"),
    "lopend": ("Lopend", "lopend", "in uitvoering", "In uitvoering ", "bezig", "Gestart"),
    "gepland": ("Gepland", "gepland", "nog niet gestart", "Niet gestart", "te doen"),
    "vervallen": ("Vervallen", "vervallen", "geannuleerd", "Gestopt"),
}
TYPOS = ("voltoid", "Loppend", "gepalnd", "on hold")  # unknown statuses: warnings, as in life
THEMES = NATIONAL_THEMES
DEPARTMENTS = (
    "Inkoop",
    "Facilitaire Zaken",
    "Ruimte",
    "Sociaal Domein",
    "Bedrijfsvoering",
    "Communicatie",
    "Stadsbeheer",
    "ICT",
    "Vastgoed",
    "Mobiliteit",
)
ROLES = (
    "Inkoopadviseur",
    "Contractmanager",
    "Beleidsadviseur",
    "Projectleider",
    "Teamleider",
    "Coördinator",
    "Accountmanager",
    "Adviseur",
)
SUBJECTS = (
    "Duurzame criteria",
    "Social Return",
    "Marktconsultatie",
    "CO2-prestatieladder",
    "Circulaire inkoop",
    "Fairtrade",
    "Emissieloze logistiek",
    "Hergebruik",
    "Gescheiden inzameling",
    "Energiebesparing",
    "Biobased materialen",
    "Inclusief opdrachtgeverschap",
)
OBJECTS = (
    "aanbesteding schoonmaak",
    "raamcontract ICT-hardware",
    "groenonderhoud",
    "catering en automaten",
    "wagenpark en dienstfietsen",
    "kantoorartikelen",
    "bouw sporthal",
    "openbare verlichting",
    "drukwerk",
    "bedrijfskleding",
    "onderhoud wegen",
    "textielinzameling",
)
ADDITIONS = (
    "",
    "",
    " in samenwerking met de regiogemeenten",
    " inclusief evaluatie na één jaar",
    " bij alle aanbestedingen boven de Europese drempel",
    " en vastleggen in het inkoopbeleid",
)
NOTES = (
    "",
    "",
    "",
    "Zie raadsinformatiebrief",
    "Loopt mee in de regionale aanpak",
    "Budget aangevraagd bij de kadernota",
    "Ca. 60% gerealiseerd",
)
PROGRESS = ("", "", "groen", "groen", "oranje", "rood", "op schema")
ON_MONITOR = ("", "nee", "nee", "nee", "ja")


def path_for(out_dir: Path, actions: int) -> Path:
    return out_dir / f"register-{actions}-v{VERSION}.xlsx"


def ensure(out_dir: Path, actions: int) -> Path:
    """The register of ``actions`` actions in ``out_dir``, generated when missing."""
    path = path_for(out_dir, actions)
    if not path.exists():
        out_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.xlsx")
        generate(partial, actions)
        partial.replace(path)
    return path


def generate(path: Path, actions: int) -> None:
    rng = random.Random(actions)
    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"title": "Actieplan MVI", "created": CREATED})
    bold = workbook.add_format({"bold": True})
    title = workbook.add_format({"bold": True, "font_size": 14})
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})

    explanation = workbook.add_worksheet("Uitleg")
    explanation.write_string(0, 0, "Actieplan Maatschappelijk Verantwoord Inkopen", title)
    explanation.write_string(2, 0, "Elke actie staat op één regel, per periode gegroepeerd.")
    explanation.write_string(3, 0, "Vul bij elke actie de stand van zaken in.")

    sheet = workbook.add_worksheet(SHEET)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    sheet.write_string(0, 0, f"Actieplan MVI 2021-2025 ({actions} acties)", title)
    sheet.write_string(1, 0, f"Stand van zaken per {AS_OF:%d-%m-%Y}")
    sheet.write_row(HEADER_ROW, 0, HEADERS, bold)
    _write_actions(sheet, rng, actions, date_format)

    focus = workbook.add_worksheet("Aandachtspunten")
    focus.write_string(0, 0, "Aandachtspunten", bold)
    for row, text in enumerate(
        (
            "Meer aandacht voor Social Return bij kleine opdrachten",
            "Monitoring van CO2-reductie in contracten opzetten",
            "Kennisdeling met de regiogemeenten structureel maken",
        ),
        start=1,
    ):
        focus.write_string(row, 0, text)

    moments = workbook.add_worksheet("Communicatie")
    moments.write_row(0, 0, ("Moment", "Datum", "Status"), bold)
    for row, (text, date, status) in enumerate(
        (
            ("Nieuwsbrief inkoop", dt.date(2025, 3, 1), "gerealiseerd"),
            ("Raadsinformatiebrief MVI", dt.date(2025, 9, 15), "gerealiseerd"),
            ("Regiobijeenkomst MVI", dt.date(2026, 2, 1), "gepland"),
        ),
        start=1,
    ):
        moments.write_string(row, 0, text)
        moments.write_datetime(row, 1, dt.datetime.combine(date, dt.time()), date_format)
        moments.write_string(row, 2, status)
    workbook.close()


def _write_actions(sheet, rng: random.Random, actions: int, date_format) -> None:
    """Blocks of actions per period, a blank row between blocks; the periods take turns."""
    row = HEADER_ROW + 1
    written, block = 0, 0
    owners = [f"{role} {dept.lower()}" for role in ROLES for dept in DEPARTMENTS]
    while written < actions:
        label, spread = PERIODS[block % len(PERIODS)]
        size = min(actions - written, rng.randint(15, 40))
        for number in range(1, size + 1):
            status = _write_action(sheet, row, rng, f"{block + 1}.{number}", label, spread, owners)
            _write_dates(sheet, row, rng, status, date_format)
            row += 1
        written += size
        block += 1
        row += 1  # a blank row between blocks


def _write_action(sheet, row: int, rng: random.Random, number, label, spread, owners) -> str:
    """The text columns of one action; returns its intended status."""
    status = rng.choices(("voltooid", "lopend", "gepland", "vervallen"), spread)[0]
    roll = rng.random()
    if roll < 0.002:
        typed = rng.choice(TYPOS)
    elif roll < 0.003:
        typed = ""
    else:
        typed = rng.choice(SPELLINGS[status])
    if rng.random() < 0.01:
        label = label.lower() + " "  # another spelling of the same period
    text = f"{rng.choice(SUBJECTS)} bij {rng.choice(OBJECTS)}{rng.choice(ADDITIONS)}"
    cells = (
        number,
        text,
        label,
        typed,
        rng.choice(THEMES),
        rng.choice(DEPARTMENTS),
        rng.choice(owners),
    )
    for col, value in enumerate(cells):
        if value:
            sheet.write_string(row, col, value)
    for col, value in (
        (10, rng.choice(PROGRESS)),
        (11, rng.choice(ON_MONITOR)),
        (12, rng.choice(NOTES)),
    ):
        if value:
            sheet.write_string(row, col, value)
    return status


def _write_dates(sheet, row: int, rng: random.Random, status: str, date_format) -> None:
    """Start and end as date cells or typed text; a completion date only when voltooid."""
    start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(0, 1500))
    end = start + dt.timedelta(days=rng.randrange(60, 720))
    completed = None
    if status == "voltooid" and rng.random() < 0.8:
        completed = min(start + dt.timedelta(days=rng.randrange(30, 600)), AS_OF)
    for col, value in ((7, start), (8, end), (9, completed)):
        if value is None:
            continue
        roll = rng.random()
        if roll < 0.75:
            sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), date_format)
        elif roll < 0.9:
            sheet.write_string(row, col, f"{value.day}-{value.month}-{value.year}")
        else:
            sheet.write_string(row, col, value.strftime("%d-%m-%Y"))
