"""``[themes.ambitions]`` in mvi-xl.toml: per theme the ambition level a signatory of the
Manifest MVOI 2022-2025 chose (basis, significant, ambitieus) and optionally a target, a share
of the theme's actions completed by a date; ``[themes] plan_start``, the day the plan began.

Validated here, the first problem one ConfigError naming its key (config.py calls this, as it
validates every other setting); how the levels are spelled is ``synonyms.AMBITION_SPELLINGS``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from .words import synonyms
from .words.terms import header_key, label_key

#: ``fail(key, code, **params)``: raise the ConfigError naming ``key``.
Fail = Callable[..., NoReturn]

ENTRY_KEYS = ("level", "target", "target_date", "start")
_PERCENT = re.compile(r"^(\d+(?:[.,]\d+)?)\s*%$")


@dataclass(frozen=True)
class ThemeAmbition:
    """What mvi-xl.toml says of one theme's ambition."""

    theme: str  # as written in mvi-xl.toml; matched to the register's themes by label_key
    level: str | None = None  # one of terms.AMBITION_LEVELS
    target: float | None = None  # the share of the theme's actions completed, 0 < target <= 1
    target_date: dt.date | None = None  # by this day (always given with a target)
    start: dt.date | None = None  # this theme's own start, before target_date


@functools.cache
def _levels() -> dict[str, str]:
    return {
        header_key(spelling): level
        for level, spellings in synonyms.AMBITION_SPELLINGS.items()
        for spelling in spellings
    }


def ambition_level(text: object) -> str | None:
    """The ambition level a cell or a setting names (``terms.AMBITION_LEVELS``), or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    return _levels().get(header_key(text))


def parse_ambitions(
    themes: Mapping[str, Any], fail: Fail
) -> tuple[tuple[ThemeAmbition, ...], dt.date | None]:
    """``[themes] ambitions`` and ``plan_start``: the ambitions in the order written, and the
    plan's start (None when not given)."""
    plan_start = None
    if "plan_start" in themes:
        plan_start = _date(themes["plan_start"], "themes.plan_start", fail)
    table = themes.get("ambitions", {})
    if not isinstance(table, dict):
        fail("themes.ambitions", "config_table")
    ambitions: list[ThemeAmbition] = []
    seen: dict[str, str] = {}
    for theme, value in table.items():
        key = f"themes.ambitions.{_key_part(theme)}"
        name = " ".join(theme.split())
        if not name:
            fail(key, "config_ambition_value", name=_key_part(theme))
        if label_key(name) in seen:
            fail(key, "config_ambition_twice", theme=name, other=seen[label_key(name)])
        seen[label_key(name)] = name
        ambitions.append(_entry(name, value, key, fail))
    return tuple(ambitions), plan_start


def _entry(theme: str, value: object, key: str, fail: Fail) -> ThemeAmbition:
    """``"ambitieus"`` or ``{ level = "ambitieus", target = "80%", target_date = 2025-12-31,
    start = 2022-01-01 }``."""
    if isinstance(value, str):
        return ThemeAmbition(theme, level=_level(value, key, fail))
    if not isinstance(value, dict):
        fail(key, "config_ambition_value", name=_key_part(theme))
    for name in value:
        if name not in ENTRY_KEYS:
            fail(f"{key}.{name}", "config_unknown_key", known=", ".join(ENTRY_KEYS))
    level = _level(value["level"], f"{key}.level", fail) if "level" in value else None
    target = _target(value["target"], f"{key}.target", fail) if "target" in value else None
    target_date = start = None
    if "target_date" in value:
        target_date = _date(value["target_date"], f"{key}.target_date", fail)
    if "start" in value:
        start = _date(value["start"], f"{key}.start", fail)
    if target is not None and target_date is None:
        fail(f"{key}.target", "config_ambition_needs_date")
    if target_date is not None and target is None:
        fail(f"{key}.target_date", "config_ambition_needs_target")
    if start is not None and target_date is not None and start >= target_date:
        fail(
            f"{key}.start",
            "config_ambition_start",
            start=start.strftime("%d-%m-%Y"),
            date=target_date.strftime("%d-%m-%Y"),
        )
    return ThemeAmbition(theme, level, target, target_date, start)


def _level(value: object, key: str, fail: Fail) -> str:
    level = ambition_level(value)
    if level is None:
        fail(key, "config_ambition_level", value=_shown(value))
    return level


def _target(value: object, key: str, fail: Fail) -> float:
    """A share: 0.8, or "80%" (also "80 %", "75,5%"); more than nothing, at most all."""
    share: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        share = float(value)
    elif isinstance(value, str) and (found := _PERCENT.match(value.strip())):
        share = float(found[1].replace(",", ".")) / 100
    if share is None or not 0 < share <= 1:
        fail(key, "config_ambition_target", value=_shown(value), name="target")
    return share


def _date(value: object, key: str, fail: Fail) -> dt.date:
    """A TOML date (2025-12-31) or one as text, "2025-12-31" or "31-12-2025"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(value.strip(), pattern).date()
            except ValueError:
                continue
    fail(key, "config_ambition_date", value=_shown(value), name=key.rsplit(".", 1)[-1])


def _key_part(theme: str) -> str:
    """A theme as a part of a TOML key: quoted when it is more than letters, digits, - and _."""
    return theme if re.fullmatch(r"[A-Za-z0-9_-]+", theme) else '"' + theme + '"'


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"
