"""The ambition per theme: the level a signatory of the Manifest MVOI 2022-2025 chose for it
(basis, significant, ambitieus), the share of its actions completed, and, with a target ("80%
completed by 31-12-2025"), whether it is on course. Pure: computed once per monitor and
rendered on Per thema (writer/ambition_table.py), in --json and in the terminal.

The rules (README.md, "Ambitions per theme"):

- **Level**: the one ``[themes.ambitions]`` in mvi-xl.toml gives; else the level the theme's
  actions carry in the register's Ambitieniveau column when they agree (an action with several
  themes carries its level to each); when they differ, no level and a warning naming a cell of
  each level. A cell that names no known level is a warning naming the cell.
- **Share completed**: the theme's voltooid actions over all of its actions, as the Per thema
  table counts them (0 without actions).
- **Expected now**, for a target T by the target date D from the start S: T x (peildatum - S)
  / (D - S), in days: nothing before S, T from D on. S is the theme's own ``start``, else
  ``[themes] plan_start``, else the register's first start date, else the first day of the
  earliest year a period label names ("Aan de slag in 2017": 01-01-2017); without any, no
  expected share (a notice says how to give one).
- **Course**: ``met`` once the share completed reaches T (also before D); else ``not_met``
  from D on (the target date is the day of the verdict: a year report at 31-12 for a target
  "by 31-12" says not met); else ``on_course`` when the share is at least the expected share,
  ``behind`` when less.

The workbook computes Verwacht nu and Koers with formulas from the same cells, in the same
order of operations, so its cached values are these numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .ambition_config import ThemeAmbition, ambition_level
from .breakdowns import themes_of
from .config import Config
from .model import Action, Finding, GroupCounts, Register
from .periods import first_day
from .words.i18n import Words
from .words.terms import ONBEKEND, STATUSES, VOLTOOID, label_key

MET, ON_COURSE, BEHIND, NOT_MET = "met", "on_course", "behind", "not_met"


@dataclass(frozen=True)
class Ambition:
    """One theme of Per thema with its ambition."""

    theme: str  # the label Per thema shows
    total: int
    completed: int
    level: str | None = None  # one of terms.AMBITION_LEVELS
    level_from: str = ""  # "config" or "register"; "" without a level
    target: float | None = None
    target_date: dt.date | None = None
    start: dt.date | None = None
    expected: float | None = None  # the share expected at the peildatum
    course: str | None = None  # MET, ON_COURSE, BEHIND, NOT_MET; None without a target

    @property
    def share(self) -> float:
        return self.completed / self.total if self.total else 0.0


@dataclass(frozen=True)
class ThemeAmbitions:
    """What the compute step takes from this module."""

    ambitions: tuple[Ambition, ...] = ()  # every theme when any has a level or target
    groups: tuple[GroupCounts, ...] = ()  # the Per thema groups, configured themes included
    findings: tuple[Finding, ...] = ()
    notices: tuple[Finding, ...] = ()


def expected_share(
    target: float, span: tuple[dt.date | None, dt.date], as_of: dt.date
) -> float | None:
    """The share expected at ``as_of`` of a target over ``span`` (start, target date): linear
    in days, nothing before the start, the whole target from the target date on. None when
    the start is unknown (and the target date still to come)."""
    start, target_date = span
    if as_of >= target_date:
        return target
    if start is None:
        return None
    if as_of <= start:
        return 0.0
    return target * (as_of - start).days / (target_date - start).days


def course_of(
    *,
    share: float,
    target: float | None,
    expected: float | None,
    target_date: dt.date | None,
    as_of: dt.date,
) -> str | None:
    """met, not_met, on_course or behind (see the module docstring); None without a target,
    or before the target date without an expected share."""
    if target is None or target_date is None:
        return None
    if share >= target:
        return MET
    if as_of >= target_date:
        return NOT_MET
    if expected is None:
        return None
    return ON_COURSE if share >= expected else BEHIND


def theme_ambitions(
    register: Register, groups: Sequence[GroupCounts] | None, config: Config, as_of: dt.date
) -> ThemeAmbitions:
    """The ambitions of the themes in ``groups`` (Per thema's; None when the register has no
    theme column), with the warnings of the Ambitieniveau column."""
    if not config.ambitions and not register.has("ambition"):
        return ThemeAmbitions(groups=tuple(groups or ()))
    findings, levels = _register_levels(register)
    if groups is None:
        missing = [Finding("ambitions_without_themes", "")] if config.ambitions else []
        return ThemeAmbitions(findings=tuple(findings), notices=tuple(missing))
    configured = {label_key(a.theme): a for a in config.ambitions}
    groups, notices = _with_configured(groups, config.ambitions)
    start = _plan_start(register, config)
    ambitions = []
    for group in groups:
        if not group.label:
            continue
        key = label_key(group.label)
        entry = configured.get(key, ThemeAmbition(group.label))
        level, level_from = entry.level, "config" if entry.level else ""
        found = levels.get(key, {})
        if level is None and len(found) == 1:
            level, level_from = next(iter(found)), "register"
        elif level is None and len(found) > 1:
            findings.append(_levels_differ(register, group.label, found))
        ambitions.append(_ambition(group, entry, (level, level_from), entry.start or start, as_of))
    if not any(a.level or a.target for a in ambitions):
        ambitions = []
    if any(a.target for a in ambitions) and any(a.expected is None for a in ambitions if a.target):
        notices.append(Finding("ambition_no_start", ""))
    return ThemeAmbitions(tuple(ambitions), tuple(groups), tuple(findings), tuple(notices))


def _ambition(
    group: GroupCounts,
    entry: ThemeAmbition,
    level: tuple[str | None, str],
    start: dt.date | None,
    as_of: dt.date,
) -> Ambition:
    completed = group.by_status[VOLTOOID]
    share = completed / group.total if group.total else 0.0
    expected = None
    if entry.target is not None and entry.target_date is not None:
        expected = expected_share(entry.target, (start, entry.target_date), as_of)
    course = course_of(
        share=share,
        target=entry.target,
        expected=expected,
        target_date=entry.target_date,
        as_of=as_of,
    )
    return Ambition(
        theme=group.label,
        total=group.total,
        completed=completed,
        level=level[0],
        level_from=level[1],
        target=entry.target,
        target_date=entry.target_date,
        start=start if entry.target is not None else None,
        expected=expected,
        course=course,
    )


#: Per theme (label_key), per level the actions carrying it, in register order.
Levels = dict[str, dict[str, list[Action]]]


def _register_levels(register: Register) -> tuple[list[Finding], Levels]:
    """The Ambitieniveau column: per theme the levels its actions carry; a warning per cell
    that names no known level."""
    findings: list[Finding] = []
    levels: Levels = {}
    if not register.has("ambition"):
        return findings, levels
    known: dict[str, str | None] = {}
    for action in register.actions:
        text = action.ambition
        if not text:
            continue
        if text not in known:
            known[text] = ambition_level(text)
        level = known[text]
        if level is None:
            where = register.where(action, "ambition")
            findings.append(Finding("unknown_ambition", where, {"value": _shorten(text)}))
            continue
        for theme in themes_of(action):
            levels.setdefault(label_key(" ".join(theme.split())), {}).setdefault(level, []).append(
                action
            )
    return findings, levels


def _levels_differ(register: Register, theme: str, found: dict[str, list[Action]]) -> Finding:
    """A warning at the first action of the second level met, naming a cell of each level."""
    cells = {level: register.where(actions[0], "ambition") for level, actions in found.items()}
    first_cells = sorted(cells.items(), key=lambda item: found[item[0]][0].row)
    return Finding(
        "ambition_levels_differ",
        first_cells[1][1],
        {
            "theme": theme,
            "theme_key": theme if theme.replace(" ", "").isalnum() else f'"{theme}"',
            "levels": ", ".join(f"{level} ({cell})" for level, cell in first_cells),
        },
    )


def _with_configured(
    groups: Sequence[GroupCounts], ambitions: Iterable[ThemeAmbition]
) -> tuple[tuple[GroupCounts, ...], list[Finding]]:
    """Per thema's groups and a group without actions for each configured theme the register
    doesn't have (before the group without a theme), each with a notice."""
    known = {label_key(g.label) for g in groups if g.label}
    missing = [a.theme for a in ambitions if label_key(a.theme) not in known]
    if not missing:
        return tuple(groups), []
    empty = [GroupCounts(name, dict.fromkeys((*STATUSES, ONBEKEND), 0)) for name in missing]
    named = [g for g in groups if g.label]
    rest = [g for g in groups if not g.label]
    notices = [Finding("ambition_theme_without_actions", "", {"theme": n}) for n in missing]
    return (*named, *empty, *rest), notices


