"""The trend on the page (issue #17, point 3): the Statustabel's column Verloop, a native Excel
sparkline per period over the Table Verloop on the Historie sheet, the same trend in --json and
as small SVG lines on the --html page.

The register spans 2017-2020 and is published three times, its statuses changing between the
monitors. Counted by hand, the headline (voltooid; lopend for "Actie doorlopend") per monitor:

    period                     01-03-2018  01-06-2018  01-11-2018
    Wat doen we al goed?            2           3           3
    Aan de slag in 2017             1           2           3
    Aan de slag in 2018-2020        0           0           1
    Aan de slag in 2020             -           -           0     (new in November: a dash)
    Actie doorlopend                1           2           1     (lopend)

openpyxl drops sparklines when it loads a workbook, so they are read from the sheet's XML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter, range_boundaries

from mvi_xl.cli import cli
from mvi_xl.model import PeriodCounts, Snapshot, TrendPoint
from mvi_xl.trend import period_trends
from mvi_xl.words.terms import ONBEKEND, STATUSES

from .accessibility import axe_script, axe_violations, chromium, summary
from .conftest import write_xlsx
from .lo import ERROR_VALUES, cached_values, convert, recalculating_profile
from .ooxml import sheet_part

X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"

GOED, P2017, P2018, P2020, DOOR = (
    "Wat doen we al goed?",
    "Aan de slag in 2017",
    "Aan de slag in 2018-2020",
    "Aan de slag in 2020",
    "Actie doorlopend",
)
DATES = ("2018-03-01", "2018-06-01", "2018-11-01")

#: per monitor, per period the statuses of its actions (in register order)
VERSIONS = [
    {
        GOED: ["voltooid", "voltooid", "lopend"],
        P2017: ["voltooid", "lopend", "gepland", "gepland"],
        P2018: ["gepland", "gepland"],
        DOOR: ["lopend", "gepland"],
    },
    {
        GOED: ["voltooid"] * 3,
        P2017: ["voltooid", "voltooid", "lopend", "gepland"],
        P2018: ["lopend", "gepland"],
        DOOR: ["lopend", "lopend"],
    },
    {
        GOED: ["voltooid"] * 3,
        P2017: ["voltooid", "voltooid", "voltooid", "vervallen"],
        P2018: ["voltooid", "lopend"],
        P2020: ["gepland"],
        DOOR: ["lopend", "voltooid"],
    },
]

#: the table above, the sparklines' points; Aan de slag in 2020 has none (a dash)
HEADLINES = {
    GOED: [2, 3, 3],
    P2017: [1, 2, 3],
    P2018: [0, 0, 1],
    DOOR: [1, 2, 1],
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write_version(path: Path, version: dict[str, list[str]]) -> Path:
    rows = [
        [f"{number}.{index}", f"Actie {number}.{index}", period, status, None]
        for number, (period, statuses) in enumerate(version.items(), start=1)
        for index, status in enumerate(statuses, start=1)
    ]
    return write_xlsx(path, rows)


def publish_three(folder: Path, *extra: str) -> tuple[Path, Path, dict]:
    """The register published on each of DATES; returns it, the monitor and the last --json."""
    register, monitor = folder / "Actieplan MVI.xlsx", folder / "Actieplan MVI-monitor.xlsx"
    data: dict = {}
    for version, day in zip(VERSIONS, DATES, strict=True):
        write_version(register, version)
        result = run(
            "build", register, "-o", monitor, "--as-of", day, "--publish", "--json", *extra
        )
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
    return register, monitor, data


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    _register, monitor, data = publish_three(tmp_path_factory.mktemp("published"))
    return monitor, data


# --- Reading sparklines and cells back --------------------------------------------------------


def sparklines(path: Path, sheet: str = "Monitor") -> list[dict[str, str]]:
    """Each sparkline on ``sheet``: its cell, its data range and its group's attributes."""
    package, part = sheet_part(path, sheet)
    found = []
    for group in package.xml[part].iter(f"{{{X14}}}sparklineGroup"):
        for line in group.iter(f"{{{X14}}}sparkline"):
            found.append(
                {
                    **group.attrib,
                    "cell": line.findtext(f"{{{XM}}}sqref") or "",
                    "range": line.findtext(f"{{{XM}}}f") or "",
                }
            )
    return sorted(found, key=lambda s: int(re.sub(r"\D", "", s["cell"])))


