"""Cell colours of an xlsx or xlsm sheet, for registers that say things with colour alone.

A progress column (Voortgang) is often kept as traffic lights: the cell filled green, orange or
red, with no text. python-calamine hands over values only, so when a register has such cells
the fills are read here, for those cells only: the sheet part is searched for their style
index (``<c r="K12" s="7">``), the style's fill is looked up in the styles part
(``cellXfs`` -> ``fills``), and a theme colour is resolved through the theme part with its tint.
The result is a colour *name* (``groen``, ``oranje``, ``rood``, ``geel``, ``blauw``, ...)
told from the colour's hue, lightness and saturation, plus its ``#RRGGBB``.

Only solid pattern fills count. Conditional formatting (a rule that colours a cell by its
value) is not read: such a cell has a value, which is read instead.
"""

from __future__ import annotations

import colorsys
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ..cells import column_letter
from .package import Package
from .safexml import local, parse

#: The theme's colour slots in the order Excel numbers theme colours (the first two pairs are
#: swapped against their order in the theme part: 0 is lt1, 1 is dk1).
_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", *(f"accent{i}" for i in range(1, 7)), "hlink")
_HEX = re.compile(r"^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")


@dataclass(frozen=True, slots=True)
class Fill:
    name: str  # groen, oranje, rood, geel, blauw, paars, grijs, wit, zwart
    rgb: str  # #RRGGBB


def colour_name(rgb: str) -> str:
    """The everyday name of a colour, as a coordinator would call a traffic light: hue decides,
    grey when it has hardly any colour, wit and zwart at the ends."""
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if lightness > 0.94:
        return "wit"
    if lightness < 0.08:
        return "zwart"
    if saturation < 0.18 or (saturation < 0.3 and lightness > 0.85):
        return "grijs"
    degrees = hue * 360
    for limit, name in _HUES:
        if degrees < limit:
            return name
    return "rood"


#: Hue ranges in degrees, each up to (not including) its limit.
_HUES = (
    (15, "rood"),
    (50, "oranje"),  # Excel's standard "Orange" is #FFC000, hue 45
    (68, "geel"),
    (170, "groen"),
    (200, "blauw"),  # cyan and teal read as blue on a traffic-light legend
    (255, "blauw"),
    (290, "paars"),
    (340, "roze"),
    (361, "rood"),
)


def cell_fills(
    package: Package,
    workbook_part: str,
    sheet_part: str,
    cells: Collection[tuple[int, int]],
    path: Path,
) -> dict[tuple[int, int], Fill]:
    """The solid fill of each of ``cells`` (0-based row, column) that has one."""
    if not cells:
        return {}
    styles = _Styles.of(package, workbook_part, path)
    if not styles.filled:
        return {}  # no style fills a cell: nothing to look for in the sheet
    data = package.read(sheet_part)
    found: dict[tuple[int, int], Fill] = {}
    for col in sorted({col for _, col in cells}):
        wanted = {row for row, c in cells if c == col}
        letters = column_letter(col).encode()
        # as Excel and most writers lay a cell out (r, then s), found fast; else any order
        matches = list(_strict_cell_style(letters).finditer(data))
        if not matches and b' s="' in data:
            matches = list(_cell_style(letters).finditer(data))
        for match in matches:
            row = int(match.group(1)) - 1
            style = int(match.group(2))
            if row in wanted and style in styles.filled:
                found[(row, col)] = styles.fill_of(style)
    return found


def _strict_cell_style(letters: bytes) -> re.Pattern[bytes]:
    """A cell start tag as Excel writes it: r, then s."""
    return re.compile(rb'<c r="' + letters + rb'([0-9]{1,7})" s="([0-9]{1,6})"')


def _cell_style(letters: bytes) -> re.Pattern[bytes]:
    """A cell start tag in column ``letters`` with a style index, attributes in any order."""
    ref = rb'\sr="' + letters + rb'([0-9]{1,7})"'
    return re.compile(rb"<(?:\w+:)?c(?=[^>]*" + ref + rb")(?=[^>]*\ss=\"([0-9]{1,6})\")[^>]*>")


class _Styles:
    """cellXfs -> fill, from the styles part, with theme colours resolved."""

    def __init__(self, fills: list[Fill | None], xf_fills: list[int]) -> None:
        self.fills = fills
        self.xf_fills = xf_fills
        #: the cell styles that fill a cell, and their fill
        self.filled: dict[int, Fill] = {}
        for style, fill in enumerate(xf_fills):
            found = fills[fill] if 0 <= fill < len(fills) else None
            if found is not None:
                self.filled[style] = found

    def fill_of(self, style: int) -> Fill:
        return self.filled[style]

    @classmethod
    def of(cls, package: Package, workbook_part: str, path: Path) -> _Styles:
        related = _related(package, workbook_part, path)
        theme = _ThemeColours()
        part = package.find(related["theme"]) if "theme" in related else None
        if part is not None:
            parse(package.chunks(part), theme, path, part)
        styles = _StylesPart(theme.colours)
        part = package.find(related["styles"]) if "styles" in related else None
        if part is not None:
            parse(package.chunks(part), styles, path, part)
        return cls(styles.fills, styles.xf_fills)


