"""Why a register is unreadable, in our words (never a library's), in English: the
``{reason}`` of ``unreadable``, as ``Phrase`` parts. Only the text is used; hints are empty."""

from __future__ import annotations

from .labels import Plural

REASON_MESSAGES: dict[str, tuple[str | Plural, str]] = {
    "reason_part_missing": (
        "part {part} is missing",
        "",
    ),
    "reason_no_workbook": (
        "the file does not say where its workbook is (_rels/.rels)",
        "",
    ),
    "reason_sheet_without_part": (
        "sheet {sheet} has no part in the file",
        "",
    ),
    "reason_sheet_part_missing": (
        "sheet {sheet}: part {part} is missing",
        "",
    ),
    "reason_compression": (
        "part {part} is packed in a way (method {method}) that Excel does not use",
        "",
    ),
    "reason_cell_reference": (
        "sheet {sheet}: invalid cell reference '{ref}'",
        "",
    ),
    "reason_row_number": (
        "sheet {sheet}: invalid row number '{number}'",
        "",
    ),
    "reason_table_in_table": (
        "sheet {sheet}: a table inside a table",
        "",
    ),
    "reason_unexpected_root": (
        "part {part} does not start with <{element}>",
        "",
    ),
    "reason_bad_count": (
        "sheet {sheet}: invalid value '{value}' for {attribute}",
        "",
    ),
    "reason_xml": (
        "part {part} is not valid XML ({problem}, line {line}, column {column})",
        "",
    ),
    "xml_syntax": (
        "syntax error",
        "",
    ),
    "xml_no_elements": (
        "the part is empty or ends too early",
        "",
    ),
    "xml_invalid_token": (
        "invalid character",
        "",
    ),
    "xml_unclosed_token": (
        "unfinished tag",
        "",
    ),
    "xml_partial_char": (
        "incomplete character",
        "",
    ),
    "xml_tag_mismatch": (
        "start and end tag do not belong together",
        "",
    ),
    "xml_duplicate_attribute": (
        "duplicate attribute",
        "",
    ),
    "xml_junk_after": (
        "content after the end of the document",
        "",
    ),
    "xml_undefined_entity": (
        "unknown entity",
        "",
    ),
    "xml_bad_character": (
        "reference to an invalid character",
        "",
    ),
    "xml_encoding": (
        "unknown or wrong character encoding",
        "",
    ),
    "xml_declaration": (
        "invalid XML declaration",
        "",
    ),
    "xml_unbound_prefix": (
        "unknown namespace prefix",
        "",
    ),
    "xml_other": (
        "invalid structure",
        "",
    ),
    "reason_os": (
        "read error (code {code})",
        "",
    ),
    "reason_os_io": (
        "the drive reported a read error",
        "",
    ),
    "reason_os_network": (
        "the network drive does not answer",
        "",
    ),
    "reason_os_busy": (
        "the file is busy",
        "",
    ),
    "reason_os_name": (
        "the path is too long or invalid",
        "",
    ),
    "reason_reader_format": (
        "python-calamine does not recognise the content as a workbook",
        "",
    ),
    "reason_reader_xml": (
        "python-calamine found an invalid XML part",
        "",
    ),
    "reason_reader_zip": (
        "python-calamine cannot unpack the content",
        "",
    ),
    "reason_reader_io": (
        "python-calamine got a read error",
        "",
    ),
    "reason_reader_sheet": (
        "python-calamine does not find this sheet",
        "",
    ),
    "reason_reader_crash": (
        "python-calamine broke down on the content of the file",
        "",
    ),
    "reason_reader_other": (
        "python-calamine cannot read the content",
        "",
    ),
    "reason_csv_field_too_long": (
        "a field is longer than {limit} characters (a quote that is never closed?)",
        "",
    ),
    "reason_csv_other": (
        "invalid structure",
        "",
    ),
}
