"""The register's side sheets: Aandachtspunten (one focus point per row) and Communicatie
(moments with a date and a status)."""

from __future__ import annotations

from collections.abc import Sequence

from ..cells import cell_ref
from ..model import Communication, Finding
from ..words import synonyms
from ..words.terms import header_key
from .header import HEADER_SCAN_ROWS
from .values import BadDate, Synonyms, cell_text, is_before_excel, is_blank, parse_date


def read_focus_points(rows: Sequence[Sequence[object]]) -> list[str]:
    """One focus point per row: the first filled cell; a title row naming the sheet is skipped."""
    titles = {header_key(n) for n in synonyms.FOCUS_SHEET_NAMES}
    points = []
    for row in rows:
        text = next((cell_text(v) for v in row if not is_blank(v)), "")
        if text and header_key(text) not in titles:
            points.append(text.lstrip("-•* ").strip() or text)
    return points


def read_communications(
    rows: Sequence[Sequence[object]], sheet: str
) -> tuple[list[Communication], list[Finding]]:
    """Moments with a date and a status (gerealiseerd or gepland). Without a recognised header
    the columns are taken as moment, date, status."""
    matcher = {
        header_key(n): name for name, names in synonyms.COMMUNICATION_HEADERS.items() for n in names
    }
    columns = {"moment": 0, "date": 1, "status": 2}
    start = 0
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = {
            matcher[header_key(c)]: col
            for col, c in enumerate(row)
            if isinstance(c, str) and header_key(c) in matcher
        }
        if "moment" in found:
            columns, start = found, index + 1
            break
    statuses = Synonyms(synonyms.COMMUNICATION_STATUS_SYNONYMS)
    moments, findings = [], []
    for index in range(start, len(rows)):
        row = rows[index]

        def cell(name: str, row: Sequence[object] = row) -> object:
            col = columns.get(name)
            return row[col] if col is not None and col < len(row) else None

        text = cell_text(cell("moment"))
        if not text:
            continue
        try:
            date = parse_date(cell("date"))
        except BadDate:
            findings.append(
                Finding(
                    "bad_date",
                    cell_ref(sheet, index, columns["date"]),
                    {"value": _shorten(cell_text(cell("date")))},
                )
            )
            date = None
        if date is not None and is_before_excel(date):
            where = cell_ref(sheet, index, columns["date"])
            findings.append(Finding("date_before_1900", where, {"date": f"{date:%d-%m-%Y}"}))
            date = None
        status_text = cell_text(cell("status"))
        status = statuses.match(status_text) if status_text else ""
        if status is None:
            findings.append(
                Finding(
                    "communication_status",
                    cell_ref(sheet, index, columns["status"]),
                    {"value": _shorten(status_text)},
                )
            )
            status = ""
        moments.append(Communication(text, date, status, cell_ref(sheet, index, 0)))
    return moments, findings


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
