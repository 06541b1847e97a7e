"""Generate the bundled example register of mvi-xl.

This script writes two files:

- ``templates/voorbeeld/register.xlsx``: the action register of the fictional "Gemeente
  Voorbeeld" as its MVI coordinator keeps it on 1 November 2018, messy the way real registers
  are (a title above the header, blank rows between blocks, dates typed as text, statuses
  spelled in many ways, ids as text);
- ``templates/voorbeeld/mvi-xl.toml``: the configuration that goes with it.

Both files are GENERATED: do not edit them by hand. Change this script instead and regenerate
them from the root of the repository with::

    python scripts/make_example.py

The output is deterministic: no randomness and no current date are used, the workbook's
creation date is fixed and XlsxWriter writes fixed zip timestamps, so running the script twice
gives byte-identical files.

Read on 1 November 2018 (``mvi-xl build --example``), the register reproduces the monitor page
of the reference: per period 54/54 completed, 27/23, 25/4 and, for the continuous period,
18/15 running; the lists on the page show the nine actions flagged "Op monitor", and exactly
four actions were completed after 1 June 2018.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "templates" / "voorbeeld"
REGISTER = OUT_DIR / "register.xlsx"
CONFIG = OUT_DIR / "mvi-xl.toml"

#: Fixed document date, so that the file does not change between runs.
CREATED = dt.datetime(2018, 11, 1, 9, 0, 0)
AS_OF = dt.date(2018, 11, 1)
SINCE = dt.date(2018, 6, 1)

ORGANISATION = "Gemeente Voorbeeld"

CONFIG_TEXT = f"""\
# Configuration of the bundled example register (register.xlsx beside this file), used by
# `mvi-xl build --example`. It only names the fictional organisation shown on the monitor.
organisation = "{ORGANISATION}"
"""

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
WIDTHS = (6, 82, 24, 14, 30, 18, 28, 12, 12, 13, 11, 11, 48)

P1 = "Wat doen we al goed?"
P2 = "Aan de slag in 2017"
P3 = "Aan de slag in 2018-2020"
P4 = "Actie doorlopend"

# Short names for the themes and departments, to keep the tables below readable.
MIL, KLI, CIR = "Milieu", "Klimaat", "Circulair"
ISV = "Ketenverantwoordelijkheid (ISV)"
DI, SR = "Diversiteit & Inclusie", "Social Return"
INN, MKB = "Innovatie", "MKB-vriendelijk"
INK, FAC, RUI = "Inkoop", "Facilitaire Zaken", "Ruimte"
SOC, BED, COM, STB = "Sociaal Domein", "Bedrijfsvoering", "Communicatie", "Stadsbeheer"

#: The spellings staff use, mapped to what they mean; used only for the self-check below.
#: Every spelling is one mvi-xl recognises (see mvi_xl/words/synonyms.py, STATUS_SYNONYMS).
MEANING = {
    "voltooid": "voltooid",
    "afgerond": "voltooid",
    "gereed": "voltooid",
    "gerealiseerd": "voltooid",
    "lopend": "lopend",
    "in uitvoering": "lopend",
    "bezig": "lopend",
    "gepland": "gepland",
    "nog niet gestart": "gepland",
    "niet gestart": "gepland",
    "vervallen": "vervallen",
}

Date = dt.date | str | None  # a real date cell, a date typed as text, or blank


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


@dataclass(frozen=True)
class Row:
    text: str
    status: str
    theme: str = ""
    department: str = ""
    owner: str = ""
    start: Date = None
    end: Date = None
    completed: Date = None
    progress: str = ""
    on_monitor: str = ""
    notes: str = ""
    id: str | float | None = None  # None: numbered "<block>.<n>" as text


# --- Block 1: what the organisation already does well (all completed) -------------------------

# (text, theme, department, owner, completed, notes)
_DONE_WELL: tuple[tuple[str, str, str, str, Date, str], ...] = (
    (
        "Social Return toepassen bij aanbestedingen van werken en diensten boven de Europese "
        "drempel",
        SR,
        INK,
        "Adviseur Social Return",
        None,
        "",
    ),
    (
        "Vaste ondersteuning door het Werkbedrijf bij het invullen van "
        "Social Return-verplichtingen",
        SR,
        SOC,
        "Accountmanager Werkbedrijf",
        None,
        "",
    ),
    (
        "Inkoop van fairtrade koffie en thee voor alle gemeentelijke locaties",
        ISV,
        FAC,
        "Facilitair manager",
        None,
        "",
    ),
    (
        "Inzet van 100% groene stroom uit Nederlandse wind voor gemeentelijke gebouwen",
        KLI,
        FAC,
        "Contractmanager energie",
        d(2016, 1, 1),
        "Contract energie 2016-2019",
    ),
    ("Zonnepanelen op stadskantoor en sporthallen", KLI, FAC, "Projectleider vastgoed", None, ""),
    (
        "Elektrische dienstauto's en dienstfietsen voor medewerkers",
        KLI,
        FAC,
        "Coördinator wagenpark",
        None,
        "",
    ),
    (
        "Openbare verlichting vervangen door LED-armaturen met dimregime",
        KLI,
        STB,
        "Beleidsadviseur openbare verlichting",
        None,
        "ca. 60% van de lichtpunten",
    ),
    (
        "Hergebruik van kantoormeubilair bij de verbouwing van het stadskantoor",
        CIR,
        FAC,
        "Facilitair manager",
        "12-10-2016",
        "",
    ),
    (
        "Gescheiden inzameling van papier, PMD en GFT in het stadskantoor",
        MIL,
        FAC,
        "Teamleider Facilitaire Zaken",
        None,
        "",
    ),
    (
        "Duurzame catering met biologische en seizoensgebonden producten",
        MIL,
        FAC,
        "Contractmanager",
        None,
        "",
    ),
    (
        "Ecologisch bermbeheer: maaien en afvoeren, geen chemische onkruidbestrijding",
        MIL,
        STB,
        "Teamleider Groen",
        None,
        "",
    ),
    (
        "Toepassing van gerecycled asfalt en betongranulaat in wegenprojecten",
        CIR,
        RUI,
        "Projectleider civiel",
        None,
        "",
    ),
    (
        "CO2-prestatieladder als gunningscriterium bij grote GWW-aanbestedingen",
        KLI,
        RUI,
        "Adviseur aanbesteden",
        None,
        "",
    ),
    (
        "Minimumeisen duurzaam inkopen (criteria PIANOo) standaard opgenomen in het bestek",
        MIL,
        INK,
        "Inkoopadviseur",
        None,
        "",
    ),
    (
        "Inkoop- en aanbestedingsbeleid met paragraaf MVI vastgesteld door het college",
        "",
        INK,
        "Teamleider Inkoop",
        d(2016, 6, 14),
        "",
    ),
    (
        "Ondertekening Manifest MVI door de wethouder",
        "",
        BED,
        "Teamleider Inkoop",
        d(2016, 11, 3),
        "",
    ),
    (
        "Verklaring internationale sociale voorwaarden bij risicovolle productgroepen",
        ISV,
        INK,
        "Inkoopadviseur",
        None,
        "",
    ),
    (
        "Werkkleding buitendienst ingekocht met ISV-eisen en duurzaam katoen",
        ISV,
        STB,
        "Contractmanager",
        None,
        "",
    ),
    (
        "Natuursteen voor pleinen alleen met certificaat voor een eerlijke keten",
        ISV,
        RUI,
        "Projectleider civiel",
        None,
        "",
    ),
    (
        "Garantiebanen gerealiseerd binnen de eigen organisatie",
        DI,
        BED,
        "HR-adviseur",
        None,
        "Doel 2016 gehaald",
    ),
    (
        "Stageplaatsen voor leerlingen uit het praktijkonderwijs bij Stadsbeheer",
        DI,
        STB,
        "Teamleider Stadsbeheer",
        None,
        "",
    ),
    (
        "Schoonmaak van de wijkgebouwen uitbesteed aan een sociale onderneming",
        SR,
        FAC,
        "Contractmanager",
        None,
        "",
    ),
    (
        "Groenonderhoud wijkparken deels uitgevoerd door de sociale werkvoorziening",
        SR,
        STB,
        "Teamleider Groen",
        None,
        "",
    ),
    (
        "Digitaal aanbesteden via TenderNed voor alle openbare procedures",
        MKB,
        INK,
        "Inkoopadviseur",
        None,
        "",
    ),
    (
        "Opdrachten in percelen verdeeld om lokale MKB-ondernemers kansen te bieden",
        MKB,
        INK,
        "Inkoopadviseur",
        None,
        "",
    ),
    (
        "Uniforme Eigen Verklaring: geen onnodige bewijsstukken vooraf",
        MKB,
        INK,
        "Jurist inkoop",
        None,
        "",
    ),
    (
        "Papierloos vergaderen voor college en gemeenteraad",
        MIL,
        BED,
        "Adviseur informatievoorziening",
        None,
        "",
    ),
    (
        "Printers centraal opgesteld, standaard dubbelzijdig en zwart-wit afdrukken",
        MIL,
        BED,
        "Adviseur informatievoorziening",
        None,
        "",
    ),
    ("Kopieerpapier met FSC-keurmerk en EU Ecolabel", MIL, FAC, "Facilitair medewerker", None, ""),
    (
        "Schoonmaakmiddelen met ecolabel en gebruik van microvezeldoekjes",
        MIL,
        FAC,
        "Contractmanager",
        None,
        "",
    ),
    (
        "Gemeentelijke evenementen zonder wegwerpplastic (herbruikbare bekers)",
        CIR,
        COM,
        "Evenementencoördinator",
        None,
        "",
    ),
    (
        "Energiescans uitgevoerd voor alle gemeentelijke gebouwen",
        KLI,
        FAC,
        "Adviseur duurzaamheid",
        "2016-03-31",
        "",
    ),
    (
        "Laadpalen voor elektrische auto's bij stadskantoor en parkeergarages",
        KLI,
        RUI,
        "Beleidsadviseur mobiliteit",
        None,
        "",
    ),
    (
        "Afgeschreven ICT-apparatuur laten hergebruiken via een gecertificeerde verwerker",
        CIR,
        BED,
        "Contractmanager ICT",
        None,
        "",
    ),
    (
        "GPR-score als eis bij de nieuwbouw van scholen",
        MIL,
        RUI,
        "Projectleider vastgoed",
        None,
        "",
    ),
    ("Bijenvriendelijke beplanting in het openbaar groen", MIL, STB, "Teamleider Groen", None, ""),
    (
        "Aanbesteding Wmo-vervoer met eisen aan schone voertuigen",
        KLI,
        SOC,
        "Contractmanager Sociaal Domein",
        None,
        "",
    ),
    (
        "Social Return opgenomen in de contracten voor jeugdzorg en Wmo",
        SR,
        SOC,
        "Contractmanager Sociaal Domein",
        None,
        "",
    ),
    (
        "Social Return-verplichtingen bijgehouden in het contractbeheersysteem",
        SR,
        INK,
        "Contractmanager",
        None,
        "",
    ),
    (
        "Inkoopkalender gepubliceerd op de gemeentelijke website",
        MKB,
        INK,
        "Teamleider Inkoop",
        None,
        "",
    ),
    (
        "Jaarlijkse ondernemersbijeenkomst 'Zakendoen met de gemeente'",
        MKB,
        COM,
        "Communicatieadviseur",
        None,
        "",
    ),
    (
        "Innovatiepartnerschap voor slimme ondergrondse afvalcontainers",
        INN,
        STB,
        "Projectleider afval",
        None,
        "",
    ),
    (
        "Warmtepomp en isolatie bij de renovatie van de gemeentewerf",
        KLI,
        FAC,
        "Projectleider vastgoed",
        None,
        "",
    ),
    (
        "Watertappunten in de binnenstad in plaats van flesjes water op evenementen",
        CIR,
        STB,
        "Evenementencoördinator",
        None,
        "",
    ),
    (
        "Hergebruik van straatmeubilair en bestrating bij de herinrichting van het centrum",
        CIR,
        RUI,
        "Projectleider civiel",
        None,
        "",
    ),
    (
        "Houtige reststromen uit het groenonderhoud naar de regionale biomassacentrale",
        CIR,
        STB,
        "Teamleider Groen",
        None,
        "biobased",
    ),
    (
        "Duurzaamheidsparagraaf opgenomen in het format collegevoorstel",
        MIL,
        BED,
        "Adviseur duurzaamheid",
        None,
        "",
    ),
    (
        "Algemene inkoopvoorwaarden aangevuld met een artikel over kinderarbeid en eerlijke lonen",
        ISV,
        INK,
        "Jurist inkoop",
        None,
        "",
    ),
    (
        "Stadskantoor toegankelijk gemaakt voor bezoekers en medewerkers met een beperking",
        DI,
        FAC,
        "Facilitair manager",
        None,
        "",
    ),
    ("Anoniem solliciteren bij vacatures van de gemeente", DI, BED, "HR-adviseur", None, ""),
    (
        "Lokale en regionale leveranciers uitgenodigd bij meervoudig onderhandse aanbestedingen",
        MKB,
        INK,
        "Inkoopadviseur",
        None,
        "",
    ),
    (
        "Beton met gerecyclede toeslagstoffen toegepast bij de nieuwe fietsbrug",
        CIR,
        RUI,
        "Projectleider civiel",
        d(2016, 9, 30),
        "",
    ),
    (
        "Samenwerking in het regionale inkoopbureau met een gezamenlijke MVI-ambitie",
        "",
        INK,
        "Teamleider Inkoop",
        None,
        "",
    ),
    (
        "Fietsregeling voor medewerkers (fiscaal voordelig een fiets kopen)",
        KLI,
        BED,
        "HR-adviseur",
        None,
        "",
    ),
)


def _done_well_status(index: int) -> str:
    """The completed statuses of block 1 come in runs: different people filled them in."""
    if index < 18:
        return "Voltooid"
    if index < 27:
        return "voltooid"
    if index < 38:
        return "afgerond" if index != 33 else "Gereed "
    if index < 46:
        return "gerealiseerd"
    return "Voltooid" if index % 5 else "Gereed "


BLOCK_1 = tuple(
    Row(
        text,
        _done_well_status(i),
        theme,
        dept,
        owner,
        completed=completed,
        notes=notes,
        on_monitor="nee" if i in (3, 14) else "",
    )
    for i, (text, theme, dept, owner, completed, notes) in enumerate(_DONE_WELL)
)

# --- Block 2: started in 2017 ------------------------------------------------------------------

BLOCK_2 = (
    Row(
        "Aanstellen MVI-coördinator binnen het team Inkoop",
        "Voltooid",
        "",
        INK,
        "Teamleider Inkoop",
        d(2017, 1, 9),
        d(2017, 3, 1),
        d(2017, 2, 1),
    ),
    Row(
        "Opstellen actieplan MVI 2017-2020 en vaststelling door het directieteam",
        "Voltooid",
        "",
        INK,
        "MVI-coördinator",
        d(2017, 1, 9),
        d(2017, 3, 31),
        d(2017, 3, 28),
    ),
    Row(
        "Nulmeting MVI: inkoopvolume per productgroep in beeld brengen",
        "afgerond",
        "",
        INK,
        "MVI-coördinator",
        "1-2-2017",
        "30-4-2017",
        "24-4-2017",
    ),
    Row(
        "MVI-criteria opnemen in de standaard aanbestedingsdocumenten",
        "Voltooid",
        MIL,
        INK,
        "Inkoopadviseur",
        d(2017, 2, 1),
        d(2017, 6, 30),
        d(2017, 6, 12),
    ),
    Row(
        "Marktconsultatie circulair kantoormeubilair",
        "Voltooid",
        CIR,
        FAC,
        "Facilitair manager",
        d(2017, 3, 1),
        d(2017, 6, 30),
        "22-06-2017",
    ),
    Row(
        "Aanbesteding Energie: groene stroom en groen gas met Nederlandse oorsprong",
        "Gereed ",
        KLI,
        FAC,
        "Contractmanager energie",
        d(2017, 1, 16),
        d(2017, 9, 30),
        d(2017, 9, 18),
    ),
    Row(
        "Aanbesteding Schoonmaakdiensten met Social Return en duurzame schoonmaakmiddelen",
        "voltooid",
        SR,
        FAC,
        "Contractmanager",
        d(2017, 2, 1),
        d(2017, 10, 1),
        d(2017, 9, 29),
    ),
    Row(
        "Workshop MVI voor budgethouders",
        "voltooid",
        "",
        INK,
        "Adviseur duurzaamheid",
        d(2017, 4, 1),
        d(2017, 5, 31),
        d(2017, 5, 18),
        notes="25 deelnemers",
    ),
    Row(
        "MVI-pagina op intranet met handreikingen en voorbeelden",
        "afgerond",
        "",
        COM,
        "Communicatieadviseur",
        "1-4-2017",
        "1-6-2017",
        "29-5-2017",
    ),
    Row(
        "Deelname aan de Green Deal Circulair Inkopen",
        "Voltooid",
        CIR,
        INK,
        "MVI-coördinator",
        d(2017, 3, 1),
        d(2017, 12, 31),
        d(2017, 7, 4),
    ),
    Row(
        "Pilot MKB-vriendelijk aanbesteden met vereenvoudigde inschrijving",
        "gerealiseerd",
        MKB,
        INK,
        "Inkoopadviseur",
        d(2017, 5, 1),
        d(2017, 12, 31),
        d(2017, 11, 30),
    ),
    Row(
        "Prestatieladder Socialer Ondernemen (PSO) als gunningscriterium toepassen",
        "Voltooid",
        SR,
        INK,
        "Adviseur Social Return",
        d(2017, 3, 1),
        d(2017, 9, 1),
        d(2017, 8, 28),
    ),
    Row(
        "Risicoanalyse ISV op het inkooppakket: risicolanden en productgroepen",
        "Voltooid",
        ISV,
        INK,
        "Inkoopadviseur",
        d(2017, 4, 1),
        d(2017, 10, 31),
        "2017-10-16",
    ),
    Row(
        "Aanbesteding Bedrijfskleding Stadsbeheer met ISV-eisen en circulaire eisen",
        "Voltooid",
        ISV,
        STB,
        "Contractmanager",
        d(2017, 2, 15),
        d(2017, 11, 1),
        d(2017, 10, 24),
    ),
    Row(
        "Raamovereenkomst duurzame kantoorartikelen",
        "Gereed ",
        MIL,
        FAC,
        "Facilitair medewerker",
        d(2017, 5, 1),
        d(2017, 9, 30),
        d(2017, 9, 1),
    ),
    Row(
        "CO2-footprint van de gemeentelijke organisatie berekenen",
        "Voltooid",
        KLI,
        BED,
        "Adviseur duurzaamheid",
        d(2017, 3, 1),
        d(2017, 12, 31),
        d(2018, 1, 19),
        notes="Over 2016; rapport naar de raad",
    ),
    Row(
        "MVI opnemen in de functieprofielen en jaargesprekken van inkoopadviseurs",
        "afgerond",
        "",
        BED,
        "Teamleider Inkoop",
        d(2017, 6, 1),
        d(2017, 12, 31),
        d(2017, 12, 12),
    ),
    Row(
        "Social Return: afspraken met het Werkbedrijf over de bemiddeling van kandidaten",
        "Voltooid",
        SR,
        SOC,
        "Accountmanager Werkbedrijf",
        d(2017, 2, 1),
        d(2017, 6, 30),
        "3-7-2017",
    ),
    Row(
        "Aanbesteding Afvalinzameling en -verwerking met circulaire doelstellingen",
        "Voltooid",
        CIR,
        STB,
        "Projectleider afval",
        d(2017, 1, 1),
        d(2017, 12, 31),
        d(2017, 12, 20),
    ),
    Row(
        "Marktconsultatie textielinzameling en hergebruik van textiel",
        "voltooid",
        CIR,
        STB,
        "Projectleider afval",
        d(2017, 9, 1),
        d(2017, 12, 1),
        "2017-11-23",
    ),
    Row(
        "Deelname aan opleiding circulair inkopen voor aanbesteding VRI's",
        "Voltooid",
        CIR,
        RUI,
        "Adviseur verkeer",
        d(2017, 10, 1),
        d(2017, 12, 31),
        "12-9-2018",
        on_monitor="ja",
        notes="Opleiding uitgesteld naar 2018 (geen plek)",
    ),
    Row(
        "Aanbesteding Catering met minder vlees en minder voedselverspilling",
        "Voltooid",
        MIL,
        FAC,
        "Contractmanager",
        d(2017, 6, 1),
        d(2018, 1, 1),
        d(2018, 2, 14),
    ),
    Row(
        "Aanpak Duurzaam GWW toepassen bij de reconstructie van de Europaweg",
        "afgerond",
        KLI,
        RUI,
        "Projectleider civiel",
        d(2017, 3, 1),
        d(2018, 3, 1),
        "15-3-2018",
    ),
    Row(
        "Kennisuitwisseling MVI met buurgemeenten in het regionaal inkoopoverleg",
        "Lopend",
        "",
        INK,
        "MVI-coördinator",
        d(2017, 3, 1),
        d(2017, 12, 31),
        progress="oranje",
        notes="Loopt door in 2018",
    ),
    Row(
        "Onderzoek naar de inzet van biobased materialen in de openbare ruimte",
        "in uitvoering",
        CIR,
        STB,
        "Adviseur duurzaamheid",
        "1-9-2017",
        "31-12-2017",
        progress="rood",
        notes="Capaciteit Stadsbeheer ontbreekt",
    ),
    Row(
        "Evaluatie van het Social Return-beleid en rapportage aan de gemeenteraad",
        "nog niet gestart",
        SR,
        SOC,
        "Adviseur Social Return",
        d(2017, 9, 1),
        d(2017, 12, 31),
    ),
    Row(
        "Pilot elektrische veegmachine in het centrum",
        "Vervallen",
        KLI,
        STB,
        "Teamleider Stadsbeheer",
        d(2017, 4, 1),
        d(2017, 10, 1),
        notes="Geen geschikte leverancier; meegenomen bij vervanging wagenpark",
    ),
)

# --- Block 3: 2018-2020 ----------------------------------------------------------------------

BLOCK_3_IDS = (*(f"3.{n}" for n in range(1, 22)), "3.80", "3.81", "3.82", "3.83")

BLOCK_3 = (
    Row(
        "Opstellen inkoopkalender 2018 met MVI-kansen per aanbesteding",
        "Voltooid",
        "",
        INK,
        "MVI-coördinator",
        d(2018, 1, 8),
        d(2018, 3, 31),
        d(2018, 3, 15),
    ),
    Row(
        "Aanbestedingen Facilitair, MFSA De Braak, Zwemvoorziening, Papier, Leerlingenvervoer, "
        "IT Hardware",
        "Lopend",
        "",
        INK,
        "Teamleider Inkoop",
        d(2018, 1, 1),
        d(2019, 6, 30),
        progress="groen",
        on_monitor="ja",
    ),
    Row(
        "Stimuleren intern draagvlak, bewustwording en meer impact realiseren: opstellen "
        "SWOT-analyse met vervolgstappen en concrete acties (n.a.v. themasessies)",
        "in uitvoering",
        "",
        INK,
        "MVI-coördinator",
        "1-9-2018",
        "31-12-2018",
        progress="oranje",
        on_monitor="ja",
    ),
    Row(
        "Aanbestedingen Textielinzameling, Groenonderhoud",
        "Voltooid",
        CIR,
        STB,
        "Contractmanager",
        d(2018, 1, 15),
        d(2018, 7, 1),
        d(2018, 6, 20),
        on_monitor="ja",
    ),
    Row(
        "Circulair inkopen: minimaal twee pilots per jaar met circulaire criteria",
        "Lopend",
        CIR,
        INK,
        "Adviseur duurzaamheid",
        d(2018, 1, 1),
        d(2020, 12, 31),
        progress="groen",
    ),
    Row(
        "Social Return uitbreiden naar leveringen en diensten vanaf € 100.000",
        "bezig",
        SR,
        INK,
        "Adviseur Social Return",
        d(2018, 3, 1),
        d(2019, 1, 1),
        progress="oranje",
        notes="Wacht op herijking Social Return",
    ),
    Row(
        "Gemeente Voorbeeld spreker tijdens ondernemerstreffen op Dag van de Duurzaamheid",
        "afgerond",
        "",
        COM,
        "Adviseur duurzaamheid",
        d(2018, 5, 1),
        d(2018, 7, 5),
        "5-7-2018",
        on_monitor="ja",
    ),
    Row(
        "Conclusies en aanbevelingen n.a.v. themasessies voorleggen aan directieteam",
        "Gepland",
        "",
        INK,
        "Teamleider Inkoop",
        d(2018, 11, 15),
        d(2019, 1, 31),
        on_monitor="ja",
    ),
    Row(
        "Verduurzamen wagenpark: vervanging door elektrische voertuigen",
        "In uitvoering ",
        KLI,
        FAC,
        "Coördinator wagenpark",
        d(2018, 1, 1),
        d(2020, 12, 31),
        progress="rood",
        notes="Levertijden elektrische bedrijfsbussen",
    ),
    Row(
        "MVI Zelfevaluatietool vullen met gegevens en gebruiken als rapportagetool",
        "Gepland",
        "",
        INK,
        "MVI-coördinator",
        "01-12-2018",
        "01-03-2019",
        on_monitor="ja",
    ),
    Row(
        "Themasessies bij drietal afdelingen",
        "gerealiseerd",
        "",
        INK,
        "MVI-coördinator",
        "2018-04-01",
        "2018-09-30",
        "2018-10-03",
        on_monitor="ja",
        notes="Ruimte, Sociaal Domein en Stadsbeheer",
    ),
    Row(
        "Opstellen routekaart circulair inkopen met doelen voor 2020 en 2030",
        "nog niet gestart",
        CIR,
        INK,
        "Adviseur duurzaamheid",
        d(2019, 1, 1),
        d(2019, 6, 30),
    ),
    Row(
        "ISV-clausules opnemen in de contracten voor ICT en telefonie",
        "Lopend",
        ISV,
        BED,
        "Contractmanager ICT",
        d(2018, 2, 1),
        d(2019, 3, 31),
        progress="groen",
    ),
    Row(
        "Marktconsultatie circulaire inrichting MFSA De Braak",
        "Gepland",
        CIR,
        FAC,
        "Projectleider vastgoed",
        d(2019, 2, 1),
        d(2019, 5, 1),
    ),
    Row(
        "CO2-prestatieladder toepassen bij aanbestedingen van Stadsbeheer",
        "Niet gestart",
        KLI,
        STB,
        "Teamleider Stadsbeheer",
        d(2019, 1, 1),
        d(2020, 12, 31),
    ),
    Row(
        "Diversiteit & inclusie als gunningscriterium bij de aanbesteding inhuur personeel",
        "Lopend",
        DI,
        BED,
        "HR-adviseur",
        "5-3-2018",
        "31-12-2018",
    ),
    Row(
        "Evaluatie duurzaamheidseisen Leerlingenvervoer na het eerste contractjaar",
        "Gepland",
        KLI,
        SOC,
        "Contractmanager Sociaal Domein",
        d(2019, 8, 1),
        d(2019, 12, 31),
    ),
    Row(
        "Training ketenverantwoordelijkheid (ISV) voor contractmanagers",
        "gepland",
        ISV,
        INK,
        "Inkoopadviseur",
        d(2019, 3, 1),
        d(2019, 6, 30),
    ),
    Row(
        "MVI in contractmanagement: leveranciers rapporteren over de MVI-afspraken",
        "nog niet gestart",
        "",
        INK,
        "Contractmanager",
        d(2019, 1, 1),
        d(2020, 6, 30),
    ),
    Row(
        "Innovatiegericht inkopen: marktdialoog over slimme en duurzame openbare verlichting",
        "in uitvoering",
        INN,
        STB,
        "Beleidsadviseur openbare verlichting",
        d(2018, 5, 1),
        d(2019, 5, 1),
        progress="groen",
    ),
    Row(
        "Onderzoek naar MKB-vriendelijke drempelbedragen voor lokale inkoop",
        "Lopend",
        MKB,
        INK,
        "Inkoopadviseur",
        d(2018, 4, 1),
        d(2018, 12, 31),
    ),
    Row(
        "Biobased schoonmaakmiddelen en verpakkingen bij de volgende aanbesteding schoonmaak",
        "Gepland",
        CIR,
        FAC,
        "Contractmanager",
        d(2020, 1, 1),
        d(2020, 9, 30),
        notes="toegevoegd 2018",
    ),
    Row(
        "Aanstellen regionale coördinator Social Return samen met buurgemeenten",
        "Gepland",
        SR,
        SOC,
        "Adviseur Social Return",
        "2019-01-01",
        "2019-12-31",
        notes="toegevoegd 2018",
    ),
    Row(
        "Inclusief inkopen: afspraken met sociale ondernemingen (Buy Social)",
        "Gepland",
        DI,
        INK,
        "MVI-coördinator",
        d(2019, 4, 1),
        d(2020, 4, 1),
        notes="toegevoegd 2018",
    ),
    Row(
        "Vergroenen van schoolpleinen via de aanbesteding onderhoud onderwijshuisvesting",
        "nog niet gestart",
        MIL,
        RUI,
        "Projectleider vastgoed",
        d(2019, 9, 1),
        d(2020, 8, 31),
        notes="toegevoegd 2018",
    ),
)

# --- Block 4: continuous actions ---------------------------------------------------------------

BLOCK_4 = (
    Row(
        "Onderzoeken hoe kennis te delen en vervolgens in praktijk brengen",
        "Lopend",
        "",
        INK,
        "MVI-coördinator",
        d(2017, 6, 1),
        progress="groen",
        on_monitor="ja",
    ),
    Row(
        "Bij iedere aanbesteding vooraf de MVI-kansen bespreken met de budgethouder (MVI-intake)",
        "Lopend",
        "",
        INK,
        "Inkoopadviseur",
        d(2017, 1, 1),
        progress="groen",
    ),
    Row(
        "Social Return-verplichtingen bij lopende contracten monitoren en handhaven",
        "lopend",
        SR,
        INK,
        "Adviseur Social Return",
        d(2017, 1, 1),
        progress="oranje",
        id=4.3,
    ),
    Row(
        "Contractmanagement: MVI-afspraken bespreken in het leveranciersoverleg",
        "Lopend",
        "",
        INK,
        "Contractmanager",
        d(2017, 1, 1),
    ),
    Row(
        "Deelname aan het landelijk leernetwerk MVI en het regionaal MVI-overleg",
        "bezig",
        "",
        INK,
        "MVI-coördinator",
        "1-3-2017",
        progress="groen",
        id=4.5,
    ),
    Row(
        "Communiceren over MVI-successen via intranet en sociale media",
        "Lopend",
        "",
        COM,
        "Communicatieadviseur",
        d(2017, 4, 1),
    ),
    Row(
        "Inkoopkalender jaarlijks actualiseren en publiceren",
        "Lopend",
        MKB,
        INK,
        "Teamleider Inkoop",
        d(2017, 1, 1),
        progress="groen",
    ),
    Row(
        "Minimumeisen van de MVI-criteriatool toepassen bij alle Europese aanbestedingen",
        "Lopend",
        MIL,
        INK,
        "Inkoopadviseur",
        d(2017, 1, 1),
        progress="groen",
    ),
    Row(
        "Innovatie stimuleren met marktconsultaties voorafgaand aan grote aanbestedingen",
        "in uitvoering",
        INN,
        INK,
        "Inkoopadviseur",
        d(2017, 1, 1),
    ),
    Row(
        "MKB-vriendelijk aanbesteden: percelen en proportionele eisen",
        "Lopend",
        MKB,
        INK,
        "Inkoopadviseur",
        d(2017, 1, 1),
        progress="groen",
    ),
    Row(
        "Actieregister MVI bijhouden en tweemaandelijkse monitor voor het directieteam",
        "Lopend",
        "",
        INK,
        "MVI-coördinator",
        "01-06-2017",
        progress="groen",
        notes="Volgende monitor februari 2019",
    ),
    Row(
        "Gemeentelijk vastgoed verduurzamen bij groot onderhoud",
        "in uitvoering",
        KLI,
        FAC,
        "Projectleider vastgoed",
        d(2017, 1, 1),
        d(2020, 12, 31),
        progress="oranje",
    ),
    Row(
        "ISV-verklaring vragen bij risicovolle productgroepen",
        "Lopend",
        ISV,
        INK,
        "Inkoopadviseur",
        d(2017, 1, 1),
    ),
    Row(
        "Werkplekken voor mensen met een arbeidsbeperking bij opdrachtnemers en in de eigen "
        "organisatie",
        "Lopend",
        DI,
        BED,
        "HR-adviseur",
        d(2017, 1, 1),
        progress="oranje",
    ),
    Row(
        "Ecologisch beheer en biodiversiteit als eis bij aanbestedingen in het groen",
        "In uitvoering ",
        MIL,
        STB,
        "Teamleider Groen",
        "2017-03-01",
    ),
    Row(
        "Werven en begeleiden van MVI-ambassadeurs per afdeling",
        "Gepland",
        "",
        BED,
        "MVI-coördinator",
        d(2019, 1, 1),
        notes="Zie Aandachtspunten",
    ),
    Row(
        "Jaarlijkse terugblik MVI publiceren voor raad en inwoners",
        "Gepland",
        "",
        COM,
        "Communicatieadviseur",
        d(2018, 12, 1),
        id=4.17,
    ),
    Row(
        "Materialenmarktplaats voor het hergebruik van gemeentelijke inventaris",
        "Niet gestart",
        CIR,
        FAC,
        "Facilitair manager",
        d(2019, 3, 1),
    ),
)

BLOCKS = ((P1, BLOCK_1), (P2, BLOCK_2), (P3, BLOCK_3), (P4, BLOCK_4))

#: What the monitor page must show: (total, voltooid, lopend, gepland, vervallen) per period.
EXPECTED = {
    P1: (54, 54, 0, 0, 0),
    P2: (27, 23, 2, 1, 1),
    P3: (25, 4, 9, 12, 0),
    P4: (18, 0, 15, 3, 0),
}

FOCUS_POINTS = (
    "Publiceren terugblik op 1 jaar MVI bij gemeente Voorbeeld en vooruitblik op komende periode",
    "Gezocht: één ambassadeur MVI per afdeling",
    "Herijken Social Return",
    "Klimaatenvelop Rijksoverheid: expertondersteuning MVI bij aanbestedingen MFSA De Braak en "
    "Leerlingenvervoer",
)

COMMUNICATION = (
    (
        "Presentatie verzorgd over draagvlak in bijeenkomst van landelijk leernetwerk MVI",
        d(2018, 9, 20),
        "gerealiseerd",
    ),
    ("Publiceren 1 jaar MVI bij gemeente Voorbeeld", d(2018, 12, 1), "gepland"),
    ("Volgende monitor februari 2019", d(2019, 2, 1), "gepland"),
)

EXPLANATION = (
    "Actieplan Maatschappelijk Verantwoord Inkopen – toelichting bij dit register",
    "",
    "Dit bestand bevat alle acties uit het Actieplan MVI 2017-2020 van Gemeente Voorbeeld.",
    "Op het blad 'Actieplan 2017-2020' staat elke actie op één regel, per periode gegroepeerd.",
    "Vul bij elke actie de stand van zaken in: voltooid, lopend, gepland of vervallen.",
    "Datum gereed = de datum waarop de actie is afgerond (dd-mm-jjjj).",
    "Zet 'Op monitor' op ja als de actie in de tweemaandelijkse monitor moet komen.",
    "Aandachtspunten en communicatiemomenten staan op de gelijknamige bladen.",
    "",
    "Vragen? Neem contact op met de MVI-coördinator van team Inkoop.",
)


def self_check() -> None:
    """Fail loudly if an edit breaks the numbers the example must reproduce."""
    texts = [row.text for _, rows in BLOCKS for row in rows]
    assert len(texts) == 124 and len(set(texts)) == 124, "124 distinct action texts expected"
    assert len(BLOCK_3) == len(BLOCK_3_IDS)
    for period, rows in BLOCKS:
        meaning = Counter(MEANING[row.status.strip().casefold()] for row in rows)
        counts = (len(rows), *(meaning[s] for s in ("voltooid", "lopend", "gepland", "vervallen")))
        assert counts == EXPECTED[period], (period, counts)
    since = []
    for _, rows in BLOCKS:
        for row in rows:
            done = _as_date(row.completed)
            status = MEANING[row.status.strip().casefold()]
            if status != "voltooid":
                assert done is None, row.text
                assert row.on_monitor != "ja" or status in ("lopend", "gepland"), row.text
            if row.progress:
                assert status == "lopend", row.text
            if done is not None:
                assert done <= AS_OF, row.text
                if done > SINCE:
                    since.append(row.text)
    assert len(since) == 4, since
    flagged = [row.text for _, rows in BLOCKS for row in rows if row.on_monitor == "ja"]
    assert len(flagged) == 9 and set(since) <= set(flagged), flagged


def _as_date(value: Date) -> dt.date | None:
    """The date a cell means (only the formats this script writes)."""
    if value is None or isinstance(value, dt.date):
        return value
    if len(value.split("-")[0]) == 4:  # 2018-07-05
        return dt.date.fromisoformat(value)
    day, month, year = (int(part) for part in value.split("-"))
    return dt.date(year, month, day)


def write_register(path: Path) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties(
        {
            "title": "Actieplan MVI 2017-2020",
            "subject": "Register van acties Maatschappelijk Verantwoord Inkopen",
            "author": "MVI-coördinator",
            "company": ORGANISATION,
            "created": CREATED,
        }
    )
    title = workbook.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79"})
    subtitle = workbook.add_format({"italic": True, "font_color": "#595959"})
    header = workbook.add_format(
        {
            "bold": True,
            "bg_color": "#D9E1F2",
            "border": 1,
            "text_wrap": True,
            "valign": "top",
        }
    )
    date = workbook.add_format({"num_format": "dd-mm-yyyy", "align": "left"})
    text = workbook.add_format({"valign": "top"})

    _write_explanation(workbook, title)
    _write_actions(workbook, title, subtitle, header, date, text)
    _write_focus_points(workbook, header)
    _write_communication(workbook, header, date)
    workbook.close()


def _write_explanation(workbook, title) -> None:
    sheet = workbook.add_worksheet("Uitleg")
    sheet.set_column(0, 0, 100)
    for row, line in enumerate(EXPLANATION):
        if line:
            sheet.write_string(row, 0, line, title if row == 0 else None)


def _write_actions(workbook, title, subtitle, header, date, text) -> None:
    sheet = workbook.add_worksheet("Actieplan 2017-2020")
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    last_col = len(HEADERS) - 1
    sheet.merge_range(
        0, 0, 0, last_col, f"Actieplan Maatschappelijk Verantwoord Inkopen – {ORGANISATION}", title
    )
    sheet.set_row(0, 22)
    sheet.write_string(1, 0, "Stand van zaken per 1 november 2018", subtitle)
    header_row = 3
    for col, name in enumerate(HEADERS):
        sheet.write_string(header_row, col, name, header)

    row = header_row + 1
    for block, (period, rows) in enumerate(BLOCKS, start=1):
        if block > 1:
            row += 1  # one blank row between blocks
        for number, action in enumerate(rows, start=1):
            ident = action.id
            if ident is None:
                ident = BLOCK_3_IDS[number - 1] if period == P3 else f"{block}.{number}"
            if isinstance(ident, float):
                sheet.write_number(row, 0, ident)
            else:
                sheet.write_string(row, 0, ident)
            sheet.write_string(row, 1, action.text, text)
            sheet.write_string(row, 2, period)
            sheet.write_string(row, 3, action.status)
            for col, value in (
                (4, action.theme),
                (5, action.department),
                (6, action.owner),
                (10, action.progress),
                (11, action.on_monitor),
                (12, action.notes),
            ):
                if value:
                    sheet.write_string(row, col, value)
            for col, value in ((7, action.start), (8, action.end), (9, action.completed)):
                if isinstance(value, dt.date):
                    sheet.write_datetime(row, col, value, date)
                elif value:
                    sheet.write_string(row, col, value)
            row += 1

    sheet.freeze_panes(header_row + 1, 0)
    sheet.autofilter(header_row, 0, row - 1, last_col)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(header_row)
    sheet.activate()


def _write_focus_points(workbook, header) -> None:
    sheet = workbook.add_worksheet("Aandachtspunten")
    sheet.set_column(0, 0, 110)
    sheet.write_string(0, 0, "Aandachtspunten", header)
    for row, point in enumerate(FOCUS_POINTS, start=1):
        sheet.write_string(row, 0, point)


def _write_communication(workbook, header, date) -> None:
    sheet = workbook.add_worksheet("Communicatie")
    sheet.set_column(0, 0, 80)
    sheet.set_column(1, 2, 14)
    for col, name in enumerate(("Moment", "Datum", "Status")):
        sheet.write_string(0, col, name, header)
    for row, (moment, when, status) in enumerate(COMMUNICATION, start=1):
        sheet.write_string(row, 0, moment)
        sheet.write_datetime(row, 1, when, date)
        sheet.write_string(row, 2, status)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT_DIR,
        help="folder to write into (default: templates/voorbeeld)",
    )
    out = parser.parse_args(argv).out
    self_check()
    out.mkdir(parents=True, exist_ok=True)
    write_register(out / REGISTER.name)
    (out / CONFIG.name).write_text(CONFIG_TEXT, encoding="utf-8", newline="\n")
    print(f"written: {out / REGISTER.name} and {CONFIG.name}")


if __name__ == "__main__":
    main()
