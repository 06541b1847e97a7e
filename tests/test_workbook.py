"""The monitor workbook, re-opened with openpyxl the way a user's tools meet it."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from mvi_xl import pipeline
from mvi_xl.config import Config
from mvi_xl.pipeline import Options

from .conftest import BASIC_ROWS, HEADER, write_xlsx

AS_OF = dt.date(2018, 11, 1)


def build(register: Path, tmp_path: Path, **kw) -> tuple[Path, pipeline.Result]:
    output = tmp_path / "monitor.xlsx"
    options = Options(register=register, output=output, as_of=kw.pop("as_of", AS_OF), **kw)
    return output, pipeline.build(options)


@pytest.fixture
def monitor_file(basic_register: Path, tmp_path: Path) -> Path:
    return build(basic_register, tmp_path, since=dt.date(2018, 6, 1))[0]


def table(workbook, name: str):
    for ws in workbook.worksheets:
        if name in ws.tables:
            return ws, ws.tables[name]
    raise AssertionError(f"no table {name}")


def test_sheets_in_order_and_monitor_active(monitor_file: Path):
    workbook = openpyxl.load_workbook(monitor_file)
    assert workbook.sheetnames == ["Monitor", "Acties", "Jaaroverzicht", "Historie", "Toelichting"]
    assert workbook.active.title == "Monitor"


def test_statustabel_has_live_formulas_with_cached_values(monitor_file: Path):
    formulas = openpyxl.load_workbook(monitor_file)
    values = openpyxl.load_workbook(monitor_file, data_only=True)
    ws, statustabel = table(formulas, "Statustabel")
    assert ws.title == "Monitor"
    assert statustabel.ref == "B5:J9"  # header, three periods, total row
    headers = [c.value for c in ws["B5:J5"][0]]
    assert headers == [
        "Periode",
        "Totaal",
        "Voltooid",
        "Lopend",
        "Gepland",
        "Vervallen",
        "Kerncijfer",
        "Aandeel",
        "Gereed",
    ]
    cached = values["Monitor"]
    rows = [[cached.cell(r, c).value for c in range(2, 11)] for r in range(6, 10)]
    assert rows == [
        ["Aan de slag in 2017", 3, 2, 1, 0, 0, 2, pytest.approx(2 / 3), "☐"],
        ["Aan de slag in 2018-2020", 2, 0, 0, 1, 1, 0, 0, "☐"],
        ["Actie doorlopend", 2, 0, 1, 1, 0, 1, 0.5, "☐"],
        ["Totaal", 7, 2, 2, 2, 1, None, None, None],  # no sum of mixed kerncijfers
    ]
    total = ws["C6"].value
    assert total.startswith("=COUNTIFS(Acties!$C$2:$C$8,")
    assert (
        ws["D6"].value == '=COUNTIFS(Acties!$C$2:$C$8,"=Aan de slag in 2017",'
        'Acties!$D$2:$D$8,"voltooid")'
    )


def test_acties_table_and_rows(monitor_file: Path):
    workbook = openpyxl.load_workbook(monitor_file)
    ws, acties = table(workbook, "Acties")
    assert ws.title == "Acties"
    assert acties.ref == "A1:G8"
    assert [c.value for c in ws[1]] == [
        "Nr",
        "Actie",
        "Periode",
        "Status",
        "Datum gereed",
        "Status in register",  # the technical columns last, outside the print area
        "Rij in register",
    ]
    assert ws.print_area == "'Acties'!$A$1:$E$8"
    assert ws.freeze_panes == "A2"
    assert ws["A2"].value == "1.1"
    assert ws["E2"].value == dt.datetime(2018, 7, 5)  # a real date, typed as text in the register
    assert ws["E2"].number_format == "dd-mm-yyyy"
    assert ws["G2"].value == 5  # the register row
    assert ws.conditional_formatting  # status colours


def test_chart_reads_the_statustabel(monitor_file: Path):
    ws = openpyxl.load_workbook(monitor_file)["Monitor"]
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    refs = [
        (s.tx.strRef.f, s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f, s.val.numRef.f)
        for s in chart.series
    ]
    assert refs == [
        ("Monitor!$D$5", "Monitor!$B$6:$B$8", "Monitor!$D$6:$D$8"),
        ("Monitor!$E$5", "Monitor!$B$6:$B$8", "Monitor!$E$6:$E$8"),
        ("Monitor!$F$5", "Monitor!$B$6:$B$8", "Monitor!$F$6:$F$8"),
        ("Monitor!$G$5", "Monitor!$B$6:$B$8", "Monitor!$G$6:$G$8"),
    ]


def test_print_setup_is_one_a4_landscape_page(monitor_file: Path):
    ws = openpyxl.load_workbook(monitor_file)["Monitor"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    # at the scale the page was laid out for, not fitted (which would shrink its text)
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert ws.page_setup.scale == 90
    assert ws.print_area.startswith("'Monitor'!$A$1:") or ws.print_area.startswith("Monitor!$A$1")


def test_document_properties(basic_register: Path, tmp_path: Path):
    (basic_register.parent / "mvi-xl.toml").write_text('organisation = "Gemeente Voorbeeld"\n')
    output, _ = build(basic_register, tmp_path)
    props = openpyxl.load_workbook(output).properties
    assert props.title == "Monitor Maatschappelijk Verantwoord Inkopen 01-11-2018"
    assert props.subject == "Voortgang van het actieplan MVI"
    assert props.created == dt.datetime(2018, 11, 1)
    with zipfile.ZipFile(output) as archive:
        assert "<Company>Gemeente Voorbeeld</Company>" in archive.read("docProps/app.xml").decode()


def test_monitor_page_text(monitor_file: Path):
    ws = openpyxl.load_workbook(monitor_file)["Monitor"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Maatschappelijk Verantwoord Inkopen" in texts
    assert "Peildatum: 01-11-2018" in texts
    assert "Aantal acties per status" in texts
    # the register keeps no Aandachtspunten or Communicatie sheet: no such sections
    assert "Aandachtspunten" not in texts and "Communicatiemomenten" not in texts
    for heading in (
        "Lopende acties",
        "Geplande acties",
        "Gerealiseerde acties (t.o.v. 01-06-2018)",
    ):
        assert heading in texts
    assert "1. Duurzame criteria in aanbesteding Papier" in texts
    assert "2. Social Return bij Groenonderhoud" in texts
    assert "• Marktconsultatie IT Hardware" in texts


INJECTIONS = [
    '=HYPERLINK("http://x","klik")',
    "{=1+1}",
    "+1",
    "-1",
    "@SUM(A1)",
    "http://example.org",
    "file:///c:/x",
    "mailto:a@b.nl",
    "\tTab",
    "=1+1",
]


def test_user_text_is_never_a_formula_or_link(tmp_path: Path):
    rows = [[str(i), text, text, "lopend", None] for i, text in enumerate(INJECTIONS)]
    register = write_xlsx(tmp_path / "r.xlsx", rows)
    output, _ = build(register, tmp_path)
    workbook = openpyxl.load_workbook(output)
    acties = workbook["Acties"]
    expected = [text.strip() for text in INJECTIONS]  # surrounding whitespace is not kept
    assert [acties.cell(r, 2).value for r in range(2, 2 + len(INJECTIONS))] == expected
    for row in acties.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f" and cell.hyperlink is None
    monitor = workbook["Monitor"]
    period_cells = [monitor.cell(r, 2) for r in range(6, 6 + len(INJECTIONS))]
    assert [c.value for c in period_cells] == expected
    assert all(c.data_type == "s" for c in period_cells)
    links = [c.hyperlink.location for row in monitor.iter_rows() for c in row if c.hyperlink]
    assert all(link.startswith("Acties!") or link.startswith("'Acties'!") for link in links)
    cached = openpyxl.load_workbook(output, data_only=True)["Monitor"]
    assert [cached.cell(r, 3).value for r in range(6, 6 + len(INJECTIONS))] == [1] * len(INJECTIONS)


def test_wildcards_in_period_labels_are_counted_literally(tmp_path: Path):
    rows = [
        ["1", "a", "Fase 1?", "lopend", None],
        ["2", "b", "Fase 1a", "lopend", None],
        ["3", "c", "Fase *", "lopend", None],
        ["4", "d", "~x", "voltooid", None],
    ]
    output, _ = build(write_xlsx(tmp_path / "r.xlsx", rows), tmp_path)
    ws = openpyxl.load_workbook(output)["Monitor"]
    assert ws["C6"].value.endswith(',"=Fase 1~?")')
    assert ws["C8"].value.endswith(',"=Fase ~*")')
    assert ws["C9"].value.endswith(',"=~~x")')


def test_long_lists_are_cut_with_a_link(tmp_path: Path):
    rows = [[str(i), f"Lopende actie {i}", "P", "lopend", None] for i in range(1, 21)]
    output, _ = build(write_xlsx(tmp_path / "r.xlsx", rows), tmp_path)
    ws = openpyxl.load_workbook(output)["Monitor"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "• Lopende actie 8" in texts and "• Lopende actie 9" not in texts
    more = [c for row in ws.iter_rows() for c in row if c.value == "… en nog 12 acties, zie Acties"]
    assert len(more) == 1 and more[0].hyperlink is not None


def test_highlight_column_fills_the_page_lists(tmp_path: Path):
    header = [*HEADER, "Op monitor"]
    rows = [
        ["1", "Uitgelicht", "P", "lopend", None, "ja"],
        ["2", "Niet uitgelicht", "P", "lopend", None, "nee"],
    ]
    output, _ = build(write_xlsx(tmp_path / "r.xlsx", rows, header=header), tmp_path)
    texts = [
        c.value
        for row in openpyxl.load_workbook(output)["Monitor"].iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert "• Uitgelicht" in texts and "• Niet uitgelicht" not in texts


def test_toelichting_lists_every_warning(tmp_path: Path):
    rows = [*BASIC_ROWS, ["9", "Onbekend", "P", "afgerondd", None], ["10", "x", None, "lopend"]]
    output, _ = build(write_xlsx(tmp_path / "r.xlsx", rows), tmp_path)
    ws, meldingen = table(openpyxl.load_workbook(output), "Meldingen")
    assert ws.title == "Toelichting"
    rows_ = ws[meldingen.ref][1:]
    assert [r[0].value for r in rows_] == ["Acties!D9", "Acties!C10"]
    assert "afgerondd" in rows_[0][1].value and "mvi-xl.toml" in rows_[0][2].value
    facts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 12)}
    assert facts["Peildatum"] == dt.datetime(2018, 11, 1)
    assert facts["Aantal acties"] == 9
    assert facts["mvi-xl versie"]


def test_unknown_status_gets_its_own_column_and_series(tmp_path: Path):
    rows = [["1", "a", "P", "afgerondd", None], ["2", "b", "P", "lopend", None]]
    output, _ = build(write_xlsx(tmp_path / "r.xlsx", rows), tmp_path)
    ws = openpyxl.load_workbook(output)["Monitor"]
    assert [c.value for c in ws["B5:L5"][0]][5:7] == ["Vervallen", "Onbekend"]
    assert len(ws._charts[0].series) == 5


def test_english_labels(basic_register: Path, tmp_path: Path):
    output, _ = build(basic_register, tmp_path, lang="en")
    workbook = openpyxl.load_workbook(output)
    # not "History": Excel reserves that sheet name
    assert workbook.sheetnames == ["Monitor", "Actions", "Year report", "Trend", "Notes"]
    ws = workbook["Monitor"]
    assert ws["B1"].value == "Socially Responsible Procurement"
    assert [c.value for c in ws["B5:D5"][0]] == ["Period", "Total", "Completed"]
    # table names are the same in every language, so formulas that use them keep working
    assert "Acties" in workbook["Actions"].tables
    assert ws["D6"].value.endswith('Actions!$D$2:$D$8,"completed")')


def test_same_input_gives_the_same_bytes(basic_register: Path, tmp_path: Path):
    first = build(basic_register, tmp_path / "a" if (tmp_path / "a").mkdir() is None else None)
    second = build(basic_register, tmp_path / "b" if (tmp_path / "b").mkdir() is None else None)
    assert first[0].read_bytes() == second[0].read_bytes()


def test_empty_register_still_gives_a_valid_monitor(tmp_path: Path):
    output, result = build(write_xlsx(tmp_path / "r.xlsx", []), tmp_path)
    assert result.monitor.total_actions == 0
    workbook = openpyxl.load_workbook(output, data_only=True)
    assert workbook["Monitor"]["C7"].value == 0  # the total row
    assert "Statustabel" in workbook["Monitor"].tables


def test_logo_and_house_colours(basic_register: Path, tmp_path: Path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_tiny_png())
    config = tmp_path / "mvi-xl.toml"
    config.write_text('[monitor]\nlogo = "logo.png"\n[colours]\nvoltooid = "#112233"\n')
    output, _ = build(basic_register, tmp_path, config=config)
    with zipfile.ZipFile(output) as archive:
        names = archive.namelist()
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert any(re.match(r"xl/media/image\d+\.png", n) for n in names)
    assert "112233" in chart


def _tiny_png() -> bytes:
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
        "RU5ErkJggg=="
    )


def test_monitor_config_max_items(tmp_path: Path):
    rows = [[str(i), f"Lopend {i}", "P", "lopend", None] for i in range(1, 6)]
    register = write_xlsx(tmp_path / "r.xlsx", rows)
    (tmp_path / "mvi-xl.toml").write_text("[monitor]\nmax_list_items = 2\n")
    output, _ = build(register, tmp_path)
    texts = [
        c.value
        for row in openpyxl.load_workbook(output)["Monitor"].iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert "… en nog 3 acties, zie Acties" in texts
    assert Config().max_list_items == 8


def _page_texts(path: Path) -> list[str]:
    ws = openpyxl.load_workbook(path)["Monitor"]
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_an_empty_aandachtspunten_sheet_still_says_geen(tmp_path: Path):
    """The section the register keeps stays, empty or not; the one it doesn't keep is left
    out (issue #16, point 6)."""
    register = write_xlsx(
        tmp_path / "r.xlsx", BASIC_ROWS, extra_sheets={"Aandachtspunten": [["Aandachtspunten"]]}
    )
    output, _ = build(register, tmp_path)
    texts = _page_texts(output)
    assert "Aandachtspunten" in texts and "Geen" in texts
    assert "Communicatiemomenten" not in texts


def test_the_totaal_row_adds_no_mixed_kerncijfers_and_toelichting_names_the_file(
    tmp_path: Path,
):
    folder = tmp_path / "C&A Users" / "j.jansen"
    folder.mkdir(parents=True)
    register = write_xlsx(folder / "register.xlsx", BASIC_ROWS)
    output, _ = build(register, tmp_path)
    workbook = openpyxl.load_workbook(output)
    notes = [c.value for row in workbook["Toelichting"].iter_rows() for c in row]
    assert "register.xlsx" in notes
    assert not any(isinstance(v, str) and "j.jansen" in v for v in notes)
    from mvi_xl import props

    assert props.read_custom_properties(output)[props.REGISTER] == str(register)


@pytest.mark.parametrize("setting", ["", "[monitor]\nsummary = false\n"])
def test_the_summary_for_the_college_tops_the_page_unless_switched_off(
    tmp_path: Path, setting: str
):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    (tmp_path / "mvi-xl.toml").write_text(setting, encoding="utf-8")
    output, _ = build(register, tmp_path)
    ws = openpyxl.load_workbook(output)["Monitor"]
    summary = ws["B3"].value
    if setting:
        assert summary is None
    else:
        assert summary.startswith("Van de 7 acties zijn er 2 voltooid (29%).")
