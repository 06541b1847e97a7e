"""The words of the published renderings (--html, the tagged --pdf, --ods) and of the warning
for dates before 1900, in one place.

To move into the gettext catalogue: these are kept apart from vocabulary.py only while that
module is being split into the words package. ``PAGE_WORDS`` are labels (``page_words(lang)``);
``PAGE_MESSAGES`` are (message, hint) pairs in the format of ``vocabulary.MESSAGES``, which
vocabulary.py merges into its own at its end. Labels the workbook has already are reused
through ``vocabulary.Words`` and are not repeated here.
"""

from __future__ import annotations

PAGE_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "html.lang": "nl-NL",
        "table.caption": "Aantal acties per periode en per status op {as_of}",
        "chart.kind": "Staafdiagram: per periode het aantal acties per status.",
        "chart.period": "{period}: {counts}",
        "chart.count": "{count} {status}",
        "chart.axis": "Aantal acties",
        "yes": "ja",
        "no": "nee",
        "no_periods": "Het register heeft nog geen acties.",
        "lists": "Acties",
        "made_by": "Gemaakt met mvi-xl {version} op {date}.",
        "cli.html_written": "Webpagina: {path}",
        "cli.ods_written": "OpenDocument-rekenblad: {path}",
    },
    "en": {
        "html.lang": "en-GB",
        "table.caption": "Number of actions per period and per status on {as_of}",
        "chart.kind": "Bar chart: per period the number of actions per status.",
        "chart.period": "{period}: {counts}",
        "chart.count": "{count} {status}",
        "chart.axis": "Number of actions",
        "yes": "yes",
        "no": "no",
        "no_periods": "The register has no actions yet.",
        "lists": "Actions",
        "made_by": "Made with mvi-xl {version} on {date}.",
        "cli.html_written": "Web page: {path}",
        "cli.ods_written": "OpenDocument spreadsheet: {path}",
    },
}

PAGE_MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "nl": {
        "date_before_1900": (
            "datum {date} ligt vóór 1900; Excel kan die niet als datum bewaren, dus genegeerd",
            "Controleer het jaartal (bijvoorbeeld 1018 waar 2018 bedoeld is).",
        ),
        "pdf_untagged": (
            "geen Edge, Chrome of Chromium gevonden: de PDF {path} is door LibreOffice "
            "afgedrukt en is niet getagd, dus niet toegankelijk voor schermlezers",
            "Installeer Microsoft Edge, Google Chrome of Chromium, of noem de browser in {env}.",
        ),
        "browser_failed": (
            "de browser kon de PDF niet maken ({reason}); de monitor is niet vervangen",
            "Probeer het opnieuw, of noem in {env} een andere browser (Edge, Chrome, Chromium).",
        ),
        "no_pdf_printer": (
            "geen browser (Edge, Chrome, Chromium) en geen LibreOffice gevonden; --pdf heeft een "
            "van beide nodig om de monitor als PDF af te drukken, dus er is niets geschreven",
            "Installeer Microsoft Edge, Google Chrome, Chromium of LibreOffice, noem de browser "
            "in {browser_env} of soffice in {env}, of laat --pdf weg.",
        ),
        "no_libreoffice_ods": (
            "LibreOffice niet gevonden; --ods heeft LibreOffice Calc nodig om de monitor als "
            "OpenDocument op te slaan, dus er is niets geschreven",
            "Installeer LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
            "libreoffice-calc-nogui), noem soffice in {env}, of laat --ods weg.",
        ),
        "ods_failed": (
            "LibreOffice kon het OpenDocument-bestand niet maken ({reason}); de monitor is "
            "niet vervangen",
            "Probeer het opnieuw, of maak de monitor zonder --ods.",
        ),
        "rendering_in_use": (
            "{target} is in gebruik; het nieuwe bestand staat in {path}",
            "Sluit het bestand; de volgende run vervangt het weer.",
        ),
    },
    "en": {
        "date_before_1900": (
            "date {date} is before 1900; Excel can't keep it as a date, so it is ignored",
            "Check the year (1018 where 2018 was meant, for instance).",
        ),
        "pdf_untagged": (
            "no Edge, Chrome or Chromium found: the PDF {path} was printed by LibreOffice and "
            "is not tagged, so not accessible to screen readers",
            "Install Microsoft Edge, Google Chrome or Chromium, or name the browser in {env}.",
        ),
        "browser_failed": (
            "the browser could not make the PDF ({reason}); the monitor was not replaced",
            "Try again, or name another browser (Edge, Chrome, Chromium) in {env}.",
        ),
        "no_pdf_printer": (
            "no browser (Edge, Chrome, Chromium) and no LibreOffice found; --pdf needs one of "
            "them to print the monitor as a PDF, so nothing was written",
            "Install Microsoft Edge, Google Chrome, Chromium or LibreOffice, name the browser in "
            "{browser_env} or soffice in {env}, or leave out --pdf.",
        ),
        "no_libreoffice_ods": (
            "LibreOffice not found; --ods needs LibreOffice Calc to save the monitor as "
            "OpenDocument, so nothing was written",
            "Install LibreOffice (libreoffice.org; Debian/Ubuntu: apt-get install "
            "libreoffice-calc-nogui), name soffice in {env}, or leave out --ods.",
        ),
        "ods_failed": (
            "LibreOffice could not make the OpenDocument file ({reason}); the monitor was not "
            "replaced",
            "Try again, or build the monitor without --ods.",
        ),
        "rendering_in_use": (
            "{target} is in use; the new file is in {path}",
            "Close the file; the next run replaces it again.",
        ),
    },
}


def page_words(lang: str) -> dict[str, str]:
    """The labels of the published renderings in ``lang`` (nl or en)."""
    return PAGE_WORDS[lang]


__all__ = ["PAGE_MESSAGES", "PAGE_WORDS", "page_words"]
