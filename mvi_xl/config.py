"""mvi-xl.toml: the organisation's own words and choices, validated in one place.

Lookup order: ``--config FILE``, else ``mvi-xl.toml`` beside the register, else the defaults.
Every setting is documented in ``templates/mvi-xl.toml``; a bad setting is one error naming its
key.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .errors import ConfigError
from .words import synonyms, terms
from .words.colours import HOUSE_COLOURS, STATUS_COLOURS

if TYPE_CHECKING:
    from .ambition_config import ThemeAmbition

CONFIG_NAME = "mvi-xl.toml"

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class Limits:
    """What reading one register may cost (``[limits]``). The defaults admit a regional
    roll-up of 100,000 actions; mvi_xl.reader.limits holds the checks and says why each exists."""

    max_file_mb: int = 50  # the register file on disk
    max_unpacked_mb: int = 250  # all parts of an xlsx/xlsm/xlsb/ods zip, inflated
    max_ratio: int = 100  # how many times one zip part may inflate
    max_rows: int = 250_000  # the last row holding something, per sheet
    max_columns: int = 1_000  # the last column holding something, per sheet
    max_cells: int = 3_000_000  # rows x columns up to those, per sheet

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def max_unpacked_bytes(self) -> int:
        return self.max_unpacked_mb * 1024 * 1024


#: The most each limit may be raised to: beyond these a register is no longer a register
#: (Excel's own sheet has 1,048,576 rows and 16,384 columns).
LIMIT_CEILINGS: dict[str, int] = {
    "max_file_mb": 2_048,
    "max_unpacked_mb": 16_384,
    "max_ratio": 10_000,
    "max_rows": 1_048_576,
    "max_columns": 16_384,
    "max_cells": 100_000_000,
}


@dataclass(frozen=True)
class SignalSettings:
    """Which signals the monitor raises and when (``[signals]``)."""

    enabled: tuple[str, ...] = terms.SIGNALS
    overdue_grace_days: int = 0  # days after the planned end date before an action is overdue
    period_ending_months: int = 6  # a period's last months (of its last planned year) ...
    period_ending_min_share: float = 0.5  # ... with less than this share completed


@dataclass(frozen=True)
class Config:
    organisation: str = ""
    language: str | None = None
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    statuses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: ``[statuses] colours``: a status cell with only a fill colour, by colour name or #RRGGBB
    status_colours: dict[str, str] = field(default_factory=dict)
    period_order: tuple[str, ...] = ()
    continuous_periods: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()  # the organisation's own themes, besides the national ones
    #: ``[themes.ambitions]``: per theme the ambition level and a target (ambition_config.py)
    ambitions: tuple[ThemeAmbition, ...] = ()
    plan_start: dt.date | None = None  # ``[themes] plan_start``: the day the plan began
    colours: dict[str, str] = field(default_factory=dict)
    logo: Path | None = None
    max_list_items: int = 8
    #: ``[monitor] signals_on_page``: the signals under Aandachtspunten on the college's page
    #: (by default they are for the coordinator, on the Toelichting sheet)
    signals_on_page: bool = False
    #: ``[monitor] summary``: one or two sentences for the college at the top of the page
    summary: bool = True
    read_only_recommended: bool = False
    #: ``[monitor] archive``: the folder for published monitors; relative to the monitor's
    #: folder (None: ``<monitor name>-archief`` beside the monitor)
    archive: Path | None = None
    limits: Limits = field(default_factory=Limits)
    signals: SignalSettings = field(default_factory=SignalSettings)
    source: Path | None = None  # the file this came from, None for the defaults

    def status_colour(self, status: str) -> str:
        return self.colours.get(status, STATUS_COLOURS[status])

    def house_colour(self, name: str) -> str:
        return self.colours.get(name, HOUSE_COLOURS[name])


def find_config(explicit: Path | None, register: Path | None) -> Path | None:
    """The config file that applies: the explicit one, else mvi-xl.toml beside the register."""
    if explicit is not None:
        return explicit
    if register is not None:
        beside = register.parent / CONFIG_NAME
        if beside.is_file():
            return beside
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    import tomllib  # only when there is a file to read

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("config_missing", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("config_unreadable", path=path, reason=str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config_unreadable", path=path, reason=str(exc)) from None
    return parse_config(data, source=path)


def parse_config(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a parsed TOML document into a Config; the first problem raises ConfigError."""
    reader = _Reader(source)
    reader.allow(
        data,
        "",
        {
            "organisation",
            "language",
            "columns",
            "statuses",
            "periods",
            "themes",
            "colours",
            "monitor",
            "limits",
            "signals",
        },
    )

    organisation = reader.text(data, "organisation", "")
    language = reader.text(data, "language", None)
    if language is not None and language not in terms.LANGUAGES:
        reader.fail("language", "config_choice", choices=", ".join(terms.LANGUAGES))

    columns = reader.table(data, "columns")
    reader.allow(columns, "columns", set(terms.FIELDS))
    statuses = dict(reader.table(data, "statuses"))
    reader.allow(statuses, "statuses", {*terms.STATUSES, "colours"})
    status_colours = _status_colours(reader, statuses.pop("colours", {}))
    periods = reader.table(data, "periods")
    reader.allow(periods, "periods", {"order", "continuous"})
    themes = reader.table(data, "themes")
    reader.allow(themes, "themes", {"names", "ambitions", "plan_start"})
    ambitions: tuple[ThemeAmbition, ...] = ()
    plan_start = None
    if "ambitions" in themes or "plan_start" in themes:  # read only where they are kept
        from .ambition_config import parse_ambitions

        ambitions, plan_start = parse_ambitions(themes, reader.fail)
    colours = reader.table(data, "colours")
    known_colours = set(STATUS_COLOURS) | set(HOUSE_COLOURS)
    reader.allow(colours, "colours", known_colours)
    monitor = reader.table(data, "monitor")
    reader.allow(
        monitor,
        "monitor",
        {
            "logo",
            "max_list_items",
            "read_only_recommended",
            "archive",
            "signals_on_page",
            "summary",
        },
    )

    colour_values = {}
    for name in colours:
        value = reader.text(colours, name, "", key=f"colours.{name}")
        if not _COLOUR.match(value):
            reader.fail(f"colours.{name}", "config_colour", value=value)
        colour_values[name] = value.upper()

    logo = reader.text(monitor, "logo", None, key="monitor.logo")
    logo_path = None
    if logo:
        logo_path = Path(logo)
        if not logo_path.is_absolute() and source is not None:
            logo_path = source.parent / logo_path
        if not logo_path.is_file():
            reader.fail("monitor.logo", "config_logo_missing", file=logo_path)
        if logo_path.suffix.lower() not in {".png", ".jpg", ".jpeg", ".gif", ".bmp"}:
            reader.fail("monitor.logo", "config_logo_type")

    archive = reader.text(monitor, "archive", None, key="monitor.archive")
    if archive is not None and not archive:
        reader.fail("monitor.archive", "config_text")

    max_items = monitor.get("max_list_items", Config.max_list_items)
    if not isinstance(max_items, int) or isinstance(max_items, bool) or not 1 <= max_items <= 30:
        reader.fail("monitor.max_list_items", "config_range", low=1, high=30)

    return Config(
        organisation=organisation,
        language=language,
        columns={k: reader.names(columns, k, f"columns.{k}") for k in columns},
        statuses={k: reader.names(statuses, k, f"statuses.{k}") for k in statuses},
        status_colours=status_colours,
        period_order=reader.names(periods, "order", "periods.order"),
        continuous_periods=reader.names(periods, "continuous", "periods.continuous"),
        themes=reader.names(themes, "names", "themes.names"),
        ambitions=ambitions,
        plan_start=plan_start,
        colours=colour_values,
        logo=logo_path,
        max_list_items=max_items,
        read_only_recommended=reader.flag(
            monitor, "read_only_recommended", "monitor.read_only_recommended"
        ),
        signals_on_page=reader.flag(monitor, "signals_on_page", "monitor.signals_on_page"),
        summary=reader.flag(monitor, "summary", "monitor.summary", default=True),
        archive=Path(archive) if archive else None,
        limits=_limits(reader, reader.table(data, "limits")),
        signals=_signals(reader, reader.table(data, "signals")),
        source=source,
    )


