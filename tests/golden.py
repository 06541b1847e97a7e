"""The golden monitor: the bundled example register built as ``mvi-xl build --example`` builds it,
with everything that varies between machines pinned, and kept in tests/golden/voorbeeld/ as one
normalised text file per part of the workbook.

``scripts/update_golden.py`` (``make golden``) writes it; tests/test_golden.py compares with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import os
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from mvi_xl import pipeline
from mvi_xl.pipeline import Options

from .ooxml import normalised_parts

GOLDEN = Path(__file__).resolve().parent / "golden" / "voorbeeld"
#: The generation date on the Toelichting sheet: 01-11-2018, the example's peildatum.
SOURCE_DATE_EPOCH = "1541030400"
#: The register's modification time shown on the Toelichting sheet (local time).
REGISTER_MODIFIED = dt.datetime(2018, 11, 1, 9, 0)
#: Parts that are not XML are kept as a digest; their golden file gets this suffix.
DIGEST_SUFFIX = ".digest"
REGENERATE = "make golden (or: python scripts/update_golden.py)"


def build_golden_monitor(folder: Path) -> Path:
    """The example's monitor, built in ``folder`` from a copy of the example register that sits
    at a relative path with a fixed modification time, so every machine gets the same bytes."""
    source = resources.files("mvi_xl.templates").joinpath("voorbeeld")
    for name in ("register.xlsx", "mvi-xl.toml"):
        with resources.as_file(source.joinpath(name)) as path:
            shutil.copyfile(path, folder / name)
    stamp = REGISTER_MODIFIED.timestamp()
    os.utime(folder / "register.xlsx", (stamp, stamp))
    with contextlib.chdir(folder), _environment(SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH):
        pipeline.build(
            Options(
                register=Path("register.xlsx"),
                output=Path("voorbeeld-monitor.xlsx"),
                as_of=pipeline.EXAMPLE_AS_OF,
                since=pipeline.EXAMPLE_SINCE,
            )
        )
    return folder / "voorbeeld-monitor.xlsx"


def golden_files(monitor: Path) -> dict[str, str]:
    """File name under tests/golden/voorbeeld -> its text, for every part of ``monitor``."""
    return {
        name if name.endswith((".xml", ".rels", ".vml")) else name + DIGEST_SUFFIX: text
        for name, text in normalised_parts(monitor).items()
    }


def read_golden() -> dict[str, str]:
    return {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*"))
        if path.is_file()
    }


def write_golden(files: dict[str, str]) -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for name, text in files.items():
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def golden_diff(expected: dict[str, str], actual: dict[str, str], context: int = 3) -> str:
    """A readable account of every difference, part by part; empty when there is none."""
    report = []
    for name in sorted(expected.keys() - actual.keys()):
        report.append(f"part no longer written: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        report.append(f"new part: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            report.extend(
                difflib.unified_diff(
                    expected[name].splitlines(),
                    actual[name].splitlines(),
                    f"golden/voorbeeld/{name}",
                    f"built/{name}",
                    n=context,
                    lineterm="",
                )
            )
    return "\n".join(report)


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
