"""Histories for the benchmark of the reporting cycle: a register's monitor published once, and
the same monitor published 24 times (two years of monthly monitors), so that a refresh can be
timed against both.

The published snapshot is made by mvi-xl itself (``build --publish``), then repeated under
earlier peildata. Made once per register into benchmarks/out/, like the registers.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from mvi_xl import pipeline
from mvi_xl.history import history_path, load_history
from mvi_xl.history_render import render

#: Bump when what is generated changes, so stale histories in benchmarks/out/ are rebuilt.
VERSION = 1
#: The refresh measured compares with the latest of these: the monitor of 1 October 2025.
LATEST = dt.date(2025, 10, 1)
REFRESH_AS_OF = dt.date(2025, 11, 1)


def published_dates(count: int) -> list[dt.date]:
    """``count`` monthly peildata ending on LATEST."""
    days = []
    year, month = LATEST.year, LATEST.month
    for _ in range(count):
        days.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return sorted(days)


def path_for(out_dir: Path, register: Path, count: int) -> Path:
    return out_dir / f"{register.stem}-history{count}-v{VERSION}.csv"


def ensure(out_dir: Path, register: Path, counts: tuple[int, ...] = (1, 24)) -> dict[int, Path]:
    """Per count, a history file of that many published snapshots of ``register``."""
    wanted = {count: path_for(out_dir, register, count) for count in counts}
    if all(path.exists() for path in wanted.values()):
        return wanted
    with tempfile.TemporaryDirectory(dir=out_dir) as folder:
        monitor = Path(folder) / "monitor.xlsx"
        pipeline.build(
            pipeline.Options(register=register, output=monitor, as_of=LATEST, publish=True)
        )
        (snapshot,) = load_history(history_path(monitor)).snapshots
        actions = tuple(snapshot.actions)  # parsed: every copy renders its own peildatum
        for count, path in wanted.items():
            snapshots = [
                replace(snapshot, as_of=day, actions=actions) for day in published_dates(count)
            ]
            partial = path.with_suffix(".partial")
            with partial.open("wb") as handle:
                handle.writelines(render(snapshots))
            partial.replace(path)
    return wanted


def install(history: Path, monitor: Path) -> None:
    """Put a prepared history beside the monitor a measured command writes, flushed to disk
    as a history written by yesterday's run is: 147 MB of dirty pages left by this copy would
    stall the measured run's own write of the history (the kernel throttles writers)."""
    target = history_path(monitor)
    shutil.copyfile(history, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
