"""Which rows under the header are actions, and which are the other things staff write there.

A register is rarely a clean list. Between and under the actions coordinators put:

- **section headings**: a row with text in one cell only, often merged across the table
  ("Wat doen we al goed?", "Thema Klimaat"). Not an action; the actions below it carry its
  text as their section, so nothing written is lost;
- **total rows**: "Totaal", "Subtotaal", "waarvan afgerond" with numbers beside it, a row of
  numbers without an action text, or a row whose formulas count or sum (SUBTOTAL, COUNTA,
  COUNTIF, SUM, ...);
- **rows with only a number**: numbered rows waiting for an action;
- **a notes block** after the last action ("Toelichting:", "Legenda: ...", "Bron: ..."),
  separated from it by blank rows, or opened by a marker word or a heading.

Each kind is left out and named in one warning per sheet (the notes block: per block), with
its rows. Every other non-empty row is one action, also when its period or status is missing:
it counts in a visible bucket, as before.

The rules, decided once (README "The register"):

- a row whose period and status cells are both filled, with a text status, is an action
  unless its formulas count (a total row); nearly every row is decided by this alone;
- a row with text in one cell only is a heading, unless it is a status word in the status
  column, or the sheet has no action but such rows (a list of action texts, nothing else yet:
  then they are actions);
- after the last row that has an action text and a period or a status, the rows from the
  first filled one on are a notes block when a blank row lies between, or the first of them
  starts with a notes word or is a heading; a row there that has neither period nor status is
  a note, not an action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from ..cells import cell_ref, rows_ref
from ..model import Finding
from ..words import synonyms
from ..words.terms import header_key, status_key
from .values import cell_text, is_blank

ACTION = "action"
HEADING = "heading"
TOTAL = "total"
NOTE = "note"
NUMBER_ONLY = "number_only"
BLANK = "blank"
STRAY = "stray"  # text only outside the recognised columns (existing ``stray_row`` warning)
REPEATED_HEADER = "repeated_header"

_LETTER = re.compile(r"[^\W\d_]")
#: Words that open a total row ("Totaal", "Subtotaal Klimaat", "waarvan afgerond: 12").
_TOTAL_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in synonyms.TOTAL_WORDS) + r")(?![^\W\d_])",
)
_COUNT_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in synonyms.COUNT_WORDS) + r")(?![^\W\d_])",
)
_ENDS_IN_NUMBER = re.compile(r"[\s:=]\d[\d.,]*%?$")
#: Words that open a notes block under the register ("Toelichting:", "Legenda", "Bron: ...").
_NOTES_LABEL = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in synonyms.NOTES_WORDS) + r")(?![^\W\d_])",
)


def is_total_label(text: str) -> bool:
    """ "Totaal", "Subtotaal Klimaat", "waarvan afgerond": a label that always opens a total."""
    return bool(text) and _TOTAL_LABEL.match(status_key(text)) is not None


def _total_label(text: str, numbers: bool) -> bool:
    """A total label; the weaker words ("Aantal", "Som") only beside a number or ending in one
    ("Aantal acties: 12"), as "Aantal leveranciers verhogen" opens an action's text."""
    if not text:
        return False
    key = status_key(text)
    if _TOTAL_LABEL.match(key) is not None:
        return True
    return _COUNT_LABEL.match(key) is not None and (
        numbers or _ENDS_IN_NUMBER.search(key) is not None
    )


def is_notes_label(text: str) -> bool:
    """ "Toelichting:", "Legenda", "Bron: ...", "* zie ...": the opening of a notes block."""
    if text.lstrip().startswith(("*", "¹", "(*)")):
        return True
    return bool(text) and _NOTES_LABEL.match(status_key(text)) is not None


#: an action row: its row index, its values in the order of ``Header.columns``, its section
ActionRow = tuple[int, tuple[object, ...], str]


@dataclass
class RowPlan:
    """What the rows under a header are: the action rows (row index, their values in the
    order of ``Header.columns``, their section) and what was left out, with its warnings."""

    actions: list[ActionRow] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    findings: list[tuple[int, Finding]] = field(default_factory=list)  # (row, finding)


@dataclass
class Region:
    """Where a sheet's actions are: rows ``start`` up to ``end`` (exclusive), columns
    ``first_col`` .. ``last_col`` (an Excel Table's columns, or the whole row: -1), and whether
    a notes block may follow the actions (not inside a Table, which ends where it says)."""

    start: int
    end: int
    first_col: int = 0
    last_col: int = -1
    notes_block: bool = True

    def holds(self, col: int) -> bool:
        return self.last_col < 0 or self.first_col <= col <= self.last_col


@dataclass(frozen=True, kw_only=True)
class SortedColumns:
    """The header as the row sorter sees it: ``columns`` are the recognised columns in the
    order of ``Header.columns`` (``fields`` names them); ``span`` the columns the header covers
    (a heading lies within them); ``keys`` (field -> the header key of its header cell) lets a
    repeated header row be asked for only when the status cell repeats its header."""

    fields: tuple[str, ...]
    columns: tuple[int, ...]
    span: tuple[int, int]
    keys: dict[str, str] = field(default_factory=dict)


