"""Running a program mvi-xl hands work to (programs.run_to_end: LibreOffice for --pdf and
--ods, the browser for the tagged PDF) and putting what it made in place (safe_io.put_in_place).
The programs here are this Python, so the cases run on every platform."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from mvi_xl.programs import run_to_end
from mvi_xl.safe_io import put_in_place


class Failed(Exception):
    pass


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


#: (what the program does, the reason it fails with; None: it succeeds)
CASES = [
    ("print('done')", None),
    (
        "import sys; print('first'); print('the real cause', file=sys.stderr); sys.exit(3)",
        "Tool stopped with code 3: the real cause",
    ),
    ("import sys; sys.exit(1)", "Tool stopped with code 1: no output"),
    ("import time; time.sleep(60)", "Tool took longer than 1 s"),
]


@pytest.mark.parametrize(("code", "reason"), CASES)
def test_a_program_runs_to_its_end_or_says_why_not(code: str, reason: str | None):
    started = time.monotonic()
    if reason is None:
        run_to_end(_python(code), 30, Failed, "Tool")
        return
    with pytest.raises(Failed) as failed:
        run_to_end(_python(code), 1, Failed, "Tool")
    assert str(failed.value) == reason
    assert time.monotonic() - started < 20  # a hanging one is ended at its time limit


def test_a_program_that_cannot_start(tmp_path: Path):
    with pytest.raises(Failed) as failed:
        run_to_end([str(tmp_path / "no such program")], 5, Failed, "Tool")
    assert "No such file" in str(failed.value) or "cannot find" in str(failed.value)


def test_put_in_place_replaces_the_file_only_when_written(tmp_path: Path):
    target = tmp_path / "monitor.html"
    target.write_text("old", encoding="utf-8")
    assert put_in_place(lambda temporary: temporary.write_text("new"), target) == target
    assert target.read_text() == "new"

    def broken(temporary: Path) -> None:
        temporary.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        put_in_place(broken, target)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["monitor.html"]
