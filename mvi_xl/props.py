"""Custom document properties of a monitor mvi-xl wrote earlier (docProps/custom.xml).

mvi-xl leaves itself notes there (how many snapshots its history had, its peildatum, a
fingerprint of what went in); reading them back needs no spreadsheet library, only the zip
and a safe XML parser.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

CUSTOM_PART = "docProps/custom.xml"
MAX_PART_BYTES = 1 << 20  # a real custom.xml is a few hundred bytes
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_PROPERTY = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"

HISTORY_COUNT = "mvi-xl historie"
#: The peildatum the monitor was built for (``history publish`` archives a monitor of its day).
AS_OF = "mvi-xl peildatum"
#: the register's full path, which the Toelichting sheet leaves out (it names the file only)
REGISTER = "mvi-xl register"
#: in a register made by ``mvi-xl init --organisation``: the organisation the monitor names
ORGANISATION = "mvi-xl organisatie"


def read_custom_properties(path: Path) -> dict[str, str]:
    """Name -> value as text; empty when the file is missing, not a zip, or has none."""
    if not path.is_file():
        return {}
    from defusedxml import ElementTree  # only a monitor that is there needs parsing

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(CUSTOM_PART)
            if info.file_size > MAX_PART_BYTES:
                return {}
            root = ElementTree.fromstring(archive.read(info))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, ValueError):
        return {}
    properties = {}
    for prop in root.iter(_PROPERTY):
        name = prop.get("name")
        value = next(iter(prop), None)
        if name and value is not None and value.tag.startswith(_VT):
            properties[name] = (value.text or "").strip()
    return properties
