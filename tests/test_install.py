"""A plain, non-editable install into a fresh virtual environment finds everything it ships."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_fresh_install_builds_the_example_and_a_starter(tmp_path: Path):
    env_dir = tmp_path / "venv met spatie"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if install.returncode != 0 and "CI" not in os.environ and "Could not" in install.stderr:
        pytest.skip(f"no package index reachable: {install.stderr.strip()[-200:]}")
    assert install.returncode == 0, install.stderr

    # run from an unrelated folder, so nothing resolves to the source tree
    work = tmp_path / "werkmap"
    work.mkdir()
    mvi_xl = bin_dir / ("mvi-xl.exe" if os.name == "nt" else "mvi-xl")
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import mvi_xl, mvi_xl.templates as t; print(mvi_xl.__file__);print(t.__file__)",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(ROOT) not in where.stdout, "the test must use the installed copy"
    # PEP 561: the wheel says the package is typed
    assert (Path(where.stdout.splitlines()[0]).parent / "py.typed").is_file()

    build = subprocess.run(
        [str(mvi_xl), "build", "--example", "-o", "monitor.xlsx"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    workbook = openpyxl.load_workbook(work / "monitor.xlsx")
    assert workbook.sheetnames[:2] == ["Monitor", "Acties"]
    assert workbook.sheetnames[-2:] == ["Historie", "Toelichting"]

    init = subprocess.run(
        [str(mvi_xl), "init", "nieuw register.xlsx"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert init.returncode == 0, init.stderr
    assert (work / "nieuw register.xlsx").is_file()

    module = subprocess.run(
        [str(python), "-m", "mvi_xl", "--version"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert module.returncode == 0 and "mvi-xl" in module.stdout
    assert sys.version_info >= (3, 11)

    for args, words in ((["--help"], "Gebruik:"), (["--lang", "en", "--help"], "Usage:")):
        helped = subprocess.run(
            [str(mvi_xl), *args], cwd=work, capture_output=True, text=True, timeout=60
        )
        assert helped.returncode == 0 and words in helped.stdout, helped.stderr


@pytest.mark.slow
def test_the_wheel_ships_the_compiled_catalogues(tmp_path: Path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--disable-pip-version-check",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if built.returncode != 0 and "CI" not in os.environ and "Could not" in built.stderr:
        pytest.skip(f"no package index reachable: {built.stderr.strip()[-200:]}")
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("mvi_xl-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for lang in ("nl", "en"):
        assert f"mvi_xl/locale/{lang}/LC_MESSAGES/mvi_xl.mo" in names
    assert "mvi_xl/words/i18n.py" in names
    assert not any(name.endswith(".po") for name in names)  # the sources stay in the repository


def test_bundled_config_template_parses_to_the_defaults():
    import tomllib

    from mvi_xl.config import Config, parse_config

    data = tomllib.loads((ROOT / "templates" / "mvi-xl.toml").read_text(encoding="utf-8"))
    assert parse_config(data) == Config()
