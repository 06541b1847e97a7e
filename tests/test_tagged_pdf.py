"""``mvi-xl build --pdf``: the --html page printed by a Chromium-family browser to a tagged PDF,
and LibreOffice's untagged print of the Monitor sheet when there is no browser, said so.

The structure is read with pikepdf: a structure tree with a Table holding TH cells and a
Figure whose /Alt states the chart's numbers, /Lang of the run, a title shown as the window
title, one A4 landscape page, embedded fonts, no link without a target. Finding the browser
and its failures are tested with stand-ins; the tagged output with the real Chromium (skipped
without it, except under CI=true).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from mvi_xl import __version__, browser
from mvi_xl.browser import BROWSER_ENV, find_browser, install_locations, print_pdf
from mvi_xl.cli import cli
from mvi_xl.html_page import render_page

from .accessibility import chromium, printed_heights
from .conftest import BASIC_ROWS, write_xlsx
from .monitors import CATALOGUE, Built, session_catalogue
from .test_html import config_of

A4_LANDSCAPE = (841.89, 595.28)

posix_only = pytest.mark.skipif(os.name != "posix", reason="the stand-in browser is a script")


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def real_browser(monkeypatch: pytest.MonkeyPatch) -> Path:
    found = chromium()
    if found is None:
        pytest.skip("no Chromium-family browser is installed")
    monkeypatch.setenv(BROWSER_ENV, str(found))
    return found


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    return session_catalogue(tmp_path_factory)


def structure(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, depth first."""
    todo = [pdf.Root.StructTreeRoot.get("/K")]
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Array):
            todo.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            todo.append(node.get("/K"))


def kids(node: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found = node.get("/K")
    items = list(found) if isinstance(found, pikepdf.Array) else [found]
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def descendants(node: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    for kid in kids(node):
        yield kid
        yield from descendants(kid)


def fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    for page in pdf.pages:
        yield from (page.Resources.get("/Font") or {}).values()


def is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn by the PDF itself
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def assert_tagged_monitor(path: Path, lang: str, numbers: str, lists: bool = True) -> None:
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == lang
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        title = str(pdf.docinfo.Title)  # the page's <title>: the workbook's document title
        assert "monitor" in title.lower() and re.search(r" \d{2}-\d{2}-\d{4}$", title), title
        assert len(pdf.pages) == 1
        box = [float(v) for v in pdf.pages[0].MediaBox]
        assert (box[2] - box[0], box[3] - box[1]) == pytest.approx(A4_LANDSCAPE, abs=1)
        elements = list(structure(pdf))
        tables = [e for e in elements if e.S == "/Table"]
        assert len(tables) == 1
        cells = [str(e.S) for e in descendants(tables[0])]
        assert "/TH" in cells and "/TD" in cells
        alts = [str(e.Alt) for e in elements if e.S == "/Figure" and "/Alt" in e]
        assert any(numbers in alt for alt in alts), alts
        kinds = {str(e.S) for e in elements}
        assert {"/H1", "/H2"} <= kinds
        assert not lists or {"/L", "/LI"} <= kinds
        assert all(is_embedded(font) for font in fonts(pdf))
        for page in pdf.pages:
            for annotation in page.get("/Annots") or []:
                if annotation.get("/Subtype") == "/Link":
                    assert "/A" in annotation or "/Dest" in annotation


# --- Finding the browser -------------------------------------------------------------------------


def test_named_browser_wins(tmp_path: Path):
    named = tmp_path / "msedge.exe"
    named.write_text("")
    assert find_browser({BROWSER_ENV: str(named), "PATH": ""}) == named


@pytest.mark.parametrize("value", ["", "   ", "geen-browser"])
def test_a_named_browser_that_is_missing_or_empty_means_none(tmp_path: Path, value: str):
    on_path = tmp_path / "chromium"
    on_path.write_text("")
    on_path.chmod(0o755)
    assert find_browser({BROWSER_ENV: value, "PATH": str(tmp_path)}) is None


@posix_only
def test_browser_on_the_path(tmp_path: Path):
    for name in ("google-chrome", "chromium"):
        program = tmp_path / name
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    assert find_browser({"PATH": str(tmp_path)}) == tmp_path / "chromium"  # the order of NAMES


def test_edge_in_the_windows_install_folder():
    where = install_locations({"ProgramFiles(x86)": r"C:\Program Files (x86)"})
    assert (
        Path(r"C:\Program Files (x86)", "Microsoft", "Edge", "Application", "msedge.exe") in where
    )
    chrome = Path(r"C:\Program Files", "Google", "Chrome", "Application", "chrome.exe")
    assert chrome in install_locations({"ProgramFiles": r"C:\Program Files"})


# --- The browser's route -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "tag", "numbers"), [("nl", "nl-NL", "54 voltooid"), ("en", "en-GB", "54 completed")]
)
def test_build_pdf_is_tagged(real_browser: Path, tmp_path: Path, lang: str, tag: str, numbers: str):
    output = tmp_path / "map met spatie" / "voorbeeld-monitor.xlsx"
    output.parent.mkdir()
    result = run("build", "--example", "--pdf", "--json", "--lang", lang, "-o", output)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pdf_tagged"] is True and data["pdf"] == str(output.with_suffix(".pdf"))
    assert "LibreOffice" not in result.stderr
    assert_tagged_monitor(output.with_suffix(".pdf"), tag, numbers)
    assert not [p.name for p in output.parent.iterdir() if p.name.startswith(".mvi-xl-")]


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_every_page_prints_on_one_tagged_page(
    real_browser: Path, catalogue: dict[str, Built], name: str, tmp_path: Path
):
    built = catalogue[name]
    monitor = built.result.monitor
    assert monitor is not None
    page = render_page(
        monitor, built.result.lang, config_of(built), dt.date(2018, 11, 1), __version__
    )
    target = print_pdf(real_browser, page, tmp_path / "monitor.pdf")
    lang = {"nl": "nl-NL", "en": "en-GB"}[built.result.lang]
    first = monitor.periods[0] if monitor.periods else None
    numbers = "" if first is None else f"{first.by_status['voltooid']} "
    lists = monitor.running or monitor.planned or monitor.realised or monitor.focus_points
    assert_tagged_monitor(target, lang, numbers, lists=bool(lists))
    content, sheet = printed_heights(real_browser, page)
    assert content <= sheet, (content, sheet)  # fits with room: scaled down enough


# --- Failures and the fallback -------------------------------------------------------------------

FAKE_BROWSER = """\
import os, sys, time
mode = os.environ.get("FAKE_BROWSER", "ok")
args = sys.argv[1:]
if mode == "fail":
    print("crashed", file=sys.stderr)
    sys.exit(3)
if mode == "sleep":
    time.sleep(60)
if mode == "half":
    target = next(a.split("=", 1)[1] for a in args if a.startswith("--print-to-pdf="))
    open(target, "wb").write(b"%PDF-1.4 cut off")
"""


@pytest.fixture
def fake_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    program = tmp_path / "bin" / "fake_browser.py"
    program.parent.mkdir()
    program.write_text(FAKE_BROWSER, encoding="utf-8")
    script = tmp_path / "bin" / "chromium"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{program}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv(BROWSER_ENV, str(script))
    return script


@posix_only
@pytest.mark.parametrize("mode", ["fail", "half", "none", "sleep"])
def test_a_browser_that_fails_leaves_the_previous_monitor(
    fake_browser: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
):
    register = write_xlsx(tmp_path / "register.xlsx", BASIC_ROWS)
    first = run("build", register, "--as-of", "2018-06-01")
    assert first.exit_code == 0
    monitor = tmp_path / "register-monitor.xlsx"
    before = monitor.read_bytes()
    monkeypatch.setenv("FAKE_BROWSER", mode)
    monkeypatch.setattr(browser, "TIMEOUT", 2.0)
    result = run("build", register, "--pdf", "--as-of", "2018-11-01")
    assert result.exit_code == 4, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "de browser kon de PDF niet maken" in lines[0], result.stderr
    assert BROWSER_ENV in lines[0]
    assert monitor.read_bytes() == before
    assert not (tmp_path / "register-monitor.pdf").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".mvi-xl-")]


