"""Cell references as Excel writes them, shared by the reader, the computation and the writers."""

from __future__ import annotations


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def quote_sheet(sheet: str) -> str:
    """A sheet name as it appears in a formula: Acties, 'Mijn acties', 'Plan ''25'."""
    if sheet.replace("_", "").isalnum() and sheet.isascii() and not sheet[0].isdigit():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def sheet_ref(sheet: str | None) -> str:
    """The sheet part of a cell reference: Acties!, 'Mijn acties'!, or nothing for a CSV."""
    return f"{quote_sheet(sheet)}!" if sheet else ""


def cell_ref(sheet: str | None, row: int, col: int) -> str:
    """0-based row and column to ``Sheet!G17``."""
    return f"{sheet_ref(sheet)}{column_letter(col)}{row + 1}"


def rows_ref(sheet: str | None, rows: list[int], limit: int = 8) -> str:
    """0-based rows to ``Acties!3:3, 12:14``: runs of rows joined, the first ``limit`` runs
    shown and "…" after them."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    shown = ", ".join(f"{first + 1}:{last + 1}" for first, last in runs[:limit])
    return f"{sheet_ref(sheet)}{shown}" + (", …" if len(runs) > limit else "")
