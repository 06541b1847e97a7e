"""The language of the command line: chosen before click says a word, Dutch by default.

Click takes its own words ("Usage:", "Options:", "No such option", ...) from the standard
library's global gettext: ``gettext.gettext`` looks the text up in the current text domain, in
the languages of the environment variable ``LANGUAGE`` (read at every call). So for the length
of one command, ``speaking`` makes mvi-xl's domain the current one and sets ``LANGUAGE`` to the
chosen language, and puts both back afterwards; click's msgids are in mvi-xl's catalogues. The
help texts of mvi-xl's own commands and options are English in ``cli``; ``translate_help`` puts
them into the chosen language on the command objects before click renders them.

The language is ``--lang`` (or ``--lang=``) anywhere on the command line, else
``MVI_XL_LANG``, else ``language`` in the mvi-xl.toml the command finds (``--config``, the one
beside the register named, or without one the one in the current folder), else Dutch.
"""

from __future__ import annotations

import gettext
import inspect
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

import click

from .i18n import DOMAIN, LOCALE_DIR, catalogue
from .terms import LANGUAGES

FC = TypeVar("FC", bound=Callable[..., Any])

#: The environment variable that chooses the language when --lang is not given.
LANG_ENV = "MVI_XL_LANG"
DEFAULT_LANGUAGE = "nl"

_current: ContextVar[str] = ContextVar("mvi_xl_language", default=DEFAULT_LANGUAGE)

#: What of a command click shows in its own words: the help texts, and the usage line's
#: "[OPTIONS]" and "COMMAND [ARGS]..." (click's defaults, kept on the command).
_COMMAND_TEXTS = ("help", "short_help", "epilog", "options_metavar", "subcommand_metavar")
#: ... and of an option or argument: its help and its metavar (FILE, DATE: BESTAND, DATUM)
_PARAM_TEXTS = ("help", "metavar")

#: Click's "\b" marks a paragraph it must not rewrap; it stays out of the msgid.
_NO_REWRAP = "\b\n"


def language() -> str:
    """The language of the command that runs (Dutch outside one)."""
    return _current.get()


def choose_language(args: Sequence[str]) -> str:
    """The language of a command line, from its arguments and the environment. An unknown
    ``--lang`` value is left for click to refuse, in the language the rest chooses."""
    given = _value_of(args, "--lang")
    if given in LANGUAGES:
        return given
    from_env = os.environ.get(LANG_ENV, "").strip().lower()
    if from_env in LANGUAGES:
        return from_env
    return _configured_language(args) or DEFAULT_LANGUAGE


def _value_of(args: Sequence[str], option: str) -> str | None:
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == option and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith(option + "="):
            found = arg.partition("=")[2]
    return found


def _configured_language(args: Sequence[str]) -> str | None:
    """``language`` of the config the command would read: ``--config``, or the mvi-xl.toml
    beside the first path named that has one (inside it, for a folder of registers), or, when
    no path is named (``mvi-xl --help``, ``history list``), the one in the current folder.
    Nothing when there is none or it can't be read (the command itself then says what is
    wrong)."""
    explicit = _value_of(args, "--config")
    paths = [Path(a) for a in args if not a.startswith("-") and _exists(Path(a))]
    if explicit is None and not paths:
        paths = [Path.cwd()]
    import tomllib

    from ..config import CONFIG_NAME, find_config

    try:  # a drive that is gone, a name the system refuses: the command will say so itself
        if explicit is not None:
            found = find_config(Path(explicit), None)
        else:
            anchors = (p / CONFIG_NAME if p.is_dir() else p for p in paths)
            found = next((c for a in anchors if (c := find_config(None, a)) is not None), None)
        if found is None:
            return None
        with found.open("rb") as handle:
            value = tomllib.load(handle).get("language")
    except (OSError, ValueError):
        return None
    return value if value in LANGUAGES else None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):  # a drive gone, a name the system refuses
        return False


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Click's words and mvi-xl's in ``lang`` while the block runs."""
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language


def help_msgid(text: str) -> str:
    """The msgid of a help text as click keeps it: without the indentation of a docstring and
    without a leading "\\b" line."""
    text = inspect.cleandoc(text)
    return text[len(_NO_REWRAP) :] if text.startswith(_NO_REWRAP) else text


def help_texts(command: click.Command) -> Iterator[tuple[object, str, str]]:
    """Every help text of ``command`` and what it contains: (object, attribute, English)."""
    for cmd in _commands(command):
        for attribute in _COMMAND_TEXTS:
            english = _english(cmd, attribute)
            if english:
                yield cmd, attribute, english
        for param in cmd.params:
            for attribute in _PARAM_TEXTS:
                english = _english(param, attribute)
                if english:
                    yield param, attribute, english


def translate_help(command: click.Command, lang: str) -> None:
    """Put the help texts of ``command`` and what it contains into ``lang``."""
    translations = catalogue(lang)
    for cmd in _commands(command):
        if getattr(cmd, "_help_option", None) is not None:
            cmd._help_option = None  # click keeps it from the first run; made again in lang
    for owner, attribute, english in help_texts(command):
        msgid = help_msgid(english)
        text = translations.gettext(msgid)
        if inspect.cleandoc(english).startswith(_NO_REWRAP):
            text = _NO_REWRAP + text
        setattr(owner, attribute, text)


def _english(owner: object, attribute: str) -> str | None:
    """The English text of a help attribute, kept aside the first time it is translated."""
    kept: dict[str, str | None] = vars(owner).setdefault("_mvi_xl_english", {})
    if attribute not in kept:
        kept[attribute] = getattr(owner, attribute, None)
    return kept[attribute]


def _commands(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _commands(sub)


def version_option(version: str, prog_name: str) -> Callable[[FC], FC]:
    """``--version``, as click's own but with its line in the language of the command (click's
    puts its words in the line when the decorator runs, at import)."""

    def show(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            line = gettext.gettext("%(prog)s, version %(version)s")
            click.echo(line % {"prog": prog_name, "package": "mvi-xl", "version": version})
            ctx.exit()

    return click.option(
        "--version",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=show,
        help="Show the version and exit.",
    )


def _lang_everywhere(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    """``mvi-xl --lang en build ...``, or MVI_XL_LANG: the language of the command too (an
    explicit ``build --lang`` still wins)."""
    chosen = value or os.environ.get(LANG_ENV, "").strip().lower()
    if chosen in LANGUAGES and isinstance(ctx.command, click.Group):
        ctx.default_map = _lang_defaults(ctx.command, chosen)


def _lang_defaults(group: click.Group, lang: str) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found[name] = _lang_defaults(command, lang)
        elif any(param.name == "lang" for param in command.params):
            found[name] = {"lang": lang}
    return found


class LocalisedGroup(click.Group):
    """The ``mvi-xl`` group: chooses the language of the command line before click parses it
    (the console script and CliRunner both come in through ``main``), and takes a ``--lang``
    of its own for the command that follows."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.params.insert(
            0,
            click.Option(
                ["--lang"],
                type=click.Choice(LANGUAGES),
                expose_value=False,
                callback=_lang_everywhere,
                help="Language of the command line, the workbook and the messages: nl (the "
                "default) or en; also MVI_XL_LANG, or 'language' in mvi-xl.toml.",
            ),
        )

    def main(self, args: Sequence[str] | None = None, *pos: Any, **kwargs: Any) -> Any:
        lang = choose_language(list(sys.argv[1:] if args is None else args))
        with speaking(lang):
            translate_help(self, lang)
            return super().main(args, *pos, **kwargs)
