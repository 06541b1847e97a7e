"""Extract, update and compile mvi-xl's gettext catalogues (``make catalogues``).

The msgids come from the code, not from a scan of its text: every label (``words.labels``),
every message and hint (``words.i18n.MESSAGES``, msgctxt the code and ``<code>.hint``), every
help text of the command line (``cli``), and click's own words, extracted from the installed
click. ``update`` brings ``mvi_xl/locale/{nl,en}/LC_MESSAGES/mvi_xl.po`` in line with them:
new entries are added (empty in Dutch, for a translator; the English one repeats its msgid),
entries no longer used are dropped, translations are kept. ``compile`` writes the ``.mo`` beside
each ``.po``; both are committed (tests/test_catalogues.py checks they agree).

Usage: python scripts/catalogues.py [update] [compile] (both when none is given).
Babel is needed here only (the test extra); mvi-xl reads the .mo with the standard library.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mvi_xl.words.i18n import DOMAIN, LOCALE_DIR, MESSAGES, hint_context  # noqa: E402
from mvi_xl.words.labels import LABELS, Plural  # noqa: E402
from mvi_xl.words.terms import LANGUAGES  # noqa: E402

#: How click marks its words: ``_`` and ``gettext`` for a text, ``ngettext`` for a plural pair.
CLICK_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
#: Click's words it translates from a variable (``_(extra["required"])``), which no scan finds.
CLICK_INDIRECT = ("required",)
#: Texts of a template entry: msgid, or (singular, plural).
Entry = tuple[str | None, str | tuple[str, str], str]  # (msgctxt, msgid, where it comes from)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def entries() -> list[Entry]:
    """Every msgid mvi-xl uses, in a stable order: labels, messages, help texts, click's."""
    found: list[Entry] = []
    for key, text in LABELS.items():
        found.append((key, _msgid(text), "mvi_xl/words/labels.py"))
    for code, (text, hint) in MESSAGES.items():
        found.append((code, _msgid(text), "mvi_xl/words/*_messages.py"))
        if hint:
            found.append((hint_context(code), hint, "mvi_xl/words/*_messages.py"))
    found += help_entries()
    found += click_entries()
    return found


def help_entries() -> list[Entry]:
    from mvi_xl.cli import cli
    from mvi_xl.words.command_line import help_msgid, help_texts

    return [(None, help_msgid(english), "mvi_xl/cli.py") for _, _, english in help_texts(cli)]


def click_entries() -> list[Entry]:
    import click

    found: list[Entry] = []
    for source in sorted(Path(click.__file__).parent.glob("*.py")):
        for _line, msgid, _comments, _context in extract_from_file(
            "python", str(source), keywords=CLICK_KEYWORDS
        ):
            found.append((None, msgid, f"click/{source.name}"))
    found += [(None, msgid, "click/core.py") for msgid in CLICK_INDIRECT]
    return found


def _msgid(text: str | Plural) -> str | tuple[str, str]:
    return (text.one, text.other) if isinstance(text, Plural) else text


def template() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="mvi-xl", fuzzy=False)
    for context, msgid, where in entries():
        if catalog.get(msgid, context) is None:
            catalog.add(msgid, context=context, locations=[(where, None)])
    return catalog


def update() -> None:
    pot = template()
    for lang in LANGUAGES:
        path = po_path(lang)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang, domain=DOMAIN)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="mvi-xl", fuzzy=False)
        catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
        _header(catalog, lang)
        catalog.obsolete.clear()
        if lang == "en":  # the code is English: the English catalogue repeats it
            for message in catalog:
                if message.id and not _translated(message.string):
                    message.string = message.id
        written = io.BytesIO()
        write_po(written, catalog, width=100, omit_header=False, include_lineno=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(written.getvalue())
        missing = [m.id for m in catalog if m.id and not _translated(m.string)]
        if missing:
            print(f"{path.relative_to(ROOT)}: {len(missing)} without a translation")


def _header(catalog: Catalog, lang: str) -> None:
    name = {"nl": "Dutch", "en": "English"}[lang]
    catalog.header_comment = (
        f"# {name} words of mvi-xl: the workbook, the messages, the command line and click's.\n"
        "# Made and updated by scripts/catalogues.py (make catalogues); translate the empty\n"
        "# msgstr entries, then run it again to compile the .mo beside this file."
    )
    catalog.project, catalog.version = "mvi-xl", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = catalog.language_team = "mvi-xl"
    catalog.revision_date = catalog.creation_date


def compile_all() -> None:
    for lang in LANGUAGES:
        path = po_path(lang)
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang, domain=DOMAIN)
        compiled = io.BytesIO()
        write_mo(compiled, catalog, use_fuzzy=False)
        path.with_suffix(".mo").write_bytes(compiled.getvalue())


def _translated(string: str | tuple[str, ...] | None) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


def main(argv: list[str]) -> None:
    steps = argv or ["update", "compile"]
    for step in steps:
        {"update": update, "compile": compile_all}[step]()


if __name__ == "__main__":
    main(sys.argv[1:])
