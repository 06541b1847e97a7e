"""Warnings for an organisation's own colours (``[colours]`` in mvi-xl.toml) that the published
monitor can't carry: a status colour under 3:1 against white, two status colours that readers
with a colour-vision deficiency can't tell apart, house text colours under 4.5:1. Pure."""

from __future__ import annotations

from itertools import combinations

from .config import Config
from .contrast import (
    DEFICIENCIES,
    GRAPHIC_CONTRAST,
    STATUS_DISTANCE,
    TEXT_CONTRAST,
    WHITE,
    contrast_ratio,
    distance,
    simulate,
)
from .model import Finding
from .words.i18n import Phrase
from .words.terms import ONBEKEND, STATUSES

#: (text colour, background) pairs of the house colours that must read as text.
TEXT_PAIRS = (("accent", None), ("text", None), ("text", "header_fill"))


def colour_findings(config: Config) -> list[Finding]:
    """Nothing for the default colours (tests/test_contrast.py holds them); for colours the
    config sets, a warning per problem, naming the setting."""
    if not config.colours:
        return []
    where = f"{config.source.name if config.source else 'mvi-xl.toml'} [colours]"
    statuses = {s: config.status_colour(s) for s in (*STATUSES, ONBEKEND)}
    findings = [
        Finding(
            "colour_contrast",
            f"{where} {name}",
            {"name": name, "colour": colour, "ratio": f"{contrast_ratio(colour, WHITE):.2f}"},
        )
        for name, colour in statuses.items()
        if name in config.colours and contrast_ratio(colour, WHITE) < GRAPHIC_CONTRAST
    ]
    for first, second in combinations(statuses, 2):
        if first not in config.colours and second not in config.colours:
            continue
        for kind in (None, *DEFICIENCIES):
            a, b = statuses[first], statuses[second]
            if kind is not None:
                a, b = simulate(a, kind), simulate(b, kind)
            if distance(a, b) < STATUS_DISTANCE:
                seen = Phrase(f"seen.{kind or 'normal'}")
                params = {"first": first, "second": second, "seen": seen}
                findings.append(Finding("colours_alike", where, params))
                break
    for text, background in TEXT_PAIRS:
        if text not in config.colours and (background or "") not in config.colours:
            continue
        fore = config.house_colour(text)
        back = config.house_colour(background) if background else WHITE
        if contrast_ratio(fore, back) < TEXT_CONTRAST:
            ratio = f"{contrast_ratio(fore, back):.2f}"
            params = {"name": text, "colour": fore, "background": back, "ratio": ratio}
            findings.append(Finding("text_contrast", f"{where} {text}", params))
    return findings
