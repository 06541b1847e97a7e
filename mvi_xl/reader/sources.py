"""From a file on disk to sheets of cells, whatever the format.

The register is read into memory once (a consistent snapshot even while someone saves it),
its kind decided by content rather than by extension, and handed to python-calamine (xlsx,
xlsm, xlsb, xls, ods) or to the CSV reader. Rows come out with absolute positions: row 0 is
the sheet's row 1 and column 0 its column A, so every warning can name the real cell.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import RegisterError
from . import csvfile

Rows = list[list[object]]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
#: An encrypted OOXML file is an OLE2 container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))


@dataclass
class Sheet:
    """One sheet of cells, loaded on first use."""

    name: str
    hidden: bool
    _load: Callable[[int | None], Rows]
    _rows: Rows | None = None

    def head(self, count: int) -> Rows:
        if self._rows is not None:
            return self._rows[:count]
        return self._load(count)

    def rows(self) -> Rows:
        if self._rows is None:
            self._rows = self._load(None)
        return self._rows


def read_bytes(path: Path) -> bytes:
    """The register's bytes, or a RegisterError that says why there are none."""
    try:
        if path.is_dir():
            raise RegisterError("is_folder", path=path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise RegisterError("not_found", path=path) from None
    except PermissionError:
        raise RegisterError("no_permission", path=path) from None
    except IsADirectoryError:
        raise RegisterError("is_folder", path=path) from None
    except OSError as exc:
        raise RegisterError("unreadable", path=path, reason=exc.strerror or str(exc)) from None
    if not data:
        raise RegisterError("empty_file", path=path)
    return data


def sniff_kind(data: bytes, path: Path) -> str:
    """xlsx, xlsm, xlsb, ods, xls or csv, decided from the bytes; the extension only breaks the
    tie between xlsx and xlsm."""
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data, path)
    if data.startswith(OLE2_MAGIC):
        if any(marker in data for marker in ENCRYPTION_MARKERS):
            raise RegisterError("password", path=path)
        return "xls"
    if csvfile.looks_like_text(data):
        return "csv"
    raise RegisterError("not_spreadsheet", path=path)


def _zip_kind(data: bytes, path: Path) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
                raise RegisterError("not_spreadsheet", path=path)
    except zipfile.BadZipFile:
        raise RegisterError("damaged", path=path) from None
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "xl/workbook.xml" in names:
        return "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
    raise RegisterError("not_spreadsheet", path=path)


def open_sheets(data: bytes, kind: str, path: Path) -> list[Sheet]:
    if kind == "csv":
        rows = csvfile.read_rows(data, path)
        return [Sheet(name=path.stem, hidden=False, _load=lambda n: rows[:n] if n else rows)]
    return _calamine_sheets(data, path)


def _calamine_sheets(data: bytes, path: Path) -> list[Sheet]:
    import python_calamine as calamine

    workbook = _guarded(lambda: calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)), path)
    sheets = []
    for meta in workbook.sheets_metadata:
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue  # chart sheets, macro sheets: nothing to read
        sheets.append(_calamine_sheet(workbook, meta, path))
    return sheets


def _calamine_sheet(workbook, meta, path: Path) -> Sheet:
    import python_calamine as calamine

    name = meta.name

    def load(count: int | None) -> Rows:
        sheet = _guarded(lambda: workbook.get_sheet_by_name(name), path, name)
        return _guarded(lambda: sheet.to_python(skip_empty_area=False, nrows=count), path, name)

    hidden = meta.visible != calamine.SheetVisibleEnum.Visible
    return Sheet(name=name, hidden=hidden, _load=load)


def _guarded(call, path: Path, sheet: str | None = None):
    """Run a python-calamine call; whatever it raises becomes a RegisterError.

    python-calamine reports Rust panics as BaseException subclasses, so those are caught too;
    Ctrl-C and sys.exit still pass through.
    """
    import python_calamine as calamine

    try:
        return call()
    except calamine.PasswordError:
        raise RegisterError("password", path=path) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - see docstring
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RegisterError("unreadable", path=path, where=sheet, reason=reason) from None
