"""Cell formats of the monitor workbook: defined once as data, created once per workbook."""

from __future__ import annotations

from typing import Any, TypeAlias

from ..config import Config
from ..words.terms import ONBEKEND, STATUSES

#: an XlsxWriter cell format (XlsxWriter has no annotations)
Format: TypeAlias = Any

FONT = "Calibri"

#: The Excel Table style of the detail sheets: bold dark header text over an accent rule, banded
#: rows. (Light 9, which they had, puts white header text on Office's blue at 4.03:1, short of
#: WCAG 2.1 AA's 4.5:1.) The Monitor page's Statustabel keeps Light 1 with its own header fill.
TABLE_STYLE = "Table Style Light 16"
#: Styles whose header is dark text on white or on a light fill: the only ones the workbook uses.
ACCESSIBLE_TABLE_STYLES = frozenset({"Table Style Light 1", TABLE_STYLE})
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"

#: Format name -> XlsxWriter properties. ``{accent}`` and friends are filled from the house
#: colours, so an organisation's colours reach every format through mvi-xl.toml.
FORMATS: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 20, "font_color": "{accent}"},
    "subtitle": {"font_size": 11, "font_color": "{text}"},
    "summary": {"font_size": 10, "italic": True, "font_color": "{text}"},
    "heading": {
        "bold": True,
        "font_size": 12,
        "font_color": "{accent}",
        "bottom": 1,
        "bottom_color": "{accent}",
    },
    "subheading": {"bold": True, "italic": True, "font_size": 9, "font_color": "{text}"},
    "item": {"font_size": 9, "valign": "vcenter", "font_color": "{text}"},
    "more": {
        "font_size": 9,
        "italic": True,
        "underline": 1,
        "font_color": "{accent}",
        "valign": "top",
    },
    "link": {"underline": 1, "font_color": "{accent}", "valign": "top"},
    "muted": {"font_size": 9, "italic": True, "font_color": "#6B6B6B", "valign": "vcenter"},
    "note": {"font_size": 8, "italic": True, "font_color": "#6B6B6B"},
    #: the Monitor page's notes, at its smallest size (monitor_fit.SMALLEST_PT)
    "page_note": {"font_size": 9, "italic": True, "font_color": "#6B6B6B"},
    "note_wrap": {
        "font_size": 8,
        "italic": True,
        "font_color": "#6B6B6B",
        "text_wrap": True,
        "valign": "top",
    },
    "table_head": {
        "bold": True,
        "font_size": 9,
        "text_wrap": True,
        "valign": "bottom",
        "align": "center",
        "bg_color": "{header_fill}",
        "font_color": "{text}",
    },
    "table_head_left": {
        "bold": True,
        "font_size": 9,
        "text_wrap": True,
        "valign": "bottom",
        "bg_color": "{header_fill}",
        "font_color": "{text}",
    },
    "period": {"font_size": 10, "text_wrap": True, "valign": "vcenter"},
    "count": {"font_size": 10, "align": "center", "valign": "vcenter", "num_format": "0"},
    "share": {"font_size": 10, "align": "center", "valign": "vcenter", "num_format": "0%"},
    "cell_date": {
        "font_size": 10,
        "align": "center",
        "valign": "vcenter",
        "num_format": DATE_FORMAT,
    },
    "cell_text": {"font_size": 10, "valign": "vcenter"},
    "table_head_wrap": {"bold": True, "text_wrap": True, "valign": "bottom"},
    "tick": {
        "font_size": 12,
        "align": "center",
        "valign": "vcenter",
        "font_name": "Segoe UI Symbol",
    },
    "change": {"font_size": 9, "text_wrap": True, "valign": "vcenter", "font_color": "#404040"},
    "total_change": {"font_size": 9, "bold": True, "text_wrap": True, "valign": "vcenter"},
    "total_label": {"bold": True, "font_size": 10},
    "total_count": {"bold": True, "font_size": 10, "align": "center", "num_format": "0"},
    "total_share": {"bold": True, "font_size": 10, "align": "center", "num_format": "0%"},
    "text": {"valign": "top"},
    "date": {"num_format": DATE_FORMAT, "align": "left", "valign": "top"},
    "datetime": {"num_format": DATETIME_FORMAT, "align": "left", "valign": "top"},
    "int": {"num_format": "0", "align": "left", "valign": "top"},
    "label": {"bold": True, "valign": "top"},
    "wrap": {"text_wrap": True, "valign": "top"},
}


class Styles:
    """The workbook's formats, by name; the headline cell format per period kind is built here
    too, as its number format carries the word (``23 voltooid``) while the value stays a number."""

    def __init__(self, workbook: Any, config: Config) -> None:
        self._workbook = workbook
        self._config = config
        self._cache: dict[str, Any] = {}
        self._colours = {
            name: config.house_colour(name)
            for name in ("accent", "header_fill", "light_fill", "text")
        }

    def __getitem__(self, name: str) -> Format:
        if name not in self._cache:
            props = {"font_name": FONT}
            for key, value in FORMATS[name].items():
                props[key] = value.format(**self._colours) if isinstance(value, str) else value
            if "font_name" in FORMATS[name]:
                props["font_name"] = FORMATS[name]["font_name"]
            self._cache[name] = self._workbook.add_format(props)
        return self._cache[name]

    def headline(self, word: str, total: bool = False) -> Format:
        """A count format that shows the headline status beside the number."""
        name = f"headline:{word}:{total}"
        if name not in self._cache:
            escaped = word.replace('"', "")
            self._cache[name] = self._workbook.add_format(
                {
                    "font_name": FONT,
                    "font_size": 10,
                    "align": "center",
                    "valign": "vcenter",
                    "bold": total,
                    "num_format": f'0" {escaped}"',
                }
            )
        return self._cache[name]

    def status_fill(self, status: str) -> Format:
        """A light fill of the status colour, for conditional formatting on the Acties sheet."""
        name = f"fill:{status}"
        if name not in self._cache:
            self._cache[name] = self._workbook.add_format(
                {
                    "bg_color": tint(self._config.status_colour(status), 0.65),
                    "font_color": "#000000",
                }
            )
        return self._cache[name]

    def status_colour(self, status: str) -> str:
        return self._config.status_colour(status)


def tint(colour: str, amount: float) -> str:
    """Mix a ``#RRGGBB`` colour with white; amount 0 keeps it, 1 gives white."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02X}" for c in mixed)


ALL_STATUSES = (*STATUSES, ONBEKEND)