def _status_colours(reader: _Reader, table: Any) -> dict[str, str]:
    """``colours = { groen = "voltooid", "#FFC000" = "lopend" }``: a colour name (groen,
    oranje, geel, rood, blauw, grijs, ...) or #RRGGBB, and the status it stands for."""
    if not isinstance(table, dict):
        reader.fail("statuses.colours", "config_table")
    colours = {}
    for colour, status in table.items():
        key = f"statuses.colours.{colour}"
        name = synonyms.COLOUR_WORDS.get(colour.strip().casefold())
        if name is None and not _COLOUR.match(colour.strip()):
            reader.fail(key, "config_colour_name", value=colour)
        if not isinstance(status, str) or status.strip().casefold() not in terms.STATUSES:
            reader.fail(key, "config_choice", choices=", ".join(terms.STATUSES))
        colours[name or colour.strip().upper()] = status.strip().casefold()
    return colours


def _signals(reader: _Reader, table: Mapping[str, Any]) -> SignalSettings:
    """Which signals, and their thresholds; the ones not given keep their default."""
    reader.allow(
        table,
        "signals",
        {"enabled", "overdue_grace_days", "period_ending_months", "period_ending_min_share"},
    )
    defaults = SignalSettings()
    enabled = defaults.enabled
    if "enabled" in table:
        enabled = reader.names(table, "enabled", "signals.enabled")
        unknown = [name for name in enabled if name not in terms.SIGNALS]
        if unknown:
            reader.fail("signals.enabled", "config_choice", choices=", ".join(terms.SIGNALS))

    def number(name: str, low: float, high: float, kind: type) -> Any:
        value = table.get(name, getattr(defaults, name))
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float) if kind is float else int)
            or not low <= value <= high
        ):
            reader.fail(f"signals.{name}", "config_range", low=low, high=high)
        return kind(value)

    return SignalSettings(
        enabled=enabled,
        overdue_grace_days=number("overdue_grace_days", 0, 365, int),
        period_ending_months=number("period_ending_months", 0, 60, int),
        period_ending_min_share=number("period_ending_min_share", 0, 1, float),
    )