def values(cells: dict[tuple[str, str], object], reference: str) -> list[object]:
    """The cached values of a one-row range such as ``Historie!L32:N32`` (None: empty)."""
    sheet, cells_ref = reference.split("!")
    first_col, row, last_col, _ = range_boundaries(cells_ref.replace("$", ""))
    return [
        cells.get((sheet.strip("'"), f"{get_column_letter(col)}{row}"))
        for col in range(first_col, last_col + 1)
    ]


def drawn(path: Path, cells: dict[tuple[str, str], object] | None = None) -> dict[str, list]:
    """Per period (the label in column B of a sparkline's row) the values its line draws, in
    ``cells`` (default: the monitor's own cached values)."""
    own = cached_values(path)
    cells = own if cells is None else cells
    return {
        str(own[("Monitor", "B" + re.sub(r"[A-Z]", "", s["cell"]))]): values(cells, s["range"])
        for s in sparklines(path)
    }


def table_columns(path: Path, sheet: str, table: str) -> list[str]:
    workbook = openpyxl.load_workbook(path)
    return [column.name for column in workbook[sheet].tables[table].tableColumns]


# --- The workbook -----------------------------------------------------------------------------


def test_the_sparklines_show_the_published_monitors_headlines(published: tuple[Path, dict]):
    monitor, _data = published
    lines = sparklines(monitor)
    assert drawn(monitor) == HEADLINES
    # a line with a marker per monitor, the last point marked, the axis from zero
    for line in lines:
        assert "type" not in line  # the default: a line
        assert (line["markers"], line["last"], line["manualMin"]) == ("1", "1", "0")
        assert line["displayEmptyCellsAs"] == "gap"
        assert line["cell"].startswith("K")  # the column Verloop, after Gereed
    sheet = openpyxl.load_workbook(monitor, data_only=True)["Monitor"]
    assert [sheet[f"{c}5"].value for c in "HIJKL"] == [
        "Kerncijfer",
        "Aandeel",
        "Gereed",
        "Verloop",
        "t.o.v. 01-06-2018",
    ]
    rows = {sheet[f"B{r}"].value: r for r in range(6, 12)}
    assert sheet[f"K{rows[P2020]}"].value == "–"  # one monitor only: no line
    assert sheet[f"K{rows['Totaal']}"].value is None
    notes = [sheet[f"B{r}"].value for r in range(rows["Totaal"] + 1, rows["Totaal"] + 4)]
    assert notes[1:] == [
        "Verloop: het kerncijfer in elke gepubliceerde monitor en in deze (het laatste punt); "
        "de punten staan op het blad Historie.",
        "– = deze periode staat in minder dan twee monitors: nog geen lijn.",
    ]
    assert "Verloop" in table_columns(monitor, "Monitor", "Statustabel")


def test_the_table_verloop_holds_live_formulas_over_the_history(published: tuple[Path, dict]):
    monitor, _data = published
    assert table_columns(monitor, "Historie", "Verloop") == [
        "Periode",
        "Kerncijfer",
        "01-03-2018",
        "01-06-2018",
        "01-11-2018",
    ]
    workbook = openpyxl.load_workbook(monitor)
    cached = openpyxl.load_workbook(monitor, data_only=True)
    ref = workbook["Historie"].tables["Verloop"].ref
    formulas = [[c.value for c in row] for row in workbook["Historie"][ref]][1:]
    shown = [[c.value for c in row] for row in cached["Historie"][ref]][1:]
    assert [row[:2] for row in shown] == [
        [GOED, "voltooid"],
        [P2017, "voltooid"],
        [P2018, "voltooid"],
        [P2020, "voltooid"],
        [DOOR, "lopend"],
    ]
    assert {row[0]: row[2:] for row in shown} == HEADLINES | {P2020: [None, None, 0]}
    # wildcards taken literally; the continuous period counts the column Lopend
    assert formulas[0][2] == (
        "=SUMIFS(Historie!$E$4:$E$16,Historie!$A$4:$A$16,DATE(2018,3,1),"
        'Historie!$B$4:$B$16,"=Wat doen we al goed~?")'
    )
    assert formulas[4][4].startswith("=SUMIFS(Historie!$F$4:$F$16,")
    assert cached["Historie"]["F3"].value == "Lopend"
    assert formulas[3][2:4] == [None, None]  # Aan de slag in 2020 was not in those monitors


