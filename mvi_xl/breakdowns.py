"""The views per department, theme and source: status counts per group, every department and
theme in one spelling of its name so that the COUNTIFS on the Acties sheet find them all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter
from typing import Any

from .model import Action, GroupCounts, Register
from .words.terms import ONBEKEND, STATUSES, label_key

#: Columns whose spellings of one name are one group (``terms.label_key``), as periods
#: are. The views count them with COUNTIFS on the Acties sheet, so every action must carry the
#: one spelling its group shows.
MERGED_NAMES = ("department", "theme")


def one_spelling(register: Register) -> Register:
    """Every department and theme in the first spelling met of its name, with runs of spaces
    made one ("Ruimte-beheer" becomes "Ruimte – Beheer" when that came first); an action's
    several themes each so. The register itself when nothing changes, the usual case."""
    renames: dict[str, dict[str, str]] = {}
    for name in MERGED_NAMES:
        first: dict[str, str] = {}
        renamed = {}
        for value in dict.fromkeys(_values(register.actions, name)):  # in order of appearance
            tidy = " ".join(value.split())
            label = first.setdefault(label_key(tidy), tidy)
            if label != value:
                renamed[value] = label
        if renamed:
            renames[name] = renamed
    if not renames:
        return register
    actions = []
    for action in register.actions:
        changes: dict[str, Any] = {}  # Action fields and their new values
        if "department" in renames and action.department in renames["department"]:
            changes["department"] = renames["department"][action.department]
        themes = renames.get("theme", {})
        if themes and any(t in themes for t in themes_of(action)):
            changed = tuple(themes.get(t, t) for t in themes_of(action))
            changes["themes"] = changed
            changes["theme"] = "; ".join(changed)
        actions.append(replace(action, **changes) if changes else action)
    return replace(register, actions=tuple(actions))


def themes_of(action: Action) -> tuple[str, ...]:
    """An action's themes: several from one cell or from theme columns, else its one theme."""
    if action.themes:
        return action.themes
    return (action.theme,) if action.theme else ()


def _values(actions: Iterable[Action], name: str) -> Iterable[str]:
    if name == "theme":
        for action in actions:
            yield from themes_of(action)
    else:
        yield from map(attrgetter(name), actions)


def several_themes(register: Register) -> bool:
    """Whether some action has more than one theme: then Per thema adds up to more than the
    number of actions."""
    return any(len(action.themes) > 1 for action in register.actions)


BREAKDOWN_FIELDS = ("department", "theme", "source")


def breakdown(actions: Iterable[Action], field_name: str) -> tuple[GroupCounts, ...]:
    """Status counts per value of one field, in order of first appearance; the bucket "" for
    actions without a value comes last. Every action lands in exactly one group, except that
    an action with several themes counts under each of them."""
    if field_name == "theme":
        raw = Counter(
            (theme, action.status) for action in actions for theme in (themes_of(action) or ("",))
        )
    else:
        value_of = attrgetter(field_name)
        raw = Counter((value_of(action), action.status) for action in actions)  # first seen first
    labels: dict[str, str] = {}
    counts: Counter[tuple[str, str]] = Counter()
    keys: dict[str, str] = {}  # each distinct cell text reduced once
    for (value, status), count in raw.items():
        key = keys.get(value)
        if key is None:
            label = " ".join(value.split())
            key = keys[value] = label_key(label)
            labels.setdefault(key, label)
        counts[(key, status)] += count
    groups = [
        GroupCounts(label, {s: counts[(key, s)] for s in (*STATUSES, ONBEKEND)})
        for key, label in labels.items()
    ]
    return tuple(sorted(groups, key=lambda g: g.label == ""))


def breakdowns_of(register: Register) -> dict[str, tuple[GroupCounts, ...]]:
    """The views the register allows: a column it has, or several sources."""
    views = {}
    for name in BREAKDOWN_FIELDS:
        present = (
            register.has(name)
            if name != "source"
            else len({a.source for a in register.actions}) > 1
        )
        if present:
            views[name] = breakdown(register.actions, name)
    return views
