"""Ambitions per theme (issue #17, point 2): the level a signatory of the Manifest MVOI chose
per theme, the share completed and, with a target, whether the theme is on course. Tried as a
new user would: the register kept from 2017 to 2020 (tests/test_years.py) with an
Ambitieniveau column and targets in mvi-xl.toml, every number counted by hand."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mvi_xl import pipeline
from mvi_xl.ambition_config import ThemeAmbition, ambition_level
from mvi_xl.ambitions import course_of, expected_share
from mvi_xl.cli import cli
from mvi_xl.config import parse_config
from mvi_xl.errors import ConfigError
from mvi_xl.pipeline import Options

from .conftest import write_xlsx
from .lo import convert, recalculating_profile
from .test_years_cli import HEADER as YEARS_HEADER
from .test_years_cli import rows as years_rows

D = dt.date
AS_OF = D(2020, 11, 1)
HEADER = [*YEARS_HEADER, "Ambitieniveau"]  # the level is in column H of the register
#: per action of tests/test_years.py (ids 1 to 11) its Ambitieniveau cell
LEVELS = {
    "1": "ambitieus",
    "2": "Ambitieus",  # Klimaat and Circulair
    "3": "significant",
    "5": "ambitious",
    "6": "basis",  # Circulair and Social Return
    "8": "hoog",  # not a level: a warning at Acties!H9
    "9": "Significant (niveau 2)",
}

#: Klimaat's level comes from its actions (all ambitieus); Circulair's actions differ
#: (ambitieus, significant, basis) but mvi-xl.toml names its level; Social Return's one
#: action with a level says basis; Diversiteit & Inclusie has no actions at all.
AMBITIONS_TOML = """\
[themes]
plan_start = 2017-01-01

[themes.ambitions]
Klimaat = { target = "80%", target_date = 2020-12-31 }
Circulair = { level = "significant", target = 0.5, target_date = "31-12-2020" }
"Social Return" = { target = "100%", target_date = 2019-12-31 }

