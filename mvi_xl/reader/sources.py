"""From a file on disk to sheets of cells, whatever the format.

The register is read into memory once (a consistent snapshot even while someone saves it, and
never more than ``max_file_mb``), its kind decided by content rather than by extension (a zip
by the parts python-calamine would open it by), checked (``package`` for the zip of
xlsx/xlsm/xlsb/ods), and handed to python-calamine (xlsx, xlsm, xlsb, xls, ods) or to the CSV
reader. A sheet is scanned (``ooxml``, ``biff``, ``ods``) before calamine fills it in, so a
sheet beyond the limits never costs more than the scan. Rows come out with absolute positions:
row 0 is the sheet's row 1 and column 0 its column A, so every warning can name the real cell.
Whatever calamine raises is put into our own words (``_guarded``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from ..config import Limits
from ..errors import RegisterError
from ..words.i18n import Phrase
from . import csvfile, ooxml, opc, package
from .cfb import MAGIC as OLE2_MAGIC
from .limits import ExtentGuard, read_limited
from .safexml import printable
from .scan import SheetScan, TableRange

if TYPE_CHECKING:
    from .fills import Fill

Rows = list[list[object]]
T = TypeVar("T")

ZIP_MAGIC = b"PK\x03\x04"
#: An encrypted OOXML file is an OLE2 container holding these streams (names in UTF-16).
ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
#: A web page or an XML file saved with a spreadsheet's name (web applications export "xls"
#: files that are HTML tables; Excel 2003 wrote XML spreadsheets).
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<table", b"<?xml", b"<workbook")


@dataclass
class Sheet:
    """One sheet of cells. The scan runs before the first load and is kept; the cells are
    loaded on first use."""

    name: str
    hidden: bool
    _load: Callable[[int | None], Rows]
    _scan: Callable[[], SheetScan] = SheetScan
    _tables: Callable[[], list[TableRange]] = list  # Excel Tables: xlsx and xlsm only
    #: the fill colours of some cells (xlsx and xlsm only; None where a format has none)
    _fills: Callable[[Collection[tuple[int, int]]], dict[tuple[int, int], Fill]] | None = None
    _rows: Rows | None = None
    _scanned: SheetScan | None = field(default=None, repr=False)

    @property
    def has_fills(self) -> bool:
        return self._fills is not None

    def fills(self, cells: Collection[tuple[int, int]]) -> dict[tuple[int, int], Fill]:
        """The solid fill colour of each of ``cells`` (0-based row, column) that has one."""
        return self._fills(cells) if self._fills is not None and cells else {}

    def tables(self) -> list[TableRange]:
        """The Excel Tables on the sheet (read from the package on each call: rarely twice)."""
        return self._tables()

    def scan(self) -> SheetScan:
        if self._scanned is None:
            self._scanned = self._scan()
        return self._scanned

    def head(self, count: int) -> Rows:
        if self._rows is not None:
            return self._rows[:count]
        self.scan()
        return self._load(count)

    def rows(self) -> Rows:
        if self._rows is None:
            self.scan()
            self._rows = self._load(None)
        return self._rows


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The register's bytes, or a RegisterError that says why there are none."""
    return read_limited(path, limits or Limits())


def sniff_kind(data: bytes, path: Path) -> str:
    """xlsx, xlsm, xlsb, ods, xls or csv, decided from the bytes; the extension only breaks the
    tie between xlsx and xlsm."""
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data, path)
    if data.startswith(OLE2_MAGIC):
        if any(marker in data for marker in ENCRYPTION_MARKERS):
            raise RegisterError("password", path=path)
        return "xls"
    if _looks_like_markup(data):
        raise RegisterError("markup_file", path=path)
    if csvfile.looks_like_text(data):
        return "csv"
    raise RegisterError("not_spreadsheet", path=path)


