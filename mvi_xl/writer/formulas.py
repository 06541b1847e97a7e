"""The COUNTIFS formulas the Statustabel and the breakdown sheets count the Acties table with:
live formulas that match a period, a group or a theme exactly, however odd its text."""

from __future__ import annotations

from .actions_sheet import ActionsLayout


def text_literal(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def exact_criterion(text: str) -> str:
    """A COUNTIFS criterion that matches exactly this text: wildcards (* ? ~) and a leading
    operator in a period label are taken literally."""
    escaped = text.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return text_literal("=" + escaped)


def count_formula(
    layout: ActionsLayout, column: str, value: str, status_label: str | None, value_cell: str
) -> str:
    """COUNTIFS over the Acties table: the rows whose ``column`` holds ``value`` (and whose
    status is ``status_label``). An empty value counts the empty cells. Excel allows at most 255
    characters in a text within a formula; a longer value is compared by reference."""
    criterion = exact_criterion(value) if value else '""'
    if len(criterion) <= 255:
        if not value and status_label:
            # the status first: LibreOffice shrinks the ranges of a COUNTIFS to the data area
            # of its first range, which loses empty cells at the end of a column
            status = f"{layout.range('status')},{text_literal(status_label)}"
            return f"=COUNTIFS({status},{layout.range(column)},{criterion})"
        status = f",{layout.range('status')},{text_literal(status_label)}" if status_label else ""
        return f"=COUNTIFS({layout.range(column)},{criterion}{status})"
    terms = f"({layout.range(column)}={value_cell})"
    if status_label:
        terms += f"*({layout.range('status')}={text_literal(status_label)})"
    return f"=SUMPRODUCT({terms}*1)"


def theme_count_formula(
    layout: ActionsLayout, column: str, value: str, status_label: str | None, value_cell: str
) -> str:
    """The rows whose theme cell lists ``value``, alone or among others ("Klimaat",
    "Klimaat; Circulair", "Milieu; Klimaat", "Milieu; Klimaat; Circulair"): four COUNTIFS, one
    per place in the list, which exclude each other. A long value is found with FIND."""
    escaped = value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    patterns = (f"={escaped}", f"={escaped}; *", f"=*; {escaped}", f"=*; {escaped}; *")
    status = f",{layout.range('status')},{text_literal(status_label)}" if status_label else ""
    if max(len(text_literal(p)) for p in patterns) <= 255:
        terms = (f"COUNTIFS({layout.range(column)},{text_literal(p)}{status})" for p in patterns)
        return "=" + "+".join(terms)
    listed = f'ISNUMBER(FIND("; "&{value_cell}&"; ","; "&{layout.range(column)}&"; "))'
    if status_label:
        listed += f"*({layout.range('status')}={text_literal(status_label)})"
    return f"=SUMPRODUCT({listed}*1)"
