"""What a sheet writer works with, in one object: the workbook, the sheet, the monitor, the
words and the styles. XlsxWriter's own classes keep such state on ``self``; the sheet writers
keep it here instead of passing the same five from function to function."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Monitor
from ..vocabulary import Words
from .styles import Styles

if TYPE_CHECKING:  # XlsxWriter has no annotations: to mypy these are Any
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet
else:
    Workbook = Worksheet = Any


@dataclass(frozen=True, kw_only=True)
class SheetContext:
    """One sheet being written."""

    workbook: Workbook
    worksheet: Worksheet
    monitor: Monitor
    words: Words
    styles: Styles