def test_english_headers(tmp_path: Path):
    _register, monitor, data = publish_three(tmp_path, "--lang", "en")
    workbook = openpyxl.load_workbook(monitor, data_only=True)
    assert "Over time" in table_columns(monitor, "Monitor", "Statustabel")
    assert table_columns(monitor, "Trend", "Verloop")[:3] == ["Period", "Headline", "01-03-2018"]
    assert drawn(monitor) == HEADLINES
    assert all(s["range"].startswith("Trend!") for s in sparklines(monitor))
    notes = [workbook["Monitor"][f"B{r}"].value for r in range(12, 16)]
    assert (
        "Over time: the headline in each published monitor and in this one (the last point); "
        "the points are on the sheet Trend."
    ) in notes
    assert "– = this period is in fewer than two monitors: no line yet." in notes
    assert data["periods"][0]["trend"][0] == {
        "date": "2018-03-01",
        "headline": 2,
        "published": True,
    }


# --- Fewer monitors ---------------------------------------------------------------------------


@pytest.mark.parametrize("publish", [False, True], ids=["refresh", "published"])
def test_a_first_monitor_has_no_column_verloop(tmp_path: Path, publish: bool):
    register = write_version(tmp_path / "r.xlsx", VERSIONS[0])
    monitor = tmp_path / "m.xlsx"
    args = ["build", register, "-o", monitor, "--as-of", DATES[0], "--json"]
    result = run(*args, *(["--publish"] if publish else []))
    assert result.exit_code == 0, result.output
    assert sparklines(monitor) == []
    assert "Verloop" not in table_columns(monitor, "Monitor", "Statustabel")
    assert "Verloop" not in openpyxl.load_workbook(monitor)["Historie"].tables
    with zipfile.ZipFile(monitor) as package:
        assert not any(b"sparkline" in package.read(n) for n in package.namelist())
    # --json still has each period's one point, the monitor itself
    trends = {p["period"]: p["trend"] for p in json.loads(result.stdout)["periods"]}
    assert trends[GOED] == [{"date": "2018-03-01", "headline": 2, "published": publish}]
    assert trends[DOOR] == [{"date": "2018-03-01", "headline": 1, "published": publish}]


def test_one_published_monitor_and_a_refresh_draw_two_points(tmp_path: Path):
    register, monitor = tmp_path / "r.xlsx", tmp_path / "m.xlsx"
    write_version(register, VERSIONS[0])
    assert run("build", register, "-o", monitor, "--as-of", DATES[0], "--publish").exit_code == 0
    write_version(register, VERSIONS[1])
    result = run("build", register, "-o", monitor, "--as-of", DATES[1], "--json")
    assert result.exit_code == 0, result.output
    workbook = openpyxl.load_workbook(monitor, data_only=True)
    assert drawn(monitor) == {GOED: [2, 3], P2017: [1, 2], P2018: [0, 0], DOOR: [1, 2]}
    trend = json.loads(result.stdout)["periods"][1]["trend"]
    assert trend == [
        {"date": "2018-03-01", "headline": 1, "published": True},
        {"date": "2018-06-01", "headline": 2, "published": False},  # the refresh: now
    ]
    # no dash, so no note about one
    notes = [workbook["Monitor"][f"B{r}"].value for r in range(10, 14)]
    assert not any(str(n).startswith("– =") for n in notes)


def test_a_refresh_after_three_published_monitors_ends_at_now(published: tuple[Path, dict]):
    monitor, _ = published
    folder = monitor.parent / "refresh"
    folder.mkdir(exist_ok=True)
    for name in (monitor.name, monitor.name.replace(".xlsx", "-historie.csv")):
        (folder / name).write_bytes((monitor.parent / name).read_bytes())
    register = write_version(folder / "Actieplan MVI.xlsx", VERSIONS[2])
    copy = folder / monitor.name
    result = run("build", register, "-o", copy, "--as-of", "2018-12-01", "--json")
    assert result.exit_code == 0, result.output
    periods = {p["period"]: p for p in json.loads(result.stdout)["periods"]}
    assert [(p["date"], p["headline"], p["published"]) for p in periods[P2017]["trend"]] == [
        ("2018-03-01", 1, True),
        ("2018-06-01", 2, True),
        ("2018-11-01", 3, True),
        ("2018-12-01", 3, False),
    ]
    assert [p["headline"] for p in periods[P2020]["trend"]] == [0, 0]  # two points now
    assert drawn(copy) == {p: [*h, h[-1]] for p, h in HEADLINES.items()} | {
        P2020: [None, None, 0, 0]
    }


