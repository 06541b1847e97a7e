"""The benchmark's registers stay registers mvi-xl reads as intended, so ``make bench`` measures
a real build (benchmarks/ is run by hand, not by the tests)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import openpyxl
import python_calamine
from click.testing import CliRunner

from mvi_xl.cli import cli

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_register_builds_with_every_action_counted(tmp_path: Path):
    registers = load("registers")
    register = registers.ensure(tmp_path, 124)
    assert registers.ensure(tmp_path, 124) == register  # made once
    result = CliRunner().invoke(
        cli,
        ["build", str(register), "-o", str(tmp_path / "m.xlsx"), "--json", "--as-of", "2025-11-01"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total_actions"] == 124
    assert data["sheet"] == registers.SHEET
    assert sum(p["total"] for p in data["periods"]) == 124


def test_floor_b_writes_every_row_of_the_register(tmp_path: Path):
    registers, floor_b = load("registers"), load("floor_b")
    register = registers.ensure(tmp_path, 124)
    floor_b.main(str(register), registers.SHEET, str(tmp_path / "rows.xlsx"))
    rows = python_calamine.CalamineWorkbook.from_path(register).get_sheet_by_name(registers.SHEET)
    written = openpyxl.load_workbook(tmp_path / "rows.xlsx", read_only=True).active
    assert written.max_row == len(rows.to_python())


def test_the_cycle_benchmark_refreshes_against_24_published_monitors(tmp_path: Path):
    """``make bench`` times a refresh against a history of 1 and of 24 published monitors:
    both compare with the latest, and the refresh records one refresh beside them."""
    sys.path.insert(0, str(BENCHMARKS))  # histories.py is a script beside registers.py
    try:
        histories = load("histories")
    finally:
        sys.path.remove(str(BENCHMARKS))
    register = load("registers").ensure(tmp_path, 124)
    made = histories.ensure(tmp_path, register)
    for count, history in made.items():
        monitor = tmp_path / str(count) / "monitor.xlsx"
        monitor.parent.mkdir()
        histories.install(history, monitor)
        args = ["build", str(register), "-o", str(monitor), "--json"]
        result = CliRunner().invoke(cli, [*args, "--as-of", histories.REFRESH_AS_OF.isoformat()])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["previous"]["as_of"] == histories.LATEST.isoformat()
        listed = json.loads(
            CliRunner().invoke(cli, ["history", "list", str(monitor), "--json"]).stdout
        )
        assert [s["published"] for s in listed["snapshots"]] == [True] * count + [False]
