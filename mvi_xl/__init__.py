"""mvi-xl: from an MVI action register to a monitor workbook with native Excel charts."""

__version__ = "0.1.0"
