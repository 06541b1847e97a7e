"""What a sheet writer works with, in one object: the workbook, the sheet, the monitor, the
words and the styles. XlsxWriter's own classes keep such state on ``self``; the sheet writers
keep it here instead of passing the same five from function to function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

from ..model import Monitor
from ..words.i18n import Words
from .styles import Format, Styles

#: XlsxWriter's classes; it has no annotations, so to mypy they are Any
Workbook: TypeAlias = Any
Worksheet: TypeAlias = Any

__all__ = ["Format", "SheetContext", "Workbook", "Worksheet"]


@dataclass(frozen=True, kw_only=True)
class SheetContext:
    """One sheet being written."""

    workbook: Workbook
    worksheet: Worksheet
    monitor: Monitor
    words: Words
    styles: Styles
