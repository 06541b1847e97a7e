"""Writers: the monitor workbook (one module per sheet) and the starter register."""

from .workbook import Imprint, write_workbook

__all__ = ["Imprint", "write_workbook"]
