"""The few ways mvi-xl can fail on purpose, each with its exit code.

An error carries what the user needs to act (file, sheet, cell, a message code and its
parameters); it becomes one line of text, in the user's language, only at the CLI boundary.
"""

from __future__ import annotations

import errno
from pathlib import Path

from .words import i18n
from .words.i18n import Phrase

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_REGISTER = 3
EXIT_OUTPUT = 4
#: build: the monitor was in use, the new one was saved under a dated name beside it
EXIT_ELSEWHERE = 5


class MviError(Exception):
    """An expected failure that ends the run with one line on stderr."""

    exit_code = EXIT_INTERNAL

    def __init__(
        self,
        code: str,
        *,
        path: Path | str | None = None,
        where: str | None = None,
        **params: object,
    ) -> None:
        self.code = code
        self.path = Path(path) if path is not None else None
        self.where = where
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str = "nl") -> str:
        """One line: file, sheet and cell where known, what went wrong, and what to do."""
        text, hint = i18n.message(lang, self.code, **self.params)
        place = [str(self.path)] if self.path is not None else []
        if self.where:
            place.append(self.where)
        prefix = ", ".join(place)
        return f"{prefix}: {text}. {hint}" if prefix else f"{text}. {hint}"


class UsageError(MviError):
    """The command line or the configuration asks for something impossible (exit 2)."""

    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """mvi-xl.toml is unreadable or has a bad setting (exit 2)."""


class RegisterError(MviError):
    """The register can't be read or is invalid (exit 3)."""

    exit_code = EXIT_REGISTER


class OutputError(MviError):
    """The monitor can't be written (exit 4)."""

    exit_code = EXIT_OUTPUT


#: Operating-system errors a reader meets on a shared drive, as our words; the system's own
#: text (English, or the machine's language) never reaches a message. Others: their code.
_OS_REASONS = {
    "EIO": "reason_os_io",
    "ETIMEDOUT": "reason_os_network",
    "EHOSTDOWN": "reason_os_network",
    "EHOSTUNREACH": "reason_os_network",
    "ENETDOWN": "reason_os_network",
    "ENETUNREACH": "reason_os_network",
    "ENOTCONN": "reason_os_network",
    "ECONNRESET": "reason_os_network",
    "ESTALE": "reason_os_network",
    "EBUSY": "reason_os_busy",
    "ETXTBSY": "reason_os_busy",
    "ENAMETOOLONG": "reason_os_name",
    "EINVAL": "reason_os_name",
    "ELOOP": "reason_os_name",
}


def os_reason(exc: OSError) -> Phrase:
    """Why the file system refused, for a message's {reason}."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return Phrase(_OS_REASONS[name])
    code = getattr(exc, "winerror", None) or name or exc.errno or type(exc).__name__
    return Phrase("reason_os", code=code)
