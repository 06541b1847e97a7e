"""XML inside a register, read the way defusedxml reads it, but streaming.

Excel, LibreOffice and every other spreadsheet program write their XML without a document type
declaration (DTD). A DTD is what an entity-expansion bomb ("billion laughs") and an external
entity (XXE, ``<!ENTITY x SYSTEM "file:///etc/passwd">``) need, so any DTD stops the parse
before it is read, as ``defusedxml`` does with ``forbid_dtd=True``; nothing is expanded and
nothing is fetched. The parts are fed to expat in chunks, so memory stays flat however large a
sheet is, and only the few elements a scanner asks for reach Python code (defusedxml's
ElementTree parser, which builds a tree, measured twice as slow on a 50,000-row sheet). The
chunks come from ``package.Package.chunks``: inflated for real, bounded by the declared size.
"""

from __future__ import annotations

import re
import xml.parsers.expat as expat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NoReturn, Protocol
from xml.parsers.expat import errors as expat_errors

from ..errors import RegisterError
from ..words.i18n import Phrase

#: expat's errors (named by their constants, without XML_ERROR_) as our words: expat's own
#: English ("not well-formed (invalid token)") never reaches a message. Others: xml_other.
_PROBLEMS = {
    "SYNTAX": "xml_syntax",
    "NO_ELEMENTS": "xml_no_elements",
    "INVALID_TOKEN": "xml_invalid_token",
    "UNCLOSED_TOKEN": "xml_unclosed_token",
    "UNCLOSED_CDATA_SECTION": "xml_unclosed_token",
    "PARTIAL_CHAR": "xml_partial_char",
    "TAG_MISMATCH": "xml_tag_mismatch",
    "DUPLICATE_ATTRIBUTE": "xml_duplicate_attribute",
    "JUNK_AFTER_DOC_ELEMENT": "xml_junk_after",
    "UNDEFINED_ENTITY": "xml_undefined_entity",
    "BAD_CHAR_REF": "xml_bad_character",
    "INCORRECT_ENCODING": "xml_encoding",
    "UNKNOWN_ENCODING": "xml_encoding",
    "XML_DECL": "xml_declaration",
    "MISPLACED_XML_PI": "xml_declaration",
    "UNBOUND_PREFIX": "xml_unbound_prefix",
}
_DECLARED_ENCODING = re.compile(rb'^<\?xml[^>]*encoding=["\']([^"\']*)')
_ASCII_ENCODINGS = frozenset({b"utf-8", b"utf8", b"us-ascii", b"ascii"})
_PROBLEM_OF_CODE = {
    expat_errors.codes[getattr(expat_errors, "XML_ERROR_" + name)]: code
    for name, code in _PROBLEMS.items()
    if hasattr(expat_errors, "XML_ERROR_" + name)
}


class Handler(Protocol):
    """What a scanner gives the parser: element starts, and optionally ends and text."""

    def start(self, name: str, attrs: dict[str, str]) -> None: ...


class ForbiddenDTD(Exception):
    """The part declares a DTD: refused before anything in it is read."""


def _forbid(*_args: object) -> NoReturn:
    raise ForbiddenDTD


def parse(
    chunks: Iterable[bytes],
    handler: Handler,
    path: Path,
    part: str,
    *,
    namespaces: bool = False,
) -> None:
    """Stream one part (its bytes in ``chunks``) through expat into ``handler``; a
    RegisterError says what is wrong, naming ``part``.

    Without ``namespaces`` element names keep their prefix (``x:c``), which is faster; with it
    they are ``uri local`` and prefixes don't matter.
    """
    parser = expat.ParserCreate(namespace_separator=" ") if namespaces else expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    parser.buffer_text = True
    parser.StartElementHandler = handler.start
    end: Callable[[str], None] | None = getattr(handler, "end", None)
    if end is not None:
        parser.EndElementHandler = end
    text: Callable[[str], None] | None = getattr(handler, "text", None)
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except ForbiddenDTD:
        raise RegisterError("xml_doctype", path=path, part=printable(part)) from None
    except expat.ExpatError as exc:
        problem = _PROBLEM_OF_CODE.get(exc.code, "xml_other")
        reason = xml_reason(part, problem, exc.lineno, exc.offset)
        raise RegisterError("unreadable", path=path, reason=reason) from None
    except LookupError:  # an encoding Python has no codec for, named in the XML declaration
        reason = xml_reason(part, "xml_encoding", parser.CurrentLineNumber, 0)
        raise RegisterError("unreadable", path=path, reason=reason) from None


def xml_reason(part: str, problem: str, line: int, offset: int) -> Phrase:
    """What is wrong with the XML of ``part``, in our words, with its line and column."""
    return Phrase(
        "reason_xml", part=printable(part), problem=Phrase(problem), line=line, column=offset + 1
    )


def declares_utf8(head: bytes) -> bool:
    """Whether XML starting with ``head`` is UTF-8 (or ASCII), as byte patterns need: a BOM or
    nothing before the first ``<``, and no other encoding declared."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<"):
        return False
    declared = _DECLARED_ENCODING.match(head)
    return declared is None or declared.group(1).lower() in _ASCII_ENCODINGS


def local(name: str) -> str:
    """``x:c`` or ``uri c`` -> ``c``."""
    return name.rpartition(" ")[2].rpartition(":")[2]


def printable(text: str, limit: int = 80) -> str:
    """A name from inside the file, safe to put in a one-line message: control characters
    (a newline in a zip part name) become '?', and it is cut at ``limit``."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in text)
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
