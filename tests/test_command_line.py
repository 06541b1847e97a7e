"""The command line speaks Dutch by default and English with --lang en, MVI_XL_LANG=en or
language = "en" in mvi-xl.toml: mvi-xl's help texts and click's own words alike."""

from __future__ import annotations

import gettext
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mvi_xl.cli import cli
from mvi_xl.errors import RegisterError

from .conftest import BASIC_ROWS, write_xlsx

DUTCH = {
    "help": (
        "Gebruik: mvi-xl [OPTIES] COMMANDO",
        "Opties:",
        "Toon deze hulp en stop.",
        "Commando's:",
    ),
    "build_help": (
        "Gebruik: mvi-xl build [OPTIES] REGISTER...",
        "Lees REGISTER en schrijf de monitor-werkmap.",
        "Behandel elke melding als fout (afsluitcode 3).",
        "Afsluitcodes:",
    ),
    "unknown_option": (
        "Fout: Onbekende optie '--bogus'.",
        "Probeer 'mvi-xl build --help' voor hulp.",
    ),
    "missing_argument": (
        "Fout: Ontbrekend argument 'REGISTER'.",
        "Gebruik: mvi-xl history add",
    ),
    "invalid_value": ("Ongeldige waarde voor '--as-of': 'gisteren' is geen datum",),
    # the metavars too: what an option or argument takes, in the help's language
    "build_metavars": (
        "-o, --output UITVOER",
        "--as-of DATUM",
        "--config BESTAND",
        "--sheet NAAM",
        "--jaar, --year JAAR",
        "--log-file BESTAND",
    ),
    "publish_help": (
        "Gebruik: mvi-xl history publish [OPTIES] DATUM [MONITOR]",
        "Markeer de momentopname van DATUM",
    ),
}
ENGLISH = {
    "help": ("Usage: mvi-xl [OPTIONS]", "Options:", "Show this message and exit.", "Commands:"),
    "build_help": (
        "Usage: mvi-xl build [OPTIONS] REGISTER...",
        "Read REGISTER and write the monitor workbook.",
        "Treat every warning as an error (exit 3).",
        "Exit codes:",
    ),
    "unknown_option": ("Error: No such option '--bogus'.", "Try 'mvi-xl build --help' for help."),
    "missing_argument": ("Error: Missing argument 'REGISTER'.", "Usage: mvi-xl history add"),
    "invalid_value": ("Invalid value for '--as-of': 'gisteren' is not a date",),
    "build_metavars": (
        "-o, --output OUTPUT",
        "--as-of DATE",
        "--config FILE",
        "--sheet NAME",
        "--jaar, --year YEAR",
        "--log-file FILE",
    ),
    "publish_help": (
        "Usage: mvi-xl history publish [OPTIONS] DATE [MONITOR]",
        "Mark the snapshot of DATE",
    ),
}
ARGS = {
    "help": ["--help"],
    "build_help": ["build", "--help"],
    "unknown_option": ["build", "--bogus"],
    "missing_argument": ["history", "add", "--as-of", "2019-01-01"],
    "invalid_value": ["check", "--as-of", "gisteren", "r.xlsx"],
    "build_metavars": ["build", "--help"],
    "publish_help": ["history", "publish", "--help"],
}
SWITCHES = ["--lang", "--lang=", "after the command", "MVI_XL_LANG", "mvi-xl.toml"]


def invoke(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None):
    runner = CliRunner()
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return runner.invoke(cli, args, env=env, prog_name="mvi-xl")
    finally:
        os.chdir(old)


def english(case: str, switch: str, tmp_path: Path):
    """Run ``case`` with one of the ways to ask for English."""
    args = list(ARGS[case])
    if switch == "--lang":
        return invoke(["--lang", "en", *args])
    if switch == "--lang=":
        return invoke(["--lang=en", *args])
    if switch == "after the command":
        return invoke([*args, "--lang", "en"])
    if switch == "MVI_XL_LANG":
        return invoke(args, env={"MVI_XL_LANG": "en"})
    config = tmp_path / "mvi-xl.toml"
    config.write_text('language = "en"\n', encoding="utf-8")
    if args == ["--help"]:  # no register and no --config: the config in the current folder
        return invoke(args, cwd=tmp_path)
    return invoke([*args, "--config", str(config)], cwd=tmp_path)


