"""The bundled example register: up to date with its generator, and faithful to the real
monitor page it reproduces (../shared/reference in the project's planning notes)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from mvi_xl import pipeline
from mvi_xl.compute import compute_monitor
from mvi_xl.config import load_config
from mvi_xl.reader import read_register

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "templates" / "voorbeeld" / "register.xlsx"


def test_generator_reproduces_the_committed_example(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_example.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "register.xlsx").read_bytes() == EXAMPLE.read_bytes(), (
        "templates/voorbeeld/register.xlsx is stale: run `make example` and commit it"
    )


def test_example_reproduces_the_reference_page():
    config = load_config(EXAMPLE.parent / "mvi-xl.toml")
    register = read_register(EXAMPLE, config=config)
    assert register.sheet == "Actieplan 2017-2020"  # the first sheet is an explanation
    assert register.header_row == 4  # under a merged title and a subtitle
    monitor = compute_monitor(
        register, as_of=pipeline.EXAMPLE_AS_OF, since=pipeline.EXAMPLE_SINCE, config=config
    )
    table = [(p.period, p.total, p.headline_status, p.headline) for p in monitor.periods]
    assert table == [
        ("Wat doen we al goed?", 54, "voltooid", 54),
        ("Aan de slag in 2017", 27, "voltooid", 23),
        ("Aan de slag in 2018-2020", 25, "voltooid", 4),
        ("Actie doorlopend", 18, "lopend", 15),
    ]
    assert [p.complete for p in monitor.periods] == [True, False, False, False]
    assert [(a.text, a.completed) for a in monitor.realised] == [
        ("Aanbestedingen Textielinzameling, Groenonderhoud", dt.date(2018, 6, 20)),
        (
            "Gemeente Voorbeeld spreker tijdens ondernemerstreffen op Dag van de Duurzaamheid",
            dt.date(2018, 7, 5),
        ),
        ("Deelname aan opleiding circulair inkopen voor aanbesteding VRI's", dt.date(2018, 9, 12)),
        ("Themasessies bij drietal afdelingen", dt.date(2018, 10, 3)),
    ]
    assert monitor.findings == ()
    assert monitor.organisation == "Gemeente Voorbeeld"
    assert len(monitor.focus_points) == 4
    assert [m.text for m in monitor.communications_planned] == [
        "Publiceren 1 jaar MVI bij gemeente Voorbeeld",
        "Volgende monitor februari 2019",
    ]


def test_generator_refuses_data_that_no_longer_reproduces_the_page(tmp_path: Path):
    data = (ROOT / "scripts" / "example" / "voorbeeld.toml").read_text(encoding="utf-8")
    # one completed action of the first period marked running: 54/54 would become 54/53
    broken = data.replace('status = "Voltooid"', 'status = "lopend"', 1)
    assert broken != data
    (tmp_path / "data.toml").write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "make_example.py"),
            *("--data", str(tmp_path / "data.toml"), "--out", str(tmp_path / "out")),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Wat doen we al goed?" in result.stderr
    assert not (tmp_path / "out" / "register.xlsx").exists()