def _limits(reader: _Reader, table: Mapping[str, Any]) -> Limits:
    """Each limit a whole number from 1 up to its ceiling; the ones not given keep their default."""
    reader.allow(table, "limits", set(LIMIT_CEILINGS))
    values = {}
    for name, value in table.items():
        ceiling = LIMIT_CEILINGS[name]
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= ceiling:
            reader.fail(f"limits.{name}", "config_range", low=1, high=ceiling)
        values[name] = value
    return Limits(**values)


class _Reader:
    """Small helpers that name the offending key in every error."""

    def __init__(self, source: Path | None) -> None:
        self.source = source

    def fail(self, key: str, code: str, **params: object) -> NoReturn:
        raise ConfigError(code, path=self.source, where=None, key=key, **params)

    def allow(self, table: Mapping[str, Any], prefix: str, known: set[str]) -> None:
        for key in table:
            if key not in known:
                name = f"{prefix}.{key}" if prefix else key
                self.fail(name, "config_unknown_key", known=", ".join(sorted(known)))

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.fail(key, "config_table")
        return value

    def text(self, data: Mapping[str, Any], name: str, default: Any, key: str = "") -> Any:
        value = data.get(name, default)
        if value is not default and not isinstance(value, str):
            self.fail(key or name, "config_text")
        return value.strip() if isinstance(value, str) else value

    def flag(self, data: Mapping[str, Any], name: str, key: str, *, default: bool = False) -> bool:
        value = data.get(name, default)
        if not isinstance(value, bool):
            self.fail(key, "config_flag")
        return value

    def names(self, data: Mapping[str, Any], name: str, key: str) -> tuple[str, ...]:
        value = data.get(name, [])
        check: Callable[[object], bool] = lambda v: isinstance(v, str) and bool(v.strip())  # noqa: E731
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(check(v) for v in value):
            self.fail(key, "config_list")
        return tuple(v.strip() for v in value)