[themes.ambitions."Diversiteit & Inclusie"]
level = "basis"
target = "50%"
target_date = 2022-12-31
start = 2021-01-01
"""

#: By hand, at 01-11-2020. Per thema (an action counts under each of its themes):
#: Klimaat 1, 2, 5, 8, 10, 11: 6 actions, 3 voltooid (1, 2, 10); Circulair 2, 3, 6, 9: 4, 2
#: voltooid (2, 3); Social Return 4, 6: 2, 1 voltooid (4); Diversiteit & Inclusie none.
#: Klimaat: 1400 of the 1460 days from 01-01-2017 to 31-12-2020 have passed, so 80% x
#: 1400/1460 = 76.7% is expected and 50% is behind. Circulair: 50% reaches its target: met.
#: Social Return: 31-12-2019 has passed at 50% of 100%: not met (expected: the whole target).
#: Diversiteit & Inclusie: its start (01-01-2021) is still to come: 0% expected, and 0 of 0
#: actions (0%) is on course.
EXPECTED = [
    # theme, level, level from, total, completed, target, start, target date, expected, course
    (
        "Klimaat",
        "ambitieus",
        "register",
        6,
        3,
        0.8,
        D(2017, 1, 1),
        D(2020, 12, 31),
        0.8 * 1400 / 1460,
        "behind",
    ),
    (
        "Circulair",
        "significant",
        "config",
        4,
        2,
        0.5,
        D(2017, 1, 1),
        D(2020, 12, 31),
        0.5 * 1400 / 1460,
        "met",
    ),
    (
        "Social Return",
        "basis",
        "register",
        2,
        1,
        1.0,
        D(2017, 1, 1),
        D(2019, 12, 31),
        1.0,
        "not_met",
    ),
    (
        "Diversiteit & Inclusie",
        "basis",
        "config",
        0,
        0,
        0.5,
        D(2021, 1, 1),
        D(2022, 12, 31),
        0.0,
        "on_course",
    ),
]
COURSES_NL = {
    "met": "gehaald",
    "on_course": "op koers",
    "behind": "achter",
    "not_met": "niet gehaald",
}
COURSES_EN = {"met": "met", "on_course": "on course", "behind": "behind", "not_met": "not met"}


def ambition_rows() -> list[list[object]]:
    return [[*row, LEVELS.get(str(row[0]))] for row in years_rows()]


def write_register(folder: Path, toml: str | None = AMBITIONS_TOML) -> Path:
    if toml is not None:
        (folder / "mvi-xl.toml").write_text(toml, encoding="utf-8")
    return write_xlsx(folder / "register.xlsx", ambition_rows(), header=HEADER)


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


# --- mvi-xl.toml -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("themes", "expected", "plan_start"),
    [
        ({"ambitions": {"Klimaat": "ambitieus"}}, [ThemeAmbition("Klimaat", "ambitieus")], None),
        ({"ambitions": {"Klimaat": "Ambitious"}}, [ThemeAmbition("Klimaat", "ambitieus")], None),
        ({"ambitions": {"Klimaat": "basic"}}, [ThemeAmbition("Klimaat", "basis")], None),
        ({"ambitions": {"Klimaat": "Basis-niveau"}}, [ThemeAmbition("Klimaat", "basis")], None),
        (
            {"ambitions": {"Klimaat": "SIGNIFICANT"}},
            [ThemeAmbition("Klimaat", "significant")],
            None,
        ),
        (
            {"ambitions": {"Social  Return ": {"target": "80%", "target_date": D(2025, 12, 31)}}},
            [ThemeAmbition("Social Return", None, 0.8, D(2025, 12, 31))],
            None,
        ),
        (
            {
                "ambitions": {
                    "Klimaat": {"level": "ambitieus", "target": 0.8, "target_date": "31-12-2025"}
                }
            },
            [ThemeAmbition("Klimaat", "ambitieus", 0.8, D(2025, 12, 31))],
            None,
        ),
        (
            {
                "ambitions": {
                    "K": {"target": "75,5 %", "target_date": "2025-12-31", "start": "01-01-2023"}
                }
            },
            [ThemeAmbition("K", None, 0.755, D(2025, 12, 31), D(2023, 1, 1))],
            None,
        ),
        (
            {"ambitions": {"K": {"target": 1, "target_date": D(2025, 12, 31)}}},
            [ThemeAmbition("K", None, 1.0, D(2025, 12, 31))],
            None,
        ),
        ({"plan_start": D(2022, 1, 1)}, [], D(2022, 1, 1)),
        ({"plan_start": "01-01-2022", "ambitions": {}}, [], D(2022, 1, 1)),
        ({"names": ["Innovatie"]}, [], None),
    ],
)
def test_good_ambitions(themes, expected, plan_start):
    config = parse_config({"themes": themes})
    assert list(config.ambitions) == expected
    assert config.plan_start == plan_start


K = "themes.ambitions.Klimaat"
KT, KD = f"{K}.target", f"{K}.target_date"
TARGET, DATE = "config_ambition_target", "config_ambition_date"


@pytest.mark.parametrize(
    ("ambitions", "key", "code"),
    [
        ({"Klimaat": "hoog"}, "themes.ambitions.Klimaat", "config_ambition_level"),
        ({"Klimaat": ""}, "themes.ambitions.Klimaat", "config_ambition_level"),
        ({"Klimaat": {"level": 3}}, "themes.ambitions.Klimaat.level", "config_ambition_level"),
        ({"Klimaat": 3}, "themes.ambitions.Klimaat", "config_ambition_value"),
        ({"Klimaat": ["basis"]}, "themes.ambitions.Klimaat", "config_ambition_value"),
        ({"Klimaat": {"target": 80, "target_date": D(2025, 1, 1)}}, KT, TARGET),
        ({"Klimaat": {"target": 0, "target_date": D(2025, 1, 1)}}, KT, TARGET),
        ({"Klimaat": {"target": "80", "target_date": D(2025, 1, 1)}}, KT, TARGET),
        ({"Klimaat": {"target": "120%", "target_date": D(2025, 1, 1)}}, KT, TARGET),
        ({"Klimaat": {"target": True, "target_date": D(2025, 1, 1)}}, KT, TARGET),
        ({"Klimaat": {"target": 0.8}}, KT, "config_ambition_needs_date"),
        ({"Klimaat": {"target_date": D(2025, 1, 1)}}, KD, "config_ambition_needs_target"),
        ({"Klimaat": {"target": 0.8, "target_date": "2025/12/31"}}, KD, DATE),
        ({"Klimaat": {"target": 0.8, "target_date": "31-02-2025"}}, KD, DATE),
        ({"Klimaat": {"target": 0.8, "target_date": 2025}}, KD, DATE),
        (
            {"Klimaat": {"target": 0.8, "target_date": D(2025, 1, 1), "start": D(2025, 1, 1)}},
            "themes.ambitions.Klimaat.start",
            "config_ambition_start",
        ),
        ({"Klimaat": {"doel": "80%"}}, "themes.ambitions.Klimaat.doel", "config_unknown_key"),
        (
            {"Klimaat": "basis", "klimaat ": "ambitieus"},
            'themes.ambitions."klimaat "',
            "config_ambition_twice",
        ),
        ({"Social Return": "hoog"}, 'themes.ambitions."Social Return"', "config_ambition_level"),
    ],
)
def test_bad_ambitions_name_their_key(ambitions, key, code):
    with pytest.raises(ConfigError) as caught:
        parse_config({"themes": {"ambitions": ambitions}}, source=Path("mvi-xl.toml"))
    assert (caught.value.code, caught.value.params["key"]) == (code, key)
    for lang in ("nl", "en"):
        line = caught.value.render(lang)
        assert line.startswith("mvi-xl.toml: ") and key in line
        assert "{key}" not in line and "{name}" not in line


@pytest.mark.parametrize(
    ("themes", "key", "code"),
    [
        ({"plan_start": "morgen"}, "themes.plan_start", DATE),
        ({"ambitions": "Klimaat"}, "themes.ambitions", "config_table"),
        ({"ambition": {}}, "themes.ambition", "config_unknown_key"),
    ],
)
def test_bad_theme_settings(themes, key, code):
    with pytest.raises(ConfigError) as caught:
        parse_config({"themes": themes})
    assert (caught.value.code, caught.value.params["key"]) == (code, key)


def test_a_bad_level_is_one_line_and_exit_2(tmp_path: Path):
    register = write_register(tmp_path, '[themes.ambitions]\nKlimaat = "hoog"\n')
    result = run("build", register, "-o", tmp_path / "m.xlsx")
    assert result.exit_code == 2
    config = tmp_path / "mvi-xl.toml"
    assert result.stderr.strip() == (
        f"mvi-xl: {config}: instelling 'themes.ambitions.Klimaat': 'hoog' is geen ambitieniveau. "
        "Schrijf basis, significant of ambitieus (in het Engels basic, significant of "
        'ambitious), zoals level = "ambitieus".'
    )
    assert not (tmp_path / "m.xlsx").exists()
    result = run("build", register, "-o", tmp_path / "m.xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert "'hoog' is not an ambition level" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("basis", "basis"),
        (" Basis ", "basis"),
        ("basic", "basis"),
        ("significant", "significant"),
        ("Significant (niveau 2)", "significant"),
        ("substantial", "significant"),
        ("ambitieus", "ambitieus"),
        ("AMBITIOUS", "ambitieus"),
        ("ambitieus-niveau", "ambitieus"),
        ("hoog", None),
        ("3", None),
        ("", None),
        (None, None),
        (2, None),
    ],
)
def test_level_spellings(text, level):
    assert ambition_level(text) == level


# --- on course, counted by hand ----------------------------------------------------------------

START, TARGET_DATE = D(2022, 1, 1), D(2025, 12, 31)  # 1460 days


@pytest.mark.parametrize(
    ("as_of", "share", "expected", "course"),
    [
        (D(2021, 6, 1), 0.0, 0.0, "on_course"),  # before the start nothing is expected
        (START, 0.0, 0.0, "on_course"),
        (D(2022, 1, 2), 0.0, 0.8 / 1460, "behind"),  # one day in
        (D(2024, 1, 1), 0.4, 0.4, "on_course"),  # 730 of 1460 days: half the target
        (D(2024, 1, 1), 0.39, 0.4, "behind"),
        (D(2024, 1, 1), 0.8, 0.4, "met"),  # the target reached before its date
        (D(2024, 1, 1), 1.0, 0.4, "met"),  # a theme with all done
        (D(2025, 12, 30), 0.79, 0.8 * 1459 / 1460, "behind"),  # the day before
        (TARGET_DATE, 0.79, 0.8, "not_met"),  # on the target date: the verdict
        (TARGET_DATE, 0.8, 0.8, "met"),
        (D(2026, 1, 1), 0.79, 0.8, "not_met"),  # after it
        (D(2026, 1, 1), 0.85, 0.8, "met"),
    ],
)
def test_on_course_by_hand(as_of, share, expected, course):
    found = expected_share(0.8, (START, TARGET_DATE), as_of)
    assert found == pytest.approx(expected, abs=1e-15)
    kind = course_of(share=share, target=0.8, expected=found, target_date=TARGET_DATE, as_of=as_of)
    assert kind == course


def test_without_a_start_only_the_target_and_its_date_decide():
    assert expected_share(0.8, (None, TARGET_DATE), D(2024, 1, 1)) is None
    assert expected_share(0.8, (None, TARGET_DATE), D(2026, 1, 1)) == 0.8
    kwargs = {"target": 0.8, "expected": None, "target_date": TARGET_DATE}
    assert course_of(share=0.5, as_of=D(2024, 1, 1), **kwargs) is None
    assert course_of(share=0.9, as_of=D(2024, 1, 1), **kwargs) == "met"
    assert course_of(share=0.5, as_of=D(2026, 1, 1), **kwargs) == "not_met"
    assert course_of(share=0.5, target=None, expected=None, target_date=None, as_of=START) is None


# --- the register kept from 2017 to 2020 ----------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Result]:
    folder = tmp_path_factory.mktemp("ambitions")
    register = write_register(folder)
    output = folder / "monitor.xlsx"
    return output, pipeline.build(Options(register=register, output=output, as_of=AS_OF))


def test_the_monitor_computes_the_hand_count(built):
    _, result = built
    found = [
        (
            a.theme,
            a.level,
            a.level_from,
            a.total,
            a.completed,
            a.target,
            a.start,
            a.target_date,
            a.expected,
            a.course,
        )
        for a in result.monitor.ambitions
    ]
    assert found == EXPECTED
    monitor = result.monitor
    groups = [(g.label, g.total) for g in monitor.breakdowns["theme"]]
    assert groups == [
        ("Klimaat", 6),
        ("Circulair", 4),
        ("Social Return", 2),
        ("Diversiteit & Inclusie", 0),
        ("", 1),
    ]
    warnings = [(f.code, f.where, f.params.get("value")) for f in monitor.findings]
    assert ("unknown_ambition", "Acties!H9", "hoog") in warnings
    assert not any(code == "ambition_levels_differ" for code, *_ in warnings)  # config decides
    notices = [(f.code, f.params.get("theme")) for f in monitor.notices]
    assert ("ambition_theme_without_actions", "Diversiteit & Inclusie") in notices


def _table(
    path: Path, name: str, *, sheet: str = "Per thema", ref_from: Path | None = None
) -> list[list[object]]:
    """The cells of a table as saved (cached values); read-only, so drawings are not read.
    ``ref_from``: the workbook whose table gives the range (LibreOffice's copy keeps it)."""
    ref = openpyxl.load_workbook(ref_from or path)[sheet].tables[name].ref
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [[cell.value for cell in row] for row in workbook[sheet][ref]]
    finally:
        workbook.close()


def test_per_thema_shows_level_share_target_and_course(built):
    output, _ = built
    rows = _table(output, "Ambities")
    assert rows[0] == [
        "Thema",
        "Ambitieniveau",
        "Aandeel voltooid",
        "Doel",
        "Startdatum",
        "Doeldatum",
        "Verwacht nu",
        "Koers",
    ]
    found = [tuple(row) for row in rows[1:]]
    as_datetime = lambda day: dt.datetime.combine(day, dt.time())  # noqa: E731
    assert found == [
        (
            theme,
            level,
            completed / total if total else 0,
            target,
            as_datetime(start),
            as_datetime(date),
            pytest.approx(expected, abs=1e-15),
            COURSES_NL[course],
        )
        for theme, level, _, total, completed, target, start, date, expected, course in EXPECTED
    ]
    workbook = openpyxl.load_workbook(output)
    sheet = workbook["Per thema"]
    header = sheet.tables["Ambities"].ref.split(":")[0]
    top = int(header[1:])  # the header row; the peildatum is in B of the row above
    assert sheet[f"A{top - 1}"].value == "Peildatum"
    assert sheet[f"B{top - 1}"].value == dt.datetime(2020, 11, 1)
    first = top + 1
    assert sheet[f"C{first}"].value == "=$G$4"  # Klimaat's share on the counts table
    expected_formula = sheet[f"G{first}"].value
    assert f"$B${top - 1}" in expected_formula and "TODAY" not in expected_formula.upper()
    assert '"achter"' in sheet[f"H{first}"].value and '"op koers"' in sheet[f"H{first}"].value
    assert workbook["Acties"]["F1"].value == "Ambitieniveau"  # beside Thema
    levels = [cell.value for cell in workbook["Acties"]["F"][1:]]
    assert levels == [
        "ambitieus",
        "ambitieus",
        "significant",
        None,
        "ambitieus",
        "basis",
        None,
        "hoog",  # not a level: as typed, with a warning
        "significant",
        None,
        None,
    ]


def test_the_chart_compares_share_with_expected_and_target(built):
    output, _ = built
    from .ooxml import sheet_charts

    found = sheet_charts(output, "Per thema")
    assert [c.kinds for c in found] == [("barChart",), ("barChart",)]
    ambition_chart = found[1]
    assert ambition_chart.series == 3
    assert all("Per thema" in formula for formula in ambition_chart.formulas)


def test_the_chart_says_its_numbers(built):
    output, _ = built
    from .test_accessible_workbook import _chart_frames

    frames = [html.unescape(d) for d in _chart_frames(output)]  # as XML attributes hold them
    description = next(d for d in frames if "verwacht nu" in d)
    assert description.startswith(
        "Staafdiagram: per thema het aandeel voltooide acties, het aandeel dat nu verwacht "
        "wordt en het doel."
    )
    assert "Klimaat: 50% voltooid; verwacht nu 77%, doel 80% op 31-12-2020, achter." in description
    assert (
        "Circulair: 50% voltooid; verwacht nu 48%, doel 50% op 31-12-2020, gehaald." in description
    )
    assert "Diversiteit & Inclusie: 0% voltooid; verwacht nu 0%" in description


def test_json_ambitions_and_the_terminal(tmp_path: Path):
    register = write_register(tmp_path)
    result = run("build", register, "--as-of", AS_OF, "--json")
    assert result.exit_code == 0, result.output
    ambitions = json.loads(result.stdout)["ambitions"]
    assert [
        (
            a["theme"],
            a["level"],
            a["level_from"],
            a["total"],
            a["completed"],
            a["target"],
            a["start"],
            a["target_date"],
            a["expected"],
            a["course"],
        )
        for a in ambitions
    ] == [
        (t, lv, lf, n, c, tg, s.isoformat(), d.isoformat(), pytest.approx(e, abs=1e-15), k)
        for t, lv, lf, n, c, tg, s, d, e, k in EXPECTED
    ]
    assert [a["share"] for a in ambitions] == [0.5, 0.5, 0.5, 0.0]
    result = run("build", register, "--as-of", AS_OF, "--force")
    assert (
        "2 thema's lopen achter op hun ambitie: Klimaat (achter), Social Return (niet gehaald)."
        in result.stdout.splitlines()
    )
    result = run("build", register, "--as-of", AS_OF, "--force", "--lang", "en")
    assert (
        "2 themes are behind their ambition: Klimaat (behind), Social Return (not met)."
        in result.stdout.splitlines()
    )


def test_english(tmp_path: Path):
    register = write_register(tmp_path)
    output = tmp_path / "m.xlsx"
    pipeline.build(Options(register=register, output=output, as_of=AS_OF, lang="en"))
    rows = _table(output, "Ambities", sheet="By theme")
    assert rows[0] == [
        "Theme",
        "Ambition level",
        "Share completed",
        "Target",
        "Start date",
        "Target date",
        "Expected now",
        "Course",
    ]
    assert [(r[0], r[1], r[-1]) for r in rows[1:]] == [
        ("Klimaat", "ambitious", "behind"),
        ("Circulair", "significant", "met"),
        ("Social Return", "basic", "not met"),
        ("Diversiteit & Inclusie", "basic", "on course"),
    ]
    assert openpyxl.load_workbook(output)["Actions"]["F2"].value == "ambitious"


def test_levels_from_the_register_alone(tmp_path: Path):
    """Without mvi-xl.toml: the level the actions of a theme agree on; Circulair's differ (a
    warning naming a cell of each level); no targets, so no chart and no course."""
    register = write_register(tmp_path, toml=None)
    result = pipeline.check(Options(register=register, as_of=AS_OF))
    monitor = result.monitor
    assert [(a.theme, a.level, a.target, a.course) for a in monitor.ambitions] == [
        ("Klimaat", "ambitieus", None, None),
        ("Circulair", None, None, None),
        ("Social Return", "basis", None, None),
    ]
    differ = [f for f in monitor.findings if f.code == "ambition_levels_differ"]
    assert len(differ) == 1
    # Circulair: 2 ambitieus (row 3), 3 significant (row 4), 6 basis (row 7)
    assert differ[0].where == "Acties!H4"
    text, hint = differ[0].render("nl")
    assert text == (
        "de acties van thema 'Circulair' hebben verschillende ambitieniveaus: ambitieus "
        "(Acties!H3), significant (Acties!H4), basis (Acties!H7)"
    )
    assert '[themes.ambitions] Circulair = "ambitieus"' in hint
    unknown = [f.where for f in monitor.findings if f.code == "unknown_ambition"]
    assert unknown == ["Acties!H9"]
    output = tmp_path / "m.xlsx"
    pipeline.build(Options(register=register, output=output, as_of=AS_OF))
    from .ooxml import sheet_charts

    assert len(sheet_charts(output, "Per thema")) == 1  # only the counts' chart
    assert [r[-1] for r in _table(output, "Ambities")[1:]] == [None, None, None]


@pytest.mark.parametrize(
    "header",
    ["Ambitie", "Ambition level", "MVI-ambitie", "Ambitieniveau (basis/significant/ambitieus)"],
)
def test_the_column_goes_by_other_names(tmp_path: Path, header: str):
    register = write_xlsx(tmp_path / "r.xlsx", ambition_rows(), header=[*YEARS_HEADER, header])
    monitor = pipeline.check(Options(register=register, as_of=AS_OF)).monitor
    assert [a.ambition for a in monitor.register.actions][:3] == [
        "ambitieus",
        "Ambitieus",
        "significant",
    ]
    assert not any(f.code == "unused_columns" for f in monitor.notices)


def test_without_ambitions_per_thema_is_as_before(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", years_rows(), header=YEARS_HEADER)
    output = tmp_path / "m.xlsx"
    result = pipeline.build(Options(register=register, output=output, as_of=AS_OF))
    assert result.monitor.ambitions == ()
    sheet = openpyxl.load_workbook(output)["Per thema"]
    assert set(sheet.tables) == {"PerThema"}
    assert sheet.freeze_panes == "B4"
    result = run("build", register, "--as-of", AS_OF, "--json", "-o", output, "--force")
    assert json.loads(result.stdout)["ambitions"] == []


def test_ambitions_without_a_theme_column_are_a_notice(tmp_path: Path):
    (tmp_path / "mvi-xl.toml").write_text('[themes.ambitions]\nKlimaat = "basis"\n', "utf-8")
    rows = [[r[0], r[1], r[2], r[3]] for r in years_rows()]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=YEARS_HEADER[:4])
    monitor = pipeline.check(Options(register=register, as_of=AS_OF)).monitor
    assert monitor.ambitions == ()
    assert [f.code for f in monitor.notices if "ambition" in f.code] == ["ambitions_without_themes"]


def test_the_start_from_the_register_or_its_periods(tmp_path: Path):
    """Without plan_start: the first start date in the register (01-01-2017... here
    10-01-2017, action 9); without start dates, the first year a period names."""
    toml = '[themes.ambitions]\nKlimaat = { target = "80%", target_date = 2020-12-31 }\n'
    register = write_register(tmp_path, toml)
    monitor = pipeline.check(Options(register=register, as_of=AS_OF)).monitor
    klimaat = monitor.ambitions[0]
    assert klimaat.start == D(2017, 1, 10)
    assert klimaat.expected == pytest.approx(0.8 * 1391 / 1451, abs=1e-15)
    rows = [[*row[:5], None, row[6], row[7]] for row in ambition_rows()]  # no start dates
    register = write_xlsx(tmp_path / "r2.xlsx", rows, header=HEADER)
    monitor = pipeline.check(Options(register=register, as_of=AS_OF)).monitor
    assert monitor.ambitions[0].start == D(2017, 1, 1)  # the period "2017-2020"


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_same_course(built, soffice: str, tmp_path: Path):
    output, _ = built
    converted = convert(
        soffice, [output], tmp_path / "out", "xlsx", recalculating_profile(tmp_path / "p")
    )
    theirs = _table(converted[output], "Ambities", ref_from=output)
    ours = _table(output, "Ambities")
    assert [row[-1] for row in theirs[1:]] == [COURSES_NL[e[-1]] for e in EXPECTED]
    for mine, recalculated in zip(ours, theirs, strict=True):
        assert recalculated[:6] == mine[:6]
        assert recalculated[6] == pytest.approx(mine[6], abs=1e-12)


def test_the_starter_register_has_the_column_and_its_dropdown(tmp_path: Path):
    path = tmp_path / "Nieuw register.xlsx"
    assert run("init", path).exit_code == 0
    workbook = openpyxl.load_workbook(path)
    acties = workbook["Acties"]
    header = [c.value for c in acties[4]]
    assert header[4:6] == ["Thema", "Ambitieniveau"]
    lists = workbook["Lijsten"]
    assert lists["D1"].value == "Ambitieniveau (Manifest MVOI)"
    assert [lists.cell(r, 4).value for r in range(2, 5)] == ["basis", "significant", "ambitieus"]
    sources = {
        (str(dv.sqref), dv.formula1) for dv in acties.data_validations.dataValidation if dv.formula1
    }
    assert ("F5:F2004", "Lijsten!$D$2:$D$4") in sources
    acties["A5"], acties["B5"], acties["C5"], acties["D5"] = "1", "Eerste", "Fase 1", "lopend"
    acties["E5"], acties["F5"] = "Klimaat", "ambitieus"
    workbook.save(path)
    data = json.loads(run("check", path, "--json").stdout)
    assert data["warnings"] == []
    assert [(a["theme"], a["level"], a["level_from"]) for a in data["ambitions"]] == [
        ("Klimaat", "ambitieus", "register")
    ]


@given(
    target=st.floats(min_value=0.01, max_value=1),
    start=st.dates(D(2015, 1, 1), D(2030, 1, 1)),
    days=st.integers(1, 5000),
    first=st.dates(D(2010, 1, 1), D(2045, 1, 1)),
    later=st.integers(0, 2000),
)
def test_the_expected_share_grows_from_nothing_to_the_target(target, start, days, first, later):
    """Linear in time: never below 0 or above the target, never less on a later day, the
    whole target from the target date on."""
    span = (start, start + dt.timedelta(days=days))
    before = expected_share(target, span, first)
    after = expected_share(target, span, first + dt.timedelta(days=later))
    assert before is not None and after is not None
    assert 0 <= before <= after <= target
    assert expected_share(target, span, span[1]) == target


def test_without_any_start_the_course_waits_for_the_target_date(tmp_path: Path):
    """No plan_start, no start dates, no year in a period: before the target date nothing is
    expected (a notice says how to give a start) and Koers is empty unless the target is met."""
    (tmp_path / "mvi-xl.toml").write_text(
        "[themes.ambitions]\n"
        'Klimaat = { target = "80%", target_date = 2025-12-31 }\n'
        'Circulair = { target = "50%", target_date = 2025-12-31 }\n',
        encoding="utf-8",
    )
    rows = [
        ["1", "a", "Fase 1", "voltooid", "Klimaat"],
        ["2", "b", "Fase 1", "lopend", "Klimaat"],
        ["3", "c", "Fase 1", "voltooid", "Circulair"],
    ]
    register = write_xlsx(tmp_path / "r.xlsx", rows, header=YEARS_HEADER[:5])
    output = tmp_path / "m.xlsx"
    result = pipeline.build(Options(register=register, output=output, as_of=D(2024, 1, 1)))
    ambitions = result.monitor.ambitions
    assert [(a.theme, a.start, a.expected, a.course) for a in ambitions] == [
        ("Klimaat", None, None, None),
        ("Circulair", None, None, "met"),  # 1 of 1 done: 100% reaches 50%
    ]
    assert "ambition_no_start" in [f.code for f in result.monitor.notices]
    rows = _table(output, "Ambities")
    assert [(r[0], r[4], r[6], r[7]) for r in rows[1:]] == [
        ("Klimaat", None, None, None),
        ("Circulair", None, None, "gehaald"),
    ]