def _looks_like_markup(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(MARKUP_STARTS)


def _zip_kind(data: bytes, path: Path) -> str:
    """ods, xlsb or xlsx/xlsm, by what python-calamine opens a zip as: a ``mimetype`` naming a
    spreadsheet, an ``xl/workbook.bin``, or a workbook's relationships part (in whatever
    folder). calamine tries them in its own order, so a zip that is more than one would be
    read as another kind than the one scanned: refused. A zip with package relationships but
    none of these is looked at more closely by ``open_sheets`` (a workbook under another name,
    or no spreadsheet at all)."""
    zipped = package.Package(data, path)  # the directory only; sizes are checked on opening
    kinds = []
    mimetype = "mimetype" in zipped.infos  # calamine looks for this very name
    if mimetype and zipped.head("mimetype", len(ODS_MIMETYPE)) == ODS_MIMETYPE:
        kinds.append("ods")
    if zipped.find(XLSB_WORKBOOK) is not None:
        kinds.append("xlsb")
    xlsx = "xlsm" if path.suffix.lower() == ".xlsm" else "xlsx"
    if any(package.fold(name).endswith(WORKBOOK_RELS_ENDS) for name in zipped.infos):
        kinds.append(xlsx)
    if len(kinds) > 1:
        raise RegisterError("mixed_package", path=path, first=kinds[0], second=kinds[1])
    if kinds:
        return kinds[0]
    if not mimetype and zipped.find(opc.PACKAGE_RELS) is not None:
        return xlsx
    raise RegisterError("not_spreadsheet", path=path)


def open_sheets(data: bytes, kind: str, path: Path, limits: Limits | None = None) -> list[Sheet]:
    """The sheets of the register, each scanned against ``limits`` before it is loaded."""
    limits = limits or Limits()
    if kind == "csv":
        rows, scan = csvfile.read_rows(data, path, limits)
        return [
            Sheet(
                name=path.stem,
                hidden=False,
                _load=lambda n: rows[:n] if n else rows,
                _scan=lambda: scan,
            )
        ]
    # the scanners of the rarer formats are imported when such a register comes along
    if kind == "xls":
        from . import biff

        scans = biff.scan_xls(data, path, limits)  # calamine reads every sheet on opening
        return _calamine_sheets(data, path, limits, _known(scans))
    zipped = package.Package(data, path, limits)
    if kind == "ods":
        from . import ods

        ods.refuse_encrypted(zipped, path)
        ods.refuse_monitor(zipped, path)
        scans = ods.scan_content(zipped, path, limits)  # calamine reads every sheet on opening
        zipped.verify(later={ods.CONTENT})
        return _calamine_sheets(data, path, limits, _known(scans))
    relationships = opc.package_relationships(zipped, path)
    opc.refuse_monitor(zipped, path, relationships)
    scanner: Scanner
    if kind == "xlsb":
        from . import biff

        parts = biff.xlsb_sheet_parts(zipped, path)
        biff.scan_xlsb_shared_strings(zipped, path, limits)
        scanner = biff.scan_xlsb_sheet
    else:
        parts = opc.sheet_parts(zipped, path, relationships)
        opc.scan_shared_strings(zipped, path, relationships, limits)
        scanner = ooxml.scan_sheet
    zipped.verify(later=set(parts.values()))  # a sheet part is verified when it is scanned
    extras = None
    if kind != "xlsb":  # an xlsb keeps its tables and styles in records of its own
        folder = opc.workbook_folder(zipped, path, relationships)
        workbook = zipped.find(folder + opc.WORKBOOK_NAME) or folder + opc.WORKBOOK_NAME
        extras = _Extras(_tables_of(zipped, parts, path), _fills_of(zipped, workbook, parts, path))
    return _calamine_sheets(data, path, limits, _lazy(zipped, parts, scanner), extras)


XLSB_WORKBOOK = "xl/workbook.bin"  # also in biff; kept here so xlsx needs no biff import
#: A workbook.xml's relationships, in its folder or at the top of the zip (names folded).
WORKBOOK_RELS_ENDS = ("/_rels/workbook.xml.rels", "_rels/workbook.xml.rels")
#: What python-calamine compares the start of an ods's ``mimetype`` with.
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ScanFor = Callable[[str, ExtentGuard], Callable[[], SheetScan]]
Scanner = Callable[[package.Package, str, ExtentGuard, Path], SheetScan]


def _known(scans: dict[str, SheetScan]) -> ScanFor:
    """Every sheet was scanned before opening; a sheet the scan did not name holds nothing
    it could have noted."""
    return lambda name, _guard: lambda: scans.get(name) or SheetScan()


def _lazy(zipped: package.Package, parts: dict[str, str], scanner: Scanner) -> ScanFor:
    """Scan a sheet's part when the sheet is first loaded (calamine reads sheets on demand)."""

    def scan_for(name: str, guard: ExtentGuard) -> Callable[[], SheetScan]:
        def scan() -> SheetScan:
            part = parts.get(name)
            if part is None:
                reason = Phrase("reason_sheet_without_part", sheet=printable(name))
                raise RegisterError("unreadable", path=guard.path, reason=reason)
            return scanner(zipped, part, guard, guard.path)

        return scan

    return scan_for


def _tables_of(
    zipped: package.Package, parts: dict[str, str], path: Path
) -> Callable[[str], Callable[[], list[TableRange]]]:
    """Per sheet name, how to read its Excel Tables (see ``tables``)."""
    from .tables import sheet_tables

    def tables_for(name: str) -> Callable[[], list[TableRange]]:
        part = parts.get(name)
        return (lambda: sheet_tables(zipped, part, path)) if part else list

    return tables_for


#: per sheet name, how to read the fills of some of its cells (None: the sheet has none)
FillsFor: TypeAlias = (
    "Callable[[str], Callable[[Collection[tuple[int, int]]], dict[tuple[int, int], Fill]] | None]"
)


def _fills_of(
    zipped: package.Package, workbook: str, parts: dict[str, str], path: Path
) -> FillsFor:
    """Per sheet name, how to read the fill colours of some of its cells (see ``fills``)."""
    from .fills import cell_fills

    def fills_for(
        name: str,
    ) -> Callable[[Collection[tuple[int, int]]], dict[tuple[int, int], Fill]] | None:
        part = parts.get(name)
        if part is None:
            return None
        return lambda cells: cell_fills(zipped, workbook, part, cells, path)

    return fills_for


@dataclass(frozen=True)
class _Extras:
    """What an xlsx or xlsm adds per sheet: its Excel Tables and the fills of its cells."""

    tables_for: Callable[[str], Callable[[], list[TableRange]]]
    fills_for: FillsFor


def _calamine_sheets(
    data: bytes, path: Path, limits: Limits, scan_for: ScanFor, extras: _Extras | None = None
) -> list[Sheet]:
    import python_calamine as calamine

    workbook = _guarded(
        lambda: calamine.CalamineWorkbook.from_filelike(io.BytesIO(data)), path, opening=True
    )
    metadata = _guarded(
        lambda: [
            (meta.name, meta.visible != calamine.SheetVisibleEnum.Visible)
            for meta in workbook.sheets_metadata
            if meta.typ == calamine.SheetTypeEnum.WorkSheet  # not chart or macro sheets
        ],
        path,
    )
    sheets = []
    for name, hidden in metadata:
        scan = scan_for(name, ExtentGuard(limits, path, name))
        loader = _calamine_loader(workbook, name, path, limits)
        tables = extras.tables_for(name) if extras is not None else list
        fills = extras.fills_for(name) if extras is not None else None
        sheets.append(Sheet(name, hidden, loader, scan, tables, fills))
    return sheets


def _calamine_loader(
    workbook: Any, name: str, path: Path, limits: Limits
) -> Callable[[int | None], Rows]:
    """calamine reads the sheet on the first load (the header search), and every load turns
    as many rows as asked into Python lists; the Sheet keeps the full rows.

    After calamine has read the sheet, its own idea of the used area is held against the
    limits once more before any Python object is made of it: should a scan and calamine ever
    disagree, the costly part (a Python list per row) still stays bounded.
    """
    loaded: list[Any] = []

    def load(count: int | None) -> Rows:
        if not loaded:
            sheet = _guarded(lambda: workbook.get_sheet_by_name(name), path, name)
            end = _guarded(lambda: sheet.end, path, name)
            if end is not None:
                ExtentGuard(limits, path, name).cell(*end)
            loaded.append(sheet)
        sheet = loaded[0]
        rows: Rows = _guarded(
            lambda: sheet.to_python(skip_empty_area=False, nrows=count), path, name
        )
        if count is None:
            loaded.clear()  # every row is a Python list now: calamine's copy can go
        return rows

    return load


def _guarded(
    call: Callable[[], T], path: Path, sheet: str | None = None, *, opening: bool = False
) -> T:
    """Run a python-calamine call; whatever it raises becomes a RegisterError in our words.

    python-calamine reports Rust panics as BaseException subclasses, so those are caught too;
    Ctrl-C and sys.exit still pass through. A panic's text, which Rust prints on the process's
    stderr before Python sees the exception, is kept off the user's screen: the RegisterError
    is the one line they get. calamine's own English ("Cannot detect file format" whenever a
    file fails to open) is kept as ``detail`` for MVI_XL_DEBUG, never shown in the message.
    """
    import python_calamine as calamine

    try:
        with _native_stderr_silenced():
            return call()
    except RegisterError:
        raise
    except calamine.PasswordError:
        raise RegisterError("password", path=path) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - see docstring
        text = str(exc).strip()
        detail = printable(text.splitlines()[0], 200) if text else type(exc).__name__
        reason = Phrase(_reader_reason(exc, calamine, opening))
        raise RegisterError(
            "unreadable", path=path, where=sheet, reason=reason, detail=detail
        ) from None


def _reader_reason(exc: BaseException, calamine: Any, opening: bool) -> str:
    """The message code for what calamine raised: its exception classes, a crash (a Rust
    panic is no Exception), or on opening a file it does not recognise."""
    kinds = (
        (calamine.XmlError, "reason_reader_xml"),
        (calamine.ZipError, "reason_reader_zip"),
        (calamine.WorksheetNotFound, "reason_reader_sheet"),
        (OSError, "reason_reader_io"),
    )
    for kind, code in kinds:
        if isinstance(exc, kind):
            return code
    if not isinstance(exc, Exception):
        return "reason_reader_crash"
    if opening and isinstance(exc, calamine.CalamineError):
        return "reason_reader_format"
    return "reason_reader_other"


@contextlib.contextmanager
def _native_stderr_silenced() -> Iterator[None]:
    """Point file descriptor 2 at the null device for the length of one native call (where
    there is no descriptor 2, as under pythonw, nothing needs silencing). Anything Python had
    buffered for stderr is written first, so no message of ours is lost."""
    if sys.stderr is not None:
        sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with Path(os.devnull).open("wb") as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
    finally:
        os.close(saved)
