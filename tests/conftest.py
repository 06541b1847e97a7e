"""Registers built by code, as staff keep them, and the monitors mvi-xl makes of them."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
import xlsxwriter

from . import smbshare

HEADER = ["Nr", "Actie", "Periode", "Status", "Datum gereed"]
#: A register with the columns the views and signals use.
VIEW_HEADER = [
    "Nr",
    "Actie",
    "Periode",
    "Status",
    "Afdeling",
    "Thema",
    "Eigenaar",
    "Einddatum",
    "Datum gereed",
    "Voortgang",
]

#: A small register with the usual mess: every canonical status, a continuous period, text dates.
BASIC_ROWS = [
    [
        "1.1",
        "Duurzame criteria in aanbesteding Papier",
        "Aan de slag in 2017",
        "Voltooid",
        "5-7-2018",
    ],
    [
        "1.2",
        "Social Return bij Groenonderhoud",
        "Aan de slag in 2017",
        "afgerond ",
        dt.date(2018, 9, 1),
    ],
    ["1.3", "Marktconsultatie IT Hardware", "Aan de slag in 2017", "in uitvoering", None],
    ["2.1", "CO2-prestatieladder in bouwprojecten", "Aan de slag in 2018-2020", "gepland", None],
    ["2.2", "Textielinzameling circulair", "Aan de slag in 2018-2020", "Vervallen", None],
    ["3.1", "MVI-ambassadeur per afdeling", "Actie doorlopend", "lopend", None],
    ["3.2", "Kennisdeling met regiogemeenten", "Actie doorlopend", "nog niet gestart", None],
]


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    header: Sequence[str] = HEADER,
    sheet: str = "Acties",
    above: Sequence[Sequence[object]] = (),
    extra_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
    before_sheets: dict[str, Sequence[Sequence[object]]] | None = None,
    merge_title: bool = False,
) -> Path:
    """A register: optional rows above the header (titles, blanks), the header, then rows.

    Dates become real date cells, numbers numbers, None an empty cell, everything else text.
    """
    workbook = xlsxwriter.Workbook(
        str(path),
        {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False},
    )
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    for name, content in (before_sheets or {}).items():
        _fill(workbook.add_worksheet(name), content, date_format)
    worksheet = workbook.add_worksheet(sheet)
    _fill(worksheet, [*above, header, *rows], date_format)
    if merge_title and above:
        worksheet.merge_range(0, 0, 0, len(header) - 1, str(above[0][0]))
    for name, content in (extra_sheets or {}).items():
        _fill(workbook.add_worksheet(name), content, date_format)
    workbook.close()
    return path


def _fill(worksheet, rows, date_format) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                worksheet.write_datetime(r, c, value, date_format)
            elif isinstance(value, dt.date):
                worksheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            elif isinstance(value, bool):
                worksheet.write_boolean(r, c, value)
            elif isinstance(value, (int, float)):
                worksheet.write_number(r, c, value)
            else:
                worksheet.write_string(r, c, str(value))


def write_csv(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    header: Sequence[str] = HEADER,
    delimiter: str = ";",
    encoding: str = "utf-8-sig",
) -> Path:
    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.strftime("%d-%m-%Y")
        value = str(value)
        if delimiter in value or '"' in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [delimiter.join(text(v) for v in row) for row in [header, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def basic_register(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "register.xlsx",
        BASIC_ROWS,
        above=[["Actieplan MVI"], ["Stand per 1 november 2018"], []],
        merge_title=True,
    )


def libreoffice() -> str | None:
    """The soffice executable, or None. Under CI=true its absence fails the test instead."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("LibreOffice is required when CI=true (apt-get install libreoffice-calc-nogui)")
    return found


@pytest.fixture(scope="session")
def soffice() -> str:
    found = libreoffice()
    if found is None:
        pytest.skip("LibreOffice Calc is not installed")
    return found


class Share:
    """The test SMB share: ``server`` is its folder on the server's disk, ``a`` and ``b`` the
    same share through two smbnetfs mounts (two SMB clients: two machines)."""

    def __init__(self, folder: Path, a: smbshare.Mount, b: smbshare.Mount) -> None:
        self.folder = folder
        self.server = folder / "share"
        self.mounts = (a, b)
        self.a, self.b = a.share(), b.share()

    def stop_server(self) -> None:
        smbshare.stop(self.folder)

    def start_server(self) -> None:
        smbshare.start(self.folder)


@pytest.fixture(scope="session")
def smb(tmp_path_factory: pytest.TempPathFactory):
    """Samba on 127.0.0.1 through two smbnetfs mounts. ``.ci/run`` starts the server and says
    where (``MVI_XL_SMB_DIR``); otherwise the session starts one where it can. Skipped where
    Samba or FUSE is missing, except under CI=true, where it must run."""
    given = os.environ.get("MVI_XL_SMB_DIR")
    ci = os.environ.get("CI") == "true"
    started = False
    if given:
        folder = Path(given)
    else:
        why = smbshare.missing()
        if why is not None:
            if ci:
                pytest.fail(f"the SMB share is required when CI=true: {why}")
            pytest.skip(why)
        if ci:
            pytest.fail("CI=true: .ci/run must start Samba and set MVI_XL_SMB_DIR")
        folder = tmp_path_factory.mktemp("samba")
        try:
            smbshare.start(folder)
        except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
            pytest.skip(f"Samba could not be started here: {exc}")
        started = True
    mounts_dir = tmp_path_factory.mktemp("mounts")
    mounts = []
    try:
        for name in ("a", "b"):
            mounts.append(smbshare.Mount(mounts_dir, name).mount())
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        for mount in mounts:
            mount.unmount()
        if started:
            smbshare.stop(folder)
        if ci:
            pytest.fail(f"smbnetfs could not mount the share: {exc}")
        pytest.skip(f"smbnetfs could not mount the share: {exc}")
    try:
        yield Share(folder, *mounts)
    finally:
        for mount in mounts:
            mount.unmount()
        if started:
            smbshare.stop(folder)


@pytest.fixture
def on_share(smb: Share, request: pytest.FixtureRequest):
    """A new, empty folder on the share for one test: (its name, the share)."""
    name = "t-" + re.sub(r"\W+", "-", request.node.name)[:60] + "-" + os.urandom(3).hex()
    (smb.a / name).mkdir()
    yield name, smb
    shutil.rmtree(smb.server / name, ignore_errors=True)