class RowSorter:
    """Sorts the rows of one region into actions and the rest (see the module doc).

    ``count_rows`` are the rows whose formulas count; ``repeats_header`` tells a repeated
    header row, ``is_status`` a status word.
    """

    def __init__(
        self,
        header: SortedColumns,
        sheet: str | None,
        count_rows: set[int],
        repeats_header: Callable[[tuple[object, ...]], bool],
        is_status: Callable[[str], bool],
    ) -> None:
        self.fields = header.fields
        self.columns = header.columns
        self.at = {name: position for position, name in enumerate(self.fields)}
        self.column_of = dict(zip(self.fields, self.columns, strict=True))
        self.plain = {self.column_of[name] for name in ("id", "period") if name in self.column_of}
        self.span = header.span
        self.sheet = sheet
        self.count_rows = count_rows
        self.repeats_header = repeats_header
        self.is_status = is_status
        #: field -> the header key of its header cell: a row repeating it is no action
        self.header_keys = header.keys

    def sort(self, rows: Sequence[Sequence[object]], region: Region) -> RowPlan:
        kinds = self._kinds(rows, region)
        if region.notes_block:
            self._mark_notes(rows, kinds)
        if not any(kind == ACTION for _, kind, _ in kinds):
            # a list of action texts and nothing else yet: those are actions, not headings
            kinds = [(i, ACTION if k == HEADING else k, v) for i, k, v in kinds]
        return self._plan(rows, kinds)

    # --- one row at a time ------------------------------------------------------------------

    def _kinds(
        self, rows: Sequence[Sequence[object]], region: Region
    ) -> list[tuple[int, str, tuple[object, ...]]]:
        columns = self.columns
        widest = max(columns)
        pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
        period_at = self.at.get("period")
        status_at = self.at["status"]
        count_rows = self.count_rows
        repeats = self.repeats_header
        # per distinct text of a status or period cell: 0 blank, 1 filled, 2 the header's own
        status_of: dict[str, int] = {}
        period_of: dict[str, bool] = {}
        header_status = self.header_keys.get("status", "")
        kinds: list[tuple[int, str, tuple[object, ...]]] = []
        for index in range(region.start, min(region.end, len(rows))):
            row = rows[index]
            if len(row) > widest:
                values = pick(row)
            else:
                values = tuple(row[col] if col < len(row) else None for col in columns)
            status = values[status_at]
            # the usual row: period and status filled, the status a text, no counting formula
            if type(status) is str:
                state = status_of.get(status)
                if state is None:
                    state = status_of[status] = (
                        0 if not status.strip() else 2 if header_key(status) == header_status else 1
                    )
                if state:
                    period = values[period_at] if period_at is not None else None
                    if type(period) is str:
                        filled = period_of.get(period)
                        if filled is None:
                            filled = period_of[period] = bool(period.strip())
                    else:
                        filled = period is not None
                    if filled and index not in count_rows:
                        kind = REPEATED_HEADER if state == 2 and repeats(values) else ACTION
                        kinds.append((index, kind, values))
                        continue
            kinds.append((index, self._kind(row, values, index, region), values))
        return kinds

    def _kind(
        self, row: Sequence[object], values: tuple[object, ...], index: int, region: Region
    ) -> str:
        last = len(row) - 1 if region.last_col < 0 else min(region.last_col, len(row) - 1)
        filled = [
            (col, row[col]) for col in range(region.first_col, last + 1) if not is_blank(row[col])
        ]
        if not filled:
            return BLANK
        if all(is_blank(value) for value in values):
            return HEADING if self._heading_cell(filled) else STRAY
        if self.repeats_header(values):
            return REPEATED_HEADER
        if _is_total(filled, index in self.count_rows, values[self.at["action"]], self.plain):
            return TOTAL
        if len(filled) == 1:
            col, value = filled[0]
            if col == self.column_of.get("id") and _looks_like_number(value):
                return NUMBER_ONLY
            if self._heading_cell(filled):
                return HEADING
        return ACTION

    def _heading_cell(self, filled: list[tuple[int, object]]) -> bool:
        """One filled cell, a text with a letter, within the header's columns, and not a
        status word in the status column."""
        if len(filled) != 1:
            return False
        col, value = filled[0]
        if not isinstance(value, str) or not _LETTER.search(value):
            return False
        if not self.span[0] <= col <= self.span[1]:
            return False
        if _total_label(value, numbers=True):
            return False
        return not (col == self.column_of["status"] and self.is_status(value))

    # --- the notes block -----------------------------------------------------------------

    def _mark_notes(
        self, rows: Sequence[Sequence[object]], kinds: list[tuple[int, str, tuple[object, ...]]]
    ) -> None:
        """Rows after the last anchored action (an action text with a period or a status)
        form a notes block when set apart (see the module doc)."""
        anchored = next(
            (
                position
                for position in range(len(kinds) - 1, -1, -1)
                if kinds[position][1] == ACTION and self._anchored(kinds[position][2])
            ),
            -1,
        )
        if anchored < 0:
            return
        gap = False
        opening = None
        for position in range(anchored + 1, len(kinds)):
            kind = kinds[position][1]
            if kind == BLANK:
                gap = True
            elif kind != TOTAL:
                opening = position
                break
        if opening is None:
            return
        index, kind, _ = kinds[opening]
        if not (gap or kind == HEADING or is_notes_label(_heading_text(rows[index]))):
            return
        for position in range(opening, len(kinds)):
            index, kind, values = kinds[position]
            if kind in (ACTION, HEADING, STRAY, NUMBER_ONLY):
                kinds[position] = (index, NOTE, values)

    def _anchored(self, values: tuple[object, ...]) -> bool:
        at = self.at
        if is_blank(values[at["action"]]):
            return False
        period = values[at["period"]] if "period" in at else None
        return not is_blank(period) or not is_blank(values[at["status"]])

    # --- the plan ----------------------------------------------------------------------

    def _plan(
        self, rows: Sequence[Sequence[object]], kinds: list[tuple[int, str, tuple[object, ...]]]
    ) -> RowPlan:
        plan = RowPlan()
        left_out: dict[str, list[int]] = {HEADING: [], TOTAL: [], NUMBER_ONLY: [], NOTE: []}
        section = ""
        for index, kind, values in kinds:
            if kind == ACTION:
                plan.actions.append((index, values, section))
            elif kind == HEADING:
                section = " ".join(_heading_text(rows[index]).split())
                plan.headings.append((index, section))
            elif kind == REPEATED_HEADER:
                found = Finding("repeated_header", rows_ref(self.sheet, [index]))
                plan.findings.append((index, found))
            elif kind == STRAY:
                plan.findings.append((index, self._stray(rows[index], index)))
            if kind in left_out:
                left_out[kind].append(index)
        for kind, code in _LEFT_OUT:
            if left_out[kind]:
                first = left_out[kind][0]
                plan.findings.append((first, self._left_out(code, left_out[kind], rows)))
        plan.findings.sort(key=lambda found: found[0])
        return plan

    def _left_out(self, code: str, found: list[int], rows: Sequence[Sequence[object]]) -> Finding:
        first = _heading_text(rows[found[0]])
        return Finding(
            code,
            rows_ref(self.sheet, found),
            {"count": len(found), "first": _shorten(first)},
        )

    def _stray(self, row: Sequence[object], index: int) -> Finding:
        col, value = next((c, v) for c, v in enumerate(row) if not is_blank(v))
        return Finding(
            "stray_row", cell_ref(self.sheet, index, col), {"value": _shorten(cell_text(value))}
        )


