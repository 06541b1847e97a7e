"""Warnings about a register, in English (msgids; msgctxt the code, ``<code>.hint`` for the
hint): what mvi-xl noticed while reading and what to do about it. ``i18n.message`` fills them in."""

from __future__ import annotations

from .labels import Plural

REGISTER_MESSAGES: dict[str, tuple[str | Plural, str]] = {
    "unknown_status": (
        "unknown status '{value}'; counted as 'unknown'",
        (
            "Did you mean '{suggestion}' ({canonical})? Fix the cell, or add the spelling under "
            "[statuses] in mvi-xl.toml."
        ),
    ),
    "unknown_status_nohint": (
        "unknown status '{value}'; counted as 'unknown'",
        (
            "Use voltooid, lopend, gepland or vervallen, or add the spelling under [statuses] in "
            "mvi-xl.toml."
        ),
    ),
    "empty_status": (
        "no status filled in; counted as 'unknown'",
        "Fill in voltooid, lopend, gepland or vervallen.",
    ),
    "empty_period": (
        "no period filled in; counted under '(no period)'",
        "Fill in the period, for example '{example}'.",
    ),
    "empty_action": (
        "no action text; the row still counts",
        "Describe the action, or clear the whole row.",
    ),
    "bad_date": (
        "'{value}' is not a valid date; ignored",
        "Write the date as day-month-year, for example 05-07-2018.",
    ),
    "completed_after_as_of": (
        "completion date {date} is after the reference date {as_of}",
        "Check the date, or choose a later reference date with --as-of.",
    ),
    "duplicate_column": (
        "column '{header}' also looks like '{field}'; column {used} is used",
        "Rename one of the two columns if this is wrong.",
    ),
    "bad_progress": (
        "unknown progress '{value}'",
        "Use groen, oranje or rood.",
    ),
    "bad_highlight": (
        "'{value}' is not yes or no; the action is not highlighted",
        "Fill in ja or nee.",
    ),
    "communication_status": (
        "unknown status '{value}' for a communication moment",
        "Use gerealiseerd or gepland.",
    ),
    "repeated_header": (
        "repeated header row skipped",
        "Nothing to do; a blank row between blocks works too.",
    ),
    "unmatched_rows": (
        Plural(
            (
                "{count} completed action without a unique number; cannot be compared with the "
                "snapshot of {date}"
            ),
            (
                "{count} completed actions without a unique number; cannot be compared with the "
                "snapshot of {date}"
            ),
        ),
        "Give every action its own number (column Nr) or add a completion date column.",
    ),
    "no_snapshot_to_compare": (
        (
            "no snapshot on or before {since} and no completion date column; the list of "
            "completed actions stays empty"
        ),
        (
            "Record an old copy of the register with mvi-xl history add, or add a completion "
            "date column."
        ),
    ),
    "duplicate_file": (
        "'{copy}' is the same file as '{original}' (an exact copy); only '{original}' was read",
        "Remove or move the copy out of the folder; every action now counts once.",
    ),
    "repeated_source": (
        "'{name}' is given more than once (also as '{again}'); read once",
        "Give each register once.",
    ),
    "duplicate_action": (
        "action {id} '{text}' is also in {others} (same number and text); every row counts",
        (
            "Is the action in two registers by mistake? Remove it from one; if it is another "
            "action, give it its own number."
        ),
    ),
    "source_read": (
        Plural(
            "{count} action read (sheet {sheet})",
            "{count} actions read (sheet {sheet})",
        ),
        "",
    ),
    "source_is_monitor": (
        "this is a monitor made by mvi-xl, not a register; skipped",
        "Nothing to do; if the monitor does not belong in the folder of registers, move it.",
    ),
    "history_not_saved": (
        "the history was not updated this time: {reason}",
        "Nothing to do; the next run records the snapshot.",
    ),
    "monitor_in_use": (
        "{target} is in use (open in Excel?); the new monitor is in {path}",
        "Close the monitor; the next run replaces it again.",
    ),
    "year_status_guessed": (
        Plural(
            (
                "the status at the end of {year} of {count} action is a guess: no start or "
                "completion date tells, and no published monitor up to {date} holds it"
            ),
            (
                "the status at the end of {year} of {count} actions is a guess: no start or "
                "completion date tells, and no published monitor up to {date} holds them"
            ),
        ),
        (
            "Fill in the start date and the completion date, or record the register as it "
            "stood then with mvi-xl history add."
        ),
    ),
    "year_view": (
        "the monitor of {year}: completed in {year}, the status on {date}; nothing is recorded "
        "in the history",
        "",
    ),
    "year_not_compared": (
        "no published monitor on or before {date}: the counts are not compared with the year "
        "before",
        "To compare, record the register as it stood then with mvi-xl history add.",
    ),
    "history_new": (
        "new history started",
        "Nothing to do; every next monitor compares with this one.",
    ),
    "history_deleted": (
        Plural(
            "the history ({count} snapshot) is missing; a new one was started",
            "the history ({count} snapshots) is missing; a new one was started",
        ),
        (
            "Restore the history file (from a backup, say) and build again, or record old "
            "registers with mvi-xl history add."
        ),
    ),
    "history_unreadable_aside": (
        "the history is unreadable ({reason}); kept aside as {aside} and started afresh",
        "Repair the file or restore a backup; nothing was overwritten.",
    ),
    "history_cut": (
        (
            "the history was cut off: the incomplete snapshot of {date} was left out; the "
            "complete ones were read"
        ),
        "Nothing to do; if there is a backup of the history, you may restore it.",
    ),
    "history_snapshot_unreadable": (
        (
            "the snapshot of {date} in the history is unreadable ({reason}); left out, the "
            "others were read"
        ),
        (
            "Restore a backup of the history, or record that reference date again with mvi-xl "
            "history add."
        ),
    ),
    "history_kept_aside": (
        "the original history file was kept aside as {aside}",
        "Nothing to do; nothing was overwritten.",
    ),
    "history_other_register": (
        (
            "the history belongs to another register ({other}); this refresh of {register} was "
            "not recorded"
        ),
        (
            "Do two registers make this monitor? Give each its own monitor with -o. Was the "
            "register renamed? Then publish with --publish: the history goes on with this name."
        ),
    ),
    "history_other_register_published": (
        (
            "the history belonged to another register ({other}); from this published monitor on "
            "it belongs to {register}"
        ),
        "If this is wrong, remove this snapshot with mvi-xl history remove.",
    ),
    "refresh_before_published": (
        (
            "snapshot not recorded: the history has a published monitor of {date}, after this "
            "reference date"
        ),
        "Nothing to do; a refresh is only recorded as the latest snapshot.",
    ),
    "refresh_before_refresh": (
        "snapshot not recorded: the history has a refresh of {date}, after this reference date",
        (
            "Nothing to do. If {date} was a mistake, remove that refresh with mvi-xl history "
            "remove {iso}."
        ),
    ),
    "no_snapshot_on_since": (
        (
            "no snapshot on {since}: the counts are not compared; completed actions are counted "
            "by their completion date"
        ),
        (
            "To compare with a published monitor, give its reference date (mvi-xl history list "
            "shows them) or leave out --since."
        ),
    ),
    "stray_row": (
        "row with only '{value}' outside the recognised columns; not counted as an action",
        "Is it an action? Then put the text in the action, period and status columns.",
    ),
    "section_rows": (
        Plural(
            (
                "{count} section heading not counted as an action ('{first}'); the actions below "
                "carry the heading as their section"
            ),
            (
                "{count} section headings not counted as actions (the first: '{first}'); the "
                "actions below carry the heading as their section"
            ),
        ),
        (
            "Nothing to do; each action shows its heading in the Section column. Is it an action "
            "after all? Then fill in its period and status."
        ),
    ),
    "total_rows": (
        Plural(
            "{count} total row not counted as an action ('{first}')",
            "{count} total rows not counted as actions (the first: '{first}')",
        ),
        (
            "Nothing to do: mvi-xl counts by itself. Is it an action after all? Then fill in "
            "action, period and status."
        ),
    ),
    "number_rows": (
        Plural(
            "{count} row holding only a number not counted as an action",
            "{count} rows holding only a number not counted as actions",
        ),
        "Fill in the action, its period and status, or remove the number.",
    ),
    "notes_rows": (
        Plural(
            "{count} row under the last action read as notes, not as an action ('{first}')",
            (
                "{count} rows under the last action read as notes, not as actions (the first: "
                "'{first}')"
            ),
        ),
        "Nothing to do. Are they actions after all? Then fill in their period and status.",
    ),
    "actions_outside_table": (
        Plural(
            (
                "{count} row that looks like an action lies outside the Excel Table {table}; not "
                "counted"
            ),
            "{count} rows that look like actions lie outside the Excel Table {table}; not counted",
        ),
        "Resize the table to include these rows (Table Design > Resize Table), or remove them.",
    ),
    "outside_table": (
        Plural(
            "{count} row outside the Excel Table {table} not read",
            "{count} rows outside the Excel Table {table} not read",
        ),
        "",
    ),
    "hidden_action_sheets": (
        Plural(
            "hidden sheet with actions not read",
            "{count} hidden sheets with actions not read",
        ),
        "Unhide the sheet to count its actions, or read it with --sheet.",
    ),
    "sheet_repeats": (
        (
            "sheet not read: it repeats the actions of sheet {other} (the same numbers and "
            "texts), like an old copy of the register"
        ),
        (
            "If so, nothing to do; if this is the sheet that counts, read it with --sheet, or "
            "remove the copy from the file."
        ),
    ),
    "sheet_not_read": (
        "sheet not read: the column {missing} is missing (header on row {row})",
        "Add the column, or name your column under [columns] in mvi-xl.toml.",
    ),
    "sheets_skipped": (
        Plural(
            "sheet skipped: no header of actions (Actie, Periode, Status)",
            "{count} sheets skipped: no header of actions (Actie, Periode, Status)",
        ),
        "",
    ),
    "sheets_as_theme": (
        "the sheets are themes: their name is the theme of their actions",
        "",
    ),
    "sheets_as_department": (
        "the sheets are departments: their name is the department of their actions",
        "",
    ),
    "period_from_sheet": (
        "no period column: the period of the actions is the sheet's name ('{sheet}')",
        "",
    ),
    "period_from_sections": (
        "no period column: the period of each action is the section heading above it",
        "",
    ),
    "unused_columns": (
        "columns mvi-xl does not use: {columns}",
        "",
    ),
    "status_colour_only": (
        "the status cell has only a colour ({colour}, {rgb}), no text; counted as 'unknown'",
        (
            "Write the status as text in the cell, or say in mvi-xl.toml which colour is which "
            'status: under [statuses] colours = {{ {colour} = "voltooid" }}.'
        ),
    ),
    "progress_colour": (
        "the progress cell has only the colour {colour} ({rgb}), not green, orange or red",
        "Fill the cell green, orange or red, or write the progress as text.",
    ),
    "theme_mark": (
        Plural(
            (
                "theme column {theme}: {count} cell without an x ('{value}'); not counted as the "
                "theme"
            ),
            (
                "theme column {theme}: {count} cells without an x, such as '{value}'; not "
                "counted as the theme"
            ),
        ),
        "Put an x (or ja, ✓, 1) beside the actions of this theme and leave the other cells empty.",
    ),
    "hidden_sheet": (
        "the register is on a hidden sheet",
        "Nothing to do; choose another sheet with --sheet if this is wrong.",
    ),
}
