"""What every chart of the workbook shares, for the college and for anyone who reads it with a
screen reader or sees colour differently: alternative text that states the numbers, the
language of the run, segments and lines that stay apart without colour, labels that read on
their bar.

A chart's alternative text is the ``description`` of its drawing object (what Excel's "Alt
Text" pane and its Accessibility Checker look at); the Monitor chart's is the one the web page
gives its SVG (``html_chart.chart_text``), so the workbook, the page and the tagged PDF say the
same.
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence
from typing import Any

from ..contrast import label_colour
from ..words.i18n import Words
from ..words.terms import GEPLAND, LOPEND, ONBEKEND, VERVALLEN, VOLTOOID

#: The language tag a chart declares (``<c:lang>``), per run language.
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}

#: Historie: each status's line differs by its dash and its marker too, not by colour alone.
LINE_STYLES: dict[str, tuple[str, str]] = {
    VOLTOOID: ("solid", "circle"),
    LOPEND: ("dash", "square"),
    GEPLAND: ("round_dot", "triangle"),
    VERVALLEN: ("long_dash", "diamond"),
    ONBEKEND: ("dash_dot", "x"),
}

#: At most this many groups are named in an alternative text; the rest are counted.
MAX_ALT_GROUPS = 40

#: A thin white line between stacked segments and side-by-side bars.
SEPARATOR = {"color": "#FFFFFF", "width": 0.75}


def declare_language(chart: Any, lang: str) -> None:
    """Have the chart declare the run's language. XlsxWriter writes ``en-US`` into every
    chart's ``<c:lang>``; its one writer of that element is replaced on this chart only
    (tests/test_accessible_workbook.py reads the tag back, so a change in XlsxWriter shows)."""
    tag = LANGUAGE_TAGS.get(lang, "nl-NL")

    def write_lang(self: Any) -> None:
        self._xml_empty_tag("c:lang", [("val", tag)])

    chart._write_lang = types.MethodType(write_lang, chart)


def bar_series(colour: str, *, inside: bool, size: float = 8) -> dict[str, Any]:
    """Fill, separator and data labels (of ``size`` points) of a status's bars. Labels inside a
    (stacked) bar take black or white, whichever reads on the fill (at least 4.5:1 for the
    palette); labels above a bar stand on white and take the text colour."""
    font: dict[str, Any] = {"size": size, "color": label_colour(colour) if inside else "#1A1A1A"}
    labels: dict[str, Any] = {"value": True, "font": font, "num_format": "0;-0;;"}
    if inside:
        labels["position"] = "center"
    return {"fill": {"color": colour}, "border": dict(SEPARATOR), "data_labels": labels}


def line_series(colour: str, status: str) -> dict[str, Any]:
    """Line, marker and labels of a status's line on the Historie chart."""
    dash, marker = LINE_STYLES.get(status, ("solid", "circle"))
    return {
        "line": {"color": colour, "width": 2.25, "dash_type": dash},
        "marker": {
            "type": marker,
            "size": 7,
            "fill": {"color": colour},
            "border": {"color": colour},
        },
        "data_labels": {
            "value": True,
            "position": "above",
            "font": {"size": 8, "color": "#1A1A1A"},
        },
    }


def counts_text(words: Words, statuses: Sequence[str], by_status: Mapping[str, int]) -> str:
    """``54 voltooid; 0 lopend; 0 gepland; 0 vervallen``."""
    return "; ".join(
        words["page.chart.count"].format(count=by_status.get(s, 0), status=words.status(s))
        for s in statuses
    )


def alt_text(
    words: Words,
    kind: str,
    groups: Sequence[tuple[str, Mapping[str, int]]],
    statuses: Sequence[str],
) -> str:
    """``kind`` (what the chart is, a sentence) and then per group its counts: "Inkoop: 10
    voltooid; 2 lopend; …". Beyond MAX_ALT_GROUPS the remaining groups are counted."""
    parts = [kind.rstrip(".") + "."]
    for label, by_status in groups[:MAX_ALT_GROUPS]:
        counts = counts_text(words, statuses, by_status)
        parts.append(words["page.chart.period"].format(period=label, counts=counts) + ".")
    hidden = len(groups) - MAX_ALT_GROUPS
    if hidden > 0:
        parts.append(words.plural("alt.more_groups", hidden))
    if not groups:
        parts.append(words["page.no_periods"])
    return " ".join(parts)


def insert(worksheet: Any, cell: tuple[int, int], chart: Any, description: str) -> None:
    """Insert ``chart`` at ``cell`` (row, col) with its alternative text; it moves with the
    cells but doesn't resize with them, as every chart of the monitor does."""
    row, col = cell
    worksheet.insert_chart(row, col, chart, {"object_position": 2, "description": description})