def test_the_monitor_of_a_year_ends_at_the_years_end(published: tuple[Path, dict]):
    """--jaar: the published monitors up to the year's end, then the year's own monitor."""
    monitor, _ = published
    register = write_version(monitor.parent / "Actieplan MVI.xlsx", VERSIONS[2])
    result = run("build", register, "-o", monitor, "--jaar", "2018", "--json")
    assert result.exit_code == 0, result.output
    periods = {p["period"]: p for p in json.loads(result.stdout)["periods"]}
    assert [(p["date"], p["headline"]) for p in periods[P2017]["trend"]] == [
        ("2018-03-01", 1),
        ("2018-06-01", 2),
        ("2018-11-01", 3),
        ("2018-12-31", 3),
    ]
    year = monitor.with_name("Actieplan MVI-monitor 2018.xlsx")
    assert drawn(year)[DOOR] == [1, 2, 1, 1]


# --- --json and --html ------------------------------------------------------------------------


def test_json_trend_per_period(published: tuple[Path, dict]):
    _monitor, data = published
    trends = {p["period"]: p["trend"] for p in data["periods"]}
    assert {p: [point["headline"] for point in t] for p, t in trends.items()} == HEADLINES | {
        P2020: [0]
    }
    assert [point["date"] for point in trends[GOED]] == list(DATES)
    assert all(point["published"] for t in trends.values() for point in t)


def test_html_lines_say_their_points(tmp_path: Path):
    _register, _monitor, data = publish_three(tmp_path, "--html")
    page = Path(data["html"]).read_text(encoding="utf-8")
    labels = [
        unescape(x) for x in re.findall(r'<svg[^>]*class="spark"[^>]*aria-label="([^"]*)"', page)
    ]
    assert labels == [
        "Verloop (voltooid): 01-03-2018: 2; 01-06-2018: 3; 01-11-2018: 3.",
        "Verloop (voltooid): 01-03-2018: 1; 01-06-2018: 2; 01-11-2018: 3.",
        "Verloop (voltooid): 01-03-2018: 0; 01-06-2018: 0; 01-11-2018: 1.",
        "Verloop (lopend): 01-03-2018: 1; 01-06-2018: 2; 01-11-2018: 1.",
    ]
    assert '<th scope="col">Verloop</th>' in page
    row = re.search(r"Aan de slag in 2020</span></th>(.*?)</tr>", page)
    assert row and "<td>–</td>" in row[1] and "<svg" not in row[1]
    assert "Verloop: het kerncijfer in elke gepubliceerde monitor en in deze" in page
    assert "– = deze periode staat in minder dan twee monitors" in page
    # the lines: three markers, the last one (this monitor) larger and dark
    first = re.search(r'<svg[^>]*class="spark".*?</svg>', page)
    assert first
    circles = re.findall(r'<circle cx="[^"]*" cy="[^"]*" r="([^"]*)" fill="([^"]*)"', first[0])
    assert [r for r, _ in circles] == ["1.8", "1.8", "2.6"] and circles[-1][1] == "#1A1A1A"
    browser, axe = chromium(), axe_script()
    if browser is None or axe is None:
        pytest.skip("Chromium or axe-core (cd tests/axe && npm ci) is not installed")
    violations = axe_violations(browser, page, axe)
    assert violations == [], summary(violations)


# --- In LibreOffice ---------------------------------------------------------------------------


