"""The shape of the code: modules a reader can hold in mind."""

from __future__ import annotations

from pathlib import Path

import mvi_xl

PACKAGE = Path(mvi_xl.__file__).parent
MAX_LINES = 500
#: being split into a package of words by purpose (issue 14)
EXEMPT = {"vocabulary.py"}


def test_no_module_is_longer_than_500_lines():
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in PACKAGE.rglob("*.py")
        if path.name not in EXEMPT
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