#: What is left out, and the warning that names its rows: one per sheet and kind (the notes
#: block is one block by construction: it runs to the end of the region).
_LEFT_OUT = (
    (HEADING, "section_rows"),
    (TOTAL, "total_rows"),
    (NUMBER_ONLY, "number_rows"),
    (NOTE, "notes_rows"),
)


def _is_total(
    filled: list[tuple[int, object]], counting: bool, action: object, plain: set[int]
) -> bool:
    """A total row: a counting formula without an action text (or beside a total label); a
    total label with only numbers beside it; or numbers only, in more than one cell. Numbers
    in the ``plain`` columns (an id, a year as period) are no counts."""
    texts = [(col, v) for col, v in filled if isinstance(v, str) and not _is_number_text(v)]
    first = cell_text(texts[0][1]) if texts else ""
    counts = any(col not in plain for col, v in filled if _is_number(v))
    label = _total_label(first, numbers=counts)
    if counting and (is_blank(action) or label):
        return True
    if label and len(texts) == 1:
        return True
    return len(filled) > 1 and all(_is_number(v) for _, v in filled)


def _heading_text(row: Sequence[object]) -> str:
    return next((cell_text(v) for v in row if not is_blank(v)), "")


def _looks_like_number(value: object) -> bool:
    """An action number as numbered in advance: 12, "2.14", "K3"; not a text of words."""
    if not isinstance(value, str):
        return True
    text = value.strip()
    return len(text) <= 12 and " " not in text and any(ch.isdigit() for ch in text)


def _is_number(value: object) -> bool:
    if isinstance(value, str):
        return _is_number_text(value)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_number_text(text: str) -> bool:
    """ "12", "54 / 54", "65%": a number typed as text, as in a total row of a CSV."""
    return _NUMBER_TEXT.match(text) is not None


_NUMBER_TEXT = re.compile(r"^\s*[\d.,%/\s()+-]*\d[\d.,%/\s()+-]*$")


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
