"""The scheduled build on a real SMB share (Samba on 127.0.0.1, mounted through smbnetfs): a new
folder, an unchanged rebuild, concurrent builds from two machines, kills, the monitor held open
by another client, a read-only share and the server going away."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from mvi_xl import safe_io
from mvi_xl.lock import RECORD_SIZE, lock_path

from . import smbshare
from .conftest import libreoffice

pytestmark = pytest.mark.share

EXAMPLE = Path(__file__).resolve().parent.parent / "templates" / "voorbeeld" / "register.xlsx"


def mvi_xl(*args: object, env: dict[str, str] | None = None, timeout: float = 180):
    return subprocess.run(
        [sys.executable, "-m", "mvi_xl", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def a_register(folder: Path, name: str = "register.xlsx") -> Path:
    register = folder / name
    register.write_bytes(EXAMPLE.read_bytes())
    return register


def valid_monitor(path: Path) -> str:
    """The peildatum of a monitor that opens; fails for half a file."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        assert workbook.sheetnames[0] == "Monitor"
        return workbook.properties.created.date().isoformat()
    finally:
        workbook.close()


def test_first_build_in_a_new_folder_leaves_only_the_monitor_and_its_history(on_share):
    name, share = on_share
    register = a_register(share.a / name)
    done = mvi_xl("build", register, "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    expected = ["register-monitor-historie.csv", "register-monitor.xlsx", "register.xlsx"]
    assert names(share.server / name) == expected  # no probe, no temporary, lock released
    valid_monitor(share.server / name / "register-monitor.xlsx")

    monitor = share.server / name / "register-monitor.xlsx"
    before = monitor.read_bytes(), monitor.stat().st_mtime_ns
    again = mvi_xl("build", register, "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["up_to_date"] is True
    assert (monitor.read_bytes(), monitor.stat().st_mtime_ns) == before
    assert names(share.server / name) == expected


def test_four_builds_from_two_machines_end_with_one_valid_monitor(on_share):
    name, share = on_share
    a_register(share.a / name)
    # one log per machine: a FUSE client caches a file's size for a moment, so two machines
    # appending to one log within that moment may overwrite each other's line (README)
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mvi_xl",
                "build",
                str(mount / name / "register.xlsx"),
                "--publish",  # each records its snapshot: none may be lost to another
                "--as-of",
                f"2018-11-0{day}",
                "--log-file",
                str(mount / name / f"runs-{'ab'[mount == share.b]}.log"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for day, mount in zip((1, 2, 3, 4), (share.a, share.b, share.a, share.b), strict=True)
    ]
    outcomes = [p.communicate(timeout=300) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], outcomes
    monitor = share.server / name / "register-monitor.xlsx"
    assert valid_monitor(monitor) in {f"2018-11-0{d}" for d in (1, 2, 3, 4)}
    history = (share.server / name / "register-monitor-historie.csv").read_text("utf-8-sig")
    assert all(f"2018-11-0{d};" in history for d in (1, 2, 3, 4))  # no update lost
    archive = share.server / name / "register-monitor-archief"
    assert names(archive) == [f"register-monitor 2018-11-0{d}.xlsx" for d in (1, 2, 3, 4)]
    assert names(share.server / name) == [
        "register-monitor-archief",
        "register-monitor-historie.csv",
        "register-monitor.xlsx",
        "register.xlsx",
        "runs-a.log",
        "runs-b.log",
    ]
    for machine in "ab":
        log = (share.server / name / f"runs-{machine}.log").read_text("utf-8").splitlines()
        assert [line.split()[2] for line in log].count("start") == 2
        results = [line for line in log if " result " in line]
        assert len(results) == 2 and all('status="published"' in line for line in results)


@pytest.mark.slow
def test_builds_killed_at_random_moments_never_break_the_monitor(on_share):
    name, share = on_share
    register = a_register(share.a / name)
    assert mvi_xl("build", register, "-q").returncode == 0
    started = time.monotonic()
    assert mvi_xl("build", register, "-q", "--force").returncode == 0
    duration = time.monotonic() - started
    chance = random.Random(15)
    for round_ in range(12):
        mount = (share.a, share.b)[round_ % 2]
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mvi_xl",
                "build",
                str(mount / name / "register.xlsx"),
                "-q",
                "--force",
                "--as-of",
                f"2018-11-{1 + round_:02d}",
            ]
        )
        time.sleep(chance.uniform(0, duration))
        process.kill()
        process.wait(timeout=60)
        valid_monitor(share.server / name / "register-monitor.xlsx")  # the old or the new one
    final = mvi_xl(
        "build", share.b / name / "register.xlsx", "-q", env={"MVI_XL_LOCK_TIMEOUT": "60"}
    )
    assert final.returncode == 0, final.stderr
    assert names(share.server / name) == [
        "register-monitor-historie.csv",
        "register-monitor.xlsx",
        "register.xlsx",
    ]


