"""Every sheet prints well: the whole example workbook through LibreOffice to PDF, every page
read back with pdfminer.six (tests/printed.py): A4, landscape, no text under 8 pt (the Monitor
page, one page, included), a header with the peildatum and a footer with "pagina N van M". And
the pieces, without LibreOffice: header/footer escaping and the whole-number axes. (The Monitor
page's fitting itself: tests/test_monitor_fit.py.)"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
import xlsxwriter
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.pdf import hide_all_but_first_sheet
from mvi_xl.writer.monitor_fit import FLOOR_PT
from mvi_xl.writer.print_setup import (
    HEADER_LIMIT,
    columns_px,
    escape,
    fitted_widths,
    sections,
    shorten,
    whole_number_axis,
)

from .lo import convert
from .monitors import CATALOGUE, Built, session_catalogue
from .printed import Page, pages

A4_LANDSCAPE = (842, 595)
#: A size code (``&10``) not followed by a code: text after it could join it ("&101e").
SIZE_THEN_TEXT = re.compile(r"(?<!&)(?:&&)*&\d+(?![\d&])")


# --- header and footer text --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Gemeente Voorbeeld", "Gemeente Voorbeeld"),
        ("Zuid & Noord", "Zuid && Noord"),
        ("&P &N &&", "&&P &&N &&&&"),
        ("1e Gemeente", "1e Gemeente"),
        ("Regel\neen  twee", "Regel een twee"),
    ],
)
def test_escape(text: str, escaped: str):
    assert escape(text) == escaped


@pytest.mark.parametrize(
    "organisation",
    [
        "Gemeente Voorbeeld",
        "Zuid & Noord",
        "1e Gemeente",
        "2 & 3",
        "&8 groot",
        "x" * 300,
        "&" * 300,
    ],
)
def test_sections_keep_user_text_literal_and_within_the_limit(organisation: str):
    header = sections(organisation, "Acties", "Peildatum 01-11-2018", bold_centre=True)
    assert len(header.encode("utf-16-le")) // 2 <= HEADER_LIMIT
    assert not SIZE_THEN_TEXT.search(header), header  # "1e" cannot become part of "&10"
    left = header.split("&C")[0]
    shown = re.sub(r'^&L&\d+&"[^"]*"', "", left)
    if len(organisation) < 100:
        assert shown == escape(organisation)
    else:  # shortened with "…", still no lone ampersand left at the cut
        assert shown.endswith("…") and len(shown) < len(organisation)
        assert re.fullmatch(r"(?:[^&]|&&)*…", shown), shown
    assert header.endswith("Peildatum 01-11-2018")
    assert "&CActies" in header.replace('&10&"-,Bold"', "")


def test_shorten():
    assert shorten("abc", 10) == "abc"
    assert shorten("abcdef", 4) == "abc…"
    assert shorten("a&b&c", 4) == "a&&…"  # never half an escaped ampersand
    assert shorten("abc", 0) == ""


def test_xlsxwriter_takes_a_300_character_organisation_without_a_warning(tmp_path: Path):
    workbook = xlsxwriter.Workbook(str(tmp_path / "h.xlsx"))
    sheet = workbook.add_worksheet()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sheet.set_header(sections("1" * 300 + " & co", "Acties", "Peildatum 01-11-2018"))
    workbook.close()
    assert sheet.header.startswith('&L&10&"-,Regular"1111')


# --- whole-number axes and print widths ----------------------------------------------------------


@pytest.mark.parametrize(
    ("largest", "step"),
    [
        (0, 1),
        (1, 1),
        (3, 1),
        (8, 1),
        (9, 2),
        (16, 2),
        (17, 5),
        (40, 5),
        (41, 10),
        (80, 10),
        (81, 20),
        (160, 20),
        (161, 50),
        (54, 10),
        (1000, 200),
        (100_000, 20_000),
    ],
)
def test_whole_number_axis(largest: int, step: int):
    options = whole_number_axis(largest)
    assert options == {"min": 0, "major_unit": step, "num_format": "0"}
    assert largest / step <= 8


def test_fitted_widths_narrow_only_what_may_be_narrowed():
    widths = {"id": 8.0, "action": 60.0, "notes": 40.0, "date": 12.0}
    fitted = fitted_widths(widths, {"action": 30.0, "notes": 20.0}, columns_px([8, 40, 30, 12]))
    assert fitted["id"] == 8 and fitted["date"] == 12
    assert 30 <= fitted["action"] < 60 and 20 <= fitted["notes"] < 40
    assert columns_px(list(fitted.values())) <= columns_px([8, 40, 30, 12])
    assert fitted_widths(widths, {"action": 30.0}, 10_000) == widths


# --- the printed workbook ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Page]]:
    """The example, in Dutch and (with a hostile organisation name) in English, every sheet
    printed to PDF by LibreOffice in one start."""
    folder = tmp_path_factory.mktemp("printed")
    config = folder / "mvi-xl.toml"
    config.write_text('organisation = "1e & 2e Gemeente"\n', encoding="utf-8")
    en = ["--lang", "en", "--config", str(config)]
    builds = {
        "nl": ["build", "--example", "-o", str(folder / "nl.xlsx")],
        "en": ["build", "--example", *en, "-o", str(folder / "en.xlsx")],
    }
    for args in builds.values():
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    files = [folder / "nl.xlsx", folder / "en.xlsx"]
    pdfs = convert(soffice, files, folder / "out", "pdf", folder / "profile")
    return {lang: pages(pdfs[folder / f"{lang}.xlsx"]) for lang in builds}


NL_SHEETS = ("Acties", "Per afdeling", "Per thema", "Verkenner", "Jaaroverzicht", "Historie")


def _sheet(page: Page, organisation: str, as_of: str) -> str:
    """The sheet a page belongs to: the header's centre, between organisation and peildatum."""
    found = re.search(f"{re.escape(organisation)} (.+?) {re.escape(as_of)}", page.header())
    assert found, f"no header with {organisation!r} and {as_of!r}: {page.header()!r}"
    return found[1]


