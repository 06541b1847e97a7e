"""``mvi-xl build --html``: the Monitor page as one accessible, self-contained HTML file.

axe-core (npm, tests/axe) runs in headless Chromium over the page of every monitor in the
catalogue and must find no violation of WCAG 2.1 A and AA. The rest is read from the page's
text: the language, the headings, the status table's caption and header cells, the chart's
title and description with its numbers, no external request, escaped user text, no link.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl import __version__
from mvi_xl.cli import cli
from mvi_xl.config import Config, find_config, load_config
from mvi_xl.html_chart import axis_step, contrast, darkened, label_lines
from mvi_xl.html_page import MUTED, Lists, palette, render_page
from mvi_xl.words.i18n import Words

from .accessibility import axe_script, axe_violations, chromium, summary
from .conftest import BASIC_ROWS, write_xlsx
from .monitors import CATALOGUE, Built, session_catalogue

GENERATED = dt.date(2018, 11, 1)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return session_catalogue(tmp_path_factory)


def config_of(built: Built) -> Config:
    anchor = built.register if built.register.is_file() else built.register / "register.xlsx"
    return load_config(find_config(None, anchor))


def page_of(built: Built) -> str:
    assert built.result.monitor is not None
    return render_page(
        built.result.monitor, built.result.lang, config_of(built), GENERATED, __version__
    )


class Outline(HTMLParser):
    """The elements of a page, with their attributes, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.texts_in: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack:
            self.texts_in.setdefault(self.stack[-1], []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def outline(page: str) -> Outline:
    parsed = Outline()
    parsed.feed(page)
    return parsed


# --- axe-core over the catalogue ---------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_no_wcag_violation_on_any_page(name: str, catalogue: dict[str, Built]):
    browser = chromium()
    axe = axe_script()
    if browser is None or axe is None:
        pytest.skip("Chromium or axe-core (cd tests/axe && npm ci) is not installed")
    violations = axe_violations(browser, page_of(catalogue[name]), axe)
    assert violations == [], summary(violations)


def test_axe_does_find_a_violation():
    """The harness itself: a page with an image without alternative text fails."""
    browser, axe = chromium(), axe_script()
    if browser is None or axe is None:
        pytest.skip("Chromium or axe-core is not installed")
    page = '<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body><main>'
    page += '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>'
    assert "image-alt" in [v["id"] for v in axe_violations(browser, page, axe)]


# --- What the page holds ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_semantic_and_self_contained(name: str, catalogue: dict[str, Built]):
    built = catalogue[name]
    page = page_of(built)
    parsed = outline(page)
    lang = parsed.all("html")[0]["lang"]
    assert lang == {"nl": "nl-NL", "en": "en-GB"}[built.result.lang]
    # the table, three lists, and the sections the register keeps (issue #16, point 6)
    kept = built.result.monitor.register.side_sheets if built.result.monitor else frozenset()
    assert len(parsed.all("h1")) == 1 and len(parsed.all("h2")) == 4 + len(kept)
    assert len(parsed.all("table")) == 1 and len(parsed.all("caption")) == 1
    scopes = [attrs.get("scope") for attrs in parsed.all("th")]
    assert "col" in scopes and "row" in scopes and None not in scopes
    svg = [attrs for attrs in parsed.all("svg") if attrs.get("class") == "chart"]
    assert len(svg) == 1 and svg[0]["role"] == "img"
    assert svg[0]["aria-labelledby"] == "chart-title chart-desc"
    # the rest are the column Verloop's lines (test_trend.py), each an image with a name
    sparks = [attrs for attrs in parsed.all("svg") if attrs not in svg]
    assert all(a["class"] == "spark" and a["role"] == "img" and a["aria-label"] for a in sparks)
    assert bool(sparks) == (built.result.monitor is not None and built.result.monitor.shows_trend)
    # nothing is fetched and nothing is a link
    assert parsed.all("a") == [] and parsed.all("link") == [] and parsed.all("script") == []
    for attrs in parsed.all("img"):
        assert (attrs.get("src") or "").startswith("data:image/")
        assert attrs.get("alt")
    assert "url(" not in page and "@import" not in page


def test_the_chart_says_its_numbers(catalogue: dict[str, Built]):
    parsed = outline(page_of(catalogue["voorbeeld"]))
    description = "".join(parsed.texts_in["desc"])
    assert description.startswith("Staafdiagram: per periode het aantal acties per status. ")
    assert "Wat doen we al goed?: 54 voltooid; 0 lopend; 0 gepland; 0 vervallen." in description
    assert "Aan de slag in 2017: 23 voltooid; 2 lopend; 1 gepland; 1 vervallen." in description
    english = "".join(outline(page_of(catalogue["english"])).texts_in["desc"])
    assert english.startswith("Bar chart: per period the number of actions per status.")
    assert "completed" in english


def test_the_lists_are_those_of_the_monitor_sheet(catalogue: dict[str, Built]):
    built = catalogue["long-lists"]
    parsed = outline(page_of(built))
    headings = parsed.texts_in["h2"]
    assert headings[:1] == ["Aantal acties per status"]
    for heading in ("Aandachtspunten", "Communicatiemomenten", "Lopende acties", "Geplande acties"):
        assert heading in headings
    assert any(h.startswith("Gerealiseerde acties") for h in headings)
    text = "".join(parsed.text)
    assert "… en nog 22 acties" in text  # 30 running actions, 8 shown: the sheet's words
    assert len(parsed.all("ol")) == 1  # the realised actions are numbered


def test_user_text_is_escaped_never_markup_or_a_link(tmp_path: Path):
    rows = [
        ["1", '<script>alert("x")</script>', "<b>Fase</b> & co", "lopend", None],
        ["2", '=HYPERLINK("http://x","klik")', "http://example.org", "gepland", None],
        ["3", "<img src=x onerror=alert(1)>", "P", "lopend", None],
    ]
    register = write_xlsx(tmp_path / "register.xlsx", rows)
    result = CliRunner().invoke(
        cli, ["build", str(register), "--html", "--as-of", "2018-11-01"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "register-monitor.html").read_text(encoding="utf-8")
    parsed = outline(page)
    assert parsed.all("script") == [] and parsed.all("b") == [] and parsed.all("a") == []
    assert [a for a in parsed.all("img")] == []
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Fase&lt;/b&gt; &amp; co" in page
    assert "href" not in page


# --- Colours ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_colours_meet_wcag_aa(name: str, catalogue: dict[str, Built]):
    colours = palette(config_of(catalogue[name]))
    assert contrast(colours.accent, "#FFFFFF") >= 4.5  # white heading text on it
    assert contrast(colours.text, "#FFFFFF") >= 4.5
    assert contrast(MUTED, "#FFFFFF") >= 4.5
    for colour in colours.statuses.values():
        assert contrast(colour, "#FFFFFF") >= 3.0


def test_a_house_colour_that_passes_is_kept_one_that_fails_is_darkened():
    assert darkened("#112233") == "#112233"
    light = "#F2A93B"  # a house orange (mvi-xl's own lopend before it met 3:1)
    assert contrast(light, "#FFFFFF") < 3.0
    shade = darkened(light)
    assert contrast(shade, "#FFFFFF") >= 3.0 and shade != light
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("highest", "step"), [(1, 1), (6, 1), (7, 2), (54, 10), (124, 25)])
def test_the_value_axis_counts_in_whole_numbers(highest: int, step: int):
    assert axis_step(highest) == step


# --- The command -------------------------------------------------------------------------------


def test_build_html_writes_the_page_beside_the_monitor(tmp_path: Path):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["build", str(register), "--html", "--as-of", "2018-11-01", "--lang", "en"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    page = tmp_path / "register-monitor.html"
    assert f"Web page: {page}" in result.stdout.splitlines()
    assert '<html lang="en-GB">' in page.read_text(encoding="utf-8")
    again = runner.invoke(
        cli,
        ["build", str(register), "--html", "--as-of", "2018-11-01", "--lang", "en", "--json"],
        catch_exceptions=False,
    )
    data = json.loads(again.stdout)
    assert data["up_to_date"] is True and data["html"] == str(page)
    page.unlink()  # a page gone makes the next run write it again
    third = runner.invoke(
        cli, ["build", str(register), "--html", "--as-of", "2018-11-01", "--lang", "en"]
    )
    assert third.exit_code == 0 and page.is_file()
    assert not [p for p in tmp_path.iterdir() if re.search(r"\.tmp$", p.name)]


def test_a_page_that_cant_be_written_is_exit_4_in_one_line(tmp_path: Path):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    (tmp_path / "register-monitor.html").mkdir()  # a folder where the page goes
    result = CliRunner().invoke(cli, ["build", str(register), "--html", "--as-of", "2018-11-01"])
    assert result.exit_code == 4, result.output
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("mvi-xl: ")


def test_a_page_in_use_gets_a_dated_copy_and_exit_5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """As for the PDF: a page held open (a sharing violation on Windows) doesn't stop the
    monitor; the new page goes beside it under a dated name, and the next run that can
    replace the page removes that copy."""
    import errno

    from mvi_xl import safe_io

    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    page = tmp_path / "register-monitor.html"
    assert run_build(register, "--as-of", "2018-06-01").exit_code == 0
    real_replace = Path.replace

    def replace(self: Path, target: str | Path) -> Path:
        if Path(target) == page:
            raise OSError(errno.EBUSY, "in use")  # as an SMB client's sharing violation
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(safe_io, "REPLACE_DELAY", 0.0)
    held = run_build(register, "--as-of", "2018-11-01", "--json")
    assert held.exit_code == 5, held.output
    data = json.loads(held.stdout)
    copy = Path(data["html"])
    assert data["renderings_in_use"] is True and data["output_in_use"] is False
    assert copy.name.startswith("register-monitor (") and copy.suffix == ".html"
    assert str(page) in held.stderr and copy.name in held.stderr
    monkeypatch.setattr(Path, "replace", real_replace)
    again = run_build(register, "--as-of", "2018-11-01")  # unchanged, but the page is old
    assert again.exit_code == 0, again.output
    assert page.is_file() and not copy.exists()


def run_build(register: Path, *args: str):
    return CliRunner().invoke(
        cli, ["build", str(register), "--html", *args], catch_exceptions=False
    )


#: (language, the list's words, items, the line for those left out at 2 shown)
CUT_LISTS = [
    ("nl", "year.more", 3, "… en nog 1 actie"),
    ("nl", "year.more", 5, "… en nog 3 acties"),
    ("nl", "page.more.focus", 3, "… en nog 1 aandachtspunt in het register"),
    ("nl", "page.more.focus", 4, "… en nog 2 aandachtspunten in het register"),
    ("nl", "page.more.moments", 4, "… en nog 2 momenten in het register"),
    ("en", "year.more", 3, "… and 1 more action"),
    ("en", "page.more.focus", 4, "… and 2 more focus points in the register"),
    ("en", "page.more.moments", 3, "… and 1 more moment in the register"),
]


@pytest.mark.parametrize(("lang", "more", "count", "line"), CUT_LISTS)
def test_a_cut_list_says_how_many_more_in_the_sheets_words(lang, more, count, line):
    html = Lists(Words(lang), 2).items([f"item {n}" for n in range(count)], more=more)
    assert html.count("<li>") == 2
    assert html.endswith(f'<p class="muted">{line}</p>')
    assert Lists(Words(lang), 2).items(["a", "b"], more=more).count("muted") == 0


#: (a period's label, its lines under the bars of the page's chart)
LABELS = [
    ("Wat doen we al goed?", ["Wat doen we al goed?"]),
    ("Aan de slag in 2018-2020", ["Aan de slag in", "2018-2020"]),
    ("Actie doorlopend", ["Actie doorlopend"]),
    ("Lang " + "x" * 40, ["Lang", "xxxxxxxxxxxxxxxxxxxxx…"]),
    (
        "een twee drie vier vijf zes zeven acht negen",
        ["een twee drie vier", "vijf zes zeven acht…"],
    ),
]


@pytest.mark.parametrize(("label", "lines"), LABELS)
def test_a_long_period_label_wraps_under_its_bars(label: str, lines: list[str]):
    assert label_lines(label) == lines
