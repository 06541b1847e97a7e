"""A catalogue of monitors as users make them: the bundled example and registers that stress what
the monitor writes (awkward period labels, an unknown status, long lists, a second monitor with
history, a monitor published twice and then refreshed, English, formula-like text, an empty
register, a logo, a CSV register, ambitions per theme).

The engine tests (LibreOffice, package integrity, schema) build the whole catalogue once per
session and open every monitor in it.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import pytest

from mvi_xl import pipeline
from mvi_xl.pipeline import Options

from .conftest import BASIC_ROWS, HEADER, VIEW_HEADER, write_csv, write_xlsx

AS_OF = dt.date(2018, 11, 1)
SINCE = dt.date(2018, 6, 1)

#: Period labels with COUNTIFS wildcards, operators and quotes: each must count only itself.
AWKWARD_PERIODS = [
    "Wat doen we al goed?",
    "Fase 1?",
    "Fase 1a",  # would match "Fase 1?" if ? were a wildcard
    "Fase *",
    "Fase * en meer",
    "~x",
    "=1+1",
    "==",
    "<>B",
    ">5",
    'Fase "A"',
    "'Fase B'",
    "Doorlopend: 100% * ?",
    "Lang " + "?" * 3 + " " + "x" * 280,  # over Excel's 255 characters: compared by reference
]

FORMULA_LIKE = [
    '=HYPERLINK("http://x","klik")',
    "{=1+1}",
    "+1",
    "-1",
    "@SUM(A1)",
    "http://example.org",
    "=1+1",
]

LONG = (
    "met een uitgebreide toelichting over de aanpak, de betrokken afdelingen, de planning en de "
    "afspraken met leveranciers en marktpartijen over duurzame en sociale criteria in het contract"
)


@dataclass(frozen=True)
class Built:
    """One monitor of the catalogue."""

    name: str
    register: Path
    monitor: Path
    result: pipeline.Result


def _voorbeeld(folder: Path) -> list[Options]:
    """The bundled example as ``mvi-xl build --example`` builds it."""
    source = resources.files("mvi_xl.templates").joinpath("voorbeeld")
    for name in ("register.xlsx", "mvi-xl.toml"):
        (folder / name).write_bytes(source.joinpath(name).read_bytes())
    return [Options(register=folder / "register.xlsx", as_of=AS_OF, since=SINCE)]


def _basic(folder: Path) -> list[Options]:
    register = write_xlsx(
        folder / "register.xlsx",
        BASIC_ROWS,
        above=[["Actieplan MVI"], ["Stand per 1 november 2018"], []],
        merge_title=True,
    )
    return [Options(register=register, as_of=AS_OF, since=SINCE)]


def _awkward_labels(folder: Path) -> list[Options]:
    statuses = ["voltooid", "lopend", "gepland", "vervallen"]
    rows = []
    for number, period in enumerate(AWKWARD_PERIODS):
        for repeat in range(1 + number % 3):
            status = statuses[(number + repeat) % 4]
            completed = dt.date(2018, 7, 1 + number) if status == "voltooid" else None
            rows.append(
                [f"{number}.{repeat}", f"Actie {number}.{repeat}", period, status, completed]
            )
    return [Options(register=write_xlsx(folder / "register.xlsx", rows), as_of=AS_OF)]


def _unknown_status(folder: Path) -> list[Options]:
    rows = [
        *BASIC_ROWS,
        ["9.1", "Status met tikfout", "Aan de slag in 2017", "afgerondd", None],
        ["9.2", "Status leeg", "Actie doorlopend", None, None],
        ["9.3", "Zonder periode", None, "lopend", None],
    ]
    return [Options(register=write_xlsx(folder / "register.xlsx", rows), as_of=AS_OF)]


def _long_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for number in range(1, 31):
        for status, period in (
            ("lopend", "Aan de slag in 2018-2020"),
            ("gepland", "Aan de slag in 2019"),
            ("voltooid", "Aan de slag in 2017"),
        ):
            done = (
                dt.date(2018, 6, 1) + dt.timedelta(days=4 * number)
                if status == "voltooid"
                else None
            )
            text = f"{status.capitalize()} actie {number} {LONG}"
            rows.append([f"{len(rows) + 1}", text, period, status, done])
    return rows


def _long_sheets() -> dict[str, list[list[object]]]:
    focus = [["Aandachtspunten"]] + [[f"Aandachtspunt {n} {LONG}"] for n in range(1, 21)]
    moments: list[list[object]] = [["Moment", "Datum", "Status"]]
    for n in range(1, 16):
        moments.append([f"Gerealiseerd moment {n} {LONG}", dt.date(2018, 6, n), "gerealiseerd"])
        moments.append([f"Gepland moment {n} {LONG}", dt.date(2019, 1, n), "gepland"])
    return {"Aandachtspunten": focus, "Communicatie": moments}


def _long_lists(folder: Path) -> list[Options]:
    """Every list on the page longer than it can show, every item longer than three lines."""
    register = write_xlsx(folder / "register.xlsx", _long_rows(), extra_sheets=_long_sheets())
    return [Options(register=register, as_of=AS_OF, since=SINCE)]


def _long_lists_30(folder: Path) -> list[Options]:
    """The same with the largest list length the configuration allows."""
    (folder / "mvi-xl.toml").write_text("[monitor]\nmax_list_items = 30\n", encoding="utf-8")
    return _long_lists(folder)


def _second_monitor(folder: Path) -> list[Options]:
    """Long lists, monitored twice: the page gains the change column, the Historie sheet."""
    register = write_xlsx(folder / "register.xlsx", _long_rows(), extra_sheets=_long_sheets())
    return [
        Options(register=register, as_of=SINCE, publish=True),
        Options(register=register, as_of=AS_OF, since=SINCE),
    ]


def _english(folder: Path) -> list[Options]:
    first = _basic(folder)[0]
    return [
        Options(register=first.register, as_of=SINCE, lang="en", publish=True),
        Options(register=first.register, as_of=AS_OF, since=SINCE, lang="en"),
    ]


@dataclass(frozen=True)
class Step:
    """A build after the register changed: ``rows`` are written to ``options.register``
    first."""

    options: Options
    rows: list[list[object]]


def _published_then_refreshed(folder: Path) -> list[Options | Step]:
    """The reporting cycle: two monitors published for the college, then the scheduled
    refresh, which compares with the last published one (changes, realised with and without
    a completion date, a trend of the published points and "now")."""
    path = folder / "register.xlsx"
    versions = {
        dt.date(2018, 3, 1): {"1.2": ("lopend", None), "1.3": ("gepland", None)},
        SINCE: {"1.2": ("afgerond ", dt.date(2018, 5, 2)), "1.3": ("in uitvoering", None)},
        AS_OF: {"1.2": ("afgerond ", dt.date(2018, 5, 2)), "1.3": ("voltooid", None)},
    }
    steps = []
    for day, changes in versions.items():
        rows = [[*row[:3], *changes.get(row[0], (row[3], row[4]))] for row in BASIC_ROWS]
        steps.append(Step(Options(register=path, as_of=day, publish=day != AS_OF), rows))
    return steps


def _formula_like(folder: Path) -> list[Options]:
    rows = [[str(i), text, text, "lopend", None] for i, text in enumerate(FORMULA_LIKE)]
    return [Options(register=write_xlsx(folder / "register.xlsx", rows), as_of=AS_OF)]


def _empty(folder: Path) -> list[Options]:
    return [Options(register=write_xlsx(folder / "register.xlsx", []), as_of=AS_OF)]


def _logo_and_highlight(folder: Path) -> list[Options]:
    (folder / "logo.png").write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
            "RU5ErkJggg=="
        )
    )
    (folder / "mvi-xl.toml").write_text(
        'organisation = "Gemeente A & B"\n[monitor]\nlogo = "logo.png"\n'
        '[colours]\nvoltooid = "#112233"\n',
        encoding="utf-8",
    )
    rows = [[*row, "ja" if i % 2 else "nee"] for i, row in enumerate(BASIC_ROWS)]
    register = write_xlsx(folder / "register.xlsx", rows, header=[*HEADER, "Op monitor"])
    return [Options(register=register, as_of=AS_OF, since=SINCE)]


def _csv(folder: Path) -> list[Options]:
    return [Options(register=write_csv(folder / "register.csv", BASIC_ROWS), as_of=AS_OF)]


def _views_and_signals(folder: Path) -> list[Options]:
    """Two department registers combined from a folder: Per afdeling (with a blank
    department), Per thema (with a blank theme and a "?" in a name), Per bron, and signals.
    Names and periods are spelled differently in places ("Social Return" and "social  return",
    "Ruimte – Beheer" and "Ruimte-beheer", "2017-2018" and "2017 - 2018"): one group each,
    which the formulas must count as one too."""
    registers = folder / "registers"
    registers.mkdir()
    d = dt.date
    write_xlsx(
        registers / "Inkoop.xlsx",
        [
            [
                "1",
                "Papier",
                "Aan de slag in 2017-2018",
                "voltooid",
                "Inkoop",
                "Circulair",
                "Piet",
                d(2018, 6, 1),
                d(2018, 5, 1),
                None,
            ],
            [
                "2",
                "IT",
                "Aan de slag in 2017-2018",
                "lopend",
                "Inkoop",
                "Klimaat?",
                None,
                d(2018, 1, 1),
                None,
                "rood",
            ],
            ["3", "Groen", "Actie doorlopend", "gepland", "", "", "Kees", None, None, None],
            ["4", "Fiets", "Actie doorlopend", "lopend", "Inkoop", "Social Return", "Kees"]
            + [None] * 3,
        ],
        header=VIEW_HEADER,
    )
    write_xlsx(
        registers / "Ruimte.xlsx",
        [
            [
                "1",
                "Wegen",
                "Aan de slag in 2017 - 2018",
                "voltooid",
                "Ruimte – Beheer",
                "Circulair",
                "Ans",
                None,
                None,
                None,
            ],
            [
                "2",
                "Bouw",
                "Actie doorlopend",
                "lopend",
                "Ruimte-beheer",
                "social  return",
                "Jan",
                None,
                d(2018, 9, 1),
                "oranje",
            ],
        ],
        header=VIEW_HEADER,
    )
    return [Options(register=registers, as_of=AS_OF)]


def _years(folder: Path) -> list[Options]:
    """A register kept from 2017 to 2020 with themes (several in one cell), start and
    completion dates and no department: the Jaaroverzicht, and a Verkenner with a theme
    drop-down only (tests/test_years_cli.py counts it by hand)."""
    from .test_years_cli import HEADER as YEARS_HEADER
    from .test_years_cli import rows

    register = write_xlsx(folder / "register.xlsx", rows(), header=YEARS_HEADER)
    return [Options(register=register, as_of=dt.date(2020, 11, 1))]


def _ambitions(folder: Path) -> list[Options]:
    """The same register with an Ambitieniveau column and targets per theme in mvi-xl.toml:
    the Ambities table and its chart on Per thema, each of the four courses once
    (tests/test_ambitions.py counts them by hand)."""
    from .test_ambitions import AS_OF as AMBITIONS_AS_OF
    from .test_ambitions import write_register

    return [Options(register=write_register(folder), as_of=AMBITIONS_AS_OF)]


def _kept(name: str) -> Callable[[Path], list[Options]]:
    """A register as coordinators keep it (tests/kept.py): sections, Tables, theme sheets,
    themes in columns and in one cell, colours; Per thema then counts an action under each of
    its themes with four COUNTIFS, which LibreOffice must agree with."""

    def options(folder: Path) -> list[Options]:
        from .kept import KEPT

        register = KEPT[name][0](folder / "register.xlsx")
        return [Options(register=register, as_of=AS_OF)]

    return options


CATALOGUE: dict[str, Callable[[Path], list[Options] | list[Options | Step]]] = {
    "kept-sections": _kept("sections-merged"),
    "kept-theme-sheets": _kept("theme-sheets"),
    "kept-theme-columns": _kept("theme-columns"),
    "kept-themes-in-one-cell": _kept("themes-in-one-cell"),
    "kept-colours": _kept("colour-lights"),
    "views-signals": _views_and_signals,
    "years-themes": _years,
    "ambitions": _ambitions,
    "voorbeeld": _voorbeeld,
    "basic": _basic,
    "awkward-labels": _awkward_labels,
    "unknown-status": _unknown_status,
    "long-lists": _long_lists,
    "long-lists-30": _long_lists_30,
    "second-monitor": _second_monitor,
    "published-refreshed": _published_then_refreshed,
    "english": _english,
    "formula-like": _formula_like,
    "empty": _empty,
    "logo-highlight": _logo_and_highlight,
    "csv": _csv,
}

#: The monitors whose Monitor sheet must print on one A4 landscape page.
ONE_PAGE = [
    "voorbeeld",
    "long-lists",
    "long-lists-30",
    "second-monitor",
    "english",
    "published-refreshed",
]


def build_catalogue(base: Path, names: list[str] | None = None) -> dict[str, Built]:
    """Build each monitor in a folder of its own (the history lives beside the monitor)."""
    built = {}
    for name in names or list(CATALOGUE):
        folder = base / name
        folder.mkdir(parents=True)
        runs = CATALOGUE[name](folder)
        output = folder / f"{name}-monitor.xlsx"
        for options in runs:
            if isinstance(options, Step):
                write_xlsx(options.options.register, options.rows)
                options = options.options
            result = pipeline.build(_with_output(options, output))
        last = runs[-1].options if isinstance(runs[-1], Step) else runs[-1]
        built[name] = Built(name, last.register, output, result)
    return built


def _with_output(options: Options, output: Path) -> Options:
    return replace(options, output=output)


_CACHE: dict[str, dict[str, Built]] = {}


def session_catalogue(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The whole catalogue, built once per session however many test modules ask for it."""
    if "all" not in _CACHE:
        _CACHE["all"] = build_catalogue(tmp_path_factory.mktemp("catalogue"))
    return _CACHE["all"]