@pytest.mark.libreoffice
def test_every_page_prints_with_header_footer_and_no_text_under_8_pt(
    printed: dict[str, list[Page]],
):
    nl = printed["nl"]
    sheets = [_sheet(page, "Gemeente Voorbeeld", "Peildatum 01-11-2018") for page in nl]
    assert sheets[0] == "Maatschappelijk Verantwoord Inkopen"  # the Monitor page
    assert sheets.count(sheets[0]) == 1, "the Monitor sheet prints on one page"
    assert set(NL_SHEETS) | {"Toelichting"} <= set(sheets), sheets
    problems = []
    for number, (page, sheet) in enumerate(zip(nl, sheets, strict=True), start=1):
        if (page.width, page.height) != A4_LANDSCAPE:
            problems.append(f"page {number} ({sheet}): {page.width} x {page.height} pt")
        if not re.search(rf"pagina {number} van {len(nl)}", page.footer()):
            problems.append(f"page {number} ({sheet}): footer {page.footer()!r}")
        smallest = page.smallest
        if smallest is not None and smallest.size < FLOOR_PT:
            problems.append(f"page {number} ({sheet}): {smallest.size} pt {smallest.text!r}")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def catalogue_printed(
    soffice: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Built, list[Page]]]:
    """Every monitor of tests/monitors.py, every sheet printed to PDF in one LibreOffice start."""
    monitors = session_catalogue(tmp_path_factory)
    folder = tmp_path_factory.mktemp("catalogue-printed")
    files = [built.monitor for built in monitors.values()]
    pdfs = convert(soffice, files, folder / "out", "pdf", folder / "profile")
    return {name: (built, pages(pdfs[built.monitor])) for name, built in monitors.items()}


