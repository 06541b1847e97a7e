"""LibreOffice Calc as a second, independent engine: recalculate workbooks and read PDF pages.

Recalculation: LibreOffice normally keeps the cached values of an .xlsx file it opens. A
throw-away profile whose registrymodifications.xcu sets "Recalculation on file load" to
"always" (OOXMLRecalcMode = 0) makes it recompute every formula on load; converting to .xlsx
then writes LibreOffice's own results as the cached values, which openpyxl reads back. Many
files share one LibreOffice start (``--convert-to`` takes them all), and every start gets a new
profile so it never collides with another soffice running on the machine.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path

#: Seconds one LibreOffice start may take for a batch of files.
TIMEOUT = 300

RECALC_ALWAYS = """\
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

ERROR_VALUES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


def recalculating_profile(folder: Path) -> Path:
    """A new LibreOffice profile that recalculates every formula when it loads a file."""
    user = folder / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    return folder


def convert(
    soffice: str, files: Sequence[Path], out: Path, fmt: str, profile: Path
) -> dict[Path, Path]:
    """Open every file in one LibreOffice start and save it as ``fmt`` into ``out``."""
    stems = [f.stem for f in files]
    assert len(set(stems)) == len(stems), "LibreOffice names its output after the input"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        fmt,
        "--outdir",
        str(out),
        *map(str, files),
    ]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=os.name == "posix",
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.communicate()
        raise AssertionError(f"LibreOffice took longer than {TIMEOUT} s") from None
    text = output.decode(errors="replace")
    assert process.returncode == 0, text
    extension = fmt.split(":")[0]
    converted = {f: out / f"{f.stem}.{extension}" for f in files}
    missing = [str(f) for f, c in converted.items() if not c.is_file()]
    assert not missing, f"LibreOffice converted none of {missing}:\n{text}"
    return converted


# --- PDF ---------------------------------------------------------------------------------------


def pdf_page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Width and height in points of each page, read from the PDF's page tree (enough for
    LibreOffice's uncompressed object layout; no PDF library needed)."""
    roots = re.findall(rb"/Root\s+(\d+)\s+0\s+R", data)
    assert roots, "no /Root in the PDF trailer"
    catalog = _object(data, int(roots[-1]))
    pages = re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog)
    assert pages, "no /Pages in the PDF catalog"
    sizes: list[tuple[float, float]] = []
    _walk(data, int(pages[1]), None, sizes, depth=0)
    return sizes


def _walk(data: bytes, number: int, box: tuple[float, ...] | None, sizes: list, depth: int) -> None:
    assert depth < 32, "PDF page tree too deep"
    node = _object(data, number)
    found = re.search(rb"/MediaBox\s*\[([^\]]*)\]", node)
    if found:
        box = tuple(float(v) for v in found[1].split())
    if re.search(rb"/Type\s*/Pages\b", node):
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node)
        assert kids, f"PDF page tree node {number} without /Kids"
        for kid in re.findall(rb"(\d+)\s+0\s+R", kids[1]):
            _walk(data, int(kid), box, sizes, depth + 1)
        return
    assert box is not None and len(box) == 4, f"PDF page {number} without a MediaBox"
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    rotate = re.search(rb"/Rotate\s+(-?\d+)", node)
    if rotate and int(rotate[1]) % 180:
        width, height = height, width
    sizes.append((width, height))


def _object(data: bytes, number: int) -> bytes:
    found = re.search(rb"(?:^|[\r\n])%d\s+0\s+obj\b(.*?)endobj" % number, data, re.S)
    assert found, f"PDF object {number} not found"
    return found[1]


def cached_values(path: Path) -> dict[tuple[str, str], object]:
    """The value every non-empty cell shows, as saved (read-only mode skips the drawings, which
    openpyxl can't read in LibreOffice's files)."""
    return _cells(path, data_only=True)


def formulas(path: Path) -> dict[tuple[str, str], object]:
    """Every formula cell's formula, by (sheet, cell)."""
    return _cells(path, data_only=False)


def _cells(path: Path, *, data_only: bool) -> dict[tuple[str, str], object]:
    import openpyxl

    def kept(cell: object) -> bool:  # a valued cell, or a formula cell
        if data_only:
            return getattr(cell, "value", None) is not None
        return getattr(cell, "data_type", None) == "f"

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    try:
        return {
            (sheet.title, cell.coordinate): cell.value
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if kept(cell)
        }
    finally:
        workbook.close()
