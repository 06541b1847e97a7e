"""The messages of the published renderings (--html, the tagged --pdf, --ods) and of dates
before 1900, in English: the msgids of the catalogues (see ``i18n.MESSAGES``)."""

from __future__ import annotations

PAGE_MESSAGES: dict[str, tuple[str, str]] = {
    "date_before_1900": (
        "date {date} is before 1900; Excel can't keep it as a date, so it is ignored",
        "Check the year (1018 where 2018 was meant, for instance).",
    ),
    "pdf_untagged": (
        (
            "no Edge, Chrome or Chromium found: the PDF {path} was printed by LibreOffice and is "
            "not tagged, so not accessible to screen readers"
        ),
        "Install Microsoft Edge, Google Chrome or Chromium, or name the browser in {env}.",
    ),
    "browser_failed": (
        "the browser could not make the PDF ({reason}); the monitor was not replaced",
        "Try again, or name another browser (Edge, Chrome, Chromium) in {env}.",
    ),
    "no_pdf_printer": (
        (
            "no browser (Edge, Chrome, Chromium) and no LibreOffice found; --pdf needs one of "
            "them to print the monitor as a PDF, so nothing was written"
        ),
        (
            "Install Microsoft Edge, Google Chrome, Chromium or LibreOffice, name the browser in "
            "{browser_env} or soffice in {env}, or leave out --pdf."
        ),
    ),
    "no_libreoffice_ods": (
        (
            "LibreOffice not found; --ods needs LibreOffice Calc to save the monitor as "
            "OpenDocument, so nothing was written"
        ),
        (
            "Install LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install libreoffice-"
            "calc-nogui), name soffice in {env}, or leave out --ods."
        ),
    ),
    "ods_failed": (
        "LibreOffice could not make the OpenDocument file ({reason}); the monitor was not replaced",
        "Try again, or build the monitor without --ods.",
    ),
    "rendering_in_use": (
        "{target} is in use; the new file is in {path}",
        "Close the file; the next run replaces it again.",
    ),
    "colour_contrast": (
        "the colour {colour} of {name} has {ratio}:1 against white; bars need 3:1 to be seen",
        "Choose a darker colour under [colours] in mvi-xl.toml, or leave it out for mvi-xl's own.",
    ),
    "colours_alike": (
        "the colours of {first} and {second} are hard to tell apart {seen}",
        "Choose colours further apart under [colours] in mvi-xl.toml, or leave them out.",
    ),
    "text_contrast": (
        "the text colour {colour} ({name}) has {ratio}:1 on {background}; text needs 4.5:1",
        "Choose a darker text colour under [colours] in mvi-xl.toml, or leave it out.",
    ),
    "seen.normal": ("even for readers with normal colour vision", ""),
    "seen.protanopia": ("for readers with protanopia (red-blind)", ""),
    "seen.deuteranopia": ("for readers with deuteranopia (green-blind)", ""),
    "seen.tritanopia": ("for readers with tritanopia (blue-blind)", ""),
}