#: The one monitor of the catalogue whose Monitor page prints text under 8 pt: a period label of
#: 280 characters, which LibreOffice's chart layout answers by shrinking all the chart's text
#: (to about 1.7 pt before the page was fitted as well). Everything outside the chart prints at
#: 8.1 pt; a chart of such labels is beyond what the page can lay out.
LOWER_FLOOR = {"awkward-labels": 1.5}


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_monitor_of_the_catalogue_prints_at_8_pt_or_more(
    name: str, catalogue_printed: dict[str, tuple[Built, list[Page]]]
):
    """The Monitor page prints on one page (the pages before the first page of the Acties
    sheet); every page: A4 landscape, the peildatum on top, page N of M below, no text under
    8 pt (LOWER_FLOOR: the one exception)."""
    built, printed = catalogue_printed[name]
    monitor = built.result.monitor
    english = "Reference date" in printed[0].header()
    as_of = monitor.as_of.strftime("%d-%m-%Y")
    label, actions = ("Reference date", "Actions") if english else ("Peildatum", "Acties")
    first_detail = next(
        n for n, page in enumerate(printed) if f"{actions} {label} {as_of}" in page.header()
    )
    page_of = "page {} of {}" if english else "pagina {} van {}"
    problems = [] if first_detail == 1 else [f"the Monitor sheet prints on {first_detail} pages"]
    for number, page in enumerate(printed, start=1):
        where = f"page {number}"
        if f"{label} {as_of}" not in page.header():
            problems.append(f"{where}: header {page.header()!r}")
        if page_of.format(number, len(printed)) not in page.footer():
            problems.append(f"{where}: footer {page.footer()!r}")
        if (page.width, page.height) != A4_LANDSCAPE:
            problems.append(f"{where}: {page.width} x {page.height} pt")
        smallest = page.smallest
        floor = LOWER_FLOOR.get(name, FLOOR_PT) if number <= first_detail else FLOOR_PT
        if smallest is not None and smallest.size < floor:
            problems.append(f"{where}: {smallest.size} pt {smallest.text!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_monitor_page_prints_on_one_page_with_no_text_under_8_pt(
    printed: dict[str, list[Page]], lang: str
):
    """The dense page for the college, laid out for 90% with 9 pt as its smallest text: one
    page, nothing under 8 pt, and everything it shows still there."""
    pages_ = printed[lang]
    title = "Maatschappelijk Verantwoord Inkopen" if lang == "nl" else "Socially Responsible"
    monitor_pages = [page for page in pages_ if title in page.header()]
    assert len(monitor_pages) == 1, "the Monitor sheet prints on one page"
    page = monitor_pages[0]
    assert (page.width, page.height) == A4_LANDSCAPE
    smallest = page.smallest
    assert smallest is not None and smallest.size >= FLOOR_PT, smallest
    text = " ".join(line.text for line in page.lines)
    shown = {
        "nl": [
            "Van de 124 acties zijn er 81 voltooid",  # the summary at the top
            "Aantal acties per status",
            "Totaal",
            "Actie doorlopend",
            "Aantal acties per status per periode",  # the chart
            "Aandachtspunten",
            "Communicatiemomenten",
            "Lopende acties",
            "Geplande acties",
            "Gerealiseerde acties (t.o.v. 01-06-2018)",
        ],
        "en": [
            "Of the 124 actions, 81 are completed",
            "Actions per status",
            "Total",
            "Actions per status per period",
            "Focus points",
            "Communication",
            "Running actions",
            "Planned actions",
            "Completed actions (since 01-06-2018)",
        ],
    }[lang]
    missing = [part for part in shown if part not in text]
    assert not missing, missing


@pytest.mark.libreoffice
def test_english_pages_and_an_organisation_with_a_digit_and_an_ampersand(
    printed: dict[str, list[Page]],
):
    en = printed["en"]
    for number, page in enumerate(en, start=1):
        assert "1e & 2e Gemeente" in page.header(), page.header()
        assert "Reference date 01-11-2018" in page.header(), page.header()
        assert f"page {number} of {len(en)}" in page.footer(), page.footer()


def test_the_monitor_only_copy_drops_the_other_sheets_print_areas():
    """LibreOffice prints a hidden sheet that has a print area: the copy --pdf prints from
    keeps the Monitor sheet's alone."""
    xml = (
        b'<sheets><sheet name="Monitor" sheetId="1" r:id="rId1"/>'
        b'<sheet name="Acties" sheetId="2" r:id="rId2"/></sheets><definedNames>'
        b'<definedName name="_xlnm.Print_Area" localSheetId="1">Acties!$A$1:$L$9</definedName>'
        b'<definedName name="_xlnm.Print_Area" localSheetId="0">Monitor!$A$1:$O$47</definedName>'
        b'<definedName name="_xlnm.Print_Titles" localSheetId="1">Acties!$1:$1</definedName>'
        b"</definedNames>"
    )
    copy = hide_all_but_first_sheet(xml)
    assert b"Acties!$A$1:$L$9" not in copy and b"Monitor!$A$1:$O$47" in copy
    assert b'<sheet state="hidden" name="Acties"' in copy and b"Acties!$1:$1" in copy