def test_without_a_browser_libreoffice_prints_and_says_it_is_untagged(
    soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv(BROWSER_ENV, str(tmp_path / "geen-browser"))
    output = tmp_path / "voorbeeld-monitor.xlsx"
    result = run("build", "--example", "--pdf", "--json", "-o", output)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pdf_tagged"] is False
    assert "niet getagd" in result.stderr and BROWSER_ENV in result.stderr
    with pikepdf.open(output.with_suffix(".pdf")) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert len(pdf.pages) == 1
    english = run("build", "--example", "--pdf", "--force", "--lang", "en", "-o", output)
    assert english.exit_code == 0, english.output
    assert "is not tagged" in english.stderr


def test_a_browser_found_later_prints_the_tagged_pdf_then(
    real_browser: Path, soffice: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Unchanged input leaves a monitor alone, but not its untagged PDF once a browser can
    print the tagged one."""
    output = tmp_path / "voorbeeld-monitor.xlsx"
    monkeypatch.setenv(BROWSER_ENV, "")
    first = json.loads(run("build", "--example", "--pdf", "--json", "-o", output).stdout)
    assert first["pdf_tagged"] is False
    again = json.loads(run("build", "--example", "--pdf", "--json", "-o", output).stdout)
    assert again["up_to_date"] is True
    monkeypatch.setenv(BROWSER_ENV, str(real_browser))
    now = json.loads(run("build", "--example", "--pdf", "--json", "-o", output).stdout)
    assert now["up_to_date"] is False and now["pdf_tagged"] is True
    with pikepdf.open(output.with_suffix(".pdf")) as pdf:
        assert "/StructTreeRoot" in pdf.Root
