"""Finding a program mvi-xl hands work to (LibreOffice, a Chromium-family browser): on the
PATH first, then where its installers put it."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path


def on_path_or_installed(
    names: Iterable[str], locations: Iterable[Path], environ: Mapping[str, str]
) -> Path | None:
    """The first of ``names`` on the PATH of ``environ``, else the first of ``locations`` that
    is a file, else None."""
    for name in names:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return Path(found)
    return next((candidate for candidate in locations if candidate.is_file()), None)