def _plan_start(register: Register, config: Config) -> dt.date | None:
    """The start of a theme without a start of its own: ``plan_start``, else the register's
    first start date, else the first day of the earliest year a period label names."""
    if config.plan_start is not None:
        return config.plan_start
    starts = [a.start for a in register.actions if a.start is not None]
    if starts:
        return min(starts)
    years = [day for day in map(first_day, register.periods) if day is not None]
    return min(years) if years else None


def ambitions_json(ambitions: Sequence[Ambition]) -> list[dict[str, object]]:
    """``--json`` ``ambitions``: per theme of Per thema its ambition (empty when no theme has
    a level or a target). Levels are the Manifest's words, courses stable codes, in every
    language."""

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value is not None else None

    return [
        {
            "theme": a.theme,
            "level": a.level,
            "level_from": a.level_from or None,
            "total": a.total,
            "completed": a.completed,
            "share": a.share,
            "target": a.target,
            "start": day(a.start),
            "target_date": day(a.target_date),
            "expected": a.expected,
            "course": a.course,
        }
        for a in ambitions
    ]


def off_course_text(ambitions: Sequence[Ambition], words: Words) -> str | None:
    """The terminal's line on the themes behind their target or past it without reaching it:
    "2 thema's lopen achter op hun ambitie: Klimaat (achter), Circulair (niet gehaald)."; None
    when there are none."""
    off = [a for a in ambitions if a.course in (BEHIND, NOT_MET)]
    if not off:
        return None
    themes = ", ".join(f"{a.theme} ({words[f'course.{a.course}']})" for a in off)
    return words.plural("summary.behind", len(off), themes=themes)


def level_label(text: str, words: Words) -> str:
    """An Ambitieniveau cell as the Acties sheet shows it: the level in the run's language
    when it names one, else as typed."""
    level = ambition_level(text)
    return words[f"ambition.{level}"] if level else text


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "BEHIND",
    "MET",
    "NOT_MET",
    "ON_COURSE",
    "Ambition",
    "ThemeAmbitions",
    "ambitions_json",
    "course_of",
    "expected_share",
    "level_label",
    "off_course_text",
    "theme_ambitions",
]
