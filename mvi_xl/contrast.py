"""Colours as readers see them: contrast (WCAG 2.1) and colour-vision deficiency.

The monitor is published, so its colours are held to WCAG 2.1 AA: text against its background
at least 4.5:1, a bar or line (a "graphical object") at least 3:1 against white. The status
colours must also stay apart for the one man in twelve who sees colour differently: each pair
is compared after simulating protanopia, deuteranopia and tritanopia (Machado, Oliveira and
Fernandes 2009, severity 1) as a distance in CIELAB (CIE76 ΔE).

Pure functions over ``#RRGGBB`` strings; nothing here imports more than the standard library.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import combinations

WHITE = "#FFFFFF"
BLACK = "#000000"

#: WCAG 2.1 AA: 1.4.3 (text) and 1.4.11 (graphical objects).
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0
#: The least CIE76 distance two status colours keep, seen normally or under any simulation
#: below: about where two flat bars side by side stop being told apart at a glance.
STATUS_DISTANCE = 20.0

#: Machado et al. (2009), severity 1.0, on linear RGB.
DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

RGB = tuple[float, float, float]


def _channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: float) -> float:
    """An sRGB channel (0..1) as light (0..1)."""
    if channel <= 0.04045:
        return channel / 12.92
    return float(((channel + 0.055) / 1.055) ** 2.4)


def _encoded(light: float) -> float:
    light = min(max(light, 0.0), 1.0)
    if light <= 0.0031308:
        return light * 12.92
    return float(1.055 * light ** (1 / 2.4) - 0.055)


def linear_rgb(colour: str) -> RGB:
    red, green, blue = (_linear(c / 255) for c in _channels(colour))
    return red, green, blue


def relative_luminance(colour: str) -> float:
    red, green, blue = linear_rgb(colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG's contrast ratio, 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (a data label on its bar)."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


def simulate(colour: str, deficiency: str) -> str:
    """``colour`` as someone with ``deficiency`` (a key of DEFICIENCIES) sees it."""
    matrix = DEFICIENCIES[deficiency]
    light = linear_rgb(colour)
    seen = (sum(m * c for m, c in zip(row, light, strict=True)) for row in matrix)
    return "#" + "".join(f"{round(_encoded(v) * 255):02X}" for v in seen)


def _lab(colour: str) -> RGB:
    """CIELAB (D65) of an sRGB colour."""
    red, green, blue = linear_rgb(colour)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(first: str, second: str) -> float:
    """CIE76 ΔE between two colours: about 2.3 is just noticeable."""
    return math.dist(_lab(first), _lab(second))


def closest_pair(
    colours: Mapping[str, str], deficiency: str | None = None
) -> tuple[float, str, str]:
    """The two names whose colours are nearest (under ``deficiency``, if given), and how near."""
    seen = {
        name: simulate(colour, deficiency) if deficiency else colour
        for name, colour in colours.items()
    }
    return min((distance(seen[a], seen[b]), a, b) for a, b in combinations(sorted(seen), 2))


def palette_problems(colours: Mapping[str, str], background: str = WHITE) -> list[str]:
    """What keeps a status palette from WCAG 2.1 AA and from readers with a colour-vision
    deficiency, one line each (English, for the tests and the warning's parameters)."""
    problems = [
        f"{name} {colour} is {contrast_ratio(colour, background):.2f}:1 against {background}"
        for name, colour in colours.items()
        if contrast_ratio(colour, background) < GRAPHIC_CONTRAST
    ]
    for deficiency in (None, *DEFICIENCIES):
        if len(colours) < 2:
            break
        gap, first, second = closest_pair(colours, deficiency)
        if gap < STATUS_DISTANCE:
            seen = f"under {deficiency}" if deficiency else "as seen"
            problems.append(f"{first} and {second} are {gap:.1f} apart {seen}")
    return problems


def text_problems(pairs: Iterable[tuple[str, str, str]]) -> list[str]:
    """(name, text colour, background) pairs whose contrast is under 4.5:1."""
    return [
        f"{name}: {text} on {background} is {contrast_ratio(text, background):.2f}:1"
        for name, text, background in pairs
        if contrast_ratio(text, background) < TEXT_CONTRAST
    ]
