"""File names made from user text (a department, say) that every file system accepts: Windows
forbids <>:"/\\|?*, control characters, names it keeps for devices (CON, COM1, CONIN$, also as
``CON .txt``) and a trailing dot or space. Names stay readable, and stable: the same text
always gives the same name, whatever other names there are or in which order they come."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]+')
_DIGITS = "0123456789¹²³"  # Windows also keeps COM¹ … LPT³ for devices
_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        "CONIN$",
        "CONOUT$",
        *(f"COM{d}" for d in _DIGITS),
        *(f"LPT{d}" for d in _DIGITS),
    }
)
MAX_LENGTH = 80
_TAG_LENGTH = 6


def is_reserved(name: str) -> bool:
    """Windows takes ``name`` for a device, as Windows itself decides: by the part before the
    first dot, trailing spaces ignored, any case (``con``, ``CON .afd``, ``COM¹.xlsx``)."""
    return name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


def safe_file_name(text: str, fallback: str = "naamloos") -> str:
    name = unicodedata.normalize("NFC", text)
    # format characters (bidirectional marks and overrides, zero-width characters) go; they
    # would make a name look like another one
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    name = " ".join(name.split())  # tabs, newlines: one space
    name = _FORBIDDEN.sub("_", name)[:MAX_LENGTH].rstrip(" .")
    if not name:
        return fallback
    if is_reserved(name):
        name = "_" + name
    return name


def safe_file_names(texts: Iterable[str]) -> list[str]:
    """Safe names, unique without regard to case (as on Windows). Texts whose safe names
    collide ("Inkoop: Zuid" and "Inkoop/Zuid") are each told apart by a tag made from the text
    itself ("Inkoop_Zuid 3f2a1b"), so a department keeps its file name whatever the order of
    the rows or the other departments."""
    texts = list(texts)
    bases = [safe_file_name(t) for t in texts]
    groups: dict[str, set[str]] = {}
    for text, base in zip(texts, bases, strict=True):
        groups.setdefault(base.casefold(), set()).add(text)
    names = []
    for text, base in zip(texts, bases, strict=True):
        if len(groups[base.casefold()]) > 1:
            base = f"{base[: MAX_LENGTH - _TAG_LENGTH - 1].rstrip(' .')} {_tag(text)}"
        names.append(base)
    return names


def _tag(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_TAG_LENGTH]
