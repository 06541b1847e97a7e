"""Writers: the monitor workbook (one module per sheet) and the starter register."""

from .workbook import write_workbook

__all__ = ["write_workbook"]
