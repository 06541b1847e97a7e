"""The colours of the monitor: one per status, and the house colours of the workbook.

``[colours]`` in mvi-xl.toml overrides any of these (``Config.status_colour``).
"""

from __future__ import annotations

from .terms import GEPLAND, LOPEND, ONBEKEND, VERVALLEN, VOLTOOID

#: Status colours (fill of chart series and of the status cells on the Acties sheet).
STATUS_COLOURS: dict[str, str] = {
    VOLTOOID: "#4E9A43",
    LOPEND: "#F2A93B",
    GEPLAND: "#5B8DB8",
    VERVALLEN: "#9E9E9E",
    ONBEKEND: "#C0392B",
}

#: House colours; ``[colours]`` in mvi-xl.toml overrides any of these and the status colours.
HOUSE_COLOURS: dict[str, str] = {
    "accent": "#1F4E79",
    "header_fill": "#DCE6F1",
    "light_fill": "#F3F6FA",
    "text": "#1A1A1A",
}
