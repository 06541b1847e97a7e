"""The colours of the monitor: one per status, and the house colours of the workbook.

``[colours]`` in mvi-xl.toml overrides any of these (``Config.status_colour``).
"""

from __future__ import annotations

from .terms import GEPLAND, LOPEND, ONBEKEND, VERVALLEN, VOLTOOID

#: Status colours (fill of chart series and of the status cells on the Acties sheet), made for
#: readers who see colour differently: Okabe and Ito's vermillion for lopend, their bluish green
#: darkened for voltooid, a light blue, a mid grey and a purple. Each has at least 3:1 against
#: white (WCAG 2.1, 1.4.11) and every two keep a CIE76 distance of 20 or more, seen normally and
#: under simulated protanopia, deuteranopia and tritanopia (tests/test_contrast.py holds them).
STATUS_COLOURS: dict[str, str] = {
    VOLTOOID: "#006D4E",
    LOPEND: "#D55E00",
    GEPLAND: "#6A8FDA",
    VERVALLEN: "#909090",
    ONBEKEND: "#9E2A7E",
}

#: House colours; ``[colours]`` in mvi-xl.toml overrides any of these and the status colours.
HOUSE_COLOURS: dict[str, str] = {
    "accent": "#1F4E79",
    "header_fill": "#DCE6F1",
    "light_fill": "#F3F6FA",
    "text": "#1A1A1A",
}