def _related(package: Package, workbook_part: str, path: Path) -> dict[str, str]:
    """The workbook's styles and theme parts, from its relationships."""
    folder, name = posixpath.split(workbook_part)
    rels = package.find(posixpath.join(folder, "_rels", name + ".rels"))
    found: dict[str, str] = {}
    if rels is None:
        return found
    handler = _TypedRelationships()
    parse(package.chunks(rels), handler, path, rels)
    for kind, target in handler.targets:
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found.setdefault(kind, posixpath.normpath(part))
    return found


class _TypedRelationships:
    def __init__(self) -> None:
        self.targets: list[tuple[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            kind = attrs.get("Type", "").rpartition("/")[2]
            self.targets.append((kind, attrs.get("Target", "")))


class _ThemeColours:
    """``<a:clrScheme>``: the theme's colours, in Excel's numbering."""

    def __init__(self) -> None:
        self._slots: dict[str, str] = {}
        self._slot: str | None = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag in _THEME_ORDER or tag == "folHlink":
            self._slot = tag
        elif self._slot is not None and tag in ("srgbClr", "sysClr"):
            value = attrs.get("val", "") if tag == "srgbClr" else attrs.get("lastClr", "")
            if _HEX.match(value):
                self._slots.setdefault(self._slot, "#" + value[:6].upper())
            self._slot = None

    @property
    def colours(self) -> list[str]:
        return [self._slots.get(slot, "") for slot in (*_THEME_ORDER, "folHlink")]


class _StylesPart:
    """``<fills>`` (solid fills only) and ``<cellXfs>`` (their fill ids)."""

    def __init__(self, theme: list[str]) -> None:
        self.theme = theme
        self.fills: list[Fill | None] = []
        self.xf_fills: list[int] = []
        self._in = ""
        self._solid = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if tag in ("fills", "cellXfs"):
            self._in = tag
        elif self._in == "fills" and tag == "fill":
            self.fills.append(None)
            self._solid = False
        elif self._in == "fills" and tag == "patternFill":
            self._solid = attrs.get("patternType") == "solid"
        elif self._in == "fills" and tag == "fgColor" and self._solid and self.fills:
            rgb = self._rgb(attrs)
            if rgb:
                self.fills[-1] = Fill(colour_name(rgb), rgb)
        elif self._in == "cellXfs" and tag == "xf":
            fill = attrs.get("fillId", "0")
            self.xf_fills.append(int(fill) if fill.isdigit() else 0)

    def end(self, name: str) -> None:
        if local(name) in ("fills", "cellXfs"):
            self._in = ""

    def _rgb(self, attrs: dict[str, str]) -> str:
        value = attrs.get("rgb", "")
        if _HEX.match(value):
            return "#" + (value[2:] if len(value) == 8 else value).upper()
        theme = attrs.get("theme", "")
        if theme.isdigit() and int(theme) < len(self.theme) and self.theme[int(theme)]:
            return _tinted(self.theme[int(theme)], attrs.get("tint", ""))
        indexed = attrs.get("indexed", "")
        if indexed.isdigit():
            return _indexed(int(indexed))
        return ""


def _tinted(rgb: str, tint: str) -> str:
    """A theme colour lightened (tint > 0) or darkened (tint < 0), as Excel does it: on the
    colour's lightness in HLS."""
    try:
        amount = float(tint) if tint else 0.0
    except ValueError:
        amount = 0.0
    if not amount:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    lightness = lightness * (1 + amount) if amount < 0 else lightness * (1 - amount) + amount
    values = colorsys.hls_to_rgb(hue, min(max(lightness, 0.0), 1.0), saturation)
    return "#" + "".join(f"{round(v * 255):02X}" for v in values)


#: Excel's legacy palette of 64 indexed colours, the default of ECMA-376 Part 1, 18.8.27
#: (``indexedColors``), eight to a line; 64 and 65 (system colours) are not in it.
INDEXED_COLOURS: tuple[str, ...] = tuple(
    "#" + colour
    for line in (
        "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF",
        "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF",
        "800000 008000 000080 808000 800080 008080 C0C0C0 808080",
        "9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF",
        "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF",
        "00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99",
        "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696",
        "003366 339966 003300 333300 993300 993366 333399 333333",
    )
    for colour in line.split()
)


def _indexed(index: int) -> str:
    """A colour of the legacy palette by its index; "" for one outside it."""
    return INDEXED_COLOURS[index] if 0 <= index < len(INDEXED_COLOURS) else ""
