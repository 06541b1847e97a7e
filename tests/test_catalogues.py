"""The gettext catalogues: the committed .mo agree with their .po, every msgid the code uses is
translated in both, no fake plural stands in any of them, and reading them costs no Babel."""

from __future__ import annotations

import gettext
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mvi_xl.words import i18n
from mvi_xl.words.terms import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "make catalogues (or: python scripts/catalogues.py)"


def _script():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _script()


def po(lang: str):
    with catalogues.po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=i18n.DOMAIN)


def _key(context: str | None, msgid: str) -> str:
    return f"{context}\x04{msgid}" if context else msgid


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_committed_mo_is_compiled_from_the_po(lang: str):
    expected: dict[object, str] = {}
    for message in po(lang):
        if not message.id or not message.string:
            continue
        if message.pluralizable:
            for i, form in enumerate(message.string):
                expected[(_key(message.context, message.id[0]), i)] = form
        else:
            expected[_key(message.context, message.id)] = message.string
    with catalogues.po_path(lang).with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    found = {k: v for k, v in compiled._catalog.items() if k != ""}
    assert found == expected, f"the .mo is out of date: {REGENERATE}"
    assert compiled.info()["plural-forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_msgid_of_the_code_is_translated(lang: str):
    catalog = po(lang)
    untranslated = []
    for context, msgid, where in catalogues.entries():
        message = catalog.get(msgid, context)
        strings = message.string if message is not None else ""
        if not (all(strings) if isinstance(strings, tuple) else strings):
            untranslated.append((where, context, msgid))
    assert not untranslated, f"translate these in {lang}, then {REGENERATE}: {untranslated}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_catalogue_holds_nothing_the_code_does_not_use(lang: str):
    used = {
        (context, msgid if isinstance(msgid, str) else msgid[0])
        for context, msgid, _ in catalogues.entries()
    }
    held = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in po(lang) if m.id}
    assert held == used, REGENERATE


#: "actie(s)", "melding(en)", "momentopname(n)", "sectiekop(pen)", "cel(len)": a count and a
#: noun that did not agree.
FAKE_PLURAL = re.compile(r"\w\((?:s|en|n|pen|len|e|es)\)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_fake_plural_in_any_workbook_message_or_help_text(lang: str):
    faked = []
    for message in po(lang):
        texts = [*(message.id if isinstance(message.id, tuple) else [message.id])]
        texts += message.string if isinstance(message.string, tuple) else [message.string]
        faked += [text for text in texts if FAKE_PLURAL.search(text)]
    assert not faked


def test_a_catalogue_is_read_once_and_without_babel():
    assert i18n.catalogue("nl") is i18n.catalogue("nl")
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from mvi_xl.cli import cli\n"
        "CliRunner().invoke(cli, ['build', '--help'])\n"
        "CliRunner().invoke(cli, ['check', '--lang', 'en', 'nothing.xlsx'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
