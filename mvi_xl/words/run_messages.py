"""Why a run stops, in English (msgids; msgctxt the code, ``<code>.hint`` for the hint): the
monitor and its folder, the history and the archive, the shared drive, the command line, a
schedule, the configuration and the PDF."""

from __future__ import annotations

from .labels import Plural

RUN_MESSAGES: dict[str, tuple[str | Plural, str]] = {
    # the command line
    "not_a_date": ("'{value}' is not a date; use YYYY-MM-DD or DD-MM-YYYY", ""),
    "not_a_time": ("'{value}' is not a time; use HH:MM", ""),
    "not_a_year": ("'{value}' is not a year; use four digits, such as 2024", ""),
    # --jaar (year_view.py)
    "year_and_publish": (
        "--jaar {year} is a view of that year, not a monitor to publish; leave out --publish",
        "Publish the monitor of a reference date: mvi-xl build REGISTER --as-of DATE --publish",
    ),
    "year_and_option": (
        "--jaar {year} sets the reference date itself (the end of the year) and does not go "
        "with {option}",
        "Leave out {option}.",
    ),
    "year_in_future": (
        "--jaar {year} has not begun yet: it is {current} now",
        "Choose {current} or an earlier year.",
    ),
    "year_without_actions": (
        "the register has no actions in {year}: its first year is {first}",
        "Choose a year from {first} to {last}.",
    ),
    "year_output_is_monitor": (
        "this is a monitor with a history; the monitor of {year} never replaces it",
        "Leave out -o (the monitor of {year} goes beside the monitor, named after the year) "
        "or choose another file name.",
    ),
    "internal_error": (
        "internal error: {error}",
        "Run again with MVI_XL_DEBUG=1 for details and please report it.",
    ),
    "strict": (
        Plural(
            "{count} warning and --strict: {first}",
            "{count} warnings and --strict; first: {first}",
        ),
        "Fix the warnings (mvi-xl check lists them all) or leave out --strict.",
    ),
    "write_failed": (
        "cannot write the monitor: {reason}",
        "Choose a folder you can write to with -o.",
    ),
    "output_is_register": (
        "the output would overwrite the register itself",
        "Choose another file name for the monitor with -o.",
    ),
    "output_is_folder": (
        "this is a folder; the monitor must be a file",
        "Give a file name with -o, for example monitor.xlsx.",
    ),
    "exists": (
        "already exists; mvi-xl does not overwrite an existing register",
        "Choose another file name.",
    ),
    "since_after_as_of": (
        "--since {since} is not before the reference date {as_of}",
        "Use the previous monitor's reference date for --since.",
    ),
    "history_no_snapshot": (
        "the history has no snapshot on {date}",
        "mvi-xl history list shows the reference dates there are.",
    ),
    "history_which": (
        "which history? This folder has {count} ({names})",
        "Give the monitor or the history file.",
    ),
    "history_missing": (
        "there is no history (yet)",
        "Every mvi-xl build records a snapshot; record old registers with mvi-xl history add.",
    ),
    "history_unreadable": (
        "the history is unreadable: {reason}",
        "Repair the file or restore a backup.",
    ),
    "history_read_failed": (
        "cannot read the history: {reason}; nothing was changed",
        (
            "Try again (is the network drive there, does a virus scanner hold the file?); the "
            "history was not touched."
        ),
    ),
    "history_not_regular": (
        "the history is not a regular file (a pipe or a device, for example); nothing was changed",
        "Remove or rename it; mvi-xl then starts a new history.",
    ),
    "history_too_big": (
        "the history is {size} MB; the limit is {limit} MB; nothing was changed",
        (
            "Is this really this monitor's history? Then move the file aside; mvi-xl starts a "
            "new one."
        ),
    ),
    "history_newer": (
        (
            "the history was written by a newer version of mvi-xl ({found}; this version reads "
            "{supported}); nothing was changed"
        ),
        (
            "Upgrade mvi-xl on this computer (pip install --upgrade mvi-xl), so that every run "
            "on this drive uses the same version."
        ),
    ),
    "history_write_failed": (
        "cannot write the history: {reason}; the monitor and the history were not changed",
        "Free some space on the drive (or check the permissions) and try again.",
    ),
    "history_in_use": (
        "the history is in use (open in Excel?) and could not be replaced; nothing was published",
        "Close the history file and try again.",
    ),
    "archive_failed": (
        "cannot keep the published monitor in the archive: {reason}; nothing was published",
        (
            "Check the folder (setting archive under [monitor] in mvi-xl.toml) and that you may "
            "write there."
        ),
    ),
    "changing": (
        "the register changed while it was being read (is it being saved?)",
        "Try again in a minute; the previous monitor is unchanged.",
    ),
    "per_department_usage": (
        "--per-afdeling writes a folder of monitors and needs -o FOLDER, without --afdeling",
        "For example: mvi-xl build register.xlsx --per-afdeling -o monitors",
    ),
    "no_registers": (
        "this folder has no register (xlsx, xlsm, xlsb, xls, ods or csv)",
        (
            "Give the register itself, or a folder of registers; mvi-xl skips ~$ files and its "
            "own monitors."
        ),
    ),
    "no_department": (
        "department '{department}' is not in the register (there are: {known})",
        "Write the department as in the Department column; case doesn't matter.",
    ),
    "no_folder": (
        "cannot write the monitor: this folder does not exist",
        "Create the folder first, or choose an existing one with -o.",
    ),
    "owner_file": (
        "this is the helper file Excel puts beside an open workbook, not a register",
        "Give the register itself (without ~$ in its name).",
    ),
    "in_use": (
        "the monitor is in use (open in Excel?) and could not be replaced",
        "Close the monitor and try again.",
    ),
    "busy": (
        Plural(
            "another mvi-xl run is already making this monitor; gave up after {seconds} second",
            "another mvi-xl run is already making this monitor; gave up after {seconds} seconds",
            n="seconds",
        ),
        (
            "Try again later; stop a task that hangs. mvi-xl takes over the lock of a run that "
            "was cut off by itself."
        ),
    ),
    "monitor_read_only": (
        "the monitor is read-only and can't be replaced ({reason})",
        "Clear 'Read-only' in the file's properties, or choose another name with -o.",
    ),
    "write_denied": (
        "no permission to write ({reason})",
        "Ask for write permission on this folder, or choose a folder you may write to with -o.",
    ),
    "drive_gone": (
        "the drive can't be reached ({reason})",
        "Is the (network) drive available? Nothing was changed; try again once the drive is back.",
    ),
    "lock_lost": (
        "another mvi-xl run took over the lock; the monitor was not replaced",
        (
            "Nothing to do: the other run makes the monitor. If this run hung for long, look at "
            "the scheduled task."
        ),
    ),
    "writes_register": (
        "this file is the register {register}; mvi-xl never writes into a register",
        "Choose another name (with -o or --log-file).",
    ),
    "link_outside": (
        "link to a file outside the folder ({target}); not read",
        "Put the register itself in the folder, or give it separately.",
    ),
    "path_too_long": (
        "the path is {length} characters long; Excel opens files up to {limit} characters",
        "Choose a shorter folder or name (with -o), or Excel won't open this file.",
    ),
    "pdf_in_use": (
        "{target} is in use (open in a PDF viewer?); the new PDF is in {path}",
        "Close the PDF; the next run replaces it again.",
    ),
    "schedule_bad_argument": (
        "'{argument}' can't go into a scheduled task (a double quote or a control character)",
        "Choose a name without double quotes.",
    ),
    "schedule_cmd_dir": (
        "the task file {folder} has a character cmd.exe reads specially (% & | < > ^ ( ) !)",
        "Choose a folder without those characters with --cmd-dir.",
    ),
    "schedule_python": (
        "the task is for Windows and this computer is not Windows, so the Python there is unknown",
        (
            "Give its full path with --python, for example --python 'C:\\Program "
            "Files\\Python311\\python.exe'."
        ),
    ),
    "schedule_too_long": (
        "the schtasks line would be {length} characters long; schtasks takes fewer than {limit}",
        "Choose a shorter folder with --cmd-dir, or a shorter account with --run-as.",
    ),
    "schedule_one_output": (
        "-o goes with one register; with more, each gets its own monitor",
        "Schedule the registers one by one with -o, or leave -o out.",
    ),
    "schedule_mapped_drive": (
        (
            "{path} is on a network drive with a drive letter, which a scheduled task without a "
            "logon doesn't see; the task uses {unc}"
        ),
        "Nothing to do; better give the UNC path from now on.",
    ),
    "schedule_drive_letter": (
        (
            "{path} starts with a drive letter; if that is a network drive, a scheduled task "
            "without a logon doesn't see it"
        ),
        "Give its UNC path then (\\\\server\\share\\...).",
    ),
    "no_register": (
        "no register given",
        "Give the path of the register, or use --example for the example.",
    ),
    "example_and_register": (
        "--example and a register exclude each other",
        "Leave out the register or --example.",
    ),
    "config_unreadable": (
        "cannot read the configuration file: {reason}",
        "Check the TOML syntax; see templates/mvi-xl.toml for an example.",
    ),
    "config_missing": (
        "configuration file not found",
        "Check the path given to --config.",
    ),
    "config_unknown_key": (
        "unknown setting '{key}'",
        "Known are: {known}. See templates/mvi-xl.toml.",
    ),
    "config_table": (
        "setting '{key}' must be a table",
        "Write it as a heading [{key}] with settings below it.",
    ),
    "config_text": (
        "setting '{key}' must be text",
        'Put the value in quotes, like {key} = "text".',
    ),
    "config_flag": (
        "setting '{key}' must be true or false",
        "Write {key} = true or {key} = false (without quotes).",
    ),
    "config_list": (
        "setting '{key}' must be a list of text",
        'Write it as {key} = ["Name 1", "Name 2"].',
    ),
    "config_choice": (
        "setting '{key}' has an unknown value",
        "Choose from: {choices}.",
    ),
    "config_colour": (
        "setting '{key}': '{value}' is not a colour",
        'Write a colour like "#1F4E79".',
    ),
    "config_colour_name": (
        "setting '{key}': '{value}' is not a colour",
        'Write a colour name (groen, oranje, geel, rood, blauw, grijs) or "#00B050".',
    ),
    "config_logo_missing": (
        "setting '{key}': image {file} not found",
        "A relative path counts from the folder of mvi-xl.toml.",
    ),
    "config_logo_type": (
        "setting '{key}': the logo must be an image",
        "Use a PNG, JPEG, GIF or BMP file.",
    ),
    "config_range": (
        "setting '{key}' is out of range",
        "Use a whole number from {low} to {high}.",
    ),
    "no_libreoffice": (
        (
            "LibreOffice not found; --pdf needs LibreOffice Calc to print the monitor as a PDF, "
            "so nothing was written"
        ),
        (
            "Install LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
            "libreoffice-calc-nogui), name soffice in {env}, or leave out --pdf."
        ),
    ),
    "pdf_failed": (
        "LibreOffice could not make the PDF ({reason}); the monitor was not replaced",
        "Try again, or build the monitor without --pdf and print it from Excel.",
    ),
}
