"""The shape of the code: modules a reader can hold in mind."""

from __future__ import annotations

from pathlib import Path

import mvi_xl

PACKAGE = Path(mvi_xl.__file__).parent
MAX_LINES = 500


def test_no_module_is_longer_than_500_lines():
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