def test_a_monitor_open_in_another_client_gives_the_dated_copy_and_exit_5(on_share):
    name, share = on_share
    register = a_register(share.a / name)
    assert mvi_xl("build", register, "-q", "--as-of", "2018-06-01").returncode == 0
    monitor = share.server / name / "register-monitor.xlsx"
    before = monitor.read_bytes()

    with smbshare.Holder(f"{name}/register-monitor.xlsx"):
        held = mvi_xl("build", register, "--as-of", "2018-11-01", "--json")
        assert held.returncode == 5, held.stderr
        data = json.loads(held.stdout)
        assert data["output_in_use"] is True
        copy = Path(data["output"])
        assert copy.name.startswith("register-monitor (") and copy.suffix == ".xlsx"
        assert valid_monitor(share.server / name / copy.name) == "2018-11-01"
        assert monitor.read_bytes() == before  # the open monitor is untouched
        assert "in gebruik" in held.stderr

        # the dated copy open as well: yet another name, nothing thrown away
        with smbshare.Holder(f"{name}/{copy.name}"):
            both = mvi_xl("build", register, "--as-of", "2018-11-01", "--json")
            assert both.returncode == 5, both.stderr
            second = Path(json.loads(both.stdout)["output"])
            assert second != copy and valid_monitor(share.server / name / second.name)

    closed = mvi_xl("build", register, "--as-of", "2018-11-01", "-q")
    assert closed.returncode == 0, closed.stderr
    assert valid_monitor(monitor) == "2018-11-01"
    assert names(share.server / name) == [
        "register-monitor-historie.csv",
        "register-monitor.xlsx",
        "register.xlsx",
    ]  # both dated copies removed by the run that replaced the monitor


def test_a_lock_held_on_another_machine_makes_the_run_wait_then_give_up(on_share):
    """Machine A holds the lock file open (a live run that stopped beating, even): machine B
    can't take it away, whatever its stale time."""
    name, share = on_share
    a_register(share.a / name)
    lock = lock_path(share.a / name / "register-monitor.xlsx")
    fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o666)
    try:
        os.write(fd, b'{"mvi-xl": "lock", "host": "pc-a", "pid": 1}'.ljust(RECORD_SIZE))
        busy = mvi_xl(
            "build",
            share.b / name / "register.xlsx",
            env={"MVI_XL_LOCK_TIMEOUT": "4", "MVI_XL_LOCK_STALE": "1"},
        )
    finally:
        os.close(fd)
    assert busy.returncode == 4
    assert "een andere mvi-xl-run maakt deze monitor al" in busy.stderr
    assert not (share.server / name / "register-monitor.xlsx").exists()


def test_a_lock_left_by_a_machine_that_died_is_taken_over(on_share):
    name, share = on_share
    a_register(share.a / name)
    lock = lock_path(share.a / name / "register-monitor.xlsx")
    lock.write_bytes(b'{"mvi-xl": "lock", "host": "pc-a", "pid": 1}'.ljust(RECORD_SIZE))
    started = time.monotonic()
    done = mvi_xl(
        "build",
        share.b / name / "register.xlsx",
        "-q",
        env={"MVI_XL_LOCK_TIMEOUT": "30", "MVI_XL_LOCK_STALE": "2"},
    )
    assert done.returncode == 0, done.stderr
    assert 2 <= time.monotonic() - started < 25
    assert names(share.server / name) == [
        "register-monitor-historie.csv",
        "register-monitor.xlsx",
        "register.xlsx",
    ]


def test_a_read_only_share_is_exit_4_saying_so(on_share):
    name, share = on_share
    a_register(share.a / name)
    register = share.mounts[0].share(smbshare.READ_ONLY_SHARE) / name / "register.xlsx"
    refused = mvi_xl("build", register)
    assert refused.returncode == 4
    assert refused.stderr.count("\n") == 1 and "geen schrijfrechten" in refused.stderr
    assert "Excel" not in refused.stderr
    assert names(share.server / name) == ["register.xlsx"]


def test_the_server_going_away_is_one_line_and_it_comes_back(on_share):
    name, share = on_share
    register = a_register(share.a / name)
    assert mvi_xl("build", register, "-q", "--as-of", "2018-06-01").returncode == 0
    share.stop_server()
    try:
        for mount in (share.a, share.b):
            gone = mvi_xl("build", mount / name / "register.xlsx", "--as-of", "2018-11-01")
            assert gone.returncode in (3, 4), gone.stderr
            assert gone.stderr.count("\n") == 1, gone.stderr
            assert "schijf" in gone.stderr and "interne fout" not in gone.stderr
    finally:
        share.start_server()
    deadline = time.monotonic() + 60
    while True:
        back = mvi_xl("build", register, "-q", "--as-of", "2018-11-01")
        if back.returncode == 0 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert back.returncode == 0, back.stderr
    assert valid_monitor(share.server / name / "register-monitor.xlsx") == "2018-11-01"
    assert not [n for n in names(share.server / name) if safe_io.TEMP_MARK in n]


@pytest.mark.libreoffice
def test_a_pdf_open_in_a_viewer_gets_its_own_dated_copy(on_share):
    if libreoffice() is None:
        pytest.skip("LibreOffice Calc is not installed")
    name, share = on_share
    register = a_register(share.a / name)
    assert mvi_xl("build", register, "--pdf", "-q", "--as-of", "2018-06-01").returncode == 0
    pdf = share.server / name / "register-monitor.pdf"
    before = pdf.read_bytes()
    with smbshare.Holder(f"{name}/register-monitor.pdf"):
        held = mvi_xl("build", register, "--pdf", "--as-of", "2018-11-01", "--json")
    assert held.returncode == 5, held.stderr
    data = json.loads(held.stdout)
    assert data["output_in_use"] is False and data["pdf_in_use"] is True
    assert valid_monitor(share.server / name / "register-monitor.xlsx") == "2018-11-01"
    assert pdf.read_bytes() == before
    copy = share.server / name / Path(data["pdf"]).name
    assert copy.name.startswith("register-monitor (") and copy.read_bytes()[:5] == b"%PDF-"
    assert "PDF" in held.stderr and copy.name in held.stderr

    again = mvi_xl("build", register, "--pdf", "-q", "--as-of", "2018-11-01")
    assert again.returncode == 0, again.stderr
    assert pdf.read_bytes() != before and not copy.exists()
