"""Read an action register, as staff keep it, into a Register.

``read_register`` is the one entry point: bytes from disk (read once), the kind of file decided
by content, the sheet whose header is recognised, every non-empty row one Action, and the
optional Aandachtspunten and Communicatie sheets. The register is only ever read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from .. import vocabulary
from ..cells import sheet_ref
from ..config import Config
from ..errors import RegisterError
from ..model import Finding, Register
from ..vocabulary import REQUIRED_FIELDS, header_key
from . import layout
from .sources import Sheet, open_sheets, read_bytes, sniff_kind
from .table import (
    HEADER_READ_ROWS,
    HEADER_SCAN_ROWS,
    Header,
    RowParser,
    find_header,
    read_communications,
    read_focus_points,
)
from .values import HeaderMatcher, Synonyms

__all__ = ["parse_register", "read_register"]


def read_register(
    path: Path, *, sheet: str | None = None, config: Config | None = None
) -> Register:
    """Read the register at ``path``; raises RegisterError with file, sheet and cell on failure."""
    data = read_bytes(path, (config or Config()).limits)
    try:
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    except OSError:
        modified = None
    return parse_register(data, path, sheet=sheet, config=config, modified=modified)


def parse_register(
    data: bytes,
    path: Path,
    *,
    sheet: str | None = None,
    config: Config | None = None,
    modified: dt.datetime | None = None,
) -> Register:
    """Parse register bytes; ``path`` names the file in messages and decides xlsx versus xlsm."""
    config = config or Config()
    kind = sniff_kind(data, path)
    sheets = open_sheets(data, kind, path, config.limits)
    matcher = HeaderMatcher(config.columns)
    chosen, header = _choose_sheet(sheets, sheet, matcher, path, kind)
    refs_sheet = None if kind == "csv" else chosen.name  # a CSV has cells but no sheets

    rows = chosen.rows()
    findings: list[Finding] = list(header.findings)
    findings.extend(_prepare(rows, chosen, header, refs_sheet, path))
    statuses = Synonyms(vocabulary.STATUS_SYNONYMS, config.statuses)
    parser = RowParser(header, refs_sheet, statuses)
    parsed = parser.parse(rows)

    if chosen.hidden:
        findings.append(Finding("hidden_sheet", sheet_ref(chosen.name).rstrip("!")))
    findings.extend(parsed.findings)
    findings.extend(layout.hidden_rows(parsed.actions, chosen.scan(), refs_sheet))
    if not parsed.actions:
        line = header.row + 1
        findings.append(Finding("no_actions", f"{sheet_ref(refs_sheet)}{line}:{line}"))

    focus_points: list[str] = []
    communications = []
    for other in sheets:
        if other is chosen:
            continue
        key = header_key(other.name)
        if key in {header_key(n) for n in vocabulary.FOCUS_SHEET_NAMES}:
            focus_points = read_focus_points(other.rows())
        elif key in {header_key(n) for n in vocabulary.COMMUNICATION_SHEET_NAMES}:
            communications, more = read_communications(other.rows(), other.name)
            findings.extend(more)

    return Register(
        path=path,
        kind=kind,
        sheet=chosen.name,
        header_row=header.row + 1,
        headers=header.headers,
        columns=header.columns,
        actions=tuple(parsed.actions),
        periods=tuple(parsed.periods),
        focus_points=tuple(focus_points),
        communications=tuple(communications),
        findings=tuple(findings),
        modified=modified,
        digest=hashlib.sha256(data).hexdigest(),
    )


def _prepare(
    rows: list[list[object]], sheet: Sheet, header: Header, refs: str | None, path: Path
) -> list[Finding]:
    """Before the rows are trusted: formulas never calculated (refused in a column that is
    read), a header spread over merged cells, values merged down a column, texts too long for
    a cell, CSV rows with extra fields. See ``layout``."""
    scan = sheet.scan()
    columns = list(header.columns.values())
    findings = layout.check_formulas(scan, columns, header.row, refs, path)
    if header.bottom > header.row:
        findings.insert(0, layout.band_finding(refs, header.row, header.bottom))
    findings += layout.fill_merged(rows, scan.merges, columns, header.data_start, refs)
    findings += layout.shorten_long_texts(rows, columns, header.data_start, refs)
    if scan.delimiter:
        findings += layout.ragged_rows(rows, header.row, header.data_start, scan.delimiter)
    return findings


def _choose_sheet(
    sheets: list[Sheet], wanted: str | None, matcher: HeaderMatcher, path: Path, kind: str
) -> tuple[Sheet, Header]:
    """The sheet named by --sheet, else the first (visible before hidden) with a header."""
    if wanted is not None:
        candidates = [s for s in sheets if s.name == wanted] or [
            s for s in sheets if s.name.casefold().strip() == wanted.casefold().strip()
        ]
        if not candidates:
            raise RegisterError(
                "no_sheet",
                path=path,
                sheet=wanted,
                available=", ".join(s.name for s in sheets) or "-",
            )
    else:
        optional = {
            header_key(n)
            for n in (*vocabulary.FOCUS_SHEET_NAMES, *vocabulary.COMMUNICATION_SHEET_NAMES)
        }
        candidates = [s for s in sheets if header_key(s.name) not in optional]
        candidates.sort(key=lambda s: s.hidden)  # stable: workbook order within each group

    best: tuple[Sheet, Header] | None = None
    for candidate in candidates:
        refs = None if kind == "csv" else candidate.name
        head = candidate.head(HEADER_READ_ROWS)
        header, near_miss = find_header(head, refs, matcher, candidate.scan().merges)
        if header is not None:
            return candidate, header
        if near_miss is not None and (best is None or near_miss.score > best[1].score):
            best = (candidate, near_miss)

    required = ", ".join(vocabulary.HEADER_SYNONYMS[f][0] for f in REQUIRED_FIELDS)
    if best is None:
        where = candidates[0].name if (candidates and kind != "csv") else None
        raise RegisterError(
            "no_header", path=path, where=where, required=required, rows=HEADER_SCAN_ROWS
        )
    sheet, near_miss = best
    missing = near_miss.missing[0]
    raise RegisterError(
        "missing_column",
        path=path,
        where=None if kind == "csv" else sheet.name,
        field=vocabulary.HEADER_SYNONYMS[missing][0],
        example=vocabulary.HEADER_SYNONYMS[missing][0],
        row=near_miss.row + 1,
        found=", ".join(near_miss.headers.values()),
    )
