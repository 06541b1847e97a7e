"""File names made from user text (a department, say) that every file system accepts:
Windows forbids <>:"/\\|?*, control characters, names like CON or NUL and a trailing dot or
space; names stay readable and unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_RESERVED = frozenset(
    {
        "CON",
        "PRN",
        "AUX",
        "NUL",
        *(f"COM{i}" for i in range(1, 10)),
        *(f"LPT{i}" for i in range(1, 10)),
    }
)
MAX_LENGTH = 80


def safe_file_name(text: str, fallback: str = "naamloos") -> str:
    name = " ".join(unicodedata.normalize("NFC", text).split())  # tabs, newlines: one space
    name = _FORBIDDEN.sub("_", name)[:MAX_LENGTH].rstrip(" .")
    if not name:
        return fallback
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    return name


def safe_file_names(texts: Iterable[str]) -> list[str]:
    """Safe names, unique without regard to case (as on Windows): "Inkoop", "Inkoop (2)"."""
    names, seen = [], set()
    for text in texts:
        base = safe_file_name(text)
        name, counter = base, 2
        while name.casefold() in seen:
            name = f"{base} ({counter})"
            counter += 1
        seen.add(name.casefold())
        names.append(name)
    return names
