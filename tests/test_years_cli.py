"""The year report as a new user meets it: a register kept from 2017 to 2020, published at the
end of 2018 and of 2019, built in 2020. ``--json`` ``years`` and ``summary`` equal the hand
count of test_years.py."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli

from .conftest import write_xlsx
from .test_years import EXPECTED, HISTORY, ROWS

HEADER = ["Nr", "Actie", "Periode", "Status", "Thema", "Startdatum", "Datum gereed"]


def run(*args: object) -> dict:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def rows(statuses: dict[str, str] | None = None) -> list[list[object]]:
    """The register as it was when a monitor shows ``statuses`` (only those actions), or as
    it is now."""
    out: list[list[object]] = []
    for key, status, themes, start, completed in ROWS:
        if statuses is not None:
            if key not in statuses:
                continue
            status = statuses[key]
            completed = completed if status == "voltooid" else None
        out.append([key, f"actie {key}", "2017-2020", status, "; ".join(themes), start, completed])
    return out


def build_2017_2020(folder: Path) -> tuple[Path, dict]:
    """The three builds; the JSON of the last."""
    register, monitor = folder / "register.xlsx", folder / "monitor.xlsx"
    for snapshot in HISTORY:
        statuses = {a.id: a.status for a in snapshot.actions}
        write_xlsx(register, rows(statuses), header=HEADER)
        day = snapshot.as_of.isoformat()
        run("build", register, "-o", monitor, "--as-of", day, "--publish", "--json")
    write_xlsx(register, rows(), header=HEADER)
    return monitor, run("build", register, "-o", monitor, "--as-of", "2020-11-01", "--json")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    return build_2017_2020(tmp_path_factory.mktemp("years"))


def test_json_years_equal_the_hand_count(built):
    _, data = built
    years = {y["year"]: y for y in data["years"]}
    assert sorted(years) == [2017, 2018, 2019, 2020]
    found = set()
    for year, entry in years.items():
        found.add((year, None, entry["completed"], entry["started"], entry["running_at_year_end"]))
        for theme in entry["themes"]:
            found.add(
                (
                    year,
                    theme["theme"],
                    theme["completed"],
                    theme["started"],
                    theme["running_at_year_end"],
                )
            )
    assert found == set(EXPECTED)


def test_json_summary(built):
    _, data = built
    # since the monitor of 01-11-2019 only action 4 (new, voltooid without a date) is
    # realised: 10's completion date lies after the peildatum (the realised list goes by the
    # date, the year report treats it as missing); without an end date column nothing is said
    # about running late
    assert data["summary"] == (
        "Van de 11 acties zijn er 5 voltooid (45%). Sinds 01-11-2019 is 1 actie gerealiseerd."
    )


def test_json_summary_in_english(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", rows(), header=HEADER)
    data = run("build", register, "--as-of", dt.date(2020, 11, 1), "--json", "--lang", "en")
    assert data["summary"] == "Of the 11 actions, 5 are completed (45%)."
