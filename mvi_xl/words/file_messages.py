"""Why a register can't be read, in English (msgids; msgctxt the code, ``<code>.hint`` for
the hint): the file, its package, its limits, its header. The reasons a file is unreadable, in
detail, are in ``reason_messages``."""

from __future__ import annotations

from .labels import Plural

FILE_MESSAGES: dict[str, tuple[str | Plural, str]] = {
    "no_header": (
        "no header row with the columns {required} in the first {rows} rows",
        (
            "Put the column names {required} in one row, or name your own under [columns] in "
            "mvi-xl.toml."
        ),
    ),
    "no_header_sheets": (
        (
            "no header row with the columns {required} in the first {rows} rows of the sheets "
            "{sheets}"
        ),
        (
            "Put the column names {required} in one row, or name your own under [columns] in "
            "mvi-xl.toml."
        ),
    ),
    "missing_columns": (
        "required columns '{field}' are missing (header on row {row}, found: {found})",
        "Add the columns, or name your columns under [columns] in mvi-xl.toml.",
    ),
    "missing_column": (
        "required column '{field}' is missing (header on row {row}, found: {found})",
        "Add a column '{example}', or name your column under [columns] in mvi-xl.toml.",
    ),
    "no_sheet": (
        "sheet '{sheet}' does not exist (there are: {available})",
        "Choose an existing sheet with --sheet.",
    ),
    "unreadable": (
        "cannot read the register: {reason}",
        "Check that it is an Excel, LibreOffice or CSV file and save it again.",
    ),
    "password": (
        "the register is password-protected",
        "Save a copy without a password and read that.",
    ),
    "not_found": (
        "file not found",
        "Check the path; is the (network) drive available?",
    ),
    "is_folder": (
        "this is a folder, not a register",
        "Give the path of the register file.",
    ),
    "no_permission": (
        "no permission to read this file",
        "Ask for read access, or copy the register to a folder you can read.",
    ),
    "empty_file": (
        "the file is empty",
        "Choose the right register, or save it again.",
    ),
    "not_spreadsheet": (
        "this is not a spreadsheet (xlsx, xlsm, xlsb, xls, ods or csv)",
        "Choose the register file, or save it from Excel as .xlsx.",
    ),
    "register_is_monitor": (
        "this is a monitor made by mvi-xl, not a register",
        (
            "Give the register the monitor was made from. If this really is a register, remove "
            "its property 'mvi-xl fingerprint' (Excel: File > Info > Properties > Advanced "
            "Properties > Custom)."
        ),
    ),
    "workbook_renamed": (
        "the workbook is stored in this file as {part}, a name mvi-xl cannot read",
        (
            "Open the file in Excel or LibreOffice and save it again; that gives the workbook "
            "its usual name."
        ),
    ),
    "mixed_package": (
        (
            "this file is an {first} and an {second} file at once, which no spreadsheet program "
            "writes"
        ),
        "Don't use this file; open the register in Excel and save it again.",
    ),
    "duplicate_part": (
        "part {part} is in the file twice (ignoring case)",
        "Don't use this file; open the register in Excel and save it again.",
    ),
    "damaged": (
        "the file is damaged or was not saved completely",
        "Open it in Excel, save it again and retry.",
    ),
    "file_too_big": (
        "the file is {size} MB; the limit is {limit} MB",
        "Is this really the register? Then raise max_file_mb under [limits] in mvi-xl.toml.",
    ),
    "not_regular_file": (
        "this is not a regular file (a device or a pipe, for example)",
        "Give the path of the register file itself.",
    ),
    "markup_file": (
        "this is a web page or an XML file, not a spreadsheet",
        "Open it in Excel and save it as an Excel workbook (.xlsx).",
    ),
    "too_many_parts": (
        "the file consists of more than {limit} parts ({count})",
        "No register looks like this; open it in Excel and save it again.",
    ),
    "zip_ratio": (
        (
            "the file unpacks to {size} MB (limit {unpacked} MB) and part {part} inflates "
            "{ratio} times (more than {limit}); this looks like a zip bomb"
        ),
        (
            "Don't use this file; open the register in Excel and save it again. If you trust it "
            "all the same, raise max_unpacked_mb under [limits] in mvi-xl.toml."
        ),
    ),
    "unpacked_too_big": (
        "the file unpacks to {size} MB; the limit is {limit} MB",
        (
            "Remove large images or unneeded sheets, or raise max_unpacked_mb under [limits] in "
            "mvi-xl.toml."
        ),
    ),
    "zip_size_mismatch": (
        "part {part} inflates to more than it declares: the file was tampered with or is damaged",
        "Don't use this file; open the register in Excel and save it again.",
    ),
    "xml_doctype": (
        "part {part} contains a DTD (<!DOCTYPE>), which Excel never writes; the file was not read",
        "This may be an attack (XML entities). Open the register in Excel and save it again.",
    ),
    "too_many_rows": (
        "the sheet has data on more than {limit} rows",
        "Remove what is below the register, or raise max_rows under [limits] in mvi-xl.toml.",
    ),
    "too_many_columns": (
        "the sheet has data beyond column {last} (more than {limit} columns)",
        (
            "Remove what is right of the register (cells holding only a space too), or raise "
            "max_columns under [limits] in mvi-xl.toml."
        ),
    ),
    "too_many_cells": (
        "the sheet spans {rows} rows by {columns} columns, more than {limit} cells",
        (
            "Remove what is below or right of the register, or raise max_cells under [limits] in "
            "mvi-xl.toml."
        ),
    ),
    "too_many_strings": (
        "the workbook keeps more distinct texts than the {limit} cells a sheet may have",
        (
            "A register has far fewer; open it in Excel and save it again. If it really is that "
            "large, raise max_cells under [limits] in mvi-xl.toml."
        ),
    ),
    "formula_not_calculated": (
        Plural(
            (
                "formula without a calculated value (the only such cell on this sheet); mvi-xl "
                "does not calculate formulas and would read 0 or nothing here"
            ),
            (
                "formula without a calculated value ({count} such cells on this sheet); mvi-xl "
                "does not calculate formulas and would read 0 or nothing here"
            ),
        ),
        "Open the register in Excel (or LibreOffice), save it and try again.",
    ),
    "csv_unreadable": (
        "the CSV file is unreadable at line {line}: {reason}",
        "Open it in Excel and save it again as CSV (semicolons) or as .xlsx.",
    ),
    "formula_not_calculated_elsewhere": (
        Plural(
            (
                "{count} formula cell without a calculated value, in a column mvi-xl does not "
                "read (column {column}); not used"
            ),
            (
                "{count} formula cells without a calculated value, in columns mvi-xl does not "
                "read (such as column {column}); not used"
            ),
        ),
        "Nothing to do; open and save the register in Excel to have them calculated.",
    ),
    "hidden_rows": (
        Plural(
            "{count} hidden row with actions; it is counted",
            "{count} hidden rows with actions; they are counted",
        ),
        "Should an action not count? Set its status to vervallen or delete the row.",
    ),
    "merged_cells": (
        "merged cells: '{value}' applies to every action beside them",
        "Nothing to do; if this is wrong, unmerge the cells and fill in every row.",
    ),
    "header_band": (
        (
            "the header spans rows {first} to {last} (merged cells); each column name is taken "
            "from its lowest filled cell"
        ),
        "Nothing to do; the actions start below row {last}.",
    ),
    "text_too_long": (
        "text of {length} characters; an Excel cell holds {limit}, the rest was left out",
        "Shorten the text, or put the rest in the notes column.",
    ),
    "ragged_row": (
        Plural(
            (
                "this row has {fields} field, the header {header}: is there a {delimiter} in a "
                "text without quotes?"
            ),
            (
                "this row has {fields} fields, the header {header}: is there a {delimiter} in a "
                "text without quotes?"
            ),
            n="fields",
        ),
        "Put such a text in double quotes, or save the register from Excel.",
    ),
    "no_actions": (
        "there are no actions under the header",
        "Fill in actions under the header, or choose the sheet with the actions with --sheet.",
    ),
}