@pytest.mark.parametrize("case", list(ARGS))
def test_dutch_by_default(case: str):
    result = invoke(ARGS[case])
    for text in DUTCH[case]:
        assert text in result.output, result.output
    assert "Usage:" not in result.output and "Options:" not in result.output


@pytest.mark.parametrize("switch", SWITCHES)
@pytest.mark.parametrize("case", list(ARGS))
def test_english_when_asked(case: str, switch: str, tmp_path: Path):
    result = english(case, switch, tmp_path)
    for text in ENGLISH[case]:
        assert text in result.output, result.output
    assert "Gebruik:" not in result.output


def test_the_config_beside_the_register_chooses_the_language(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    (tmp_path / "mvi-xl.toml").write_text('language = "en"\n', encoding="utf-8")
    result = invoke(["build", str(register), "--bogus"])
    assert "No such option '--bogus'" in result.output
    done = invoke(["check", str(register)])
    assert done.exit_code == 0 and "Register read: 7 actions, no warnings." in done.output


def test_lang_on_the_command_line_beats_the_environment():
    result = invoke(["build", "--help", "--lang", "nl"], env={"MVI_XL_LANG": "en"})
    assert "Gebruik:" in result.output
    result = invoke(["--lang", "en", "init"], env={"MVI_XL_LANG": "nl"})
    assert "Missing argument" in result.output


def test_an_unknown_language_is_refused_in_dutch():
    result = invoke(["build", "--lang", "fr"])
    assert result.exit_code == 2
    assert "Ongeldige waarde voor '--lang': 'fr' is niet een van 'nl', 'en'." in result.output


def test_a_count_in_the_terminal_agrees_with_its_noun(tmp_path: Path):
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS[:1])
    assert "Register gelezen: 1 actie, geen meldingen." in invoke(["check", str(register)]).output
    english = invoke(["check", str(register), "--lang", "en"]).output
    assert "Register read: 1 action, no warnings." in english


def test_the_language_is_put_back_after_the_command():
    before = (gettext.textdomain(), os.environ.get("LANGUAGE"))
    invoke(["--lang", "en", "--help"])
    invoke(["build", "--help"])
    assert (gettext.textdomain(), os.environ.get("LANGUAGE")) == before
    assert "Show this message and exit." in invoke(["--help", "--lang", "en"]).output


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "bestand niet gevonden"), ({"MVI_XL_LANG": "en"}, "file not found")],
)
def test_watch_without_lang_says_a_build_error_in_the_run_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
):
    class Watcher:
        """Stands in for the watch loop: the first build fails."""

        def __init__(self, options, on_result, on_error, **kwargs) -> None:
            self.on_error = on_error

        def run(self) -> None:
            self.on_error(RegisterError("not_found", path="weg.xlsx"))

    monkeypatch.setattr("mvi_xl.watch.Watcher", Watcher)
    register = write_xlsx(tmp_path / "r.xlsx", BASIC_ROWS)
    result = CliRunner().invoke(cli, ["watch", str(register), "--quiet"], env=env)
    assert result.exit_code == 0, result.output
    assert f"mvi-xl: weg.xlsx: {expected}" in result.stderr


def test_a_path_that_cannot_be_looked_at_leaves_the_choice_to_the_rest(
    monkeypatch: pytest.MonkeyPatch,
):
    """A drive gone mid-command (EIO on stat): the language comes from the rest, and the
    command itself says what is wrong with the path."""
    from mvi_xl.words.command_line import choose_language

    def gone(self: Path, *args, **kwargs) -> bool:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "exists", gone)
    assert choose_language(["build", "/mnt/share/register.xlsx"]) == "nl"
    monkeypatch.setenv("MVI_XL_LANG", "en")
    assert choose_language(["build", "/mnt/share/register.xlsx"]) == "en"
