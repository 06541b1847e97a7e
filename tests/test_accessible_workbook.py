"""The workbook as an accessibility reviewer checks it (issue #16, point 1): every chart of
every monitor in the catalogue has alternative text that states its numbers and declares the
run's language; the status palette and the table styles meet WCAG 2.1 AA and stay apart under
colour-vision deficiency; an organisation's own colours that don't get a warning."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from mvi_xl import contrast
from mvi_xl.config import parse_config
from mvi_xl.house_colours import colour_findings
from mvi_xl.words.colours import HOUSE_COLOURS, STATUS_COLOURS
from mvi_xl.writer import charts
from mvi_xl.writer.styles import ACCESSIBLE_TABLE_STYLES

from .monitors import Built, session_catalogue


@pytest.fixture(scope="module")
def monitors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return session_catalogue(tmp_path_factory)


def _parts(path: Path, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if re.fullmatch(pattern, name)
        }


def _chart_frames(path: Path) -> list[str]:
    """The ``descr`` of every chart's drawing object (its alternative text)."""
    frames = []
    for xml in _parts(path, r"xl/drawings/drawing\d+\.xml").values():
        for frame in re.findall(r"<xdr:graphicFrame.*?</xdr:graphicFrame>", xml, re.S):
            found = re.search(r'<xdr:cNvPr [^>]*descr="([^"]*)"', frame)
            frames.append(found[1] if found else "")
    return frames


def test_every_chart_says_what_it_shows_with_its_numbers(monitors: dict[str, Built]):
    for name, built in monitors.items():
        frames = _chart_frames(built.monitor)
        assert frames, name
        for description in frames:
            assert ":" in description, (name, description)
            # its numbers, or, for a register without actions, that it has none
            said = re.search(r"\d", description) or "nog geen acties" in description
            assert said, (name, description)


def test_the_monitor_chart_of_the_example_counts_every_period(monitors: dict[str, Built]):
    built = monitors["voorbeeld"]
    first = _chart_frames(built.monitor)[0]
    assert first.startswith("Staafdiagram: per periode het aantal acties per status.")
    assert "Wat doen we al goed?: 54 voltooid; 0 lopend; 0 gepland; 0 vervallen." in first
    assert "Actie doorlopend: 0 voltooid; 15 lopend; 3 gepland; 0 vervallen." in first


def test_charts_declare_the_run_language(monitors: dict[str, Built]):
    for name, built in monitors.items():
        tag = "en-GB" if name == "english" else "nl-NL"
        for part, xml in _parts(built.monitor, r"xl/charts/chart\d+\.xml").items():
            assert f'<c:lang val="{tag}"/>' in xml, (name, part)


def test_every_table_style_has_a_readable_header(monitors: dict[str, Built]):
    for name, built in monitors.items():
        for part, xml in _parts(built.monitor, r"xl/tables/table\d+\.xml").items():
            style = re.search(r'<tableStyleInfo name="([^"]+)"', xml)
            assert style is not None, (name, part)
            shown = style[1].replace("TableStyleLight", "Table Style Light ")
            assert shown in ACCESSIBLE_TABLE_STYLES, (name, part, style[1])


def test_the_historie_lines_differ_by_dash_and_marker_too():
    styles = set(charts.LINE_STYLES.values())
    assert len(styles) == len(charts.LINE_STYLES)
    assert len({dash for dash, _ in styles}) == len(styles)
    assert len({marker for _, marker in styles}) == len(styles)


def test_the_status_palette_meets_wcag_and_stays_apart_for_every_reader():
    assert contrast.palette_problems(STATUS_COLOURS) == []
    for status, colour in STATUS_COLOURS.items():
        assert contrast.contrast_ratio(colour, "#FFFFFF") >= 3, status
        # a label inside its bar (stacked) reads at 4.5:1
        label = charts.bar_series(colour, inside=True)["data_labels"]["font"]["color"]
        assert contrast.contrast_ratio(colour, label) >= 4.5, status
    for deficiency in (None, *contrast.DEFICIENCIES):
        gap, first, second = contrast.closest_pair(STATUS_COLOURS, deficiency)
        assert gap >= contrast.STATUS_DISTANCE, (deficiency, first, second, gap)


def test_the_house_colours_read_as_text():
    assert (
        contrast.text_problems(
            [
                ("accent", HOUSE_COLOURS["accent"], "#FFFFFF"),
                ("text", HOUSE_COLOURS["text"], "#FFFFFF"),
                ("text", HOUSE_COLOURS["text"], HOUSE_COLOURS["header_fill"]),
            ]
        )
        == []
    )


@pytest.mark.parametrize(
    ("colours", "codes"),
    [
        ({}, []),
        ({"lopend": "#C85200"}, []),  # dark enough and far from the others
        ({"lopend": "#F2A93B"}, ["colour_contrast"]),  # the old orange: 2.00:1
        ({"lopend": "#006D4F"}, ["colours_alike"]),  # voltooid's green, nearly
        ({"accent": "#9CB4D0"}, ["text_contrast"]),
        ({"text": "#1A1A1A", "header_fill": "#333333"}, ["text_contrast"]),
    ],
)
def test_house_colours_that_fail_get_a_warning(colours: dict[str, str], codes: list[str]):
    config = parse_config({"colours": colours}, source=Path("mvi-xl.toml"))
    findings = colour_findings(config)
    assert [f.code for f in findings] == codes
    for finding in findings:
        assert finding.where.startswith("mvi-xl.toml [colours]")
        text, hint = finding.render("nl")
        assert "{" not in text and "mvi-xl.toml" in hint


def test_a_colour_warning_names_the_deficiency_in_the_run_language():
    config = parse_config({"colours": {"gepland": "#8A8A8A"}}, source=Path("mvi-xl.toml"))
    finding = colour_findings(config)[0]
    assert "vervallen" in finding.render("nl")[0] or "gepland" in finding.render("nl")[0]
    assert "readers" in finding.render("en")[0]
    assert "lezers" in finding.render("nl")[0]
