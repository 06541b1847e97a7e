"""The Monitor page's fitting (mvi_xl/writer/monitor_fit.py): the list columns' width, the print
scale, how many items each list keeps and the line that ends a cut list; and, on a written
monitor, that the sheet holds what was laid out. (That LibreOffice prints it on one page with
no text under 8 pt: tests/test_printing.py.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from mvi_xl import pipeline
from mvi_xl.pipeline import Options
from mvi_xl.words.i18n import Words
from mvi_xl.writer.monitor_fit import (
    CHANGE_MIN_WIDTH,
    CHANGE_WIDTH,
    CHART_MIN_PX,
    CHART_PX,
    FLOOR_PT,
    LIBREOFFICE_WIDTH,
    LIST_COLUMNS,
    LIST_WIDTH_MAX,
    LIST_WIDTH_MIN,
    LIST_WIDTH_ROOM,
    MIN_KEEP,
    PRINTABLE_PT,
    PT_PER_PX,
    SMALLEST_PT,
    TARGET_SCALE,
    Fit,
    FitRequest,
    change_width,
    column_px,
    fit_page,
    fixed_px,
    lay_out,
    list_width,
    print_scale,
    width_budget_px,
)
from mvi_xl.writer.monitor_lists import (
    HEADING_PT,
    LINE_PT,
    Items,
    Page,
    Section,
    action_section,
    chars_per_line,
    focus_section,
    item_lines,
)
from mvi_xl.writer.monitor_sheet import TABLE_HEADER_PT, TITLE_PT

from .conftest import write_xlsx

NL, EN = Words("nl"), Words("en")
#: the page's height budget at TARGET_SCALE, in points
BUDGET = PRINTABLE_PT[1] * 100 / TARGET_SCALE
#: the Statustabel of four statuses as monitor_sheet.py sets it: margin, table, spacer
TABLE_WIDTH = 24 + 7 + 4 * 8 + 12 + 7.5 + 6.5


def test_the_design_prints_its_smallest_text_at_the_floor():
    assert SMALLEST_PT * TARGET_SCALE / 100 >= FLOOR_PT
    assert SMALLEST_PT * (TARGET_SCALE - 1) / 100 < FLOOR_PT + 0.1  # and no smaller than needed


# --- widths and the scale ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table_width", "columns", "expected"),
    [
        (TABLE_WIDTH, 11, None),  # the example: what is left, within the bounds
        (TABLE_WIDTH + 10, 12, None),  # a sparkline column of 10: the lists give its width
        (TABLE_WIDTH + CHANGE_WIDTH, 13, None),  # the change column
        (20.0, 3, LIST_WIDTH_MAX),  # a narrow table: the lists don't grow without end
        (TABLE_WIDTH + 80, 14, LIST_WIDTH_MIN),  # a table too wide: the lists keep their minimum
    ],
)
def test_the_lists_take_the_width_the_table_leaves(
    table_width: float, columns: int, expected: float | None
):
    fixed = fixed_px(1.5 + table_width + 2.0, columns)
    width = list_width(fixed)
    if expected is not None:
        assert width == expected
        return
    assert LIST_WIDTH_MIN < width < LIST_WIDTH_MAX
    total = fixed + LIST_COLUMNS * column_px(width)
    assert total <= width_budget_px() < total + LIST_COLUMNS * 1.5  # within a tenth per column


@pytest.mark.parametrize(
    ("extra", "width"),
    [
        (0.0, CHANGE_WIDTH),
        (3.0, None),
        (10.0, CHANGE_MIN_WIDTH),  # a sparkline column: the change column gives first
        (40.0, CHANGE_MIN_WIDTH),
    ],
)
def test_the_change_column_narrows_before_the_lists_get_too_narrow(
    extra: float, width: float | None
):
    """Beside the table (plus ``extra`` characters of other columns), the change column keeps
    its width while the lists keep LIST_WIDTH_ROOM, then narrows to its own minimum; the
    lists may then narrow to theirs."""
    fixed_width, columns = 1.5 + TABLE_WIDTH + extra + 2.0, 11 + (extra > 0)
    change = change_width(fixed_width, columns)
    if width is not None:
        assert change == width
    else:
        assert CHANGE_MIN_WIDTH < change < CHANGE_WIDTH
    fixed = fixed_px(fixed_width + change, columns + 1)
    if change > CHANGE_MIN_WIDTH:
        assert list_width(fixed) >= LIST_WIDTH_ROOM
    if extra <= 10:  # the page still fits at the design's scale
        assert fixed + LIST_COLUMNS * column_px(list_width(fixed)) <= width_budget_px()


def test_an_extra_table_column_is_taken_from_the_lists():
    plain = list_width(fixed_px(1.5 + TABLE_WIDTH + 2.0, 11))
    wider = list_width(fixed_px(1.5 + TABLE_WIDTH + 10 + 2.0, 12))
    assert plain - wider == pytest.approx((10 * 7 + 5.5) / 7 / LIST_COLUMNS, abs=0.15)


@pytest.mark.parametrize(
    ("width_px", "height_pt", "scale"),
    [
        (800, 300.0, TARGET_SCALE),  # small: at most the design's scale, not larger
        (1126, BUDGET, TARGET_SCALE),  # the width and height budgets at 90%
        (1126, BUDGET + 8, 88),  # a little taller
        (1126, 2 * BUDGET, 45),  # twice as tall
        (1127, 400.0, 89),  # a pixel too wide
        (1250, 400.0, 81),  # 11% too wide
        (10_000, 10_000.0, 10),  # Excel's smallest scale
    ],
)
def test_print_scale(width_px: int, height_pt: float, scale: int):
    assert print_scale(width_px, height_pt) == scale


def test_the_scale_fits_the_paper():
    for width_px, height_pt in ((1000, 520.0), (1119, 581.0), (1300, 700.0), (900, 1200.0)):
        scale = print_scale(width_px, height_pt) / 100
        assert height_pt * scale <= PRINTABLE_PT[1]
        assert width_px * PT_PER_PX * LIBREOFFICE_WIDTH * scale <= PRINTABLE_PT[0]


# --- the line that ends a cut list -------------------------------------------------------------


def _actions(words: Words, count: int, text: str = "Actie {n}") -> Items:
    section = action_section(words, "Lopende acties", _texts(count, text), "running")
    return section.items()[0]


def _texts(count: int, text: str = "Actie {n}") -> tuple[str, ...]:
    return tuple(text.format(n=n) for n in range(1, count + 1))


@pytest.mark.parametrize(
    ("words", "count", "keep", "last"),
    [
        (NL, 5, 5, "• Actie 5"),
        (NL, 5, 8, "• Actie 5"),
        (NL, 5, 4, "… en nog 1 actie, zie Acties"),
        (NL, 5, 2, "… en nog 3 acties, zie Acties"),
        (EN, 5, 4, "… and 1 more action, see Actions"),
        (EN, 30, 3, "… and 27 more actions, see Actions"),
        (NL, 0, 3, "Geen"),
        (EN, 0, 3, "None"),
    ],
)
def test_a_cut_list_ends_with_how_many_more(words: Words, count: int, keep: int, last: str):
    lines = item_lines(_actions(words, count), words, 60, keep)
    assert lines[-1].text == last
    items = [line for line in lines if line.style == "item"]
    assert len(items) == min(count, keep)
    if last.startswith("…"):
        assert lines[-1].target == f"internal:{words['sheet.actions']}!A1"
        assert lines[-1].style == "more"


@pytest.mark.parametrize(
    ("hidden", "focus", "moments"),
    [
        (1, "… en nog 1 aandachtspunt in het register", "… en nog 1 moment in het register"),
        (4, "… en nog 4 aandachtspunten in het register", "… en nog 4 momenten in het register"),
    ],
)
def test_focus_points_and_moments_cut_point_to_the_register(hidden: int, focus: str, moments: str):
    points = focus_section(NL, _texts(2 + hidden, "Punt {n}"), ()).items()[0]
    last = item_lines(points, NL, 60, 2)[-1]
    assert (last.text, last.target, last.style) == (focus, None, "muted")  # no link
    realised = Items("communication.realised", _texts(2 + hidden), "page.more.moments")
    assert item_lines(realised, NL, 60, 2)[-1].text == moments


# --- fitting the page --------------------------------------------------------------------------


def _request(
    right: tuple[Section, ...], left: tuple[Section, ...] = (), periods: int = 4, max_items: int = 8
) -> FitRequest:
    """A page as monitor_sheet.py writes it: the title, the table of ``periods`` periods and its
    note, then the lists."""
    page = Page()
    page.need(0, TITLE_PT)
    page.need(3, HEADING_PT)
    page.need(4, TABLE_HEADER_PT)
    for row in range(5, 5 + periods):
        page.need(row, 17)
    note = 5 + periods + 1
    page.need(note, LINE_PT)
    return FitRequest(
        page=page,
        left_width=TABLE_WIDTH,
        fixed_width=1.5 + TABLE_WIDTH + 2.0,
        fixed_columns=11,
        right_top=3,
        chart_row=note + 2,
        right=right,
        left=left,
        max_items=max_items,
        words=NL,
    )


def _lists(running: int, planned: int, realised: int, text: str = "Actie {n}") -> tuple:
    return (
        action_section(NL, "Lopende acties", _texts(running, text), "running"),
        action_section(NL, "Geplande acties", _texts(planned, text), "planned"),
        action_section(NL, "Gerealiseerde acties", _texts(realised, text), "realised", True),
    )


LONG = "Actie {n} met een uitgebreide toelichting over de aanpak, de betrokken afdelingen en meer"


@pytest.mark.parametrize(
    ("counts", "text", "max_items", "keeps"),
    [
        ((3, 2, 4), "Actie {n}", 8, {"running": 3, "planned": 2, "realised": 4}),  # few: all
        ((0, 0, 0), "Actie {n}", 8, {"running": 0, "planned": 0, "realised": 0}),  # none
        ((12, 12, 12), "Actie {n}", 8, {"running": 8, "planned": 8, "realised": 8}),  # the max
        ((12, 12, 12), "Actie {n}", 2, {"running": 2, "planned": 2, "realised": 2}),
        # many: cut to what the page holds, the longest first, so they end even. By hand: 575.9
        # pt, less 57.75 for the title rows, 117 for three headings, "more" lines and spacers,
        # 33.75 where the table's rows are taller than a line: 28 lines of 12.75 pt
        ((30, 30, 30), "Actie {n}", 30, {"running": 9, "planned": 9, "realised": 10}),
        # a short list needs no "more" line: one item more for the others
        ((30, 4, 30), "Actie {n}", 30, {"running": 12, "planned": 4, "realised": 13}),
        # long titles take two lines each: half as many fit
        ((30, 30, 30), LONG, 30, {"running": 4, "planned": 5, "realised": 5}),
        ((8, 8, 8), LONG, 8, {"running": 4, "planned": 5, "realised": 5}),
    ],
)
def test_how_many_items_each_list_keeps(
    counts: tuple[int, int, int], text: str, max_items: int, keeps: dict[str, int]
):
    fit = fit_page(_request(_lists(*counts, text=text), max_items=max_items))
    assert fit.keeps == keeps
    assert fit.layout.height() <= BUDGET
    assert (fit.scale, fit.chart_px) == (TARGET_SCALE, CHART_PX)
    assert fit.smallest_pt >= FLOOR_PT


def _rows(fit: Fit, half: str) -> list[str]:
    return [line.text for _row, line in getattr(fit.layout, half) if line.text]


def test_a_cut_list_says_how_many_more_and_one_more_item_would_not_fit():
    request = _request(_lists(30, 30, 30), max_items=30)
    fit = fit_page(request)
    texts = _rows(fit, "right")
    assert texts.count("… en nog 21 acties, zie Acties") == 2  # Lopende and Geplande keep 9
    assert texts.count("… en nog 20 acties, zie Acties") == 1
    assert "10. Actie 10" in texts and "11. Actie 11" not in texts
    per_line = chars_per_line(LIST_COLUMNS * fit.list_width)
    for key in fit.keeps:
        fuller = lay_out(request, per_line, fit.chart_px, {**fit.keeps, key: fit.keeps[key] + 1})
        assert fuller.height() > BUDGET, key


def test_the_chart_shrinks_before_the_lists_go_below_three_items():
    focus = focus_section(NL, _texts(20, LONG), ())
    moments = Section(
        "Communicatiemomenten",
        (Items("communication.realised", _texts(20, LONG), "page.more.moments"),),
    )
    fit = fit_page(_request(_lists(2, 2, 2), (focus, moments)))
    assert fit.keeps["focus"] >= 1 and fit.keeps["communication.realised"] >= 1
    if min(fit.keeps["focus"], fit.keeps["communication.realised"]) < MIN_KEEP:
        assert fit.chart_px == CHART_MIN_PX
    assert fit.layout.height() <= BUDGET and fit.scale == TARGET_SCALE
    assert {
        "running": 2,
        "planned": 2,
        "realised": 2,
    }.items() <= fit.keeps.items()  # the right half is not cut


def test_a_table_too_tall_for_the_page_prints_smaller_on_one_page():
    """Sixty periods: everything is cut as far as it goes and the scale does the rest."""
    fit = fit_page(_request(_lists(30, 30, 30), periods=60, max_items=30))
    assert fit.chart_px == CHART_MIN_PX
    assert fit.scale < TARGET_SCALE
    assert fit.layout.height() * fit.scale / 100 <= PRINTABLE_PT[1]


# --- the written sheet holds what was laid out -------------------------------------------------


def _column_px(ws: Any) -> list[int]:
    """Every column's width in pixels, from A to the last one set (XlsxWriter stores pixels
    / 7; openpyxl reads a run of equal columns as one)."""
    px: dict[int, int] = {}
    for dimension in ws.column_dimensions.values():
        for col in range(dimension.min, dimension.max + 1):
            px[col] = round(dimension.width * 7)
    return [px[col] for col in range(1, max(px) + 1)]


def _build(tmp_path: Path, rows: list[list[object]], lang: str = "nl") -> Path:
    register = write_xlsx(tmp_path / "register.xlsx", rows)
    output = tmp_path / "monitor.xlsx"
    options = Options(register=register, as_of=dt.date(2018, 11, 1), output=output, lang=lang)
    pipeline.build(options)
    return output


def _long_register(count: int) -> list[list[object]]:
    rows: list[list[object]] = []
    for n in range(1, count + 1):
        for status in ("lopend", "gepland"):
            rows.append([str(len(rows) + 1), LONG.format(n=n), "Aan de slag in 2018", status])
    return rows


@pytest.mark.parametrize("count", [2, 30])
def test_the_sheet_prints_as_laid_out(tmp_path: Path, count: int):
    """Every printed row has its height set, the columns are as wide as the fitting counted,
    and the scale the sheet carries is the one its rows and columns give."""
    ws = openpyxl.load_workbook(_build(tmp_path, _long_register(count)))["Monitor"]
    area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
    last_row = int(area.rsplit("$", 1)[1])
    last_col = column_index_from_string(area.rsplit("$", 2)[1])
    assert ws.sheet_format.customHeight  # a row not set has the sheet's own default height
    default = ws.sheet_format.defaultRowHeight
    heights = [ws.row_dimensions[row].height or default for row in range(1, last_row + 1)]
    px = sum(_column_px(ws)[:last_col])
    assert ws.page_setup.scale == print_scale(px, sum(heights))
    assert ws.page_setup.scale == TARGET_SCALE
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    if count == 30:
        assert any(t.startswith("… en nog ") and t.endswith(" acties, zie Acties") for t in texts)
    else:
        assert not any(t.startswith("… en nog") for t in texts)


def test_every_column_left_of_the_lists_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The fitting's fixed width is the sheet's: a column added to the Statustabel (or beside
    it) must add its width to the table's, so that the lists give it room."""
    from mvi_xl.writer import monitor_sheet

    requests: list[FitRequest] = []

    def fit(request: FitRequest) -> Fit:
        requests.append(request)
        return fit_page(request)

    monkeypatch.setattr(monitor_sheet, "fit_page", fit)
    ws = openpyxl.load_workbook(_build(tmp_path, _long_register(3)))["Monitor"]
    (request,) = requests
    px = _column_px(ws)[: request.fixed_columns + LIST_COLUMNS]
    fixed, lists = px[: request.fixed_columns], px[request.fixed_columns :]
    counted = fixed_px(request.fixed_width, request.fixed_columns)
    assert counted - request.fixed_columns <= sum(fixed) <= counted
    assert lists == [column_px(list_width(counted))] * LIST_COLUMNS
