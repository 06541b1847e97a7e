"""Messages of the ambitions per theme (ambition_config.py, ambitions.py), in English: the
msgids of the catalogues (msgctxt the code, ``<code>.hint`` for the hint)."""

from __future__ import annotations

from .labels import Plural

AMBITION_MESSAGES: dict[str, tuple[str | Plural, str]] = {
    # mvi-xl.toml (exit 2)
    "config_ambition_value": (
        "setting '{key}' must be an ambition level or a table",
        (
            'Under [themes.ambitions] write {name} = "ambitieus", or {name} = {{ level = '
            '"ambitieus", target = "80%", target_date = 2025-12-31 }}.'
        ),
    ),
    "config_ambition_level": (
        "setting '{key}': '{value}' is not an ambition level",
        (
            "Write basis, significant or ambitieus (in English basic, significant or ambitious), "
            'as in level = "ambitieus".'
        ),
    ),
    "config_ambition_target": (
        "setting '{key}': '{value}' is not a share",
        (
            "Write the share of the theme's actions to complete, more than 0% and at most "
            '100%, as in {name} = "80%" or {name} = 0.8.'
        ),
    ),
    "config_ambition_date": (
        "setting '{key}': '{value}' is not a date",
        'Write a date without quotes, as in {name} = 2025-12-31, or as text, "31-12-2025".',
    ),
    "config_ambition_needs_date": (
        "setting '{key}': a target needs a target date",
        "Add target_date = 2025-12-31 beside it: the day the share should be reached.",
    ),
    "config_ambition_needs_target": (
        "setting '{key}': a target date needs a target",
        'Add target = "80%" beside it: the share of the theme\'s actions completed by then.',
    ),
    "config_ambition_start": (
        "setting '{key}': the start {start} is not before the target date {date}",
        "Give a start before the target date, or leave it out (see templates/mvi-xl.toml).",
    ),
    "config_ambition_twice": (
        "setting '{key}': the theme '{theme}' has an ambition twice (also as '{other}')",
        "Keep one entry per theme; case and spaces don't count.",
    ),
    # the register (warnings)
    "unknown_ambition": (
        "unknown ambition level '{value}'",
        "Use basis, significant or ambitieus (basic, significant or ambitious).",
    ),
    "ambition_levels_differ": (
        "the actions of theme '{theme}' carry different ambition levels: {levels}",
        (
            "Give the theme's level in mvi-xl.toml, [themes.ambitions] {theme_key} = "
            '"ambitieus", or make the actions agree.'
        ),
    ),
    # notices
    "ambition_theme_without_actions": (
        "the theme '{theme}' of [themes.ambitions] in mvi-xl.toml has no actions",
        "It is shown with no actions; check its spelling against the register's Thema column.",
    ),
    "ambitions_without_themes": (
        "mvi-xl.toml gives ambitions per theme, but the register has no theme column",
        "Add a column Thema to the register.",
    ),
    "ambition_no_start": (
        "no start for the targets per theme: the share expected now is not computed",
        (
            "Give [themes] plan_start = 2022-01-01 in mvi-xl.toml, or fill in the start dates "
            "in the register."
        ),
    ),
}
