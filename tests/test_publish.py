"""Publishing through the CLI: the archive of published monitors, re-publishing, the history
commands that mark snapshots, and what --json says about a run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.history import history_path, load_history

from .conftest import write_xlsx
from .test_history import DATES, write_version
from .test_pdf import fake_soffice, posix_only  # noqa: F401  (a fixture used below)

D = dt.date


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


def build_json(*args) -> dict:
    result = run("build", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def kinds(monitor: Path) -> list[tuple[str, bool]]:
    return [
        (s.as_of.isoformat(), s.published) for s in load_history(history_path(monitor)).snapshots
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


def test_publish_keeps_a_frozen_copy_and_a_refresh_never_adds_a_published_point(folder: Path):
    register, monitor = folder / "Actieplan MVI.xlsx", folder / "Actieplan MVI-monitor.xlsx"
    write_version(register, DATES[0])
    first = build_json(register, "-o", monitor, "--as-of", DATES[0], "--publish")
    archived = folder / "Actieplan MVI-monitor-archief" / "Actieplan MVI-monitor 2018-03-01.xlsx"
    assert (first["published"], first["archived"]) == (True, str(archived))
    assert archived.read_bytes() == monitor.read_bytes()
    # five refreshes: one refresh snapshot, always compared with the published one
    write_version(register, DATES[1])
    for day in range(1, 6):
        data = build_json(register, "-o", monitor, "--as-of", D(2018, 4, day))
        assert (data["published"], data["archived"]) == (False, None)
        assert data["previous"]["as_of"] == "2018-03-01"
    assert kinds(monitor) == [("2018-03-01", True), ("2018-04-05", False)]
    # the archived copy is the monitor as published, not as refreshed since
    assert archived.read_bytes() != monitor.read_bytes()
    notes = openpyxl.load_workbook(monitor)["Toelichting"]
    facts = {row[0].value: row[1].value for row in notes.iter_rows(min_row=3, max_row=12)}
    assert facts["Soort monitor"].startswith("tussenstand")
    frozen = openpyxl.load_workbook(archived)["Toelichting"]
    facts = {row[0].value: row[1].value for row in frozen.iter_rows(min_row=3, max_row=12)}
    assert facts["Soort monitor"].startswith("gepubliceerd")


def test_a_refresh_on_the_day_of_a_published_monitor_changes_nothing(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[0], "--publish")
    before = monitor.read_bytes(), history_path(monitor).read_bytes()
    write_version(register, DATES[1])  # changed since the publish, later that day
    result = run("build", register, "-o", monitor, "--as-of", DATES[0])
    assert result.exit_code == 0
    archived = folder / "m-archief" / "m 2018-03-01.xlsx"
    assert result.stdout == (
        f"De monitor van 01-03-2018 is al gepubliceerd; het exemplaar in het archief: "
        f"{archived}. Er is niets veranderd (opnieuw publiceren: --publish --force; het vorige "
        "exemplaar blijft dan in het archief).\n"
    )
    english = run(
        "build", register, "-o", monitor, "--as-of", DATES[0], "--publish", "--lang", "en"
    )
    assert english.stdout.startswith("The monitor of 01-03-2018 is published already;")
    assert (monitor.read_bytes(), history_path(monitor).read_bytes()) == before


def test_publish_force_replaces_and_keeps_the_replaced_copy(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[1], "--publish")
    archive = folder / "m-archief"
    first = (archive / "m 2018-06-01.xlsx").read_bytes()
    write_version(register, DATES[1])
    data = build_json(register, "-o", monitor, "--as-of", DATES[1], "--publish", "--force")
    assert data["published"] is True
    names = sorted(p.name for p in archive.iterdir())
    assert names[0] == "m 2018-06-01 (vervangen " + names[0].split("(vervangen ", 1)[1]
    assert names[1] == "m 2018-06-01.xlsx"
    assert (archive / names[0]).read_bytes() == first
    (snapshot,) = load_history(history_path(monitor)).snapshots
    assert snapshot.status_totals()["voltooid"] == 2  # June's register, not March's


def test_the_archive_folder_from_mvi_xl_toml(folder: Path):
    register = write_version(folder / "r.xlsx", DATES[0])
    (folder / "mvi-xl.toml").write_text('[monitor]\narchive = "Gepubliceerd"\n', encoding="utf-8")
    data = build_json(register, "--as-of", DATES[0], "--publish")
    assert data["archived"] == str(folder / "Gepubliceerd" / "r-monitor 2018-03-01.xlsx")


def test_an_archive_that_cant_be_made_publishes_nothing(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[0])
    before = monitor.read_bytes(), history_path(monitor).read_bytes()
    (folder / "mvi-xl.toml").write_text('[monitor]\narchive = "geen/map"\n', encoding="utf-8")
    result = run("build", register, "-o", monitor, "--as-of", DATES[1], "--publish")
    assert result.exit_code == 4
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"mvi-xl: {folder / 'geen' / 'map'}: kan de gepubliceerde monitor ")
    assert (monitor.read_bytes(), history_path(monitor).read_bytes()) == before


@posix_only
def test_publish_with_pdf_archives_the_pdf_too(folder: Path, fake_soffice: Path):  # noqa: F811
    register = write_version(folder / "r.xlsx", DATES[0])
    data = build_json(register, "--as-of", DATES[0], "--publish", "--pdf")
    archive = folder / "r-monitor-archief"
    assert sorted(p.name for p in archive.iterdir()) == [
        "r-monitor 2018-03-01.pdf",
        "r-monitor 2018-03-01.xlsx",
    ]
    assert (archive / "r-monitor 2018-03-01.pdf").read_bytes() == Path(data["pdf"]).read_bytes()


def test_history_publish_and_unpublish(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[0], "--publish")
    write_version(register, DATES[1])
    build_json(register, "-o", monitor, "--as-of", DATES[1])  # a refresh, the monitor on the drive
    published = run("history", "publish", DATES[1], monitor)
    assert published.exit_code == 0, published.output
    archived = folder / "m-archief" / "m 2018-06-01.xlsx"
    assert published.stdout.splitlines() == [
        "Momentopname van 01-06-2018 is gepubliceerd: de volgende monitors vergelijken ermee.",
        f"Exemplaar in het archief: {archived}",
    ]
    assert archived.read_bytes() == monitor.read_bytes()  # the refresh of that day, kept
    listed = json.loads(run("history", "list", monitor, "--json").stdout)
    assert [(s["as_of"], s["published"]) for s in listed["snapshots"]] == [
        ("2018-03-01", True),
        ("2018-06-01", True),
    ]
    again = run("history", "publish", DATES[1], monitor)
    assert again.stdout.startswith("Momentopname van 01-06-2018 was al gepubliceerd;")
    write_version(register, DATES[2])
    assert build_json(register, "-o", monitor, "--as-of", DATES[2])["previous"]["as_of"] == (
        "2018-06-01"
    )
    unpublished = run("history", "unpublish", "01-06-2018", monitor, "--lang", "en")
    assert unpublished.stdout.startswith("Snapshot of 01-06-2018 is no longer published")
    assert archived.exists()  # the archive keeps what was published
    data = build_json(register, "-o", monitor, "--as-of", D(2018, 12, 1))
    assert data["previous"]["as_of"] == "2018-03-01"
    table = run("history", "list", monitor).stdout.splitlines()
    assert [line.split()[:2] for line in table] == [
        ["Peildatum", "Soort"],
        ["01-03-2018", "gepubliceerd"],
        ["01-12-2018", "tussenstand"],
    ]
    missing = run("history", "publish", "2018-02-02", monitor)
    assert missing.exit_code == 2 and "geen momentopname op 02-02-2018" in missing.stderr


def test_a_publish_drops_the_refreshes_before_it(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[0])
    build_json(register, "-o", monitor, "--as-of", DATES[1], "--publish")
    assert kinds(monitor) == [("2018-06-01", True)]


def test_history_publish_without_the_monitor_of_that_day_archives_nothing(folder: Path):
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[1])  # the refresh of 01-06
    early = build_json(register, "-o", monitor, "--as-of", DATES[0])  # the drive: 01-03 now
    assert "refresh_before_refresh" in [n["code"] for n in early["notices"]]
    result = run("history", "publish", DATES[1], monitor)
    assert result.stdout.splitlines() == [
        "Momentopname van 01-06-2018 is gepubliceerd: de volgende monitors vergelijken ermee."
    ]
    assert not (folder / "m-archief").exists()
    fixed = run("build", register, "-o", monitor, "--as-of", DATES[1])
    assert "het archief heeft geen exemplaar" in fixed.stdout


def test_history_add_records_published_and_keeps_a_published_one(folder: Path):
    monitor = folder / "m.xlsx"
    copy = write_version(folder / "register maart.xlsx", DATES[0])
    assert run("history", "add", copy, "--as-of", DATES[0], "-o", monitor).exit_code == 0
    assert kinds(monitor) == [("2018-03-01", True)]
    before = history_path(monitor).read_bytes()
    other = write_version(folder / "register juni.xlsx", DATES[1])
    kept = run("history", "add", other, "--as-of", DATES[0], "-o", monitor)
    assert kept.exit_code == 0
    assert kept.stdout.startswith("De historie heeft al een gepubliceerde momentopname van 01-03")
    assert history_path(monitor).read_bytes() == before
    forced = run("history", "add", other, "--as-of", DATES[0], "-o", monitor, "--force")
    assert forced.exit_code == 0
    (snapshot,) = load_history(history_path(monitor)).snapshots
    assert snapshot.status_totals()["voltooid"] == 2 and snapshot.added


def test_per_department_monitors_publish_each_their_own(folder: Path):
    register = write_xlsx(
        folder / "r.xlsx",
        [["1", "a", "P", "voltooid", "Inkoop"], ["2", "b", "P", "lopend", "Ruimte"]],
        header=["Nr", "Actie", "Periode", "Status", "Afdeling"],
    )
    out = folder / "monitors"
    args = ("build", register, "--per-afdeling", "-o", out, "--as-of", "2018-06-01")
    result = run(*args, "--publish")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*-archief/*.xlsx")) == [
        "Inkoop-monitor 2018-06-01.xlsx",
        "Ruimte-monitor 2018-06-01.xlsx",
    ]
    again = run(*args)
    assert again.exit_code == 0
    assert [line.split(":")[0] for line in again.stdout.splitlines()] == ["Inkoop", "Ruimte"]
    assert all("is al gepubliceerd" in line for line in again.stdout.splitlines())
    data = json.loads(run(*args, "--json").stdout)
    assert [(m["department"], m["already_published"]) for m in data["monitors"]] == [
        ("Inkoop", True),
        ("Ruimte", True),
    ]


def test_a_copy_in_the_archive_is_never_overwritten(folder: Path):
    """Published, unpublished, published again: the first copy is kept under another name."""
    register, monitor = write_version(folder / "r.xlsx", DATES[0]), folder / "m.xlsx"
    build_json(register, "-o", monitor, "--as-of", DATES[0], "--publish")
    assert run("history", "unpublish", DATES[0], monitor).exit_code == 0
    build_json(register, "-o", monitor, "--as-of", DATES[0], "--publish")
    assert len(list((folder / "m-archief").iterdir())) == 2