def _awkward(folder: Path) -> Path:
    """Labels with wildcards, an operator and quotes, one over 255 characters, and a period
    spelled otherwise in the first monitor ("2018 – 2020"): each point counts only itself."""
    register, monitor = folder / "awkward.xlsx", folder / "awkward-monitor.xlsx"
    long_label = "Lang ? " + "x" * 280
    labels = ["Fase 1?", "Fase 1a", "=1+1", 'Fase "A"', long_label]
    for index, (day, spelling) in enumerate(
        zip(DATES[:2], ["Aan de slag in 2018 – 2020", "Aan de slag in 2018-2020"], strict=True)
    ):
        rows = [[f"{n}", f"a{n}", label, "voltooid", None] for n, label in enumerate(labels)]
        rows += [["9", "b", spelling, "voltooid" if index else "gepland", None]]
        rows += [["10", "c", "Fase 1a", "voltooid" if index else "lopend", None]]
        write_xlsx(register, rows)
        result = run("build", register, "-o", monitor, "--as-of", day, "--publish")
        assert result.exit_code == 0, result.output
    return monitor


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_points_and_keeps_the_sparklines(
    soffice: str, published: tuple[Path, dict], tmp_path: Path
):
    monitor, _ = published
    awkward = _awkward(tmp_path)
    files = [monitor, awkward]
    profile = recalculating_profile(tmp_path / "profile")
    recalculated = convert(soffice, files, tmp_path / "xlsx", "xlsx", profile)
    expected = {
        monitor: HEADLINES,
        # Fase 1a has 2 voltooid in June (1 in March); the long label and the quotes their own 1;
        # 2018-2020 spelled with a dash in March (gepland then) is found and counts 0, then 1
        awkward: {
            "Fase 1?": [1, 1],
            "Fase 1a": [1, 2],
            "=1+1": [1, 1],
            'Fase "A"': [1, 1],
            "Lang ? " + "x" * 280: [1, 1],
            "Aan de slag in 2018-2020": [0, 1],
        },
    }
    for original, theirs in recalculated.items():
        computed = cached_values(theirs)
        assert drawn(original) == expected[original]
        assert drawn(original, computed) == expected[original], original.name
        errors = {k: v for k, v in computed.items() if k[0] == "Historie" and v in ERROR_VALUES}
        assert not errors
        lines = sparklines(original)
        # LibreOffice read them: it writes them back into the .xlsx it saved
        assert [(s["cell"], s["range"]) for s in sparklines(theirs)] == [
            (s["cell"], s["range"]) for s in lines
        ]
    ods = convert(soffice, [monitor], tmp_path / "ods", "ods", profile)[monitor]
    with zipfile.ZipFile(ods) as package:
        content = package.read("content.xml").decode("utf-8")
    assert content.count("<calcext:sparkline ") == len(HEADLINES)


# --- The computation --------------------------------------------------------------------------


def _counts(period: str, continuous: bool = False, **statuses: int) -> PeriodCounts:
    return PeriodCounts(period, continuous, dict.fromkeys((*STATUSES, ONBEKEND), 0) | statuses)


def _snapshot(day: int, *periods: PeriodCounts) -> Snapshot:
    return Snapshot(as_of=dt.date(2018, day, 1), periods=periods)


@pytest.mark.parametrize(
    ("history", "now", "points"),
    [
        # one point per monitor, oldest first, whatever the order given
        (
            [_snapshot(6, _counts("P", voltooid=2)), _snapshot(3, _counts("P", voltooid=1))],
            _counts("P", voltooid=3),
            [(3, 1), (6, 2)],
        ),
        # a period new since a monitor: no point there (a gap, not a zero)
        ([_snapshot(3, _counts("Q", voltooid=4))], _counts("P", voltooid=1), [(3, None)]),
        # found by its key: case, spaces and the kind of dash don't count
        (
            [_snapshot(3, _counts("aan de slag  2018 – 2020", voltooid=2))],
            _counts("Aan de slag 2018-2020"),
            [(3, 2)],
        ),
        # counted by the headline status of now: lopend for a period made continuous since
        (
            [_snapshot(3, _counts("Doorlopend", voltooid=5, lopend=2))],
            _counts("Doorlopend", continuous=True, lopend=3),
            [(3, 2)],
        ),
        # two spellings an earlier version recorded in one snapshot add up
        (
            [_snapshot(3, _counts("P", voltooid=1), _counts("p ", voltooid=2))],
            _counts("P"),
            [(3, 3)],
        ),
    ],
)
def test_period_trends(history: list[Snapshot], now: PeriodCounts, points: list[tuple]):
    (trend,) = period_trends([now], history)
    assert trend.status == now.headline_status
    assert [(p.as_of.month, p.headline) for p in trend.points] == points
    assert all(isinstance(p, TrendPoint) and p.published for p in trend.points)
    assert trend.drawn == (sum(h is not None for _, h in points) >= 2)
